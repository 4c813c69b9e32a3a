/* Fuzz target: the return-to-running engine's inputs -- a history of runs,
 * safety checks, pauses, restarts and ends with any days, scores, levels
 * and kinds, any "today", and (when the first byte asks) a mutated
 * programme -- on the REAL programme: db/20_wizard.sql and
 * db/50_return_to_running.sql executed into an in-memory database once and
 * loaded with kc_rp_load. Also the start check, the exercise dose step and
 * the drawing check on the same bytes.
 *
 * Invariants on every input:
 *  - THE SAFETY INVARIANT: with a warning sign anywhere in the history the
 *    plan is STOPPED at that sign's level (>= soon), offers nothing today,
 *    and every later event is ignored; the same holds for the prefix that
 *    ends with the sign; without a sign the plan is never STOPPED;
 *  - a run is offered only by an active programme at a real step; a
 *    definition kc_rp_def_check refuses is refused by kc_rp_plan, which
 *    then offers nothing;
 *  - every sentence is NUL-terminated, non-empty, printable text;
 *  - the plan is the same when computed twice (no hidden state);
 *  - the start check never says OK with a sign, failed readiness, an
 *    unlisted cause, or "soon" and above without a go-ahead;
 *  - a dose step stays inside its limits and stops exactly on a sign. */
#include <sqlite3.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "kneecare/day.h"
#include "kneecare/exercise.h"
#include "kneecare/runplan.h"
#include "kneecare/runplan_load.h"

#ifndef KC_SOURCE_DIR
#error "KC_SOURCE_DIR must be defined (tests/fuzz/CMakeLists.txt)"
#endif

#define MAXEV 96

static struct kc_rp_def REAL;
static const int D0 = 20458; /* 2026-01-05 */

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, len = 0, n;
  char *buf = malloc(cap);
  while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
    len += n;
    if (len + 1 == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) free(buf);
      buf = nb;
    }
  }
  fclose(f);
  if (buf) buf[len] = '\0';
  return buf;
}

static void setup(void) {
  static const char *files[] = {KC_SOURCE_DIR "/db/20_wizard.sql",
                                KC_SOURCE_DIR "/db/50_return_to_running.sql"};
  sqlite3 *db = NULL;
  char *err = NULL, msg[512];
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) abort();
  for (size_t i = 0; i < 2; i++) {
    char *sql = slurp(files[i]);
    if (!sql || sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
      fprintf(stderr, "fuzz_runplan: cannot load %s: %s\n", files[i], err ? err : "cannot read");
      abort();
    }
    free(sql);
  }
  struct kc_rp_content *c = NULL;
  if (kc_rp_load(db, NULL, &c, msg, sizeof msg) != 0 ||
      !kc_rp_def_check(&c->def, msg, sizeof msg)) {
    fprintf(stderr, "fuzz_runplan: the real programme: %s\n", msg);
    abort();
  }
  REAL = c->def;
  kc_rp_content_free(c);
  sqlite3_close(db);
}

/* A little reader over the input bytes; zeros once they run out. */
struct in {
  const uint8_t *p;
  size_t n;
};
static int u8(struct in *r) {
  if (r->n == 0) return 0;
  r->n--;
  return *r->p++;
}
static int s8(struct in *r) { return (int8_t)u8(r); }
static int s16(struct in *r) { return (int16_t)(u8(r) | u8(r) << 8); }

static int day_from(struct in *r, int base) {
  const int d = s16(r);
  if (d == INT16_MIN) return KC_DAY_INVALID;
  if (d == INT16_MAX) return KC_DAY_MAX;
  return base + d / 64; /* mostly near the base: -512..+511 days */
}

static int level_from(int b) {
  static const int odd[] = {0, -1, 6, 99, INT32_MIN, INT32_MAX};
  if (b < 200) return b % 16 == 0 ? 1 + (b / 16) % 5 : 0; /* mostly "all no" */
  return odd[b % 6];
}

static struct kc_rp_event event_from(struct in *r, int *base) {
  struct kc_rp_event e;
  e.kind = u8(r) % 8 - 1; /* -1..6: every kind and a few unknown ones */
  e.day = day_from(r, *base);
  e.during = s8(r) % 13;
  e.morning = s8(r) % 13;
  const int end = s8(r);
  e.end_day = end == -128 ? KC_DAY_INVALID : kc_day_valid(e.day) ? e.day + end : end;
  e.stage = s8(r) % 9;
  e.level = level_from(u8(r));
  if (kc_day_valid(e.day)) *base = e.day;
  return e;
}

