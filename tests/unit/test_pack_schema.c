/* Unit tests: the packer's schema compaction (src/pack/pack_schema.c). The
 * expected statements are written from SQLite's grammar: what guards
 * writes goes, what decides how a row is stored or found stays. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "kc_check.h"
#include "pack_schema.h"

static void compacts_to(const char *sql, const char *want) {
  char out[4096];
  ck_assert_msg(kc_pack_compact_create(sql, out, sizeof out) == 0, "refused: %s", sql);
  ck_assert_str_eq(out, want);
}

static void left_alone(const char *sql) {
  char out[4096];
  ck_assert_msg(kc_pack_compact_create(sql, out, sizeof out) != 0, "compacted: %s -> %s", sql, out);
}

START_TEST(guards_go_keys_stay) {
  compacts_to("CREATE TABLE t (\n"
              "  id TEXT PRIMARY KEY, -- the id\n"
              "  n  INTEGER NOT NULL DEFAULT 0 CHECK (n BETWEEN 0 AND 2),\n"
              "  /* a note */ s TEXT CHECK ((n = 0 AND s IS NULL) OR length(s) > 0),\n"
              "  CHECK (n > -1)\n"
              ")",
              "CREATE TABLE t(id TEXT PRIMARY KEY,n INTEGER,s TEXT)");
  /* every form of default value */
  compacts_to("CREATE TABLE d (a INT DEFAULT -1, b TEXT DEFAULT 'it''s', c INT DEFAULT (1 + 2), "
              "e BLOB DEFAULT x'00ff', f TEXT DEFAULT CURRENT_TIMESTAMP, g REAL DEFAULT +1.5e3, "
              "h DEFAULT NULL)",
              "CREATE TABLE d(a INT,b TEXT,c INT,e BLOB,f TEXT,g REAL,h)");
  /* foreign keys, in a column and as a table constraint */
  compacts_to("CREATE TABLE c (p TEXT REFERENCES par (id) ON DELETE CASCADE ON UPDATE SET NULL "
              "DEFERRABLE INITIALLY DEFERRED, q INT REFERENCES par MATCH SIMPLE NOT NULL, "
              "FOREIGN KEY (p, q) REFERENCES par (id, n) ON DELETE NO ACTION)",
              "CREATE TABLE c(p TEXT,q INT)");
}
END_TEST

START_TEST(what_decides_storage_stays) {
  compacts_to("CREATE TABLE k (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT COLLATE NOCASE "
              "CONSTRAINT one UNIQUE ON CONFLICT REPLACE)",
              "CREATE TABLE k(id INTEGER PRIMARY KEY AUTOINCREMENT,name TEXT COLLATE NOCASE UNIQUE "
              "ON CONFLICT REPLACE)");
  compacts_to("CREATE TABLE w (a TEXT NOT NULL, b VARCHAR (40), \"odd name\" INT, [x y] TEXT, "
              "CONSTRAINT pk PRIMARY KEY (a, b DESC), UNIQUE (\"odd name\") ON CONFLICT IGNORE) "
              "WITHOUT ROWID",
              "CREATE TABLE w(a TEXT,b VARCHAR(40),\"odd name\" INT,[x y] TEXT,PRIMARY KEY(a,b "
              "DESC),UNIQUE(\"odd name\")ON CONFLICT IGNORE)WITHOUT ROWID");
  compacts_to("CREATE TABLE IF NOT EXISTS 'q' (id INT PRIMARY KEY DESC, v)",
              "CREATE TABLE IF NOT EXISTS 'q'(id INT PRIMARY KEY DESC,v)");
}
END_TEST

START_TEST(unknown_forms_are_left_alone) {
  left_alone("CREATE TABLE g (a INT, b INT GENERATED ALWAYS AS (a * 2))");
  left_alone("CREATE TABLE g (a INT, b INT AS (a * 2) STORED)");
  left_alone("CREATE TEMP TABLE t (a)");
  left_alone("CREATE VIRTUAL TABLE f USING fts5 (a)");
  left_alone("CREATE TABLE t AS SELECT 1");
  left_alone("CREATE TABLE t (a INT DEFAULT)");
  left_alone("CREATE TABLE t (a INT COLLATE)");
  left_alone("CREATE TABLE t (a INT REFERENCES p ON DELETE EXPLODE)");
  left_alone("CREATE TABLE t (a INT CHECK)");
  left_alone("CREATE TABLE t (a INT, 'unterminated)");
  left_alone("CREATE TABLE t (a INT, (b))");
  left_alone("CREATE TABLE t ()");
  char out[8];
  ck_assert_int_ne(kc_pack_compact_create("CREATE TABLE long_name (a INT)", out, sizeof out), 0);
}
END_TEST

/* ---- a whole file ---------------------------------------------------------- */

static int reported;
static char last_report[512];

static void count_report(const char *file, int line, const char *fmt, ...) {
  (void)file, (void)line;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(last_report, sizeof last_report, fmt, ap);
  va_end(ap);
  reported++;
}

