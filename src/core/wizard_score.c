/* Scoring: answers -> a triage level, the dangers the warning signs point
 * to, the story's ranked causes with reasons, what to do and what to read.
 * In named steps, each keeping one promise:
 *   find_signs      the positive warning signs and the level from the
 *                   answers alone (THE FLOOR: every later step may only
 *                   raise the level);
 *   story_scores    each cause's score from the evidence, and the vetoes;
 *   name_dangers    one danger per positive sign, most urgent sign first --
 *                   so a sign's danger always leads the result;
 *   rank_story      the other causes with a score > 0, ranked;
 *   find_lead       the story's most likely cause, or none when the
 *                   evidence is weak (low score or a close second);
 *   set_level       the causes' minimum levels and the "unclear" rule;
 *   list_actions, reads_next. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/mem.h"
#include "wizard_int.h"

struct work {
  const struct kc_wz_def *def;
  const struct kc_wz_answers *a;
  struct kc_wz_result *out;
  long long *score; /* per cause, from the story */
  bool *vetoed;     /* per cause */
  bool *listed;     /* per cause: already in out->causes */
  size_t *matched;  /* evidence rows that matched */
  size_t n_match;
  struct kc_wz_reason *next_reason; /* free storage in out->reasons_ */
  const struct wz_rule *unclear;
  int cand;  /* the lead candidate (index into out->causes), or -1 */
  int floor; /* a competitor above this score is still in the running */
};

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

/* ---- 1. warning signs and the floor ------------------------------------- */

static void add_hit(struct work *w, size_t si, int qi, int oj) {
  struct kc_wz_result *out = w->out;
  for (size_t k = 0; k < out->n_signs; k++)
    if (out->signs[k].sign == si) return; /* reported twice: once is enough */
  const struct kc_wz_sign *s = &w->def->signs[si].pub;
  out->signs[out->n_signs++] = (struct kc_wz_hit){si, qi, oj};
  out->why[out->n_why++] = (struct kc_wz_why){
      .kind = KC_WZ_WHY_SIGN,
      .level = s->level,
      .question = qi < 0 ? 0 : (size_t)qi,
      .option = oj < 0 ? 0 : (size_t)oj,
      .sign = si,
      .text = s->statement,
      .label = qi < 0 ? NULL : w->def->qs[qi].opts[oj].label,
      .source = s->source,
  };
}

/* Most urgent first; equal levels in the order of the sign table. */
static void sort_hits(const struct kc_wz_def *def, struct kc_wz_hit *h, size_t n) {
  for (size_t i = 1; i < n; i++) {
    struct kc_wz_hit t = h[i];
    size_t k = i;
    while (k > 0 && (def->signs[h[k - 1].sign].pub.level < def->signs[t.sign].pub.level ||
                     (def->signs[h[k - 1].sign].pub.level == def->signs[t.sign].pub.level &&
                      h[k - 1].sign > t.sign))) {
      h[k] = h[k - 1];
      k--;
    }
    h[k] = t;
  }
}

static enum kc_level find_signs(struct work *w) {
  const struct kc_wz_def *def = w->def;
  const struct kc_wz_answers *a = w->a;
  struct kc_wz_result *out = w->out;
  size_t n_chosen = 0;
  for (size_t i = 0; i < a->n; i++)
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++) n_chosen += wz_chosen(a, i, j);
  out->why = kc_xcalloc(n_chosen + def->n_signs + 2, sizeof *out->why);
  out->signs = kc_xcalloc(n_chosen + def->n_signs, sizeof *out->signs);
  enum kc_level flag = KC_LEVEL_NONE;
  for (size_t i = 0; i < a->n; i++)
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++) {
      if (!wz_chosen(a, i, j)) continue;
      enum kc_level l = kc_wz_option_level(def, i, j);
      if (l > flag) flag = l;
      int si = wz_option_sign(def, i, j);
      if (si >= 0) {
        add_hit(w, (size_t)si, (int)i, (int)j);
      } else if (l > KC_LEVEL_NONE) {
        const struct wz_question *q = &def->qs[i];
        out->why[out->n_why++] = (struct kc_wz_why){.kind = KC_WZ_WHY_ANSWER,
                                                    .level = l,
                                                    .question = i,
                                                    .option = j,
                                                    .text = q->pub.text,
                                                    .label = q->opts[j].label,
                                                    .source = q->opts[j].source};
      }
    }
  for (size_t si = 0; si < def->n_signs; si++)
    if (wz_sign_by_condition(def, si, a->asked, a->sel)) {
      add_hit(w, si, -1, -1);
      if (def->signs[si].pub.level > flag) flag = def->signs[si].pub.level;
    }
  sort_hits(def, out->signs, out->n_signs);
  return flag;
}

