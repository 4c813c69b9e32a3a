/* The return-to-running tables of issue 15 (migration 007) through their
 * store functions: a programme's life (the clinician's go-ahead for a
 * result at "soon" or above, one active per profile, weeks, how it ended),
 * sessions planned, logged and judged, pauses that move the sessions not
 * done, strength exercises, the SQL CHECKs for any writer, and cascades. */
#include "udb_test.h"

static struct kc_run_start start_of(const char *id, enum kc_level level, bool ok) {
  return (struct kc_run_start){.programme_id = id,
                               .cause_id = "runners-knee",
                               .level = level,
                               .clinician_ok = ok,
                               .start_day = DAY0 + 3,
                               .week = 1};
}

START_TEST(programme_lifecycle) {
  struct kc_userdb *db = open_db(sub("run"));
  int64_t pid, other;
  const int64_t plan = new_plan(db, "runner", &pid);
  new_plan(db, "other", &other);
  struct kc_run_programme p, got;
  struct kc_run_start s = start_of("walk-run-6w", KC_LEVEL_SOON, false);
  ck_assert_int_eq(kc_userdb_run_start(db, pid, &s, NOW, &p), KC_UDB_EINVAL);
  ck_assert_ptr_nonnull(strstr(kc_userdb_errmsg(db), "clinician"));
  s.clinician_ok = true;
  s.plan_id = 9999;
  ck_assert_int_eq(kc_userdb_run_start(db, pid, &s, NOW, &p), KC_UDB_ENOTFOUND);
  struct kc_plan theirs;
  ck_assert_int_eq(kc_userdb_plan_active(db, other, &theirs), OK);
  s.plan_id = theirs.id;
  ck_assert_int_eq(kc_userdb_run_start(db, pid, &s, NOW, &p), KC_UDB_ENOTFOUND);
  s.plan_id = plan;
  s.programme_id = "Bad Id";
  ck_assert_int_eq(kc_userdb_run_start(db, pid, &s, NOW, &p), KC_UDB_EINVAL);
  s.programme_id = "walk-run-6w";
  s.week = 53;
  ck_assert_int_eq(kc_userdb_run_start(db, pid, &s, NOW, &p), KC_UDB_EINVAL);
  s.week = 1;
  ck_assert_int_eq(kc_userdb_run_start(db, pid, &s, NOW, &p), OK);
  ck_assert_int_eq(p.plan_id, plan);
  ck_assert_str_eq(p.cause_id, "runners-knee");
  ck_assert(p.clinician_ok);
  ck_assert_int_eq(p.level_at_start, KC_LEVEL_SOON);
  ck_assert_int_eq(p.end, KC_RUN_ACTIVE);
  ck_assert_int_eq(kc_userdb_run_start(db, pid, &s, NOW, NULL), KC_UDB_EEXISTS);
  ck_assert_int_eq(kc_userdb_run_set_week(db, p.id, 3), OK);
  ck_assert_int_eq(kc_userdb_run_set_week(db, p.id, 0), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_run_active(db, pid, &got), OK);
  ck_assert_int_eq(got.week, 3);
  /* A warning sign stops it, with its level. */
  ck_assert_int_eq(kc_userdb_run_end(db, p.id, KC_RUN_WARNING_SIGN, KC_LEVEL_24H, NOW + 99), OK);
  ck_assert_int_eq(kc_userdb_run_get(db, p.id, &got), OK);
  ck_assert_int_eq(got.end, KC_RUN_WARNING_SIGN);
  ck_assert_int_eq(got.stop_level, KC_LEVEL_24H);
  ck_assert_int_eq(got.ended_at, NOW + 99);
  ck_assert_int_eq(kc_userdb_run_end(db, p.id, KC_RUN_FINISHED, 0, NOW), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_run_set_week(db, p.id, 2), KC_UDB_EINVAL); /* history as it was */
  ck_assert_int_eq(kc_userdb_run_active(db, pid, &got), KC_UDB_ENOTFOUND);
  /* Restarted from a chosen week later; a self-care result needs no go-ahead. */
  struct kc_run_start again = start_of("walk-run-6w", KC_LEVEL_SELF_CARE, false);
  again.week = 2;
  ck_assert_int_eq(kc_userdb_run_start(db, pid, &again, NOW + 200, &p), OK);
  ck_assert_int_eq(p.week, 2);
  struct kc_run_programme *list;
  int n;
  ck_assert_int_eq(kc_userdb_run_list(db, pid, &list, &n), OK);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(list[0].id, p.id); /* newest first */
  free(list);
  kc_userdb_close(db);
}
END_TEST

