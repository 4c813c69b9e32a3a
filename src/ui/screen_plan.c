/* The 3-day recovery plan: starting one, the day's checklist, and the ice
 * timer. The checklist shows one plan day (Left/Right for the others):
 * each task with its state, ice as a counter with each session's time, the
 * pain score. Space/Enter ticks (past days allowed and marked late; future
 * days read-only). Every tick, session and score is written to the user
 * database the moment it is entered. What each cell means is decided by
 * core/recovery through app/plan_view. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kneecare/day.h"
#include "kneecare/plan_view.h"
#include "ui.h"

enum { IN_PAIN = 1, IN_NOTE, IN_END };

struct checklist {
  struct kc_view base;
  struct kc_plan_snapshot snap;
  int day;    /* plan day shown, 1..3 */
  size_t sel; /* task index */
  int64_t data_version;
  unsigned seen_writes;
  int last_today;
  struct kc_input input;
  int pending_score;
  int confirm_end;
  char title[32];
};

/* ---- ice timer ---------------------------------------------------------- */

static double mono_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void kc_ice_start(struct kc_ui *ui, int64_t plan_id, int day) {
  ui->ice.running = 1;
  ui->ice.plan_id = plan_id;
  ui->ice.day = day;
  ui->ice.total_seconds = kc_app_ice_seconds();
  clock_gettime(CLOCK_MONOTONIC, &ui->ice.end);
  ui->ice.end.tv_sec += ui->ice.total_seconds;
}

int kc_ice_left(const struct kc_ui *ui) {
  if (!ui->ice.running) return 0;
  double left = (double)ui->ice.end.tv_sec + ui->ice.end.tv_nsec / 1e9 - mono_now();
  return left > 0 ? (int)(left + 0.999) : 0;
}

void kc_ice_cancel(struct kc_ui *ui) { ui->ice.running = 0; }

int kc_ice_finish(struct kc_ui *ui, int early) {
  if (!ui->ice.running) return -1;
  int minutes = (ui->ice.total_seconds - kc_ice_left(ui) + 59) / 60;
  if (minutes < 1) minutes = 1;
  if (minutes > KC_ICE_MINUTES) minutes = KC_ICE_MINUTES;
  ui->ice.running = 0;
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  int rc = udb ? kc_userdb_ice_add(udb, ui->ice.plan_id, ui->ice.day, kc_app_now(), minutes, NULL)
               : KC_UDB_EACCESS;
  if (rc != KC_UDB_OK)
    kc_ui_message(ui, ROLE_WARNING, "Ice session NOT saved: %s", udb ? kc_userdb_errmsg(udb) : err);
  else
    kc_ui_message(ui, ROLE_OK, "Ice session recorded (%d min)%s. Check your skin.", minutes,
                  early ? ", stopped early" : "");
  ui->writes++;
  return rc == KC_UDB_OK ? 0 : -1;
}

int kc_ice_tick(struct kc_ui *ui) {
  if (!ui->ice.running) return ui->bell_flash > 0 ? (ui->bell_flash--, 1) : 0;
  if (kc_ice_left(ui) > 0) return 1; /* the countdown in the status line */
  kc_ice_finish(ui, 0);
  beep();
  flash();
  ui->bell_flash = 3;
  return 1;
}

/* ---- checklist ----------------------------------------------------------- */

static int reload(struct checklist *c, struct kc_ui *ui) {
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (!udb) return -1;
  struct kc_plan plan;
  if (kc_userdb_plan_get(udb, c->snap.plan.id, &plan) != KC_UDB_OK) return -1;
  struct kc_plan_snapshot s;
  if (kc_plan_snapshot_load(ui->app, &plan, kc_app_today(), &s, err, sizeof err) != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return -1;
  }
  kc_plan_snapshot_free(&c->snap);
  c->snap = s;
  kc_userdb_data_version(udb, &c->data_version);
  return 0;
}

static void fmt_time(int64_t at, char *buf, size_t n) {
  time_t t = (time_t)at;
  struct tm tm;
  localtime_r(&t, &tm);
  strftime(buf, n, "%H:%M", &tm);
}

