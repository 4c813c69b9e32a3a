/* Validation of the structured content in db/ SQL files against the articles.
 * SQL rows have no line numbers of their own, so a problem is pinned to the
 * first line of the data files that mentions the offending ids. */
#include "pack_checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/wizard.h"
#include "kneecare/wizard_load.h"

/* Finds "file:line" of the first line in db/ SQL files containing all of the
 * quoted ids ('a', 'b'). */
static void locate(const char *dbdir, const char *a, const char *b, char *file, size_t flen,
                   int *line) {
  static const char *names[] = {"20_wizard.sql", "15_triage.sql", "30_plan.sql", "10_topics.sql"};
  char qa[160], qb[160];
  snprintf(qa, sizeof qa, "'%s'", a);
  snprintf(qb, sizeof qb, "'%s'", b ? b : "");
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    snprintf(file, flen, "%s/%s", dbdir, names[i]);
    FILE *fp = fopen(file, "r");
    if (!fp) continue;
    char buf[8192];
    int n = 0;
    while (fgets(buf, sizeof buf, fp)) {
      n++;
      if (strstr(buf, qa) && (!b || strstr(buf, qb))) {
        fclose(fp);
        *line = n;
        return;
      }
    }
    fclose(fp);
  }
  snprintf(file, flen, "%s", dbdir);
  *line = 0;
}

static int table_exists(sqlite3 *db, const char *name) {
  sqlite3_stmt *st = NULL;
  int found = 0;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE name = ?1", -1, &st, NULL) ==
      SQLITE_OK) {
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    found = sqlite3_step(st) == SQLITE_ROW;
  }
  sqlite3_finalize(st);
  return found;
}

/* Every row of `sql` (two text columns: owner id, referenced article id)
 * whose article does not exist is an error. */
static void check_article_refs(sqlite3 *db, const char *dbdir, const char *sql, const char *what,
                               kc_report_fn report) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return;
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *owner = (const char *)sqlite3_column_text(st, 0);
    const char *art = (const char *)sqlite3_column_text(st, 1);
    char file[4096];
    int line;
    locate(dbdir, owner ? owner : "", art, file, sizeof file, &line);
    report(file, line, "%s '%s' links to unknown article '%s'", what, owner ? owner : "?",
           art ? art : "(null)");
  }
  sqlite3_finalize(st);
}

/* Finds the first line of the data files holding every 'quoted' token of
 * msg (the wizard validator quotes exactly the ids of the offending row). */
static void locate_message(const char *dbdir, const char *msg, char *file, size_t flen, int *line) {
  static const char *names[] = {"20_wizard.sql", "15_triage.sql", "30_plan.sql"};
  char tokens[8][160];
  int nt = 0;
  for (const char *p = strchr(msg, '\''); p && nt < 8; p = strchr(p, '\'')) {
    const char *e = strchr(p + 1, '\'');
    if (!e) break;
    snprintf(tokens[nt++], sizeof tokens[0], "%.*s", (int)(e - p + 1), p);
    p = e + 1;
  }
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    snprintf(file, flen, "%s/%s", dbdir, names[i]);
    FILE *fp = fopen(file, "r");
    if (!fp) continue;
    char buf[16384];
    int n = 0;
    while (fgets(buf, sizeof buf, fp)) {
      n++;
      int all = nt > 0;
      for (int k = 0; k < nt && all; k++) all = strstr(buf, tokens[k]) != NULL;
      if (all) {
        fclose(fp);
        *line = n;
        return;
      }
    }
    fclose(fp);
  }
  snprintf(file, flen, "%s/20_wizard.sql", dbdir);
  *line = 0;
}

static void check_wizard(sqlite3 *db, const char *dbdir, kc_report_fn report) {
  struct kc_wz_def *def = NULL;
  char err[512], file[4096];
  int line;
  if (kc_wz_load(db, &def, err, sizeof err) != 0) {
    locate_message(dbdir, err, file, sizeof file, &line);
    report(file, line, "wizard: %s", err);
    return;
  }
  if (kc_wz_def_validate(def, kc_wz_article_in_db, db, err, sizeof err) != 0) {
    locate_message(dbdir, err, file, sizeof file, &line);
    report(file, line, "wizard: %s", err);
  }
  kc_wz_def_free(def);
}

void kc_pack_check_data(sqlite3 *db, const char *dbdir, kc_report_fn report) {
  if (table_exists(db, "wizard_question")) check_wizard(db, dbdir, report);
  if (table_exists(db, "plan_task"))
    check_article_refs(db, dbdir,
                       "SELECT id, article_id FROM plan_task WHERE article_id IS NOT NULL "
                       "AND article_id NOT IN (SELECT id FROM article)",
                       "plan task", report);
}
