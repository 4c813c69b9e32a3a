/* Unit tests: the packer/validator on each kind of broken content. Runs the
 * real kcpack on small trees and checks the file:line messages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "kc_check.h"

static char dir[128];

static void write_file(const char *rel, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
}

static const char *good_a =
    "id: alpha\ntitle: Alpha\ntopic: causes\nsummary: First.\nrelated: beta\n"
    "source: NHS - https://www.nhs.uk/\n---\nSee [beta](beta) for more.\n";
static const char *good_b = "id: beta\ntitle: Beta\ntopic: first-aid\nsummary: Second.\nrelated:\n"
                            "source: NHS\n---\nBody of beta.\n";

/* The 1-based line of the tree's file rel that starts with prefix, or 0. */
static int line_of(const char *rel, const char *prefix) {
  char path[512], buf[16384];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  FILE *f = fopen(path, "r");
  ck_assert_ptr_nonnull(f);
  int n = 0, found = 0;
  while (!found && fgets(buf, sizeof buf, f)) {
    n++;
    if (strncmp(buf, prefix, strlen(prefix)) == 0) found = n;
  }
  fclose(f);
  ck_assert_int_gt(found, 0);
  return found;
}

static void setup(void) {
  snprintf(dir, sizeof dir, "/tmp/kc-pack-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "mkdir -p %s/db %s/assets/articles/causes %s/assets/articles/first-aid && "
           "cp %s/db/00_schema.sql %s/db/10_topics.sql %s/db/",
           dir, dir, dir, KC_SOURCE_DIR, KC_SOURCE_DIR, dir);
  ck_assert_int_eq(system(cmd), 0);
  write_file("assets/articles/causes/alpha.md", good_a);
  write_file("assets/articles/first-aid/beta.md", good_b);
}

static void teardown(void) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  if (system(cmd) != 0) fprintf(stderr, "cannot clean %s\n", dir);
}

/* Runs kcpack; returns its exit status and its stderr in err. */
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

/* Removes the database a successful pack left, before expecting a failure. */
static void remove_out(void) {
  char out[256];
  snprintf(out, sizeof out, "%s/out.db", dir);
  ck_assert_int_eq(unlink(out), 0);
}

static void expect_error(const char *file_line, const char *message) {
  char err[4096];
  ck_assert_int_ne(pack(err, sizeof err), 0);
  ck_assert_msg(strstr(err, file_line) && strstr(err, message), "wanted '%s' + '%s', got:\n%s",
                file_line, message, err);
  char out[256];
  snprintf(out, sizeof out, "%s/out.db", dir);
  struct stat st;
  ck_assert_msg(stat(out, &st) != 0, "a failed pack must not leave a database");
}

START_TEST(valid_tree_packs) {
  char err[4096];
  ck_assert_int_eq(pack(err, sizeof err), 0);
  ck_assert_str_eq(err, "");
}
END_TEST

START_TEST(broken_link) {
  write_file("assets/articles/causes/alpha.md",
             "id: alpha\ntitle: Alpha\ntopic: causes\nsummary: First.\nsource: x\n---\nOne.\n\n"
             "Two [gone](nowhere).\n");
  expect_error("causes/alpha.md:9:", "broken link: no article with id 'nowhere'");
}
END_TEST

START_TEST(broken_related) {
  write_file("assets/articles/causes/alpha.md",
             "id: alpha\ntitle: Alpha\ntopic: causes\nsummary: First.\nrelated: beta, ghost\n"
             "source: x\n---\nOne.\n");
  expect_error("causes/alpha.md:5:", "related: no article with id 'ghost'");
}
END_TEST

START_TEST(unknown_topic) {
  write_file("assets/articles/causes/alpha.md",
             "id: alpha\ntitle: Alpha\ntopic: gossip\nsummary: First.\nsource: x\n---\nOne.\n");
  expect_error("causes/alpha.md:3:", "unknown topic 'gossip'");
}
END_TEST

START_TEST(duplicate_id) {
  write_file("assets/articles/causes/beta.md", good_b);
  expect_error("beta.md:1:", "duplicate article id 'beta'");
}
END_TEST

START_TEST(empty_article) {
  write_file("assets/articles/first-aid/beta.md",
             "id: beta\ntitle: Beta\ntopic: first-aid\nsummary: S.\nsource: x\n---\n\n  \n");
  expect_error("first-aid/beta.md:6:", "empty article");
}
END_TEST

