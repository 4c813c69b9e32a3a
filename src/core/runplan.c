/* The return-to-running programme's fixed rules: what a safe definition
 * looks like, who may start, and the names used in data and JSON. The
 * day-by-day replay of a history is in runplan_replay.c and its sentences
 * in runplan_why.c. The numbers checked here are the ones the packer and
 * the engine both rely on, so a definition the packer accepted is one the
 * engine can follow, and one it did not is refused at run time too. */
#include "kneecare/runplan.h"

#include <stdio.h>
#include <string.h>

/* Why these limits: the return-to-running article's example starts with
 * 1-minute runs and ends with 20-30 minutes without walking over about six
 * weeks; the issue asks for 3-6 weeks. A single run more than twice the
 * previous longest is the "large spike" of Frandsen et al. (BJSM 2025),
 * the only band whose risk more than doubled. An hour caps a session so a
 * typo (300 minutes) cannot reach a person. */
#define FIRST_RUN_MAX 2
#define SESSION_MAX_MIN 60
#define WEEKS_MIN 3
#define WEEKS_MAX 6

static bool fail(char *err, size_t errlen, const char *fmt, int a, int b) {
  if (err && errlen > 0) snprintf(err, errlen, fmt, a, b);
  return false;
}

int kc_rp_stage_run_total(const struct kc_rp_stage *s) { return s ? s->run_min * s->repeats : 0; }

char *kc_rp_stage_text(const struct kc_rp_stage *s, char *buf, size_t n) {
  if (!buf || n == 0) return buf;
  if (!s) {
    buf[0] = '\0';
  } else if (s->walk_min == 0) {
    snprintf(buf, n, "run %d minute%s without walking", s->run_min, s->run_min == 1 ? "" : "s");
  } else {
    snprintf(buf, n, "run %d minute%s, walk %d minute%s, %d times", s->run_min,
             s->run_min == 1 ? "" : "s", s->walk_min, s->walk_min == 1 ? "" : "s", s->repeats);
  }
  return buf;
}

static bool stages_ok(const struct kc_rp_def *d, char *err, size_t errlen) {
  for (int i = 0; i < d->n_stages; i++) {
    const struct kc_rp_stage *s = &d->stage[i], *p = i ? &d->stage[i - 1] : NULL;
    if (s->run_min < 1 || s->walk_min < 0 || s->repeats < 1 || s->run_min > SESSION_MAX_MIN ||
        s->walk_min > SESSION_MAX_MIN || s->repeats > SESSION_MAX_MIN)
      return fail(err, errlen, "step %d: minutes and repeats must be positive and small", i + 1, 0);
    if ((s->walk_min == 0) != (s->repeats == 1))
      return fail(err, errlen, "step %d: walking breaks need 2 or more repeats, one run none (%d)",
                  i + 1, s->repeats);
    const int session = d->warmup_min + (s->run_min + s->walk_min) * s->repeats;
    if (session > SESSION_MAX_MIN)
      return fail(err, errlen, "step %d: the session lasts %d minutes (at most 60)", i + 1,
                  session);
    if (!p) {
      if (s->run_min > FIRST_RUN_MAX)
        return fail(err, errlen, "step 1: runs of %d minutes (the first step runs at most %d)",
                    s->run_min, FIRST_RUN_MAX);
      continue;
    }
    if (s->run_min < p->run_min || kc_rp_stage_run_total(s) < kc_rp_stage_run_total(p))
      return fail(err, errlen, "step %d runs less than step %d: steps must not shrink", i + 1, i);
    if (s->run_min > 2 * p->run_min)
      return fail(err, errlen, "step %d more than doubles the single run of step %d", i + 1, i);
    if (kc_rp_stage_run_total(s) > 2 * kc_rp_stage_run_total(p))
      return fail(err, errlen, "step %d more than doubles the running of step %d", i + 1, i);
  }
  return true;
}

static bool rule_ok(const struct kc_rp_def *d, char *err, size_t errlen) {
  const struct kc_rp_rule *r = &d->rule;
  if (r->during_max < 0 || r->during_max > 5)
    return fail(err, errlen, "pain rule: limit %d/10 (0..5; the model's own limit is 5)",
                r->during_max, 0);
  if (r->good_to_progress < 1 || r->good_to_progress > 7)
    return fail(err, errlen, "pain rule: %d good runs to move on (1..7)", r->good_to_progress, 0);
  if (r->bad_to_step_back < 1 || r->bad_to_step_back > 7)
    return fail(err, errlen, "pain rule: %d bad runs to step back (1..7)", r->bad_to_step_back, 0);
  if (r->gap_days < 3 || r->gap_days > 60)
    return fail(err, errlen, "pain rule: a break of %d days costs a step (3..60)", r->gap_days, 0);
  if (r->stall_days < 7 || r->stall_days > 60)
    return fail(err, errlen, "pain rule: stalled after %d days (7..60)", r->stall_days, 0);
  return true;
}

static bool causes_ok(const struct kc_rp_def *d, char *err, size_t errlen) {
  if (d->n_causes < 0 || d->n_causes > KC_RP_MAX_CAUSES)
    return fail(err, errlen, "%d causes (0..%d)", d->n_causes, KC_RP_MAX_CAUSES);
  for (int i = 0; i < d->n_causes; i++) {
    const struct kc_rp_cause *c = &d->cause[i];
    if (!memchr(c->id, '\0', sizeof c->id) || c->id[0] == '\0')
      return fail(err, errlen, "cause %d has no id", i + 1, 0);
    if (c->min_level < KC_LEVEL_NONE || c->min_level >= KC_LEVEL_24H)
      return fail(err, errlen, "cause %d: level %d is 24h or above: not a graded return", i + 1,
                  (int)c->min_level);
    for (int j = 0; j < i; j++)
      if (strcmp(d->cause[j].id, c->id) == 0)
        return fail(err, errlen, "cause %d repeats cause %d", i + 1, j + 1);
  }
  return true;
}

