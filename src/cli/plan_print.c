/* The four renderers of one plan snapshot (kc_plan_snapshot), shared by
 * `plan status` (text, --json) and `plan export` (Markdown, CSV). Text from
 * the user database passes the sanitiser; Markdown escapes with the one
 * escaper (kc_strbuf_put_md) and CSV neutralises formulas, so an export
 * opened elsewhere shows the notes as text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kneecare/day.h"
#include "kneecare/plan_view.h"
#include "kneecare/strbuf.h"
#include "kneecare/text.h"

static char *date_of(int day, char buf[KC_DAY_BUF]) { return kc_day_format(day, buf); }

/* A task's cell as a few words: "done", "3/4 done", "5/10", "future"... */
static void cell_text(const struct kc_plan_snapshot *s, size_t t, int d, char *buf, size_t n) {
  const struct kc_plan_task *task = &s->tasks[t];
  const struct kc_task_day *c = kc_plan_cell(s, t, d);
  const char *state = kc_task_state_name(c->state);
  if (task->kind == KC_TASK_ICE) {
    if (c->state == KC_TASK_FUTURE && c->ice.count == 0)
      snprintf(buf, n, "future");
    else if (c->ice.optional) /* recorded when used, never a target */
      snprintf(buf, n, c->ice.count ? "%d used" : "-", c->ice.count);
    else
      snprintf(buf, n, "%d/%d%s%s", c->ice.count, c->ice.target, c->done ? " " : "",
               c->done ? state : "");
  } else if (task->kind == KC_TASK_PAIN && c->done) {
    snprintf(buf, n, "%d/10%s", s->pain[d - 1].score, c->late ? " late" : "");
  } else if (task->target == 0 && c->state == KC_TASK_NOT_DONE) {
    snprintf(buf, n, "-"); /* optional: only if needed */
  } else {
    snprintf(buf, n, "%s", state);
  }
}

/* The task-by-day table, with each day's progress. */
static void print_table(const struct kc_plan_snapshot *s, int idw) {
  printf("\n  %-*s", idw, "task");
  for (int d = 1; d <= KC_PLAN_DAYS; d++) {
    char head[40], md[KC_DAY_BUF];
    date_of(kc_plan_day_date(s->plan.start_day, d), md);
    snprintf(head, sizeof head, "Day %d %s%s", d, md + 5, d == s->day_index ? "*" : "");
    printf(d < KC_PLAN_DAYS ? "  %-17s" : "  %s", head);
  }
  putchar('\n');
  for (size_t t = 0; t < s->n_tasks; t++) {
    printf("  %-*s", idw, s->tasks[t].id);
    for (int d = 1; d <= KC_PLAN_DAYS; d++) {
      char cell[40];
      cell_text(s, t, d, cell, sizeof cell);
      printf(d < KC_PLAN_DAYS ? "  %-17s" : "  %s", cell);
    }
    putchar('\n');
  }
  printf("  %-*s", idw, "progress");
  for (int d = 1; d <= KC_PLAN_DAYS; d++) {
    char cell[40];
    snprintf(cell, sizeof cell, "%d/%d (%d%%)", s->progress[d - 1].done, s->progress[d - 1].total,
             kc_progress_percent(s->progress[d - 1]));
    printf(d < KC_PLAN_DAYS ? "  %-17s" : "  %s", cell);
  }
  printf("\n  (* today; \"-\": an optional task, only if needed, not counted in progress)\n");
}

static void print_tasks(const struct kc_plan_snapshot *s, int idw, int width) {
  printf("\nTasks:\n");
  for (size_t t = 0; t < s->n_tasks; t++) {
    char line[512], first[64], rest[64];
    snprintf(first, sizeof first, "  %-*s  ", idw, s->tasks[t].id);
    snprintf(line, sizeof line, "%s%s", s->tasks[t].label, s->tasks[t].target ? "" : " (optional)");
    snprintf(rest, sizeof rest, "%*s", idw + 4, "");
    kc_print_wrapped(stdout, line, width, first, rest);
  }
}

