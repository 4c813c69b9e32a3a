/* `kneecare report`: one page of Markdown to take to a physio or doctor,
 * answering what they will ask (the article what-the-clinician-asks): the
 * story from the last saved symptom check (its answers re-read against the
 * current wizard and shown as question text and chosen labels), warning
 * signs, the result and level, and the current or last recovery plan's
 * pain scores day by day with notes. It says plainly that it is a
 * self-report, not a diagnosis. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kneecare/day.h"
#include "kneecare/plan_view.h"
#include "kneecare/strbuf.h"
#include "kneecare/text.h"

#define MAX_CAUSES 8

/* Inline Markdown text with the one escaper of strbuf.h; anything unsafe
 * for a terminal is replaced first. */
static void md(const char *s) {
  char *safe = kc_text_sanitize_dup(s ? s : "", s ? strlen(s) : 0, 0);
  struct kc_strbuf b = {0};
  kc_strbuf_put_md(&b, safe ? safe : "");
  fputs(kc_strbuf_str(&b), stdout);
  kc_strbuf_free(&b);
  free(safe);
}

static void labels(const struct kc_wz_question *q, uint64_t mask) {
  int k = 0;
  for (size_t j = 0; j < q->n_options; j++) {
    if (!(mask >> j & 1)) continue;
    if (k++) printf("; ");
    md(q->options[j].label);
  }
}

static void story(const struct kc_wz_def *def, const struct kc_wz_answers *a) {
  /* Warning signs first: the positive ones, in the table's words. */
  int asked = 0;
  for (int qi = kc_wz_next(def, a, -1); qi >= 0; qi = kc_wz_next(def, a, qi))
    asked += strcmp(kc_wz_question_at(def, (size_t)qi)->section, KC_WZ_SECTION_RED_FLAGS) == 0 &&
             kc_wz_answers_get(a, (size_t)qi) != 0;
  struct kc_wz_result r;
  int positive = kc_wz_score(def, a, &r) == 0 ? (int)r.n_signs : 0;
  printf("\n## ");
  md(kc_wz_section_title(def, KC_WZ_SECTION_RED_FLAGS));
  printf("\n\n");
  for (int i = 0; i < positive; i++) {
    const struct kc_wz_sign *s = kc_wz_sign_at(def, r.signs[i].sign);
    printf("- **");
    md(s->statement);
    printf("** (");
    md(kc_wz_level_title(def, s->level));
    printf(")\n");
  }
  if (positive == 0) printf("- No to all %d warning-sign questions asked.\n", asked);
  kc_wz_result_free(&r);

  const char *section = NULL;
  for (int qi = kc_wz_next(def, a, -1); qi >= 0; qi = kc_wz_next(def, a, qi)) {
    const struct kc_wz_question *q = kc_wz_question_at(def, (size_t)qi);
    if (strcmp(q->section, KC_WZ_SECTION_RED_FLAGS) == 0) continue;
    uint64_t mask = kc_wz_answers_get(a, (size_t)qi);
    if (!mask) continue;
    if (!section || strcmp(section, q->section) != 0) {
      section = q->section;
      printf("\n## ");
      md(kc_wz_section_title(def, section));
      printf("\n\n");
    }
    printf("- **");
    md(q->text);
    printf("** ");
    labels(q, mask);
    putchar('\n');
  }
}

static void wizard_part(struct kc_app *app, const struct kc_wizard_run *run) {
  char when[32];
  printf("\nFrom the symptom check of %s.\n", kc_cli_time(run->at, when, sizeof when));
  const struct kc_wz_def *def = kc_cli_wizard(app);
  struct kc_wz_answers *a = def ? kc_wz_answers_new(def) : NULL;
  char err[512] = "the symptom wizard could not be loaded";
  if (a && kc_wz_parse_answers(def, run->answers, strlen(run->answers), a, err, sizeof err) == 0) {
    story(def, a);
  } else {
    printf("\nThe saved answers do not fit this version's questions (");
    md(err);
    printf("); as saved:\n\n```\n");
    char *safe = kc_text_sanitize_dup(run->answers, strlen(run->answers), 1);
    if (safe) {
      for (char *c = safe; *c; c++)
        if (*c == '`') *c = '\'';
      fputs(safe, stdout);
    }
    free(safe);
    printf("\n```\n");
  }
  kc_wz_answers_free(a);

  printf("\n## Result of the symptom check\n\n");
  printf("- Level: **");
  md(kc_wz_level_title(def, run->level));
  printf("** (%s)\n", kc_level_name(run->level));
  if (kc_run_stopped(run->answers))
    printf("- The runner stopped at an answer that needs help now; the rest was not asked.\n");
  struct kc_run_cause causes[MAX_CAUSES];
  int n = kc_run_causes(run->causes, causes, MAX_CAUSES);
  /* the dangers a warning sign named, then the story's causes */
  int dangers = 0;
  for (int i = 0; i < n; i++)
    if (strcmp(causes[i].kind, KC_RUN_DANGER) == 0) {
      printf("%s", dangers++ ? "; " : "- To rule out first (named by a warning sign): ");
      md(causes[i].title);
    }
  if (dangers) printf("\n");
  printf("- Causes the answers point to: ");
  int k = 0;
  for (int i = 0; i < n; i++) {
    if (strcmp(causes[i].kind, KC_RUN_DANGER) == 0) continue;
    printf("%s%d. ", k ? "; " : "", k + 1);
    md(causes[i].title);
    printf(" (score %d%s)", causes[i].score,
           strcmp(causes[i].kind, KC_RUN_LIKELY) == 0 ? ", most likely" : "");
    k++;
  }
  if (k == 0) printf("none clearly");
  printf("\n");
}

