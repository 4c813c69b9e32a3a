/* End-to-end (issue 12, "nothing cut"): the plan's daily safety check shows
 * its whole introduction (what a yes means, and the y/n/u keys) and every
 * question whole at 40x12, 80x24 and 200x60; the pain prompt's slot
 * question is readable whole at 40x12; the plan page and the clinician
 * report show their title once. The expected words come from the content
 * database (the questions) and from the screen's own text, never from
 * what the program printed. */
#include <sqlite3.h>

#include "e2e.h"
#include "kc_check.h"

static struct e2e T;
static void setup(void) { e2e_home(&T); }
static void teardown(void) { e2e_stop(&T); }

/* The screen's rows (the scroll marks in the last column dropped) joined
 * with every space and line break removed, so a sentence wrapped over rows
 * is found whole, and only whole. */
static char *squeezed_screen(struct kc_pty *p, int rows) {
  kc_pty_wait_quiet(p, 30, 1000);
  size_t cap = (size_t)rows * 1024 + 1, o = 0;
  char *out = malloc(cap), row[1024];
  ck_assert_ptr_nonnull(out);
  for (int y = 0; y < rows; y++) {
    kc_pty_row(p, y, row, sizeof row);
    size_t n = strlen(row);
    static const char *const marks[] = {"\xE2\x86\x91", "\xE2\x86\x93"}; /* up, down */
    for (int m = 0; m < 2; m++)
      if (n >= 3 && memcmp(row + n - 3, marks[m], 3) == 0) n -= 3;
    for (size_t i = 0; i < n; i++)
      if (row[i] != ' ') out[o++] = row[i];
  }
  out[o] = '\0';
  return out;
}

static void squeeze(const char *s, char *out, size_t n) {
  size_t o = 0;
  for (; *s && o + 1 < n; s++)
    if (*s != ' ' && *s != '\n') out[o++] = *s;
  out[o] = '\0';
}

static void expect_whole(struct kc_pty *p, int rows, const char *text) {
  char want[1024];
  squeeze(text, want, sizeof want);
  char *got = squeezed_screen(p, rows);
  if (!strstr(got, want)) {
    char *s = kc_pty_screen(p);
    ck_abort_msg("expected the whole of \"%s\" on screen:\n%s", text, s ? s : "");
  }
  free(got);
}

/* The rows of the page (the header's breadcrumb and the status line aside)
 * that show text. */
static int rows_showing(struct kc_pty *p, int rows, const char *text) {
  kc_pty_wait_quiet(p, 30, 1000);
  char row[1024];
  int k = 0;
  for (int y = 1; y < rows - 1; y++) {
    kc_pty_row(p, y, row, sizeof row);
    if (strstr(row, text)) k++;
  }
  return k;
}

static void open_plan(struct kc_pty *p) {
  e2e_select(p, "3-day recovery plan");
  kc_pty_send_str(p, KEY_ENTER_S);
}

/* The questions of the daily check, in order: each sign marked recheck,
 * asked by its red-flag question (the first that names it), or else by its
 * statement. */
