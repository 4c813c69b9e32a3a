/* The wizard engine on small hand-made definitions: conditions, navigation,
 * pruning, the answers-file parser (every error kind, with line numbers, and
 * hostile input), scoring order and reasons, the level rules, reads, and
 * validation catching each kind of broken definition. */
#include <stdlib.h>
#include <string.h>

#include "kc_check.h"
#include "kneecare/wizard.h"

/* Question indices of the base definition. */
enum { Q_FLAG, Q_BIG, Q_HURT, Q_HOW, Q_WHERE, Q_EXTRA, Q_WHEN, N_Q };

/* The five levels' words, which every definition carries. */
static void add_levels(struct kc_wz_def *d) {
  for (int l = KC_LEVEL_SELF_CARE; l <= KC_LEVEL_MAX; l++)
    kc_wz_set_level(d, l, kc_level_name((enum kc_level)l), kc_level_title((enum kc_level)l),
                    kc_level_advice((enum kc_level)l), "src-level");
}

/* Two warning signs (levels 3 and 4) with the dangers they name. */
static void add_signs(struct kc_wz_def *d) {
  kc_wz_add_cause(d, "clot", "Clot", "red-flags", 3, "src-clot");
  kc_wz_cause_set(d, "clot", KC_WZ_DANGER, "Do not rub it.", KC_WZ_PLAN_NONE, false);
  kc_wz_add_cause(d, "lungs", "Lungs", "emergency-signs", 4, "src-lungs");
  kc_wz_cause_set(d, "lungs", KC_WZ_DANGER, "", KC_WZ_PLAN_NONE, false);
  kc_wz_add_sign(d, &(struct kc_wz_sign_spec){.id = "warm-calf",
                                              .statement = "A warm calf",
                                              .cause_id = "clot",
                                              .action = "Keep still.",
                                              .source = "src-flag",
                                              .level = 3,
                                              .recheck = true});
  kc_wz_add_sign(d, &(struct kc_wz_sign_spec){.id = "chest",
                                              .statement = "Chest pain",
                                              .cause_id = "lungs",
                                              .source = "src-big",
                                              .level = 4});
}

static struct kc_wz_def *base(void) {
  struct kc_wz_def *d = kc_wz_def_new();
  ck_assert_ptr_nonnull(d);
  add_levels(d);
  ck_assert_int_eq(kc_wz_add_question(d, "flag", "red-flags", "Calf warm?", KC_WZ_ONE, NULL, true),
                   0);
  ck_assert_int_eq(kc_wz_add_question(d, "big", "red-flags", "Chest pain?", KC_WZ_ONE, NULL, true),
                   0);
  ck_assert_int_eq(kc_wz_add_question(d, "hurt", "injury", "Injured?", KC_WZ_ONE, NULL, true), 0);
  ck_assert_int_eq(kc_wz_add_question(d, "how", "story", "How?", KC_WZ_ONE, "hurt=yes", true), 0);
  ck_assert_int_eq(kc_wz_add_question(d, "where", "story", "Where?", KC_WZ_ONE, NULL, true), 0);
  ck_assert_int_eq(kc_wz_add_question(d, "extra", "story", "Extra?", KC_WZ_MANY,
                                      "where=inner & how!=blow", false),
                   0);
  ck_assert_int_eq(
      kc_wz_add_question(d, "when", "story", "When?", KC_WZ_ONE, " hurt != yes ", true), 0);
  kc_wz_add_cause(d, "alpha", "Alpha", "alpha-art", 1, NULL);
  kc_wz_add_cause(d, "beta", "Beta", "beta-art", 2, "src-beta");
  kc_wz_add_cause(d, "gamma", "Gamma", "gamma-art", 1, NULL);
  add_signs(d);
  kc_wz_add_option(d, "flag", "yes", "Yes", 0, NULL, "red-flags");
  kc_wz_option_set(d, "flag", "yes", "warm-calf", 0);
  kc_wz_add_option(d, "flag", "no", "No", 0, NULL, NULL);
  kc_wz_add_option(d, "flag", "unsure", "Not sure", 0, NULL, NULL);
  kc_wz_option_set(d, "flag", "unsure", "warm-calf", 0);
  kc_wz_add_option(d, "big", "yes", "Yes", 0, NULL, NULL);
  kc_wz_option_set(d, "big", "yes", "chest", 0);
  kc_wz_add_option(d, "big", "no", "No", 0, NULL, NULL);
  kc_wz_add_option(d, "hurt", "yes", "Yes", 0, NULL, NULL);
  kc_wz_add_option(d, "hurt", "no", "No", 0, NULL, NULL);
  kc_wz_add_option(d, "how", "twist", "Twist", 0, NULL, NULL);
  kc_wz_add_option(d, "how", "blow", "Blow", 2, "src-blow", NULL);
  kc_wz_add_option(d, "where", "inner", "Inner", 0, NULL, NULL);
  kc_wz_add_option(d, "where", "outer", "Outer", 0, NULL, NULL);
  kc_wz_add_option(d, "where", "nowhere", "Nowhere", 0, NULL, NULL);
  kc_wz_add_option(d, "extra", "a", "A", 0, NULL, NULL);
  kc_wz_add_option(d, "extra", "b", "B", 0, NULL, NULL);
  kc_wz_add_option(d, "extra", "c", "C", 0, NULL, NULL);
  kc_wz_add_option(d, "when", "slow", "Slow", 0, NULL, NULL);
  kc_wz_add_option(d, "when", "fast", "Fast", 0, NULL, NULL);
  kc_wz_add_evidence(d, "where", "inner", "alpha", 3, "inner says alpha");
  kc_wz_add_evidence(d, "where", "inner", "gamma", 3, "inner says gamma too");
  kc_wz_add_evidence(d, "where", "outer", "beta", 3, "outer says beta");
  kc_wz_add_evidence(d, "how", "twist", "alpha", 2, "twist says alpha");
  kc_wz_add_evidence(d, "how", "blow", "gamma", 5, "blow says gamma");
  kc_wz_add_evidence(d, "extra", "a", "gamma", 1, "a says gamma");
  kc_wz_add_evidence(d, "extra", "b", "alpha", -4, "b speaks against alpha");
  kc_wz_add_evidence(d, "extra", "c", "alpha", -1, "c speaks a little against alpha");
  kc_wz_add_evidence(d, "when", "slow", "alpha", 1, "slow says alpha");
  kc_wz_add_evidence(d, "when", "fast", "beta", -2, "fast speaks against beta");
  kc_wz_add_evidence(d, "flag", "yes", "beta", 1, "flag says beta");
  kc_wz_add_rule(d, "unclear", 2, "Nothing fits", "src-rule", 0, 0, 1);
  kc_wz_add_read(d, 1, "first-days");
  kc_wz_add_read(d, 3, "red-flags");
  kc_wz_add_read(d, 4, "emergency-signs");
  return d;
}

static bool arts(const char *id, void *ctx) {
  (void)ctx;
  static const char *known[] = {"alpha-art",  "beta-art",  "gamma-art",
                                "first-days", "red-flags", "emergency-signs"};
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
    if (strcmp(id, known[i]) == 0) return true;
  return false;
}

static struct kc_wz_def *valid_base(void) {
  struct kc_wz_def *d = base();
  char err[256];
  int rc = kc_wz_def_validate(d, arts, NULL, err, sizeof err);
  ck_assert_msg(rc == 0, "base definition invalid: %s", err);
  return d;
}

