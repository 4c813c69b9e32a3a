/* The wizard engine's warning signs on small hand-made definitions: a
 * positive sign names its danger first (its own cause, or the one of its
 * other causes the story favours), signs made positive by a condition, the
 * gate that keeps provocation tests away from warning signs and recent
 * injuries, "stop now", runs stopped there, exclusive options, what changed
 * since older answers files, the "unclear" rule, vetoes, actions, the
 * article tags rendered from the definition's words, and the validation of
 * each of these. */
#include <stdlib.h>
#include <string.h>

#include "kc_check.h"
#include "kneecare/markup.h"
#include "kneecare/wizard.h"
#include "wizard_fixture.h" /* add_levels */

static void cause(struct kc_wz_def *d, const char *id, enum kc_wz_cause_kind kind, int min,
                  const char *action) {
  kc_wz_add_cause(d, id, id, "art", min, "src");
  kc_wz_cause_set(d, id, kind, action, KC_WZ_PLAN_NONE, false);
}

static void sign(struct kc_wz_def *d, const char *id, int level, const char *cause_id,
                 const char *action, const char *positive_if) {
  kc_wz_add_sign(d, &(struct kc_wz_sign_spec){.id = id,
                                              .statement = id,
                                              .cause_id = cause_id,
                                              .action = action,
                                              .source = "src-sign",
                                              .positive_if = positive_if,
                                              .level = level});
}

static void yes_no(struct kc_wz_def *d, const char *q, const char *sign_id) {
  kc_wz_add_option(d, q, "yes", "Yes", 0, NULL, NULL);
  kc_wz_option_set(d, q, "yes", sign_id, 0);
  kc_wz_add_option(d, q, "no", "No", 0, NULL, NULL);
  kc_wz_add_option(d, q, "unsure", "Not sure", 0, NULL, NULL);
  kc_wz_option_set(d, q, "unsure", sign_id, 0);
}

/* age (about) -> two red flags -> injury (with a gate) -> where -> swollen
 * (reports a sign) -> hop (a provocation test). */