/* ---- 2. the story's scores ---------------------------------------------- */

static void story_scores(struct work *w) {
  const struct kc_wz_def *def = w->def;
  for (size_t e = 0; e < def->n_ev; e++) {
    const struct wz_evidence *ev = &def->ev[e];
    if (!wz_chosen(w->a, ev->q, ev->o)) continue;
    w->score[ev->c] += ev->weight;
    w->matched[w->n_match++] = e;
  }
  for (size_t v = 0; v < def->n_vetoes; v++)
    if (wz_chosen(w->a, def->vetoes[v].q, def->vetoes[v].o)) w->vetoed[def->vetoes[v].c] = true;
}

static int clamp_score(long long s) {
  return s > INT_MAX ? INT_MAX : s < -INT_MAX ? -INT_MAX : (int)s;
}

/* Appends cause c to the result with its reasons for and against. */
static void list_cause(struct work *w, size_t c, int sign) {
  const struct kc_wz_def *def = w->def;
  struct kc_wz_ranked *rk = &w->out->causes[w->out->n_causes++];
  *rk = (struct kc_wz_ranked){.cause = c, .score = clamp_score(w->score[c]), .sign = sign};
  w->listed[c] = true;
  size_t n_pro = 0;
  for (size_t m = 0; m < w->n_match; m++)
    if (def->ev[w->matched[m]].c == c && def->ev[w->matched[m]].weight > 0) n_pro++;
  struct kc_wz_reason *pro = w->next_reason, *con = pro + n_pro;
  for (size_t m = 0; m < w->n_match; m++) {
    const struct wz_evidence *ev = &def->ev[w->matched[m]];
    if (ev->c != c) continue;
    struct kc_wz_reason rs = {ev->q, ev->o, ev->weight, ev->reason};
    if (ev->weight > 0)
      pro[rk->n_pro++] = rs;
    else
      con[rk->n_con++] = rs;
  }
  w->next_reason += rk->n_pro + rk->n_con;
  sort_reasons(pro, rk->n_pro);
  sort_reasons(con, rk->n_con);
  rk->pro = pro;
  rk->con = con;
}

/* ---- 3. dangers: one per positive sign ------------------------------------ */

static void name_dangers(struct work *w) {
  const struct kc_wz_def *def = w->def;
  for (size_t h = 0; h < w->out->n_signs; h++) {
    const struct kc_wz_sign *s = &def->signs[w->out->signs[h].sign].pub;
    /* its own cause, or one of its other causes the story favours more --
     * clearly (at least the score that may lead a result): a hint or two
     * must not rename the danger */
    long long clear = w->unclear && w->unclear->min_score > 1 ? w->unclear->min_score : 1;
    size_t best = s->cause;
    for (size_t k = 0; k < s->n_also; k++)
      if (w->score[s->also[k]] >= clear && w->score[s->also[k]] > w->score[best]) best = s->also[k];
    if (!w->listed[best]) list_cause(w, best, (int)w->out->signs[h].sign);
  }
  w->out->n_dangers = w->out->n_causes;
}

/* ---- 4. the story's causes ------------------------------------------------- */

static void rank_story(struct work *w) {
  const struct kc_wz_def *def = w->def;
  size_t first = w->out->n_causes;
  /* A run stopped at an answer that needs help now has not told its story:
   * causes from the age alone would only distract. */
  if (w->out->stop_now && !w->out->complete) return;
  long long min = w->unclear && w->unclear->list_score > 1 ? w->unclear->list_score : 1;
  for (size_t c = 0; c < def->n_causes; c++) {
    if (w->listed[c] || w->vetoed[c] || w->score[c] < min) continue;
    size_t k = w->out->n_causes;
    list_cause(w, c, -1);
    /* insertion: score desc, ties in definition order */
    struct kc_wz_ranked t = w->out->causes[k];
    while (k > first && w->out->causes[k - 1].score < t.score) {
      w->out->causes[k] = w->out->causes[k - 1];
      k--;
    }
    w->out->causes[k] = t;
  }
}

