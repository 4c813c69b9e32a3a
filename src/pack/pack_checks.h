/* Cross-table checks of the structured data under db/ (wizard, plan), run
 * by kcpack after the articles are loaded. */
#ifndef KC_PACK_CHECKS_H
#define KC_PACK_CHECKS_H

#include <sqlite3.h>

typedef void (*kc_report_fn)(const char *file, int line, const char *fmt, ...);

void kc_pack_check_data(sqlite3 *db, const char *dbdir, kc_report_fn report);

#endif
