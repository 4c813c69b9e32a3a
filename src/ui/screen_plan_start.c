/* Starting a 3-day plan: the day the pain started (today or up to three
 * days back, or the charts of past plans), then, for a plan not started
 * from a symptom check, the one question that picks the plan for an injury
 * or for an overuse problem. The plan starts with the day's safety check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/day.h"
#include "screen_plan.h"

struct starter {
  struct kc_view base;
  struct kc_list list;
  enum kc_plan_kind kind; /* from the result's cause; NONE: ask */
  char cause_id[65];
  int start_day;   /* chosen; KC_DAY_INVALID until then */
  int asking_kind; /* the list shows the kind question */
};

static const struct kc_binding starter_rows[] = {
    {CMD_OPEN,
     {KC_ENTER, KC_KEY(KEY_RIGHT), 'l'},
     "choose: the day the pain started (or past charts), then how it started",
     "choose",
     NULL},
};
const struct kc_keymap kc_keys_plan_start =
    KC_KEYMAP("Start a plan",
              "When did the pain start? Started without a symptom check, one more question: did "
              "it start with a fall, twist, knock or blow, or is the knee swollen? That picks the "
              "plan for an injury or for an overuse problem.",
              starter_rows, &kc_keys_list);

static void starter_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct starter *s = (struct starter *)v;
  kc_puts(y + 1, 2, w - 4, "Start a 3-day recovery plan", kc_attr(ROLE_HEADING));
  const char *text =
      s->asking_kind ? kc_plan_kind_question
      : s->kind      ? (s->kind == KC_PLAN_OVERUSE
                            ? "Relative rest, load management and gentle exercise for an overuse "
                              "problem, with a short safety check each day. When did the pain start?"
                            : "Protecting the knee for the first days after an injury, then gentle "
                              "movement, with a short safety check each day. When did the pain "
                              "start?")
                     : "Three days of home care that fit the problem, with a short safety check "
                       "each day. When did the pain start?";
  int used = kc_put_wrapped(y + 2, 2, 4, w - 4, text, kc_attr(ROLE_NORMAL));
  kc_list_draw(&s->list, y + 3 + used, h - 3 - used, w);
}

static void begin(struct starter *s, struct kc_ui *ui) {
  struct kc_userdb *udb = kc_plan_udb(ui);
  if (!udb) return;
  struct kc_plan plan;
  const struct kc_plan_origin origin = {s->kind, s->cause_id, 0};
  int rc =
      kc_userdb_plan_start_ex(udb, ui->app->profile.id, s->start_day, kc_app_now(), &origin, &plan);
  if (rc != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "NOT started: %s", kc_userdb_errmsg(udb));
    return;
  }
  struct kc_view *c = kc_checklist_new(ui, &plan);
  if (!c) return;
  kc_ui_replace(ui, c);
  kc_ui_push(ui, kc_recheck_new(ui, plan.id));
}

static void start_plan(struct starter *s, struct kc_ui *ui) {
  if (s->asking_kind) { /* 0 yes, 1 no, 2 not sure */
    s->kind = kc_plan_kind_from_answer(s->list.sel == 0 ? 1 : s->list.sel == 1 ? 0 : -1);
    begin(s, ui);
    return;
  }
  if (s->list.sel == s->list.n - 1) {
    kc_ui_push(ui, kc_chart_new(ui, 0));
    return;
  }
  s->start_day = kc_app_today() - (int)s->list.sel;
  if (s->kind != KC_PLAN_KIND_NONE) {
    begin(s, ui);
    return;
  }
  kc_list_free(&s->list);
  memset(&s->list, 0, sizeof s->list);
  kc_list_add(&s->list, "Yes: a fall, twist, knock or blow, or it is swollen", NULL, -1, 0);
  kc_list_add(&s->list, "No: it came on with running, and it is not swollen", NULL, -1, 0);
  kc_list_add(&s->list, "Not sure", NULL, -1, 0);
  s->asking_kind = 1;
}

static enum kc_result starter_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                      const struct kc_event *ev) {
  struct starter *s = (struct starter *)v;
  int act;
  enum kc_result r = kc_list_command(&s->list, cmd, ev, &act);
  if (!act) return r;
  start_plan(s, ui);
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

static const struct kc_view_ops starter_ops = {.draw = starter_draw,
                                               .keys = &kc_keys_plan_start,
                                               .command = starter_command,
                                               .destroy = starter_destroy,
                                               .title = starter_title};

struct kc_view *kc_plan_starter_new(enum kc_plan_kind kind, const char *cause_id) {
  struct starter *s = kc_xcalloc(1, sizeof *s);
  s->base.ops = &starter_ops;
  s->kind = kind;
  if (cause_id) snprintf(s->cause_id, sizeof s->cause_id, "%s", cause_id);
  int today = kc_app_today();
  for (int back = 0; back <= 3; back++) {
    char date[KC_DAY_BUF], text[96];
    kc_day_format(today - back, date);
    static const char *when[] = {"Today", "Yesterday", "2 days ago", "3 days ago"};
    snprintf(text, sizeof text, "%-11s %s %s", when[back], kc_day_weekday_name(today - back), date);
    kc_list_add(&s->list, text, NULL, -1, 0);
  }
  kc_list_add(&s->list, "Pain charts of past plans", NULL, -1, 0);
  return &s->base;
}
