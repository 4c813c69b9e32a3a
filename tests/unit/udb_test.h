/* Shared by the user-database suites (test_userdb.c: opening, damage,
 * many processes; test_userdb_records.c: every record type): temporary
 * directories, files, the real migrations from db/userdb (plus a synthetic
 * "newer program" step), open helpers, a raw SQLite connection for looking
 * underneath the API, and a profile with some of every record.
 * Every helper is static: each suite is one translation unit. */
#ifndef KC_UDB_TEST_H
#define KC_UDB_TEST_H
#define _XOPEN_SOURCE 700 /* nftw */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kc_check.h"
#include "kneecare/day.h"
#include "kneecare/profile.h"
#include "kneecare/recovery.h"
#include "kneecare/userdb.h"
#include "kneecare/userdb_run.h"

#ifndef KC_SOURCE_DIR
#define KC_SOURCE_DIR "."
#endif

#define OK KC_UDB_OK
#define DAY0 19884                                /* 2024-06-10 */
#define NOW ((time_t)DAY0 * 86400 + 12 * 3600)    /* its noon, UTC */
#define ON_DAY(n) (NOW + (time_t)((n)-1) * 86400) /* noon of plan day n */

/* ======================================================================
 * Helpers: temporary directories, files, migrations
 * ====================================================================== */

static char tmp[256];

static __attribute__((unused)) int rm_entry(const char *path, const struct stat *st, int flag,
                                            struct FTW *ftw) {
  (void)st, (void)flag, (void)ftw;
  chmod(path, 0700);
  remove(path); /* best effort: a leftover temp file is not a test failure */
  return 0;
}

static __attribute__((unused)) void make_tmp(void) {
  snprintf(tmp, sizeof tmp, "/tmp/kc-udb-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(tmp));
}

static __attribute__((unused)) void remove_tree(const char *dir) {
  /* make everything writable first so a read-only test dir can be removed */
  nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static __attribute__((unused)) void drop_tmp(void) { remove_tree(tmp); }

/* tmp/<name> as a fresh string in a static rotation (enough for one test). */
static __attribute__((unused)) const char *sub(const char *name) {
  static char bufs[8][512];
  static int next;
  char *b = bufs[next++ % 8];
  snprintf(b, sizeof bufs[0], "%s/%s", tmp, name);
  return b;
}

static __attribute__((unused)) const char *dbfile(const char *dir) {
  static char b[600];
  snprintf(b, sizeof b, "%s/%s", dir, KC_USERDB_FILE);
  return b;
}

static __attribute__((unused)) char *read_file(const char *path, size_t *len) {
  if (len) *len = 0;
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  const long n = ftell(f);
  rewind(f);
  char *s = malloc((size_t)(n < 0 ? 0 : n) + 1);
  const size_t got = n > 0 ? fread(s, 1, (size_t)n, f) : 0;
  s[got] = '\0';
  fclose(f);
  if (len) *len = got;
  return s;
}

static __attribute__((unused)) void write_file(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(data, 1, len, f), len);
  fclose(f);
}

static __attribute__((unused)) bool exists(const char *path) {
  struct stat st;
  return lstat(path, &st) == 0;
}

static __attribute__((unused)) bool ends_with(const char *s, const char *suffix) {
  const size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Files in dir whose name starts with prefix, not counting the -wal, -shm
 * and -journal that travel with a database file. */
static __attribute__((unused)) int count_prefix(const char *dir, const char *prefix, char *first,
                                                size_t n) {
  DIR *d = opendir(dir);
  ck_assert_ptr_nonnull(d);
  int count = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (strncmp(e->d_name, prefix, strlen(prefix)) != 0) continue;
    if (strcmp(prefix, KC_USERDB_FILE "-") != 0 &&
        (ends_with(e->d_name, "-wal") || ends_with(e->d_name, "-shm") ||
         ends_with(e->d_name, "-journal")))
      continue;
    if (first && count == 0) snprintf(first, n, "%s/%s", dir, e->d_name);
    count++;
  }
  closedir(d);
  return count;
}

/* The real migrations, read from db/userdb/NNN_name.sql, plus room for a
 * synthetic next one that tests use as "a newer program". */
#define MAX_MIGS 32
static struct kc_migration migs[MAX_MIGS];
static char mig_names[MAX_MIGS][64];
static int n_migs;

static __attribute__((unused)) int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static __attribute__((unused)) void load_migrations(void) {
  if (n_migs) return;
  const char *dir = KC_SOURCE_DIR "/db/userdb";
  DIR *d = opendir(dir);
  ck_assert_msg(d != NULL, "cannot open %s", dir);
  char *names[MAX_MIGS];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    const size_t len = strlen(e->d_name);
    if (len > 4 && strcmp(e->d_name + len - 4, ".sql") == 0 && n < MAX_MIGS - 2)
      names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, (size_t)n, sizeof names[0], cmp_str);
  for (int i = 0; i < n; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    ck_assert_msg(strlen(names[i]) > 8 && names[i][3] == '_', "bad name %s", names[i]);
    migs[i].version = atoi(names[i]);
    snprintf(mig_names[i], sizeof mig_names[i], "%.*s", (int)(strlen(names[i]) - 8), names[i] + 4);
    migs[i].name = mig_names[i];
    migs[i].sql = read_file(path, NULL);
    free(names[i]);
  }
  n_migs = n;
  /* the "newer program" step, never in the real list */
  migs[n].version = n + 1;
  migs[n].name = "test_newer";
  migs[n].sql = "ALTER TABLE profile ADD COLUMN colour TEXT;";
}

