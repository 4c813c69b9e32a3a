/* The content database: topics, articles, related links, sources and
 * full-text search. Opened read-only, either from the image embedded in the
 * binary or from a file given with --content (treated as untrusted: checked
 * schema, defensive mode, every string sanitised before it is returned, and
 * every read bounded by the limits below). */
#ifndef KC_CONTENT_H
#define KC_CONTENT_H

#include <stddef.h>

typedef struct sqlite3 sqlite3;
struct kc_content;

/* Search snippets mark matches with these bytes (never present in
 * sanitised text). */
#define KC_MARK_ON '\x02'
#define KC_MARK_OFF '\x03'

/* What one read may take from a content database. Real content is far
 * inside each (50 articles of 2-3 KB, titles under 70 bytes, at most 8
 * sources); a foreign file beyond one is cut with a note (see
 * kc_content_note) or, for an article body, refused -- never loaded whole. */
#define KC_CONTENT_MAX_TOPICS 100
#define KC_CONTENT_MAX_LIST 2000 /* articles in one list */
#define KC_CONTENT_MAX_RELATED 32
#define KC_CONTENT_MAX_SOURCES 64
#define KC_CONTENT_MAX_ID 64 /* bytes, as every length here */
#define KC_CONTENT_MAX_TITLE 512
#define KC_CONTENT_MAX_SUMMARY 2048
#define KC_CONTENT_MAX_SOURCE 2048
#define KC_CONTENT_MAX_BODY (256 * 1024)

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
  char *id, *title, *snippet; /* title and snippet have KC_MARK_ON/OFF around matches */
  int has_snippet;            /* 0: the title is not marked up yet and the snippet is "" until
                      kc_content_find_snippets fills the row */
};

int kc_content_open_image(const unsigned char *data, size_t len, struct kc_content **out, char *err,
                          size_t errlen);
int kc_content_open_file(const char *path, struct kc_content **out, char *err, size_t errlen);
/* The same, with most of the schema check left for kc_content_check. The
 * guide's first frame reads only the topics and their counts, through the
 * hardened connection (no views, triggers or untrusted functions, every
 * value capped). From the file's front when it has a current one
 * (kneecare/content_front.h: only that small database is opened, its
 * schema checked whole); else from the content database, whose two tables
 * the frame reads are checked now: no generated column in them is computed
 * before the whole check. */
int kc_content_open_file_unchecked(const char *path, struct kc_content **out, char *err,
                                   size_t errlen);
/* The schema check of a file opened unchecked: 0 (also for content already
 * checked or built in), or -1 with the reason ("not a kneecare content
 * database (...)") in err. A file opened at its front is opened now, and
 * refused unless the front's topics and checksum are its own. */
int kc_content_check(struct kc_content *c, char *err, size_t errlen);
void kc_content_close(struct kc_content *c);

/* After a call below returned: what it left out or why it failed, as one
 * plain sentence ("this content has more than 100 topics; the first 100 are
 * shown"), or NULL when nothing was left out. Valid until the next call. */
const char *kc_content_note(const struct kc_content *c);

int kc_content_topics(struct kc_content *c, struct kc_topic **out, size_t *n);
void kc_topics_free(struct kc_topic *t, size_t n);

/* Articles of a topic (all articles when topic is NULL), in reading order. */
int kc_content_list(struct kc_content *c, const char *topic, struct kc_article_ref **out,
                    size_t *n);
void kc_article_refs_free(struct kc_article_ref *r, size_t n);

/* Returns 1 and fills out when found, 0 when there is no such id, -1 on error. */
int kc_content_article(struct kc_content *c, const char *id, struct kc_article *out);
void kc_article_free(struct kc_article *a);

/* ---- search ---------------------------------------------------------- */

#define KC_SEARCH_MAX_HITS 200

struct kc_search_req {
  const char *query; /* what the person typed: any bytes */
  const char *topic; /* only this topic's articles, or NULL for every topic */
  int limit;         /* hits wanted, 1..KC_SEARCH_MAX_HITS */
  int snippets;      /* snippets for the first this many hits (the rows on screen); < 0: all */
  int prefix;        /* type-ahead: the last word may be unfinished */
};

struct kc_search_res {
  struct kc_hit *hits;
  size_t n;
  size_t n_all;      /* hits[0..n_all) contain every meaningful word; later ones only some */
  int more;          /* there are more hits than `limit` */
  int capped;        /* the query was longer than KC_QUERY_MAX_CHARS: only its start was searched */
  char *showing_for; /* a word was corrected: the query as searched, else NULL */
  struct kc_search_priv *priv; /* what kc_content_find_snippets needs */
};

/* Ranked search. Any input is safe and quick: it never yields an FTS5 error
 * and its cost does not grow with the number of articles. Returns the number
 * of hits, or -1 on a database error (message in err). res must be freed
 * with kc_search_res_free either way. */
int kc_content_find(struct kc_content *c, const struct kc_search_req *req,
                    struct kc_search_res *res, char *err, size_t errlen);
/* Fills the rows hits[from..to) that are not filled yet (rows scrolled into
 * view): the title with its matches marked, and the snippet. Returns 0, or
 * -1 on a database error. */
int kc_content_find_snippets(struct kc_content *c, struct kc_search_res *res, size_t from,
                             size_t to);
void kc_search_res_free(struct kc_search_res *res);

/* The same search with every hit's snippet, as a plain list (limit <= 0
 * means 50). Returns the number of hits, or -1 (message in err). */
int kc_content_search(struct kc_content *c, const char *query, int limit, int prefix,
                      struct kc_hit **out, size_t *n, char *err, size_t errlen);
void kc_hits_free(struct kc_hit *h, size_t n);

/* Title of an article, sanitised, or NULL. Caller frees. */
char *kc_content_title(struct kc_content *c, const char *id);

#endif