/* ---- 5. is there a clear lead? ------------------------------------------------ */

static bool is_factor(const struct work *w, size_t r) {
  return w->def->causes[w->out->causes[r].cause].kind == KC_WZ_FACTOR;
}

/* Whether story cause r competes with the lead candidate for "most likely":
 * causes of the same sort do; a factor (training load) comes with a
 * condition rather than competing with it. */
static bool competes(const struct work *w, size_t r) {
  return w->cand >= 0 && (int)r != w->cand && is_factor(w, r) == is_factor(w, (size_t)w->cand);
}

/* The lead candidate is the story's best cause. It leads -- is named "most
 * likely" -- when it scores at least min_score and every cause it competes
 * with is at least margin behind. Sets w->cand and w->floor (a competitor
 * scoring above floor is "still in the running"). */
static int find_lead(struct work *w) {
  const struct kc_wz_result *out = w->out;
  int min_score = w->unclear ? w->unclear->min_score : 0;
  int margin = w->unclear ? w->unclear->margin : 0;
  w->cand = out->n_causes > out->n_dangers ? (int)out->n_dangers : -1;
  if (w->cand < 0) return -1;
  int top = out->causes[w->cand].score;
  w->floor = top - margin;
  bool clear = top >= min_score;
  for (size_t r = out->n_dangers; r < out->n_causes && clear; r++)
    if (competes(w, r)) clear = out->causes[r].score <= w->floor;
  return clear ? w->cand : -1;
}

/* ---- 6. the level ------------------------------------------------------------ */

static enum kc_level raise_by_cause(struct work *w, size_t r, enum kc_level level, bool say) {
  const struct kc_wz_cause *c = &w->def->causes[w->out->causes[r].cause];
  if (c->min_level > level) level = c->min_level;
  if (say && c->min_level >= KC_LEVEL_SOON)
    w->out->why[w->out->n_why++] = (struct kc_wz_why){.kind = KC_WZ_WHY_CAUSE,
                                                      .level = c->min_level,
                                                      .cause = w->out->causes[r].cause,
                                                      .text = c->title,
                                                      .source = c->source};
  return level;
}

/* With no clear lead: the candidate and the competitors close behind it. */
static bool in_running(const struct work *w, size_t r) {
  return (int)r == w->cand || (competes(w, r) && w->out->causes[r].score > w->floor);
}

