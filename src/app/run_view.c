/* The return to running of the current profile: the user database's rows
 * replayed through the engine, and each change a person makes as one call
 * (see run_view.h for how rows become the engine's history). */
#include "kneecare/run_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/day.h"
#include "kneecare/mem.h"

struct kc_rp_content *kc_run_content(struct kc_app *app, char *err, size_t errlen) {
  struct kc_rp_content *c = NULL;
  struct kc_content *content = kc_app_content(app);
  if (kc_rp_load_content(content, NULL, &c, err, errlen) != 0) return NULL;
  char why[256];
  if (!kc_rp_def_check(&c->def, why, sizeof why)) {
    snprintf(err, errlen, "The return-to-running programme in the content is not usable: %s", why);
    kc_rp_content_free(c);
    return NULL;
  }
  return c;
}

void kc_run_view_free(struct kc_run_view *v) {
  if (!v) return;
  free(v->sessions);
  free(v->pauses);
  free(v->ev);
  free(v->ev_session);
  free(v->dec);
  memset(v, 0, sizeof *v);
}

static int fail_udb(struct kc_userdb *db, int rc, char *err, size_t errlen) {
  snprintf(err, errlen, "%s", kc_userdb_errmsg(db));
  return rc;
}

/* One recorded fact with the time it was written, for the merge. */
struct fact {
  int64_t at;
  int order; /* ties: sessions, pauses, the end */
  struct kc_rp_event ev;
  int session;
};

static int fact_cmp(const void *a, const void *b) {
  const struct fact *x = a, *y = b;
  if (x->at != y->at) return x->at < y->at ? -1 : 1;
  return x->order - y->order;
}

/* Builds the history from the rows and replays it. */
static void replay(struct kc_run_view *v) {
  size_t cap = (size_t)v->n_sessions + (size_t)v->n_pauses + 2;
  struct fact *f = kc_xcalloc(cap, sizeof *f);
  size_t n = 0;
  int order = 0;
  if (v->prog.week > 1) {
    f[n].at = v->prog.started_at;
    f[n].order = order++;
    f[n].ev = (struct kc_rp_event){.kind = KC_RP_EV_RESTART,
                                   .day = v->prog.start_day,
                                   .during = KC_RP_NOT_LOGGED,
                                   .morning = KC_RP_NOT_LOGGED,
                                   .end_day = KC_DAY_INVALID,
                                   .stage = v->prog.week};
    f[n].session = -1;
    n++;
  }
  for (int i = 0; i < v->n_sessions; i++) {
    const struct kc_run_session *s = &v->sessions[i];
    if (!s->done_at) continue;
    f[n].at = s->done_at;
    f[n].order = order++;
    f[n].ev = (struct kc_rp_event){.kind = KC_RP_EV_RUN,
                                   .day = s->planned_day,
                                   .during = s->pain_during < 0 ? KC_RP_NOT_LOGGED : s->pain_during,
                                   .morning = s->pain_next_morning < 0 ? KC_RP_NOT_LOGGED
                                                                       : s->pain_next_morning,
                                   .end_day = KC_DAY_INVALID};
    f[n].session = i;
    n++;
  }
  for (int i = 0; i < v->n_pauses; i++) {
    const struct kc_run_pause *p = &v->pauses[i];
    f[n].at = p->created_at;
    f[n].order = order++;
    f[n].ev = (struct kc_rp_event){.kind = KC_RP_EV_PAUSE,
                                   .day = p->from_day,
                                   .during = KC_RP_NOT_LOGGED,
                                   .morning = KC_RP_NOT_LOGGED,
                                   .end_day = p->to_day};
    f[n].session = -1;
    n++;
  }
  if (v->prog.ended_at && (v->prog.end == KC_RUN_WARNING_SIGN || v->prog.end == KC_RUN_STOPPED)) {
    f[n].at = v->prog.ended_at;
    f[n].order = order++;
    int day = kc_day_local((time_t)v->prog.ended_at);
    if (!kc_day_valid(day)) day = v->today;
    if (v->prog.end == KC_RUN_WARNING_SIGN)
      f[n].ev =
          (struct kc_rp_event){.kind = KC_RP_EV_CHECK,
                               .day = day,
                               .during = KC_RP_NOT_LOGGED,
                               .morning = KC_RP_NOT_LOGGED,
                               .end_day = KC_DAY_INVALID,
                               .level = v->prog.stop_level > KC_LEVEL_NONE ? (int)v->prog.stop_level
                                                                           : KC_LEVEL_AMBULANCE};
    else
      f[n].ev = (struct kc_rp_event){.kind = KC_RP_EV_END,
                                     .day = day,
                                     .during = KC_RP_NOT_LOGGED,
                                     .morning = KC_RP_NOT_LOGGED,
                                     .end_day = KC_DAY_INVALID};
    f[n].session = -1;
    n++;
  }
  qsort(f, n, sizeof *f, fact_cmp);
  v->ev = kc_xcalloc(n ? n : 1, sizeof *v->ev);
  v->ev_session = kc_xcalloc(n ? n : 1, sizeof *v->ev_session);
  v->dec = kc_xcalloc(n ? n : 1, sizeof *v->dec);
  for (size_t i = 0; i < n; i++) {
    v->ev[i] = f[i].ev;
    v->ev_session[i] = f[i].session;
  }
  v->n_ev = n;
  free(f);
  struct kc_rp_history h = {.start_day = v->prog.start_day, .ev = v->ev, .n = v->n_ev};
  kc_rp_plan(&v->content->def, &h, v->today, &v->plan, v->dec);
}

