/* The packer's search and whole-content work (pack_search.c): the checks
 * that need every article, done once at build time and recorded in meta so
 * that opening a content file is O(1). Also used by the benchmark, which
 * makes large content files and must seal them the same way. */
#ifndef KC_PACK_SEARCH_H
#define KC_PACK_SEARCH_H

#include <sqlite3.h>
#include <stddef.h>

#include "pack_checks.h"

/* Checks every article against the store's limits (reported as file:line
 * through report) and records in meta: the article count, the largest body,
 * a checksum of every article, and for each topic its article count and
 * rowid range. Runs after the articles are loaded. */
void kc_pack_search(sqlite3 *db, const char *dbdir, kc_report_fn report);

/* The recording part alone, for a database made some other way (the
 * benchmark's generated content). 0, or -1 with a message. */
int kc_pack_search_seal(sqlite3 *db, char *err, size_t errlen);

#endif
