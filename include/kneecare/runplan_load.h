/* Loads the return-to-running programme (db/50_return_to_running.sql) from
 * an open content database: the numbers the engine follows (struct
 * kc_rp_def, with each cause's minimum level read from wizard_cause) and
 * the words and drawings the screens show. Every string shown to people is
 * sanitised; reads are bounded (KC_RP_MAX_* rows, KC_RP_TEXT_MAX bytes). */
#ifndef KC_RUNPLAN_LOAD_H
#define KC_RUNPLAN_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "kneecare/exercise.h"
#include "kneecare/runplan.h"

typedef struct sqlite3 sqlite3;

#define KC_RP_MAX_CHECKS 32    /* signs in a session's safety check */
#define KC_RP_MAX_EXERCISES 32 /* strength exercises */
#define KC_RP_TEXT_MAX 2000    /* bytes of one text read from the database */

struct kc_rp_exercise {
  char *id, *name, *article_id, *easier, *harder, *source;
  int level; /* the article's stage, 1..3 */
  bool per_side;
  struct kc_ex_limits dose;
  char *steps[KC_EX_STEPS_MAX];
  int n_steps;
  char *art[KC_ART_ROWS]; /* the drawing with line-drawing characters */
  int n_art;
  char *ascii[KC_ART_ROWS]; /* its ASCII twin */
  int n_ascii;
};

struct kc_rp_content {
  struct kc_rp_def def;
  char *id, *title, *summary, *surface, *pace, *article_id, *source;
  char *rule_text, *rule_source;
  char *stage_source[KC_RP_MAX_STAGES];
  char *cause_source[KC_RP_MAX_CAUSES];
  char *check[KC_RP_MAX_CHECKS]; /* sign ids, in the order asked */
  int n_checks;
  struct kc_rp_exercise ex[KC_RP_MAX_EXERCISES];
  int n_ex;
};

/* Reads the programme `id` (NULL: the first by id) and everything that
 * belongs to it into a new *out (free with kc_rp_content_free). Checks
 * types and bounds, not clinical sense: call kc_rp_def_check() and the
 * drawing checks next (the packer does, at build time). A cause listed in
 * run_cause but missing from wizard_cause is an error. Returns 0, or -1
 * with a message in err (*out is then NULL). Out of memory follows mem.h. */
int kc_rp_load(sqlite3 *db, const char *id, struct kc_rp_content **out, char *err, size_t errlen);
/* The same from the content handle (NULL fails cleanly). */
struct kc_content;
int kc_rp_load_content(struct kc_content *content, const char *id, struct kc_rp_content **out,
                       char *err, size_t errlen);
void kc_rp_content_free(struct kc_rp_content *c);

/* The exercise with this id, or NULL. */
const struct kc_rp_exercise *kc_rp_find_exercise(const struct kc_rp_content *c, const char *id);

#endif