int kc_run_view_load(struct kc_app *app, const struct kc_rp_content *c, int today,
                     struct kc_run_view *out, char *err, size_t errlen) {
  memset(out, 0, sizeof *out);
  out->content = c;
  out->today = today;
  struct kc_userdb *db = kc_app_user(app, err, errlen);
  if (!db) return KC_UDB_EIO;
  int rc = kc_userdb_run_active(db, app->profile.id, &out->prog);
  if (rc == KC_UDB_OK) {
    out->active = true;
  } else if (rc == KC_UDB_ENOTFOUND) {
    struct kc_run_programme *all = NULL;
    int n = 0;
    rc = kc_userdb_run_list(db, app->profile.id, &all, &n);
    if (rc != KC_UDB_OK) return fail_udb(db, rc, err, errlen);
    if (n > 0) out->prog = all[0];
    free(all);
    if (n == 0) return KC_UDB_OK;
  } else {
    return fail_udb(db, rc, err, errlen);
  }
  out->has = true;
  if ((rc = kc_userdb_run_sessions(db, out->prog.id, &out->sessions, &out->n_sessions)) !=
          KC_UDB_OK ||
      (rc = kc_userdb_run_pauses(db, out->prog.id, &out->pauses, &out->n_pauses)) != KC_UDB_OK) {
    fail_udb(db, rc, err, errlen);
    kc_run_view_free(out);
    return rc;
  }
  if (c) replay(out);
  return KC_UDB_OK;
}

int kc_run_view_session(const struct kc_run_view *v, int seq) {
  if (seq == 0) return v->n_sessions > 0 ? v->n_sessions - 1 : -1;
  for (int i = 0; i < v->n_sessions; i++)
    if (v->sessions[i].seq == seq) return i;
  return -1;
}

int kc_run_view_next_seq(const struct kc_run_view *v) {
  return v->n_sessions > 0 ? v->sessions[v->n_sessions - 1].seq + 1 : 1;
}

bool kc_run_view_timer_current(const struct kc_run_view *v, const struct kc_run_timer *t) {
  return v->has && v->active && v->plan.status == KC_RP_ACTIVE &&
         v->plan.today == KC_RP_TODAY_RUN && t->programme_id == v->prog.id && t->day == v->today &&
         t->seq == kc_run_view_next_seq(v);
}

