/* Unit tests: the content store on the real packed content and on hostile
 * databases. */
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
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

static struct kc_search_res find(struct kc_content *c, const char *q, const char *topic, int limit,
                                 int snippets, int prefix) {
  struct kc_search_req req = {q, topic, limit, snippets, prefix};
  struct kc_search_res res;
  char err[256];
  ck_assert_msg(kc_content_find(c, &req, &res, err, sizeof err) >= 0, "%s: %s", q, err);
  return res;
}

/* Issue 10: questions, synonyms, corrections, titles, topics, partial
 * matches, caps and snippets on demand (the quality set is in
 * tests/search). */
START_TEST(search_answers_the_way_people_ask) {
  struct kc_content *c = open_real();
  struct kc_search_res r = find(c, "why does my knee hurt after running?", NULL, 10, 0, 0);
  ck_assert_uint_gt(r.n, 3);
  ck_assert_uint_gt(r.n_all, 0);
  ck_assert_ptr_null(r.showing_for);
  kc_search_res_free(&r);
  /* A typing mistake is corrected, and the result says to what. */
  r = find(c, "torn menicus", NULL, 5, 0, 0);
  ck_assert_ptr_nonnull(r.showing_for);
  ck_assert_str_eq(r.showing_for, "torn meniscus");
  ck_assert_str_eq(r.hits[0].id, "meniscus-tear");
  kc_search_res_free(&r);
  /* Abbreviations and brand names reach the articles' words. */
  r = find(c, "ITB", NULL, 5, 0, 1);
  ck_assert_str_eq(r.hits[0].id, "it-band-syndrome");
  kc_search_res_free(&r);
  r = find(c, "tylenol", NULL, 5, 1, 0);
  ck_assert_str_eq(r.hits[0].id, "pain-relief-medicines");
  ck_assert_ptr_nonnull(strstr(r.hits[0].snippet, "aracetamol\x03")); /* marked */
  kc_search_res_free(&r);
  /* An article whose title is the query comes first. */
  r = find(c, "pain behind my knee", NULL, 5, 0, 0);
  ck_assert_str_eq(r.hits[0].id, "pain-behind-the-knee");
  kc_search_res_free(&r);
  r = find(c, "meniscus tear", NULL, 5, 0, 0);
  ck_assert_str_eq(r.hits[0].id, "meniscus-tear");
  kc_search_res_free(&r);
  /* A word no article has: the others still find something, marked partial. */
  r = find(c, "zebra knee swelling", NULL, 10, 0, 0);
  ck_assert_uint_gt(r.n, 0);
  ck_assert_uint_eq(r.n_all, 0);
  kc_search_res_free(&r);
  r = find(c, "zzzzqqq", NULL, 10, 0, 0);
  ck_assert_uint_eq(r.n, 0);
  kc_search_res_free(&r);
  /* One topic only. */
  r = find(c, "knee", "strength", 50, 0, 0);
  ck_assert_uint_gt(r.n, 0);
  struct kc_article_ref *refs;
  size_t nrefs;
  ck_assert_int_eq(kc_content_list(c, "strength", &refs, &nrefs), 0);
  for (size_t i = 0; i < r.n; i++) {
    int in = 0;
    for (size_t k = 0; k < nrefs; k++) in |= strcmp(refs[k].id, r.hits[i].id) == 0;
    ck_assert_msg(in, "%s is not in the strength topic", r.hits[i].id);
  }
  kc_article_refs_free(refs, nrefs);
  kc_search_res_free(&r);
  r = find(c, "knee", "no-such-topic", 50, 0, 0);
  ck_assert_uint_eq(r.n, 0);
  kc_search_res_free(&r);
  kc_content_close(c);
}
END_TEST

/* Snippets for the rows asked for, the rest when scrolled to; a pasted page
 * is capped, said so, and as quick as a short query. */
