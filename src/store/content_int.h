/* What the content store's two files share: the handle behind struct
 * kc_content and the helpers both use. content.c opens the database and
 * reads topics and articles; content_search.c ranks and quotes search
 * results. Not part of the public interface. */
#ifndef KC_CONTENT_INT_H
#define KC_CONTENT_INT_H

#include <sqlite3.h>
#include <stddef.h>

#include "kneecare/content.h"

/* A limit from content.h as SQL text, for substr() in a statement. */
#define KC_STR_(x) #x
#define KC_STR(x) KC_STR_(x)

struct kc_search_state; /* prepared statements, made on the first search */

struct kc_content {
  sqlite3 *db;
  int fd;         /* a --content file, held open while the database is (-1: built in) */
  int trusted;    /* the built-in image, validated by the packer at build time */
  char note[256]; /* what the last read left out, for kc_content_note() */
  struct kc_search_state *search;
};

/* A prepared statement; 0, or -1 with the reason in c->note. */
int kc_content_prepare(struct kc_content *c, const char *sql, sqlite3_stmt **st);

/* Copies at most `cap` bytes of a text column (cut at a character boundary),
 * sanitised; *cut is set to 1 when it was longer (cut may be NULL). Never
 * NULL (mem.h's out-of-memory rule). */
char *kc_content_col(sqlite3_stmt *st, int i, size_t cap, int keep_newlines, int *cut);

void kc_content_search_free_state(struct kc_search_state *s);

#endif