/* ---- starting --------------------------------------------------------------- */

static enum kc_level cause_level(const struct kc_rp_content *c, const char *cause) {
  for (int i = 0; i < c->def.n_causes; i++)
    if (strcmp(c->def.cause[i].id, cause) == 0) return c->def.cause[i].min_level;
  return KC_LEVEL_SELF_CARE;
}

int kc_run_origin_find(struct kc_app *app, const struct kc_rp_content *c, int64_t plan_id,
                       bool ready_given, struct kc_run_origin *out, char *err, size_t errlen) {
  memset(out, 0, sizeof *out);
  struct kc_userdb *db = kc_app_user(app, err, errlen);
  if (!db) return KC_UDB_EIO;
  struct kc_plan plan;
  int rc;
  if (plan_id > 0) {
    rc = kc_userdb_plan_get(db, plan_id, &plan);
    if (rc == KC_UDB_OK && plan.profile_id != app->profile.id) rc = KC_UDB_ENOTFOUND;
  } else {
    rc = kc_userdb_plan_active(db, app->profile.id, &plan);
    if (rc == KC_UDB_ENOTFOUND) {
      struct kc_plan *hist = NULL;
      int n = 0;
      rc = kc_userdb_plan_history(db, app->profile.id, &hist, &n);
      if (rc == KC_UDB_OK && n == 0) rc = KC_UDB_ENOTFOUND;
      if (rc == KC_UDB_OK) plan = hist[0];
      free(hist);
    }
  }
  if (rc == KC_UDB_ENOTFOUND) return KC_UDB_OK; /* found stays false */
  if (rc != KC_UDB_OK) return fail_udb(db, rc, err, errlen);
  out->found = true;
  out->plan_id = plan.id;
  snprintf(out->cause_id, sizeof out->cause_id, "%s", plan.cause_id);
  out->level = c && plan.cause_id[0] ? cause_level(c, plan.cause_id) : KC_LEVEL_SELF_CARE;
  if (plan.wizard_run_id > 0) {
    struct kc_wizard_run run = {0};
    if (kc_userdb_wizard_get(db, plan.wizard_run_id, &run) == KC_UDB_OK) {
      if (run.level > out->level) out->level = run.level;
      kc_userdb_wizard_run_clear(&run);
    }
  }
  if (ready_given) {
    out->ready = true;
  } else {
    struct kc_readiness *r = NULL;
    int n = 0;
    if (kc_userdb_readiness_list(db, plan.id, &r, &n) == KC_UDB_OK) {
      out->ready = n > 0;
      for (int i = 0; i < n; i++)
        if (!r[i].passed) out->ready = false;
    }
    free(r);
  }
  return KC_UDB_OK;
}

enum kc_rp_start kc_run_may_start(const struct kc_rp_content *c, const struct kc_run_origin *o,
                                  int signs_level, bool go_ahead, char *why, size_t n) {
  if (!o->found || !o->cause_id[0]) {
    snprintf(why, n,
             "The return to running follows a 3-day plan started from a symptom check. Check "
             "your symptoms first; the plan's day-3 check-in offers it when it fits.");
    return KC_RP_START_NO;
  }
  struct kc_rp_start_in in = {.cause_id = o->cause_id,
                              .result_level = (int)o->level,
                              .ready = o->ready,
                              .signs_level = signs_level,
                              .go_ahead = go_ahead};
  return kc_rp_start_check(&c->def, &in, why, n);
}

int kc_run_start(struct kc_app *app, const struct kc_rp_content *c, const struct kc_run_origin *o,
                 bool go_ahead, int week, int today, time_t now, char *err, size_t errlen) {
  struct kc_userdb *db = kc_app_user(app, err, errlen);
  if (!db) return KC_UDB_EIO;
  struct kc_run_start s = {.programme_id = c->id,
                           .plan_id = o->plan_id,
                           .cause_id = o->cause_id[0] ? o->cause_id : NULL,
                           .level = o->level,
                           .clinician_ok = go_ahead,
                           .start_day = today,
                           .week = week};
  struct kc_run_programme p;
  int rc = kc_userdb_run_start(db, app->profile.id, &s, now, &p);
  return rc == KC_UDB_OK ? rc : fail_udb(db, rc, err, errlen);
}

