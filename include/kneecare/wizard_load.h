/* Loads the wizard definition (db/15_triage.sql and db/20_wizard.sql
 * tables) from a content database. */
#ifndef KC_WIZARD_LOAD_H
#define KC_WIZARD_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "kneecare/content.h"
#include "kneecare/markup.h"
#include "kneecare/wizard.h"

typedef struct sqlite3 sqlite3;

/* Reads triage_level, sign, sign_cause and the wizard_* tables into a new
 * definition (*out, free with
 * kc_wz_def_free). Text shown to people is sanitised (no control or
 * bidirectional-override characters). Does not validate: call
 * kc_wz_def_validate() next (kc_wz_article_in_db is a ready callback).
 * Returns 0, or -1 with a message in err (*out is then NULL). */
int kc_wz_load(sqlite3 *db, struct kc_wz_def **out, char *err, size_t errlen);

/* The validated definition of an open content database (its articles
 * checked), or NULL with the reason in err: what the program uses. */
struct kc_wz_def *kc_wz_load_content(struct kc_content *c, char *err, size_t errlen);

/* The words article tags render (triage_level and sign), without the rest
 * of the wizard: cheap enough for opening an article. NULL when the
 * database has no such tables (tags then stay as written). */
struct kc_tag_table *kc_tags_load(struct kc_content *c);

/* article_exists callback for kc_wz_def_validate(): ctx is the sqlite3 *
 * of a content database with the `article` table (an id listed in
 * pending_article counts too: an article promised and not merged yet). */
bool kc_wz_article_in_db(const char *id, void *ctx);

#endif