static void draw_task(struct checklist *c, size_t t, int row, int w, int selected) {
  const struct kc_plan_task *task = &c->snap.tasks[t];
  const struct kc_task_day *cell = kc_plan_cell(&c->snap, t, c->day);
  attr_t a = selected                        ? kc_attr(ROLE_SELECTED)
             : cell->state == KC_TASK_FUTURE ? kc_attr(ROLE_DIM)
                                             : kc_attr(ROLE_NORMAL);
  char line[512], extra[256] = "";
  if (task->kind == KC_TASK_ICE) {
    char times[160] = "";
    size_t o = 0;
    for (int i = 0; i < c->snap.n_ice; i++) {
      if (c->snap.ice[i].day != c->day) continue;
      char hm[16];
      fmt_time(c->snap.ice[i].at, hm, sizeof hm);
      o += (size_t)snprintf(times + o, o < sizeof times ? sizeof times - o : 0, "%s%s",
                            o ? " " : "", hm);
      if (o >= sizeof times) break;
    }
    snprintf(line, sizeof line, "Ice %d of %d", cell->ice.count, cell->ice.target);
    snprintf(extra, sizeof extra, "%s%s", times[0] ? "at " : "", times);
  } else if (task->kind == KC_TASK_PAIN) {
    const struct kc_pain *p = &c->snap.pain[c->day - 1];
    if (c->snap.has_pain[c->day - 1])
      snprintf(line, sizeof line, "Pain score %d/10", p->score);
    else
      snprintf(line, sizeof line, "Pain score: not logged");
    if (c->snap.has_pain[c->day - 1] && p->note[0])
      snprintf(extra, sizeof extra, "\"%s\"", p->note);
  } else {
    snprintf(line, sizeof line, "%s", task->label);
    if (cell->done) {
      char hm[16];
      fmt_time(cell->at, hm, sizeof hm);
      snprintf(extra, sizeof extra, "done %s", hm);
    }
  }
  if (task->target == 0 && task->kind == KC_TASK_CHECK)
    strncat(extra, extra[0] ? " (optional)" : "(optional)", sizeof extra - strlen(extra) - 1);
  if (cell->state == KC_TASK_DONE_LATE) strncat(extra, " late", sizeof extra - strlen(extra) - 1);
  int x = 2;
  x += kc_puts(row, x, 4, cell->done ? "[x]" : "[ ]", cell->done ? kc_attr(ROLE_OK) : a);
  x += 1;
  int used = kc_puts(row, x, w - x - 2, line, a);
  if (extra[0] && x + used + 3 < w)
    kc_puts(row, x + used + 2, w - x - used - 3, extra, kc_attr(ROLE_DIM));
}

static void checklist_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct checklist *c = (struct checklist *)v;
  int row = y + 1;
  char head[160], date[KC_DAY_BUF];
  kc_day_format(kc_plan_day_date(c->snap.plan.start_day, c->day), date);
  snprintf(head, sizeof head, "Day %d of 3  \xC2\xB7  %s %s%s", c->day,
           kc_day_weekday_name(kc_plan_day_date(c->snap.plan.start_day, c->day)), date,
           c->day == c->snap.day_index  ? "  (today)"
           : c->day > c->snap.day_index ? "  (still to come: read-only)"
                                        : "  (past: ticks are marked late)");
  kc_puts(row, 2, w - 4, head, kc_attr(ROLE_HEADING));
  struct kc_progress p = c->snap.progress[c->day - 1];
  char prog[64];
  snprintf(prog, sizeof prog, "%d/%d done", p.done, p.total);
  kc_puts(row, w - (int)strlen(prog) - 2, (int)strlen(prog), prog, kc_attr(ROLE_DIM));
  row++;
  /* Day tabs, readable without colour: the shown day in brackets. */
  int x = 2;
  for (int d = 1; d <= KC_PLAN_DAYS; d++) {
    char tab[24];
    snprintf(tab, sizeof tab, d == c->day ? "[Day %d]" : " Day %d ", d);
    x += kc_puts(row, x, 10, tab, d == c->day ? kc_attr(ROLE_STRONG) : kc_attr(ROLE_DIM)) + 1;
  }
  kc_puts(row, x + 1, w - x - 3, "\xE2\x86\x90 \xE2\x86\x92 other days", kc_attr(ROLE_DIM));
  row += 2;
  if (c->snap.level >= KC_LEVEL_SOON) {
    char stop[256];
    snprintf(stop, sizeof stop, "!! %s: %s", kc_level_title(c->snap.level),
             c->snap.worst_redflag >= KC_LEVEL_SOON
                 ? "a warning sign was reported; home care is not enough."
                 : "the pain is not easing; see a physio or GP.");
    kc_fill(row, 0, w, kc_attr(ROLE_DANGER));
    kc_puts(row, 1, w - 2, stop, kc_attr(ROLE_DANGER) | A_BOLD);
    row += 2;
  } else if (kc_checkin_due(c->snap.day_index) && c->snap.plan.checkin == KC_CHECKIN_NONE) {
    kc_puts(row, 2, w - 4, "Day 3 check-in: is the pain easing?  b better  s same  w worse",
            kc_attr(ROLE_WARNING));
    row += 2;
  }
  int bottom = y + h - 4;
  for (size_t t = 0; t < c->snap.n_tasks && row < bottom; t++, row++)
    draw_task(c, t, row, w, t == c->sel);
  /* The selected task's instructions. */
  if (c->sel < c->snap.n_tasks)
    kc_put_wrapped(bottom, 2, 3, w - 4, c->snap.tasks[c->sel].detail, kc_attr(ROLE_DIM));
  if (c->input.active) kc_input_draw(&c->input, y + h - 2, w);
  if (c->confirm_end) {
    kc_fill(y + h - 1, 0, w, kc_attr(ROLE_WARNING) | A_REVERSE);
    kc_puts(y + h - 1, 1, w - 2, "End this plan? It is kept in your history. (y/n)",
            kc_attr(ROLE_WARNING) | A_REVERSE);
  }
}

