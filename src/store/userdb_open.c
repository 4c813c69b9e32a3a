/* Opening the user database and keeping its schema current.
 *
 * The stages, each undone on failure: the directory and the file
 * (userdb_file.c), the header probe (userdb_file.c), the SQLite connection
 * (busy timeout, WAL kept between runs, synchronous=NORMAL, foreign keys,
 * defensive mode, untrusted schema), the integrity check when it is worth
 * it, and the migrations, one BEGIN IMMEDIATE transaction per step. A
 * damaged file is moved aside, never deleted, and a fresh one started in the
 * same handle.
 *
 * Cost that does not grow with the years: PRAGMA quick_check reads every
 * page (94 % of `plan status` with five years of data), so it runs only
 * when it is worth it: after an unclean shutdown (the -wal held data that
 * no running kneecare had open), once a day (the time of the last check is
 * kept in the file), or on demand (kc_userdb_verify_ex, `kneecare data
 * check`). The -wal and -shm are kept between runs (persistent WAL,
 * truncated to zero bytes on a clean close), so a start neither creates nor
 * deletes them. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "kneecare/mem.h"
#include "sqlite_setup.h"
#include "userdb_int.h"

/* ======================================================================
 * The connection
 * ====================================================================== */

static void close_sql(struct kc_userdb *db, bool keep_wal) {
  if (!db->sql) return;
  /* For a file we refuse (newer version) or found damaged do not
   * checkpoint on close: the -wal would be folded into the main file,
   * changing its bytes. */
  if (keep_wal) sqlite3_db_config(db->sql, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
  sqlite3_close_v2(db->sql);
  db->sql = NULL;
}

static void sql_name_key(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  const unsigned char *name = sqlite3_value_text(argv[0]);
  if (!name) {
    sqlite3_result_null(ctx);
    return;
  }
  char key[KC_PROFILE_NAME_BUF * 2];
  kc_profile_name_key((const char *)name, key, sizeof key);
  sqlite3_result_text(ctx, key, -1, SQLITE_TRANSIENT);
}

/* `empty`: the file has no bytes yet. Many processes may be creating it at
 * once, and one of them may be killed while it writes the first page; with
 * a rollback journal that leaves a hot journal which the others then
 * contend to roll back (they gave up after the busy timeout: review F8).
 * The first page is therefore written with no journal at all: a new, empty
 * database has nothing to roll back to. */
static int open_sql(struct kc_userdb *db, bool empty) {
  const int flags =
      (db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOFOLLOW;
  kc_sqlite_setup();
  int rc = sqlite3_open_v2(db->path, &db->sql, flags, NULL);
  if (rc != SQLITE_OK) {
    rc = udb_fail_sql(db, rc, "open the data file");
    close_sql(db, false);
    return rc;
  }
  sqlite3_extended_result_codes(db->sql, 1);
  /* Waits (really sleeping) for another process's lock, so ten windows of
   * the same user never show "database is locked". */
  sqlite3_busy_timeout(db->sql, KC_USERDB_BUSY_MS);
  /* Defensive: no writable_schema tricks; untrusted schema: functions with
   * side effects cannot be smuggled in through views or triggers. */
  sqlite3_db_config(db->sql, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
  sqlite3_db_config(db->sql, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
  /* The profile-name fold, for the migration that keys existing names and
   * for every lookup: DIRECTONLY, so a schema cannot call it. */
  sqlite3_create_function(db->sql, "kc_name_key", 1,
                          SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
                          sql_name_key, NULL, NULL);
  /* Keep the -wal (truncated to nothing) and -shm on close: no files
   * created and deleted at every start. */
  int persist = 1;
  sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
  if (!db->readonly && sqlite3_db_readonly(db->sql, "main") == 1)
    udb_set_readonly(db, "the data file %s cannot be written", db->path);
  if (empty && !db->readonly) {
    rc = sqlite3_exec(db->sql, "PRAGMA journal_mode=OFF", NULL, NULL, NULL);
    if (rc != SQLITE_OK) return udb_fail_sql(db, rc, "create the data file");
  }
  return KC_UDB_OK;
}

/* After the version check: WAL for concurrent readers and cheap commits
 * (its size held to 4 MB between checkpoints, and cut to nothing on a
 * clean close), synchronous=NORMAL (durable against a killed process; an
 * OS crash may lose the last commits but never corrupts), foreign keys for
 * cascades. A read-only file keeps whatever mode it has. */
static int configure(struct kc_userdb *db) {
  const char *doing = "switch the data file to WAL mode";
  if (!db->readonly) {
    sqlite3_stmt *st = NULL;
    int rc = udb_prep(db, "PRAGMA journal_mode=WAL", &st, doing);
    if (rc == KC_UDB_OK) rc = udb_step_row(db, st, doing);
    if (rc == KC_UDB_OK) {
      const unsigned char *mode = sqlite3_column_text(st, 0);
      if (!mode || strcmp((const char *)mode, "wal") != 0)
        udb_warn(db, "Note: the data file could not use WAL mode (file system?); two kneecare "
                     "windows at once will be slower.");
    }
    sqlite3_finalize(st);
    if (rc != KC_UDB_OK) return rc;
  }
  const int erc = sqlite3_exec(db->sql,
                               "PRAGMA journal_size_limit=4194304; PRAGMA synchronous=NORMAL; "
                               "PRAGMA foreign_keys=ON;",
                               NULL, NULL, NULL);
  return erc == SQLITE_OK ? KC_UDB_OK : udb_fail_sql(db, erc, "configure the data file");
}

/* ======================================================================
 * The integrity check, when it is worth it
 * ====================================================================== */

/* Runs the check; on damage db->err holds only SQLite's own words (the
 * caller says what happens next). */
static int run_check(struct kc_userdb *db, bool full) {
  const char *doing = "check the data file";
  sqlite3_stmt *st = NULL;
  if (!db->sql) return udb_not_open(db, doing);
  int rc = sqlite3_prepare_v2(db->sql, full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)",
                              -1, &st, NULL);
  int step = rc == SQLITE_OK ? sqlite3_step(st) : rc;
  const unsigned char *res = step == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
  db->checked = true;
  if (step == SQLITE_ROW && res && strcmp((const char *)res, "ok") == 0)
    rc = KC_UDB_OK;
  else if (step == SQLITE_ROW)
    rc = udb_fail(db, KC_UDB_ECORRUPT, "%s", res ? (const char *)res : "the check failed");
  else if ((step & 0xff) == SQLITE_CORRUPT || (step & 0xff) == SQLITE_NOTADB)
    rc = udb_fail(db, KC_UDB_ECORRUPT, "%s", sqlite3_errmsg(db->sql));
  else
    rc = udb_fail_sql(db, step, doing);
  sqlite3_finalize(st);
  if (rc == KC_UDB_OK) db->err[0] = '\0';
  return rc;
}

int kc_userdb_check(struct kc_userdb *db, int full) {
  if (!db) return KC_UDB_EINVAL;
  return run_check(db, full != 0);
}

/* When the last check passed (0 if never, unreadable, or the file is older
 * than the maintenance table). */
static int64_t checked_at(struct kc_userdb *db) {
  sqlite3_stmt *st = NULL;
  int64_t at = 0;
  if (sqlite3_prepare_v2(db->sql, "SELECT value FROM maintenance WHERE key = 'checked_at'", -1, &st,
                         NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    at = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return at;
}

/* Remembers that the file was sound now. Best effort, in its own small
 * transaction: not recording it only means the next start checks again. */
static void record_checked(struct kc_userdb *db) {
  if (db->readonly || !db->sql) return;
  const int64_t now = (int64_t)time(NULL);
  sqlite3_stmt *st = NULL;
  if (sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) return;
  int ok = sqlite3_prepare_v2(db->sql,
                              "INSERT INTO maintenance (key, value) VALUES ('checked_at', ?1) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              -1, &st, NULL) == SQLITE_OK;
  if (ok) {
    sqlite3_bind_int64(st, 1, now);
    ok = sqlite3_step(st) == SQLITE_DONE;
  }
  sqlite3_finalize(st);
  sqlite3_exec(db->sql, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
  udb_rollback(db); /* a failed COMMIT leaves the transaction open */
  if (ok) db->last_checked = now;
}

/* After an unclean shutdown, or when the last check is a day old (or in
 * the future: the clock was set back). A new file has nothing to check. */
static void decide_check(struct kc_userdb *db, int version) {
  if (version < 1) {
    db->check_due = db->wal_unclean;
    return;
  }
  const int64_t now = (int64_t)time(NULL);
  db->last_checked = checked_at(db);
  db->check_due = db->wal_unclean || db->last_checked <= 0 ||
                  now - db->last_checked >= KC_USERDB_CHECK_EVERY ||
                  db->last_checked > now + KC_USERDB_CHECK_EVERY;
}

/* ======================================================================
 * Migrations
 * ====================================================================== */

static int check_migrations(const struct kc_migration *migs, int n) {
  if (n < 0 || (n > 0 && !migs)) return KC_UDB_EINVAL;
  for (int i = 0; i < n; i++)
    if (migs[i].version != i + 1 || !migs[i].sql) return KC_UDB_EINVAL;
  return KC_UDB_OK;
}

/* Applies migration m inside the open transaction. Foreign keys are off
 * meanwhile (a migration may rebuild a table other tables refer to: with
 * them on, dropping the old copy would cascade), and checked before the
 * commit, as SQLite's documented procedure for schema changes does. */
static int apply_migration(struct kc_userdb *db, const struct kc_migration *m) {
  char doing[160];
  snprintf(doing, sizeof doing, "upgrade the data file to version %d (%s)", m->version,
           m->name ? m->name : "");
  char *msg = NULL;
  int erc = sqlite3_exec(db->sql, m->sql, NULL, NULL, &msg);
  if (erc != SQLITE_OK) {
    int rc = udb_fail_sql(db, erc, doing);
    if (rc == KC_UDB_EIO || rc == KC_UDB_EINVAL) /* a bug in the migration itself */
      rc = udb_fail(db, KC_UDB_EIO, "Could not %s: %s.", doing, msg ? msg : "error");
    sqlite3_free(msg);
    return rc;
  }
  int bad = 0;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db->sql, "PRAGMA foreign_key_check", -1, &st, NULL) == SQLITE_OK)
    bad = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  if (bad)
    return udb_fail(db, KC_UDB_EIO, "Could not %s: it left a record pointing at nothing.", doing);
  /* A pragma value cannot be bound; it is our own int, printed. */
  char set[48];
  snprintf(set, sizeof set, "PRAGMA user_version=%d", m->version);
  erc = sqlite3_exec(db->sql, set, NULL, NULL, NULL);
  return erc == SQLITE_OK ? KC_UDB_OK : udb_fail_sql(db, erc, doing);
}

/* One step: BEGIN IMMEDIATE, re-read the version (another process may have
 * migrated while we waited for the lock), apply the next migration and
 * set user_version, COMMIT. *done is set when nothing is left to do. */
static int migrate_step(struct kc_userdb *db, bool *done) {
  const char *doing = "upgrade the data file";
  int cur = 0, rc = udb_begin(db, doing);
  if (rc == KC_UDB_OK) rc = udb_query_int(db, "PRAGMA user_version", &cur, doing);
  if (rc == KC_UDB_OK && cur > db->n_migs)
    rc = udb_fail(db, KC_UDB_ENEWER,
                  "The data file %s was upgraded by a newer version of kneecare (data version %d; "
                  "this one knows up to %d) while this one was starting. Update kneecare.",
                  db->path, cur, db->n_migs);
  if (rc == KC_UDB_OK && cur < 0)
    rc = udb_fail(db, KC_UDB_ECORRUPT,
                  "The data file %s has a negative data version (%d), which no kneecare writes.",
                  db->path, cur);
  *done = rc != KC_UDB_OK || cur == db->n_migs;
  if (rc == KC_UDB_OK && !*done) rc = apply_migration(db, &db->migs[cur]);
  return udb_finish(db, rc, doing);
}

static int migrate(struct kc_userdb *db) {
  int version = 0;
  int rc = udb_query_int(db, "PRAGMA user_version", &version, "read the version");
  if (rc != KC_UDB_OK) return rc;
  if (version < db->n_migs && db->readonly)
    return udb_fail(db, KC_UDB_EACCESS,
                    "The data file %s needs upgrading to this version of kneecare (data version "
                    "%d to %d), but %s.",
                    db->path, version, db->n_migs, db->ro_why);
  if (version < db->n_migs) {
    /* Outside any transaction: PRAGMA foreign_keys is a no-op inside one. */
    sqlite3_exec(db->sql, "PRAGMA foreign_keys=OFF", NULL, NULL, NULL);
    bool done = false;
    while (rc == KC_UDB_OK && !done) rc = migrate_step(db, &done);
    sqlite3_exec(db->sql, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
  }
  if (rc == KC_UDB_OK)
    rc = udb_query_int(db, "PRAGMA user_version", &db->version, "read the version");
  /* A new file is as sound as it gets: the first daily check is a day away. */
  if (rc == KC_UDB_OK && (version == 0 || db->checked)) record_checked(db);
  return rc;
}

/* ======================================================================
 * kc_userdb_open: the stages in order, one retry after moving a damaged
 * file aside
 * ====================================================================== */

/* A new, empty file is set up by one process at a time: the others wait
 * for the data directory's flock (not a lock on the database file: closing
 * a descriptor of that would drop SQLite's own locks) and then find a WAL
 * database. A killed creator's flock goes with it. Returns the directory's
 * descriptor (close it to release) or -1 after setting db->err. */
static int lock_for_creation(struct kc_userdb *db) {
  const int fd = open(db->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return -1; /* cannot lock: go on unserialised, as before */
  for (int waited = 0; flock(fd, LOCK_EX | LOCK_NB) != 0; waited += 10) {
    if (errno != EWOULDBLOCK || waited >= KC_USERDB_BUSY_MS) {
      close(fd);
      return -1;
    }
    nanosleep(&(struct timespec){.tv_nsec = 10 * 1000 * 1000}, NULL);
  }
  return fd;
}

/* Result of one attempt: OK, a hard failure, or "damaged" with a reason. */
static int open_attempt(struct kc_userdb *db, bool *damaged, char *why, size_t wl) {
  *damaged = false;
  int rc = udb_prepare_file(db), lockfd = -1;
  if (rc != KC_UDB_OK) return rc;
  struct udb_probe_info info;
  enum udb_probe probe = udb_probe_header(db, &info, why, wl);
  if (probe == UDB_PROBE_EMPTY && !db->readonly && (lockfd = lock_for_creation(db)) >= 0)
    probe = udb_probe_header(db, &info, why, wl); /* someone may have set it up meanwhile */
  switch (probe) {
  case UDB_PROBE_ERROR:
  case UDB_PROBE_REFUSED: rc = info.status; goto unlock;
  case UDB_PROBE_DAMAGED:
  case UDB_PROBE_TRUNCATED:
    *damaged = true;
    rc = KC_UDB_ECORRUPT;
    goto unlock;
  case UDB_PROBE_OK:
  case UDB_PROBE_EMPTY: break;
  }
  db->wal_unclean = info.wal_data && !info.others_open;
  int version = 0;
  if ((rc = open_sql(db, info.empty)) != KC_UDB_OK ||
      (rc = udb_query_int(db, "PRAGMA user_version", &version, "read the data file")) != KC_UDB_OK)
    goto damaged_or_fail;
  if (version > db->n_migs || version < 0) { /* seen through a -wal the header did not show */
    close_sql(db, true);
    if (version < 0) {
      snprintf(why, wl, "its data version is %d, which no kneecare writes", version);
      *damaged = true;
      rc = KC_UDB_ECORRUPT;
      goto unlock;
    }
    rc = udb_fail(db, KC_UDB_ENEWER,
                  "The data file %s was written by a newer version of kneecare (data version "
                  "%d; this one knows up to %d). It was left untouched: update kneecare, or use "
                  "--data DIR for a separate file.",
                  db->path, version, db->n_migs);
    goto unlock;
  }
  decide_check(db, version);
  if (db->check_due && !(db->flags & KC_USERDB_DEFER_CHECK)) {
    if ((rc = run_check(db, false)) == KC_UDB_ECORRUPT) {
      char reason[704]; /* 160 characters of at most 4 bytes, and "..." */
      udb_quote(reason, sizeof reason, db->err, 160);
      snprintf(why, wl, "it failed the integrity check: %s", reason);
    }
    if (rc != KC_UDB_OK) goto damaged_or_fail;
    db->check_due = false;
  }
  if ((rc = configure(db)) != KC_UDB_OK) goto damaged_or_fail;
  goto unlock;
damaged_or_fail:
  if (rc == KC_UDB_ECORRUPT) {
    *damaged = true;
    if (!why[0]) udb_quote(why, wl, db->sql ? sqlite3_errmsg(db->sql) : "damaged", 160);
  }
  close_sql(db, rc == KC_UDB_ECORRUPT);
unlock:
  if (lockfd >= 0) close(lockfd);
  return rc;
}

/* The damaged file (connection already closed) goes aside with one warning
 * that names where it went, and a fresh one is opened and migrated in the
 * same handle. */
static int start_fresh(struct kc_userdb *db, const char *why) {
  char moved[PATH_MAX + 64] = "", why2[UDB_WHY_BUF] = "";
  bool damaged = false;
  if (db->readonly)
    return udb_fail(db, KC_UDB_ECORRUPT,
                    "The data file %s is damaged (%s) and cannot be moved aside, as %s. Nothing "
                    "was changed; make it writable and run kneecare again, or use --data DIR.",
                    db->path, why, db->ro_why);
  int rc = udb_move_aside(db, moved, sizeof moved);
  if (rc != KC_UDB_OK) return rc;
  if (moved[0])
    udb_warn(db,
             "The data file was damaged (%s), so it was moved to %s and a fresh one was "
             "started; nothing was deleted.",
             why, moved);
  else
    udb_warn(db,
             "The data file was damaged (%s); another kneecare moved it aside (%s.corrupt-...) "
             "and a fresh one was started; nothing was deleted.",
             why, db->path);
  db->checked = false;
  rc = open_attempt(db, &damaged, why2, sizeof why2);
  if (damaged)
    return udb_fail(db, KC_UDB_ECORRUPT,
                    "The data file %s is still damaged after starting a fresh one (%s).", db->path,
                    why2);
  return rc == KC_UDB_OK ? migrate(db) : rc;
}

static int open_stages(struct kc_userdb *db) {
  int rc = udb_prepare_dir(db);
  if (rc != KC_UDB_OK) return rc;
  bool damaged = false;
  char why[UDB_WHY_BUF] = "";
  rc = open_attempt(db, &damaged, why, sizeof why);
  if (damaged) return start_fresh(db, why);
  return rc == KC_UDB_OK ? migrate(db) : rc;
}

int kc_userdb_open_ex(const char *dir, const struct kc_migration *migs, int n, unsigned flags,
                      struct kc_userdb **out, char *err, size_t errlen) {
  if (out) *out = NULL;
  if (err && errlen) err[0] = '\0';
  if (!out || !dir || !dir[0] || check_migrations(migs, n) != KC_UDB_OK) {
    if (err && errlen) snprintf(err, errlen, "Invalid arguments to open the data file.");
    return KC_UDB_EINVAL;
  }
  struct kc_userdb *db = kc_xcalloc(1, sizeof *db);
  db->hold_fd = -1;
  db->migs = migs;
  db->n_migs = n;
  db->flags = flags;
  int rc = KC_UDB_OK;
  if (udb_copy_path(db->dir, sizeof db->dir, dir, NULL) != KC_UDB_OK ||
      udb_copy_path(db->path, sizeof db->path, dir, "/" KC_USERDB_FILE) != KC_UDB_OK)
    rc = udb_fail(db, KC_UDB_EINVAL, "The data directory path is too long.");
  if (rc == KC_UDB_OK) rc = open_stages(db);
  if (rc != KC_UDB_OK) {
    if (err && errlen)
      snprintf(err, errlen, "%s", db->err[0] ? db->err : "Cannot open the data file.");
    close_sql(db, rc == KC_UDB_ENEWER);
    free(db);
    return rc;
  }
  db->err[0] = '\0';
  *out = db;
  return KC_UDB_OK;
}

int kc_userdb_open(const char *dir, const struct kc_migration *migs, int n, struct kc_userdb **out,
                   char *err, size_t errlen) {
  return kc_userdb_open_ex(dir, migs, n, 0, out, err, errlen);
}

int kc_userdb_verify_ex(struct kc_userdb *db, unsigned how) {
  if (!db) return KC_UDB_EINVAL;
  if (!(how & KC_USERDB_VERIFY_FORCE) && !db->check_due) return KC_UDB_OK;
  int rc = run_check(db, (how & KC_USERDB_VERIFY_FULL) != 0);
  if (rc == KC_UDB_OK) {
    db->check_due = false;
    record_checked(db);
    return KC_UDB_OK;
  }
  if (rc != KC_UDB_ECORRUPT) return rc;
  char reason[704], why[UDB_WHY_BUF];
  udb_quote(reason, sizeof reason, db->err, 160);
  snprintf(why, sizeof why, "it failed the integrity check: %s", reason);
  close_sql(db, true);
  rc = start_fresh(db, why);
  if (rc == KC_UDB_OK) db->err[0] = '\0';
  return rc;
}

int kc_userdb_verify(struct kc_userdb *db) { return kc_userdb_verify_ex(db, 0); }

void kc_userdb_close(struct kc_userdb *db) {
  if (!db) return;
  close_sql(db, false);
  if (db->hold_fd >= 0) close(db->hold_fd); /* lets go of every timer held */
  free(db);
}

const char *kc_userdb_path(const struct kc_userdb *db) { return db ? db->path : ""; }
const char *kc_userdb_warning(const struct kc_userdb *db) { return db ? db->warning : ""; }
const char *kc_userdb_errmsg(const struct kc_userdb *db) { return db ? db->err : ""; }
int kc_userdb_version(const struct kc_userdb *db) { return db ? db->version : 0; }

const char *kc_userdb_readonly(const struct kc_userdb *db) {
  return db && db->readonly ? db->ro_why : NULL;
}

void kc_userdb_check_info(const struct kc_userdb *db, struct kc_userdb_check_info *out) {
  *out = (struct kc_userdb_check_info){0};
  if (!db) return;
  out->due = db->check_due;
  out->ran = db->checked;
  out->unclean = db->wal_unclean;
  out->last_at = db->last_checked;
}

int kc_userdb_data_version(struct kc_userdb *db, int64_t *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  int v = 0;
  const int rc = udb_query_int(db, "PRAGMA data_version", &v, "check for changes");
  if (rc == KC_UDB_OK) *out = v;
  return rc;
}
