/* One growing string for the whole program: composing Markdown for the
 * reader, exports and reports, and serialising records. Allocation follows
 * the out-of-memory rule of mem.h, so every call succeeds.
 *
 * kc_strbuf_put_md escapes with ONE character set for every Markdown we
 * write (screens, exports, the clinician report): CommonMark punctuation,
 * table pipes, and the characters that would let GFM turn text into an
 * autolink (':' of "https:", '@' of an e-mail, '.' of "www."). */
#ifndef KC_STRBUF_H
#define KC_STRBUF_H

#include <stddef.h>

struct kc_strbuf {
  char *s;
  size_t len, cap;
};

void kc_strbuf_put(struct kc_strbuf *b, const char *s);
void kc_strbuf_putn(struct kc_strbuf *b, const char *s, size_t n);
void kc_strbuf_putc(struct kc_strbuf *b, char c);
void kc_strbuf_printf(struct kc_strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends text so that Markdown shows it literally (see above). Line
 * breaks become spaces: one value never starts a new block. */
void kc_strbuf_put_md(struct kc_strbuf *b, const char *s);
/* The string ("" when nothing was added); stays owned by b. */
const char *kc_strbuf_str(const struct kc_strbuf *b);
/* Hands the string to the caller (never NULL; free it) and empties b. */
char *kc_strbuf_take(struct kc_strbuf *b);
void kc_strbuf_free(struct kc_strbuf *b);

/* The characters kc_strbuf_put_md escapes. */
extern const char kc_md_special[];

#endif
