/* Unit tests: the return-to-running engine over whole programmes, in core
 * (no SQL, no curses), on the numbers of db/50_return_to_running.sql
 * (tests/runplan_def.h). Progress, keep, repeat, step back, finish, stop
 * on a warning sign, pauses, missed days and long breaks, the 7-day limit,
 * month and year ends, DST changes, a clock set back, restart from a chosen
 * step, end, stalling, who may start, the definition checks, the reasons in
 * words; and the strength exercises' dose steps and drawing checks. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kc_check.h"
#include "kneecare/day.h"
#include "kneecare/exercise.h"
#include "kneecare/runplan.h"
#include "runplan_def.h"

static struct kc_rp_def DEF;
static struct kc_rp_event EV[512];
static size_t NEV;
static int START;
static struct kc_rp_decision PER[512];

static int ymd(int y, int m, int d) { return kc_day_from_ymd(y, m, d); }

static void setup(void) {
  DEF = test_rp_def();
  NEV = 0;
  START = ymd(2026, 1, 5); /* a Monday */
}

static void add(struct kc_rp_event e) {
  ck_assert_uint_lt(NEV, sizeof EV / sizeof EV[0]);
  EV[NEV++] = e;
}
static void run(int day, int during, int morning) {
  add((struct kc_rp_event){KC_RP_EV_RUN, day, during, morning, KC_DAY_INVALID, 0, 0});
}
static void check(int day, int level) {
  add((struct kc_rp_event){KC_RP_EV_CHECK, day, -1, -1, KC_DAY_INVALID, 0, level});
}
static void pause_(int first, int last) {
  add((struct kc_rp_event){KC_RP_EV_PAUSE, first, -1, -1, last, 0, 0});
}
static void restart(int day, int stage) {
  add((struct kc_rp_event){KC_RP_EV_RESTART, day, -1, -1, KC_DAY_INVALID, stage, 0});
}
static void end_(int day) {
  add((struct kc_rp_event){KC_RP_EV_END, day, -1, -1, KC_DAY_INVALID, 0, 0});
}

static struct kc_rp_plan plan(int today) {
  struct kc_rp_history h = {START, EV, NEV};
  struct kc_rp_plan p;
  ck_assert_int_eq(kc_rp_plan(&DEF, &h, today, &p, PER), 0);
  ck_assert_msg(p.today_why[0] != '\0', "no sentence for today");
  return p;
}

#define HAS(text, part) ck_assert_msg(strstr((text), (part)) != NULL, "'%s' lacks '%s'", text, part)

/* Mon, Wed, Fri of week w counted from START. */
static int mwf(int i) { return START + 7 * (i / 3) + 2 * (i % 3); }

/* ---- whole programmes ---------------------------------------------------- */

START_TEST(all_good_runs_finish_in_six_weeks) {
  ck_assert(kc_rp_def_check(&DEF, NULL, 0));
  for (int i = 0; i < 18; i++) {
    struct kc_rp_plan p = plan(mwf(i));
    ck_assert_int_eq(p.status, KC_RP_ACTIVE);
    ck_assert_msg(p.today == KC_RP_TODAY_RUN, "run %d: not due on its day: %s", i, p.today_why);
    ck_assert_int_eq(p.stage, i / 3 + 1);
    ck_assert(!p.overdue);
    run(mwf(i), 2, 1);
    p = plan(mwf(i) + 1);
    if (i == 17) {
      ck_assert_int_eq(p.status, KC_RP_FINISHED);
      ck_assert_int_eq(p.last.step, KC_RP_STEP_FINISH);
      ck_assert_int_eq(p.today, KC_RP_TODAY_NONE);
      HAS(p.last.why, "you have finished the walk-run programme");
    } else if (i % 3 == 2) {
      ck_assert_int_eq(p.last.step, KC_RP_STEP_PROGRESS);
      ck_assert_int_eq(p.stage, i / 3 + 2);
      /* Mon, Wed, Fri done: three in 7 days, so Monday, not Sunday */
      ck_assert_int_eq(p.next_run_day, mwf(i + 1));
      ck_assert_int_eq(kc_day_weekday(p.next_run_day), 0);
    } else {
      ck_assert_int_eq(p.last.step, KC_RP_STEP_KEEP);
      ck_assert_int_eq(p.today, KC_RP_TODAY_REST);
      ck_assert_int_eq(p.next_run_day, mwf(i) + 2);
    }
  }
  /* six weeks from the first Monday to the last Friday */
  ck_assert_int_eq(mwf(17) - START, 5 * 7 + 4);
}
END_TEST