/* ---- logging -------------------------------------------------------------------- */

static int need_active(const struct kc_run_view *v, char *err, size_t errlen) {
  if (v->has && v->active) return 0;
  snprintf(err, errlen, "%s",
           !v->has ? "There is no return-to-running programme. Start one from Home."
                   : "The return-to-running programme has ended.");
  return -1;
}

static int reload(struct kc_app *app, struct kc_run_view *v, char *err, size_t errlen) {
  const struct kc_rp_content *c = v->content;
  int today = v->today;
  kc_run_view_free(v);
  return kc_run_view_load(app, c, today, v, err, errlen);
}

int kc_run_log_during(struct kc_app *app, struct kc_run_view *v, int seq, int during, int run_min,
                      int walk_min, time_t now, int *seq_out, char *err, size_t errlen) {
  if (need_active(v, err, errlen)) return KC_UDB_EINVAL;
  if (during < 0 || during > KC_RP_PAIN_MAX) {
    snprintf(err, errlen, "Pain is a number from 0 to 10.");
    return KC_UDB_EINVAL;
  }
  struct kc_userdb *db = kc_app_user(app, err, errlen);
  if (!db) return KC_UDB_EIO;
  int64_t id;
  int rc;
  if (seq > 0) {
    int i = kc_run_view_session(v, seq);
    if (i < 0 || !v->sessions[i].done_at) {
      snprintf(err, errlen, "There is no logged session %d.", seq);
      return KC_UDB_ENOTFOUND;
    }
    id = v->sessions[i].id;
    if (run_min < 0) run_min = v->sessions[i].actual_run_minutes;
    if (walk_min < 0) walk_min = v->sessions[i].actual_walk_minutes;
  } else {
    if (v->plan.status != KC_RP_ACTIVE || v->plan.today != KC_RP_TODAY_RUN) {
      char day[32];
      if (v->plan.status == KC_RP_ACTIVE && kc_day_valid(v->plan.next_run_day))
        snprintf(err, errlen, "No run is due today: the next one is on %s.",
                 kc_run_day_text(v->plan.next_run_day, day, sizeof day));
      else
        snprintf(err, errlen, "No run is due today (%s).", kc_rp_status_name(v->plan.status));
      return KC_UDB_EINVAL;
    }
    const struct kc_rp_stage *s = &v->plan.session;
    struct kc_run_plan p = {.seq = kc_run_view_next_seq(v),
                            .week = v->plan.stage,
                            .planned_day = v->today,
                            .run_minutes = s->run_min,
                            .walk_minutes = s->walk_min,
                            .repeats = s->repeats > 0 ? s->repeats : 1};
    if (run_min < 0) run_min = kc_rp_stage_run_total(s);
    if (walk_min < 0) walk_min = s->walk_min * (s->repeats > 1 ? s->repeats - 1 : 0);
    rc = kc_userdb_run_session_plan(db, v->prog.id, &p, &id);
    if (rc != KC_UDB_OK) return fail_udb(db, rc, err, errlen);
    seq = p.seq;
  }
  rc = kc_userdb_run_session_log(db, id, run_min, walk_min, during, NULL, now);
  if (rc != KC_UDB_OK) return fail_udb(db, rc, err, errlen);
  if (seq_out) *seq_out = seq;
  return reload(app, v, err, errlen);
}

static enum kc_run_outcome outcome_of(enum kc_rp_step s) {
  switch (s) {
  case KC_RP_STEP_PROGRESS:
  case KC_RP_STEP_FINISH: return KC_RUN_PROGRESS;
  case KC_RP_STEP_BACK: return KC_RUN_STEP_BACK;
  case KC_RP_STEP_STOP: return KC_RUN_STOP;
  default: return KC_RUN_REPEAT; /* keep or repeat: the same step next time */
  }
}

