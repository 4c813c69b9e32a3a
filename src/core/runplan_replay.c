/* The return-to-running engine: replays a history of runs, safety checks,
 * pauses, restarts and an end under the programme's pain rule, then works
 * out what today holds. Every call starts from the first event, so the
 * state is always exactly what the logged facts imply.
 *
 * Order of precedence, safest first: a warning sign anywhere stops the
 * programme for good (it is looked for before anything else, so no later
 * event and no odd date can undo it); a run over the limit is decided at
 * once from its pain during (the morning cannot make it better); a run
 * within the limit waits for its next-morning pain; a run whose pain was
 * never logged counts as "not known", which repeats the step, never moves
 * it on. Days are calendar day numbers: a clock set back can make today
 * earlier than the last run, which is shown and never loses a run. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/day.h"
#include "kneecare/mem.h"
#include "runplan_int.h"

/* A pause as a closed range of days; `last` INT_MAX while still open. */
struct span {
  int first, last;
};

struct replay {
  const struct kc_rp_def *def;
  const struct kc_rp_history *h;
  struct span *pauses; /* sorted, merged */
  size_t n_pauses;
  int *run_days; /* days of the runs the rules counted, for the 7-day limit */
  size_t n_run_days;
  size_t last_run_ev; /* index of the last RUN event, or SIZE_MAX */
  enum kc_rp_status status;
  int stage; /* 0-based */
  int good, bad, runs;
  int last_run_day; /* the latest counted run */
  int ref_day;      /* the later of the last run and the last (re)start: breaks count from it */
  int forward_day;  /* start, restart or the last move up: the stall clock */
  int runs_since_forward;
  int prev_morning; /* next-morning pain after the previous run */
  bool pending;     /* the latest run waits for its next-morning pain */
  int stop_level, stop_day;
  struct rp_facts last;
};

static bool pain_ok(int p) { return p >= 0 && p <= KC_RP_PAIN_MAX; }

static int cmp_span(const void *a, const void *b) {
  const struct span *x = a, *y = b;
  return (x->first > y->first) - (x->first < y->first);
}

/* Collects every valid pause of the history, whatever its place in the
 * order: days are facts, and a gap is measured over days. */
static void collect_pauses(struct replay *R) {
  const struct kc_rp_history *h = R->h;
  R->pauses = kc_xcalloc(h->n ? h->n : 1, sizeof *R->pauses);
  size_t n = 0;
  for (size_t i = 0; i < h->n; i++) {
    const struct kc_rp_event *e = &h->ev[i];
    if (e->kind != KC_RP_EV_PAUSE || !kc_day_valid(e->day)) continue;
    if (kc_day_valid(e->end_day) && e->end_day < e->day) continue;
    R->pauses[n].first = e->day;
    R->pauses[n].last = kc_day_valid(e->end_day) ? e->end_day : INT_MAX;
    n++;
  }
  qsort(R->pauses, n, sizeof *R->pauses, cmp_span);
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (m > 0 && R->pauses[i].first <= R->pauses[m - 1].last + 1LL) {
      if (R->pauses[i].last > R->pauses[m - 1].last) R->pauses[m - 1].last = R->pauses[i].last;
    } else {
      R->pauses[m++] = R->pauses[i];
    }
  }
  R->n_pauses = m;
}

/* Days strictly between a and b that fall in a pause. */
static int paused_between(const struct replay *R, int a, int b) {
  long long total = 0;
  for (size_t i = 0; i < R->n_pauses; i++) {
    const long long lo = R->pauses[i].first > a + 1LL ? R->pauses[i].first : a + 1LL;
    const long long hi = R->pauses[i].last < b - 1LL ? R->pauses[i].last : b - 1LL;
    if (hi >= lo) total += hi - lo + 1;
  }
  return total > INT_MAX ? INT_MAX : (int)total;
}

static const struct span *pause_at(const struct replay *R, int day) {
  for (size_t i = 0; i < R->n_pauses; i++)
    if (day >= R->pauses[i].first && day <= R->pauses[i].last) return &R->pauses[i];
  return NULL;
}

/* Days without a run between the reference day and `day`, pauses left
 * out, and the steps such a break costs. */
static int break_days(const struct replay *R, int day) {
  if (!kc_day_valid(R->ref_day) || day <= R->ref_day + 1) return 0;
  return day - R->ref_day - 1 - paused_between(R, R->ref_day, day);
}

static int steps_lost(const struct replay *R, int days) {
  const int lost = days / R->def->rule.gap_days;
  return lost > R->stage ? R->stage : lost;
}

