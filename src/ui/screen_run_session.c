/* A session of the return to running: the walk-run timer (the warm-up
 * walk, then each run and walk phase counting down; pause, resume, skip,
 * finish; then the pain during) and the strength exercises (dose, a short
 * how-to, the drawing of the start and end positions with its ASCII twin
 * outside UTF-8, a rep counter and a hold timer, the easier and harder
 * versions; each exercise recorded when done). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kneecare/day.h"
#include "kneecare/text.h"
#include "screen_run.h"

static double mono(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void mmss(int s, char *buf, size_t n) {
  if (s < 0) s = 0;
  snprintf(buf, n, "%d:%02d", s / 60, s % 60);
}

/* ---- the walk-run timer ------------------------------------------------------ */

enum phase_kind { PH_WARMUP, PH_RUN, PH_WALK };
struct phase {
  enum phase_kind kind;
  int seconds;
  int rep; /* 1-based for runs and walks */
};

struct run_timer {
  struct kc_view base;
  struct kc_rp_content *content; /* owned */
  struct kc_rp_stage stage;
  struct phase ph[2 * 50 + 2];
  int n, at;
  double phase_end; /* monotonic end of the phase (running) */
  int left;         /* seconds left when paused */
  int paused, done;
  int run_seconds; /* seconds of running completed */
  int walk_seconds;
  /* stored in the user database as it changes (userdb_run.h), so a quit
   * or a crash keeps it: the programme, the session (seq, day), its start */
  int64_t prog_id;
  int seq, day;
  int64_t started_at;
};

static const struct kc_binding timer_rows[] = {
    {CMD_TOGGLE, {' '}, "pause or resume the timer", "pause", NULL},
    {CMD_NEXT, {'n', KC_KEY(KEY_RIGHT)}, "skip to the next phase", "next", NULL},
    {CMD_END, {'f'}, "finish the session now and log the pain", "finish", NULL},
};
const struct kc_keymap kc_keys_run_timer = KC_KEYMAP(
    "Walk-run timer",
    "A brisk walk first, then each run and walk counting down; the pain during is asked at the "
    "end. The timer is stored as it goes: after leaving, quitting or a crash, the programme "
    "screen offers to resume it or discard it.",
    timer_rows, NULL);

static int phase_left(const struct run_timer *t) {
  if (t->done) return 0;
  if (t->paused) return t->left;
  int s = (int)(t->phase_end - mono() + 0.999);
  return s < 0 ? 0 : s;
}

static void credit(struct run_timer *t, int seconds) {
  if (t->at >= t->n) return;
  if (t->ph[t->at].kind == PH_RUN)
    t->run_seconds += seconds;
  else if (t->ph[t->at].kind == PH_WALK)
    t->walk_seconds += seconds;
}

static void next_phase(struct run_timer *t) {
  int used = t->ph[t->at].seconds - phase_left(t);
  credit(t, used < 0 ? 0 : used);
  t->at++;
  if (t->at >= t->n) {
    t->done = 1;
    beep();
    return;
  }
  beep();
  t->left = t->ph[t->at].seconds;
  t->phase_end = mono() + t->left;
}

/* Stores the timer's state now (started, paused, resumed, a new phase,
 * done): the phase's start in wall-clock time, moved on by any pause. */
static void timer_save(struct run_timer *t, struct kc_ui *ui) {
  char err[256];
  struct kc_userdb *udb = t->prog_id ? kc_app_user(ui->app, err, sizeof err) : NULL;
  if (!udb) return;
  const int64_t now = (int64_t)kc_app_now();
  int at = t->done ? t->n : t->at;
  int in_phase = t->done ? 0 : t->ph[t->at].seconds - phase_left(t);
  struct kc_run_timer st = {
      .programme_id = t->prog_id,
      .seq = t->seq,
      .day = t->day,
      .started_at = t->started_at,
      .phase = at,
      .phase_started_at = now - (in_phase < 0 ? 0 : in_phase),
      .paused = t->paused && !t->done,
      .paused_at = now,
      .run_seconds =
          t->run_seconds > KC_RUN_TIMER_MAX_SECONDS ? KC_RUN_TIMER_MAX_SECONDS : t->run_seconds,
      .walk_seconds =
          t->walk_seconds > KC_RUN_TIMER_MAX_SECONDS ? KC_RUN_TIMER_MAX_SECONDS : t->walk_seconds};
  if (kc_userdb_run_timer_save(udb, &st) != KC_UDB_OK)
    kc_ui_message(ui, ROLE_WARNING, "The timer is not saved: %s", kc_userdb_errmsg(udb));
  /* This window has it until it is forgotten or the guide ends (userdb.h). */
  kc_userdb_timer_hold(udb, KC_TIMER_RUN, t->prog_id);
  ui->writes++; /* the programme screen shows the stored timer */
}

