/* The return-to-running programme in the user database (userdb_run.h):
 * programmes, sessions, pauses and strength sessions. Every write is one
 * BEGIN IMMEDIATE ... COMMIT; what can be checked here is checked before
 * writing (ranges, an active programme, the clinician's go-ahead) and again
 * by the SQL CHECKs of migration 007. Resuming after a pause moves the
 * sessions not done yet in the same transaction that closes the pause. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/day.h"
#include "kneecare/userdb_run.h"
#include "userdb_int.h"

/* ---- names ------------------------------------------------------------------------- */

static const char *const end_names[] = {"", "finished", "stopped", "warning-sign", "restarted"};
static const char *const outcome_names[] = {"", "progress", "repeat", "step-back", "stop"};
static const char *const pause_names[] = {"", "illness", "travel", "injury", "other"};
static const char *const variant_names[] = {"standard", "easier", "harder"};

#define NAME_OF(names, v)                                                                          \
  ((int)(v) >= 0 && (size_t)(v) < sizeof names / sizeof names[0] ? names[v] : "")

const char *kc_run_end_name(enum kc_run_end e) { return NAME_OF(end_names, e); }
const char *kc_run_outcome_name(enum kc_run_outcome o) { return NAME_OF(outcome_names, o); }
const char *kc_pause_reason_name(enum kc_pause_reason r) { return NAME_OF(pause_names, r); }
const char *kc_strength_variant_name(enum kc_strength_variant v) {
  return NAME_OF(variant_names, v);
}

static int index_of(const char *const *names, int n, const unsigned char *text) {
  for (int i = 0; text && i < n; i++)
    if (strcmp((const char *)text, names[i]) == 0) return i;
  return 0;
}

/* A content id: [a-z0-9-], 1..64 (NULL or "" only where allowed). */
static bool id_ok(const char *id, bool optional) {
  if (!id || !id[0]) return optional;
  const size_t n = strlen(id);
  return n <= 64 && strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

/* ---- programmes --------------------------------------------------------------------- */

#define PROG_COLS                                                                                  \
  "id, profile_id, programme_id, ifnull(plan_id, 0), ifnull(cause_id, ''), level_at_start, "       \
  "clinician_ok, start_day, started_at, week, ifnull(ended_at, 0), end_reason, "                   \
  "ifnull(stop_level, 0)"

static void row_programme(sqlite3_stmt *st, void *elem) {
  struct kc_run_programme *p = elem;
  p->id = sqlite3_column_int64(st, 0);
  p->profile_id = sqlite3_column_int64(st, 1);
  udb_copy_col(p->programme_id, sizeof p->programme_id, st, 2);
  p->plan_id = sqlite3_column_int64(st, 3);
  udb_copy_col(p->cause_id, sizeof p->cause_id, st, 4);
  p->level_at_start = (enum kc_level)sqlite3_column_int(st, 5);
  p->clinician_ok = sqlite3_column_int(st, 6) != 0;
  p->start_day = sqlite3_column_int(st, 7);
  p->started_at = sqlite3_column_int64(st, 8);
  p->week = sqlite3_column_int(st, 9);
  p->ended_at = sqlite3_column_int64(st, 10);
  p->end = (enum kc_run_end)index_of(end_names, 5, sqlite3_column_text(st, 11));
  p->stop_level = (enum kc_level)sqlite3_column_int(st, 12);
}

static int programme_query(struct kc_userdb *db, const char *where, int64_t key,
                           struct kc_run_programme *out, const char *none) {
  const char *doing = "read the running programme";
  char sql[512];
  snprintf(sql, sizeof sql, "SELECT " PROG_COLS " FROM run_programme WHERE %s", where);
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db, sql, &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, key);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK && out) row_programme(st, out);
  if (rc == KC_UDB_ENOTFOUND) udb_fail(db, rc, "%s", none);
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_run_get(struct kc_userdb *db, int64_t programme_id, struct kc_run_programme *out) {
  if (!db) return KC_UDB_EINVAL;
  return programme_query(db, "id = ?1", programme_id, out, "There is no such running programme.");
}

int kc_userdb_run_active(struct kc_userdb *db, int64_t profile_id, struct kc_run_programme *out) {
  if (!db) return KC_UDB_EINVAL;
  /* One probe of the partial unique index run_programme_one_active. */
  return programme_query(db, "profile_id = ?1 AND ended_at IS NULL", profile_id, out,
                         "There is no running programme for this profile.");
}

