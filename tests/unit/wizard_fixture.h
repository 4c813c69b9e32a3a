/* The small hand-made wizard definition the engine's unit tests share
 * (test_wizard.c, test_wizard_validate.c; test_wizard_signs.c takes only
 * add_levels): seven questions, three causes,
 * two warning signs, evidence, a rule and reads. Static inline: each test
 * program uses what it needs. */
#ifndef KC_WIZARD_FIXTURE_H
#define KC_WIZARD_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "kc_check.h"
#include "kneecare/wizard.h"

/* Question indices of the base definition. */
enum { Q_FLAG, Q_BIG, Q_HURT, Q_HOW, Q_WHERE, Q_EXTRA, Q_WHEN, N_Q };

/* The five levels' words, which every definition carries. */
static inline void add_levels(struct kc_wz_def *d) {
  for (int l = KC_LEVEL_SELF_CARE; l <= KC_LEVEL_MAX; l++)
    kc_wz_set_level(d, l, kc_level_name((enum kc_level)l), kc_level_title((enum kc_level)l),
                    kc_level_advice((enum kc_level)l), "src-level");
}

/* Two warning signs (levels 3 and 4) with the dangers they name. */
static inline void add_signs(struct kc_wz_def *d) {
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

static inline struct kc_wz_def *base(void) {
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

static inline bool arts(const char *id, void *ctx) {
  (void)ctx;
  static const char *known[] = {"alpha-art",  "beta-art",  "gamma-art",
                                "first-days", "red-flags", "emergency-signs"};
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
    if (strcmp(id, known[i]) == 0) return true;
  return false;
}

static inline struct kc_wz_def *valid_base(void) {
  struct kc_wz_def *d = base();
  char err[256];
  int rc = kc_wz_def_validate(d, arts, NULL, err, sizeof err);
  ck_assert_msg(rc == 0, "base definition invalid: %s", err);
  return d;
}

static inline void sel(struct kc_wz_def *d, struct kc_wz_answers *a, const char *q, const char *o) {
  int qi = kc_wz_find_question(d, q);
  ck_assert_int_ge(qi, 0);
  int oj = kc_wz_find_option(d, (size_t)qi, o);
  ck_assert_int_ge(oj, 0);
  ck_assert_int_eq(kc_wz_answers_set(a, (size_t)qi, (size_t)oj), 0);
}

#endif
