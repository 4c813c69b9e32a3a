/* Answers and navigation: per question a bitmask of selected options, and
 * which questions are asked given the answers so far (kept up to date after
 * every change, in one forward pass: conditions only look back). */
#include <stdlib.h>
#include <string.h>

#include "kneecare/mem.h"
#include "wizard_int.h"

bool wz_same(const struct kc_wz_def *def, const struct kc_wz_answers *a) {
  return def && a && a->def == def && a->n == def->n_qs;
}

/* Whether an answer to a question before qi blocks provocation tests: a
 * warning sign (by an answer or by its condition) or a gate answer. */
static bool provocation_blocked_upto(const struct kc_wz_answers *a, size_t qi) {
  const struct kc_wz_def *def = a->def;
  for (size_t i = 0; i < qi && i < a->n; i++)
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++)
      if (wz_chosen(a, i, j) &&
          (wz_option_sign(def, i, j) >= 0 || (def->qs[i].opts[j].flags & KC_WZ_OPT_GATE)))
        return true;
  return false;
}

static bool provocation_blocked(const struct kc_wz_answers *a, size_t qi) {
  const struct kc_wz_def *def = a->def;
  for (size_t i = 0; i < qi; i++)
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++)
      if (wz_chosen(a, i, j) &&
          (wz_option_sign(def, i, j) >= 0 || (def->qs[i].opts[j].flags & KC_WZ_OPT_GATE)))
        return true;
  /* Conditions of signs look only at questions before every provocation
   * test (validated), so they are settled here. */
  for (size_t si = 0; si < def->n_signs; si++)
    if (wz_sign_by_condition(def, si, a->asked, a->sel)) return true;
  return false;
}

bool wz_test_blocked(const struct kc_wz_answers *a, size_t qi) {
  const struct wz_question *q = &a->def->qs[qi];
  return q->pub.provocation && (!q->pub.ask_if || wz_cond_holds(&q->cond, a->asked, a->sel)) &&
         provocation_blocked(a, qi);
}

/* Conditions refer only to earlier questions, so one forward pass settles
 * every question; answers to questions that are not asked are ignored. */
static void recompute(struct kc_wz_answers *a) {
  const struct kc_wz_def *def = a->def;
  for (size_t i = 0; i < a->n; i++) {
    const struct wz_question *q = &def->qs[i];
    bool asked = q->pub.ask_if ? wz_cond_holds(&q->cond, a->asked, a->sel) : true;
    if (asked && q->pub.provocation) asked = !provocation_blocked(a, i);
    a->asked[i] = asked;
  }
}

bool wz_mask_conflicts(const struct wz_question *q, uint64_t mask) {
  if ((mask & (mask - 1)) == 0) return false; /* none or one */
  for (size_t j = 0; j < q->pub.n_options; j++)
    if ((mask >> j & 1) && (q->opts[j].flags & KC_WZ_OPT_EXCLUSIVE)) return true;
  return false;
}

struct kc_wz_answers *kc_wz_answers_new(const struct kc_wz_def *def) {
  if (!def) return NULL;
  struct kc_wz_answers *a = kc_xcalloc(1, sizeof *a);
  a->def = def;
  a->n = def->n_qs;
  a->sel = kc_xcalloc(a->n ? a->n : 1, sizeof *a->sel);
  a->asked = kc_xcalloc(a->n ? a->n : 1, sizeof *a->asked);
  recompute(a);
  return a;
}

void kc_wz_answers_free(struct kc_wz_answers *a) {
  if (!a) return;
  free(a->sel);
  free(a->asked);
  free(a);
}

static uint64_t valid_bits(const struct kc_wz_answers *a, size_t qi) {
  size_t n = a->def->qs[qi].pub.n_options;
  return n >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << n) - 1);
}

int kc_wz_answers_set_mask(struct kc_wz_answers *a, size_t qi, uint64_t mask) {
  if (!a || qi >= a->n || (mask & ~valid_bits(a, qi))) return -1;
  if (a->def->qs[qi].pub.kind == KC_WZ_ONE && (mask & (mask - 1))) return -1;
  if (wz_mask_conflicts(&a->def->qs[qi], mask)) return -1;
  a->sel[qi] = mask;
  recompute(a);
  return 0;
}

int kc_wz_answers_set(struct kc_wz_answers *a, size_t qi, size_t oj) {
  if (!a || qi >= a->n || oj >= a->def->qs[qi].pub.n_options) return -1;
  uint64_t bit = (uint64_t)1 << oj;
  if (a->def->qs[qi].pub.kind == KC_WZ_ONE || (a->sel[qi] & bit))
    return kc_wz_answers_set_mask(a, qi, a->def->qs[qi].pub.kind == KC_WZ_ONE ? bit : a->sel[qi]);
  return kc_wz_answers_toggle(a, qi, oj); /* adds it, minding exclusive options */
}

int kc_wz_answers_toggle(struct kc_wz_answers *a, size_t qi, size_t oj) {
  if (!a || qi >= a->n || oj >= a->def->qs[qi].pub.n_options) return -1;
  uint64_t bit = (uint64_t)1 << oj;
  const struct wz_question *q = &a->def->qs[qi];
  if (q->pub.kind == KC_WZ_ONE) return kc_wz_answers_set_mask(a, qi, (a->sel[qi] & bit) ? 0 : bit);
  uint64_t mask = a->sel[qi] ^ bit;
  if (mask & bit) { /* ticked: an exclusive option and the others exclude each other */
    if (q->opts[oj].flags & KC_WZ_OPT_EXCLUSIVE)
      mask = bit;
    else
      for (size_t j = 0; j < q->pub.n_options; j++)
        if (q->opts[j].flags & KC_WZ_OPT_EXCLUSIVE) mask &= ~((uint64_t)1 << j);
  }
  return kc_wz_answers_set_mask(a, qi, mask);
}

