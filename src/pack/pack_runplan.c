/* Packer checks of the return-to-running data. The rows are loaded with
 * the program's own loader (store/runplan_load), so the build refuses
 * exactly what the program could not use, then checked for sense:
 *  - the programme passes the engine's kc_rp_def_check (steps ordered,
 *    growing no more than twofold, 3-6 weeks, rule numbers in range);
 *  - every cause is a wizard cause below "24h" and not a danger cause (when
 *    wizard_cause has its `kind` column), and agrees with its
 *    `graded_return` flag when that column exists;
 *  - every sign of the session check is a row of `sign` (when that table
 *    exists: the triage data brings it);
 *  - every article exists; every row has a source in the shared format,
 *    none from the deny list;
 *  - every exercise has a sensible dose, 2-4 steps, easier and harder
 *    versions, and a drawing that fits 36 x 8 with an ASCII twin.
 * Problems are pinned to the first line of db/ that holds the row's ids. */
#include "pack_runplan.h"
#include "pack_clinical.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kneecare/day.h"
#include "kneecare/exercise.h"
#include "kneecare/runplan.h"
#include "kneecare/runplan_load.h"

struct ctx {
  sqlite3 *db;
  const char *dbdir;
  kc_report_fn report;
};

static int cmp_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The first line of the .sql files in db/ containing every non-NULL needle. */
static void locate(const struct ctx *X, const char *a, const char *b, char *file, size_t flen,
                   int *line) {
  char *names[64];
  int n = 0;
  DIR *d = opendir(X->dbdir);
  for (struct dirent *e; d && n < 64 && (e = readdir(d));) {
    size_t l = strlen(e->d_name);
    if (l > 4 && strcmp(e->d_name + l - 4, ".sql") == 0) names[n++] = strdup(e->d_name);
  }
  if (d) closedir(d);
  qsort(names, (size_t)n, sizeof *names, cmp_name);
  *line = 0;
  snprintf(file, flen, "%s/50_return_to_running.sql", X->dbdir);
  for (int i = 0; i < n && *line == 0; i++) {
    char path[4096], buf[16384];
    snprintf(path, sizeof path, "%s/%s", X->dbdir, names[i]);
    FILE *fp = fopen(path, "r");
    for (int k = 1; fp && fgets(buf, sizeof buf, fp); k++) {
      if ((!a || strstr(buf, a)) && (!b || strstr(buf, b))) {
        snprintf(file, flen, "%s", path);
        *line = k;
        break;
      }
    }
    if (fp) fclose(fp);
  }
  for (int i = 0; i < n; i++) free(names[i]);
}

static void problem(const struct ctx *X, const char *a, const char *b, const char *fmt,
                    const char *x, const char *y) {
  char file[4096], msg[512];
  int line;
  locate(X, a, b, file, sizeof file, &line);
  snprintf(msg, sizeof msg, fmt, x ? x : "", y ? y : "");
  X->report(file, line, "return to running: %s", msg);
}

/* ---- sources --------------------------------------------------------- */

/* The one source rule of the packer (pack_clinical.c: the format, the
 * allow and deny lists), reported at the row's file:line. */
static void check_source(const struct ctx *X, const char *src, const char *a, const char *b) {
  char file[4096];
  int line;
  locate(X, a, b, file, sizeof file, &line);
  kc_clinical_check_sources(src, file, line, "return to running", X->report);
}

/* ---- references to other tables -------------------------------------- */

static bool has_column(sqlite3 *db, const char *table, const char *column) {
  char sql[128];
  snprintf(sql, sizeof sql, "SELECT 1 FROM pragma_table_info('%s') WHERE name = ?1", table);
  sqlite3_stmt *st = NULL;
  bool found = false;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, column, -1, SQLITE_STATIC);
    found = sqlite3_step(st) == SQLITE_ROW;
  }
  sqlite3_finalize(st);
  return found;
}