static void sel(struct kc_wz_def *d, struct kc_wz_answers *a, const char *q, const char *o) {
  int qi = kc_wz_find_question(d, q);
  ck_assert_int_ge(qi, 0);
  int oj = kc_wz_find_option(d, (size_t)qi, o);
  ck_assert_int_ge(oj, 0);
  ck_assert_int_eq(kc_wz_answers_set(a, (size_t)qi, (size_t)oj), 0);
}

/* ---- definition and accessors ---------------------------------------------- */

START_TEST(accessors) {
  struct kc_wz_def *d = valid_base();
  ck_assert_uint_eq(kc_wz_question_count(d), N_Q);
  const struct kc_wz_question *q = kc_wz_question_at(d, Q_EXTRA);
  ck_assert_str_eq(q->id, "extra");
  ck_assert_str_eq(q->section, "story");
  ck_assert_str_eq(q->ask_if, "where=inner & how!=blow");
  ck_assert_int_eq(q->kind, KC_WZ_MANY);
  ck_assert(!q->required);
  ck_assert_uint_eq(q->n_options, 3);
  ck_assert_str_eq(q->options[1].label, "B");
  ck_assert_ptr_null(kc_wz_question_at(d, N_Q));
  ck_assert_ptr_null(kc_wz_option_at(d, Q_EXTRA, 3));
  /* a sign's option takes its level and source from the sign */
  ck_assert_int_eq(kc_wz_option_at(d, Q_FLAG, 0)->sign, kc_wz_find_sign(d, "warm-calf"));
  ck_assert_ptr_null(kc_wz_option_at(d, Q_FLAG, 0)->source);
  ck_assert_int_eq(kc_wz_option_level(d, Q_FLAG, 0), KC_LEVEL_24H);
  ck_assert_int_eq(kc_wz_option_level(d, Q_BIG, 0), KC_LEVEL_ED);
  ck_assert_int_eq(kc_wz_question_level(d, Q_BIG), KC_LEVEL_ED);
  ck_assert_str_eq(kc_wz_sign_at(d, 0)->source, "src-flag");
  ck_assert_int_eq(kc_wz_sign_question(d, 0), Q_FLAG);
  ck_assert_uint_eq(kc_wz_sign_count(d), 2);
  ck_assert_uint_eq(kc_wz_cause_count(d), 5);
  ck_assert_str_eq(kc_wz_cause_at(d, 1)->article_id, "beta-art");
  ck_assert_int_eq(kc_wz_find_question(d, "where"), Q_WHERE);
  ck_assert_int_eq(kc_wz_find_question(d, "nope"), -1);
  ck_assert_int_eq(kc_wz_find_option(d, Q_WHERE, "outer"), 1);
  ck_assert_int_eq(kc_wz_find_option(d, Q_WHERE, "up"), -1);
  ck_assert_int_eq(kc_wz_find_cause(d, "gamma"), 2);
  ck_assert_int_eq(kc_wz_find_cause(d, "delta"), -1);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(strings_are_copied) {
  char id[] = "qq", text[] = "Question?", opt[] = "yes";
  struct kc_wz_def *d = kc_wz_def_new();
  kc_wz_add_question(d, id, "story", text, KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, id, opt, "Yes", 0, NULL, NULL);
  strcpy(id, "xx");
  strcpy(text, "Changed!!");
  strcpy(opt, "no!");
  ck_assert_str_eq(kc_wz_question_at(d, 0)->id, "qq");
  ck_assert_str_eq(kc_wz_question_at(d, 0)->text, "Question?");
  ck_assert_str_eq(kc_wz_option_at(d, 0, 0)->id, "yes");
  kc_wz_def_free(d);
}
END_TEST

START_TEST(unsure_counts_as_most_urgent) {
  struct kc_wz_def *d = valid_base();
  ck_assert_int_eq(kc_wz_option_level(d, Q_FLAG, 2), KC_LEVEL_24H);
  ck_assert_int_eq(kc_wz_option_level(d, Q_FLAG, 1), KC_LEVEL_NONE);
  kc_wz_def_free(d);
  /* even when the data forgot to give "unsure" the level (validate also
   * refuses that, see below) */
  d = kc_wz_def_new();
  add_signs(d);
  kc_wz_add_question(d, "rf", "red-flags", "Flag?", KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, "rf", "yes", "Yes", 0, NULL, NULL);
  kc_wz_option_set(d, "rf", "yes", "chest", 0);
  kc_wz_add_option(d, "rf", "unsure", "Not sure", 0, NULL, NULL);
  ck_assert_int_eq(kc_wz_option_level(d, 0, 1), KC_LEVEL_ED);
  kc_wz_def_free(d);
}
END_TEST

/* ---- conditions and navigation ---------------------------------------------- */

START_TEST(conditions) {
  struct kc_wz_def *d = valid_base();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  ck_assert_ptr_nonnull(a);
  /* nothing answered: a clause on an unanswered question does not hold */
  ck_assert(kc_wz_is_asked(d, a, Q_FLAG));
  ck_assert(kc_wz_is_asked(d, a, Q_WHERE));
  ck_assert(!kc_wz_is_asked(d, a, Q_HOW));
  ck_assert(!kc_wz_is_asked(d, a, Q_WHEN)); /* "!=" on an unanswered question */
  ck_assert(!kc_wz_is_asked(d, a, Q_EXTRA));
  sel(d, a, "hurt", "yes");
  ck_assert(kc_wz_is_asked(d, a, Q_HOW));
  ck_assert(!kc_wz_is_asked(d, a, Q_WHEN));
  sel(d, a, "hurt", "no");
  ck_assert(!kc_wz_is_asked(d, a, Q_HOW));
  ck_assert(kc_wz_is_asked(d, a, Q_WHEN));
  /* extra: where=inner & how!=blow -- how is not asked, so no */
  sel(d, a, "where", "inner");
  ck_assert(!kc_wz_is_asked(d, a, Q_EXTRA));
  sel(d, a, "hurt", "yes");
  ck_assert(!kc_wz_is_asked(d, a, Q_EXTRA)); /* how asked but unanswered */
  sel(d, a, "how", "twist");
  ck_assert(kc_wz_is_asked(d, a, Q_EXTRA));
  sel(d, a, "how", "blow");
  ck_assert(!kc_wz_is_asked(d, a, Q_EXTRA));
  sel(d, a, "how", "twist");
  sel(d, a, "where", "outer");
  ck_assert(!kc_wz_is_asked(d, a, Q_EXTRA));
  /* a stale answer to a question no longer asked does not count */
  sel(d, a, "where", "inner");
  sel(d, a, "hurt", "no"); /* how keeps "twist" but is not asked */
  ck_assert(kc_wz_answers_selected(a, Q_HOW, 0));
  ck_assert(!kc_wz_is_asked(d, a, Q_EXTRA));
  ck_assert(!kc_wz_is_asked(d, a, N_Q));
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(condition_alternatives) {
  struct kc_wz_def *d = kc_wz_def_new();
  add_levels(d);
  kc_wz_add_question(d, "a", "story", "A?", KC_WZ_MANY, NULL, true);
  kc_wz_add_question(d, "b", "story", "B?", KC_WZ_ONE, "a=x|z", true);
  kc_wz_add_question(d, "c", "story", "C?", KC_WZ_ONE, "a!=x|y", true);
  kc_wz_add_option(d, "a", "x", "X", 0, NULL, NULL);
  kc_wz_add_option(d, "a", "y", "Y", 0, NULL, NULL);
  kc_wz_add_option(d, "a", "z", "Z", 0, NULL, NULL);
  kc_wz_add_option(d, "b", "ok", "OK", 0, NULL, NULL);
  kc_wz_add_option(d, "c", "ok", "OK", 0, NULL, NULL);
  kc_wz_add_cause(d, "k", "K", "art", 1, NULL);
  kc_wz_add_evidence(d, "b", "ok", "k", 1, "r");
  char err[256];
  ck_assert_msg(kc_wz_def_validate(d, NULL, NULL, err, sizeof err) == 0, "%s", err);
  struct kc_wz_answers *ans = kc_wz_answers_new(d);
  ck_assert_int_eq(kc_wz_answers_set_mask(ans, 0, 1u << 1), 0); /* y */
  ck_assert(!kc_wz_is_asked(d, ans, 1));
  ck_assert(!kc_wz_is_asked(d, ans, 2));
  ck_assert_int_eq(kc_wz_answers_set_mask(ans, 0, 1u << 2), 0); /* z */
  ck_assert(kc_wz_is_asked(d, ans, 1));
  ck_assert(kc_wz_is_asked(d, ans, 2));
  ck_assert_int_eq(kc_wz_answers_set_mask(ans, 0, (1u << 2) | 1u), 0); /* x,z */
  ck_assert(kc_wz_is_asked(d, ans, 1));
  ck_assert(!kc_wz_is_asked(d, ans, 2));
  kc_wz_answers_free(ans);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(next_prev_count) {
  struct kc_wz_def *d = valid_base();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  ck_assert_int_eq(kc_wz_next(d, a, -1), Q_FLAG);
  ck_assert_int_eq(kc_wz_next(d, a, Q_FLAG), Q_BIG);
  ck_assert_int_eq(kc_wz_next(d, a, Q_HURT), Q_WHERE); /* how not asked yet */
  ck_assert_int_eq(kc_wz_next(d, a, Q_WHERE), -1);
  ck_assert_int_eq(kc_wz_prev(d, a, Q_WHERE), Q_HURT);
  ck_assert_int_eq(kc_wz_prev(d, a, Q_FLAG), -1);
  ck_assert_int_eq(kc_wz_prev(d, a, -1), -1);
  ck_assert_uint_eq(kc_wz_count_asked(d, a), 4);
  sel(d, a, "hurt", "yes");
  ck_assert_int_eq(kc_wz_next(d, a, Q_HURT), Q_HOW);
  sel(d, a, "how", "twist");
  sel(d, a, "where", "inner");
  ck_assert_int_eq(kc_wz_next(d, a, Q_WHERE), Q_EXTRA);
  ck_assert_int_eq(kc_wz_next(d, a, Q_EXTRA), -1);
  ck_assert_int_eq(kc_wz_prev(d, a, Q_EXTRA), Q_WHERE);
  ck_assert_int_eq(kc_wz_prev(d, a, Q_WHERE), Q_HOW);
  ck_assert_uint_eq(kc_wz_count_asked(d, a), 6);
  ck_assert_uint_eq(kc_wz_asked_before(d, a, Q_WHERE), 4);
  sel(d, a, "hurt", "no");
  ck_assert_int_eq(kc_wz_next(d, a, Q_HURT), Q_WHERE);
  ck_assert_int_eq(kc_wz_next(d, a, Q_WHERE), Q_WHEN);
  ck_assert_int_eq(kc_wz_prev(d, a, Q_WHEN), Q_WHERE);
  ck_assert_uint_eq(kc_wz_count_asked(d, a), 5);
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(prune_after_back) {
  struct kc_wz_def *d = valid_base();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  sel(d, a, "hurt", "yes");
  sel(d, a, "how", "twist");
  sel(d, a, "where", "inner");
  sel(d, a, "extra", "a");
  sel(d, a, "extra", "c");
  ck_assert_uint_eq(kc_wz_prune(d, a), 0);
  /* Back to "hurt", change the answer: how and extra no longer apply */
  sel(d, a, "hurt", "no");
  ck_assert_uint_eq(kc_wz_prune(d, a), 2);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_HOW), 0);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_EXTRA), 0);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_WHERE), 1);
  ck_assert_uint_eq(kc_wz_prune(d, a), 0);
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(first_missing) {
  struct kc_wz_def *d = valid_base();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  ck_assert_int_eq(kc_wz_first_missing(d, a), Q_FLAG);
  sel(d, a, "flag", "no");
  sel(d, a, "big", "no");
  ck_assert_int_eq(kc_wz_first_missing(d, a), Q_HURT);
  sel(d, a, "hurt", "yes");
  ck_assert_int_eq(kc_wz_first_missing(d, a), Q_HOW);
  sel(d, a, "how", "twist");
  sel(d, a, "where", "inner");
  /* extra is asked but optional */
  ck_assert(kc_wz_is_asked(d, a, Q_EXTRA));
  ck_assert_int_eq(kc_wz_first_missing(d, a), -1);
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(set_toggle_clear) {
  struct kc_wz_def *d = valid_base();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  /* one: set replaces, toggle clears the selected one */
  ck_assert_int_eq(kc_wz_answers_set(a, Q_WHERE, 0), 0);
  ck_assert_int_eq(kc_wz_answers_set(a, Q_WHERE, 2), 0);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_WHERE), 4);
  ck_assert_int_eq(kc_wz_answers_toggle(a, Q_WHERE, 1), 0);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_WHERE), 2);
  ck_assert_int_eq(kc_wz_answers_toggle(a, Q_WHERE, 1), 0);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_WHERE), 0);
  /* many: set adds, toggle flips */
  ck_assert_int_eq(kc_wz_answers_set(a, Q_EXTRA, 0), 0);
  ck_assert_int_eq(kc_wz_answers_set(a, Q_EXTRA, 2), 0);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_EXTRA), 5);
  ck_assert_int_eq(kc_wz_answers_toggle(a, Q_EXTRA, 0), 0);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_EXTRA), 4);
  ck_assert(kc_wz_answers_selected(a, Q_EXTRA, 2));
  ck_assert(!kc_wz_answers_selected(a, Q_EXTRA, 0));
  ck_assert_int_eq(kc_wz_answers_clear(a, Q_EXTRA), 0);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_EXTRA), 0);
  /* refused: out of range, two options for `one`, bits beyond the options */
  ck_assert_int_eq(kc_wz_answers_set(a, Q_WHERE, 3), -1);
  ck_assert_int_eq(kc_wz_answers_set(a, N_Q, 0), -1);
  ck_assert_int_eq(kc_wz_answers_toggle(a, Q_WHERE, 64), -1);
  ck_assert_int_eq(kc_wz_answers_set_mask(a, Q_WHERE, 3), -1);
  ck_assert_int_eq(kc_wz_answers_set_mask(a, Q_EXTRA, 8), -1);
  ck_assert_int_eq(kc_wz_answers_set_mask(a, Q_EXTRA, 7), 0);
  kc_wz_answers_reset(a);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_EXTRA), 0);
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(answers_belong_to_their_def) {
  struct kc_wz_def *d = valid_base(), *other = valid_base();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  struct kc_wz_result r;
  ck_assert(!kc_wz_is_asked(other, a, Q_FLAG));
  ck_assert_int_eq(kc_wz_next(other, a, -1), -1);
  ck_assert_int_eq(kc_wz_score(other, a, &r), -1);
  ck_assert_int_eq(kc_wz_score(d, a, &r), 0);
  kc_wz_result_free(&r);
  kc_wz_answers_free(a);
  kc_wz_def_free(other);
  kc_wz_def_free(d);
}
END_TEST

