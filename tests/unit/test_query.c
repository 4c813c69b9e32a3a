/* Unit tests: search-query escaping, proven against real FTS5. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "kc_check.h"
#include "kneecare/query.h"

START_TEST(quotes_every_word) {
  char out[KC_QUERY_BUF];
  ck_assert_int_eq(kc_query_build("knee pain", 9, 0, out, sizeof out), 2);
  ck_assert_str_eq(out, "\"knee\" \"pain\"");
  ck_assert_int_eq(kc_query_build("knee pa", 7, 1, out, sizeof out), 2);
  ck_assert_str_eq(out, "\"knee\" \"pa\"*");
  ck_assert_int_eq(kc_query_build("knee\"", 5, 0, out, sizeof out), 1);
  ck_assert_str_eq(out, "\"knee\"\"\"");
  ck_assert_int_eq(kc_query_build("NEAR( OR", 8, 0, out, sizeof out), 2);
  ck_assert_str_eq(out, "\"NEAR(\" \"OR\"");
}
END_TEST

START_TEST(nothing_to_search) {
  char out[KC_QUERY_BUF];
  ck_assert_int_eq(kc_query_build("", 0, 1, out, sizeof out), 0);
  ck_assert_int_eq(kc_query_build("   \t ", 5, 1, out, sizeof out), 0);
  ck_assert_int_eq(kc_query_build("* - \"", 5, 1, out, sizeof out), 0);
  ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(limits_words_and_length) {
  char in[20000], out[KC_QUERY_BUF];
  /* Distinct six-letter words (repeated words are kept once). */
  for (size_t i = 0; i < sizeof in - 1; i++)
    in[i] = (i % 7 == 6) ? ' '
            : i % 7 == 0 ? (char)('a' + (i / 7) % 26)
                         : (char)('a' + (i / 182) % 26);
  in[sizeof in - 1] = '\0';
  ck_assert_int_eq(kc_query_build(in, strlen(in), 1, out, sizeof out), KC_QUERY_MAX_WORDS);
  ck_assert_uint_lt(strlen(out), sizeof out);
  ck_assert_int_eq(kc_query_build(in, strlen(in), 1, out, 16), 1);
  ck_assert_uint_lt(strlen(out), 16);
}
END_TEST

/* Random and nasty inputs never make FTS5 report an error. */
START_TEST(fts5_never_errors) {
  sqlite3 *db;
  ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  ck_assert_int_eq(
      sqlite3_exec(db,
                   "CREATE VIRTUAL TABLE t USING fts5(a, b, tokenize='porter unicode61 "
                   "remove_diacritics 2');"
                   "INSERT INTO t VALUES ('knee pain', 'caf\xC3\xA9 running c++ don''t');",
                   NULL, NULL, NULL),
      SQLITE_OK);
  sqlite3_stmt *st;
  ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &st, NULL),
                   SQLITE_OK);
  const char *fixed[] = {
      "knee\"",  "*", "-pain",        "OR",          "NEAR(",    "a:b",         "^x",
      "(",       ")", "\"\"",         "knee-pain",   "c++",      "don't",       "AND NOT",
      "{a b}:c", "+", "\xE8\x86\x9D", "caf\xC3\xA9", "\xFF\xFE", "NEAR(a b, 3)"};
  const char alphabet[] = "ab\" *-():^+{}ORNEA,\xC3\xA9\x01\xFF\t";
  srand(12345);
  for (int i = 0; i < 20000; i++) {
    char in[64];
    size_t n;
    if (i < (int)(sizeof fixed / sizeof fixed[0])) {
      n = strlen(fixed[i]);
      memcpy(in, fixed[i], n);
    } else {
      n = (size_t)(rand() % 40);
      for (size_t k = 0; k < n; k++) in[k] = alphabet[rand() % (int)(sizeof alphabet - 1)];
    }
    in[n] = '\0';
    for (int prefix = 0; prefix < 2; prefix++) {
      char q[KC_QUERY_BUF];
      if (kc_query_build(in, n, prefix, q, sizeof q) == 0) continue;
      sqlite3_bind_text(st, 1, q, -1, SQLITE_TRANSIENT);
      int rc = sqlite3_step(st);
      ck_assert_msg(rc == SQLITE_ROW, "input '%s' -> '%s': %s", in, q, sqlite3_errmsg(db));
      sqlite3_reset(st);
    }
  }
  /* And it still finds things. */
  char q[KC_QUERY_BUF];
  kc_query_build("runs", 4, 0, q, sizeof q);
  sqlite3_bind_text(st, 1, q, -1, SQLITE_TRANSIENT);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  ck_assert_int_eq(sqlite3_column_int(st, 0), 1); /* porter: runs ~ running */
  sqlite3_reset(st);
  kc_query_build("cafe", 4, 0, q, sizeof q);
  sqlite3_bind_text(st, 1, q, -1, SQLITE_TRANSIENT);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  ck_assert_int_eq(sqlite3_column_int(st, 0), 1); /* diacritics removed */
  sqlite3_finalize(st);
  sqlite3_close(db);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("query");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 30);
  tcase_add_test(tc, quotes_every_word);
  tcase_add_test(tc, nothing_to_search);
  tcase_add_test(tc, limits_words_and_length);
  tcase_add_test(tc, fts5_never_errors);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
