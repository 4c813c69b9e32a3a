/* Unit tests: query rewriting (filler words, synonyms, hyphens, type-ahead,
 * corrections, caps) and its escaping, proven against real FTS5. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kc_check.h"
#include "kneecare/query.h"

static struct kc_lexicon *lexicon(void) {
  struct kc_lexicon *lex = kc_lexicon_new();
  static const char *stops[] = {"why", "does",   "my",  "after", "how", "i", "the", "it",
                                "or",  "should", "can", "what",  "is",  "a", "and"};
  for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) kc_lexicon_add_stop(lex, stops[i]);
  kc_lexicon_add_synonym(lex, "itb", "it band");
  kc_lexicon_add_synonym(lex, "itb", "iliotibial");
  kc_lexicon_add_synonym(lex, "it band", "iliotibial");
  kc_lexicon_add_synonym(lex, "runner's knee", "patellofemoral");
  kc_lexicon_add_synonym(lex, "Tylenol", "paracetamol");
  kc_lexicon_add_synonym(lex, "xray", "x-ray");
  kc_lexicon_add_synonym(lex, "pins and needles", "tingling");
  kc_lexicon_add_synonym(lex, "hurt", "pain");
  return lex;
}

static const char *expr(const struct kc_query *q, int all) {
  static char out[KC_QUERY_EXPR_MAX];
  kc_query_expr(q, (1u << q->n) - 1, all, out, sizeof out, NULL);
  return out;
}

START_TEST(filler_words_dropped) {
  struct kc_lexicon *lex = lexicon();
  struct kc_query q;
  const char *in = "Why does my inner knee hurt after running?";
  ck_assert_int_eq(kc_query_parse(in, strlen(in), 0, lex, &q), 4);
  ck_assert_str_eq(q.g[0].word, "inner");
  ck_assert_str_eq(q.g[1].word, "knee");
  ck_assert_str_eq(q.g[2].word, "hurt");
  ck_assert_int_eq(q.g[2].synonym, 1);
  ck_assert_str_eq(q.g[3].word, "running");
  ck_assert_str_eq(expr(&q, 1),
                   "\"inner\" AND \"knee\" AND (\"hurt\" OR \"pain\") AND \"running\"");
  ck_assert_str_eq(expr(&q, 0), "\"inner\" OR \"knee\" OR \"hurt\" OR \"pain\" OR \"running\"");
  /* Only filler words: searched as typed rather than nothing. */
  in = "how should I";
  ck_assert_int_eq(kc_query_parse(in, strlen(in), 0, lex, &q), 3);
  ck_assert_int_eq(q.stop_only, 1);
  ck_assert_str_eq(expr(&q, 1), "\"how\" AND \"should\" AND \"i\"");
  /* No lexicon: every word counts. */
  ck_assert_int_eq(kc_query_parse("why knee", 8, 0, NULL, &q), 2);
  kc_lexicon_free(lex);
}
END_TEST

START_TEST(synonyms_and_abbreviations) {
  struct kc_lexicon *lex = lexicon();
  struct kc_query q;
  ck_assert_int_eq(kc_query_parse("ITB", 3, 0, lex, &q), 1);
  ck_assert_str_eq(expr(&q, 1), "(\"itb\" OR \"iliotibial\" OR \"it band\")");
  /* A two-word term wins over its filler word ("it"), case and plural aside. */
  ck_assert_int_eq(kc_query_parse("IT Bands pain", 13, 0, lex, &q), 2);
  ck_assert_str_eq(q.g[0].word, "it bands");
  ck_assert_str_eq(expr(&q, 1), "(\"it band\" OR \"iliotibial\") AND \"pain\"");
  /* "runners knee" is "runner's knee"; the phrase keeps the "s" FTS5 sees. */
  ck_assert_int_eq(kc_query_parse("runners knee", 12, 0, lex, &q), 1);
  ck_assert_str_eq(expr(&q, 1), "(\"runner s knee\" OR \"patellofemoral\")");
  ck_assert_int_eq(kc_query_parse("tylenol", 7, 0, lex, &q), 1);
  ck_assert_str_eq(expr(&q, 1), "(\"tylenol\" OR \"paracetamol\")");
  /* A term made of filler words is matched before they are dropped. */
  const char *in = "pins and needles in foot";
  ck_assert_int_eq(kc_query_parse(in, strlen(in), 0, lex, &q), 3);
  ck_assert_str_eq(expr(&q, 1), "(\"pins and needles\" OR \"tingling\") AND \"in\" AND \"foot\"");
  kc_lexicon_free(lex);
}
END_TEST

