/* Unit tests: the wizard definition's validation catching each kind of
 * broken definition (references, sources and levels, conditions,
 * duplicates and ids, shape, red flags), on the shared fixture. */
#include <stdlib.h>
#include <string.h>

#include "kc_check.h"
#include "kneecare/wizard.h"
#include "wizard_fixture.h"

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

static Suite *wizard_validate_suite(void) {
  Suite *s = suite_create("wizard_validate");
  TCase *t = tcase_create("validate");
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

KC_CHECK_MAIN(wizard_validate_suite)
