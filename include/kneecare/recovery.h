/* The rules of the 3-day RICE recovery plan, as pure functions: which plan
 * day it is, what state each task is in, which days may be edited, ice
 * progress, the day-3 check-in and the daily red-flag re-check. Days are
 * calendar day numbers (day.h); "today" is always passed in, so every rule
 * can be tested at midnight, across DST changes and with the clock set
 * back. No storage, no terminal: the store records facts, the screens show
 * what these functions decide. */
#ifndef KC_RECOVERY_H
#define KC_RECOVERY_H

#include <stdbool.h>
#include <stddef.h>

#include "kneecare/level.h"

#define KC_PLAN_DAYS 3         /* the plan runs for days 1..3 */
#define KC_PLAN_MAX_BACKDATE 7 /* a plan may start up to 7 days before today */
/* Ice is an optional comfort measure (ice.md, peace-and-love.md): there is
 * no daily target. These stay as the most sessions a day the advice allows
 * (every 2-3 hours while awake), used to warn, never to mark a day. */
#define KC_ICE_TARGET 4
#define KC_ICE_MINIMUM 3
#define KC_ICE_MINUTES 20 /* one session, at most */
#define KC_ICE_SKIN_CHECK_MINUTES 5
#define KC_PAIN_MIN 0
#define KC_PAIN_MAX 10
#define KC_TASK_ID_MAX 32 /* bytes of a task id: [a-z0-9-] */

/* ---- plan days ----------------------------------------------------------- */

/* Plan day index of `today` for a plan starting on `start_day`: 1 on the
 * start day, 2 the next calendar day, ...; above 3 after the plan; 0 or less
 * if today is before the start (a clock set back). KC_DAY_INVALID-safe:
 * returns 0 if either day is invalid. */
int kc_plan_day_index(int start_day, int today);
/* Calendar day of plan day n (1-based). */
int kc_plan_day_date(int start_day, int n);
/* Which plan day a screen should open on: the index clamped to 1..3. */
int kc_plan_display_day(int day_index);
/* "Day 2 of 3"; after the plan "Day 5: the 3-day plan is over"; before the
 * start (clock set back) "Starts in 1 day". Returns buf. */
char *kc_plan_day_label(int day_index, char *buf, size_t n);
/* True for a plan day 1..3 that is today or in the past, i.e. its tasks may
 * be ticked, unticked, counted or scored. Future days are read-only. */
bool kc_plan_day_editable(int plan_day, int day_index);
/* A start day is acceptable when it is today or up to KC_PLAN_MAX_BACKDATE
 * days earlier (the pain started yesterday); never in the future. On refusal
 * writes a sentence into err. */
bool kc_plan_start_ok(int start_day, int today, char *err, size_t errlen);

/* ---- tasks --------------------------------------------------------------- */

enum kc_task_kind {
  KC_TASK_CHECK = 0, /* one tick a day */
  KC_TASK_ICE = 1,   /* a count of ice sessions against a target */
  KC_TASK_PAIN = 2,  /* a pain score 0-10 with an optional note */
};
/* "check", "ice", "pain" (the plan_task.kind values) */
bool kc_task_kind_parse(const char *text, enum kc_task_kind *out);
const char *kc_task_kind_name(enum kc_task_kind kind);

/* Task ids as stored: 1..32 bytes of lower-case ASCII letters, digits and
 * '-'. The content database decides which ids exist; this only keeps
 * arbitrary bytes out of the user database. */
bool kc_task_id_check(const char *id);

enum kc_task_state {
  KC_TASK_NOT_DONE = 0,  /* today or past, not done: may be done now */
  KC_TASK_DONE = 1,      /* done on its own calendar day */
  KC_TASK_DONE_LATE = 2, /* done, but recorded on a later calendar day */
  KC_TASK_FUTURE = 3,    /* a day still to come: read-only */
};
/* A record made on calendar day `record_day` for plan day `plan_day` is late
 * when it was made after that plan day's date. */
bool kc_task_is_late(int start_day, int plan_day, int record_day);
/* State of a task on plan_day given whether it is done (check: ticked; ice:
 * kc_ice_progress().met; pain: a score logged) and whether that was late.
 * Something done stays done even if the clock now says its day is in the
 * future (clock set back): facts are not hidden, only editing is refused. */
enum kc_task_state kc_task_state(int plan_day, int day_index, bool done, bool late);
const char *kc_task_state_name(enum kc_task_state state); /* "done", "late"... */

/* ---- ice ----------------------------------------------------------------- */

struct kc_ice_progress {
  int count;     /* sessions recorded that day */
  int target;    /* 0: optional (every plan since issue 9); > 0 only in old content */
  int minimum;   /* enough to count as done: min(KC_ICE_MINIMUM, target); 0 when optional */
  bool met;      /* optional: at least one session used; else count >= minimum */
  bool full;     /* optional: same as met; else count >= target */
  bool optional; /* target 0: recorded when used, never makes a day incomplete */
};
/* target <= 0: optional ice (no target, never counted in the day's
 * progress); a positive target (content of older versions) is kept. */
struct kc_ice_progress kc_ice_progress(int count, int target);

/* ---- day progress -------------------------------------------------------- */

/* Required tasks done out of required tasks. plan_task.target 0 marks an
 * optional task ("walking aid only if needed"), which never counts. */
struct kc_progress {
  int done;
  int total;
};
void kc_progress_add(struct kc_progress *p, int task_target, enum kc_task_state state);
int kc_progress_percent(struct kc_progress p); /* 0..100; 0 when total is 0 */

/* ---- day-3 check-in ------------------------------------------------------ */