static void timer_forget(struct run_timer *t, struct kc_ui *ui) {
  char err[256];
  struct kc_userdb *udb = t->prog_id ? kc_app_user(ui->app, err, sizeof err) : NULL;
  if (!udb) return;
  kc_userdb_run_timer_clear(udb, t->prog_id);
  kc_userdb_timer_let_go(udb, KC_TIMER_RUN, t->prog_id);
}

static const char *phase_name(const struct phase *p) {
  return p->kind == PH_WARMUP ? "Brisk walk (warm-up)" : p->kind == PH_RUN ? "RUN" : "WALK";
}

static void timer_draw(struct kc_view *vw, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct run_timer *t = (struct run_timer *)vw;
  int row = y + (h >= 16);
  char st[160], line[256], a[16], b[16];
  kc_puts(row++, 2, w - 4, "Today's run", kc_attr(ROLE_HEADING));
  row += kc_put_wrapped(row, 2, 2, w - 4, kc_rp_stage_text(&t->stage, st, sizeof st),
                        kc_attr(ROLE_NORMAL));
  if (h >= 16) row++;
  if (t->done) {
    kc_puts(row++, 2, w - 4,
            t->at >= t->n ? "Session complete. Well done." : "Session ended early.",
            kc_attr(ROLE_OK));
    kc_put_wrapped(row, 2, y + h - row, w - 4, "Press f to log the pain during the run.",
                   kc_attr(ROLE_STRONG));
    return;
  }
  const struct phase *p = &t->ph[t->at];
  if (p->kind == PH_WARMUP)
    snprintf(line, sizeof line, "%s", phase_name(p));
  else
    snprintf(line, sizeof line, "%s %d of %d", phase_name(p), p->rep, t->stage.repeats);
  kc_puts(row++, 2, w - 4, line, kc_attr(p->kind == PH_RUN ? ROLE_TIMER : ROLE_STRONG));
  mmss(phase_left(t), a, sizeof a);
  snprintf(line, sizeof line, "%s left%s", a, t->paused ? "  (paused: Space resumes)" : "");
  kc_puts(row++, 2, w - 4, line, kc_attr(ROLE_STRONG));
  if (t->started_at && row < y + h) { /* the wall clock: it carries across a quit or a crash */
    char hm[16];
    long long ago = (long long)kc_app_now() - t->started_at;
    mmss(ago > 359999 ? 359999 : (int)ago, a, sizeof a);
    snprintf(line, sizeof line, "Started at %s, %s ago",
             kc_fmt_time(t->started_at, "%H:%M", hm, sizeof hm), a);
    kc_puts(row++, 2, w - 4, line, kc_attr(ROLE_NORMAL));
  }
  if (t->at + 1 < t->n) {
    const struct phase *q = &t->ph[t->at + 1];
    mmss(q->seconds, b, sizeof b);
    snprintf(line, sizeof line, "Then: %s, %s", q->kind == PH_RUN ? "run" : "walk", b);
  } else {
    snprintf(line, sizeof line, "Then: done");
  }
  if (row < y + h) kc_puts(row++, 2, w - 4, line, kc_attr(ROLE_NORMAL));
  /* the whole session as a bar: # done, . to come */
  int total = 0, done = 0;
  for (int i = 0; i < t->n; i++) {
    total += t->ph[i].seconds;
    if (i < t->at) done += t->ph[i].seconds;
  }
  done += t->ph[t->at].seconds - phase_left(t);
  int bw = w - 4 > 60 ? 60 : w - 4;
  if (row < y + h && bw > 2 && total > 0) {
    char bar[64];
    int fill = (int)((long)done * bw / total);
    for (int i = 0; i < bw; i++) bar[i] = i < fill ? '#' : '.';
    bar[bw] = '\0';
    if (h >= 16) row++;
    kc_puts(row++, 2, w - 4, bar, kc_attr(ROLE_NORMAL));
  }
}

