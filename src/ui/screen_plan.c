/* The 3-day recovery plan: starting one, the day's checklist, and the ice
 * timer. The checklist shows one plan day (Left/Right for the others):
 * each task with its state, ice as a counter with each session's time, the
 * pain score. Space/Enter ticks (past days allowed and marked late; future
 * days read-only); < and > change the day (Left goes back, as everywhere).
 * Every tick, session and score is written to the user database the moment
 * it is entered. What each cell means is decided by core/recovery through
 * app/plan_view. The tasks scroll and the selected task's instructions are
 * shown whole (they are safety text), at every size. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kneecare/day.h"
#include "kneecare/plan_view.h"
#include "kneecare/text.h"
#include "screen_plan.h"

struct checklist {
  struct kc_view base;
  struct kc_plan_snapshot snap;
  int day;              /* plan day shown, 1..3 */
  struct kc_cursor cur; /* cur.sel is the task */
  int64_t data_version;
  unsigned seen_writes;
  int last_today;
  int pending_score;
  enum kc_pain_slot pending_slot;
  int resume_asked; /* the stored timer has been offered */
  int w;            /* width of the last draw */
};

static const struct kc_binding checklist_rows[] = {
    {CMD_TOGGLE,
     {' ', KC_ENTER},
     "tick the task; on the ice row start the 20-minute timer; on the pain row log 0-10 with a "
     "note",
     "tick",
     NULL},
    {CMD_ICE_STOP,
     {'x'},
     "stop the ice timer: asks whether to record the minutes so far or discard them (under a "
     "minute is discarded)",
     "stop timer",
     NULL},
    {CMD_ICE_ADD, {'+'}, "add a finished ice session", "add", NULL},
    {CMD_ICE_REMOVE, {'-'}, "remove the day's last ice session (asks first)", "remove", NULL},
    {CMD_NEXT_DAY, {'>', '.'}, "next day", "day", "< >"},
    {CMD_PREV_DAY, {'<', ','}, "previous day", NULL, NULL},
    {CMD_ARTICLE, {'a'}, "the task's article", "article", NULL},
    {CMD_INFO, {'i'}, "the task's instructions on a page of their own", NULL, NULL},
    {CMD_CHART, {'c'}, "pain chart", "chart", NULL},
    {CMD_EXPORT, {'p'}, "the whole plan as a page (e saves it as a Markdown file)", NULL, NULL},
    {CMD_REPORT, {'r'}, "the report for a physio or doctor (e saves it as a file)", NULL, NULL},
    {CMD_END, {'e'}, "end the plan (asks first; it is kept in your history)", "end plan", NULL},
    {CMD_BETTER,
     {'b'},
     "day-3 check-in: better (asks first, then the five readiness checks)",
     NULL,
     NULL},
    {CMD_SAME, {'s'}, "day-3 check-in: the same (asks first)", NULL, NULL},
    {CMD_WORSE, {'w'}, "day-3 check-in: worse (asks first, then the warning signs)", NULL, NULL},
};
const struct kc_keymap kc_keys_checklist =
    KC_KEYMAP("3-day recovery plan",
              "A short safety check at the first visit each day (any yes stops home care), then "
              "the day's checklist. Past days may be ticked and are marked late; days still to "
              "come are read-only. The ice timer shows in the status line on every screen.",
              checklist_rows, &kc_keys_list);

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

static void fmt_time(int64_t at, char *buf, size_t n) { kc_fmt_time(at, "%H:%M", buf, n); }

/* The ice row: a counter (or "used" for optional ice) and the day's times. */
static void ice_text(const struct checklist *c, const struct kc_plan_task *task,
                     const struct kc_task_day *cell, char *line, size_t ln, char *extra,
                     size_t en) {
  char times[160] = "";
  size_t o = 0;
  for (int i = 0; i < c->snap.n_ice && o < sizeof times; i++) {
    if (c->snap.ice[i].day != c->day) continue;
    char hm[16];
    fmt_time(c->snap.ice[i].at, hm, sizeof hm);
    o += (size_t)snprintf(times + o, sizeof times - o, "%s%s", o ? " " : "", hm);
  }
  if (cell->ice.optional) { /* recorded when used, never a target */
    snprintf(line, ln, "%s", task->label);
    if (cell->ice.count)
      snprintf(extra, en, "used %d time%s at %s", cell->ice.count, cell->ice.count == 1 ? "" : "s",
               times);
  } else {
    snprintf(line, ln, "Ice %d of %d", cell->ice.count, cell->ice.target);
    snprintf(extra, en, "%s%s", times[0] ? "at " : "", times);
  }
}

