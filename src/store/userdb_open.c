/* Opening the user database safely and keeping its schema current.
 *
 * Opening is staged, each stage undone on failure: directory (created
 * 0700, reported if others may write it), file (created 0600 with O_EXCL |
 * O_NOFOLLOW; a symlink, directory or device is refused), header probe
 * (a non-database, truncated or newer file is recognised from its first 100
 * bytes before SQLite touches it), SQLite connection (busy timeout, WAL,
 * synchronous=NORMAL, foreign keys, defensive mode), quick_check, and
 * migrations, one BEGIN IMMEDIATE transaction per step. A damaged file is
 * renamed aside with its -wal, never deleted, and a fresh one created. */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "kneecare/mem.h"
#include "userdb_int.h"

/* ======================================================================
 * Default locations
 * ====================================================================== */

static int copy_path(char *buf, size_t n, const char *a, const char *b) {
  const int w = snprintf(buf, n, "%s%s", a, b ? b : "");
  return (w < 0 || (size_t)w >= n) ? KC_UDB_EINVAL : KC_UDB_OK;
}

int kc_userdb_default_dir(char *buf, size_t n) {
  if (!buf || n == 0) return KC_UDB_EINVAL;
  buf[0] = '\0';
  const char *env = getenv("KNEECARE_DATA_DIR");
  if (env && env[0]) return copy_path(buf, n, env, NULL);
  /* The XDG spec says a relative $XDG_DATA_HOME is invalid and ignored. */
  env = getenv("XDG_DATA_HOME");
  if (env && env[0] == '/') return copy_path(buf, n, env, "/kneecare");
  env = getenv("HOME");
  if (env && env[0] == '/') return copy_path(buf, n, env, "/.local/share/kneecare");
  struct passwd pw, *res = NULL;
  char pwbuf[16384];
  if (getpwuid_r(getuid(), &pw, pwbuf, sizeof pwbuf, &res) == 0 && res && res->pw_dir &&
      res->pw_dir[0] == '/')
    return copy_path(buf, n, res->pw_dir, "/.local/share/kneecare");
  return KC_UDB_EINVAL;
}

void kc_userdb_default_profile_name(char *buf, size_t n) {
  if (!buf || n == 0) return;
  struct passwd pw, *res = NULL;
  char pwbuf[16384];
  const char *cands[3] = {NULL, getenv("USER"), getenv("LOGNAME")};
  if (getpwuid_r(geteuid(), &pw, pwbuf, sizeof pwbuf, &res) == 0 && res) cands[0] = res->pw_name;
  for (int i = 0; i < 3; i++) {
    if (cands[i] && kc_profile_name_check(cands[i], NULL, 0) && strlen(cands[i]) < n) {
      snprintf(buf, n, "%s", cands[i]);
      return;
    }
  }
  snprintf(buf, n, "%s", "me");
}

/* ======================================================================
 * Opening, stage 1: the directory and the file
 * ====================================================================== */

/* mkdir -p with mode 0700 for every component we create. Existing ones
 * are left as they are (their owner chose their mode). */
static int make_dirs(struct kc_userdb *db, const char *dir) {
  char tmp[PATH_MAX];
  if (copy_path(tmp, sizeof tmp, dir, NULL) != KC_UDB_OK)
    return udb_fail(db, KC_UDB_EINVAL, "The data directory path is too long.");
  for (char *p = tmp + 1;; p++) {
    if (*p != '/' && *p != '\0') continue;
    const char saved = *p;
    *p = '\0';
    if (mkdir(tmp, 0700) != 0 && errno != EEXIST) {
      const int e = errno;
      return udb_fail(db, udb_status_from_errno(e), "Cannot create the data directory %s: %s.", tmp,
                      strerror(e));
    }
    *p = saved;
    if (saved == '\0') break;
  }
  return KC_UDB_OK;
}

