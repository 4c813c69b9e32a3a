/* SQLite's process-wide settings, made before the first connection opens
 * (sqlite_setup.c). Internal to the store. */
#ifndef KC_SQLITE_SETUP_H
#define KC_SQLITE_SETUP_H

/* Applies the settings once; every open in the store calls it first. */
void kc_sqlite_setup(void);

#endif
