/* THE SAFETY ENUMERATION of the return-to-running engine, in the style of
 * the wizard's (test_wizard_real.c): "no programme continues after a
 * warning sign", checked over
 *  1. every position of a sign in a spread of histories (fresh, mid-way,
 *     stepped back, paused, ended, finished, restarted), every recorded
 *     level (1..5 and values the program never writes), with and without a
 *     valid date, followed by every kind of later event, seen on days from
 *     before the sign (clock set back) to a month after;
 *  2. every combination of pain scores over four runs (during 0/3/4/10/not
 *     logged x morning 0/3/4/not logged: 160,000 histories), against an
 *     independent model of the pain rule, then each again with a sign;
 *  3. random histories of every event kind, including impossible days,
 *     scores and levels.
 * The invariant: with a sign anywhere the plan is STOPPED, offers no run,
 * stands at that sign's level (never below "soon"), and every later event
 * is ignored; without one it is never STOPPED, its level is self-care or
 * soon (stalled), and a run is only ever offered in an active programme at
 * a real step. It prints how many histories were checked. Core only: no
 * SQL, no curses; the definition is the real one (tests/runplan_def.h). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "kc_check.h"
#include "kneecare/day.h"
#include "kneecare/runplan.h"
#include "runplan_def.h"

#define MAXEV 64

static struct kc_rp_def DEF;
static unsigned long checked;

static int first_sign(const struct kc_rp_event *ev, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (ev[i].kind == KC_RP_EV_CHECK && kc_rp_check_level(ev[i].level) != KC_LEVEL_NONE)
      return (int)i;
  return -1;
}

static void describe(const struct kc_rp_event *ev, size_t n, int today, char *buf, size_t cap) {
  size_t o = (size_t)snprintf(buf, cap, "today=%d:", today);
  for (size_t i = 0; i < n && o < cap; i++)
    o += (size_t)snprintf(buf + o, cap - o, " [k%d d%d p%d/%d e%d s%d l%d]", ev[i].kind, ev[i].day,
                          ev[i].during, ev[i].morning, ev[i].end_day, ev[i].stage, ev[i].level);
}

/* Checks the invariant for one history on one day. The hot path makes no
 * passing ck_assert calls (each one costs a write to check's pipe). */
static void verify(int start, const struct kc_rp_event *ev, size_t n, int today, bool per) {
  static struct kc_rp_decision dec[MAXEV];
  struct kc_rp_history h = {start, ev, n};
  struct kc_rp_plan p;
  const char *bad = NULL;
  if (kc_rp_plan(&DEF, &h, today, &p, per ? dec : NULL) != 0) bad = "kc_rp_plan failed";
  const int s = first_sign(ev, n);
  if (bad) {
  } else if (s >= 0) {
    const enum kc_level want = kc_rp_check_level(ev[s].level);
    if (p.status != KC_RP_STOPPED)
      bad = "SAFETY: a warning sign did not stop the programme";
    else if (p.today != KC_RP_TODAY_NONE)
      bad = "SAFETY: a stopped programme offers something today";
    else if (p.level != want || p.level < KC_LEVEL_SOON)
      bad = "SAFETY: the stop is not at the sign's level";
    else if (!strstr(p.today_why, kc_level_title(want)))
      bad = "SAFETY: the words do not name the sign's level";
    else if (per && dec[s].step != KC_RP_STEP_STOP)
      bad = "SAFETY: the sign's own decision is not a stop";
    for (size_t i = (size_t)s + 1; per && !bad && i < n; i++)
      if (dec[i].step != KC_RP_STEP_IGNORED) bad = "SAFETY: an event after the sign counted";
  } else {
    if (p.status == KC_RP_STOPPED)
      bad = "stopped without a warning sign";
    else if (p.level != KC_LEVEL_SELF_CARE && p.level != KC_LEVEL_SOON)
      bad = "level other than self-care or soon without a sign";
    else if (p.level == KC_LEVEL_SOON && !p.stalled)
      bad = "soon without stalling";
  }
  if (!bad && p.today == KC_RP_TODAY_RUN &&
      (p.status != KC_RP_ACTIVE || p.stage < 1 || p.stage > DEF.n_stages || !kc_day_valid(today)))
    bad = "a run offered outside an active programme or a real step";
  if (!bad && (p.stage < 1 || p.stage > DEF.n_stages)) bad = "step out of range";
  if (!bad && (!p.today_why[0] || !memchr(p.today_why, '\0', sizeof p.today_why)))
    bad = "no sentence for today";
  if (bad) {
    char buf[4096];
    describe(ev, n, today, buf, sizeof buf);
    ck_abort_msg("%s (status %s, level %d, today %d): %s\n  why: %s", bad,
                 kc_rp_status_name(p.status), (int)p.level, (int)p.today, buf, p.today_why);
  }
  checked++;
}

