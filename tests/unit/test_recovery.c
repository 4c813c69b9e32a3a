/* The recovery plan's rules (plan days, task states, editing, ice, progress,
 * the day-3 check-in, red-flag re-checks) and the checks on profile names
 * and notes. All pure: days and answers go in, decisions come out. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kc_check.h"
#include "kneecare/day.h"
#include "kneecare/profile.h"
#include "kneecare/recovery.h"
#include "kneecare/wizard.h"

static const int S = 19884; /* 2024-06-10, an arbitrary start day */

/* ---- plan days ------------------------------------------------------------- */

START_TEST(day_index) {
  ck_assert_int_eq(kc_plan_day_index(S, S), 1);
  ck_assert_int_eq(kc_plan_day_index(S, S + 1), 2);
  ck_assert_int_eq(kc_plan_day_index(S, S + 2), 3);
  ck_assert_int_eq(kc_plan_day_index(S, S + 3), 4);
  ck_assert_int_eq(kc_plan_day_index(S, S - 1), 0);
  ck_assert_int_eq(kc_plan_day_index(S, S - 2), -1);
  ck_assert_int_eq(kc_plan_day_index(KC_DAY_INVALID, S), 0);
  ck_assert_int_eq(kc_plan_day_index(S, KC_DAY_INVALID), 0);
  ck_assert_int_eq(kc_plan_day_date(S, 1), S);
  ck_assert_int_eq(kc_plan_day_date(S, 3), S + 2);
  ck_assert_int_eq(kc_plan_day_date(KC_DAY_MAX, 2), KC_DAY_INVALID);
  ck_assert_int_eq(kc_plan_day_date(KC_DAY_INVALID, 1), KC_DAY_INVALID);
  ck_assert_int_eq(kc_plan_display_day(-3), 1);
  ck_assert_int_eq(kc_plan_display_day(0), 1);
  ck_assert_int_eq(kc_plan_display_day(2), 2);
  ck_assert_int_eq(kc_plan_display_day(9), 3);
}
END_TEST

START_TEST(day_labels) {
  char buf[64];
  ck_assert_str_eq(kc_plan_day_label(1, buf, sizeof buf), "Day 1 of 3");
  ck_assert_str_eq(kc_plan_day_label(2, buf, sizeof buf), "Day 2 of 3");
  ck_assert_str_eq(kc_plan_day_label(3, buf, sizeof buf), "Day 3 of 3");
  ck_assert_str_eq(kc_plan_day_label(5, buf, sizeof buf), "Day 5: the 3-day plan is over");
  ck_assert_str_eq(kc_plan_day_label(0, buf, sizeof buf), "Starts in 1 day");
  ck_assert_str_eq(kc_plan_day_label(-1, buf, sizeof buf), "Starts in 2 days");
  char tiny[4];
  ck_assert_str_eq(kc_plan_day_label(2, tiny, sizeof tiny), "Day");
  ck_assert_ptr_null(kc_plan_day_label(2, NULL, 10));
}
END_TEST

START_TEST(editable_days) {
  for (int idx = -1; idx <= 6; idx++) {
    for (int day = -1; day <= 5; day++) {
      const bool expect = day >= 1 && day <= 3 && day <= idx;
      ck_assert_int_eq(kc_plan_day_editable(day, idx), expect);
    }
  }
}
END_TEST

START_TEST(start_day_rules) {
  char err[160] = "";
  ck_assert(kc_plan_start_ok(S, S, err, sizeof err));
  ck_assert(kc_plan_start_ok(S - 1, S, err, sizeof err)); /* the pain started yesterday */
  ck_assert(kc_plan_start_ok(S - KC_PLAN_MAX_BACKDATE, S, err, sizeof err));
  ck_assert(!kc_plan_start_ok(S - KC_PLAN_MAX_BACKDATE - 1, S, err, sizeof err));
  ck_assert_ptr_nonnull(strstr(err, "at most"));
  ck_assert(!kc_plan_start_ok(S + 1, S, err, sizeof err));
  ck_assert_ptr_nonnull(strstr(err, "future"));
  ck_assert(!kc_plan_start_ok(KC_DAY_INVALID, S, err, sizeof err));
  ck_assert(!kc_plan_start_ok(S, KC_DAY_INVALID, NULL, 0));
}
END_TEST

/* ---- tasks ------------------------------------------------------------------- */

