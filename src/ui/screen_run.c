/* The return to running: the programme screen (step, today's session and
 * why, the latest decision of the pain rule and why, the keys for the
 * pain log, pause, week, chart, strength, end and restart), how a
 * programme starts (the session's safety check, a clinician's go-ahead for
 * a result at "soon" or above) and the session's safety check, where any
 * yes stops the programme for good at the sign's level and names the
 * danger. The rules are the engine's (app/run_view); this file only asks
 * and shows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/day.h"
#include "kneecare/run_view.h"
#include "kneecare/text.h"
#include "screen_run.h"

/* ---- the programme screen ------------------------------------------------ */

struct run_screen {
  struct kc_view base;
  struct kc_rp_content *content;
  struct kc_run_view view;
  int top; /* first paragraph shown */
  int more;
  unsigned writes;
  int timer_stored; /* a walk-run timer of today's session is stored */
  int resume_asked; /* the stored timer was offered on opening */
};

static const struct kc_binding run_rows[] = {
    {CMD_OPEN,
     {'\r', KC_KEY(KEY_ENTER)},
     "start today's run (safety check, then the timer)",
     "run",
     NULL},
    {CMD_PAIN_DURING, {'d'}, "log the pain during today's run, 0 to 10", "pain during", NULL},
    {CMD_PAIN_MORNING, {'n'}, "log the pain the next morning, 0 to 10", "next morning", NULL},
    {CMD_STRENGTH, {'s'}, "the strength exercises", "strength", NULL},
    {CMD_WEEK, {'w'}, "the week view: every run and what the pain rule decided", "week", NULL},
    {CMD_CHART, {'c'}, "chart of pain and minutes run per week", "chart", NULL},
    {CMD_RUN_PAUSE, {'p'}, "pause (illness, travel) or resume; nothing is lost", "pause", NULL},
    {CMD_RESTART, {'r'}, "restart from a chosen week", "restart", NULL},
    {CMD_END, {'e'}, "end the programme (asks first; kept as history)", "end", NULL},
    {CMD_DOWN, {KC_KEY(KEY_DOWN), 'j'}, "scroll down", NULL, NULL},
    {CMD_UP, {KC_KEY(KEY_UP), 'k'}, "scroll up", NULL, NULL},
};
const struct kc_keymap kc_keys_run = KC_KEYMAP(
    "Return to running",
    "Today's session and why; after each run, the pain during and the next morning decide the "
    "next step.",
    run_rows, NULL);

/* The walk-run timer stored for the programme (userdb_run.h), when it is
 * for today's session and can go on; one that cannot (an earlier day, a
 * run logged since, the programme paused or stopped) is discarded, as a
 * run is logged on its own day. Returns 1 with *out filled. */
static int stored_timer(struct run_screen *s, struct kc_ui *ui, struct kc_run_timer *out) {
  char err[256];
  const struct kc_run_view *v = &s->view;
  struct kc_userdb *udb = v->has ? kc_app_user(ui->app, err, sizeof err) : NULL;
  if (!udb || kc_userdb_run_timer_get(udb, v->prog.id, out) != KC_UDB_OK) return 0;
  if (kc_run_view_timer_current(v, out)) return 1;
  kc_userdb_run_timer_clear(udb, v->prog.id);
  kc_ui_message(ui, ROLE_NORMAL, "An unfinished run timer of an earlier session was discarded.");
  return 0;
}

static void reload(struct run_screen *s, struct kc_ui *ui) {
  char err[512];
  kc_run_view_free(&s->view);
  if (kc_run_view_load(ui->app, s->content, kc_app_today(), &s->view, err, sizeof err) != KC_UDB_OK)
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
  struct kc_run_timer t;
  s->timer_stored = stored_timer(s, ui, &t);
  s->writes = ui->writes;
}

/* The stored timer, offered (y resumes it, n discards it without recording
 * anything), as the plan offers the ice timer. */