static int prepare_dir(struct kc_userdb *db, const char *dir) {
  int rc = make_dirs(db, dir);
  if (rc != KC_UDB_OK) return rc;
  struct stat st;
  if (stat(dir, &st) != 0) {
    const int e = errno;
    return udb_fail(db, udb_status_from_errno(e), "Cannot use the data directory %s: %s.", dir,
                    strerror(e));
  }
  if (!S_ISDIR(st.st_mode))
    return udb_fail(db, KC_UDB_EUNSAFE, "The data directory %s is not a directory.", dir);
  if (st.st_mode & (S_IWGRP | S_IWOTH))
    udb_warn(db,
             "Warning: the data directory %s can be written by other users (mode %04o); "
             "run: chmod 700 %s",
             dir, (unsigned)(st.st_mode & 07777), dir);
  if (st.st_uid != geteuid())
    udb_warn(db, "Warning: the data directory %s belongs to another user.", dir);
  return KC_UDB_OK;
}

/* Refuses anything but a regular file; warns about open permissions. */
static int check_existing_file(struct kc_userdb *db, const struct stat *st) {
  if (S_ISLNK(st->st_mode))
    return udb_fail(db, KC_UDB_EUNSAFE,
                    "The data file %s is a symbolic link; kneecare does not follow it, as it "
                    "could point at another user's file. Move it away or use --data DIR.",
                    db->path);
  if (S_ISDIR(st->st_mode))
    return udb_fail(db, KC_UDB_EUNSAFE,
                    "The data file %s is a directory, not a database. Move it away or use "
                    "--data DIR.",
                    db->path);
  if (!S_ISREG(st->st_mode))
    return udb_fail(db, KC_UDB_EUNSAFE, "The data file %s is not a regular file.", db->path);
  if (st->st_mode & (S_IWGRP | S_IWOTH))
    udb_warn(db,
             "Warning: the data file %s can be written by other users (mode %04o); run: "
             "chmod 600 %s",
             db->path, (unsigned)(st->st_mode & 07777), db->path);
  else if (st->st_mode & (S_IRGRP | S_IROTH))
    udb_warn(db,
             "Warning: the data file %s can be read by other users (mode %04o); run: "
             "chmod 600 %s",
             db->path, (unsigned)(st->st_mode & 07777), db->path);
  if (st->st_uid != geteuid())
    udb_warn(db, "Warning: the data file %s belongs to another user.", db->path);
  return KC_UDB_OK;
}

/* Makes sure db->path is a regular file, creating it empty with mode 0600.
 * O_EXCL | O_NOFOLLOW: never reuse or follow something planted meanwhile;
 * SQLite then opens the existing file (and creates -wal/-shm with the same
 * mode as the database file). */
static int prepare_file(struct kc_userdb *db) {
  for (int tries = 0; tries < 3; tries++) {
    struct stat st;
    if (lstat(db->path, &st) == 0) return check_existing_file(db, &st);
    if (errno != ENOENT) {
      const int e = errno;
      return udb_fail(db, udb_status_from_errno(e), "Cannot use the data file %s: %s.", db->path,
                      strerror(e));
    }
    const int fd = open(db->path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) {
      close(fd);
      return KC_UDB_OK;
    }
    if (errno != EEXIST) { /* EEXIST: another kneecare created it; look again */
      const int e = errno;
      return udb_fail(db, udb_status_from_errno(e), "Cannot create the data file %s: %s.", db->path,
                      strerror(e));
    }
  }
  return udb_fail(db, KC_UDB_EIO, "The data file %s keeps changing; try again.", db->path);
}

/* ======================================================================
 * Opening, stage 2: the header probe (no SQLite, nothing written)
 * ====================================================================== */

enum probe { PROBE_OK, PROBE_EMPTY, PROBE_CORRUPT, PROBE_TRUNCATED, PROBE_NEWER, PROBE_ERROR };

static uint32_t be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A -wal or -journal beside the file with something in it: the main file
 * may legitimately be shorter than its header says until that is folded
 * back (a checkpoint writes page 1 before the last page). */
static bool sidecar_has_content(const struct kc_userdb *db) {
  static const char *const names[] = {"-wal", "-journal"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    char p[PATH_MAX + 16];
    struct stat st;
    snprintf(p, sizeof p, "%s%s", db->path, names[i]);
    if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) return true;
  }
  return false;
}

/* Reads the 100-byte SQLite header. Recognises a file that is not a
 * database, one cut short (the header's page count is trusted only when
 * SQLite itself would trust it, and not while a -wal file may still hold
 * the missing pages), and a user_version newer than we know, before SQLite
 * opens it: a newer file is then left byte-for-byte untouched. */
