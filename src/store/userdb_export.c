/* Everything the user database holds for one profile, row by row, for
 * `kneecare data export` (JSON) and any later exporter: one read
 * transaction (a consistent snapshot), every table that belongs to a
 * profile, every column by name and type, so a table added by a later
 * migration is exported as soon as it is listed here. A unit test fails
 * when a table of the schema is neither listed nor excluded on purpose
 * (the file's own bookkeeping). */
#include <stdio.h>
#include <string.h>

#include "userdb_int.h"

/* Each table and the rows of it that belong to profile ?1, parents before
 * children, in a stable order. */
static const struct {
  const char *table, *sql;
} TABLES[] = {
    {"profile", "SELECT * FROM profile WHERE id = ?1"},
    {"setting", "SELECT * FROM setting WHERE profile_id = ?1 ORDER BY key"},
    {"wizard_run", "SELECT * FROM wizard_run WHERE profile_id = ?1 ORDER BY at, id"},
    {"wizard_draft", "SELECT * FROM wizard_draft WHERE profile_id = ?1"},
    {"bookmark", "SELECT * FROM bookmark WHERE profile_id = ?1 ORDER BY created_at, article_id"},
    {"reading", "SELECT * FROM reading WHERE profile_id = ?1 ORDER BY read_at, article_id"},
    {"plan", "SELECT * FROM plan WHERE profile_id = ?1 ORDER BY start_day, id"},
#define OF_PLANS "plan_id IN (SELECT id FROM plan WHERE profile_id = ?1)"
    {"tick", "SELECT * FROM tick WHERE " OF_PLANS " ORDER BY plan_id, day, task_id"},
    {"ice_session", "SELECT * FROM ice_session WHERE " OF_PLANS " ORDER BY plan_id, at, id"},
    {"pain", "SELECT * FROM pain WHERE " OF_PLANS " ORDER BY plan_id, day, slot = 'evening'"},
    {"redflag_check", "SELECT * FROM redflag_check WHERE " OF_PLANS " ORDER BY plan_id, at, id"},
    {"ice_timer", "SELECT * FROM ice_timer WHERE " OF_PLANS},
    {"plan_readiness", "SELECT * FROM plan_readiness WHERE " OF_PLANS " ORDER BY plan_id, at"},
    {"plan_checkin", "SELECT * FROM plan_checkin WHERE " OF_PLANS " ORDER BY plan_id, at, id"},
#undef OF_PLANS
    {"run_programme", "SELECT * FROM run_programme WHERE profile_id = ?1 ORDER BY started_at, id"},
#define OF_PROGRAMMES "programme_id IN (SELECT id FROM run_programme WHERE profile_id = ?1)"
    {"run_session", "SELECT * FROM run_session WHERE " OF_PROGRAMMES " ORDER BY programme_id, seq"},
    {"run_pause",
     "SELECT * FROM run_pause WHERE " OF_PROGRAMMES " ORDER BY programme_id, from_day"},
    {"run_timer", "SELECT * FROM run_timer WHERE " OF_PROGRAMMES " ORDER BY programme_id"},
#undef OF_PROGRAMMES
    {"strength_log", "SELECT * FROM strength_log WHERE profile_id = ?1 ORDER BY at, id"},
};
#define N_TABLES (sizeof TABLES / sizeof TABLES[0])

/* Tables that are not a profile's: the file's own bookkeeping. */
static const char *const NOT_EXPORTED[] = {"maintenance"};

const char *kc_userdb_export_table(int i) {
  if (i >= 0 && (size_t)i < N_TABLES) return TABLES[i].table;
  i -= (int)N_TABLES;
  if (i >= 0 && (size_t)i < sizeof NOT_EXPORTED / sizeof NOT_EXPORTED[0]) return NOT_EXPORTED[i];
  return NULL;
}

static int export_table(struct kc_userdb *db, int t, int64_t profile_id, kc_userdb_export_fn fn,
                        void *ctx) {
  const char *doing = "export the profile";
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db, TABLES[t].sql, &st, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_bind_int64(st, 1, profile_id);
  const int ncols = sqlite3_column_count(st);
  struct kc_udb_value cols[32];
  fn(ctx, KC_EXPORT_TABLE, TABLES[t].table, NULL, 0);
  int step;
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    const int n = ncols < 32 ? ncols : 32;
    for (int c = 0; c < n; c++) {
      cols[c] = (struct kc_udb_value){.column = sqlite3_column_name(st, c)};
      switch (sqlite3_column_type(st, c)) {
      case SQLITE_NULL: cols[c].type = KC_UDB_VALUE_NULL; break;
      case SQLITE_INTEGER:
        cols[c].type = KC_UDB_VALUE_INT;
        cols[c].i = sqlite3_column_int64(st, c);
        break;
      default: /* text (a real or blob would be read as its text) */
        cols[c].type = KC_UDB_VALUE_TEXT;
        cols[c].text = (const char *)sqlite3_column_text(st, c);
        if (!cols[c].text) cols[c].text = "";
      }
    }
    fn(ctx, KC_EXPORT_ROW, TABLES[t].table, cols, n);
  }
  if (step != SQLITE_DONE) rc = udb_fail_sql(db, step, doing);
  sqlite3_finalize(st);
  fn(ctx, KC_EXPORT_TABLE_END, TABLES[t].table, NULL, 0);
  return rc;
}

int kc_userdb_export(struct kc_userdb *db, int64_t profile_id, kc_userdb_export_fn fn, void *ctx) {
  if (!db || !fn) return KC_UDB_EINVAL;
  if (!db->sql) return udb_not_open(db, "export the profile");
  int rc = udb_profile_exists(db, profile_id);
  if (rc != KC_UDB_OK) return rc;
  /* One read transaction: another kneecare writing meanwhile cannot make
   * the export half old, half new. Deferred: works on a read-only file. */
  const int brc = sqlite3_exec(db->sql, "BEGIN", NULL, NULL, NULL);
  if (brc != SQLITE_OK) return udb_fail_sql(db, brc, "export the profile");
  for (size_t t = 0; t < N_TABLES && rc == KC_UDB_OK; t++)
    rc = export_table(db, (int)t, profile_id, fn, ctx);
  sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
  udb_rollback(db);
  if (rc == KC_UDB_OK) db->err[0] = '\0';
  return rc;
}
