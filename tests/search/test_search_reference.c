/* Search results against a saved reference: tests/search/reference.tsv holds
 * the ids, in order, that the engine returned for every query of
 * queries.txt (whole words and type-ahead), saved before the engine was
 * made faster, so a change meant to be invisible (speed, memory, bounds)
 * cannot quietly change what people find.
 *
 * The reference is only meaningful for the content it was made from: its
 * first line holds a fingerprint of the articles. When the articles change
 * the test fails and says how to review and re-save it:
 *   KC_SEARCH_REF_WRITE=1 build/test_search_reference   (then git diff) */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kc_check.h"
#include "kneecare/blob.h"
#include "kneecare/content.h"

#define REF_PATH KC_SOURCE_DIR "/tests/search/reference.tsv"
#define QUERIES_PATH KC_SOURCE_DIR "/tests/search/queries.txt"
#define LIMIT 20

/* FNV-1a over every article's id, title, summary and indexed text. */
static uint64_t content_fingerprint(void) {
  sqlite3 *db;
  ck_assert_int_eq(sqlite3_open_v2(KC_CONTENT_DB, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  sqlite3_stmt *st;
  ck_assert_int_eq(sqlite3_prepare_v2(db,
                                      "SELECT id, title, summary, plain FROM article ORDER BY id",
                                      -1, &st, NULL),
                   SQLITE_OK);
  uint64_t h = 14695981039346656037u;
  while (sqlite3_step(st) == SQLITE_ROW)
    for (int c = 0; c < 4; c++) {
      const unsigned char *t = sqlite3_column_text(st, c);
      for (int i = 0, n = sqlite3_column_bytes(st, c); i < n; i++) h = (h ^ t[i]) * 1099511628211u;
      h = (h ^ 0xFF) * 1099511628211u;
    }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return h;
}

/* The ids the engine returns, space-separated ("-" for none). */
static void run(struct kc_content *c, const char *q, int prefix, char *out, size_t outlen) {
  struct kc_hit *h;
  size_t n;
  char err[256];
  int rc = kc_content_search(c, q, LIMIT, prefix, &h, &n, err, sizeof err);
  ck_assert_msg(rc >= 0, "search '%s' failed: %s", q, err);
  size_t o = 0;
  out[0] = '\0';
  for (size_t i = 0; i < n; i++)
    o += (size_t)snprintf(out + o, outlen - o, "%s%s", i ? " " : "", h[i].id);
  if (n == 0) snprintf(out, outlen, "-");
  kc_hits_free(h, n);
}

static struct kc_content *open_real(void) {
  struct kc_content *c = NULL;
  char err[256];
  ck_assert_msg(
      kc_content_open_image(kc_content_image, kc_content_image_len, &c, err, sizeof err) == 0, "%s",
      err);
  return c;
}

static void chomp(char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = '\0';
}

static void write_reference(struct kc_content *c, uint64_t fp) {
  FILE *in = fopen(QUERIES_PATH, "r"), *out = fopen(REF_PATH, "w");
  ck_assert_ptr_nonnull(in);
  ck_assert_ptr_nonnull(out);
  fprintf(out, "# fingerprint %016llx\n", (unsigned long long)fp);
  char q[512], ids[8192];
  while (fgets(q, sizeof q, in)) {
    chomp(q);
    if (!q[0]) continue;
    for (int prefix = 0; prefix < 2; prefix++) {
      run(c, q, prefix, ids, sizeof ids);
      fprintf(out, "%s\t%d\t%s\n", q, prefix, ids);
    }
  }
  fclose(in);
  ck_assert_int_eq(fclose(out), 0);
  printf("search-reference: written to %s\n", REF_PATH);
}

START_TEST(same_results_as_the_reference) {
  struct kc_content *c = open_real();
  uint64_t fp = content_fingerprint();
  if (getenv("KC_SEARCH_REF_WRITE")) {
    write_reference(c, fp);
    kc_content_close(c);
    return;
  }
  FILE *f = fopen(REF_PATH, "r");
  ck_assert_ptr_nonnull(f);
  char line[16384];
  ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
  unsigned long long saved = 0;
  ck_assert_int_eq(sscanf(line, "# fingerprint %llx", &saved), 1);
  ck_assert_msg(saved == fp,
                "the articles changed since tests/search/reference.tsv was saved "
                "(fingerprint %016llx, now %016llx): re-save it with KC_SEARCH_REF_WRITE=1 "
                "build/test_search_reference and review the changes with git diff",
                saved, (unsigned long long)fp);
  int checked = 0, differ = 0;
  while (fgets(line, sizeof line, f)) {
    chomp(line);
    char *q = line, *tab1 = strchr(q, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    ck_assert_msg(tab1 && tab2, "malformed line: %s", line);
    *tab1 = *tab2 = '\0';
    char ids[8192];
    run(c, q, atoi(tab1 + 1), ids, sizeof ids);
    if (strcmp(ids, tab2 + 1) != 0) {
      fprintf(stderr, "search-reference: '%s' (%s): expected %s\n  got %s\n", q,
              atoi(tab1 + 1) ? "type-ahead" : "words", tab2 + 1, ids);
      differ++;
    }
    checked++;
  }
  fclose(f);
  printf("search-reference: %d/%d searches as saved\n", checked - differ, checked);
  ck_assert_int_gt(checked, 70);
  ck_assert_msg(differ == 0, "%d of %d searches differ from the reference", differ, checked);
  kc_content_close(c);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("search_reference");
  TCase *tc = tcase_create("reference");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, same_results_as_the_reference);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
