/* Build-time checks of the return-to-running data (db/50_return_to_running.sql):
 * see pack_runplan.c. */
#ifndef KC_PACK_RUNPLAN_H
#define KC_PACK_RUNPLAN_H

#include <sqlite3.h>

#include "pack_checks.h"

/* Runs every check when the run_programme table exists; reports each
 * problem once as file:line through `report`. */
void kc_pack_check_runplan(sqlite3 *db, const char *dbdir, kc_report_fn report);

#endif
