/* Part 1, hostile content: `--content FILE` with databases that are not
 * ours or are nasty (wrong schema, missing tables, huge or invalid text,
 * terminal escapes in every text field, links to nowhere, no wizard
 * questions, no plan tables, schema tricks, side files).
 * Proves: every command either refuses with one line and a non-zero exit or
 * shows the content safely; the full-screen guide survives a walk through
 * topics, an article, its links, search, the wizard and the plan; no byte of
 * output (command output or the raw terminal log) carries a control
 * sequence from the content; and the file, and its directory, are exactly
 * as they were (no -wal, -shm or -journal created). */
#define _GNU_SOURCE
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stress.h"

/* ---- building the databases ------------------------------------------------- */

static int from_real(const char *path) { return copy_file(CFG.content_db, path); }

static int run_sql(const char *path, const char *sql) {
  char buf[8192];
  snprintf(buf, sizeof buf, "PRAGMA ignore_check_constraints=1; %s", sql);
  return db_exec(path, buf);
}

/* One statement with ?1 bound to text (any bytes, not checked). */
static int run_bound(const char *path, const char *sql, const char *text, size_t len) {
  sqlite3 *db;
  sqlite3_stmt *st;
  int rc = sqlite3_open(path, &db);
  sqlite3_exec(db, "PRAGMA ignore_check_constraints=1", NULL, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK) {
    sqlite3_bind_text(st, 1, text, (int)len, SQLITE_TRANSIENT);
    rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    sqlite3_finalize(st);
  }
  if (rc != SQLITE_OK) say("sqlite (%s): %s: %s", path, sql, sqlite3_errmsg(db));
  sqlite3_close(db);
  return rc == SQLITE_OK ? 0 : -1;
}

static int bound(const char *path, const char *sql, const char *text) {
  return run_bound(path, sql, text, strlen(text));
}

static int rebuild_fts(const char *path) {
  return run_sql(path, "INSERT INTO article_fts(article_fts) VALUES('rebuild');");
}

static int b_text(const char *p) { return write_file(p, "this is not a database\n", 23); }
static int b_empty(const char *p) { return write_file(p, "", 0); }
static int b_random(const char *p) {
  char buf[65536];
  for (size_t i = 0; i < sizeof buf; i++) buf[i] = (char)rnd(256);
  return write_file(p, buf, sizeof buf);
}
/* A real header, then garbage pages. */
static int b_garbage_pages(const char *p) {
  size_t n;
  char *d = read_file(CFG.content_db, &n);
  for (size_t i = 8192; i < n; i++) d[i] = (char)rnd(256);
  int rc = write_file(p, d, n);
  free(d);
  return rc;
}
static int b_truncated(const char *p) {
  size_t n;
  char *d = read_file(CFG.content_db, &n);
  int rc = write_file(p, d, n / 3);
  free(d);
  return rc;
}
static int b_foreign(const char *p) {
  return db_exec(p, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                    "INSERT INTO notes (text) VALUES ('shopping list');");
}
static int b_wrong_marker(const char *p) {
  return from_real(p) || run_sql(p, "UPDATE meta SET value = 'someone-else' WHERE key = 'format';");
}
static int b_newer(const char *p) {
  return from_real(p) || run_sql(p, "UPDATE meta SET value = '99' WHERE key = 'format_version';");
}
static int b_no_articles(const char *p) {
  return from_real(p) || run_sql(p, "DROP TABLE article_fts; DROP TABLE article_related; "
                                    "DROP TABLE article_source; DROP TABLE article;");
}
static int b_no_fts(const char *p) { return from_real(p) || run_sql(p, "DROP TABLE article_fts;"); }
static int b_no_column(const char *p) {
  return from_real(p) || run_sql(p, "ALTER TABLE topic DROP COLUMN summary;");
}
static int b_odd_types(const char *p) { /* numbers and blobs (with NUL) where text is expected */
  return from_real(p) ||
         run_sql(p, "UPDATE article SET title = 12345, summary = x'00ff00' "
                    "WHERE id = 'runners-knee';"
                    "UPDATE topic SET title = x'', summary = 3.5 WHERE id = 'causes';"
                    "UPDATE wizard_question SET text = x'41004200' WHERE position = 1;");
}
static int b_no_wizard(const char *p) {
  return from_real(p) ||
         run_sql(
             p,
             "DROP TABLE wizard_evidence; DROP TABLE wizard_option; DROP TABLE wizard_question;");
}
static int b_empty_wizard(const char *p) {
  return from_real(p) || run_sql(p, "DELETE FROM wizard_evidence; DELETE FROM wizard_option; "
                                    "DELETE FROM wizard_question;");
}
static int b_no_plan(const char *p) {
  return from_real(p) || run_sql(p, "DROP TABLE plan_task; DROP TABLE plan_redflag;");
}