/* Whether a query with one text parameter returns a row. */
static bool row_exists(sqlite3 *db, const char *sql, const char *param) {
  sqlite3_stmt *st = NULL;
  bool found = false;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
    found = sqlite3_step(st) == SQLITE_ROW;
  }
  sqlite3_finalize(st);
  return found;
}

static void check_article(const struct ctx *X, const char *article, const char *a, const char *b) {
  if (!row_exists(X->db, "SELECT 1 FROM article WHERE id = ?1", article))
    problem(X, a, b, "no article with id '%s'%s", article, "");
}

static void check_causes(const struct ctx *X, const struct kc_rp_content *c) {
  const bool kind = has_column(X->db, "wizard_cause", "kind");
  const bool flag = has_column(X->db, "wizard_cause", "graded_return");
  for (int i = 0; i < c->def.n_causes; i++) {
    const char *id = c->def.cause[i].id;
    char q[64];
    snprintf(q, sizeof q, "'%s'", id);
    if (kind &&
        row_exists(X->db, "SELECT 1 FROM wizard_cause WHERE id = ?1 AND kind = 'danger'", id))
      problem(X, "INSERT INTO run_cause", q,
              "cause '%s' is a danger cause: never a graded return%s", id, "");
    if (flag &&
        !row_exists(X->db, "SELECT 1 FROM wizard_cause WHERE id = ?1 AND graded_return = 1", id))
      problem(X, "INSERT INTO run_cause", q,
              "cause '%s' is listed here but its wizard_cause.graded_return is not 1%s", id, "");
    check_source(X, c->cause_source[i], "INSERT INTO run_cause", q);
  }
  if (!flag) return;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(X->db,
                         "SELECT id FROM wizard_cause WHERE graded_return = 1 AND id NOT IN "
                         "(SELECT cause_id FROM run_cause)",
                         -1, &st, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *id = (const char *)sqlite3_column_text(st, 0);
    problem(X, "INSERT INTO wizard_cause", id,
            "wizard cause '%s' is marked graded_return but not listed in run_cause%s", id, "");
  }
  sqlite3_finalize(st);
}

