/* End to end (issue 12): the walk-run timer of a return-to-running session
 * survives a crash. The timer is started, the guide is killed with SIGKILL,
 * and reopening the programme offers to resume it (y) or discard it (n).
 * The clock is fixed with KNEECARE_NOW (noon of a fixed date, and so many
 * seconds later on reopening) and a minute is 60 seconds, so nothing here
 * depends on real time passing or on the time of day. */
#include <signal.h>
#include <sqlite3.h>
#include <time.h>

#include "e2e.h"
#include "e2e_run.h"
#include "kc_check.h"

static struct e2e T;
static void setup(void) { e2e_home(&T); }
static void teardown(void) { e2e_stop(&T); }

/* Noon, local time, of 2026-03-02. */
static long long noon(void) {
  struct tm tm = {.tm_year = 2026 - 1900, .tm_mon = 2, .tm_mday = 2, .tm_hour = 12, .tm_isdst = -1};
  return (long long)mktime(&tm);
}

static const char *const *env_at(long long seconds_after_noon) {
  static char now[64];
  static const char *env[3];
  snprintf(now, sizeof now, "KNEECARE_NOW=%lld", noon() + seconds_after_noon);
  env[0] = now;
  env[1] = "KNEECARE_RUN_MINUTE_SECONDS=60";
  env[2] = NULL;
  return env;
}

static int sql_int(const char *q) {
  char path[512];
  e2e_user_db(&T, path, sizeof path);
  sqlite3 *db;
  sqlite3_stmt *st;
  ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
  ck_assert_int_eq(sqlite3_prepare_v2(db, q, -1, &st, NULL), SQLITE_OK);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  int v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

static struct kc_pty *open_running(long long after, int rows, int cols) {
  struct kc_pty *p = T.pty = e2e_start_env(&T, rows, cols, NULL, env_at(after));
  e2e_past_notice(p);
  e2e_select(p, "Return to running");
  kc_pty_send_str(p, KEY_ENTER_S);
  return p;
}

/* Starts the programme and today's run at noon, skips the warm-up walk:
 * the first run phase, a minute, is counting down. */
static struct kc_pty *run_started(int rows, int cols) {
  e2e_plan_ready(&T, noon());
  struct kc_pty *p = open_running(0, rows, cols);
  e2e_run_check_all_no(p);
  e2e_expect(p, "Step 1 of 6: run 1 minute"); /* wrapped at 40 columns */
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_run_check_all_no(p);
  e2e_expect(p, "Brisk walk (warm-up)");
  e2e_expect(p, "5:00 left");
  kc_pty_send_str(p, "n");
  e2e_expect(p, "RUN 1 of 6");
  return p;
}

static void crash(struct kc_pty *p) {
  ck_assert_int_eq(kill(kc_pty_pid(p), SIGKILL), 0);
  ck_assert_int_eq(kc_pty_wait_exit(p, WAIT_MS), 128 + SIGKILL);
  kc_pty_free(p);
  T.pty = NULL;
}

/* Killed while the first run counted down; reopened 2 minutes 30 seconds
 * later: the run (1:00) is over and the walk after it (2:00) is 1:30 in. */
static void resumes_after_a_crash(int rows, int cols) {
  struct kc_pty *p = run_started(rows, cols);
  crash(p);
  /* stored: the session's first run, running (not paused) */
  ck_assert_int_eq(sql_int("SELECT count(*) FROM run_timer WHERE seq = 1 AND paused_at IS NULL"),
                   1);
  p = open_running(150, rows, cols);
  e2e_expect(p, "Resume the run timer started at 12:00?");
  kc_pty_send_str(p, "y");
  e2e_expect(p, "WALK 1 of 6");
  e2e_expect(p, "0:30 left");
  e2e_expect(p, "Started at 12:00, 2:30 ago");
  e2e_expect(p, "Then: run, 1:00");
  /* finishing logs the minutes run, and the stored timer is done with */
  kc_pty_send_str(p, "f");
  e2e_expect(p, "Pain during (0-10):");
  kc_pty_send_str(p, "1" KEY_ENTER_S);
  e2e_expect(p, "Run 1 saved (pain 1/10, 1 min).");
  ck_assert_int_eq(sql_int("SELECT count(*) FROM run_timer"), 0);
}

START_TEST(timer_resumes_after_sigkill) { resumes_after_a_crash(24, 80); }
END_TEST

START_TEST(timer_resumes_after_sigkill_40x12) { resumes_after_a_crash(12, 40); }
END_TEST

/* Paused, then killed: ten minutes later it is still paused where it was. */
START_TEST(paused_timer_stays_paused) {
  struct kc_pty *p = run_started(24, 80);
  kc_pty_send_str(p, " ");
  e2e_expect(p, "(paused: Space resumes)");
  crash(p);
  ck_assert_int_eq(sql_int("SELECT count(*) FROM run_timer WHERE paused_at IS NOT NULL"), 1);
  p = open_running(600, 24, 80);
  e2e_expect(p, "Resume the run timer started at 12:00?");
  kc_pty_send_str(p, "y");
  e2e_expect(p, "RUN 1 of 6");
  e2e_expect(p, "1:00 left  (paused: Space resumes)");
}
END_TEST

/* n discards it: nothing recorded, and the next run starts afresh with
 * its safety check. Leaving the timer keeps it, and the programme screen
 * says so. */
START_TEST(discarded_timer_records_nothing) {
  struct kc_pty *p = run_started(24, 80);
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Today's run timer was left unfinished");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Resume the run timer started at 12:00?");
  kc_pty_send_str(p, "n");
  e2e_expect(p, "Run timer discarded: nothing recorded");
  e2e_expect_not(p, "Today's run timer was left unfinished");
  ck_assert_int_eq(sql_int("SELECT count(*) FROM run_timer"), 0);
  ck_assert_int_eq(sql_int("SELECT count(*) FROM run_session"), 0);
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Safety check: question 1 of");
}
END_TEST

/* A timer left from an earlier day is not offered: a run is logged on its
 * own day. */
START_TEST(stale_timer_is_not_offered) {
  struct kc_pty *p = run_started(24, 80);
  crash(p);
  p = open_running(24 * 3600, 24, 80);
  e2e_expect(p, "An unfinished run timer of an earlier session was discarded.");
  e2e_expect_not(p, "Resume the run timer");
  ck_assert_int_eq(sql_int("SELECT count(*) FROM run_timer"), 0);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("e2e_run_resume");
  TCase *tc = tcase_create("resume");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, timer_resumes_after_sigkill);
  tcase_add_test(tc, timer_resumes_after_sigkill_40x12);
  tcase_add_test(tc, paused_timer_stays_paused);
  tcase_add_test(tc, discarded_timer_records_nothing);
  tcase_add_test(tc, stale_timer_is_not_offered);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
