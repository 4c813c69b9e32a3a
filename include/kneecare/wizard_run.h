/* Saving and reading back wizard runs, shared by `kneecare wizard --save`,
 * `kneecare history`, `kneecare report` and the TUI. A run is stored as its
 * answers (in the --answers file format, so it can be re-read and
 * re-scored; a run stopped at an answer that needs help now starts with
 * KC_RUN_STOPPED_NOTE), its level, and its ranked causes as lines
 * "id<TAB>score<TAB>title<TAB>kind" (earlier versions wrote no kind). */
#ifndef KC_WIZARD_RUN_H
#define KC_WIZARD_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "kneecare/app.h"
#include "kneecare/wizard.h"

#define KC_RUN_DANGER "danger" /* a cause named by a warning sign */
#define KC_RUN_LIKELY "likely" /* the story's most likely cause */
#define KC_RUN_STOPPED_NOTE "# stopped at an answer that needs help now"

/* (The answers' text form is kc_wz_answers_text() in wizard.h.) */
/* The ranked causes as "id\tscore\ttitle\tkind" lines. Caller frees. */
char *kc_wz_causes_text(const struct kc_wz_def *def, const struct kc_wz_result *r);
/* Saves a run (complete, or stopped at an answer that needs help now) for
 * the app's current profile. Returns a
 * kc_udb_status; *id gets the run id. */
int kc_wz_run_save(struct kc_app *app, const struct kc_wz_def *def, const struct kc_wz_answers *a,
                   const struct kc_wz_result *r, int64_t *id, char *err, size_t errlen);

/* One saved cause, read back. */
struct kc_run_cause {
  char id[64];
  int score;
  char title[512];
  char kind[16]; /* KC_RUN_DANGER, KC_RUN_LIKELY or "" (also for older runs) */
};
/* Parses saved causes (as kc_wz_causes_text writes them, or the older
 * three-field lines) into out[0..max), each field sanitised; returns how
 * many. */
int kc_run_causes(const char *text, struct kc_run_cause *out, int max);
/* Whether saved answers are a run stopped at an answer that needs help now. */
bool kc_run_stopped(const char *answers);

#endif