static void print_ice(const struct kc_plan_snapshot *s) {
  printf("\nIce sessions (about %d minutes each):\n", KC_ICE_MINUTES);
  for (int d = 1; d <= KC_PLAN_DAYS; d++) {
    printf("  Day %d:", d);
    int any = 0;
    for (int i = 0; i < s->n_ice; i++) {
      if (s->ice[i].day != d) continue;
      char clock[16], full[32];
      if (s->ice[i].late)
        printf("%s %s (late)", any ? "," : "", kc_cli_time(s->ice[i].at, full, sizeof full));
      else
        printf("%s %s", any ? "," : "", kc_cli_clock(s->ice[i].at, clock, sizeof clock));
      any = 1;
    }
    printf("%s\n", any ? "" : " none");
  }
}

/* Each day's scores, morning then evening, each with its time and note. */
static void print_pain(const struct kc_plan_snapshot *s) {
  printf("\nPain (0 = none, 10 = worst; morning and evening):\n");
  for (int d = 1; d <= KC_PLAN_DAYS; d++) {
    printf("  Day %d:", d);
    if (!s->has_pain[d - 1]) printf(" %s", d > s->day_index ? "-" : "not scored");
    for (int i = 0, any = 0; i < s->n_pains; i++) {
      const struct kc_pain *pn = &s->pains[i];
      if (pn->day != d) continue;
      char when[32];
      printf("%s %s %d/10 at %s%s", any++ ? ";" : "", kc_pain_slot_name(pn->slot), pn->score,
             kc_cli_time(pn->at, when, sizeof when), pn->late ? " (late)" : "");
      if (pn->note[0]) {
        printf(": ");
        kc_put_safe(stdout, pn->note);
      }
    }
    putchar('\n');
  }
}

static void print_checkin(const struct kc_plan_snapshot *s) {
  if (!kc_checkin_due(s->day_index)) return;
  putchar('\n');
  struct kc_checkin_advice adv;
  if (s->plan.checkin != KC_CHECKIN_NONE && kc_checkin_advice(s->plan.checkin, &adv)) {
    char when[32];
    printf("Check-in: %s (%s): %s\n", kc_checkin_name(s->plan.checkin),
           kc_cli_time(s->plan.checkin_at, when, sizeof when), adv.title);
  } else {
    printf("Day 3 check-in: is the pain easing? Answer with:\n"
           "  kneecare plan checkin better|same|worse\n");
  }
}

static void print_safety(const struct kc_plan_snapshot *s) {
  char date[KC_DAY_BUF];
  if (s->stopped)
    printf("Safety check: a warning sign was answered yes.\n");
  else if (kc_day_valid(s->last_check_day))
    printf("Safety check: no to every warning sign on %s%s.\n", date_of(s->last_check_day, date),
           s->last_check_day == s->today ? " (today)" : "; ask it again today in the guide");
  else
    printf("Safety check: not answered yet; answer it in the guide (kneecare) before home care.\n");
}

void kc_plan_print_status(const char *profile, const struct kc_plan_snapshot *s) {
  const int width = kc_out_width(0);
  char date[KC_DAY_BUF], label[64];
  printf("Recovery plan for \"");
  kc_put_safe(stdout, profile);
  printf("\", started %s (%s)\n", date_of(s->plan.start_day, date),
         kc_day_weekday_name(s->plan.start_day));
  kc_plan_day_label(s->day_index, label, sizeof label);
  printf("%s (today is %s)\n", label, date_of(s->today, date));
  printf("Plan: %s\n", kc_plan_kind_title(s->kind));
  /* A level only where one was assessed: a warning sign or the check-in. */
  if (s->level > KC_LEVEL_SELF_CARE) {
    putchar('\n');
    kc_print_level(stdout, s->level, width);
    if (s->stop_danger) {
      printf("This can mean: ");
      kc_put_safe(stdout, s->stop_danger);
      putchar('\n');
    }
    if (s->stopped) printf("Home care has stopped: get help as this says.\n");
  }
  print_safety(s);
  int idw = 8;
  for (size_t t = 0; t < s->n_tasks; t++)
    if ((int)strlen(s->tasks[t].id) > idw) idw = (int)strlen(s->tasks[t].id);
  print_table(s, idw);
  print_tasks(s, idw, width);
  print_ice(s);
  print_pain(s);
  print_checkin(s);
  putchar('\n');
  kc_print_wrapped(stdout,
                   "If a warning sign appears at any time, stop home care and get help: "
                   "kneecare show red-flags",
                   width, "", "");
}