static void facts_begin(struct replay *R, struct rp_facts *f, enum kc_rp_step step, int day) {
  memset(f, 0, sizeof *f);
  f->step = step;
  f->day = day;
  f->stage_before = f->stage_after = f->stage_run = R->stage + 1;
  f->during = f->morning = f->ref_morning = KC_RP_NOT_LOGGED;
  f->pause_end = KC_DAY_INVALID;
}

/* The pain rule on one run whose numbers are known (or known to be
 * missing). Updates the counts and the step. */
static void judge(struct replay *R, struct rp_facts *f, bool is_latest) {
  const struct kc_rp_rule *rule = &R->def->rule;
  const int L = rule->during_max;
  f->ref_morning = R->prev_morning;
  if (pain_ok(f->during) && f->during > L) {
    f->reason = RP_R_DURING;
  } else if (!pain_ok(f->during) || !pain_ok(f->morning)) {
    f->reason = is_latest ? RP_R_WAITING : RP_R_UNLOGGED;
  } else if (f->morning > L) {
    f->reason = RP_R_MORNING;
  } else if (pain_ok(R->prev_morning) && f->morning > R->prev_morning) {
    f->reason = RP_R_WORSE;
  } else {
    f->reason = RP_R_GOOD;
  }
  if (pain_ok(f->morning)) R->prev_morning = f->morning;
  R->pending = f->reason == RP_R_WAITING;
  if (f->reason == RP_R_WAITING) {
    f->step = KC_RP_STEP_PENDING;
  } else if (f->reason == RP_R_UNLOGGED) {
    R->good = 0; /* not evidence either way: never moves on, never counts as bad */
    f->step = KC_RP_STEP_REPEAT;
  } else if (f->reason == RP_R_GOOD) {
    R->bad = 0;
    if (++R->good < rule->good_to_progress) {
      f->step = KC_RP_STEP_KEEP;
    } else if (R->stage == R->def->n_stages - 1) {
      f->step = KC_RP_STEP_FINISH;
      R->status = KC_RP_FINISHED;
    } else {
      f->step = KC_RP_STEP_PROGRESS;
      R->stage++;
      R->good = 0;
      R->forward_day = f->day;
      R->runs_since_forward = 0;
    }
  } else {
    R->good = 0;
    f->step = KC_RP_STEP_REPEAT;
    if (++R->bad >= rule->bad_to_step_back) {
      R->bad = 0;
      if (R->stage > 0) {
        R->stage--;
        f->step = KC_RP_STEP_BACK;
      }
    }
  }
  f->good = R->good;
  f->bad = R->bad;
  f->stage_after = R->stage + 1;
}

static void on_run(struct replay *R, const struct kc_rp_event *e, size_t i, struct rp_facts *f) {
  facts_begin(R, f, KC_RP_STEP_IGNORED, e->day);
  if (R->status == KC_RP_ENDED || R->status == KC_RP_FINISHED) {
    f->reason = R->status == KC_RP_ENDED ? RP_R_ENDED : RP_R_FINISHED;
    return;
  }
  /* A long break first: the run was done at the lower step. */
  f->break_days = break_days(R, e->day);
  f->lost = steps_lost(R, f->break_days);
  if (f->lost > 0) {
    R->stage -= f->lost;
    R->good = R->bad = 0;
  }
  f->stage_run = R->stage + 1;
  f->during = e->during;
  f->morning = e->morning;
  judge(R, f, i == R->last_run_ev);
  R->runs++;
  R->runs_since_forward++;
  if (!kc_day_valid(R->last_run_day) || e->day > R->last_run_day) R->last_run_day = e->day;
  if (e->day > R->ref_day) R->ref_day = e->day;
  R->run_days[R->n_run_days++] = e->day;
}

