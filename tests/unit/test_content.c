/* Unit tests: the content store on the real packed content and on hostile
 * databases. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kc_check.h"
#include "kneecare/blob.h"
#include "kneecare/content.h"

static struct kc_content *open_real(void) {
  struct kc_content *c = NULL;
  char err[256];
  ck_assert_msg(
      kc_content_open_image(kc_content_image, kc_content_image_len, &c, err, sizeof err) == 0, "%s",
      err);
  return c;
}

START_TEST(real_content_has_required_articles) {
  struct kc_content *c = open_real();
  static const char *required[] = {"runners-knee",
                                   "chondromalacia",
                                   "it-band-syndrome",
                                   "mcl-injury",
                                   "acl-injury",
                                   "meniscus-tear",
                                   "osteoarthritis",
                                   "rheumatoid-arthritis",
                                   "pes-anserine-bursitis",
                                   "training-load",
                                   "muscle-imbalance",
                                   "pain-from-outside-knee",
                                   "red-flags",
                                   "emergency-signs",
                                   "ice",
                                   "pain-relief-medicines",
                                   "what-the-clinician-asks",
                                   "imaging",
                                   "arthroscopy",
                                   "healing-runners-knee",
                                   "return-to-running",
                                   "achilles-pain",
                                   "safety-notice",
                                   "knee-exercises",
                                   "choosing-running-shoes",
                                   "pronation-supination"};
  for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
    struct kc_article a;
    ck_assert_msg(kc_content_article(c, required[i], &a) == 1, "missing article %s", required[i]);
    ck_assert_uint_gt(strlen(a.body), 200);
    ck_assert_uint_gt(a.n_sources, 0);
    kc_article_free(&a);
  }
  struct kc_article_ref *r;
  size_t n;
  ck_assert_int_eq(kc_content_list(c, NULL, &r, &n), 0);
  ck_assert_uint_ge(n, 30);
  kc_article_refs_free(r, n);
  struct kc_topic *t;
  ck_assert_int_eq(kc_content_topics(c, &t, &n), 0);
  ck_assert_uint_ge(n, 9);
  ck_assert_str_eq(t[0].id, "causes");
  kc_topics_free(t, n);
  struct kc_article a;
  ck_assert_int_eq(kc_content_article(c, "no-such-article", &a), 0);
  kc_content_close(c);
}
END_TEST

START_TEST(it_band_says_outer_side) {
  struct kc_content *c = open_real();
  struct kc_article a;
  ck_assert_int_eq(kc_content_article(c, "it-band-syndrome", &a), 1);
  ck_assert(strstr(a.title, "OUTER") || strstr(a.body, "outer"));
  kc_article_free(&a);
  kc_content_close(c);
}
END_TEST

START_TEST(search_ranks_titles_and_marks_matches) {
  struct kc_content *c = open_real();
  struct kc_hit *h;
  size_t n;
  char err[256];
  ck_assert_int_gt(kc_content_search(c, "bursitis", 10, 0, &h, &n, err, sizeof err), 0);
  ck_assert_str_eq(h[0].id, "pes-anserine-bursitis");
  ck_assert(strchr(h[0].snippet, KC_MARK_ON) || strchr(h[0].title, KC_MARK_ON));
  kc_hits_free(h, n);
  /* Prefix (type-ahead) search. */
  ck_assert_int_gt(kc_content_search(c, "menisc", 10, 1, &h, &n, err, sizeof err), 0);
  ck_assert_str_eq(h[0].id, "meniscus-tear");
  kc_hits_free(h, n);
  ck_assert_int_eq(kc_content_search(c, "zzzzqqq", 10, 0, &h, &n, err, sizeof err), 0);
  ck_assert_int_eq(kc_content_search(c, "\"", 10, 1, &h, &n, err, sizeof err), 0);
  kc_content_close(c);
}
END_TEST

static void make_db(const char *path, const char *sql) {
  unlink(path);
  sqlite3 *db;
  ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
  char *msg = NULL;
  ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s", msg ? msg : "");
  sqlite3_close(db);
}

static char *read_schema(void) {
  FILE *f = fopen(KC_SOURCE_DIR "/db/00_schema.sql", "r");
  ck_assert_ptr_nonnull(f);
  char *buf = calloc(1, 65536);
  size_t n = fread(buf, 1, 65535, f);
  buf[n] = '\0';
  fclose(f);
  return buf;
}