START_TEST(sessions_planned_logged_and_judged) {
  struct kc_userdb *db = open_db(sub("sessions"));
  int64_t pid;
  new_plan(db, "runner", &pid);
  struct kc_run_start s = start_of("walk-run-6w", KC_LEVEL_SELF_CARE, false);
  struct kc_run_programme p;
  ck_assert_int_eq(kc_userdb_run_start(db, pid, &s, NOW, &p), OK);
  int64_t ids[3];
  for (int k = 0; k < 3; k++) {
    const struct kc_run_plan plan = {k + 1, 1, DAY0 + 3 + 2 * k, 1 + k, 4, 5};
    ck_assert_int_eq(kc_userdb_run_session_plan(db, p.id, &plan, &ids[k]), OK);
  }
  const struct kc_run_plan dup = {2, 1, DAY0 + 9, 1, 4, 5};
  ck_assert_int_eq(kc_userdb_run_session_plan(db, p.id, &dup, NULL), KC_UDB_EEXISTS);
  const struct kc_run_plan bad = {4, 1, DAY0 + 9, 181, 4, 5};
  ck_assert_int_eq(kc_userdb_run_session_plan(db, p.id, &bad, NULL), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_run_session_outcome(db, ids[0], 1, KC_RUN_PROGRESS), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_run_session_log(db, ids[0], 5, 20, 11, NULL, NOW), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_run_session_log(db, ids[0], 5, 20, 2, "easy", NOW), OK);
  ck_assert_int_eq(kc_userdb_run_session_outcome(db, ids[0], 1, KC_RUN_PROGRESS), OK);
  ck_assert_int_eq(kc_userdb_run_session_outcome(db, ids[0], 1, KC_RUN_OUTCOME_NONE),
                   KC_UDB_EINVAL);
  struct kc_run_session r, *list;
  ck_assert_int_eq(kc_userdb_run_session_get(db, ids[0], &r), OK);
  ck_assert_int_eq(r.done_at, NOW);
  ck_assert_int_eq(r.actual_run_minutes, 5);
  ck_assert_int_eq(r.pain_during, 2);
  ck_assert_int_eq(r.pain_next_morning, 1);
  ck_assert_int_eq(r.outcome, KC_RUN_PROGRESS);
  ck_assert_str_eq(r.note, "easy");
  int n;
  ck_assert_int_eq(kc_userdb_run_sessions(db, p.id, &list, &n), OK);
  ck_assert_int_eq(n, 3);
  ck_assert_int_eq(list[1].done_at, 0);
  ck_assert_int_eq(list[1].pain_during, -1);
  ck_assert_int_eq(list[2].planned_day, DAY0 + 7);
  free(list);
  ck_assert_int_eq(kc_userdb_run_end(db, p.id, KC_RUN_STOPPED, 0, NOW), OK);
  ck_assert_int_eq(kc_userdb_run_session_log(db, ids[1], 5, 20, 2, NULL, NOW), KC_UDB_EINVAL);
  kc_userdb_close(db);
}
END_TEST