static void on_event(struct replay *R, size_t i, struct rp_facts *f) {
  const struct kc_rp_event *e = &R->h->ev[i];
  if (R->status == KC_RP_STOPPED) {
    facts_begin(R, f, KC_RP_STEP_IGNORED, e->day);
    f->reason = RP_R_STOPPED;
    return;
  }
  if (e->kind == KC_RP_EV_CHECK) {
    facts_begin(R, f, KC_RP_STEP_NONE, e->day);
    f->level = kc_rp_check_level(e->level);
    f->reason = f->level == KC_LEVEL_NONE ? RP_R_CHECK_CLEAR : RP_R_SIGN;
    if (f->level != KC_LEVEL_NONE) { /* the first sign: stopped for good from here on */
      f->step = KC_RP_STEP_STOP;
      R->status = KC_RP_STOPPED;
    }
    return;
  }
  if (!kc_day_valid(e->day)) {
    facts_begin(R, f, KC_RP_STEP_IGNORED, e->day);
    f->reason = RP_R_BAD_DAY;
    return;
  }
  switch (e->kind) {
  case KC_RP_EV_RUN: on_run(R, e, i, f); return;
  case KC_RP_EV_PAUSE:
    facts_begin(R, f, KC_RP_STEP_PAUSE, e->day);
    f->pause_end = e->end_day;
    if (kc_day_valid(e->end_day) && e->end_day < e->day) {
      f->step = KC_RP_STEP_IGNORED;
      f->reason = RP_R_BAD_PAUSE;
    }
    return;
  case KC_RP_EV_RESTART:
    R->stage = e->stage < 1 ? 0 : e->stage > R->def->n_stages ? R->def->n_stages - 1 : e->stage - 1;
    facts_begin(R, f, KC_RP_STEP_RESTART, e->day);
    R->status = KC_RP_ACTIVE;
    R->good = R->bad = 0;
    R->pending = false;
    R->ref_day = R->forward_day = e->day;
    R->runs_since_forward = 0;
    return;
  case KC_RP_EV_END:
    facts_begin(R, f, KC_RP_STEP_END, e->day);
    R->status = KC_RP_ENDED;
    return;
  default: facts_begin(R, f, KC_RP_STEP_IGNORED, e->day); f->reason = RP_R_UNKNOWN_EVENT;
  }
}

/* The first recorded warning sign, wherever it is: its index, or SIZE_MAX. */
static size_t first_sign(const struct kc_rp_history *h) {
  for (size_t i = 0; i < h->n; i++)
    if (h->ev[i].kind == KC_RP_EV_CHECK && kc_rp_check_level(h->ev[i].level) != KC_LEVEL_NONE)
      return i;
  return SIZE_MAX;
}

static void replay_init(struct replay *R, const struct kc_rp_def *def,
                        const struct kc_rp_history *h) {
  memset(R, 0, sizeof *R);
  R->def = def;
  R->h = h;
  R->status = KC_RP_ACTIVE;
  R->last_run_day = KC_DAY_INVALID;
  R->ref_day = R->forward_day = kc_day_valid(h->start_day) ? h->start_day : KC_DAY_INVALID;
  R->prev_morning = KC_RP_NOT_LOGGED;
  R->stop_day = KC_DAY_INVALID;
  R->last_run_ev = SIZE_MAX;
  for (size_t i = 0; i < h->n; i++)
    if (h->ev[i].kind == KC_RP_EV_RUN && kc_day_valid(h->ev[i].day)) R->last_run_ev = i;
  collect_pauses(R);
  R->run_days = kc_xcalloc(h->n ? h->n : 1, sizeof *R->run_days);
}

/* ---- today ----------------------------------------------------------- */

/* The day the next run is due: one rest day (or more) after the last run,
 * no more than sessions_per_week runs in any 7 days, and never inside a
 * pause (the programme shifts by the pause). KC_DAY_INVALID while a pause
 * is still open over that day. */
static int due_day(const struct replay *R) {
  long long due = kc_day_valid(R->last_run_day) && R->last_run_day >= R->ref_day
                      ? (long long)R->last_run_day + R->def->rest_days + 1
                      : R->ref_day;
  if (!kc_day_valid(R->ref_day)) return KC_DAY_INVALID;
  const int spw = R->def->sessions_per_week;
  if ((int)R->n_run_days >= spw) {
    /* the spw-th latest run: a 7-day window holding it and the later ones is full */
    int *d = kc_xcalloc(R->n_run_days, sizeof *d);
    memcpy(d, R->run_days, R->n_run_days * sizeof *d);
    for (int k = 0; k < spw; k++) /* partial selection: the spw largest to the front */
      for (size_t j = (size_t)k + 1; j < R->n_run_days; j++)
        if (d[j] > d[k]) {
          int t = d[k];
          d[k] = d[j];
          d[j] = t;
        }
    if (d[spw - 1] + 7LL > due) due = d[spw - 1] + 7LL;
    free(d);
  }
  for (const struct span *p; due <= KC_DAY_MAX && (p = pause_at(R, (int)due));) {
    if (p->last == INT_MAX) return KC_DAY_INVALID;
    due = p->last + 1LL;
  }
  return due > KC_DAY_MAX ? KC_DAY_INVALID : (int)due;
}

/* Fills what today holds: a run (due or overdue, one step lower after a
 * long break), a rest day, or nothing (paused, stopped, ended, finished). */
