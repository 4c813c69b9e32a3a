/* The user database's plan records: 3-day plans and their check-ins,
 * ticks, ice sessions, pain scores and the daily warning-sign re-checks.
 * The rules a write enforces (which day is editable, what is late, when the
 * check-in is due) come from core/recovery, so the CLI, the TUI and the
 * tests agree; the SQL CHECKs repeat them for any other writer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/day.h"
#include "userdb_int.h"

/* ======================================================================
 * Plans
 * ====================================================================== */

#define PLAN_COLS                                                                                  \
  "id, profile_id, start_day, started_at, ifnull(ended_at, 0), checkin, ifnull(checkin_at, 0)"

static void row_plan(sqlite3_stmt *st, void *elem) {
  struct kc_plan *p = elem;
  p->id = sqlite3_column_int64(st, 0);
  p->profile_id = sqlite3_column_int64(st, 1);
  p->start_day = sqlite3_column_int(st, 2);
  p->started_at = sqlite3_column_int64(st, 3);
  p->ended_at = sqlite3_column_int64(st, 4);
  p->checkin = KC_CHECKIN_NONE;
  kc_checkin_parse((const char *)sqlite3_column_text(st, 5), &p->checkin);
  p->checkin_at = sqlite3_column_int64(st, 6);
}

/* One plan by a query with a single int64 parameter. */
static int plan_query(struct kc_userdb *db, const char *sql, int64_t key, struct kc_plan *out,
                      const char *doing) {
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db, sql, &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, key);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK && out) row_plan(st, out);
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_plan_get(struct kc_userdb *db, int64_t plan_id, struct kc_plan *out) {
  if (!db) return KC_UDB_EINVAL;
  const int rc =
      plan_query(db, "SELECT " PLAN_COLS " FROM plan WHERE id = ?1", plan_id, out, "read the plan");
  if (rc == KC_UDB_ENOTFOUND)
    return udb_fail(db, rc, "There is no such plan (id %lld).", (long long)plan_id);
  return rc;
}

int kc_userdb_plan_active(struct kc_userdb *db, int64_t profile_id, struct kc_plan *out) {
  if (!db) return KC_UDB_EINVAL;
  /* Served by the partial unique index plan_one_active: one probe however
   * many finished plans the profile has. */
  const int rc =
      plan_query(db, "SELECT " PLAN_COLS " FROM plan WHERE profile_id = ?1 AND ended_at IS NULL",
                 profile_id, out, "read the active plan");
  if (rc == KC_UDB_ENOTFOUND) return udb_fail(db, rc, "There is no active plan for this profile.");
  return rc;
}

int kc_userdb_plan_start(struct kc_userdb *db, int64_t profile_id, int start_day, time_t now,
                         struct kc_plan *out) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "start the plan";
  char why[160];
  if (!kc_plan_start_ok(start_day, kc_day_local(now), why, sizeof why))
    return udb_fail(db, KC_UDB_EINVAL, "%s", why);
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = udb_profile_exists(db, profile_id)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(db, "INSERT INTO plan (profile_id, start_day, started_at) VALUES (?1, ?2, ?3)",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, profile_id);
  sqlite3_bind_int(st, 2, start_day);
  sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
  const int step = sqlite3_step(st);
  if (step == SQLITE_CONSTRAINT_UNIQUE)
    rc = udb_fail(db, KC_UDB_EEXISTS, "This profile already has an active plan; end it first.");
  else if (step != SQLITE_DONE)
    rc = udb_fail_sql(db, step, doing);
  else if (out) {
    *out = (struct kc_plan){.id = sqlite3_last_insert_rowid(db->sql),
                            .profile_id = profile_id,
                            .start_day = start_day,
                            .started_at = (int64_t)now,
                            .checkin = KC_CHECKIN_NONE};
  }
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

/* Loads a plan inside a write transaction and refuses one that has ended:
 * history is kept as it was. */
int udb_active_plan_locked(struct kc_userdb *db, int64_t plan_id, struct kc_plan *p) {
  int rc = kc_userdb_plan_get(db, plan_id, p);
  if (rc == KC_UDB_OK && p->ended_at != 0)
    rc = udb_fail(db, KC_UDB_EINVAL, "This plan has ended; it is kept as it was.");
  return rc;
}