static void check_signs(const struct ctx *X, const struct kc_rp_content *c) {
  if (c->n_checks == 0)
    problem(X, "INSERT INTO run_programme", NULL, "the session check asks no warning sign%s%s", "",
            "");
  if (!row_exists(X->db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", "sign"))
    return; /* until the triage data lands; then every id must be a sign */
  for (int i = 0; i < c->n_checks; i++) {
    char q[64];
    snprintf(q, sizeof q, "'%s'", c->check[i]);
    if (!row_exists(X->db, "SELECT 1 FROM sign WHERE id = ?1", c->check[i]))
      problem(X, "INSERT INTO run_check", q, "no warning sign with id '%s'%s", c->check[i], "");
  }
}

static void check_exercise(const struct ctx *X, const struct kc_rp_exercise *e) {
  char q[64], err[256];
  snprintf(q, sizeof q, "'%s'", e->id);
  const char *row = "INSERT INTO run_exercise ";
  if (!kc_ex_limits_ok(&e->dose))
    problem(X, row, q, "exercise '%s': the dose is not sets x reps or sets x a hold of 5-120 s%s",
            e->id, "");
  if (e->level < 1 || e->level > 3)
    problem(X, row, q, "exercise '%s': level is 1, 2 or 3%s", e->id, "");
  if (!e->name[0] || !e->easier[0] || !e->harder[0])
    problem(X, row, q, "exercise '%s' needs a name, an easier and a harder version%s", e->id, "");
  if (e->n_steps < KC_EX_STEPS_MIN)
    problem(X, row, q, "exercise '%s' needs 2 to 4 steps in run_exercise_step%s", e->id, "");
  for (int i = 0; i < e->n_steps; i++)
    if (!e->steps[i][0])
      problem(X, "INSERT INTO run_exercise_step", q, "exercise '%s': an empty step%s", e->id, "");
  check_article(X, e->article_id, row, q);
  check_source(X, e->source, row, q);
  if (!kc_art_check((const char *const *)e->art, (size_t)e->n_art, (const char *const *)e->ascii,
                    (size_t)e->n_ascii, err, sizeof err)) {
    /* pin it to the row: "ASCII twin row 3 ..." or "row 5 ..." */
    char at[96];
    int r = 0;
    const char *twin = strstr(err, "twin row "), *plain = strstr(err, "row ");
    if (twin && sscanf(twin, "twin row %d", &r) == 1)
      snprintf(at, sizeof at, "('%s', 'ascii', %d,", e->id, r);
    else if (plain && sscanf(plain, "row %d", &r) == 1)
      snprintf(at, sizeof at, "('%s', 'box', %d,", e->id, r);
    else
      snprintf(at, sizeof at, "('%s', 'box', 1,", e->id);
    problem(X, "INSERT INTO run_exercise_art", at, "drawing of '%s': %s", e->id, err);
  }
}

/* Pins a kc_rp_def_check message ("step 3 ...", "pain rule ...", "cause 2
 * ...") to the row it is about. */
static void report_def(const struct ctx *X, const char *msg) {
  char needle[64];
  int n = 0;
  if (sscanf(msg, "step %d", &n) == 1) {
    snprintf(needle, sizeof needle, "'walk-run', %d,", n);
    problem(X, "INSERT INTO run_stage", needle, "%s%s", msg, "");
  } else if (strncmp(msg, "pain rule", 9) == 0) {
    problem(X, "INSERT INTO run_rule", NULL, "%s%s", msg, "");
  } else if (sscanf(msg, "cause %d", &n) == 1) {
    snprintf(needle, sizeof needle, "', %d, '", n);
    problem(X, "INSERT INTO run_cause", needle, "%s%s", msg, "");
  } else {
    problem(X, "INSERT INTO run_programme", NULL, "%s%s", msg, "");
  }
}

void kc_pack_check_runplan(sqlite3 *db, const char *dbdir, kc_report_fn report) {
  struct ctx X = {db, dbdir, report};
  if (!row_exists(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                  "run_programme"))
    return;
  struct kc_rp_content *c = NULL;
  char err[512];
  if (kc_rp_load(db, NULL, &c, err, sizeof err) != 0) {
    /* the loader quotes the id it stopped at: find that row */
    char quoted[80] = "";
    const char *a = strchr(err, '\''), *b = a ? strchr(a + 1, '\'') : NULL;
    if (b && b - a < (long)sizeof quoted - 1)
      snprintf(quoted, sizeof quoted, "%.*s", (int)(b - a + 1), a);
    problem(&X, "INSERT INTO run_", quoted[0] ? quoted : NULL, "%s%s", err, "");
    return;
  }
  if (!kc_rp_def_check(&c->def, err, sizeof err)) report_def(&X, err);
  check_article(&X, c->article_id, "INSERT INTO run_programme", NULL);
  check_source(&X, c->source, "INSERT INTO run_programme", NULL);
  check_source(&X, c->rule_source, "INSERT INTO run_rule", NULL);
  for (int i = 0; i < c->def.n_stages; i++) {
    char q[64];
    snprintf(q, sizeof q, "'%s', %d,", c->id, i + 1);
    check_source(&X, c->stage_source[i], "INSERT INTO run_stage", q);
  }
  if (!c->rule_text[0] || !c->surface[0] || !c->pace[0])
    problem(&X, "INSERT INTO run_programme", NULL, "the surface, pace and rule need words%s%s", "",
            "");
  check_causes(&X, c);
  check_signs(&X, c);
  if (c->n_ex == 0)
    problem(&X, "INSERT INTO run_programme", NULL, "no strength exercises%s%s", "", "");
  for (int i = 0; i < c->n_ex; i++) check_exercise(&X, &c->ex[i]);
  kc_rp_content_free(c);
}