static int timer_tick(struct kc_view *vw, struct kc_ui *ui) {
  struct run_timer *t = (struct run_timer *)vw;
  if (t->done || t->paused) return 0;
  int at = t->at;
  while (!t->done && phase_left(t) <= 0) next_phase(t);
  if (t->at != at) timer_save(t, ui);
  return 1;
}

static int timer_pain_done(struct kc_view *vw, struct kc_ui *ui, int yes, const char *text) {
  struct run_timer *t = (struct run_timer *)vw;
  if (!yes) return 0;
  char *end;
  long pain = text && *text ? strtol(text, &end, 10) : -1;
  if (!text || !*text || *end || pain < 0 || pain > 10) {
    kc_ui_message(ui, ROLE_WARNING, "Type a number from 0 to 10.");
    return 1;
  }
  char err[512];
  struct kc_run_view v;
  int seq = 0;
  int ms = kc_run_minute_seconds();
  int run_min = (t->run_seconds + ms / 2) / ms, walk_min = (t->walk_seconds + ms / 2) / ms;
  int rc = kc_run_view_load(ui->app, t->content, kc_app_today(), &v, err, sizeof err);
  if (rc == KC_UDB_OK)
    rc = kc_run_log_during(ui->app, &v, 0, (int)pain, run_min, walk_min, kc_app_now(), &seq, err,
                           sizeof err);
  kc_run_view_free(&v);
  if (rc != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "Not saved: %s", err);
    return 0;
  }
  timer_forget(t, ui);
  ui->writes++;
  kc_ui_message(ui, ROLE_OK, "Run %d saved (pain %ld/10, %d min).", seq, pain, run_min);
  kc_viewstack_pop(&ui->stack); /* back to the programme screen */
  return 0;
}

static enum kc_result timer_command(struct kc_view *vw, struct kc_ui *ui, enum kc_cmd cmd,
                                    const struct kc_event *ev) {
  (void)ev;
  struct run_timer *t = (struct run_timer *)vw;
  switch (cmd) {
  case CMD_TOGGLE:
    if (t->done) return V_HANDLED;
    if (t->paused) {
      t->paused = 0;
      t->phase_end = mono() + t->left;
    } else {
      t->left = phase_left(t);
      t->paused = 1;
    }
    timer_save(t, ui);
    return V_HANDLED;
  case CMD_NEXT:
    if (!t->done) {
      if (t->paused) {
        t->paused = 0;
        t->phase_end = mono() + t->left;
      }
      next_phase(t);
      timer_save(t, ui);
    }
    return V_HANDLED;
  case CMD_END:
    if (!t->done) {
      credit(t, t->ph[t->at].seconds - phase_left(t));
      t->done = 1;
      timer_save(t, ui);
    }
    kc_prompt(ui, vw, "Pain during (0-10):", "", 2, timer_pain_done);
    return V_HANDLED;
  default: return V_IGNORED;
  }
}

static const char *timer_hint_word(struct kc_view *vw, enum kc_cmd cmd) {
  struct run_timer *t = (struct run_timer *)vw;
  if (cmd == CMD_TOGGLE && t->paused) return "resume";
  if (cmd == CMD_END && t->done) return "log pain";
  return NULL;
}

static int timer_enabled(struct kc_view *vw, enum kc_cmd cmd) {
  struct run_timer *t = (struct run_timer *)vw;
  return cmd == CMD_END || !t->done;
}

static const char *timer_title(struct kc_view *vw) {
  (void)vw;
  return "Run timer";
}

static void timer_destroy(struct kc_view *vw) {
  struct run_timer *t = (struct run_timer *)vw;
  kc_rp_content_free(t->content);
  free(t);
}

static const struct kc_view_ops timer_ops = {.draw = timer_draw,
                                             .keys = &kc_keys_run_timer,
                                             .command = timer_command,
                                             .enabled = timer_enabled,
                                             .hint_word = timer_hint_word,
                                             .tick = timer_tick,
                                             .destroy = timer_destroy,
                                             .title = timer_title};

/* The timer of today's session: its phases from the programme, and where
 * the session is in the user database (programme, seq, day). */