START_TEST(hyphens_apostrophes_and_repeats) {
  struct kc_query q;
  /* Words joined by a hyphen are one phrase, as FTS5 would read them. */
  ck_assert_int_eq(kc_query_parse("x-ray knee-pain", 15, 0, NULL, &q), 2);
  ck_assert_str_eq(expr(&q, 1), "\"x ray\" AND \"knee pain\"");
  /* The "s" after an apostrophe belongs to its word. */
  ck_assert_int_eq(kc_query_parse("jumper's knee", 13, 0, NULL, &q), 2);
  ck_assert_str_eq(expr(&q, 1), "\"jumper s\" AND \"knee\"");
  /* Repeated words are searched once, whatever their case. */
  ck_assert_int_eq(kc_query_parse("knee Knee KNEE pain knee", 24, 0, NULL, &q), 2);
  ck_assert_str_eq(expr(&q, 1), "\"knee\" AND \"pain\"");
  /* A lone letter is dropped; a lone digit is kept. */
  ck_assert_int_eq(kc_query_parse("b 3 days", 8, 0, NULL, &q), 2);
  ck_assert_str_eq(expr(&q, 1), "\"3\" AND \"days\"");
}
END_TEST

START_TEST(type_ahead) {
  struct kc_query q;
  ck_assert_int_eq(kc_query_parse("knee pa", 7, 1, NULL, &q), 2);
  ck_assert_str_eq(expr(&q, 1), "\"knee\" AND \"pa\"*");
  ck_assert_int_eq(q.g[1].unfinished, 1);
  /* A space ends the word. */
  ck_assert_int_eq(kc_query_parse("knee pa ", 8, 1, NULL, &q), 2);
  ck_assert_str_eq(expr(&q, 1), "\"knee\" AND \"pa\"");
  /* One letter typed so far says nothing yet. */
  ck_assert_int_eq(kc_query_parse("knee p", 6, 1, NULL, &q), 1);
  ck_assert_str_eq(expr(&q, 1), "\"knee\"");
  /* Completions from the store join the unfinished word's group. */
  ck_assert_int_eq(kc_query_parse("swelli", 6, 1, NULL, &q), 1);
  kc_query_add_alt(&q, 0, "swelling", 0);
  ck_assert_str_eq(expr(&q, 1), "(\"swelli\"* OR \"swelling\")");
}
END_TEST

START_TEST(corrections_and_display) {
  struct kc_lexicon *lex = lexicon();
  struct kc_query q;
  const char *in = "Why is my menicus torn?";
  ck_assert_int_eq(kc_query_parse(in, strlen(in), 0, lex, &q), 2);
  kc_query_correct(&q, 0, "meniscus", lex);
  ck_assert_int_eq(q.g[0].corrected, 1);
  ck_assert_str_eq(expr(&q, 1), "\"meniscus\" AND \"torn\"");
  char shown[256];
  kc_query_display(&q, in, shown, sizeof shown);
  ck_assert_str_eq(shown, "Why is my meniscus torn");
  /* A correction that is a synonym term brings its meanings. */
  in = "tylenl";
  ck_assert_int_eq(kc_query_parse(in, strlen(in), 0, lex, &q), 1);
  kc_query_correct(&q, 0, "tylenol", lex);
  ck_assert_str_eq(expr(&q, 1), "(\"tylenol\" OR \"paracetamol\")");
  /* Distances: swaps count once; anything over the bound is bound + 1. */
  ck_assert_int_eq(kc_edit_distance("menicus", 7, "meniscus", 8, 2), 1);
  ck_assert_int_eq(kc_edit_distance("teh", 3, "the", 3, 2), 1);
  ck_assert_int_eq(kc_edit_distance("osteoarthritus", 14, "osteoarthritis", 14, 2), 1);
  ck_assert_int_eq(kc_edit_distance("knee", 4, "knee", 4, 1), 0);
  ck_assert_int_eq(kc_edit_distance("abc", 3, "xyz", 3, 1), 2);
  ck_assert_int_eq(kc_edit_distance("a", 1, "abcdef", 6, 2), 3);
  kc_lexicon_free(lex);
}
END_TEST