/* The pain row: both of the day's scores in words, and the last note. */
static void pain_text(const struct checklist *c, char *line, size_t ln, char *extra, size_t en) {
  const struct kc_pain *am = NULL, *pm = NULL;
  for (int i = 0; i < c->snap.n_pains; i++)
    if (c->snap.pains[i].day == c->day) {
      if (c->snap.pains[i].slot == KC_PAIN_MORNING) am = &c->snap.pains[i];
      if (c->snap.pains[i].slot == KC_PAIN_EVENING) pm = &c->snap.pains[i];
    }
  char ams[16] = "-", pms[16] = "-";
  if (am) snprintf(ams, sizeof ams, "%d/10", am->score);
  if (pm) snprintf(pms, sizeof pms, "%d/10", pm->score);
  snprintf(line, ln, "Pain: morning %s, evening %s", ams, pms);
  const struct kc_pain *last = pm && (!am || pm->at >= am->at) ? pm : am;
  if (last && last->note[0]) snprintf(extra, en, "\"%.200s\"", last->note);
}

/* A task's line and the detail shown beside it when it fits. */
static void task_text(const struct checklist *c, size_t t, char *line, size_t ln, char *extra,
                      size_t en) {
  const struct kc_plan_task *task = &c->snap.tasks[t];
  const struct kc_task_day *cell = kc_plan_cell(&c->snap, t, c->day);
  extra[0] = '\0';
  if (task->kind == KC_TASK_ICE) {
    ice_text(c, task, cell, line, ln, extra, en);
  } else if (task->kind == KC_TASK_PAIN) {
    pain_text(c, line, ln, extra, en);
  } else {
    snprintf(line, ln, "%s", task->label);
    if (cell->done) {
      char hm[16];
      fmt_time(cell->at, hm, sizeof hm);
      snprintf(extra, en, "done %s", hm);
    }
  }
  if (task->target == 0 && task->kind != KC_TASK_PAIN)
    strncat(extra, extra[0] ? " (optional)" : "(optional)", en - strlen(extra) - 1);
  if (cell->state == KC_TASK_DONE_LATE) strncat(extra, " late", en - strlen(extra) - 1);
}

static void draw_task(struct checklist *c, size_t t, int row, int w, int selected) {
  const struct kc_task_day *cell = kc_plan_cell(&c->snap, t, c->day);
  attr_t a = selected                        ? kc_attr(ROLE_SELECTED)
             : cell->state == KC_TASK_FUTURE ? kc_attr(ROLE_DIM)
                                             : kc_attr(ROLE_NORMAL);
  char line[512], extra[256];
  task_text(c, t, line, sizeof line, extra, sizeof extra);
  int x = 2;
  x += kc_puts(row, x, 4, cell->done ? "[x]" : "[ ]", cell->done ? kc_attr(ROLE_OK) : a);
  x += 1;
  if ((int)kc_text_width(line, strlen(line)) > w - x - 2) { /* wrapped whole */
    kc_put_wrapped(row, x, 3, w - x - 2, line, a);
    return;
  }
  int used = kc_puts(row, x, w - x - 2, line, a);
  /* The detail only when it fits whole beside the task. */
  if (extra[0] && x + used + 2 + (int)kc_text_width(extra, strlen(extra)) <= w - 1)
    kc_puts(row, x + used + 2, w - x - used - 3, extra, kc_attr(ROLE_DIM));
}

/* Rows a task takes: its label wrapped at the width of the last draw. */
static int task_rows(void *ctx, size_t t) {
  struct checklist *c = ctx;
  const struct kc_plan_task *task = &c->snap.tasks[t];
  if (task->kind != KC_TASK_CHECK || c->w <= 8) return 1;
  int n = kc_wrapped_rows(task->label, c->w - 1 - 6 - 2);
  return n > 3 ? 3 : n;
}

/* ---- the stop banner, on every plan screen --------------------------------- */