START_TEST(task_kinds_and_ids) {
  enum kc_task_kind k;
  ck_assert(kc_task_kind_parse("check", &k) && k == KC_TASK_CHECK);
  ck_assert(kc_task_kind_parse("ice", &k) && k == KC_TASK_ICE);
  ck_assert(kc_task_kind_parse("pain", &k) && k == KC_TASK_PAIN);
  ck_assert(!kc_task_kind_parse("Ice", &k));
  ck_assert(!kc_task_kind_parse("", &k));
  ck_assert(!kc_task_kind_parse(NULL, &k));
  ck_assert_str_eq(kc_task_kind_name(KC_TASK_ICE), "ice");
  ck_assert_str_eq(kc_task_kind_name((enum kc_task_kind)7), "");

  ck_assert(kc_task_id_check("ice"));
  ck_assert(kc_task_id_check("pain-score"));
  ck_assert(kc_task_id_check("a1"));
  ck_assert(kc_task_id_check("abcdefghijklmnopqrstuvwxyz012345"));   /* 32 */
  ck_assert(!kc_task_id_check("abcdefghijklmnopqrstuvwxyz0123456")); /* 33 */
  static const char *const bad[] = {
      "", "ICE", "a b", "a_b", "caf\xc3\xa9", "x;y", "a\n", "'; DROP TABLE tick; --", "%s"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) ck_assert(!kc_task_id_check(bad[i]));
  ck_assert(!kc_task_id_check(NULL));
}
END_TEST

START_TEST(late_records) {
  ck_assert(!kc_task_is_late(S, 1, S));
  ck_assert(kc_task_is_late(S, 1, S + 1));
  ck_assert(kc_task_is_late(S, 1, S + 5));
  ck_assert(!kc_task_is_late(S, 2, S + 1));
  ck_assert(!kc_task_is_late(S, 3, S + 2));
  ck_assert(kc_task_is_late(S, 3, S + 3));
  ck_assert(!kc_task_is_late(S, 3, S)); /* recorded before its day: clock trouble, not late */
  ck_assert(!kc_task_is_late(S, 1, KC_DAY_INVALID));
}
END_TEST

START_TEST(task_states) {
  /* today is day 2 */
  ck_assert_int_eq(kc_task_state(1, 2, false, false), KC_TASK_NOT_DONE);
  ck_assert_int_eq(kc_task_state(1, 2, true, false), KC_TASK_DONE);
  ck_assert_int_eq(kc_task_state(1, 2, true, true), KC_TASK_DONE_LATE);
  ck_assert_int_eq(kc_task_state(2, 2, false, false), KC_TASK_NOT_DONE);
  ck_assert_int_eq(kc_task_state(2, 2, true, false), KC_TASK_DONE);
  ck_assert_int_eq(kc_task_state(3, 2, false, false), KC_TASK_FUTURE);
  /* clock set back after ticking day 3: the fact stays visible */
  ck_assert_int_eq(kc_task_state(3, 2, true, false), KC_TASK_DONE);
  ck_assert(!kc_plan_day_editable(3, 2));
  /* after the plan every day is past */
  ck_assert_int_eq(kc_task_state(3, 7, false, false), KC_TASK_NOT_DONE);
  ck_assert_str_eq(kc_task_state_name(KC_TASK_DONE_LATE), "done late");
  ck_assert_str_eq(kc_task_state_name(KC_TASK_FUTURE), "future");
}
END_TEST

START_TEST(ice_progress) {
  struct kc_ice_progress p = kc_ice_progress(0, 4);
  ck_assert_int_eq(p.target, 4);
  ck_assert_int_eq(p.minimum, 3);
  ck_assert(!p.met && !p.full);
  p = kc_ice_progress(2, 4);
  ck_assert(!p.met);
  p = kc_ice_progress(3, 4);
  ck_assert(p.met && !p.full);
  p = kc_ice_progress(4, 4);
  ck_assert(p.met && p.full);
  p = kc_ice_progress(6, 4);
  ck_assert(p.met && p.full);
  ck_assert_int_eq(p.count, 6);
  ck_assert(!p.optional);
  /* Target 0, every plan since issue 9: ice is an optional comfort measure,
   * recorded when used and never a target. */
  p = kc_ice_progress(0, 0);
  ck_assert(p.optional && !p.met && p.target == 0 && p.minimum == 0);
  p = kc_ice_progress(5, 0);
  ck_assert(p.optional && p.met && p.full);
  ck_assert_int_eq(p.target, 0);
  ck_assert_int_eq(p.count, 5);
  p = kc_ice_progress(2, 2); /* a smaller target lowers the minimum */
  ck_assert_int_eq(p.minimum, 2);
  ck_assert(p.met && p.full);
  p = kc_ice_progress(-5, 4);
  ck_assert_int_eq(p.count, 0);
}
END_TEST

