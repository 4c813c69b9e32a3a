/* Article tags ({sign:ID}, {level:NAME}, {action:NAME}): finding them in a
 * text and expanding them into Markdown with the words a resolver gives.
 * Used by the renderer (reader, `show`), the packer (the search index gets
 * the expanded words, so "blood clot" is findable) and its checks. See
 * markup.h for the markup itself. */
#include <string.h>

#include "kneecare/markup.h"
#include "kneecare/mem.h"
#include "kneecare/strbuf.h"

static const struct {
  const char *word;
  size_t len;
  enum kc_tag_kind kind;
} kinds[] = {{"sign", 4, KC_TAG_SIGN}, {"level", 5, KC_TAG_LEVEL}, {"action", 6, KC_TAG_ACTION}};

static bool id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

/* A tag starting at s[i] == '{', or false. */
static bool tag_at(const char *s, size_t len, size_t i, struct kc_tag *out) {
  for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
    size_t p = i + 1, n = kinds[k].len;
    if (p + n + 2 > len || memcmp(s + p, kinds[k].word, n) != 0 || s[p + n] != ':') continue;
    size_t id = p + n + 1, e = id;
    while (e < len && id_char(s[e])) e++;
    if (e == id || e >= len || s[e] != '}') return false;
    *out = (struct kc_tag){kinds[k].kind, i, e + 1, s + id, e - id};
    return true;
  }
  return false;
}

bool kc_tag_next(const char *s, size_t len, size_t from, struct kc_tag *out) {
  for (size_t i = from; i < len; i++) {
    const char *b = memchr(s + i, '{', len - i);
    if (!b) return false;
    i = (size_t)(b - s);
    if (tag_at(s, len, i, out)) return true;
  }
  return false;
}

char *kc_tags_expand(const char *src, size_t len, const struct kc_tag_resolver *r,
                     size_t *out_len) {
  struct kc_strbuf b = {0};
  size_t at = 0;
  struct kc_tag t;
  while (r && r->resolve && kc_tag_next(src, len, at, &t)) {
    struct kc_tag_words w = {0};
    kc_strbuf_putn(&b, src + at, t.start - at);
    if (r->resolve(r->ctx, t.kind, t.id, t.id_len, &w) && w.text) {
      kc_strbuf_put_md(&b, w.text);
      if (t.kind == KC_TAG_SIGN && w.level_title) {
        kc_strbuf_put(&b, ": **");
        kc_strbuf_put_md(&b, w.level_title);
        kc_strbuf_put(&b, "**");
      }
    } else {
      kc_strbuf_putn(&b, src + t.start, t.end - t.start);
    }
    at = t.end;
  }
  kc_strbuf_putn(&b, src + at, len - at);
  if (out_len) *out_len = b.len;
  return kc_strbuf_take(&b);
}