START_TEST(search_snippets_on_demand_and_caps) {
  struct kc_content *c = open_real();
  struct kc_search_res r = find(c, "knee", NULL, 20, 2, 1);
  ck_assert_uint_eq(r.n, 20);
  ck_assert_int_eq(r.more, 1);
  ck_assert(r.hits[0].has_snippet && r.hits[1].has_snippet && !r.hits[2].has_snippet);
  ck_assert_str_eq(r.hits[2].snippet, "");
  ck_assert_int_eq(kc_content_find_snippets(c, &r, 2, 6), 0);
  ck_assert(r.hits[5].has_snippet && !r.hits[6].has_snippet);
  ck_assert_ptr_nonnull(strchr(r.hits[5].snippet, KC_MARK_ON));
  kc_search_res_free(&r);
  static char big[5001];
  for (int i = 0; i < 5000; i++) big[i] = "knee pain "[i % 10];
  big[5000] = '\0';
  r = find(c, big, NULL, 20, 7, 1);
  ck_assert_int_eq(r.capped, 1);
  ck_assert_uint_gt(r.n, 0);
  kc_search_res_free(&r);
  r = find(c, "knee pain", NULL, 20, 7, 1);
  ck_assert_int_eq(r.capped, 0);
  kc_search_res_free(&r);
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

/* The schema of db/00_schema.sql and db/40_search.sql, and the record of
 * checks the packer leaves (a file without it is refused). */
static char *read_schema(void) {
  static const char *files[] = {"/db/00_schema.sql", "/db/40_search.sql"};
  char *buf = calloc(1, 131072);
  size_t n = 0;
  for (size_t i = 0; i < 2; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s%s", KC_SOURCE_DIR, files[i]);
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    n += fread(buf + n, 1, 65535, f);
    fclose(f);
  }
  snprintf(buf + n, 131072 - n, "\nINSERT INTO meta VALUES ('content_checksum', 'test');\n");
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

/* ---- hostile files: bounded memory and time (issue 13, F1/F2) ----------- */

#if defined(__SANITIZE_ADDRESS__)
#define KC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KC_ASAN 1
#endif
#endif

/* A copy of the packed content changed by sql. */
static void make_hostile(const char *path, const char *sql) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "cp '%s' '%s'", KC_CONTENT_DB, path);
  ck_assert_int_eq(system(cmd), 0);
  sqlite3 *db;
  ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
  char *msg = NULL;
  ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s", msg ? msg : "");
  sqlite3_close(db);
}

struct run {
  int status;       /* exit status, or 128 + signal */
  long rss_kb;      /* peak resident memory */
  double ms;        /* wall time */
  char out[4096];   /* start of stdout */
  char err[1024];   /* start of stderr */
  int null_printed; /* "(null)" anywhere in the output */
};

static void slurp_fd(int fd, char *buf, size_t n, int *nulls) {
  size_t o = 0;
  char chunk[4096], tail[8] = "";
  ssize_t r;
  while ((r = read(fd, chunk, sizeof chunk)) > 0) {
    /* "(null)" may span two chunks: look at the joint too. */
    char joint[sizeof tail + 8];
    snprintf(joint, sizeof joint, "%s%.6s", tail, chunk);
    for (ssize_t i = 0; i + 6 <= r; i++)
      if (memcmp(chunk + i, "(null)", 6) == 0) *nulls = 1;
    if (strstr(joint, "(null)")) *nulls = 1;
    size_t k = (size_t)r < 6 ? (size_t)r : 6;
    memcpy(tail, chunk + r - k, k);
    tail[k] = '\0';
    if (o + 1 < n) {
      size_t m = (size_t)r < n - 1 - o ? (size_t)r : n - 1 - o;
      memcpy(buf + o, chunk, m);
      o += m;
    }
  }
  buf[o] = '\0';
}

/* Runs the real program with --content file and args, with an address-space
 * limit when as_kb > 0. */