/* 1 MB titles, summaries, bodies (one 200 KB word too) and sources. */
static int b_huge(const char *p) {
  const size_t mb = 1 << 20;
  char *t = malloc(mb + 1), *body = malloc(mb + 1);
  for (size_t i = 0; i < mb; i++) t[i] = "Huge title "[i % 11];
  t[mb] = '\0';
  size_t o = 0;
  while (o + 64 < mb) o += (size_t)sprintf(body + o, "zebrafish paragraph %zu with words.\n\n", o);
  memset(body + 300000, 'W', 200000); /* one very long word */
  body[o] = '\0';
  int rc = from_real(p) ||
           bound(p, "UPDATE article SET title = ?1, summary = ?1 WHERE id = 'runners-knee'", t) ||
           bound(p, "UPDATE article SET body = ?1, plain = ?1 WHERE id = 'runners-knee'", body) ||
           bound(p, "UPDATE topic SET title = ?1, summary = ?1 WHERE id = 'causes'", t) ||
           bound(p, "UPDATE article_source SET text = ?1 WHERE article_id = 'runners-knee'", t) ||
           bound(p, "UPDATE wizard_question SET text = ?1 WHERE position = 1", t) || rebuild_fts(p);
  free(t);
  free(body);
  return rc;
}

/* Bytes that are not UTF-8: lone continuation, overlong, surrogate, 0xFF,
 * truncated sequence at the end. */
static int b_bad_utf8(const char *p) {
  const char *bad = "zebrafish caf\xc3 \x80\x80 \xc0\xaf \xed\xa0\x80 \xff\xfe done\xe2\x82";
  return from_real(p) ||
         bound(p, "UPDATE article SET title = ?1, summary = ?1 WHERE id = 'runners-knee'", bad) ||
         bound(
             p,
             "UPDATE article SET body = body || ?1, plain = plain || ?1 WHERE id = 'runners-knee'",
             bad) ||
         bound(p, "UPDATE topic SET title = ?1, summary = ?1 WHERE id = 'causes'", bad) ||
         bound(p, "UPDATE article_source SET text = ?1 WHERE article_id = 'runners-knee'", bad) ||
         bound(p, "UPDATE wizard_question SET text = ?1 WHERE position = 1", bad) ||
         bound(p, "UPDATE wizard_option SET label = ?1 WHERE position = 1", bad) || rebuild_fts(p);
}

/* Terminal escapes in topic and article titles, summaries, bodies (so in
 * search snippets), sources, link texts and targets. */
static int b_esc_articles(const char *p) {
  char *x = poison_text("zebrafish");
  char body[8192];
  snprintf(body, sizeof body, "## %s\n\n%s [link %s](runners-knee)\n\n- %s\n", x, x, x, x);
  int rc =
      from_real(p) ||
      bound(p, "UPDATE article SET title = ?1, summary = ?1 WHERE id = 'runners-knee'", x) ||
      bound(p,
            "UPDATE article SET body = ?1 || body, plain = ?1 || plain WHERE id = 'runners-knee'",
            body) ||
      bound(p, "UPDATE article SET title = ?1 WHERE id = 'inner-knee-pain-overview'", x) ||
      bound(p, "UPDATE topic SET title = ?1, summary = ?1 WHERE id = 'causes'", x) ||
      bound(p, "UPDATE article_source SET text = ?1 WHERE article_id = 'runners-knee'", x) ||
      rebuild_fts(p);
  free(x);
  return rc;
}