static struct kc_wz_def *def_new(void) {
  struct kc_wz_def *d = kc_wz_def_new();
  add_levels(d);
  kc_wz_add_question(d, "age", "about", "Age?", KC_WZ_ONE, NULL, true);
  kc_wz_add_question(d, "rf-chest", "red-flags", "Chest?", KC_WZ_ONE, NULL, true);
  kc_wz_add_question(d, "rf-pop", "red-flags", "Pop and swelling?", KC_WZ_ONE, NULL, true);
  kc_wz_add_question(d, "rf-kid", "red-flags", "Child limping?", KC_WZ_ONE, "age=young", true);
  kc_wz_add_question(d, "injury", "injury", "Injured?", KC_WZ_ONE, NULL, true);
  kc_wz_add_question(d, "where", "story", "Where?", KC_WZ_ONE, NULL, true);
  kc_wz_add_question(d, "how", "story", "How does it feel?", KC_WZ_MANY, NULL, true);
  kc_wz_add_question(d, "hop", "story", "Hop?", KC_WZ_ONE, NULL, true);
  kc_wz_question_set(d, "hop", KC_WZ_Q_PROVOCATION);
  cause(d, "lungs", KC_WZ_DANGER, 5, "");
  cause(d, "bleed", KC_WZ_DANGER, 3, "Stop sport.");
  cause(d, "ligament", KC_WZ_CONDITION, 3, "No pivoting.");
  cause(d, "break", KC_WZ_DANGER, 4, "X-ray today.");
  cause(d, "hipkid", KC_WZ_DANGER, 3, "");
  cause(d, "front", KC_WZ_CONDITION, 1, "Ease off hills.");
  cause(d, "inner", KC_WZ_CONDITION, 2, "See a physio.");
  cause(d, "outer", KC_WZ_CONDITION, 1, "");
  cause(d, "load", KC_WZ_FACTOR, 1, "Cut back.");
  cause(d, "bone", KC_WZ_CONDITION, 2, "Stop running.");
  sign(d, "breathless", 5, "lungs", "Sit upright.", NULL);
  sign(d, "fast-swelling", 3, "bleed", "", NULL);
  kc_wz_add_sign_cause(d, "fast-swelling", "ligament");
  sign(d, "old-and-hurt", 4, "break", "Do not drive.", "age=old & injury=recent|unsure");
  sign(d, "child-hip", 3, "hipkid", "", NULL);
  sign(d, "hop-pain", 2, "bone", "", NULL);
  kc_wz_add_option(d, "age", "young", "Young", 2, "src-age", NULL);
  kc_wz_add_option(d, "age", "adult", "Adult", 0, NULL, NULL);
  kc_wz_add_option(d, "age", "old", "Old", 0, NULL, NULL);
  yes_no(d, "rf-chest", "breathless");
  yes_no(d, "rf-pop", "fast-swelling");
  yes_no(d, "rf-kid", "child-hip");
  kc_wz_add_option(d, "injury", "recent", "This week", 0, NULL, NULL);
  kc_wz_option_set(d, "injury", "recent", NULL, KC_WZ_OPT_GATE);
  kc_wz_add_option(d, "injury", "older", "Long ago", 0, NULL, NULL);
  kc_wz_add_option(d, "injury", "no", "No", 0, NULL, NULL);
  kc_wz_add_option(d, "injury", "unsure", "Not sure", 0, NULL, NULL);
  kc_wz_option_set(d, "injury", "unsure", NULL, KC_WZ_OPT_GATE);
  kc_wz_add_option(d, "where", "front", "Front", 0, NULL, NULL);
  kc_wz_add_option(d, "where", "inner", "Inner", 0, NULL, NULL);
  kc_wz_add_option(d, "where", "outer", "Outer", 0, NULL, NULL);
  kc_wz_add_option(d, "where", "vague", "Vague", 0, NULL, NULL);
  kc_wz_add_option(d, "how", "ache", "Ache", 0, NULL, NULL);
  kc_wz_add_option(d, "how", "pop", "Popped", 0, NULL, NULL);
  kc_wz_add_option(d, "how", "none", "None of these", 0, NULL, NULL);
  kc_wz_option_set(d, "how", "none", NULL, KC_WZ_OPT_EXCLUSIVE);
  kc_wz_add_option(d, "hop", "yes", "Hurts", 0, NULL, NULL);
  kc_wz_option_set(d, "hop", "yes", "hop-pain", 0);
  kc_wz_add_option(d, "hop", "no", "Fine", 0, NULL, NULL);
  kc_wz_add_evidence(d, "where", "front", "front", 6, "front says front");
  kc_wz_add_evidence(d, "where", "inner", "inner", 6, "inner says inner");
  kc_wz_add_evidence(d, "where", "inner", "front", 5, "inner is close to the front");
  kc_wz_add_evidence(d, "where", "outer", "outer", 6, "outer says outer");
  kc_wz_add_evidence(d, "where", "vague", "load", 2, "vague says a little load");
  kc_wz_add_evidence(d, "where", "vague", "front", 1, "vague says a little front");
  kc_wz_add_evidence(d, "how", "ache", "load", 8, "an ache says load");
  kc_wz_add_evidence(d, "how", "pop", "ligament", 6, "a pop says ligament");
  kc_wz_add_evidence(d, "where", "inner", "ligament", 2, "inner hints at a ligament");
  kc_wz_add_evidence(d, "hop", "no", "front", 1, "hopping is fine");
  kc_wz_add_veto(d, "where", "inner", "outer", "inner is not outer");
  kc_wz_add_rule(d, "unclear", 2, "Not clear", "src-rule", 5, 2, 3);
  kc_wz_add_change(d, "rf-old", NULL, "split into 'rf-chest' and 'rf-pop'");
  kc_wz_add_change(d, "injury", "yes", "now 'recent' or 'older'");
  kc_wz_add_change(d, "where", NULL, "new: where it hurts");
  return d;
}