static void mutate(struct kc_rp_def *d, struct in *r) {
  d->sessions_per_week = u8(r) % 6;
  d->rest_days = u8(r) % 5;
  d->warmup_min = u8(r) % 20;
  d->n_stages = u8(r) % (KC_RP_MAX_STAGES + 2);
  for (int i = 0; i < KC_RP_MAX_STAGES; i++)
    d->stage[i] = (struct kc_rp_stage){u8(r) % 25, u8(r) % 4, u8(r) % 8};
  d->rule = (struct kc_rp_rule){u8(r) % 8, u8(r) % 9, u8(r) % 9, u8(r) % 70, u8(r) % 70};
}

static void check_text(const char *s, size_t cap, const char *what) {
  const char *nul = memchr(s, '\0', cap);
  FUZZ_CHECK(nul != NULL, "%s not NUL-terminated", what);
  FUZZ_CHECK(nul > s, "%s empty", what);
  FUZZ_CHECK(fuzz_printable(s, (size_t)(nul - s), 0), "%s not printable: %s", what, s);
}

static int first_sign(const struct kc_rp_event *ev, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (ev[i].kind == KC_RP_EV_CHECK && kc_rp_check_level(ev[i].level) != KC_LEVEL_NONE)
      return (int)i;
  return -1;
}

static void check_plan(const struct kc_rp_def *def, const struct kc_rp_event *ev, size_t n,
                       int start, int today) {
  static struct kc_rp_decision dec[MAXEV], dec2[MAXEV];
  static struct kc_rp_plan p, q;
  const struct kc_rp_history h = {start, ev, n};
  const bool valid = kc_rp_def_check(def, NULL, 0);
  const int rc = kc_rp_plan(def, &h, today, &p, dec);
  check_text(p.today_why, sizeof p.today_why, "today's sentence");
  if (!valid) {
    FUZZ_CHECK(rc == -1, "a definition the checks refuse was followed");
    FUZZ_CHECK(p.status == KC_RP_STOPPED && p.today == KC_RP_TODAY_NONE, "a broken plan runs");
    return;
  }
  FUZZ_CHECK(rc == 0, "kc_rp_plan failed on a valid definition");
  const int s = first_sign(ev, n);
  if (s >= 0) {
    const enum kc_level want = kc_rp_check_level(ev[s].level);
    FUZZ_CHECK(p.status == KC_RP_STOPPED, "SAFETY: sign at %d, status %s", s,
               kc_rp_status_name(p.status));
    FUZZ_CHECK(p.today == KC_RP_TODAY_NONE, "SAFETY: a stopped programme offers %d", (int)p.today);
    FUZZ_CHECK(p.level == want && want >= KC_LEVEL_SOON, "SAFETY: level %d, the sign's %d",
               (int)p.level, (int)want);
    FUZZ_CHECK(dec[s].step == KC_RP_STEP_STOP, "SAFETY: the sign's decision is %s",
               kc_rp_step_name(dec[s].step));
    for (size_t i = (size_t)s + 1; i < n; i++)
      FUZZ_CHECK(dec[i].step == KC_RP_STEP_IGNORED, "SAFETY: event %zu after the sign counted", i);
    /* the history that ends with the sign says the same */
    const struct kc_rp_history hp = {start, ev, (size_t)s + 1};
    FUZZ_CHECK(kc_rp_plan(def, &hp, today, &q, NULL) == 0 && q.status == KC_RP_STOPPED &&
                   q.today == KC_RP_TODAY_NONE && q.level == want,
               "SAFETY: the prefix ending with the sign is not stopped");
  } else {
    FUZZ_CHECK(p.status != KC_RP_STOPPED, "stopped without a sign");
    FUZZ_CHECK(p.level == KC_LEVEL_SELF_CARE || (p.level == KC_LEVEL_SOON && p.stalled),
               "level %d without a sign", (int)p.level);
  }
  FUZZ_CHECK(p.stage >= 1 && p.stage <= def->n_stages, "step %d of %d", p.stage, def->n_stages);
  if (p.today == KC_RP_TODAY_RUN)
    FUZZ_CHECK(p.status == KC_RP_ACTIVE && kc_day_valid(today), "run offered while %s",
               kc_rp_status_name(p.status));
  for (size_t i = 0; i < n; i++) check_text(dec[i].why, sizeof dec[i].why, "a decision");
  check_text(p.last.why, sizeof p.last.why, "the last decision");
  /* computed again: the same plan (the plan is zeroed before it is filled,
   * so whole structs compare; decisions compare field by field) */
  FUZZ_CHECK(kc_rp_plan(def, &h, today, &q, dec2) == 0 && memcmp(&p, &q, sizeof p) == 0,
             "the same history gave two different plans");
  for (size_t i = 0; i < n; i++)
    FUZZ_CHECK(dec[i].step == dec2[i].step && dec[i].stage_after == dec2[i].stage_after &&
                   strcmp(dec[i].why, dec2[i].why) == 0,
               "decision %zu differs the second time", i);
}

