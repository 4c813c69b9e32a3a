/* End-to-end: profiles and the 3-day recovery plan in a pseudo-terminal:
 * create a profile, start a plan, pass the daily safety check, tick, log
 * pain, run a (short, test-only) ice timer, quit, start again and find it
 * all; a "yes" in the safety check stops home care at once. */
#include <time.h>

#include "e2e.h"
#include "kc_check.h"

static struct e2e T;
static void setup(void) { e2e_home(&T); }
static void teardown(void) { e2e_stop(&T); }

static const char *const short_ice[] = {"KNEECARE_ICE_SECONDS=2", NULL};

static void open_plan(struct kc_pty *p) {
  e2e_select(p, "3-day recovery plan");
  kc_pty_send_str(p, KEY_ENTER_S);
}

START_TEST(profile_plan_ticks_pain_timer_persist) {
  struct kc_pty *p = e2e_start_env(&T, 24, 80, NULL, short_ice);
  e2e_past_notice(p);
  /* A new profile, then switch to it. */
  e2e_select(p, "Profiles");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Each profile keeps its own");
  kc_pty_send_str(p, "n");
  e2e_expect(p, "New profile name:");
  kc_pty_send_str(p, "Trail R\xC3\xBCnner" KEY_ENTER_S);
  e2e_expect(p, "Trail R\xC3\xBCnner");
  e2e_select(p, "Trail R\xC3\xBCnner");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Now using the profile");
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Check my symptoms");
  /* Start a plan today. */
  open_plan(p);
  e2e_expect(p, "Start a 3-day recovery plan");
  e2e_select(p, "Today");
  kc_pty_send_str(p, KEY_ENTER_S);
  /* Today's safety check comes first. */
  e2e_safety_check_all_no(p);
  e2e_expect(p, "Day 1 of 3");
  e2e_expect(p, "(today)");
  /* Tick compression. */
  e2e_select(p, "Compression bandage");
  kc_pty_send_str(p, " ");
  e2e_expect(p, "[x] Compression bandage");
  /* Log pain 4 with a note. */
  e2e_select(p, "Pain score");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Pain now, 0 (none) to 10");
  kc_pty_send_str(p, "4" KEY_ENTER_S);
  e2e_expect(p, "Note (optional):");
  kc_pty_send_str(p, "sore on stairs" KEY_ENTER_S);
  e2e_expect(p, "Pain score 4/10");
  e2e_expect(p, "sore on stairs");
  /* The ice timer: counts down in the status line, records when done. */
  e2e_select(p, "Ice 0 of 4");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "ICE 00:0");
  e2e_expect(p, "Ice 1 of 4");
  e2e_expect(p, "Ice session recorded");
  /* Future days are read-only. */
  kc_pty_send_str(p, ">"); /* next day (Left and Right no longer change days: issue 12) */
  e2e_expect(p, "Day 2 of 3");
  e2e_expect(p, "read-only");
  e2e_select(p, "Compression bandage");
  kc_pty_send_str(p, " ");
  e2e_expect(p, "has not come yet");
  kc_pty_send_str(p, "Q"); /* q closes the plan (issue 12); Q quits from anywhere */
  ck_assert_int_eq(kc_pty_wait_exit(p, WAIT_MS), 0);
  kc_pty_free(p);

  /* Start again as that profile: everything is there, no second check today. */
  const char *args[] = {"--user", "Trail R\xC3\xBCnner", NULL};
  p = T.pty = e2e_start_env(&T, 24, 80, args, short_ice);
  e2e_past_notice(p);
  e2e_expect(p, "Trail R\xC3\xBCnner");
  open_plan(p);
  e2e_expect(p, "Day 1 of 3");
  ck_assert(!kc_pty_has(p, "Today's safety check"));
  e2e_expect(p, "[x] Compression bandage");
  e2e_expect(p, "Pain score 4/10");
  e2e_expect(p, "Ice 1 of 4");
  /* The pain chart, readable without colour. */
  kc_pty_send_str(p, "c");
  e2e_expect(p, "Pain score by day");
  e2e_expect(p, "4/10");
}
END_TEST

