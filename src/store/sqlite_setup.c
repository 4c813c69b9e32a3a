/* SQLite's process-wide settings. sqlite3_config only works before SQLite
 * initialises itself, which the first sqlite3_open_v2 does, so every open
 * in the store calls kc_sqlite_setup first; after that it does nothing.
 *
 * No initial bulk page cache: by default each connection (and each
 * temporary b-tree) allocates and writes 20 page slots up front, about 87 KB
 * each, before it has read a page. The guide holds two connections and
 * reads little through the user one, so memory follows the pages actually
 * read instead.
 *
 * Single-thread mode, no memory statistics: kneecare uses SQLite from one
 * thread only, and by default every allocation SQLite makes takes a global
 * mutex to keep statistics nobody reads. Locking was 7 % of the
 * instructions of a --content start; opening the file (the schema parse
 * and check before the first frame) takes 14 % fewer without it. */
#include "sqlite_setup.h"

#include <sqlite3.h>

void kc_sqlite_setup(void) {
  static int done;
  if (done) return;
  done = 1;
  /* SQLITE_MISUSE when SQLite was initialised already (a test that opened
   * a database another way first): the default then stays, which is safe. */
  (void)sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)0, 0, 0);
  (void)sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
  (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