/* Escapes in ids: an article and a topic id a user would see in `list`. */
static int b_esc_ids(const char *p) {
  char *x = poison_text("id");
  int rc =
      from_real(p) || bound(p, "UPDATE article SET id = ?1 WHERE id = 'training-load'", x) ||
      bound(p, "UPDATE article SET topic_id = ?1 WHERE id = 'runners-knee'", x) ||
      bound(p, "UPDATE article_related SET related_id = ?1 WHERE related_id = 'training-load'", x);
  free(x);
  return rc;
}

/* Escapes in every wizard text: questions, options, causes, reasons. */
static int b_esc_wizard(const char *p) {
  char *x = poison_text("wiz");
  int rc = from_real(p) || bound(p, "UPDATE wizard_question SET text = ?1", x) ||
           bound(p, "UPDATE wizard_option SET label = ?1", x) ||
           bound(p, "UPDATE wizard_option SET source = ?1 WHERE level > 0", x) ||
           bound(p, "UPDATE wizard_cause SET title = ?1", x) ||
           bound(p, "UPDATE wizard_evidence SET reason = ?1", x);
  free(x);
  return rc;
}

/* Escapes in the plan checklist: task labels and details. */
static int b_esc_plan(const char *p) {
  char *x = poison_text("task");
  int rc = from_real(p) || bound(p, "UPDATE plan_task SET label = ?1, detail = ?1", x);
  free(x);
  return rc;
}

/* Links and related articles that lead nowhere, a web link, a path. */
static int b_dead_links(const char *p) {
  return from_real(p) ||
         bound(p, "UPDATE article SET body = ?1 || body WHERE id = 'runners-knee'",
               "[gone](no-such-article) [web](https://evil.example/) [path](../../etc/passwd) "
               "[empty]() [self](runners-knee)\n\n") ||
         run_sql(p, "INSERT INTO article_related VALUES ('runners-knee', 'nowhere', 0);"
                    "UPDATE wizard_cause SET article_id = 'nowhere';"
                    "UPDATE plan_task SET article_id = 'nowhere';"
                    "UPDATE article SET topic_id = 'no-topic' WHERE id = 'training-load';");
}

/* Schema tricks: a view calling a non-innocuous function (untrusted schema
 * must stop it) and a view that makes 16 MB titles. */
static int b_view_random(const char *p) {
  return from_real(p) || run_sql(p, "ALTER TABLE topic RENAME TO topic_t;"
                                    "CREATE VIEW topic AS SELECT id, position, "
                                    "hex(randomblob(8)) AS title, summary FROM topic_t;");
}
static int b_view_bomb(const char *p) {
  return from_real(p) ||
         run_sql(p, "ALTER TABLE topic RENAME TO topic_t;"
                    "CREATE VIEW topic AS SELECT id, position, "
                    "printf('%.*c', 16000000, 'x') AS title, summary FROM topic_t;");
}
/* Security review F1: a generated column computes any value on every read. */
static int b_generated(const char *p) {
  return from_real(p) ||
         run_sql(p, "ALTER TABLE topic RENAME TO topic_t;"
                    "CREATE TABLE topic (id TEXT, position INTEGER, summary TEXT, "
                    "title TEXT GENERATED ALWAYS AS (printf('%.*c', 16000000, 'x')) VIRTUAL);"
                    "INSERT INTO topic (id, position, summary) "
                    "SELECT id, position, summary FROM topic_t; DROP TABLE topic_t;");
}
/* Security review F5: no warning sign marked for the daily check, and a
 * wizard option naming a sign that is not there: both refused whole. */