static struct kc_userdb *udb_or_say(struct kc_ui *ui) {
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (!udb) kc_ui_message(ui, ROLE_WARNING, "Your data is not available: %s", err);
  return udb;
}

static void saved_or_say(struct kc_ui *ui, struct kc_userdb *udb, int rc, const char *what) {
  if (rc == KC_UDB_OK)
    kc_ui_message(ui, ROLE_OK, "%s saved", what);
  else
    kc_ui_message(ui, ROLE_WARNING, "NOT saved: %s", kc_userdb_errmsg(udb));
}

static void activate(struct checklist *c, struct kc_ui *ui) {
  const struct kc_plan_task *task = &c->snap.tasks[c->sel];
  const struct kc_task_day *cell = kc_plan_cell(&c->snap, c->sel, c->day);
  if (cell->state == KC_TASK_FUTURE || !kc_plan_day_editable(c->day, c->snap.day_index)) {
    kc_ui_message(ui, ROLE_WARNING, "Day %d has not come yet: it is read-only", c->day);
    return;
  }
  struct kc_userdb *udb = udb_or_say(ui);
  if (!udb) return;
  if (task->kind == KC_TASK_CHECK) {
    int rc = cell->done ? kc_userdb_untick(udb, c->snap.plan.id, task->id, c->day, kc_app_now())
                        : kc_userdb_tick(udb, c->snap.plan.id, task->id, c->day, kc_app_now());
    saved_or_say(ui, udb, rc, cell->done ? "Untick" : "Tick");
  } else if (task->kind == KC_TASK_ICE) {
    if (ui->ice.running) {
      kc_ui_message(ui, ROLE_NORMAL, "The ice timer is running: x stops early and records it");
      return;
    }
    kc_ice_start(ui, c->snap.plan.id, c->day);
    kc_ui_message(ui, ROLE_OK, "Ice timer started: check the skin after 5 minutes");
  } else {
    kc_input_open(&c->input, IN_PAIN, "Pain now, 0 (none) to 10 (worst):", NULL, 2);
  }
  reload(c, ui);
}

static void input_done(struct checklist *c, struct kc_ui *ui) {
  struct kc_userdb *udb = udb_or_say(ui);
  if (!udb) return;
  if (c->input.purpose == IN_PAIN) {
    char *end;
    long v = strtol(c->input.buf, &end, 10);
    if (!c->input.buf[0] || *end || v < KC_PAIN_MIN || v > KC_PAIN_MAX) {
      kc_ui_message(ui, ROLE_WARNING, "A pain score is a whole number from 0 to 10");
      return;
    }
    c->pending_score = (int)v;
    const struct kc_pain *p = &c->snap.pain[c->day - 1];
    kc_input_open(&c->input, IN_NOTE,
                  "Note (optional):", c->snap.has_pain[c->day - 1] ? p->note : "", KC_NOTE_MAX);
    /* Save the score now: the note is extra, a kill must not lose the score. */
    saved_or_say(
        ui, udb,
        kc_userdb_pain_set(udb, c->snap.plan.id, c->day, c->pending_score, NULL, kc_app_now()),
        "Pain score");
  } else if (c->input.purpose == IN_NOTE) {
    char err[128];
    if (!kc_note_check(c->input.buf, err, sizeof err)) {
      kc_ui_message(ui, ROLE_WARNING, "%s", err);
      return;
    }
    saved_or_say(ui, udb,
                 kc_userdb_pain_set(udb, c->snap.plan.id, c->day, c->pending_score, c->input.buf,
                                    kc_app_now()),
                 "Pain score and note");
  }
  reload(c, ui);
}