static int timer_offer_done(struct kc_view *vw, struct kc_ui *ui, int yes, const char *text) {
  (void)text;
  struct run_screen *s = (struct run_screen *)vw;
  struct kc_run_timer t;
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (!stored_timer(s, ui, &t)) return 0;
  if (udb && kc_userdb_timer_held_elsewhere(udb, KC_TIMER_RUN, t.programme_id)) {
    kc_ui_message(ui, ROLE_NORMAL, "The run timer runs in another window.");
    return 0;
  }
  if (yes) {
    kc_ui_push(ui, kc_run_timer_resume(ui, &t));
    return 0;
  }
  if (udb && kc_userdb_run_timer_clear(udb, t.programme_id) == KC_UDB_OK)
    kc_ui_message(ui, ROLE_OK, "Run timer discarded: nothing recorded");
  else if (udb)
    kc_ui_message(ui, ROLE_WARNING, "Not discarded: %s", kc_userdb_errmsg(udb));
  ui->writes++;
  return 0;
}

static int offer_timer(struct run_screen *s, struct kc_ui *ui) {
  struct kc_run_timer t;
  if (!stored_timer(s, ui, &t)) return 0;
  char hm[16], q[160], err[64];
  kc_fmt_time(t.started_at, "%H:%M", hm, sizeof hm);
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (udb && kc_userdb_timer_held_elsewhere(udb, KC_TIMER_RUN, t.programme_id)) {
    kc_ui_message(ui, ROLE_NORMAL, "The run timer runs in another window."); /* 40 columns */
    return 0;
  }
  snprintf(q, sizeof q, "Resume the run timer started at %s? n discards it", hm);
  kc_confirm(ui, &s->base, q, timer_offer_done);
  return 1;
}

/* The paragraphs of the screen, in order. */
struct para {
  const char *text;
  enum kc_role role;
};

static int paragraphs(struct run_screen *s, struct para *p, char bufs[][KC_RP_WHY_MAX + 64]) {
  const struct kc_run_view *v = &s->view;
  const struct kc_rp_plan *pl = &v->plan;
  int n = 0;
  char st[160];
  if (!v->has) {
    p[n++] = (struct para){"No programme yet. Press Enter to start one.", ROLE_NORMAL};
    return n;
  }
  if (pl->status == KC_RP_STOPPED) {
    snprintf(bufs[n], sizeof bufs[n], "Stopped by a warning sign: %s. %s",
             kc_level_title(pl->level), kc_level_advice(pl->level));
    p[n] = (struct para){bufs[n], ROLE_DANGER};
    n++;
  } else if (!v->active) {
    snprintf(bufs[n], sizeof bufs[n], "This programme has %s. r restarts from a chosen week.",
             v->prog.end == KC_RUN_FINISHED ? "finished" : "ended");
    p[n] = (struct para){bufs[n], ROLE_NORMAL};
    n++;
  } else {
    snprintf(bufs[n], sizeof bufs[n], "Step %d of %d: %s", pl->stage, pl->n_stages,
             kc_rp_stage_text(&pl->session, st, sizeof st));
    p[n] = (struct para){bufs[n], ROLE_STRONG};
    n++;
    if (pl->status == KC_RP_PAUSED) p[n++] = (struct para){"Paused. p resumes.", ROLE_WARNING};
    if (s->timer_stored)
      p[n++] = (struct para){"Today's run timer was left unfinished: Enter offers to resume it.",
                             ROLE_WARNING};
  }
  if (pl->morning_due && v->active) {
    p[n++] = (struct para){"How is the knee this morning? Press n to log the pain the morning "
                           "after your run.",
                           ROLE_WARNING};
  }
  if (pl->today_why[0]) {
    snprintf(bufs[n], sizeof bufs[n], "%s", pl->today_why);
    p[n] = (struct para){bufs[n], ROLE_NORMAL};
    n++;
  }
  if (pl->last.why[0] && pl->last.step != KC_RP_STEP_NONE) {
    snprintf(bufs[n], sizeof bufs[n], "What happens next and why: %s", pl->last.why);
    p[n] = (struct para){bufs[n], ROLE_NORMAL};
    n++;
  }
  if (pl->stalled)
    p[n++] = (struct para){"No step up for two weeks: see a physio or GP soon.", ROLE_WARNING};
  if (v->content && v->content->surface && v->content->surface[0] && v->active)
    p[n++] = (struct para){v->content->surface, ROLE_DIM};
  if (v->content && v->content->pace && v->content->pace[0] && v->active)
    p[n++] = (struct para){v->content->pace, ROLE_DIM};
  return n;
}