START_TEST(foreign_database_refused) {
  char path[] = "/tmp/kc-foreign-XXXXXX";
  int fd = mkstemp(path);
  close(fd);
  make_db(path, "CREATE TABLE notes(x); INSERT INTO notes VALUES (1);");
  struct kc_content *c = NULL;
  char err[256];
  ck_assert_int_ne(kc_content_open_file(path, &c, err, sizeof err), 0);
  ck_assert_ptr_nonnull(strstr(err, "not a kneecare content database"));
  /* Not a database at all. */
  FILE *f = fopen(path, "w");
  fputs("hello, this is text", f);
  fclose(f);
  ck_assert_int_ne(kc_content_open_file(path, &c, err, sizeof err), 0);
  ck_assert_int_ne(kc_content_open_file("/nonexistent/kc.db", &c, err, sizeof err), 0);
  /* Ours, but a newer format: refused, not guessed at. */
  char cmd[512];
  snprintf(cmd, sizeof cmd, "cp '%s' '%s'", KC_CONTENT_DB, path);
  ck_assert_int_eq(system(cmd), 0);
  sqlite3 *db;
  ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
  sqlite3_exec(db, "UPDATE meta SET value = '2' WHERE key = 'format_version'", NULL, NULL, NULL);
  sqlite3_close(db);
  ck_assert_int_ne(kc_content_open_file(path, &c, err, sizeof err), 0);
  ck_assert_ptr_nonnull(strstr(err, "does not know"));
  unlink(path);
}
END_TEST

START_TEST(hostile_strings_are_sanitised_and_file_untouched) {
  char path[] = "/tmp/kc-hostile-XXXXXX";
  int fd = mkstemp(path);
  close(fd);
  char *schema = read_schema();
  make_db(path, schema);
  free(schema);
  sqlite3 *db;
  sqlite3_open(path, &db);
  sqlite3_exec(
      db,
      "INSERT INTO topic VALUES ('t', 1, 'Evil' || char(27) || ']0;pwned' || char(7), 's');"
      "INSERT INTO article VALUES ('a', 't', 1, 'Title' || char(27) || '[2J', 'sum' || char(155),"
      " 'body ' || char(27) || ']52;c;Zm9v' || char(7), 'plain knee' || char(27) || '[31m', "
      "'a.md', NULL);"
      "INSERT INTO article_fts(article_fts) VALUES ('rebuild');",
      NULL, NULL, NULL);
  sqlite3_close(db);
  FILE *f = fopen(path, "rb");
  fseek(f, 0, SEEK_END);
  long size_before = ftell(f);
  fclose(f);

  struct kc_content *c = NULL;
  char err[256];
  ck_assert_msg(kc_content_open_file(path, &c, err, sizeof err) == 0, "%s", err);
  struct kc_topic *t;
  size_t n;
  ck_assert_int_eq(kc_content_topics(c, &t, &n), 0);
  ck_assert_ptr_null(strchr(t[0].title, 27));
  ck_assert_ptr_null(strchr(t[0].title, 7));
  kc_topics_free(t, n);
  struct kc_article a;
  ck_assert_int_eq(kc_content_article(c, "a", &a), 1);
  ck_assert_ptr_null(strchr(a.title, 27));
  ck_assert_ptr_null(strchr(a.body, 27));
  ck_assert_ptr_null(strchr(a.body, 7));
  ck_assert_ptr_null(strstr(a.summary, "\xC2\x9B"));
  kc_article_free(&a);
  struct kc_hit *h;
  ck_assert_int_eq(kc_content_search(c, "knee", 5, 0, &h, &n, err, sizeof err), 1);
  ck_assert_ptr_null(strchr(h[0].snippet, 27));
  kc_hits_free(h, n);
  kc_content_close(c);
  f = fopen(path, "rb");
  fseek(f, 0, SEEK_END);
  ck_assert_int_eq(ftell(f), size_before);
  fclose(f);
  unlink(path);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("content");
  TCase *tc = tcase_create("store");
  tcase_set_timeout(tc, 20);
  tcase_add_test(tc, real_content_has_required_articles);
  tcase_add_test(tc, it_band_says_outer_side);
  tcase_add_test(tc, search_ranks_titles_and_marks_matches);
  tcase_add_test(tc, foreign_database_refused);
  tcase_add_test(tc, hostile_strings_are_sanitised_and_file_untouched);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