START_TEST(reasons_are_plain_and_checkable) {
  run(mwf(0), 2, 1);
  run(mwf(1), 2, 1);
  run(mwf(2), 2, 1);
  struct kc_rp_plan p = plan(mwf(2) + 1);
  HAS(p.last.why, "Pain during the run was 2/10 and 1/10 the next morning, within the limit of "
                  "3/10, and no higher than the 1/10 after your last run: a good run.");
  HAS(p.last.why, "That makes 3 good runs in a row at step 1, so the next run moves up to step 2: "
                  "run 2 minutes, walk 2 minutes, 5 times.");
  p = plan(mwf(3));
  HAS(p.today_why, "Today: step 2 of 6. Walk briskly for 5 minutes, then run 2 minutes, walk 2 "
                   "minutes, 5 times. Answer the short safety check before you start.");
  ck_assert_int_eq(p.session.run_min, 2);
  ck_assert_str_eq(kc_rp_step_name(KC_RP_STEP_BACK), "step-back");
  ck_assert_str_eq(kc_rp_status_name(KC_RP_PAUSED), "paused");
}
END_TEST

START_TEST(over_the_limit_repeats_then_steps_back) {
  for (int i = 0; i < 3; i++) run(mwf(i), 1, 0); /* up to step 2 */
  run(mwf(3), 2, 0);
  run(mwf(4), 5, 2); /* above 3 during */
  struct kc_rp_plan p = plan(mwf(4) + 1);
  ck_assert_int_eq(p.last.step, KC_RP_STEP_REPEAT);
  ck_assert_int_eq(p.stage, 2);
  ck_assert_int_eq(p.good_in_row, 0);
  HAS(p.last.why, "Pain during the run was 5/10, above the limit of 3/10.");
  HAS(p.last.why, "If it happens again next time, you go back one step.");
  run(mwf(5), 2, 4); /* morning above 3: not settled, the second in a row */
  p = plan(mwf(5) + 1);
  ck_assert_int_eq(p.last.step, KC_RP_STEP_BACK);
  ck_assert_int_eq(p.stage, 1);
  HAS(p.last.why, "the knee had not settled");
  HAS(p.last.why, "That happened 2 times in a row, so the next run goes back one step, to step 1");
  /* a bad run then a good one is not "in a row" */
  run(mwf(6), 4, 1);
  run(mwf(7), 1, 1);
  run(mwf(8), 4, 1);
  p = plan(mwf(8) + 1);
  ck_assert_int_eq(p.last.step, KC_RP_STEP_REPEAT);
  ck_assert_int_eq(p.stage, 1);
}
END_TEST

START_TEST(worse_next_morning_repeats) {
  run(mwf(0), 1, 0);
  run(mwf(1), 1, 2); /* within the limit but worse than the 0 before */
  struct kc_rp_plan p = plan(mwf(1) + 1);
  ck_assert_int_eq(p.last.step, KC_RP_STEP_REPEAT);
  HAS(p.last.why, "higher than the 0/10 after your last run: the knee was worse the next day");
  run(mwf(2), 1, 2); /* no worse than the 2 before: good again */
  p = plan(mwf(2) + 1);
  ck_assert_int_eq(p.last.step, KC_RP_STEP_KEEP);
  ck_assert_int_eq(p.good_in_row, 1);
}
END_TEST

START_TEST(first_step_cannot_go_lower) {
  run(mwf(0), 6, 5);
  run(mwf(1), 6, 5);
  struct kc_rp_plan p = plan(mwf(1) + 1);
  ck_assert_int_eq(p.last.step, KC_RP_STEP_REPEAT);
  ck_assert_int_eq(p.stage, 1);
  HAS(p.last.why, "step 1 is the first step");
  HAS(p.last.why, "see a physio or GP soon");
}
END_TEST

START_TEST(next_morning_decides_and_unlogged_never_progresses) {
  run(mwf(0), 2, 1);
  run(mwf(1), 2, 1);
  run(mwf(2), 2, KC_RP_NOT_LOGGED); /* the third good run, morning still to come */
  struct kc_rp_plan p = plan(mwf(2) + 1);
  ck_assert_int_eq(p.last.step, KC_RP_STEP_PENDING);
  ck_assert(p.morning_due);
  ck_assert_int_eq(p.stage, 1);
  HAS(p.last.why, "Log the pain the next morning: it decides the next step.");
  HAS(p.today_why, "Log how the knee felt the morning after your last run.");
  p = plan(mwf(3)); /* never logged, the next run is due: same step */
  ck_assert_int_eq(p.today, KC_RP_TODAY_RUN);
  ck_assert_int_eq(p.stage, 1);
  HAS(p.today_why, "First log how the knee felt the morning after your last run");
  run(mwf(3), 1, 1);
  p = plan(mwf(3) + 1);
  ck_assert_int_eq(PER[2].step, KC_RP_STEP_REPEAT);
  HAS(PER[2].why, "never logged");
  ck_assert_int_eq(p.stage, 1);
  ck_assert_int_eq(p.good_in_row, 1);
  /* pain during over the limit is decided at once, morning or not */
  run(mwf(4), 7, KC_RP_NOT_LOGGED);
  p = plan(mwf(4));
  ck_assert_int_eq(p.last.step, KC_RP_STEP_REPEAT);
  ck_assert(!p.morning_due);
}
END_TEST