/* Ice never makes a day incomplete: a day with every required task done
 * and no ice at all is 100%; ice used or not changes nothing. */
START_TEST(ice_never_blocks_completion) {
  for (int ice = 0; ice <= 6; ice++) {
    struct kc_progress p = {0, 0};
    struct kc_ice_progress ip = kc_ice_progress(ice, 0);
    kc_progress_add(&p, 0, kc_task_state(1, 1, ip.met, false)); /* ice, target 0 */
    kc_progress_add(&p, 1, KC_TASK_DONE);                       /* rest-move */
    kc_progress_add(&p, 1, KC_TASK_DONE);                       /* gentle-load */
    kc_progress_add(&p, 1, KC_TASK_DONE_LATE);                  /* pain score */
    ck_assert_int_eq(p.total, 3);
    ck_assert_int_eq(p.done, 3);
    ck_assert_int_eq(kc_progress_percent(p), 100);
  }
}
END_TEST

/* Which version of the plan a plan follows, and which tasks belong to it. */
START_TEST(plan_kinds) {
  ck_assert_int_eq(kc_plan_kind_effective(KC_PLAN_INJURY), KC_PLAN_INJURY);
  ck_assert_int_eq(kc_plan_kind_effective(KC_PLAN_OVERUSE), KC_PLAN_OVERUSE);
  /* a plan saved by an older version keeps its RICE (injury) plan */
  ck_assert_int_eq(kc_plan_kind_effective(KC_PLAN_KIND_NONE), KC_PLAN_INJURY);
  ck_assert_int_eq(kc_plan_kind_effective((enum kc_plan_kind)7), KC_PLAN_INJURY);
  /* shared tasks (ice, pain relief, pain score) belong to both */
  for (int k = KC_PLAN_KIND_NONE; k <= KC_PLAN_OVERUSE; k++)
    ck_assert(kc_task_fits(KC_PLAN_KIND_NONE, (enum kc_plan_kind)k));
  ck_assert(kc_task_fits(KC_PLAN_INJURY, KC_PLAN_INJURY));
  ck_assert(kc_task_fits(KC_PLAN_INJURY, KC_PLAN_KIND_NONE));
  ck_assert(!kc_task_fits(KC_PLAN_INJURY, KC_PLAN_OVERUSE));
  ck_assert(kc_task_fits(KC_PLAN_OVERUSE, KC_PLAN_OVERUSE));
  ck_assert(!kc_task_fits(KC_PLAN_OVERUSE, KC_PLAN_INJURY));
  ck_assert(!kc_task_fits(KC_PLAN_OVERUSE, KC_PLAN_KIND_NONE));
  /* the one question of a plan started without a check: a fall, twist,
   * knock or swelling (or not sure) is the injury plan */
  ck_assert_int_eq(kc_plan_kind_from_answer(1), KC_PLAN_INJURY);
  ck_assert_int_eq(kc_plan_kind_from_answer(-1), KC_PLAN_INJURY);
  ck_assert_int_eq(kc_plan_kind_from_answer(0), KC_PLAN_OVERUSE);
  ck_assert_ptr_nonnull(strstr(kc_plan_kind_question, "twist"));
  ck_assert_ptr_nonnull(strstr(kc_plan_kind_question, "swollen"));
  enum kc_plan_kind k;
  ck_assert(kc_plan_kind_parse("overuse", &k) && k == KC_PLAN_OVERUSE);
  ck_assert(!kc_plan_kind_parse("sprain", &k));
}
END_TEST

