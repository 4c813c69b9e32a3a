/* Reading the front of a content file (the format is described in
 * kneecare/content_front.h): finding a current front from the trailer,
 * opening it with its schema checked, and comparing what it showed with
 * the content database behind it.
 *
 * The front is as untrusted as the rest of a --content file. Its schema
 * must be exactly the two statements kcpack writes (no views, no generated
 * columns, nothing else; else it is passed over), it is read through the
 * same hardened connection and capped reads as the content database, and
 * before any key is read its topic list and checksum must equal the
 * content database's (else the file is refused: the first frame showed
 * something that is not in it). */
#include "kneecare/content_front.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "content_int.h"
#include "content_vfs.h"

/* ---- the file's layout: no SQLite ---------------------------------------- */

static uint64_t get_be(const unsigned char *p, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; i++) v = v << 8 | p[i];
  return v;
}

static void put_be(unsigned char *p, uint64_t v) {
  for (int i = 7; i >= 0; i--, v >>= 8) p[i] = (unsigned char)(v & 0xff);
}

int64_t kc_front_db_len(const unsigned char header[KC_FRONT_HEADER]) {
  if (memcmp(header, "SQLite format 3", 16) != 0) return -1;
  uint64_t page = get_be(header + 16, 2);
  if (page == 1) page = 65536;
  if (page < 512 || page > 65536 || (page & (page - 1)) != 0) return -1;
  uint64_t pages = get_be(header + 28, 4);
  /* SQLite trusts the page count only while the change counter equals the
   * version-valid-for number (offsets 24 and 92); else it uses the file's
   * size, and so would the front's place be unknowable. */
  if (pages == 0 || memcmp(header + 24, header + 92, 4) != 0) return -1;
  return (int64_t)(page * pages);
}

/* One read of n bytes at off: a regular file gives them whole or is too short. */
static int read_at(int fd, unsigned char *buf, size_t n, int64_t off) {
  return pread(fd, buf, n, (off_t)off) == (ssize_t)n ? 0 : -1;
}

int kc_front_find(int fd, int64_t size, struct kc_front *f) {
  unsigned char tr[KC_FRONT_TRAILER], header[KC_FRONT_HEADER];
  if (size < 512 + 512 + KC_FRONT_TRAILER || read_at(fd, tr, sizeof tr, size - KC_FRONT_TRAILER))
    return 0;
  if (memcmp(tr + 116, KC_FRONT_MAGIC, 16) != 0) return 0;
  uint64_t off = get_be(tr + 100, 8), len = get_be(tr + 108, 8);
  if (len < 512 || len > KC_FRONT_MAX || off > (uint64_t)size ||
      off + len + KC_FRONT_TRAILER != (uint64_t)size)
    return 0;
  /* Current only if the content database is still the one packed: same
   * header (change counter, page count, schema cookie, ...), same end. */
  if (read_at(fd, header, sizeof header, 0) || memcmp(header, tr, KC_FRONT_HEADER) != 0 ||
      kc_front_db_len(header) != (int64_t)off)
    return 0;
  *f = (struct kc_front){(int64_t)off, (int64_t)len};
  return 1;
}

void kc_front_trailer(const unsigned char header[KC_FRONT_HEADER], int64_t off, int64_t len,
                      unsigned char out[KC_FRONT_TRAILER]) {
  memcpy(out, header, KC_FRONT_HEADER);
  put_be(out + 100, (uint64_t)off);
  put_be(out + 108, (uint64_t)len);
  memcpy(out + 116, KC_FRONT_MAGIC, 16);
}

/* ---- the front database ---------------------------------------------------- */

/* The whole schema of a front, in creation (rowid) order. */
static const struct {
  const char *type, *name, *sql;
} FRONT_SCHEMA[] = {
    {"table", "meta", KC_FRONT_SQL_META},        {"index", "sqlite_autoindex_meta_1", NULL},
    {"table", "topic", KC_FRONT_SQL_TOPIC},      {"index", "sqlite_autoindex_topic_1", NULL},
    {"index", "sqlite_autoindex_topic_2", NULL},
};
#define N_FRONT (sizeof FRONT_SCHEMA / sizeof FRONT_SCHEMA[0])

static int same_text(const unsigned char *a, const char *b) {
  return (!a && !b) || (a && b && strcmp((const char *)a, b) == 0);
}

/* 0 when the front's schema is exactly ours. */
static int check_front_schema(sqlite3 *db) {
  sqlite3_stmt *st = NULL;
  size_t n = 0;
  int ok = 1;
  if (sqlite3_prepare_v2(db, "SELECT type, name, sql FROM sqlite_schema ORDER BY rowid LIMIT 6", -1,
                         &st, NULL) != SQLITE_OK)
    return -1;
  while (ok && sqlite3_step(st) == SQLITE_ROW) {
    ok = n < N_FRONT && same_text(sqlite3_column_text(st, 0), FRONT_SCHEMA[n].type) &&
         same_text(sqlite3_column_text(st, 1), FRONT_SCHEMA[n].name) &&
         same_text(sqlite3_column_text(st, 2), FRONT_SCHEMA[n].sql);
    n++;
  }
  sqlite3_finalize(st);
  return ok && n == N_FRONT ? 0 : -1;
}

int kc_content_front_open(int fd, const struct kc_front *f, sqlite3 **out) {
  sqlite3 *db = NULL;
  *out = NULL;
  if (kc_content_vfs_open(fd, f->off, f->len, &db) != SQLITE_OK ||
      kc_content_harden(db) != SQLITE_OK || check_front_schema(db) != 0) {
    sqlite3_close(db);
    return -1;
  }
  *out = db;
  return 0;
}

/* meta's content_checksum, into buf (empty when missing). */
static void checksum(sqlite3 *db, char *buf, size_t n) {
  sqlite3_stmt *st = NULL;
  buf[0] = '\0';
  if (sqlite3_prepare_v2(db, "SELECT substr(value, 1, 60) FROM meta WHERE key = 'content_checksum'",
                         -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
}

static int same_topics(const struct kc_topic *a, size_t na, const struct kc_topic *b, size_t nb) {
  if (na != nb) return 0;
  for (size_t i = 0; i < na; i++)
    if (strcmp(a[i].id, b[i].id) != 0 || strcmp(a[i].title, b[i].title) != 0 ||
        strcmp(a[i].summary, b[i].summary) != 0 || a[i].n_articles != b[i].n_articles)
      return 0;
  return 1;
}

int kc_content_front_verify(struct kc_content *front, sqlite3 *main_db, char *err, size_t errlen) {
  struct kc_content whole = {.db = main_db, .main_fd = -1};
  struct kc_topic *a = NULL, *b = NULL;
  size_t na = 0, nb = 0;
  char sum_front[64], sum_main[64];
  checksum(front->db, sum_front, sizeof sum_front);
  checksum(main_db, sum_main, sizeof sum_main);
  int same = sum_front[0] && strcmp(sum_front, sum_main) == 0 &&
             kc_content_topics(front, &a, &na) == 0 && kc_content_topics(&whole, &b, &nb) == 0 &&
             same_topics(a, na, b, nb);
  kc_topics_free(a, na);
  kc_topics_free(b, nb);
  if (same) return 0;
  snprintf(err, errlen,
           "not a kneecare content database (its front, the topic list kcpack adds for the first "
           "screen, does not match its articles; pack the content again)");
  return -1;
}