static int b_no_recheck(const char *p) {
  return from_real(p) || run_sql(p, "UPDATE sign SET recheck = 0;");
}
static int b_missing_sign(const char *p) {
  return from_real(p) || run_sql(p, "DELETE FROM sign WHERE id = 'calf-clot';");
}

/* A trigger and a WAL-mode header: opening must not write anything. */
static int b_wal_mode(const char *p) {
  return from_real(p) || run_sql(p, "PRAGMA journal_mode=WAL; CREATE TABLE t(x);"
                                    "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=WAL;");
}

/* A hot rollback journal beside the file: SQLite would roll it back
 * (writing the file) if it were opened read-write. */
static int b_hot_journal(const char *p) {
  char tmp[600], j[620], tj[620];
  snprintf(tmp, sizeof tmp, "%s.src", p);
  snprintf(tj, sizeof tj, "%s-journal", tmp);
  snprintf(j, sizeof j, "%s-journal", p);
  if (from_real(tmp)) return -1;
  sqlite3 *db;
  if (sqlite3_open(tmp, &db) != SQLITE_OK) return -1;
  sqlite3_exec(db, "PRAGMA cache_size=2; BEGIN; UPDATE article SET body = body || ' spilled';",
               NULL, NULL, NULL);
  int rc = copy_file(tmp, p) || copy_file(tj, j); /* the pair, mid-transaction */
  sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close(db);
  unlink(tmp);
  return rc;
}

struct ccase {
  const char *name;
  int (*build)(const char *path);
  const char *word; /* to search for */
  int smoke;
};
static const struct ccase CASES[] = {
    {"text file", b_text, "knee", 1},
    {"empty file", b_empty, "knee", 0},
    {"random bytes", b_random, "knee", 0},
    {"garbage pages", b_garbage_pages, "knee", 0},
    {"truncated to a third", b_truncated, "knee", 0},
    {"foreign SQLite database", b_foreign, "knee", 0},
    {"wrong format marker", b_wrong_marker, "knee", 0},
    {"newer format version", b_newer, "knee", 0},
    {"article tables missing", b_no_articles, "knee", 0},
    {"search index missing", b_no_fts, "knee", 0},
    {"topic.summary column missing", b_no_column, "knee", 0},
    {"numbers/blobs in text columns", b_odd_types, "knee", 0},
    {"wizard tables missing", b_no_wizard, "knee", 0},
    {"wizard with no questions", b_empty_wizard, "knee", 1},
    {"plan tables missing", b_no_plan, "knee", 0},
    {"1 MB titles, bodies, sources", b_huge, "zebrafish", 0},
    {"invalid UTF-8 everywhere", b_bad_utf8, "zebrafish", 0},
    {"escapes: articles, snippets", b_esc_articles, "zebrafish", 1},
    {"escapes: ids", b_esc_ids, "knee", 0},
    {"escapes: wizard texts", b_esc_wizard, "knee", 0},
    {"escapes: plan tasks", b_esc_plan, "knee", 0},
    {"links to nowhere", b_dead_links, "knee", 0},
    {"view with randomblob()", b_view_random, "knee", 0},
    {"view making 16 MB titles", b_view_bomb, "knee", 0},
    {"generated column (F1)", b_generated, "knee", 1},
    {"no daily-check signs (F5)", b_no_recheck, "knee", 1},
    {"a warning sign missing (F5)", b_missing_sign, "knee", 0},
    {"WAL-mode file", b_wal_mode, "knee", 0},
    {"hot journal beside it", b_hot_journal, "knee", 0},
};

/* ---- running one case -------------------------------------------------------- */

/* The commands: each refuses with one line or prints nothing from the
 * content that could drive a terminal. Returns a short summary; *bad set
 * with the reason when one failed. */
