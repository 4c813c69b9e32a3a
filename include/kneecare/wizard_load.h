/* Loads the wizard definition (db/20_wizard.sql tables) from an open
 * content database. */
#ifndef KC_WIZARD_LOAD_H
#define KC_WIZARD_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "kneecare/wizard.h"

typedef struct sqlite3 sqlite3;

/* Reads wizard_question, wizard_option, wizard_cause, wizard_evidence,
 * wizard_rule and wizard_read into a new definition (*out, free with
 * kc_wz_def_free). Text shown to people is sanitised (no control or
 * bidirectional-override characters). Does not validate: call
 * kc_wz_def_validate() next (kc_wz_article_in_db is a ready callback).
 * Returns 0, or -1 with a message in err (*out is then NULL). */
int kc_wz_load(sqlite3 *db, struct kc_wz_def **out, char *err, size_t errlen);

/* article_exists callback for kc_wz_def_validate(): ctx is the sqlite3 *
 * of a content database with the `article` table. */
bool kc_wz_article_in_db(const char *id, void *ctx);

#endif
