/* End-to-end: what the screens show, at 40x12, 80x24 and 200x60. Every
 * line of text is shown whole (wrapped or scrolled, never cut with an
 * ellipsis); text of every width class stays in its box; a terminal that
 * is not UTF-8 gets ASCII only (no byte an 8-bit terminal reads as a C1
 * control); find in an article; a 5,000-character paste into search. */
#include <sqlite3.h>
#include <time.h>

#include "e2e.h"
#include "kc_check.h"

static struct e2e T;

static void setup(void) { e2e_home(&T); }

static void teardown(void) { e2e_stop(&T); }

static const int sizes[][2] = {{12, 40}, {24, 80}, {60, 200}};

/* The body rows (between the header and the status line) joined by single
 * spaces, so wrapped text reads as one line. */
static char *body_text(struct kc_pty *p, int rows) {
  char *out = calloc(1, (size_t)rows * 1024 + 1), row[1024];
  size_t o = 0;
  for (int r = 1; r < rows - 1; r++) {
    kc_pty_row(p, r, row, sizeof row);
    const char *s = row;
    while (*s == ' ') s++;
    for (; *s; s++)
      if (!(*s == ' ' && (o == 0 || out[o - 1] == ' '))) out[o++] = *s;
    if (o && out[o - 1] != ' ') out[o++] = ' ';
  }
  out[o] = '\0';
  return out;
}

/* Nothing in the body is cut: no ellipsis anywhere between the header and
 * the status line (the content itself has none). Text too long for a small
 * screen says where the rest is ("i shows all of it") and that page is
 * then checked whole. */
static void assert_nothing_cut(struct kc_pty *p, int rows, const char *where) {
  kc_pty_wait_quiet(p, 30, 1000);
  char *s = body_text(p, rows);
  if (strstr(s, "(more: i shows all of it)")) {
    free(s);
    kc_pty_send_str(p, "i");
    kc_pty_wait_quiet(p, 30, 1000);
    for (int k = 0; k < 10; k++) { /* the page is read whole, then closed */
      s = body_text(p, rows);
      ck_assert_msg(!strstr(s, "\xE2\x80\xA6"), "%s: the instructions page is cut", where);
      free(s);
      kc_pty_send_str(p, KEY_PGDN_S);
      kc_pty_wait_quiet(p, 20, 500);
    }
    kc_pty_send_str(p, KEY_ESC_S);
    kc_pty_wait_quiet(p, 30, 1000);
    s = body_text(p, rows);
  }
  if (strstr(s, "\xE2\x80\xA6")) {
    char *screen = kc_pty_screen(p);
    ck_abort_msg("%s: text cut at %d rows:\n%s", where, rows, screen);
  }
  free(s);
}

static void assert_whole(struct kc_pty *p, int rows, const char *text) {
  kc_pty_wait_quiet(p, 30, 1000);
  char *s = body_text(p, rows);
  if (!strstr(s, text)) {
    char *screen = kc_pty_screen(p);
    ck_abort_msg("\"%s\" is not shown whole:\n%s", text, screen);
  }
  free(s);
}

/* The position row (under the text, nothing else on it) says the end. */
static int at_end(struct kc_pty *p, int rows) {
  kc_pty_wait_quiet(p, 30, 1000);
  char row[1024];
  kc_pty_row(p, rows - 2, row, sizeof row);
  const char *s = row;
  while (*s == ' ') s++;
  return strcmp(s, "100%") == 0 || strcmp(s, "all") == 0;
}

START_TEST(every_line_whole_at_three_sizes) {
  int rows = sizes[_i][0], cols = sizes[_i][1];
  struct kc_pty *p = e2e_start(&T, rows, cols);
  e2e_expect(p, "Check my symptoms");
  for (int k = 0; k < 20; k++) { /* every item of Home */
    assert_nothing_cut(p, rows, "home");
    kc_pty_send_str(p, KEY_DOWN_S);
  }
  e2e_select(p, "First aid and RICE");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Using ice safely");
  assert_nothing_cut(p, rows, "topic");
  for (int k = 0; k < 6; k++) kc_pty_send_str(p, KEY_DOWN_S);
  assert_whole(p, rows, "PEACE & LOVE");
  e2e_select(p, "Pain relief medicines");
  assert_whole(p, rows, "anti-inflammatories"); /* the end of the longest title */
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "%");
  for (int k = 0; k < 400 && !at_end(p, rows); k++) { /* long articles at 40x12 */
    assert_nothing_cut(p, rows, "article");
    kc_pty_send_str(p, KEY_PGDN_S);
  }
  ck_assert(at_end(p, rows));
  assert_nothing_cut(p, rows, "article end");
  /* Help: every key row whole. */
  kc_pty_send_str(p, "?");
  e2e_expect(p, "Keys");
  int seen = 0;
  for (int k = 0; k < 80 && !at_end(p, rows); k++) {
    assert_nothing_cut(p, rows, "help");
    char *b = body_text(p, rows);
    seen |= strstr(b, "close this screen; at Home, quit (asks while the ice timer runs)") != NULL;
    free(b);
    kc_pty_send_str(p, KEY_PGDN_S);
  }
  ck_assert_msg(seen, "the q row of help was never shown whole");
}
END_TEST

