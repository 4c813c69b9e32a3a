/* Strength exercises: moving a dose by the pain rule, and checking the
 * small drawings. "Change one thing at a time" (knee-exercises article):
 * each step up or down changes exactly one of reps (or hold), sets or
 * version, in that order going up and the same order going down, so a
 * person always knows what changed and why. */
#include "kneecare/exercise.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "kneecare/text.h"

static bool holds(const struct kc_ex_limits *l) { return l->hold_max > 0; }

bool kc_ex_limits_ok(const struct kc_ex_limits *l) {
  if (!l || l->sets_min < 1 || l->sets_max < l->sets_min || l->sets_max > 6) return false;
  if (holds(l))
    return l->reps_min == 0 && l->reps_max == 0 && l->hold_min >= 5 && l->hold_max >= l->hold_min &&
           l->hold_max <= 120;
  return l->hold_min == 0 && l->reps_min >= 1 && l->reps_max >= l->reps_min && l->reps_max <= 30;
}

struct kc_ex_dose kc_ex_first_dose(const struct kc_ex_limits *l) {
  struct kc_ex_dose d = {0, 0, 0, KC_EX_STANDARD};
  if (!l) return d;
  d.sets = l->sets_min;
  d.reps = l->reps_min;
  d.hold_s = l->hold_min;
  return d;
}

static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static int amount(const struct kc_ex_dose *d, bool hold) { return hold ? d->hold_s : d->reps; }

static void set_amount(struct kc_ex_dose *d, bool hold, int v) {
  if (hold)
    d->hold_s = v;
  else
    d->reps = v;
}

/* One thing harder; false when already at the top of everything. */
static bool step_up(const struct kc_ex_limits *l, struct kc_ex_dose *d, const char **what) {
  const bool h = holds(l);
  const int top = h ? l->hold_max : l->reps_max, inc = h ? KC_EX_HOLD_STEP : KC_EX_REPS_STEP;
  if (amount(d, h) < top) {
    set_amount(d, h, clamp(amount(d, h) + inc, 0, top));
    *what = h ? "hold a little longer" : "add a few reps";
  } else if (d->sets < l->sets_max) {
    d->sets++;
    set_amount(d, h, h ? l->hold_min : l->reps_min); /* a new set starts from the bottom */
    *what = "add a set";
  } else if (d->version < KC_EX_HARDER) {
    d->version++;
    *d = (struct kc_ex_dose){l->sets_min, l->reps_min, l->hold_min, d->version};
    *what =
        d->version == KC_EX_HARDER ? "move to the harder version" : "go back to the usual version";
  } else {
    return false;
  }
  return true;
}

/* One thing easier; false when already at the bottom of everything. */
static bool step_down(const struct kc_ex_limits *l, struct kc_ex_dose *d, const char **what) {
  const bool h = holds(l);
  const int bottom = h ? l->hold_min : l->reps_min, dec = h ? KC_EX_HOLD_STEP : KC_EX_REPS_STEP;
  if (amount(d, h) > bottom) {
    set_amount(d, h, clamp(amount(d, h) - dec, bottom, amount(d, h)));
    *what = h ? "hold for a shorter time" : "do fewer reps";
  } else if (d->sets > l->sets_min) {
    d->sets--;
    *what = "do one set fewer";
  } else if (d->version > KC_EX_EASIER) {
    d->version--;
    *d = (struct kc_ex_dose){l->sets_min, l->reps_min, l->hold_min, d->version};
    *what = d->version == KC_EX_EASIER ? "use the easier version" : "go back to the usual version";
  } else {
    return false;
  }
  return true;
}

static enum kc_ex_step answer(enum kc_ex_step s, char *why, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static enum kc_ex_step answer(enum kc_ex_step s, char *why, size_t n, const char *fmt, ...) {
  if (why && n > 0) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, n, fmt, ap);
    va_end(ap);
  }
  return s;
}