START_TEST(pause_moves_the_sessions_not_done) {
  struct kc_userdb *db = open_db(sub("pause"));
  int64_t pid;
  new_plan(db, "runner", &pid);
  struct kc_run_start s = start_of("walk-run-6w", KC_LEVEL_SELF_CARE, false);
  struct kc_run_programme p;
  ck_assert_int_eq(kc_userdb_run_start(db, pid, &s, NOW, &p), OK);
  int64_t ids[3];
  for (int k = 0; k < 3; k++) {
    const struct kc_run_plan plan = {k + 1, 1, DAY0 + 10 + k, 2, 3, 4};
    ck_assert_int_eq(kc_userdb_run_session_plan(db, p.id, &plan, &ids[k]), OK);
  }
  ck_assert_int_eq(kc_userdb_run_session_log(db, ids[1], 2, 3, 0, NULL, NOW), OK); /* done early */
  ck_assert_int_eq(kc_userdb_run_resume(db, p.id, DAY0 + 12), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_run_pause(db, p.id, DAY0 + 11, KC_PAUSE_TRAVEL, NOW), OK);
  ck_assert_int_eq(kc_userdb_run_pause(db, p.id, DAY0 + 11, KC_PAUSE_ILLNESS, NOW), KC_UDB_EEXISTS);
  ck_assert_int_eq(kc_userdb_run_resume(db, p.id, DAY0 + 10), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_run_resume(db, p.id, DAY0 + 15), OK); /* 4 days away */
  struct kc_run_session *list;
  int n;
  ck_assert_int_eq(kc_userdb_run_sessions(db, p.id, &list, &n), OK);
  ck_assert_int_eq(list[0].planned_day, DAY0 + 10); /* before the pause: stays */
  ck_assert_int_eq(list[1].planned_day, DAY0 + 11); /* done: stays */
  ck_assert_int_eq(list[2].planned_day, DAY0 + 16); /* moved by the days paused */
  free(list);
  struct kc_run_pause *pauses;
  ck_assert_int_eq(kc_userdb_run_pauses(db, p.id, &pauses, &n), OK);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(pauses[0].to_day, DAY0 + 15);
  ck_assert_int_eq(pauses[0].reason, KC_PAUSE_TRAVEL);
  free(pauses);
  /* Ending while paused closes the pause. */
  ck_assert_int_eq(kc_userdb_run_pause(db, p.id, DAY0 + 20, KC_PAUSE_ILLNESS, NOW), OK);
  ck_assert_int_eq(kc_userdb_run_end(db, p.id, KC_RUN_FINISHED, 0, NOW), OK);
  ck_assert_int_eq(kc_userdb_run_pauses(db, p.id, &pauses, &n), OK);
  ck_assert_int_eq(n, 2);
  ck_assert_int_ne(pauses[1].to_day, KC_DAY_INVALID);
  free(pauses);
  kc_userdb_close(db);
}
END_TEST

