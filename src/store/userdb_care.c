/* The user database's daily care records of a plan: ice sessions and the
 * running ice timer (its start stored, so it survives quitting and a
 * crash), pain scores (morning and evening; a new score never erases the
 * note unless the note is changed), and the daily warning-sign re-checks.
 * Every write is one BEGIN IMMEDIATE ... COMMIT; which days may be written
 * is udb_editable_day_locked's (core/recovery's rules). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kneecare/day.h"
#include "userdb_int.h"

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
 * Pain scores: a morning and an evening one per plan day
 * ====================================================================== */

#define PAIN_COLS "day, slot, score, note, at, late"

static void row_pain(sqlite3_stmt *st, void *elem) {
  struct kc_pain *p = elem;
  p->day = sqlite3_column_int(st, 0);
  p->slot = KC_PAIN_SLOT_NONE;
  kc_pain_slot_parse((const char *)sqlite3_column_text(st, 1), &p->slot);
  p->score = sqlite3_column_int(st, 2);
  udb_copy_col(p->note, sizeof p->note, st, 3);
  p->at = sqlite3_column_int64(st, 4);
  p->late = sqlite3_column_int(st, 5) != 0;
}

/* The slot of the local hour of now. */
static enum kc_pain_slot slot_of(time_t now) {
  struct tm tm;
  return kc_pain_slot_at(localtime_r(&now, &tm) ? tm.tm_hour : 12);
}