static struct run_timer *timer_make(struct kc_ui *ui) {
  char err[512];
  struct kc_rp_content *own = kc_run_ui_content(ui);
  if (!own) return NULL;
  struct kc_run_view v;
  if (kc_run_view_load(ui->app, own, kc_app_today(), &v, err, sizeof err) != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    kc_rp_content_free(own);
    return NULL;
  }
  struct run_timer *t = kc_xcalloc(1, sizeof *t);
  t->base.ops = &timer_ops;
  t->content = own;
  t->stage = v.plan.session;
  if (v.has && v.active) {
    t->prog_id = v.prog.id;
    t->seq = kc_run_view_next_seq(&v);
    t->day = v.today;
  }
  kc_run_view_free(&v);
  int ms = kc_run_minute_seconds();
  if (own->def.warmup_min > 0)
    t->ph[t->n++] = (struct phase){PH_WARMUP, own->def.warmup_min * ms, 0};
  int reps = t->stage.repeats > 0 ? t->stage.repeats : 1;
  if (reps > 50) reps = 50;
  for (int r = 1; r <= reps; r++) {
    t->ph[t->n++] = (struct phase){PH_RUN, t->stage.run_min * ms, r};
    if (t->stage.walk_min > 0) t->ph[t->n++] = (struct phase){PH_WALK, t->stage.walk_min * ms, r};
  }
  return t;
}

struct kc_view *kc_run_timer_new(struct kc_ui *ui, const struct kc_rp_content *c) {
  (void)c;
  struct run_timer *t = timer_make(ui);
  if (!t) return NULL;
  t->left = t->ph[0].seconds;
  t->phase_end = mono() + t->left;
  t->started_at = (int64_t)kc_app_now();
  timer_save(t, ui);
  return &t->base;
}

struct kc_view *kc_run_timer_resume(struct kc_ui *ui, const struct kc_run_timer *saved) {
  struct run_timer *t = timer_make(ui);
  if (!t) return NULL;
  if (t->prog_id != saved->programme_id || t->seq != saved->seq || t->day != saved->day) {
    t->base.ops->destroy(&t->base);
    kc_ui_message(ui, ROLE_WARNING, "That timer belongs to another session: start a new one.");
    return NULL;
  }
  t->started_at = saved->started_at;
  t->run_seconds = saved->run_seconds;
  t->walk_seconds = saved->walk_seconds;
  t->at = saved->phase < t->n ? saved->phase : t->n;
  /* Time in the phase: up to the pause, or up to now (the person kept
   * going while the guide was closed), never negative (a clock set back). */
  int64_t in_phase =
      (saved->paused ? saved->paused_at : (int64_t)kc_app_now()) - saved->phase_started_at;
  if (in_phase < 0) in_phase = 0;
  /* Phases that ended meanwhile are counted whole, as the timer would have. */
  while (!saved->paused && t->at < t->n && in_phase >= t->ph[t->at].seconds) {
    in_phase -= t->ph[t->at].seconds;
    credit(t, t->ph[t->at].seconds);
    t->at++;
  }
  if (t->at >= t->n) {
    t->done = 1;
  } else {
    int len = t->ph[t->at].seconds;
    t->left = in_phase >= len ? 0 : len - (int)in_phase;
    t->paused = saved->paused;
    t->phase_end = mono() + t->left;
  }
  timer_save(t, ui);
  return &t->base;
}

/* ---- strength ------------------------------------------------------------------------ */

struct run_strength {
  struct kc_view base;
  struct kc_rp_content *content; /* owned */
  int at;
  struct kc_ex_dose dose;
  int set, rep;    /* 1-based set; reps done in it */
  int holding;     /* the hold timer runs */
  double hold_end; /* monotonic */
  int hold_left;   /* seconds, while not holding */
  int top;         /* first row of the page shown */
  int more;
  struct kc_strength *log; /* the last 120 days' exercises, oldest first */
  int n_log;
  size_t cap_log;
  int last;                /* index into log of this exercise's latest, or -1 */
  struct kc_run_view view; /* the runs, for the next morning's pain */
  char why[KC_RP_WHY_MAX]; /* what the pain rule made of last time */
};