static struct kc_rp_event R(int day, int during, int morning) {
  return (struct kc_rp_event){KC_RP_EV_RUN, day, during, morning, KC_DAY_INVALID, 0, 0};
} static struct kc_rp_event C(int day, int level) {
  return (struct kc_rp_event){KC_RP_EV_CHECK, day, -1, -1, KC_DAY_INVALID, 0, level};
} static struct kc_rp_event P(int first, int last) {
  return (struct kc_rp_event){KC_RP_EV_PAUSE, first, -1, -1, last, 0, 0};
} static struct kc_rp_event S(int day, int stage) {
  return (struct kc_rp_event){KC_RP_EV_RESTART, day, -1, -1, KC_DAY_INVALID, stage, 0};
} static struct kc_rp_event E(int day) {
  return (struct kc_rp_event){KC_RP_EV_END, day, -1, -1, KC_DAY_INVALID, 0, 0};
}

/* ---- 1. a sign at every position ----------------------------------------- */

enum {
  D0 = 20458
}; /* 2026-01-05 */

struct story {
  struct kc_rp_event ev[MAXEV];
  size_t n;
};

static void story_add(struct story *s, struct kc_rp_event e) {
  if (s->n < MAXEV) s->ev[s->n++] = e;
}

static struct story stories[16];
static size_t n_stories;

static void build_stories(void) {
  struct story *s;
  n_stories = 0;
  stories[n_stories++].n = 0; /* nothing done yet */
  s = &stories[n_stories++];  /* all good to step 3 */
  for (int i = 0; i < 7; i++) story_add(s, R(D0 + 2 * i, 1, 0));
  s = &stories[n_stories++]; /* bad runs: repeat, step back */
  for (int i = 0; i < 7; i++) story_add(s, R(D0 + 2 * i, i < 3 ? 1 : 5, 4));
  s = &stories[n_stories++]; /* unlogged, then a long break */
  story_add(s, R(D0, 2, -1));
  story_add(s, R(D0 + 2, -1, -1));
  story_add(s, R(D0 + 30, 2, 1));
  s = &stories[n_stories++]; /* paused, open */
  story_add(s, R(D0, 1, 0));
  story_add(s, P(D0 + 1, KC_DAY_INVALID));
  s = &stories[n_stories++]; /* paused and resumed, clear checks between */
  story_add(s, C(D0, 0));
  story_add(s, R(D0, 1, 0));
  story_add(s, P(D0 + 1, D0 + 9));
  story_add(s, C(D0 + 10, 0));
  story_add(s, R(D0 + 10, 2, 2));
  s = &stories[n_stories++]; /* finished */
  for (int i = 0; i < 18; i++) story_add(s, R(D0 + 7 * (i / 3) + 2 * (i % 3), 1, 0));
  s = &stories[n_stories++]; /* ended, then restarted */
  story_add(s, R(D0, 1, 0));
  story_add(s, E(D0 + 1));
  story_add(s, S(D0 + 5, 3));
  story_add(s, R(D0 + 5, 1, 0));
  s = &stories[n_stories++]; /* clock set back: days out of order */
  story_add(s, R(D0 + 10, 1, 0));
  story_add(s, R(D0 + 4, 1, 0));
  story_add(s, R(D0 + 12, 1, 0));
}

static const int levels[] = {1, 2, 3, 4, 5, -1, 6, 99, INT_MIN, INT_MAX};

