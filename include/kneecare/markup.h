/* Article Markdown -> styled, wrapped lines for a given width.
 * Parsing is done by md4c (a CommonMark parser); this module only decides
 * how each block looks in a terminal and wraps it. Every byte that reaches
 * a line has been sanitised: content can never emit a control sequence. */
#ifndef KC_MARKUP_H
#define KC_MARKUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum kc_style {
  KC_S_PLAIN = 0,
  KC_S_EM = 1 << 0,
  KC_S_STRONG = 1 << 1,
  KC_S_LINK = 1 << 2,
  KC_S_H2 = 1 << 3,
  KC_S_H3 = 1 << 4,
  KC_S_BULLET = 1 << 5, /* list marker */
};

struct kc_seg {
  uint32_t off, len; /* bytes within the line's text */
  uint16_t style;    /* enum kc_style bits */
  int16_t link;      /* index into links, or -1 */
};

struct kc_mline {
  uint32_t text_off, text_len; /* into kc_mdoc.text */
  uint32_t seg_off;            /* into kc_mdoc.segs */
  uint16_t nseg;
  uint16_t indent; /* columns of blank space before the text */
};

struct kc_mdoc {
  char *text;
  size_t text_len, text_cap;
  struct kc_seg *segs;
  size_t n_segs, segs_cap;
  struct kc_mline *lines;
  size_t n_lines, lines_cap;
  char **links;      /* link targets (sanitised), in order of appearance */
  size_t *link_line; /* first line each link appears on */
  size_t n_links, links_cap;
  int width;
};

/* ---- tags ----------------------------------------------------------------
 * Articles name warning signs and levels through tags that are rendered
 * from the content database, so urgency lives in one table:
 *   {sign:ID}     the sign's statement and its level's title
 *   {level:NAME}  a level's title (NAME = self-care, soon, 24h, ed, ambulance)
 *   {action:NAME} a level's one-line action
 * ID and NAME are [a-z0-9-]. The words come from a resolver (core has no
 * SQL: the wizard definition provides one, kc_wz_tag_resolver). */
enum kc_tag_kind { KC_TAG_SIGN = 0, KC_TAG_LEVEL = 1, KC_TAG_ACTION = 2 };

/* One tag found in a text: bytes [start, end) are "{kind:id}". */
struct kc_tag {
  enum kc_tag_kind kind;
  size_t start, end;
  const char *id; /* points into the text */
  size_t id_len;
};
/* Finds the first tag at or after `from` in s[0..len); false when none. */
bool kc_tag_next(const char *s, size_t len, size_t from, struct kc_tag *out);

/* What a tag shows: text (a statement, title or action) and, for a sign,
 * the title of its level. */
struct kc_tag_words {
  const char *text, *level_title;
};
struct kc_tag_resolver {
  /* false when the tag names nothing known: it is then left as written */
  bool (*resolve)(const void *ctx, enum kc_tag_kind kind, const char *id, size_t id_len,
                  struct kc_tag_words *out);
  const void *ctx;
};
/* src (Markdown) with every tag that resolves replaced by Markdown: a sign
 * as "statement: **level title**", a level or action as its words, all
 * escaped. Returns a malloc'd string of *out_len bytes (NUL-terminated). */
char *kc_tags_expand(const char *src, size_t len, const struct kc_tag_resolver *r, size_t *out_len);
/* The words tags render: the five levels' titles and actions and the
 * warning signs' statements and levels, as loaded from the content
 * database (store/wizard_load.c: kc_tags_load) or built by hand. */
struct kc_tag_table;
struct kc_tag_table *kc_tag_table_new(void);
void kc_tag_table_free(struct kc_tag_table *t);
/* level 1..5 with its data name ("self-care" ... "ambulance"); others ignored */
void kc_tag_table_level(struct kc_tag_table *t, int level, const char *name, const char *title,
                        const char *action);
void kc_tag_table_sign(struct kc_tag_table *t, const char *id, int level, const char *statement);
/* A resolver over the table (which must outlive it). */
struct kc_tag_resolver kc_tag_table_resolver(const struct kc_tag_table *t);

/* kc_markup_render with the tags expanded first (tags NULL: none are). */
int kc_markup_render_tagged(const char *src, size_t len, int width,
                            const struct kc_tag_resolver *tags, struct kc_mdoc *doc);

/* Renders src (Markdown) at `width` columns (clamped to 1..1000) into doc,
 * which must be zeroed or freed before. Returns 0, or -1 when out of memory
 * (doc is then empty but valid). */
int kc_markup_render(const char *src, size_t len, int width, struct kc_mdoc *doc);
void kc_mdoc_free(struct kc_mdoc *doc);

#endif