START_TEST(missing_header_fields) {
  write_file("assets/articles/first-aid/beta.md",
             "id: beta\ntitle: Beta\ntopic: first-aid\nsource: x\n---\nBody.\n");
  expect_error("first-aid/beta.md:", "missing header field 'summary'");
  write_file("assets/articles/first-aid/beta.md",
             "id: beta\ntitle: Beta\ntopic: first-aid\nsummary: S.\n---\nBody.\n");
  expect_error("first-aid/beta.md:", "missing header field 'source'");
}
END_TEST

START_TEST(bad_header_lines) {
  write_file("assets/articles/first-aid/beta.md",
             "id: beta\ntitle: Beta\nnonsense\ntopic: first-aid\n---\nBody.\n");
  expect_error("first-aid/beta.md:3:", "expected 'key: value'");
  write_file("assets/articles/first-aid/beta.md",
             "id: beta\ntitle: Beta\ncolour: red\n---\nBody.\n");
  expect_error("first-aid/beta.md:3:", "unknown header field 'colour'");
  write_file("assets/articles/first-aid/beta.md", "id: beta\ntitle: Beta\n");
  expect_error("first-aid/beta.md:", "header not closed");
  write_file("assets/articles/first-aid/beta.md",
             "id: Beta!\ntitle: Beta\ntopic: first-aid\nsummary: S.\nsource: x\n---\nBody.\n");
  expect_error("first-aid/beta.md:1:", "must be 1-64 of a-z");
}
END_TEST

START_TEST(id_must_match_file_name) {
  write_file("assets/articles/first-aid/beta.md",
             "id: gamma\ntitle: Beta\ntopic: first-aid\nsummary: S.\nsource: x\n---\nBody.\n");
  expect_error("first-aid/beta.md:1:", "does not match the file name");
}
END_TEST

START_TEST(bad_bytes) {
  write_file(
      "assets/articles/first-aid/beta.md",
      "id: beta\ntitle: Beta\ntopic: first-aid\nsummary: S.\nsource: x\n---\nOK\nBad \xFF here\n");
  expect_error("first-aid/beta.md:8:", "invalid UTF-8");
  write_file(
      "assets/articles/first-aid/beta.md",
      "id: beta\ntitle: Beta\ntopic: first-aid\nsummary: S.\nsource: x\n---\nOK\nBell \x07\n");
  expect_error("first-aid/beta.md:8:", "control character");
}
END_TEST

START_TEST(web_link_in_body) {
  write_file("assets/articles/first-aid/beta.md",
             "id: beta\ntitle: Beta\ntopic: first-aid\nsummary: S.\nsource: x\n---\n"
             "Go to [spam](https://example.com/buy).\n");
  expect_error("first-aid/beta.md:7:", "web link");
}
END_TEST

START_TEST(bad_sql_names_its_line) {
  write_file(
      "db/10_topics.sql",
      "INSERT INTO topic (id, position, title, summary) VALUES ('causes', 1, 'C', 'c');\n"
      "INSERT INTO topic (id, position, title, summary) VALUES ('first-aid', 1, 'F', 'f');\n");
  expect_error("db/10_topics.sql:2:", "UNIQUE");
}
END_TEST

/* ---- clinical rules (DESIGN.md: article markup, sources) ----------------
 * The real sign and level tables (db/15_triage.sql) with an article that
 * has a `reviewed:` date, so the rules apply to it. */

static void setup_clinical(void) {
  setup();
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "cp %s/db/15_triage.sql %s/db/", KC_SOURCE_DIR, dir);
  ck_assert_int_eq(system(cmd), 0);
}

/* causes/gamma.md: the body starts on line 8. */
static void write_gamma(const char *title, const char *source, const char *body) {
  char text[4096];
  snprintf(text, sizeof text,
           "id: gamma\ntitle: %s\ntopic: causes\nsummary: Third.\nreviewed: 2026-01-10\n"
           "source: %s\n---\n%s",
           title, source, body);
  write_file("assets/articles/causes/gamma.md", text);
}

static const char *nhs = "NHS, Knee pain - https://www.nhs.uk/conditions/knee-pain/ "
                         "(checked 2026-01-10)";