static void run_kneecare(struct run *r, const char *file, const char *a1, const char *a2,
                         long as_kb) {
  char home[] = "/tmp/kc-hostile-home-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(home));
  int out[2], err[2];
  ck_assert_int_eq(pipe(out), 0);
  ck_assert_int_eq(pipe(err), 0);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    dup2(out[1], 1);
    dup2(err[1], 2);
    close(out[0]);
    close(err[0]);
    if (as_kb > 0) {
      struct rlimit rl = {(rlim_t)as_kb * 1024, (rlim_t)as_kb * 1024};
      setrlimit(RLIMIT_AS, &rl);
    }
    char henv[128];
    snprintf(henv, sizeof henv, "HOME=%s", home);
    char *env[] = {henv, "LANG=C.UTF-8", "PATH=/usr/bin:/bin", NULL};
    char *argv[] = {KNEECARE_PATH, "--content", (char *)file, (char *)a1, (char *)a2, NULL};
    execve(argv[0], argv, env);
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  memset(r, 0, sizeof *r);
  int nulls = 0;
  /* Small outputs only: stderr after stdout is safe (the program writes
   * little to stderr). */
  slurp_fd(out[0], r->out, sizeof r->out, &nulls);
  slurp_fd(err[0], r->err, sizeof r->err, &nulls);
  close(out[0]);
  close(err[0]);
  int st;
  struct rusage ru;
  ck_assert_int_eq(wait4(pid, &st, 0, &ru), pid);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  r->ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
  r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  r->rss_kb = ru.ru_maxrss;
  r->null_printed = nulls;
  char cmd[256];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", home);
  ck_assert_int_eq(system(cmd), 0);
}

/* Peak memory and time of a command on a hostile file, against the same
 * command on the real content: under 16 MB and well under a second (with
 * AddressSanitizer, whose shadow memory and checks inflate both, within
 * 8 MB and 3 s of the real content's run). */
static void check_bounded(const char *file, const char *a1, const char *a2, struct run *r) {
  struct run base;
  run_kneecare(&base, KC_CONTENT_DB, a1, a2, 0);
  run_kneecare(r, file, a1, a2, 0);
  printf("hostile content: %s %s: %ld KB peak (real content %ld KB), %.0f ms, exit %d: %.120s\n",
         a1, a2 ? a2 : "", r->rss_kb, base.rss_kb, r->ms, r->status,
         r->err[0] ? r->err : "(no message)");
  ck_assert_msg(r->status == 0 || r->status == 1, "%s: exit %d", a1, r->status);
  ck_assert(!r->null_printed);
#ifdef KC_ASAN
  ck_assert_msg(r->rss_kb < base.rss_kb + 8 * 1024, "%ld KB", r->rss_kb);
  ck_assert_msg(r->ms < 3000, "%.0f ms", r->ms);
#else
  ck_assert_msg(r->rss_kb < 16 * 1024, "%ld KB", r->rss_kb);
  ck_assert_msg(r->ms < 500, "%.0f ms", r->ms);
#endif
}

/* F1: a generated column can compute anything on every read. */
START_TEST(generated_column_refused_at_open) {
  char path[] = "/tmp/kc-gen-XXXXXX";
  close(mkstemp(path));
  make_hostile(path, "CREATE TABLE topic2 (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE,"
                     " t0 TEXT, summary TEXT NOT NULL,"
                     " title TEXT AS (printf('%.*c', 16000000, 'x')) VIRTUAL);"
                     "INSERT INTO topic2 (id, position, t0, summary)"
                     " SELECT id, position, title, summary FROM topic;"
                     "DROP TABLE topic; ALTER TABLE topic2 RENAME TO topic;");
  struct kc_content *c = NULL;
  char err[512];
  ck_assert_int_ne(kc_content_open_file(path, &c, err, sizeof err), 0);
  ck_assert_msg(strstr(err, "generated column in 'topic'"), "%s", err);
  /* The guide's staged open reads the topics before the whole check: it
   * refuses a generated column in the tables it reads at once. */
  ck_assert_int_ne(kc_content_open_file_unchecked(path, &c, err, sizeof err), 0);
  ck_assert_msg(strstr(err, "generated column in 'topic'"), "%s", err);
  struct run r;
  check_bounded(path, "topics", NULL, &r);
  ck_assert_int_eq(r.status, 1);
  ck_assert_ptr_nonnull(strstr(r.err, "generated column"));
  /* A stored one is refused too: the rule is about the schema, not the cost. */
  make_hostile(path, "ALTER TABLE article_source ADD COLUMN x TEXT AS (upper(text)) VIRTUAL;");
  ck_assert_int_ne(kc_content_open_file(path, &c, err, sizeof err), 0);
  ck_assert_msg(strstr(err, "generated column in 'article_source'"), "%s", err);
  /* Staged: a table the first frame does not read is left to
   * kc_content_check, which refuses it the same way. */
  ck_assert_msg(kc_content_open_file_unchecked(path, &c, err, sizeof err) == 0, "%s", err);
  struct kc_topic *t = NULL;
  size_t n = 0;
  ck_assert_int_eq(kc_content_topics(c, &t, &n), 0);
  ck_assert_uint_gt(n, 3);
  kc_topics_free(t, n);
  ck_assert_int_ne(kc_content_check(c, err, sizeof err), 0);
  ck_assert_msg(strstr(err, "generated column in 'article_source'"), "%s", err);
  kc_content_close(c);
  unlink(path);
}
END_TEST