int kc_run_log_morning(struct kc_app *app, struct kc_run_view *v, int seq, int morning, time_t now,
                       char *err, size_t errlen) {
  if (need_active(v, err, errlen)) return KC_UDB_EINVAL;
  if (morning < 0 || morning > KC_RP_PAIN_MAX) {
    snprintf(err, errlen, "Pain is a number from 0 to 10.");
    return KC_UDB_EINVAL;
  }
  int i = kc_run_view_session(v, seq);
  if (i < 0 || !v->sessions[i].done_at) {
    snprintf(err, errlen, seq ? "There is no logged session %d." : "No run has been logged yet.",
             seq);
    return KC_UDB_ENOTFOUND;
  }
  struct kc_userdb *db = kc_app_user(app, err, errlen);
  if (!db) return KC_UDB_EIO;
  /* The decision this morning makes, from a replay with it. */
  v->sessions[i].pain_next_morning = morning;
  free(v->ev);
  free(v->ev_session);
  free(v->dec);
  v->ev = NULL;
  v->ev_session = NULL;
  v->dec = NULL;
  replay(v);
  enum kc_rp_step step = KC_RP_STEP_KEEP;
  for (size_t k = 0; k < v->n_ev; k++)
    if (v->ev_session[k] == i) step = v->dec[k].step;
  bool finished = v->plan.status == KC_RP_FINISHED;
  int64_t id = v->sessions[i].id;
  int rc = kc_userdb_run_session_outcome(db, id, morning, outcome_of(step));
  if (rc != KC_UDB_OK) {
    fail_udb(db, rc, err, errlen);
    reload(app, v, err, errlen);
    return rc;
  }
  if (finished &&
      (rc = kc_userdb_run_end(db, v->prog.id, KC_RUN_FINISHED, KC_LEVEL_NONE, now)) != KC_UDB_OK)
    return fail_udb(db, rc, err, errlen);
  (void)now;
  return reload(app, v, err, errlen);
}

int kc_run_stop_for_sign(struct kc_app *app, struct kc_run_view *v, enum kc_level level, time_t now,
                         char *err, size_t errlen) {
  if (need_active(v, err, errlen)) return KC_UDB_EINVAL;
  struct kc_userdb *db = kc_app_user(app, err, errlen);
  if (!db) return KC_UDB_EIO;
  if (level < KC_LEVEL_SOON) level = KC_LEVEL_SOON;
  if (level > KC_LEVEL_AMBULANCE) level = KC_LEVEL_AMBULANCE;
  int rc = kc_userdb_run_end(db, v->prog.id, KC_RUN_WARNING_SIGN, level, now);
  if (rc != KC_UDB_OK) return fail_udb(db, rc, err, errlen);
  return reload(app, v, err, errlen);
}

int kc_run_pause(struct kc_app *app, struct kc_run_view *v, enum kc_pause_reason reason, time_t now,
                 char *err, size_t errlen) {
  if (need_active(v, err, errlen)) return KC_UDB_EINVAL;
  if (v->plan.status == KC_RP_STOPPED || v->plan.status == KC_RP_FINISHED) {
    snprintf(err, errlen, "The programme is %s: there is nothing to pause.",
             kc_rp_status_name(v->plan.status));
    return KC_UDB_EINVAL;
  }
  struct kc_userdb *db = kc_app_user(app, err, errlen);
  if (!db) return KC_UDB_EIO;
  int rc = kc_userdb_run_pause(db, v->prog.id, v->today, reason, now);
  if (rc != KC_UDB_OK) return fail_udb(db, rc, err, errlen);
  return reload(app, v, err, errlen);
}

