/* The article source format: a `key: value` header, a `---` line, then a
 * Markdown body (see docs/content-format.md). Parsing and the per-file
 * checks are pure so the packer, the tests and the fuzzer share them. */
#ifndef KC_ARTICLE_H
#define KC_ARTICLE_H

#include <stddef.h>

#define KC_TITLE_MAX_COLS 80
#define KC_SUMMARY_MAX_COLS 160
#define KC_ID_MAX 64

struct kc_article_src {
  char *id, *title, *topic, *summary;
  char **related; /* ids */
  size_t n_related;
  int related_line;
  char **sources;
  size_t n_sources;
  int order;      /* reading order in the topic: 1..999, default 500 */
  char *reviewed; /* "YYYY-MM-DD": when the content was last checked (NULL if absent) */
  int reviewed_line;
  int topic_line, id_line;
  const char *body; /* points into the parsed text */
  size_t body_len;
  int body_line; /* line number of the body's first line */
};

/* Parses one article file. On error returns -1 with *err_line and err set
 * (line 0 means the whole file); out is then freed. */
int kc_article_parse(const char *text, size_t len, struct kc_article_src *out, int *err_line,
                     char *err, size_t errlen);
void kc_article_src_free(struct kc_article_src *a);

/* 1 if id is 1..64 of [a-z0-9-], not starting or ending with '-'. */
int kc_article_id_valid(const char *id);

/* Line (1-based, relative to body_line) where "](target" first appears in the
 * body, for pinning a broken link to its line; body_line if not found. */
int kc_article_link_line(const struct kc_article_src *a, const char *target);

#endif