static void banner_text(const struct kc_plan_snapshot *s, int h, char *buf, size_t n) {
  buf[0] = '\0';
  if (s->level < KC_LEVEL_SOON) return;
  const char *action = h >= 20 ? s->stop_action : NULL;
  if (s->stopped)
    snprintf(buf, n, "!! %s: %s. Home care has stopped.%s%s", kc_level_title(s->level),
             s->stop_danger ? s->stop_danger : "a warning sign was reported", action ? " " : "",
             action ? action : "");
  else if (s->plan.checkin == KC_CHECKIN_WORSE)
    snprintf(buf, n, "!! %s: the knee is getting worse after 3 days of home care.",
             kc_level_title(s->level));
  else
    snprintf(buf, n, "!! %s: the pain is not easing after 3 days of home care.",
             kc_level_title(s->level));
}

int kc_plan_banner_rows(const struct kc_plan_snapshot *s, int w, int h) {
  char text[640];
  banner_text(s, h, text, sizeof text);
  return text[0] ? kc_wrapped_rows(text, w - 2) : 0;
}

int kc_plan_banner(const struct kc_plan_snapshot *s, int y, int w, int h) {
  char text[640];
  banner_text(s, h, text, sizeof text);
  if (!text[0]) return 0;
  int n = kc_wrapped_rows(text, w - 2);
  /* reverse video on top of the colour: a banner even without colour */
  for (int i = 0; i < n; i++) kc_fill(y + i, 0, w, kc_attr(ROLE_DANGER) | A_REVERSE);
  kc_put_wrapped(y, 1, n, w - 2, text, kc_attr(ROLE_DANGER) | A_REVERSE | A_BOLD);
  return n;
}

static void checklist_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct checklist *c = (struct checklist *)v;
  int row = y + (h >= 16);
  char head[160], date[KC_DAY_BUF];
  kc_day_format(kc_plan_day_date(c->snap.plan.start_day, c->day), date);
  snprintf(head, sizeof head, "Day %d of 3  %s  %s %s%s  %s  %s", c->day, kc_glyph(G_DOT),
           kc_day_weekday_name(kc_plan_day_date(c->snap.plan.start_day, c->day)), date,
           c->day == c->snap.day_index  ? "  (today)"
           : c->day > c->snap.day_index ? "  (still to come: read-only)"
                                        : "  (past: ticks are marked late)",
           h >= 16 ? kc_glyph(G_DOT) : "", h >= 16 ? kc_plan_kind_title(c->snap.kind) : "");
  row += kc_put_wrapped(row, 2, 3, w - 4, head, kc_attr(ROLE_HEADING));
  /* Day tabs, readable without colour: the shown day in brackets; the
   * progress after them when it fits (never over the heading). */
  int x = 2;
  for (int d = 1; d <= KC_PLAN_DAYS; d++) {
    char tab[24];
    snprintf(tab, sizeof tab, d == c->day ? "[Day %d]" : " Day %d ", d);
    x += kc_puts(row, x, 10, tab, d == c->day ? kc_attr(ROLE_STRONG) : kc_attr(ROLE_DIM)) + 1;
  }
  struct kc_progress p = c->snap.progress[c->day - 1];
  char prog[64];
  snprintf(prog, sizeof prog, "%d/%d done  < > other days", p.done, p.total);
  if ((int)strlen(prog) > w - x - 3) prog[strcspn(prog, " ")] = '\0'; /* whole words only */
  if ((int)strlen(prog) <= w - x - 3) kc_puts(row, x + 1, w - x - 3, prog, kc_attr(ROLE_DIM));
  row += 1 + (h >= 16);
  if (c->snap.level >= KC_LEVEL_SOON) {
    row += kc_plan_banner(&c->snap, row, w, h) + (h >= 16);
  } else if (kc_checkin_due(c->snap.day_index) && c->snap.plan.checkin == KC_CHECKIN_NONE) {
    row += kc_put_wrapped(row, 2, 2, w - 4,
                          "Day 3 check-in: is the pain easing?  b better  s same  w worse",
                          kc_attr(ROLE_WARNING)) +
           1;
  } else if (c->snap.plan.checkin != KC_CHECKIN_NONE) {
    char said[96];
    snprintf(said, sizeof said, "Day 3 check-in answered: %s",
             kc_checkin_name(c->snap.plan.checkin));
    row += kc_put_wrapped(row, 2, 2, w - 4, said, kc_attr(ROLE_NORMAL)) + 1;
  }
  /* The selected task's instructions are safety text: shown whole under
   * the tasks, which scroll in what is left (at least two rows). */
  /* Once home care has stopped the tasks are off: no instructions. */
  const char *detail =
      c->cur.sel < c->snap.n_tasks && !c->snap.stopped ? c->snap.tasks[c->cur.sel].detail : "";
  /* The instructions at a reading width, right under the tasks. */
  const int dw = w - 4 > 76 ? 76 : w - 4;
  int drows = kc_wrapped_rows(detail, dw), bottom = y + h;
  c->w = w;
  int need = 0; /* rows every task takes */
  for (size_t t = 0; t < c->snap.n_tasks; t++) need += task_rows(c, t);
  int tasks = bottom - row - (drows ? drows + 1 : 0);
  if (tasks > need) tasks = need;
  if (tasks < 2) tasks = 2;
  c->cur.ctx = c;
  c->cur.height = task_rows;
  kc_cursor_set(&c->cur, c->snap.n_tasks);
  kc_cursor_layout(&c->cur, row, tasks);
  size_t end = kc_cursor_end(&c->cur);
  for (size_t t = c->cur.top; t < end; t++)
    draw_task(c, t, kc_cursor_row(&c->cur, t), w - 1, t == c->cur.sel);
  if (c->cur.top > 0) kc_puts(row, w - 1, 1, kc_glyph(G_UP), kc_attr(ROLE_DIM));
  if (end < c->snap.n_tasks)
    kc_puts(row + tasks - 1, w - 1, 1, kc_glyph(G_DOWN), kc_attr(ROLE_DIM));
  int room = bottom - row - tasks - 1;
  if (drows <= room) {
    kc_put_wrapped(row + tasks + 1, 2, room, dw, detail, kc_attr(ROLE_SAFETY));
  } else if (room > 0) { /* too small to show it whole: say where it is */
    kc_put_wrapped(row + tasks + 1, 2, room - 1, dw, detail, kc_attr(ROLE_SAFETY));
    kc_puts(bottom - 1, 2, w - 4, "(more: i shows all of it)", kc_attr(ROLE_WARNING));
  }
}

