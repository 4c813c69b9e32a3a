/* Building a plan snapshot: reads ticks, ice sessions, pain scores and
 * re-checks once, then asks the recovery rules what each cell means. */
#include "kneecare/plan_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/day.h"
#include "kneecare/mem.h"

void kc_plan_snapshot_free(struct kc_plan_snapshot *s) {
  free(s->tasks);
  free(s->cells);
  free(s->ice);
  free(s->pains);
  memset(s, 0, sizeof *s);
}

/* The danger named by the most urgent yes of the worst re-check. */
static void find_danger(struct kc_app *app, struct kc_userdb *udb, int64_t plan_id,
                        struct kc_plan_snapshot *s) {
  char answers[4096], werr[256];
  const struct kc_wz_def *def = kc_app_wizard(app, werr, sizeof werr);
  if (!def || kc_userdb_redflag_worst_answers(udb, plan_id, answers, sizeof answers) != KC_UDB_OK)
    return;
  enum kc_level top = KC_LEVEL_NONE;
  for (char *line = answers, *next; line && *line; line = next) {
    next = strchr(line, '\n');
    if (next) *next++ = '\0';
    char *eq = strchr(line, '=');
    if (!eq || strcmp(eq + 1, "yes") != 0) continue;
    *eq = '\0';
    int si = kc_wz_find_sign(def, line);
    if (si < 0) continue;
    const struct kc_wz_sign *sign = kc_wz_sign_at(def, (size_t)si);
    if (sign->level <= top) continue;
    top = sign->level;
    s->stop_danger = kc_wz_cause_at(def, sign->cause)->title;
    s->stop_action = sign->action && *sign->action ? sign->action : NULL;
  }
}

const char *kc_plan_stop_danger(struct kc_app *app, int64_t plan_id) {
  char err[256];
  struct kc_userdb *udb = kc_app_user(app, err, sizeof err);
  struct kc_plan_snapshot s;
  memset(&s, 0, sizeof s);
  if (udb) find_danger(app, udb, plan_id, &s);
  return s.stop_danger;
}

int kc_plan_snapshot_load(struct kc_app *app, const struct kc_plan *plan, int today,
                          struct kc_plan_snapshot *s, char *err, size_t errlen) {
  memset(s, 0, sizeof *s);
  struct kc_userdb *udb = kc_app_user(app, err, errlen);
  if (!udb) return KC_UDB_EACCESS;
  if (kc_app_tasks(app, err, errlen) != 0) return KC_UDB_ENOTFOUND;
  s->plan = *plan;
  s->today = today;
  s->day_index = kc_plan_day_index(plan->start_day, today);
  s->shown_day = kc_plan_display_day(s->day_index);
  s->kind = kc_plan_kind_effective(plan->kind);
  s->tasks = kc_xcalloc(app->n_tasks ? app->n_tasks : 1, sizeof *s->tasks);
  for (size_t i = 0; i < app->n_tasks; i++)
    if (kc_task_fits(app->tasks[i].plan_kind, s->kind)) s->tasks[s->n_tasks++] = app->tasks[i];
  s->cells = kc_xcalloc(s->n_tasks * KC_PLAN_DAYS + 1, sizeof *s->cells);
  struct kc_tick *ticks = NULL;
  int n_ticks = 0, rc;
  if ((rc = kc_userdb_ticks(udb, plan->id, &ticks, &n_ticks)) != KC_UDB_OK ||
      (rc = kc_userdb_ice_list(udb, plan->id, 0, &s->ice, &s->n_ice)) != KC_UDB_OK) {
    snprintf(err, errlen, "%s", kc_userdb_errmsg(udb));
    free(ticks);
    kc_plan_snapshot_free(s);
    return rc;
  }
  struct kc_pain *pain = NULL;
  int n_pain = 0;
  if ((rc = kc_userdb_pain_list(udb, plan->id, &pain, &n_pain)) != KC_UDB_OK) {
    snprintf(err, errlen, "%s", kc_userdb_errmsg(udb));
    free(ticks);
    kc_plan_snapshot_free(s);
    return rc;
  }
  /* A day's score is its latest (morning or evening); all are kept too. */
  for (int i = 0; i < n_pain; i++) {
    const int d = pain[i].day - 1;
    if (d < 0 || d >= KC_PLAN_DAYS) continue;
    if (!s->has_pain[d] || pain[i].at >= s->pain[d].at) s->pain[d] = pain[i];
    s->has_pain[d] = true;
  }
  s->pains = pain;
  s->n_pains = n_pain;
  if (kc_userdb_redflag_worst(udb, plan->id, &s->worst_redflag) != KC_UDB_OK)
    s->worst_redflag = KC_LEVEL_NONE;
  s->level = kc_plan_level(s->worst_redflag, plan->checkin);
  s->stopped = kc_redflag_stops_plan(s->worst_redflag);
  struct kc_redflag_check last;
  s->last_check_day =
      kc_userdb_redflag_last(udb, plan->id, &last) == KC_UDB_OK ? last.cal_day : KC_DAY_INVALID;
  if (kc_redflag_stops_plan(s->worst_redflag)) find_danger(app, udb, plan->id, s);

  for (size_t t = 0; t < s->n_tasks; t++) {
    const struct kc_plan_task *task = &s->tasks[t];
    for (int d = 1; d <= KC_PLAN_DAYS; d++) {
      struct kc_task_day *c = kc_plan_cell(s, t, d);
      if (task->kind == KC_TASK_CHECK) {
        for (int i = 0; i < n_ticks; i++)
          if (ticks[i].day == d && strcmp(ticks[i].task_id, task->id) == 0) {
            c->done = true;
            c->late = ticks[i].late;
            c->at = ticks[i].at;
          }
      } else if (task->kind == KC_TASK_ICE) {
        int count = 0;
        bool late = false;
        for (int i = 0; i < s->n_ice; i++)
          if (s->ice[i].day == d) {
            count++;
            late = late || s->ice[i].late;
          }
        c->ice = kc_ice_progress(count, task->target);
        c->done = c->ice.met;
        c->late = c->done && late;
      } else {
        c->done = s->has_pain[d - 1];
        c->late = c->done && s->pain[d - 1].late;
        c->at = c->done ? s->pain[d - 1].at : 0;
      }
      c->state = kc_task_state(d, s->day_index, c->done, c->late);
      kc_progress_add(&s->progress[d - 1], task->target, c->state);
    }
  }
  free(ticks);
  return KC_UDB_OK;
}