/* The plan's task instructions and the daily safety questions are safety
 * text: whole at every size. */
START_TEST(plan_text_whole_at_three_sizes) {
  int rows = sizes[_i][0], cols = sizes[_i][1];
  struct kc_pty *p = e2e_start(&T, rows, cols);
  e2e_select(p, "3-day recovery plan");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Start a 3-day recovery plan");
  e2e_select(p, "Today");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Did the pain start"); /* no symptom check: the one question */
  assert_nothing_cut(p, rows, "plan kind question");
  e2e_select(p, "Yes: a fall");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Today's safety check");
  /* Every sign marked for the daily check, however many the data has. */
  for (int k = 0; k < 64 && kc_pty_has(p, "Today's safety check"); k++) {
    assert_nothing_cut(p, rows, "safety check");
    kc_pty_send_str(p, "n");
    kc_pty_wait_quiet(p, 20, 500);
  }
  e2e_expect(p, "Day 1 of 3");
  for (int k = 0; k < 8; k++) {
    assert_nothing_cut(p, rows, "checklist");
    kc_pty_send_str(p, KEY_DOWN_S);
  }
  if (rows >= 24) { /* room for the instructions under the tasks */
    e2e_select(p, "Compression bandage");
    assert_whole(p, rows, "ask a pharmacist before using one.");
    e2e_select(p, "Ice, if it eases");
    assert_whole(p, rows, "not on skin that cannot feel cold.");
    e2e_select(p, "Pain relief only");
    assert_whole(p, rows, "Never stop aspirin a doctor prescribed for you.");
  }
}
END_TEST

static void set_titles(const char *db, const char *title, const char *article_title) {
  sqlite3 *h;
  ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
  sqlite3_stmt *st;
  ck_assert_int_eq(
      sqlite3_prepare_v2(h, "UPDATE topic SET title = ?1 WHERE id = 'causes'", -1, &st, NULL),
      SQLITE_OK);
  sqlite3_bind_text(st, 1, title, -1, SQLITE_STATIC);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_DONE);
  sqlite3_finalize(st);
  ck_assert_int_eq(sqlite3_prepare_v2(h, "UPDATE article SET title = ?1 WHERE topic_id = 'causes'",
                                      -1, &st, NULL),
                   SQLITE_OK);
  sqlite3_bind_text(st, 1, article_title, -1, SQLITE_STATIC);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_DONE);
  sqlite3_finalize(st);
  sqlite3_close(h);
}

static void copy_content(const char *to) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "cp '%.400s/content.db' '%.400s'", KC_BINARY_DIR, to);
  ck_assert_int_eq(system(cmd), 0);
}

/* Every width class in content, a profile name and a pain note: emoji
 * modifiers (wide on screen), Tangut, CJK, combining marks, zero-width and
 * format characters. Nothing leaves its box: each row keeps its own text
 * and the rows around it keep theirs. */
