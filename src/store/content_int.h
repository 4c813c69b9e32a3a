/* What the content store's files share: the handle behind struct
 * kc_content and the helpers they use. content.c opens the database and
 * reads topics and articles; content_search.c runs searches; content_fts.c
 * holds the FTS5 functions that rank and quote them. Not part of the
 * public interface. */
#ifndef KC_CONTENT_INT_H
#define KC_CONTENT_INT_H

#include <sqlite3.h>
#include <stddef.h>

#include "kneecare/content.h"
#include "kneecare/query.h"

/* A limit from content.h as SQL text, for substr() in a statement. */
#define KC_STR_(x) #x
#define KC_STR(x) KC_STR_(x)

struct kc_search_state; /* prepared statements, made on the first search */

/* Phrases of one search expression: "(rare words) AND (any word)" names
 * each twice (content_search.c builds it, kc_rank reads it). */
#define KC_MAX_PHRASES (2 * KC_QUERY_MAX_GROUPS * KC_QUERY_MAX_ALTS)

struct kc_content {
  sqlite3 *db;        /* the content database, or its front until kc_content_check */
  int trusted;        /* the built-in image, validated by the packer at build time */
  int checked;        /* the schema check passed (always for trusted content) */
  int main_fd;        /* while db is the front: the file, for the content database; else -1 */
  long long main_len; /* ... and the content database's length in it */
  char note[256];     /* what the last read left out, for kc_content_note() */
  struct kc_search_state *search;
};

/* Hardens a just-opened content connection and, unless trusted (the
 * built-in image) or told to leave it for kc_content_check, checks its
 * schema; wraps it in *out, or closes it and returns -1 with the reason in
 * err. */
int kc_content_finish_open(sqlite3 *db, int trusted, int check, struct kc_content **out, char *err,
                           size_t errlen);

/* Hardens a just-opened content connection: defensive mode, no triggers,
 * views or untrusted functions, SQLite's limits, query only. SQLITE_OK or
 * an SQLite error code. */
int kc_content_harden(sqlite3 *db);

/* content_front.c: the front of a content file (kneecare/content_front.h).
 * Opens the front described by f in fd, hardened, and checks that its
 * schema is exactly kcpack's: 0 with *db, or -1 (nothing left open). */
struct kc_front;
int kc_content_front_open(int fd, const struct kc_front *f, sqlite3 **db);
/* 0 when the front shown (front->db) has the topic list and checksum of
 * the content database main_db (already schema-checked); else -1 with the
 * reason in err. */
int kc_content_front_verify(struct kc_content *front, sqlite3 *main_db, char *err, size_t errlen);

/* A prepared statement; 0, or -1 with the reason in c->note. */
int kc_content_prepare(struct kc_content *c, const char *sql, sqlite3_stmt **st);

/* Copies at most `cap` bytes of a text column (cut at a character boundary),
 * sanitised; *cut is set to 1 when it was longer (cut may be NULL). Never
 * NULL (mem.h's out-of-memory rule). */
char *kc_content_col(sqlite3_stmt *st, int i, size_t cap, int keep_newlines, int *cut);

void kc_content_search_free_state(struct kc_search_state *s);

/* Registers kc_rank and kc_snippet (content_fts.c) on db; 0 or -1. */
int kc_content_fts_register(sqlite3 *db);

#endif