static void plan_part(struct kc_app *app, struct kc_userdb *udb, int today) {
  struct kc_plan plan;
  int rc = kc_userdb_plan_active(udb, app->profile.id, &plan);
  if (rc == KC_UDB_ENOTFOUND) {
    struct kc_plan *hist = NULL;
    int n = 0;
    rc = kc_userdb_plan_history(udb, app->profile.id, &hist, &n);
    if (rc == KC_UDB_OK && n == 0) rc = KC_UDB_ENOTFOUND;
    if (rc == KC_UDB_OK) plan = hist[0];
    free(hist);
  }
  printf("\n## Home care (3-day plan)\n\n");
  if (rc == KC_UDB_ENOTFOUND) {
    printf("No recovery plan recorded.\n");
    return;
  }
  struct kc_plan_snapshot s;
  char err[512], date[KC_DAY_BUF], when[32], label[64];
  if (rc != KC_UDB_OK || kc_cli_tasks(app) != 0 ||
      kc_plan_snapshot_load(app, &plan, today, &s, err, sizeof err) != KC_UDB_OK) {
    printf("The plan could not be read.\n");
    return;
  }
  printf("Started %s", kc_day_format(plan.start_day, date));
  if (plan.ended_at)
    printf(", ended %s", kc_cli_time(plan.ended_at, when, sizeof when));
  else
    printf(", active: %s", kc_plan_day_label(s.day_index, label, sizeof label));
  printf(".\n\n| Day | Date | Pain (0-10) | Note | Ice sessions | Tasks done |\n"
         "|---|---|---|---|---|---|\n");
  size_t ice = s.n_tasks;
  for (size_t t = 0; t < s.n_tasks; t++)
    if (s.tasks[t].kind == KC_TASK_ICE) ice = t;
  for (int d = 1; d <= KC_PLAN_DAYS; d++) {
    printf("| %d | %s | ", d, kc_day_format(kc_plan_day_date(plan.start_day, d), date));
    if (s.has_pain[d - 1]) {
      printf("%d | ", s.pain[d - 1].score);
      md(s.pain[d - 1].note);
    } else {
      printf("- | ");
    }
    printf(" | ");
    if (ice < s.n_tasks) printf("%d", kc_plan_cell(&s, ice, d)->ice.count);
    printf(" | %d of %d |\n", s.progress[d - 1].done, s.progress[d - 1].total);
  }
  if (plan.checkin != KC_CHECKIN_NONE)
    printf("\nDay-3 check-in, is the pain easing: **%s** (%s).\n", kc_checkin_name(plan.checkin),
           kc_cli_time(plan.checkin_at, when, sizeof when));
  if (s.worst_redflag >= KC_LEVEL_SOON)
    printf("\nA daily warning-sign check during the plan answered yes (%s).\n",
           kc_level_title(s.worst_redflag));
  kc_plan_snapshot_free(&s);
}

int kc_cmd_report(struct kc_app *app, int argc, char **argv) {
  static const struct option none[] = {{0, 0, 0, 0}};
  kc_getopt_reset();
  if (getopt_long(argc, argv, ":", none, NULL) != -1) {
    kc_err("report: unknown option '%s'", argv[optind - 1]);
    return KC_EXIT_USAGE;
  }
  if (optind < argc) {
    kc_err("report: takes no arguments");
    return KC_EXIT_USAGE;
  }
  int code = KC_EXIT_FAIL;
  struct kc_userdb *udb = kc_cli_user(app, &code);
  if (!udb) return code;
  struct kc_wizard_run *runs = NULL;
  int n = 0;
  if (kc_userdb_wizard_list(udb, app->profile.id, 1, &runs, &n) != KC_UDB_OK) {
    kc_err("%s", kc_userdb_errmsg(udb));
    return KC_EXIT_FAIL;
  }
  int today = kc_app_today();
  char date[KC_DAY_BUF];
  printf("# Knee pain: summary for a physio or doctor\n\n");
  printf("Prepared with kneecare on %s for ", kc_day_format(today, date));
  md(app->profile.name);
  printf(".\n\n**This is a self-report from the runner's own answers, not a diagnosis.**\n");
  if (n == 0)
    printf("\nNo symptom check saved yet (kneecare wizard --answers FILE --save, or the "
           "wizard in the full-screen guide).\n");
  else
    wizard_part(app, &runs[0]);
  kc_userdb_wizard_runs_free(runs, n);
  plan_part(app, udb, today);
  printf("\n---\nSelf-reported with kneecare, an offline self-care guide. It is not a "
         "diagnosis; please examine and advise.\n");
  return KC_EXIT_OK;
}