static enum probe probe_once(struct kc_userdb *db, int newest, int *status, char *why,
                             size_t whylen) {
  const bool sidecar_before = sidecar_has_content(db);
  /* O_NONBLOCK: a FIFO planted after the lstat() must not hang us. */
  const int fd = open(db->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  struct stat st;
  unsigned char h[100];
  ssize_t got = -1;
  int e = errno;
  if (fd >= 0) {
    if (fstat(fd, &st) != 0)
      e = errno;
    else if (!S_ISREG(st.st_mode))
      e = EINVAL;
    else if ((got = read(fd, h, sizeof h)) < 0)
      e = errno;
    close(fd);
  }
  if (got < 0) {
    *status = udb_fail(db, e == EINVAL ? KC_UDB_EUNSAFE : udb_status_from_errno(e),
                       "Cannot read the data file %s: %s.", db->path,
                       e == EINVAL ? "not a regular file" : strerror(e));
    return PROBE_ERROR;
  }
  if (st.st_size == 0) return PROBE_EMPTY;
  if (got < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
    snprintf(why, whylen, "it is not an SQLite database");
    return PROBE_CORRUPT;
  }
  const uint32_t page = (uint32_t)h[16] << 8 | h[17];
  const uint32_t page_size = page == 1 ? 65536u : page;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0) {
    snprintf(why, whylen, "its header is damaged");
    return PROBE_CORRUPT;
  }
  const uint32_t pages = be32(h + 28);
  const bool size_valid = pages > 0 && be32(h + 24) == be32(h + 92);
  if (size_valid && (uint64_t)st.st_size < (uint64_t)pages * page_size && !sidecar_before &&
      !sidecar_has_content(db)) {
    snprintf(why, whylen, "it is truncated (%lld of %llu bytes)", (long long)st.st_size,
             (unsigned long long)pages * page_size);
    return PROBE_TRUNCATED;
  }
  const int32_t version = (int32_t)be32(h + 60);
  if (version > newest) {
    *status =
        udb_fail(db, KC_UDB_ENEWER,
                 "The data file %s was written by a newer version of kneecare (data version %d; "
                 "this one knows up to %d). It was left untouched: update kneecare, or use "
                 "--data DIR for a separate file.",
                 db->path, (int)version, newest);
    return PROBE_NEWER;
  }
  return PROBE_OK;
}

/* A file seen truncated is looked at again a moment later: another
 * kneecare finishing a checkpoint between our two looks must not get its
 * file moved aside. */
static enum probe probe_header(struct kc_userdb *db, int newest, int *status, char *why,
                               size_t whylen) {
  enum probe r = probe_once(db, newest, status, why, whylen);
  if (r == PROBE_TRUNCATED) {
    nanosleep(&(struct timespec){.tv_nsec = 50 * 1000 * 1000}, NULL);
    r = probe_once(db, newest, status, why, whylen);
  }
  return r == PROBE_TRUNCATED ? PROBE_CORRUPT : r;
}

/* ======================================================================
 * Opening, stage 3: moving a damaged file aside
 * ====================================================================== */

/* Renames src to dst without ever replacing an existing dst: link() fails
 * with EEXIST where rename() would silently overwrite an earlier copy.
 * Falls back to rename() on file systems without hard links. */
static int move_noreplace(const char *src, const char *dst) {
  if (link(src, dst) == 0) return unlink(src) == 0 ? 0 : -1;
  if (errno == EEXIST || errno == ENOENT) return -1;
  struct stat st;
  if (lstat(dst, &st) == 0) {
    errno = EEXIST;
    return -1;
  }
  return rename(src, dst);
}

/* Moves db->path (and its -wal/-journal, which belong to it: left behind, a
 * stale -wal would be replayed into the fresh file) to
 * <path>.corrupt-YYYYMMDD-HHMMSS[-N]. Fills `moved_to`. The wall clock is
 * read here only to name the file for people. */