struct kc_userdb *kc_plan_udb(struct kc_ui *ui) {
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

static int note_done(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  struct checklist *c = (struct checklist *)v;
  struct kc_userdb *udb = kc_plan_udb(ui);
  char err[128];
  if (!yes || !udb) return 0;
  if (!kc_note_check(text, err, sizeof err)) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return 1;
  }
  saved_or_say(ui, udb,
               kc_userdb_pain_set_slot(udb, c->snap.plan.id, c->day, c->pending_slot,
                                       c->pending_score, text, kc_app_now()),
               "Pain score and note");
  reload(c, ui);
  return 0;
}

static int pain_done(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  struct checklist *c = (struct checklist *)v;
  struct kc_userdb *udb = kc_plan_udb(ui);
  if (!yes || !udb) return 0;
  char *end;
  long val = strtol(text, &end, 10);
  if (!text[0] || *end || val < KC_PAIN_MIN || val > KC_PAIN_MAX) {
    kc_ui_message(ui, ROLE_WARNING, "A pain score is a whole number from 0 to 10");
    return 1; /* asks again: the next keys must not act on the checklist */
  }
  c->pending_score = (int)val;
  /* Save the score now (NULL keeps the slot's earlier note): the note is
   * extra, a kill must not lose the score. The note prompt starts from the
   * earlier note, so Enter keeps it. */
  saved_or_say(ui, udb,
               kc_userdb_pain_set_slot(udb, c->snap.plan.id, c->day, c->pending_slot,
                                       c->pending_score, NULL, kc_app_now()),
               "Pain score");
  struct kc_pain old;
  int had =
      kc_userdb_pain_get_slot(udb, c->snap.plan.id, c->day, c->pending_slot, &old) == KC_UDB_OK;
  kc_prompt(ui, v, "Note (optional):", had ? old.note : "", KC_NOTE_MAX, note_done);
  return 0;
}

/* Which of the day's two scores: m(orning) or e(vening), the slot of the
 * hour offered first (Enter takes it). */
static int slot_done(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  struct checklist *c = (struct checklist *)v;
  if (!yes) return 0;
  if (strcmp(text, "m") == 0 || strcmp(text, "M") == 0)
    c->pending_slot = KC_PAIN_MORNING;
  else if (strcmp(text, "e") == 0 || strcmp(text, "E") == 0)
    c->pending_slot = KC_PAIN_EVENING;
  else {
    kc_ui_message(ui, ROLE_WARNING, "Type m for the morning score or e for the evening one");
    return 1;
  }
  char q[96];
  snprintf(q, sizeof q,
           "%s pain, 0-10:", c->pending_slot == KC_PAIN_MORNING ? "Morning" : "Evening");
  kc_prompt(ui, v, q, NULL, 2, pain_done);
  return 0;
}

