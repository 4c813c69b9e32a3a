/* End-to-end: the symptom wizard in a pseudo-terminal. Answers are chosen by
 * their visible labels, as a user would: a full self-care story with Back
 * and a changed answer, the location drawing, the result, an article and
 * back, and the run in history after a restart; a warning sign that needs
 * help now: the banner, the offer to stop, carrying on, stopping with "s",
 * and the result naming the danger first; Esc asking before leaving; a
 * small terminal; letters and digits as answers; long options wrapped;
 * "question k of n" whose n never grows; an unfinished check kept on quit
 * and offered again, the age remembered; the clinician report from the
 * result and history, saved as a file; a check deleted with confirmation. */
#include <signal.h>

#include "e2e.h"
#include "kc_check.h"

static struct e2e T;
static void setup(void) { e2e_home(&T); }
static void teardown(void) { e2e_stop(&T); }

/* Chooses one option of a one-answer question. */
static void choose(struct kc_pty *p, const char *question_part, const char *label) {
  e2e_expect(p, question_part);
  e2e_select(p, label);
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect_not(p, question_part);
}

/* Ticks options of a many-answer question, then goes on. */
static void tick(struct kc_pty *p, const char *question_part, const char *const labels[]) {
  e2e_expect(p, question_part);
  for (int i = 0; labels[i]; i++) {
    e2e_select(p, labels[i]);
    kc_pty_send_str(p, " ");
    kc_pty_wait_quiet(p, 15, 500);
  }
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect_not(p, question_part);
}

static void start_wizard(struct kc_pty *p) {
  e2e_expect(p, "Check my symptoms");
  e2e_select(p, "Check my symptoms");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Question 1 of");
}

static void about_adult(struct kc_pty *p) {
  choose(p, "How old are you?", "30 to 44");
  choose(p, "Which knee hurts?", "The left knee");
}

/* Answers "No" to n warning-sign questions. */
static void answer_no(struct kc_pty *p, int n) {
  for (int i = 0; i < n; i++) {
    e2e_expect(p, "Warning signs");
    e2e_select(p, "( ) No");
    kc_pty_send_str(p, KEY_ENTER_S);
    kc_pty_wait_quiet(p, 20, 1000);
  }
}

START_TEST(wizard_back_change_result_article_history) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  start_wizard(p);
  about_adult(p);
  answer_no(p, 19);
  choose(p, "start with an injury", "No");
  choose(p, "How did the pain start?", "after a change in my running");
  tick(p, "What changed in your running?",
       (const char *const[]){"More distance", "More hills", NULL});
  /* The drawing of the knee, then: first the outer side, then go back and
   * change it. */
  e2e_expect(p, "Where exactly is the pain?");
  e2e_expect(p, "INNER SIDE");
  choose(p, "Where exactly is the pain?", "On the outer side of the knee");
  e2e_expect(p, "What does the pain feel like");
  kc_pty_send_str(p, KEY_LEFT_S);
  e2e_expect(p, "Where exactly is the pain?");
  ck_assert(kc_pty_has(p, "(*) G  On the outer side of the knee"));
  choose(p, "Where exactly is the pain?", "Front: around or behind the kneecap");
  tick(p, "What does the pain feel like", (const char *const[]){"A dull ache", NULL});
  tick(p, "What makes it worse?",
       (const char *const[]){"Going down stairs", "Sitting for a long time", "Squatting", "Running",
                             NULL});
  choose(p, "How does running affect it?", "It aches during or after runs");
  choose(p, "Is the knee swollen?", "( ) No");
  tick(p, "click, catch, lock or give way?", (const char *const[]){"None of these", NULL});
  choose(p, "how long is the knee stiff?", "It is not stiff");
  tick(p, "Do other joints", (const char *const[]){"No, only the knee", NULL});
  choose(p, "How long have you had this pain?", "3 days to 2 weeks");
  choose(p, "looked after it at home", "No, not yet");
  choose(p, "hop gently", "( ) No");
  choose(p, "single-leg squat", "( ) No");
  /* The result. */
  e2e_expect(p, "Self-care");
  e2e_expect(p, "Most likely: Runner's knee");
  e2e_expect(p, "p start the 3-day plan");
  /* Open an article from the result and come back. */
  kc_pty_send_str(p, KEY_TAB_S);
  kc_pty_wait_quiet(p, 30, 1000);
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect_not(p, "Most likely:");
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Most likely: Runner's knee");
  kc_pty_send_str(p, "Q"); /* q closes the result (issue 12); Q quits from anywhere */
  ck_assert_int_eq(kc_pty_wait_exit(p, WAIT_MS), 0);
  kc_pty_free(p);
  /* After a restart the run is in the history. */
  p = T.pty = e2e_start(&T, 24, 80);
  e2e_select(p, "Past symptom checks");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Your symptom checks");
  e2e_expect(p, "Self-care");
  e2e_expect(p, "Runner's knee");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Most likely: Runner's knee");
}
END_TEST

