#define _GNU_SOURCE /* memmem */
/* End-to-end: reading. The real binary in a pseudo-terminal, asserting on
 * the rendered screen. */
#include <signal.h>

#include "e2e.h"
#include "kc_check.h"

static struct e2e T;

static void setup(void) { e2e_home(&T); }

static void teardown(void) { e2e_stop(&T); }

/* Opens Causes -> first article from the home menu. */
static struct kc_pty *open_first_cause(int rows, int cols) {
  struct kc_pty *p = e2e_start(&T, rows, cols);
  e2e_expect(p, "Causes of inner knee pain");
  e2e_select(p, "Causes of inner knee pain");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Inner knee pain in runners: a map");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "%");
  return p;
}

START_TEST(safety_notice_on_first_start_only) {
  struct kc_pty *p = e2e_start_env(&T, 24, 80, NULL, NULL);
  e2e_expect(p, "Safety notice");
  e2e_expect(p, "emergency number");
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Check my symptoms");
  kc_pty_send_str(p, "q");
  ck_assert_int_eq(kc_pty_wait_exit(p, WAIT_MS), 0);
  kc_pty_free(p);
  p = T.pty = e2e_start_env(&T, 24, 80, NULL, NULL);
  e2e_expect(p, "Check my symptoms");
  e2e_expect_not(p, "Safety notice");
  /* Still reachable from help. */
  kc_pty_send_str(p, "?");
  e2e_expect(p, "Keys");
  kc_pty_send_str(p, "G");
  e2e_expect(p, "Safety notice");
}
END_TEST

START_TEST(home_menu_lists_topics) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_expect(p, "Causes of inner knee pain");
  e2e_expect(p, "First aid and RICE");
  e2e_expect(p, "When to see a doctor");
  e2e_expect(p, "? help");
  e2e_expect(p, "emergency number");
  ck_assert(kc_pty_altscreen(p));
}
END_TEST

START_TEST(open_article_and_scroll) {
  struct kc_pty *p = open_first_cause(24, 80);
  char head[512];
  kc_pty_row(p, 0, head, sizeof head);
  ck_assert_msg(strstr(head, "\xE2\x80\xBA Inner knee pain in runners") != NULL, "header: %s",
                head);
  e2e_expect(p, "top ");
  kc_pty_send_str(p, KEY_PGDN_S);
  e2e_expect_not(p, "top ");
  kc_pty_send_str(p, "G");
  e2e_expect(p, "Sources");
  e2e_expect(p, " 100%");
  kc_pty_send_str(p, "g");
  e2e_expect(p, "top ");
}
END_TEST

START_TEST(follow_link_and_back_keeps_position) {
  struct kc_pty *p = open_first_cause(24, 80);
  /* Scroll down two pages, remember a body row, follow a link. */
  kc_pty_send_str(p, KEY_PGDN_S KEY_PGDN_S);
  kc_pty_wait_quiet(p, 50, 1000);
  char before[512];
  kc_pty_row(p, 7, before, sizeof before); /* below the title and the summary (shown whole) */
  ck_assert_int_gt(strlen(before), 0);
  kc_pty_send_str(p, KEY_TAB_S);
  kc_pty_wait_quiet(p, 50, 1000);
  /* The selected link is shown in reverse video somewhere on screen. */
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect_not(p, "  Inner knee pain in runners: a map of the causes\n");
  char title[512];
  kc_pty_row(p, 1, title, sizeof title);
  ck_assert_str_ne(title, "  Inner knee pain in runners: a map of the causes");
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "  Inner knee pain in runners: a map of the causes\n");
  char after[512];
  kc_pty_row(p, 7, after, sizeof after);
  ck_assert_str_eq(before, after);
}
END_TEST

START_TEST(esc_goes_back_without_delay) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_expect(p, "Causes of inner knee pain");
  e2e_select(p, "Causes of inner knee pain");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Inner knee pain in runners");
  double t0 = kc_now_ms();
  kc_pty_send_str(p, KEY_ESC_S);
  e2e_expect(p, "Check my symptoms");
  /* ncurses' default Esc delay is a full second. */
  ck_assert_msg(kc_now_ms() - t0 < 500, "Esc took %.0f ms", kc_now_ms() - t0);
}
END_TEST

