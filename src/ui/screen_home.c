/* Home: the menu as a dashboard. Its first rows carry today's state: an
 * unfinished symptom check to carry on, the active plan (day k of 3 and
 * what is left today, from app/plan_due.h) or that home care stopped (the
 * level, in its colour, and why), the last check's level and date; the
 * article to continue reading heads the topics; then the tools. The labels
 * stay the same ("3-day recovery plan: day 2 of 3, ..."), so the menu
 * reads alike every day, and it fits 80x24 (the title line shows from 28
 * rows; nothing wraps on a usual day).
 * The dashboard is read once the guide is idle after its first frames (the
 * user data is opened after the first one), then whenever Home is drawn
 * whole: a handful of indexed queries, never on a key that only moves the
 * selection. The bottom of the
 * stack: Back does nothing here and is not hinted; q quits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/plan_due.h"
#include "kneecare/plan_view.h"
#include "kneecare/recovery.h"
#include "kneecare/run_view.h"
#include "kneecare/wizard_run.h"
#include "ui.h"

enum home_kind {
  H_TOPIC,
  H_SEARCH,
  H_HELP,
  H_WIZARD,
  H_PLAN,
  H_HISTORY,
  H_PROFILES,
  H_RUN,
  H_ARTICLE,
  H_READING,
  H_HEADING
};

/* What the dashboard shows (read from the user data). */
struct dash {
  int loaded;
  enum kc_level stopped; /* home care stopped at this level, or NONE */
  char plan[300];        /* the active plan's line, or "" */
  char last[700];        /* the last check, or "" */
  enum kc_level last_level;
  char draft[160];  /* an unfinished check, or "" */
  char reading[80]; /* the article to continue, or "" */
  char run[300];    /* the return to running's line for today, or "" */
  char reading_title[300];
};

struct home {
  struct kc_view base;
  struct kc_list list;
  struct kc_topic *topics;
  size_t n_topics;
  enum home_kind *kinds; /* per list item */
  size_t *index;         /* topic index per list item */
  size_t cap_kinds, cap_index;
  struct dash dash;
};

static const struct kc_binding home_rows[] = {
    {CMD_OPEN,
     {'\r', KC_KEY(KEY_ENTER), KC_KEY(KEY_RIGHT), 'l'},
     "open the selected item",
     "open",
     NULL},
};
const struct kc_keymap kc_keys_home =
    KC_KEYMAP("Home",
              "Today first (home care stopped, the plan's day and what is left, the last check, "
              "an unfinished check, the article to continue), then the symptom check, the "
              "recovery plan, the topics to read, search, profiles and help. q quits from here.",
              home_rows, &kc_keys_list);

static void add(struct home *h, const char *text, const char *detail, enum home_kind k, size_t idx,
                int header, int role) {
  kc_list_add(&h->list, text, detail, role, header);
  KC_GROW(h->kinds, h->cap_kinds, h->list.n);
  KC_GROW(h->index, h->cap_index, h->list.n);
  h->kinds[h->list.n - 1] = header ? H_HEADING : k;
  h->index[h->list.n - 1] = idx;
}

/* ---- the dashboard ---------------------------------------------------------- */

/* "3-day recovery plan: day 2 of 3, safety check, ice now, 2 tasks left":
 * one row at 80 columns (the pain scores are among the tasks). */
static void plan_line(const struct kc_plan_due *due, char *out, size_t n) {
  size_t o = (size_t)snprintf(out, n, "3-day recovery plan: ");
  if (due->day_index >= 1 && due->day_index <= KC_PLAN_DAYS)
    o += (size_t)snprintf(out + o, n - o, "day %d of %d", due->day_index, KC_PLAN_DAYS);
  else
    o += (size_t)snprintf(out + o, n - o, "%s", due->day_index < 1 ? "starts soon" : "over");
  const char *sep = ", ";
  if (due->safety_check) o += (size_t)snprintf(out + o, n - o, "%ssafety check", sep);
  if (due->checkin) o += (size_t)snprintf(out + o, n - o, "%sday-3 check-in", sep);
  if (due->timer_running)
    o += (size_t)snprintf(out + o, n - o, "%sice timer running", sep);
  else if (due->ice_now)
    o += (size_t)snprintf(out + o, n - o, "%sice now", sep);
  else if (due->ice_done < due->ice_target)
    o += (size_t)snprintf(out + o, n - o, "%snext ice later today", sep);
  if (due->tasks_left > 0 && o < n)
    o += (size_t)snprintf(out + o, n - o, "%s%d task%s left", sep, due->tasks_left,
                          due->tasks_left == 1 ? "" : "s");
  if (due->plan_over && o < n) snprintf(out + o, n - o, "%send the plan", sep);
}

