/* Unit tests: the view stack's ownership rules, with fake views. */
#include <stdlib.h>

#include "kc_check.h"
#include "kneecare/viewstack.h"

struct kc_view {
  int id;
};

static int destroyed[16], n_destroyed;

static void destroy(struct kc_view *v) {
  destroyed[n_destroyed++] = v->id;
  free(v);
}

static struct kc_view *fake(int id) {
  struct kc_view *v = malloc(sizeof *v);
  v->id = id;
  return v;
}

START_TEST(push_pop_keeps_root) {
  struct kc_viewstack s;
  n_destroyed = 0;
  kc_viewstack_init(&s, destroy);
  ck_assert_ptr_null(kc_viewstack_top(&s));
  ck_assert_int_eq(kc_viewstack_push(&s, fake(1)), 0);
  ck_assert_int_eq(kc_viewstack_push(&s, fake(2)), 0);
  ck_assert_int_eq(kc_viewstack_push(&s, fake(3)), 0);
  ck_assert_int_eq(kc_viewstack_top(&s)->id, 3);
  ck_assert_int_eq(kc_viewstack_at(&s, 2)->id, 1);
  ck_assert_ptr_null(kc_viewstack_at(&s, 3));
  ck_assert_int_eq(kc_viewstack_pop(&s), 1);
  ck_assert_int_eq(destroyed[0], 3);
  ck_assert_int_eq(kc_viewstack_pop(&s), 1);
  ck_assert_int_eq(kc_viewstack_pop(&s), 0); /* the root stays */
  ck_assert_uint_eq(kc_viewstack_depth(&s), 1);
  ck_assert_int_eq(kc_viewstack_top(&s)->id, 1);
  kc_viewstack_free(&s);
  ck_assert_int_eq(n_destroyed, 3);
}
END_TEST

START_TEST(replace_and_pop_to_root) {
  struct kc_viewstack s;
  n_destroyed = 0;
  kc_viewstack_init(&s, destroy);
  for (int i = 1; i <= 12; i++) kc_viewstack_push(&s, fake(i)); /* grows past 8 */
  ck_assert_int_eq(kc_viewstack_replace(&s, fake(99)), 0);
  ck_assert_int_eq(destroyed[0], 12);
  ck_assert_int_eq(kc_viewstack_top(&s)->id, 99);
  kc_viewstack_pop_to_root(&s);
  ck_assert_uint_eq(kc_viewstack_depth(&s), 1);
  ck_assert_int_eq(kc_viewstack_top(&s)->id, 1);
  ck_assert_int_eq(kc_viewstack_push(&s, NULL), -1);
  kc_viewstack_free(&s);
  ck_assert_int_eq(n_destroyed, 13);
}
END_TEST

/* Every change of the top counts, a replacement too (the new view may get
 * the old one's address); a pop refused at the root and a NULL push do not. */
START_TEST(changes_count_every_new_top) {
  struct kc_viewstack s;
  n_destroyed = 0;
  kc_viewstack_init(&s, destroy);
  ck_assert_uint_eq(s.changes, 0);
  kc_viewstack_push(&s, fake(1));
  kc_viewstack_push(&s, fake(2));
  ck_assert_uint_eq(s.changes, 2);
  kc_viewstack_replace(&s, fake(3));
  ck_assert_uint_eq(s.changes, 3);
  kc_viewstack_pop(&s);
  ck_assert_uint_eq(s.changes, 4);
  kc_viewstack_pop(&s); /* the root stays */
  kc_viewstack_push(&s, NULL);
  ck_assert_uint_eq(s.changes, 4);
  kc_viewstack_free(&s);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("viewstack");
  TCase *tc = tcase_create("ui");
  tcase_add_test(tc, push_pop_keeps_root);
  tcase_add_test(tc, replace_and_pop_to_root);
  tcase_add_test(tc, changes_count_every_new_top);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