START_TEST(search_highlights_and_opens) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_expect(p, "Causes of inner knee pain");
  kc_pty_send_str(p, "/");
  e2e_expect(p, "Search:");
  kc_pty_send_str(p, "bursitis");
  e2e_expect(p, "Pes anserine bursitis");
  /* The matching word is highlighted (bold or underlined in the match role). */
  int row, col;
  ck_assert(kc_pty_find(p, "bursitis", &row, &col));
  struct kc_cell_attr a;
  int marked = 0;
  char line[512];
  for (int r = 2; r < 23 && !marked; r++) {
    kc_pty_row(p, r, line, sizeof line);
    char *h = strstr(line, "ursitis");
    if (!h) continue;
    kc_pty_attr(p, r, (int)(h - line), &a);
    marked = a.underline || a.bold || !a.bg_default;
  }
  ck_assert(marked);
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "\xE2\x80\xBA Search \xE2\x80\xBA");
  e2e_expect(p, "bursitis");
}
END_TEST

START_TEST(search_hostile_input_never_errors) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_expect(p, "Causes of inner knee pain");
  kc_pty_send_str(p, "/");
  e2e_expect(p, "Search:");
  const char *inputs[] = {"knee\"", "*",      "-pain",     "OR",
                          "NEAR(",  "\"\"\"", "c++ don't", "caf\xC3\xA9 \xE8\x86\x9D",
                          "x:y",    "^knee"};
  for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
    kc_pty_send_str(p, "\x15"); /* Ctrl-U clears */
    kc_pty_send_str(p, inputs[i]);
    kc_pty_wait_quiet(p, 40, 2000);
    ck_assert_msg(!kc_pty_has(p, "not available") && !kc_pty_has(p, "failed"),
                  "search error for %s", inputs[i]);
  }
  /* 1,000 characters. */
  kc_pty_send_str(p, "\x15");
  char big[1001];
  for (int i = 0; i < 1000; i++) big[i] = "knee pain "[i % 10];
  big[1000] = '\0';
  kc_pty_send_str(p, big);
  kc_pty_wait_quiet(p, 80, 5000);
  ck_assert(!kc_pty_has(p, "not available"));
  ck_assert(kc_pty_has(p, "Search:"));
}
END_TEST

START_TEST(resize_while_reading) {
  struct kc_pty *p = open_first_cause(24, 80);
  kc_pty_send_str(p, KEY_PGDN_S);
  kc_pty_wait_quiet(p, 50, 1000);
  kc_pty_resize(p, 30, 120);
  kc_pty_wait_quiet(p, 80, 2000);
  char row[1024];
  kc_pty_row(p, 29, row, sizeof row);
  ck_assert_msg(strstr(row, "scroll") != NULL, "status line not at the new bottom: %s", row);
  kc_pty_resize(p, 24, 60);
  kc_pty_wait_quiet(p, 80, 2000);
  /* Every row fits the new width and the reader is still open. */
  for (int r = 0; r < 24; r++) {
    kc_pty_row(p, r, row, sizeof row);
    ck_assert(strlen(row) <= 60 * 3);
  }
  ck_assert(kc_pty_has(p, "Inner knee pain in runners"));
  ck_assert(!kc_pty_has(p, "top "));
}
END_TEST

START_TEST(too_small_terminal) {
  struct kc_pty *p = e2e_start_env(&T, 10, 30, NULL, NULL);
  e2e_expect(p, "Please enlarge");
  kc_pty_resize(p, 24, 80);
  e2e_past_notice(p);
  e2e_expect(p, "Causes of inner knee pain");
  kc_pty_resize(p, 11, 80);
  e2e_expect(p, "Please enlarge");
  kc_pty_resize(p, 12, 40);
  e2e_expect_not(p, "Please enlarge");
}
END_TEST

