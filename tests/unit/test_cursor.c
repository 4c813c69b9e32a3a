/* Unit tests: the cursor model every list-like screen moves through
 * (selection, top, paging, wheel, click, rows of several lines, headings
 * the selection skips, and scrolling text). Pure arithmetic, no terminal. */
#include "cursor.h"
#include "kc_check.h"

static int three_rows(void *ctx, size_t i) {
  (void)ctx, (void)i;
  return 3;
}

/* Items 0 and 5 are headings. */
static int headings_0_5(void *ctx, size_t i) {
  (void)ctx;
  return i == 0 || i == 5;
}

START_TEST(moves_and_stops_at_the_ends) {
  struct kc_cursor c = {0};
  kc_cursor_set(&c, 4);
  kc_cursor_layout(&c, 2, 10);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_UP), KC_CUR_SAME);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_DOWN), KC_CUR_MOVED);
  ck_assert_uint_eq(c.sel, 1);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_BOTTOM), KC_CUR_MOVED);
  ck_assert_uint_eq(c.sel, 3);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_DOWN), KC_CUR_SAME);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_TOP), KC_CUR_MOVED);
  ck_assert_uint_eq(c.sel, 0);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_OPEN), KC_CUR_IGNORED);
}
END_TEST

START_TEST(scrolls_to_keep_the_selection_shown) {
  struct kc_cursor c = {0};
  kc_cursor_set(&c, 100);
  kc_cursor_layout(&c, 0, 10);
  for (int i = 0; i < 9; i++) ck_assert_int_eq(kc_cursor_command(&c, CMD_DOWN), KC_CUR_MOVED);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_DOWN), KC_CUR_SCROLLED);
  ck_assert_uint_eq(c.sel, 10);
  ck_assert_uint_eq(c.top, 1);
  ck_assert_int_eq(kc_cursor_row(&c, 10), 9);
  ck_assert_int_eq(kc_cursor_row(&c, 0), -1);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_PGDN), KC_CUR_SCROLLED);
  ck_assert_uint_eq(c.sel, 19);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_PGUP), KC_CUR_MOVED);
  ck_assert_uint_eq(c.sel, 10);
  kc_cursor_command(&c, CMD_BOTTOM);
  ck_assert_uint_eq(c.sel, 99);
  ck_assert_uint_eq(c.top, 90);
  /* A smaller window keeps the selection shown. */
  kc_cursor_layout(&c, 0, 3);
  ck_assert_int_ge(kc_cursor_row(&c, 99), 0);
}
END_TEST

START_TEST(headings_are_skipped_and_shown_above) {
  struct kc_cursor c = {.heading = headings_0_5};
  kc_cursor_set(&c, 8);
  kc_cursor_first(&c);
  ck_assert_uint_eq(c.sel, 1);
  kc_cursor_layout(&c, 0, 3);
  for (int i = 0; i < 3; i++) kc_cursor_command(&c, CMD_DOWN);
  ck_assert_uint_eq(c.sel, 4);
  kc_cursor_command(&c, CMD_DOWN);
  ck_assert_uint_eq(c.sel, 6); /* over the heading */
  kc_cursor_command(&c, CMD_UP);
  ck_assert_uint_eq(c.sel, 4);
  kc_cursor_command(&c, CMD_TOP);
  ck_assert_uint_eq(c.sel, 1);
  ck_assert_uint_eq(c.top, 0);                  /* the heading above the first item is shown */
  ck_assert_int_eq(kc_cursor_click(&c, 0), -1); /* a heading cannot be clicked */
  ck_assert_int_eq(kc_cursor_click(&c, 2), 2);
}
END_TEST

START_TEST(items_of_several_rows) {
  struct kc_cursor c = {.height = three_rows};
  kc_cursor_set(&c, 10);
  kc_cursor_layout(&c, 4, 8); /* two whole items fit */
  ck_assert_uint_eq(kc_cursor_end(&c), 2);
  ck_assert_int_eq(kc_cursor_row(&c, 1), 7);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_DOWN), KC_CUR_MOVED);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_DOWN), KC_CUR_SCROLLED);
  ck_assert_uint_eq(c.top, 1);
  ck_assert_int_eq(kc_cursor_row(&c, 2), 7);
  /* A click anywhere on an item's three rows selects it. */
  ck_assert_int_eq(kc_cursor_click(&c, 5), 1);
  ck_assert_int_eq(kc_cursor_click(&c, 9), 2);
  ck_assert_int_eq(kc_cursor_click(&c, 12), -1);
  ck_assert_int_eq(kc_cursor_wheel(&c, 1), KC_CUR_SCROLLED);
  ck_assert_uint_eq(c.sel, 5);
}
END_TEST

START_TEST(scrolling_text) {
  struct kc_cursor c = {.scroll_only = 1};
  kc_cursor_set(&c, 50);
  kc_cursor_layout(&c, 1, 20);
  ck_assert_uint_eq(kc_cursor_max_top(&c), 30);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_UP), KC_CUR_SAME);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_DOWN), KC_CUR_SCROLLED);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_PGDN), KC_CUR_SCROLLED);
  ck_assert_uint_eq(c.top, 19); /* a page keeps two lines of context */
  kc_cursor_command(&c, CMD_PGDN);
  ck_assert_uint_eq(c.top, 30);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_BOTTOM), KC_CUR_SAME);
  ck_assert_int_eq(kc_cursor_wheel(&c, -1), KC_CUR_SCROLLED);
  ck_assert_uint_eq(c.top, 27);
  ck_assert_int_eq(kc_cursor_click(&c, 3), -1);
  /* Shorter text after a resize: the top comes back into range. */
  kc_cursor_set(&c, 10);
  kc_cursor_layout(&c, 1, 20);
  ck_assert_uint_eq(c.top, 0);
}
END_TEST

START_TEST(empty_and_shrinking_lists) {
  struct kc_cursor c = {0};
  kc_cursor_set(&c, 0);
  kc_cursor_layout(&c, 0, 5);
  ck_assert_int_eq(kc_cursor_command(&c, CMD_DOWN), KC_CUR_SAME);
  ck_assert_int_eq(kc_cursor_click(&c, 0), -1);
  kc_cursor_set(&c, 30);
  kc_cursor_command(&c, CMD_BOTTOM);
  kc_cursor_set(&c, 3);
  ck_assert_uint_eq(c.sel, 2);
  kc_cursor_layout(&c, 0, 5);
  ck_assert_uint_eq(c.top, 0);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("cursor");
  TCase *tc = tcase_create("cursor");
  tcase_add_test(tc, moves_and_stops_at_the_ends);
  tcase_add_test(tc, scrolls_to_keep_the_selection_shown);
  tcase_add_test(tc, headings_are_skipped_and_shown_above);
  tcase_add_test(tc, items_of_several_rows);
  tcase_add_test(tc, scrolling_text);
  tcase_add_test(tc, empty_and_shrinking_lists);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