int kc_userdb_pain_set_slot(struct kc_userdb *db, int64_t plan_id, int day, enum kc_pain_slot slot,
                            int score, const char *note, time_t now) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "save the pain score";
  char why[256];
  if (score < KC_PAIN_MIN || score > KC_PAIN_MAX)
    return udb_fail(db, KC_UDB_EINVAL, "A pain score is %d to %d (%d given).", KC_PAIN_MIN,
                    KC_PAIN_MAX, score);
  if (slot != KC_PAIN_MORNING && slot != KC_PAIN_EVENING)
    return udb_fail(db, KC_UDB_EINVAL, "A pain score is the morning or the evening one.");
  if (!kc_note_check(note, why, sizeof why)) return udb_fail(db, KC_UDB_EINVAL, "%s", why);
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  bool late = false;
  if ((rc = udb_editable_day_locked(db, plan_id, day, now, &late)) != KC_UDB_OK) goto out;
  /* A NULL note keeps the slot's note: a new score never erases what was
   * written unless the note itself is changed ("" clears it). */
  if ((rc = udb_prep(db,
                     "INSERT INTO pain (plan_id, day, slot, score, note, at, late) "
                     "VALUES (?1, ?2, ?3, ?4, ifnull(?5, ''), ?6, ?7) "
                     "ON CONFLICT (plan_id, day, slot) DO UPDATE SET score = excluded.score, "
                     "note = ifnull(?5, note), at = excluded.at, late = excluded.late",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  sqlite3_bind_int(st, 2, day);
  udb_bind_text(st, 3, kc_pain_slot_name(slot));
  sqlite3_bind_int(st, 4, score);
  if (note)
    udb_bind_text(st, 5, note);
  else
    sqlite3_bind_null(st, 5);
  sqlite3_bind_int64(st, 6, (sqlite3_int64)now);
  sqlite3_bind_int(st, 7, late);
  rc = udb_step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_pain_set(struct kc_userdb *db, int64_t plan_id, int day, int score, const char *note,
                       time_t now) {
  return kc_userdb_pain_set_slot(db, plan_id, day, slot_of(now), score, note, now);
}

int kc_userdb_pain_get(struct kc_userdb *db, int64_t plan_id, int day, struct kc_pain *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  const char *doing = "read the pain score";
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db,
                    "SELECT " PAIN_COLS " FROM pain WHERE plan_id = ?1 AND day = ?2 "
                    "ORDER BY at DESC, slot DESC LIMIT 1",
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

int kc_userdb_pain_get_slot(struct kc_userdb *db, int64_t plan_id, int day, enum kc_pain_slot slot,
                            struct kc_pain *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  const char *doing = "read the pain score";
  sqlite3_stmt *st = NULL;
  int rc =
      udb_prep(db, "SELECT " PAIN_COLS " FROM pain WHERE plan_id = ?1 AND day = ?2 AND slot = ?3",
               &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    sqlite3_bind_int(st, 2, day);
    udb_bind_text(st, 3, kc_pain_slot_name(slot));
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK)
    row_pain(st, out);
  else if (rc == KC_UDB_ENOTFOUND)
    udb_fail(db, rc, "No %s pain score for day %d.", kc_pain_slot_name(slot), day);
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
  /* 'evening' < 'morning' as text: order the slots by their meaning. */
  int rc = udb_prep(db,
                    "SELECT " PAIN_COLS " FROM pain WHERE plan_id = ?1 "
                    "ORDER BY day, slot = 'evening'",
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
 * The ice timer: its start stored, so it survives quitting and a crash
 * ====================================================================== */

#define TIMER_COLS "plan_id, day, started_at, seconds"

static void row_timer(sqlite3_stmt *st, struct kc_ice_running *t) {
  t->plan_id = sqlite3_column_int64(st, 0);
  t->day = sqlite3_column_int(st, 1);
  t->started_at = sqlite3_column_int64(st, 2);
  t->seconds = sqlite3_column_int(st, 3);
}

int kc_userdb_ice_timer_start(struct kc_userdb *db, int64_t plan_id, int day, time_t now,
                              int seconds) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "start the ice timer";
  if (seconds < 1 || seconds > 3600)
    return udb_fail(db, KC_UDB_EINVAL, "An ice timer runs 1 second to 60 minutes (%d s given).",
                    seconds);
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  bool late = false;
  if ((rc = udb_editable_day_locked(db, plan_id, day, now, &late)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(db, "INSERT INTO ice_timer (" TIMER_COLS ") VALUES (?1, ?2, ?3, ?4)", &st,
                     doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  sqlite3_bind_int(st, 2, day);
  sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
  sqlite3_bind_int(st, 4, seconds);
  const int step = sqlite3_step(st);
  if ((step & 0xff) == SQLITE_CONSTRAINT && step != SQLITE_CONSTRAINT_CHECK)
    rc =
        udb_fail(db, KC_UDB_EEXISTS, "An ice timer is already running; finish or cancel it first.");
  else if (step != SQLITE_DONE)
    rc = udb_fail_sql(db, step, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_ice_timer_get(struct kc_userdb *db, int64_t plan_id, struct kc_ice_running *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  const char *doing = "read the ice timer";
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db, "SELECT " TIMER_COLS " FROM ice_timer WHERE plan_id = ?1", &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK)
    row_timer(st, out);
  else if (rc == KC_UDB_ENOTFOUND)
    udb_fail(db, rc, "No ice timer is running.");
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_ice_timer_running(struct kc_userdb *db, int64_t profile_id,
                                struct kc_ice_running *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  const char *doing = "read the ice timer";
  sqlite3_stmt *st = NULL;
  /* The timer of the profile's active plan (one probe of plan_one_active). */
  int rc =
      udb_prep(db,
               "SELECT t.plan_id, t.day, t.started_at, t.seconds FROM ice_timer t "
               "JOIN plan p ON p.id = t.plan_id WHERE p.profile_id = ?1 AND p.ended_at IS NULL",
               &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK)
    row_timer(st, out);
  else if (rc == KC_UDB_ENOTFOUND)
    udb_fail(db, rc, "No ice timer is running.");
  sqlite3_finalize(st);
  return rc;
}

/* Removes the plan's timer inside the open transaction; ENOTFOUND if none. */
static int timer_remove(struct kc_userdb *db, int64_t plan_id, const char *doing) {
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db, "DELETE FROM ice_timer WHERE plan_id = ?1", &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    rc = udb_step_done(db, st, doing);
    if (rc == KC_UDB_OK && sqlite3_changes(db->sql) == 0)
      rc = udb_fail(db, KC_UDB_ENOTFOUND, "No ice timer is running.");
  }
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_ice_timer_finish(struct kc_userdb *db, int64_t plan_id, time_t now, int minutes,
                               int64_t *session_id) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "record the ice session";
  if (minutes < 1 || minutes > 60)
    return udb_fail(db, KC_UDB_EINVAL, "An ice session lasts 1 to 60 minutes (%d given).", minutes);
  struct kc_ice_running t;
  int rc = kc_userdb_ice_timer_get(db, plan_id, &t);
  if (rc != KC_UDB_OK) return rc;
  if ((rc = udb_begin(db, doing)) != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  bool late = false;
  /* The session belongs to the day the timer was started for. */
  if ((rc = timer_remove(db, plan_id, doing)) != KC_UDB_OK ||
      (rc = udb_editable_day_locked(db, plan_id, t.day, now, &late)) != KC_UDB_OK)
    goto out;
  if ((rc = udb_prep(db,
                     "INSERT INTO ice_session (plan_id, day, at, minutes, late) "
                     "VALUES (?1, ?2, ?3, ?4, ?5)",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  sqlite3_bind_int(st, 2, t.day);
  sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
  sqlite3_bind_int(st, 4, minutes);
  sqlite3_bind_int(st, 5, late);
  rc = udb_step_done(db, st, doing);
  if (rc == KC_UDB_OK && session_id) *session_id = sqlite3_last_insert_rowid(db->sql);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_ice_timer_cancel(struct kc_userdb *db, int64_t plan_id) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "cancel the ice timer";
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  rc = timer_remove(db, plan_id, doing);
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

int kc_userdb_redflag_worst_answers(struct kc_userdb *db, int64_t plan_id, char *buf, size_t n) {
  if (!db || !buf || n == 0) return KC_UDB_EINVAL;
  buf[0] = '\0';
  const char *doing = "read the warning-sign checks";
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db,
                    "SELECT answers FROM redflag_check WHERE plan_id = ?1 AND level > 0 "
                    "ORDER BY level DESC, at DESC, id DESC LIMIT 1",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK) udb_copy_col(buf, n, st, 0);
  sqlite3_finalize(st);
  return rc;
}