static int move_aside(struct kc_userdb *db, char *moved_to, size_t n) {
  char stamp[32] = "unknown";
  const time_t now = time(NULL);
  struct tm tm;
  if (localtime_r(&now, &tm)) strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
  char dst[PATH_MAX + 64];
  for (int i = 0; i < 100; i++) {
    if (i == 0)
      snprintf(dst, sizeof dst, "%s.corrupt-%s", db->path, stamp);
    else
      snprintf(dst, sizeof dst, "%s.corrupt-%s-%d", db->path, stamp, i);
    if (move_noreplace(db->path, dst) == 0) {
      static const char *const sidecars[] = {"-wal", "-journal", "-shm"};
      for (size_t k = 0; k < sizeof sidecars / sizeof sidecars[0]; k++) {
        char s[PATH_MAX + 16], d[PATH_MAX + 80];
        snprintf(s, sizeof s, "%s%s", db->path, sidecars[k]);
        snprintf(d, sizeof d, "%s%s", dst, sidecars[k]);
        move_noreplace(s, d); /* absent is fine */
      }
      snprintf(moved_to, n, "%s", dst);
      return KC_UDB_OK;
    }
    if (errno == ENOENT) { /* another kneecare moved it first */
      snprintf(moved_to, n, "%s", "(moved by another kneecare)");
      return KC_UDB_OK;
    }
    if (errno != EEXIST) break;
  }
  const int e = errno;
  return udb_fail(db, e == EEXIST ? KC_UDB_ECORRUPT : udb_status_from_errno(e),
                  "The data file %s is damaged and could not be moved aside (%s). Nothing was "
                  "deleted; move it away yourself or use --data DIR.",
                  db->path, strerror(e));
}

/* ======================================================================
 * Opening, stage 4: the SQLite connection
 * ====================================================================== */

static void close_sql(struct kc_userdb *db, bool keep_wal) {
  if (!db->sql) return;
  /* For a file we refuse (newer version) do not checkpoint on close: the
   * -wal would be folded into the main file, changing its bytes. */
  if (keep_wal) sqlite3_db_config(db->sql, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
  sqlite3_close_v2(db->sql);
  db->sql = NULL;
}

static int open_sql(struct kc_userdb *db) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW;
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
  if (sqlite3_db_readonly(db->sql, "main") == 1)
    return udb_fail(db, KC_UDB_EACCESS, "The data file %s is read-only; nothing can be saved.",
                    db->path);
  return KC_UDB_OK;
}

/* After the version check: WAL for concurrent readers and cheap commits,
 * synchronous=NORMAL (durable against a killed process; an OS crash may
 * lose the last commits but never corrupts), foreign keys for cascades. */
static int configure(struct kc_userdb *db) {
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db, "PRAGMA journal_mode=WAL", &st, "switch the data file to WAL mode");
  if (rc == KC_UDB_OK) rc = udb_step_row(db, st, "switch the data file to WAL mode");
  if (rc == KC_UDB_OK) {
    const unsigned char *mode = sqlite3_column_text(st, 0);
    if (!mode || strcmp((const char *)mode, "wal") != 0)
      udb_warn(db, "Note: the data file could not use WAL mode (file system?); two kneecare "
                   "windows at once will be slower.");
  }
  sqlite3_finalize(st);
  if (rc != KC_UDB_OK) return rc;
  const int erc =
      sqlite3_exec(db->sql, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", NULL, NULL, NULL);
  return erc == SQLITE_OK ? KC_UDB_OK : udb_fail_sql(db, erc, "configure the data file");
}

int kc_userdb_check(struct kc_userdb *db, int full) {
  if (!db) return KC_UDB_EINVAL;
  sqlite3_stmt *st = NULL;
  const char *doing = "check the data file";
  int rc = udb_prep(db, full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)", &st, doing);
  if (rc == KC_UDB_OK) {
    const int step = sqlite3_step(st);
    const unsigned char *res = step == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
    if (step == SQLITE_ROW && res && strcmp((const char *)res, "ok") == 0)
      rc = KC_UDB_OK;
    else if (step == SQLITE_ROW)
      rc = udb_fail(db, KC_UDB_ECORRUPT, "%s", res ? (const char *)res : "check failed");
    else if ((step & 0xff) == SQLITE_CORRUPT || (step & 0xff) == SQLITE_NOTADB)
      rc = udb_fail(db, KC_UDB_ECORRUPT, "%s", sqlite3_errmsg(db->sql));
    else
      rc = udb_fail_sql(db, step, doing);
  }
  sqlite3_finalize(st);
  if (rc == KC_UDB_OK) db->err[0] = '\0';
  return rc;
}

