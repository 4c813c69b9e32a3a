/* The growing string (see strbuf.h). */
#include "kneecare/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/mem.h"

const char kc_md_special[] = "\\`*_{}[]()#+-.!<>&|~:@";

static void reserve(struct kc_strbuf *b, size_t extra) {
  KC_GROW(b->s, b->cap, b->len + extra + 1);
}

void kc_strbuf_putn(struct kc_strbuf *b, const char *s, size_t n) {
  reserve(b, n);
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

void kc_strbuf_put(struct kc_strbuf *b, const char *s) { kc_strbuf_putn(b, s, strlen(s)); }

void kc_strbuf_putc(struct kc_strbuf *b, char c) { kc_strbuf_putn(b, &c, 1); }

void kc_strbuf_printf(struct kc_strbuf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return; /* an encoding error in fmt: nothing to add */
  reserve(b, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void kc_strbuf_put_md(struct kc_strbuf *b, const char *s) {
  for (; *s; s++) {
    char c = *s == '\n' || *s == '\r' ? ' ' : *s;
    if (strchr(kc_md_special, c)) kc_strbuf_putc(b, '\\');
    kc_strbuf_putc(b, c);
  }
}

const char *kc_strbuf_str(const struct kc_strbuf *b) { return b->s ? b->s : ""; }

char *kc_strbuf_take(struct kc_strbuf *b) {
  char *s = b->s ? b->s : kc_xstrdup("");
  memset(b, 0, sizeof *b);
  return s;
}

void kc_strbuf_free(struct kc_strbuf *b) {
  free(b->s);
  memset(b, 0, sizeof *b);
}