/* Inside a write transaction: the programme exists and has not ended. */
static int active_locked(struct kc_userdb *db, int64_t programme_id, struct kc_run_programme *p) {
  int rc = kc_userdb_run_get(db, programme_id, p);
  if (rc == KC_UDB_OK && p->ended_at)
    rc = udb_fail(db, KC_UDB_EINVAL, "This programme has ended; it is kept as it was.");
  return rc;
}

static int check_start(struct kc_userdb *db, const struct kc_run_start *s) {
  if (!id_ok(s->programme_id, false) || !id_ok(s->cause_id, true))
    return udb_fail(db, KC_UDB_EINVAL, "The programme or cause id is not valid.");
  if (s->week < 1 || s->week > KC_RUN_MAX_WEEKS || !kc_day_valid(s->start_day))
    return udb_fail(db, KC_UDB_EINVAL, "The programme's start week or day is not valid.");
  if (s->level < KC_LEVEL_NONE || s->level > KC_LEVEL_MAX)
    return udb_fail(db, KC_UDB_EINVAL, "The level is not valid.");
  if (s->level >= KC_LEVEL_SOON && !s->clinician_ok)
    return udb_fail(db, KC_UDB_EINVAL,
                    "The last check said to see a physio or doctor: a return to running starts "
                    "only once a clinician has said it is fine, and you confirm that.");
  return KC_UDB_OK;
}