START_TEST(tagged_article_packs) {
  write_gamma("Gamma", nhs,
              "Most knee pain settles.\n\n## {level:24h}\n\n- {sign:hot-swollen}\n\n"
              "If the knee is hot and swollen: {sign:hot-swollen}.\n\n{action:self-care}\n");
  char err[4096];
  ck_assert_int_eq(pack(err, sizeof err), 0);
  /* the indexed text holds the sign's words and level, never the tag */
  char path[256];
  snprintf(path, sizeof path, "%s/out.db", dir);
  sqlite3 *db = NULL;
  ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(
      sqlite3_prepare_v2(db, "SELECT plain FROM article WHERE id = 'gamma'", -1, &st, NULL),
      SQLITE_OK);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  const char *plain = (const char *)sqlite3_column_text(st, 0);
  ck_assert_msg(strstr(plain, "The knee is hot and swollen"), "%s", plain);
  ck_assert_msg(strstr(plain, "See a doctor within 24 hours"), "%s", plain);
  ck_assert_msg(!strstr(plain, "{sign:"), "%s", plain);
  sqlite3_finalize(st);
  sqlite3_close(db);
}
END_TEST

START_TEST(urgency_in_own_words) {
  write_gamma("Gamma", nhs, "Rest it.\n\nIf it gets worse, go to A&E.\n");
  expect_error("causes/gamma.md:10:", "'a&e' states an urgency in the article's own words");
  write_gamma("Emergency knee care", nhs, "Rest it.\n");
  expect_error("causes/gamma.md:2:", "'emergency' states an urgency in the article's own words "
                                     "in the title");
  /* inside a tag or a link target it is not people's words */
  write_gamma("Gamma", nhs, "See [what to do](emergency-signs) and {level:ambulance}.\n");
  write_file("assets/articles/first-aid/emergency-signs.md",
             "id: emergency-signs\ntitle: B\ntopic: first-aid\nsummary: S.\nsource: x\n---\nB.\n");
  char err[4096];
  pack(err, sizeof err);
  ck_assert_msg(!strstr(err, "states an urgency"), "%s", err);
}
END_TEST

START_TEST(sign_words_need_their_tag) {
  write_gamma("Gamma", nhs, "Rest it.\n\n- If the knee is hot and swollen, see a doctor.\n");
  expect_error("causes/gamma.md:10:", "names the warning sign 'hot-swollen'");
}
END_TEST

START_TEST(unknown_tags) {
  write_gamma("Gamma", nhs, "Rest it.\n\n{sign:ghost} and\n{level:soonish}.\n");
  expect_error("causes/gamma.md:10:", "unknown sign tag {sign:ghost}");
  expect_error("causes/gamma.md:11:", "unknown level in {level:soonish}");
  write_gamma("Gamma", nhs, "{action:never}\n");
  expect_error("causes/gamma.md:8:", "unknown level in {action:never}");
}
END_TEST

START_TEST(one_sign_one_level) {
  write_gamma("Gamma", nhs, "- {sign:hot-swollen}: {level:ed}\n");
  expect_error("causes/gamma.md:8:", "sign 'hot-swollen' is '24h' but is given 'ed' beside it");
  write_gamma("Gamma", nhs,
              "## {level:ambulance}\n\n- {sign:breathless-chest}\n- {sign:hot-swollen}\n");
  expect_error("causes/gamma.md:11:",
               "sign 'hot-swollen' is '24h' but sits under a heading for 'ambulance'");
}
END_TEST

START_TEST(source_rules) {
  write_gamma("Gamma", "NHS, Knee pain (checked 2026-01-10)", "Rest it.\n");
  expect_error("causes/gamma.md:6:", "has no \"Publisher, Title - https://address\"");
  write_gamma("Gamma", "Someone, Knee - https://docslib.org/doc/1 (checked 2026-01-10)",
              "Rest it.\n");
  expect_error("causes/gamma.md:6:", "deny list (docslib.org)");
  write_gamma("Gamma", "NHS, Knee pain - https://www.nhs.uk/conditions/knee-pain/", "Rest it.\n");
  expect_error("causes/gamma.md:6:", "needs \"(checked YYYY-MM-DD)\"");
  /* the tables' own sources, pinned to their row */
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "sed -i \"s|\\('hot-swollen', [0-9]*,.*\\)(checked 2026-11-30)', NULL);|"
           "\\1', NULL);|\" %s/db/15_triage.sql",
           dir);
  ck_assert_int_eq(system(cmd), 0);
  write_gamma("Gamma", nhs, "Rest it.\n");
  char where[64];
  snprintf(where, sizeof where, "db/15_triage.sql:%d:",
           line_of("db/15_triage.sql",
                   "INSERT INTO sign (id, position, level, statement, cause_id, "
                   "action, recheck, keywords, source, positive_if) VALUES "
                   "('hot-swollen'"));
  expect_error(where, "sign 'hot-swollen': source");
}
END_TEST

