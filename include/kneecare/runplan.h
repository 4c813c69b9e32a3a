/* The return-to-running programme's rules as pure functions: who may start
 * it, which session is due on a given day, and what the pain rule makes of
 * each logged run -- progress, keep going, repeat, step back, finish or
 * stop -- with a sentence a person can read and check.
 *
 * Nothing here stores anything or reads a clock. The content database
 * supplies the programme (struct kc_rp_def, loaded by store/runplan_load),
 * the user database supplies the history (struct kc_rp_history: runs with
 * their pain scores, safety checks, pauses, restarts, an end) and the caller
 * passes today as a calendar day number (day.h), so every rule can be tested
 * over whole programmes, across month ends, DST changes and a clock set
 * back. The history is replayed from the start on every call: the facts are
 * the state, so nothing can drift out of step with what was logged.
 *
 * THE SAFETY RULE: a safety check in which any warning sign was answered
 * yes (or "not sure") stops the programme for good, at that sign's level
 * (never below "see a physio or GP soon"), wherever it sits in the history
 * and whatever comes after it. A stopped programme never offers a run. */
#ifndef KC_RUNPLAN_H
#define KC_RUNPLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "kneecare/level.h"

#define KC_RP_MAX_STAGES 12
#define KC_RP_MAX_CAUSES 32
#define KC_RP_ID_MAX 48   /* bytes of a cause id, with the NUL */
#define KC_RP_WHY_MAX 768 /* bytes of one explanation, with the NUL */
#define KC_RP_PAIN_MAX 10 /* pain is scored 0 (none) .. 10 (worst imaginable) */
#define KC_RP_NOT_LOGGED (-1)

/* ---- the programme (from the content database) ------------------------ */

/* One step of the walk-run programme: run `run_min` minutes, walk
 * `walk_min` minutes, `repeats` times (walk_min 0: one continuous run). */
struct kc_rp_stage {
  int run_min, walk_min, repeats;
};

/* The pain rule, written once in the data (run_rule) with its source. */
struct kc_rp_rule {
  int during_max;       /* highest pain during a run, and the next morning, that is fine */
  int good_to_progress; /* good runs in a row at one step before the next step */
  int bad_to_step_back; /* runs over the limit in a row before going back one step */
  int gap_days;         /* each full break of this many days (pauses excluded) costs one step */
  int stall_days;       /* this long without moving up: "see a physio or GP soon" */
};

/* A cause the programme suits, with the minimum level of its wizard cause. */
struct kc_rp_cause {
  char id[KC_RP_ID_MAX];
  enum kc_level min_level;
};

struct kc_rp_def {
  int sessions_per_week; /* at most this many runs in any 7 days */
  int rest_days;         /* at least this many days between two runs */
  int warmup_min;        /* brisk walking before each run */
  struct kc_rp_stage stage[KC_RP_MAX_STAGES];
  int n_stages;
  struct kc_rp_rule rule;
  struct kc_rp_cause cause[KC_RP_MAX_CAUSES];
  int n_causes;
};

/* Checks that a definition is one the engine can follow safely: 3..12
 * stages whose single runs and total running never shrink, grow at most
 * twofold per step and start with runs of at most 2 minutes; sessions of
 * at most 60 minutes; a nominal length (stages x good_to_progress /
 * sessions_per_week) of 3 to 6 weeks; rule numbers in range; no cause twice
 * and none at "see a doctor within 24 hours" or above. Writes the first
 * problem into err. The engine refuses a definition that fails this. */
bool kc_rp_def_check(const struct kc_rp_def *def, char *err, size_t errlen);

/* "run 2 minutes, walk 2 minutes, 5 times" / "run 20 minutes without
 * walking". Returns buf. */
char *kc_rp_stage_text(const struct kc_rp_stage *s, char *buf, size_t n);
/* Minutes of running in one session of the stage. */
int kc_rp_stage_run_total(const struct kc_rp_stage *s);

/* ---- who may start ------------------------------------------------------ */

enum kc_rp_start {
  KC_RP_START_OK = 0,       /* may start now */
  KC_RP_START_GO_AHEAD = 1, /* only once the person confirms a clinician's go-ahead */
  KC_RP_START_NO = 2,       /* not this programme: the why says what to do instead */
};

struct kc_rp_start_in {
  const char *cause_id; /* the top cause of the symptom check the programme follows */
  int result_level;     /* that result's level (enum kc_level) */
  bool ready;           /* every readiness check of the return-to-running article passed */
  int signs_level;      /* today's safety check: KC_LEVEL_NONE when every answer was no */
  bool go_ahead;        /* the person confirms a clinician said running may start */
};

/* Decides whether the programme may start: never with a warning sign
 * answered today or failed readiness checks, never for a cause the data
 * does not list (danger causes are never listed; the packer checks), and
 * for a result or cause at "see a physio or GP soon" or above only with a
 * confirmed go-ahead. Writes the reason into why. */
enum kc_rp_start kc_rp_start_check(const struct kc_rp_def *def, const struct kc_rp_start_in *in,
                                   char *why, size_t n);

/* ---- the history (from the user database) ------------------------------ */

