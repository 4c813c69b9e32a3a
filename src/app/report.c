/* The clinician report: one page of Markdown to take to a physio or
 * doctor, answering what they will ask (the article
 * what-the-clinician-asks): the story from the last saved symptom check
 * (its answers re-read against the current wizard and shown as question
 * text and chosen labels), warning signs, the result and level, and the
 * current or last recovery plan's pain scores day by day with notes. It
 * says plainly that it is a self-report, not a diagnosis. Rendered into a
 * string so `kneecare report` prints it and the guide shows or saves it.
 * Saving a page (this report, an article) as a file is here too. */
#include "kneecare/report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kneecare/day.h"
#include "kneecare/mem.h"
#include "kneecare/plan_view.h"
#include "kneecare/recovery.h"
#include "kneecare/run_view.h"
#include "kneecare/text.h"
#include "kneecare/userdb.h"
#include "kneecare/wizard_run.h"

void kc_report_put_text(struct kc_strbuf *b, const char *s) {
  /* the one escaper also keeps "https:", "www." and e-mail text (I1) */
  char *safe = kc_text_sanitize_dup(s ? s : "", s ? strlen(s) : 0, 0);
  kc_strbuf_put_md(b, safe ? safe : "");
  free(safe);
}

static void md(struct kc_strbuf *b, const char *s) { kc_report_put_text(b, s); }

static char *fmt_time(int64_t t, char *buf, size_t n) {
  return kc_time_format(t, "%Y-%m-%d %H:%M", buf, n);
}

#define MAX_CAUSES 8

static void labels(struct kc_strbuf *b, const struct kc_wz_question *q, uint64_t mask) {
  int k = 0;
  for (size_t j = 0; j < q->n_options; j++) {
    if (!(mask >> j & 1)) continue;
    if (k++) kc_strbuf_printf(b, "; ");
    md(b, q->options[j].label);
  }
}

static void story(struct kc_strbuf *b, const struct kc_wz_def *def, const struct kc_wz_answers *a) {
  /* Warning signs first: the positive ones, in the table's words. */
  int asked = 0;
  for (int qi = kc_wz_next(def, a, -1); qi >= 0; qi = kc_wz_next(def, a, qi))
    asked += strcmp(kc_wz_question_at(def, (size_t)qi)->section, KC_WZ_SECTION_RED_FLAGS) == 0 &&
             kc_wz_answers_get(a, (size_t)qi) != 0;
  struct kc_wz_result r;
  int positive = kc_wz_score(def, a, &r) == 0 ? (int)r.n_signs : 0;
  kc_strbuf_printf(b, "\n## ");
  md(b, kc_wz_section_title(def, KC_WZ_SECTION_RED_FLAGS));
  kc_strbuf_printf(b, "\n\n");
  for (int i = 0; i < positive; i++) {
    const struct kc_wz_sign *s = kc_wz_sign_at(def, r.signs[i].sign);
    kc_strbuf_printf(b, "- **");
    md(b, s->statement);
    kc_strbuf_printf(b, "** (");
    md(b, kc_wz_level_title(def, s->level));
    kc_strbuf_printf(b, ")\n");
  }
  if (positive == 0) kc_strbuf_printf(b, "- No to all %d warning-sign questions asked.\n", asked);
  kc_wz_result_free(&r);

  const char *section = NULL;
  for (int qi = kc_wz_next(def, a, -1); qi >= 0; qi = kc_wz_next(def, a, qi)) {
    const struct kc_wz_question *q = kc_wz_question_at(def, (size_t)qi);
    if (strcmp(q->section, KC_WZ_SECTION_RED_FLAGS) == 0) continue;
    uint64_t mask = kc_wz_answers_get(a, (size_t)qi);
    if (!mask) continue;
    if (!section || strcmp(section, q->section) != 0) {
      section = q->section;
      kc_strbuf_printf(b, "\n## ");
      md(b, kc_wz_section_title(def, section));
      kc_strbuf_printf(b, "\n\n");
    }
    kc_strbuf_printf(b, "- **");
    md(b, q->text);
    kc_strbuf_printf(b, "** ");
    labels(b, q, mask);
    kc_strbuf_putc(b, '\n');
  }
}