static void exec_ok(sqlite3 *db, const char *sql) {
  char *msg = NULL;
  ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s: %s", sql, msg);
}

static char *make_file(const char *sql) {
  static char path[64];
  snprintf(path, sizeof path, "/tmp/kc-pack-schema-XXXXXX");
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  close(fd);
  unlink(path);
  sqlite3 *db = NULL;
  ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
  exec_ok(db, sql);
  sqlite3_close(db);
  return path;
}

static char *schema_sql(const char *path, const char *name) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  ck_assert_int_eq(
      sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_schema WHERE name = ?1", -1, &st, NULL),
      SQLITE_OK);
  sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  char *s = strdup((const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return s;
}

START_TEST(file_compacted_and_read_the_same) {
  char *path = make_file(
      "CREATE TABLE par (id TEXT PRIMARY KEY CHECK (length(id) > 0), n INT NOT NULL UNIQUE);"
      "CREATE TABLE kid (id INTEGER PRIMARY KEY, par_id TEXT NOT NULL REFERENCES par (id), "
      "  note TEXT DEFAULT 'none', CHECK (id > 0));"
      "CREATE INDEX kid_par ON kid (par_id);"
      "CREATE VIRTUAL TABLE f USING fts5 (t);"
      "INSERT INTO par VALUES ('a', 1), ('b', 2);"
      "INSERT INTO kid (par_id) VALUES ('a'), ('b');"
      "INSERT INTO f VALUES ('knee pain');");
  reported = 0;
  kc_pack_compact_schema(path, count_report);
  ck_assert_msg(reported == 0, "%s", last_report);
  char *par = schema_sql(path, "par"), *kid = schema_sql(path, "kid"), *f = schema_sql(path, "f");
  ck_assert_str_eq(par, "CREATE TABLE par(id TEXT PRIMARY KEY,n INT UNIQUE)");
  ck_assert_str_eq(kid, "CREATE TABLE kid(id INTEGER PRIMARY KEY,par_id TEXT,note TEXT)");
  ck_assert_str_eq(f, "CREATE VIRTUAL TABLE f USING fts5 (t)"); /* not ours to rewrite */
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  ck_assert_int_eq(sqlite3_prepare_v2(db,
                                      "SELECT group_concat(k.id || k.par_id || k.note || p.n) "
                                      "FROM kid k JOIN par p ON p.id = k.par_id",
                                      -1, &st, NULL),
                   SQLITE_OK);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "1anone1,2bnone2");
  sqlite3_finalize(st);
  sqlite3_close(db);
  free(par), free(kid), free(f);
  unlink(path);
}
END_TEST

/* A row written before ALTER TABLE ... ADD COLUMN ... DEFAULT reads the
 * default from the statement: dropping it would change what the row reads,
 * and the check after the rewrite must say so. (kcpack compacts only after
 * VACUUM has written every row whole.) */
START_TEST(a_change_in_what_rows_read_is_an_error) {
  char *path = make_file("CREATE TABLE t (id INTEGER PRIMARY KEY);"
                         "INSERT INTO t VALUES (1);"
                         "ALTER TABLE t ADD COLUMN colour TEXT DEFAULT 'blue';");
  reported = 0;
  kc_pack_compact_schema(path, count_report);
  ck_assert_int_eq(reported, 1);
  ck_assert_msg(strstr(last_report, "changed how table t reads"), "%s", last_report);
  unlink(path);
}
END_TEST

/* The shipped content's tables are compact (the full-text tables' statements
 * are SQLite's own business and stay as db/ wrote them). */
START_TEST(packed_content_is_compact) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(sqlite3_open_v2(KC_CONTENT_DB, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  ck_assert_int_eq(sqlite3_prepare_v2(db,
                                      "SELECT count(*), sum(length(sql)), "
                                      "sum(sql LIKE '% CHECK%' OR sql LIKE '%REFERENCES%' OR "
                                      "sql LIKE '%--%' OR sql LIKE '%NOT NULL%') "
                                      "FROM sqlite_schema WHERE sql LIKE 'CREATE TABLE%'",
                                      -1, &st, NULL),
                   SQLITE_OK);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  ck_assert_int_gt(sqlite3_column_int(st, 0), 30);
  ck_assert_int_eq(sqlite3_column_int(st, 2), 0);
  ck_assert_int_lt(sqlite3_column_int(st, 1), 6000); /* 10,500 bytes in db/ */
  sqlite3_finalize(st);
  sqlite3_close(db);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("pack_schema");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, guards_go_keys_stay);
  tcase_add_test(tc, what_decides_storage_stays);
  tcase_add_test(tc, unknown_forms_are_left_alone);
  tcase_add_test(tc, file_compacted_and_read_the_same);
  tcase_add_test(tc, a_change_in_what_rows_read_is_an_error);
  tcase_add_test(tc, packed_content_is_compact);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