START_TEST(long_input_capped_and_quick) {
  struct kc_lexicon *lex = lexicon();
  struct kc_query q;
  static char in[200000];
  for (size_t i = 0; i < sizeof in - 1; i++) in[i] = "knee pain swelling "[i % 19];
  in[sizeof in - 1] = '\0';
  clock_t t0 = clock();
  for (int k = 0; k < 100; k++) kc_query_parse(in, strlen(in), 1, lex, &q);
  double ms = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC / 100;
  ck_assert_int_eq(q.n, 3);
  ck_assert_int_eq(q.capped, 1);
  ck_assert_uint_le(q.used, KC_QUERY_MAX_CHARS * 4);
  ck_assert_msg(ms < 5, "%.3f ms per parse of 200 KB", ms);
  /* Many different words: at most KC_QUERY_MAX_GROUPS are searched. */
  for (size_t i = 0; i < 2000; i++) in[i] = (i % 4 == 3) ? ' ' : (char)('a' + (i / 4 + i % 4) % 26);
  in[2000] = '\0';
  kc_query_parse(in, strlen(in), 0, lex, &q);
  ck_assert_int_eq(q.n, KC_QUERY_MAX_GROUPS);
  ck_assert_int_eq(q.capped, 1);
  /* A short query is not capped. */
  kc_query_parse("knee pain", 9, 0, lex, &q);
  ck_assert_int_eq(q.capped, 0);
  kc_lexicon_free(lex);
}
END_TEST

/* Every character of an expression is one the builder may write. */
static int expr_chars_ok(const char *e) {
  int in_quote = 0;
  for (const unsigned char *p = (const unsigned char *)e; *p; p++) {
    if (*p == '"')
      in_quote = !in_quote;
    else if (in_quote) {
      if (*p < 0x80 && !((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == ' '))
        return 0;
    } else if (!strchr("ORAND()* ", *p))
      return 0;
  }
  return !in_quote;
}

/* Escaping: the characters of FTS5's syntax are separators, never syntax,
 * and random nasty input never makes FTS5 report an error. */
START_TEST(fts5_never_errors) {
  struct kc_lexicon *lex = lexicon();
  sqlite3 *db;
  ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  ck_assert_int_eq(
      sqlite3_exec(db,
                   "CREATE VIRTUAL TABLE t USING fts5(a, b, tokenize='porter unicode61 "
                   "remove_diacritics 2', prefix='2 3 4');"
                   "INSERT INTO t VALUES ('knee pain', 'caf\xC3\xA9 running c++ don''t x-ray');",
                   NULL, NULL, NULL),
      SQLITE_OK);
  sqlite3_stmt *st;
  ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &st, NULL),
                   SQLITE_OK);
  struct kc_query q;
  /* The operators come out as words. */
  ck_assert_int_eq(kc_query_parse("knee\" *pain NEAR( -xy OR", 24, 0, NULL, &q), 5);
  ck_assert_str_eq(expr(&q, 1), "\"knee\" AND \"pain\" AND \"near\" AND \"xy\" AND \"or\"");
  const char *fixed[] = {
      "knee\"",  "*", "-pain",        "OR",          "NEAR(",    "a:b",          "^x",
      "(",       ")", "\"\"",         "knee-pain",   "c++",      "don't",        "AND NOT",
      "{a b}:c", "+", "\xE8\x86\x9D", "caf\xC3\xA9", "\xFF\xFE", "NEAR(a b, 3)", "it's-a x'y"};
  const char alphabet[] = "ab\" *-():^+{}ORNEA,\xC3\xA9\x01\xFF\t'";
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
    for (int mode = 0; mode < 4; mode++) {
      if (kc_query_parse(in, n, mode & 1, mode & 2 ? lex : NULL, &q) == 0) continue;
      if (mode == 3) kc_query_correct(&q, 0, "it band", lex);
      for (int all = 0; all < 2; all++) {
        const char *e = expr(&q, all);
        ck_assert_msg(expr_chars_ok(e), "input '%s' -> '%s'", in, e);
        sqlite3_bind_text(st, 1, e, -1, SQLITE_TRANSIENT);
        int rc = sqlite3_step(st);
        ck_assert_msg(rc == SQLITE_ROW, "input '%s' -> '%s': %s", in, e, sqlite3_errmsg(db));
        sqlite3_reset(st);
      }
    }
  }
  /* And it still finds things: stems and diacritics. */
  kc_query_parse("runs cafe", 9, 0, NULL, &q);
  sqlite3_bind_text(st, 1, expr(&q, 1), -1, SQLITE_TRANSIENT);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  ck_assert_int_eq(sqlite3_column_int(st, 0), 1);
  sqlite3_finalize(st);
  sqlite3_close(db);
  kc_lexicon_free(lex);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("query");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, filler_words_dropped);
  tcase_add_test(tc, synonyms_and_abbreviations);
  tcase_add_test(tc, hyphens_apostrophes_and_repeats);
  tcase_add_test(tc, type_ahead);
  tcase_add_test(tc, corrections_and_display);
  tcase_add_test(tc, long_input_capped_and_quick);
  tcase_add_test(tc, fts5_never_errors);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