/* ---- the safety rule ------------------------------------------------------- */

START_TEST(a_warning_sign_stops_for_good) {
  for (int i = 0; i < 4; i++) run(mwf(i), 1, 0);
  check(mwf(4), KC_LEVEL_24H);
  struct kc_rp_plan p = plan(mwf(4));
  ck_assert_int_eq(p.status, KC_RP_STOPPED);
  ck_assert_int_eq(p.level, KC_LEVEL_24H);
  ck_assert_int_eq(p.today, KC_RP_TODAY_NONE);
  ck_assert_int_eq(p.stop_day, mwf(4));
  HAS(p.today_why, "See a doctor within 24 hours");
  HAS(p.last.why, "stopped for good");
  /* nothing after it counts or reopens it */
  run(mwf(5), 0, 0);
  restart(mwf(6), 1);
  pause_(mwf(6), mwf(7));
  end_(mwf(8));
  check(mwf(8), KC_LEVEL_NONE);
  for (int d = mwf(4); d < mwf(4) + 60; d++) {
    p = plan(d);
    ck_assert_int_eq(p.status, KC_RP_STOPPED);
    ck_assert_int_ne(p.today, KC_RP_TODAY_RUN);
  }
  for (size_t i = 5; i < NEV; i++) ck_assert_int_eq(PER[i].step, KC_RP_STEP_IGNORED);
  ck_assert_int_eq(p.runs, 4);
}
END_TEST

START_TEST(sign_levels_are_read_carefully) {
  ck_assert_int_eq(kc_rp_check_level(0), KC_LEVEL_NONE);
  ck_assert_int_eq(kc_rp_check_level(1), KC_LEVEL_SOON); /* a yes is never self-care */
  ck_assert_int_eq(kc_rp_check_level(2), KC_LEVEL_SOON);
  ck_assert_int_eq(kc_rp_check_level(5), KC_LEVEL_AMBULANCE);
  ck_assert_int_eq(kc_rp_check_level(6), KC_LEVEL_AMBULANCE);
  ck_assert_int_eq(kc_rp_check_level(-3), KC_LEVEL_AMBULANCE);
  /* a sign with no valid date, recorded before the first run, still stops */
  check(KC_DAY_INVALID, 1);
  run(mwf(0), 0, 0);
  struct kc_rp_plan p = plan(mwf(0));
  ck_assert_int_eq(p.status, KC_RP_STOPPED);
  ck_assert_int_eq(p.level, KC_LEVEL_SOON);
  HAS(p.today_why, "an unknown date");
  /* the first sign sets the level; a later one cannot lower or raise it */
  NEV = 0;
  check(mwf(0), KC_LEVEL_ED);
  check(mwf(1), KC_LEVEL_SOON);
  ck_assert_int_eq(plan(mwf(1)).level, KC_LEVEL_ED);
}
END_TEST

/* ---- days ------------------------------------------------------------------ */

START_TEST(pauses_shift_without_losing) {
  for (int i = 0; i < 4; i++) run(mwf(i), 1, 0); /* step 2, one good */
  const int last = mwf(3);
  pause_(last + 1, last + 20); /* illness: nearly three weeks */
  struct kc_rp_plan p = plan(last + 5);
  ck_assert_int_eq(p.status, KC_RP_PAUSED);
  ck_assert_int_eq(p.today, KC_RP_TODAY_NONE);
  HAS(p.today_why, "Paused since");
  HAS(p.last.why, "carries on after the pause");
  p = plan(last + 21);
  ck_assert_int_eq(p.status, KC_RP_ACTIVE);
  ck_assert_int_eq(p.today, KC_RP_TODAY_RUN);
  ck_assert_int_eq(p.stage, 2); /* paused days do not count as a break */
  ck_assert_int_eq(p.good_in_row, 1);
  ck_assert_int_eq(p.next_run_day, last + 21);
  /* still paused (no end yet): nothing is due */
  NEV = 0;
  run(mwf(0), 1, 0);
  pause_(mwf(0) + 1, KC_DAY_INVALID);
  p = plan(mwf(0) + 30);
  ck_assert_int_eq(p.status, KC_RP_PAUSED);
  ck_assert_int_eq(p.next_run_day, KC_DAY_INVALID);
  /* a pause that ends before it starts is ignored, and says so */
  NEV = 0;
  pause_(mwf(3), mwf(1));
  p = plan(mwf(3));
  ck_assert_int_eq(PER[0].step, KC_RP_STEP_IGNORED);
  ck_assert_int_eq(p.status, KC_RP_ACTIVE);
}
END_TEST