START_TEST(every_width_class_stays_in_its_box) {
  static const char mix[] = "\xF0\x9F\x8F\xBB\xF0\x9F\x8F\xBF"                 /* U+1F3FB, 1F3FF */
                            "\xF0\x97\x80\x80\xF0\x97\x80\x81"                 /* Tangut */
                            "\xE8\x86\x9D\xE7\x97\x9B"                         /* CJK */
                            "e\xCC\x81\xCC\xA7"                                /* combining */
                            "\xE2\x80\x8B\xE2\x80\x8D\xE2\x80\x8E\xEF\xBB\xBF" /* ZW, format */
                            "\xE2\x80\xA8\xD8\x9C\xF3\xA0\x80\x81\xCD\xB8";    /* LS ALM tag ? */
  char title[4096] = "Causes", article[4096] = "Article";
  for (int i = 0; i < 3; i++) strcat(title, mix);
  strcat(title, " END-OF-TITLE");
  for (int i = 0; i < 8; i++) strcat(article, mix);
  char db[400];
  snprintf(db, sizeof db, "%s/wide.db", T.home);
  copy_content(db);
  set_titles(db, title, article);
  char name[300] = "R";
  for (int i = 0; i < 20; i++) strcat(name, "\xF0\x9F\x8F\xBF");
  const char *args[] = {"--content", db, "--user", name, "--create", NULL};
  for (size_t z = 0; z < 3; z++) {
    int rows = sizes[z][0], cols = sizes[z][1];
    struct kc_pty *p = T.pty = e2e_start_env(&T, rows, cols, args, NULL);
    e2e_past_notice(p);
    e2e_expect(p, "Symptoms: how each cause feels");
    /* The row after the long title starts with the next item, at column 3. */
    int r, c;
    ck_assert(kc_pty_find(p, "Symptoms: how each cause feels", &r, &c));
    ck_assert_int_eq(c, 3);
    char line[2048];
    kc_pty_row(p, r, line, sizeof line);
    ck_assert_msg(strncmp(line, "   Symptoms: how each cause feels  6", 36) == 0 &&
                      strspn(line + 36, " \xE2\x86\x93") == strlen(line + 36),
                  "row: %s", line);
    kc_pty_row(p, r + 1, line, sizeof line);
    if (r + 1 < rows - 1)
      ck_assert_msg(strncmp(line, "   First aid and RICE", 21) == 0, "row after: %s", line);
    /* The status line is intact. */
    kc_pty_row(p, rows - 1, line, sizeof line);
    ck_assert_msg(strstr(line, "move") != NULL, "status: %s", line);
    /* An article titled with the mix: the header and the title stay in place. */
    e2e_select(p, "Causes");
    kc_pty_send_str(p, KEY_ENTER_S);
    e2e_expect(p, "Article");
    kc_pty_row(p, rows - 1, line, sizeof line);
    ck_assert_msg(strstr(line, "move") != NULL, "status after the title: %s", line);
    kc_pty_send_str(p, "Q");
    kc_pty_wait_exit(p, WAIT_MS);
    kc_pty_free(p);
    T.pty = NULL;
  }
}
END_TEST

/* LC_ALL=C: ASCII only. U+00DB is C3 9B in UTF-8: CSI on an 8-bit terminal. */
START_TEST(not_utf8_gets_ascii_only) {
  char db[400];
  snprintf(db, sizeof db, "%s/c1.db", T.home);
  copy_content(db);
  set_titles(db,
             "Causes \xC3\x9B"
             "1;31m RED \xC3\x9D"
             "2;PWNED\xC3\x9C \xC3\x9B"
             "6n",
             "Caf\xC3\xA9 \xE2\x80\xA2 \xE8\x86\x9D");
  const char *args[] = {"--content", db, NULL};
  const char *env[] = {"LANG=C", "LC_ALL=C", NULL};
  struct kc_pty *p = e2e_start_env(&T, 24, 80, args, env);
  e2e_past_notice(p);
  e2e_expect(p, "Causes U1;31m RED Y2;PWNEDU U6n");
  e2e_select(p, "Causes");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Cafe * ??");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "%");
  kc_pty_send_str(p, "?");
  e2e_expect(p, "Keys");
  size_t len;
  const char *log = kc_pty_log(p, &len);
  for (size_t i = 0; i < len; i++)
    ck_assert_msg((unsigned char)log[i] < 0x80, "byte 0x%02X at %zu of the output",
                  (unsigned char)log[i], i);
}
END_TEST

START_TEST(find_in_the_article) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_select(p, "First aid and RICE");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_select(p, "Using ice safely");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "top ");
  kc_pty_send_str(p, "/");
  e2e_expect(p, "Find in this article:");
  kc_pty_send_str(p, "skin" KEY_ENTER_S);
  e2e_expect(p, "\"skin\": match 1 of");
  kc_pty_send_str(p, "n");
  e2e_expect(p, "\"skin\": match 2 of");
  kc_pty_send_str(p, "N");
  e2e_expect(p, "\"skin\": match 1 of");
  /* The match is highlighted. */
  int marked = 0;
  char line[1024];
  for (int r = 1; r < 22 && !marked; r++) {
    kc_pty_row(p, r, line, sizeof line);
    char *h = strstr(line, "skin");
    struct kc_cell_attr a;
    if (!h) continue;
    kc_pty_attr(p, r, (int)(h - line), &a);
    marked = !a.bg_default || a.reverse;
  }
  ck_assert(marked);
  /* Searching everything stays on a key the status line shows. */
  e2e_expect(p, "s search all");
  kc_pty_send_str(p, "s");
  e2e_expect(p, "Search:");
}
END_TEST