static void run_draw(struct kc_view *vw, struct kc_ui *ui, int y, int h, int w) {
  struct run_screen *s = (struct run_screen *)vw;
  if (s->writes != ui->writes) reload(s, ui);
  struct para p[16];
  static char bufs[16][KC_RP_WHY_MAX + 64];
  int n = paragraphs(s, p, bufs);
  int row = y;
  if (h >= 16) row++;
  kc_puts(row++, 2, w - 4, "Return to running", kc_attr(ROLE_HEADING));
  if (s->top >= n) s->top = n > 0 ? n - 1 : 0;
  int end = y + h;
  s->more = 0;
  for (int i = s->top; i < n; i++) {
    if (row >= end) {
      s->more = 1;
      break;
    }
    int rows = kc_wrapped_rows(p[i].text, w - 4);
    if (row + rows > end) s->more = 1;
    row += kc_put_wrapped(row, 2, end - row, w - 4, p[i].text, kc_attr(p[i].role));
    if (row < end && h >= 16) row++;
  }
  if (s->top > 0) kc_puts(y, w - 1, 1, kc_glyph(G_UP), kc_attr(ROLE_DIM));
  if (s->more) kc_puts(end - 1, w - 1, 1, kc_glyph(G_DOWN), kc_attr(ROLE_DIM));
}

static int during_done(struct kc_view *vw, struct kc_ui *ui, int yes, const char *text);
static int morning_done(struct kc_view *vw, struct kc_ui *ui, int yes, const char *text);

/* A pain score typed in a prompt: 0..10, else -1. */
static int pain_of(const char *text) {
  long long v;
  char *end;
  if (!text || !*text) return -1;
  v = strtoll(text, &end, 10);
  while (*end == ' ') end++;
  return *end || v < 0 || v > 10 ? -1 : (int)v;
}

static int during_done(struct kc_view *vw, struct kc_ui *ui, int yes, const char *text) {
  struct run_screen *s = (struct run_screen *)vw;
  if (!yes) return 0;
  int pain = pain_of(text);
  if (pain < 0) {
    kc_ui_message(ui, ROLE_WARNING, "Type a number from 0 to 10.");
    return 1;
  }
  char err[512];
  int seq = 0;
  if (kc_run_log_during(ui->app, &s->view, 0, pain, -1, -1, kc_app_now(), &seq, err, sizeof err) !=
      KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "Not saved: %s", err);
    return 0;
  }
  /* the run is logged: a timer left for it is done with */
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (udb) kc_userdb_run_timer_clear(udb, s->view.prog.id);
  ui->writes++;
  s->writes = ui->writes;
  kc_ui_message(ui, ROLE_OK, "Run %d saved (pain %d/10).", seq, pain);
  return 0;
}

static int morning_done(struct kc_view *vw, struct kc_ui *ui, int yes, const char *text) {
  struct run_screen *s = (struct run_screen *)vw;
  if (!yes) return 0;
  int pain = pain_of(text);
  if (pain < 0) {
    kc_ui_message(ui, ROLE_WARNING, "Type a number from 0 to 10.");
    return 1;
  }
  char err[512];
  if (kc_run_log_morning(ui->app, &s->view, 0, pain, kc_app_now(), err, sizeof err) != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "Not saved: %s", err);
    return 0;
  }
  ui->writes++;
  s->writes = ui->writes;
  s->top = 0;
  kc_ui_message(ui, ROLE_OK, "Saved. What happens next is below.");
  return 0;
}