static void checkin(struct checklist *c, struct kc_ui *ui, enum kc_checkin answer) {
  struct kc_userdb *udb = udb_or_say(ui);
  if (!udb) return;
  int rc = kc_userdb_plan_checkin(udb, c->snap.plan.id, answer, kc_app_now());
  if (rc != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "NOT saved: %s", kc_userdb_errmsg(udb));
    return;
  }
  reload(c, ui);
  struct kc_checkin_advice adv;
  if (!kc_checkin_advice(answer, &adv)) return;
  struct kc_sb md = {0};
  kc_sb_put(&md, "## ");
  kc_sb_put_md(&md, adv.title);
  kc_sb_put(&md, "\n\n");
  kc_sb_put_md(&md, adv.advice);
  kc_sb_put(&md, "\n\n## Read next\n\n");
  for (int i = 0; i < adv.n_articles; i++) {
    char *t = kc_content_title(kc_app_content(ui->app), adv.articles[i]);
    kc_sb_put(&md, "- [");
    kc_sb_put_md(&md, t ? t : adv.articles[i]);
    kc_sb_printf(&md, "](%s)\n", adv.articles[i]);
    free(t);
  }
  kc_ui_push(ui,
             kc_reader_new_text(ui, "Day 3 check-in", kc_level_title(adv.level), kc_sb_str(&md)));
  kc_sb_free(&md);
}

static enum kc_result checklist_handle(struct kc_view *v, struct kc_ui *ui,
                                       const struct kc_event *ev) {
  struct checklist *c = (struct checklist *)v;
  if (c->input.active) {
    int r = kc_input_handle(&c->input, ev);
    if (r == 1) input_done(c, ui);
    return V_HANDLED;
  }
  if (c->confirm_end) {
    c->confirm_end = 0;
    if (!ev->is_key && (ev->ch == 'y' || ev->ch == 'Y')) {
      struct kc_userdb *udb = udb_or_say(ui);
      if (udb && kc_userdb_plan_end(udb, c->snap.plan.id, kc_app_now()) == KC_UDB_OK) {
        kc_ui_message(ui, ROLE_OK, "Plan ended and kept in your history");
        return V_POP;
      }
      if (udb) kc_ui_message(ui, ROLE_WARNING, "NOT ended: %s", kc_userdb_errmsg(udb));
    }
    return V_HANDLED;
  }
  if (!ev->is_key) {
    switch (ev->ch) {
    case 'x':
      if (ui->ice.running) kc_ice_finish(ui, 1);
      reload(c, ui);
      return V_HANDLED;
    case '+': {
      const struct kc_plan_task *task = &c->snap.tasks[c->sel];
      if (task->kind != KC_TASK_ICE || !kc_plan_day_editable(c->day, c->snap.day_index))
        return V_HANDLED;
      struct kc_userdb *udb = udb_or_say(ui);
      if (udb)
        saved_or_say(
            ui, udb,
            kc_userdb_ice_add(udb, c->snap.plan.id, c->day, kc_app_now(), KC_ICE_MINUTES, NULL),
            "Ice session");
      reload(c, ui);
      return V_HANDLED;
    }
    case '-': {
      const struct kc_plan_task *task = &c->snap.tasks[c->sel];
      if (task->kind != KC_TASK_ICE || !kc_plan_day_editable(c->day, c->snap.day_index))
        return V_HANDLED;
      int64_t last = 0;
      for (int i = 0; i < c->snap.n_ice; i++)
        if (c->snap.ice[i].day == c->day) last = c->snap.ice[i].id;
      struct kc_userdb *udb = udb_or_say(ui);
      if (udb && last) saved_or_say(ui, udb, kc_userdb_ice_delete(udb, last), "Removal");
      reload(c, ui);
      return V_HANDLED;
    }
    case 'a': {
      const char *art = c->snap.tasks[c->sel].article_id;
      if (art && *art) kc_ui_push(ui, kc_reader_new(ui, art));
      return V_HANDLED;
    }
    case 'c': kc_ui_push(ui, kc_chart_new(ui, c->snap.plan.id)); return V_HANDLED;
    case 'e': c->confirm_end = 1; return V_HANDLED;
    case 'b':
    case 's':
    case 'w':
      if (!kc_checkin_due(c->snap.day_index)) {
        kc_ui_message(ui, ROLE_NORMAL, "The check-in comes on day 3");
        return V_HANDLED;
      }
      checkin(c, ui,
              ev->ch == 'b'   ? KC_CHECKIN_BETTER
              : ev->ch == 's' ? KC_CHECKIN_SAME
                              : KC_CHECKIN_WORSE);
      return V_HANDLED;
    default: break;
    }
  }
  switch (ev->action) {
  case ACT_UP:
    if (c->sel > 0) c->sel--;
    return V_HANDLED;
  case ACT_DOWN:
    if (c->sel + 1 < c->snap.n_tasks) c->sel++;
    return V_HANDLED;
  case ACT_HOME: c->sel = 0; return V_HANDLED;
  case ACT_END: c->sel = c->snap.n_tasks ? c->snap.n_tasks - 1 : 0; return V_HANDLED;
  case ACT_LEFT:
    if (ev->ch == 'h') return V_IGNORED; /* h goes back, as everywhere */
    if (c->day > 1) c->day--;
    return V_HANDLED;
  case ACT_RIGHT:
    if (c->day < KC_PLAN_DAYS) c->day++;
    return V_HANDLED;
  case ACT_OPEN:
  case ACT_TOGGLE: activate(c, ui); return V_HANDLED;
  default: return V_IGNORED;
  }
}

