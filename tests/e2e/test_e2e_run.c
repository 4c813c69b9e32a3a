/* End to end: the return to running in the real binary, the screen read
 * back. A 3-day plan for runner's knee whose readiness checks passed is
 * made by the command line and two SQL rows (the plan screens that record
 * them are another engineer's); the clock is fixed with KNEECARE_NOW at
 * noon of a fixed date, days apart, so nothing depends on the time of day;
 * a minute of the walk-run timer is 1 second (KNEECARE_RUN_MINUTE_SECONDS). */
#include <sqlite3.h>
#include <time.h>

#include "e2e.h"
#include "e2e_run.h"
#include "kc_check.h"

static struct e2e T;
static void setup(void) { e2e_home(&T); }
static void teardown(void) { e2e_stop(&T); }

/* Noon, local time, of 2026-03-02 plus `days`. */
static long long noon(int days) {
  struct tm tm = {
      .tm_year = 2026 - 1900, .tm_mon = 2, .tm_mday = 2 + days, .tm_hour = 12, .tm_isdst = -1};
  return (long long)mktime(&tm);
}

static char now_env[8][64];
static const char *const *env_at(int days) {
  static const char *env[4];
  static int k;
  k = (k + 1) % 8;
  snprintf(now_env[k], sizeof now_env[k], "KNEECARE_NOW=%lld", noon(days));
  env[0] = now_env[k];
  env[1] = "KNEECARE_RUN_MINUTE_SECONDS=1";
  env[2] = NULL;
  return env;
}

static int cli_at(int days, const char *args) {
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "HOME='%s' KNEECARE_NOW=%lld '%s' %s >/dev/null 2>&1", T.home,
           noon(days), KNEECARE_PATH, args);
  return system(cmd);
}

/* A plan for runner's knee (self-care) started on day 0 whose day-3
 * readiness check passed. */
static void plan_ready(void) { e2e_plan_ready(&T, noon(0)); }

static struct kc_pty *open_running(int days, int rows, int cols) {
  struct kc_pty *p = e2e_start_env(&T, rows, cols, NULL, env_at(days));
  e2e_past_notice(p);
  e2e_select(p, "Return to running");
  kc_pty_send_str(p, KEY_ENTER_S);
  return p;
}

static void quit(void) {
  kc_pty_send_str(T.pty, "Q");
  ck_assert_int_eq(kc_pty_wait_exit(T.pty, WAIT_MS), 0);
  kc_pty_free(T.pty);
  T.pty = NULL;
}

/* Starts the programme on day `days` (from Home) and waits for its screen. */
static struct kc_pty *start_programme(int days) {
  struct kc_pty *p = open_running(days, 24, 80);
  e2e_run_check_all_no(p);
  e2e_expect(p, "Step 1 of 6: run 1 minute, walk 2 minutes, 6 times");
  return p;
}

/* The way in a person takes: a plan for runner's knee (the cause a symptom
 * check gave), the day-3 check-in answered "better", all five readiness
 * checks passed, and the programme starts with its own safety check. */
START_TEST(from_a_passing_day_three_checkin) {
  ck_assert_int_eq(cli_at(0, "plan start --checked"), 0);
  e2e_sql(&T, "UPDATE plan SET cause_id = 'runners-knee';");
  struct kc_pty *p = e2e_start_env(&T, 24, 80, NULL, env_at(2));
  e2e_past_notice(p);
  e2e_select(p, "3-day recovery plan");
  kc_pty_send_str(p, KEY_ENTER_S);
  /* the day's safety check, then day 3 */
  for (int i = 0; i < 60 && !kc_pty_has(p, "Day 3 of 3"); i++) {
    if (kc_pty_has(p, "safety check")) kc_pty_send_str(p, "n");
    kc_pty_pump(p, 100);
  }
  e2e_expect(p, "Day 3 of 3");
  kc_pty_send_str(p, "b");
  e2e_expect(p, "Record: better?");
  kc_pty_send_str(p, "y");
  for (int i = 1; i <= 5; i++) {
    char next[32];
    snprintf(next, sizeof next, "Check %d of 5", i);
    e2e_expect(p, next);
    kc_pty_send_str(p, "y");
    for (int k = 0; k < 250 && kc_pty_has(p, next); k++) kc_pty_pump(p, 20);
  }
  e2e_run_check_all_no(p);
  e2e_expect(p, "Step 1 of 6: run 1 minute, walk 2 minutes, 6 times");
}
END_TEST