/* The five checks of return-to-running.md: all must pass. */
START_TEST(readiness_checks) {
  size_t n;
  const struct kc_readiness_check *c = kc_readiness_checks(&n);
  ck_assert_int_eq(n, 5);
  static const char *const ids[] = {"brisk-walk", "stairs", "no-swelling", "strength", "hop"};
  for (size_t i = 0; i < n; i++) {
    ck_assert_str_eq(c[i].id, ids[i]);
    ck_assert(kc_task_id_check(c[i].id)); /* storable as plan_readiness.check_id */
    ck_assert(strlen(c[i].question) > 20 && strlen(c[i].if_not) > 20);
  }
  /* a hop that hurts the bone is the shin-bone warning sign */
  ck_assert_str_eq(c[4].sign_id, "shin-bone-tender");
  int a[5] = {1, 1, 1, 1, 1};
  ck_assert(kc_readiness_all_pass(a, 5));
  for (int i = 0; i < 5; i++) {
    for (int v = -1; v <= 0; v++) { /* one failed or unanswered check */
      a[i] = v;
      ck_assert(!kc_readiness_all_pass(a, 5));
    }
    a[i] = 1;
  }
  ck_assert(!kc_readiness_all_pass(a, 4));
  ck_assert(!kc_readiness_all_pass(NULL, 5));
}
END_TEST

START_TEST(day_progress) {
  struct kc_progress p = {0, 0};
  ck_assert_int_eq(kc_progress_percent(p), 0);
  kc_progress_add(&p, 4, KC_TASK_DONE);      /* ice */
  kc_progress_add(&p, 1, KC_TASK_NOT_DONE);  /* compression */
  kc_progress_add(&p, 1, KC_TASK_DONE_LATE); /* elevation */
  kc_progress_add(&p, 0, KC_TASK_NOT_DONE);  /* walking aid: optional */
  kc_progress_add(&p, 0, KC_TASK_DONE);      /* pain relief: optional, even if done */
  kc_progress_add(&p, 1, KC_TASK_FUTURE);
  ck_assert_int_eq(p.total, 4);
  ck_assert_int_eq(p.done, 2);
  ck_assert_int_eq(kc_progress_percent(p), 50);
  ck_assert_int_eq(kc_progress_percent((struct kc_progress){1, 3}), 33);
  ck_assert_int_eq(kc_progress_percent((struct kc_progress){3, 3}), 100);
  kc_progress_add(NULL, 1, KC_TASK_DONE);
}
END_TEST

/* ---- check-in --------------------------------------------------------------------- */

START_TEST(checkin_parse_and_due) {
  enum kc_checkin c;
  ck_assert(kc_checkin_parse("better", &c) && c == KC_CHECKIN_BETTER);
  ck_assert(kc_checkin_parse("same", &c) && c == KC_CHECKIN_SAME);
  ck_assert(kc_checkin_parse("worse", &c) && c == KC_CHECKIN_WORSE);
  ck_assert(!kc_checkin_parse("Better", &c));
  ck_assert(!kc_checkin_parse("", &c));
  ck_assert(!kc_checkin_parse(NULL, &c));
  ck_assert_str_eq(kc_checkin_name(KC_CHECKIN_WORSE), "worse");
  ck_assert_str_eq(kc_checkin_name(KC_CHECKIN_NONE), "");
  ck_assert(!kc_checkin_due(1));
  ck_assert(!kc_checkin_due(2));
  ck_assert(kc_checkin_due(3));
  ck_assert(kc_checkin_due(10));
}
END_TEST

static bool has_articles(const struct kc_checkin_advice *a, const char *const *ids, int n) {
  if (a->n_articles != n) return false;
  for (int i = 0; i < n; i++)
    if (strcmp(a->articles[i], ids[i]) != 0) return false;
  return true;
}

START_TEST(checkin_advice) {
  struct kc_checkin_advice a;
  ck_assert(kc_checkin_advice(KC_CHECKIN_BETTER, &a));
  ck_assert_int_eq(a.level, KC_LEVEL_SELF_CARE);
  static const char *const better[] = {"return-to-running", "knee-exercises",
                                       "choosing-running-shoes"};
  ck_assert(has_articles(&a, better, 3));
  /* "better" is not a start: the readiness checks come first */
  ck_assert_ptr_nonnull(strstr(a.title, "ready"));
  ck_assert_ptr_nonnull(strstr(a.advice, "five readiness checks"));
  static const char *const not_better[] = {"not-getting-better", "what-the-clinician-asks"};
  ck_assert(kc_checkin_advice(KC_CHECKIN_SAME, &a));
  ck_assert_int_eq(a.level, KC_LEVEL_SOON);
  ck_assert(has_articles(&a, not_better, 2));
  /* worse is at least a same-day review, with the warning signs to read */
  ck_assert(kc_checkin_advice(KC_CHECKIN_WORSE, &a));
  ck_assert_int_eq(a.level, KC_LEVEL_24H);
  static const char *const worse[] = {"not-getting-better", "red-flags"};
  ck_assert(has_articles(&a, worse, 2));
  ck_assert(!kc_checkin_advice(KC_CHECKIN_NONE, &a));
  ck_assert(!kc_checkin_advice((enum kc_checkin)9, &a));
  ck_assert(!kc_checkin_advice(KC_CHECKIN_BETTER, NULL));
}
END_TEST

