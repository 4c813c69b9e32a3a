/* The wizard engine on small hand-made definitions: conditions, navigation,
 * pruning, the answers-file parser (every error kind, with line numbers, and
 * hostile input), scoring order and reasons, the level rules and reads.
 * Validation is in test_wizard_validate.c. */
#include <stdlib.h>
#include <string.h>

#include "kc_check.h"
#include "kneecare/wizard.h"
#include "wizard_fixture.h"

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
  return s;
}

KC_CHECK_MAIN(wizard_suite)
