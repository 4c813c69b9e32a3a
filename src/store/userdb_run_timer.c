/* The walk-run timer of a return-to-running session in the user database
 * (userdb_run.h, migration 008): one row per programme, written in one
 * transaction each time the timer starts, pauses, resumes or changes
 * phase, so a quit or a crash loses nothing of it. Ranges are checked here
 * and again by the table's CHECKs. */
#include <stdio.h>
#include <string.h>

#include "kneecare/day.h"
#include "kneecare/userdb_run.h"
#include "userdb_int.h"

#define TIMER_COLS                                                                                 \
  "programme_id, seq, day, started_at, phase, phase_started_at, paused_at, run_seconds, "          \
  "walk_seconds"

static bool timer_ok(const struct kc_run_timer *t) {
  return t->seq >= 1 && t->seq <= 1000 && kc_day_valid(t->day) && t->phase >= 0 &&
         t->phase <= KC_RUN_TIMER_MAX_PHASE && t->run_seconds >= 0 &&
         t->run_seconds <= KC_RUN_TIMER_MAX_SECONDS && t->walk_seconds >= 0 &&
         t->walk_seconds <= KC_RUN_TIMER_MAX_SECONDS;
}

int kc_userdb_run_timer_save(struct kc_userdb *db, const struct kc_run_timer *t) {
  if (!db || !t) return KC_UDB_EINVAL;
  const char *doing = "save the run timer";
  if (!timer_ok(t)) return udb_fail(db, KC_UDB_EINVAL, "The run timer's state is not valid.");
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  struct kc_run_programme p;
  if ((rc = kc_userdb_run_get(db, t->programme_id, &p)) != KC_UDB_OK) goto out;
  if (p.ended_at) {
    rc = udb_fail(db, KC_UDB_EINVAL, "This programme has ended; it is kept as it was.");
    goto out;
  }
  if ((rc = udb_prep(db,
                     "INSERT OR REPLACE INTO run_timer (" TIMER_COLS
                     ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, t->programme_id);
  sqlite3_bind_int(st, 2, t->seq);
  sqlite3_bind_int(st, 3, t->day);
  sqlite3_bind_int64(st, 4, t->started_at);
  sqlite3_bind_int(st, 5, t->phase);
  sqlite3_bind_int64(st, 6, t->phase_started_at);
  if (t->paused)
    sqlite3_bind_int64(st, 7, t->paused_at);
  else
    sqlite3_bind_null(st, 7);
  sqlite3_bind_int(st, 8, t->run_seconds);
  sqlite3_bind_int(st, 9, t->walk_seconds);
  rc = udb_step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_run_timer_get(struct kc_userdb *db, int64_t programme_id, struct kc_run_timer *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  const char *doing = "read the run timer";
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db, "SELECT " TIMER_COLS " FROM run_timer WHERE programme_id = ?1", &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, programme_id);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK) {
    memset(out, 0, sizeof *out);
    out->programme_id = sqlite3_column_int64(st, 0);
    out->seq = sqlite3_column_int(st, 1);
    out->day = sqlite3_column_int(st, 2);
    out->started_at = sqlite3_column_int64(st, 3);
    out->phase = sqlite3_column_int(st, 4);
    out->phase_started_at = sqlite3_column_int64(st, 5);
    out->paused = sqlite3_column_type(st, 6) != SQLITE_NULL;
    out->paused_at = out->paused ? sqlite3_column_int64(st, 6) : 0;
    out->run_seconds = sqlite3_column_int(st, 7);
    out->walk_seconds = sqlite3_column_int(st, 8);
  } else if (rc == KC_UDB_ENOTFOUND) {
    udb_fail(db, rc, "No run timer is stored.");
  }
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_run_timer_clear(struct kc_userdb *db, int64_t programme_id) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "discard the run timer";
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = udb_prep(db, "DELETE FROM run_timer WHERE programme_id = ?1", &st, doing)) ==
      KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, programme_id);
    rc = udb_step_done(db, st, doing);
  }
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}