/* Home care has stopped: the tasks and the timer are off. */
static int refuse_stopped(struct checklist *c, struct kc_ui *ui) {
  if (!c->snap.stopped) return 0;
  kc_ui_message(ui, ROLE_WARNING, "Home care has stopped (%s): get help as the banner says",
                kc_level_title(c->snap.level));
  return 1;
}

static void activate(struct checklist *c, struct kc_ui *ui) {
  if (c->cur.sel >= c->snap.n_tasks) return;
  const struct kc_plan_task *task = &c->snap.tasks[c->cur.sel];
  const struct kc_task_day *cell = kc_plan_cell(&c->snap, c->cur.sel, c->day);
  if (cell->state == KC_TASK_FUTURE || !kc_plan_day_editable(c->day, c->snap.day_index)) {
    kc_ui_message(ui, ROLE_WARNING, "Day %d has not come yet: it is read-only", c->day);
    return;
  }
  if (refuse_stopped(c, ui)) return;
  struct kc_userdb *udb = kc_plan_udb(ui);
  if (!udb) return;
  if (task->kind == KC_TASK_CHECK) {
    int rc = cell->done ? kc_userdb_untick(udb, c->snap.plan.id, task->id, c->day, kc_app_now())
                        : kc_userdb_tick(udb, c->snap.plan.id, task->id, c->day, kc_app_now());
    saved_or_say(ui, udb, rc, cell->done ? "Untick" : "Tick");
  } else if (task->kind == KC_TASK_ICE) {
    if (ui->ice.running) {
      kc_ui_message(ui, ROLE_NORMAL, "The ice timer is running: x stops it");
      return;
    }
    kc_ice_start(ui, c->snap.plan.id, c->day);
    kc_ui_message(ui, ROLE_OK, "Ice timer started: check the skin after %d minutes",
                  KC_ICE_SKIN_CHECK_MINUTES);
  } else {
    time_t now = kc_app_now();
    struct tm tm;
    int hour = localtime_r(&now, &tm) ? tm.tm_hour : 12;
    kc_prompt(ui, &c->base,
              "Score: m morning, e evening:", kc_pain_slot_at(hour) == KC_PAIN_MORNING ? "m" : "e",
              1, slot_done);
  }
  reload(c, ui);
}

/* The day-3 answer, once confirmed: "worse" asks the warning signs again
 * (the re-check records the check-in with its level); "better" is
 * recorded and asks the five readiness checks; "same" is recorded and
 * shows its advice. */
static enum kc_checkin pending_checkin;

static int checkin_done(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  (void)text;
  struct checklist *c = (struct checklist *)v;
  enum kc_checkin answer = pending_checkin;
  struct kc_userdb *udb = yes ? kc_plan_udb(ui) : NULL;
  if (!udb) return 0;
  if (answer == KC_CHECKIN_WORSE) {
    kc_ui_push(ui, kc_recheck_new_mode(ui, c->snap.plan.id, 1));
    return 0;
  }
  int rc = kc_userdb_plan_checkin(udb, c->snap.plan.id, answer, kc_app_now());
  if (rc != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "NOT saved: %s", kc_userdb_errmsg(udb));
    return 0;
  }
  reload(c, ui);
  if (answer == KC_CHECKIN_BETTER)
    kc_ui_push(ui, kc_readiness_new(ui, c->snap.plan.id));
  else
    kc_ui_push(ui, kc_checkin_page(ui, answer, c->snap.level, NULL));
  return 0;
}

static void checkin(struct checklist *c, struct kc_ui *ui, enum kc_checkin answer) {
  if (!kc_checkin_due(c->snap.day_index)) {
    kc_ui_message(ui, ROLE_NORMAL, "The check-in comes on day 3");
    return;
  }
  if (refuse_stopped(c, ui)) return;
  pending_checkin = answer;
  static const char *const q[] = {[KC_CHECKIN_BETTER] = "Record: better?",
                                  [KC_CHECKIN_SAME] = "Record: the same?",
                                  [KC_CHECKIN_WORSE] = "Record: worse?"};
  kc_confirm(ui, &c->base, q[answer], checkin_done);
}

