/* The front of a content file (kneecare/content_front.h): kcpack appends
 * it, the guide's first frame reads it instead of the 77-entry content
 * database, and before any key it must match that database.
 *
 * Fronts here are written by hand from the documented format
 * (front_fixture.h), so the reader is tested against the format and not
 * against its own writer. What each case expects follows from the format's
 * promise: a current front that is kcpack's is what the first frame shows;
 * a stale, damaged or foreign one is passed over (the content database is
 * read, as without a front); a front that lies about its content is
 * refused before any key. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "front_fixture.h"
#include "kc_check.h"
#include "kneecare/content.h"
#include "kneecare/content_front.h"
#include "pack_front.h"

static char dir[256];
static char path[400];

static void setup(void) {
  snprintf(dir, sizeof dir, "/tmp/kc-front-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/content.db", dir);
  fx_copy(KC_CONTENT_DB, path);
}

static void teardown(void) {
  char cmd[400];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

/* The topics as the guide's first frame reads them (unchecked open), then
 * the whole check's verdict in *checked (0 or -1, err filled). */
static struct kc_content *first_frame(struct kc_topic **t, size_t *n, int *checked, char *err,
                                      size_t errlen) {
  struct kc_content *c = NULL;
  ck_assert_msg(kc_content_open_file_unchecked(path, &c, err, errlen) == 0, "%s", err);
  ck_assert_int_eq(kc_content_topics(c, t, n), 0);
  *checked = kc_content_check(c, err, errlen);
  return c;
}

/* The topics of the content database alone, fully checked. */
static void true_topics(struct kc_topic **t, size_t *n) {
  char err[512];
  struct kc_content *c = NULL;
  ck_assert_msg(kc_content_open_file(KC_CONTENT_DB, &c, err, sizeof err) == 0, "%s", err);
  ck_assert_int_eq(kc_content_topics(c, t, n), 0);
  kc_content_close(c);
}

static void assert_same_topics(const struct kc_topic *a, size_t na, const struct kc_topic *b,
                               size_t nb) {
  ck_assert_uint_eq(na, nb);
  for (size_t i = 0; i < na; i++) {
    ck_assert_str_eq(a[i].id, b[i].id);
    ck_assert_str_eq(a[i].title, b[i].title);
    ck_assert_str_eq(a[i].summary, b[i].summary);
    ck_assert_int_eq(a[i].n_articles, b[i].n_articles);
  }
}

/* The file at path, as the guide opens it: the first frame shows the
 * content database's own topics (want) and the whole check passes. */
static void read_as_the_database(const struct kc_topic *want, size_t nw, int case_no) {
  struct kc_topic *t = NULL;
  size_t n = 0;
  char err[512] = "";
  int checked;
  struct kc_content *c = first_frame(&t, &n, &checked, err, sizeof err);
  ck_assert_msg(checked == 0, "case %d: %s", case_no, err);
  assert_same_topics(t, n, want, nw);
  kc_topics_free(t, n);
  kc_content_close(c);
}

/* kcpack's output: an ordinary SQLite database followed by a front and a
 * trailer that say where the database ends; the front shows the same
 * topics as the database, and after the check the articles are read. */
START_TEST(packed_file_has_a_current_front) {
  unsigned char header[100], tail[FX_TRAILER];
  long long db_len = fx_db_len(KC_CONTENT_DB, header), size = fx_size(KC_CONTENT_DB);
  FILE *f = fopen(KC_CONTENT_DB, "rb");
  ck_assert_int_eq(fseek(f, (long)(size - FX_TRAILER), SEEK_SET), 0);
  ck_assert_uint_eq(fread(tail, 1, sizeof tail, f), sizeof tail);
  fclose(f);
  ck_assert_int_eq(memcmp(tail + 116, "kneecare-front/1", 16), 0);
  ck_assert_int_eq(memcmp(tail, header, 100), 0);
  ck_assert(size > db_len + FX_TRAILER + 512);
  /* The database is still a database for any SQLite tool. */
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(sqlite3_open_v2(KC_CONTENT_DB, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL), SQLITE_OK);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "ok");
  sqlite3_finalize(st);
  char want_title[256] = "";
  ck_assert_int_eq(sqlite3_prepare_v2(db,
                                      "SELECT title FROM article WHERE id = 'symptoms-by-cause'",
                                      -1, &st, NULL),
                   SQLITE_OK);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  snprintf(want_title, sizeof want_title, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);

  struct kc_topic *want = NULL, *got = NULL;
  size_t nw = 0, ng = 0;
  true_topics(&want, &nw);
  ck_assert_uint_gt(nw, 3);
  char err[512] = "";
  int checked;
  struct kc_content *c = first_frame(&got, &ng, &checked, err, sizeof err);
  ck_assert_msg(checked == 0, "%s", err);
  assert_same_topics(got, ng, want, nw);
  char *title = kc_content_title(c, "symptoms-by-cause");
  ck_assert_ptr_nonnull(title);
  ck_assert_str_eq(title, want_title);
  free(title);
  kc_topics_free(want, nw);
  kc_topics_free(got, ng);
  kc_content_close(c);
}
END_TEST

