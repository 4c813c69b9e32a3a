/* The return to running for the commands and the screens (issue 15): the
 * programme of the app's current profile as the user database keeps it,
 * replayed through the engine (core/runplan) into what today holds and
 * why; every change a person makes (start, a run's pain during, the next
 * morning's pain, a warning sign, pause, resume, end, restart from a week)
 * as one call; Home's one line (run_due.c); the clinician report's section
 * and the export (run_report.c). No SQL, no curses; time passed in.
 *
 * How the user database's rows become the engine's history: each logged
 * session is a run on its planned day (the day it was logged) with its
 * pain during and next morning; each pause a pause; a programme ended by a
 * warning sign a safety check at its level; ended by the person an end; a
 * programme started at week K > 1 (a restart) begins with a restart from
 * step K. Events keep the order they were recorded in (time of the write),
 * never sorted by day. The replay is the truth: what the store keeps as a
 * session's outcome is written from it. */
#ifndef KC_RUN_VIEW_H
#define KC_RUN_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "kneecare/app.h"
#include "kneecare/runplan.h"
#include "kneecare/runplan_load.h"
#include "kneecare/strbuf.h"
#include "kneecare/userdb_run.h"

struct kc_run_view {
  bool has;    /* the profile has a programme (the active one, else the latest) */
  bool active; /* it is not ended in the user database */
  struct kc_run_programme prog;
  const struct kc_rp_content *content; /* borrowed */
  struct kc_run_session *sessions;     /* by seq */
  int n_sessions;
  struct kc_run_pause *pauses;
  int n_pauses;
  struct kc_rp_event *ev; /* the engine's history */
  size_t n_ev;
  int *ev_session;            /* per event: index into sessions, or -1 */
  struct kc_rp_decision *dec; /* per event */
  struct kc_rp_plan plan;     /* today */
  int today;
};

/* The programme's content (the first programme of the app's content
 * database). NULL with a reason; free with kc_rp_content_free. */
struct kc_rp_content *kc_run_content(struct kc_app *app, char *err, size_t errlen);

/* Loads the current profile's programme and replays it for `today`.
 * Returns a kc_udb_status (KC_UDB_OK with out->has false when there is
 * none); err holds a sentence on failure. Free with kc_run_view_free. */
int kc_run_view_load(struct kc_app *app, const struct kc_rp_content *c, int today,
                     struct kc_run_view *out, char *err, size_t errlen);
void kc_run_view_free(struct kc_run_view *v);

/* The session a person means by seq K (1-based), or the last one when
 * seq is 0: an index into v->sessions, or -1. */
int kc_run_view_session(const struct kc_run_view *v, int seq);
/* The number the session logged next will have. */
int kc_run_view_next_seq(const struct kc_run_view *v);
/* Whether a stored walk-run timer is for today's session and can go on:
 * the programme active with a run due today, the timer of today and of
 * the session not logged yet (a run is logged on its own day). */
bool kc_run_view_timer_current(const struct kc_run_view *v, const struct kc_run_timer *t);

/* ---- starting ------------------------------------------------------------ */

/* What a programme would follow: the plan (plan_id, or 0 for the active
 * plan, else the latest one), its cause and the level of the symptom check
 * it came from (else the cause's own minimum level), and whether the day-3
 * readiness checks passed (`ready_given`: the caller has just seen them
 * pass; else every recorded check passed and there was at least one). */
struct kc_run_origin {
  bool found; /* a plan was found */
  int64_t plan_id;
  char cause_id[KC_RUN_ID_BUF];
  enum kc_level level;
  bool ready;
};
int kc_run_origin_find(struct kc_app *app, const struct kc_rp_content *c, int64_t plan_id,
                       bool ready_given, struct kc_run_origin *out, char *err, size_t errlen);

/* The engine's start rule for this origin (why says what to do). */
enum kc_rp_start kc_run_may_start(const struct kc_rp_content *c, const struct kc_run_origin *o,
                                  int signs_level, bool go_ahead, char *why, size_t n);

/* Starts a programme at `week` (1, or a restart's week) on `today`. When
 * one is active it must be ended first (EEXISTS). */
int kc_run_start(struct kc_app *app, const struct kc_rp_content *c, const struct kc_run_origin *o,
                 bool go_ahead, int week, int today, time_t now, char *err, size_t errlen);

/* ---- logging ---------------------------------------------------------------- */

/* Logs the pain during a run (0..10). seq 0: today's run (a run must be
 * due today; a new session is recorded with the minutes of the step due,
 * or run_min/walk_min when >= 0). seq K: logs session K again (replaces).
 * On success *seq_out (may be NULL) is the session's seq. */
int kc_run_log_during(struct kc_app *app, struct kc_run_view *v, int seq, int during, int run_min,
                      int walk_min, time_t now, int *seq_out, char *err, size_t errlen);
/* The next morning's pain (0..10) of session seq (0: the last run logged).
 * Stores the pain rule's outcome from the replay; a finishing run ends the
 * programme as finished. */