static const struct kc_binding strength_rows[] = {
    {CMD_TOGGLE, {' '}, "count a repetition, or start and stop the hold timer", "count", NULL},
    {CMD_OPEN,
     {'\r', KC_KEY(KEY_ENTER)},
     "record the exercise as done, then the next",
     "done",
     NULL},
    {CMD_NEXT, {'n'}, "the next exercise", "next", NULL},
    {CMD_PREV, {'p'}, "the previous exercise", "previous", NULL},
    {CMD_EASIER, {'-'}, "the easier version", "easier", NULL},
    {CMD_HARDER, {'+', '='}, "the harder version", "harder", NULL},
    {CMD_DOWN, {KC_KEY(KEY_DOWN), 'j'}, "scroll down", NULL, NULL},
    {CMD_UP, {KC_KEY(KEY_UP), 'k'}, "scroll up", NULL, NULL},
};
const struct kc_keymap kc_keys_run_strength =
    KC_KEYMAP("Strength exercises",
              "Each exercise with its dose, how to do it, a drawing of the start and end "
              "positions, a rep counter and a hold timer. Stop an exercise that hurts more than a "
              "little.",
              strength_rows, NULL);

static const struct kc_rp_exercise *cur_ex(const struct run_strength *s) {
  return &s->content->ex[s->at];
}

static void set_exercise(struct run_strength *s, int at) {
  s->at = at;
  s->dose = kc_ex_first_dose(&cur_ex(s)->dose);
  /* where the person left it, moved on by the pain rule */
  s->last = -1;
  for (int i = 0; i < s->n_log; i++)
    if (strcmp(s->log[i].exercise_id, cur_ex(s)->id) == 0) s->last = i;
  kc_run_strength_dose(s->content, cur_ex(s), s->log, s->n_log, &s->view, &s->dose, s->why,
                       sizeof s->why);
  s->set = 1;
  s->rep = 0;
  s->holding = 0;
  s->hold_left = s->dose.hold_s;
  s->top = 0;
}

static int hold_left(const struct run_strength *s) {
  if (!s->holding) return s->hold_left;
  int v = (int)(s->hold_end - mono() + 0.999);
  return v < 0 ? 0 : v;
}

/* Draws one row unless it is scrolled away or below the screen. */
struct pager {
  int y, end, skip, row;
  int more;
};
static bool pg_row(struct pager *p, int *out_y) {
  if (p->skip > 0) {
    p->skip--;
    return false;
  }
  if (p->y >= p->end) {
    p->more = 1;
    return false;
  }
  *out_y = p->y++;
  return true;
}
static void pg_text(struct pager *p, int w, const char *text, attr_t a) {
  /* wrap into rows one at a time so scrolling works row by row */
  int rows = kc_wrapped_rows(text, w - 4);
  if (p->skip >= rows) {
    p->skip -= rows;
    return;
  }
  if (p->skip > 0) {
    /* a paragraph cut by the scroll: show it from its start on the first row */
    p->skip = 0;
  }
  if (p->y >= p->end) {
    p->more = 1;
    return;
  }
  int used = kc_put_wrapped(p->y, 2, p->end - p->y, w - 4, text, a);
  if (used < rows) p->more = 1;
  p->y += used;
}