START_TEST(no_color_is_monochrome) {
  const char *env[] = {"NO_COLOR=1", NULL};
  struct kc_pty *p = e2e_start_env(&T, 24, 80, NULL, env);
  e2e_past_notice(p);
  e2e_expect(p, "Causes of inner knee pain");
  kc_pty_wait_quiet(p, 50, 1000);
  ck_assert(!kc_pty_any_color(p));
  /* The selection is still visible: reverse video. */
  int row, col;
  ck_assert(kc_pty_find(p, "Check my symptoms", &row, &col));
  struct kc_cell_attr a;
  kc_pty_attr(p, row, col, &a);
  ck_assert(a.reverse);
}
END_TEST

START_TEST(colour_by_default) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_expect(p, "Causes of inner knee pain");
  kc_pty_wait_quiet(p, 50, 1000);
  ck_assert(kc_pty_any_color(p));
}
END_TEST

START_TEST(quit_restores_terminal) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_expect(p, "Causes of inner knee pain");
  ck_assert(kc_pty_altscreen(p));
  kc_pty_send_str(p, "q");
  ck_assert_int_eq(kc_pty_wait_exit(p, WAIT_MS), 0);
  ck_assert(!kc_pty_altscreen(p));
  ck_assert(kc_pty_cursor_visible(p));
}
END_TEST

START_TEST(sigterm_restores_terminal) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_expect(p, "Causes of inner knee pain");
  kill(kc_pty_pid(p), SIGTERM);
  int st = kc_pty_wait_exit(p, WAIT_MS);
  ck_assert_int_eq(st, 128 + SIGTERM);
  ck_assert(!kc_pty_altscreen(p));
  ck_assert(kc_pty_cursor_visible(p));
}
END_TEST

START_TEST(sigint_and_fatal_signal_restore_terminal) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_expect(p, "Causes of inner knee pain");
  kill(kc_pty_pid(p), SIGINT);
  ck_assert_int_eq(kc_pty_wait_exit(p, WAIT_MS), 128 + SIGINT);
  ck_assert(!kc_pty_altscreen(p));
  kc_pty_free(p);
  /* A crash (here a SIGSEGV sent from outside) still leaves a usable
   * terminal: the handler writes the reset and re-raises. */
  p = T.pty = e2e_start(&T, 24, 80);
  e2e_expect(p, "Causes of inner knee pain");
  kill(kc_pty_pid(p), SIGSEGV);
  int st = kc_pty_wait_exit(p, WAIT_MS);
  ck_assert_int_ne(st, 0);
  ck_assert(!kc_pty_altscreen(p));
  ck_assert(kc_pty_cursor_visible(p));
}
END_TEST

START_TEST(dumb_terminal_gets_a_message) {
  const char *env[] = {"TERM=dumb", NULL};
  struct kc_pty *p = e2e_start_env(&T, 24, 80, NULL, env);
  int st = kc_pty_wait_exit(p, WAIT_MS);
  ck_assert_int_ne(st, 0);
  ck_assert(kc_pty_has(p, "kneecare topics"));
  ck_assert(!kc_pty_altscreen(p));
}
END_TEST

START_TEST(unset_term_gets_a_message) {
  const char *env[] = {"TERM", NULL};
  struct kc_pty *p = e2e_start_env(&T, 24, 80, NULL, env);
  int st = kc_pty_wait_exit(p, WAIT_MS);
  ck_assert_int_ne(st, 0);
  ck_assert(kc_pty_has(p, "TERM is not set"));
}
END_TEST

START_TEST(help_lists_keys_and_notice) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_expect(p, "Causes of inner knee pain");
  kc_pty_send_str(p, "?");
  e2e_expect(p, "Keys");
  e2e_expect(p, "go back");
  kc_pty_send_str(p, "G");
  e2e_expect(p, "emergency number");
}
END_TEST

/* SGR mouse reports (xterm mode 1006), 1-based coordinates. */
static void click(struct kc_pty *p, int row, int col) {
  char seq[64];
  snprintf(seq, sizeof seq, "\033[<0;%d;%dM\033[<0;%d;%dm", col + 1, row + 1, col + 1, row + 1);
  kc_pty_send_str(p, seq);
}

