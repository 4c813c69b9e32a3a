/* What the plan screens share (screen_plan.c, screen_recheck.c,
 * screen_readiness.c, screen_chart.c): the stop banner and the screens
 * opened from the checklist. */
#ifndef KC_SCREEN_PLAN_H
#define KC_SCREEN_PLAN_H

#include "kneecare/plan_view.h"
#include "ui.h"

/* The banner every plan screen shows once home care has stopped or the
 * plan stands above self-care: the level's title and the danger the
 * warning sign names (readable without colour: "!!" and reverse video).
 * Draws from row y in w columns; returns the rows used (0 when none). */
int kc_plan_banner(const struct kc_plan_snapshot *s, int y, int w, int h);
/* Rows kc_plan_banner would use; the sign's own action is left out of
 * the banner on screens under 20 rows (it is on the stop page). */
int kc_plan_banner_rows(const struct kc_plan_snapshot *s, int w, int h);

/* kc_plan_open (ui.h) for a plan started from a result: the cause's plan
 * kind (NONE asks the one question) and id (recorded with the plan). */
void kc_plan_open_for(struct kc_ui *ui, enum kc_plan_kind kind, const char *cause_id);

/* The daily safety check; `worse` asks it for a day-3 "worse" answer and
 * records the check-in with it. When the warning signs cannot be loaded
 * (or none is marked recheck) it returns a blocking screen that says so
 * and links the red flags: it never lets the checklist open as passed. */
struct kc_view *kc_recheck_new_mode(struct kc_ui *ui, int64_t plan_id, int worse);
/* The five readiness checks of a "better" day-3 answer. */
struct kc_view *kc_readiness_new(struct kc_ui *ui, int64_t plan_id);
/* The advice page of a check-in answer at `level` (danger may be NULL). */
struct kc_view *kc_checkin_page(struct kc_ui *ui, enum kc_checkin answer, enum kc_level level,
                                const char *danger);

/* Shared by the plan's files (screen_plan.c, screen_plan_start.c,
 * ice_timer.c): the user database or a message saying why not; the
 * checklist of a plan (NULL with a message when it cannot be read); the
 * start screen; the timer run from `left` seconds of `total`, and cancelled
 * without recording. */
struct kc_userdb *kc_plan_udb(struct kc_ui *ui);
struct kc_view *kc_checklist_new(struct kc_ui *ui, const struct kc_plan *plan);
struct kc_view *kc_plan_starter_new(enum kc_plan_kind kind, const char *cause_id);
void kc_ice_run(struct kc_ui *ui, int64_t plan_id, int day, int total, int left);
void kc_ice_cancel(struct kc_ui *ui);

#endif