static struct kc_wz_def *valid(void) {
  struct kc_wz_def *d = def_new();
  char err[256];
  ck_assert_msg(kc_wz_def_validate(d, NULL, NULL, err, sizeof err) == 0, "invalid: %s", err);
  return d;
}

static int parse(const struct kc_wz_def *d, const char *text, struct kc_wz_answers *a, char *err,
                 size_t n) {
  return kc_wz_parse_answers(d, text, strlen(text), a, err, n);
}

/* Scores text that must parse. */
static void score(const struct kc_wz_def *d, const char *text, struct kc_wz_result *r) {
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  char err[256];
  ck_assert_msg(parse(d, text, a, err, sizeof err) == 0, "%s: %s", text, err);
  ck_assert_int_eq(kc_wz_score(d, a, r), 0);
  kc_wz_answers_free(a);
}

static const char *cause_id(const struct kc_wz_def *d, const struct kc_wz_result *r, size_t i) {
  return i < r->n_causes ? kc_wz_cause_at(d, r->causes[i].cause)->id : "(none)";
}

#define PLAIN "age=adult\nrf-chest=no\nrf-pop=no\ninjury=no\n"

START_TEST(danger_named_first) {
  struct kc_wz_def *d = valid();
  struct kc_wz_result r;
  score(d, "age=adult\nrf-chest=yes\nrf-pop=no\ninjury=no\nwhere=front\nhow=ache\n", &r);
  ck_assert_int_eq(r.level, KC_LEVEL_AMBULANCE);
  ck_assert_uint_eq(r.n_signs, 1);
  ck_assert_uint_eq(r.n_dangers, 1);
  ck_assert_str_eq(cause_id(d, &r, 0), "lungs");
  ck_assert_int_eq(r.causes[0].sign, kc_wz_find_sign(d, "breathless"));
  /* the story's causes follow; its self-care advice is left out */
  ck_assert_str_eq(cause_id(d, &r, 1), "load");
  ck_assert_uint_eq(r.n_actions, 1);
  ck_assert_str_eq(r.actions[0], "Sit upright.");
  ck_assert_int_eq(r.why[0].kind, KC_WZ_WHY_SIGN);
  ck_assert_str_eq(r.why[0].text, "breathless");
  kc_wz_result_free(&r);
  /* two signs: the most urgent one's danger first */
  score(d, "age=adult\nrf-chest=unsure\nrf-pop=yes\ninjury=no\nwhere=front\nhow=ache\n", &r);
  ck_assert_uint_eq(r.n_dangers, 2);
  ck_assert_str_eq(cause_id(d, &r, 0), "lungs");
  ck_assert_str_eq(cause_id(d, &r, 1), "bleed");
  kc_wz_result_free(&r);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(sign_names_the_cause_the_story_favours) {
  struct kc_wz_def *d = valid();
  struct kc_wz_result r;
  /* no story for the sign's other cause: its own cause */
  score(d, "age=adult\nrf-chest=no\nrf-pop=yes\ninjury=no\nwhere=front\nhow=ache\n", &r);
  ck_assert_str_eq(cause_id(d, &r, 0), "bleed");
  ck_assert_int_eq(r.level, KC_LEVEL_24H);
  kc_wz_result_free(&r);
  /* a pop: the ligament, a cause the sign can mean, and its level */
  score(d, "age=adult\nrf-chest=no\nrf-pop=yes\ninjury=no\nwhere=front\nhow=pop\n", &r);
  ck_assert_str_eq(cause_id(d, &r, 0), "ligament");
  ck_assert_uint_eq(r.n_dangers, 1);
  ck_assert_int_eq(r.level, KC_LEVEL_24H);
  ck_assert_str_eq(cause_id(d, &r, 1), "front");
  kc_wz_result_free(&r);
  /* a hint (2, below the unclear rule's 5) does not rename the danger */
  score(d, "age=adult\nrf-chest=no\nrf-pop=yes\ninjury=no\nwhere=inner\nhow=ache\n", &r);
  ck_assert_str_eq(cause_id(d, &r, 0), "bleed");
  kc_wz_result_free(&r);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(sign_by_condition) {
  struct kc_wz_def *d = valid();
  struct kc_wz_result r;
  /* old and injured this week: positive without an option of its own */
  score(d, "age=old\nrf-chest=no\nrf-pop=no\ninjury=recent\nwhere=front\nhow=ache\n", &r);
  ck_assert_int_eq(r.level, KC_LEVEL_ED);
  ck_assert_int_eq(r.flag_level, KC_LEVEL_ED);
  ck_assert_str_eq(cause_id(d, &r, 0), "break");
  ck_assert_int_eq(r.signs[0].question, -1);
  ck_assert_int_eq(r.why[0].kind, KC_WZ_WHY_SIGN);
  ck_assert_ptr_null(r.why[0].label);
  ck_assert(r.stop_now);
  kc_wz_result_free(&r);
  /* an old injury does not count */
  score(d, "age=old\nrf-chest=no\nrf-pop=no\ninjury=older\nwhere=front\nhow=ache\nhop=no\n", &r);
  ck_assert_uint_eq(r.n_signs, 0);
  ck_assert_int_eq(r.level, KC_LEVEL_SELF_CARE);
  kc_wz_result_free(&r);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(provocation_gate) {
  struct kc_wz_def *d = valid();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  int hop = kc_wz_find_question(d, "hop");
  char err[256];
  /* asked with no sign and no recent injury */
  ck_assert_int_eq(parse(d, PLAIN "where=front\nhow=ache\nhop=no\n", a, err, sizeof err), 0);
  ck_assert(kc_wz_is_asked(d, a, (size_t)hop));
  /* never after a warning sign, "not sure" included */
  ck_assert_int_eq(
      parse(d, "age=adult\nrf-chest=no\nrf-pop=unsure\ninjury=no\nwhere=front\nhow=ache\n", a, err,
            sizeof err),
      0);
  ck_assert(!kc_wz_is_asked(d, a, (size_t)hop));
  /* nor after a recent injury (a gate answer), nor a sign by condition */
  ck_assert_int_eq(
      parse(d, "age=adult\nrf-chest=no\nrf-pop=no\ninjury=recent\nwhere=front\nhow=ache\n", a, err,
            sizeof err),
      0);
  ck_assert(!kc_wz_is_asked(d, a, (size_t)hop));
  /* an answer to it then is ignored (counted), never an error that would
   * hide what to do */
  ck_assert_int_eq(parse(d,
                         "age=adult\nrf-chest=no\nrf-pop=no\ninjury=recent\nwhere=front\nhow="
                         "ache\nhop=no\n",
                         a, err, sizeof err),
                   0);
  ck_assert(!kc_wz_is_asked(d, a, (size_t)hop));
  ck_assert_uint_eq(kc_wz_answers_get(a, (size_t)hop), 0);
  ck_assert_uint_eq(kc_wz_answers_ignored(a), 1);
  ck_assert_int_eq(parse(d,
                         "age=adult\nrf-chest=yes\nrf-pop=no\ninjury=no\nwhere=front\nhow="
                         "ache\nhop=yes\n",
                         a, err, sizeof err),
                   0);
  ck_assert_uint_eq(kc_wz_answers_ignored(a), 1);
  struct kc_wz_result r0;
  ck_assert_int_eq(kc_wz_score(d, a, &r0), 0);
  ck_assert_int_eq(r0.level, KC_LEVEL_AMBULANCE); /* the sign decides */
  kc_wz_result_free(&r0);
  /* an answer to a question not asked for its own condition stays an error */
  ck_assert_int_eq(parse(d, PLAIN "rf-kid=no\nwhere=front\nhow=ache\nhop=no\n", a, err, sizeof err),
                   -1);
  ck_assert_msg(strstr(err, "line 5: question 'rf-kid' is not asked with these answers (asked "
                            "only if age=young)"),
                "%s", err);
  ck_assert_uint_eq(kc_wz_answers_ignored(a), 0);
  /* going back and taking the sign away asks it again */
  ck_assert_int_eq(parse(d, PLAIN "where=front\nhow=ache\nhop=yes\n", a, err, sizeof err), 0);
  struct kc_wz_result r;
  ck_assert_int_eq(kc_wz_score(d, a, &r), 0);
  ck_assert_str_eq(cause_id(d, &r, 0), "bone"); /* hop-pain's danger */
  ck_assert_int_eq(r.level, KC_LEVEL_SOON);
  kc_wz_result_free(&r);
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(stop_now_and_stopped_runs) {
  struct kc_wz_def *d = valid();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  char err[256];
  ck_assert(!kc_wz_stop_now(d, a));
  ck_assert_int_eq(kc_wz_answers_set(a, 1, 2), 0); /* rf-chest=unsure */
  ck_assert(kc_wz_stop_now(d, a));
  /* a file that stops at an answer needing help now is complete enough */
  ck_assert_int_eq(parse(d, "age=adult\nrf-chest=yes\n", a, err, sizeof err), 0);
  struct kc_wz_result r;
  ck_assert_int_eq(kc_wz_score(d, a, &r), 0);
  ck_assert(r.stop_now);
  ck_assert(!r.complete);
  ck_assert_uint_eq(r.n_causes, 1); /* no story told: the danger only */
  ck_assert_str_eq(cause_id(d, &r, 0), "lungs");
  ck_assert_int_eq(r.lead, -1);
  kc_wz_result_free(&r);
  /* a 24-hour sign is not enough to stop */
  ck_assert_int_eq(parse(d, "age=adult\nrf-chest=no\nrf-pop=yes\n", a, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "missing answer to required question 'injury'"), "%s", err);
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(exclusive_options) {
  struct kc_wz_def *d = valid();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  size_t how = (size_t)kc_wz_find_question(d, "how");
  char err[256];
  ck_assert_int_eq(kc_wz_answers_set_mask(a, how, 0x5), -1); /* ache + none */
  ck_assert_int_eq(kc_wz_answers_toggle(a, how, 0), 0);
  ck_assert_int_eq(kc_wz_answers_toggle(a, how, 1), 0);
  ck_assert_uint_eq(kc_wz_answers_get(a, how), 0x3);
  ck_assert_int_eq(kc_wz_answers_toggle(a, how, 2), 0); /* none clears the others */
  ck_assert_uint_eq(kc_wz_answers_get(a, how), 0x4);
  ck_assert_int_eq(kc_wz_answers_set(a, how, 0), 0); /* and another clears none */
  ck_assert_uint_eq(kc_wz_answers_get(a, how), 0x1);
  ck_assert_int_eq(parse(d, PLAIN "where=front\nhow=ache,none\nhop=no\n", a, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "line 6: option 'none' of question 'how' cannot be combined"), "%s",
                err);
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(what_changed) {
  struct kc_wz_def *d = valid();
  struct kc_wz_answers *a = kc_wz_answers_new(d);
  char err[256];
  ck_assert_int_eq(parse(d, "age=adult\nrf-old=no\n", a, err, sizeof err), -1);
  ck_assert_str_eq(err, "line 2: unknown question 'rf-old' (changed in this version: split into "
                        "'rf-chest' and 'rf-pop')");
  ck_assert_int_eq(parse(d, "age=adult\nrf-chest=no\nrf-pop=no\ninjury=yes\n", a, err, sizeof err),
                   -1);
  ck_assert_msg(strstr(err, "line 4: unknown option 'yes' for question 'injury' (changed in this "
                            "version: now 'recent' or 'older')"),
                "%s", err);
  ck_assert_int_eq(parse(d, PLAIN "how=ache\n", a, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "missing answer to required question 'where' (Where?): new in this "
                            "version: new: where it hurts"),
                "%s", err);
  ck_assert_str_eq(kc_wz_change_note(d, "injury", "yes"), "now 'recent' or 'older'");
  ck_assert_ptr_null(kc_wz_change_note(d, "injury", NULL));
  kc_wz_answers_free(a);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(unclear_and_lead) {
  struct kc_wz_def *d = valid();
  struct kc_wz_result r;
  /* front 6 + 1 against nothing close: a clear lead */
  score(d, PLAIN "where=front\nhow=none\nhop=no\n", &r);
  ck_assert_int_eq(r.lead, 0);
  ck_assert_str_eq(cause_id(d, &r, 0), "front");
  ck_assert_int_eq(r.level, KC_LEVEL_SELF_CARE);
  ck_assert_str_eq(r.actions[0], "Ease off hills.");
  kc_wz_result_free(&r);
  /* inner 6 and front 5: too close, so no "most likely"; the level acts for
   * the most urgent one in the running (inner, soon), and says why */
  score(d, PLAIN "where=inner\nhow=none\nhop=no\n", &r);
  ck_assert_int_eq(r.lead, -1);
  ck_assert_int_eq(r.level, KC_LEVEL_SOON);
  bool rule = false;
  for (size_t i = 0; i < r.n_why; i++) rule |= r.why[i].kind == KC_WZ_WHY_RULE;
  ck_assert(rule);
  ck_assert_uint_eq(r.n_actions, 2); /* both contenders' actions */
  /* the veto keeps "outer" out even though nothing else spoke for it */
  for (size_t i = 0; i < r.n_causes; i++) ck_assert_str_ne(cause_id(d, &r, i), "outer");
  kc_wz_result_free(&r);
  /* a factor (load 8) does not compete with a condition (front 6+1=7) */
  score(d, PLAIN "where=front\nhow=ache\nhop=no\n", &r);
  ck_assert_str_eq(cause_id(d, &r, 0), "load");
  ck_assert_int_eq(r.lead, 0);
  kc_wz_result_free(&r);
  /* a weak hint is not listed (vague: load 2, front 1+1 below 3) */
  score(d, PLAIN "where=vague\nhow=none\nhop=no\n", &r);
  ck_assert_uint_eq(r.n_causes, 0);
  ck_assert_int_eq(r.lead, -1);
  ck_assert_int_eq(r.level, KC_LEVEL_SOON);
  kc_wz_result_free(&r);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(child_questions_follow_age) {
  struct kc_wz_def *d = valid();
  struct kc_wz_result r;
  score(d,
        "age=young\nrf-chest=no\nrf-pop=no\nrf-kid=no\ninjury=no\nwhere=front\nhow=none\nhop=no\n",
        &r);
  ck_assert_int_eq(r.level, KC_LEVEL_SOON); /* a child: at least soon */
  ck_assert_int_eq(r.why[0].kind, KC_WZ_WHY_ANSWER);
  kc_wz_result_free(&r);
  score(d, "age=young\nrf-chest=no\nrf-pop=no\nrf-kid=yes\ninjury=no\nwhere=front\nhow=none\n", &r);
  ck_assert_int_eq(r.level, KC_LEVEL_24H);
  ck_assert_str_eq(cause_id(d, &r, 0), "hipkid");
  kc_wz_result_free(&r);
  kc_wz_def_free(d);
}
END_TEST

START_TEST(tags_render_words) {
  /* the words as the store loads them (kc_tags_load) from triage_level and sign */
  struct kc_tag_table *tab = kc_tag_table_new();
  kc_tag_table_level(tab, KC_LEVEL_24H, "24h", "Get a same-day appointment",
                     "Get a same-day appointment today.");
  kc_tag_table_level(tab, KC_LEVEL_ED, "ed", "Go to an emergency department now",
                     "Go to an emergency department now.");
  kc_tag_table_level(tab, KC_LEVEL_AMBULANCE, "ambulance", "Call an ambulance now",
                     "Call an ambulance now.");
  kc_tag_table_level(tab, 9, "x", "ignored", "ignored"); /* not a level: ignored */
  kc_tag_table_sign(tab, "breathless", KC_LEVEL_AMBULANCE, "breathless");
  struct kc_tag_resolver res = kc_tag_table_resolver(tab);
  const char *src =
      "## {level:ed}\n\n- {sign:breathless}\n- {sign:nope}\n\n{action:24h} {level:x}\n";
  size_t n;
  char *out = kc_tags_expand(src, strlen(src), &res, &n);
  ck_assert_uint_eq(strlen(out), n);
  ck_assert_msg(strstr(out, "## Go to an emergency department now\n"), "%s", out);
  ck_assert_msg(strstr(out, "- breathless: **Call an ambulance now**\n"), "%s", out);
  ck_assert_msg(strstr(out, "- {sign:nope}\n"), "%s", out); /* unknown: left as written */
  ck_assert_msg(strstr(out, "Get a same"), "%s", out);
  ck_assert_msg(strstr(out, "{level:x}"), "%s", out);
  free(out);
  /* finding tags: not in the middle of a word's braces */
  struct kc_tag t;
  const char *s = "a {sign:} {level:Ed} {sign:x-1} {";
  ck_assert(kc_tag_next(s, strlen(s), 0, &t));
  ck_assert_int_eq(t.kind, KC_TAG_SIGN);
  ck_assert_uint_eq(t.id_len, 3);
  ck_assert(!kc_tag_next(s, strlen(s), t.end, &t));
  /* rendered: the words, never the braces */
  struct kc_mdoc doc;
  ck_assert_int_eq(kc_markup_render_tagged(src, strlen(src), 60, &res, &doc), 0);
  bool found = false;
  for (size_t i = 0; i < doc.n_lines; i++) {
    const struct kc_mline *l = &doc.lines[i];
    for (size_t k = 0; k + 17 <= l->text_len && !found; k++)
      found = memcmp(doc.text + l->text_off + k, "Call an ambulance", 17) == 0;
  }
  ck_assert(found);
  kc_mdoc_free(&doc);
  kc_tag_table_free(tab);
}
END_TEST

static void expect_invalid(struct kc_wz_def *d, const char *part) {
  char err[512];
  ck_assert_int_eq(kc_wz_def_validate(d, NULL, NULL, err, sizeof err), -1);
  ck_assert_msg(strstr(err, part), "error '%s' lacks '%s'", err, part);
  kc_wz_def_free(d);
}

START_TEST(section_titles) {
  struct kc_wz_def *d = def_new();
  /* without titles the id is shown */
  ck_assert_str_eq(kc_wz_section_title(d, "red-flags"), "red-flags");
  kc_wz_add_section(d, "about", "About you");
  kc_wz_add_section(d, "red-flags", "Warning signs");
  ck_assert_str_eq(kc_wz_section_title(d, "red-flags"), "Warning signs");
  /* once titles are given, every section needs one */
  expect_invalid(d, "section 'injury' has no title");
  d = def_new();
  kc_wz_add_section(d, "about", "About you");
  kc_wz_add_section(d, "about", "Again");
  expect_invalid(d, "section 'about': a bad or duplicate id");
}
END_TEST

START_TEST(validate_signs) {
  struct kc_wz_def *d = def_new();
  sign(d, "ghost", 3, "bleed", "", NULL);
  expect_invalid(d, "sign 'ghost': no answer reports it");
  d = def_new();
  sign(d, "orphan", 3, "nothing", "", NULL);
  expect_invalid(d, "sign 'orphan': unknown cause 'nothing'");
  d = def_new();
  kc_wz_add_option(d, "where", "odd", "Odd", 0, NULL, NULL);
  kc_wz_option_set(d, "where", "odd", "nope", 0);
  expect_invalid(d, "question 'where' option 'odd': unknown sign 'nope'");
  /* a danger no sign names */
  d = def_new();
  cause(d, "lonely", KC_WZ_DANGER, 3, "");
  kc_wz_add_evidence(d, "where", "front", "lonely", 1, "r");
  expect_invalid(d, "cause 'lonely': a danger must be named by a warning sign");
  /* a test before a question that can block it */
  d = def_new();
  kc_wz_add_question(d, "late", "story", "Late?", KC_WZ_ONE, NULL, true);
  kc_wz_add_option(d, "late", "yes", "Yes", 0, NULL, NULL);
  kc_wz_option_set(d, "late", "yes", "fast-swelling", 0);
  expect_invalid(d, "question 'hop': a provocation test must come after question 'late'");
  /* a sign's condition that looks at a test */
  d = def_new();
  sign(d, "after-hop", 3, "bleed", "", "hop=yes");
  expect_invalid(d, "sign 'after-hop': positive_if 'hop=yes' names an answer after a provocation");
  /* exclusive only in "many" questions */
  d = def_new();
  kc_wz_option_set(d, "where", "vague", NULL, KC_WZ_OPT_EXCLUSIVE);
  expect_invalid(d, "only an option of a 'many' question can be exclusive");
  /* a red flag may depend on "about" answers only */
  d = kc_wz_def_new();
  add_levels(d);
  cause(d, "lungs", KC_WZ_DANGER, 5, "");
  sign(d, "breathless", 5, "lungs", "", NULL);
  kc_wz_add_question(d, "rf-a", "red-flags", "A?", KC_WZ_ONE, NULL, true);
  kc_wz_add_question(d, "rf-b", "red-flags", "B?", KC_WZ_ONE, "rf-a=no", true);
  yes_no(d, "rf-a", "breathless");
  yes_no(d, "rf-b", "breathless");
  expect_invalid(d, "question 'rf-b': a red-flag question must always be asked");
}
END_TEST

START_TEST(condition_words) {
  struct kc_wz_def *d = valid();
  char w[256];
  kc_wz_condition_words(d, (size_t)kc_wz_find_question(d, "rf-kid"), w, sizeof w);
  ck_assert_str_eq(w, "age is young");
  kc_wz_condition_words(d, 0, w, sizeof w);
  ck_assert_str_eq(w, "");
  kc_wz_condition_words(d, (size_t)kc_wz_find_question(d, "rf-kid"), w, 6);
  ck_assert_str_eq(w, "age i");
  kc_wz_def_free(d);
}
END_TEST

static Suite *signs_suite(void) {
  Suite *s = suite_create("wizard_signs");
  TCase *t = tcase_create("signs");
  tcase_add_test(t, danger_named_first);
  tcase_add_test(t, sign_names_the_cause_the_story_favours);
  tcase_add_test(t, sign_by_condition);
  tcase_add_test(t, provocation_gate);
  tcase_add_test(t, stop_now_and_stopped_runs);
  tcase_add_test(t, exclusive_options);
  tcase_add_test(t, what_changed);
  tcase_add_test(t, unclear_and_lead);
  tcase_add_test(t, child_questions_follow_age);
  tcase_add_test(t, tags_render_words);
  tcase_add_test(t, validate_signs);
  tcase_add_test(t, section_titles);
  tcase_add_test(t, condition_words);
  suite_add_tcase(s, t);
  return s;
}

KC_CHECK_MAIN(signs_suite)