/* ======================================================================
 * Opening, stage 5: migrations
 * ====================================================================== */

static int check_migrations(const struct kc_migration *migs, int n) {
  if (n < 0 || (n > 0 && !migs)) return KC_UDB_EINVAL;
  for (int i = 0; i < n; i++)
    if (migs[i].version != i + 1 || !migs[i].sql) return KC_UDB_EINVAL;
  return KC_UDB_OK;
}

/* One step: BEGIN IMMEDIATE, re-read the version (another process may have
 * migrated while we waited for the lock), apply the next migration and
 * set user_version, COMMIT. *done is set when nothing is left to do. */
static int migrate_step(struct kc_userdb *db, const struct kc_migration *migs, int n, bool *done) {
  char doing[160];
  int cur = 0, rc = udb_begin(db, "upgrade the data file");
  if (rc == KC_UDB_OK) rc = udb_query_int(db, "PRAGMA user_version", &cur, "upgrade the data file");
  if (rc != KC_UDB_OK) goto out;
  if (cur > n) {
    rc = udb_fail(db, KC_UDB_ENEWER,
                  "The data file %s was upgraded by a newer version of kneecare (data version %d; "
                  "this one knows up to %d). Update kneecare.",
                  db->path, cur, n);
    goto out;
  }
  if (cur == n || cur < 0) {
    *done = true;
    if (cur < 0) rc = udb_fail(db, KC_UDB_ECORRUPT, "The data file has a negative version.");
    goto out;
  }
  const struct kc_migration *m = &migs[cur];
  snprintf(doing, sizeof doing, "upgrade the data file to version %d (%s)", m->version,
           m->name ? m->name : "");
  char *msg = NULL;
  int erc = sqlite3_exec(db->sql, m->sql, NULL, NULL, &msg);
  if (erc != SQLITE_OK) {
    rc = udb_fail_sql(db, erc, doing);
    if (rc == KC_UDB_EIO || rc == KC_UDB_EINVAL) /* a bug in the migration itself */
      rc = udb_fail(db, KC_UDB_EIO, "Could not %s: %s.", doing, msg ? msg : "error");
    sqlite3_free(msg);
    goto out;
  }
  /* A pragma value cannot be bound; it is our own int, printed. */
  char set[48];
  snprintf(set, sizeof set, "PRAGMA user_version=%d", m->version);
  erc = sqlite3_exec(db->sql, set, NULL, NULL, NULL);
  if (erc != SQLITE_OK) rc = udb_fail_sql(db, erc, doing);
out:
  return udb_finish(db, rc, "upgrade the data file");
}

static int migrate(struct kc_userdb *db, const struct kc_migration *migs, int n) {
  bool done = false;
  int rc = KC_UDB_OK;
  while (rc == KC_UDB_OK && !done) rc = migrate_step(db, migs, n, &done);
  if (rc == KC_UDB_OK)
    rc = udb_query_int(db, "PRAGMA user_version", &db->version, "read the version");
  return rc;
}

/* ======================================================================
 * kc_userdb_open: the stages in order, one retry after moving a damaged
 * file aside
 * ====================================================================== */