START_TEST(missed_days_wait_and_long_breaks_cost_steps) {
  for (int i = 0; i < 9; i++) run(mwf(i), 1, 0); /* step 4 */
  const int last = mwf(8);                       /* a Friday */
  struct kc_rp_plan p = plan(last + 5);
  ck_assert_int_eq(p.today, KC_RP_TODAY_RUN);
  ck_assert(p.overdue);
  ck_assert_int_eq(p.stage, 4);
  HAS(p.today_why, "is still waiting");
  p = plan(last + 8); /* 7 days without a run */
  ck_assert_int_eq(p.stage, 3);
  HAS(p.today_why, "You have gone 7 days without a run");
  p = plan(last + 15); /* 14 days: two steps */
  ck_assert_int_eq(p.stage, 2);
  p = plan(last + 100); /* never below the first step */
  ck_assert_int_eq(p.stage, 1);
  run(last + 9, 1, 0);
  p = plan(last + 10);
  ck_assert_int_eq(p.stage, 3);
  HAS(p.last.why, "After 8 days without a run (paused days not counted)");
  HAS(p.last.why, "counted at step 3 instead of step 4");
  /* a pause inside the break is not counted */
  NEV = 0;
  for (int i = 0; i < 9; i++) run(mwf(i), 1, 0);
  pause_(last + 2, last + 8);
  ck_assert_int_eq(plan(last + 9).stage, 4);
  ck_assert_int_eq(plan(last + 16).stage, 3);
}
END_TEST

START_TEST(month_and_year_ends) {
  static const int cases[][6] = {
      /* run date, the next due date (one rest day between) */
      {2026, 1, 30, 2026, 2, 1}, {2027, 2, 27, 2027, 3, 1},  {2028, 2, 28, 2028, 3, 1},
      {2028, 2, 29, 2028, 3, 2}, {2026, 12, 31, 2027, 1, 2}, {2026, 4, 30, 2026, 5, 2},
      {2100, 2, 28, 2100, 3, 2},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    NEV = 0;
    START = ymd(cases[i][0], cases[i][1], cases[i][2]);
    run(START, 1, 0);
    const int due = ymd(cases[i][3], cases[i][4], cases[i][5]);
    struct kc_rp_plan p = plan(START + 1);
    ck_assert_int_eq(p.today, KC_RP_TODAY_REST);
    ck_assert_int_eq(p.next_run_day, due);
    char buf[KC_DAY_BUF];
    HAS(p.today_why, kc_day_format(due, buf));
    ck_assert_int_eq(plan(due).today, KC_RP_TODAY_RUN);
  }
}
END_TEST

/* The calendar day of a local wall-clock time in zone tz. */
static int local_day(const char *tz, int y, int mo, int d, int h, int mi) {
  setenv("TZ", tz, 1);
  tzset();
  struct tm tm = {.tm_year = y - 1900,
                  .tm_mon = mo - 1,
                  .tm_mday = d,
                  .tm_hour = h,
                  .tm_min = mi,
                  .tm_isdst = -1};
  return kc_day_local(mktime(&tm));
}

START_TEST(dst_changes_keep_days_whole) {
  static const char *zones[] = {"Europe/London", "America/New_York", "Australia/Sydney"};
  /* runs late in the evening before a clock change; checks just after
   * midnight on the days after: the gap is counted in dates, never hours */
  static const int changes[][3] = {{2026, 3, 28},  {2026, 10, 24}, {2026, 3, 7},
                                   {2026, 10, 31}, {2026, 4, 4},   {2026, 10, 3}};
  for (size_t z = 0; z < 3; z++)
    for (size_t c = 0; c < sizeof changes / sizeof changes[0]; c++) {
      NEV = 0;
      const int run_day = local_day(zones[z], changes[c][0], changes[c][1], changes[c][2], 23, 30);
      START = run_day;
      run(run_day, 1, 0);
      const int next = local_day(zones[z], changes[c][0], changes[c][1], changes[c][2] + 1, 0, 30);
      const int after = local_day(zones[z], changes[c][0], changes[c][1], changes[c][2] + 2, 0, 30);
      ck_assert_int_eq(next, run_day + 1);
      ck_assert_int_eq(after, run_day + 2);
      ck_assert_int_eq(plan(next).today, KC_RP_TODAY_REST);
      ck_assert_int_eq(plan(after).today, KC_RP_TODAY_RUN);
    }
  unsetenv("TZ");
  tzset();
}
END_TEST