/* Extra columns, a changed search index and a view are refused with what is
 * wrong. */
START_TEST(schema_compared_with_ours) {
  char path[] = "/tmp/kc-schema-XXXXXX";
  close(mkstemp(path));
  struct kc_content *c = NULL;
  char err[512];
  make_hostile(path, "ALTER TABLE topic ADD COLUMN extra TEXT;");
  ck_assert_int_ne(kc_content_open_file(path, &c, err, sizeof err), 0);
  ck_assert_msg(strstr(err, "'topic' has columns 'id position title summary extra'"), "%s", err);
  make_hostile(path, "DROP TABLE article_fts; CREATE VIRTUAL TABLE article_fts USING fts5("
                     "title, summary, plain, content='article', content_rowid='rowid', "
                     "detail='none');");
  ck_assert_int_ne(kc_content_open_file(path, &c, err, sizeof err), 0);
  ck_assert_msg(strstr(err, "search index 'article_fts' differs"), "%s", err);
  { /* A generated column hidden past what the check reads. */
    char sql[6000];
    int o = snprintf(sql, sizeof sql, "CREATE TABLE pad (a /* ");
    for (int i = 0; i < 4500; i++) sql[o++] = 'x';
    snprintf(sql + o, sizeof sql - (size_t)o, " */, b TEXT AS (printf('%%.*c', 9000000, 'x')));");
    make_hostile(path, sql);
    ck_assert_int_ne(kc_content_open_file(path, &c, err, sizeof err), 0);
    ck_assert_msg(strstr(err, "'pad' is over 4,000 bytes"), "%s", err);
  }
  make_hostile(path, "CREATE VIEW v AS SELECT 1;");
  ck_assert_int_ne(kc_content_open_file(path, &c, err, sizeof err), 0);
  ck_assert_msg(strstr(err, "it has a view, 'v'"), "%s", err);
  make_hostile(path, "DELETE FROM meta WHERE key = 'content_checksum';");
  ck_assert_int_ne(kc_content_open_file(path, &c, err, sizeof err), 0);
  ck_assert_msg(strstr(err, "record of checks"), "%s", err);
  /* Not a regular file: refused before anything reads it (a FIFO would
   * block an open without O_NONBLOCK). */
  unlink(path);
  ck_assert_int_eq(mkfifo(path, 0600), 0);
  ck_assert_int_ne(kc_content_open_file(path, &c, err, sizeof err), 0);
  ck_assert_msg(strstr(err, "not a regular file"), "%s", err);
  ck_assert_int_ne(kc_content_open_file("/tmp", &c, err, sizeof err), 0);
  ck_assert_msg(strstr(err, "not a regular file"), "%s", err);
  unlink(path);
}
END_TEST

/* The file read is the one opened: renaming another file over the path
 * after opening changes nothing (SQLite reads the descriptor). */