/* ---- red flags ------------------------------------------------------------------- */

/* Every combination of six flags (the levels of calf, fever, deformity,
 * locking, weight-bearing and numbness): no answer "yes" gives NONE; any
 * "yes" stops the plan at exactly the highest "yes" level. */
START_TEST(redflag_all_combinations) {
  static const enum kc_level levels[6] = {KC_LEVEL_24H, KC_LEVEL_AMBULANCE, KC_LEVEL_AMBULANCE,
                                          KC_LEVEL_24H, KC_LEVEL_AMBULANCE, KC_LEVEL_AMBULANCE};
  for (unsigned mask = 0; mask < 64; mask++) {
    struct kc_redflag_answer a[6];
    enum kc_level highest = KC_LEVEL_NONE;
    for (int i = 0; i < 6; i++) {
      a[i] = (struct kc_redflag_answer){levels[i], (mask >> i) & 1};
      if (a[i].yes && levels[i] > highest) highest = levels[i];
    }
    const enum kc_level r = kc_redflag_recheck(a, 6);
    ck_assert_int_eq(r, highest);
    ck_assert_int_eq(kc_redflag_stops_plan(r), mask != 0);
    /* whatever the check-in says, the plan's level never drops below it */
    for (int c = KC_CHECKIN_NONE; c <= KC_CHECKIN_WORSE; c++) {
      const enum kc_level pl = kc_plan_level(r, (enum kc_checkin)c);
      ck_assert_int_ge(pl, r);
      ck_assert_int_ge(pl, KC_LEVEL_SELF_CARE);
    }
  }
}
END_TEST

START_TEST(redflag_bad_data_never_lowers) {
  struct kc_redflag_answer a[2] = {{KC_LEVEL_SELF_CARE, true}, {KC_LEVEL_NONE, false}};
  ck_assert_int_eq(kc_redflag_recheck(a, 2), KC_LEVEL_SOON);
  a[0].level = KC_LEVEL_NONE;
  ck_assert_int_eq(kc_redflag_recheck(a, 2), KC_LEVEL_SOON);
  a[0].level = (enum kc_level)42;
  ck_assert_int_eq(kc_redflag_recheck(a, 2), KC_LEVEL_AMBULANCE);
  a[0].level = (enum kc_level) - 3; /* the enum may be unsigned: either way not below SOON */
  ck_assert_int_ge(kc_redflag_recheck(a, 2), KC_LEVEL_SOON);
  ck_assert_int_eq(kc_redflag_recheck(NULL, 3), KC_LEVEL_NONE);
  ck_assert_int_eq(kc_redflag_recheck(a, 0), KC_LEVEL_NONE);
}
END_TEST

START_TEST(redflag_due_daily) {
  ck_assert(kc_redflag_due(KC_DAY_INVALID, S));
  ck_assert(!kc_redflag_due(S, S));
  ck_assert(kc_redflag_due(S - 1, S));
  ck_assert(kc_redflag_due(S + 1, S)); /* clock set back: ask again */
}
END_TEST

/* Security review F5: the daily check fails closed. */
static struct kc_wz_def *signs_def(int n_recheck, int bad_level) {
  struct kc_wz_def *d = kc_wz_def_new();
  kc_wz_add_cause(d, "pulmonary-embolism", "Possible blood clot in the lungs", "red-flags", 5,
                  "src");
  kc_wz_add_cause(d, "dvt", "Possible blood clot in the leg", "red-flags", 3, "src");
  const struct kc_wz_sign_spec s1 = {
      "breathless-chest", "Short of breath", "pulmonary-embolism", "", "src", NULL,
      bad_level ? 1 : 5,  n_recheck >= 1};
  const struct kc_wz_sign_spec s2 = {"calf-clot", "A swollen calf", "dvt", "", "src", NULL,
                                     3,           n_recheck >= 2};
  const struct kc_wz_sign_spec s3 = {"ottawa-age", "Aged 55 or over", "dvt", "", "src", NULL, 4,
                                     false};
  kc_wz_add_sign(d, &s1);
  kc_wz_add_sign(d, &s3);
  kc_wz_add_sign(d, &s2);
  return d;
}