int kc_run_log_morning(struct kc_app *app, struct kc_run_view *v, int seq, int morning, time_t now,
                       char *err, size_t errlen);
/* A session's safety check with a sign answered yes or not sure: the
 * programme stops for good at that level (at least "soon"). */
int kc_run_stop_for_sign(struct kc_app *app, struct kc_run_view *v, enum kc_level level, time_t now,
                         char *err, size_t errlen);
int kc_run_pause(struct kc_app *app, struct kc_run_view *v, enum kc_pause_reason reason, time_t now,
                 char *err, size_t errlen);
int kc_run_resume(struct kc_app *app, struct kc_run_view *v, char *err, size_t errlen);
/* The person ends it (kept as history). */
int kc_run_end(struct kc_app *app, struct kc_run_view *v, time_t now, char *err, size_t errlen);
/* Ends the programme (if active) and starts again from `week`
 * (1..n_stages) with the same origin; never after a warning sign. */
int kc_run_restart(struct kc_app *app, struct kc_run_view *v, int week, time_t now, char *err,
                   size_t errlen);

/* The warning signs a session's safety check asks, as indexes of the
 * wizard's sign table: every sign marked recheck (the plan's daily check),
 * then the programme's own (run_check) not already asked. Returns how many
 * (at most cap). */
size_t kc_run_check_signs(const struct kc_wz_def *def, const struct kc_rp_content *c, size_t *si,
                          size_t cap);

/* A strength exercise's dose for today by the pain rule (core/exercise):
 * from the latest of `log` (the profile's strength records, oldest first)
 * for this exercise, with the pain during it as recorded and the knee's
 * pain the next morning when a run of that day had its next-morning pain
 * logged (else the dose is kept: the rule needs both, unless the pain
 * during it was already over the limit, which no morning undoes). good sessions in a
 * row count back over this exercise's records. Without a record: the first
 * dose and KC_EX_KEEP with why "". Returns the step. */
enum kc_ex_step kc_run_strength_dose(const struct kc_rp_content *c, const struct kc_rp_exercise *e,
                                     const struct kc_strength *log, int n_log,
                                     const struct kc_run_view *v, struct kc_ex_dose *dose,
                                     char *why, size_t n);

/* Seconds in a minute of the walk-run timer: 60, or (builds with the
 * tests only) KNEECARE_RUN_MINUTE_SECONDS. */
int kc_run_minute_seconds(void);

/* ---- words --------------------------------------------------------------------- */

/* "Mon 30 Nov" */
char *kc_run_day_text(int day, char *buf, size_t n);
/* Pain and minutes per programme week (week 1 = start_day..start_day+6):
 * the highest pain during and next morning (-1: none logged) and minutes
 * run; fills at most cap weeks, returns how many weeks the programme spans
 * up to today (at least 1). */
struct kc_run_week {
  int during_max, morning_max;
  int run_minutes;
  int runs;
};
int kc_run_weeks(const struct kc_run_view *v, struct kc_run_week *out, int cap);

/* ---- Home's line (run_due.c) ------------------------------------------------------ */

struct kc_run_due {
  bool active; /* an active programme */
  enum kc_rp_status status;
  enum kc_rp_today today;
  bool morning_due;
  int stage, n_stages;
  struct kc_rp_stage session;
  int next_run_day;
  enum kc_level level; /* a stopped programme's level */
};
/* Fills *out for the current profile on `today` (loads the content once).
 * Returns a kc_udb_status; no programme is KC_UDB_OK with active false. */
int kc_run_due_load(struct kc_app *app, int today, struct kc_run_due *out, char *err,
                    size_t errlen);
/* From a view already loaded. */
void kc_run_due_from(const struct kc_run_view *v, struct kc_run_due *out);
bool kc_run_due_any(const struct kc_run_due *d);
/* "Running, step 2 of 6: run today (run 2 minutes, walk 2 minutes, 5
 * times)"; "" when there is no active programme. Returns buf. */
char *kc_run_due_text(const struct kc_run_due *d, char *buf, size_t n);

/* ---- report and export (run_report.c) ------------------------------------------- */

/* The programme's section of the clinician report (Markdown, "## Return
 * to running"); nothing when the profile has none. */
void kc_run_report_md(const struct kc_run_view *v, struct kc_strbuf *b);
/* The same in one call for the report renderer: loads the content and the
 * current profile's programme for `today`, appends the section (nothing
 * when there is no programme). Returns a kc_udb_status; err on failure. */
int kc_run_report_section(struct kc_app *app, int today, struct kc_strbuf *b, char *err,
                          size_t errlen);
enum kc_run_format { KC_RUN_MARKDOWN = 0, KC_RUN_CSV = 1 };
/* Every session, pause and decision of the programme. */
void kc_run_export(const struct kc_run_view *v, enum kc_run_format f, struct kc_strbuf *b);
/* The status as JSON (one object, for `run status --json`). */
void kc_run_status_json(const struct kc_run_view *v, struct kc_strbuf *b);

#endif
