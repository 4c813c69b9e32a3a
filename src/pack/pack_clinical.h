/* The packer's clinical rules (DESIGN.md: "Article markup for signs and
 * levels" and "Sources"): urgency is stated only through tags rendered
 * from the sign and level tables, every tag names something that exists,
 * no sign is given two levels, the red-flags article lists every sign,
 * every source has an address, a checked date and no denied domain. */
#ifndef KC_PACK_CLINICAL_H
#define KC_PACK_CLINICAL_H

#include <sqlite3.h>
#include <stdbool.h>

#include "kneecare/article.h"
#include "kneecare/markup.h"
#include "pack_checks.h"

struct kc_clinical;

/* The sign and level tables of the database being packed, or NULL when it
 * has none (a tree without triage data: only the source rules apply). */
struct kc_clinical *kc_clinical_load(sqlite3 *db);
void kc_clinical_free(struct kc_clinical *c);
/* Renders tags from the tables (for the search index's plain text). */
const struct kc_tag_resolver *kc_clinical_tags(const struct kc_clinical *c);

/* One article: its file, its parsed form and the whole file text (for
 * line numbers). Every problem is reported as file:line. */
void kc_clinical_check_article(const struct kc_clinical *c, const char *file,
                               const struct kc_article_src *a, const char *text,
                               kc_report_fn report);

/* The sources in one line of text: each "Publisher, Title - https://address
 * (checked YYYY-MM-DD)", several separated by " ; ". Returns the number of
 * problems reported against file:line. */
int kc_clinical_check_sources(const char *sources, const char *file, int line, const char *what,
                              kc_report_fn report);

/* The tables' own rows: level words equal to the built-in ones, every
 * source of a sign, cause, option, rule and level. dbdir locates rows. */
void kc_clinical_check_data(const struct kc_clinical *c, sqlite3 *db, const char *dbdir,
                            kc_report_fn report);

#endif