/* Result of one attempt: OK, a hard failure, or "damaged" with a reason. */
static int open_attempt(struct kc_userdb *db, bool *damaged, char *why, size_t wl) {
  const int newest = db->n_migs;
  *damaged = false;
  int rc = prepare_file(db);
  if (rc != KC_UDB_OK) return rc;
  switch (probe_header(db, newest, &rc, why, wl)) {
  case PROBE_ERROR: return rc;
  case PROBE_NEWER: return KC_UDB_ENEWER;
  case PROBE_CORRUPT:
  case PROBE_TRUNCATED: *damaged = true; return KC_UDB_ECORRUPT;
  case PROBE_OK:
  case PROBE_EMPTY: break;
  }
  if ((rc = open_sql(db)) != KC_UDB_OK) goto damaged_or_fail;
  int version = 0;
  if ((rc = udb_query_int(db, "PRAGMA user_version", &version, "read the data file")) != KC_UDB_OK)
    goto damaged_or_fail;
  if (version > newest) { /* newer, seen through a -wal the header did not show */
    close_sql(db, true);
    return udb_fail(db, KC_UDB_ENEWER,
                    "The data file %s was written by a newer version of kneecare (data version "
                    "%d; this one knows up to %d). It was left untouched: update kneecare, or use "
                    "--data DIR for a separate file.",
                    db->path, version, newest);
  }
  if (!(db->flags & KC_USERDB_DEFER_CHECK) && (rc = kc_userdb_check(db, 0)) != KC_UDB_OK) {
    if (rc == KC_UDB_ECORRUPT) snprintf(why, wl, "the integrity check failed: %s", db->err);
    goto damaged_or_fail;
  }
  if ((rc = configure(db)) != KC_UDB_OK) goto damaged_or_fail;
  return KC_UDB_OK;
damaged_or_fail:
  if (rc == KC_UDB_ECORRUPT) {
    *damaged = true;
    if (!why[0]) snprintf(why, wl, "%s", db->sql ? sqlite3_errmsg(db->sql) : "damaged");
  }
  close_sql(db, rc == KC_UDB_ECORRUPT);
  return rc;
}

/* The damaged file (connection already closed) goes aside with a warning
 * and a fresh one is opened and migrated in the same handle. */
static int start_fresh(struct kc_userdb *db, const char *why) {
  char moved[PATH_MAX + 64] = "", why2[UDB_WHY_BUF] = "";
  bool damaged = false;
  int rc = move_aside(db, moved, sizeof moved);
  if (rc != KC_UDB_OK) return rc;
  udb_warn(db,
           "The data file was damaged (%s). It was moved to %s and a fresh one started; "
           "nothing was deleted.",
           why, moved);
  rc = open_attempt(db, &damaged, why2, sizeof why2);
  if (damaged)
    return udb_fail(db, KC_UDB_ECORRUPT,
                    "The data file %s is still damaged after starting a "
                    "fresh one (%s).",
                    db->path, why2);
  return rc == KC_UDB_OK ? migrate(db, db->migs, db->n_migs) : rc;
}

static int open_stages(struct kc_userdb *db) {
  int rc = prepare_dir(db, db->dir);
  if (rc != KC_UDB_OK) return rc;
  bool damaged = false;
  char why[UDB_WHY_BUF] = "";
  rc = open_attempt(db, &damaged, why, sizeof why);
  if (damaged) return start_fresh(db, why);
  return rc == KC_UDB_OK ? migrate(db, db->migs, db->n_migs) : rc;
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
  db->migs = migs;
  db->n_migs = n;
  db->flags = flags;
  int rc = KC_UDB_OK;
  if (copy_path(db->dir, sizeof db->dir, dir, NULL) != KC_UDB_OK ||
      copy_path(db->path, sizeof db->path, dir, "/" KC_USERDB_FILE) != KC_UDB_OK)
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

int kc_userdb_verify(struct kc_userdb *db) {
  if (!db) return KC_UDB_EINVAL;
  int rc = kc_userdb_check(db, 0);
  if (rc != KC_UDB_ECORRUPT) return rc;
  char why[UDB_WHY_BUF];
  snprintf(why, sizeof why, "the integrity check failed: %s", db->err);
  close_sql(db, true);
  rc = start_fresh(db, why);
  if (rc == KC_UDB_OK) db->err[0] = '\0';
  return rc;
}

void kc_userdb_close(struct kc_userdb *db) {
  if (!db) return;
  close_sql(db, false);
  free(db);
}

const char *kc_userdb_path(const struct kc_userdb *db) { return db ? db->path : ""; }
const char *kc_userdb_warning(const struct kc_userdb *db) { return db ? db->warning : ""; }
const char *kc_userdb_errmsg(const struct kc_userdb *db) { return db ? db->err : ""; }
int kc_userdb_version(const struct kc_userdb *db) { return db ? db->version : 0; }

int kc_userdb_data_version(struct kc_userdb *db, int64_t *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  int v = 0;
  const int rc = udb_query_int(db, "PRAGMA data_version", &v, "check for changes");
  if (rc == KC_UDB_OK) *out = v;
  return rc;
}