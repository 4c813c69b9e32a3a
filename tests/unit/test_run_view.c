/* app/run_view, run_due, run_report: the return to running as the commands
 * and screens use it, on a real user database in a temporary directory and
 * the built-in content. Expected values come from the programme's data
 * (db/50_return_to_running.sql, read back through the loader) and its
 * rules: 3 good runs in a row move up a step; pain above 3/10 is over the
 * limit; a warning sign stops for good; a pause costs no step. Days are
 * passed in; the time zone is UTC. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kc_check.h"
#include "kneecare/app.h"
#include "kneecare/day.h"
#include "kneecare/run_view.h"

#define D0 20514 /* 2026-03-02, a Monday */
#define AT(d) ((time_t)(d)*86400 + 12 * 3600)

static char dir[64];
static struct kc_app app;
static struct kc_rp_content *C;
static char err[1024];

static void setup(void) {
  setenv("TZ", "UTC", 1);
  snprintf(dir, sizeof dir, "/tmp/kc-runview-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  memset(&app, 0, sizeof app);
  app.data_dir = dir;
  app.user = "runner";
  app.create_user = 1;
  ck_assert_ptr_nonnull(kc_app_user(&app, err, sizeof err));
  C = kc_run_content(&app, err, sizeof err);
  ck_assert_msg(C != NULL, "%s", err);
}

static void teardown(void) {
  kc_rp_content_free(C);
  kc_app_close(&app);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

/* A plan for `cause` with its readiness check passed (or not). */
static int64_t plan_for(const char *cause, bool passed, int64_t wizard_run) {
  struct kc_plan_origin o = {
      .kind = KC_PLAN_OVERUSE, .cause_id = cause, .wizard_run_id = wizard_run};
  struct kc_plan p;
  ck_assert_int_eq(kc_userdb_plan_start_ex(app.udb, app.profile.id, D0 - 3, AT(D0 - 3), &o, &p),
                   KC_UDB_OK);
  ck_assert_int_eq(kc_userdb_readiness_record(app.udb, p.id, "walk-pain-free", passed, AT(D0)),
                   KC_UDB_OK);
  return p.id;
}

static void load(struct kc_run_view *v, int day) {
  ck_assert_int_eq(kc_run_view_load(&app, C, day, v, err, sizeof err), KC_UDB_OK);
}

/* Starts a programme for runner's knee on D0. */
static void start(void) {
  plan_for("runners-knee", true, 0);
  struct kc_run_origin o;
  ck_assert_int_eq(kc_run_origin_find(&app, C, 0, false, &o, err, sizeof err), KC_UDB_OK);
  ck_assert_int_eq(kc_run_start(&app, C, &o, false, 1, D0, AT(D0), err, sizeof err), KC_UDB_OK);
}

/* A run on `day` with pain during, and the next morning's. */
static void run_on(int day, int during, int morning) {
  struct kc_run_view v;
  load(&v, day);
  ck_assert_int_eq(v.plan.today, KC_RP_TODAY_RUN);
  ck_assert_int_eq(kc_run_log_during(&app, &v, 0, during, -1, -1, AT(day), NULL, err, sizeof err),
                   KC_UDB_OK);
  kc_run_view_free(&v);
  load(&v, day + 1);
  ck_assert_int_eq(
      kc_run_log_morning(&app, &v, 0, morning, AT(day + 1) - 3600 * 4, err, sizeof err), KC_UDB_OK);
  kc_run_view_free(&v);
}

static bool stage_eq(const struct kc_rp_stage *a, const struct kc_rp_stage *b) {
  return a->run_min == b->run_min && a->walk_min == b->walk_min && a->repeats == b->repeats;
}

START_TEST(nothing_without_a_plan) {
  struct kc_run_view v;
  load(&v, D0);
  ck_assert(!v.has);
  struct kc_strbuf b = {0};
  ck_assert_int_eq(kc_run_report_section(&app, D0, &b, err, sizeof err), KC_UDB_OK);
  ck_assert_str_eq(kc_strbuf_str(&b), "");
  kc_strbuf_free(&b);
  struct kc_run_due d;
  kc_run_due_from(&v, &d);
  char line[256];
  ck_assert_str_eq(kc_run_due_text(&d, line, sizeof line), "");
  ck_assert(!kc_run_due_any(&d));
  struct kc_run_origin o;
  ck_assert_int_eq(kc_run_origin_find(&app, C, 0, false, &o, err, sizeof err), KC_UDB_OK);
  ck_assert(!o.found);
  char why[KC_RP_WHY_MAX];
  ck_assert_int_eq(kc_run_may_start(C, &o, KC_LEVEL_NONE, true, why, sizeof why), KC_RP_START_NO);
  ck_assert_ptr_nonnull(strstr(why, "Check your symptoms first"));
  ck_assert_int_ne(kc_run_log_during(&app, &v, 0, 1, -1, -1, AT(D0), NULL, err, sizeof err),
                   KC_UDB_OK);
  kc_run_view_free(&v);
}
END_TEST

START_TEST(who_may_start) {
  char why[KC_RP_WHY_MAX];
  struct kc_run_origin o;
  /* readiness failed: no */
  int64_t plan = plan_for("runners-knee", false, 0);
  ck_assert_int_eq(kc_run_origin_find(&app, C, 0, false, &o, err, sizeof err), KC_UDB_OK);
  ck_assert(o.found && !o.ready);
  ck_assert_str_eq(o.cause_id, "runners-knee");
  ck_assert_int_eq(kc_run_may_start(C, &o, KC_LEVEL_NONE, false, why, sizeof why), KC_RP_START_NO);
  /* the plan screen says they passed: yes, unless a sign was answered */
  ck_assert_int_eq(kc_run_origin_find(&app, C, plan, true, &o, err, sizeof err), KC_UDB_OK);
  ck_assert(o.ready);
  ck_assert_int_eq(kc_run_may_start(C, &o, KC_LEVEL_NONE, false, why, sizeof why), KC_RP_START_OK);
  ck_assert_int_eq(kc_run_may_start(C, &o, KC_LEVEL_24H, false, why, sizeof why), KC_RP_START_NO);
  ck_assert_int_eq(kc_userdb_plan_end(app.udb, plan, AT(D0)), KC_UDB_OK);
  /* a cause at "soon" (mcl-injury in the data): only with a go-ahead */
  plan_for("mcl-injury", true, 0);
  ck_assert_int_eq(kc_run_origin_find(&app, C, 0, false, &o, err, sizeof err), KC_UDB_OK);
  ck_assert_int_eq(o.level, KC_LEVEL_SOON);
  ck_assert_int_eq(kc_run_may_start(C, &o, KC_LEVEL_NONE, false, why, sizeof why),
                   KC_RP_START_GO_AHEAD);
  ck_assert_int_eq(kc_run_may_start(C, &o, KC_LEVEL_NONE, true, why, sizeof why), KC_RP_START_OK);
  ck_assert_int_ne(kc_run_start(&app, C, &o, false, 1, D0, AT(D0), err, sizeof err), KC_UDB_OK);
  ck_assert_int_eq(kc_run_start(&app, C, &o, true, 1, D0, AT(D0), err, sizeof err), KC_UDB_OK);
  struct kc_run_view v;
  load(&v, D0);
  ck_assert(v.has && v.active && v.prog.clinician_ok);
  kc_run_view_free(&v);
}
END_TEST

START_TEST(good_runs_move_up_and_the_store_keeps_the_outcome) {
  start();
  const struct kc_rp_def *def = &C->def;
  ck_assert_int_ge(def->rule.good_to_progress, 1);
  int day = D0;
  for (int i = 0; i < def->rule.good_to_progress; i++, day += 2) {
    struct kc_run_view v;
    load(&v, day);
    ck_assert_int_eq(v.plan.stage, 1);
    ck_assert(stage_eq(&v.plan.session, &def->stage[0]));
    kc_run_view_free(&v);
    run_on(day, def->rule.during_max, 0);
  }
  /* at most sessions_per_week runs in any 7 days: the next is a week
   * after the first (3 runs at 2-day spacing fill D0..D0+6) */
  ck_assert_int_eq(def->sessions_per_week, def->rule.good_to_progress);
  day = D0 + 7;
  struct kc_run_view v;
  load(&v, day);
  ck_assert_int_eq(v.plan.stage, 2);
  ck_assert(stage_eq(&v.plan.session, &def->stage[1]));
  ck_assert_int_eq(v.plan.last.step, KC_RP_STEP_PROGRESS);
  ck_assert_ptr_nonnull(strstr(v.plan.last.why, "step 2"));
  ck_assert_int_eq(v.n_sessions, def->rule.good_to_progress);
  /* the store's record of each run: minutes of the step, pain, outcome */
  const struct kc_run_session *last = &v.sessions[v.n_sessions - 1];
  ck_assert_int_eq(last->outcome, KC_RUN_PROGRESS);
  ck_assert_int_eq(v.sessions[0].outcome, KC_RUN_REPEAT); /* a good run, same step */
  ck_assert_int_eq(last->actual_run_minutes, kc_rp_stage_run_total(&def->stage[0]));
  ck_assert_int_eq(last->pain_during, def->rule.during_max);
  ck_assert_int_eq(last->pain_next_morning, 0);
  /* logging the first run again, later, replaces its pain but keeps its
   * place in the history: the decisions stay the same */
  int64_t first_done = v.sessions[0].done_at;
  ck_assert_int_eq(kc_run_log_during(&app, &v, 1, 1, -1, -1, AT(day), NULL, err, sizeof err),
                   KC_UDB_OK);
  ck_assert_int_eq(v.sessions[0].done_at, first_done);
  ck_assert_int_eq(v.sessions[0].pain_during, 1);
  ck_assert_int_eq(v.plan.stage, 2);
  /* Home's line */
  struct kc_run_due d;
  kc_run_due_from(&v, &d);
  char line[256], st[160];
  kc_run_due_text(&d, line, sizeof line);
  char want[300];
  snprintf(want, sizeof want, "Running, step 2 of %d: run today (%s)", def->n_stages,
           kc_rp_stage_text(&def->stage[1], st, sizeof st));
  ck_assert_str_eq(line, want);
  ck_assert(kc_run_due_any(&d));
  kc_run_view_free(&v);
  /* the same line from a fresh load */
  ck_assert_int_eq(kc_run_due_load(&app, day, &d, err, sizeof err), KC_UDB_OK);
  ck_assert_str_eq(kc_run_due_text(&d, line, sizeof line), want);
}
END_TEST

START_TEST(pain_over_the_limit_repeats_and_bad_input_writes_nothing) {
  start();
  int over = C->def.rule.during_max + 1;
  run_on(D0, over, 0);
  struct kc_run_view v;
  load(&v, D0 + 2);
  ck_assert_int_eq(v.plan.last.step, KC_RP_STEP_REPEAT);
  ck_assert_int_eq(v.plan.stage, 1);
  ck_assert_int_eq(v.sessions[0].outcome, KC_RUN_REPEAT);
  /* out of range: refused, nothing written */
  ck_assert_int_eq(kc_run_log_during(&app, &v, 0, 11, -1, -1, AT(D0 + 2), NULL, err, sizeof err),
                   KC_UDB_EINVAL);
  ck_assert_int_eq(kc_run_log_during(&app, &v, 0, -1, -1, -1, AT(D0 + 2), NULL, err, sizeof err),
                   KC_UDB_EINVAL);
  ck_assert_int_eq(kc_run_log_morning(&app, &v, 0, 11, AT(D0 + 2), err, sizeof err), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_run_log_morning(&app, &v, 7, 1, AT(D0 + 2), err, sizeof err),
                   KC_UDB_ENOTFOUND);
  kc_run_view_free(&v);
  load(&v, D0 + 2);
  ck_assert_int_eq(v.n_sessions, 1);
  ck_assert_int_eq(v.sessions[0].pain_next_morning, 0);
  /* no second run on a rest day */
  kc_run_view_free(&v);
  load(&v, D0 + 1);
  ck_assert_int_eq(v.plan.today, KC_RP_TODAY_REST);
  ck_assert_int_ne(kc_run_log_during(&app, &v, 0, 1, -1, -1, AT(D0 + 1), NULL, err, sizeof err),
                   KC_UDB_OK);
  kc_run_view_free(&v);
}
END_TEST

START_TEST(pause_costs_no_step) {
  start();
  const struct kc_rp_def *def = &C->def;
  int day = D0;
  for (int i = 0; i < def->rule.good_to_progress; i++, day += 2) run_on(day, 0, 0);
  struct kc_run_view v;
  load(&v, day);
  ck_assert_int_eq(v.plan.stage, 2);
  ck_assert_int_eq(kc_run_pause(&app, &v, KC_PAUSE_ILLNESS, AT(day), err, sizeof err), KC_UDB_OK);
  ck_assert_int_eq(v.plan.status, KC_RP_PAUSED);
  ck_assert_int_eq(kc_run_pause(&app, &v, KC_PAUSE_TRAVEL, AT(day), err, sizeof err),
                   KC_UDB_EEXISTS);
  kc_run_view_free(&v);
  /* three weeks later (longer than the gap that costs a step) */
  int back = day + 21;
  ck_assert_int_gt(21, def->rule.gap_days);
  load(&v, back);
  ck_assert_int_eq(v.plan.status, KC_RP_PAUSED);
  ck_assert_int_eq(kc_run_resume(&app, &v, err, sizeof err), KC_UDB_OK);
  ck_assert_int_eq(v.plan.status, KC_RP_ACTIVE);
  ck_assert_int_eq(v.plan.stage, 2);
  ck_assert_int_eq(v.plan.today, KC_RP_TODAY_RUN);
  ck_assert_int_eq(v.n_pauses, 1);
  ck_assert_int_eq(v.pauses[0].from_day, day);
  ck_assert_int_eq(v.pauses[0].to_day, back - 1);
  ck_assert_int_ne(kc_run_resume(&app, &v, err, sizeof err), KC_UDB_OK);
  kc_run_view_free(&v);
}
END_TEST

START_TEST(warning_sign_stops_for_good) {
  start();
  run_on(D0, 1, 1);
  struct kc_run_view v;
  load(&v, D0 + 2);
  ck_assert_int_eq(kc_run_stop_for_sign(&app, &v, KC_LEVEL_24H, AT(D0 + 2), err, sizeof err),
                   KC_UDB_OK);
  ck_assert_int_eq(v.plan.status, KC_RP_STOPPED);
  ck_assert_int_eq(v.plan.level, KC_LEVEL_24H);
  ck_assert_int_eq(v.plan.today, KC_RP_TODAY_NONE);
  ck_assert(!v.active);
  ck_assert_int_ne(kc_run_log_during(&app, &v, 0, 1, -1, -1, AT(D0 + 2), NULL, err, sizeof err),
                   KC_UDB_OK);
  ck_assert_int_ne(kc_run_restart(&app, &v, 1, AT(D0 + 2), err, sizeof err), KC_UDB_OK);
  ck_assert_int_ne(kc_run_pause(&app, &v, KC_PAUSE_OTHER, AT(D0 + 2), err, sizeof err), KC_UDB_OK);
  kc_run_view_free(&v);
  /* a month later, still stopped */
  load(&v, D0 + 30);
  ck_assert_int_eq(v.plan.status, KC_RP_STOPPED);
  struct kc_run_due d;
  kc_run_due_from(&v, &d);
  ck_assert(!d.active); /* ended in the store: Home shows nothing to do */
  kc_run_view_free(&v);
}
END_TEST

START_TEST(restart_from_a_week_and_end) {
  start();
  run_on(D0, 1, 1);
  struct kc_run_view v;
  load(&v, D0 + 2);
  ck_assert_int_eq(kc_run_restart(&app, &v, 0, AT(D0 + 2), err, sizeof err), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_run_restart(&app, &v, C->def.n_stages + 1, AT(D0 + 2), err, sizeof err),
                   KC_UDB_EINVAL);
  ck_assert_int_eq(kc_run_restart(&app, &v, 3, AT(D0 + 2), err, sizeof err), KC_UDB_OK);
  ck_assert(v.active);
  ck_assert_int_eq(v.plan.stage, 3);
  ck_assert(stage_eq(&v.plan.session, &C->def.stage[2]));
  ck_assert_int_eq(v.n_sessions, 0);
  struct kc_run_programme *all = NULL;
  int n = 0;
  ck_assert_int_eq(kc_userdb_run_list(app.udb, app.profile.id, &all, &n), KC_UDB_OK);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(all[1].end, KC_RUN_RESTARTED);
  free(all);
  ck_assert_int_eq(kc_run_end(&app, &v, AT(D0 + 3), err, sizeof err), KC_UDB_OK);
  ck_assert(!v.active);
  ck_assert_int_eq(v.plan.status, KC_RP_ENDED);
  ck_assert_int_ne(kc_run_end(&app, &v, AT(D0 + 3), err, sizeof err), KC_UDB_OK);
  kc_run_view_free(&v);
}
END_TEST

START_TEST(report_export_json_weeks) {
  start();
  run_on(D0, 2, 1);
  run_on(D0 + 9, 4, 3); /* week 2 */
  struct kc_run_view v;
  load(&v, D0 + 10);
  struct kc_strbuf b = {0};
  kc_run_report_md(&v, &b);
  const char *s = kc_strbuf_str(&b);
  ck_assert_msg(strstr(s, "## Return to running\n") != NULL, "%s", s);
  ck_assert_ptr_nonnull(
      strstr(s, "- Started: 2026-03-02, after a 3-day plan for `runners-knee`\n"));
  ck_assert_ptr_nonnull(strstr(s, "| 1 | 2026-03-02 | 1 | "));
  ck_assert_ptr_nonnull(strstr(s, "| 2 | 2026-03-11 | 1 | "));
  ck_assert_ptr_nonnull(strstr(s, "- Runs logged: 2\n"));
  kc_strbuf_free(&b);
  /* the one call the report renderer makes gives the same section */
  ck_assert_int_eq(kc_run_report_section(&app, D0 + 10, &b, err, sizeof err), KC_UDB_OK);
  struct kc_strbuf b2 = {0};
  kc_run_report_md(&v, &b2);
  ck_assert_str_eq(kc_strbuf_str(&b), kc_strbuf_str(&b2));
  kc_strbuf_free(&b);
  kc_strbuf_free(&b2);
  kc_run_export(&v, KC_RUN_CSV, &b);
  s = kc_strbuf_str(&b);
  ck_assert_ptr_nonnull(strstr(s, "kind,seq,date,step,"));
  ck_assert_ptr_nonnull(strstr(s, "\nrun,1,2026-03-02,1,"));
  ck_assert_ptr_nonnull(strstr(s, "\nrun,2,2026-03-11,1,"));
  kc_strbuf_free(&b);
  kc_run_status_json(&v, &b);
  s = kc_strbuf_str(&b);
  ck_assert_ptr_nonnull(strstr(s, "\"status\":\"active\""));
  ck_assert_ptr_nonnull(strstr(s, "\"runs\":2"));
  kc_strbuf_free(&b);
  struct kc_run_week w[8];
  int span = kc_run_weeks(&v, w, 8);
  ck_assert_int_eq(span, 2);
  int total = kc_rp_stage_run_total(&C->def.stage[0]);
  ck_assert_int_eq(w[0].runs, 1);
  ck_assert_int_eq(w[0].during_max, 2);
  ck_assert_int_eq(w[0].morning_max, 1);
  ck_assert_int_eq(w[0].run_minutes, total);
  ck_assert_int_eq(w[1].during_max, 4);
  ck_assert_int_eq(w[1].morning_max, 3);
  kc_run_view_free(&v);
}
END_TEST

START_TEST(safety_check_asks_every_recheck_sign_and_the_programmes) {
  const struct kc_wz_def *def = kc_app_wizard(&app, err, sizeof err);
  ck_assert_ptr_nonnull(def);
  size_t si[128];
  size_t n = kc_run_check_signs(def, C, si, 128);
  size_t recheck = 0;
  for (size_t i = 0; i < kc_wz_sign_count(def); i++) recheck += kc_wz_sign_at(def, i)->recheck;
  ck_assert_uint_ge(n, recheck);
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) ck_assert_uint_ne(si[i], si[j]);
  for (int k = 0; k < C->n_checks; k++) {
    int s = kc_wz_find_sign(def, C->check[k]);
    ck_assert_int_ge(s, 0);
    bool found = false;
    for (size_t i = 0; i < n; i++) found |= si[i] == (size_t)s;
    ck_assert_msg(found, "%s is not asked", C->check[k]);
  }
}
END_TEST

static struct kc_strength strength(const char *id, int day, int sets, int reps, int pain) {
  struct kc_strength x = {.cal_day = day, .sets = sets, .reps = reps, .pain = pain};
  snprintf(x.exercise_id, sizeof x.exercise_id, "%s", id);
  return x;
}

START_TEST(strength_dose_follows_the_pain_rule) {
  /* sit-to-stand in the data: 2-3 sets of 8-12 reps; two good sessions
   * in a row (pain within the limit during it and the next morning) add
   * a few reps; pain over the limit at the bottom of the range means the
   * easier version; within the limit without the next morning, kept. */
  const struct kc_rp_exercise *e = kc_rp_find_exercise(C, "sit-to-stand");
  ck_assert_ptr_nonnull(e);
  ck_assert_int_eq(e->dose.reps_min, 8);
  ck_assert_int_eq(e->dose.sets_min, 2);
  start();
  run_on(D0, 1, 1);
  run_on(D0 + 2, 1, 1);
  struct kc_run_view v;
  load(&v, D0 + 4);
  struct kc_ex_dose d;
  char why[256];
  struct kc_strength log[3] = {strength("sit-to-stand", D0, 2, 8, 1),
                               strength("sit-to-stand", D0 + 2, 2, 8, 1)};
  ck_assert_int_eq(kc_run_strength_dose(C, e, log, 0, &v, &d, why, sizeof why), KC_EX_KEEP);
  ck_assert_int_eq(d.reps, 8);
  ck_assert_int_eq(kc_run_strength_dose(C, e, log, 1, &v, &d, why, sizeof why), KC_EX_KEEP);
  ck_assert_int_eq(kc_run_strength_dose(C, e, log, 2, &v, &d, why, sizeof why), KC_EX_UP);
  ck_assert_int_eq(d.reps, 8 + KC_EX_REPS_STEP);
  ck_assert_int_eq(d.sets, 2);
  log[2] = strength("sit-to-stand", D0 + 4, 2, 8, C->def.rule.during_max + 2);
  /* over the limit during it: easier at once, whatever the morning */
  ck_assert_int_eq(kc_run_strength_dose(C, e, log, 3, &v, &d, why, sizeof why), KC_EX_DOWN);
  ck_assert_int_eq(d.version, KC_EX_EASIER);
  /* within the limit but no next morning known (no run that day): kept */
  log[2] = strength("sit-to-stand", D0 + 4, 2, 8, 1);
  ck_assert_int_eq(kc_run_strength_dose(C, e, log, 3, &v, &d, why, sizeof why), KC_EX_KEEP);
  ck_assert_int_eq(d.reps, 8);
  kc_run_view_free(&v);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("run_view");
  TCase *tc = tcase_create("run_view");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, nothing_without_a_plan);
  tcase_add_test(tc, who_may_start);
  tcase_add_test(tc, good_runs_move_up_and_the_store_keeps_the_outcome);
  tcase_add_test(tc, pain_over_the_limit_repeats_and_bad_input_writes_nothing);
  tcase_add_test(tc, pause_costs_no_step);
  tcase_add_test(tc, warning_sign_stops_for_good);
  tcase_add_test(tc, restart_from_a_week_and_end);
  tcase_add_test(tc, report_export_json_weeks);
  tcase_add_test(tc, safety_check_asks_every_recheck_sign_and_the_programmes);
  tcase_add_test(tc, strength_dose_follows_the_pain_rule);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
