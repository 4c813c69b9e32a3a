/* Pain over the days: the plan's scores (and past plans') as text bars, so
 * the chart reads the same with or without colour. */
#include <stdlib.h>
#include <string.h>

#include "kneecare/day.h"
#include "screen_plan.h"

struct chart {
  struct kc_view base;
  struct kc_strbuf text;        /* composed once: one line per row */
  struct kc_cursor cur;         /* scrolling over the lines */
  struct kc_plan_snapshot snap; /* the plan shown first, for its stop banner */
  int has_snap;
};

static const struct kc_binding chart_rows[] = {
    {CMD_TOP, {'g'}, "the current plan", NULL, NULL},
};
const struct kc_keymap kc_keys_chart =
    KC_KEYMAP("Pain chart", "Pain scores by day, as bars that read the same without colour.",
              chart_rows, &kc_keys_scroll);

static void add_plan(struct chart *c, struct kc_userdb *udb, const struct kc_plan *p) {
  char date[KC_DAY_BUF];
  kc_day_format(p->start_day, date);
  kc_strbuf_printf(&c->text, "%s plan started %s\n", p->ended_at ? "Finished" : "Current", date);
  struct kc_pain *pain = NULL;
  int n = 0;
  if (kc_userdb_pain_list(udb, p->id, &pain, &n) != KC_UDB_OK) n = 0;
  /* Each day's morning and evening score, in words and as a bar of 10
   * cells (two columns each) that reads the same without colour. */
  for (int d = 1; d <= KC_PLAN_DAYS; d++) {
    for (int slot = KC_PAIN_MORNING; slot <= KC_PAIN_EVENING; slot++) {
      const struct kc_pain *found = NULL;
      for (int i = 0; i < n; i++)
        if (pain[i].day == d && (int)pain[i].slot == slot) found = &pain[i];
      char lead[32];
      if (slot == KC_PAIN_MORNING)
        snprintf(lead, sizeof lead, "  Day %d %-7s ", d, "morning");
      else
        snprintf(lead, sizeof lead, "        %-7s ", "evening");
      kc_strbuf_put(&c->text, lead);
      if (!found) {
        kc_strbuf_printf(&c->text, "%-20s  -\n", "(no score)");
        continue;
      }
      for (int k = 0; k < 10; k++)
        for (int half = 0; half < 2; half++)
          kc_strbuf_put(&c->text, k < found->score ? kc_glyph(G_BAR) : kc_glyph(G_DOT));
      kc_strbuf_printf(&c->text, "  %2d/10  %s\n", found->score, found->note);
    }
  }
  kc_strbuf_put(&c->text, "\n");
  free(pain);
}

static void chart_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct chart *c = (struct chart *)v;
  int top = y;
  if (c->has_snap) top += kc_plan_banner(&c->snap, y, w, h);
  kc_puts(top + (h >= 16), 2, w - 4, "Pain morning and evening (0 none, 10 worst)",
          kc_attr(ROLE_HEADING));
  const int bottom = y + h, first = top + 1 + 2 * (h >= 16);
  y = first - 3; /* the lines below run from y + 3 to the bottom */
  h = bottom - y;
  const char *s = kc_strbuf_str(&c->text);
  size_t lines = 0;
  for (const char *p = s; *p; p++) lines += *p == '\n';
  c->cur.scroll_only = 1;
  kc_cursor_set(&c->cur, lines);
  kc_cursor_layout(&c->cur, y + 3, h - 3);
  size_t line = 0;
  int row = y + 3;
  while (*s && row < y + h) {
    size_t n = strcspn(s, "\n");
    if (line >= c->cur.top)
      kc_put(row++, 2, w - 4, s, n, *s != ' ' ? kc_attr(ROLE_STRONG) : kc_attr(ROLE_NORMAL));
    line++;
    s += n + (s[n] == '\n');
  }
}

static enum kc_result chart_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                    const struct kc_event *ev) {
  (void)ui;
  struct chart *c = (struct chart *)v;
  if (cmd == CMD_MOUSE_EVENT) {
    if (ev->wheel) kc_cursor_wheel(&c->cur, ev->wheel);
    return V_HANDLED;
  }
  return kc_cursor_command(&c->cur, cmd) == KC_CUR_IGNORED ? V_IGNORED : V_HANDLED;
}

static const char *chart_title(struct kc_view *v) {
  (void)v;
  return "Pain chart";
}

static void chart_destroy(struct kc_view *v) {
  struct chart *c = (struct chart *)v;
  kc_strbuf_free(&c->text);
  if (c->has_snap) kc_plan_snapshot_free(&c->snap);
  free(c);
}

static const struct kc_view_ops chart_ops = {.draw = chart_draw,
                                             .keys = &kc_keys_chart,
                                             .command = chart_command,
                                             .destroy = chart_destroy,
                                             .title = chart_title};

struct kc_view *kc_chart_new(struct kc_ui *ui, int64_t plan_id) {
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (!udb) {
    kc_ui_message(ui, ROLE_WARNING, "Your data is not available: %s", err);
    return NULL;
  }
  struct chart *c = kc_xcalloc(1, sizeof *c);
  c->base.ops = &chart_ops;
  struct kc_plan p;
  if ((plan_id && kc_userdb_plan_get(udb, plan_id, &p) == KC_UDB_OK) ||
      kc_userdb_plan_active(udb, ui->app->profile.id, &p) == KC_UDB_OK) {
    add_plan(c, udb, &p);
    plan_id = p.id;
    c->has_snap =
        kc_app_tasks(ui->app, err, sizeof err) == 0 &&
        kc_plan_snapshot_load(ui->app, &p, kc_app_today(), &c->snap, err, sizeof err) == KC_UDB_OK;
  }
  struct kc_plan *past = NULL;
  int n = 0;
  if (kc_userdb_plan_history(udb, ui->app->profile.id, &past, &n) == KC_UDB_OK)
    for (int i = 0; i < n && i < 20; i++)
      if (past[i].id != plan_id) add_plan(c, udb, &past[i]);
  free(past);
  if (c->text.len == 0) kc_strbuf_put(&c->text, "No pain scores yet.\n");
  return &c->base;
}
