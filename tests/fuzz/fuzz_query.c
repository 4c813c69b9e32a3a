/* Fuzz target: query rewriting (kc_query_parse, kc_query_expr,
 * kc_query_correct, kc_query_display) against real FTS5.
 *
 * Input: byte 0 bit 0 = type-ahead prefix; bit 1 = use a lexicon of stop
 * words and synonyms like the content's; bit 2 = correct the first group to
 * a word taken from the input; bit 3 = a small output buffer of
 * 16 + (byte 0 >> 4) * 8 bytes; the rest is what a person typed. Every
 * expression (all groups, any group, each group alone) is run as
 * `SELECT count(*) FROM t WHERE t MATCH ?` on an in-memory FTS5 table made
 * like the article index.
 * Invariants: expressions are NUL-terminated inside their buffer, made only
 * of double-quoted runs of lower-case letters, digits, spaces and non-ASCII
 * word characters joined by AND, OR, brackets and '*', with balanced quotes
 * and brackets; group and alternative counts stay within their limits; the
 * displayed query is printable; and FTS5 never returns an error. */
#include <sqlite3.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "kneecare/query.h"

static sqlite3 *db;
static sqlite3_stmt *count_st;
static struct kc_lexicon *lex;

static void setup(void) {
  static const char *const sql =
      "CREATE VIRTUAL TABLE t USING fts5(title, body,"
      " tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3 4');"
      "INSERT INTO t VALUES ('Runner''s knee', 'A dull ache around the kneecap after running.');"
      "INSERT INTO t VALUES ('Pes anserine bursitis', 'Pain on the inner knee, below the joint.');"
      "INSERT INTO t VALUES ('Café au lait', 'Crème brûlée, naïve coöperation, São Paulo.');"
      "INSERT INTO t VALUES ('膝の痛み', 'ランニング 膝 痛い — Knieschmerzen beim Laufen');"
      "INSERT INTO t VALUES ('OR AND NOT NEAR', 'title:knee body:pain \"quoted\" c++ don''t');"
      "INSERT INTO t VALUES ('Ice, compression, elevation', 'RICE for 3 days: 20 min ice. X-ray');";
  char *err = NULL;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, &err) ||
      sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &count_st, NULL)) {
    fprintf(stderr, "fuzz_query setup: %s\n", err ? err : sqlite3_errmsg(db));
    abort();
  }
  lex = kc_lexicon_new();
  static const char *stops[] = {"a", "the", "how", "why", "my", "i", "it", "or", "and", "not"};
  for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) kc_lexicon_add_stop(lex, stops[i]);
  kc_lexicon_add_synonym(lex, "itb", "it band");
  kc_lexicon_add_synonym(lex, "it band", "iliotibial");
  kc_lexicon_add_synonym(lex, "runner's knee", "patellofemoral");
  kc_lexicon_add_synonym(lex, "x-ray", "xray");
  kc_lexicon_add_synonym(lex, "pins and needles", "tingling");
  kc_lexicon_add_synonym(lex, "膝", "knee");
}

/* Checks the characters and nesting of an expression. */
static void check_shape(const char *e, size_t n) {
  int quote = 0, depth = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)e[i];
    if (ch == '"') {
      quote = !quote;
      continue;
    }
    if (quote) {
      FUZZ_CHECK(ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == ' ',
                 "byte 0x%02X inside a quoted word at %zu", ch, i);
      continue;
    }
    if (ch == '(')
      depth++;
    else if (ch == ')')
      depth--;
    else
      FUZZ_CHECK(strchr("ORAND* ", ch) != NULL, "byte 0x%02X outside quotes at %zu", ch, i);
    FUZZ_CHECK(depth >= 0 && depth <= 1, "brackets nested %d deep at %zu", depth, i);
  }
  FUZZ_CHECK(!quote && depth == 0, "unbalanced quotes or brackets");
}