START_TEST(safety_check_yes_stops_home_care) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  open_plan(p);
  e2e_expect(p, "Start a 3-day recovery plan");
  e2e_select(p, "Yesterday");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Today's safety check");
  kc_pty_send_str(p, "y"); /* the first sign: short of breath, chest pain */
  e2e_expect(p, "Question 2 of");
  for (int i = 2; i < 60 && kc_pty_has(p, "Today's safety check"); i++) {
    char next[48];
    snprintf(next, sizeof next, "Question %d of", i + 1);
    kc_pty_send_str(p, "n");
    for (int k = 0; k < 250 && kc_pty_has(p, "Today's safety check") && !kc_pty_has(p, next); k++)
      kc_pty_pump(p, 20);
  }
  e2e_expect(p, "Stop home care");
  e2e_expect(p, "blood clot in the lungs");
  /* Back on the checklist: self-care has stopped, whatever the day. */
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Day 2 of 3");
  e2e_expect(p, "!! Call an ambulance now");
  /* And it stays so after leaving and coming back. */
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Check my symptoms");
  open_plan(p);
  e2e_expect(p, "!! Call an ambulance now");
}
END_TEST

/* Runs the CLI with this test's HOME and extra environment; returns the
 * exit status. */
static int cli(const char *const args[], const char *extra_env) {
  char cmd[2048];
  int n = snprintf(cmd, sizeof cmd, "HOME='%s' %s '%s'", T.home, extra_env ? extra_env : "",
                   KNEECARE_PATH);
  for (int i = 0; args[i]; i++) n += snprintf(cmd + n, sizeof cmd - (size_t)n, " '%s'", args[i]);
  snprintf(cmd + n, sizeof cmd - (size_t)n, " >/dev/null 2>&1");
  return system(cmd);
}

START_TEST(second_instance_sees_first_ticks) {
  /* A plan started by the command line; the guide shows it; a tick made by
   * another process appears after the guide's next refresh. */
  ck_assert_int_eq(cli((const char *const[]){"plan", "start", "--checked", NULL}, NULL), 0);
  /* The command line made the data file; the guide's notice still shows once. */
  struct kc_pty *p = e2e_start_env(&T, 24, 80, NULL, NULL);
  e2e_expect(p, "Safety notice");
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Check my symptoms");
  open_plan(p);
  e2e_safety_check_all_no(p);
  e2e_expect(p, "[ ] Leg raised above heart level");
  ck_assert_int_eq(cli((const char *const[]){"plan", "tick", "elevation", NULL}, NULL), 0);
  e2e_expect(p, "[x] Leg raised above heart level");
}
END_TEST

START_TEST(day_three_checkin) {
  /* Started two days ago: today is day 3 and the check-in is asked. */
  char date[32];
  time_t t = time(NULL) - 2 * 86400;
  struct tm tm;
  localtime_r(&t, &tm);
  strftime(date, sizeof date, "%Y-%m-%d", &tm);
  ck_assert_int_eq(
      cli((const char *const[]){"plan", "start", "--checked", "--date", date, NULL}, NULL), 0);
  struct kc_pty *p = e2e_start_env(&T, 24, 80, NULL, NULL);
  e2e_expect(p, "Safety notice");
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Check my symptoms");
  open_plan(p);
  e2e_safety_check_all_no(p);
  e2e_expect(p, "Day 3 of 3");
  e2e_expect(p, "Day 3 check-in: is the pain easing?");
  kc_pty_send_str(p, "s"); /* the same */
  e2e_expect(p, "See a physio or GP soon");
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "!! See a physio or GP soon");
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("e2e_plan");
  TCase *tc = tcase_create("plan");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, profile_plan_ticks_pain_timer_persist);
  tcase_add_test(tc, safety_check_yes_stops_home_care);
  tcase_add_test(tc, second_instance_sees_first_ticks);
  tcase_add_test(tc, day_three_checkin);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
