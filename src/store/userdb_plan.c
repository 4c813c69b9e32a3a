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
  "id, profile_id, start_day, started_at, ifnull(ended_at, 0), checkin, ifnull(checkin_at, 0), "   \
  "kind, ifnull(cause_id, ''), ifnull(wizard_run_id, 0)"

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
  p->kind = KC_PLAN_KIND_NONE;
  kc_plan_kind_parse((const char *)sqlite3_column_text(st, 7), &p->kind);
  udb_copy_col(p->cause_id, sizeof p->cause_id, st, 8);
  p->wizard_run_id = sqlite3_column_int64(st, 9);
}

/* A cause id as the content writes them (lower-case letters, digits,
 * hyphens, at most 64), or "" for none. */
static bool cause_id_ok(const char *id) {
  for (size_t i = 0; id[i]; i++)
    if (i >= 64 ||
        !((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') || id[i] == '-'))
      return false;
  return true;
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

/* Inside the start transaction: the symptom check a plan is started from
 * must be the profile's own. */
static int run_of_profile(struct kc_userdb *db, int64_t run_id, int64_t profile_id) {
  struct kc_wizard_run r = {0};
  int rc = kc_userdb_wizard_get(db, run_id, &r);
  if (rc == KC_UDB_OK && r.profile_id != profile_id)
    rc = udb_fail(db, KC_UDB_ENOTFOUND, "This profile has no symptom check %lld.",
                  (long long)run_id);
  kc_userdb_wizard_run_clear(&r);
  return rc;
}

int kc_userdb_plan_start_ex(struct kc_userdb *db, int64_t profile_id, int start_day, time_t now,
                            const struct kc_plan_origin *origin, struct kc_plan *out) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "start the plan";
  const struct kc_plan_origin none = {0};
  if (!origin) origin = &none;
  const char *cause = origin->cause_id ? origin->cause_id : "";
  char why[160];
  if (!kc_plan_start_ok(start_day, kc_day_local(now), why, sizeof why))
    return udb_fail(db, KC_UDB_EINVAL, "%s", why);
  if (origin->kind < KC_PLAN_KIND_NONE || origin->kind > KC_PLAN_OVERUSE || !cause_id_ok(cause))
    return udb_fail(db, KC_UDB_EINVAL, "The plan's kind or cause is not valid.");
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = udb_profile_exists(db, profile_id)) != KC_UDB_OK) goto out;
  if (origin->wizard_run_id &&
      (rc = run_of_profile(db, origin->wizard_run_id, profile_id)) != KC_UDB_OK)
    goto out;
  if ((rc = udb_prep(db,
                     "INSERT INTO plan (profile_id, start_day, started_at, kind, cause_id, "
                     "wizard_run_id) VALUES (?1, ?2, ?3, nullif(?4, ''), nullif(?5, ''), "
                     "nullif(?6, 0))",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, profile_id);
  sqlite3_bind_int(st, 2, start_day);
  sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
  udb_bind_text(st, 4, kc_plan_kind_name(origin->kind));
  udb_bind_text(st, 5, cause);
  sqlite3_bind_int64(st, 6, origin->wizard_run_id);
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
                            .checkin = KC_CHECKIN_NONE,
                            .kind = origin->kind,
                            .wizard_run_id = origin->wizard_run_id};
    snprintf(out->cause_id, sizeof out->cause_id, "%s", cause);
  }
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_plan_start(struct kc_userdb *db, int64_t profile_id, int start_day, time_t now,
                         struct kc_plan *out) {
  return kc_userdb_plan_start_ex(db, profile_id, start_day, now, NULL, out);
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

/* Stores an answer: the plan's latest (plan.checkin) and one more row of
 * plan_checkin with the re-check a 'worse' carries (level < 0: none). */
static int checkin_write(struct kc_userdb *db, int64_t plan_id, enum kc_checkin answer,
                         int recheck_level, const char *recheck_answers, time_t now) {
  const char *doing = "save the check-in";
  if (answer < KC_CHECKIN_BETTER || answer > KC_CHECKIN_WORSE)
    return udb_fail(db, KC_UDB_EINVAL, "The check-in answer must be better, same or worse.");
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL, *hist = NULL;
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
  if ((rc = udb_step_done(db, st, doing)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(db,
                     "INSERT INTO plan_checkin (plan_id, at, answer, recheck_level, "
                     "recheck_answers) VALUES (?1, ?2, ?3, ?4, ?5)",
                     &hist, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(hist, 1, plan_id);
  sqlite3_bind_int64(hist, 2, (sqlite3_int64)now);
  udb_bind_text(hist, 3, kc_checkin_name(answer));
  if (recheck_level >= 0) {
    sqlite3_bind_int(hist, 4, recheck_level);
    udb_bind_text(hist, 5, recheck_answers);
  }
  rc = udb_step_done(db, hist, doing);
out:
  sqlite3_finalize(st);
  sqlite3_finalize(hist);
  return udb_finish(db, rc, doing);
}

int kc_userdb_plan_checkin(struct kc_userdb *db, int64_t plan_id, enum kc_checkin answer,
                           time_t now) {
  if (!db) return KC_UDB_EINVAL;
  return checkin_write(db, plan_id, answer, -1, NULL, now);
}

int kc_userdb_plan_checkin_worse(struct kc_userdb *db, int64_t plan_id, enum kc_level recheck,
                                 const char *recheck_answers, time_t now) {
  if (!db) return KC_UDB_EINVAL;
  if (recheck < KC_LEVEL_NONE || recheck > KC_LEVEL_MAX)
    return udb_fail(db, KC_UDB_EINVAL, "The re-check's level is not valid.");
  if (!recheck_answers || strnlen(recheck_answers, KC_WIZARD_TEXT_MAX + 1) > KC_WIZARD_TEXT_MAX)
    return udb_fail(db, KC_UDB_EINVAL, "A 'worse' check-in needs the re-check's answers.");
  return checkin_write(db, plan_id, KC_CHECKIN_WORSE, (int)recheck, recheck_answers, now);
}

static void row_checkin(sqlite3_stmt *st, void *elem) {
  struct kc_plan_checkin *c = elem;
  c->id = sqlite3_column_int64(st, 0);
  c->at = sqlite3_column_int64(st, 1);
  c->answer = KC_CHECKIN_NONE;
  kc_checkin_parse((const char *)sqlite3_column_text(st, 2), &c->answer);
  c->has_recheck = sqlite3_column_type(st, 3) != SQLITE_NULL;
  c->recheck_level = (enum kc_level)sqlite3_column_int(st, 3);
}

int kc_userdb_checkin_list(struct kc_userdb *db, int64_t plan_id, struct kc_plan_checkin **out,
                           int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "read the check-ins";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = udb_prep(db,
                    "SELECT id, at, answer, recheck_level FROM plan_checkin WHERE plan_id = ?1 "
                    "ORDER BY at, id",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    rc = udb_collect(db, st, sizeof **out, row_checkin, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

/* ======================================================================
 * Day-3 readiness checks
 * ====================================================================== */

int kc_userdb_readiness_record(struct kc_userdb *db, int64_t plan_id, const char *check_id,
                               bool passed, time_t now) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "save the readiness check";
  if (!check_id || !check_id[0] || strlen(check_id) > 64 ||
      strspn(check_id, "abcdefghijklmnopqrstuvwxyz0123456789_-") != strlen(check_id))
    return udb_fail(db, KC_UDB_EINVAL, "\"%s\" is not a readiness check id.",
                    check_id ? check_id : "");
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  struct kc_plan p;
  if ((rc = udb_active_plan_locked(db, plan_id, &p)) != KC_UDB_OK) goto out;
  /* Answering again replaces the answer (the last one counts). */
  if ((rc = udb_prep(db,
                     "INSERT INTO plan_readiness (plan_id, check_id, passed, at) "
                     "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (plan_id, check_id) DO UPDATE SET "
                     "passed = excluded.passed, at = excluded.at",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  udb_bind_text(st, 2, check_id);
  sqlite3_bind_int(st, 3, passed);
  sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
  rc = udb_step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

static void row_readiness(sqlite3_stmt *st, void *elem) {
  struct kc_readiness *r = elem;
  udb_copy_col(r->check_id, sizeof r->check_id, st, 0);
  r->passed = sqlite3_column_int(st, 1) != 0;
  r->at = sqlite3_column_int64(st, 2);
}

int kc_userdb_readiness_list(struct kc_userdb *db, int64_t plan_id, struct kc_readiness **out,
                             int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "read the readiness checks";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = udb_prep(db,
                    "SELECT check_id, passed, at FROM plan_readiness WHERE plan_id = ?1 "
                    "ORDER BY at, check_id",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    rc = udb_collect(db, st, sizeof **out, row_readiness, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
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