START_TEST(strength_exercises_logged) {
  struct kc_userdb *db = open_db(sub("strength"));
  int64_t pid, other;
  new_plan(db, "runner", &pid);
  new_plan(db, "other", &other);
  struct kc_run_start s = start_of("walk-run-6w", KC_LEVEL_SELF_CARE, false);
  struct kc_run_programme mine, theirs;
  ck_assert_int_eq(kc_userdb_run_start(db, pid, &s, NOW, &mine), OK);
  ck_assert_int_eq(kc_userdb_run_start(db, other, &s, NOW, &theirs), OK);
  struct kc_strength e = {.programme_id = mine.id,
                          .exercise_id = "wall-sit",
                          .cal_day = DAY0,
                          .sets = 3,
                          .hold_seconds = 30,
                          .pain = 1};
  ck_assert_int_eq(kc_userdb_strength_add(db, pid, &e, NOW), OK);
  ck_assert_int_gt(e.id, 0);
  struct kc_strength bad = e;
  bad.reps = 10; /* both repetitions and a hold */
  ck_assert_int_eq(kc_userdb_strength_add(db, pid, &bad, NOW), KC_UDB_EINVAL);
  bad = e;
  bad.hold_seconds = 0; /* neither */
  ck_assert_int_eq(kc_userdb_strength_add(db, pid, &bad, NOW), KC_UDB_EINVAL);
  bad = e;
  bad.programme_id = theirs.id;
  ck_assert_int_eq(kc_userdb_strength_add(db, pid, &bad, NOW), KC_UDB_ENOTFOUND);
  struct kc_strength squats = {.exercise_id = "step-down",
                               .variant = KC_STRENGTH_EASIER,
                               .cal_day = DAY0 + 1,
                               .sets = 2,
                               .reps = 12,
                               .pain = -1};
  ck_assert_int_eq(kc_userdb_strength_add(db, pid, &squats, NOW + 86400), OK);
  struct kc_strength *list;
  int n;
  ck_assert_int_eq(kc_userdb_strength_list(db, pid, DAY0, DAY0 + 6, &list, &n), OK);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(list[0].hold_seconds, 30);
  ck_assert_int_eq(list[0].reps, 0);
  ck_assert_int_eq(list[1].variant, KC_STRENGTH_EASIER);
  ck_assert_int_eq(list[1].pain, -1);
  ck_assert_int_eq(list[1].programme_id, 0);
  free(list);
  ck_assert_int_eq(kc_userdb_strength_list(db, pid, DAY0 + 1, DAY0 + 1, &list, &n), OK);
  ck_assert_int_eq(n, 1);
  free(list);
  kc_userdb_close(db);
}
END_TEST

/* The CHECKs mirror the C rules for any writer; deleting a profile removes
 * its programmes, sessions, pauses and exercises, and only its. */
START_TEST(run_rules_in_sql_and_cascades) {
  const char *dir = sub("runsql");
  struct kc_userdb *db = open_db(dir);
  int64_t a, b;
  new_plan(db, "a", &a);
  new_plan(db, "b", &b);
  struct kc_run_start s = start_of("walk-run-6w", KC_LEVEL_SELF_CARE, false);
  for (int k = 0; k < 2; k++) {
    struct kc_run_programme p;
    ck_assert_int_eq(kc_userdb_run_start(db, k ? b : a, &s, NOW, &p), OK);
    const struct kc_run_plan plan = {1, 1, DAY0 + 3, 1, 4, 5};
    ck_assert_int_eq(kc_userdb_run_session_plan(db, p.id, &plan, NULL), OK);
    ck_assert_int_eq(kc_userdb_run_pause(db, p.id, DAY0 + 4, KC_PAUSE_OTHER, NOW), OK);
    struct kc_strength e = {
        .exercise_id = "bridge", .cal_day = DAY0, .sets = 1, .reps = 5, .pain = 0};
    ck_assert_int_eq(kc_userdb_strength_add(db, k ? b : a, &e, NOW), OK);
  }
  kc_userdb_close(db);
  sqlite3 *sq = raw(dir);
  raw_exec(sq, "PRAGMA foreign_keys=ON");
  ck_assert_int_eq(raw_exec(sq, "UPDATE run_programme SET level_at_start = 3"),
                   SQLITE_CONSTRAINT); /* no clinician's go-ahead */
  ck_assert_int_eq(raw_exec(sq, "UPDATE run_session SET pain_during = 3"),
                   SQLITE_CONSTRAINT); /* not done yet */
  ck_assert_int_eq(raw_exec(sq, "UPDATE run_programme SET end_reason = 'warning-sign', "
                                "ended_at = 1"),
                   SQLITE_CONSTRAINT); /* a warning sign without its level */
  ck_assert_int_eq(raw_exec(sq, "UPDATE strength_log SET hold_seconds = 5"), SQLITE_CONSTRAINT);
  ck_assert_int_eq(raw_exec(sq, "INSERT INTO run_pause (programme_id, from_day, reason, "
                                "created_at) SELECT id, 1, 'other', 0 FROM run_programme"),
                   SQLITE_CONSTRAINT); /* a second open pause */
  sqlite3_close(sq);
  db = open_db(dir);
  ck_assert_int_eq(kc_userdb_profile_delete(db, a), OK);
  kc_userdb_close(db);
  sq = raw(dir);
  static const char *const tables[] = {"run_programme", "run_session", "run_pause", "strength_log"};
  for (size_t i = 0; i < 4; i++) {
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
    ck_assert_int_eq(raw_int(sq, sql), 1); /* b's are left */
  }
  sqlite3_close(sq);
  assert_integrity(dir);
}
END_TEST