enum kc_rp_ev_kind {
  KC_RP_EV_RUN = 1,     /* a run: day, during, morning */
  KC_RP_EV_CHECK = 2,   /* a safety check: day, level */
  KC_RP_EV_PAUSE = 3,   /* a pause: day (first paused day) .. end_day */
  KC_RP_EV_RESTART = 4, /* restart from step `stage` on day (a step is planned as a week:
                           "restart from week 3" is stage 3); never reopens a stopped one */
  KC_RP_EV_END = 5,     /* the person ended the programme on day */
};

struct kc_rp_event {
  int kind;    /* enum kc_rp_ev_kind; anything else is ignored */
  int day;     /* calendar day number of the event */
  int during;  /* RUN: pain during, 0..10, or KC_RP_NOT_LOGGED */
  int morning; /* RUN: pain the next morning, 0..10, or KC_RP_NOT_LOGGED (not yet) */
  int end_day; /* PAUSE: the last paused day, or KC_DAY_INVALID while still paused */
  int stage;   /* RESTART: the step (1-based) to restart from */
  int level;   /* CHECK: KC_LEVEL_NONE if every answer was no; else the highest level of
                  the signs answered yes or not sure. Any other non-zero value stops too. */
};

/* Events in the order they were recorded (the user database's row order,
 * not sorted by day: a clock set back must not reorder facts). */
struct kc_rp_history {
  int start_day;
  const struct kc_rp_event *ev;
  size_t n;
};

/* ---- what the rules decide ----------------------------------------------- */

enum kc_rp_status {
  KC_RP_ACTIVE = 0,
  KC_RP_PAUSED = 1,   /* today is inside a pause */
  KC_RP_FINISHED = 2, /* the last step was completed */
  KC_RP_ENDED = 3,    /* the person ended it (a restart reopens it) */
  KC_RP_STOPPED = 4,  /* a warning sign: for good */
};

enum kc_rp_step {
  KC_RP_STEP_NONE = 0,     /* no decision (an event that decides nothing) */
  KC_RP_STEP_PENDING = 1,  /* a run waiting for its next-morning pain */
  KC_RP_STEP_KEEP = 2,     /* a good run; the same step until enough in a row */
  KC_RP_STEP_PROGRESS = 3, /* the next step */
  KC_RP_STEP_REPEAT = 4,   /* over the limit, not settled, worse, or not logged */
  KC_RP_STEP_BACK = 5,     /* one step back (twice over the limit, or a long break) */
  KC_RP_STEP_FINISH = 6,   /* the last step completed */
  KC_RP_STEP_STOP = 7,     /* a warning sign */
  KC_RP_STEP_RESTART = 8,
  KC_RP_STEP_END = 9,
  KC_RP_STEP_PAUSE = 10,
  KC_RP_STEP_IGNORED = 11, /* an event after the end, or one without a valid date */
};

/* "progress", "repeat", ... for data and JSON. */
const char *kc_rp_step_name(enum kc_rp_step step);
const char *kc_rp_status_name(enum kc_rp_status status);

struct kc_rp_decision {
  enum kc_rp_step step;
  int stage_before, stage_after; /* 1-based */
  char why[KC_RP_WHY_MAX];       /* plain words: what happened and why */
};

enum kc_rp_today {
  KC_RP_TODAY_NONE = 0, /* stopped, ended, finished, paused, or not yet started */
  KC_RP_TODAY_RUN = 1,  /* a run is due (or overdue) today */
  KC_RP_TODAY_REST = 2, /* a rest day */
};

struct kc_rp_plan {
  enum kc_rp_status status;
  enum kc_level level; /* STOPPED: the sign's level (>= SOON); SOON when stalled; else SELF_CARE */
  int stage;           /* 1-based step of the next run */
  int n_stages;
  int good_in_row, bad_in_row; /* at the current step */
  int runs;                    /* runs counted by the rules */
  int last_run_day;            /* KC_DAY_INVALID if none */
  int next_run_day;            /* when the next run is due; KC_DAY_INVALID if none is */
  int stop_day;                /* the day of the warning sign (STOPPED), else KC_DAY_INVALID */
  bool stalled;                /* stall_days without moving up: see a physio or GP soon */
  bool morning_due;            /* the last run's next-morning pain is still to be logged */
  bool overdue;                /* the due run was due before today */
  enum kc_rp_today today;
  struct kc_rp_stage session;    /* the run due today, or the next one */
  struct kc_rp_decision last;    /* the latest decision of the rules */
  char today_why[KC_RP_WHY_MAX]; /* what today holds, and why */
};

/* Replays the history under the definition and fills *out for `today`.
 * per_event (may be NULL) receives one decision per history event, in the
 * same order, for the week view and the export. Returns 0, or -1 when def
 * fails kc_rp_def_check or out is NULL (*out then holds a STOPPED plan at
 * "see a physio or GP soon": a broken programme never offers a run). */
int kc_rp_plan(const struct kc_rp_def *def, const struct kc_rp_history *h, int today,
               struct kc_rp_plan *out, struct kc_rp_decision *per_event);

/* The level a safety check's recorded value stops at: KC_LEVEL_NONE for 0,
 * at least SOON for 1..5, AMBULANCE for anything else (a value the program
 * never writes is read the most careful way). */
enum kc_level kc_rp_check_level(int recorded);

#endif
