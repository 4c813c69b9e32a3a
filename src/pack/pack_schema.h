/* The packed file's CREATE TABLE statements, compacted (pack_schema.c). */
#ifndef KC_PACK_SCHEMA_H
#define KC_PACK_SCHEMA_H

#include <stddef.h>

#include "pack_checks.h"

/* The CREATE TABLE statement sql without what only guards writes: CHECK,
 * NOT NULL, DEFAULT, REFERENCES and FOREIGN KEY clauses, CONSTRAINT names,
 * comments and blanks. Names, types, PRIMARY KEY, UNIQUE, COLLATE, ON
 * CONFLICT, AUTOINCREMENT and the table options stay, in their order, so
 * the table and its automatic indexes are read exactly as before. Returns
 * 0 with the statement in out; -1 (out unspecified) for anything it does
 * not know how to shorten (a generated column, an unknown clause, a
 * statement longer than outlen). */
int kc_pack_compact_create(const char *sql, char *out, size_t outlen);

/* Rewrites the statements of every ordinary table of the closed database
 * file path with kc_pack_compact_create (PRAGMA writable_schema, which
 * SQLite documents for removing constraints), then reopens the file and
 * checks that every table's columns, keys, indexes and rows read exactly as
 * before and that the file passes integrity_check. A difference is
 * reported as an error. The file is read only by kneecare, which needs none
 * of the guards: SQLite parses this schema on every open, and the short
 * form takes a third less time (kneecare --content's first frame). */
void kc_pack_compact_schema(const char *path, kc_report_fn report);

#endif
