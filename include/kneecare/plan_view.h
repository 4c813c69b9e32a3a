/* One plan as the screens and commands show it: for each task and each of
 * the three days, its state (done, late, not done, future), ice sessions
 * and pain scores, and each day's progress. Built from the user database
 * and the content's task list by applying the recovery rules; shared by
 * `kneecare plan status/export`, `kneecare report` and the checklist. */
#ifndef KC_PLAN_VIEW_H
#define KC_PLAN_VIEW_H

#include <stdbool.h>

#include "kneecare/app.h"

struct kc_task_day {
  enum kc_task_state state;
  bool done, late;
  int64_t at;                 /* when ticked / scored (0 if not) */
  struct kc_ice_progress ice; /* ice tasks */
};

struct kc_plan_snapshot {
  struct kc_plan plan;
  int today;                  /* calendar day */
  int day_index;              /* kc_plan_day_index (may be > 3 or < 1) */
  int shown_day;              /* 1..3 */
  enum kc_plan_kind kind;     /* kc_plan_kind_effective(plan.kind) */
  struct kc_plan_task *tasks; /* this plan version's tasks (strings borrowed from the app) */
  size_t n_tasks;
  struct kc_task_day *cells;  /* n_tasks * KC_PLAN_DAYS, [task * 3 + day - 1] */
  struct kc_ice_session *ice; /* every session of the plan, by time */
  int n_ice;
  struct kc_pain pain[KC_PLAN_DAYS]; /* each day's latest score (morning or evening) */
  bool has_pain[KC_PLAN_DAYS];
  struct kc_pain *pains; /* every score, by day, morning first */
  int n_pains;
  struct kc_progress progress[KC_PLAN_DAYS];
  enum kc_level worst_redflag; /* KC_LEVEL_NONE when no re-check said yes */
  enum kc_level level;         /* kc_plan_level() */
  /* When a re-check stopped home care: the danger its most urgent yes
   * names (the sign's cause title) and the sign's own action; NULL when
   * none (or the wizard cannot be read). Borrowed from the app's wizard. */
  const char *stop_danger, *stop_action;
  bool stopped;       /* a warning sign answered yes: home care has stopped */
  int last_check_day; /* calendar day of the latest safety check; KC_DAY_INVALID if none */
};

/* The danger named by the most urgent yes of the plan's worst re-check
 * (owned by the app's wizard definition), or NULL: for Home's line. */
const char *kc_plan_stop_danger(struct kc_app *app, int64_t plan_id);

/* Loads the snapshot of `plan` for calendar day `today`. Returns a
 * kc_udb_status (message in err on failure). */
int kc_plan_snapshot_load(struct kc_app *app, const struct kc_plan *plan, int today,
                          struct kc_plan_snapshot *out, char *err, size_t errlen);
void kc_plan_snapshot_free(struct kc_plan_snapshot *s);
static inline struct kc_task_day *kc_plan_cell(const struct kc_plan_snapshot *s, size_t task,
                                               int day) {
  return &s->cells[task * KC_PLAN_DAYS + (size_t)(day - 1)];
}

/* The plan as Markdown (plan_export.c): `kneecare plan export` and the
 * guide's plan page. */
struct kc_strbuf;
void kc_plan_markdown(struct kc_strbuf *b, const char *profile, const struct kc_plan_snapshot *s);

#endif
