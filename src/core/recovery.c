/* The recovery plan's rules. Everything takes calendar day numbers and
 * facts (done, late, counts, answers) and returns decisions; the caller
 * reads the clock once (kc_day_local(now)) and the store supplies facts.
 * Advice texts for the check-in live here with the rule that picks them,
 * so a test can prove "same" or "worse" always means seeing someone. */
#include "kneecare/recovery.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/day.h"
#include "kneecare/mem.h"
#include "kneecare/wizard.h"

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
  p.optional = target <= 0;
  p.target = p.optional ? 0 : target;
  p.minimum = p.target < KC_ICE_MINIMUM ? p.target : KC_ICE_MINIMUM;
  p.met = p.optional ? p.count > 0 : p.count >= p.minimum;
  p.full = p.optional ? p.met : p.count >= p.target;
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

enum kc_plan_kind kc_plan_kind_effective(enum kc_plan_kind k) {
  return k == KC_PLAN_OVERUSE ? KC_PLAN_OVERUSE : KC_PLAN_INJURY;
}

const char *kc_plan_kind_title(enum kc_plan_kind k) {
  return kc_plan_kind_effective(k) == KC_PLAN_OVERUSE ? "Easing an overuse problem"
                                                      : "First days after an injury";
}

bool kc_task_fits(enum kc_plan_kind task_kind, enum kc_plan_kind plan) {
  return task_kind == KC_PLAN_KIND_NONE || task_kind == kc_plan_kind_effective(plan);
}

const char *const kc_plan_kind_question =
    "Did the pain start with a fall, a twist, a knock or a blow, or is the knee swollen?";

enum kc_plan_kind kc_plan_kind_from_answer(int answer) {
  return answer == 0 ? KC_PLAN_OVERUSE : KC_PLAN_INJURY;
}

/* return-to-running.md, "Are you ready? Five checks" (NHS, JOSPT 2019 and
 * the BJSM return-to-running sources it cites). */
static const struct kc_readiness_check readiness[] = {
    {"brisk-walk", "Can you walk briskly for about 30 minutes without pain?",
     "Build up your walking first: a little further each day, at a brisk pace.", NULL},
    {"stairs", "Are stairs comfortable, going up and down, at a normal pace?",
     "Keep doing your strength exercises and try stairs again in a few days.", NULL},
    {"no-swelling", "Is the knee free of swelling, including the morning after activity?",
     "Wait until the swelling has gone. If it keeps coming back, see a physio or GP.", NULL},
    {"strength",
     "Do your strength exercises (including the step-down and sit to stand) leave "
     "the pain no worse?",
     "Stay at the easier exercises for a few more days before trying again.", NULL},
    {"hop", "Can you hop gently 10 times on the sore leg with no pain in one spot on the bone?",
     "Stop running and jumping. Pain in one spot on the bone when you hop can be a stress "
     "fracture.",
     "shin-bone-tender"},
};

const struct kc_readiness_check *kc_readiness_checks(size_t *n) {
  if (n) *n = sizeof readiness / sizeof readiness[0];
  return readiness;
}

bool kc_readiness_all_pass(const int *answers, size_t n) {
  size_t want;
  kc_readiness_checks(&want);
  if (!answers || n != want) return false;
  for (size_t i = 0; i < n; i++)
    if (answers[i] != 1) return false;
  return true;
}

static const char *const better_articles[] = {"return-to-running", "knee-exercises",
                                              "choosing-running-shoes"};
static const char *const same_articles[] = {"not-getting-better", "what-the-clinician-asks"};
static const char *const worse_articles[] = {"not-getting-better", "red-flags"};

bool kc_checkin_advice(enum kc_checkin c, struct kc_checkin_advice *out) {
  if (!out) return false;
  switch (c) {
  case KC_CHECKIN_BETTER:
    out->level = KC_LEVEL_SELF_CARE;
    out->title = "Easing: check you are ready before you run";
    out->advice = "Good. Before any running, answer the five readiness checks: a brisk walk, "
                  "stairs, swelling, your strength exercises and a gentle hop. Start the "
                  "return to running only when all five pass; until then keep walking and "
                  "doing the exercises. If it stops improving, see a physio or GP.";
    out->articles = better_articles;
    out->n_articles = (int)(sizeof better_articles / sizeof better_articles[0]);
    return true;
  case KC_CHECKIN_SAME:
    /* "Not better after 3 days of home care" raises the level to at least
     * "see a physio or GP soon" (design.md, safety rules). */
    out->level = KC_LEVEL_SOON;
    out->title = "Not easing after 3 days of home care";
    out->advice = "Three days of home care have not helped, so the knee should be examined. "
                  "Keep resting from running meanwhile, and act at once on any warning sign. "
                  "Note when the pain started and what makes it worse: you will be asked.";
    out->articles = same_articles;
    out->n_articles = (int)(sizeof same_articles / sizeof same_articles[0]);
    return true;
  case KC_CHECKIN_WORSE:
    /* A knee that is worse after 3 days of care is reviewed the same day
     * (clinical review H4); a warning sign answered yes raises it further. */
    out->level = KC_LEVEL_24H;
    out->title = "Getting worse after 3 days of home care";
    out->advice = "A knee that is getting worse despite home care needs to be examined. Stop "
                  "running, and go sooner if any warning sign appears.";
    out->articles = worse_articles;
    out->n_articles = (int)(sizeof worse_articles / sizeof worse_articles[0]);
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

int kc_recheck_signs(const struct kc_wz_def *def, size_t **out, size_t *n, char *why,
                     size_t whylen) {
  char buf[256];
  const char *msg = NULL;
  *out = NULL;
  *n = 0;
  const size_t total = def ? kc_wz_sign_count(def) : 0;
  size_t *v = kc_xcalloc(total + 1, sizeof *v), k = 0;
  if (!def) msg = "The warning signs could not be loaded.";
  for (size_t i = 0; !msg && i < total; i++) {
    const struct kc_wz_sign *sg = kc_wz_sign_at(def, i);
    if (!sg || !sg->recheck) continue;
    if (sg->level < KC_LEVEL_SOON || sg->level > KC_LEVEL_MAX || !kc_wz_cause_at(def, sg->cause)) {
      snprintf(buf, sizeof buf, "The warning sign '%.64s' has no valid level or danger.", sg->id);
      msg = buf;
      break;
    }
    v[k++] = i;
  }
  if (!msg && k == 0) msg = "No warning sign is marked for the daily check.";
  if (msg) {
    free(v);
    if (why && whylen) snprintf(why, whylen, "%s", msg);
    return -1;
  }
  *out = v;
  *n = k;
  return 0;
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