/* ---- the answers file -------------------------------------------------------- */

static int parse(struct kc_wz_def *d, struct kc_wz_answers *a, const char *text, char *err) {
  return kc_wz_parse_answers(d, text, strlen(text), a, err, 256);
}

static void parse_fails(const char *text, const char *want1, const char *want2) {
  struct kc_wz_def *d = valid_base();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  char err[256];
  ck_assert_int_eq(parse(d, a, text, err), -1);
  ck_assert_msg(strstr(err, want1) != NULL, "error '%s' lacks '%s'", err, want1);
  if (want2) ck_assert_msg(strstr(err, want2) != NULL, "error '%s' lacks '%s'", err, want2);
  /* nothing half-filled is left behind */
  for (size_t i = 0; i < N_Q; i++) ck_assert_uint_eq(kc_wz_answers_get(a, i), 0);
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}

START_TEST(parse_ok) {
  struct kc_wz_def *d = valid_base();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  char err[256];
  const char *text = "# a comment\n"
                     "\n"
                     "  flag = no  \r\n"
                     "big=no # trailing comment\n"
                     "\thurt=yes\n"
                     "how=twist\n"
                     "where=inner\n"
                     "extra= a , c \n"
                     "   # indented comment";
  ck_assert_msg(parse(d, a, text, err) == 0, "%s", err);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_FLAG), 2);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_HURT), 1);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_EXTRA), 5);
  /* order of lines does not matter; optional questions may be left out */
  ck_assert_msg(parse(d, a, "where=outer\nhurt=no\nwhen=slow\nbig=no\nflag=unsure\n", err) == 0,
                "%s", err);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_WHEN), 1);
  ck_assert_uint_eq(kc_wz_answers_get(a, Q_HOW), 0); /* reset before parsing */
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(answers_text) {
  struct kc_wz_def *d = valid_base();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  char err[256];
  ck_assert_int_eq(parse(d, a, "where=outer\nhurt=no\nwhen=slow\nbig=no\nflag=unsure\n", err), 0);
  char *text = kc_wz_answers_text(d, a);
  ck_assert_str_eq(text, "flag=unsure\nbig=no\nhurt=no\nwhere=outer\nwhen=slow\n");
  free(text);
  /* only asked questions are written; several options joined by commas */
  ck_assert_int_eq(
      parse(d, a, "flag=no\nbig=no\nhurt=yes\nhow=twist\nwhere=inner\nextra=c,a\n", err), 0);
  sel(d, a, "how", "blow"); /* extra is no longer asked, but still holds a,c */
  text = kc_wz_answers_text(d, a);
  ck_assert_str_eq(text, "flag=no\nbig=no\nhurt=yes\nhow=blow\nwhere=inner\n");
  free(text);
  sel(d, a, "how", "twist");
  text = kc_wz_answers_text(d, a);
  ck_assert_str_eq(text, "flag=no\nbig=no\nhurt=yes\nhow=twist\nwhere=inner\nextra=a,c\n");
  /* and it reads back */
  struct kc_wz_answers *b = kc_wz_answers_new(d);
  ck_assert_int_eq(parse(d, b, text, err), 0);
  for (size_t i = 0; i < N_Q; i++)
    ck_assert_uint_eq(kc_wz_answers_get(a, i), kc_wz_answers_get(b, i));
  kc_wz_answers_free(b);
  free(text);
  kc_wz_answers_reset(a);
  text = kc_wz_answers_text(d, a);
  ck_assert_str_eq(text, "");
  free(text);
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(parse_errors) {
  const char *head = "flag=no\nbig=no\n";
  char buf[512];
#define FAILS(tail, w1, w2)                                                                        \
  do {                                                                                             \
    snprintf(buf, sizeof buf, "%s%s", head, tail);                                                 \
    parse_fails(buf, w1, w2);                                                                      \
  } while (0)
  FAILS("hurt yes\n", "line 3:", "expected question=option");
  FAILS("hurt=no\nwhen=slow\n=yes\n", "line 5:", "no question id");
  FAILS("hurt=\n", "line 3:", "no option given for question 'hurt'");
  FAILS("nope=yes\n", "line 3: unknown question 'nope'", NULL);
  FAILS("hurt=no\nwhere=up\n", "line 4: unknown option 'up' for question 'where'", NULL);
  FAILS("hurt=no\n\nhurt=no\n", "line 5:", "answered twice (also on line 3)");
  FAILS("hurt=no\nwhere=inner,outer\n", "line 4:", "takes one option, got 2");
  FAILS("hurt=yes\nhow=twist\nwhere=inner\nextra=a,,b\n", "line 6:", "empty option");
  FAILS("hurt=yes\nhow=twist\nwhere=inner\nextra=a,b,a\n", "line 6:", "option 'a' is given twice");
  /* answers to questions that are not asked with these answers */
  FAILS("hurt=no\nhow=twist\nwhere=inner\nwhen=slow\n", "line 4: question 'how' is not asked",
        "hurt=yes");
  FAILS("hurt=yes\nhow=blow\nwhere=inner\nextra=a\n", "line 6: question 'extra' is not asked",
        NULL);
  /* required and asked, but missing */
  FAILS("hurt=yes\nwhere=inner\n", "missing answer to required question 'how'", NULL);
  FAILS("hurt=no\nwhere=inner\n", "missing answer to required question 'when'", NULL);
  parse_fails("big=no\nhurt=no\nwhere=inner\nwhen=slow\n",
              "missing answer to required question 'flag'", NULL);
  parse_fails("", "missing answer to required question 'flag'", NULL);
#undef FAILS
}
END_TEST

static bool printable(const char *s) {
  for (; *s; s++)
    if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f) return false;
  return true;
}