static int end_done(struct kc_view *vw, struct kc_ui *ui, int yes, const char *text) {
  (void)text;
  struct run_screen *s = (struct run_screen *)vw;
  if (!yes) return 0;
  char err[512];
  if (kc_run_end(ui->app, &s->view, kc_app_now(), err, sizeof err) != KC_UDB_OK)
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
  else
    kc_ui_message(ui, ROLE_OK, "Ended (kept as history).");
  ui->writes++;
  s->writes = ui->writes;
  return 0;
}

static int restart_done(struct kc_view *vw, struct kc_ui *ui, int yes, const char *text) {
  struct run_screen *s = (struct run_screen *)vw;
  if (!yes) return 0;
  char *end;
  long week = text ? strtol(text, &end, 10) : 0;
  int n = s->content->def.n_stages;
  if (!text || !*text || *end || week < 1 || week > n) {
    kc_ui_message(ui, ROLE_WARNING, "Type a week from 1 to %d.", n);
    return 1;
  }
  char err[512];
  if (kc_run_restart(ui->app, &s->view, (int)week, kc_app_now(), err, sizeof err) != KC_UDB_OK)
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
  else
    kc_ui_message(ui, ROLE_OK, "Restarted from week %ld.", week);
  ui->writes++;
  s->writes = ui->writes;
  return 0;
}

static int pause_done(struct kc_view *vw, struct kc_ui *ui, int yes, const char *text) {
  struct run_screen *s = (struct run_screen *)vw;
  if (!yes) return 0;
  static const struct {
    const char *word;
    enum kc_pause_reason r;
  } reasons[] = {{"1", KC_PAUSE_ILLNESS},
                 {"2", KC_PAUSE_TRAVEL},
                 {"3", KC_PAUSE_INJURY},
                 {"4", KC_PAUSE_OTHER},
                 {"", KC_PAUSE_OTHER}};
  enum kc_pause_reason r = 0;
  for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
    if (text && strcmp(text, reasons[i].word) == 0) r = reasons[i].r;
  if (!r) {
    kc_ui_message(ui, ROLE_WARNING, "Type 1, 2, 3 or 4.");
    return 1;
  }
  char err[512];
  if (kc_run_pause(ui->app, &s->view, r, kc_app_now(), err, sizeof err) != KC_UDB_OK)
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
  else
    kc_ui_message(ui, ROLE_OK, "Paused (%s). Nothing is lost.", kc_pause_reason_name(r));
  ui->writes++;
  s->writes = ui->writes;
  return 0;
}