/* Once a second: another instance's writes, a new calendar day. */
static int checklist_tick(struct kc_view *v, struct kc_ui *ui) {
  struct checklist *c = (struct checklist *)v;
  char err[64];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (!udb) return 0;
  int64_t dv = 0;
  int today = kc_app_today();
  if (today != c->last_today) {
    c->last_today = today;
    reload(c, ui);
    c->day = c->snap.shown_day;
    struct kc_redflag_check last;
    int last_day = kc_userdb_redflag_last(udb, c->snap.plan.id, &last) == KC_UDB_OK
                       ? last.cal_day
                       : KC_DAY_INVALID;
    if (kc_redflag_due(last_day, today)) kc_ui_push(ui, kc_recheck_new(ui, c->snap.plan.id));
    return 1;
  }
  if ((kc_userdb_data_version(udb, &dv) == KC_UDB_OK && dv != c->data_version) ||
      c->seen_writes != ui->writes) {
    c->seen_writes = ui->writes;
    reload(c, ui);
    return 1;
  }
  return 0;
}

static const char *checklist_title(struct kc_view *v) {
  struct checklist *c = (struct checklist *)v;
  snprintf(c->title, sizeof c->title, "Recovery plan");
  return c->title;
}

static const char *checklist_hints(struct kc_view *v) {
  struct checklist *c = (struct checklist *)v;
  const struct kc_plan_task *t = c->sel < c->snap.n_tasks ? &c->snap.tasks[c->sel] : NULL;
  if (t && t->kind == KC_TASK_ICE)
    return "Enter start 20-min timer  x stop early  + add done  - remove  \xE2\x86\x90\xE2\x86\x92 "
           "day  a article  c chart  Esc";
  if (t && t->kind == KC_TASK_PAIN)
    return "Enter log pain 0-10  \xE2\x86\x90\xE2\x86\x92 day  a article  c chart  e end plan  Esc "
           "back";
  return "Space tick  \xE2\x86\x91\xE2\x86\x93 task  \xE2\x86\x90\xE2\x86\x92 day  a article  c "
         "chart  e end plan  Esc back";
}

static void checklist_destroy(struct kc_view *v) {
  struct checklist *c = (struct checklist *)v;
  kc_plan_snapshot_free(&c->snap);
  free(c);
}

static const struct kc_view_ops checklist_ops = {.name = "checklist",
                                                 .draw = checklist_draw,
                                                 .handle = checklist_handle,
                                                 .destroy = checklist_destroy,
                                                 .title = checklist_title,
                                                 .hints = checklist_hints,
                                                 .tick = checklist_tick};

