/* The packer's search checks (src/pack/pack_search.c), on small trees run
 * through the real kcpack: synonym targets must occur in an article, word
 * lists hold words, articles stay inside what the store reads (all as
 * file:line), and what was checked is recorded in meta. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "kc_check.h"
#include "kneecare/content.h"

static char dir[128];

static void write_file(const char *rel, const char *text, const char *mode) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  FILE *f = fopen(path, mode);
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
}

static void setup(void) {
  snprintf(dir, sizeof dir, "/tmp/kc-spack-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "mkdir -p %s/db %s/assets/articles/causes && cp %s/db/00_schema.sql "
           "%s/db/10_topics.sql %s/db/",
           dir, dir, KC_SOURCE_DIR, KC_SOURCE_DIR, dir);
  ck_assert_int_eq(system(cmd), 0);
  /* The real 40_search.sql schema with a word list of our own. */
  FILE *in = fopen(KC_SOURCE_DIR "/db/40_search.sql", "r");
  ck_assert_ptr_nonnull(in);
  char line[1024], path[256];
  snprintf(path, sizeof path, "%s/db/40_search.sql", dir);
  FILE *out = fopen(path, "w");
  while (fgets(line, sizeof line, in) && !strstr(line, "INSERT INTO search_stopword"))
    fputs(line, out);
  fclose(in);
  fputs("INSERT INTO search_stopword (word) VALUES ('my'), ('the');\n"
        "INSERT INTO search_synonym (term, means) VALUES\n"
        "  ('itb', 'it band'),\n"
        "  ('tylenol', 'paracetamol');\n",
        out);
  fclose(out);
  write_file("assets/articles/causes/alpha.md",
             "id: alpha\ntitle: IT band syndrome\ntopic: causes\nsummary: Outer knee.\n"
             "related:\nsource: NHS - https://www.nhs.uk/\n---\n## Treatment\n\n"
             "Rest, then paracetamol if needed. The IT band is on the outside.\n",
             "w");
}

static void teardown(void) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  if (system(cmd) != 0) fprintf(stderr, "cannot clean %s\n", dir);
}

static int pack(char *err, size_t errlen) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "%s --assets %s/assets --db %s/db --out %s/out.db 2>%s/err >/dev/null",
           KCPACK_PATH, dir, dir, dir, dir);
  int st = system(cmd);
  char path[256];
  snprintf(path, sizeof path, "%s/err", dir);
  FILE *f = fopen(path, "r");
  size_t n = f ? fread(err, 1, errlen - 1, f) : 0;
  err[n] = '\0';
  if (f) fclose(f);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

START_TEST(packs_and_records_what_it_checked) {
  char err[4096];
  ck_assert_msg(pack(err, sizeof err) == 0, "%s", err);
  char path[256];
  snprintf(path, sizeof path, "%s/out.db", dir);
  sqlite3 *db;
  ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  sqlite3_stmt *st;
  ck_assert_int_eq(
      sqlite3_prepare_v2(db, "SELECT key, value FROM meta ORDER BY key", -1, &st, NULL), SQLITE_OK);
  char all[4096] = "";
  while (sqlite3_step(st) == SQLITE_ROW) {
    strcat(all, (const char *)sqlite3_column_text(st, 0));
    strcat(all, "=");
    strcat(all, (const char *)sqlite3_column_text(st, 1));
    strcat(all, "\n");
  }
  sqlite3_finalize(st);
  ck_assert_msg(strstr(all, "content_articles=1\n"), "%s", all);
  ck_assert_msg(strstr(all, "content_checksum=fnv1a64:"), "%s", all);
  ck_assert_msg(strstr(all, "topic_articles:causes=1\n"), "%s", all);
  ck_assert_msg(strstr(all, "topic_articles:symptoms=0\n"), "%s", all);
  ck_assert_msg(strstr(all, "topic_rowids:causes=1 1\n"), "%s", all);
  /* The headings are in the title index; the vocabulary has the words as
   * written and the synonym terms. */
  ck_assert_int_eq(sqlite3_prepare_v2(db,
                                      "SELECT (SELECT count(*) FROM search_head WHERE search_head "
                                      "MATCH 'headings:treatment'), (SELECT count(*) FROM "
                                      "search_vocab WHERE word IN ('outside', 'tylenol', 'itb'))",
                                      -1, &st, NULL),
                   SQLITE_OK);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  ck_assert_int_eq(sqlite3_column_int(st, 0), 1);
  ck_assert_int_eq(sqlite3_column_int(st, 1), 3);
  sqlite3_finalize(st);
  sqlite3_close(db);
  /* And the program opens it as a --content file and searches it. */
  struct kc_content *c = NULL;
  ck_assert_msg(kc_content_open_file(path, &c, err, sizeof err) == 0, "%s", err);
  struct kc_search_req req = {"tylenol", NULL, 5, -1, 0};
  struct kc_search_res res;
  ck_assert_int_eq(kc_content_find(c, &req, &res, err, sizeof err), 1);
  ck_assert_str_eq(res.hits[0].id, "alpha");
  ck_assert_ptr_nonnull(strchr(res.hits[0].snippet, KC_MARK_ON)); /* paracetamol marked */
  kc_search_res_free(&res);
  kc_content_close(c);
}
END_TEST