START_TEST(content_read_through_the_descriptor) {
  char path[] = "/tmp/kc-fd-XXXXXX", other[] = "/tmp/kc-fd-other-XXXXXX";
  close(mkstemp(path));
  close(mkstemp(other));
  make_hostile(path, "UPDATE topic SET title = 'Opened' WHERE id = 'causes';");
  make_hostile(other, "UPDATE topic SET title = 'Swapped in' WHERE id = 'causes';");
  struct kc_content *c = NULL;
  char err[512];
  ck_assert_msg(kc_content_open_file(path, &c, err, sizeof err) == 0, "%s", err);
  ck_assert_int_eq(rename(other, path), 0);
  struct kc_topic *t;
  size_t n;
  ck_assert_int_eq(kc_content_topics(c, &t, &n), 0);
  ck_assert_str_eq(t[0].title, "Opened");
  ck_assert_int_gt(t[0].n_articles, 0); /* counted by the packer, read from meta */
  kc_topics_free(t, n);
  kc_content_close(c);
  unlink(path);
}
END_TEST

START_TEST(million_topics_cut_to_the_limit) {
  char path[] = "/tmp/kc-topics-XXXXXX";
  close(mkstemp(path));
  make_hostile(path, "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
                     "WHERE x < 1000000) INSERT INTO topic SELECT 'g' || x, 1000 + x, "
                     "'Topic ' || x, 'Summary' FROM n;");
  struct kc_content *c = NULL;
  char err[512];
  ck_assert_msg(kc_content_open_file(path, &c, err, sizeof err) == 0, "%s", err);
  struct kc_topic *t;
  size_t n;
  ck_assert_int_eq(kc_content_topics(c, &t, &n), 0);
  ck_assert_uint_eq(n, KC_CONTENT_MAX_TOPICS);
  ck_assert_ptr_nonnull(kc_content_note(c));
  kc_topics_free(t, n);
  kc_content_close(c);
  struct run r;
  check_bounded(path, "topics", NULL, &r);
  ck_assert_int_eq(r.status, 0);
  ck_assert_ptr_nonnull(strstr(r.err, "left out"));
  unlink(path);
}
END_TEST

START_TEST(million_sources_on_one_article) {
  char path[] = "/tmp/kc-sources-XXXXXX";
  close(mkstemp(path));
  make_hostile(path, "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
                     "WHERE x < 1000000) INSERT INTO article_source SELECT 'runners-knee', "
                     "100 + x, 'Publisher, Title ' || x || ' - https://example.org' FROM n;");
  struct kc_content *c = NULL;
  char err[512];
  ck_assert_msg(kc_content_open_file(path, &c, err, sizeof err) == 0, "%s", err);
  struct kc_article a;
  ck_assert_int_eq(kc_content_article(c, "runners-knee", &a), 1);
  ck_assert_uint_eq(a.n_sources, KC_CONTENT_MAX_SOURCES);
  ck_assert_ptr_nonnull(kc_content_note(c));
  kc_article_free(&a);
  kc_content_close(c);
  struct run r;
  check_bounded(path, "show", "runners-knee", &r);
  ck_assert_int_eq(r.status, 0);
  ck_assert_ptr_nonnull(strstr(r.err, "left out"));
  unlink(path);
}
END_TEST

/* 1 MB titles, summaries, bodies and sources: over SQLite's length limit,
 * so never loaded; each command refuses with one clear line. */