START_TEST(warning_sign_offers_to_stop) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  start_wizard(p);
  about_adult(p);
  answer_no(p, 8);
  /* Fever with a swollen knee: help now. The banner shows at once, and the
   * screen offers to stop; carrying on asks the rest. */
  choose(p, "have a fever", "Yes");
  e2e_expect(p, "!! Go to an emergency department now");
  e2e_expect(p, "Enter: see what to do now");
  kc_pty_send_str(p, "c");
  e2e_expect_not(p, "Enter: see what to do now");
  choose(p, "stumble or an awkward landing", "( ) No");
  e2e_expect(p, "!! Go to an emergency department now");
  /* "s" stops at any question and shows what to do. */
  e2e_expect(p, "s see what to do now");
  kc_pty_send_str(p, "s");
  e2e_expect(p, "Possible infection in the knee joint (septic arthritis): go to");
  e2e_expect(p, "Go to an emergency department or urgent treatment centre now");
  /* No offer of home care on an emergency result. */
  ck_assert(!kc_pty_has(p, "p start the 3-day plan"));
  int row, col;
  ck_assert(kc_pty_find(p, "!! Go to an emergency department now", &row, &col));
  struct kc_cell_attr a;
  kc_pty_attr(p, row, col, &a);
  ck_assert(a.bold);
}
END_TEST

START_TEST(stop_offer_enter_shows_result) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  start_wizard(p);
  about_adult(p);
  /* Short of breath: an ambulance. Enter on the offer shows what to do. */
  choose(p, "short of breath", "Not sure");
  e2e_expect(p, "Enter: see what to do now");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Possible blood clot in the lungs");
  e2e_expect(p, "!! Call an ambulance now");
  e2e_expect(p, "You stopped at an answer that needs help now");
}
END_TEST

START_TEST(esc_asks_before_leaving) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  start_wizard(p);
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Leave the symptom check?");
  kc_pty_send_str(p, "n");
  e2e_expect_not(p, "Leave the symptom check?");
  ck_assert(kc_pty_has(p, "Question 1 of"));
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Leave the symptom check?");
  kc_pty_send_str(p, "y");
  e2e_expect(p, "Check my symptoms");
}
END_TEST

START_TEST(wizard_at_small_size) {
  struct kc_pty *p = e2e_start(&T, 12, 40);
  start_wizard(p);
  e2e_select(p, "16 to 29");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Question 2 of");
}
END_TEST

/* Letters and digits answer: y/n/u on the warning signs, 1-9 elsewhere;
 * a long option wraps under itself instead of being cut off. */
START_TEST(keys_answer_and_long_options_wrap) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  start_wizard(p);
  e2e_expect(p, "1-9 choose");
  kc_pty_send_str(p, "3");
  e2e_expect(p, "Which knee hurts?");
  kc_pty_send_str(p, "1");
  e2e_expect(p, "short of breath");
  e2e_expect(p, "y/n/u answer");
  /* the 19 warning signs of an adult, each answered with n */
  for (int k = 3; k < 3 + 19; k++) {
    char want[32];
    snprintf(want, sizeof want, "Question %d of", k);
    e2e_expect(p, want);
    kc_pty_send_str(p, "n");
  }
  e2e_expect(p, "Did the pain start with an injury");
  kc_pty_send_str(p, "4"); /* No */
  e2e_expect(p, "How did the pain start?");
  e2e_expect(p, "new route)");
  ck_assert(!kc_pty_has(p, "!!")); /* no warning sign was answered yes */
}
END_TEST

/* Runs the CLI with this test's HOME (to save a check before the guide
 * starts). */
static void cli(const char *args) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "HOME='%s' LANG=C.UTF-8 '%s' %s >/dev/null 2>&1", T.home, KNEECARE_PATH,
           args);
  ck_assert_int_eq(system(cmd), 0);
}