START_TEST(clock_set_back_loses_nothing) {
  for (int i = 0; i < 4; i++) run(mwf(i), 1, 0);
  struct kc_rp_plan p = plan(mwf(3) - 3);
  ck_assert_int_eq(p.today, KC_RP_TODAY_REST);
  ck_assert_int_eq(p.stage, 2);
  ck_assert_int_eq(p.runs, 4);
  HAS(p.today_why, "is earlier than your last run");
  HAS(p.today_why, "Nothing is lost");
  /* a run recorded while the clock was back still counts */
  run(mwf(3) - 2, 1, 0);
  p = plan(mwf(5));
  ck_assert_int_eq(p.runs, 5);
  ck_assert_int_eq(p.good_in_row, 2);
  ck_assert_int_eq(p.last_run_day, mwf(3));
  /* before the start */
  NEV = 0;
  p = plan(START - 2);
  ck_assert_int_eq(p.today, KC_RP_TODAY_REST);
  HAS(p.today_why, "The programme starts on");
  p = plan(KC_DAY_INVALID);
  ck_assert_int_eq(p.today, KC_RP_TODAY_NONE);
  HAS(p.today_why, "not valid");
}
END_TEST

START_TEST(ran_today_and_the_weekly_limit) {
  run(START, 1, 0);
  struct kc_rp_plan p = plan(START);
  ck_assert_int_eq(p.today, KC_RP_TODAY_REST);
  HAS(p.today_why, "You ran today.");
  /* Tue, Thu, Sat: the next is Tue, not Mon */
  NEV = 0;
  run(START + 1, 1, 0);
  run(START + 3, 1, 0);
  run(START + 5, 1, 0);
  ck_assert_int_eq(plan(START + 6).today, KC_RP_TODAY_REST);
  ck_assert_int_eq(plan(START + 7).next_run_day, START + 8);
}
END_TEST

/* ---- restart, end, stall --------------------------------------------------- */

START_TEST(restart_from_a_chosen_step) {
  for (int i = 0; i < 18; i++) run(mwf(i), 1, 0);
  ck_assert_int_eq(plan(mwf(17) + 1).status, KC_RP_FINISHED);
  run(mwf(18), 1, 0); /* after finishing: not counted */
  const int day = mwf(18) + 30;
  restart(day, 4);
  struct kc_rp_plan p = plan(day);
  ck_assert_int_eq(p.status, KC_RP_ACTIVE);
  ck_assert_int_eq(p.stage, 4);
  ck_assert_int_eq(p.today, KC_RP_TODAY_RUN); /* the break counts from the restart */
  ck_assert_int_eq(PER[18].step, KC_RP_STEP_IGNORED);
  HAS(PER[19].why, "Restarted from step 4");
  restart(day, 0);
  ck_assert_int_eq(plan(day).stage, 1);
  restart(day, 99);
  ck_assert_int_eq(plan(day).stage, 6);
}
END_TEST

START_TEST(end_and_reopen) {
  run(mwf(0), 1, 0);
  end_(mwf(1));
  run(mwf(2), 1, 0);
  struct kc_rp_plan p = plan(mwf(3));
  ck_assert_int_eq(p.status, KC_RP_ENDED);
  ck_assert_int_eq(p.today, KC_RP_TODAY_NONE);
  ck_assert_int_eq(PER[2].step, KC_RP_STEP_IGNORED);
  HAS(p.today_why, "You ended the programme.");
  restart(mwf(4), 1);
  ck_assert_int_eq(plan(mwf(4)).today, KC_RP_TODAY_RUN);
}
END_TEST

START_TEST(stalling_means_see_someone_soon) {
  for (int i = 0; i < 3; i++) run(mwf(i), 1, 0); /* step 2 from mwf(2) */
  for (int i = 3; i < 9; i++) run(mwf(i), i % 2 ? 4 : 1, 1);
  struct kc_rp_plan p = plan(mwf(2) + 13);
  ck_assert(!p.stalled);
  ck_assert_int_eq(p.level, KC_LEVEL_SELF_CARE);
  p = plan(mwf(2) + 14);
  ck_assert(p.stalled);
  ck_assert_int_eq(p.level, KC_LEVEL_SOON);
  HAS(p.today_why, "It is 14 days since you last moved up a step: See a physio or GP soon.");
  ck_assert_int_ne(p.status, KC_RP_STOPPED); /* advice, not a warning sign */
}
END_TEST