START_TEST(parse_hostile_bytes) {
  struct kc_wz_def *d = valid_base();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  char err[256];
  /* NUL bytes inside a line: an unknown id, not a cut-short line */
  static const char nul[] = "flag=no\nbig=no\nhu\0rt=yes\n";
  ck_assert_int_eq(kc_wz_parse_answers(d, nul, sizeof nul - 1, a, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "line 3: unknown question 'hu?rt'"), "%s", err);
  static const char nul2[] = "flag=no\0\nbig=no\n";
  ck_assert_int_eq(kc_wz_parse_answers(d, nul2, sizeof nul2 - 1, a, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "line 1: unknown option 'no?'"), "%s", err);
  /* invalid UTF-8 and escape sequences never reach the message raw */
  const char *esc = "flag=no\nbig=no\nhurt=\x1b[31m\xff\xfe\xc3\n";
  ck_assert_int_eq(parse(d, a, esc, err), -1);
  ck_assert(printable(err));
  ck_assert_msg(strstr(err, "line 3: unknown option '?[31m?\?\?'"), "%s", err);
  /* a huge line: the message quotes a short excerpt */
  size_t n = 4u << 20;
  char *big = malloc(n + 1);
  ck_assert_ptr_nonnull(big);
  memset(big, 'x', n);
  big[n] = '\0';
  ck_assert_int_eq(kc_wz_parse_answers(d, big, n, a, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "line 1: expected question=option"), "%s", err);
  ck_assert(strlen(err) < 120);
  big[10] = '=';
  ck_assert_int_eq(kc_wz_parse_answers(d, big, n, a, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "unknown question 'xxxxxxxxxx'"), "%s", err);
  /* huge number of lines */
  for (size_t i = 0; i < n; i++) big[i] = (i % 2) ? '\n' : ' ';
  ck_assert_int_eq(kc_wz_parse_answers(d, big, n, a, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "missing answer to required question 'flag'"), "%s", err);
  free(big);
  /* tiny or absent error buffers are fine */
  ck_assert_int_eq(kc_wz_parse_answers(d, "x", 1, a, err, 1), -1);
  ck_assert_str_eq(err, "");
  ck_assert_int_eq(kc_wz_parse_answers(d, "x", 1, a, NULL, 0), -1);
  ck_assert_int_eq(kc_wz_parse_answers(d, NULL, 0, a, err, sizeof err), -1);
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

/* Random bytes from a small alphabet of the parser's own punctuation: it
 * must neither crash (ASan) nor accept garbage. */
START_TEST(parse_random) {
  struct kc_wz_def *d = valid_base();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  static const char alpha[] = "flagbiwhrtyesno=,#\n \t\r\0\xff";
  unsigned s = 12345;
  char buf[200], err[256];
  for (int round = 0; round < 20000; round++) {
    size_t len = (size_t)(round % 199);
    for (size_t i = 0; i < len; i++) {
      s = s * 1103515245u + 12345u;
      buf[i] = alpha[(s >> 16) % (sizeof alpha - 1)];
    }
    int rc = kc_wz_parse_answers(d, buf, len, a, err, sizeof err);
    ck_assert(printable(err));
    if (rc == 0) ck_assert_int_eq(kc_wz_first_missing(d, a), -1);
  }
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

/* ---- scoring ----------------------------------------------------------------- */

static void score_text(struct kc_wz_def *d, const char *text, struct kc_wz_result *r) {
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  char err[256];
  ck_assert_msg(parse(d, a, text, err) == 0, "%s", err);
  ck_assert_int_eq(kc_wz_score(d, a, r), 0);
  kc_wz_answers_free(a);
}

START_TEST(score_order_and_reasons) {
  struct kc_wz_def *d = valid_base();
  struct kc_wz_result r;
  /* alpha 3+2-1 = 4, gamma 3+1 = 4 (tie: definition order), beta absent */
  score_text(d, "flag=no\nbig=no\nhurt=yes\nhow=twist\nwhere=inner\nextra=a,c\n", &r);
  ck_assert_uint_eq(r.n_causes, 2);
  ck_assert_uint_eq(r.causes[0].cause, 0);
  ck_assert_int_eq(r.causes[0].score, 4);
  ck_assert_uint_eq(r.causes[1].cause, 2);
  ck_assert_int_eq(r.causes[1].score, 4);
  /* alpha's reasons: strongest first, against listed apart */
  ck_assert_uint_eq(r.causes[0].n_pro, 2);
  ck_assert_str_eq(r.causes[0].pro[0].text, "inner says alpha");
  ck_assert_int_eq(r.causes[0].pro[0].weight, 3);
  ck_assert_uint_eq(r.causes[0].pro[0].question, Q_WHERE);
  ck_assert_str_eq(r.causes[0].pro[1].text, "twist says alpha");
  ck_assert_uint_eq(r.causes[0].n_con, 1);
  ck_assert_str_eq(r.causes[0].con[0].text, "c speaks a little against alpha");
  ck_assert_int_eq(r.causes[0].con[0].weight, -1);
  ck_assert_uint_eq(r.causes[1].n_pro, 2);
  ck_assert_uint_eq(r.causes[1].n_con, 0);
  ck_assert_int_eq(r.level, KC_LEVEL_SELF_CARE);
  ck_assert_int_eq(r.flag_level, KC_LEVEL_NONE);
  ck_assert_uint_eq(r.n_why, 0);
  kc_wz_result_free(&r);
  ck_assert_ptr_null(r.causes);

  /* b and c push alpha to 3+2-4-1 = 0: dropped, not listed with a zero score */
  score_text(d, "flag=no\nbig=no\nhurt=yes\nhow=twist\nwhere=inner\nextra=b,c\n", &r);
  ck_assert_uint_eq(r.n_causes, 1);
  ck_assert_uint_eq(r.causes[0].cause, 2);
  kc_wz_result_free(&r);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(score_ignores_answers_not_asked) {
  struct kc_wz_def *d = valid_base();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  struct kc_wz_result r;
  sel(d, a, "flag", "no");
  sel(d, a, "big", "no");
  sel(d, a, "hurt", "yes");
  sel(d, a, "how", "blow"); /* gamma +5, level 2 */
  sel(d, a, "where", "outer");
  ck_assert_int_eq(kc_wz_score(d, a, &r), 0);
  ck_assert_uint_eq(r.causes[0].cause, 2);
  ck_assert_int_eq(r.level, KC_LEVEL_SOON);
  kc_wz_result_free(&r);
  sel(d, a, "hurt", "no"); /* "how" is stale now: neither its evidence nor its level */
  sel(d, a, "when", "slow");
  ck_assert_int_eq(kc_wz_score(d, a, &r), 0);
  ck_assert_uint_eq(r.n_causes, 2);
  ck_assert_uint_eq(r.causes[0].cause, 1); /* beta 3 */
  ck_assert_uint_eq(r.causes[1].cause, 0); /* alpha 1 */
  ck_assert_int_eq(r.flag_level, KC_LEVEL_NONE);
  ck_assert_int_eq(r.level, KC_LEVEL_SOON); /* beta's min_level */
  kc_wz_result_free(&r);
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(level_rules) {
  struct kc_wz_def *d = valid_base();
  struct kc_wz_result r;
  /* baseline self-care with a self-care top cause */
  score_text(d, "flag=no\nbig=no\nhurt=no\nwhere=inner\nwhen=slow\n", &r);
  ck_assert_int_eq(r.level, KC_LEVEL_SELF_CARE);
  ck_assert_uint_eq(r.causes[0].cause, 0);
  kc_wz_result_free(&r);
  /* the top cause's min_level raises it, and says why */
  score_text(d, "flag=no\nbig=no\nhurt=no\nwhere=outer\nwhen=slow\n", &r);
  ck_assert_int_eq(r.level, KC_LEVEL_SOON);
  ck_assert_uint_eq(r.n_why, 1);
  ck_assert_int_eq(r.why[0].kind, KC_WZ_WHY_CAUSE);
  ck_assert_str_eq(r.why[0].text, "Beta");
  ck_assert_str_eq(r.why[0].source, "src-beta");
  kc_wz_result_free(&r);
  /* a red flag wins over a self-care cause */
  score_text(d, "flag=yes\nbig=no\nhurt=no\nwhere=inner\nwhen=slow\n", &r);
  ck_assert_int_eq(r.level, KC_LEVEL_24H);
  ck_assert_int_eq(r.flag_level, KC_LEVEL_24H);
  ck_assert_int_eq(r.why[0].kind, KC_WZ_WHY_SIGN);
  ck_assert_str_eq(r.why[0].text, "A warm calf");
  ck_assert_str_eq(r.why[0].label, "Yes");
  ck_assert_str_eq(r.why[0].source, "src-flag");
  /* ... and its danger leads the causes, before the story's */
  ck_assert_uint_eq(r.n_dangers, 1);
  ck_assert_str_eq(kc_wz_cause_at(d, r.causes[0].cause)->id, "clot");
  ck_assert_int_eq(r.causes[0].sign, 0);
  ck_assert_str_eq(kc_wz_cause_at(d, r.causes[1].cause)->id, "alpha");
  ck_assert_int_eq(r.causes[1].sign, -1);
  kc_wz_result_free(&r);
  /* "not sure" counts as yes */
  score_text(d, "flag=unsure\nbig=no\nhurt=no\nwhere=inner\nwhen=slow\n", &r);
  ck_assert_int_eq(r.level, KC_LEVEL_24H);
  ck_assert_str_eq(r.why[0].label, "Not sure");
  kc_wz_result_free(&r);
  /* the most urgent answer sets it; every one is listed, most urgent first */
  score_text(d, "flag=yes\nbig=yes\nhurt=yes\nhow=blow\nwhere=outer\n", &r);
  ck_assert_int_eq(r.level, KC_LEVEL_ED);
  ck_assert_uint_eq(r.n_why, 3);     /* big, flag, blow; top cause gamma is self-care */
  ck_assert_uint_eq(r.n_dangers, 2); /* the most urgent sign's danger first */
  ck_assert_str_eq(kc_wz_cause_at(d, r.causes[0].cause)->id, "lungs");
  ck_assert_str_eq(kc_wz_cause_at(d, r.causes[1].cause)->id, "clot");
  ck_assert_uint_eq(r.causes[2].cause, 2);
  ck_assert_int_eq(r.why[0].level, KC_LEVEL_ED);
  ck_assert_str_eq(r.why[0].source, "src-big");
  ck_assert_int_eq(r.why[1].level, KC_LEVEL_24H);
  ck_assert_int_eq(r.why[2].level, KC_LEVEL_SOON);
  ck_assert_str_eq(r.why[2].label, "Blow");
  kc_wz_result_free(&r);
  /* a red flag is not lowered by a lower-level top cause */
  score_text(d, "flag=yes\nbig=no\nhurt=no\nwhere=outer\nwhen=slow\n", &r);
  ck_assert_uint_eq(r.causes[1].cause, 1);
  ck_assert_int_eq(r.level, KC_LEVEL_24H);
  kc_wz_result_free(&r);
  /* nothing matched: at least "soon", with the rule's text and source */
  score_text(d, "flag=no\nbig=no\nhurt=no\nwhere=nowhere\nwhen=fast\n", &r);
  ck_assert_uint_eq(r.n_causes, 0);
  ck_assert_int_eq(r.level, KC_LEVEL_SOON);
  ck_assert_uint_eq(r.n_why, 1);
  ck_assert_int_eq(r.why[0].kind, KC_WZ_WHY_RULE);
  ck_assert_str_eq(r.why[0].text, "Nothing fits");
  ck_assert_str_eq(r.why[0].source, "src-rule");
  kc_wz_result_free(&r);
  /* ... and a red flag still wins over the rule */
  score_text(d, "flag=no\nbig=yes\nhurt=no\nwhere=nowhere\nwhen=fast\n", &r);
  ck_assert_int_eq(r.level, KC_LEVEL_ED);
  kc_wz_result_free(&r);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(no_match_without_rule_data) {
  /* The "soon" floor holds even when the data has no "unclear" rule. */
  struct kc_wz_def *d = kc_wz_def_new();
  add_levels(d);
  kc_wz_add_question(d, "q", "story", "Q?", KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, "q", "a", "A", 0, NULL, NULL);
  kc_wz_add_option(d, "q", "b", "B", 0, NULL, NULL);
  kc_wz_add_cause(d, "k", "K", "art", 1, NULL);
  kc_wz_add_evidence(d, "q", "a", "k", 1, "a says k");
  struct kc_wz_result r;
  score_text(d, "q=b\n", &r);
  ck_assert_int_eq(r.level, KC_LEVEL_SOON);
  ck_assert_int_eq(r.why[0].kind, KC_WZ_WHY_RULE);
  kc_wz_result_free(&r);
  score_text(d, "q=a\n", &r);
  ck_assert_int_eq(r.level, KC_LEVEL_SELF_CARE);
  kc_wz_result_free(&r);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(reads) {
  struct kc_wz_def *d = valid_base();
  struct kc_wz_result r;
  /* self-care: the causes first, then the level's article */
  score_text(d, "flag=no\nbig=no\nhurt=yes\nhow=twist\nwhere=inner\n", &r);
  ck_assert_uint_eq(r.n_reads, 3);
  ck_assert_str_eq(r.reads[0], "alpha-art");
  ck_assert_str_eq(r.reads[1], "gamma-art");
  ck_assert_str_eq(r.reads[2], "first-days");
  kc_wz_result_free(&r);
  /* urgent: the warning-sign articles first; option articles once */
  score_text(d, "flag=yes\nbig=no\nhurt=yes\nhow=twist\nwhere=inner\n", &r);
  ck_assert_int_eq(r.level, KC_LEVEL_24H);
  ck_assert_uint_eq(r.n_reads, 4);
  ck_assert_str_eq(r.reads[0], "red-flags");
  ck_assert_str_eq(r.reads[1], "alpha-art");
  ck_assert_str_eq(r.reads[2], "gamma-art");
  ck_assert_str_eq(r.reads[3], "beta-art");
  kc_wz_result_free(&r);
  kc_wz_def_free(d);
}
END_TEST

/* ---- validation ----------------------------------------------------------------- */

typedef void (*breaker)(struct kc_wz_def *d);

static void expect_invalid(struct kc_wz_def *d, const char *want1, const char *want2) {
  char err[512] = "";
  ck_assert_int_eq(kc_wz_def_validate(d, arts, NULL, err, sizeof err), -1);
  ck_assert_msg(strstr(err, want1) != NULL, "error '%s' lacks '%s'", err, want1);
  if (want2) ck_assert_msg(strstr(err, want2) != NULL, "error '%s' lacks '%s'", err, want2);
  kc_wz_def_free(d);
}

START_TEST(validate_ok_and_without_callback) {
  struct kc_wz_def *d = valid_base();
  char err[256];
  ck_assert_int_eq(kc_wz_def_validate(d, NULL, NULL, err, sizeof err), 0);
  ck_assert_int_eq(kc_wz_def_validate(d, arts, NULL, NULL, 0), 0);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(validate_references) {
  struct kc_wz_def *d = base();
  kc_wz_add_option(d, "nope", "yes", "Yes", 0, NULL, NULL);
  expect_invalid(d, "option 'yes' of question 'nope'", "no such question");

  d = base();
  kc_wz_add_evidence(d, "ghost", "a", "alpha", 1, "r");
  expect_invalid(d, "evidence 'ghost' 'a' 'alpha'", "unknown question");
  d = base();
  kc_wz_add_evidence(d, "where", "middle", "alpha", 1, "r");
  expect_invalid(d, "evidence 'where' 'middle' 'alpha'", "unknown option");
  d = base();
  kc_wz_add_evidence(d, "where", "inner", "delta", 1, "r");
  expect_invalid(d, "evidence 'where' 'inner' 'delta'", "unknown cause");

  d = base();
  kc_wz_add_cause(d, "delta", "Delta", "no-such-article", 1, NULL);
  kc_wz_add_evidence(d, "where", "inner", "delta", 1, "r");
  expect_invalid(d, "cause 'delta'", "unknown article 'no-such-article'");
  d = base();
  kc_wz_add_option(d, "where", "up", "Up", 0, NULL, "no-such-article");
  expect_invalid(d, "question 'where' option 'up'", "unknown article 'no-such-article'");
  d = base();
  kc_wz_add_read(d, 2, "no-such-article");
  expect_invalid(d, "read 'no-such-article'", "unknown article");
}
END_TEST

START_TEST(validate_sources_and_levels) {
  struct kc_wz_def *d = base();
  kc_wz_add_option(d, "where", "mid", "Mid", 2, NULL, NULL);
  expect_invalid(d, "question 'where' option 'mid'", "needs a source");
  d = base();
  kc_wz_add_option(d, "where", "mid", "Mid", 2, "", NULL);
  expect_invalid(d, "question 'where' option 'mid'", "needs a source");
  d = base();
  kc_wz_add_option(d, "where", "mid", "Mid", 7, "src", NULL);
  expect_invalid(d, "question 'where' option 'mid'", "level 7");
  /* above "soon" only through a warning sign */
  d = base();
  kc_wz_add_option(d, "where", "mid", "Mid", 3, "src", NULL);
  expect_invalid(d, "question 'where' option 'mid'", "must report a warning sign");
  /* a sign's option carries no level or source of its own */
  d = base();
  kc_wz_add_option(d, "where", "mid", "Mid", 2, "src", NULL);
  kc_wz_option_set(d, "where", "mid", "warm-calf", 0);
  expect_invalid(d, "question 'where' option 'mid'", "sign 'warm-calf'");
  /* every level has its words */
  d = base();
  kc_wz_def_free(d);
  d = kc_wz_def_new();
  kc_wz_set_level(d, 1, "self-care", "Self-care", "Look after it.", "src");
  kc_wz_add_question(d, "q", "story", "Q?", KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, "q", "a", "A", 0, NULL, NULL);
  expect_invalid(d, "level 'soon'", "needs the name");
  d = base();
  kc_wz_add_cause(d, "delta", "Delta", "alpha-art", 3, NULL);
  kc_wz_add_evidence(d, "where", "inner", "delta", 1, "r");
  expect_invalid(d, "cause 'delta'", "needs a source");
  d = base();
  kc_wz_add_cause(d, "delta", "Delta", "alpha-art", 9, "src");
  expect_invalid(d, "cause 'delta'", "min_level 9");
  d = base();
  kc_wz_add_rule(d, "always-soon", 2, "x", "src", 0, 0, 1);
  expect_invalid(d, "rule 'always-soon'", "unknown rule");
  d = kc_wz_def_new();
  add_levels(d);
  kc_wz_add_question(d, "q", "story", "Q?", KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, "q", "a", "A", 0, NULL, NULL);
  kc_wz_add_cause(d, "k", "K", "alpha-art", 1, NULL);
  kc_wz_add_evidence(d, "q", "a", "k", 1, "r");
  kc_wz_add_rule(d, "unclear", 2, "x", NULL, 0, 0, 1);
  expect_invalid(d, "rule 'unclear'", "missing source");
  /* "not sure" must carry the question's top level: its own, or through
   * the question's most urgent sign */
  d = base();
  kc_wz_add_question(d, "u", "story", "U?", KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, "u", "yes", "Yes", 2, "src", NULL);
  kc_wz_add_option(d, "u", "unsure", "Not sure", 1, "src", NULL);
  expect_invalid(d, "question 'u' option 'unsure'", "highest level");
  d = base();
  kc_wz_add_question(d, "u", "story", "U?", KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, "u", "yes", "Yes", 0, NULL, NULL);
  kc_wz_option_set(d, "u", "yes", "chest", 0);
  kc_wz_add_option(d, "u", "unsure", "Not sure", 0, NULL, NULL);
  kc_wz_option_set(d, "u", "unsure", "warm-calf", 0);
  expect_invalid(d, "question 'u' option 'unsure'", "most urgent sign");
}
END_TEST

START_TEST(validate_conditions) {
  struct kc_wz_def *d = base();
  kc_wz_add_question(d, "late", "story", "Late?", KC_WZ_ONE, "ghost=yes", true);
  kc_wz_add_option(d, "late", "ok", "OK", 0, NULL, NULL);
  expect_invalid(d, "question 'late'", "not an earlier one");
  /* refers to a later question */
  d = base();
  kc_wz_add_question(d, "first", "story", "First?", KC_WZ_ONE, "second=yes", true);
  kc_wz_add_question(d, "second", "story", "Second?", KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, "first", "ok", "OK", 0, NULL, NULL);
  kc_wz_add_option(d, "second", "yes", "Yes", 0, NULL, NULL);
  expect_invalid(d, "question 'first'", "'second=yes'");
  /* refers to itself */
  d = base();
  kc_wz_add_question(d, "self", "story", "Self?", KC_WZ_ONE, "self=ok", true);
  kc_wz_add_option(d, "self", "ok", "OK", 0, NULL, NULL);
  expect_invalid(d, "question 'self'", "not an earlier one");
  /* unknown option */
  d = base();
  kc_wz_add_question(d, "late", "story", "Late?", KC_WZ_ONE, "where=inner|middle", true);
  kc_wz_add_option(d, "late", "ok", "OK", 0, NULL, NULL);
  expect_invalid(d, "question 'late': ask_if 'where=inner|middle'", "unknown option");
  /* syntax */
  static const char *bad[] = {"where", "where=", "=inner", "where=inner|", "where=a & ", "!=a"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    d = base();
    kc_wz_add_question(d, "late", "story", "Late?", KC_WZ_ONE, bad[i], true);
    kc_wz_add_option(d, "late", "ok", "OK", 0, NULL, NULL);
    expect_invalid(d, "question 'late'", "ask_if");
  }
  /* a question whose condition did not parse is never asked */
  d = base();
  kc_wz_add_question(d, "late", "story", "Late?", KC_WZ_ONE, "where", true);
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  ck_assert(!kc_wz_is_asked(d, a, N_Q));
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(validate_duplicates_and_ids) {
  struct kc_wz_def *d = base();
  kc_wz_add_question(d, "where", "story", "Again?", KC_WZ_ONE, NULL, true);
  expect_invalid(d, "question 'where'", "duplicate question id");
  d = base();
  kc_wz_add_option(d, "where", "inner", "Inner again", 0, NULL, NULL);
  expect_invalid(d, "question 'where' option 'inner'", "duplicate option id");
  d = base();
  kc_wz_add_cause(d, "beta", "Beta again", "beta-art", 1, NULL);
  expect_invalid(d, "cause 'beta'", "duplicate cause id");
  d = base();
  kc_wz_add_evidence(d, "where", "inner", "alpha", 2, "again");
  expect_invalid(d, "evidence 'where' 'inner' 'alpha'", "listed twice");
  d = base();
  kc_wz_add_question(d, "Bad Id", "story", "Q?", KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, "Bad Id", "ok", "OK", 0, NULL, NULL);
  expect_invalid(d, "question 'Bad Id'", "lower-case");
  d = base();
  kc_wz_add_option(d, "where", "a=b", "Odd", 0, NULL, NULL);
  expect_invalid(d, "option 'a=b'", "lower-case");
  d = base();
  kc_wz_add_rule(d, "unclear", 2, "again", "src", 0, 0, 1);
  expect_invalid(d, "rule 'unclear'", "duplicate");
}
END_TEST

START_TEST(validate_shape) {
  struct kc_wz_def *d = kc_wz_def_new();
  expect_invalid(d, "no questions", NULL);
  /* more than 64 options */
  d = base();
  kc_wz_add_question(d, "wide", "story", "Wide?", KC_WZ_MANY, NULL, true);
  char id[16];
  for (int i = 0; i < KC_WZ_MAX_OPTIONS + 1; i++) {
    snprintf(id, sizeof id, "o%d", i);
    kc_wz_add_option(d, "wide", id, "O", 0, NULL, NULL);
  }
  ck_assert_uint_eq(kc_wz_question_at(d, N_Q)->n_options, KC_WZ_MAX_OPTIONS);
  expect_invalid(d, "question 'wide'", "more than 64 options");
  /* no options, no text */
  d = base();
  kc_wz_add_question(d, "bare", "story", "Bare?", KC_WZ_ONE, NULL, true);
  expect_invalid(d, "question 'bare'", "no options");
  d = base();
  kc_wz_add_question(d, "mute", "story", "", KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, "mute", "ok", "OK", 0, NULL, NULL);
  expect_invalid(d, "question 'mute'", "missing text");
  d = base();
  kc_wz_add_option(d, "where", "blank", "", 0, NULL, NULL);
  expect_invalid(d, "option 'blank'", "missing label");
  d = base();
  kc_wz_add_question(d, "odd", "story", "Odd?", (enum kc_wz_kind)7, NULL, true);
  expect_invalid(d, "question 'odd'", "kind");
  /* evidence: weight 0, no reason */
  d = base();
  kc_wz_add_evidence(d, "when", "slow", "gamma", 0, "zero");
  expect_invalid(d, "evidence 'when' 'slow' 'gamma'", "weight");
  d = base();
  kc_wz_add_evidence(d, "when", "slow", "gamma", 101, "too strong");
  expect_invalid(d, "evidence 'when' 'slow' 'gamma'", "weight");
  d = base();
  kc_wz_add_evidence(d, "when", "slow", "gamma", 1, "");
  expect_invalid(d, "evidence 'when' 'slow' 'gamma'", "reason");
  /* a cause nothing speaks for */
  d = base();
  kc_wz_add_cause(d, "lonely", "Lonely", "alpha-art", 1, NULL);
  kc_wz_add_evidence(d, "where", "inner", "lonely", -1, "against");
  expect_invalid(d, "cause 'lonely'", "no positive evidence");
}
END_TEST

START_TEST(validate_red_flags) {
  /* red flags come first */
  struct kc_wz_def *d = base();
  kc_wz_add_question(d, "rf-late", "red-flags", "Late flag?", KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, "rf-late", "yes", "Yes", 0, NULL, NULL);
  kc_wz_option_set(d, "rf-late", "yes", "warm-calf", 0);
  expect_invalid(d, "question 'rf-late'", "before all others");
  /* always asked, unless only "about" answers decide */
  d = kc_wz_def_new();
  add_levels(d);
  add_signs(d);
  kc_wz_add_question(d, "rf-a", "red-flags", "A?", KC_WZ_ONE, NULL, true);
  kc_wz_add_question(d, "rf-b", "red-flags", "B?", KC_WZ_ONE, "rf-a=no", true);
  kc_wz_add_option(d, "rf-a", "yes", "Yes", 0, NULL, NULL);
  kc_wz_option_set(d, "rf-a", "yes", "warm-calf", 0);
  kc_wz_add_option(d, "rf-a", "no", "No", 0, NULL, NULL);
  kc_wz_add_option(d, "rf-b", "yes", "Yes", 0, NULL, NULL);
  kc_wz_option_set(d, "rf-b", "yes", "warm-calf", 0);
  expect_invalid(d, "question 'rf-b'", "always be asked");
  /* and carry a level, through a warning sign */
  d = kc_wz_def_new();
  add_levels(d);
  kc_wz_add_question(d, "rf-a", "red-flags", "A?", KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, "rf-a", "yes", "Yes", 0, NULL, NULL);
  expect_invalid(d, "question 'rf-a'", "needs an option with a level");
  d = kc_wz_def_new();
  add_levels(d);
  kc_wz_add_question(d, "rf-a", "red-flags", "A?", KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, "rf-a", "yes", "Yes", 2, "src", NULL);
  expect_invalid(d, "question 'rf-a'", "must report a warning sign");
  /* "about" questions come first */
  d = base();
  kc_wz_add_question(d, "age", "about", "Age?", KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, "age", "old", "Old", 0, NULL, NULL);
  expect_invalid(d, "question 'age'", "must come first");
}
END_TEST

START_TEST(validate_problem_count) {
  struct kc_wz_def *d = base();
  kc_wz_add_option(d, "nope", "a", "A", 0, NULL, NULL);
  kc_wz_add_option(d, "nope", "b", "B", 0, NULL, NULL);
  expect_invalid(d, "option 'a' of question 'nope'", "and 1 more");
}
END_TEST

static Suite *wizard_suite(void) {
  Suite *s = suite_create("wizard");
  TCase *t = tcase_create("definition");
  tcase_add_test(t, accessors);
  tcase_add_test(t, strings_are_copied);
  tcase_add_test(t, unsure_counts_as_most_urgent);
  suite_add_tcase(s, t);
  t = tcase_create("navigation");
  tcase_add_test(t, conditions);
  tcase_add_test(t, condition_alternatives);
  tcase_add_test(t, next_prev_count);
  tcase_add_test(t, prune_after_back);
  tcase_add_test(t, first_missing);
  tcase_add_test(t, set_toggle_clear);
  tcase_add_test(t, answers_belong_to_their_def);
  suite_add_tcase(s, t);
  t = tcase_create("parse");
  tcase_set_timeout(t, 30);
  tcase_add_test(t, parse_ok);
  tcase_add_test(t, answers_text);
  tcase_add_test(t, parse_errors);
  tcase_add_test(t, parse_hostile_bytes);
  tcase_add_test(t, parse_random);
  suite_add_tcase(s, t);
  t = tcase_create("score");
  tcase_add_test(t, score_order_and_reasons);
  tcase_add_test(t, score_ignores_answers_not_asked);
  tcase_add_test(t, level_rules);
  tcase_add_test(t, no_match_without_rule_data);
  tcase_add_test(t, reads);
  suite_add_tcase(s, t);
  t = tcase_create("validate");
  tcase_add_test(t, validate_ok_and_without_callback);
  tcase_add_test(t, validate_references);
  tcase_add_test(t, validate_sources_and_levels);
  tcase_add_test(t, validate_conditions);
  tcase_add_test(t, validate_duplicates_and_ids);
  tcase_add_test(t, validate_shape);
  tcase_add_test(t, validate_red_flags);
  tcase_add_test(t, validate_problem_count);
  suite_add_tcase(s, t);
  return s;
}

KC_CHECK_MAIN(wizard_suite)
