/* Internal to the return-to-running engine: the facts a decision rests on.
 * The replay (runplan_replay.c) records them as numbers and the sentences
 * (runplan_why.c) are written only for the decisions somebody will read,
 * so replaying a long history costs no string formatting. */
#ifndef KC_RUNPLAN_INT_H
#define KC_RUNPLAN_INT_H

#include "kneecare/runplan.h"

/* Why a run went the way it did. */
enum rp_reason {
  RP_R_NONE = 0,
  RP_R_GOOD,          /* within the limit during and next morning, no worse */
  RP_R_DURING,        /* pain during above the limit */
  RP_R_MORNING,       /* next-morning pain above the limit: not settled */
  RP_R_WORSE,         /* next morning worse than after the previous run */
  RP_R_UNLOGGED,      /* during or next morning never logged */
  RP_R_WAITING,       /* next morning not logged yet (the latest run) */
  RP_R_SIGN,          /* a warning sign */
  RP_R_STOPPED,       /* ignored: the programme had stopped */
  RP_R_ENDED,         /* ignored: the person had ended it */
  RP_R_FINISHED,      /* ignored: the programme was finished */
  RP_R_BAD_DAY,       /* ignored: no valid date */
  RP_R_BAD_PAUSE,     /* ignored: a pause that ends before it starts */
  RP_R_CHECK_CLEAR,   /* a safety check with every answer no */
  RP_R_UNKNOWN_EVENT, /* ignored: an event kind this version does not know */
};

struct rp_facts {
  enum kc_rp_step step;
  enum rp_reason reason;
  int stage_before, stage_after; /* 1-based */
  int stage_run;                 /* the step the run counted at (after a long break) */
  int day, during, morning, ref_morning;
  int good, bad;        /* counts after this run */
  int break_days, lost; /* a long break before this run, and the steps it cost */
  int level;            /* a sign's level */
  int pause_end;        /* a pause's last day (KC_DAY_INVALID: open) */
};

/* Writes the sentence for a decision into out->why and copies the step and
 * stages. */
void rp_render(const struct kc_rp_def *def, const struct rp_facts *f, struct kc_rp_decision *out);

/* What today's sentence rests on, beyond the plan itself. */
struct rp_today_facts {
  int today;
  int start_day;    /* the programme's start, or its last restart */
  int break_days;   /* days without a run before today's run, pauses left out */
  int lost;         /* steps that break costs today's run */
  int paused_since; /* first day of the pause today is in, or KC_DAY_INVALID */
  bool ran_today;
  bool clock_back; /* today is before the last run or the start */
  int stalled_for; /* days at this step without moving up */
};

/* Writes p->today_why for the plan as filled in by the replay. */
void rp_render_today(const struct kc_rp_def *def, struct kc_rp_plan *p,
                     const struct rp_today_facts *t);

#endif
