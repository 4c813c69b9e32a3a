/* The return-to-running screens' shared declarations (screen_run*.c). */
#ifndef KC_SCREEN_RUN_H
#define KC_SCREEN_RUN_H

#include "kneecare/run_view.h"
#include "ui.h"

enum run_check_mode { RUN_CHECK_START, RUN_CHECK_SESSION };

/* The programme's content, or NULL after a status-line message. */
struct kc_rp_content *kc_run_ui_content(struct kc_ui *ui);
/* The programme screen (the profile's programme, or "none yet"). */
struct kc_view *kc_run_screen_new(struct kc_ui *ui);
/* The safety check before a run (or before starting). */
struct kc_view *kc_run_check_new(struct kc_ui *ui, const struct kc_rp_content *c,
                                 enum run_check_mode mode);
/* The walk-run timer of today's session; then the pain during. */
struct kc_view *kc_run_timer_new(struct kc_ui *ui, const struct kc_rp_content *c);
/* The walk-run timer stored by an earlier run of the guide (a quit, a
 * crash, or leaving the timer), carried on: a running one counts the time
 * since as gone by, a paused one stays where it was. NULL after a message
 * when it is not today's session's. */
struct kc_view *kc_run_timer_resume(struct kc_ui *ui, const struct kc_run_timer *saved);
struct kc_view *kc_run_strength_new(struct kc_ui *ui, const struct kc_rp_content *c);
struct kc_view *kc_run_week_new(struct kc_ui *ui, const struct kc_rp_content *c);
struct kc_view *kc_run_chart_new(struct kc_ui *ui, const struct kc_rp_content *c);

#endif
