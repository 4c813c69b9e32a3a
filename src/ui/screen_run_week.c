/* The return to running over time: the week view (every run by programme
 * week with its pain and what the pain rule decided, pauses, the next
 * run) and the chart of pain and minutes run per week, drawn with
 * characters and numbers so it reads without colour. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/day.h"
#include "screen_run.h"

/* ---- the week view ----------------------------------------------------------------- */

struct run_week {
  struct kc_view base;
  struct kc_list list;
  const struct kc_rp_content *content; /* the programme screen's, below this one */
};

static const struct kc_binding week_rows[] = {
    {CMD_CHART, {'c'}, "chart of pain and minutes run per week", "chart", NULL},
};
const struct kc_keymap kc_keys_run_week =
    KC_KEYMAP("Running weeks",
              "Every run by week: the step, the pain during and the next morning, what the pain "
              "rule decided; pauses; the next run.",
              week_rows, &kc_keys_list);

static void week_draw(struct kc_view *vw, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct run_week *s = (struct run_week *)vw;
  kc_list_draw(&s->list, y, h, w);
}

static enum kc_result week_command(struct kc_view *vw, struct kc_ui *ui, enum kc_cmd cmd,
                                   const struct kc_event *ev) {
  struct run_week *s = (struct run_week *)vw;
  if (cmd == CMD_CHART) {
    kc_ui_push(ui, kc_run_chart_new(ui, s->content));
    return V_HANDLED;
  }
  int act;
  enum kc_result r = kc_list_command(&s->list, cmd, ev, &act);
  return act ? V_HANDLED : r;
}

static const char *week_title(struct kc_view *vw) {
  (void)vw;
  return "Weeks";
}

static void week_destroy(struct kc_view *vw) {
  struct run_week *s = (struct run_week *)vw;
  kc_list_free(&s->list);
  free(s);
}

static const struct kc_view_ops week_ops = {.draw = week_draw,
                                            .keys = &kc_keys_run_week,
                                            .command = week_command,
                                            .destroy = week_destroy,
                                            .title = week_title};

static const char *decision_of(const struct kc_run_view *v, int i) {
  for (size_t k = 0; k < v->n_ev; k++)
    if (v->ev_session[k] == i) return kc_rp_step_name(v->dec[k].step);
  return "";
}

struct kc_view *kc_run_week_new(struct kc_ui *ui, const struct kc_rp_content *c) {
  char err[512];
  struct kc_run_view v;
  if (kc_run_view_load(ui->app, c, kc_app_today(), &v, err, sizeof err) != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return NULL;
  }
  struct run_week *s = kc_xcalloc(1, sizeof *s);
  s->base.ops = &week_ops;
  s->content = c;
  char text[256], detail[160], d[32], st[160];
  int last_week = 0;
  for (int i = 0; i < v.n_sessions; i++) {
    const struct kc_run_session *x = &v.sessions[i];
    int wk = x->planned_day >= v.prog.start_day ? (x->planned_day - v.prog.start_day) / 7 + 1 : 1;
    if (wk != last_week) {
      snprintf(text, sizeof text, "Week %d (from %s)", wk,
               kc_run_day_text(v.prog.start_day + (wk - 1) * 7, d, sizeof d));
      kc_list_add(&s->list, text, NULL, ROLE_HEADING, 1);
      last_week = wk;
    }
    struct kc_rp_stage stage = {x->planned_run_minutes, x->planned_walk_minutes,
                                x->planned_repeats};
    char during[16] = "-", morning[16] = "-";
    if (x->pain_during >= 0) snprintf(during, sizeof during, "%d", x->pain_during);
    if (x->pain_next_morning >= 0) snprintf(morning, sizeof morning, "%d", x->pain_next_morning);
    const char *dec = decision_of(&v, i);
    snprintf(text, sizeof text, "%s  step %d: %s; pain %s/10, next morning %s/10%s%s",
             kc_run_day_text(x->planned_day, d, sizeof d), x->week,
             kc_rp_stage_text(&stage, st, sizeof st), during, morning, dec[0] ? ": " : "", dec);
    detail[0] = '\0';
    kc_list_add(&s->list, text, detail[0] ? detail : NULL, -1, 0);
  }
  if (v.n_pauses > 0) kc_list_add(&s->list, "Pauses", NULL, ROLE_HEADING, 1);
  for (int i = 0; i < v.n_pauses; i++) {
    char a[32], b[32];
    snprintf(text, sizeof text, "%s to %s", kc_run_day_text(v.pauses[i].from_day, a, sizeof a),
             kc_day_valid(v.pauses[i].to_day) ? kc_run_day_text(v.pauses[i].to_day, b, sizeof b)
                                              : "now");
    kc_list_add(&s->list, text, kc_pause_reason_name(v.pauses[i].reason), -1, 0);
  }
  kc_list_add(&s->list, "Next", NULL, ROLE_HEADING, 1);
  if (v.active && v.plan.status == KC_RP_ACTIVE && kc_day_valid(v.plan.next_run_day)) {
    snprintf(text, sizeof text, "%s  step %d: %s",
             kc_run_day_text(v.plan.next_run_day, d, sizeof d), v.plan.stage,
             kc_rp_stage_text(&v.plan.session, st, sizeof st));
    kc_list_add(&s->list, text, NULL, -1, 0);
  } else {
    static const char *const words[] = {[KC_RP_ACTIVE] = "No run planned yet",
                                        [KC_RP_PAUSED] = "Paused: p resumes",
                                        [KC_RP_FINISHED] = "Finished",
                                        [KC_RP_ENDED] = "Ended",
                                        [KC_RP_STOPPED] =
                                            "Stopped by a warning sign: no more runs"};
    const char *w = !v.has ? "No programme"
                    : v.plan.status >= KC_RP_ACTIVE && v.plan.status <= KC_RP_STOPPED
                        ? words[v.plan.status]
                        : "Stopped";
    kc_list_add(&s->list, w, NULL, -1, 0);
  }
  kc_list_select_first(&s->list);
  kc_run_view_free(&v);
  return &s->base;
}