/* Lines of a file of the tree. */
static int lines_of(const char *rel) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  FILE *f = fopen(path, "r");
  ck_assert_ptr_nonnull(f);
  int n = 0, ch;
  while ((ch = fgetc(f)) != EOF) n += ch == '\n';
  fclose(f);
  return n;
}

START_TEST(synonym_target_must_occur) {
  int line = lines_of("db/40_search.sql") + 2;
  write_file("db/40_search.sql",
             "INSERT INTO search_synonym (term, means) VALUES\n"
             "  ('advil', 'ibuprofen');\n",
             "a");
  char err[4096], want[128];
  ck_assert_int_ne(pack(err, sizeof err), 0);
  snprintf(want, sizeof want, "40_search.sql:%d: synonym 'advil' -> 'ibuprofen': no article", line);
  ck_assert_msg(strstr(err, want), "wanted '%s', got:\n%s", want, err);
}
END_TEST

START_TEST(word_lists_hold_words) {
  write_file("db/40_search.sql",
             "INSERT INTO search_stopword (word) VALUES ('Two Words');\n"
             "INSERT INTO search_synonym (term, means) VALUES ('band', 'band'), ('--', 'rest');\n",
             "a");
  char err[4096];
  ck_assert_int_ne(pack(err, sizeof err), 0);
  ck_assert_msg(strstr(err, "stop word 'Two Words': must be one word in lower case"), "%s", err);
  ck_assert_msg(strstr(err, "synonym 'band' -> 'band': a word means itself"), "%s", err);
  ck_assert_msg(strstr(err, "synonym '--' -> 'rest': each side must be words"), "%s", err);
}
END_TEST

/* An article body over KC_CONTENT_MAX_BODY: the program would refuse it. */
START_TEST(articles_within_what_the_store_reads) {
  size_t n = KC_CONTENT_MAX_BODY + 1000;
  char *text = malloc(n + 256);
  ck_assert_ptr_nonnull(text);
  int o = snprintf(text, 256,
                   "id: beta\ntitle: Beta\ntopic: causes\nsummary: S.\nrelated:\nsource: NHS - "
                   "https://www.nhs.uk/\n---\n");
  for (size_t i = 0; i < n; i++) text[o + i] = i % 60 == 59 ? '\n' : "word "[i % 5];
  text[o + n] = '\0';
  write_file("assets/articles/causes/beta.md", text, "w");
  free(text);
  char err[4096];
  ck_assert_int_ne(pack(err, sizeof err), 0);
  ck_assert_msg(strstr(err, "beta.md: article of ") && strstr(err, "is over the 262144"), "%s",
                err);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("search_pack");
  TCase *tc = tcase_create("pack");
  tcase_set_timeout(tc, 30);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, packs_and_records_what_it_checked);
  tcase_add_test(tc, synonym_target_must_occur);
  tcase_add_test(tc, word_lists_hold_words);
  tcase_add_test(tc, articles_within_what_the_store_reads);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