static void load_plan(struct dash *d, struct kc_ui *ui, struct kc_userdb *udb) {
  char err[256];
  struct kc_plan plan;
  if (kc_userdb_plan_active(udb, ui->app->profile.id, &plan) != KC_UDB_OK) return;
  enum kc_level worst = KC_LEVEL_NONE;
  if (kc_userdb_redflag_worst(udb, plan.id, &worst) != KC_UDB_OK) worst = KC_LEVEL_NONE;
  enum kc_level level = kc_plan_level(worst, plan.checkin);
  if (level >= KC_LEVEL_SOON) { /* home care stopped: nothing else of the plan matters */
    const char *danger = worst >= KC_LEVEL_SOON ? kc_plan_stop_danger(ui->app, plan.id) : NULL;
    snprintf(d->plan, sizeof d->plan, "3-day recovery plan: %shome care stopped. %s (%s)",
             level >= KC_LEVEL_24H ? "!! " : "", kc_level_title(level),
             danger                   ? danger
             : worst >= KC_LEVEL_SOON ? "a warning sign was reported"
                                      : "the pain is not easing");
    d->stopped = level;
    return;
  }
  struct kc_plan_due due;
  if (kc_plan_due_load(ui->app, time(NULL), &due, err, sizeof err) == KC_UDB_OK && due.active)
    plan_line(&due, d->plan, sizeof d->plan);
}

static void load_dash(struct home *s, struct kc_ui *ui) {
  struct dash *d = &s->dash;
  memset(d, 0, sizeof *d);
  d->loaded = 1;
  char err[256];
  struct kc_userdb *udb =
      ui->app->user_state == 1 && !ui->no_saving ? kc_app_user(ui->app, err, sizeof err) : NULL;
  if (!udb) return;
  int64_t pid = ui->app->profile.id;
  load_plan(d, ui, udb);
  struct kc_run_due run;
  if (kc_run_due_load(ui->app, kc_app_today(), &run, err, sizeof err) == KC_UDB_OK &&
      kc_run_due_any(&run))
    kc_run_due_text(&run, d->run, sizeof d->run);
  struct kc_wizard_summary *runs = NULL;
  int n = 0;
  if (kc_userdb_wizard_summaries(udb, pid, 1, &runs, &n) == KC_UDB_OK && n > 0) {
    char when[32];
    kc_fmt_time(runs[0].at, "%Y-%m-%d", when, sizeof when);
    snprintf(d->last, sizeof d->last, "Past symptom checks: last %s, %s", when,
             kc_level_title(runs[0].level));
    d->last_level = runs[0].level;
  }
  free(runs);
  struct kc_wizard_draft dr = {0};
  if (kc_userdb_draft_load(udb, pid, &dr) == KC_UDB_OK) {
    char when[32];
    kc_fmt_time(dr.saved_at, "%Y-%m-%d %H:%M", when, sizeof when);
    snprintf(d->draft, sizeof d->draft, "Check my symptoms: carry on the unfinished check (%s)",
             when);
    kc_userdb_draft_clear(&dr);
  }
  struct kc_reading *rd = NULL;
  if (kc_userdb_reading_recent(udb, pid, 1, &rd, &n) == KC_UDB_OK && n > 0 &&
      rd[0].position < KC_READING_END) {
    char *t = kc_content_title(kc_app_content(ui->app), rd[0].article_id);
    if (t) {
      snprintf(d->reading, sizeof d->reading, "%s", rd[0].article_id);
      snprintf(d->reading_title, sizeof d->reading_title, "Continue reading: %s", t);
    }
    free(t);
  }
  free(rd);
}

/* ---- the list ----------------------------------------------------------------- */

static enum kc_role level_role(enum kc_level l) {
  return l >= KC_LEVEL_24H ? ROLE_URGENT : l == KC_LEVEL_SOON ? ROLE_WARNING : (enum kc_role) - 1;
}

/* The menu, with today's state in the rows it concerns (the labels stay,
 * so the menu reads the same every day). */
static void build(struct home *s) {
  struct dash *d = &s->dash;
  kc_list_clear(&s->list);
  add(s, "Check and recover", NULL, H_WIZARD, 0, 1, -1);
  if (d->draft[0])
    add(s, d->draft, NULL, H_WIZARD, 0, 0, ROLE_WARNING);
  else
    add(s, "Check my symptoms", "red flags first, then likely causes", H_WIZARD, 0, 0, -1);
  if (d->plan[0])
    add(s, d->plan, NULL, H_PLAN, 0, 0, d->stopped ? (int)level_role(d->stopped) : -1);
  else
    add(s, "3-day recovery plan", "home care that fits the problem", H_PLAN, 0, 0, -1);
  if (d->run[0]) add(s, d->run, NULL, H_RUN, 0, 0, -1);
  if (d->last[0])
    add(s, d->last, NULL, H_HISTORY, 0, 0, (int)level_role(d->last_level));
  else
    add(s, "Past symptom checks", NULL, H_HISTORY, 0, 0, -1);
  add(s, "Read", NULL, H_TOPIC, 0, 1, -1);
  if (d->reading[0]) add(s, d->reading_title, NULL, H_ARTICLE, 0, 0, -1);
  for (size_t i = 0; i < s->n_topics; i++) {
    char count[32];
    snprintf(count, sizeof count, "%d", s->topics[i].n_articles);
    add(s, s->topics[i].title, count, H_TOPIC, i, 0, -1);
  }
  add(s, "Tools", NULL, H_SEARCH, 0, 1, -1);
  add(s, "Search all articles", "/", H_SEARCH, 0, 0, -1);
  add(s, "Bookmarks and recently read", NULL, H_READING, 0, 0, -1);
  if (!d->run[0])
    add(s, "Return to running", "walk-run steps, strength, pain rule", H_RUN, 0, 0, -1);
  add(s, "Profiles", NULL, H_PROFILES, 0, 0, -1);
  add(s, "Help, keys and safety notice", "?", H_HELP, 0, 0, -1);
}