/* ---- who may start, and what a programme may be ---------------------------- */

START_TEST(who_may_start) {
  char why[256];
  struct kc_rp_start_in in = {"runners-knee", KC_LEVEL_SELF_CARE, true, KC_LEVEL_NONE, false};
  ck_assert_int_eq(kc_rp_start_check(&DEF, &in, why, sizeof why), KC_RP_START_OK);
  in.result_level = KC_LEVEL_SOON;
  ck_assert_int_eq(kc_rp_start_check(&DEF, &in, why, sizeof why), KC_RP_START_GO_AHEAD);
  HAS(why, "said running may start again");
  in.go_ahead = true;
  ck_assert_int_eq(kc_rp_start_check(&DEF, &in, why, sizeof why), KC_RP_START_OK);
  in = (struct kc_rp_start_in){"osteoarthritis", KC_LEVEL_SELF_CARE, true, KC_LEVEL_NONE, false};
  ck_assert_int_eq(kc_rp_start_check(&DEF, &in, why, sizeof why), KC_RP_START_GO_AHEAD);
  in.result_level = KC_LEVEL_AMBULANCE;
  in.go_ahead = true;
  ck_assert_int_eq(kc_rp_start_check(&DEF, &in, why, sizeof why), KC_RP_START_OK);
  static const char *refused[] = {"fracture", "dvt",         "acl-injury", "tibial-stress-fracture",
                                  "",         "RUNNERS-KNEE"};
  for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
    in = (struct kc_rp_start_in){refused[i], KC_LEVEL_SELF_CARE, true, KC_LEVEL_NONE, true};
    ck_assert_int_eq(kc_rp_start_check(&DEF, &in, why, sizeof why), KC_RP_START_NO);
  }
  in = (struct kc_rp_start_in){NULL, KC_LEVEL_SELF_CARE, true, KC_LEVEL_NONE, true};
  ck_assert_int_eq(kc_rp_start_check(&DEF, &in, why, sizeof why), KC_RP_START_NO);
  in = (struct kc_rp_start_in){"runners-knee", KC_LEVEL_SELF_CARE, true, KC_LEVEL_SOON, true};
  ck_assert_int_eq(kc_rp_start_check(&DEF, &in, why, sizeof why), KC_RP_START_NO);
  HAS(why, "warning sign");
  in = (struct kc_rp_start_in){"runners-knee", KC_LEVEL_SELF_CARE, false, KC_LEVEL_NONE, true};
  ck_assert_int_eq(kc_rp_start_check(&DEF, &in, why, sizeof why), KC_RP_START_NO);
  HAS(why, "readiness");
  ck_assert_int_eq(kc_rp_start_check(NULL, &in, why, sizeof why), KC_RP_START_NO);
}
END_TEST

static void bad_def(void (*edit)(struct kc_rp_def *), const char *part) {
  struct kc_rp_def d = test_rp_def();
  edit(&d);
  char err[256] = "";
  ck_assert_msg(!kc_rp_def_check(&d, err, sizeof err), "accepted; wanted '%s'", part);
  HAS(err, part);
  struct kc_rp_plan p;
  struct kc_rp_history h = {START, NULL, 0};
  ck_assert_int_eq(kc_rp_plan(&d, &h, START, &p, NULL), -1);
  ck_assert_int_eq(p.status, KC_RP_STOPPED); /* a broken programme never offers a run */
  ck_assert_int_eq(p.today, KC_RP_TODAY_NONE);
}
static void e_shrink(struct kc_rp_def *d) { d->stage[3].run_min = 2; }
static void e_jump(struct kc_rp_def *d) { d->stage[1].run_min = 3; }
static void e_first(struct kc_rp_def *d) { d->stage[0].run_min = 3; }
static void e_long(struct kc_rp_def *d) { d->stage[4].repeats = 6; }
static void e_weeks(struct kc_rp_def *d) { d->rule.good_to_progress = 6; }
static void e_short(struct kc_rp_def *d) { d->n_stages = 2; }
static void e_limit(struct kc_rp_def *d) { d->rule.during_max = 7; }
static void e_cause(struct kc_rp_def *d) { d->cause[2].min_level = KC_LEVEL_24H; }
static void e_twice(struct kc_rp_def *d) { strcpy(d->cause[3].id, "runners-knee"); }
static void e_rest(struct kc_rp_def *d) { d->rest_days = 0; }
static void e_walk(struct kc_rp_def *d) { d->stage[5].walk_min = 1; }