START_TEST(session_timer_rep_counter_pain_next_morning) {
  plan_ready();
  struct kc_pty *p = start_programme(0);
  /* today's run: the safety check, then the timer */
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_run_check_all_no(p);
  e2e_expect(p, "Brisk walk (warm-up)");
  kc_pty_send_str(p, "n"); /* skip the warm-up */
  e2e_expect(p, "RUN 1 of 6");
  kc_pty_send_str(p, " ");
  e2e_expect(p, "(paused: Space resumes)");
  kc_pty_send_str(p, " ");
  /* 1 s per minute: the run's minute ends and the walk begins by itself */
  e2e_expect(p, "WALK 1 of 6");
  kc_pty_send_str(p, "f");
  e2e_expect(p, "Pain during (0-10):");
  kc_pty_send_str(p, "12" KEY_ENTER_S); /* not a score: asked again */
  e2e_expect(p, "Type a number from 0");
  kc_pty_send_str(p, "\x15"
                     "2" KEY_ENTER_S);
  e2e_expect(p, "Run 1 saved (pain 2/10, ");
  e2e_expect(p, "Log the pain the next morning");
  /* strength: the rep counter and the next exercise's hold timer */
  kc_pty_send_str(p, "s");
  e2e_expect(p, "Straight-leg raise (1 of");
  e2e_expect(p, "Set 1 of 2 - rep 0 of 10");
  kc_pty_send_str(p, "   ");
  e2e_expect(p, "Set 1 of 2 - rep 3 of 10");
  kc_pty_send_str(p, KEY_ENTER_S); /* recorded with its pain, and on to the next */
  e2e_expect(p, "Pain during (0-10):");
  kc_pty_send_str(p, "1" KEY_ENTER_S);
  e2e_expect(p, "Straight-leg raise recorded: 1 set.");
  e2e_expect(p, "Wall sit (2 of");
  e2e_expect(p, "hold 0:20 of 0:20 (Space starts)");
  kc_pty_send_str(p, " ");
  e2e_expect(p, "(holding)");
  quit();
  /* the next morning, after a restart: the morning's pain decides */
  p = open_running(1, 24, 80);
  e2e_expect(p, "How is the knee this morning?");
  kc_pty_send_str(p, "n");
  e2e_expect(p, "Morning pain (0-10):");
  kc_pty_send_str(p, "1" KEY_ENTER_S);
  e2e_expect(p, "was 2/10 and 1/10 the next"); /* wrapped at 80 columns */
  e2e_expect(p, "That is 1 good run in a row");
  e2e_expect_not(p, "How is the knee this morning?");
  /* the strength exercise recorded yesterday is remembered */
  kc_pty_send_str(p, "s");
  e2e_expect(p, "Straight-leg raise (1 of");
  e2e_expect(p, "Last time Mon 2 Mar: 1 set");
  /* pain 1/10 during it and 1/10 the next morning: within the limit, a
   * first good session keeps the dose */
  e2e_expect(p, "keep the same dose");
}
END_TEST

START_TEST(third_good_run_moves_up_a_step) {
  /* The data's rule: 3 good runs in a row (pain at most 3/10 during and
   * the next morning) move up a step; step 2 runs 2 minutes. */
  plan_ready();
  start_programme(0);
  quit();
  ck_assert_int_eq(cli_at(0, "run log --during 1 --next-morning 1"), 0);
  ck_assert_int_eq(cli_at(2, "run log --during 2 --next-morning 1"), 0);
  struct kc_pty *p = open_running(4, 24, 80);
  e2e_expect(p, "Step 1 of 6");
  kc_pty_send_str(p, "d"); /* ran without the timer */
  e2e_expect(p, "Pain during (0-10):");
  kc_pty_send_str(p, "3" KEY_ENTER_S);
  e2e_expect(p, "Run 3 saved (pain 3/10).");
  quit();
  p = open_running(5, 24, 80);
  kc_pty_send_str(p, "n");
  e2e_expect(p, "Morning pain (0-10):");
  kc_pty_send_str(p, "1" KEY_ENTER_S); /* no higher than the 1/10 after the last run */
  e2e_expect(p, "Step 2 of 6: run 2 minutes");
  e2e_expect(p, "step 2");
  /* the week view lists every run with the rule's decision */
  kc_pty_send_str(p, "w");
  e2e_expect(p, "Week 1");
  e2e_expect(p, "Fri 6 Mar  step 1: run 1 minute, walk 2 minutes, 6 times; pain 3/10, next");
  e2e_expect(p, "morning 1/10: progress");
}
END_TEST

START_TEST(pause_and_resume_across_a_restart) {
  plan_ready();
  struct kc_pty *p = start_programme(0);
  kc_pty_send_str(p, "p");
  e2e_expect(p, "Pause reason (1-4):");
  kc_pty_send_str(p, "2" KEY_ENTER_S);
  e2e_expect(p, "Paused (travel)");
  e2e_expect(p, "Paused. p resumes.");
  quit();
  p = open_running(6, 24, 80);
  e2e_expect(p, "Paused. p resumes.");
  e2e_expect(p, "Step 1 of 6");
  kc_pty_send_str(p, "p");
  e2e_expect(p, "Resumed.");
  e2e_expect_not(p, "Paused. p resumes.");
  /* the pause cost no step: the run is due today, at step 1 */
  e2e_expect(p, "Today: step 1 of 6");
  ck_assert_int_eq(cli_at(6, "run next"), 0);
}
END_TEST