/* A 5,000-character paste: one search, the limit shown, no freeze. */
START_TEST(paste_into_search) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_expect(p, "Check my symptoms");
  kc_pty_send_str(p, "/");
  e2e_expect(p, "Search:");
  char big[5001];
  for (int i = 0; i < 5000; i++) big[i] = "knee "[i % 5];
  big[5000] = '\0';
  double t0 = kc_now_ms();
  kc_pty_send_str(p, big);
  ck_assert(kc_pty_wait_text(p, "limit: 200 characters", WAIT_MS));
  double ms = kc_now_ms() - t0;
  fprintf(stderr, "paste of 5,000 characters answered in %.0f ms\n", ms);
  ck_assert_msg(ms < 3000, "the paste took %.0f ms", ms); /* was 47 s; generous for ASan */
  e2e_expect(p, "of 20+");
  /* Still responsive: Ctrl-U clears the query. */
  kc_pty_send_str(p, "\x15");
  e2e_expect(p, "Type to search every article");
}
END_TEST

/* Home never hints a key that does nothing there; q at Home quits. */
START_TEST(home_hints_and_q) {
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_expect(p, "q quit");
  e2e_expect_not(p, "Esc back");
  e2e_select(p, "First aid and RICE");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Esc back");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "%");
  kc_pty_send_str(p, "q"); /* closes the article */
  e2e_expect(p, "Using ice safely");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "%");
  kc_pty_send_str(p, "H"); /* straight home */
  e2e_expect(p, "q quit");
  kc_pty_send_str(p, "q");
  ck_assert_int_eq(kc_pty_wait_exit(p, WAIT_MS), 0);
}
END_TEST

/* Quitting while the ice timer runs asks first; No keeps it running. */
START_TEST(quit_asks_while_the_ice_timer_runs) {
  const char *env[] = {"KNEECARE_ICE_SECONDS=600", NULL};
  struct kc_pty *p = e2e_start_env(&T, 24, 80, NULL, env);
  e2e_past_notice(p);
  e2e_select(p, "3-day recovery plan");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_select(p, "Today");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_select(p, "Yes: a fall");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_safety_check_all_no(p);
  e2e_select(p, "Ice, if it eases");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "ICE 09:5");
  kc_pty_send_str(p, "H");
  e2e_expect(p, "Check my symptoms");
  kc_pty_send_str(p, "q");
  e2e_expect(p, "The ice timer is running");
  kc_pty_send_str(p, "n");
  e2e_expect_not(p, "The ice timer is running");
  e2e_expect(p, "ICE 09:");
  kc_pty_send_str(p, "Q");
  e2e_expect(p, "The ice timer is running");
  kc_pty_send_str(p, "y");
  ck_assert_int_eq(kc_pty_wait_exit(p, WAIT_MS), 0);
}
END_TEST

/* Runs the CLI with this test's HOME. */
static void cli(const char *args) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "HOME='%s' LANG=C.UTF-8 '%s' %s >/dev/null 2>&1", T.home, KNEECARE_PATH,
           args);
  ck_assert_int_eq(system(cmd), 0);
}

/* A plan started yesterday with --checked: yesterday's safety check is
 * recorded, today's is due. */
static void plan_started_yesterday(void) {
  char args[128];
  snprintf(args, sizeof args, "plan start --checked");
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "HOME='%s' LANG=C.UTF-8 KNEECARE_NOW=%lld '%s' %s >/dev/null 2>&1",
           T.home, (long long)time(NULL) - 86400, KNEECARE_PATH, args);
  ck_assert_int_eq(system(cmd), 0);
}

/* Home as a dashboard: the plan's day and what is left, the last check's
 * level and date, shown whole at every size; at 80x24 the whole menu fits
 * (no scroll mark) with a plan and a last check. */