START_TEST(mouse_click_wheel_and_off) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_expect(p, "First aid and RICE");
  int row, col;
  ck_assert(kc_pty_find(p, "First aid and RICE", &row, &col));
  click(p, row, col + 2);
  e2e_expect(p, "The first 1 to 3 days after knee pain starts");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, " top ");
  /* Wheel down scrolls the article. */
  char seq[64];
  snprintf(seq, sizeof seq, "\033[<65;10;10M");
  kc_pty_send_str(p, seq);
  kc_pty_send_str(p, seq);
  e2e_expect_not(p, " top ");
  /* m turns the mouse off: the terminal is told to stop reporting it. */
  size_t before;
  kc_pty_log(p, &before);
  kc_pty_send_str(p, "m");
  e2e_expect(p, "Mouse off");
  size_t len;
  const char *log = kc_pty_log(p, &len);
  ck_assert_ptr_nonnull(memmem(log + before, len - before, "1000l", 5)); /* e.g. ESC[?1006;1000l */
}
END_TEST

START_TEST(no_mouse_option) {
  const char *args[] = {"--no-mouse", NULL};
  struct kc_pty *p = e2e_start_env(&T, 24, 80, args, NULL);
  e2e_past_notice(p);
  e2e_expect(p, "Check my symptoms");
  size_t len;
  const char *log = kc_pty_log(p, &len);
  ck_assert_ptr_null(memmem(log, len, "1000h", 5));
}
END_TEST

/* --user with a name the profile rules refuse: the guide runs without
 * saving and says why in one sentence that names the profile name once. */
START_TEST(refused_profile_name_said_once) {
  const char *args[] = {"--user", "", NULL};
  struct kc_pty *p = e2e_start_env(&T, 24, 100, args, NULL);
  e2e_past_notice(p);
  e2e_expect(p, "Saving is off: The profile name is empty.");
  e2e_select(p, "Causes of inner knee pain");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Inner knee pain in runners");
}
END_TEST

START_TEST(unusable_data_dir_still_reads) {
  /* The data directory path is a regular file: saving is off, reading works. */
  char file[300];
  snprintf(file, sizeof file, "%s/not-a-dir", T.home);
  FILE *f = fopen(file, "w");
  fputs("x", f);
  fclose(f);
  char env0[400];
  snprintf(env0, sizeof env0, "KNEECARE_DATA_DIR=%s", file);
  const char *env[] = {env0, NULL};
  struct kc_pty *p = e2e_start_env(&T, 24, 80, NULL, env);
  e2e_past_notice(p);
  e2e_expect(p, "Saving is off");
  e2e_select(p, "Causes of inner knee pain");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Inner knee pain in runners");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "%");
  /* The file is untouched. */
  f = fopen(file, "r");
  char buf[8] = "";
  ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));
  fclose(f);
  ck_assert_str_eq(buf, "x");
}
END_TEST

/* An article remembers where it was left: Home offers to continue it and
 * it opens there; B bookmarks it (Bookmarks and recently read lists it);
 * e saves it as a file whose path is shown. */
START_TEST(continue_reading_bookmark_and_save) {
  struct kc_pty *p = open_first_cause(24, 80);
  kc_pty_send_str(p, KEY_PGDN_S);
  kc_pty_wait_quiet(p, 30, 1000);
  kc_pty_send_str(p, KEY_PGDN_S);
  kc_pty_wait_quiet(p, 30, 1000);
  ck_assert(!kc_pty_has(p, "top"));
  char pos[1024];
  kc_pty_row(p, 22, pos, sizeof pos); /* the position row, e.g. "31%" */
  kc_pty_send_str(p, "B");
  e2e_expect(p, "Bookmarked");
  kc_pty_send_str(p, "e");
  e2e_expect(p, "Saved to ");
  char want[400];
  snprintf(want, sizeof want, "%s/kneecare-", T.home);
  ck_assert(kc_pty_has(p, want));
  char cmd[700];
  snprintf(cmd, sizeof cmd, "grep -qi 'inner knee pain' '%s'/kneecare-*.md", T.home);
  ck_assert_int_eq(system(cmd), 0);
  kc_pty_send_str(p, "H");
  e2e_expect(p, "Continue reading: Inner knee pain in runners: a map");
  e2e_select(p, "Continue reading");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Back where you left off");
  char again[1024];
  kc_pty_row(p, 22, again, sizeof again);
  ck_assert_str_eq(again, pos);
  kc_pty_send_str(p, "H");
  e2e_select(p, "Bookmarks and recently read");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Recently read");
  int r1, c1, r2, c2;
  ck_assert(kc_pty_find(p, "Bookmarks", &r1, &c1));
  ck_assert(kc_pty_find(p, "Recently read", &r2, &c2));
  ck_assert_int_lt(r1, r2);
  e2e_expect(p, "% read");
  /* B again removes the bookmark. */
  e2e_select(p, "Inner knee pain in runners: a map");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "%");
  kc_pty_send_str(p, "B");
  e2e_expect(p, "Bookmark removed");
}
END_TEST