static void run_expr(const char *e) {
  sqlite3_reset(count_st);
  sqlite3_bind_text(count_st, 1, e, -1, SQLITE_STATIC);
  int rc = sqlite3_step(count_st);
  if (rc == SQLITE_ROW) rc = sqlite3_step(count_st);
  if (rc != SQLITE_DONE) {
    fprintf(stderr, "FTS5 error %d: %s\n", rc, sqlite3_errmsg(db));
    fuzz_dump("expression", e, strlen(e));
    FUZZ_CHECK(0, "FTS5 refused a rewritten query");
  }
  sqlite3_reset(count_st);
  sqlite3_clear_bindings(count_st);
}

static void check_expr(const struct kc_query *q, unsigned mask, int all, size_t outlen) {
  static char out[KC_QUERY_EXPR_MAX + 16];
  unsigned char groups[KC_QUERY_MAX_GROUPS * KC_QUERY_MAX_ALTS];
  memset(out, 0x55, sizeof out);
  int phrases = kc_query_expr(q, mask, all, out, outlen, groups);
  const char *nul = memchr(out, '\0', outlen);
  FUZZ_CHECK(nul != NULL, "expression not NUL-terminated inside %zu bytes", outlen);
  FUZZ_CHECK(outlen >= sizeof out || (unsigned char)out[outlen] == 0x55,
             "wrote past the buffer of %zu bytes", outlen);
  FUZZ_CHECK(phrases >= 0 && phrases <= KC_QUERY_MAX_GROUPS * KC_QUERY_MAX_ALTS, "%d phrases",
             phrases);
  for (int p = 0; p < phrases; p++)
    FUZZ_CHECK(groups[p] < q->n && (mask & (1u << groups[p])), "phrase %d in group %d", p,
               groups[p]);
  size_t n = (size_t)(nul - out);
  FUZZ_CHECK(fuzz_printable(out, n, 0), "expression is not printable text");
  check_shape(out, n);
  if (n) run_expr(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  if (!db) setup();
  FUZZ_INPUT(data, size);
  int prefix = data[0] & 1;
  const struct kc_lexicon *use = (data[0] & 2) ? lex : NULL;
  size_t outlen = (data[0] & 8) ? 16 + (size_t)(data[0] >> 4) * 8 : KC_QUERY_EXPR_MAX;
  char *input = fuzz_strndup(data + 1, size - 1);
  struct kc_query q;
  int n = kc_query_parse(input, size - 1, prefix, use, &q);
  FUZZ_CHECK(n == q.n && n >= 0 && n <= KC_QUERY_MAX_GROUPS, "%d groups", n);
  FUZZ_CHECK(q.used <= size - 1, "read %zu of %zu bytes", q.used, size - 1);
  for (int g = 0; g < q.n; g++) {
    FUZZ_CHECK(q.g[g].n_alt >= 1 && q.g[g].n_alt <= KC_QUERY_MAX_ALTS, "group %d: %d alts", g,
               q.g[g].n_alt);
    FUZZ_CHECK(q.g[g].off + q.g[g].len <= q.used, "group %d outside the input read", g);
  }
  if ((data[0] & 4) && q.n > 0) {
    /* A correction, as the store would make it: a word from the input. */
    char word[KC_QUERY_MAX_PHRASE];
    size_t w = size - 1 < 20 ? size - 1 : 20;
    memcpy(word, input, w);
    word[w] = '\0';
    kc_query_correct(&q, 0, word, use);
    kc_query_add_alt(&q, q.n - 1, "completion", 0);
  }
  unsigned all = q.n ? (1u << q.n) - 1 : 0;
  check_expr(&q, all, 1, outlen);
  check_expr(&q, all, 0, outlen);
  for (int g = 0; g < q.n; g++) check_expr(&q, 1u << g, 1, outlen);
  char shown[512];
  kc_query_display(&q, input, shown, sizeof shown);
  FUZZ_CHECK(fuzz_printable(shown, strlen(shown), 0), "displayed query is not printable");
  free(input);
  return 0;
}