bool kc_rp_def_check(const struct kc_rp_def *d, char *err, size_t errlen) {
  if (!d) return fail(err, errlen, "no programme", 0, 0);
  if (d->n_stages < 3 || d->n_stages > KC_RP_MAX_STAGES)
    return fail(err, errlen, "%d steps (3..%d)", d->n_stages, KC_RP_MAX_STAGES);
  if (d->sessions_per_week < 1 || d->sessions_per_week > 4)
    return fail(err, errlen, "%d runs a week (1..4)", d->sessions_per_week, 0);
  if (d->rest_days < 1 || d->rest_days > 3)
    return fail(err, errlen, "%d rest days between runs (1..3)", d->rest_days, 0);
  if (d->warmup_min < 0 || d->warmup_min > 15)
    return fail(err, errlen, "%d minutes of warm-up walking (0..15)", d->warmup_min, 0);
  if (!rule_ok(d, err, errlen) || !stages_ok(d, err, errlen) || !causes_ok(d, err, errlen))
    return false;
  const int runs = d->n_stages * d->rule.good_to_progress;
  if (runs < WEEKS_MIN * d->sessions_per_week || runs > WEEKS_MAX * d->sessions_per_week)
    return fail(err, errlen, "%d runs at %d a week: not 3 to 6 weeks", runs, d->sessions_per_week);
  return true;
}

/* ---- who may start ------------------------------------------------------ */

static enum kc_rp_start start_answer(enum kc_rp_start v, char *why, size_t n, const char *text) {
  if (why && n > 0) snprintf(why, n, "%s", text);
  return v;
}

enum kc_rp_start kc_rp_start_check(const struct kc_rp_def *def, const struct kc_rp_start_in *in,
                                   char *why, size_t n) {
  if (!def || !in || !kc_rp_def_check(def, NULL, 0))
    return start_answer(KC_RP_START_NO, why, n, "The programme data cannot be used.");
  if (in->signs_level != KC_LEVEL_NONE)
    return start_answer(KC_RP_START_NO, why, n,
                        "A warning sign was answered yes or not sure: do not start running. "
                        "Follow the advice for that sign.");
  if (!in->ready)
    return start_answer(KC_RP_START_NO, why, n,
                        "Not every readiness check passed yet. Keep up the walking and the "
                        "strength exercises, and try the checks again in a few days.");
  const struct kc_rp_cause *cause = NULL;
  for (int i = 0; in->cause_id && i < def->n_causes; i++)
    if (strcmp(def->cause[i].id, in->cause_id) == 0) cause = &def->cause[i];
  if (!cause)
    return start_answer(KC_RP_START_NO, why, n,
                        "This walk-run programme is not the right advice for this cause of "
                        "knee pain. Follow the plan a physio or doctor gives you.");
  /* a level the program never writes is read as the most urgent */
  const int level = in->result_level < KC_LEVEL_NONE || in->result_level > KC_LEVEL_MAX
                        ? KC_LEVEL_AMBULANCE
                        : in->result_level;
  if ((level >= KC_LEVEL_SOON || cause->min_level >= KC_LEVEL_SOON) && !in->go_ahead)
    return start_answer(KC_RP_START_GO_AHEAD, why, n,
                        "Your result said to get the knee checked. Start only once a physio "
                        "or doctor has said running may start again.");
  return start_answer(KC_RP_START_OK, why, n,
                      "You may start: every readiness check passed and no warning sign was "
                      "answered yes.");
}

enum kc_level kc_rp_check_level(int recorded) {
  if (recorded == KC_LEVEL_NONE) return KC_LEVEL_NONE;
  if (recorded < KC_LEVEL_SELF_CARE || recorded > KC_LEVEL_MAX) return KC_LEVEL_AMBULANCE;
  return recorded < KC_LEVEL_SOON ? KC_LEVEL_SOON : (enum kc_level)recorded;
}

const char *kc_rp_step_name(enum kc_rp_step step) {
  static const char *const names[] = {
      [KC_RP_STEP_NONE] = "none",       [KC_RP_STEP_PENDING] = "pending",
      [KC_RP_STEP_KEEP] = "keep",       [KC_RP_STEP_PROGRESS] = "progress",
      [KC_RP_STEP_REPEAT] = "repeat",   [KC_RP_STEP_BACK] = "step-back",
      [KC_RP_STEP_FINISH] = "finish",   [KC_RP_STEP_STOP] = "stop",
      [KC_RP_STEP_RESTART] = "restart", [KC_RP_STEP_END] = "end",
      [KC_RP_STEP_PAUSE] = "pause",     [KC_RP_STEP_IGNORED] = "ignored",
  };
  return step >= KC_RP_STEP_NONE && step <= KC_RP_STEP_IGNORED ? names[step] : "none";
}

const char *kc_rp_status_name(enum kc_rp_status status) {
  static const char *const names[] = {[KC_RP_ACTIVE] = "active",
                                      [KC_RP_PAUSED] = "paused",
                                      [KC_RP_FINISHED] = "finished",
                                      [KC_RP_ENDED] = "ended",
                                      [KC_RP_STOPPED] = "stopped"};
  return status >= KC_RP_ACTIVE && status <= KC_RP_STOPPED ? names[status] : "stopped";
}
