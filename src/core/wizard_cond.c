/* Conditions: "q=a|b & r!=c". The one parser of the grammar (questions'
 * ask_if, and anything else that needs a condition on earlier answers),
 * its evaluation, and its description in words for people. A clause
 * "q=a|b" holds when q is asked and answered with a or b selected;
 * "q!=a|b" when q is asked and answered with neither. A clause about an
 * unanswered question does not hold. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/mem.h"
#include "wizard_int.h"

static bool is_space(char c) { return c == ' ' || c == '\t'; }

static void trim(const char **s, const char **e) {
  while (*s < *e && is_space(**s)) (*s)++;
  while (*e > *s && is_space((*e)[-1])) (*e)--;
}

/* Adds the options of one clause (text v..e, "a|b|c"); false on an empty one. */
static bool parse_values(const struct kc_wz_def *def, struct wz_clause *cl, const char *v,
                         const char *e) {
  for (;;) {
    const char *bar = memchr(v, '|', (size_t)(e - v));
    const char *vs = v, *ve = bar ? bar : e;
    trim(&vs, &ve);
    if (ve == vs) return false;
    char *o = kc_xstrndup(vs, (size_t)(ve - vs));
    cl->opts = kc_xreallocarray(cl->opts, cl->n_opts + 1, sizeof *cl->opts);
    cl->opts[cl->n_opts++] = o;
    const struct wz_question *rq = &def->qs[cl->q];
    for (size_t j = 0; j < rq->pub.n_options; j++)
      if (rq->opts[j].id && strcmp(rq->opts[j].id, o) == 0) cl->mask |= (uint64_t)1 << j;
    if (!bar) return true;
    v = bar + 1;
  }
}

/* Parses the clause s..e into c; false (with a problem recorded) when it
 * does not parse. */
static bool parse_clause(struct kc_wz_def *def, struct wz_cond *c, const char *s, const char *e,
                         size_t limit, const char *owner, const char *cond) {
  trim(&s, &e);
  const char *eq = memchr(s, '=', (size_t)(e - s));
  if (!eq) {
    wz_problem(def, "%s '%s' has a clause without = or !=", owner, cond);
    return false;
  }
  bool negate = eq > s && eq[-1] == '!';
  const char *ke = negate ? eq - 1 : eq;
  while (ke > s && is_space(ke[-1])) ke--;
  int ref = ke > s ? wz_find_q(def, s, (size_t)(ke - s), limit) : -1;
  if (ref < 0) {
    wz_problem(def, "%s '%s' names a question that is not an earlier one", owner, cond);
    return false;
  }
  /* a condition has a handful of clauses: grow one at a time */
  c->clauses = kc_xreallocarray(c->clauses, c->n_clauses + 1, sizeof *c->clauses);
  struct wz_clause *cl = &c->clauses[c->n_clauses++];
  memset(cl, 0, sizeof *cl);
  cl->q = (size_t)ref;
  cl->negate = negate;
  if (!parse_values(def, cl, eq + 1, e)) {
    wz_problem(def, "%s '%s' has an empty option", owner, cond);
    return false;
  }
  return true;
}

void wz_cond_parse(struct kc_wz_def *def, struct wz_cond *c, const char *cond, size_t limit,
                   const char *owner) {
  const char *p = cond;
  for (;;) {
    const char *amp = strchr(p, '&');
    const char *end = amp ? amp : p + strlen(p);
    if (!parse_clause(def, c, p, end, limit, owner, cond)) {
      c->bad = true;
      return;
    }
    if (!amp) return;
    p = amp + 1;
  }
}

void wz_cond_free(struct wz_cond *c) {
  for (size_t k = 0; k < c->n_clauses; k++) {
    for (size_t m = 0; m < c->clauses[k].n_opts; m++) free(c->clauses[k].opts[m]);
    free(c->clauses[k].opts);
  }
  free(c->clauses);
  memset(c, 0, sizeof *c);
}

void wz_cond_add_option(struct wz_cond *c, size_t qi, size_t j, const char *id) {
  for (size_t k = 0; k < c->n_clauses; k++) {
    struct wz_clause *cl = &c->clauses[k];
    if (cl->q != qi) continue;
    for (size_t m = 0; m < cl->n_opts; m++)
      if (strcmp(cl->opts[m], id) == 0) cl->mask |= (uint64_t)1 << j;
  }
}

bool wz_cond_holds(const struct wz_cond *c, const bool *asked, const uint64_t *sel) {
  if (c->bad) return false;
  for (size_t k = 0; k < c->n_clauses; k++) {
    const struct wz_clause *cl = &c->clauses[k];
    if (!asked[cl->q] || sel[cl->q] == 0) return false;
    bool any = (sel[cl->q] & cl->mask) != 0;
    if (cl->negate ? any : !any) return false;
  }
  return true;
}

/* Appends to out[0..n) at *used, never past the end. */
static void put(char *out, size_t n, size_t *used, const char *s) {
  size_t len = strlen(s);
  if (*used + 1 >= n) return;
  size_t room = n - *used - 1;
  if (len > room) len = room;
  memcpy(out + *used, s, len);
  *used += len;
  out[*used] = '\0';
}

void kc_wz_condition_words(const struct kc_wz_def *def, size_t qi, char *out, size_t n) {
  if (!out || n == 0) return;
  out[0] = '\0';
  const struct wz_question *q = def && qi < def->n_qs ? &def->qs[qi] : NULL;
  if (!q || !q->pub.ask_if) return;
  size_t used = 0;
  for (size_t k = 0; k < q->cond.n_clauses; k++) {
    const struct wz_clause *cl = &q->cond.clauses[k];
    if (k) put(out, n, &used, ", and ");
    put(out, n, &used, wz_str(def->qs[cl->q].pub.id));
    put(out, n, &used, cl->negate ? " is answered, but not with " : " is ");
    for (size_t m = 0; m < cl->n_opts; m++) {
      if (m) put(out, n, &used, " or ");
      put(out, n, &used, cl->opts[m]);
    }
  }
}