START_TEST(definitions_the_engine_refuses) {
  bad_def(e_shrink, "must not shrink");
  bad_def(e_jump, "more than doubles the single run");
  bad_def(e_first, "the first step runs at most 2");
  bad_def(e_long, "lasts 71 minutes");
  bad_def(e_weeks, "not 3 to 6 weeks");
  bad_def(e_short, "2 steps");
  bad_def(e_limit, "limit 7/10");
  bad_def(e_cause, "24h or above");
  bad_def(e_twice, "repeats cause 1");
  bad_def(e_rest, "rest days");
  bad_def(e_walk, "walking breaks need 2 or more repeats");
  ck_assert_int_eq(kc_rp_plan(&DEF, NULL, START, NULL, NULL), -1);
  struct kc_rp_plan p;
  ck_assert_int_eq(kc_rp_plan(&DEF, NULL, START, &p, NULL), 0); /* no history, no start */
  ck_assert_int_eq(p.today, KC_RP_TODAY_NONE);
  HAS(p.today_why, "has not started");
  char buf[80];
  ck_assert_str_eq(kc_rp_stage_text(&DEF.stage[5], buf, sizeof buf),
                   "run 20 minutes without walking");
  ck_assert_str_eq(kc_rp_stage_text(&DEF.stage[0], buf, sizeof buf),
                   "run 1 minute, walk 2 minutes, 6 times");
}
END_TEST

START_TEST(odd_events_are_named_not_counted) {
  add((struct kc_rp_event){42, START, 0, 0, 0, 0, 0});
  run(KC_DAY_INVALID, 0, 0);
  run(START, 11, -7); /* impossible scores: not logged */
  struct kc_rp_plan p = plan(START + 1);
  ck_assert_int_eq(PER[0].step, KC_RP_STEP_IGNORED);
  HAS(PER[0].why, "does not know");
  ck_assert_int_eq(PER[1].step, KC_RP_STEP_IGNORED);
  HAS(PER[1].why, "no valid date");
  ck_assert_int_eq(PER[2].step, KC_RP_STEP_PENDING);
  ck_assert_int_eq(p.runs, 1);
  check(START + 1, KC_LEVEL_NONE);
  p = plan(START + 1);
  HAS(PER[3].why, "no warning sign");
  ck_assert_int_eq(p.status, KC_RP_ACTIVE);
}
END_TEST

/* ---- strength exercises ------------------------------------------------------ */

START_TEST(exercise_dose_moves_one_thing_at_a_time) {
  const struct kc_ex_limits reps = {2, 3, 10, 15, 0, 0}, hold = {2, 3, 0, 0, 10, 30};
  ck_assert(kc_ex_limits_ok(&reps) && kc_ex_limits_ok(&hold));
  struct kc_ex_dose d = kc_ex_first_dose(&reps), n;
  char why[256], buf[64];
  ck_assert_str_eq(kc_ex_dose_text(&d, true, buf, sizeof buf), "2 sets of 10 on each side");
  ck_assert_int_eq(kc_ex_next(&reps, &d, 2, 1, 3, 1, 0, &n, why, sizeof why), KC_EX_KEEP);
  ck_assert_int_eq(kc_ex_next(&reps, &d, 2, 1, 3, 2, 0, &n, why, sizeof why), KC_EX_UP);
  ck_assert_int_eq(n.reps, 12);
  HAS(why, "add a few reps");
  /* climb to the top: reps, then a set, then the harder version */
  int ups = 0;
  for (d = kc_ex_first_dose(&reps);
       kc_ex_next(&reps, &d, 0, 0, 3, 2, 0, &n, why, sizeof why) == KC_EX_UP; d = n)
    ups++;
  ck_assert_int_eq(d.version, KC_EX_HARDER);
  /* reps 10-12-14-15, a set (back to 10), reps again; then the harder version */
  ck_assert_int_eq(ups, 3 + 1 + 3 + 1 + 3 + 1 + 3);
  HAS(why, "already the hardest");
  /* pain above the limit: one thing easier */
  d = (struct kc_ex_dose){3, 10, 0, KC_EX_STANDARD};
  ck_assert_int_eq(kc_ex_next(&reps, &d, 5, 1, 3, 0, 0, &n, why, sizeof why), KC_EX_DOWN);
  ck_assert_int_eq(n.sets, 2);
  HAS(why, "one set fewer");
  d = kc_ex_first_dose(&hold);
  ck_assert_int_eq(kc_ex_next(&hold, &d, 4, 4, 3, 0, 0, &n, why, sizeof why), KC_EX_DOWN);
  ck_assert_int_eq(n.version, KC_EX_EASIER);
  d = n;
  ck_assert_int_eq(kc_ex_next(&hold, &d, 4, 4, 3, 0, 0, &n, why, sizeof why), KC_EX_KEEP);
  HAS(why, "already the easiest");
  ck_assert_int_eq(kc_ex_next(&hold, &d, 1, 1, 3, 5, 2, &n, why, sizeof why), KC_EX_STOP);
  ck_assert_int_eq(kc_ex_next(&hold, &d, -1, 1, 3, 5, 0, &n, why, sizeof why), KC_EX_KEEP);
  HAS(why, "Log the pain");
  const struct kc_ex_limits bad = {2, 3, 10, 15, 10, 30};
  ck_assert(!kc_ex_limits_ok(&bad));
  ck_assert_str_eq(kc_ex_dose_text(&(struct kc_ex_dose){3, 0, 20, 0}, false, buf, sizeof buf),
                   "3 holds of 20 seconds");
}
END_TEST