static enum kc_level set_level(struct work *w, enum kc_level flag) {
  struct kc_wz_result *out = w->out;
  enum kc_level level = flag > KC_LEVEL_SELF_CARE ? flag : KC_LEVEL_SELF_CARE;
  for (size_t r = 0; r < out->n_dangers; r++) level = raise_by_cause(w, r, level, false);
  if (out->lead >= 0) {
    level = raise_by_cause(w, (size_t)out->lead, level, true);
  } else if (out->n_dangers) {
    /* The dangers are the result; a vague story behind them still acts for
     * its most urgent contender, without a rule of its own. */
    for (size_t r = out->n_dangers; r < out->n_causes; r++)
      if (in_running(w, r)) level = raise_by_cause(w, r, level, false);
  } else {
    /* No clear cause: act for the most urgent one still in the running,
     * and at least as the "unclear" rule says. */
    for (size_t r = out->n_dangers; r < out->n_causes; r++)
      if (in_running(w, r)) level = raise_by_cause(w, r, level, false);
    enum kc_level rule = w->unclear && w->unclear->level > KC_LEVEL_SOON
                             ? (enum kc_level)w->unclear->level
                             : KC_LEVEL_SOON;
    if (rule > level) level = rule;
    out->why[out->n_why++] =
        (struct kc_wz_why){.kind = KC_WZ_WHY_RULE,
                           .level = rule,
                           .text = w->unclear && !wz_empty(w->unclear->text)
                                       ? w->unclear->text
                                       : "The answers do not point clearly to one cause.",
                           .source = w->unclear ? w->unclear->source : NULL};
  }
  if (level < flag) level = flag; /* belt and braces: the floor holds */
  /* the reasons most urgent first, stable */
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

/* ---- 7. what to do and what to read ------------------------------------------- */

static void add_str(const char **v, size_t *n, const char *s) {
  if (wz_empty(s)) return;
  for (size_t i = 0; i < *n; i++)
    if (strcmp(v[i], s) == 0) return;
  v[(*n)++] = s;
}

static void list_actions(struct work *w) {
  const struct kc_wz_def *def = w->def;
  struct kc_wz_result *out = w->out;
  out->actions = kc_xcalloc(out->n_signs + out->n_causes + 1, sizeof *out->actions);
  for (size_t h = 0; h < out->n_signs; h++)
    add_str(out->actions, &out->n_actions, def->signs[out->signs[h].sign].pub.action);
  /* With a danger named, the story's self-care advice would only blur what
   * to do: its causes' actions are listed only without one. */
  for (size_t r = 0; r < out->n_causes; r++) {
    bool wanted =
        r < out->n_dangers ||
        (out->n_dangers == 0 && ((int)r == out->lead || (out->lead < 0 && in_running(w, r))));
    if (wanted) add_str(out->actions, &out->n_actions, def->causes[out->causes[r].cause].action);
  }
}

static void add_read(struct kc_wz_result *out, const char *id) {
  add_str(out->reads, &out->n_reads, id);
}

static void level_reads(const struct kc_wz_def *def, struct kc_wz_result *out) {
  for (size_t i = 0; i < def->n_reads; i++)
    if (def->reads[i].level == (int)out->level) add_read(out, def->reads[i].article_id);
}

/* Urgent results lead with the warning-sign articles, then the dangers';
 * otherwise the causes come first. */
static void reads_next(struct work *w) {
  const struct kc_wz_def *def = w->def;
  const struct kc_wz_answers *a = w->a;
  struct kc_wz_result *out = w->out;
  size_t n_chosen = 0;
  for (size_t i = 0; i < a->n; i++)
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++) n_chosen += wz_chosen(a, i, j);
  out->reads = kc_xcalloc(out->n_causes + def->n_reads + n_chosen + 1, sizeof *out->reads);
  bool urgent = out->level >= KC_LEVEL_24H;
  if (urgent) level_reads(def, out);
  for (size_t r = 0; r < out->n_causes && r < out->n_dangers + KC_WZ_READ_CAUSES; r++)
    add_read(out, def->causes[out->causes[r].cause].article_id);
  for (size_t i = 0; i < a->n; i++)
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++)
      if (wz_chosen(a, i, j)) add_read(out, def->qs[i].opts[j].article_id);
  if (!urgent) level_reads(def, out);
}

void kc_wz_result_free(struct kc_wz_result *r) {
  if (!r) return;
  free(r->signs);
  free(r->causes);
  free(r->actions);
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
  size_t nc = def->n_causes;
  struct work w = {.def = def, .a = a, .out = out};
  w.score = kc_xcalloc(nc, sizeof *w.score);
  w.vetoed = kc_xcalloc(nc, sizeof *w.vetoed);
  w.listed = kc_xcalloc(nc, sizeof *w.listed);
  w.matched = kc_xcalloc(def->n_ev, sizeof *w.matched);
  for (size_t i = 0; i < def->n_rules; i++)
    if (strcmp(wz_str(def->rules[i].id), KC_WZ_RULE_UNCLEAR) == 0) w.unclear = &def->rules[i];

  enum kc_level flag = find_signs(&w);
  story_scores(&w);
  out->causes = kc_xcalloc(nc, sizeof *out->causes);
  out->reasons_ = kc_xcalloc(w.n_match, sizeof *out->reasons_);
  w.next_reason = out->reasons_;
  out->flag_level = flag;
  out->stop_now = flag >= KC_LEVEL_ED;
  out->complete = kc_wz_first_missing(def, a) < 0;
  name_dangers(&w);
  rank_story(&w);
  out->lead = find_lead(&w);
  out->level = set_level(&w, flag);
  list_actions(&w);
  reads_next(&w);
  free(w.score);
  free(w.vetoed);
  free(w.listed);
  free(w.matched);
  return 0;
}