/* The title of the danger a sign guards against, from the content. */
static void danger_of(const char *sign, char *out, size_t n) {
  sqlite3 *db;
  ck_assert_int_eq(sqlite3_open_v2(KC_BINARY_DIR "/content.db", &db, SQLITE_OPEN_READONLY, NULL),
                   SQLITE_OK);
  sqlite3_stmt *st;
  ck_assert_int_eq(sqlite3_prepare_v2(db,
                                      "SELECT c.title FROM sign s JOIN wizard_cause c ON c.id = "
                                      "s.cause_id WHERE s.id = ?1",
                                      -1, &st, NULL),
                   SQLITE_OK);
  sqlite3_bind_text(st, 1, sign, -1, SQLITE_STATIC);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
}

START_TEST(warning_sign_stops_the_programme) {
  plan_ready();
  struct kc_pty *p = start_programme(0);
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Safety check: question");
  /* The first sign asked is the first marked recheck in the sign table:
   * breathless-chest, level ambulance. */
  e2e_expect(p, "short of breath");
  kc_pty_send_str(p, "y");
  e2e_expect(p, "question 2 of");
  e2e_answer_no_while(p, "Safety check: question", "question %d of", 2);
  char danger[256];
  danger_of("breathless-chest", danger, sizeof danger);
  e2e_expect(p, "Call an ambulance now");
  e2e_expect(p, "Stop running");
  /* the danger, named (its first words: the page wraps) */
  char head[24];
  snprintf(head, sizeof head, "%.20s", danger);
  e2e_expect(p, head);
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Stopped by a warning sign: Call an ambulance now");
  e2e_expect_not(p, "Step 1 of 6");
  quit();
  /* for good: after a restart too, and the command line refuses a run */
  p = open_running(1, 24, 80);
  e2e_expect(p, "Stopped by a warning sign");
  ck_assert_int_ne(cli_at(1, "run log --during 1"), 0);
}
END_TEST

START_TEST(chart_at_80x24_and_40x12) {
  plan_ready();
  start_programme(0);
  quit();
  ck_assert_int_eq(cli_at(0, "run log --during 2 --next-morning 1"), 0);
  ck_assert_int_eq(cli_at(9, "run log --during 4 --next-morning 3"), 0);
  /* week 1: one run of 6 minutes (1 x 6), highest pain 2; week 2: 6
   * minutes, highest pain 4 (a week's highest of during and morning) */
  struct kc_pty *p = open_running(10, 24, 80);
  e2e_expect(p, "Return to running");
  kc_pty_send_str(p, "c");
  e2e_expect(p, "Pain (highest, 0-10) and minutes run per week");
  e2e_expect(p, "W1  ##........ 2");
  e2e_expect(p, "W2  ####...... 4");
  quit();
  p = open_running(10, 12, 40);
  e2e_expect(p, "Return to running");
  kc_pty_send_str(p, "c");
  e2e_expect(p, "and minutes run");
  e2e_expect(p, "W1  ##........ 2");
  e2e_expect(p, "W2  ####...... 4");
  e2e_expect(p, "   6");
}
END_TEST

START_TEST(no_plan_no_programme) {
  /* Without a plan from a symptom check, the programme does not start. */
  struct kc_pty *p = open_running(0, 24, 80);
  e2e_expect(p, "Check your symptoms first");
  e2e_expect_not(p, "Safety check: question");
}
END_TEST

START_TEST(soon_needs_a_clinicians_go_ahead) {
  /* mcl-injury is at "see a physio or GP soon" in the data: the programme
   * starts only once the person confirms a clinician's go-ahead. */
  plan_ready();
  e2e_sql(&T, "UPDATE plan SET cause_id = 'mcl-injury';");
  struct kc_pty *p = open_running(0, 24, 80);
  e2e_run_check_all_no(p);
  e2e_expect(p, "Physio or GP said you may run? (y/n)");
  kc_pty_send_str(p, "n");
  e2e_expect(p, "Not started: ask a physio or GP first.");
  e2e_expect_not(p, "Step 1 of 6");
  ck_assert_int_eq(cli_at(0, "run status --json | grep -q '\"programme\":null'"), 0);
  kc_pty_send_str(p, KEY_ENTER_S); /* Home: Return to running again */
  e2e_run_check_all_no(p);
  e2e_expect(p, "Physio or GP said you may run? (y/n)");
  kc_pty_send_str(p, "y");
  e2e_expect(p, "Step 1 of 6: run 1 minute, walk 2 minutes, 6 times");
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("e2e_run");
  TCase *tc = tcase_create("run");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, from_a_passing_day_three_checkin);
  tcase_add_test(tc, session_timer_rep_counter_pain_next_morning);
  tcase_add_test(tc, third_good_run_moves_up_a_step);
  tcase_add_test(tc, pause_and_resume_across_a_restart);
  tcase_add_test(tc, warning_sign_stops_the_programme);
  tcase_add_test(tc, chart_at_80x24_and_40x12);
  tcase_add_test(tc, no_plan_no_programme);
  tcase_add_test(tc, soon_needs_a_clinicians_go_ahead);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