int kc_userdb_run_start(struct kc_userdb *db, int64_t profile_id, const struct kc_run_start *s,
                        time_t now, struct kc_run_programme *out) {
  if (!db || !s) return KC_UDB_EINVAL;
  const char *doing = "start the running programme";
  int rc = check_start(db, s);
  if (rc != KC_UDB_OK) return rc;
  if ((rc = udb_begin(db, doing)) != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  struct kc_plan plan;
  if ((rc = udb_profile_exists(db, profile_id)) != KC_UDB_OK) goto out;
  if (s->plan_id && ((rc = kc_userdb_plan_get(db, s->plan_id, &plan)) != KC_UDB_OK ||
                     (plan.profile_id != profile_id &&
                      (rc = udb_fail(db, KC_UDB_ENOTFOUND, "That plan is not this profile's.")))))
    goto out;
  if ((rc = udb_prep(db,
                     "INSERT INTO run_programme (profile_id, programme_id, plan_id, cause_id, "
                     "level_at_start, clinician_ok, start_day, started_at, week) VALUES "
                     "(?1, ?2, nullif(?3, 0), nullif(?4, ''), ?5, ?6, ?7, ?8, ?9)",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, profile_id);
  udb_bind_text(st, 2, s->programme_id);
  sqlite3_bind_int64(st, 3, s->plan_id);
  udb_bind_text(st, 4, s->cause_id);
  sqlite3_bind_int(st, 5, (int)s->level);
  sqlite3_bind_int(st, 6, s->clinician_ok);
  sqlite3_bind_int(st, 7, s->start_day);
  sqlite3_bind_int64(st, 8, (sqlite3_int64)now);
  sqlite3_bind_int(st, 9, s->week);
  const int step = sqlite3_step(st);
  if (step == SQLITE_CONSTRAINT_UNIQUE)
    rc = udb_fail(db, KC_UDB_EEXISTS, "A running programme is already going; end it first.");
  else if (step != SQLITE_DONE)
    rc = udb_fail_sql(db, step, doing);
  else if (out)
    rc = kc_userdb_run_get(db, sqlite3_last_insert_rowid(db->sql), out);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_run_list(struct kc_userdb *db, int64_t profile_id, struct kc_run_programme **out,
                       int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "list the running programmes";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = udb_prep(db,
                    "SELECT " PROG_COLS " FROM run_programme WHERE profile_id = ?1 "
                    "ORDER BY started_at DESC, id DESC",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    rc = udb_collect(db, st, sizeof **out, row_programme, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

/* One UPDATE on an active programme (?1 = its id), in its own transaction. */
static int programme_update(struct kc_userdb *db, int64_t programme_id, const char *sql, int64_t a,
                            int64_t b, const char *text, const char *doing) {
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  struct kc_run_programme p;
  if ((rc = active_locked(db, programme_id, &p)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(db, sql, &st, doing)) != KC_UDB_OK) goto out;
  sqlite3_bind_int64(st, 1, programme_id);
  sqlite3_bind_int64(st, 2, a);
  sqlite3_bind_int64(st, 3, b);
  udb_bind_text(st, 4, text);
  rc = udb_step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_run_set_week(struct kc_userdb *db, int64_t programme_id, int week) {
  if (!db) return KC_UDB_EINVAL;
  if (week < 1 || week > KC_RUN_MAX_WEEKS)
    return udb_fail(db, KC_UDB_EINVAL, "A programme week is 1 to %d.", KC_RUN_MAX_WEEKS);
  return programme_update(db, programme_id, "UPDATE run_programme SET week = ?2 WHERE id = ?1",
                          week, 0, NULL, "change the programme's week");
}

/* Steps one prepared statement with up to three int64 parameters. */
static int exec3(struct kc_userdb *db, const char *sql, int64_t a, int64_t b, int64_t c,
                 const char *doing) {
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db, sql, &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    sqlite3_bind_int64(st, 3, c);
    rc = udb_step_done(db, st, doing);
  }
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_run_end(struct kc_userdb *db, int64_t programme_id, enum kc_run_end how,
                      enum kc_level stop_level, time_t now) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "end the programme";
  if (how < KC_RUN_FINISHED || how > KC_RUN_RESTARTED)
    return udb_fail(db, KC_UDB_EINVAL, "How the programme ended is not valid.");
  if (how == KC_RUN_WARNING_SIGN && (stop_level < KC_LEVEL_NONE || stop_level > KC_LEVEL_MAX))
    return udb_fail(db, KC_UDB_EINVAL, "The warning sign's level is not valid.");
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  struct kc_run_programme p;
  if ((rc = active_locked(db, programme_id, &p)) != KC_UDB_OK) goto out;
  /* An open pause ends with the programme (today, or its first day). */
  if ((rc = exec3(db,
                  "UPDATE run_pause SET to_day = max(from_day, ?2) "
                  "WHERE programme_id = ?1 AND to_day IS NULL",
                  programme_id, kc_day_local(now), 0, doing)) != KC_UDB_OK)
    goto out;
  if ((rc = udb_prep(db,
                     "UPDATE run_programme SET ended_at = ?2, end_reason = ?3, stop_level = ?4 "
                     "WHERE id = ?1",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, programme_id);
  sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
  udb_bind_text(st, 3, kc_run_end_name(how));
  if (how == KC_RUN_WARNING_SIGN)
    sqlite3_bind_int(st, 4, (int)stop_level);
  else
    sqlite3_bind_null(st, 4);
  rc = udb_step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

/* ---- sessions ----------------------------------------------------------------------- */

#define SESSION_COLS                                                                               \
  "id, programme_id, seq, week, planned_day, planned_run_minutes, planned_walk_minutes, "          \
  "planned_repeats, ifnull(done_at, 0), ifnull(actual_run_minutes, -1), "                          \
  "ifnull(actual_walk_minutes, -1), ifnull(pain_during, -1), ifnull(pain_next_morning, -1), "      \
  "outcome, note"

static void row_session(sqlite3_stmt *st, void *elem) {
  struct kc_run_session *r = elem;
  r->id = sqlite3_column_int64(st, 0);
  r->programme_id = sqlite3_column_int64(st, 1);
  r->seq = sqlite3_column_int(st, 2);
  r->week = sqlite3_column_int(st, 3);
  r->planned_day = sqlite3_column_int(st, 4);
  r->planned_run_minutes = sqlite3_column_int(st, 5);
  r->planned_walk_minutes = sqlite3_column_int(st, 6);
  r->planned_repeats = sqlite3_column_int(st, 7);
  r->done_at = sqlite3_column_int64(st, 8);
  r->actual_run_minutes = sqlite3_column_int(st, 9);
  r->actual_walk_minutes = sqlite3_column_int(st, 10);
  r->pain_during = sqlite3_column_int(st, 11);
  r->pain_next_morning = sqlite3_column_int(st, 12);
  r->outcome = (enum kc_run_outcome)index_of(outcome_names, 5, sqlite3_column_text(st, 13));
  udb_copy_col(r->note, sizeof r->note, st, 14);
}

int kc_userdb_run_session_get(struct kc_userdb *db, int64_t session_id,
                              struct kc_run_session *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  const char *doing = "read the running session";
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db, "SELECT " SESSION_COLS " FROM run_session WHERE id = ?1", &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, session_id);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK)
    row_session(st, out);
  else if (rc == KC_UDB_ENOTFOUND)
    udb_fail(db, rc, "There is no such running session (id %lld).", (long long)session_id);
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_run_sessions(struct kc_userdb *db, int64_t programme_id, struct kc_run_session **out,
                           int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "read the running sessions";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc =
      udb_prep(db, "SELECT " SESSION_COLS " FROM run_session WHERE programme_id = ?1 ORDER BY seq",
               &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, programme_id);
    rc = udb_collect(db, st, sizeof **out, row_session, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

int kc_userdb_run_session_plan(struct kc_userdb *db, int64_t programme_id,
                               const struct kc_run_plan *p, int64_t *id_out) {
  if (!db || !p) return KC_UDB_EINVAL;
  const char *doing = "plan the running session";
  if (p->seq < 1 || p->seq > 1000 || p->week < 1 || p->week > KC_RUN_MAX_WEEKS ||
      !kc_day_valid(p->planned_day) || p->run_minutes < 0 || p->run_minutes > 180 ||
      p->walk_minutes < 0 || p->walk_minutes > 180 || p->repeats < 1 || p->repeats > 50)
    return udb_fail(db, KC_UDB_EINVAL, "The planned session is out of range.");
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  struct kc_run_programme prog;
  if ((rc = active_locked(db, programme_id, &prog)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(db,
                     "INSERT INTO run_session (programme_id, seq, week, planned_day, "
                     "planned_run_minutes, planned_walk_minutes, planned_repeats) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, programme_id);
  const int v[] = {p->seq, p->week, p->planned_day, p->run_minutes, p->walk_minutes, p->repeats};
  for (int i = 0; i < 6; i++) sqlite3_bind_int(st, i + 2, v[i]);
  const int step = sqlite3_step(st);
  if (step == SQLITE_CONSTRAINT_UNIQUE)
    rc = udb_fail(db, KC_UDB_EEXISTS, "Session %d of this programme is already planned.", p->seq);
  else if (step != SQLITE_DONE)
    rc = udb_fail_sql(db, step, doing);
  else if (id_out)
    *id_out = sqlite3_last_insert_rowid(db->sql);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

/* Inside a write transaction: the session of an active programme. */
static int session_locked(struct kc_userdb *db, int64_t session_id, struct kc_run_session *r) {
  int rc = kc_userdb_run_session_get(db, session_id, r);
  struct kc_run_programme p;
  if (rc == KC_UDB_OK) rc = active_locked(db, r->programme_id, &p);
  return rc;
}

int kc_userdb_run_session_log(struct kc_userdb *db, int64_t session_id, int run_minutes,
                              int walk_minutes, int pain_during, const char *note, time_t now) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "log the running session";
  char why[256];
  if (run_minutes < 0 || run_minutes > 300 || walk_minutes < 0 || walk_minutes > 300)
    return udb_fail(db, KC_UDB_EINVAL, "Minutes run or walked are 0 to 300.");
  if (pain_during < KC_PAIN_MIN || pain_during > KC_PAIN_MAX)
    return udb_fail(db, KC_UDB_EINVAL, "A pain score is %d to %d (%d given).", KC_PAIN_MIN,
                    KC_PAIN_MAX, pain_during);
  if (!kc_note_check(note, why, sizeof why)) return udb_fail(db, KC_UDB_EINVAL, "%s", why);
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  struct kc_run_session r;
  if ((rc = session_locked(db, session_id, &r)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(
           db,
           "UPDATE run_session SET done_at = COALESCE(done_at, ?2), actual_run_minutes = ?3, "
           "actual_walk_minutes = ?4, pain_during = ?5, note = ?6 WHERE id = ?1",
           &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, session_id);
  sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
  sqlite3_bind_int(st, 3, run_minutes);
  sqlite3_bind_int(st, 4, walk_minutes);
  sqlite3_bind_int(st, 5, pain_during);
  udb_bind_text(st, 6, note);
  rc = udb_step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_run_session_outcome(struct kc_userdb *db, int64_t session_id, int pain_next_morning,
                                  enum kc_run_outcome outcome) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "save the next morning's pain";
  if (pain_next_morning < KC_PAIN_MIN || pain_next_morning > KC_PAIN_MAX)
    return udb_fail(db, KC_UDB_EINVAL, "A pain score is %d to %d (%d given).", KC_PAIN_MIN,
                    KC_PAIN_MAX, pain_next_morning);
  if (outcome < KC_RUN_PROGRESS || outcome > KC_RUN_STOP)
    return udb_fail(db, KC_UDB_EINVAL, "The outcome is progress, repeat, step-back or stop.");
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  struct kc_run_session r;
  if ((rc = session_locked(db, session_id, &r)) != KC_UDB_OK) goto out;
  if (!r.done_at) {
    rc = udb_fail(db, KC_UDB_EINVAL, "Log the session first; the next morning comes after it.");
    goto out;
  }
  if ((rc =
           udb_prep(db, "UPDATE run_session SET pain_next_morning = ?2, outcome = ?3 WHERE id = ?1",
                    &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, session_id);
  sqlite3_bind_int(st, 2, pain_next_morning);
  udb_bind_text(st, 3, kc_run_outcome_name(outcome));
  rc = udb_step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

/* ---- pauses -------------------------------------------------------------------------- */

int kc_userdb_run_pause(struct kc_userdb *db, int64_t programme_id, int from_day,
                        enum kc_pause_reason reason, time_t now) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "pause the programme";
  if (!kc_day_valid(from_day) || reason < KC_PAUSE_ILLNESS || reason > KC_PAUSE_OTHER)
    return udb_fail(db, KC_UDB_EINVAL, "The pause's day or reason is not valid.");
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  struct kc_run_programme p;
  if ((rc = active_locked(db, programme_id, &p)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(db,
                     "INSERT INTO run_pause (programme_id, from_day, reason, created_at) "
                     "VALUES (?1, ?2, ?3, ?4)",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, programme_id);
  sqlite3_bind_int(st, 2, from_day);
  udb_bind_text(st, 3, kc_pause_reason_name(reason));
  sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
  const int step = sqlite3_step(st);
  if (step == SQLITE_CONSTRAINT_UNIQUE)
    rc = udb_fail(db, KC_UDB_EEXISTS, "The programme is already paused.");
  else if (step != SQLITE_DONE)
    rc = udb_fail_sql(db, step, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_run_resume(struct kc_userdb *db, int64_t programme_id, int to_day) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "resume the programme";
  if (!kc_day_valid(to_day)) return udb_fail(db, KC_UDB_EINVAL, "The day is not valid.");
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  struct kc_run_programme p;
  if ((rc = active_locked(db, programme_id, &p)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(
           db, "SELECT id, from_day FROM run_pause WHERE programme_id = ?1 AND to_day IS NULL", &st,
           doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, programme_id);
  if ((rc = udb_step_row(db, st, doing)) == KC_UDB_ENOTFOUND)
    rc = udb_fail(db, rc, "The programme is not paused.");
  if (rc != KC_UDB_OK) goto out;
  const int64_t pause = sqlite3_column_int64(st, 0);
  const int from = sqlite3_column_int(st, 1);
  if (to_day < from) {
    rc = udb_fail(db, KC_UDB_EINVAL, "A pause cannot end before it began.");
    goto out;
  }
  /* Sessions not done yet, from the pause on, move by the days paused. */
  if ((rc = exec3(db, "UPDATE run_pause SET to_day = ?2 WHERE id = ?1", pause, to_day, 0, doing)) ==
      KC_UDB_OK)
    rc = exec3(db,
               "UPDATE run_session SET planned_day = planned_day + ?2 WHERE programme_id = ?1 "
               "AND done_at IS NULL AND planned_day >= ?3",
               programme_id, to_day - from, from, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

static void row_pause(sqlite3_stmt *st, void *elem) {
  struct kc_run_pause *r = elem;
  r->id = sqlite3_column_int64(st, 0);
  r->from_day = sqlite3_column_int(st, 1);
  r->to_day =
      sqlite3_column_type(st, 2) == SQLITE_NULL ? KC_DAY_INVALID : sqlite3_column_int(st, 2);
  r->reason = (enum kc_pause_reason)index_of(pause_names, 5, sqlite3_column_text(st, 3));
  r->created_at = sqlite3_column_int64(st, 4);
}

int kc_userdb_run_pauses(struct kc_userdb *db, int64_t programme_id, struct kc_run_pause **out,
                         int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "read the programme's pauses";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = udb_prep(db,
                    "SELECT id, from_day, to_day, reason, created_at FROM run_pause "
                    "WHERE programme_id = ?1 ORDER BY from_day, id",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, programme_id);
    rc = udb_collect(db, st, sizeof **out, row_pause, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

/* ---- strength sessions --------------------------------------------------------------- */

int kc_userdb_strength_add(struct kc_userdb *db, int64_t profile_id, struct kc_strength *e,
                           time_t now) {
  if (!db || !e) return KC_UDB_EINVAL;
  const char *doing = "log the strength exercise";
  if (!id_ok(e->exercise_id, false) || e->variant < KC_STRENGTH_STANDARD ||
      e->variant > KC_STRENGTH_HARDER || !kc_day_valid(e->cal_day) || e->sets < 1 || e->sets > 20 ||
      (e->reps > 0) == (e->hold_seconds > 0) || e->reps < 0 || e->reps > 200 ||
      e->hold_seconds < 0 || e->hold_seconds > 600 || e->pain < -1 || e->pain > KC_PAIN_MAX)
    return udb_fail(db, KC_UDB_EINVAL,
                    "The exercise, its sets and its repetitions or hold time are not valid.");
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  struct kc_run_programme p;
  if ((rc = udb_profile_exists(db, profile_id)) != KC_UDB_OK) goto out;
  if (e->programme_id &&
      ((rc = kc_userdb_run_get(db, e->programme_id, &p)) != KC_UDB_OK ||
       (p.profile_id != profile_id &&
        (rc = udb_fail(db, KC_UDB_ENOTFOUND, "That programme is not this profile's.")))))
    goto out;
  if ((rc = udb_prep(db,
                     "INSERT INTO strength_log (profile_id, programme_id, exercise_id, variant, "
                     "cal_day, at, sets, reps, hold_seconds, pain) VALUES (?1, nullif(?2, 0), ?3, "
                     "?4, ?5, ?6, ?7, nullif(?8, 0), nullif(?9, 0), nullif(?10, -1))",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, profile_id);
  sqlite3_bind_int64(st, 2, e->programme_id);
  udb_bind_text(st, 3, e->exercise_id);
  udb_bind_text(st, 4, kc_strength_variant_name(e->variant));
  sqlite3_bind_int(st, 5, e->cal_day);
  sqlite3_bind_int64(st, 6, (sqlite3_int64)now);
  sqlite3_bind_int(st, 7, e->sets);
  sqlite3_bind_int(st, 8, e->reps);
  sqlite3_bind_int(st, 9, e->hold_seconds);
  sqlite3_bind_int(st, 10, e->pain);
  if ((rc = udb_step_done(db, st, doing)) == KC_UDB_OK) {
    e->id = sqlite3_last_insert_rowid(db->sql);
    e->at = (int64_t)now;
  }
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

static void row_strength(sqlite3_stmt *st, void *elem) {
  struct kc_strength *e = elem;
  e->id = sqlite3_column_int64(st, 0);
  e->programme_id = sqlite3_column_int64(st, 1);
  udb_copy_col(e->exercise_id, sizeof e->exercise_id, st, 2);
  e->variant = (enum kc_strength_variant)index_of(variant_names, 3, sqlite3_column_text(st, 3));
  e->cal_day = sqlite3_column_int(st, 4);
  e->at = sqlite3_column_int64(st, 5);
  e->sets = sqlite3_column_int(st, 6);
  e->reps = sqlite3_column_int(st, 7);
  e->hold_seconds = sqlite3_column_int(st, 8);
  e->pain = sqlite3_column_int(st, 9);
}

int kc_userdb_strength_list(struct kc_userdb *db, int64_t profile_id, int from_day, int to_day,
                            struct kc_strength **out, int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "read the strength sessions";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = udb_prep(db,
                    "SELECT id, ifnull(programme_id, 0), exercise_id, variant, cal_day, at, sets, "
                    "ifnull(reps, 0), ifnull(hold_seconds, 0), ifnull(pain, -1) FROM strength_log "
                    "WHERE profile_id = ?1 AND cal_day BETWEEN ?2 AND ?3 ORDER BY at, id",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    sqlite3_bind_int(st, 2, from_day);
    sqlite3_bind_int(st, 3, to_day);
    rc = udb_collect(db, st, sizeof **out, row_strength, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}