static enum kc_result run_command(struct kc_view *vw, struct kc_ui *ui, enum kc_cmd cmd,
                                  const struct kc_event *ev) {
  (void)ev;
  struct run_screen *s = (struct run_screen *)vw;
  const struct kc_run_view *v = &s->view;
  char err[512];
  s->resume_asked = 1; /* a key came first: Enter offers the stored timer */
  switch (cmd) {
  case CMD_OPEN:
    if (!v->has) {
      kc_ui_push(ui, kc_run_start_new(ui, 0));
    } else if (v->active && v->plan.status == KC_RP_ACTIVE && v->plan.today == KC_RP_TODAY_RUN) {
      if (!offer_timer(s, ui)) kc_ui_push(ui, kc_run_check_new(ui, s->content, RUN_CHECK_SESSION));
    } else {
      kc_ui_message(ui, ROLE_NORMAL, "No run today: %s",
                    v->plan.status == KC_RP_ACTIVE ? "a rest day"
                                                   : kc_rp_status_name(v->plan.status));
    }
    return V_HANDLED;
  case CMD_PAIN_DURING:
    if (!v->active || v->plan.today != KC_RP_TODAY_RUN) {
      kc_ui_message(ui, ROLE_NORMAL, "No run is due today.");
      return V_HANDLED;
    }
    kc_prompt(ui, vw, "Pain during (0-10):", "", 2, during_done);
    return V_HANDLED;
  case CMD_PAIN_MORNING:
    if (!v->active || v->n_sessions == 0) {
      kc_ui_message(ui, ROLE_NORMAL, "Log a run first.");
      return V_HANDLED;
    }
    if (v->sessions[v->n_sessions - 1].planned_day >= v->today) {
      kc_ui_message(ui, ROLE_NORMAL, "Log the morning pain tomorrow.");
      return V_HANDLED;
    }
    kc_prompt(ui, vw, "Morning pain (0-10):", "", 2, morning_done);
    return V_HANDLED;
  case CMD_STRENGTH: kc_ui_push(ui, kc_run_strength_new(ui, s->content)); return V_HANDLED;
  case CMD_WEEK: kc_ui_push(ui, kc_run_week_new(ui, s->content)); return V_HANDLED;
  case CMD_CHART: kc_ui_push(ui, kc_run_chart_new(ui, s->content)); return V_HANDLED;
  case CMD_RUN_PAUSE:
    if (!v->active) return V_HANDLED;
    if (v->plan.status == KC_RP_PAUSED) {
      if (kc_run_resume(ui->app, &s->view, err, sizeof err) != KC_UDB_OK)
        kc_ui_message(ui, ROLE_WARNING, "%s", err);
      else
        kc_ui_message(ui, ROLE_OK, "Resumed.");
      ui->writes++;
      s->writes = ui->writes;
    } else {
      kc_ui_message(ui, ROLE_NORMAL, "1 illness, 2 travel, 3 injury, 4 other");
      kc_prompt(ui, vw, "Pause reason (1-4):", "", 1, pause_done);
    }
    return V_HANDLED;
  case CMD_RESTART:
    if (!v->has) return V_HANDLED;
    kc_prompt(ui, vw, "Restart from week:", "", 2, restart_done);
    return V_HANDLED;
  case CMD_END:
    if (v->active) kc_confirm(ui, vw, "End the return-to-running programme?", end_done);
    return V_HANDLED;
  case CMD_DOWN:
    if (s->more) s->top++;
    return V_HANDLED;
  case CMD_UP:
    if (s->top > 0) s->top--;
    return V_HANDLED;
  default: return V_IGNORED;
  }
}

static int run_enabled(struct kc_view *vw, enum kc_cmd cmd) {
  struct run_screen *s = (struct run_screen *)vw;
  const struct kc_run_view *v = &s->view;
  bool on = v->has && v->active && v->plan.status != KC_RP_STOPPED;
  switch (cmd) {
  case CMD_OPEN:
    return !v->has || (on && v->plan.status == KC_RP_ACTIVE && v->plan.today == KC_RP_TODAY_RUN);
  case CMD_PAIN_DURING: return on && v->plan.today == KC_RP_TODAY_RUN;
  case CMD_PAIN_MORNING: return on && v->plan.morning_due;
  case CMD_RUN_PAUSE:
  case CMD_END: return on;
  case CMD_RESTART: return v->has && v->plan.status != KC_RP_STOPPED;
  case CMD_WEEK:
  case CMD_CHART: return v->has;
  case CMD_UP: return s->top > 0;
  case CMD_DOWN: return s->more;
  default: return 1;
  }
}

static const char *run_hint_word(struct kc_view *vw, enum kc_cmd cmd) {
  struct run_screen *s = (struct run_screen *)vw;
  if (cmd == CMD_RUN_PAUSE && s->view.plan.status == KC_RP_PAUSED) return "resume";
  if (cmd == CMD_OPEN && !s->view.has) return "start";
  return NULL;
}

/* Past midnight the screen shows the new day (a rest day becomes a run day). */
static int run_tick(struct kc_view *vw, struct kc_ui *ui) {
  struct run_screen *s = (struct run_screen *)vw;
  if (!s->resume_asked && !ui->modal.active) { /* once, with the first frame */
    s->resume_asked = 1;
    if (offer_timer(s, ui)) return 1;
  }
  if (kc_app_today() == s->view.today) return 0;
  reload(s, ui);
  return 1;
}

static const char *run_title(struct kc_view *vw) {
  (void)vw;
  return "Running";
}

static void run_destroy(struct kc_view *vw) {
  struct run_screen *s = (struct run_screen *)vw;
  kc_run_view_free(&s->view);
  kc_rp_content_free(s->content);
  free(s);
}