/* The allow list: primary and authoritative publishers pass, NHS trusts'
 * own sites among them; any other address is refused; the deny list wins
 * over the allow list (a denied subdomain of nhs.uk). */
START_TEST(source_allow_list) {
  static const char *const ok[] = {
      "nidirect (Northern Ireland government), Dislocated kneecap - "
      "https://www.nidirect.gov.uk/conditions/dislocated-kneecap (checked 2026-01-10)",
      "East Lancashire Hospitals NHS Trust, Traumatic knee injury - "
      "https://elht.nhs.uk/services/x (checked 2026-01-10)",
      "NHS Tayside, Knee pain - https://www.nhstayside.scot.nhs.uk/a (checked 2026-01-10)",
      "StatPearls (NCBI Bookshelf), Pes anserine bursitis - "
      "https://www.ncbi.nlm.nih.gov/books/NBK532941/ (checked 2026-01-10)",
      "StatPearls, Gout - https://www.statpearls.com/ArticleLibrary/viewarticle/22376 "
      "(checked 2026-01-10)",
      "Stiell IG et al., JAMA 1996 - https://jamanetwork.com/journals/jama/article-abstract/397187 "
      "(checked 2026-01-10)",
      "Merck Manual Professional, Popliteus tendinitis - "
      "http://www.merckmanuals.com/professional/x (checked 2026-01-10)",
  };
  char err[4096];
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
    write_gamma("Gamma", ok[i], "Rest it.\n");
    ck_assert_msg(pack(err, sizeof err) == 0, "%s refused:\n%s", ok[i], err);
  }
  remove_out();
  write_gamma("Gamma",
              "A clinic, Knee pain - https://www.knee-clinic.example.com/pain (checked 2026-01-10)",
              "Rest it.\n");
  expect_error("causes/gamma.md:6:",
               "source address 'www.knee-clinic.example.com' is not a primary "
               "or authoritative publisher on the allow list");
  /* a look-alike is not the domain itself */
  write_gamma("Gamma", "Fake, Knee - https://notnhs.uk/x (checked 2026-01-10)", "Rest it.\n");
  expect_error("causes/gamma.md:6:", "'notnhs.uk' is not a primary");
  write_gamma("Gamma", "NHS, DVT - https://beta.nhs.uk/conditions/dvt/ (checked 2026-01-10)",
              "Rest it.\n");
  expect_error("causes/gamma.md:6:", "deny list (beta.nhs.uk)");
  write_gamma("Gamma", "NHS CKS, Sciatica - http://www.cks.nhs.uk/sciatica (checked 2026-01-10)",
              "Rest it.\n");
  expect_error("causes/gamma.md:6:", "deny list (cks.nhs.uk)");
  write_gamma("Gamma", "AI answers, Knee - https://www.droracle.ai/articles/1 (checked 2026-01-10)",
              "Rest it.\n");
  expect_error("causes/gamma.md:6:", "deny list (droracle.ai)");
}
END_TEST

/* The urgency words are checked in what people read: not in the addresses
 * of the sources, the related list or a link's target; a link's text is
 * read, so it is checked. */
START_TEST(urgency_not_in_addresses) {
  write_file("assets/articles/first-aid/emergency-signs.md",
             "id: emergency-signs\ntitle: B\ntopic: first-aid\nsummary: S.\nsource: x\n---\nB.\n");
  char text[2048];
  snprintf(
      text, sizeof text,
      "id: gamma\ntitle: Gamma\ntopic: causes\nsummary: Third.\nreviewed: 2026-01-10\n"
      "related: emergency-signs\n"
      "source: NHS, Urgent and emergency care services - "
      "https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/ (checked 2026-01-10)\n"
      "source: %s\n---\nRest it. If it changes, see [what to do now](emergency-signs).\n"
      "- See [a list of the signs](emergency-signs) too.\n",
      nhs);
  write_file("assets/articles/causes/gamma.md", text);
  char err[4096];
  ck_assert_msg(pack(err, sizeof err) == 0, "%s", err);
  remove_out();
  /* the words of a link are read */
  snprintf(text, sizeof text,
           "id: gamma\ntitle: Gamma\ntopic: causes\nsummary: Third.\nreviewed: 2026-01-10\n"
           "source: %s\n---\nRest it.\n\nSee [the emergency signs](emergency-signs).\n",
           nhs);
  write_file("assets/articles/causes/gamma.md", text);
  expect_error("causes/gamma.md:10:", "'emergency' states an urgency in the article's own words");
}
END_TEST