static void json_time(int64_t t) {
  char buf[32];
  if (t)
    printf("\"%s\"", kc_cli_time(t, buf, sizeof buf));
  else
    printf("null");
}

void kc_plan_print_json(const char *profile, const struct kc_plan_snapshot *s) {
  char date[KC_DAY_BUF], label[64];
  printf("{\"profile\":");
  kc_json_safe(stdout, profile);
  printf(",\"plan\":{\"id\":%lld,\"start\":\"%s\",\"started_at\":%lld,\"active\":%s",
         (long long)s->plan.id, date_of(s->plan.start_day, date), (long long)s->plan.started_at,
         s->plan.ended_at ? "false" : "true");
  printf(",\"today\":\"%s\",\"day_index\":%d,\"shown_day\":%d,\"day_label\":",
         date_of(s->today, date), s->day_index, s->shown_day);
  kc_json_str(stdout, kc_plan_day_label(s->day_index, label, sizeof label));
  printf(",\"kind\":\"%s\",\"kind_title\":", kc_plan_kind_name(s->kind));
  kc_json_str(stdout, kc_plan_kind_title(s->kind));
  /* "level" stays for readers of earlier files; "assessed" says whether a
   * warning sign or the check-in set it (self-care alone is no clearance). */
  printf(",\"assessed\":%s,\"stopped\":%s,\"danger\":",
         s->level > KC_LEVEL_SELF_CARE ? "true" : "false", s->stopped ? "true" : "false");
  if (s->stop_danger)
    kc_json_str(stdout, s->stop_danger);
  else
    printf("null");
  printf(",\"last_safety_check\":");
  if (kc_day_valid(s->last_check_day))
    printf("\"%s\"", date_of(s->last_check_day, date));
  else
    printf("null");
  printf(",\"level\":\"%s\",\"level_title\":", kc_level_name(s->level));
  kc_json_str(stdout, kc_level_title(s->level));
  printf(",\"worst_redflag\":\"%s\",\"checkin_due\":%s,\"checkin\":",
         kc_level_name(s->worst_redflag), kc_checkin_due(s->day_index) ? "true" : "false");
  if (s->plan.checkin != KC_CHECKIN_NONE)
    printf("\"%s\"", kc_checkin_name(s->plan.checkin));
  else
    printf("null");
  printf(",\"checkin_time\":");
  json_time(s->plan.checkin_at);
  printf("},\"days\":[");
  for (int d = 1; d <= KC_PLAN_DAYS; d++) {
    printf("%s{\"day\":%d,\"date\":\"%s\",\"today\":%s,\"editable\":%s,\"progress\":{\"done\":%d,"
           "\"total\":%d,\"percent\":%d}}",
           d > 1 ? "," : "", d, date_of(kc_plan_day_date(s->plan.start_day, d), date),
           d == s->day_index ? "true" : "false",
           !s->plan.ended_at && kc_plan_day_editable(d, s->day_index) ? "true" : "false",
           s->progress[d - 1].done, s->progress[d - 1].total,
           kc_progress_percent(s->progress[d - 1]));
  }
  printf("],\"tasks\":[");
  for (size_t t = 0; t < s->n_tasks; t++) {
    const struct kc_plan_task *task = &s->tasks[t];
    printf("%s{\"id\":", t ? "," : "");
    kc_json_str(stdout, task->id);
    printf(",\"kind\":\"%s\",\"label\":", kc_task_kind_name(task->kind));
    kc_json_str(stdout, task->label);
    printf(",\"article\":");
    kc_json_str(stdout, task->article_id);
    printf(",\"target\":%d,\"optional\":%s,\"days\":[", task->target,
           task->target ? "false" : "true");
    for (int d = 1; d <= KC_PLAN_DAYS; d++) {
      const struct kc_task_day *c = kc_plan_cell(s, t, d);
      printf("%s{\"day\":%d,\"state\":\"%s\",\"done\":%s,\"late\":%s,\"time\":", d > 1 ? "," : "",
             d, kc_task_state_name(c->state), c->done ? "true" : "false",
             c->late ? "true" : "false");
      json_time(c->at);
      if (task->kind == KC_TASK_ICE)
        printf(",\"count\":%d,\"target\":%d,\"minimum\":%d", c->ice.count, c->ice.target,
               c->ice.minimum);
      if (task->kind == KC_TASK_PAIN && s->has_pain[d - 1])
        printf(",\"score\":%d", s->pain[d - 1].score);
      putchar('}');
    }
    printf("]}");
  }
  printf("],\"ice\":[");
  for (int i = 0; i < s->n_ice; i++) {
    printf("%s{\"day\":%d,\"at\":%lld,\"time\":", i ? "," : "", s->ice[i].day,
           (long long)s->ice[i].at);
    json_time(s->ice[i].at);
    printf(",\"minutes\":%d,\"late\":%s}", s->ice[i].minutes, s->ice[i].late ? "true" : "false");
  }
  printf("],\"pain\":[");
  for (int i = 0; i < s->n_pains; i++) {
    const struct kc_pain *pn = &s->pains[i];
    printf("%s{\"day\":%d,\"slot\":\"%s\",\"score\":%d,\"note\":", i ? "," : "", pn->day,
           kc_pain_slot_name(pn->slot), pn->score);
    kc_json_safe(stdout, pn->note);
    printf(",\"at\":%lld,\"time\":", (long long)pn->at);
    json_time(pn->at);
    printf(",\"late\":%s}", pn->late ? "true" : "false");
  }
  printf("]}\n");
}

