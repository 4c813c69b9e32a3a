/* The return-to-running programme of issue 15 in the user database: a
 * programme per profile (one active at a time), its sessions (planned, done,
 * with pain during and the next morning and what the pain rule decided),
 * pauses that shift it without losing it, and strength sessions. The rules
 * (what to plan, what the pain says next) are the programme engine's; this
 * layer keeps what was given and done, checks what it can (ranges, order,
 * the clinician's go-ahead for a result at "soon" or above) and repeats it
 * in SQL CHECKs. Conventions as in userdb.h: kc_udb_status, the message on
 * the handle, one transaction per write, time passed in. */
#ifndef KC_USERDB_RUN_H
#define KC_USERDB_RUN_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "kneecare/level.h"
#include "kneecare/userdb.h"

#define KC_RUN_ID_BUF 65 /* content ids: [a-z0-9-], 1..64 */
#define KC_RUN_MAX_WEEKS 52

enum kc_run_end {
  KC_RUN_ACTIVE = 0,
  KC_RUN_FINISHED = 1,
  KC_RUN_STOPPED = 2,      /* the person stopped it */
  KC_RUN_WARNING_SIGN = 3, /* a warning sign stopped it, with its level */
  KC_RUN_RESTARTED = 4,    /* replaced by a restart from a chosen week */
};
enum kc_run_outcome {
  KC_RUN_OUTCOME_NONE = 0,
  KC_RUN_PROGRESS = 1,
  KC_RUN_REPEAT = 2,
  KC_RUN_STEP_BACK = 3,
  KC_RUN_STOP = 4,
};
enum kc_pause_reason { KC_PAUSE_ILLNESS = 1, KC_PAUSE_TRAVEL, KC_PAUSE_INJURY, KC_PAUSE_OTHER };
enum kc_strength_variant { KC_STRENGTH_STANDARD = 0, KC_STRENGTH_EASIER, KC_STRENGTH_HARDER };

/* Names as stored ("finished", "step-back", "travel", "easier"...); "" for
 * values out of range. */
const char *kc_run_end_name(enum kc_run_end e);
const char *kc_run_outcome_name(enum kc_run_outcome o);
const char *kc_pause_reason_name(enum kc_pause_reason r);
const char *kc_strength_variant_name(enum kc_strength_variant v);

/* ---- the programme ------------------------------------------------------------ */

struct kc_run_programme {
  int64_t id, profile_id;
  char programme_id[KC_RUN_ID_BUF]; /* which programme of the content */
  int64_t plan_id;                  /* the plan it followed, 0 if none */
  char cause_id[KC_RUN_ID_BUF];     /* "" if none */
  enum kc_level level_at_start;
  bool clinician_ok;
  int start_day; /* calendar day */
  int64_t started_at;
  int week;         /* the week it is at, 1.. */
  int64_t ended_at; /* 0 while active */
  enum kc_run_end end;
  enum kc_level stop_level; /* KC_RUN_WARNING_SIGN only */
};

struct kc_run_start {
  const char *programme_id;
  int64_t plan_id;      /* the profile's plan it follows, or 0 */
  const char *cause_id; /* or NULL */
  enum kc_level level;  /* the triage level of the check it came from */
  bool clinician_ok;    /* the person confirmed a clinician's go-ahead */
  int start_day;        /* calendar day of its first session */
  int week;             /* 1, or the week a restart begins at */
};
/* Starts a programme: EEXISTS if one is active, EINVAL for a bad id, a week
 * outside 1..52, or a level of "soon" or above without clinician_ok (the
 * guide never starts one then without the person's confirmation). */
int kc_userdb_run_start(struct kc_userdb *db, int64_t profile_id, const struct kc_run_start *s,
                        time_t now, struct kc_run_programme *out);
/* The active one, or ENOTFOUND. */
int kc_userdb_run_active(struct kc_userdb *db, int64_t profile_id, struct kc_run_programme *out);
int kc_userdb_run_get(struct kc_userdb *db, int64_t programme_id, struct kc_run_programme *out);
/* All of a profile's programmes, newest first; *out malloc'd. */
int kc_userdb_run_list(struct kc_userdb *db, int64_t profile_id, struct kc_run_programme **out,
                       int *n);
/* Moves an active programme to another week (1..52). */
int kc_userdb_run_set_week(struct kc_userdb *db, int64_t programme_id, int week);
/* Ends an active one. stop_level is the warning sign's level for
 * KC_RUN_WARNING_SIGN and ignored otherwise. An open pause is closed. */
int kc_userdb_run_end(struct kc_userdb *db, int64_t programme_id, enum kc_run_end how,
                      enum kc_level stop_level, time_t now);

/* ---- sessions ------------------------------------------------------------------ */