enum kc_checkin {
  KC_CHECKIN_NONE = 0,
  KC_CHECKIN_BETTER = 1, /* the pain is easing */
  KC_CHECKIN_SAME = 2,
  KC_CHECKIN_WORSE = 3,
};
bool kc_checkin_parse(const char *text, enum kc_checkin *out); /* better|same|worse */
const char *kc_checkin_name(enum kc_checkin c);                /* "" for NONE */
/* The check-in is asked on day 3 and on any opening after it. */
bool kc_checkin_due(int day_index);

/* Pain is scored up to twice a plan day: in the morning and in the
 * evening. A score given without saying which belongs to the slot of the
 * local hour it is given at (before 14:00: morning). */
enum kc_pain_slot { KC_PAIN_SLOT_NONE = 0, KC_PAIN_MORNING = 1, KC_PAIN_EVENING = 2 };
bool kc_pain_slot_parse(const char *text, enum kc_pain_slot *out); /* morning|evening */
const char *kc_pain_slot_name(enum kc_pain_slot s);                /* "" for NONE */
enum kc_pain_slot kc_pain_slot_at(int local_hour);

/* What a plan is for, from the cause it was started from: a new injury
 * (protect, then load) or overuse (load management). NONE: not recorded. */
enum kc_plan_kind { KC_PLAN_KIND_NONE = 0, KC_PLAN_INJURY = 1, KC_PLAN_OVERUSE = 2 };
bool kc_plan_kind_parse(const char *text, enum kc_plan_kind *out); /* injury|overuse */
const char *kc_plan_kind_name(enum kc_plan_kind k);                /* "" for NONE */
/* The version of the plan a plan follows: its kind, and for a plan saved by
 * an older version (no kind) the injury plan, which is the RICE plan it
 * was started with, so its ticks keep their meaning. */
enum kc_plan_kind kc_plan_kind_effective(enum kc_plan_kind k);
/* "First days after an injury" / "Easing an overuse problem". */
const char *kc_plan_kind_title(enum kc_plan_kind k);
/* Whether a task of `task_kind` (NONE: a task of both versions) belongs to
 * a plan of kind `plan` (kc_plan_kind_effective applied). */
bool kc_task_fits(enum kc_plan_kind task_kind, enum kc_plan_kind plan);
/* A plan started without a check asks one question: did it start with a
 * fall, twist, knock or blow, or is the knee swollen? Yes or not sure give
 * the injury plan (protecting a knee that may be injured, then loading it
 * gently, is the cautious choice; an overuse plan would load an injury too
 * soon); no gives the overuse plan. */
extern const char *const kc_plan_kind_question;
enum kc_plan_kind kc_plan_kind_from_answer(int answer); /* 1 yes, 0 no, -1 not sure */

struct kc_checkin_advice {
  enum kc_level level;         /* SELF_CARE for better, SOON for same, 24H for worse */
  const char *title;           /* short headline */
  const char *advice;          /* a few sentences */
  const char *const *articles; /* article ids to link, in order */
  int n_articles;
};
/* Advice for an answer; false for KC_CHECKIN_NONE or an unknown value. */
bool kc_checkin_advice(enum kc_checkin c, struct kc_checkin_advice *out);

/* ---- day-3 readiness checks (before any return to running) ----------------- */

/* The five checks of return-to-running.md ("Are you ready? Five checks"):
 * a "better" check-in offers the return to running only when all pass. */
struct kc_readiness_check {
  const char *id;       /* stored in plan_readiness.check_id */
  const char *question; /* asked as yes = passes */
  const char *if_not;   /* what to do instead when it fails */
  const char *sign_id;  /* a warning sign a failure is (NULL for none) */
};
const struct kc_readiness_check *kc_readiness_checks(size_t *n);
/* answers[i]: 1 passed, 0 failed, -1 not answered. True only when every
 * check is answered and passed. */
bool kc_readiness_all_pass(const int *answers, size_t n);

/* ---- red flags, re-checked daily ------------------------------------------ */

struct kc_redflag_answer {
  enum kc_level level; /* the flag's own level from the wizard data */
  bool yes;
};
/* Result of a re-check: KC_LEVEL_NONE when every answer is "no"; otherwise
 * the highest level among the "yes" answers, and never below KC_LEVEL_SOON
 * (a "yes" to any red flag is never self-care, whatever the data says). */
enum kc_level kc_redflag_recheck(const struct kc_redflag_answer *answers, size_t n);
/* The questions of the daily safety check: every warning sign marked
 * recheck in the sign table, in table order. Fails closed (security review
 * F5): returns -1 with a sentence in why, and *n = 0, when def is NULL
 * (the signs could not be loaded), when no sign is marked recheck, or when
 * a marked sign has a level outside SOON..MAX or no danger to name; the
 * caller must then block the checklist, never treat the check as passed.
 * Otherwise 0 with the sign indexes in *out (malloc'd, free()). */
struct kc_wz_def;
int kc_recheck_signs(const struct kc_wz_def *def, size_t **out, size_t *n, char *why,
                     size_t whylen);
/* A re-check result that ends the self-care path (any "yes"). */
bool kc_redflag_stops_plan(enum kc_level result);
/* The re-check is asked at the first visit of each calendar day: due when
 * the last check was on another day (or never: KC_DAY_INVALID). A clock set
 * back asks again rather than skip, which is the safe direction. */
bool kc_redflag_due(int last_check_day, int today);

/* The level a plan stands at: the worst red-flag re-check (if any stopped
 * it) and the check-in answer, whichever is more urgent; SELF_CARE when
 * neither raises it. */
enum kc_level kc_plan_level(enum kc_level worst_redflag, enum kc_checkin checkin);

#endif
