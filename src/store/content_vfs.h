/* Opening a content database through a descriptor already open (content_vfs.c). */
#ifndef KC_CONTENT_VFS_H
#define KC_CONTENT_VFS_H

#include <sqlite3.h>

/* Opens the database in fd (a regular file) read-only; SQLite reads a
 * duplicate of fd and never the path. With len >= 0 the database is the len
 * bytes at off, not the whole file. Returns an SQLite result code; *db may
 * be set even on failure (close it). */
int kc_content_vfs_open(int fd, sqlite3_int64 off, sqlite3_int64 len, sqlite3 **db);

#endif