START_TEST(drawings_fit_and_have_a_twin) {
  const char *box[] = {"start  end", " o──    o╱", "════  ════"};
  const char *ascii[] = {"start  end", " o--    o/", "====  ===="};
  char err[128];
  ck_assert(kc_art_check(box, 3, ascii, 3, err, sizeof err));
  const char *narrow[] = {"start  end", " o-    o/", "====  ===="};
  ck_assert(!kc_art_check(box, 3, narrow, 3, err, sizeof err));
  HAS(err, "twin row 2");
  ck_assert(!kc_art_check(box, 3, ascii, 2, err, sizeof err));
  const char *fancy[] = {"start  end", " o──    o★", "════  ════"};
  ck_assert(!kc_art_check(fancy, 3, ascii, 3, err, sizeof err));
  HAS(err, "row 2: byte 14");
  const char *wide[] = {"1234567890123456789012345678901234567"};
  ck_assert(!kc_art_check(wide, 1, wide, 1, err, sizeof err));
  HAS(err, "37 columns");
  const char *nine[9] = {"", "", "", "", "", "", "", "", ""};
  ck_assert(!kc_art_check(nine, 9, nine, 9, err, sizeof err));
  const char *esc[] = {"\x1b[2J"};
  ck_assert(!kc_art_check(esc, 1, esc, 1, err, sizeof err));
  const char *boxy[] = {"o──"};
  ck_assert(!kc_art_check(boxy, 1, boxy, 1, err, sizeof err)); /* the twin must be ASCII */
}
END_TEST

static Suite *runplan_suite(void) {
  Suite *s = suite_create("runplan");
  TCase *t = tcase_create("programme");
  tcase_add_checked_fixture(t, setup, NULL);
  tcase_add_test(t, all_good_runs_finish_in_six_weeks);
  tcase_add_test(t, reasons_are_plain_and_checkable);
  tcase_add_test(t, over_the_limit_repeats_then_steps_back);
  tcase_add_test(t, worse_next_morning_repeats);
  tcase_add_test(t, first_step_cannot_go_lower);
  tcase_add_test(t, next_morning_decides_and_unlogged_never_progresses);
  tcase_add_test(t, a_warning_sign_stops_for_good);
  tcase_add_test(t, sign_levels_are_read_carefully);
  suite_add_tcase(s, t);
  t = tcase_create("days");
  tcase_add_checked_fixture(t, setup, NULL);
  tcase_add_test(t, pauses_shift_without_losing);
  tcase_add_test(t, missed_days_wait_and_long_breaks_cost_steps);
  tcase_add_test(t, month_and_year_ends);
  tcase_add_test(t, dst_changes_keep_days_whole);
  tcase_add_test(t, clock_set_back_loses_nothing);
  tcase_add_test(t, ran_today_and_the_weekly_limit);
  tcase_add_test(t, restart_from_a_chosen_step);
  tcase_add_test(t, end_and_reopen);
  tcase_add_test(t, stalling_means_see_someone_soon);
  suite_add_tcase(s, t);
  t = tcase_create("rules");
  tcase_add_checked_fixture(t, setup, NULL);
  tcase_add_test(t, who_may_start);
  tcase_add_test(t, definitions_the_engine_refuses);
  tcase_add_test(t, odd_events_are_named_not_counted);
  tcase_add_test(t, exercise_dose_moves_one_thing_at_a_time);
  tcase_add_test(t, drawings_fit_and_have_a_twin);
  suite_add_tcase(s, t);
  return s;
}

KC_CHECK_MAIN(runplan_suite)