static struct kc_view *checklist_new(struct kc_ui *ui, const struct kc_plan *plan) {
  struct checklist *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  c->base.ops = &checklist_ops;
  char err[256];
  c->last_today = kc_app_today();
  if (kc_plan_snapshot_load(ui->app, plan, c->last_today, &c->snap, err, sizeof err) != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    free(c);
    return NULL;
  }
  c->day = c->snap.shown_day;
  c->seen_writes = ui->writes;
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (udb) kc_userdb_data_version(udb, &c->data_version);
  return &c->base;
}

/* ---- starting a plan ----------------------------------------------------- */

struct starter {
  struct kc_view base;
  struct kc_list list;
};

static void starter_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct starter *s = (struct starter *)v;
  kc_puts(y + 1, 2, w - 4, "Start a 3-day recovery plan", kc_attr(ROLE_HEADING));
  int used =
      kc_put_wrapped(y + 2, 2, 4, w - 4,
                     "Three days of rest from running, ice, compression and elevation, with a "
                     "short safety check each day. When did the pain start?",
                     kc_attr(ROLE_NORMAL));
  kc_list_draw(&s->list, y + 3 + used, h - 3 - used, w);
}

static enum kc_result starter_handle(struct kc_view *v, struct kc_ui *ui,
                                     const struct kc_event *ev) {
  struct starter *s = (struct starter *)v;
  int act;
  enum kc_result r = kc_list_handle(&s->list, ev, &act);
  if (!act) return r;
  if (s->list.sel == s->list.n - 1) {
    kc_ui_push(ui, kc_chart_new(ui, 0));
    return V_HANDLED;
  }
  int today = kc_app_today(), start = today - (int)s->list.sel;
  struct kc_userdb *udb = udb_or_say(ui);
  if (!udb) return V_HANDLED;
  struct kc_plan plan;
  int rc = kc_userdb_plan_start(udb, ui->app->profile.id, start, kc_app_now(), &plan);
  if (rc != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "NOT started: %s", kc_userdb_errmsg(udb));
    return V_HANDLED;
  }
  struct kc_view *c = checklist_new(ui, &plan);
  if (!c) return V_HANDLED;
  kc_viewstack_replace(&ui->stack, c);
  kc_ui_push(ui, kc_recheck_new(ui, plan.id));
  return V_HANDLED;
}

static const char *starter_title(struct kc_view *v) {
  (void)v;
  return "Recovery plan";
}

static void starter_destroy(struct kc_view *v) {
  struct starter *s = (struct starter *)v;
  kc_list_free(&s->list);
  free(s);
}

static const struct kc_view_ops starter_ops = {.name = "plan-start",
                                               .draw = starter_draw,
                                               .handle = starter_handle,
                                               .destroy = starter_destroy,
                                               .title = starter_title};

void kc_plan_open(struct kc_ui *ui) {
  struct kc_userdb *udb = udb_or_say(ui);
  char err[256];
  if (!udb) return;
  if (kc_app_tasks(ui->app, err, sizeof err) != 0) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return;
  }
  struct kc_plan plan;
  int rc = kc_userdb_plan_active(udb, ui->app->profile.id, &plan);
  if (rc == KC_UDB_OK) {
    struct kc_view *c = checklist_new(ui, &plan);
    if (!c) return;
    kc_ui_push(ui, c);
    struct kc_redflag_check last;
    int last_day =
        kc_userdb_redflag_last(udb, plan.id, &last) == KC_UDB_OK ? last.cal_day : KC_DAY_INVALID;
    if (kc_redflag_due(last_day, kc_app_today())) kc_ui_push(ui, kc_recheck_new(ui, plan.id));
    return;
  }
  if (rc != KC_UDB_ENOTFOUND) {
    kc_ui_message(ui, ROLE_WARNING, "%s", kc_userdb_errmsg(udb));
    return;
  }
  struct starter *s = calloc(1, sizeof *s);
  if (!s) return;
  s->base.ops = &starter_ops;
  int today = kc_app_today();
  for (int back = 0; back <= 3; back++) {
    char date[KC_DAY_BUF], text[96];
    kc_day_format(today - back, date);
    static const char *when[] = {"Today", "Yesterday", "2 days ago", "3 days ago"};
    snprintf(text, sizeof text, "%-11s %s %s", when[back], kc_day_weekday_name(today - back), date);
    kc_list_add(&s->list, text, NULL, -1, 0);
  }
  kc_list_add(&s->list, "Pain charts of past plans", NULL, -1, 0);
  kc_ui_push(ui, &s->base);
}
