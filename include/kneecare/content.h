/* The content database: topics, articles, related links, sources and
 * full-text search. Opened read-only, either from the image embedded in the
 * binary or from a file given with --content (treated as untrusted: checked
 * schema, defensive mode, every string sanitised before it is returned). */
#ifndef KC_CONTENT_H
#define KC_CONTENT_H

#include <stddef.h>

typedef struct sqlite3 sqlite3;
struct kc_content;

/* Search snippets mark matches with these bytes (never present in
 * sanitised text). */
#define KC_MARK_ON '\x02'
#define KC_MARK_OFF '\x03'

struct kc_topic {
  char *id, *title, *summary;
  int n_articles;
};

struct kc_article_ref {
  char *id, *topic, *title, *summary;
};

struct kc_article {
  char *id, *topic, *topic_title, *title, *summary, *body;
  struct kc_article_ref *related;
  size_t n_related;
  char **sources;
  size_t n_sources;
};

struct kc_hit {
  char *id, *title, *snippet; /* snippet has KC_MARK_ON/OFF around matches */
};

int kc_content_open_image(const unsigned char *data, size_t len, struct kc_content **out, char *err,
                          size_t errlen);
int kc_content_open_file(const char *path, struct kc_content **out, char *err, size_t errlen);
void kc_content_close(struct kc_content *c);

int kc_content_topics(struct kc_content *c, struct kc_topic **out, size_t *n);
void kc_topics_free(struct kc_topic *t, size_t n);

/* Articles of a topic (all articles when topic is NULL), in reading order. */
int kc_content_list(struct kc_content *c, const char *topic, struct kc_article_ref **out,
                    size_t *n);
void kc_article_refs_free(struct kc_article_ref *r, size_t n);

/* Returns 1 and fills out when found, 0 when there is no such id, -1 on error. */
int kc_content_article(struct kc_content *c, const char *id, struct kc_article *out);
void kc_article_free(struct kc_article *a);

/* Ranked full-text search; `prefix` makes the last word match as a prefix
 * (type-ahead). Any input is safe: it never yields an FTS5 error. Returns
 * the number of hits, or -1 on a database error (message in err). */
int kc_content_search(struct kc_content *c, const char *query, int limit, int prefix,
                      struct kc_hit **out, size_t *n, char *err, size_t errlen);
void kc_hits_free(struct kc_hit *h, size_t n);

/* Title of an article, sanitised, or NULL. Caller frees. */
char *kc_content_title(struct kc_content *c, const char *id);

#endif