static void sign_everywhere(void) {
  struct kc_rp_event tails[][20] = {
      {{0}},
      {R(D0 + 40, 0, 0), R(D0 + 42, 0, 0), R(D0 + 44, 0, 0)},
      {S(D0 + 40, 1), R(D0 + 40, 0, 0)},
      {E(D0 + 40), S(D0 + 41, 2)},
      {P(D0 + 40, KC_DAY_INVALID)},
      {C(D0 + 40, 0), C(D0 + 41, 0)},
      {P(D0 + 40, D0 + 41), R(D0 + 42, 0, 0), R(D0 + 44, 0, 0), R(D0 + 46, 0, 0)},
  };
  const size_t tail_len[] = {0, 3, 2, 2, 1, 2, 4};
  const int offsets[] = {-5, 0, 1, 2, 7, 30, 400};
  for (size_t st = 0; st < n_stories; st++)
    for (size_t pos = 0; pos <= stories[st].n; pos++)
      for (size_t lv = 0; lv < sizeof levels / sizeof levels[0]; lv++)
        for (int dated = 0; dated < 2; dated++)
          for (size_t t = 0; t < sizeof tail_len / sizeof tail_len[0]; t++) {
            struct kc_rp_event ev[MAXEV];
            size_t n = 0;
            const int day = pos < stories[st].n ? stories[st].ev[pos].day : D0 + 39;
            for (size_t i = 0; i < pos; i++) ev[n++] = stories[st].ev[i];
            ev[n++] = C(dated ? day : KC_DAY_INVALID, levels[lv]);
            for (size_t i = pos; i < stories[st].n; i++) ev[n++] = stories[st].ev[i];
            for (size_t i = 0; i < tail_len[t]; i++) ev[n++] = tails[t][i];
            for (size_t o = 0; o < sizeof offsets / sizeof offsets[0]; o++)
              verify(D0, ev, n, day + offsets[o], o == 1);
          }
}

/* ---- 2. every pain combination over four runs ----------------------------- */

/* An independent model of the pain rule for runs two days apart (no
 * breaks, no pauses): the step after the runs, or -1 once finished. */
static int model_stage(const int (*pm)[2], int n) {
  const int L = DEF.rule.during_max;
  int stage = 0, good = 0, bad = 0, prev = -1;
  for (int i = 0; i < n; i++) {
    const int d = pm[i][0], m = pm[i][1];
    const bool dk = d >= 0 && d <= 10, mk = m >= 0 && m <= 10;
    if (dk && d > L) {
      good = 0;
      bad++;
    } else if (!dk || !mk) {
      if (i < n - 1) good = 0; /* never logged: repeat; the latest just waits */
    } else if (m > L || (prev >= 0 && m > prev)) {
      good = 0;
      bad++;
    } else {
      bad = 0;
      if (++good == DEF.rule.good_to_progress) {
        if (stage == DEF.n_stages - 1) return -1;
        stage++;
        good = 0;
      }
    }
    if (bad == DEF.rule.bad_to_step_back) {
      bad = 0;
      if (stage > 0) stage--;
    }
    if (mk) prev = m;
  }
  return stage;
}

static void every_pain_combination(void) {
  static const int during[] = {0, 3, 4, 10, -1}, morning[] = {0, 3, 4, -1};
  enum { ND = 5, NM = 4, RUNS = 4 };
  int combos = 1;
  for (int i = 0; i < RUNS; i++) combos *= ND * NM;
  for (int k = 0; k < combos; k++) {
    int pm[RUNS][2], x = k;
    struct kc_rp_event ev[RUNS + 2];
    for (int i = 0; i < RUNS; i++, x /= ND * NM) {
      pm[i][0] = during[(x % (ND * NM)) / NM];
      pm[i][1] = morning[x % NM];
      ev[i] = R(D0 + 2 * i, pm[i][0], pm[i][1]);
    }
    const int today = D0 + 2 * RUNS;
    struct kc_rp_history h = {D0, ev, RUNS};
    struct kc_rp_plan p;
    kc_rp_plan(&DEF, &h, today, &p, NULL);
    const int want = model_stage((const int(*)[2])pm, RUNS);
    if (p.stage != want + 1)
      ck_abort_msg("runs (%d,%d) (%d,%d) (%d,%d) (%d,%d): step %d, the model says %d", pm[0][0],
                   pm[0][1], pm[1][0], pm[1][1], pm[2][0], pm[2][1], pm[3][0], pm[3][1], p.stage,
                   want + 1);
    verify(D0, ev, RUNS, today, false);
    /* the same runs with a sign somewhere, then more good runs */
    const int at = k % (RUNS + 1);
    struct kc_rp_event with[RUNS + 3];
    int n = 0;
    for (int i = 0; i <= RUNS; i++) {
      if (i == at) with[n++] = C(D0 + 2 * i, 1 + k % 5);
      if (i < RUNS) with[n++] = ev[i];
    }
    with[n++] = R(today, 0, 0);
    with[n++] = R(today + 2, 0, 0);
    verify(D0, with, (size_t)n, today + 3, k % 7 == 0);
  }
}