int kc_run_resume(struct kc_app *app, struct kc_run_view *v, char *err, size_t errlen) {
  if (need_active(v, err, errlen)) return KC_UDB_EINVAL;
  struct kc_userdb *db = kc_app_user(app, err, errlen);
  if (!db) return KC_UDB_EIO;
  /* The pause covers the days up to yesterday: today the programme runs. */
  int to = v->today - 1;
  for (int i = 0; i < v->n_pauses; i++)
    if (!kc_day_valid(v->pauses[i].to_day) && to < v->pauses[i].from_day)
      to = v->pauses[i].from_day;
  int rc = kc_userdb_run_resume(db, v->prog.id, to);
  if (rc != KC_UDB_OK) return fail_udb(db, rc, err, errlen);
  return reload(app, v, err, errlen);
}

int kc_run_end(struct kc_app *app, struct kc_run_view *v, time_t now, char *err, size_t errlen) {
  if (need_active(v, err, errlen)) return KC_UDB_EINVAL;
  struct kc_userdb *db = kc_app_user(app, err, errlen);
  if (!db) return KC_UDB_EIO;
  enum kc_run_end how = v->plan.status == KC_RP_FINISHED ? KC_RUN_FINISHED : KC_RUN_STOPPED;
  int rc = kc_userdb_run_end(db, v->prog.id, how, KC_LEVEL_NONE, now);
  if (rc != KC_UDB_OK) return fail_udb(db, rc, err, errlen);
  return reload(app, v, err, errlen);
}

int kc_run_restart(struct kc_app *app, struct kc_run_view *v, int week, time_t now, char *err,
                   size_t errlen) {
  if (!v->has) {
    snprintf(err, errlen, "There is no return-to-running programme to restart.");
    return KC_UDB_EINVAL;
  }
  if (v->plan.status == KC_RP_STOPPED || v->prog.end == KC_RUN_WARNING_SIGN) {
    snprintf(err, errlen,
             "A warning sign stopped this programme. It cannot restart without a clinician: "
             "follow the advice for the sign first.");
    return KC_UDB_EINVAL;
  }
  if (week < 1 || week > v->content->def.n_stages) {
    snprintf(err, errlen, "The week is a number from 1 to %d.", v->content->def.n_stages);
    return KC_UDB_EINVAL;
  }
  struct kc_userdb *db = kc_app_user(app, err, errlen);
  if (!db) return KC_UDB_EIO;
  int rc;
  if (v->active &&
      (rc = kc_userdb_run_end(db, v->prog.id, KC_RUN_RESTARTED, KC_LEVEL_NONE, now)) != KC_UDB_OK)
    return fail_udb(db, rc, err, errlen);
  struct kc_run_origin o = {
      .found = true, .plan_id = v->prog.plan_id, .level = v->prog.level_at_start, .ready = true};
  snprintf(o.cause_id, sizeof o.cause_id, "%s", v->prog.cause_id);
  rc = kc_run_start(app, v->content, &o, v->prog.clinician_ok, week, v->today, now, err, errlen);
  if (rc != KC_UDB_OK) return rc;
  return reload(app, v, err, errlen);
}

size_t kc_run_check_signs(const struct kc_wz_def *def, const struct kc_rp_content *c, size_t *si,
                          size_t cap) {
  size_t n = 0, count = def ? kc_wz_sign_count(def) : 0;
  for (size_t i = 0; i < count && n < cap; i++)
    if (kc_wz_sign_at(def, i)->recheck) si[n++] = i;
  for (int k = 0; c && k < c->n_checks && n < cap; k++) {
    int i = kc_wz_find_sign(def, c->check[k]);
    if (i < 0) continue;
    bool seen = false;
    for (size_t j = 0; j < n; j++)
      if (si[j] == (size_t)i) seen = true;
    if (!seen) si[n++] = (size_t)i;
  }
  return n;
}

char *kc_run_day_text(int day, char *buf, size_t n) {
  int y, m, d;
  static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (!kc_day_to_ymd(day, &y, &m, &d) || m < 1 || m > 12) {
    snprintf(buf, n, "-");
    return buf;
  }
  const char *wd = kc_day_weekday_name(day);
  snprintf(buf, n, "%.3s %d %s", wd ? wd : "", d, mon[m - 1]);
  return buf;
}

