/* End-to-end: the symptom wizard in a pseudo-terminal. Answers are chosen by
 * their visible labels, as a user would. */
#include "e2e.h"
#include "kc_check.h"

static struct e2e T;
static void setup(void) { e2e_home(&T); }
static void teardown(void) { e2e_stop(&T); }

/* Moves the cursor to the row showing `label` (drawn in reverse video when
 * selected). */

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

static void answer_no_red_flags(struct kc_pty *p) {
  for (int i = 0; i < 17; i++) {
    e2e_expect(p, "Warning signs");
    e2e_select(p, "( ) No");
    kc_pty_send_str(p, KEY_ENTER_S);
    kc_pty_wait_quiet(p, 20, 1000);
  }
}

START_TEST(wizard_back_change_result_article_history) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  start_wizard(p);
  answer_no_red_flags(p);
  choose(p, "fall, a twist or a blow", "No");
  choose(p, "How did the pain start?", "after a change in my running");
  tick(p, "What changed in your running?",
       (const char *const[]){"More distance", "More hills", NULL});
  /* First say the outer side, then go back and change it. */
  choose(p, "Where exactly is the pain?", "On the outer side of the knee");
  e2e_expect(p, "What does the pain feel like");
  kc_pty_send_str(p, KEY_LEFT_S);
  e2e_expect(p, "Where exactly is the pain?");
  ck_assert(kc_pty_has(p, "(*) On the outer side of the knee"));
  choose(p, "Where exactly is the pain?", "Around or behind the kneecap");
  choose(p, "What does the pain feel like", "A dull ache");
  tick(p, "What makes it worse?",
       (const char *const[]){"Going down stairs", "Sitting for a long time", "Squatting", "Running",
                             NULL});
  choose(p, "How does running affect it?", "It aches during or after runs");
  choose(p, "Is the knee swollen?", "No");
  tick(p, "click, catch, lock or give way?", (const char *const[]){"None of these", NULL});
  choose(p, "single-leg squat", "No");
  choose(p, "how long is the knee stiff?", "It is not stiff");
  choose(p, "How old are you?", "16 to 29");
  tick(p, "Do other joints hurt", (const char *const[]){"No, only this knee", NULL});
  choose(p, "How long have you had this pain?", "3 days to 2 weeks");
  choose(p, "looked after it at home", "No, not yet");
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

START_TEST(red_flag_banner_and_emergency_result) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  start_wizard(p);
  choose(p, "one calf swollen", "No");
  choose(p, "short of breath", "No");
  /* Fever with a hot swollen knee: an emergency. */
  choose(p, "do you also have a fever", "Yes");
  e2e_expect(p, "Call an ambulance now");
  /* The banner stays while the other questions are answered. */
  for (int i = 0; i < 14; i++) {
    e2e_expect(p, "Call an ambulance now");
    e2e_select(p, "( ) No");
    kc_pty_send_str(p, KEY_ENTER_S);
    kc_pty_wait_quiet(p, 20, 1000);
  }
  choose(p, "fall, a twist or a blow", "No");
  choose(p, "How did the pain start?", "Suddenly");
  choose(p, "Where exactly is the pain?", "All over the knee");
  choose(p, "What does the pain feel like", "Sharp");
  tick(p, "What makes it worse?", (const char *const[]){"At night", NULL});
  choose(p, "How does running affect it?", "I have not run");
  choose(p, "Is the knee swollen?", "it swells without any injury");
  tick(p, "click, catch, lock or give way?", (const char *const[]){"None of these", NULL});
  choose(p, "single-leg squat", "I have not tried");
  choose(p, "how long is the knee stiff?", "It is not stiff");
  choose(p, "How old are you?", "30 to 44");
  tick(p, "Do other joints hurt", (const char *const[]){"No, only this knee", NULL});
  choose(p, "How long have you had this pain?", "Less than 3 days");
  choose(p, "looked after it at home", "No, not yet");
  e2e_expect(p, "!! Call an ambulance now");
  e2e_expect(p, "Call your local emergency number");
  /* No offer of home care on an emergency result. */
  ck_assert(!kc_pty_has(p, "p start the 3-day plan"));
  int row, col;
  ck_assert(kc_pty_find(p, "!! Call an ambulance now", &row, &col));
  struct kc_cell_attr a;
  kc_pty_attr(p, row, col, &a);
  ck_assert(a.bold);
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
  e2e_select(p, "( ) No");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Question 2 of");
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("e2e_wizard");
  TCase *tc = tcase_create("wizard");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, wizard_back_change_result_article_history);
  tcase_add_test(tc, red_flag_banner_and_emergency_result);
  tcase_add_test(tc, esc_asks_before_leaving);
  tcase_add_test(tc, wizard_at_small_size);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
