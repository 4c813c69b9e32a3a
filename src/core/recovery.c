/* The recovery plan's rules. Everything takes calendar day numbers and
 * facts (done, late, counts, answers) and returns decisions; the caller
 * reads the clock once (kc_day_local(now)) and the store supplies facts.
 * Advice texts for the check-in live here with the rule that picks them,
 * so a test can prove "same" or "worse" always means seeing someone. */
#include "kneecare/recovery.h"

#include <stdio.h>
#include <string.h>

#include "kneecare/day.h"

/* ---- plan days ----------------------------------------------------------- */

int kc_plan_day_index(int start_day, int today) {
  if (!kc_day_valid(start_day) || !kc_day_valid(today)) return 0;
  return today - start_day + 1;
}

int kc_plan_day_date(int start_day, int n) {
  if (!kc_day_valid(start_day)) return KC_DAY_INVALID;
  const long long d = (long long)start_day + n - 1;
  return (d >= KC_DAY_MIN && d <= KC_DAY_MAX) ? (int)d : KC_DAY_INVALID;
}

int kc_plan_display_day(int day_index) {
  if (day_index < 1) return 1;
  return day_index > KC_PLAN_DAYS ? KC_PLAN_DAYS : day_index;
}

char *kc_plan_day_label(int day_index, char *buf, size_t n) {
  if (!buf || n == 0) return buf;
  if (day_index < 1) {
    const int wait = 1 - day_index;
    snprintf(buf, n, "Starts in %d day%s", wait, wait == 1 ? "" : "s");
  } else if (day_index <= KC_PLAN_DAYS) {
    snprintf(buf, n, "Day %d of %d", day_index, KC_PLAN_DAYS);
  } else {
    snprintf(buf, n, "Day %d: the %d-day plan is over", day_index, KC_PLAN_DAYS);
  }
  return buf;
}

bool kc_plan_day_editable(int plan_day, int day_index) {
  return plan_day >= 1 && plan_day <= KC_PLAN_DAYS && plan_day <= day_index;
}

bool kc_plan_start_ok(int start_day, int today, char *err, size_t errlen) {
  const char *msg = NULL;
  char buf[160];
  if (!kc_day_valid(start_day) || !kc_day_valid(today)) {
    msg = "The start date is not a valid date.";
  } else if (start_day > today) {
    msg = "A plan cannot start in the future: pick today or an earlier day.";
  } else if (today - start_day > KC_PLAN_MAX_BACKDATE) {
    snprintf(buf, sizeof buf, "A plan can start at most %d days before today.",
             KC_PLAN_MAX_BACKDATE);
    msg = buf;
  }
  if (!msg) return true;
  if (err && errlen > 0) snprintf(err, errlen, "%s", msg);
  return false;
}

/* ---- tasks --------------------------------------------------------------- */

static const char *const kind_names[] = {
    [KC_TASK_CHECK] = "check", [KC_TASK_ICE] = "ice", [KC_TASK_PAIN] = "pain"};

bool kc_task_kind_parse(const char *text, enum kc_task_kind *out) {
  if (!text) return false;
  for (int k = KC_TASK_CHECK; k <= KC_TASK_PAIN; k++) {
    if (strcmp(text, kind_names[k]) == 0) {
      if (out) *out = (enum kc_task_kind)k;
      return true;
    }
  }
  return false;
}

const char *kc_task_kind_name(enum kc_task_kind kind) {
  return (kind >= KC_TASK_CHECK && kind <= KC_TASK_PAIN) ? kind_names[kind] : "";
}