/* A front the test wrote with one topic the database does not have: the
 * first frame shows it (so the front is what the frame reads), and the
 * check refuses the file before any key. The same for a front with the
 * right topics but another checksum. */
START_TEST(a_front_that_lies_is_shown_then_refused) {
  fx_put_front(path, FX_SCHEMA "INSERT INTO topic VALUES ('front-only', 1, 'Only in the front', "
                               "'Not in the database');"
                               "INSERT INTO meta VALUES ('topic_articles:front-only', '7');");
  struct kc_topic *t = NULL;
  size_t n = 0;
  char err[512] = "";
  int checked;
  struct kc_content *c = first_frame(&t, &n, &checked, err, sizeof err);
  ck_assert_uint_eq(n, 1);
  ck_assert_str_eq(t[0].title, "Only in the front");
  ck_assert_int_eq(t[0].n_articles, 7);
  ck_assert_int_eq(checked, -1);
  ck_assert_msg(strstr(err, "does not match its articles"), "%s", err);
  kc_topics_free(t, n);
  kc_content_close(c);

  fx_put_true_front(path, "UPDATE meta SET value = 'x' || value WHERE key = 'content_checksum'");
  c = first_frame(&t, &n, &checked, err, sizeof err);
  ck_assert_int_eq(checked, -1);
  ck_assert_msg(strstr(err, "does not match its articles"), "%s", err);
  kc_topics_free(t, n);
  kc_content_close(c);

  /* The same writer with nothing changed: a true front passes. */
  fx_put_true_front(path, NULL);
  c = first_frame(&t, &n, &checked, err, sizeof err);
  ck_assert_msg(checked == 0, "%s", err);
  kc_topics_free(t, n);
  kc_content_close(c);
}
END_TEST

/* The database changed after packing (the sqlite3 shell, in place): its
 * header changed, so the front is stale and the frame shows the database's
 * topics; the file is accepted. */
START_TEST(stale_front_is_passed_over) {
  long long before = fx_size(path);
  sqlite3 *db = NULL;
  ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
  ck_assert_int_eq(sqlite3_exec(db,
                                "UPDATE topic SET title = 'Edited after packing' "
                                "WHERE position = (SELECT min(position) FROM topic)",
                                NULL, NULL, NULL),
                   SQLITE_OK);
  sqlite3_close(db);
  ck_assert_int_eq(fx_size(path), before); /* the old front and trailer are still there */
  struct kc_topic *t = NULL;
  size_t n = 0;
  char err[512] = "";
  int checked;
  struct kc_content *c = first_frame(&t, &n, &checked, err, sizeof err);
  ck_assert_uint_gt(n, 3);
  ck_assert_str_eq(t[0].title, "Edited after packing");
  ck_assert_msg(checked == 0, "%s", err);
  kc_topics_free(t, n);
  kc_content_close(c);
}
END_TEST

/* Fronts that are current but not kcpack's: a view, a generated column, a
 * column more, another table, damaged bytes. None is read: the frame shows
 * the database's own topics and the file is accepted. */