/* The walk-run timer (migration 008): stored, read back as stored
 * (running, then paused), replaced, cleared; values out of range and an
 * ended programme refused; deleted with its profile. */
START_TEST(run_timer_store_load_clear) {
  const char *dir = sub("runtimer");
  struct kc_userdb *db = open_db(dir);
  int64_t pid;
  new_plan(db, "runner", &pid);
  struct kc_run_programme p;
  struct kc_run_start s = start_of("walk-run-6w", KC_LEVEL_SELF_CARE, false);
  ck_assert_int_eq(kc_userdb_run_start(db, pid, &s, NOW, &p), OK);
  struct kc_run_timer got, t = {.programme_id = p.id,
                                .seq = 1,
                                .day = DAY0 + 3,
                                .started_at = NOW,
                                .phase = 0,
                                .phase_started_at = NOW};
  ck_assert_int_eq(kc_userdb_run_timer_get(db, p.id, &got), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_run_timer_save(db, &t), OK);
  ck_assert_int_eq(kc_userdb_run_timer_get(db, p.id, &got), OK);
  ck_assert_int_eq(got.seq, 1);
  ck_assert_int_eq(got.day, DAY0 + 3);
  ck_assert_int_eq(got.started_at, NOW);
  ck_assert_int_eq(got.phase, 0);
  ck_assert_int_eq(got.phase_started_at, NOW);
  ck_assert(!got.paused);
  /* the next phase, paused 40 s into it, with a minute run before */
  t.phase = 1;
  t.phase_started_at = NOW + 300;
  t.paused = true;
  t.paused_at = NOW + 340;
  t.run_seconds = 60;
  t.walk_seconds = 300;
  ck_assert_int_eq(kc_userdb_run_timer_save(db, &t), OK);
  ck_assert_int_eq(kc_userdb_run_timer_get(db, p.id, &got), OK);
  ck_assert_int_eq(got.phase, 1);
  ck_assert_int_eq(got.phase_started_at, NOW + 300);
  ck_assert(got.paused);
  ck_assert_int_eq(got.paused_at, NOW + 340);
  ck_assert_int_eq(got.run_seconds, 60);
  ck_assert_int_eq(got.walk_seconds, 300);
  /* resumed: running again */
  t.paused = false;
  ck_assert_int_eq(kc_userdb_run_timer_save(db, &t), OK);
  ck_assert_int_eq(kc_userdb_run_timer_get(db, p.id, &got), OK);
  ck_assert(!got.paused);
  /* out of range: refused, the stored one unchanged */
  struct kc_run_timer bad = t;
  bad.phase = KC_RUN_TIMER_MAX_PHASE + 1;
  ck_assert_int_eq(kc_userdb_run_timer_save(db, &bad), KC_UDB_EINVAL);
  bad = t;
  bad.seq = 0;
  ck_assert_int_eq(kc_userdb_run_timer_save(db, &bad), KC_UDB_EINVAL);
  bad = t;
  bad.run_seconds = -1;
  ck_assert_int_eq(kc_userdb_run_timer_save(db, &bad), KC_UDB_EINVAL);
  bad = t;
  bad.programme_id = 9999;
  ck_assert_int_eq(kc_userdb_run_timer_save(db, &bad), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_run_timer_get(db, p.id, &got), OK);
  ck_assert_int_eq(got.phase, 1);
  /* cleared (twice: nothing to clear is fine) */
  ck_assert_int_eq(kc_userdb_run_timer_clear(db, p.id), OK);
  ck_assert_int_eq(kc_userdb_run_timer_get(db, p.id, &got), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_run_timer_clear(db, p.id), OK);
  /* an ended programme keeps no timer */
  ck_assert_int_eq(kc_userdb_run_timer_save(db, &t), OK);
  ck_assert_int_eq(kc_userdb_run_end(db, p.id, KC_RUN_STOPPED, 0, NOW + 600), OK);
  ck_assert_int_eq(kc_userdb_run_timer_save(db, &t), KC_UDB_EINVAL);
  /* the table's CHECKs for any writer, and the cascade from the profile */
  kc_userdb_close(db);
  sqlite3 *sq = raw(dir);
  ck_assert_int_eq(raw_exec(sq, "UPDATE run_timer SET phase = 103"), SQLITE_CONSTRAINT);
  ck_assert_int_eq(raw_exec(sq, "UPDATE run_timer SET walk_seconds = -1"), SQLITE_CONSTRAINT);
  sqlite3_close(sq);
  db = open_db(dir);
  ck_assert_int_eq(kc_userdb_profile_delete(db, pid), OK);
  kc_userdb_close(db);
  sq = raw(dir);
  ck_assert_int_eq(raw_int(sq, "SELECT count(*) FROM run_timer"), 0);
  sqlite3_close(sq);
  assert_integrity(dir);
}
END_TEST