static int end_done(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  (void)text;
  struct checklist *c = (struct checklist *)v;
  struct kc_userdb *udb = yes ? kc_plan_udb(ui) : NULL;
  if (!udb) return 0;
  if (kc_userdb_plan_end(udb, c->snap.plan.id, kc_app_now()) == KC_UDB_OK) {
    kc_ui_message(ui, ROLE_OK, "Plan ended and kept in your history");
    kc_viewstack_pop(&ui->stack);
  } else {
    kc_ui_message(ui, ROLE_WARNING, "NOT ended: %s", kc_userdb_errmsg(udb));
  }
  return 0;
}

static int remove_done(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  (void)text;
  struct checklist *c = (struct checklist *)v;
  struct kc_userdb *udb = yes ? kc_plan_udb(ui) : NULL;
  if (!udb) return 0;
  int64_t last = 0;
  for (int i = 0; i < c->snap.n_ice; i++)
    if (c->snap.ice[i].day == c->day) last = c->snap.ice[i].id;
  if (last) saved_or_say(ui, udb, kc_userdb_ice_delete(udb, last), "Removal");
  reload(c, ui);
  return 0;
}

/* x: a timer stopped within its first minute (an accidental start) is
 * discarded; later, the minutes so far are recorded or discarded as the
 * person says. */
static int stop_done(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  (void)text;
  struct checklist *c = (struct checklist *)v;
  if (!ui->ice.running) return 0;
  if (yes) {
    kc_ice_finish(ui, 1);
  } else {
    kc_ice_cancel(ui);
    kc_ui_message(ui, ROLE_OK, "Ice timer cancelled: nothing recorded");
  }
  reload(c, ui);
  return 0;
}

static void ice_stop(struct checklist *c, struct kc_ui *ui) {
  if (!ui->ice.running) {
    kc_ui_message(ui, ROLE_NORMAL, "No ice timer is running");
    return;
  }
  int used = ui->ice.total_seconds - kc_ice_left(ui);
  if (used < 60) {
    kc_ice_cancel(ui);
    kc_ui_message(ui, ROLE_OK, "Ice timer cancelled after %d s: nothing recorded", used);
    reload(c, ui);
    return;
  }
  char q[128];
  snprintf(q, sizeof q, "Record %d min of ice? n discards", (used + 59) / 60);
  kc_confirm(ui, &c->base, q, stop_done);
}

/* + and - on the ice row: add a finished session, remove the day's last. */
static void ice_edit(struct checklist *c, struct kc_ui *ui, int add) {
  const struct kc_plan_task *task = &c->snap.tasks[c->cur.sel];
  if (task->kind != KC_TASK_ICE || !kc_plan_day_editable(c->day, c->snap.day_index)) return;
  if (add && refuse_stopped(c, ui)) return;
  struct kc_userdb *udb = kc_plan_udb(ui);
  if (!udb) return;
  if (add) {
    saved_or_say(
        ui, udb,
        kc_userdb_ice_add(udb, c->snap.plan.id, c->day, kc_app_now(), KC_ICE_MINUTES, NULL),
        "Ice session");
  } else {
    int64_t last = 0;
    for (int i = 0; i < c->snap.n_ice; i++)
      if (c->snap.ice[i].day == c->day) last = c->snap.ice[i].id;
    if (!last) {
      kc_ui_message(ui, ROLE_NORMAL, "No ice session on day %d to remove", c->day);
      return;
    }
    kc_confirm(ui, &c->base, "Remove the last ice session?", remove_done);
    return;
  }
  reload(c, ui);
}

