/* Pain over the days: the plan's scores (and past plans') as text bars, so
 * the chart reads the same with or without colour. */
#include <stdlib.h>
#include <string.h>

#include "kneecare/day.h"
#include "ui.h"

struct chart {
  struct kc_view base;
  struct kc_sb text; /* composed once: one line per row */
  size_t top;
  int rows;
};

static void add_plan(struct chart *c, struct kc_userdb *udb, const struct kc_plan *p) {
  char date[KC_DAY_BUF];
  kc_day_format(p->start_day, date);
  kc_sb_printf(&c->text, "%s plan started %s\n", p->ended_at ? "Finished" : "Current", date);
  struct kc_pain *pain = NULL;
  int n = 0;
  if (kc_userdb_pain_list(udb, p->id, &pain, &n) != KC_UDB_OK) n = 0;
  for (int d = 1; d <= KC_PLAN_DAYS; d++) {
    const struct kc_pain *found = NULL;
    for (int i = 0; i < n; i++)
      if (pain[i].day == d) found = &pain[i];
    if (!found) {
      kc_sb_printf(&c->text, "  Day %d  %-20s  -\n", d, "(no score)");
      continue;
    }
    kc_sb_printf(&c->text, "  Day %d  ", d);
    for (int k = 0; k < 10; k++)
      kc_sb_put(&c->text, k < found->score ? "\xE2\x96\x88\xE2\x96\x88" : "\xC2\xB7\xC2\xB7");
    kc_sb_printf(&c->text, "  %2d/10  %s\n", found->score, found->note);
  }
  kc_sb_put(&c->text, "\n");
  free(pain);
}

static void chart_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct chart *c = (struct chart *)v;
  kc_puts(y + 1, 2, w - 4, "Pain score by day (0 none, 10 worst)", kc_attr(ROLE_HEADING));
  c->rows = h - 3;
  const char *s = kc_sb_str(&c->text);
  size_t line = 0;
  int row = y + 3;
  while (*s && row < y + h) {
    size_t n = strcspn(s, "\n");
    if (line >= c->top)
      kc_put(row++, 2, w - 4, s, n, line % 5 == 0 ? kc_attr(ROLE_STRONG) : kc_attr(ROLE_NORMAL));
    line++;
    s += n + (s[n] == '\n');
  }
}

static enum kc_result chart_handle(struct kc_view *v, struct kc_ui *ui, const struct kc_event *ev) {
  (void)ui;
  struct chart *c = (struct chart *)v;
  switch (ev->action) {
  case ACT_UP:
    if (c->top > 0) c->top--;
    return V_HANDLED;
  case ACT_DOWN: c->top++; return V_HANDLED;
  case ACT_HOME: c->top = 0; return V_HANDLED;
  default: return V_IGNORED;
  }
}

static const char *chart_title(struct kc_view *v) {
  (void)v;
  return "Pain chart";
}

static void chart_destroy(struct kc_view *v) {
  struct chart *c = (struct chart *)v;
  kc_sb_free(&c->text);
  free(c);
}

static const struct kc_view_ops chart_ops = {.name = "chart",
                                             .draw = chart_draw,
                                             .handle = chart_handle,
                                             .destroy = chart_destroy,
                                             .title = chart_title};

struct kc_view *kc_chart_new(struct kc_ui *ui, int64_t plan_id) {
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (!udb) {
    kc_ui_message(ui, ROLE_WARNING, "Your data is not available: %s", err);
    return NULL;
  }
  struct chart *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  c->base.ops = &chart_ops;
  struct kc_plan p;
  if (plan_id && kc_userdb_plan_get(udb, plan_id, &p) == KC_UDB_OK)
    add_plan(c, udb, &p);
  else if (kc_userdb_plan_active(udb, ui->app->profile.id, &p) == KC_UDB_OK)
    add_plan(c, udb, &p);
  struct kc_plan *past = NULL;
  int n = 0;
  if (kc_userdb_plan_history(udb, ui->app->profile.id, &past, &n) == KC_UDB_OK)
    for (int i = 0; i < n && i < 20; i++)
      if (past[i].id != plan_id) add_plan(c, udb, &past[i]);
  free(past);
  if (c->text.len == 0) kc_sb_put(&c->text, "No pain scores yet.\n");
  return &c->base;
}