int kc_userdb_plan_end(struct kc_userdb *db, int64_t plan_id, time_t now) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "end the plan";
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = udb_prep(db, "UPDATE plan SET ended_at = ?2 WHERE id = ?1 AND ended_at IS NULL", &st,
                     doing)) == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
    rc = udb_step_done(db, st, doing);
    if (rc == KC_UDB_OK && sqlite3_changes(db->sql) == 0)
      rc = udb_fail(db, KC_UDB_ENOTFOUND, "There is no such active plan (id %lld).",
                    (long long)plan_id);
  }
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_plan_history(struct kc_userdb *db, int64_t profile_id, struct kc_plan **out, int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "list the finished plans";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = udb_prep(db,
                    "SELECT " PLAN_COLS " FROM plan WHERE profile_id = ?1 AND ended_at IS NOT NULL "
                    "ORDER BY ended_at DESC, id DESC",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    rc = udb_collect(db, st, sizeof **out, row_plan, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

int kc_userdb_plan_checkin(struct kc_userdb *db, int64_t plan_id, enum kc_checkin answer,
                           time_t now) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "save the check-in";
  if (answer < KC_CHECKIN_BETTER || answer > KC_CHECKIN_WORSE)
    return udb_fail(db, KC_UDB_EINVAL, "The check-in answer must be better, same or worse.");
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  struct kc_plan p;
  if ((rc = udb_active_plan_locked(db, plan_id, &p)) != KC_UDB_OK) goto out;
  if (!kc_checkin_due(kc_plan_day_index(p.start_day, kc_day_local(now)))) {
    rc = udb_fail(db, KC_UDB_EINVAL, "The check-in is on day %d of the plan; it is not due yet.",
                  KC_PLAN_DAYS);
    goto out;
  }
  if ((rc = udb_prep(db, "UPDATE plan SET checkin = ?2, checkin_at = ?3 WHERE id = ?1", &st,
                     doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  udb_bind_text(st, 2, kc_checkin_name(answer));
  sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
  rc = udb_step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

/* ======================================================================
 * Editable plan days (shared by ticks, ice and pain)
 * ====================================================================== */

/* Inside a write transaction: the plan is active, `day` is 1..3 and not in
 * the future as of `now`. *late tells whether a record made now is late. */
int udb_editable_day_locked(struct kc_userdb *db, int64_t plan_id, int day, time_t now,
                            bool *late) {
  struct kc_plan p;
  int rc = udb_active_plan_locked(db, plan_id, &p);
  if (rc != KC_UDB_OK) return rc;
  const int today = kc_day_local(now);
  if (day < 1 || day > KC_PLAN_DAYS)
    return udb_fail(db, KC_UDB_EINVAL, "Day %d is not a plan day: use 1 to %d.", day, KC_PLAN_DAYS);
  if (!kc_day_valid(today))
    return udb_fail(db, KC_UDB_EINVAL, "The system clock gives no valid date.");
  if (!kc_plan_day_editable(day, kc_plan_day_index(p.start_day, today))) {
    char date[KC_DAY_BUF];
    return udb_fail(db, KC_UDB_EINVAL,
                    "Day %d (%s) has not come yet; it can be filled in from that day.", day,
                    kc_day_format(kc_plan_day_date(p.start_day, day), date));
  }
  *late = kc_task_is_late(p.start_day, day, today);
  return KC_UDB_OK;
}

/* ======================================================================
 * Ticks
 * ====================================================================== */

static int tick_change(struct kc_userdb *db, int64_t plan_id, const char *task_id, int day,
                       time_t now, bool on) {
  const char *doing = on ? "save the tick" : "remove the tick";
  if (!kc_task_id_check(task_id))
    return udb_fail(db, KC_UDB_EINVAL, "\"%s\" is not a task id.", task_id ? task_id : "");
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  bool late = false;
  if ((rc = udb_editable_day_locked(db, plan_id, day, now, &late)) != KC_UDB_OK) goto out;
  rc = udb_prep(
      db,
      on ? "INSERT INTO tick (plan_id, task_id, day, at, late) VALUES (?1, ?2, ?3, ?4, ?5) "
           "ON CONFLICT DO NOTHING"
         : "DELETE FROM tick WHERE plan_id = ?1 AND task_id = ?2 AND day = ?3",
      &st, doing);
  if (rc != KC_UDB_OK) goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  udb_bind_text(st, 2, task_id);
  sqlite3_bind_int(st, 3, day);
  if (on) {
    sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
    sqlite3_bind_int(st, 5, late);
  }
  rc = udb_step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_tick(struct kc_userdb *db, int64_t plan_id, const char *task_id, int day,
                   time_t now) {
  if (!db) return KC_UDB_EINVAL;
  return tick_change(db, plan_id, task_id, day, now, true);
}

int kc_userdb_untick(struct kc_userdb *db, int64_t plan_id, const char *task_id, int day,
                     time_t now) {
  if (!db) return KC_UDB_EINVAL;
  return tick_change(db, plan_id, task_id, day, now, false);
}

static void row_tick(sqlite3_stmt *st, void *elem) {
  struct kc_tick *t = elem;
  udb_copy_col(t->task_id, sizeof t->task_id, st, 0);
  t->day = sqlite3_column_int(st, 1);
  t->at = sqlite3_column_int64(st, 2);
  t->late = sqlite3_column_int(st, 3) != 0;
}

int kc_userdb_ticks(struct kc_userdb *db, int64_t plan_id, struct kc_tick **out, int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "read the ticks";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = udb_prep(db,
                    "SELECT task_id, day, at, late FROM tick WHERE plan_id = ?1 "
                    "ORDER BY day, task_id",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    rc = udb_collect(db, st, sizeof **out, row_tick, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

/* ======================================================================
 * Ice sessions
 * ====================================================================== */

int kc_userdb_ice_add(struct kc_userdb *db, int64_t plan_id, int day, time_t at, int minutes,
                      int64_t *id_out) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "save the ice session";
  if (minutes < 1 || minutes > 60)
    return udb_fail(db, KC_UDB_EINVAL, "An ice session lasts 1 to 60 minutes (%d given).", minutes);
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  bool late = false;
  if ((rc = udb_editable_day_locked(db, plan_id, day, at, &late)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(db,
                     "INSERT INTO ice_session (plan_id, day, at, minutes, late) "
                     "VALUES (?1, ?2, ?3, ?4, ?5)",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  sqlite3_bind_int(st, 2, day);
  sqlite3_bind_int64(st, 3, (sqlite3_int64)at);
  sqlite3_bind_int(st, 4, minutes);
  sqlite3_bind_int(st, 5, late);
  rc = udb_step_done(db, st, doing);
  if (rc == KC_UDB_OK && id_out) *id_out = sqlite3_last_insert_rowid(db->sql);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

static void row_ice(sqlite3_stmt *st, void *elem) {
  struct kc_ice_session *s = elem;
  s->id = sqlite3_column_int64(st, 0);
  s->day = sqlite3_column_int(st, 1);
  s->at = sqlite3_column_int64(st, 2);
  s->minutes = sqlite3_column_int(st, 3);
  s->late = sqlite3_column_int(st, 4) != 0;
}

int kc_userdb_ice_list(struct kc_userdb *db, int64_t plan_id, int day, struct kc_ice_session **out,
                       int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "read the ice sessions";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = udb_prep(db,
                    "SELECT id, day, at, minutes, late FROM ice_session "
                    "WHERE plan_id = ?1 AND (?2 = 0 OR day = ?2) ORDER BY day, at, id",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    sqlite3_bind_int(st, 2, day);
    rc = udb_collect(db, st, sizeof **out, row_ice, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

int kc_userdb_ice_count(struct kc_userdb *db, int64_t plan_id, int day, int *count) {
  if (!db || !count) return KC_UDB_EINVAL;
  const char *doing = "count the ice sessions";
  sqlite3_stmt *st = NULL;
  int rc =
      udb_prep(db, "SELECT count(*) FROM ice_session WHERE plan_id = ?1 AND day = ?2", &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    sqlite3_bind_int(st, 2, day);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK) *count = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_ice_delete(struct kc_userdb *db, int64_t session_id) {
  if (!db) return KC_UDB_EINVAL;
  /* Only sessions of plans still active: history stays as it was. */
  return udb_delete_by_id(db,
                          "DELETE FROM ice_session WHERE id = ?1 AND plan_id IN "
                          "(SELECT id FROM plan WHERE ended_at IS NULL)",
                          session_id, "delete the ice session", "ice session in an active plan");
}

/* ======================================================================
 * Pain scores
 * ====================================================================== */

static void row_pain(sqlite3_stmt *st, void *elem) {
  struct kc_pain *p = elem;
  p->day = sqlite3_column_int(st, 0);
  p->score = sqlite3_column_int(st, 1);
  udb_copy_col(p->note, sizeof p->note, st, 2);
  p->at = sqlite3_column_int64(st, 3);
  p->late = sqlite3_column_int(st, 4) != 0;
}

int kc_userdb_pain_set(struct kc_userdb *db, int64_t plan_id, int day, int score, const char *note,
                       time_t now) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "save the pain score";
  char why[256];
  if (score < KC_PAIN_MIN || score > KC_PAIN_MAX)
    return udb_fail(db, KC_UDB_EINVAL, "A pain score is %d to %d (%d given).", KC_PAIN_MIN,
                    KC_PAIN_MAX, score);
  if (!kc_note_check(note, why, sizeof why)) return udb_fail(db, KC_UDB_EINVAL, "%s", why);
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  bool late = false;
  if ((rc = udb_editable_day_locked(db, plan_id, day, now, &late)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(db,
                     "INSERT INTO pain (plan_id, day, score, note, at, late) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (plan_id, day) DO UPDATE SET "
                     "score = excluded.score, note = excluded.note, at = excluded.at, "
                     "late = excluded.late",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  sqlite3_bind_int(st, 2, day);
  sqlite3_bind_int(st, 3, score);
  udb_bind_text(st, 4, note);
  sqlite3_bind_int64(st, 5, (sqlite3_int64)now);
  sqlite3_bind_int(st, 6, late);
  rc = udb_step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_pain_get(struct kc_userdb *db, int64_t plan_id, int day, struct kc_pain *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  const char *doing = "read the pain score";
  sqlite3_stmt *st = NULL;
  int rc =
      udb_prep(db, "SELECT day, score, note, at, late FROM pain WHERE plan_id = ?1 AND day = ?2",
               &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    sqlite3_bind_int(st, 2, day);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK)
    row_pain(st, out);
  else if (rc == KC_UDB_ENOTFOUND)
    udb_fail(db, rc, "No pain score for day %d.", day);
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_pain_list(struct kc_userdb *db, int64_t plan_id, struct kc_pain **out, int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "read the pain scores";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc =
      udb_prep(db, "SELECT day, score, note, at, late FROM pain WHERE plan_id = ?1 ORDER BY day",
               &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    rc = udb_collect(db, st, sizeof **out, row_pain, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

int kc_userdb_pain_clear(struct kc_userdb *db, int64_t plan_id, int day, time_t now) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "clear the pain score";
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  bool late = false;
  if ((rc = udb_editable_day_locked(db, plan_id, day, now, &late)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(db, "DELETE FROM pain WHERE plan_id = ?1 AND day = ?2", &st, doing)) !=
      KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  sqlite3_bind_int(st, 2, day);
  rc = udb_step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

/* ======================================================================
 * Red-flag re-checks
 * ====================================================================== */

int kc_userdb_redflag_record(struct kc_userdb *db, int64_t plan_id, int cal_day, time_t at,
                             enum kc_level level, const char *answers) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "save the warning-sign check";
  if (!kc_day_valid(cal_day)) return udb_fail(db, KC_UDB_EINVAL, "The check's date is not valid.");
  if (level < KC_LEVEL_NONE || level > KC_LEVEL_MAX)
    return udb_fail(db, KC_UDB_EINVAL, "The check's level is not valid.");
  if (answers && strnlen(answers, KC_WIZARD_TEXT_MAX + 1) > KC_WIZARD_TEXT_MAX)
    return udb_fail(db, KC_UDB_EINVAL, "The check's answers are too long.");
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = kc_userdb_plan_get(db, plan_id, NULL)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(db,
                     "INSERT INTO redflag_check (plan_id, cal_day, at, level, answers) "
                     "VALUES (?1, ?2, ?3, ?4, ?5)",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  sqlite3_bind_int(st, 2, cal_day);
  sqlite3_bind_int64(st, 3, (sqlite3_int64)at);
  sqlite3_bind_int(st, 4, (int)level);
  udb_bind_text(st, 5, answers);
  rc = udb_step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_redflag_last(struct kc_userdb *db, int64_t plan_id, struct kc_redflag_check *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  const char *doing = "read the warning-sign checks";
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db,
                    "SELECT id, cal_day, at, level FROM redflag_check WHERE plan_id = ?1 "
                    "ORDER BY at DESC, id DESC LIMIT 1",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK) {
    out->id = sqlite3_column_int64(st, 0);
    out->cal_day = sqlite3_column_int(st, 1);
    out->at = sqlite3_column_int64(st, 2);
    out->level = (enum kc_level)sqlite3_column_int(st, 3);
  } else if (rc == KC_UDB_ENOTFOUND) {
    udb_fail(db, rc, "No warning-sign check yet.");
  }
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_redflag_worst(struct kc_userdb *db, int64_t plan_id, enum kc_level *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  const char *doing = "read the warning-sign checks";
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db, "SELECT ifnull(max(level), 0) FROM redflag_check WHERE plan_id = ?1", &st,
                    doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK) *out = (enum kc_level)sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return rc;
}