static void wizard_part(struct kc_strbuf *b, struct kc_app *app, const struct kc_wizard_run *run) {
  char when[32];
  kc_strbuf_printf(b, "\nFrom the symptom check of %s.\n", fmt_time(run->at, when, sizeof when));
  char err[512] = "the symptom wizard could not be loaded";
  const struct kc_wz_def *def = kc_app_wizard(app, err, sizeof err);
  struct kc_wz_answers *a = def ? kc_wz_answers_new(def) : NULL;
  if (a && kc_wz_parse_answers(def, run->answers, strlen(run->answers), a, err, sizeof err) == 0) {
    story(b, def, a);
  } else {
    kc_strbuf_printf(b, "\nThe saved answers do not fit this version's questions (");
    md(b, err);
    kc_strbuf_printf(b, "); as saved:\n\n```\n");
    char *safe = kc_text_sanitize_dup(run->answers, strlen(run->answers), 1);
    if (safe) {
      for (char *c = safe; *c; c++)
        if (*c == '`') *c = '\'';
      kc_strbuf_put(b, safe);
    }
    free(safe);
    kc_strbuf_printf(b, "\n```\n");
  }
  kc_wz_answers_free(a);

  kc_strbuf_printf(b, "\n## Result of the symptom check\n\n");
  kc_strbuf_printf(b, "- Level: **");
  md(b, kc_wz_level_title(def, run->level));
  kc_strbuf_printf(b, "** (%s)\n", kc_level_name(run->level));
  if (kc_run_stopped(run->answers))
    kc_strbuf_printf(
        b, "- The runner stopped at an answer that needs help now; the rest was not asked.\n");
  struct kc_run_cause causes[MAX_CAUSES];
  int n = kc_run_causes(run->causes, causes, MAX_CAUSES);
  /* the dangers a warning sign named, then the story's causes */
  int dangers = 0;
  for (int i = 0; i < n; i++)
    if (strcmp(causes[i].kind, KC_RUN_DANGER) == 0) {
      kc_strbuf_printf(b, "%s",
                       dangers++ ? "; " : "- To rule out first (named by a warning sign): ");
      md(b, causes[i].title);
    }
  if (dangers) kc_strbuf_printf(b, "\n");
  kc_strbuf_printf(b, "- Causes the answers point to: ");
  int k = 0;
  for (int i = 0; i < n; i++) {
    if (strcmp(causes[i].kind, KC_RUN_DANGER) == 0) continue;
    kc_strbuf_printf(b, "%s%d. ", k ? "; " : "", k + 1);
    md(b, causes[i].title);
    kc_strbuf_printf(b, " (score %d%s)", causes[i].score,
                     strcmp(causes[i].kind, KC_RUN_LIKELY) == 0 ? ", most likely" : "");
    k++;
  }
  if (k == 0) kc_strbuf_printf(b, "none clearly");
  kc_strbuf_printf(b, "\n");
}

static void plan_part(struct kc_strbuf *b, struct kc_app *app, struct kc_userdb *udb, int today) {
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
  kc_strbuf_printf(b, "\n## Home care (3-day plan)\n\n");
  if (rc == KC_UDB_ENOTFOUND) {
    kc_strbuf_printf(b, "No recovery plan recorded.\n");
    return;
  }
  struct kc_plan_snapshot s;
  char err[512], date[KC_DAY_BUF], when[32], label[64];
  if (rc != KC_UDB_OK || kc_app_tasks(app, err, sizeof err) != 0 ||
      kc_plan_snapshot_load(app, &plan, today, &s, err, sizeof err) != KC_UDB_OK) {
    kc_strbuf_printf(b, "The plan could not be read.\n");
    return;
  }
  kc_strbuf_printf(b, "Started %s", kc_day_format(plan.start_day, date));
  if (plan.ended_at)
    kc_strbuf_printf(b, ", ended %s", fmt_time(plan.ended_at, when, sizeof when));
  else
    kc_strbuf_printf(b, ", active: %s", kc_plan_day_label(s.day_index, label, sizeof label));
  kc_strbuf_printf(b, ".\n\n| Day | Date | Pain (0-10) | Note | Ice sessions | Tasks done |\n"
                      "|---|---|---|---|---|---|\n");
  size_t ice = s.n_tasks;
  for (size_t t = 0; t < s.n_tasks; t++)
    if (s.tasks[t].kind == KC_TASK_ICE) ice = t;
  for (int d = 1; d <= KC_PLAN_DAYS; d++) {
    kc_strbuf_printf(b, "| %d | %s | ", d,
                     kc_day_format(kc_plan_day_date(plan.start_day, d), date));
    if (s.has_pain[d - 1]) {
      kc_strbuf_printf(b, "%d | ", s.pain[d - 1].score);
      md(b, s.pain[d - 1].note);
    } else {
      kc_strbuf_printf(b, "- | ");
    }
    kc_strbuf_printf(b, " | ");
    if (ice < s.n_tasks) kc_strbuf_printf(b, "%d", kc_plan_cell(&s, ice, d)->ice.count);
    kc_strbuf_printf(b, " | %d of %d |\n", s.progress[d - 1].done, s.progress[d - 1].total);
  }
  if (plan.checkin != KC_CHECKIN_NONE)
    kc_strbuf_printf(b, "\nDay-3 check-in, is the pain easing: **%s** (%s).\n",
                     kc_checkin_name(plan.checkin), fmt_time(plan.checkin_at, when, sizeof when));
  if (s.worst_redflag >= KC_LEVEL_SOON)
    kc_strbuf_printf(b, "\nA daily warning-sign check during the plan answered yes (%s).\n",
                     kc_level_title(s.worst_redflag));
  kc_plan_snapshot_free(&s);
}