struct kc_run_session {
  int64_t id, programme_id;
  int seq, week, planned_day;
  int planned_run_minutes, planned_walk_minutes, planned_repeats;
  int64_t done_at;                             /* 0: not done yet */
  int actual_run_minutes, actual_walk_minutes; /* -1 until done */
  int pain_during, pain_next_morning;          /* -1 until given */
  enum kc_run_outcome outcome;
  char note[KC_NOTE_BUF];
};
struct kc_run_plan {
  int seq, week, planned_day;
  int run_minutes, walk_minutes, repeats; /* 0..180, 0..180, 1..50 */
};
/* Adds a planned session to an active programme; EEXISTS for a seq it has. */
int kc_userdb_run_session_plan(struct kc_userdb *db, int64_t programme_id,
                               const struct kc_run_plan *p, int64_t *id_out);
/* Logs a session done now: minutes (0..300), pain during (0..10), a note
 * (kc_note_check; NULL for none). Logging again replaces the minutes, pain
 * and note but keeps the time it was first done (the history's order). */
int kc_userdb_run_session_log(struct kc_userdb *db, int64_t session_id, int run_minutes,
                              int walk_minutes, int pain_during, const char *note, time_t now);
/* The next morning's pain (0..10) and what the pain rule decided; the
 * session must have been logged. */
int kc_userdb_run_session_outcome(struct kc_userdb *db, int64_t session_id, int pain_next_morning,
                                  enum kc_run_outcome outcome);
int kc_userdb_run_session_get(struct kc_userdb *db, int64_t session_id, struct kc_run_session *out);
/* A programme's sessions by seq; *out malloc'd. */
int kc_userdb_run_sessions(struct kc_userdb *db, int64_t programme_id, struct kc_run_session **out,
                           int *n);

/* ---- pauses ----------------------------------------------------------------------- */

struct kc_run_pause {
  int64_t id;
  int from_day, to_day; /* to_day KC_DAY_INVALID while it lasts */
  enum kc_pause_reason reason;
  int64_t created_at;
};
/* Pauses an active programme from a calendar day; EEXISTS when paused. */
int kc_userdb_run_pause(struct kc_userdb *db, int64_t programme_id, int from_day,
                        enum kc_pause_reason reason, time_t now);
/* Ends the open pause on to_day (>= its first day) and moves every session
 * not done yet, planned on or after the pause's first day, later by the
 * days paused: one transaction, nothing lost. ENOTFOUND when not paused. */
int kc_userdb_run_resume(struct kc_userdb *db, int64_t programme_id, int to_day);
/* Oldest first; *out malloc'd. */
int kc_userdb_run_pauses(struct kc_userdb *db, int64_t programme_id, struct kc_run_pause **out,
                         int *n);

/* ---- the walk-run timer (migration 008) ------------------------------------------------ */

#define KC_RUN_TIMER_MAX_PHASE 102 /* a warm-up, then up to 50 runs and 50 walks; done */
#define KC_RUN_TIMER_MAX_SECONDS 36000

/* The walk-run timer of a session, stored the moment it starts, pauses,
 * resumes or changes phase, so a quit or a crash keeps it. */
struct kc_run_timer {
  int64_t programme_id;
  int seq, day;             /* the session it is for: number, calendar day */
  int64_t started_at;       /* when the timer was started */
  int phase;                /* 0..KC_RUN_TIMER_MAX_PHASE (the number of phases once complete) */
  int64_t phase_started_at; /* when the phase began, moved on by the time paused */
  bool paused;
  int64_t paused_at;             /* when paused (paused only) */
  int run_seconds, walk_seconds; /* in the phases before this one, 0..36000 */
};
/* Stores the active programme's timer, replacing the one it had. EINVAL
 * for values out of range or a programme that has ended; ENOTFOUND for
 * one that does not exist. */
int kc_userdb_run_timer_save(struct kc_userdb *db, const struct kc_run_timer *t);
/* The programme's stored timer, or ENOTFOUND. */
int kc_userdb_run_timer_get(struct kc_userdb *db, int64_t programme_id, struct kc_run_timer *out);
/* Deletes the programme's timer (the run was logged, or it was
 * discarded); KC_UDB_OK also when there was none. */
int kc_userdb_run_timer_clear(struct kc_userdb *db, int64_t programme_id);

/* ---- strength sessions -------------------------------------------------------------- */

struct kc_strength {
  int64_t id;
  int64_t programme_id; /* 0 if done on its own */
  char exercise_id[KC_RUN_ID_BUF];
  enum kc_strength_variant variant;
  int cal_day;
  int64_t at;
  int sets;         /* 1..20 */
  int reps;         /* 1..200, or 0 for a hold */
  int hold_seconds; /* 1..600, or 0 for repetitions */
  int pain;         /* 0..10, or -1 not given */
};
/* Records one exercise done (the id, programme_id and counts of *e; its id
 * and at are set). Exactly one of reps and hold_seconds. */
int kc_userdb_strength_add(struct kc_userdb *db, int64_t profile_id, struct kc_strength *e,
                           time_t now);
/* A profile's exercises on calendar days from..to, by time; *out malloc'd. */
int kc_userdb_strength_list(struct kc_userdb *db, int64_t profile_id, int from_day, int to_day,
                            struct kc_strength **out, int *n);

#endif
