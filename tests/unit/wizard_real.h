/* Shared by the tests of the real wizard definition (test_wizard_real.c,
 * test_wizard_safety.c): db/15_triage.sql and db/20_wizard.sql executed into an in-memory database, loaded with
 * kc_wz_load and validated against the articles on disk. Header-only so
 * each test stays one file and one executable. */
#ifndef KC_TEST_WIZARD_REAL_H
#define KC_TEST_WIZARD_REAL_H

#include <dirent.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kc_check.h"
#include "kneecare/wizard.h"
#include "kneecare/wizard_load.h"

static sqlite3 *db;
static struct kc_wz_def *def;

static inline char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
  long n = ftell(f);
  ck_assert_int_ge(n, 0);
  rewind(f);
  char *buf = malloc((size_t)n + 1);
  ck_assert_ptr_nonnull(buf);
  ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
  buf[n] = '\0';
  fclose(f);
  if (len) *len = (size_t)n;
  return buf;
}

/* Articles exist as assets/articles/<topic>/<id>.md. */
static inline bool article_file_exists(const char *id, void *ctx) {
  (void)ctx;
  char dir[4096], path[4096 + 256];
  snprintf(dir, sizeof dir, "%s/assets/articles", KC_SOURCE_DIR);
  DIR *d = opendir(dir);
  if (!d) return false;
  bool found = false;
  struct dirent *e;
  while (!found && (e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    struct stat st;
    int n = snprintf(path, sizeof path, "%s/%s/%s.md", dir, e->d_name, id);
    if (n < 0 || (size_t)n >= sizeof path) continue;
    found = stat(path, &st) == 0 && S_ISREG(st.st_mode);
  }
  closedir(d);
  return found || kc_wz_article_in_db(id, db);
}

static inline void run_sql(sqlite3 *m, const char *name) {
  char path[4096], *err = NULL;
  snprintf(path, sizeof path, "%s/db/%s", KC_SOURCE_DIR, name);
  char *sql = slurp(path, NULL);
  int rc = sqlite3_exec(m, sql, NULL, NULL, &err);
  ck_assert_msg(rc == SQLITE_OK, "db/%s: %s", name, err ? err : "?");
  free(sql);
}

static inline void setup(void) {
  char msg[512];
  ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  run_sql(db, "15_triage.sql");
  run_sql(db, "20_wizard.sql");
  sqlite3_exec(db, "CREATE TABLE article (id TEXT PRIMARY KEY)", NULL, NULL, NULL);
  ck_assert_msg(kc_wz_load(db, &def, msg, sizeof msg) == 0, "load: %s", msg);
  ck_assert_msg(kc_wz_def_validate(def, article_file_exists, NULL, msg, sizeof msg) == 0,
                "validate: %s", msg);
}

static inline void teardown(void) {
  kc_wz_def_free(def);
  def = NULL;
  sqlite3_close(db);
  db = NULL;
}

/* One integer from a query with up to two text parameters; -1 if no row. */
static inline int query_int(const char *sql, const char *p1, const char *p2) {
  sqlite3_stmt *st = NULL;
  ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(db));
  if (p1) sqlite3_bind_text(st, 1, p1, -1, SQLITE_STATIC);
  if (p2) sqlite3_bind_text(st, 2, p2, -1, SQLITE_STATIC);
  int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
  sqlite3_finalize(st);
  return v;
}

#endif