START_TEST(recheck_fails_closed) {
  size_t *si = (size_t *)1, n = 9;
  char why[256] = "";
  /* the signs could not be loaded */
  ck_assert_int_eq(kc_recheck_signs(NULL, &si, &n, why, sizeof why), -1);
  ck_assert_ptr_null(si);
  ck_assert_int_eq(n, 0);
  ck_assert_ptr_nonnull(strstr(why, "could not be loaded"));
  /* an empty list (none marked recheck) */
  struct kc_wz_def *d = signs_def(0, 0);
  ck_assert_int_eq(kc_recheck_signs(d, &si, &n, why, sizeof why), -1);
  ck_assert_int_eq(n, 0);
  ck_assert_ptr_nonnull(strstr(why, "No warning sign"));
  kc_wz_def_free(d);
  /* a marked sign without a usable level */
  d = signs_def(2, 1);
  ck_assert_int_eq(kc_recheck_signs(d, &si, &n, why, sizeof why), -1);
  ck_assert_ptr_nonnull(strstr(why, "'breathless-chest'"));
  kc_wz_def_free(d);
  /* every marked sign, in table order, and only those */
  d = signs_def(2, 0);
  ck_assert_int_eq(kc_recheck_signs(d, &si, &n, why, sizeof why), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_str_eq(kc_wz_sign_at(d, si[0])->id, "breathless-chest");
  ck_assert_str_eq(kc_wz_sign_at(d, si[1])->id, "calf-clot");
  free(si);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(plan_levels) {
  ck_assert_int_eq(kc_plan_level(KC_LEVEL_NONE, KC_CHECKIN_NONE), KC_LEVEL_SELF_CARE);
  ck_assert_int_eq(kc_plan_level(KC_LEVEL_NONE, KC_CHECKIN_BETTER), KC_LEVEL_SELF_CARE);
  ck_assert_int_eq(kc_plan_level(KC_LEVEL_NONE, KC_CHECKIN_SAME), KC_LEVEL_SOON);
  ck_assert_int_eq(kc_plan_level(KC_LEVEL_NONE, KC_CHECKIN_WORSE), KC_LEVEL_24H);
  ck_assert_int_eq(kc_plan_level(KC_LEVEL_ED, KC_CHECKIN_WORSE), KC_LEVEL_ED);
  ck_assert_int_eq(kc_plan_level(KC_LEVEL_AMBULANCE, KC_CHECKIN_BETTER), KC_LEVEL_AMBULANCE);
  ck_assert_int_eq(kc_plan_level(KC_LEVEL_24H, KC_CHECKIN_WORSE), KC_LEVEL_24H);
  ck_assert_int_eq(kc_plan_level(KC_LEVEL_SOON, KC_CHECKIN_BETTER), KC_LEVEL_SOON);
}
END_TEST

/* ---- plan days against the real clock rules ---------------------------------------- */

static void use_london(void) {
  setenv("TZ",
         access("/usr/share/zoneinfo/Europe/London", R_OK) == 0 ? "Europe/London"
                                                                : "GMT0BST,M3.5.0/1,M10.5.0",
         1);
  tzset();
}

static time_t local_time(int y, int mo, int d, int h, int mi) {
  struct tm tm = {.tm_year = y - 1900,
                  .tm_mon = mo - 1,
                  .tm_mday = d,
                  .tm_hour = h,
                  .tm_min = mi,
                  .tm_isdst = -1};
  return mktime(&tm);
}

/* A plan started at 23:50 is on day 2 twenty minutes later. */
START_TEST(plan_started_before_midnight) {
  use_london();
  const time_t start = local_time(2024, 6, 10, 23, 50);
  const int start_day = kc_day_local(start);
  ck_assert_int_eq(kc_plan_day_index(start_day, kc_day_local(start)), 1);
  ck_assert_int_eq(kc_plan_day_index(start_day, kc_day_local(start + 20 * 60)), 2);
  char buf[32];
  ck_assert_str_eq(
      kc_plan_day_label(kc_plan_day_index(start_day, kc_day_local(start + 1200)), buf, sizeof buf),
      "Day 2 of 3");
  /* ticking day 1 at 00:10 is late; ticking day 2 then is on time */
  const int now_day = kc_day_local(start + 20 * 60);
  ck_assert(kc_task_is_late(start_day, 1, now_day));
  ck_assert(!kc_task_is_late(start_day, 2, now_day));
}
END_TEST

/* Across the autumn change (a 25-hour day) and the spring change (23
 * hours) the plan counts calendar days: day 2 is the next date, however
 * many hours it lasts. */
START_TEST(plan_across_dst) {
  use_london();
  const time_t a = local_time(2024, 10, 26, 12, 0);
  const int sd = kc_day_local(a);
  ck_assert_int_eq(kc_plan_day_index(sd, kc_day_local(a + 24 * 3600)), 2); /* 11:00 on the 27th */
  ck_assert_int_eq(kc_plan_day_index(sd, kc_day_local(local_time(2024, 10, 27, 23, 59))), 2);
  ck_assert_int_eq(kc_plan_day_index(sd, kc_day_local(local_time(2024, 10, 28, 0, 0))), 3);
  const time_t b = local_time(2024, 3, 30, 23, 30);
  const int sb = kc_day_local(b);
  ck_assert_int_eq(kc_plan_day_index(sb, kc_day_local(b + 3600)), 2);      /* 00:30 GMT */
  ck_assert_int_eq(kc_plan_day_index(sb, kc_day_local(b + 23 * 3600)), 2); /* 23:30 BST */
  ck_assert_int_eq(kc_plan_day_index(sb, kc_day_local(b + 24 * 3600)), 3); /* 00:30 BST */
}
END_TEST

/* ---- profile names and notes --------------------------------------------------------- */

static char *repeat(const char *unit, int n) {
  const size_t len = strlen(unit);
  char *s = malloc(len * (size_t)n + 1);
  for (int i = 0; i < n; i++) memcpy(s + len * (size_t)i, unit, len);
  s[len * (size_t)n] = '\0';
  return s;
}

START_TEST(profile_names_accepted) {
  static const char *const good[] = {
      "alice",
      ("Ana Mar\xc3\xad"
       "a"),
      "\xe6\x9d\x8e\xe9\x9b\xb7", /* Chinese */
      "\xd7\x93\xd7\xa0\xd7\x99", /* Hebrew, right-to-left */
      ("e\xcc\x81"
       "e"),                     /* combining acute */
      "\xf0\x9f\x98\x80 runner", /* emoji */
      "'; DROP TABLE profile; --",
      "%s%n%x",
      "a",
      "two  spaces inside",
      "\xef\xbf\xbd",
  };
  char err[256];
  for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
    if (!kc_profile_name_check(good[i], err, sizeof err))
      ck_abort_msg("refused \"%s\": %s", good[i], err);
  /* 64 characters, counted as characters not bytes */
  char *s = repeat("\xc3\xa9", 64); /* 128 bytes */
  ck_assert(kc_profile_name_check(s, err, sizeof err));
  free(s);
  s = repeat("\xf0\x9f\x98\x80", 64); /* 256 bytes */
  ck_assert(kc_profile_name_check(s, err, sizeof err));
  free(s);
}
END_TEST

START_TEST(profile_names_refused) {
  static const struct {
    const char *name, *why;
  } bad[] = {
      {"", "empty"},
      {"\t", "control"},
      {"a\nb", "control"},
      {"a\rb", "control"},
      {"bell\a", "control"},
      {"esc\x1b[2J", "control"},
      {"del\x7f", "control"},
      {"c1\xc2\x85", "control"},
      {("rlo\xe2\x80\xae"
        "evil"),
       "control"},
      {"iso\xe2\x81\xa6", "control"},
      {("line\xe2\x80\xa8"
        "sep"),
       "control"},
      {"bad\xff", "UTF-8"},
      {"overlong\xc0\xaf", "UTF-8"},
      {"surrogate\xed\xa0\x80", "UTF-8"},
      {"cut\xe2\x82", "UTF-8"},
      {"\xf4\x90\x80\x80", "UTF-8"}, /* above U+10FFFF */
      {" lead", "space"},
      {"trail ", "space"},
      {" ", "space"},
  };
  char err[256];
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    err[0] = '\0';
    if (kc_profile_name_check(bad[i].name, err, sizeof err))
      ck_abort_msg("accepted bad name #%zu", i);
    if (!strstr(err, bad[i].why))
      ck_abort_msg("name #%zu: message \"%s\" lacks \"%s\"", i, err, bad[i].why);
  }
  ck_assert(!kc_profile_name_check(NULL, err, sizeof err));
  ck_assert(!kc_profile_name_check("a\nb", NULL, 0)); /* no message buffer is fine */
  char *s = repeat("a", 65);
  ck_assert(!kc_profile_name_check(s, err, sizeof err));
  ck_assert_ptr_nonnull(strstr(err, "64"));
  free(s);
  s = repeat("\xc3\xa9", 65);
  ck_assert(!kc_profile_name_check(s, err, sizeof err));
  free(s);
  s = repeat("x", 10000);
  ck_assert(!kc_profile_name_check(s, err, sizeof err));
  ck_assert_ptr_nonnull(strstr(err, "too long"));
  free(s);
}
END_TEST

START_TEST(notes) {
  char err[256];
  ck_assert(kc_note_check(NULL, err, sizeof err));
  ck_assert(kc_note_check("", err, sizeof err));
  ck_assert(kc_note_check("Stairs hurt; better after ice. 5/10 -> 3/10", err, sizeof err));
  char *s = repeat("\xc3\xa9", KC_NOTE_MAX);
  ck_assert(kc_note_check(s, err, sizeof err));
  free(s);
  s = repeat("a", KC_NOTE_MAX + 1);
  ck_assert(!kc_note_check(s, err, sizeof err));
  free(s);
  ck_assert(!kc_note_check("two\nlines", err, sizeof err));
  ck_assert(!kc_note_check("\xff", err, sizeof err));
  ck_assert(!kc_note_check("osc\x1b]52;c;aGk=\a", err, sizeof err));
}
END_TEST

/* Random bytes through both checks: no crash, and anything accepted is
 * valid UTF-8 within the limits. */
START_TEST(names_random_bytes) {
  unsigned state = 99;
  char buf[300];
  for (int i = 0; i < 100000; i++) {
    state = state * 1103515245u + 12345u;
    const size_t len = (state >> 16) % (sizeof buf - 1);
    for (size_t k = 0; k < len; k++) {
      state = state * 1103515245u + 12345u;
      buf[k] = (char)(state >> 16);
    }
    buf[len] = '\0';
    if (kc_profile_name_check(buf, NULL, 0)) {
      ck_assert(strlen(buf) >= 1 && strlen(buf) <= KC_PROFILE_NAME_BUF - 1);
      for (size_t k = 0; buf[k]; k++) ck_assert((unsigned char)buf[k] >= 0x20);
    }
    kc_note_check(buf, NULL, 0);
  }
}
END_TEST

static Suite *recovery_suite(void) {
  Suite *s = suite_create("recovery");
  TCase *days = tcase_create("days");
  tcase_add_test(days, day_index);
  tcase_add_test(days, day_labels);
  tcase_add_test(days, editable_days);
  tcase_add_test(days, start_day_rules);
  tcase_add_test(days, plan_started_before_midnight);
  tcase_add_test(days, plan_across_dst);
  suite_add_tcase(s, days);
  TCase *tasks = tcase_create("tasks");
  tcase_add_test(tasks, task_kinds_and_ids);
  tcase_add_test(tasks, late_records);
  tcase_add_test(tasks, task_states);
  tcase_add_test(tasks, ice_progress);
  tcase_add_test(tasks, day_progress);
  tcase_add_test(tasks, ice_never_blocks_completion);
  tcase_add_test(tasks, plan_kinds);
  tcase_add_test(tasks, readiness_checks);
  suite_add_tcase(s, tasks);
  TCase *checkin = tcase_create("checkin_redflags");
  tcase_add_test(checkin, checkin_parse_and_due);
  tcase_add_test(checkin, checkin_advice);
  tcase_add_test(checkin, redflag_all_combinations);
  tcase_add_test(checkin, redflag_bad_data_never_lowers);
  tcase_add_test(checkin, redflag_due_daily);
  tcase_add_test(checkin, plan_levels);
  tcase_add_test(checkin, recheck_fails_closed);
  suite_add_tcase(s, checkin);
  TCase *names = tcase_create("names");
  tcase_add_test(names, profile_names_accepted);
  tcase_add_test(names, profile_names_refused);
  tcase_add_test(names, notes);
  tcase_add_test(names, names_random_bytes);
  suite_add_tcase(s, names);
  return s;
}

KC_CHECK_MAIN(recovery_suite)