int kc_run_weeks(const struct kc_run_view *v, struct kc_run_week *out, int cap) {
  int span = 1;
  if (v->has && kc_day_valid(v->prog.start_day) && v->today >= v->prog.start_day)
    span = (v->today - v->prog.start_day) / 7 + 1;
  for (int i = 0; i < v->n_sessions; i++)
    if (v->sessions[i].done_at && v->sessions[i].planned_day >= v->prog.start_day) {
      int w = (v->sessions[i].planned_day - v->prog.start_day) / 7 + 1;
      if (w > span) span = w;
    }
  if (span > KC_RUN_MAX_WEEKS * 2) span = KC_RUN_MAX_WEEKS * 2;
  for (int w = 0; w < cap && w < span; w++)
    out[w] = (struct kc_run_week){.during_max = -1, .morning_max = -1};
  for (int i = 0; i < v->n_sessions; i++) {
    const struct kc_run_session *s = &v->sessions[i];
    if (!s->done_at || s->planned_day < v->prog.start_day) continue;
    int w = (s->planned_day - v->prog.start_day) / 7;
    if (w >= cap || w >= span) continue;
    out[w].runs++;
    if (s->actual_run_minutes > 0) out[w].run_minutes += s->actual_run_minutes;
    if (s->pain_during > out[w].during_max) out[w].during_max = s->pain_during;
    if (s->pain_next_morning > out[w].morning_max) out[w].morning_max = s->pain_next_morning;
  }
  return span;
}

int kc_run_minute_seconds(void) {
#ifdef KC_TEST_HOOKS
  const char *t = getenv("KNEECARE_RUN_MINUTE_SECONDS");
  if (t && *t) {
    int v = atoi(t);
    if (v >= 1 && v <= 60) return v;
  }
#endif
  return 60;
}

/* The knee's pain the morning after `day`, from a run logged that day. */
static int morning_after(const struct kc_run_view *v, int day) {
  for (int i = v ? v->n_sessions - 1 : -1; i >= 0; i--)
    if (v->sessions[i].done_at && v->sessions[i].planned_day == day)
      return v->sessions[i].pain_next_morning;
  return KC_RP_NOT_LOGGED;
}

static struct kc_ex_dose dose_of(const struct kc_strength *l) {
  return (struct kc_ex_dose){.sets = l->sets,
                             .reps = l->reps,
                             .hold_s = l->hold_seconds,
                             .version = l->variant == KC_STRENGTH_EASIER   ? KC_EX_EASIER
                                        : l->variant == KC_STRENGTH_HARDER ? KC_EX_HARDER
                                                                           : KC_EX_STANDARD};
}

enum kc_ex_step kc_run_strength_dose(const struct kc_rp_content *c, const struct kc_rp_exercise *e,
                                     const struct kc_strength *log, int n_log,
                                     const struct kc_run_view *v, struct kc_ex_dose *dose,
                                     char *why, size_t n) {
  *dose = kc_ex_first_dose(&e->dose);
  if (why && n) why[0] = '\0';
  const int max = c ? c->def.rule.during_max : 3;
  int last = -1, good = 0;
  for (int i = n_log - 1; i >= 0; i--) {
    if (strcmp(log[i].exercise_id, e->id) != 0) continue;
    if (last < 0) last = i;
    const int m = morning_after(v, log[i].cal_day);
    if (log[i].pain < 0 || log[i].pain > max || m < 0 || m > max) break;
    good++;
  }
  if (last < 0) return KC_EX_KEEP;
  const struct kc_ex_dose cur = dose_of(&log[last]);
  int during = log[last].pain, morning = morning_after(v, log[last].cal_day);
  /* Pain over the limit during it decides already: no morning can undo it. */
  if (during > max && morning < 0) morning = during;
  return kc_ex_next(&e->dose, &cur, during, morning, max, good, KC_LEVEL_NONE, dose, why, n);
}