static void check_start(const struct kc_rp_def *def, struct in *r) {
  static const char *ids[] = {"runners-knee", "osteoarthritis", "fracture", "", "medial-plica"};
  const struct kc_rp_start_in in = {ids[u8(r) % 5], s8(r) % 8, u8(r) & 1, level_from(u8(r)),
                                    u8(r) & 1};
  char why[256];
  const enum kc_rp_start v = kc_rp_start_check(def, &in, why, sizeof why);
  check_text(why, sizeof why, "the start check");
  if (v != KC_RP_START_OK) return;
  FUZZ_CHECK(in.signs_level == 0 && in.ready, "started with a sign or failed readiness");
  int listed = -1;
  for (int i = 0; i < def->n_causes; i++)
    if (strcmp(def->cause[i].id, in.cause_id) == 0) listed = i;
  FUZZ_CHECK(listed >= 0, "started for unlisted cause '%s'", in.cause_id);
  FUZZ_CHECK(in.go_ahead || (in.result_level >= 0 && in.result_level < KC_LEVEL_SOON &&
                             def->cause[listed].min_level < KC_LEVEL_SOON),
             "started at level %d without a go-ahead", in.result_level);
}

static void check_exercise(struct in *r) {
  const struct kc_ex_limits l = {u8(r) % 7,  u8(r) % 7,   u8(r) % 32,
                                 u8(r) % 32, u8(r) % 130, u8(r) % 130};
  const struct kc_ex_dose cur = {s8(r), s8(r), s8(r) * 2, s8(r) % 3};
  const int during = s8(r) % 12, morning = s8(r) % 12, sign = u8(r) % 4 == 0 ? 1 + u8(r) % 5 : 0;
  struct kc_ex_dose next;
  char why[256];
  const enum kc_ex_step st =
      kc_ex_next(&l, &cur, during, morning, 3, u8(r) % 4, sign, &next, why, sizeof why);
  check_text(why, sizeof why, "a dose sentence");
  FUZZ_CHECK((st == KC_EX_STOP) == (sign != 0), "stop %d with sign %d", (int)st, sign);
  if (kc_ex_limits_ok(&l)) {
    FUZZ_CHECK(next.sets >= l.sets_min && next.sets <= l.sets_max, "sets %d", next.sets);
    FUZZ_CHECK(l.hold_max ? next.hold_s >= l.hold_min && next.hold_s <= l.hold_max
                          : next.reps >= l.reps_min && next.reps <= l.reps_max,
               "amount outside the limits");
    FUZZ_CHECK(next.version >= KC_EX_EASIER && next.version <= KC_EX_HARDER, "version");
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!REAL.n_stages) setup();
  FUZZ_INPUT(data, size);
  struct in r = {data, size};
  struct kc_rp_def def = REAL;
  const int flags = u8(&r);
  if (flags & 1) mutate(&def, &r);
  const int start = flags & 2 ? day_from(&r, D0) : D0;
  int base = kc_day_valid(start) ? start : D0;
  struct kc_rp_event ev[MAXEV];
  size_t n = 0;
  while (r.n >= 8 && n < MAXEV) ev[n++] = event_from(&r, &base);
  const int today = flags & 4 ? day_from(&r, base) : base + (flags >> 3) % 16;
  check_plan(&def, ev, n, start, today);
  struct in again = {data, size};
  check_start(&def, &again);
  check_exercise(&again);
  /* the drawing check on raw bytes cut into rows */
  const char *rows[KC_ART_ROWS + 1];
  char *copy = fuzz_strndup(data, size > 400 ? 400 : size);
  size_t nr = 0;
  for (char *p = copy, *nl; nr < KC_ART_ROWS + 1; p = nl + 1) {
    rows[nr++] = p;
    if (!(nl = strchr(p, '\n'))) break;
    *nl = '\0';
  }
  char err[160];
  if (kc_art_check(rows, nr, rows, nr, err, sizeof err))
    for (size_t i = 0; i < nr; i++)
      FUZZ_CHECK(strlen(rows[i]) <= KC_ART_COLS, "an ASCII row of %zu bytes passed",
                 strlen(rows[i]));
  else
    check_text(err, sizeof err, "the drawing check");
  free(copy);
  return 0;
}