static enum kc_result checklist_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                        const struct kc_event *ev) {
  struct checklist *c = (struct checklist *)v;
  const char *art = c->cur.sel < c->snap.n_tasks ? c->snap.tasks[c->cur.sel].article_id : NULL;
  switch (cmd) {
  case CMD_ICE_STOP: ice_stop(c, ui); return V_HANDLED;
  case CMD_ICE_ADD:
  case CMD_ICE_REMOVE: ice_edit(c, ui, cmd == CMD_ICE_ADD); return V_HANDLED;
  case CMD_ARTICLE:
    if (art && *art) kc_ui_push(ui, kc_reader_new(ui, art));
    return V_HANDLED;
  case CMD_CHART: kc_ui_push(ui, kc_chart_new(ui, c->snap.plan.id)); return V_HANDLED;
  case CMD_REPORT: kc_ui_push(ui, kc_report_view(ui, 0)); return V_HANDLED;
  case CMD_EXPORT: {
    struct kc_strbuf md = {0};
    kc_plan_markdown(&md, ui->app->profile.name, &c->snap);
    kc_ui_push(ui,
               kc_reader_new_page(ui, "3-day recovery plan", "Every day's tasks, times and notes",
                                  kc_strbuf_str(&md), "plan"));
    kc_strbuf_free(&md);
    return V_HANDLED;
  }
  case CMD_INFO:
    if (c->cur.sel < c->snap.n_tasks) {
      struct kc_strbuf md = {0};
      kc_strbuf_put_md(&md, c->snap.tasks[c->cur.sel].detail);
      kc_ui_push(ui,
                 kc_reader_new_text(ui, c->snap.tasks[c->cur.sel].label, "", kc_strbuf_str(&md)));
      kc_strbuf_free(&md);
    }
    return V_HANDLED;
  case CMD_END: kc_confirm(ui, v, "End this plan? (kept in history)", end_done); return V_HANDLED;
  case CMD_BETTER: checkin(c, ui, KC_CHECKIN_BETTER); return V_HANDLED;
  case CMD_SAME: checkin(c, ui, KC_CHECKIN_SAME); return V_HANDLED;
  case CMD_WORSE: checkin(c, ui, KC_CHECKIN_WORSE); return V_HANDLED;
  case CMD_PREV_DAY:
    if (c->day > 1) c->day--;
    return V_HANDLED;
  case CMD_NEXT_DAY:
    if (c->day < KC_PLAN_DAYS) c->day++;
    return V_HANDLED;
  case CMD_TOGGLE: activate(c, ui); return V_HANDLED;
  case CMD_MOUSE_EVENT:
    if (ev->wheel) kc_cursor_wheel(&c->cur, ev->wheel);
    if (ev->click && kc_cursor_click(&c->cur, ev->mouse_y) >= 0) activate(c, ui);
    return V_HANDLED;
  default: return kc_cursor_command(&c->cur, cmd) == KC_CUR_IGNORED ? V_IGNORED : V_HANDLED;
  }
}

static const struct kc_plan_task *sel_task(struct checklist *c) {
  return c->cur.sel < c->snap.n_tasks ? &c->snap.tasks[c->cur.sel] : NULL;
}

static int checklist_enabled(struct kc_view *v, enum kc_cmd cmd) {
  struct checklist *c = (struct checklist *)v;
  const struct kc_plan_task *t = sel_task(c);
  int ice = t && t->kind == KC_TASK_ICE;
  if (c->snap.stopped && (cmd == CMD_TOGGLE || cmd == CMD_ICE_ADD || cmd == CMD_ICE_STOP))
    return 0; /* home care has stopped: not offered */
  switch (cmd) {
  case CMD_ICE_STOP:
  case CMD_ICE_ADD:
  case CMD_ICE_REMOVE: return ice;
  case CMD_ARTICLE: return t && t->article_id && *t->article_id;
  default: return 1;
  }
}

static const char *checklist_hint_word(struct kc_view *v, enum kc_cmd cmd) {
  const struct kc_plan_task *t = sel_task((struct checklist *)v);
  if (cmd != CMD_TOGGLE || !t) return NULL;
  return t->kind == KC_TASK_ICE    ? "start 20-min timer"
         : t->kind == KC_TASK_PAIN ? "log pain"
                                   : NULL;
}

/* A timer stored by an earlier session (quit or crash): resume it, or
 * record it if its time is up; n discards it without recording. */
static int resume_done(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  (void)text;
  struct checklist *c = (struct checklist *)v;
  char err[64];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  struct kc_ice_running t;
  if (!udb || ui->ice.running || kc_userdb_ice_timer_get(udb, c->snap.plan.id, &t) != KC_UDB_OK)
    return 0;
  if (kc_userdb_timer_held_elsewhere(udb, KC_TIMER_ICE, t.plan_id)) { /* since it was asked */
    kc_ui_message(ui, ROLE_NORMAL, "The ice timer runs in another window.");
    return 0;
  }
  if (!yes) {
    kc_userdb_ice_timer_cancel(udb, t.plan_id);
    kc_ui_message(ui, ROLE_OK, "Ice timer discarded: nothing recorded");
  } else {
    long long left = t.started_at + t.seconds - (long long)kc_app_now();
    if (left < 0) left = 0;
    if (left > t.seconds) left = t.seconds; /* a clock set back */
    kc_ice_run(ui, t.plan_id, t.day, t.seconds, (int)left);
    if (left == 0)
      kc_ice_finish(ui, 0); /* its time is up: record it */
    else
      kc_ui_message(ui, ROLE_OK, "Ice timer resumed");
  }
  ui->writes++;
  reload(c, ui);
  return 0;
}