START_TEST(home_dashboard_at_three_sizes) {
  cli("wizard --answers '" KC_SOURCE_DIR "/tests/cases/runners-knee-new-hills.answers' --save");
  plan_started_yesterday();
  int rows = sizes[_i][0], cols = sizes[_i][1];
  struct kc_pty *p = T.pty = e2e_start(&T, rows, cols);
  e2e_expect(p, "3-day recovery plan: day 2 of 3");
  /* today's safety check is due; ice is optional, so never "due" */
  assert_whole(p, rows, "3-day recovery plan: day 2 of 3, safety check");
  e2e_expect_not(p, "ice now");
  assert_whole(p, rows, "Past symptom checks: last ");
  assert_whole(p, rows, ", Self-care");
  assert_nothing_cut(p, rows, "home");
  if (rows == 24) { /* the first and the last row of the menu on one screen */
    e2e_expect(p, "Help, keys and safety notice");
    ck_assert(kc_pty_has(p, "Check and recover"));
  }
  /* The plan row opens the plan. */
  e2e_select(p, "3-day recovery plan: day 2");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Today's safety check");
}
END_TEST

/* A warning sign in the plan's safety check: Home says home care stopped,
 * with the level's words. */
START_TEST(home_shows_home_care_stopped) {
  plan_started_yesterday();
  struct kc_pty *p = e2e_start(&T, 24, 80);
  e2e_select(p, "3-day recovery plan");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Today's safety check");
  kc_pty_send_str(p, "y");
  e2e_expect(p, "Question 2 of");
  e2e_answer_no_while(p, "Today's safety check", "Question %d of", 2);
  e2e_expect(p, "Stop home care");
  kc_pty_send_str(p, "H");
  e2e_expect(p, "3-day recovery plan: !! home care stopped. Call an ambulance now");
}
END_TEST

/* --user with a name that is not a profile asks: y creates it; n shows
 * the profiles to choose from. --create creates it without asking. */
START_TEST(unknown_user_asks) {
  cli("--user Ann --create profiles");
  const char *args[] = {"--user", "Anne", NULL};
  struct kc_pty *p = T.pty = e2e_start_env(&T, 24, 80, args, NULL);
  e2e_expect(p, "There is no profile called \"Anne\"; did you mean \"Ann\"? Create it?");
  kc_pty_send_str(p, "n");
  e2e_past_notice(p); /* the first start's notice first, then the picker */
  e2e_expect(p, "Who is using the guide?");
  e2e_select(p, "Ann");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Now using the profile \"Ann\"");
  e2e_expect(p, "Check my symptoms");
  kc_pty_send_str(p, "Q");
  ck_assert_int_eq(kc_pty_wait_exit(p, WAIT_MS), 0);
  kc_pty_free(p);
  p = T.pty = e2e_start_env(&T, 24, 80, args, NULL);
  e2e_expect(p, "Create it?");
  kc_pty_send_str(p, "y");
  e2e_expect(p, "Anne");
  e2e_expect(p, "Check my symptoms");
  kc_pty_send_str(p, "Q");
  ck_assert_int_eq(kc_pty_wait_exit(p, WAIT_MS), 0);
  kc_pty_free(p);
  /* The last one used opens without --user. */
  p = T.pty = e2e_start_env(&T, 24, 80, NULL, NULL);
  e2e_expect(p, "Check my symptoms");
  e2e_expect(p, "Anne");
  e2e_expect_not(p, "Who is using the guide?");
}
END_TEST

/* Several profiles and none chosen yet: a picker first. */
START_TEST(picker_when_several_profiles) {
  cli("--user Ann --create profiles");
  cli("--user Bo --create profiles");
  struct kc_pty *p = T.pty = e2e_start_env(&T, 24, 80, NULL, NULL);
  e2e_past_notice(p);
  e2e_expect(p, "Who is using the guide?");
  e2e_select(p, "Bo");
  kc_pty_send_str(p, KEY_ENTER_S);
  e2e_expect(p, "Check my symptoms");
  e2e_expect(p, "Bo");
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("e2e_screens");
  TCase *tc = tcase_create("screens");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_loop_test(tc, every_line_whole_at_three_sizes, 0, 3);
  tcase_add_loop_test(tc, plan_text_whole_at_three_sizes, 0, 3);
  tcase_add_test(tc, every_width_class_stays_in_its_box);
  tcase_add_test(tc, not_utf8_gets_ascii_only);
  tcase_add_test(tc, find_in_the_article);
  tcase_add_test(tc, paste_into_search);
  tcase_add_test(tc, home_hints_and_q);
  tcase_add_test(tc, quit_asks_while_the_ice_timer_runs);
  tcase_add_loop_test(tc, home_dashboard_at_three_sizes, 0, 3);
  tcase_add_test(tc, home_shows_home_care_stopped);
  tcase_add_test(tc, unknown_user_asks);
  tcase_add_test(tc, picker_when_several_profiles);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
