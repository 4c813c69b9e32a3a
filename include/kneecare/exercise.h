/* Strength exercises beside the return to running: how the pain rule moves
 * an exercise's dose (more reps, then a set, then the harder version; or
 * back the same way), and what a drawing of its start and end positions
 * must look like to fit a small box on any terminal, with an ASCII twin
 * for terminals without line-drawing characters. Pure functions: the
 * content database supplies the exercises (store/runplan_load), the user
 * database the logs, the screens draw. */
#ifndef KC_EXERCISE_H
#define KC_EXERCISE_H

#include <stdbool.h>
#include <stddef.h>

#define KC_EX_STEPS_MIN 2 /* a how-to has 2-4 short steps */
#define KC_EX_STEPS_MAX 4
#define KC_ART_COLS 36 /* a drawing fits 36 columns x 8 rows */
#define KC_ART_ROWS 8
#define KC_EX_REPS_STEP 2       /* reps added or taken away at a time */
#define KC_EX_HOLD_STEP 5       /* seconds of a hold added or taken away at a time */
#define KC_EX_GOOD_TO_STEP_UP 2 /* "easy for two sessions in a row" (knee-exercises article) */

/* The dose range an article gives: reps (hold_max 0) or a hold (reps_max 0). */
struct kc_ex_limits {
  int sets_min, sets_max;
  int reps_min, reps_max;
  int hold_min, hold_max; /* seconds */
};

enum kc_ex_version { KC_EX_EASIER = -1, KC_EX_STANDARD = 0, KC_EX_HARDER = 1 };

struct kc_ex_dose {
  int sets, reps, hold_s;
  int version; /* enum kc_ex_version */
};

/* True for a sensible range: 1 <= sets_min <= sets_max <= 6, and either
 * 1 <= reps_min <= reps_max <= 30 with no hold, or 5 <= hold_min <=
 * hold_max <= 120 seconds with no reps. */
bool kc_ex_limits_ok(const struct kc_ex_limits *l);
/* Where a person starts: the bottom of the range, standard version. */
struct kc_ex_dose kc_ex_first_dose(const struct kc_ex_limits *l);

enum kc_ex_step {
  KC_EX_KEEP = 0, /* the same next time */
  KC_EX_UP = 1,   /* one thing harder */
  KC_EX_DOWN = 2, /* one thing easier */
  KC_EX_STOP = 3, /* a warning sign: stop and check the red flags */
};

/* The pain rule on one strength session: a warning sign stops; pain during
 * or the next morning above `during_max` makes one thing easier (fewer
 * reps or a shorter hold, then a set fewer, then the easier version);
 * `good_in_row` good sessions (this one included) of
 * KC_EX_GOOD_TO_STEP_UP make one thing harder (reps or hold, then a set,
 * then the harder version); anything else keeps the dose. Pain not logged
 * (-1) keeps it. `cur` is clamped into the limits first. Writes the next
 * dose and a sentence; returns the step. */
enum kc_ex_step kc_ex_next(const struct kc_ex_limits *l, const struct kc_ex_dose *cur, int during,
                           int morning, int during_max, int good_in_row, int sign_level,
                           struct kc_ex_dose *next, char *why, size_t n);

/* "2 sets of 10" / "3 holds of 20 seconds", with "on each side" when
 * per_side. Returns buf. */
char *kc_ex_dose_text(const struct kc_ex_dose *d, bool per_side, char *buf, size_t n);

/* A drawing: rows of text, the line-drawing version and its ASCII twin.
 * Checks: 1..KC_ART_ROWS rows each, the same number in both; no row wider
 * than KC_ART_COLS columns; the line-drawing rows use printable ASCII and
 * the box-drawing block (U+2500..U+257F) only, the twin printable ASCII
 * only; each twin row as wide as its line-drawing row (so the fallback
 * takes the same room on screen). Writes the first problem (with its row,
 * 1-based) into err. */
bool kc_art_check(const char *const *box, size_t n_box, const char *const *ascii, size_t n_ascii,
                  char *err, size_t errlen);

#endif