/* ---- the chart ---------------------------------------------------------------------- */

struct run_chart {
  struct kc_view base;
  struct kc_run_week wk[KC_RUN_MAX_WEEKS * 2];
  int n;
  int top;
};

static const struct kc_binding chart_rows[] = {
    {CMD_DOWN, {KC_KEY(KEY_DOWN), 'j'}, "scroll down", "scroll", NULL},
    {CMD_UP, {KC_KEY(KEY_UP), 'k'}, "scroll up", NULL, NULL},
};
const struct kc_keymap kc_keys_run_chart =
    KC_KEYMAP("Running chart",
              "Per week: the highest pain (# marks, and the number) and the minutes run (= marks, "
              "and the number).",
              chart_rows, NULL);

static void chart_draw(struct kc_view *vw, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct run_chart *s = (struct run_chart *)vw;
  int row = y;
  row += kc_put_wrapped(row, 1, 2, w - 2, "Pain (highest, 0-10) and minutes run per week",
                        kc_attr(ROLE_HEADING));
  int maxmin = 1;
  for (int i = 0; i < s->n; i++)
    if (s->wk[i].run_minutes > maxmin) maxmin = s->wk[i].run_minutes;
  /* "W12 ##########10 ====...  123" : label 4, pain bar 10 + number 2,
   * a space, the minutes bar and its number 4 */
  int mw = w - 2 - 4 - 12 - 1 - 5;
  if (mw < 1) mw = 1;
  if (mw > 40) mw = 40;
  char hdr[128];
  snprintf(hdr, sizeof hdr, "Wk  pain        minutes run");
  kc_puts(row++, 1, w - 2, hdr, kc_attr(ROLE_DIM));
  int rows = y + h - row, list_top = row;
  if (s->top > s->n - rows) s->top = s->n - rows > 0 ? s->n - rows : 0;
  for (int i = s->top; i < s->n && row < y + h; i++) {
    const struct kc_run_week *k = &s->wk[i];
    char line[160], pain[16], mins[64];
    int p = k->during_max > k->morning_max ? k->during_max : k->morning_max;
    int n = 0;
    for (int j = 0; j < 10; j++) pain[n++] = p >= 0 && j < p ? '#' : '.';
    pain[n] = '\0';
    int fill = (int)((long)k->run_minutes * mw / maxmin);
    if (k->run_minutes > 0 && fill == 0) fill = 1;
    for (n = 0; n < mw; n++) mins[n] = n < fill ? '=' : ' ';
    mins[n] = '\0';
    char pnum[16] = " -";
    if (p >= 0) snprintf(pnum, sizeof pnum, "%2d", p);
    snprintf(line, sizeof line, "W%-2d %s%s %s%4d", i + 1, pain, pnum, mins, k->run_minutes);
    kc_puts(row++, 1, w - 2, line, kc_attr(ROLE_NORMAL));
  }
  if (s->top > 0) kc_puts(list_top, w - 1, 1, kc_glyph(G_UP), kc_attr(ROLE_DIM));
  if (s->top + rows < s->n) kc_puts(y + h - 1, w - 1, 1, kc_glyph(G_DOWN), kc_attr(ROLE_DIM));
}

static enum kc_result chart_command(struct kc_view *vw, struct kc_ui *ui, enum kc_cmd cmd,
                                    const struct kc_event *ev) {
  (void)ui;
  (void)ev;
  struct run_chart *s = (struct run_chart *)vw;
  if (cmd == CMD_DOWN && s->top + 1 < s->n)
    s->top++;
  else if (cmd == CMD_UP && s->top > 0)
    s->top--;
  else
    return V_IGNORED;
  return V_HANDLED;
}

static const char *chart_title(struct kc_view *vw) {
  (void)vw;
  return "Chart";
}

static void chart_destroy(struct kc_view *vw) { free(vw); }

static const struct kc_view_ops chart_ops = {.draw = chart_draw,
                                             .keys = &kc_keys_run_chart,
                                             .command = chart_command,
                                             .destroy = chart_destroy,
                                             .title = chart_title};

struct kc_view *kc_run_chart_new(struct kc_ui *ui, const struct kc_rp_content *c) {
  char err[512];
  struct kc_run_view v;
  if (kc_run_view_load(ui->app, c, kc_app_today(), &v, err, sizeof err) != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return NULL;
  }
  struct run_chart *s = kc_xcalloc(1, sizeof *s);
  s->base.ops = &chart_ops;
  int span = kc_run_weeks(&v, s->wk, KC_RUN_MAX_WEEKS * 2);
  s->n = span < KC_RUN_MAX_WEEKS * 2 ? span : KC_RUN_MAX_WEEKS * 2;
  kc_run_view_free(&v);
  return &s->base;
}