/* ---- 3. random histories ----------------------------------------------------- */

static unsigned long long rng = 0x2545F4914F6CDD1Dull;
static unsigned rnd(unsigned n) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned)(rng % n);
}

static int rnd_day(int base) {
  switch (rnd(20)) {
  case 0: return KC_DAY_INVALID;
  case 1: return KC_DAY_MAX - (int)rnd(3);
  case 2: return KC_DAY_MIN + (int)rnd(3);
  case 3: return base - (int)rnd(40); /* clock set back */
  default: return base + (int)rnd(4);
  }
}

static struct kc_rp_event rnd_event(int *base) {
  static const int pains[] = {0, 1, 2, 3, 4, 5, 8, 10, -1, 11, -100};
  struct kc_rp_event e = {0};
  const int day = rnd_day(*base);
  if (kc_day_valid(day) && day > *base - 40 && day < *base + 10) *base = day;
  switch (rnd(12)) {
  case 0: e = C(day, rnd(10) ? 0 : levels[rnd(10)]); break;
  case 1: e = P(day, rnd(3) ? rnd_day(kc_day_valid(day) ? day + 5 : *base) : KC_DAY_INVALID); break;
  case 2: e = S(day, (int)rnd(9) - 1); break;
  case 3: e = E(day); break;
  case 4: e = (struct kc_rp_event){(int)rnd(9) - 2, day, 0, 0, 0, 0, 0}; break;
  default: e = R(day, pains[rnd(11)], pains[rnd(11)]); break;
  }
  return e;
}

static void random_histories(unsigned long count) {
  for (unsigned long k = 0; k < count; k++) {
    struct kc_rp_event ev[MAXEV];
    int base = D0;
    const size_t n = rnd(40);
    for (size_t i = 0; i < n; i++) ev[i] = rnd_event(&base);
    const int start = rnd(10) ? D0 : rnd_day(D0);
    verify(start, ev, n, rnd(8) ? base + (int)rnd(30) - 5 : rnd_day(base), k % 8 == 0);
  }
}

START_TEST(no_programme_continues_after_a_warning_sign) {
  DEF = test_rp_def();
  ck_assert(kc_rp_def_check(&DEF, NULL, 0));
  build_stories();
  checked = 0;
  sign_everywhere();
  const unsigned long part1 = checked;
  every_pain_combination();
  const unsigned long part2 = checked - part1;
  random_histories(60000);
  const unsigned long part3 = checked - part1 - part2;
  printf("runplan safety: %lu histories checked (a sign at every position of %zu stories x %zu "
         "levels x dated/undated x 7 tails x 7 days: %lu; every pain score over 4 runs, with and "
         "without a sign: %lu; random: %lu)\n",
         checked, n_stories, sizeof levels / sizeof levels[0], part1, part2, part3);
  fflush(stdout);
}
END_TEST

static Suite *safety_suite(void) {
  Suite *s = suite_create("runplan_safety");
  TCase *t = tcase_create("safety");
  /* about a second normally; sanitizers scale it with CK_TIMEOUT_MULTIPLIER */
  tcase_set_timeout(t, 120);
  tcase_add_test(t, no_programme_continues_after_a_warning_sign);
  suite_add_tcase(s, t);
  return s;
}

KC_CHECK_MAIN(safety_suite)