int kc_wz_answers_clear(struct kc_wz_answers *a, size_t qi) {
  return kc_wz_answers_set_mask(a, qi, 0);
}

void kc_wz_answers_reset(struct kc_wz_answers *a) {
  if (!a) return;
  memset(a->sel, 0, a->n * sizeof *a->sel);
  a->ignored = 0;
  recompute(a);
}

size_t kc_wz_answers_ignored(const struct kc_wz_answers *a) { return a ? a->ignored : 0; }

uint64_t kc_wz_answers_get(const struct kc_wz_answers *a, size_t qi) {
  return a && qi < a->n ? a->sel[qi] : 0;
}

bool kc_wz_answers_selected(const struct kc_wz_answers *a, size_t qi, size_t oj) {
  return oj < 64 && (kc_wz_answers_get(a, qi) >> oj & 1);
}

/* ---- navigation ------------------------------------------------------------- */

bool kc_wz_is_asked(const struct kc_wz_def *def, const struct kc_wz_answers *a, size_t qi) {
  return wz_same(def, a) && qi < a->n && a->asked[qi];
}

int kc_wz_next(const struct kc_wz_def *def, const struct kc_wz_answers *a, int qi) {
  if (!wz_same(def, a) || qi < -1) return -1;
  for (size_t i = (size_t)(qi + 1); i < a->n; i++)
    if (a->asked[i]) return (int)i;
  return -1;
}

int kc_wz_prev(const struct kc_wz_def *def, const struct kc_wz_answers *a, int qi) {
  if (!wz_same(def, a) || qi <= 0) return -1;
  for (size_t i = (size_t)qi > a->n ? a->n : (size_t)qi; i-- > 0;)
    if (a->asked[i]) return (int)i;
  return -1;
}

size_t kc_wz_prune(const struct kc_wz_def *def, struct kc_wz_answers *a) {
  if (!wz_same(def, a)) return 0;
  size_t dropped = 0;
  /* asked[] ignores answers to questions that are not asked, so clearing
   * them does not change it: one pass is enough. */
  for (size_t i = 0; i < a->n; i++)
    if (!a->asked[i] && a->sel[i]) {
      a->sel[i] = 0;
      dropped++;
    }
  return dropped;
}

size_t kc_wz_count_asked(const struct kc_wz_def *def, const struct kc_wz_answers *a) {
  return wz_same(def, a) ? kc_wz_asked_before(def, a, a->n) : 0;
}

size_t kc_wz_count_most(const struct kc_wz_def *def, const struct kc_wz_answers *a, size_t qi) {
  if (!wz_same(def, a) || qi >= a->n) return kc_wz_count_asked(def, a);
  /* Up to qi as asked now; after it, a question may still be asked unless
   * a clause about a question before qi already fails, or a question its
   * clauses need is out of reach, or an answer before qi blocks it as a
   * test of the knee. The answer to qi and later ones do not count: the
   * person is still choosing them. */
  bool *poss = kc_xcalloc(a->n, sizeof *poss);
  bool blocked = provocation_blocked_upto(a, qi);
  size_t n = 0;
  for (size_t i = 0; i < a->n; i++) {
    const struct wz_question *q = &def->qs[i];
    bool p = a->asked[i];
    if (i > qi) {
      p = !(q->pub.ask_if && q->cond.bad) && !(q->pub.provocation && blocked);
      for (size_t k = 0; p && q->pub.ask_if && k < q->cond.n_clauses; k++) {
        const struct wz_clause *cl = &q->cond.clauses[k];
        if (cl->q >= qi) {
          p = poss[cl->q];
          continue;
        }
        bool any = (a->sel[cl->q] & cl->mask) != 0;
        p = a->asked[cl->q] && a->sel[cl->q] != 0 && (cl->negate ? !any : any);
      }
    }
    poss[i] = p;
    n += p;
  }
  free(poss);
  return n;
}

size_t kc_wz_asked_before(const struct kc_wz_def *def, const struct kc_wz_answers *a, size_t qi) {
  if (!wz_same(def, a)) return 0;
  size_t n = 0;
  for (size_t i = 0; i < qi && i < a->n; i++) n += a->asked[i];
  return n;
}

int kc_wz_first_missing(const struct kc_wz_def *def, const struct kc_wz_answers *a) {
  if (!wz_same(def, a)) return -1;
  for (size_t i = 0; i < a->n; i++)
    if (a->asked[i] && def->qs[i].pub.required && a->sel[i] == 0) return (int)i;
  return -1;
}

enum kc_level kc_wz_flag_level(const struct kc_wz_def *def, const struct kc_wz_answers *a) {
  if (!wz_same(def, a)) return KC_LEVEL_NONE;
  enum kc_level m = KC_LEVEL_NONE;
  for (size_t i = 0; i < a->n; i++)
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++)
      if (wz_chosen(a, i, j) && kc_wz_option_level(def, i, j) > m)
        m = kc_wz_option_level(def, i, j);
  for (size_t si = 0; si < def->n_signs; si++)
    if (def->signs[si].pub.level > m && wz_sign_by_condition(def, si, a->asked, a->sel))
      m = def->signs[si].pub.level;
  return m;
}

bool kc_wz_stop_now(const struct kc_wz_def *def, const struct kc_wz_answers *a) {
  return kc_wz_flag_level(def, a) >= KC_LEVEL_ED;
}
