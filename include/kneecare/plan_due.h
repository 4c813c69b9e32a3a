/* What the active plan asks for now, in one place: for `kneecare plan
 * next` (a shell prompt, cron or a systemd user timer) and for any screen
 * that shows "what is next" (the Home dashboard). Built from the plan
 * snapshot, the running ice timer and the last warning-sign re-check, with
 * the time passed in. Nothing is due without an active plan. */
#ifndef KC_PLAN_DUE_H
#define KC_PLAN_DUE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "kneecare/app.h"

/* Between ice sessions the plan leaves about two hours. */
#define KC_ICE_GAP_SECONDS (2 * 3600)
/* The evening pain score is asked from this local hour on. */
#define KC_PAIN_EVENING_HOUR 18

struct kc_plan_due {
  bool active;         /* the profile has an active plan */
  bool stopped;        /* a warning sign stopped home care: nothing else is due */
  enum kc_level level; /* the plan's level (kc_plan_level) */
  int day_index;       /* kc_plan_day_index of today */
  bool safety_check;   /* today's warning-sign check not done yet */
  bool checkin;        /* the day-3 check-in is due and not answered */
  bool plan_over;      /* past day 3 with the check-in answered: end the plan */
  bool timer_running;
  int timer_left; /* seconds left on the running ice timer (0: time is up) */
  bool ice_now;   /* never for optional ice (every plan since issue 9); older content with a
                     target: fewer sessions than it today and none in the last two hours */
  int ice_done, ice_target;        /* ice_target 0: optional */
  bool pain_morning, pain_evening; /* that score of today not given yet, and it is its time */
  int tasks_left;                  /* required check tasks of today not ticked */
};

/* Fills *out for the app's current profile at `now` (local time). Returns
 * a kc_udb_status; without an active plan KC_UDB_OK with out->active false.
 * err holds a sentence on failure. */
int kc_plan_due_load(struct kc_app *app, time_t now, struct kc_plan_due *out, char *err,
                     size_t errlen);
/* True when something is due. */
bool kc_plan_due_any(const struct kc_plan_due *d);
/* One line for people ("Knee plan, day 2 of 3: ice now (1 of 4 done), ...");
 * "" when nothing is due. Returns buf. */
char *kc_plan_due_text(const struct kc_plan_due *d, char *buf, size_t n);

#endif