static void rp_today(const struct replay *R, int today, struct kc_rp_plan *out) {
  struct rp_today_facts t = {
      .today = today, .start_day = R->forward_day, .paused_since = KC_DAY_INVALID};
  out->today = KC_RP_TODAY_NONE;
  if (R->status == KC_RP_ACTIVE && kc_day_valid(today) && kc_day_valid(R->ref_day)) {
    const struct span *p = pause_at(R, today);
    if (p) {
      out->status = KC_RP_PAUSED;
      t.paused_since = p->first;
    }
    out->next_run_day = due_day(R);
    for (size_t i = 0; i < R->n_run_days; i++) t.ran_today |= R->run_days[i] == today;
    out->morning_due = R->pending && kc_day_valid(R->last_run_day) && today > R->last_run_day;
    if (kc_day_valid(R->forward_day) && today > R->forward_day)
      t.stalled_for = today - R->forward_day - paused_between(R, R->forward_day, today);
    out->stalled = R->runs_since_forward > 0 && t.stalled_for >= R->def->rule.stall_days;
    if (out->stalled) out->level = KC_LEVEL_SOON;
    t.clock_back = (kc_day_valid(R->last_run_day) && today < R->last_run_day) ||
                   (kc_day_valid(R->ref_day) && today < R->ref_day);
    if (!p && !t.clock_back && kc_day_valid(out->next_run_day) && today >= out->next_run_day &&
        !t.ran_today) {
      out->today = KC_RP_TODAY_RUN;
      out->overdue = today > out->next_run_day;
      t.break_days = break_days(R, today);
      t.lost = steps_lost(R, t.break_days);
      out->session = R->def->stage[R->stage - t.lost];
      out->stage = R->stage - t.lost + 1;
    } else if (!p) {
      out->today = KC_RP_TODAY_REST;
    }
  }
  rp_render_today(R->def, out, &t);
}

static void fill_plan(struct replay *R, int today, struct kc_rp_plan *out) {
  memset(out, 0, sizeof *out);
  out->status = R->status;
  out->level = R->status == KC_RP_STOPPED ? (enum kc_level)R->stop_level : KC_LEVEL_SELF_CARE;
  out->stage = R->stage + 1;
  out->n_stages = R->def->n_stages;
  out->good_in_row = R->good;
  out->bad_in_row = R->bad;
  out->runs = R->runs;
  out->last_run_day = R->last_run_day;
  out->next_run_day = KC_DAY_INVALID;
  out->stop_day = R->status == KC_RP_STOPPED ? R->stop_day : KC_DAY_INVALID;
  out->session = R->def->stage[R->stage];
  rp_render(R->def, &R->last, &out->last);
  rp_today(R, today, out);
}

static int broken_def(struct kc_rp_plan *out) {
  if (!out) return -1;
  memset(out, 0, sizeof *out);
  out->status = KC_RP_STOPPED;
  out->level = KC_LEVEL_SOON;
  out->stage = out->n_stages = 0;
  out->last_run_day = out->next_run_day = out->stop_day = KC_DAY_INVALID;
  out->today = KC_RP_TODAY_NONE;
  snprintf(out->today_why, sizeof out->today_why,
           "The programme data cannot be used, so no run is offered. See a physio or GP for a "
           "plan to return to running.");
  snprintf(out->last.why, sizeof out->last.why, "%s", out->today_why);
  return -1;
}

int kc_rp_plan(const struct kc_rp_def *def, const struct kc_rp_history *h, int today,
               struct kc_rp_plan *out, struct kc_rp_decision *per_event) {
  if (!out || !def || !kc_rp_def_check(def, NULL, 0)) return broken_def(out);
  static const struct kc_rp_history empty = {KC_DAY_INVALID, NULL, 0};
  if (!h || (h->n > 0 && !h->ev)) h = &empty;
  struct replay R;
  replay_init(&R, def, h);
  const size_t sign = first_sign(h);
  R.last.step = KC_RP_STEP_NONE;
  R.last.stage_before = R.last.stage_after = 1;
  for (size_t i = 0; i < h->n; i++) {
    struct rp_facts f;
    on_event(&R, i, &f);
    if (i == sign && R.status == KC_RP_STOPPED && f.step == KC_RP_STEP_STOP) {
      R.stop_level = f.level;
      R.stop_day = h->ev[i].day;
    }
    if (per_event) rp_render(def, &f, &per_event[i]);
    if (f.step != KC_RP_STEP_IGNORED && f.reason != RP_R_CHECK_CLEAR) R.last = f;
  }
  /* Belt and braces: whatever the loop did, a recorded sign means stopped. */
  if (sign != SIZE_MAX && R.status != KC_RP_STOPPED) {
    R.status = KC_RP_STOPPED;
    R.stop_level = kc_rp_check_level(h->ev[sign].level);
    R.stop_day = h->ev[sign].day;
  }
  fill_plan(&R, today, out);
  free(R.pauses);
  free(R.run_days);
  return 0;
}