START_TEST(foreign_or_damaged_front_is_passed_over) {
  static const char *const fronts[] = {
      FX_SCHEMA "CREATE VIEW v AS SELECT 1;",
      "CREATE TABLE meta(key TEXT PRIMARY KEY,value TEXT);"
      "CREATE TABLE topic(id TEXT PRIMARY KEY,position INTEGER UNIQUE,title TEXT,"
      "summary TEXT AS (printf('%.*c', 1000000, 'x')));"
      "INSERT INTO topic (id, position, title) VALUES ('huge', 1, 'Generated');",
      "CREATE TABLE meta(key TEXT PRIMARY KEY,value TEXT);"
      "CREATE TABLE topic(id TEXT PRIMARY KEY,position INTEGER UNIQUE,title TEXT,summary TEXT,"
      "extra TEXT);",
      FX_SCHEMA "CREATE TABLE article(id TEXT);",
      FX_SCHEMA "CREATE INDEX by_title ON topic(title);",
  };
  struct kc_topic *want = NULL;
  size_t nw = 0;
  true_topics(&want, &nw);
  for (size_t i = 0; i <= sizeof fronts / sizeof fronts[0]; i++) {
    if (i < sizeof fronts / sizeof fronts[0]) {
      fx_put_front(path, fronts[i]);
    } else { /* a true front, its first 100 bytes overwritten */
      fx_put_true_front(path, NULL);
      unsigned char header[100];
      long long db_len = fx_db_len(path, header);
      FILE *f = fopen(path, "r+b");
      ck_assert_int_eq(fseek(f, (long)db_len, SEEK_SET), 0);
      ck_assert_uint_eq(
          fwrite("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                 "xxxxxxxxxxxxxxxxxxxxxxxxx",
                 1, 100, f),
          100);
      fclose(f);
    }
    read_as_the_database(want, nw, (int)i);
  }
  kc_topics_free(want, nw);
}
END_TEST

/* Trailers that do not add up are not followed anywhere: the file is read
 * as one database. */
START_TEST(trailer_that_does_not_add_up_is_ignored) {
  enum { OFF_PLUS_ONE, LEN_PLUS_ONE, LEN_ZERO, LEN_HUGE, MAGIC, HEADER_COPY, CUT, EXTRA, N_CASES };
  struct kc_topic *want = NULL;
  size_t nw = 0;
  true_topics(&want, &nw);
  for (int k = 0; k < N_CASES; k++) {
    fx_copy(KC_CONTENT_DB, path);
    long long size = fx_size(path);
    unsigned char tr[FX_TRAILER];
    FILE *f = fopen(path, "r+b");
    ck_assert_int_eq(fseek(f, (long)(size - FX_TRAILER), SEEK_SET), 0);
    ck_assert_uint_eq(fread(tr, 1, sizeof tr, f), sizeof tr);
    switch (k) {
    case OFF_PLUS_ONE: tr[107]++; break;
    case LEN_PLUS_ONE: tr[115]++; break;
    case LEN_ZERO: memset(tr + 108, 0, 8); break;
    case LEN_HUGE: tr[108] = 0x7f; break;
    case MAGIC: tr[131] = 'x'; break;
    case HEADER_COPY: tr[24] ^= 1; break; /* the change counter */
    default: break;
    }
    ck_assert_int_eq(fseek(f, (long)(size - FX_TRAILER), SEEK_SET), 0);
    ck_assert_uint_eq(fwrite(tr, 1, sizeof tr, f), sizeof tr);
    if (k == EXTRA) ck_assert_int_eq(fputc('\n', f), '\n');
    fclose(f);
    if (k == CUT) ck_assert_int_eq(truncate(path, (off_t)(size - 1)), 0);
    read_as_the_database(want, nw, k);
  }
  kc_topics_free(want, nw);
}
END_TEST

/* The packer's half: a front is made for a database without one, an old
 * front is replaced (not stacked), and the result is byte for byte what
 * kcpack wrote; a file that is not SQLite is left as it was. */
START_TEST(pack_front_makes_and_replaces_the_front) {
  unsigned char header[100];
  long long db_len = fx_db_len(path, header), packed = fx_size(path);
  char err[512] = "";
  ck_assert_int_eq(truncate(path, (off_t)db_len), 0);
  ck_assert_msg(kc_pack_front(path, err, sizeof err) == 0, "%s", err);
  ck_assert_int_eq(fx_size(path), packed);
  ck_assert_msg(kc_pack_front(path, err, sizeof err) == 0, "%s", err);
  ck_assert_int_eq(fx_size(path), packed);
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", path, KC_CONTENT_DB);
  ck_assert_int_eq(system(cmd), 0);

  FILE *f = fopen(path, "wb");
  fputs("not a database, but longer than a header would be ......................"
        "..............................................................",
        f);
  fclose(f);
  long long before = fx_size(path);
  ck_assert_int_eq(kc_pack_front(path, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "not an SQLite database"), "%s", err);
  ck_assert_int_eq(fx_size(path), before);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("content_front");
  TCase *tc = tcase_create("front");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, packed_file_has_a_current_front);
  tcase_add_test(tc, a_front_that_lies_is_shown_then_refused);
  tcase_add_test(tc, stale_front_is_passed_over);
  tcase_add_test(tc, foreign_or_damaged_front_is_passed_over);
  tcase_add_test(tc, trailer_that_does_not_add_up_is_ignored);
  tcase_add_test(tc, pack_front_makes_and_replaces_the_front);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