/* A file of version 7 (the one before the timer) with a programme: opened
 * by this version it gains the table, keeps the programme, and a timer can
 * be stored for it. */
START_TEST(run_timer_migration_from_version_7) {
  const char *dir = sub("v7timer");
  ck_assert_int_ge(n_migs, 8);
  struct kc_userdb *db = open_k(dir, 7);
  int64_t pid;
  new_plan(db, "runner", &pid);
  struct kc_run_programme p;
  struct kc_run_start s = start_of("walk-run-6w", KC_LEVEL_SELF_CARE, false);
  ck_assert_int_eq(kc_userdb_run_start(db, pid, &s, NOW, &p), OK);
  kc_userdb_close(db);
  sqlite3 *sq = raw(dir);
  ck_assert(!has_table(sq, "run_timer"));
  sqlite3_close(sq);
  db = open_db(dir);
  ck_assert_int_eq(kc_userdb_version(db), n_migs);
  struct kc_run_programme active;
  ck_assert_int_eq(kc_userdb_run_active(db, pid, &active), OK);
  ck_assert_int_eq(active.id, p.id);
  const struct kc_run_timer t = {
      .programme_id = p.id, .seq = 1, .day = DAY0, .started_at = NOW, .phase_started_at = NOW};
  ck_assert_int_eq(kc_userdb_run_timer_save(db, &t), OK);
  struct kc_run_timer got;
  ck_assert_int_eq(kc_userdb_run_timer_get(db, p.id, &got), OK);
  ck_assert_int_eq(got.started_at, NOW);
  kc_userdb_close(db);
  assert_integrity(dir);
}
END_TEST

static Suite *userdb_run_suite(void) {
  setenv("TZ", "UTC0", 1);
  tzset();
  Suite *s = suite_create("userdb_run");
  TCase *tc = tcase_create("return-to-running");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, programme_lifecycle);
  tcase_add_test(tc, sessions_planned_logged_and_judged);
  tcase_add_test(tc, pause_moves_the_sessions_not_done);
  tcase_add_test(tc, strength_exercises_logged);
  tcase_add_test(tc, run_rules_in_sql_and_cascades);
  tcase_add_test(tc, run_timer_store_load_clear);
  tcase_add_test(tc, run_timer_migration_from_version_7);
  tcase_set_timeout(tc, 60);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(userdb_run_suite)