static const struct kc_view_ops run_ops = {.draw = run_draw,
                                           .keys = &kc_keys_run,
                                           .command = run_command,
                                           .enabled = run_enabled,
                                           .hint_word = run_hint_word,
                                           .tick = run_tick,
                                           .destroy = run_destroy,
                                           .title = run_title};

struct kc_rp_content *kc_run_ui_content(struct kc_ui *ui) {
  char err[512];
  struct kc_rp_content *c = kc_run_content(ui->app, err, sizeof err);
  if (!c) kc_ui_message(ui, ROLE_WARNING, "%s", err);
  return c;
}

struct kc_view *kc_run_screen_new(struct kc_ui *ui) {
  char err[512];
  if (!kc_app_user(ui->app, err, sizeof err)) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return NULL;
  }
  struct kc_rp_content *c = kc_run_ui_content(ui);
  if (!c) return NULL;
  struct run_screen *s = kc_xcalloc(1, sizeof *s);
  s->base.ops = &run_ops;
  s->content = c;
  reload(s, ui);
  return &s->base;
}

struct kc_view *kc_run_open(struct kc_ui *ui) {
  struct kc_view *v = kc_run_screen_new(ui);
  if (!v) return NULL;
  struct run_screen *s = (struct run_screen *)v;
  if (s->view.has) return v;
  run_destroy(v);
  return kc_run_start_new(ui, 0);
}

/* ---- the session's safety check ----------------------------------------------- */

struct run_check {
  struct kc_view base;
  struct kc_rp_content *content; /* owned */
  enum run_check_mode mode;
  int64_t plan_id;
  const struct kc_wz_def *def;
  size_t si[KC_RP_MAX_CHECKS + 64];
  int answer[KC_RP_MAX_CHECKS + 64];
  size_t n, at;
};

static const struct kc_binding check_rows[] = {
    {CMD_YES, {'y', 'Y'}, "yes", "yes", NULL},
    {CMD_NO, {'n', 'N'}, "no", "no", NULL},
    {CMD_UNSURE, {'u', 'U'}, "not sure (counts as yes)", "not sure", NULL},
};
const struct kc_keymap kc_keys_run_check =
    KC_KEYMAP("Before you run",
              "The warning signs of the plan's daily check and the programme's own, one at a "
              "time; any yes (or not sure) stops the programme for good.",
              check_rows, NULL);

static const char *check_text(const struct run_check *r, size_t i) {
  int qi = kc_wz_sign_question(r->def, r->si[i]);
  const struct kc_wz_question *q = qi >= 0 ? kc_wz_question_at(r->def, (size_t)qi) : NULL;
  return q && strcmp(q->section, KC_WZ_SECTION_RED_FLAGS) == 0
             ? q->text
             : kc_wz_sign_at(r->def, r->si[i])->statement;
}

static void check_draw(struct kc_view *vw, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct run_check *r = (struct run_check *)vw;
  int row = y + (h >= 16), end = y + h;
  char count[96];
  if (r->at < r->n)
    snprintf(count, sizeof count, "Safety check: question %zu of %zu", r->at + 1, r->n);
  else
    snprintf(count, sizeof count, "Safety check: every question answered");
  row += kc_put_wrapped(row, 2, 2, w - 4, count, kc_attr(ROLE_HEADING));
  if (h >= 16) row++;
  const char *text =
      r->at < r->n ? check_text(r, r->at)
                   : "For this result a physio or doctor must agree first. Has one said you may "
                     "start running again? y yes, n no.";
  row += kc_put_wrapped(row, 2, end - row, w - 4, text, kc_attr(ROLE_STRONG));
  if (row < end && h >= 16) row++;
  if (row < end && r->at < r->n)
    kc_put_wrapped(row, 2, end - row, w - 4,
                   "Is this true today? Any yes (or not sure) stops the programme.",
                   kc_attr(ROLE_SAFETY));
}

