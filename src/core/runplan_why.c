/* The sentences of the return-to-running engine: for each decision, what
 * the numbers were and what the pain rule made of them; for today, what to
 * do and why. Every number a sentence states is the one the rule used, so
 * a person can check the step against their own log. The words for levels
 * come from core/level (the one urgency vocabulary). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kneecare/day.h"
#include "runplan_int.h"

struct out {
  char *s;
  size_t cap, len;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct out *o, const char *fmt, ...) {
  if (o->len + 1 >= o->cap) return;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(o->s + o->len, o->cap - o->len, fmt, ap);
  va_end(ap);
  if (n > 0) o->len = o->len + (size_t)n >= o->cap ? o->cap - 1 : o->len + (size_t)n;
}

/* "Thu 2026-12-03", or "an unknown date". */
static const char *date(int day, char buf[16]) {
  if (!kc_day_valid(day)) return "an unknown date";
  char d[KC_DAY_BUF];
  snprintf(buf, 16, "%s %s", kc_day_weekday_name(day), kc_day_format(day, d));
  return buf;
}

static const char *stage_text(const struct kc_rp_def *def, int stage1, char *buf, size_t n) {
  if (stage1 < 1 || stage1 > def->n_stages) return "";
  return kc_rp_stage_text(&def->stage[stage1 - 1], buf, n);
}

/* What the pain numbers of a run were, against the limit. */
static void pain_sentence(struct out *o, const struct kc_rp_def *def, const struct rp_facts *f) {
  const int L = def->rule.during_max;
  switch (f->reason) {
  case RP_R_GOOD:
    put(o, "Pain during the run was %d/10 and %d/10 the next morning, within the limit of %d/10",
        f->during, f->morning, L);
    if (f->ref_morning >= 0)
      put(o, ", and no higher than the %d/10 after your last run", f->ref_morning);
    put(o, ": a good run.");
    break;
  case RP_R_DURING:
    put(o, "Pain during the run was %d/10, above the limit of %d/10.", f->during, L);
    break;
  case RP_R_MORNING:
    put(o, "Pain the next morning was %d/10, above the limit of %d/10: the knee had not settled.",
        f->morning, L);
    break;
  case RP_R_WORSE:
    put(o,
        "Pain the next morning was %d/10, higher than the %d/10 after your last run: the knee "
        "was worse the next day.",
        f->morning, f->ref_morning);
    break;
  case RP_R_UNLOGGED:
    put(o, "The pain during this run or the next morning was never logged, so it cannot count "
           "as a good run.");
    break;
  case RP_R_WAITING:
    if (f->during >= 0 && f->during <= KC_RP_PAIN_MAX)
      put(o,
          "Pain during the run was %d/10, within the limit of %d/10. Log the pain the next "
          "morning: it decides the next step.",
          f->during, L);
    else
      put(o, "Log the pain during the run and the next morning: they decide the next step.");
    break;
  default: break;
  }
}

static void run_sentence(struct out *o, const struct kc_rp_def *def, const struct rp_facts *f) {
  char st[96];
  const int need = def->rule.good_to_progress, back = def->rule.bad_to_step_back;
  if (f->lost > 0)
    put(o,
        "After %d days without a run (paused days not counted) the knee manages less, so this "
        "run counted at step %d instead of step %d. ",
        f->break_days, f->stage_run, f->stage_before);
  pain_sentence(o, def, f);
  const int after = f->stage_after;
  switch (f->step) {
  case KC_RP_STEP_KEEP:
    put(o,
        " That is %d good run%s in a row at step %d; %d more and you move up. Next: step %d "
        "again, %s.",
        f->good, f->good == 1 ? "" : "s", f->stage_run, need - f->good, after,
        stage_text(def, after, st, sizeof st));
    break;
  case KC_RP_STEP_PROGRESS:
    put(o, " That makes %d good runs in a row at step %d, so the next run moves up to step %d: %s.",
        need, f->stage_run, after, stage_text(def, after, st, sizeof st));
    break;
  case KC_RP_STEP_FINISH:
    put(o,
        " That makes %d good runs in a row at the last step: you have finished the walk-run "
        "programme.",
        need);
    break;
  case KC_RP_STEP_BACK:
    put(o, " That happened %d times in a row, so the next run goes back one step, to step %d: %s.",
        back, after, stage_text(def, after, st, sizeof st));
    break;
  case KC_RP_STEP_REPEAT:
    put(o, " So the next run repeats step %d: %s.", after, stage_text(def, after, st, sizeof st));
    if (f->reason == RP_R_UNLOGGED) break;
    if (f->bad == 0)
      put(o,
          " It happened %d times in a row, but step 1 is the first step, so keep at it; if it "
          "keeps happening, see a physio or GP soon.",
          back);
    else if (back - f->bad == 1)
      put(o, " If it happens again next time, you go back one step.");
    break;
  default: break;
  }
}

