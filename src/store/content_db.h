/* Private to the store layer: the SQLite handle of an open content
 * database, for the store's loaders of tables other than the articles
 * (wizard_load.c, plan_load.c). Above the store nothing sees SQL. */
#ifndef KC_STORE_CONTENT_DB_H
#define KC_STORE_CONTENT_DB_H

#include "kneecare/content.h"

sqlite3 *kc_content_db(struct kc_content *c);

#endif