/* The stop page: the level as title, the danger named, its action. */
static struct kc_view *stop_page(struct kc_ui *ui, const struct kc_wz_def *def, enum kc_level level,
                                 const char *danger, const char *action, int started) {
  struct kc_strbuf md = {0};
  kc_strbuf_put(&md, "## Stop running\n\n**One of your answers is a warning sign");
  if (danger) {
    kc_strbuf_put(&md, ": ");
    kc_strbuf_put_md(&md, danger);
  }
  kc_strbuf_put(&md, ".** ");
  kc_strbuf_put_md(&md, kc_wz_level_action(def, level));
  if (action && *action) {
    kc_strbuf_put(&md, " ");
    kc_strbuf_put_md(&md, action);
  }
  kc_strbuf_put(&md, started ? "\n\nThe return-to-running programme has stopped for good. Do not "
                               "run until a clinician has checked the knee.\n\n"
                             : "\n\nDo not start the return to running. Follow the advice "
                               "above first.\n\n");
  kc_strbuf_put(&md, "- [Red flags](red-flags)\n");
  struct kc_view *v = kc_reader_new_text(ui, kc_wz_level_title(def, level),
                                         "From the safety check before a run", kc_strbuf_str(&md));
  kc_strbuf_free(&md);
  return v;
}

static void start_now(struct run_check *r, struct kc_ui *ui, bool go_ahead) {
  char err[512];
  struct kc_run_origin o;
  if (kc_run_origin_find(ui->app, r->content, r->plan_id, r->plan_id > 0, &o, err, sizeof err) !=
      KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return;
  }
  if (kc_run_start(ui->app, r->content, &o, go_ahead, 1, kc_app_today(), kc_app_now(), err,
                   sizeof err) != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "Not started: %s", err);
    return;
  }
  ui->writes++;
  kc_ui_message(ui, ROLE_OK, "Started. Enter starts today's run.");
  kc_ui_replace(ui, kc_run_screen_new(ui));
}

static int go_ahead_done(struct kc_view *vw, struct kc_ui *ui, int yes, const char *text) {
  (void)text;
  struct run_check *r = (struct run_check *)vw;
  if (!yes) {
    kc_ui_message(ui, ROLE_WARNING, "Not started: ask a physio or GP first.");
    kc_viewstack_pop(&ui->stack);
    return 0;
  }
  start_now(r, ui, true);
  return 0;
}

static void check_finish(struct run_check *r, struct kc_ui *ui) {
  enum kc_level top = KC_LEVEL_NONE;
  const struct kc_wz_sign *worst = NULL;
  for (size_t i = 0; i < r->n; i++) {
    const struct kc_wz_sign *sg = kc_wz_sign_at(r->def, r->si[i]);
    if (r->answer[i] > 0 && (sg->level > top || !worst)) {
      top = sg->level > top ? sg->level : top;
      worst = sg;
    }
  }
  char err[512];
  if (worst) {
    enum kc_level level = kc_rp_check_level((int)(top > KC_LEVEL_NONE ? top : KC_LEVEL_SOON));
    const char *danger = kc_wz_cause_at(r->def, worst->cause)->title;
    if (r->mode == RUN_CHECK_SESSION) {
      struct kc_run_view v;
      if (kc_run_view_load(ui->app, r->content, kc_app_today(), &v, err, sizeof err) == KC_UDB_OK &&
          kc_run_stop_for_sign(ui->app, &v, level, kc_app_now(), err, sizeof err) != KC_UDB_OK)
        kc_ui_message(ui, ROLE_WARNING, "Not saved: %s", err);
      kc_run_view_free(&v);
      ui->writes++;
    }
    kc_ui_replace(
        ui, stop_page(ui, r->def, level, danger, worst->action, r->mode == RUN_CHECK_SESSION));
    return;
  }
  if (r->mode == RUN_CHECK_SESSION) {
    kc_ui_replace(ui, kc_run_timer_new(ui, r->content));
    return;
  }
  /* Starting: the engine's rule, now that the signs are answered. */
  struct kc_run_origin o;
  char why[KC_RP_WHY_MAX];
  if (kc_run_origin_find(ui->app, r->content, r->plan_id, r->plan_id > 0, &o, err, sizeof err) !=
      KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return;
  }
  enum kc_rp_start st = kc_run_may_start(r->content, &o, KC_LEVEL_NONE, false, why, sizeof why);
  if (st == KC_RP_START_OK) {
    start_now(r, ui, false);
  } else if (st == KC_RP_START_GO_AHEAD) {
    r->at = r->n; /* the question is done; the confirm is next */
    kc_confirm(ui, &r->base, "Physio or GP said you may run?", go_ahead_done);
  } else {
    kc_ui_replace(ui, kc_reader_new_text(ui, "Return to running", "Not now", why));
  }
}

