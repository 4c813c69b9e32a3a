/* The plan as Markdown, for `kneecare plan export` and the guide's plan
 * page (shown, and saved as a file): every day's tasks with their state,
 * times and notes. Text from the user or the content goes through the one
 * escaper (kc_strbuf_put_md), so a note shows literally (review I1). */
#include <stdlib.h>
#include <string.h>

#include "kneecare/day.h"
#include "kneecare/plan_view.h"
#include "kneecare/strbuf.h"
#include "kneecare/text.h"

static char *fmt_time(int64_t t, char *buf, size_t n) {
  return kc_time_format(t, "%Y-%m-%d %H:%M", buf, n);
}

static void md_cell(struct kc_strbuf *b, const char *s) {
  char *safe = kc_text_sanitize_dup(s, strlen(s), 0);
  kc_strbuf_put_md(b, safe ? safe : "");
  free(safe);
}

void kc_plan_markdown(struct kc_strbuf *b, const char *profile, const struct kc_plan_snapshot *s) {
  char date[KC_DAY_BUF], when[32], label[64];
  kc_strbuf_printf(b, "# 3-day recovery plan\n\n");
  kc_strbuf_printf(b, "- Profile: ");
  md_cell(b, profile);
  kc_strbuf_printf(b, "\n- Started: %s (%s), recorded %s\n", kc_day_format(s->plan.start_day, date),
                   kc_day_weekday_name(s->plan.start_day),
                   fmt_time(s->plan.started_at, when, sizeof when));
  if (s->plan.ended_at)
    kc_strbuf_printf(b, "- Ended: %s\n", fmt_time(s->plan.ended_at, when, sizeof when));
  else
    kc_strbuf_printf(b, "- Active: %s\n", kc_plan_day_label(s->day_index, label, sizeof label));
  kc_strbuf_printf(b, "- Plan: %s (%s)\n", kc_plan_kind_title(s->kind), kc_plan_kind_name(s->kind));
  if (s->level > KC_LEVEL_SELF_CARE)
    kc_strbuf_printf(b, "- Level: %s (%s)\n", kc_level_title(s->level), kc_level_name(s->level));
  if (s->stop_danger) {
    kc_strbuf_printf(b, "- Warning sign: ");
    md_cell(b, s->stop_danger);
    kc_strbuf_printf(b, "\n");
  }
  if (s->plan.checkin != KC_CHECKIN_NONE)
    kc_strbuf_printf(b, "- Day-3 check-in: %s (%s)\n", kc_checkin_name(s->plan.checkin),
                     fmt_time(s->plan.checkin_at, when, sizeof when));
  else
    kc_strbuf_printf(b, "- Day-3 check-in: not answered\n");
  for (int d = 1; d <= KC_PLAN_DAYS; d++) {
    int cal = kc_plan_day_date(s->plan.start_day, d);
    kc_strbuf_printf(b, "\n## Day %d: %s (%s)\n\n", d, kc_day_format(cal, date),
                     kc_day_weekday_name(cal));
    kc_strbuf_printf(b, "| Task | State | When | Note |\n|---|---|---|---|\n");
    for (size_t t = 0; t < s->n_tasks; t++) {
      const struct kc_plan_task *task = &s->tasks[t];
      const struct kc_task_day *c = kc_plan_cell(s, t, d);
      kc_strbuf_printf(b, "| ");
      md_cell(b, task->label);
      kc_strbuf_printf(b, " (%s)%s | ", task->id, task->target ? "" : ", optional");
      if (task->kind == KC_TASK_ICE && c->ice.optional)
        kc_strbuf_printf(b, "%d used | ", c->ice.count);
      else if (task->kind == KC_TASK_ICE)
        kc_strbuf_printf(b, "%d of %d sessions, %s | ", c->ice.count, c->ice.target,
                         kc_task_state_name(c->state));
      else if (task->kind == KC_TASK_PAIN && s->has_pain[d - 1])
        kc_strbuf_printf(b, "%d/10%s | ", s->pain[d - 1].score, c->late ? ", late" : "");
      else
        kc_strbuf_printf(b, "%s | ", kc_task_state_name(c->state));
      if (task->kind == KC_TASK_ICE) {
        int any = 0;
        for (int i = 0; i < s->n_ice; i++)
          if (s->ice[i].day == d) {
            kc_strbuf_printf(b, "%s%s%s", any ? ", " : "",
                             fmt_time(s->ice[i].at, when, sizeof when),
                             s->ice[i].late ? " (late)" : "");
            any = 1;
          }
        kc_strbuf_printf(b, "%s |  |\n", any ? "" : "-");
      } else {
        kc_strbuf_printf(b, "%s | ", c->at ? fmt_time(c->at, when, sizeof when) : "-");
        if (task->kind == KC_TASK_PAIN && s->has_pain[d - 1]) md_cell(b, s->pain[d - 1].note);
        kc_strbuf_printf(b, " |\n");
      }
    }
    kc_strbuf_printf(b, "\nProgress: %d of %d required tasks (%d%%).\n", s->progress[d - 1].done,
                     s->progress[d - 1].total, kc_progress_percent(s->progress[d - 1]));
  }
}
