/* Fuzz target: search-query escaping (kc_query_build) against real FTS5.
 *
 * Input: byte 0 bit 0 = type-ahead prefix; bit 1 = a small output buffer of
 * 1 + (byte 0 >> 2) bytes instead of KC_QUERY_BUF; the rest is what a person
 * typed. The expression is run as `SELECT count(*) FROM t WHERE t MATCH ?`
 * on an in-memory FTS5 table made like the real article index (porter
 * unicode61 remove_diacritics 2, prefix indexes 2 3 4).
 * Invariants: the result is NUL-terminated inside the buffer, printable
 * UTF-8, and exactly `words` double-quoted strings (inner quotes doubled)
 * separated by one space, with an optional final `*` only after a word;
 * 0 words means an empty string; and FTS5 never returns an error for it
 * (any error from sqlite3_step() aborts with the input and the expression). */
#include <sqlite3.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "kneecare/query.h"

static sqlite3 *db;
static sqlite3_stmt *count_st;

static void setup(void) {
  static const char *const sql =
      "CREATE VIRTUAL TABLE t USING fts5(title, body,"
      " tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3 4');"
      "INSERT INTO t VALUES ('Runner''s knee', 'A dull ache around the kneecap after running.');"
      "INSERT INTO t VALUES ('Pes anserine bursitis', 'Pain on the inner knee, below the joint.');"
      "INSERT INTO t VALUES ('Café au lait', 'Crème brûlée, naïve coöperation, São Paulo.');"
      "INSERT INTO t VALUES ('膝の痛み', 'ランニング 膝 痛い — Knieschmerzen beim Laufen');"
      "INSERT INTO t VALUES ('OR AND NOT NEAR', 'title:knee body:pain \"quoted\" c++ don''t');"
      "INSERT INTO t VALUES ('Ice, compression, elevation', 'RICE for 3 days: 20 min ice.');";
  char *err = NULL;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, &err) ||
      sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &count_st, NULL)) {
    fprintf(stderr, "fuzz_query setup: %s\n", err ? err : sqlite3_errmsg(db));
    abort();
  }
}

/* Checks the shape of the expression; returns the number of quoted words. */
static int check_shape(const char *q, size_t n, int allow_star) {
  size_t i = 0;
  int words = 0;
  while (i < n) {
    if (words) {
      if (q[i] == '*' && i + 1 == n) {
        FUZZ_CHECK(allow_star, "'*' without prefix mode");
        return words;
      }
      FUZZ_CHECK(q[i] == ' ', "expected a space between words at %zu", i);
      i++;
    }
    FUZZ_CHECK(i < n && q[i] == '"', "expected '\"' at %zu", i);
    i++;
    size_t inner = 0;
    for (;;) {
      FUZZ_CHECK(i < n, "unterminated quoted word");
      if (q[i] == '"') {
        if (i + 1 < n && q[i + 1] == '"') {
          i += 2, inner += 2;
          continue;
        }
        break;
      }
      i++, inner++;
    }
    FUZZ_CHECK(inner > 0, "empty quoted word");
    i++; /* closing quote */
    words++;
  }
  return words;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  if (!db) setup();
  FUZZ_INPUT(data, size);
  int prefix = data[0] & 1;
  size_t outlen = (data[0] & 2) ? 1 + (size_t)(data[0] >> 2) : KC_QUERY_BUF;
  char out[KC_QUERY_BUF + 16];
  memset(out, 0x55, sizeof out);
  const char *input = (const char *)data + 1;
  size_t len = size - 1;

  int words = kc_query_build(input, len, prefix, out, outlen);
  const char *nul = memchr(out, '\0', outlen);
  FUZZ_CHECK(nul != NULL, "expression not NUL-terminated inside %zu bytes", outlen);
  FUZZ_CHECK(out[outlen] == 0x55, "wrote past the buffer of %zu bytes", outlen);
  size_t n = (size_t)(nul - out);
  FUZZ_CHECK(words >= 0 && words <= KC_QUERY_MAX_WORDS, "%d words", words);
  FUZZ_CHECK(fuzz_printable(out, n, 0), "expression is not printable text");
  if (words == 0) {
    FUZZ_CHECK(n == 0, "0 words but expression is not empty");
    return 0;
  }
  int shape = check_shape(out, n, prefix);
  FUZZ_CHECK(shape == words, "expression has %d words, kc_query_build said %d", shape, words);

  sqlite3_reset(count_st);
  sqlite3_bind_text(count_st, 1, out, (int)n, SQLITE_STATIC);
  int rc = sqlite3_step(count_st);
  if (rc == SQLITE_ROW) rc = sqlite3_step(count_st);
  if (rc != SQLITE_DONE) {
    fprintf(stderr, "FTS5 error %d: %s\n", rc, sqlite3_errmsg(db));
    fuzz_dump("expression", out, n);
    FUZZ_CHECK(0, "FTS5 refused an escaped query");
  }
  sqlite3_reset(count_st);
  sqlite3_clear_bindings(count_st);
  return 0;
}