int kc_report_markdown(struct kc_app *app, int today, struct kc_strbuf *b, char *err,
                       size_t errlen) {
  return kc_report_markdown_run(app, today, 0, b, err, errlen);
}

int kc_report_markdown_run(struct kc_app *app, int today, int64_t run_id, struct kc_strbuf *b,
                           char *err, size_t errlen) {
  struct kc_userdb *udb = kc_app_user(app, err, errlen);
  if (!udb) return KC_UDB_EIO;
  struct kc_wizard_run *runs = NULL;
  int n = 0, rc;
  if (run_id > 0) { /* that check, if it is this profile's */
    runs = kc_xcalloc(1, sizeof *runs);
    rc = kc_userdb_wizard_get(udb, run_id, runs);
    n = rc == KC_UDB_OK && runs->profile_id == app->profile.id;
    if (rc == KC_UDB_OK && !n) kc_userdb_wizard_run_clear(runs);
    if (rc == KC_UDB_ENOTFOUND || (rc == KC_UDB_OK && !n)) rc = KC_UDB_ENOTFOUND;
  } else {
    rc = kc_userdb_wizard_list(udb, app->profile.id, 1, &runs, &n);
  }
  if (rc != KC_UDB_OK) {
    snprintf(err, errlen, "%s",
             rc == KC_UDB_ENOTFOUND ? "no such symptom check" : kc_userdb_errmsg(udb));
    if (run_id > 0)
      free(runs);
    else
      kc_userdb_wizard_runs_free(runs, n);
    return rc;
  }
  char date[KC_DAY_BUF];
  kc_strbuf_put(b, "# Knee pain: summary for a physio or doctor\n\n");
  kc_strbuf_printf(b, "Prepared with kneecare on %s for ", kc_day_format(today, date));
  md(b, app->profile.name);
  kc_strbuf_put(b,
                ".\n\n**This is a self-report from the runner's own answers, not a diagnosis.**\n");
  if (n == 0)
    kc_strbuf_put(b, "\nNo symptom check saved yet (kneecare wizard --answers FILE --save, or the "
                     "wizard in the full-screen guide).\n");
  else
    wizard_part(b, app, &runs[0]);
  kc_userdb_wizard_runs_free(runs, n);
  plan_part(b, app, udb, today);
  char rerr[256];
  if (kc_run_report_section(app, today, b, rerr, sizeof rerr) != KC_UDB_OK)
    kc_strbuf_put(b, "\n## Return to running\n\nThe programme could not be read.\n");
  kc_strbuf_put(b, "\n---\nSelf-reported with kneecare, an offline self-care guide. It is not a "
                   "diagnosis; please examine and advise.\n");
  return KC_UDB_OK;
}

/* The file name's profile part: letters, digits, '-' and '_' only. */
static void name_part(const char *s, char *out, size_t n) {
  size_t o = 0;
  for (; *s && o + 1 < n; s++)
    out[o++] = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
                       *s == '-' || *s == '_'
                   ? *s
                   : '-';
  out[o] = '\0';
}

int kc_report_save(struct kc_app *app, const char *what, int today, const char *text, char *path,
                   size_t pathlen, char *err, size_t errlen) {
  char dir[4096], who[80], date[KC_DAY_BUF];
  const char *home = getenv("HOME");
  if (home && *home && strlen(home) < sizeof dir)
    snprintf(dir, sizeof dir, "%s", home);
  else if (!kc_app_data_dir(app, dir, sizeof dir)) {
    snprintf(err, errlen, "there is no home folder to save into");
    return -1;
  }
  name_part(app->profile.name, who, sizeof who);
  if ((size_t)snprintf(path, pathlen, "%s/kneecare-%s-%s-%s.md", dir, what, who,
                       kc_day_format(today, date)) >= pathlen) {
    snprintf(err, errlen, "the folder's name is too long");
    return -1;
  }
  /* health data: the owner's only; never through a link planted there */
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    return -1;
  }
  size_t len = strlen(text), off = 0;
  while (off < len) {
    ssize_t w = write(fd, text + off, len - off);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
      close(fd);
      return -1;
    }
    off += (size_t)w;
  }
  if (close(fd) != 0) {
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    return -1;
  }
  return 0;
}