/* Search: a corrected word says what was searched; Tab narrows to one
 * topic and on; the count says when more match than are shown. */
START_TEST(search_topic_filter_correction_and_count) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  kc_pty_send_str(p, "/");
  e2e_expect(p, "In every topic (Tab: one topic)");
  kc_pty_send_str(p, "runers knee ");
  e2e_expect(p, "Showing results for \"runners knee\"");
  e2e_expect(p, "The best 20 shown; more match");
  e2e_expect(p, "1 of 20+");
  kc_pty_send_str(p, KEY_TAB_S);
  e2e_expect(p, "In: Causes of inner knee pain (Tab: next)");
  kc_pty_send_str(p, KEY_TAB_S);
  e2e_expect(p, "In: Symptoms: how each cause feels (Tab: next)");
  kc_pty_send_str(p, "\033[Z\033[Z"); /* Shift-Tab back to every topic */
  e2e_expect(p, "In every topic (Tab: one topic)");
  /* a narrow search that matches few: the count, no "more" */
  kc_pty_send_str(p, "\x15"
                     "ottawa");
  e2e_expect(p, " results");
  e2e_expect_not(p, "more match");
}
END_TEST

/* The first start's notice says Enter continues, and Enter goes Home. */
START_TEST(first_start_enter_goes_home) {
  struct kc_pty *p = e2e_start_env(&T, 24, 80, NULL, NULL);
  e2e_expect(p, "Press Enter to continue to the guide.");
  e2e_expect(p, "Enter continue");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Check my symptoms");
  e2e_expect(p, "q quit");
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("e2e_read");
  TCase *tc = tcase_create("read");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 30);
  tcase_add_test(tc, safety_notice_on_first_start_only);
  tcase_add_test(tc, home_menu_lists_topics);
  tcase_add_test(tc, open_article_and_scroll);
  tcase_add_test(tc, follow_link_and_back_keeps_position);
  tcase_add_test(tc, esc_goes_back_without_delay);
  tcase_add_test(tc, search_highlights_and_opens);
  tcase_add_test(tc, search_hostile_input_never_errors);
  tcase_add_test(tc, resize_while_reading);
  tcase_add_test(tc, too_small_terminal);
  tcase_add_test(tc, no_color_is_monochrome);
  tcase_add_test(tc, colour_by_default);
  tcase_add_test(tc, quit_restores_terminal);
  tcase_add_test(tc, sigterm_restores_terminal);
  tcase_add_test(tc, sigint_and_fatal_signal_restore_terminal);
  tcase_add_test(tc, dumb_terminal_gets_a_message);
  tcase_add_test(tc, unset_term_gets_a_message);
  tcase_add_test(tc, help_lists_keys_and_notice);
  tcase_add_test(tc, mouse_click_wheel_and_off);
  tcase_add_test(tc, no_mouse_option);
  tcase_add_test(tc, unusable_data_dir_still_reads);
  tcase_add_test(tc, refused_profile_name_said_once);
  tcase_add_test(tc, continue_reading_bookmark_and_save);
  tcase_add_test(tc, search_topic_filter_correction_and_count);
  tcase_add_test(tc, first_start_enter_goes_home);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