START_TEST(red_flags_lists_every_sign) {
  write_file("assets/articles/first-aid/beta.md", "");
  write_file(
      "assets/articles/first-aid/red-flags.md",
      "id: red-flags\ntitle: Warning signs\ntopic: first-aid\nsummary: S.\n"
      "reviewed: 2026-01-10\nsource: NHS, Knee pain - https://www.nhs.uk/conditions/knee-pain/"
      " (checked 2026-01-10)\n---\n## {level:ambulance}\n\n- {sign:breathless-chest}\n");
  char cmd[256];
  snprintf(cmd, sizeof cmd, "rm %s/assets/articles/first-aid/beta.md", dir);
  ck_assert_int_eq(system(cmd), 0);
  write_gamma("Gamma", nhs, "Rest it.\n");
  write_file("assets/articles/causes/alpha.md",
             "id: alpha\ntitle: Alpha\ntopic: causes\nsummary: First.\nsource: x\n---\nOne.\n");
  expect_error("first-aid/red-flags.md:8:",
               "the red-flags article does not list the sign 'hot-swollen'");
  char err[8192];
  pack(err, sizeof err);
  ck_assert_msg(!strstr(err, "'breathless-chest' ({sign"), "%s", err);
}
END_TEST

START_TEST(require_reviewed) {
  write_gamma("Gamma", nhs, "Rest it.\n");
  char cmd[1024];
  snprintf(
      cmd, sizeof cmd,
      "%s --require-reviewed --assets %s/assets --db %s/db --out %s/out.db 2>%s/err >/dev/null",
      KCPACK_PATH, dir, dir, dir, dir);
  int st = system(cmd);
  ck_assert(WIFEXITED(st) && WEXITSTATUS(st) != 0);
  char path[256], err[4096];
  snprintf(path, sizeof path, "%s/err", dir);
  FILE *f = fopen(path, "r");
  ck_assert_ptr_nonnull(f);
  size_t n = fread(err, 1, sizeof err - 1, f);
  err[n] = '\0';
  fclose(f);
  ck_assert_msg(strstr(err, "alpha.md:") && strstr(err, "reviewed"), "%s", err);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("pack");
  TCase *tc = tcase_create("validate");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 20);
  tcase_add_test(tc, valid_tree_packs);
  tcase_add_test(tc, broken_link);
  tcase_add_test(tc, broken_related);
  tcase_add_test(tc, unknown_topic);
  tcase_add_test(tc, duplicate_id);
  tcase_add_test(tc, empty_article);
  tcase_add_test(tc, missing_header_fields);
  tcase_add_test(tc, bad_header_lines);
  tcase_add_test(tc, id_must_match_file_name);
  tcase_add_test(tc, bad_bytes);
  tcase_add_test(tc, web_link_in_body);
  tcase_add_test(tc, bad_sql_names_its_line);
  suite_add_tcase(s, tc);
  TCase *cl = tcase_create("clinical");
  tcase_add_checked_fixture(cl, setup_clinical, teardown);
  tcase_set_timeout(cl, 20);
  tcase_add_test(cl, tagged_article_packs);
  tcase_add_test(cl, urgency_in_own_words);
  tcase_add_test(cl, sign_words_need_their_tag);
  tcase_add_test(cl, unknown_tags);
  tcase_add_test(cl, one_sign_one_level);
  tcase_add_test(cl, source_rules);
  tcase_add_test(cl, source_allow_list);
  tcase_add_test(cl, urgency_not_in_addresses);
  tcase_add_test(cl, red_flags_lists_every_sign);
  tcase_add_test(cl, require_reviewed);
  suite_add_tcase(s, cl);
  return s;
}

KC_CHECK_MAIN(suite)
