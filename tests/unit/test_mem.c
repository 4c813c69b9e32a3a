/* The out-of-memory rule (mem.h) and the one string builder with its one
 * Markdown escaper (strbuf.h). */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kc_check.h"
#include "kneecare/mem.h"
#include "kneecare/strbuf.h"

START_TEST(grow_keeps_items_and_capacity_doubles) {
  int *v = NULL;
  size_t cap = 0;
  for (size_t i = 0; i < 1000; i++) {
    KC_GROW(v, cap, i + 1);
    v[i] = (int)i;
  }
  ck_assert_uint_ge(cap, 1000);
  ck_assert_uint_lt(cap, 2048);
  for (size_t i = 0; i < 1000; i++) ck_assert_int_eq(v[i], (int)i);
  free(v);
}
END_TEST

/* The hook exits with its own status, which proves it ran first. */
static void hook(void) { _exit(3); }

START_TEST(allocation_failure_runs_the_hook) {
  kc_mem_set_fatal_hook(hook);
  void *p = kc_xmalloc(SIZE_MAX - 16);
  ck_abort_msg("kc_xmalloc returned %p", p);
}
END_TEST

START_TEST(allocation_failure_exits_1) {
  char *p = kc_xstrdup("x");
  free(p);
  p = kc_xrealloc(NULL, SIZE_MAX - 16);
  ck_abort_msg("kc_xrealloc returned %p", (void *)p);
}
END_TEST

START_TEST(overflowing_array_size_exits_1) {
  void *p = kc_xreallocarray(NULL, SIZE_MAX / 2, 4);
  ck_abort_msg("kc_xreallocarray returned %p", p);
}
END_TEST

START_TEST(strbuf_builds_and_hands_over) {
  struct kc_strbuf b = {0};
  ck_assert_str_eq(kc_strbuf_str(&b), "");
  kc_strbuf_put(&b, "Day ");
  kc_strbuf_printf(&b, "%d of %d", 2, 3);
  kc_strbuf_putc(&b, '.');
  ck_assert_str_eq(kc_strbuf_str(&b), "Day 2 of 3.");
  char *s = kc_strbuf_take(&b);
  ck_assert_str_eq(s, "Day 2 of 3.");
  ck_assert_ptr_null(b.s);
  free(s);
  s = kc_strbuf_take(&b);
  ck_assert_str_eq(s, "");
  free(s);
}
END_TEST

START_TEST(markdown_escape_is_literal_and_blocks_autolinks) {
  struct kc_strbuf b = {0};
  kc_strbuf_put_md(&b, "*a* [x](y) see https://evil.example or me@evil.example\nnext | =1");
  const char *s = kc_strbuf_str(&b);
  ck_assert_str_eq(s, "\\*a\\* \\[x\\]\\(y\\) see https\\://evil\\.example or "
                      "me\\@evil\\.example next \\| =1");
  kc_strbuf_free(&b);
  /* Every special character is escaped, every other byte kept. */
  for (const char *c = kc_md_special; *c; c++) {
    char in[2] = {*c, 0};
    kc_strbuf_put_md(&b, in);
    ck_assert_uint_eq(b.len, 2);
    ck_assert_int_eq(b.s[0], '\\');
    kc_strbuf_free(&b);
  }
}
END_TEST

static Suite *mem_suite(void) {
  Suite *s = suite_create("mem");
  TCase *t = tcase_create("mem");
  tcase_add_test(t, grow_keeps_items_and_capacity_doubles);
  tcase_add_exit_test(t, allocation_failure_runs_the_hook, 3);
  tcase_add_exit_test(t, allocation_failure_exits_1, 1);
  tcase_add_exit_test(t, overflowing_array_size_exits_1, 1);
  tcase_add_test(t, strbuf_builds_and_hands_over);
  tcase_add_test(t, markdown_escape_is_literal_and_blocks_autolinks);
  suite_add_tcase(s, t);
  return s;
}

KC_CHECK_MAIN(mem_suite)
