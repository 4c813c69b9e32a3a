/* Saving and reading back wizard runs, shared by `kneecare wizard --save`,
 * `kneecare history` and the TUI. A run is stored as its answers (in the
 * --answers file format, so it can be re-read and re-scored), its level,
 * and its ranked causes as lines "id<TAB>score<TAB>title". */
#ifndef KC_WIZARD_RUN_H
#define KC_WIZARD_RUN_H

#include <stdint.h>

#include "kneecare/app.h"
#include "kneecare/wizard.h"

/* (The answers' text form is kc_wz_answers_text() in wizard.h.) */
/* The ranked causes as "id\tscore\ttitle" lines. Caller frees. */
char *kc_wz_causes_text(const struct kc_wz_def *def, const struct kc_wz_result *r);
/* Saves a completed run for the app's current profile. Returns a
 * kc_udb_status; *id gets the run id. */
int kc_wz_run_save(struct kc_app *app, const struct kc_wz_def *def, const struct kc_wz_answers *a,
                   const struct kc_wz_result *r, int64_t *id, char *err, size_t errlen);

/* One saved cause, read back. */
struct kc_run_cause {
  char id[64];
  int score;
  char title[512];
};
/* Parses saved causes ("id\tscore\ttitle" lines, as kc_wz_causes_text
 * writes them) into out[0..max), each field sanitised; returns how many. */
int kc_run_causes(const char *text, struct kc_run_cause *out, int max);

#endif