static enum kc_result check_command(struct kc_view *vw, struct kc_ui *ui, enum kc_cmd cmd,
                                    const struct kc_event *ev) {
  (void)ev;
  struct run_check *r = (struct run_check *)vw;
  switch (cmd) {
  case CMD_YES:
  case CMD_NO:
  case CMD_UNSURE:
    if (r->at >= r->n) return V_HANDLED;
    r->answer[r->at++] = cmd != CMD_NO;
    if (r->at == r->n) check_finish(r, ui);
    return V_HANDLED;
  default: return V_IGNORED;
  }
}

static const char *check_title(struct kc_view *vw) {
  (void)vw;
  return "Safety check";
}

static void check_destroy(struct kc_view *vw) {
  struct run_check *r = (struct run_check *)vw;
  kc_rp_content_free(r->content);
  free(r);
}

static const struct kc_view_ops check_ops = {.draw = check_draw,
                                             .keys = &kc_keys_run_check,
                                             .command = check_command,
                                             .destroy = check_destroy,
                                             .title = check_title};

static struct kc_view *check_new(struct kc_ui *ui, enum run_check_mode mode, int64_t plan_id) {
  char err[512];
  const struct kc_wz_def *def = kc_app_wizard(ui->app, err, sizeof err);
  if (!def) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return NULL;
  }
  struct kc_rp_content *c = kc_run_ui_content(ui);
  if (!c) return NULL;
  struct run_check *r = kc_xcalloc(1, sizeof *r);
  r->base.ops = &check_ops;
  r->content = c;
  r->mode = mode;
  r->plan_id = plan_id;
  r->def = def;
  r->n = kc_run_check_signs(def, c, r->si, sizeof r->si / sizeof r->si[0]);
  if (r->n == 0) {
    check_destroy(&r->base);
    kc_ui_message(ui, ROLE_WARNING, "The warning signs cannot be read from the content.");
    return NULL;
  }
  return &r->base;
}

struct kc_view *kc_run_check_new(struct kc_ui *ui, const struct kc_rp_content *c,
                                 enum run_check_mode mode) {
  (void)c;
  return check_new(ui, mode, 0);
}

struct kc_view *kc_run_start_new(struct kc_ui *ui, int64_t plan_id) {
  char err[512], why[KC_RP_WHY_MAX];
  if (!kc_app_user(ui->app, err, sizeof err)) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return NULL;
  }
  struct kc_rp_content *c = kc_run_ui_content(ui);
  if (!c) return NULL;
  struct kc_run_view v;
  int rc = kc_run_view_load(ui->app, c, kc_app_today(), &v, err, sizeof err);
  bool active = rc == KC_UDB_OK && v.active;
  kc_run_view_free(&v);
  if (active) {
    kc_rp_content_free(c);
    return kc_run_screen_new(ui);
  }
  /* Refuse early what no answer can change (no plan, a cause it does not
   * suit, readiness not passed); the signs are asked next. */
  struct kc_run_origin o;
  if (kc_run_origin_find(ui->app, c, plan_id, plan_id > 0, &o, err, sizeof err) != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    kc_rp_content_free(c);
    return NULL;
  }
  enum kc_rp_start st = kc_run_may_start(c, &o, KC_LEVEL_NONE, true, why, sizeof why);
  kc_rp_content_free(c);
  if (st == KC_RP_START_NO) return kc_reader_new_text(ui, "Return to running", "Not now", why);
  return check_new(ui, RUN_CHECK_START, plan_id);
}