/* CSV field (RFC 4180), and never a formula when opened in a spreadsheet:
 * a field whose first character after any spaces or tabs is = + - @ (or a
 * tab or carriage return) gets a leading ' (review I2). */
static void csv_field(const char *s) {
  char *safe = kc_text_sanitize_dup(s, strlen(s), 0);
  const char *v = safe ? safe : "";
  const char *first = v + strspn(v, " \t");
  const int formula = *first && strchr("=+-@\t\r", *first);
  putchar('"');
  if (formula) putchar('\'');
  for (const char *c = v; *c; c++) {
    if (*c == '"') putchar('"');
    putchar(*c);
  }
  putchar('"');
  free(safe);
}

void kc_plan_print_markdown(const char *profile, const struct kc_plan_snapshot *s) {
  struct kc_strbuf b = {0};
  kc_plan_markdown(&b, profile, s);
  fputs(kc_strbuf_str(&b), stdout);
  kc_strbuf_free(&b);
}

void kc_plan_print_csv(const struct kc_plan_snapshot *s) {
  char date[KC_DAY_BUF], when[32];
  printf("day,date,kind,task,label,state,value,time,late,note\n");
  for (int d = 1; d <= KC_PLAN_DAYS; d++) {
    date_of(kc_plan_day_date(s->plan.start_day, d), date);
    for (size_t t = 0; t < s->n_tasks; t++) {
      const struct kc_plan_task *task = &s->tasks[t];
      const struct kc_task_day *c = kc_plan_cell(s, t, d);
      printf("%d,%s,%s,", d, date, kc_task_kind_name(task->kind));
      csv_field(task->id);
      putchar(',');
      csv_field(task->label);
      printf(",%s,", kc_task_state_name(c->state));
      if (task->kind == KC_TASK_ICE)
        printf("%d", c->ice.count);
      else if (task->kind == KC_TASK_PAIN && s->has_pain[d - 1])
        printf("%d", s->pain[d - 1].score);
      printf(",%s,%d,", c->at ? kc_cli_time(c->at, when, sizeof when) : "", c->late ? 1 : 0);
      if (task->kind == KC_TASK_PAIN && s->has_pain[d - 1]) csv_field(s->pain[d - 1].note);
      printf("\n");
    }
    for (int i = 0; i < s->n_ice; i++) {
      if (s->ice[i].day != d) continue;
      printf("%d,%s,ice-session,\"ice\",\"\",done,%d,%s,%d,\n", d, date, s->ice[i].minutes,
             kc_cli_time(s->ice[i].at, when, sizeof when), s->ice[i].late ? 1 : 0);
    }
  }
}
