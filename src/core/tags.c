/* Article tags ({sign:ID}, {level:NAME}, {action:NAME}): finding them in a
 * text, expanding them into Markdown with the words a resolver gives, and
 * the one resolver: a small table of the levels' and signs' words (loaded
 * from the content database without the rest of the wizard, so opening an
 * article stays cheap). Used by the renderer (reader, `show`) and the
 * packer (the search index gets the expanded words, so "blood clot" is
 * findable). See markup.h for the markup itself. */
#include <stdlib.h>
#include <string.h>

#include "kneecare/markup.h"
#include "kneecare/mem.h"
#include "kneecare/strbuf.h"

#define TAG_LEVELS 6 /* 1..5 */

struct tag_sign {
  char *id, *statement;
  int level;
};

struct kc_tag_table {
  char *name[TAG_LEVELS], *title[TAG_LEVELS], *action[TAG_LEVELS];
  struct tag_sign *signs;
  size_t n_signs, cap_signs;
};

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

/* ---- the table ---------------------------------------------------------------- */

struct kc_tag_table *kc_tag_table_new(void) {
  return kc_xcalloc(1, sizeof(struct kc_tag_table));
}

void kc_tag_table_free(struct kc_tag_table *t) {
  if (!t) return;
  for (int l = 0; l < TAG_LEVELS; l++) {
    free(t->name[l]);
    free(t->title[l]);
    free(t->action[l]);
  }
  for (size_t i = 0; i < t->n_signs; i++) {
    free(t->signs[i].id);
    free(t->signs[i].statement);
  }
  free(t->signs);
  free(t);
}

void kc_tag_table_level(struct kc_tag_table *t, int level, const char *name, const char *title,
                        const char *action) {
  if (level < 1 || level >= TAG_LEVELS || !name || !title || !action || t->name[level]) return;
  t->name[level] = kc_xstrdup(name);
  t->title[level] = kc_xstrdup(title);
  t->action[level] = kc_xstrdup(action);
}

void kc_tag_table_sign(struct kc_tag_table *t, const char *id, int level, const char *statement) {
  if (!id || !statement || level < 1 || level >= TAG_LEVELS) return;
  KC_GROW(t->signs, t->cap_signs, t->n_signs + 1);
  t->signs[t->n_signs++] = (struct tag_sign){kc_xstrdup(id), kc_xstrdup(statement), level};
}

static bool same(const char *s, const char *id, size_t len) {
  return s && strlen(s) == len && memcmp(s, id, len) == 0;
}

static bool resolve(const void *ctx, enum kc_tag_kind kind, const char *id, size_t len,
                    struct kc_tag_words *out) {
  const struct kc_tag_table *t = ctx;
  if (kind == KC_TAG_SIGN) {
    for (size_t i = 0; i < t->n_signs; i++)
      if (same(t->signs[i].id, id, len) && t->title[t->signs[i].level]) {
        *out = (struct kc_tag_words){t->signs[i].statement, t->title[t->signs[i].level]};
        return true;
      }
    return false;
  }
  for (int l = 1; l < TAG_LEVELS; l++)
    if (same(t->name[l], id, len)) {
      *out = (struct kc_tag_words){kind == KC_TAG_LEVEL ? t->title[l] : t->action[l], NULL};
      return true;
    }
  return false;
}

struct kc_tag_resolver kc_tag_table_resolver(const struct kc_tag_table *t) {
  return (struct kc_tag_resolver){t ? resolve : NULL, t};
}