/* Reads the dashboard again and rebuilds the list when it changed,
 * keeping the selection on the same kind of item. */
static void refresh_dash(struct home *s, struct kc_ui *ui) {
  if (ui->app->user_state != 1) return;
  struct dash before = s->dash;
  load_dash(s, ui);
  if (before.loaded && memcmp(&before, &s->dash, sizeof before) == 0) return;
  /* The same item stays selected (its words may have changed: the plan's
   * row gains its day), also when keys came before the first reading. */
  size_t sel = s->list.sel;
  enum home_kind kind = sel < s->list.n ? s->kinds[sel] : H_HEADING;
  size_t idx = sel < s->list.n ? s->index[sel] : 0;
  build(s);
  kc_list_select_first(&s->list);
  for (size_t i = 0; kind != H_HEADING && i < s->list.n; i++)
    if (s->kinds[i] == kind && s->index[i] == idx) {
      s->list.cur.sel = s->list.sel = i;
      break;
    }
}

static void home_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  struct home *s = (struct home *)v;
  /* The first time, once the guide is idle (the first frames stay as quick
   * as before); then on every full draw. */
  if (s->dash.loaded || ui->idle)
    refresh_dash(s, ui);
  else if (ui->app->user_state == 1)
    ui->want_idle = 1;
  int top = y;
  if (h >= 28) {
    kc_puts(y + 1, 2, w - 4, "Inner knee pain after running: a self-care guide",
            kc_attr(ROLE_HEADING));
    top = y + 2;
  }
  /* The safety line always; wrapped on a narrow terminal. */
  top += kc_put_wrapped(top, 2, 2, w - 4,
                        w >= 60 ? "Not a clinician's advice. In an emergency call your local "
                                  "emergency number."
                                : "Emergency? Call your local emergency number.",
                        kc_attr(ROLE_WARNING));
  if (h >= 28) top++;
  kc_list_draw(&s->list, top, h - (top - y), w);
}

static void open_item(struct home *s, struct kc_ui *ui) {
  size_t i = s->list.sel;
  switch (s->kinds[i]) {
  case H_TOPIC: {
    struct kc_topic *t = &s->topics[s->index[i]];
    kc_ui_push(ui, kc_topic_new(ui, t->id, t->title));
    break;
  }
  case H_SEARCH: kc_ui_push(ui, kc_search_new(ui)); break;
  case H_HELP: kc_ui_push(ui, kc_help_new(ui, 0)); break;
  case H_WIZARD: kc_ui_push(ui, kc_wizard_new(ui)); break;
  case H_PLAN: kc_plan_open(ui); break;
  case H_RUN: kc_ui_push(ui, kc_run_open(ui)); break;
  case H_HISTORY: kc_ui_push(ui, kc_history_new(ui)); break;
  case H_PROFILES: kc_ui_push(ui, kc_profiles_new(ui)); break;
  case H_ARTICLE: kc_ui_push(ui, kc_reader_new(ui, s->dash.reading)); break;
  case H_READING: kc_ui_push(ui, kc_reading_new(ui)); break;
  case H_HEADING: break;
  }
}

static enum kc_result home_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                   const struct kc_event *ev) {
  struct home *s = (struct home *)v;
  if (cmd == CMD_BACK) return V_HANDLED; /* nothing below home */
  int act;
  enum kc_result r = kc_list_command(&s->list, cmd, ev, &act);
  if (act) open_item(s, ui);
  return act ? V_HANDLED : r;
}

static void home_destroy(struct kc_view *v) {
  struct home *s = (struct home *)v;
  kc_list_free(&s->list);
  kc_topics_free(s->topics, s->n_topics);
  free(s->kinds);
  free(s->index);
  free(s);
}

static const struct kc_view_ops home_ops = {
    .draw = home_draw, .keys = &kc_keys_home, .command = home_command, .destroy = home_destroy};

struct kc_view *kc_home_new(struct kc_ui *ui) {
  struct home *s = kc_xcalloc(1, sizeof *s);
  s->base.ops = &home_ops;
  if (kc_app_topics(ui->app, &s->topics, &s->n_topics) != 0)
    kc_ui_message(ui, ROLE_WARNING, "Cannot read the topics from the content database");
  build(s);
  kc_list_select_first(&s->list);
  return &s->base;
}