static void strength_draw(struct kc_view *vw, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct run_strength *s = (struct run_strength *)vw;
  const struct kc_rp_exercise *e = cur_ex(s);
  char line[320], dose[128], a[16], b[16];
  int ry, row = y;
  /* name, dose and the counter stay on screen; the rest scrolls */
  snprintf(line, sizeof line, "%s (%d of %d)", e->name, s->at + 1, s->content->n_ex);
  row += kc_put_wrapped(row, 2, 2, w - 4, line, kc_attr(ROLE_HEADING));
  kc_ex_dose_text(&s->dose, e->per_side, dose, sizeof dose);
  snprintf(line, sizeof line, "%s%s", dose,
           s->dose.version < 0   ? " - easier version"
           : s->dose.version > 0 ? " - harder version"
                                 : "");
  row += kc_put_wrapped(row, 2, 2, w - 4, line, kc_attr(ROLE_STRONG));
  if (s->dose.hold_s > 0) {
    mmss(hold_left(s), a, sizeof a);
    mmss(s->dose.hold_s, b, sizeof b);
    snprintf(line, sizeof line, "Set %d of %d - hold %s of %s%s", s->set, s->dose.sets, a, b,
             s->holding ? " (holding)" : " (Space starts)");
  } else {
    snprintf(line, sizeof line, "Set %d of %d - rep %d of %d", s->set, s->dose.sets, s->rep,
             s->dose.reps);
  }
  if (s->set > s->dose.sets) snprintf(line, sizeof line, "All sets done: Enter records it");
  row += kc_put_wrapped(row, 2, 2, w - 4, line, kc_attr(ROLE_TIMER));
  int body = row;
  struct pager p = {.y = row, .end = y + h, .skip = s->top};
  if (s->last >= 0) {
    char d[32];
    snprintf(line, sizeof line, "Last time %s: %d set%s%s",
             kc_run_day_text(s->log[s->last].cal_day, d, sizeof d), s->log[s->last].sets,
             s->log[s->last].sets == 1 ? "" : "s",
             s->log[s->last].variant == KC_STRENGTH_EASIER   ? ", easier version"
             : s->log[s->last].variant == KC_STRENGTH_HARDER ? ", harder version"
                                                             : "");
    pg_text(&p, w, line, kc_attr(ROLE_DIM));
    if (s->why[0]) pg_text(&p, w, s->why, kc_attr(ROLE_DIM));
  }
  /* the drawing: box-drawing lines, ASCII outside UTF-8 */
  char *const *art = kc_ascii ? e->ascii : e->art;
  int n_art = kc_ascii ? e->n_ascii : e->n_art;
  for (int i = 0; i < n_art; i++)
    if (pg_row(&p, &ry)) kc_puts(ry, 2, w - 4, art[i], kc_attr(ROLE_NORMAL));
  for (int i = 0; i < e->n_steps; i++) {
    snprintf(line, sizeof line, "%d. %s", i + 1, e->steps[i]);
    pg_text(&p, w, line, kc_attr(ROLE_NORMAL));
  }
  snprintf(line, sizeof line, "Easier: %s", e->easier);
  pg_text(&p, w, line, kc_attr(s->dose.version < 0 ? ROLE_STRONG : ROLE_DIM));
  snprintf(line, sizeof line, "Harder: %s", e->harder);
  pg_text(&p, w, line, kc_attr(s->dose.version > 0 ? ROLE_STRONG : ROLE_DIM));
  s->more = p.more;
  if (s->top > 0) kc_puts(body, w - 1, 1, kc_glyph(G_UP), kc_attr(ROLE_DIM));
  if (s->more) kc_puts(y + h - 1, w - 1, 1, kc_glyph(G_DOWN), kc_attr(ROLE_DIM));
}

static void count(struct run_strength *s) {
  if (s->set > s->dose.sets) return;
  if (s->dose.hold_s > 0) {
    if (!s->holding) {
      s->holding = 1;
      s->hold_end = mono() + s->hold_left;
      return;
    }
    s->hold_left = hold_left(s);
    s->holding = 0;
    if (s->hold_left <= 0) {
      s->set++;
      s->hold_left = s->dose.hold_s;
    }
    return;
  }
  if (++s->rep >= s->dose.reps) {
    s->set++;
    s->rep = 0;
    beep();
  }
}

static int strength_tick(struct kc_view *vw, struct kc_ui *ui) {
  (void)ui;
  struct run_strength *s = (struct run_strength *)vw;
  if (!s->holding) return 0;
  if (hold_left(s) <= 0) {
    s->holding = 0;
    s->set++;
    s->hold_left = s->dose.hold_s;
    beep();
  }
  return 1;
}