START_TEST(megabyte_values_refused) {
  char path[] = "/tmp/kc-huge-XXXXXX";
  close(mkstemp(path));
  make_hostile(path, "UPDATE topic SET title = printf('%.*c', 1000000, 'x') WHERE id = 'causes';"
                     "UPDATE article SET title = printf('%.*c', 1000000, 'x'), "
                     "body = printf('%.*c', 1000000, 'y') WHERE id = 'runners-knee';"
                     "UPDATE article_source SET text = printf('%.*c', 1000000, 'z') "
                     "WHERE article_id = 'ice';");
  static const char *cmds[][2] = {
      {"topics", NULL}, {"list", NULL}, {"show", "runners-knee"}, {"show", "ice"}};
  for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
    struct run r;
    check_bounded(path, cmds[i][0], cmds[i][1], &r);
    ck_assert_msg(r.status == 1 && strstr(r.err, "larger than kneecare reads"), "%s: %s",
                  cmds[i][0], r.err);
  }
  /* Titles over the cap but under SQLite's limit are shortened, with a note. */
  make_hostile(path, "UPDATE article SET title = printf('%.*c', 2000, 'x') WHERE id = 'ice';");
  struct run r;
  check_bounded(path, "list", "first-aid", &r);
  ck_assert_int_eq(r.status, 0);
  ck_assert_ptr_nonnull(strstr(r.err, "shortened"));
  ck_assert_ptr_null(
      strstr(r.out, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
  unlink(path);
}
END_TEST

/* F2: when memory runs out, a clear message and exit 1, never "(null)" or
 * a crash. Big but legal values under a shrinking address-space limit. */
START_TEST(out_of_memory_never_prints_null) {
#ifdef KC_ASAN
  return; /* AddressSanitizer reserves terabytes of address space */
#else
  char path[] = "/tmp/kc-oom-XXXXXX";
  close(mkstemp(path));
  make_hostile(path, "UPDATE topic SET summary = printf('%.*c', 2000, 's');"
                     "UPDATE article SET summary = printf('%.*c', 2000, 's'), "
                     "body = body || printf('%.*c', 200000, ' ');");
  int refused = 0;
  /* From where the program barely starts to where it has room: each limit
   * fails a different allocation (SQLite's, the sanitiser's, the lists'). */
  for (long as = 5800; as <= 8200; as += 100) {
    static const char *cmds[][2] = {{"topics", NULL}, {"show", "ice"}, {"search", "knee"}};
    for (size_t i = 0; i < 3; i++) {
      struct run r;
      run_kneecare(&r, path, cmds[i][0], cmds[i][1], as);
      if (r.status == 127) continue; /* the dynamic loader could not map libc: not started */
      ck_assert_msg(r.status == 0 || r.status == 1, "%s under %ld KB: exit %d", cmds[i][0], as,
                    r.status);
      ck_assert_msg(!r.null_printed, "%s under %ld KB printed (null)", cmds[i][0], as);
      if (r.status == 1) {
        ck_assert_msg(r.err[0], "%s under %ld KB: exit 1 without a message", cmds[i][0], as);
        refused++;
      }
    }
  }
  printf("out of memory: %d refusals with a message, no crash, no (null)\n", refused);
  unlink(path);
#endif
}
END_TEST

/* Pages of [p, p + len) mapped into this process: bit 63 of each page's
 * entry in /proc/self/pagemap (readable without privileges). */
static size_t mapped_pages(const void *p, size_t len) {
  long page = sysconf(_SC_PAGESIZE);
  uintptr_t first = (uintptr_t)p / (uintptr_t)page,
            last = ((uintptr_t)p + len - 1) / (uintptr_t)page;
  int fd = open("/proc/self/pagemap", O_RDONLY);
  ck_assert_int_ge(fd, 0);
  size_t mapped = 0;
  for (uintptr_t pg = first; pg <= last; pg++) {
    unsigned long long entry = 0;
    ck_assert_int_eq(pread(fd, &entry, sizeof entry, (off_t)(pg * sizeof entry)), sizeof entry);
    mapped += (entry >> 63) & 1;
  }
  close(fd);
  return mapped;
}

/* Reads an article and searches: what the guide does on its first screens. */
static char *read_and_search(struct kc_content *c) {
  struct kc_article a;
  ck_assert_int_eq(kc_content_article(c, "ice", &a), 1);
  char *body = strdup(a.body);
  kc_article_free(&a);
  struct kc_hit *h = NULL;
  size_t n = 0;
  char err[256];
  ck_assert_int_gt(kc_content_search(c, "swelling knee pain", 20, 1, &h, &n, err, sizeof err), 0);
  kc_hits_free(h, n);
  return body;
}

/* The built-in content is read from the program file through SQLite's
 * bounded page cache, so the image compiled into the program is never
 * mapped in: memory does not grow with what has been read. No page at all:
 * the image is a load segment of its own (kcpack's section), so the kernel
 * mapping pages around a constant (64 KB, or a whole cached folio) never
 * reaches it, and opening it never reads its memory. */
START_TEST(builtin_content_read_from_the_program_file) {
  struct kc_content *c = open_real();
  free(read_and_search(c));
  size_t mapped = mapped_pages(kc_content_image, kc_content_image_len);
  ck_assert_msg(mapped == 0, "%zu pages of the content image were mapped in", mapped);
  kc_content_close(c);
}
END_TEST

/* SQLite's SQL math functions are bound to libm on their first call
 * (store/sqlite_math.c), so the program never loads libm for nothing;
 * they still give libm's answers. */
START_TEST(sql_math_functions_work) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  ck_assert_int_eq(
      sqlite3_prepare_v2(db,
                         "SELECT pow(2, 10), sqrt(16), ln(exp(2)), cos(0), "
                         "atan2(0, 1), trunc(2.7), mod(7, 3), round(sin(pi() / 2), 9), "
                         "acos(1), asinh(0), tanh(0)",
                         -1, &st, NULL),
      SQLITE_OK);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  const double want[] = {1024, 4, 2, 1, 0, 2, 1, 1, 0, 0, 0};
  for (int i = 0; i < 11; i++)
    ck_assert_msg(fabs(sqlite3_column_double(st, i) - want[i]) < 1e-12, "column %d: %.17g", i,
                  sqlite3_column_double(st, i));
  sqlite3_finalize(st);
  sqlite3_close(db);
}
END_TEST