static __attribute__((unused)) struct kc_userdb *open_k(const char *dir, int k) {
  struct kc_userdb *db = NULL;
  char err[1024];
  const int rc = kc_userdb_open(dir, migs, k, &db, err, sizeof err);
  ck_assert_msg(rc == OK, "open %s with %d migrations: %s (%s)", dir, k, kc_udb_status_name(rc),
                err);
  return db;
}

static __attribute__((unused)) struct kc_userdb *open_db(const char *dir) {
  return open_k(dir, n_migs);
}

static __attribute__((unused)) void setup(void) {
  setenv("TZ", "UTC0", 1);
  tzset();
  load_migrations();
  make_tmp();
}

static __attribute__((unused)) void teardown(void) { drop_tmp(); }

/* A raw connection for looking underneath the API. */
static __attribute__((unused)) sqlite3 *raw(const char *dir) {
  sqlite3 *s = NULL;
  ck_assert_int_eq(sqlite3_open_v2(dbfile(dir), &s, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  sqlite3_busy_timeout(s, 5000);
  return s;
}

static __attribute__((unused)) int raw_int(sqlite3 *s, const char *sql) {
  sqlite3_stmt *st = NULL;
  ck_assert_msg(sqlite3_prepare_v2(s, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
                sqlite3_errmsg(s));
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  const int v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return v;
}

static __attribute__((unused)) int raw_exec(sqlite3 *s, const char *sql) {
  return sqlite3_exec(s, sql, NULL, NULL, NULL) & 0xff;
}

/* Every entry of dir with its size and, for files, a checksum of its bytes:
 * equal listings mean nothing was added, removed or changed. */
static __attribute__((unused)) char *dir_listing(const char *dir) {
  struct dirent **names;
  const int n = scandir(dir, &names, NULL, alphasort);
  ck_assert_int_ge(n, 0);
  size_t cap = 64, len = 0;
  char *out = malloc(cap);
  out[0] = '\0';
  for (int i = 0; i < n; i++) {
    char path[1024], line[1200];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
    struct stat st;
    unsigned long sum = 0;
    size_t flen = 0;
    /* The -shm is SQLite's shared-memory index, rewritten by every reader:
     * not data, so only its presence and size count. */
    const size_t nl = strlen(names[i]->d_name);
    const bool shm = nl > 4 && strcmp(names[i]->d_name + nl - 4, "-shm") == 0;
    if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && !shm) {
      char *bytes = read_file(path, &flen);
      for (size_t k = 0; k < flen; k++) sum = sum * 31 + (unsigned char)bytes[k];
      free(bytes);
    }
    const int w =
        snprintf(line, sizeof line, "%s %lld %lx\n", names[i]->d_name, (long long)st.st_size, sum);
    while (len + (size_t)w + 1 > cap) out = realloc(out, cap *= 2);
    memcpy(out + len, line, (size_t)w + 1);
    len += (size_t)w;
    free(names[i]);
  }
  free(names);
  return out;
}

/* Makes the next open run the integrity check (its last pass a week ago). */
static __attribute__((unused)) bool has_column(sqlite3 *s, const char *table, const char *col) {
  char sql[128];
  snprintf(sql, sizeof sql, "SELECT count(*) FROM pragma_table_info('%s') WHERE name = '%s'", table,
           col);
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(sqlite3_prepare_v2(s, sql, -1, &st, NULL), SQLITE_OK);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  const bool has = sqlite3_column_int(st, 0) > 0;
  sqlite3_finalize(st);
  return has;
}

/* The same records as fill(), written with plain SQL, so a file left at any
 * earlier version can be filled with what that version could hold before
 * it is upgraded (the current API writes the current schema). `name` is a
 * plain ASCII test name. */
static __attribute__((unused)) void fill_raw(const char *dir, const char *name) {
  sqlite3 *s = raw(dir);
  char sql[4096];
  const bool key = has_column(s, "profile", "name_key");
  const bool slot = has_column(s, "pain", "slot");
  snprintf(sql, sizeof sql,
           "PRAGMA foreign_keys=ON; BEGIN;"
           "INSERT INTO profile (name, created_at%s) VALUES ('%s', %lld%s%s%s);"
           "INSERT INTO plan (profile_id, start_day, started_at) "
           "  SELECT id, %d, %lld FROM profile WHERE name = '%s';"
           "CREATE TEMP VIEW p AS SELECT plan.id AS plan_id, profile.id AS profile_id FROM plan "
           "  JOIN profile ON profile.id = plan.profile_id WHERE profile.name = '%s';"
           "INSERT INTO tick (plan_id, task_id, day, at) SELECT plan_id, 'compression', 1, %lld "
           "  FROM p;"
           "INSERT INTO tick (plan_id, task_id, day, at) SELECT plan_id, 'elevation', 1, %lld "
           "  FROM p;"
           "INSERT INTO ice_session (plan_id, day, at, minutes) SELECT plan_id, 1, %lld, 20 FROM p;"
           "INSERT INTO pain (plan_id, day, score, note, at%s) SELECT plan_id, 1, 5, 'stairs', "
           "  %lld%s FROM p;"
           "INSERT INTO redflag_check (plan_id, cal_day, at, level, answers) "
           "  SELECT plan_id, %d, %lld, 0, '{}' FROM p;"
           "INSERT INTO wizard_run (profile_id, at, answers, level, causes) "
           "  SELECT profile_id, %lld, '{\"q\":1}', 1, '[]' FROM p;"
           "INSERT INTO setting (profile_id, key, value) SELECT profile_id, 'mouse', 'off' FROM p;"
           "DROP VIEW p; COMMIT;",
           key ? ", name_key" : "", name, (long long)NOW, key ? ", '" : "", key ? name : "",
           key ? "'" : "", DAY0, (long long)NOW, name, name, (long long)NOW, (long long)NOW,
           (long long)NOW, slot ? ", slot" : "", (long long)NOW, slot ? ", 'morning'" : "", DAY0,
           (long long)NOW, (long long)NOW);
  char *msg = NULL;
  ck_assert_msg(sqlite3_exec(s, sql, NULL, NULL, &msg) == SQLITE_OK, "fill_raw: %s", msg);
  sqlite3_close(s);
}

static __attribute__((unused)) bool has_table(sqlite3 *s, const char *table) {
  char sql[160];
  snprintf(sql, sizeof sql,
           "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'", table);
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(sqlite3_prepare_v2(s, sql, -1, &st, NULL), SQLITE_OK);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  const bool has = sqlite3_column_int(st, 0) > 0;
  sqlite3_finalize(st);
  return has;
}

/* Records in the tables later versions added, for the profile `name`, in
 * the shape of the version that added them, where the file has them: so
 * an upgrade from any version carries every kind of record it could hold. */
static __attribute__((unused)) void fill_raw_later(const char *dir, const char *name) {
  sqlite3 *s = raw(dir);
  char sql[2048], *msg = NULL;
  static const struct {
    const char *table, *sql;
  } later[] = {
      {"wizard_draft", "INSERT INTO wizard_draft (profile_id, answers, saved_at) "
                       "SELECT id, 'a=b', 1 FROM profile WHERE name = '%s'"},
      {"bookmark", "INSERT INTO bookmark SELECT id, 'ice', 1 FROM profile WHERE name = '%s'"},
      {"reading", "INSERT INTO reading SELECT id, 'ice', 10, 1 FROM profile WHERE name = '%s'"},
      {"ice_timer", "INSERT INTO ice_timer SELECT plan.id, 1, 1, 60 FROM plan JOIN profile ON "
                    "profile.id = plan.profile_id WHERE name = '%s'"},
      {"plan_readiness", "INSERT INTO plan_readiness SELECT plan.id, 'hop', 1, 1 FROM plan JOIN "
                         "profile ON profile.id = plan.profile_id WHERE name = '%s'"},
      {"plan_checkin", "INSERT INTO plan_checkin (plan_id, at, answer) SELECT plan.id, 1, 'same' "
                       "FROM plan JOIN profile ON profile.id = plan.profile_id WHERE name = '%s'"},
      {"run_programme", "INSERT INTO run_programme (profile_id, programme_id, level_at_start, "
                        "start_day, started_at) SELECT id, 'walk-run', 1, 0, 1 FROM profile "
                        "WHERE name = '%s'"},
      {"run_session",
       "INSERT INTO run_session (programme_id, seq, week, planned_day, "
       "planned_run_minutes, planned_walk_minutes) SELECT r.id, 1, 1, 0, 1, 4 FROM "
       "run_programme r JOIN profile ON profile.id = r.profile_id WHERE name = '%s'"},
      {"run_pause", "INSERT INTO run_pause (programme_id, from_day, reason, created_at) SELECT "
                    "r.id, 1, 'travel', 1 FROM run_programme r JOIN profile ON profile.id = "
                    "r.profile_id WHERE name = '%s'"},
      {"run_timer", "INSERT INTO run_timer (programme_id, seq, day, started_at, phase, "
                    "phase_started_at) SELECT r.id, 1, 0, 1, 0, 1 FROM run_programme r JOIN "
                    "profile ON profile.id = r.profile_id WHERE name = '%s'"},
      {"strength_log", "INSERT INTO strength_log (profile_id, exercise_id, cal_day, at, sets, "
                       "reps) SELECT id, 'bridge', 0, 1, 1, 5 FROM profile WHERE name = '%s'"},
  };
  for (size_t i = 0; i < sizeof later / sizeof later[0]; i++) {
    if (!has_table(s, later[i].table)) continue;
    snprintf(sql, sizeof sql, later[i].sql, name);
    ck_assert_msg(sqlite3_exec(s, sql, NULL, NULL, &msg) == SQLITE_OK, "fill %s: %s",
                  later[i].table, msg);
  }
  sqlite3_close(s);
}

/* "table count" lines of every table of the file, for comparing what an
 * upgrade kept. Caller frees. */
static __attribute__((unused)) char *table_counts(const char *dir) {
  sqlite3 *s = raw(dir);
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(sqlite3_prepare_v2(s,
                                      "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                      "name NOT LIKE 'sqlite_%' AND name <> 'maintenance' "
                                      "ORDER BY name",
                                      -1, &st, NULL),
                   SQLITE_OK);
  char *out = calloc(1, 4096);
  while (sqlite3_step(st) == SQLITE_ROW) {
    char sql[160], line[160];
    const char *t = (const char *)sqlite3_column_text(st, 0);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", t);
    snprintf(line, sizeof line, "%s %d\n", t, raw_int(s, sql));
    strncat(out, line, 4095 - strlen(out));
  }
  sqlite3_finalize(st);
  sqlite3_close(s);
  return out;
}

static __attribute__((unused)) void check_due_now(const char *dir) {
  sqlite3 *s = raw(dir);
  ck_assert_int_eq(sqlite3_exec(s,
                                "INSERT INTO maintenance (key, value) VALUES ('checked_at', 1) "
                                "ON CONFLICT (key) DO UPDATE SET value = 1",
                                NULL, NULL, NULL),
                   SQLITE_OK);
  sqlite3_close(s);
}

static __attribute__((unused)) void assert_integrity(const char *dir) {
  sqlite3 *s = raw(dir);
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(sqlite3_prepare_v2(s, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "ok");
  sqlite3_finalize(st);
  sqlite3_close(s);
}

/* A profile with an active plan starting on DAY0. */
static __attribute__((unused)) int64_t new_plan(struct kc_userdb *db, const char *name,
                                                int64_t *profile_id) {
  struct kc_profile p;
  ck_assert_int_eq(kc_userdb_profile_get_or_create(db, name, NOW, &p), OK);
  struct kc_plan plan;
  ck_assert_int_eq(kc_userdb_plan_start(db, p.id, DAY0, NOW, &plan), OK);
  if (profile_id) *profile_id = p.id;
  return plan.id;
}

/* Some of every kind of record for one profile. */
static __attribute__((unused)) void fill(struct kc_userdb *db, const char *name) {
  int64_t pid;
  const int64_t plan = new_plan(db, name, &pid);
  ck_assert_int_eq(kc_userdb_tick(db, plan, "compression", 1, NOW), OK);
  ck_assert_int_eq(kc_userdb_tick(db, plan, "elevation", 1, NOW), OK);
  ck_assert_int_eq(kc_userdb_ice_add(db, plan, 1, NOW, 20, NULL), OK);
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 1, 5, "stairs", NOW), OK);
  ck_assert_int_eq(kc_userdb_redflag_record(db, plan, DAY0, NOW, KC_LEVEL_NONE, "{}"), OK);
  ck_assert_int_eq(kc_userdb_wizard_save(db, pid, NOW, "{\"q\":1}", KC_LEVEL_SELF_CARE, "[]", NULL),
                   OK);
  ck_assert_int_eq(kc_userdb_setting_set(db, pid, "mouse", "off"), OK);
}

#endif