static int strength_pain_done(struct kc_view *vw, struct kc_ui *ui, int yes, const char *text) {
  struct run_strength *s = (struct run_strength *)vw;
  if (!yes) return 0;
  int pain = -1;
  if (text && *text) {
    char *endp;
    long v = strtol(text, &endp, 10);
    if (*endp || v < 0 || v > 10) {
      kc_ui_message(ui, ROLE_WARNING, "Type a number from 0 to 10, or nothing.");
      return 1;
    }
    pain = (int)v;
  }
  char err[512];
  struct kc_userdb *db = kc_app_user(ui->app, err, sizeof err);
  if (!db) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return 0;
  }
  struct kc_run_programme prog;
  int64_t pid = kc_userdb_run_active(db, ui->app->profile.id, &prog) == KC_UDB_OK ? prog.id : 0;
  const struct kc_rp_exercise *e = cur_ex(s);
  int sets = s->set > s->dose.sets ? s->dose.sets : s->set - 1;
  if (sets < 1) sets = 1;
  struct kc_strength rec = {.programme_id = pid,
                            .variant = s->dose.version < 0   ? KC_STRENGTH_EASIER
                                       : s->dose.version > 0 ? KC_STRENGTH_HARDER
                                                             : KC_STRENGTH_STANDARD,
                            .cal_day = kc_app_today(),
                            .sets = sets,
                            .reps = s->dose.hold_s > 0 ? 0 : s->dose.reps,
                            .hold_seconds = s->dose.hold_s > 0 ? s->dose.hold_s : 0,
                            .pain = pain};
  snprintf(rec.exercise_id, sizeof rec.exercise_id, "%s", e->id);
  if (kc_userdb_strength_add(db, ui->app->profile.id, &rec, kc_app_now()) != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "Not saved: %s", kc_userdb_errmsg(db));
    return 0;
  }
  ui->writes++;
  KC_GROW(s->log, s->cap_log, (size_t)s->n_log + 1);
  s->log[s->n_log++] = rec;
  kc_ui_message(ui, ROLE_OK, "%s recorded: %d set%s.", e->name, sets, sets == 1 ? "" : "s");
  if (s->at + 1 < s->content->n_ex) set_exercise(s, s->at + 1);
  return 0;
}

static enum kc_result strength_command(struct kc_view *vw, struct kc_ui *ui, enum kc_cmd cmd,
                                       const struct kc_event *ev) {
  (void)ev;
  struct run_strength *s = (struct run_strength *)vw;
  switch (cmd) {
  case CMD_TOGGLE: count(s); return V_HANDLED;
  case CMD_NEXT:
    if (s->at + 1 < s->content->n_ex) set_exercise(s, s->at + 1);
    return V_HANDLED;
  case CMD_PREV:
    if (s->at > 0) set_exercise(s, s->at - 1);
    return V_HANDLED;
  case CMD_EASIER:
    if (s->dose.version > KC_EX_EASIER) s->dose.version--;
    return V_HANDLED;
  case CMD_HARDER:
    if (s->dose.version < KC_EX_HARDER) s->dose.version++;
    return V_HANDLED;
  case CMD_DOWN:
    if (s->more) s->top++;
    return V_HANDLED;
  case CMD_UP:
    if (s->top > 0) s->top--;
    return V_HANDLED;
  case CMD_OPEN:
    kc_prompt(ui, vw, "Pain during (0-10):", "", 2, strength_pain_done);
    return V_HANDLED;
  default: return V_IGNORED;
  }
}

static const char *strength_title(struct kc_view *vw) {
  (void)vw;
  return "Strength";
}

static void strength_destroy(struct kc_view *vw) {
  struct run_strength *s = (struct run_strength *)vw;
  free(s->log);
  kc_run_view_free(&s->view);
  kc_rp_content_free(s->content);
  free(s);
}

static const struct kc_view_ops strength_ops = {.draw = strength_draw,
                                                .keys = &kc_keys_run_strength,
                                                .command = strength_command,
                                                .tick = strength_tick,
                                                .destroy = strength_destroy,
                                                .title = strength_title};

struct kc_view *kc_run_strength_new(struct kc_ui *ui, const struct kc_rp_content *c) {
  (void)c;
  struct kc_rp_content *own = kc_run_ui_content(ui);
  if (!own) return NULL;
  if (own->n_ex == 0) {
    kc_rp_content_free(own);
    kc_ui_message(ui, ROLE_WARNING, "The content has no strength exercises.");
    return NULL;
  }
  struct run_strength *s = kc_xcalloc(1, sizeof *s);
  s->base.ops = &strength_ops;
  s->content = own;
  char err[512];
  struct kc_userdb *db = kc_app_user(ui->app, err, sizeof err);
  int today = kc_app_today();
  if (db && kc_userdb_strength_list(db, ui->app->profile.id, today - 120, today, &s->log,
                                    &s->n_log) != KC_UDB_OK) {
    s->log = NULL;
    s->n_log = 0;
  }
  s->cap_log = (size_t)s->n_log;
  if (kc_run_view_load(ui->app, own, today, &s->view, err, sizeof err) != KC_UDB_OK)
    memset(&s->view, 0, sizeof s->view);
  set_exercise(s, 0);
  return &s->base;
}