/* "Question k of n" as shown. */
static void progress(struct kc_pty *p, int *k, int *n) {
  char *s = kc_pty_screen(p);
  const char *q = s ? strstr(s, "Question ") : NULL;
  ck_assert_msg(q && sscanf(q, "Question %d of %d", k, n) == 2, "no progress line:\n%s", s);
  free(s);
}

/* The n of "Question k of n" is the most that can still be asked: as the
 * person goes on it never grows, so the bar never moves back, and k counts
 * up by one. Back returns to the same k. */
START_TEST(question_count_never_grows) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  start_wizard(p);
  int k0, n0;
  progress(p, &k0, &n0);
  ck_assert_int_eq(k0, 1);
  const char *keys[] = {"3", "1", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n",
                        "n", "n", "n", "n", "n", "n", "n", "n", "n", "4", NULL};
  for (int i = 0; keys[i]; i++) {
    char want[32];
    snprintf(want, sizeof want, "Question %d of", k0 + 1);
    kc_pty_send_str(p, keys[i]);
    e2e_expect(p, want);
    int k, n;
    progress(p, &k, &n);
    ck_assert_int_eq(k, k0 + 1);
    ck_assert_msg(n <= n0, "n grew from %d to %d at question %d", n0, n, k);
    ck_assert_int_le(k, n);
    k0 = k, n0 = n;
  }
  /* "Did it start with an injury? No" closes the injury questions: n fell. */
  int k, n;
  kc_pty_send_str(p, KEY_LEFT_S);
  e2e_expect(p, "Did the pain start with an injury");
  progress(p, &k, &n);
  ck_assert_int_eq(k, k0 - 1);
}
END_TEST

/* Quitting keeps an unfinished check (it asks first and says so); Home
 * offers to carry on; the guide offers it when the check is opened, and
 * goes on at the question it was left on. Starting again keeps the age
 * (shown, and Left changes it). */
START_TEST(unfinished_check_resumes_and_age_is_remembered) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  start_wizard(p);
  kc_pty_send_str(p, "4"); /* 45 to 54 */
  e2e_expect(p, "Which knee hurts?");
  kc_pty_send_str(p, "2");
  e2e_expect(p, "Question 3 of");
  kc_pty_send_str(p, "n");
  e2e_expect(p, "Question 4 of");
  kc_pty_send_str(p, "Q");
  e2e_expect(p, "The symptom check is unfinished; its answers are kept");
  kc_pty_send_str(p, "y");
  ck_assert_int_eq(kc_pty_wait_exit(p, WAIT_MS), 0);
  kc_pty_free(p);
  p = T.pty = e2e_start(&T, 24, 80);
  e2e_expect(p, "Check my symptoms: carry on the unfinished check");
  e2e_select(p, "Check my symptoms");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Carry on with the check you left on");
  kc_pty_send_str(p, "y");
  e2e_expect(p, "Question 4 of");
  /* Left goes back to the answers given. */
  kc_pty_send_str(p, KEY_LEFT_S);
  e2e_expect(p, "Question 3 of");
  kc_pty_send_str(p, KEY_LEFT_S);
  e2e_expect(p, "Which knee hurts?");
  ck_assert(kc_pty_has(p, "(*) The right knee"));
  /* Esc asks, and says the answers are kept. */
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Your answers are kept");
  kc_pty_send_str(p, "y");
  e2e_expect(p, "Check my symptoms");
  /* Starting again: the age is remembered and shown. */
  e2e_select(p, "Check my symptoms");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Carry on with the check you left on");
  kc_pty_send_str(p, "n");
  e2e_expect(p, "Age: 45 to 54 (from your last check; Left changes it)");
  e2e_expect(p, "Which knee hurts?");
  ck_assert(kc_pty_has(p, "Question 2 of"));
  ck_assert(!kc_pty_has(p, "(*) The right knee")); /* a fresh check */
  kc_pty_send_str(p, KEY_LEFT_S);
  e2e_expect(p, "How old are you?");
  ck_assert(kc_pty_has(p, "(*) 45 to 54"));
}
END_TEST

/* From history: the clinician report (e saves it, the path is shown),
 * and deleting a check asks first. */
