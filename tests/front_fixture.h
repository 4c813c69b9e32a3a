/* Test fixture: content files with a front written by hand, from the format
 * as kneecare/content_front.h describes it (not with the code under test),
 * so that a front the tests make and one kcpack makes must agree.
 *
 *   [content database][front database][trailer: header copy, offset,
 *                                      length (big-endian), magic]
 *
 * Static functions for the check suites that include it (unit and e2e). */
#ifndef KC_FRONT_FIXTURE_H
#define KC_FRONT_FIXTURE_H

#include <check.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FX_TRAILER 132
#define FX_SCHEMA                                                                                  \
  "CREATE TABLE meta(key TEXT PRIMARY KEY,value TEXT);"                                            \
  "CREATE TABLE topic(id TEXT PRIMARY KEY,position INTEGER UNIQUE,title TEXT,summary TEXT);"

static inline void fx_copy(const char *from, const char *to) {
  FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
  ck_assert_msg(in && out, "copy %s -> %s", from, to);
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0) ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
  fclose(in);
  ck_assert_int_eq(fclose(out), 0);
}

static inline long long fx_size(const char *path) {
  struct stat st;
  ck_assert_int_eq(stat(path, &st), 0);
  return (long long)st.st_size;
}

/* The content database's own length: page size (offset 16, 2 bytes, 1 for
 * 65536) times page count (offset 28, 4 bytes), from the SQLite file
 * format. */
static inline long long fx_db_len(const char *path, unsigned char header[100]) {
  FILE *f = fopen(path, "rb");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fread(header, 1, 100, f), 100);
  fclose(f);
  long long page = header[16] << 8 | header[17];
  if (page == 1) page = 65536;
  long long pages = (long long)header[28] << 24 | header[29] << 16 | header[30] << 8 | header[31];
  return page * pages;
}

static inline void fx_be64(unsigned char *p, uint64_t v) {
  for (int i = 7; i >= 0; i--, v >>= 8) p[i] = (unsigned char)v;
}

/* Replaces whatever follows the content database at path by a front made
 * by running sql on an empty database (page size 512), and its trailer. */
static inline void fx_put_front(const char *path, const char *sql) {
  unsigned char header[100], trailer[FX_TRAILER];
  long long db_len = fx_db_len(path, header);
  ck_assert_int_eq(truncate(path, (off_t)db_len), 0);
  sqlite3 *db = NULL;
  ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  ck_assert_int_eq(sqlite3_exec(db, "PRAGMA page_size = 512", NULL, NULL, NULL), SQLITE_OK);
  char *msg = NULL;
  ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s", msg ? msg : "");
  sqlite3_int64 len = 0;
  unsigned char *front = sqlite3_serialize(db, "main", &len, 0);
  ck_assert_ptr_nonnull(front);
  memcpy(trailer, header, 100);
  fx_be64(trailer + 100, (uint64_t)db_len);
  fx_be64(trailer + 108, (uint64_t)len);
  memcpy(trailer + 116, "kneecare-front/1", 16);
  FILE *f = fopen(path, "ab");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(front, 1, (size_t)len, f), (size_t)len);
  ck_assert_uint_eq(fwrite(trailer, 1, sizeof trailer, f), sizeof trailer);
  ck_assert_int_eq(fclose(f), 0);
  sqlite3_free(front);
  sqlite3_close(db);
}

/* A front with the content database's own topics, counts and checksum
 * (what kcpack writes), then more: extra SQL run on it before it is
 * written (NULL for none). */
static inline void fx_put_true_front(const char *path, const char *extra) {
  char *sql = sqlite3_mprintf(
      FX_SCHEMA "ATTACH %Q AS packed;"
                "INSERT INTO topic SELECT id, position, title, summary FROM packed.topic;"
                "INSERT INTO meta SELECT key, value FROM packed.meta WHERE key = "
                "'content_checksum' OR substr(key, 1, 15) = 'topic_articles:';"
                "DETACH packed;%s",
      path, extra ? extra : "");
  fx_put_front(path, sql);
  sqlite3_free(sql);
}

#endif