static size_t recheck_questions(char q[][512], size_t max) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(sqlite3_open(KC_BINARY_DIR "/content.db", &db), SQLITE_OK);
  ck_assert_int_eq(
      sqlite3_prepare_v2(db,
                         "SELECT coalesce((SELECT CASE WHEN q.section = 'red-flags' THEN q.text "
                         "END FROM wizard_option o JOIN wizard_question q ON q.id = "
                         "o.question_id WHERE o.sign_id = s.id AND o.id <> 'unsure' ORDER BY "
                         "q.position LIMIT 1), s.statement) FROM sign s WHERE s.recheck = 1 "
                         "ORDER BY s.position",
                         -1, &st, NULL),
      SQLITE_OK);
  size_t n = 0;
  while (n < max && sqlite3_step(st) == SQLITE_ROW)
    snprintf(q[n++], sizeof q[0], "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

/* Starts a plan today (the one question answered: injury) and walks the
 * safety check: the whole introduction on the first question, each
 * question whole when it is the one asked. */
static void safety_check_whole(int rows, int cols) {
  static char q[64][512];
  size_t n = recheck_questions(q, 64);
  ck_assert_uint_ge(n, 17);
  struct kc_pty *p = e2e_start(&T, rows, cols);
  open_plan(p);
  e2e_expect(p, "Start a 3-day recovery plan");
  e2e_select(p, "Today");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Did the pain start");
  e2e_select(p, "Yes: a fall");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Today's safety check");
  e2e_expect(p, "Question 1 of");
  expect_whole(p, rows, "Is any of these true today? Any yes means home care is not enough.");
  expect_whole(p, rows, "y = yes, n = no, u = not sure.");
  for (size_t i = 0; i < n; i++) {
    char count[64];
    snprintf(count, sizeof count, "Question %zu of %zu", i + 1, n);
    e2e_expect(p, count);
    expect_whole(p, rows, q[i]);
    kc_pty_send_str(p, "n");
  }
  e2e_expect(p, "Day 1 of 3");
}

START_TEST(safety_check_whole_40x12) { safety_check_whole(12, 40); }
END_TEST

START_TEST(safety_check_whole_80x24) { safety_check_whole(24, 80); }
END_TEST

START_TEST(safety_check_whole_200x60) { safety_check_whole(60, 200); }
END_TEST

/* Up from a long question brings the whole introduction back at 40x12. */
START_TEST(safety_intro_comes_back_40x12) {
  static char q[64][512];
  size_t n = recheck_questions(q, 64), longest = 0;
  for (size_t i = 1; i < n; i++)
    if (strlen(q[i]) > strlen(q[longest])) longest = i;
  struct kc_pty *p = e2e_start(&T, 12, 40);
  open_plan(p);
  e2e_select(p, "Today");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Did the pain start");
  e2e_select(p, "Yes: a fall");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Question 1 of");
  for (size_t i = 0; i < longest; i++) {
    char count[64];
    snprintf(count, sizeof count, "Question %zu of", i + 2);
    kc_pty_send_str(p, KEY_DOWN_S);
    e2e_expect(p, count);
  }
  expect_whole(p, 12, q[longest]);
  kc_pty_send_str(p, "g");
  e2e_expect(p, "Question 1 of");
  expect_whole(p, 12, "Is any of these true today? Any yes means home care is not enough.");
  expect_whole(p, 12, "y = yes, n = no, u = not sure.");
}
END_TEST

static int cli(const char *const args[]) {
  char cmd[2048];
  int o = snprintf(cmd, sizeof cmd, "HOME='%s' '%s'", T.home, KNEECARE_PATH);
  for (int i = 0; args[i]; i++) o += snprintf(cmd + o, sizeof cmd - (size_t)o, " '%s'", args[i]);
  snprintf(cmd + o, sizeof cmd - (size_t)o, " >/dev/null 2>&1");
  return system(cmd);
}

/* The pain prompt at 40x12: the slot question is shown whole (on its own
 * row above the answer when it does not fit beside it), and it works. */
START_TEST(pain_prompt_whole_40x12) {
  ck_assert_int_eq(cli((const char *const[]){"plan", "start", "--checked", NULL}), 0);
  struct kc_pty *p = e2e_start(&T, 12, 40);
  open_plan(p);
  e2e_expect(p, "Day 1 of 3");
  e2e_select(p, "Pain: morning");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Enter to confirm");
  e2e_expect(p, "Score: m morning, e evening:");
  e2e_expect_not(p, "\xE2\x80\xA6"); /* no ellipsis: nothing cut */
  kc_pty_send_str(p, "\x15"
                     "e" KEY_ENTER_S);
  e2e_expect(p, "Evening pain, 0-10:");
  kc_pty_send_str(p, "6" KEY_ENTER_S);
  e2e_expect(p, "Note (optional");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "evening 6/10");
}
END_TEST

/* The plan page and the report show their title once (the Markdown's own
 * heading is the page title), and the saved file keeps the heading. */
START_TEST(page_titles_once) {
  ck_assert_int_eq(cli((const char *const[]){"plan", "start", "--checked", NULL}), 0);
  struct kc_pty *p = e2e_start(&T, 24, 80);
  open_plan(p);
  e2e_expect(p, "Day 1 of 3");
  kc_pty_send_str(p, "p");
  e2e_expect(p, "Every day's tasks");
  ck_assert_int_eq(rows_showing(p, 24, "3-day recovery plan"), 1);
  kc_pty_send_str(p, "e");
  e2e_expect(p, "Saved to ");
  char cmd[700];
  snprintf(cmd, sizeof cmd, "grep -qx '# 3-day recovery plan' '%s'/kneecare-plan-*.md", T.home);
  ck_assert_int_eq(system(cmd), 0);
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Day 1 of 3");
  kc_pty_send_str(p, "r");
  e2e_expect(p, "summary for a physio or doctor");
  ck_assert_int_eq(rows_showing(p, 24, "summary for a physio or doctor"), 1);
  ck_assert_int_eq(rows_showing(p, 24, "Report for a physio or doctor"), 0);
  kc_pty_send_str(p, "e");
  e2e_expect(p, "Saved to ");
  snprintf(cmd, sizeof cmd,
           "grep -qx '# Knee pain: summary for a physio or doctor' '%s'/kneecare-report-*.md",
           T.home);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("e2e_fit");
  TCase *tc = tcase_create("fit");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, safety_check_whole_40x12);
  tcase_add_test(tc, safety_check_whole_80x24);
  tcase_add_test(tc, safety_check_whole_200x60);
  tcase_add_test(tc, safety_intro_comes_back_40x12);
  tcase_add_test(tc, pain_prompt_whole_40x12);
  tcase_add_test(tc, page_titles_once);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