START_TEST(history_report_and_delete) {
  cli("wizard --answers '" KC_SOURCE_DIR "/tests/cases/runners-knee-new-hills.answers' --save");
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_expect(p, "Past symptom checks: last ");
  e2e_select(p, "Past symptom checks");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Your symptom checks");
  e2e_expect(p, "d delete");
  e2e_expect(p, "r report");
  kc_pty_send_str(p, "r");
  e2e_expect(p, "Knee pain: summary for a physio or doctor");
  e2e_expect(p, "e save");
  kc_pty_send_str(p, "e");
  e2e_expect(p, "Saved to ");
  char path[512];
  snprintf(path, sizeof path, "%s/kneecare-report-", T.home);
  ck_assert(kc_pty_has(p, path));
  char cmd[700];
  snprintf(cmd, sizeof cmd, "grep -q 'not a diagnosis' '%s'/kneecare-report-*.md", T.home);
  ck_assert_int_eq(system(cmd), 0);
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Your symptom checks");
  kc_pty_send_str(p, "d");
  e2e_expect(p, "Delete the symptom check of");
  kc_pty_send_str(p, "n");
  e2e_expect_not(p, "Delete the symptom check of");
  e2e_expect(p, "Self-care");
  kc_pty_send_str(p, "d");
  e2e_expect(p, "Delete the symptom check of");
  kc_pty_send_str(p, "y");
  e2e_expect(p, "No saved symptom checks yet");
}
END_TEST

/* From a result: r opens the same report. */
START_TEST(report_from_the_result) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  start_wizard(p);
  about_adult(p);
  choose(p, "short of breath", "Not sure");
  e2e_expect(p, "Enter: see what to do now");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "!! Call an ambulance now");
  e2e_expect(p, "r report");
  kc_pty_send_str(p, "r");
  e2e_expect(p, "Knee pain: summary for a physio or doctor");
  e2e_expect(p, "Call an ambulance now");
}
END_TEST

/* Ctrl-C (SIGINT) in the middle of a check keeps the answers given. */
START_TEST(sigint_keeps_the_answers) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  start_wizard(p);
  kc_pty_send_str(p, "2");
  e2e_expect(p, "Which knee hurts?");
  kc_pty_send_str(p, "3");
  e2e_expect(p, "Question 3 of");
  kill(kc_pty_pid(p), SIGINT);
  kc_pty_wait_exit(p, WAIT_MS);
  kc_pty_free(p);
  p = T.pty = e2e_start(&T, 24, 80);
  e2e_select(p, "Check my symptoms");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Carry on with the check you left on");
  kc_pty_send_str(p, "y");
  e2e_expect(p, "Question 3 of");
  kc_pty_send_str(p, KEY_LEFT_S);
  e2e_expect(p, "Which knee hurts?");
  ck_assert(kc_pty_has(p, "(*) Both knees"));
}
END_TEST

/* The report from history is the selected check's, not only the last. */
START_TEST(history_report_of_the_selected_check) {
  cli("wizard --answers '" KC_SOURCE_DIR "/tests/cases/runners-knee-new-hills.answers' --save");
  cli("wizard --answers '" KC_SOURCE_DIR "/tests/cases/septic-knee.answers' --save");
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_select(p, "Past symptom checks");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Your symptom checks");
  kc_pty_send_str(p, "r");
  e2e_expect(p, "Knee pain: summary for a physio or doctor");
  kc_pty_send_str(p, "/Level:" KEY_ENTER_S); /* find scrolls to the result */
  e2e_expect(p, "Level: Go to an emergency department now");
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Your symptom checks");
  e2e_select(p, "Self-care");
  kc_pty_send_str(p, "r");
  e2e_expect(p, "Knee pain: summary for a physio or doctor");
  kc_pty_send_str(p, "/Level:" KEY_ENTER_S);
  e2e_expect(p, "Level: Self-care");
  ck_assert(!kc_pty_has(p, "Level: Go to an emergency department now"));
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("e2e_wizard");
  TCase *tc = tcase_create("wizard");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, wizard_back_change_result_article_history);
  tcase_add_test(tc, warning_sign_offers_to_stop);
  tcase_add_test(tc, stop_offer_enter_shows_result);
  tcase_add_test(tc, esc_asks_before_leaving);
  tcase_add_test(tc, wizard_at_small_size);
  tcase_add_test(tc, keys_answer_and_long_options_wrap);
  tcase_add_test(tc, question_count_never_grows);
  tcase_add_test(tc, unfinished_check_resumes_and_age_is_remembered);
  tcase_add_test(tc, history_report_and_delete);
  tcase_add_test(tc, report_from_the_result);
  tcase_add_test(tc, sigint_keeps_the_answers);
  tcase_add_test(tc, history_report_of_the_selected_check);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