/* An image that is not part of the program file (here a copy on the heap)
 * is read in memory instead, with the same result. */
START_TEST(image_outside_the_program_file_read_in_memory) {
  struct kc_content *c = open_real();
  char *want = read_and_search(c);
  kc_content_close(c);
  unsigned char *copy = malloc(kc_content_image_len);
  ck_assert_ptr_nonnull(copy);
  memcpy(copy, kc_content_image, kc_content_image_len);
  char err[256];
  c = NULL;
  ck_assert_msg(kc_content_open_image(copy, kc_content_image_len, &c, err, sizeof err) == 0, "%s",
                err);
  char *got = read_and_search(c);
  ck_assert_str_eq(got, want);
  kc_content_close(c);
  free(got);
  free(want);
  free(copy);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("content");
  TCase *tc = tcase_create("store");
  tcase_set_timeout(tc, 20);
  tcase_add_test(tc, real_content_has_required_articles);
  tcase_add_test(tc, builtin_content_read_from_the_program_file);
  tcase_add_test(tc, sql_math_functions_work);
  tcase_add_test(tc, image_outside_the_program_file_read_in_memory);
  tcase_add_test(tc, it_band_says_outer_side);
  tcase_add_test(tc, search_ranks_titles_and_marks_matches);
  tcase_add_test(tc, search_answers_the_way_people_ask);
  tcase_add_test(tc, search_snippets_on_demand_and_caps);
  tcase_add_test(tc, foreign_database_refused);
  tcase_add_test(tc, hostile_strings_are_sanitised_and_file_untouched);
  suite_add_tcase(s, tc);
  TCase *h = tcase_create("hostile");
  tcase_set_timeout(h, 120);
  tcase_add_test(h, generated_column_refused_at_open);
  tcase_add_test(h, schema_compared_with_ours);
  tcase_add_test(h, content_read_through_the_descriptor);
  tcase_add_test(h, million_topics_cut_to_the_limit);
  tcase_add_test(h, million_sources_on_one_article);
  tcase_add_test(h, megabyte_values_refused);
  tcase_add_test(h, out_of_memory_never_prints_null);
  suite_add_tcase(s, h);
  return s;
}

KC_CHECK_MAIN(suite)
