/* Scoring: answers -> ranked causes with reasons, a triage level and what
 * to read. In named steps, each keeping one promise:
 *   floor_from_answers  the level from the answers alone (THE FLOOR: every
 *                       step after it may only raise the level);
 *   rank_causes         scores from the evidence, ranked, with reasons;
 *   raise_level         the top cause's minimum level, or the no-match rule;
 *   reads_next          the articles to read, urgent ones first. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/mem.h"
#include "wizard_int.h"

static int reason_cmp(const struct kc_wz_reason *x, const struct kc_wz_reason *y) {
  int ax = abs(x->weight), ay = abs(y->weight);
  if (ax != ay) return ax > ay ? -1 : 1;
  if (x->question != y->question) return x->question < y->question ? -1 : 1;
  return x->option < y->option ? -1 : x->option > y->option;
}

/* Insertion sort: stable, and the lists are short. */
static void sort_reasons(struct kc_wz_reason *r, size_t n) {
  for (size_t i = 1; i < n; i++) {
    struct kc_wz_reason t = r[i];
    size_t k = i;
    while (k > 0 && reason_cmp(&r[k - 1], &t) > 0) {
      r[k] = r[k - 1];
      k--;
    }
    r[k] = t;
  }
}

static bool chosen(const struct kc_wz_answers *a, size_t qi, size_t oj) {
  return a->asked[qi] && (a->sel[qi] >> oj & 1);
}

/* The source an answer's level cites: its own, or for "not sure" the
 * source of the option whose level it borrows. */
static const char *level_source(const struct wz_question *q, size_t j, enum kc_level l) {
  const char *src = q->opts[j].source;
  for (size_t k = 0; wz_empty(src) && k < q->pub.n_options; k++)
    if (q->opts[k].level == l && !wz_empty(q->opts[k].source)) src = q->opts[k].source;
  return src;
}

/* 1. The level from the answers alone, with one "why" per answer that has
 *    a level. */
static enum kc_level floor_from_answers(const struct kc_wz_def *def, const struct kc_wz_answers *a,
                                        struct kc_wz_result *out) {
  enum kc_level flag = KC_LEVEL_NONE;
  size_t n_leveled = 0;
  for (size_t i = 0; i < a->n; i++)
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++)
      n_leveled += chosen(a, i, j) && kc_wz_option_level(def, i, j) > KC_LEVEL_NONE;
  out->why = kc_xcalloc(n_leveled + 2, sizeof *out->why);
  for (size_t i = 0; i < a->n; i++)
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++) {
      enum kc_level l = chosen(a, i, j) ? kc_wz_option_level(def, i, j) : KC_LEVEL_NONE;
      if (l == KC_LEVEL_NONE) continue;
      if (l > flag) flag = l;
      const struct wz_question *q = &def->qs[i];
      out->why[out->n_why++] = (struct kc_wz_why){.kind = KC_WZ_WHY_ANSWER,
                                                  .level = l,
                                                  .question = i,
                                                  .option = j,
                                                  .text = q->pub.text,
                                                  .label = q->opts[j].label,
                                                  .source = level_source(q, j, l)};
    }
  return flag;
}

/* 2. Scores from the evidence that matched, ranked (score desc, ties in
 *    definition order), each with its reasons for and against. */
static void rank_causes(const struct kc_wz_def *def, const struct kc_wz_answers *a,
                        struct kc_wz_result *out) {
  size_t nc = def->n_causes, n_match = 0;
  long long *score = kc_xcalloc(nc, sizeof *score);
  size_t *matched = kc_xcalloc(def->n_ev, sizeof *matched);
  for (size_t e = 0; e < def->n_ev; e++) {
    const struct wz_evidence *ev = &def->ev[e];
    if (!chosen(a, ev->q, ev->o)) continue;
    score[ev->c] += ev->weight;
    matched[n_match++] = e;
  }
  out->causes = kc_xcalloc(nc, sizeof *out->causes);
  out->reasons_ = kc_xcalloc(n_match, sizeof *out->reasons_);
  for (size_t c = 0; c < nc; c++) {
    if (score[c] <= 0) continue;
    size_t k = out->n_causes++;
    int sc = score[c] > INT_MAX ? INT_MAX : (int)score[c];
    while (k > 0 && out->causes[k - 1].score < sc) {
      out->causes[k] = out->causes[k - 1];
      k--;
    }
    out->causes[k] = (struct kc_wz_ranked){.cause = c, .score = sc};
  }
  struct kc_wz_reason *next = out->reasons_;
  for (size_t r = 0; r < out->n_causes; r++) {
    struct kc_wz_ranked *rk = &out->causes[r];
    size_t n_pro = 0, n_con = 0;
    for (size_t m = 0; m < n_match; m++)
      if (def->ev[matched[m]].c == rk->cause) def->ev[matched[m]].weight > 0 ? n_pro++ : n_con++;
    struct kc_wz_reason *pro = next, *con = next + n_pro;
    next += n_pro + n_con;
    for (size_t m = 0; m < n_match; m++) {
      const struct wz_evidence *ev = &def->ev[matched[m]];
      if (ev->c != rk->cause) continue;
      struct kc_wz_reason rs = {ev->q, ev->o, ev->weight, ev->reason};
      if (ev->weight > 0)
        pro[rk->n_pro++] = rs;
      else
        con[rk->n_con++] = rs;
    }
    sort_reasons(pro, rk->n_pro);
    sort_reasons(con, rk->n_con);
    rk->pro = pro;
    rk->con = con;
  }
  free(score);
  free(matched);
}

