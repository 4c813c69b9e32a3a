/* Search quality on the real content: tests/search/quality.tsv holds what
 * runners ask and the articles that answer each question (written from the
 * questions, not from the engine). A query is answered when a right article
 * is among the first 3 hits. The bar: at least 90 % answered, and no query
 * of the guide's domain without any hit. Prints the figures, e.g.
 *   search-quality: 104/110 top-3 (94.5 %), 0 empty
 * and each query that missed with what came instead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kc_check.h"
#include "kneecare/blob.h"
#include "kneecare/content.h"

#define SET_PATH KC_SOURCE_DIR "/tests/search/quality.tsv"

struct kind_count {
  char name[16];
  int n, ok;
};

/* Runs the set with whole words (`kneecare search`) or as typed in the
 * search screen (type-ahead: the last word may be unfinished). */
static void run_set(int prefix) {
  struct kc_content *c = NULL;
  char err[512];
  ck_assert_msg(
      kc_content_open_image(kc_content_image, kc_content_image_len, &c, err, sizeof err) == 0, "%s",
      err);
  FILE *f = fopen(SET_PATH, "r");
  ck_assert_ptr_nonnull(f);
  char line[2048];
  int n = 0, ok = 0, empty = 0, corrected = 0;
  struct kind_count kinds[8];
  int n_kinds = 0;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = '\0';
    if (!line[0] || line[0] == '#') continue;
    char *kind = strchr(line, '\t'), *ids = kind ? strchr(kind + 1, '\t') : NULL;
    ck_assert_msg(kind && ids, "malformed line: %s", line);
    *kind++ = '\0';
    *ids++ = '\0';
    struct kc_search_req req = {line, NULL, 10, 0, prefix};
    struct kc_search_res res;
    ck_assert_msg(kc_content_find(c, &req, &res, err, sizeof err) >= 0, "%s: %s", line, err);
    int hit = 0;
    char got[512] = "";
    for (size_t i = 0; i < res.n && i < 3; i++) {
      char want[1024];
      snprintf(want, sizeof want, " %s ", ids);
      char id[128];
      snprintf(id, sizeof id, " %s ", res.hits[i].id);
      if (strstr(want, id)) hit = 1;
      strncat(got, res.hits[i].id, sizeof got - strlen(got) - 2);
      strcat(got, " ");
    }
    if (res.n == 0) empty++;
    if (res.showing_for) corrected++;
    if (!hit)
      printf("search-quality%s: missed '%s' (%s)%s%s: got %s\n", prefix ? " (type-ahead)" : "",
             line, kind, res.showing_for ? ", searched as " : "",
             res.showing_for ? res.showing_for : "", res.n ? got : "no matches");
    fflush(stdout);
    int k = 0;
    while (k < n_kinds && strcmp(kinds[k].name, kind) != 0) k++;
    if (k == n_kinds && n_kinds < 8) {
      snprintf(kinds[k].name, sizeof kinds[k].name, "%s", kind);
      kinds[k].n = kinds[k].ok = 0;
      n_kinds++;
    }
    if (k < n_kinds) kinds[k].n++, kinds[k].ok += hit;
    n++;
    ok += hit;
    kc_search_res_free(&res);
  }
  fclose(f);
  kc_content_close(c);
  printf("search-quality%s: %d/%d top-3 (%.1f %%), %d empty, %d corrected;",
         prefix ? " (type-ahead)" : "", ok, n, n ? 100.0 * ok / n : 0.0, empty, corrected);
  for (int k = 0; k < n_kinds; k++) printf(" %s %d/%d", kinds[k].name, kinds[k].ok, kinds[k].n);
  printf("\n");
  fflush(stdout);
  ck_assert_int_ge(n, 80);
  ck_assert_msg(ok * 10 >= n * 9, "%d of %d answered in the top 3 (below 90 %%)", ok, n);
  ck_assert_msg(empty == 0, "%d queries found nothing", empty);
}

START_TEST(runners_questions_answered) { run_set(0); }
END_TEST

START_TEST(runners_questions_answered_as_typed) { run_set(1); }
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("search_quality");
  TCase *tc = tcase_create("quality");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, runners_questions_answered);
  tcase_add_test(tc, runners_questions_answered_as_typed);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