static void cli_case(const char *db, const char *data, const char *word, char *sum, size_t n,
                     char *bad, size_t nbad) {
  struct envb e;
  env_init(&e, data);
  char answers[800];
  snprintf(answers, sizeof answers, "%s/tests/cases/runners-knee-new-hills.answers",
           CFG.source_dir);
  const char *cmds[][6] = {
      {"topics"},
      {"list"},
      {"show", "runners-knee"},
      {"search", word},
      {"wizard", "--questions"},
      {"wizard", "--answers", answers},
      {"plan", "start", "--checked"},
      {"plan", "status"},
  };
  const char *names[] = {"topics",           "list",           "show",       "search",
                         "wizard-questions", "wizard-answers", "plan-start", "plan-status"};
  enum { NCMDS = sizeof names / sizeof names[0] };
  char refusal[160] = "";
  int shown = 0, refused = 0;
  for (size_t i = 0; i < NCMDS; i++) {
    const char *args[12] = {"--content", db, "--data", data};
    int a = 4;
    for (int k = 0; cmds[i][k]; k++) args[a++] = cmds[i][k];
    args[a] = NULL;
    struct proc_result r;
    kcv(&r, &e, args);
    const char *v = esc_violation(r.out, r.out_len, 0);
    if (!v) v = esc_violation(r.err, r.err_len, 0);
    if (v && !bad[0]) snprintf(bad, nbad, "%s: %s", names[i], v);
    if ((r.status < 0 || r.status >= 126) && !bad[0])
      snprintf(bad, nbad, "%s: %s", names[i],
               r.status < 0 ? "hung (killed after 20 s)" : "crashed");
    if (r.status == 0)
      shown++;
    else if (r.status > 0 && r.status < 126) {
      refused++;
      if (!one_line_message(&r) && !bad[0])
        snprintf(bad, nbad, "%s: exit %d without a one-line message: %s", names[i], r.status,
                 first_line(r.err, r.err_len));
      if (!refusal[0]) snprintf(refusal, sizeof refusal, "%s", first_line(r.err, r.err_len));
    }
    proc_free(&r);
  }
  env_free(&e);
  if (refused == 0)
    snprintf(sum, n, "CLI: all %d commands shown safely", NCMDS);
  else if (shown == 0)
    snprintf(sum, n, "CLI: refused (%.120s)", refusal);
  else
    snprintf(sum, n, "CLI: %d shown, %d refused (%.100s)", shown, refused, refusal);
}

/* The full-screen guide: topics, an article and its links, search, the
 * wizard, the plan. Returns NULL when it survived, else what went wrong;
 * *how says whether it refused or showed. */