/* 3. The level: the answers' floor, raised by the top cause or by the
 *    no-match rule, never lowered; the why list most urgent first. */
static enum kc_level raise_level(const struct kc_wz_def *def, enum kc_level flag,
                                 struct kc_wz_result *out) {
  enum kc_level level = flag > KC_LEVEL_SELF_CARE ? flag : KC_LEVEL_SELF_CARE;
  if (out->n_causes > 0) {
    const struct kc_wz_cause *top = &def->causes[out->causes[0].cause];
    if (top->min_level > level) level = top->min_level;
    if (top->min_level >= KC_LEVEL_SOON)
      out->why[out->n_why++] = (struct kc_wz_why){.kind = KC_WZ_WHY_CAUSE,
                                                  .level = top->min_level,
                                                  .cause = out->causes[0].cause,
                                                  .text = top->title,
                                                  .source = top->source};
  } else {
    enum kc_level floor_level = KC_LEVEL_SOON;
    const struct wz_rule *rule = NULL;
    for (size_t i = 0; i < def->n_rules; i++)
      if (strcmp(wz_str(def->rules[i].id), KC_WZ_RULE_NO_MATCH) == 0) rule = &def->rules[i];
    if (rule && rule->level > (int)floor_level) floor_level = (enum kc_level)rule->level;
    if (floor_level > level) level = floor_level;
    const char *text = rule && !wz_empty(rule->text)
                           ? rule->text
                           : "None of the causes in this guide fits your answers";
    out->why[out->n_why++] = (struct kc_wz_why){.kind = KC_WZ_WHY_RULE,
                                                .level = floor_level,
                                                .text = text,
                                                .source = rule ? rule->source : NULL};
  }
  if (level < flag) level = flag; /* belt and braces: the floor holds */
  for (size_t i = 1; i < out->n_why; i++) {
    struct kc_wz_why t = out->why[i];
    size_t k = i;
    while (k > 0 && out->why[k - 1].level < t.level) {
      out->why[k] = out->why[k - 1];
      k--;
    }
    out->why[k] = t;
  }
  return level;
}

static void add_read(struct kc_wz_result *out, const char *id) {
  if (!id) return;
  for (size_t i = 0; i < out->n_reads; i++)
    if (strcmp(out->reads[i], id) == 0) return;
  out->reads[out->n_reads++] = id;
}

static void level_reads(const struct kc_wz_def *def, struct kc_wz_result *out) {
  for (size_t i = 0; i < def->n_reads; i++)
    if (def->reads[i].level == (int)out->level) add_read(out, def->reads[i].article_id);
}

/* 4. What to read next. Urgent results lead with the warning-sign
 *    articles; otherwise the causes come first. */
static void reads_next(const struct kc_wz_def *def, const struct kc_wz_answers *a,
                       struct kc_wz_result *out) {
  size_t n_selected = 0;
  for (size_t i = 0; i < a->n; i++)
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++) n_selected += chosen(a, i, j);
  out->reads = kc_xcalloc(out->n_causes + def->n_reads + n_selected + 1, sizeof *out->reads);
  bool urgent = out->level >= KC_LEVEL_24H;
  if (urgent) level_reads(def, out);
  for (size_t r = 0; r < out->n_causes && r < KC_WZ_READ_CAUSES; r++)
    add_read(out, def->causes[out->causes[r].cause].article_id);
  for (size_t i = 0; i < a->n; i++)
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++)
      if (chosen(a, i, j)) add_read(out, def->qs[i].opts[j].article_id);
  if (!urgent) level_reads(def, out);
}

void kc_wz_result_free(struct kc_wz_result *r) {
  if (!r) return;
  free(r->causes);
  free(r->why);
  free(r->reads);
  free(r->reasons_);
  memset(r, 0, sizeof *r);
}

int kc_wz_score(const struct kc_wz_def *def, const struct kc_wz_answers *a,
                struct kc_wz_result *out) {
  if (!out) return -1;
  memset(out, 0, sizeof *out);
  if (!wz_same(def, a)) return -1;
  enum kc_level flag = floor_from_answers(def, a, out);
  rank_causes(def, a, out);
  out->flag_level = flag;
  out->level = raise_level(def, flag, out);
  reads_next(def, a, out);
  return 0;
}
