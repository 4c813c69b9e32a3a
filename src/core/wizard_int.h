/* Private to the wizard engine (src/core/wizard_*.c): the definition's
 * storage and the helpers its parts share. The public view of each item
 * (struct kc_wz_question, ...) is the first member of its private record,
 * so accessors hand out pointers into the definition without copying.
 *
 * The parts: wizard_def.c builds and reads a definition, wizard_cond.c
 * parses and describes conditions, wizard_validate.c checks a definition,
 * wizard_nav.c holds answers and decides what is asked, wizard_score.c
 * turns answers into a result, wizard_answers.c reads and writes answers
 * files. */
#ifndef KC_WIZARD_INT_H
#define KC_WIZARD_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kneecare/wizard.h"

/* One clause of a condition: question q with options listed by id; mask is
 * kept in step with the options as they are added. */
struct wz_clause {
  size_t q;
  bool negate;
  uint64_t mask;
  char **opts;
  size_t n_opts;
};

/* A parsed condition ("q=a|b & r!=c"); bad = it did not parse (never holds,
 * and validation fails). */
struct wz_cond {
  struct wz_clause *clauses;
  size_t n_clauses;
  bool bad;
};

struct wz_question {
  struct kc_wz_question pub;
  struct kc_wz_option *opts;
  size_t cap_opts;
  struct wz_cond cond;
  char **pic[2]; /* drawing lines: [0] box characters, [1] ASCII */
  size_t n_pic[2];
};

struct wz_sign {
  struct kc_wz_sign pub;
  size_t *also;
  struct wz_cond cond; /* positive_if */
  bool bad_cause;      /* its cause_id named no cause (validate fails) */
};

struct wz_level {
  char *name, *title, *action, *source;
};

struct wz_change {
  char *q, *o, *note;
};

struct wz_section {
  char *id, *title;
};

struct wz_evidence {
  size_t q, o, c;
  int weight;
  char *reason;
};

struct wz_rule {
  char *id, *text, *source;
  int level, min_score, margin, list_score;
};

struct wz_veto {
  size_t q, o, c;
  char *reason;
};

struct wz_read {
  int level;
  char *article_id;
};

struct kc_wz_def {
  struct wz_level levels[KC_LEVEL_MAX + 1]; /* [1..5]; unset: NULLs */
  struct wz_question *qs;
  size_t n_qs, cap_qs;
  struct kc_wz_cause *causes;
  size_t n_causes, cap_causes;
  struct wz_evidence *ev;
  size_t n_ev, cap_ev;
  struct wz_rule *rules;
  size_t n_rules, cap_rules;
  struct wz_read *reads;
  size_t n_reads, cap_reads;
  struct wz_sign *signs;
  size_t n_signs, cap_signs;
  struct wz_veto *vetoes;
  size_t n_vetoes, cap_vetoes;
  struct wz_change *changes;
  size_t n_changes, cap_changes;
  struct wz_section *sections; /* the sections' titles, in order */
  size_t n_sections, cap_sections;
  char *problem;     /* first problem recorded while adding */
  size_t n_problems; /* how many were recorded */
};

struct kc_wz_answers {
  const struct kc_wz_def *def;
  size_t n;
  uint64_t *sel;
  bool *asked;    /* kept up to date after every change */
  size_t ignored; /* test answers the last parse ignored (kc_wz_answers_ignored) */
};

/* An option as chosen: asked and selected. */
static inline bool wz_chosen(const struct kc_wz_answers *a, size_t qi, size_t oj) {
  return a->asked[qi] && (a->sel[qi] >> oj & 1);
}

/* ---- shared helpers (wizard_def.c) ---- */
char *wz_dup(const char *s); /* NULL stays NULL */
bool wz_empty(const char *s);
const char *wz_str(const char *s); /* NULL reads as "" */
/* Ids are lower-case letters, digits and '-'. */
bool wz_valid_id(const char *s);
/* Records a problem for kc_wz_def_validate to report (the first wins). */
void wz_problem(struct kc_wz_def *def, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* snprintf into err when err is usable. */
void wz_say(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Index of the question whose id is id[0..len) among the first `limit`. */
int wz_find_q(const struct kc_wz_def *def, const char *id, size_t len, size_t limit);
/* The sign an option counts for: its own, or for "unsure" the sign of the
 * question's most urgent option; -1 for none. */
int wz_option_sign(const struct kc_wz_def *def, size_t qi, size_t oj);
/* Whether sign si is positive by its condition with these answers. */
bool wz_sign_by_condition(const struct kc_wz_def *def, size_t si, const bool *asked,
                          const uint64_t *sel);

/* ---- conditions (wizard_cond.c) ---- */
/* Parses cond against the questions before `limit`; `owner` names what the
 * condition belongs to in a recorded problem. */
void wz_cond_parse(struct kc_wz_def *def, struct wz_cond *c, const char *cond, size_t limit,
                   const char *owner);
void wz_cond_free(struct wz_cond *c);
/* A new option j of question qi: later conditions naming it learn its bit. */
void wz_cond_add_option(struct wz_cond *c, size_t qi, size_t j, const char *id);
/* Whether the condition holds with `asked` and `sel` (conditions refer to
 * earlier questions only, so the caller fills these in order). */
bool wz_cond_holds(const struct wz_cond *c, const bool *asked, const uint64_t *sel);

/* ---- answers (wizard_nav.c) ---- */
bool wz_same(const struct kc_wz_def *def, const struct kc_wz_answers *a);
/* A provocation test that would be asked but for an earlier warning sign
 * or gate answer. */
bool wz_test_blocked(const struct kc_wz_answers *a, size_t qi);
/* Whether an exclusive option is combined with others in mask. */
bool wz_mask_conflicts(const struct wz_question *q, uint64_t mask);

#endif