static const char *tui_case(const char *db, const char *data, const char *word, char *how,
                            size_t n) {
  static char why[300];
  struct envb e;
  env_init(&e, data);
  const char *args[] = {"--content", db, "--data", data, NULL};
  struct kc_pty *p = tui_start(&e, args, 24, 80);
  env_free(&e);
  why[0] = '\0';
  if (!tui_home(p)) {
    int st = kc_pty_wait_exit(p, 5000);
    char *s = tui_screen(p);
    char line[200] = "";
    sscanf(s, " %199[^\n]", line);
    free(s);
    if (st > 0 && st < 126)
      snprintf(how, n, "TUI: refused (exit %d: %.90s)", st, line);
    else
      snprintf(why, sizeof why, "TUI: no home screen, status %d: %.100s", st, line);
  } else {
    struct {
      const char *step, *keys;
    } walk[] = {
        {"topic", "g" KEY_DOWN KEY_DOWN KEY_DOWN KEY_ENTER},
        {"article", KEY_ENTER},
        {"scroll", "\033[6~G"},
        {"link", "\t" KEY_ENTER},
        {"back", KEY_ESC KEY_ESC KEY_ESC KEY_ESC},
        {"search", "/"},
        {"type", word},
        {"result", KEY_ENTER},
        {"sources", "G"},
        {"back", KEY_ESC KEY_ESC KEY_ESC},
        {"wizard", "g" KEY_ENTER},
        {"answer", KEY_ENTER},
        {"leave", KEY_ESC "y" KEY_ESC},
        {"plan", NULL}, /* tui_open_checklist */
        {"tick", " "},
        {"back", KEY_ESC KEY_ESC KEY_ESC},
    };
    int refused_late = 0;
    for (size_t i = 0; i < sizeof walk / sizeof walk[0] && !why[0] && !refused_late; i++) {
      if (walk[i].keys)
        tui_keys(p, walk[i].keys);
      else
        tui_open_checklist(p);
      kc_pty_wait_quiet(p, 60, 3000);
      if (tui_alive(p)) continue;
      int st = kc_pty_wait_exit(p, 1000);
      /* A --content file's schema and warning signs are checked right after
       * the first frame, before any key is read: a refusal with a message
       * then (the home screen seen, the first keys unread) is an answer. */
      char *scr = tui_screen(p), line[200] = "";
      sscanf(scr, " %199[^\n]", line);
      free(scr);
      if (i == 0 && st > 0 && st < 126 && strncmp(line, "kneecare: ", 10) == 0) {
        snprintf(how, n, "TUI: refused after its first frame (exit %d: %.90s)", st, line);
        refused_late = 1;
      } else {
        snprintf(why, sizeof why, "TUI died at step '%s' (status %d)", walk[i].step, st);
      }
    }
    if (!why[0] && !refused_late) {
      /* Slow content (a search over 1 MB) may still be working: wait. */
      const double t0 = now_ms();
      kc_pty_send_str(p, KEY_ESC KEY_ESC "Qy"); /* y: quit though the ice timer runs */
      int st = kc_pty_wait_exit(p, 60000);
      const double quit_ms = now_ms() - t0;
      if (st != 0)
        snprintf(why, sizeof why, "TUI: quit gave status %d", st);
      else if (quit_ms > 2000)
        snprintf(how, n,
                 "TUI: walked topics, article, links, search, wizard, plan; "
                 "SLOW: busy %.1f s before q took effect",
                 quit_ms / 1000);
      else
        snprintf(how, n, "TUI: walked topics, article, links, search, wizard, plan");
    }
  }
  size_t len;
  const char *log = kc_pty_log(p, &len);
  const char *v = esc_violation(log, len, 1);
  if (v && !why[0]) snprintf(why, sizeof why, "TUI output: %s", v);
  kc_pty_free(p);
  return why[0] ? why : NULL;
}

void part_content(void) {
  for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
    const struct ccase *c = &CASES[i];
    if (CFG.smoke && !c->smoke) continue;
    char *dir = workpath("content/%zu", i);
    char *data = strdup(workpath("content/data%zu", i));
    mkdirp(dir, 0755);
    char db[600];
    snprintf(db, sizeof db, "%s/content.db", dir);
    if (c->build(db) != 0) {
      result("content", c->name, ST_FAIL, "could not build the hostile database");
      free(data);
      continue;
    }
    char *before = dir_fingerprint(dir);
    char sum[300] = "", bad[300] = "", tui[200] = "";
    cli_case(db, data, c->word, sum, sizeof sum, bad, sizeof bad);
    const char *tbad = tui_case(db, data, c->word, tui, sizeof tui);
    char *after = dir_fingerprint(dir);
    const char *changed = strcmp(before, after) ? fingerprint_diff(before, after) : NULL;
    if (bad[0])
      result("content", c->name, ST_FAIL, "%s", bad);
    else if (tbad)
      result("content", c->name, ST_FAIL, "%s", tbad);
    else if (changed)
      result("content", c->name, ST_FAIL, "file or directory changed: %s", changed);
    else
      result("content", c->name, strstr(tui, "SLOW") ? ST_NOTE : ST_OK,
             "%s; %s; no escapes; file unchanged", sum, tui);
    free(before);
    free(after);
    free(data);
  }
}