bool kc_task_id_check(const char *id) {
  if (!id || id[0] == '\0') return false;
  size_t i = 0;
  for (; id[i] != '\0'; i++) {
    const char c = id[i];
    if (i >= KC_TASK_ID_MAX) return false;
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

bool kc_task_is_late(int start_day, int plan_day, int record_day) {
  const int due = kc_plan_day_date(start_day, plan_day);
  return due != KC_DAY_INVALID && kc_day_valid(record_day) && record_day > due;
}

enum kc_task_state kc_task_state(int plan_day, int day_index, bool done, bool late) {
  if (done) return late ? KC_TASK_DONE_LATE : KC_TASK_DONE;
  return plan_day > day_index ? KC_TASK_FUTURE : KC_TASK_NOT_DONE;
}

const char *kc_task_state_name(enum kc_task_state state) {
  switch (state) {
  case KC_TASK_NOT_DONE: return "not done";
  case KC_TASK_DONE: return "done";
  case KC_TASK_DONE_LATE: return "done late";
  case KC_TASK_FUTURE: return "future";
  }
  return "";
}

/* ---- ice ----------------------------------------------------------------- */

struct kc_ice_progress kc_ice_progress(int count, int target) {
  struct kc_ice_progress p;
  p.count = count < 0 ? 0 : count;
  p.target = target > 0 ? target : KC_ICE_TARGET;
  p.minimum = p.target < KC_ICE_MINIMUM ? p.target : KC_ICE_MINIMUM;
  p.met = p.count >= p.minimum;
  p.full = p.count >= p.target;
  return p;
}

/* ---- day progress -------------------------------------------------------- */

void kc_progress_add(struct kc_progress *p, int task_target, enum kc_task_state state) {
  if (!p || task_target <= 0) return; /* optional tasks never count */
  p->total++;
  if (state == KC_TASK_DONE || state == KC_TASK_DONE_LATE) p->done++;
}

int kc_progress_percent(struct kc_progress p) {
  if (p.total <= 0) return 0;
  if (p.done >= p.total) return 100;
  return p.done <= 0 ? 0 : (int)((long)p.done * 100 / p.total);
}

/* ---- day-3 check-in ------------------------------------------------------ */

static const char *const checkin_names[] = {[KC_CHECKIN_NONE] = "",
                                            [KC_CHECKIN_BETTER] = "better",
                                            [KC_CHECKIN_SAME] = "same",
                                            [KC_CHECKIN_WORSE] = "worse"};

bool kc_checkin_parse(const char *text, enum kc_checkin *out) {
  if (!text) return false;
  for (int c = KC_CHECKIN_BETTER; c <= KC_CHECKIN_WORSE; c++) {
    if (strcmp(text, checkin_names[c]) == 0) {
      if (out) *out = (enum kc_checkin)c;
      return true;
    }
  }
  return false;
}

const char *kc_checkin_name(enum kc_checkin c) {
  return (c >= KC_CHECKIN_NONE && c <= KC_CHECKIN_WORSE) ? checkin_names[c] : "";
}

bool kc_checkin_due(int day_index) { return day_index >= KC_PLAN_DAYS; }

/* A small closed vocabulary: its index is the enum value, [0] is NONE. */
static bool parse_name(const char *const *names, int n, const char *text, int *out) {
  for (int i = 1; text && i < n; i++)
    if (strcmp(text, names[i]) == 0) return *out = i, true;
  return false;
}

static const char *const pain_slot_names[] = {"", "morning", "evening"};

bool kc_pain_slot_parse(const char *text, enum kc_pain_slot *out) {
  int v;
  if (!parse_name(pain_slot_names, 3, text, &v)) return false;
  if (out) *out = (enum kc_pain_slot)v;
  return true;
}

const char *kc_pain_slot_name(enum kc_pain_slot s) {
  return s >= KC_PAIN_SLOT_NONE && s <= KC_PAIN_EVENING ? pain_slot_names[s] : "";
}

enum kc_pain_slot kc_pain_slot_at(int local_hour) {
  return local_hour < 14 ? KC_PAIN_MORNING : KC_PAIN_EVENING;
}

static const char *const plan_kind_names[] = {"", "injury", "overuse"};

bool kc_plan_kind_parse(const char *text, enum kc_plan_kind *out) {
  int v;
  if (!parse_name(plan_kind_names, 3, text, &v)) return false;
  if (out) *out = (enum kc_plan_kind)v;
  return true;
}

const char *kc_plan_kind_name(enum kc_plan_kind k) {
  return k >= KC_PLAN_KIND_NONE && k <= KC_PLAN_OVERUSE ? plan_kind_names[k] : "";
}

static const char *const better_articles[] = {"return-to-running", "knee-exercises",
                                              "choosing-running-shoes"};
static const char *const not_better_articles[] = {"not-getting-better", "what-the-clinician-asks"};

bool kc_checkin_advice(enum kc_checkin c, struct kc_checkin_advice *out) {
  if (!out) return false;
  switch (c) {
  case KC_CHECKIN_BETTER:
    out->level = KC_LEVEL_SELF_CARE;
    out->title = "Easing: start a gradual return to running";
    out->advice = "Keep the knee moving and build up slowly: short, easy runs on flat "
                  "ground, with strength exercises on the other days. Let pain guide "
                  "you: mild discomfort that settles by the next day is fine; pain that "
                  "makes you limp or lasts into the next day means ease off. If it stops "
                  "improving, see a physio or GP.";
    out->articles = better_articles;
    out->n_articles = (int)(sizeof better_articles / sizeof better_articles[0]);
    return true;
  case KC_CHECKIN_SAME:
  case KC_CHECKIN_WORSE:
    /* "Not better after 3 days of home care" raises the level to at least
     * "see a physio or GP soon" (design.md, safety rules). */
    out->level = KC_LEVEL_SOON;
    out->title = "Not easing: see a physio or GP";
    out->advice = "Three days of home care have not helped, so book an appointment with a "
                  "physiotherapist or GP in the next few days. Keep resting from running "
                  "meanwhile, and go sooner if any warning sign appears. Note when the pain "
                  "started and what makes it worse: they will ask.";
    out->articles = not_better_articles;
    out->n_articles = (int)(sizeof not_better_articles / sizeof not_better_articles[0]);
    return true;
  case KC_CHECKIN_NONE: break;
  }
  return false;
}

/* ---- red flags ----------------------------------------------------------- */

static enum kc_level max_level(enum kc_level a, enum kc_level b) { return a > b ? a : b; }

enum kc_level kc_redflag_recheck(const struct kc_redflag_answer *answers, size_t n) {
  enum kc_level result = KC_LEVEL_NONE;
  if (!answers) return result;
  for (size_t i = 0; i < n; i++) {
    if (!answers[i].yes) continue;
    enum kc_level l = answers[i].level;
    /* A flag answered "yes" is never below SOON, even if its data says
     * otherwise; an out-of-range level is treated as the most urgent. */
    if (l > KC_LEVEL_MAX) l = KC_LEVEL_MAX;
    if (l < KC_LEVEL_SOON) l = KC_LEVEL_SOON;
    result = max_level(result, l);
  }
  return result;
}

bool kc_redflag_stops_plan(enum kc_level result) { return result >= KC_LEVEL_SOON; }

bool kc_redflag_due(int last_check_day, int today) {
  return !kc_day_valid(last_check_day) || last_check_day != today;
}

enum kc_level kc_plan_level(enum kc_level worst_redflag, enum kc_checkin checkin) {
  enum kc_level level = KC_LEVEL_SELF_CARE;
  if (kc_redflag_stops_plan(worst_redflag)) level = max_level(level, worst_redflag);
  struct kc_checkin_advice a;
  if (kc_checkin_advice(checkin, &a)) level = max_level(level, a.level);
  if (level > KC_LEVEL_MAX) level = KC_LEVEL_MAX;
  return level;
}