/* Asked at the checklist's first tick, which the loop runs as soon as the
 * checklist is on top (opened, or uncovered by the day's warning-sign
 * check): with its first frame. */
static void offer_resume(struct checklist *c, struct kc_ui *ui, struct kc_userdb *udb) {
  c->resume_asked = 1;
  struct kc_ice_running t;
  if (ui->ice.running || kc_userdb_ice_timer_get(udb, c->snap.plan.id, &t) != KC_UDB_OK) return;
  /* Running in another window on this profile: that window records it.
   * (Short enough for a 40-column status line.) */
  if (kc_userdb_timer_held_elsewhere(udb, KC_TIMER_ICE, t.plan_id)) {
    kc_ui_message(ui, ROLE_NORMAL, "The ice timer runs in another window.");
    return;
  }
  if (c->snap.stopped) { /* home care stopped: the timer is off */
    kc_userdb_ice_timer_cancel(udb, t.plan_id);
    return;
  }
  char hm[16], q[160];
  fmt_time(t.started_at, hm, sizeof hm);
  snprintf(q, sizeof q, "Resume ice timer from %s?", hm);
  kc_confirm(ui, &c->base, q, resume_done);
}

static int checklist_tick(struct kc_view *v, struct kc_ui *ui) {
  struct checklist *c = (struct checklist *)v;
  char err[64];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (!udb) return 0;
  if (!c->resume_asked && !ui->modal.active) {
    offer_resume(c, ui, udb);
    return 1;
  }
  /* Home care stopped while the timer ran: the minutes so far are kept. */
  if (c->snap.stopped && ui->ice.running && ui->ice.plan_id == c->snap.plan.id)
    kc_ice_finish(ui, 1);
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
    /* once home care has stopped, the banner says what to do: no more checks */
    if (!c->snap.stopped && kc_redflag_due(last_day, today))
      kc_ui_push(ui, kc_recheck_new(ui, c->snap.plan.id));
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
  (void)v;
  return "Recovery plan";
}

static void checklist_destroy(struct kc_view *v) {
  struct checklist *c = (struct checklist *)v;
  kc_plan_snapshot_free(&c->snap);
  free(c);
}

static const struct kc_view_ops checklist_ops = {.draw = checklist_draw,
                                                 .keys = &kc_keys_checklist,
                                                 .command = checklist_command,
                                                 .enabled = checklist_enabled,
                                                 .hint_word = checklist_hint_word,
                                                 .destroy = checklist_destroy,
                                                 .title = checklist_title,
                                                 .tick = checklist_tick};

struct kc_view *kc_checklist_new(struct kc_ui *ui, const struct kc_plan *plan) {
  struct checklist *c = kc_xcalloc(1, sizeof *c);
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
  kc_cursor_set(&c->cur, c->snap.n_tasks);
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (udb) kc_userdb_data_version(udb, &c->data_version);
  return &c->base;
}

void kc_plan_open(struct kc_ui *ui) { kc_plan_open_for(ui, KC_PLAN_KIND_NONE, NULL); }

void kc_plan_open_for(struct kc_ui *ui, enum kc_plan_kind kind, const char *cause_id) {
  struct kc_userdb *udb = kc_plan_udb(ui);
  char err[256];
  if (!udb) return;
  if (kc_app_tasks(ui->app, err, sizeof err) != 0) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return;
  }
  struct kc_plan plan;
  int rc = kc_userdb_plan_active(udb, ui->app->profile.id, &plan);
  if (rc == KC_UDB_OK) {
    struct kc_view *c = kc_checklist_new(ui, &plan);
    if (!c) return;
    kc_ui_push(ui, c);
    struct kc_redflag_check last;
    int last_day =
        kc_userdb_redflag_last(udb, plan.id, &last) == KC_UDB_OK ? last.cal_day : KC_DAY_INVALID;
    if (!((struct checklist *)c)->snap.stopped && kc_redflag_due(last_day, kc_app_today()))
      kc_ui_push(ui, kc_recheck_new(ui, plan.id));
    return;
  }
  if (rc != KC_UDB_ENOTFOUND) {
    kc_ui_message(ui, ROLE_WARNING, "%s", kc_userdb_errmsg(udb));
    return;
  }
  kc_ui_push(ui, kc_plan_starter_new(kind, cause_id));
}