enum kc_ex_step kc_ex_next(const struct kc_ex_limits *l, const struct kc_ex_dose *cur, int during,
                           int morning, int during_max, int good_in_row, int sign_level,
                           struct kc_ex_dose *next, char *why, size_t n) {
  struct kc_ex_dose d = cur ? *cur : kc_ex_first_dose(l);
  if (l && kc_ex_limits_ok(l)) {
    d.sets = clamp(d.sets, l->sets_min, l->sets_max);
    d.reps = holds(l) ? 0 : clamp(d.reps, l->reps_min, l->reps_max);
    d.hold_s = holds(l) ? clamp(d.hold_s, l->hold_min, l->hold_max) : 0;
    d.version = clamp(d.version, KC_EX_EASIER, KC_EX_HARDER);
  }
  if (next) *next = d;
  if (sign_level != 0)
    return answer(KC_EX_STOP, why, n,
                  "A warning sign was answered yes or not sure: stop the exercises and follow the "
                  "advice for that sign.");
  if (!l || !kc_ex_limits_ok(l))
    return answer(KC_EX_KEEP, why, n, "The dose data cannot be used; keep to what you did.");
  if (during < 0 || during > 10 || morning < 0 || morning > 10)
    return answer(KC_EX_KEEP, why, n,
                  "Log the pain during the exercises and the next morning to decide the next "
                  "dose; until then keep it the same.");
  const int worst = during > morning ? during : morning;
  const char *what = NULL;
  if (worst > during_max) {
    if (!step_down(l, &d, &what))
      return answer(KC_EX_KEEP, why, n,
                    "Pain went above %d/10 (highest %d/10), and this is already the easiest "
                    "dose: keep it, and if it keeps hurting see a physio or GP soon.",
                    during_max, worst);
    if (next) *next = d;
    return answer(KC_EX_DOWN, why, n, "Pain went above %d/10 (highest %d/10), so next time %s.",
                  during_max, worst, what);
  }
  if (good_in_row < KC_EX_GOOD_TO_STEP_UP)
    return answer(KC_EX_KEEP, why, n,
                  "Pain stayed within %d/10 (%d/10 at most): keep the same dose; after %d good "
                  "sessions in a row it gets a little harder.",
                  during_max, worst, KC_EX_GOOD_TO_STEP_UP);
  if (!step_up(l, &d, &what))
    return answer(KC_EX_KEEP, why, n,
                  "Pain stayed within %d/10 (%d/10 at most), and this is already the hardest "
                  "dose here: keep it.",
                  during_max, worst);
  if (next) *next = d;
  return answer(KC_EX_UP, why, n,
                "Pain stayed within %d/10 (%d/10 at most) for %d sessions in a row, so next "
                "time %s.",
                during_max, worst, KC_EX_GOOD_TO_STEP_UP, what);
}

char *kc_ex_dose_text(const struct kc_ex_dose *d, bool per_side, char *buf, size_t n) {
  if (!buf || n == 0) return buf;
  if (!d) {
    buf[0] = '\0';
    return buf;
  }
  const char *side = per_side ? " on each side" : "";
  if (d->hold_s > 0)
    snprintf(buf, n, "%d hold%s of %d seconds%s", d->sets, d->sets == 1 ? "" : "s", d->hold_s,
             side);
  else
    snprintf(buf, n, "%d set%s of %d%s", d->sets, d->sets == 1 ? "" : "s", d->reps, side);
  return buf;
}

/* Columns of a row, or -1 with the byte offset of the first character
 * the row may not contain. */
static long row_width(const char *s, bool box_allowed, size_t *bad_at) {
  size_t len = strlen(s), i = 0;
  long w = 0;
  while (i < len) {
    uint32_t cp;
    size_t k = kc_utf8_decode(s + i, len - i, &cp);
    const bool ascii = cp >= 0x20 && cp < 0x7F;
    const bool boxch = box_allowed && cp >= 0x2500 && cp <= 0x257F;
    if (!ascii && !(boxch && k == 3)) {
      *bad_at = i;
      return -1;
    }
    w += 1;
    i += k;
  }
  return w;
}

bool kc_art_check(const char *const *box, size_t n_box, const char *const *ascii, size_t n_ascii,
                  char *err, size_t errlen) {
  char tmp[1];
  if (!err || errlen == 0) {
    err = tmp;
    errlen = sizeof tmp;
  }
  if (n_box < 1 || n_box > KC_ART_ROWS || !box)
    return snprintf(err, errlen, "the drawing has %zu rows (1..%d)", n_box, KC_ART_ROWS), false;
  if (n_ascii != n_box || !ascii)
    return snprintf(err, errlen, "the ASCII twin has %zu rows, the drawing %zu", n_ascii, n_box),
           false;
  for (size_t r = 0; r < n_box; r++) {
    size_t at = 0;
    if (!box[r] || !ascii[r]) return snprintf(err, errlen, "row %zu is missing", r + 1), false;
    const long wb = row_width(box[r], true, &at);
    if (wb < 0)
      return snprintf(err, errlen, "row %zu: byte %zu is not ASCII or a box-drawing character",
                      r + 1, at + 1),
             false;
    const long wa = row_width(ascii[r], false, &at);
    if (wa < 0)
      return snprintf(err, errlen, "ASCII twin row %zu: byte %zu is not printable ASCII", r + 1,
                      at + 1),
             false;
    if (wb > KC_ART_COLS)
      return snprintf(err, errlen, "row %zu is %ld columns wide (at most %d)", r + 1, wb,
                      KC_ART_COLS),
             false;
    if (wa != wb)
      return snprintf(err, errlen, "ASCII twin row %zu is %ld columns wide, the drawing %ld", r + 1,
                      wa, wb),
             false;
  }
  return true;
}