static void event_sentence(struct out *o, const struct kc_rp_def *def, const struct rp_facts *f) {
  char d1[16], d2[16], st[96];
  switch (f->reason) {
  case RP_R_SIGN:
    put(o,
        "A warning sign was answered yes or not sure on %s, so the programme has stopped for "
        "good. %s: %s",
        date(f->day, d1), kc_level_title((enum kc_level)f->level),
        kc_level_advice((enum kc_level)f->level));
    return;
  case RP_R_CHECK_CLEAR: put(o, "Safety check on %s: no warning sign.", date(f->day, d1)); return;
  case RP_R_STOPPED:
    put(o, "Not counted: the programme had already stopped because of a warning sign.");
    return;
  case RP_R_ENDED: put(o, "Not counted: you had ended the programme."); return;
  case RP_R_FINISHED: put(o, "Not counted: the programme was already finished."); return;
  case RP_R_BAD_DAY: put(o, "Not counted: this entry has no valid date."); return;
  case RP_R_BAD_PAUSE: put(o, "Not counted: this pause ends before it starts."); return;
  case RP_R_UNKNOWN_EVENT: put(o, "Not counted: this version does not know this entry."); return;
  default: break;
  }
  if (f->step == KC_RP_STEP_RESTART)
    put(o, "Restarted from step %d on %s: %s.", f->stage_after, date(f->day, d1),
        stage_text(def, f->stage_after, st, sizeof st));
  else if (f->step == KC_RP_STEP_END)
    put(o, "You ended the programme on %s. You can restart it from any step.", date(f->day, d1));
  else if (f->step == KC_RP_STEP_PAUSE && kc_day_valid(f->pause_end))
    put(o, "Paused from %s to %s: the programme waits at step %d and carries on after the pause.",
        date(f->day, d1), date(f->pause_end, d2), f->stage_after);
  else if (f->step == KC_RP_STEP_PAUSE)
    put(o, "Paused from %s: the programme waits at step %d until you resume.", date(f->day, d1),
        f->stage_after);
}

void rp_render(const struct kc_rp_def *def, const struct rp_facts *f, struct kc_rp_decision *out) {
  out->step = f->step;
  out->stage_before = f->stage_before;
  out->stage_after = f->stage_after;
  struct out o = {out->why, sizeof out->why, 0};
  out->why[0] = '\0';
  if (f->reason >= RP_R_GOOD && f->reason <= RP_R_WAITING)
    run_sentence(&o, def, f);
  else
    event_sentence(&o, def, f);
  if (o.len == 0) put(&o, "Nothing to decide yet.");
}

/* ---- today ----------------------------------------------------------- */

static void today_run(struct out *o, const struct kc_rp_def *def, const struct kc_rp_plan *p,
                      const struct rp_today_facts *t) {
  char st[96], d1[16];
  put(o,
      "Today: step %d of %d. Walk briskly for %d minutes, then %s. Answer the short safety "
      "check before you start.",
      p->stage, p->n_stages, def->warmup_min, kc_rp_stage_text(&p->session, st, sizeof st));
  if (t->lost > 0)
    put(o,
        " You have gone %d days without a run (paused days not counted), so today's run is %d "
        "step%s lower than before.",
        t->break_days, t->lost, t->lost == 1 ? "" : "s");
  if (p->overdue)
    put(o,
        " This run was due on %s and is still waiting: missed days only cost a step after a "
        "break of %d days.",
        date(p->next_run_day, d1), def->rule.gap_days);
  if (p->morning_due)
    put(o, " First log how the knee felt the morning after your last run; until then the step "
           "stays the same.");
}

static void today_rest(struct out *o, const struct kc_rp_def *def, const struct kc_rp_plan *p,
                       const struct rp_today_facts *t) {
  char d1[16], d2[16];
  if (t->clock_back && p->runs == 0) {
    put(o, "The programme starts on %s.", date(t->start_day, d1));
    return;
  }
  if (t->clock_back) {
    put(o,
        "This computer's date (%s) is earlier than your last run or restart (%s). Nothing is "
        "lost; check the date and time.",
        date(t->today, d1),
        date(kc_day_valid(p->last_run_day) ? p->last_run_day : t->start_day, d2));
    return;
  }
  put(o, "%s", t->ran_today ? "You ran today." : "Rest day.");
  if (kc_day_valid(p->next_run_day))
    put(o,
        " Next run: %s, step %d. A rest day between runs, and no more than %d runs in 7 days, "
        "give the knee time to settle.",
        date(p->next_run_day, d1), p->stage, def->sessions_per_week);
  if (p->morning_due) put(o, " Log how the knee felt the morning after your last run.");
}

void rp_render_today(const struct kc_rp_def *def, struct kc_rp_plan *p,
                     const struct rp_today_facts *t) {
  char d1[16];
  struct out o = {p->today_why, sizeof p->today_why, 0};
  p->today_why[0] = '\0';
  switch (p->status) {
  case KC_RP_STOPPED:
    put(&o,
        "The programme has stopped: a warning sign was answered yes or not sure on %s. No "
        "more runs. %s: %s",
        date(p->stop_day, d1), kc_level_title(p->level), kc_level_advice(p->level));
    return;
  case KC_RP_FINISHED:
    put(&o, "You have finished the walk-run programme. From here, build up in small steps: keep "
            "each run close to your longest run of the past month, change one thing at a time, "
            "and keep up the strength work.");
    return;
  case KC_RP_ENDED: put(&o, "You ended the programme. You can restart it from any step."); return;
  case KC_RP_PAUSED:
    put(&o, "Paused since %s. The programme waits at step %d and carries on when you resume.",
        date(t->paused_since, d1), p->stage);
    return;
  case KC_RP_ACTIVE: break;
  }
  if (!kc_day_valid(t->today)) {
    put(&o, "Today's date is not valid, so no run is offered.");
    return;
  }
  if (!kc_day_valid(t->start_day)) {
    put(&o, "The programme has not started.");
    return;
  }
  if (p->today == KC_RP_TODAY_RUN)
    today_run(&o, def, p, t);
  else
    today_rest(&o, def, p, t);
  if (p->stalled)
    put(&o, " It is %d days since you last moved up a step: %s.", t->stalled_for,
        kc_level_title(KC_LEVEL_SOON));
}
