/* The per-user database: opening it safely, keeping its schema current, and
 * every read and write of user records.
 *
 * Opening is staged, each stage undone on failure: directory (created
 * 0700, reported if others may write it), file (created 0600 with O_EXCL |
 * O_NOFOLLOW; a symlink, directory or device is refused), header probe
 * (a non-database, truncated or newer file is recognised from its first 100
 * bytes before SQLite touches it), SQLite connection (busy timeout, WAL,
 * synchronous=NORMAL, foreign keys, defensive mode), quick_check, and
 * migrations, one BEGIN IMMEDIATE transaction per step. A damaged file is
 * renamed aside with its -wal, never deleted, and a fresh one created.
 *
 * Records: every write is one BEGIN IMMEDIATE ... COMMIT with prepared
 * statements and bound values; the rules it enforces (editable days, names,
 * scores) come from core so the CLI, the TUI and the tests agree. A failed
 * call leaves the database as it was and a sentence in db->err. */
#include "kneecare/userdb.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "kneecare/day.h"
#include "kneecare/text.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

#define ERR_BUF 768
#define WHY_BUF (ERR_BUF + 64) /* a reason quoting an error message */

struct kc_userdb {
  sqlite3 *sql;                    /* NULL only if kc_userdb_verify() could not reopen */
  const struct kc_migration *migs; /* the caller's, kept for kc_userdb_verify() */
  int n_migs;
  unsigned flags;
  int version;
  char path[PATH_MAX];
  char dir[PATH_MAX];
  char warning[2048];
  char err[ERR_BUF];
};

/* ======================================================================
 * Status names and error messages
 * ====================================================================== */

const char *kc_udb_status_name(int status) {
  static const char *const names[] = {
      [KC_UDB_OK] = "ok",
      [KC_UDB_EINVAL] = "einval",
      [KC_UDB_ENOTFOUND] = "enotfound",
      [KC_UDB_EEXISTS] = "eexists",
      [KC_UDB_ENEWER] = "enewer",
      [KC_UDB_EUNSAFE] = "eunsafe",
      [KC_UDB_EACCESS] = "eaccess",
      [KC_UDB_EBUSY] = "ebusy",
      [KC_UDB_EFULL] = "efull",
      [KC_UDB_ECORRUPT] = "ecorrupt",
      [KC_UDB_ENOMEM] = "enomem",
      [KC_UDB_EIO] = "eio",
  };
  if (status < 0 || status > KC_UDB_EIO) return "unknown";
  return names[status];
}

static void vformat(char *buf, size_t n, const char *fmt, va_list ap) {
  if (buf && n > 0) vsnprintf(buf, n, fmt, ap);
}

/* Records a failure message on the handle and returns status, so a failing
 * path reads `return fail(db, KC_UDB_EINVAL, "...")`. */
static int fail(struct kc_userdb *db, int status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vformat(db->err, sizeof db->err, fmt, ap);
  va_end(ap);
  return status;
}

static void warn(struct kc_userdb *db, const char *fmt, ...) {
  const size_t used = strlen(db->warning);
  if (used + 2 >= sizeof db->warning) return;
  char *p = db->warning + used;
  size_t room = sizeof db->warning - used;
  if (used > 0) {
    *p++ = '\n';
    room--;
  }
  va_list ap;
  va_start(ap, fmt);
  vformat(p, room, fmt, ap);
  va_end(ap);
}

/* Status for an errno from our own file operations. */
static int status_from_errno(int e) {
  switch (e) {
  case EACCES:
  case EPERM:
  case EROFS: return KC_UDB_EACCESS;
  case ENOSPC:
  case EDQUOT:
  case EFBIG: return KC_UDB_EFULL;
  case ENOMEM: return KC_UDB_ENOMEM;
  case ELOOP:
  case ENOTDIR:
  case EISDIR: return KC_UDB_EUNSAFE;
  default: return KC_UDB_EIO;
  }
}

/* Maps a SQLite result to our status with a sentence saying what we were
 * doing and what the user can do about it. The OS errno behind an I/O error
 * tells a full disk from a read-only one. */
static int fail_sql(struct kc_userdb *db, int rc, const char *doing) {
  const char *detail = db->sql ? sqlite3_errmsg(db->sql) : sqlite3_errstr(rc);
  const int sys = db->sql ? sqlite3_system_errno(db->sql) : 0;
  switch (rc & 0xff) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    return fail(db, KC_UDB_EBUSY,
                "Could not %s: the data file stayed locked by another kneecare for %d "
                "seconds. Try again.",
                doing, KC_USERDB_BUSY_MS / 1000);
  case SQLITE_FULL:
    return fail(db, KC_UDB_EFULL, "Could not %s: the disk is full (%s). Nothing was saved.", doing,
                db->path);
  case SQLITE_READONLY:
  case SQLITE_PERM:
  case SQLITE_AUTH:
    return fail(db, KC_UDB_EACCESS,
                "Could not %s: %s cannot be written; is it or its directory %s read-only? (%s)",
                doing, db->path, db->dir, detail);
  case SQLITE_CORRUPT:
  case SQLITE_NOTADB:
    return fail(db, KC_UDB_ECORRUPT,
                "Could not %s: the data file %s is damaged (%s). Restart kneecare to move it "
                "aside and start a fresh one.",
                doing, db->path, detail);
  case SQLITE_NOMEM: return fail(db, KC_UDB_ENOMEM, "Could not %s: out of memory.", doing);
  case SQLITE_CONSTRAINT:
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
      return fail(db, KC_UDB_ENOTFOUND, "Could not %s: the profile or plan does not exist.", doing);
    return fail(db, KC_UDB_EINVAL, "Could not %s: the value was refused (%s).", doing, detail);
  case SQLITE_CANTOPEN:
  case SQLITE_IOERR: {
    const int st = status_from_errno(sys);
    if (st == KC_UDB_EFULL)
      return fail(db, st, "Could not %s: the disk is full (%s). Nothing was saved.", doing,
                  db->path);
    if (st == KC_UDB_EACCESS)
      return fail(db, st, "Could not %s: the data directory %s is read-only or not yours (%s).",
                  doing, db->dir, strerror(sys));
    return fail(db, KC_UDB_EIO, "Could not %s: input/output error on %s (%s%s%s).", doing, db->path,
                detail, sys ? ": " : "", sys ? strerror(sys) : "");
  }
  default: return fail(db, KC_UDB_EIO, "Could not %s: %s.", doing, detail);
  }
}

/* ======================================================================
 * Small SQLite helpers: prepare, transactions, single-row steps
 * ====================================================================== */

static int closed(struct kc_userdb *db, const char *doing) {
  return fail(db, KC_UDB_EIO, "Could not %s: the data file is not open (%s).", doing, db->path);
}

static int prep(struct kc_userdb *db, const char *sql, sqlite3_stmt **st, const char *doing) {
  *st = NULL;
  if (!db->sql) return closed(db, doing);
  const int rc = sqlite3_prepare_v2(db->sql, sql, -1, st, NULL);
  return rc == SQLITE_OK ? KC_UDB_OK : fail_sql(db, rc, doing);
}

/* IMMEDIATE takes the write lock up front, so the busy timeout applies
 * there; a deferred transaction that reads and then writes could get
 * SQLITE_BUSY_SNAPSHOT in WAL mode, which no timeout can resolve. */
static int begin(struct kc_userdb *db, const char *doing) {
  if (!db->sql) return closed(db, doing);
  const int rc = sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  return rc == SQLITE_OK ? KC_UDB_OK : fail_sql(db, rc, doing);
}

static int commit(struct kc_userdb *db, const char *doing) {
  const int rc = sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
  return rc == SQLITE_OK ? KC_UDB_OK : fail_sql(db, rc, doing);
}

/* Rolls back if a transaction is still open (COMMIT may have failed with
 * SQLITE_FULL and left it open). Keeps the message of the real failure. */
static void rollback(struct kc_userdb *db) {
  if (db->sql && !sqlite3_get_autocommit(db->sql))
    sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

/* Ends a write: commit on success, roll back otherwise; clears the message
 * on success so kc_userdb_errmsg() describes only the last call. */
static int finish(struct kc_userdb *db, int rc, const char *doing) {
  if (rc == KC_UDB_OK) rc = commit(db, doing);
  if (rc != KC_UDB_OK)
    rollback(db);
  else
    db->err[0] = '\0';
  return rc;
}

/* Steps a statement expected to finish without rows (INSERT/UPDATE...). */
static int step_done(struct kc_userdb *db, sqlite3_stmt *st, const char *doing) {
  const int rc = sqlite3_step(st);
  return rc == SQLITE_DONE ? KC_UDB_OK : fail_sql(db, rc, doing);
}

/* Steps to the single row of a lookup: OK with a row, ENOTFOUND without. */
static int step_row(struct kc_userdb *db, sqlite3_stmt *st, const char *doing) {
  const int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) return KC_UDB_OK;
  if (rc == SQLITE_DONE) return KC_UDB_ENOTFOUND;
  return fail_sql(db, rc, doing);
}

static int bind_text(sqlite3_stmt *st, int i, const char *s) {
  return sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_TRANSIENT);
}

static void copy_col(char *dst, size_t n, sqlite3_stmt *st, int col) {
  const unsigned char *s = sqlite3_column_text(st, col);
  snprintf(dst, n, "%s", s ? (const char *)s : "");
}

static char *dup_col(sqlite3_stmt *st, int col) {
  const unsigned char *s = sqlite3_column_text(st, col);
  const int len = sqlite3_column_bytes(st, col);
  char *out = malloc((size_t)len + 1);
  if (!out) return NULL;
  if (s && len > 0) memcpy(out, s, (size_t)len);
  out[len] = '\0';
  return out;
}

/* Grows a malloc'd array to hold one more element. */
static int grow(struct kc_userdb *db, void **arr, int *cap, int n, size_t elem) {
  if (n < *cap) return KC_UDB_OK;
  const int ncap = *cap ? *cap * 2 : 8;
  void *p = realloc(*arr, (size_t)ncap * elem);
  if (!p) return fail(db, KC_UDB_ENOMEM, "Out of memory while reading the data file.");
  *arr = p;
  *cap = ncap;
  return KC_UDB_OK;
}

/* Reads one row into one array element. */
typedef int (*row_reader)(struct kc_userdb *db, sqlite3_stmt *st, void *elem);

/* Steps a prepared statement to the end, reading every row into a malloc'd
 * array of `elem`-sized records, and finalizes it. On failure frees what was
 * read (calling `clear` on each record, if given) and leaves *out NULL. */
static int collect(struct kc_userdb *db, sqlite3_stmt *st, size_t elem, row_reader row,
                   void (*clear)(void *), void **out, int *n, const char *doing) {
  char *arr = NULL;
  int cap = 0, count = 0, step = SQLITE_DONE, rc = KC_UDB_OK;
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    if ((rc = grow(db, (void **)&arr, &cap, count, elem)) != KC_UDB_OK) break;
    if ((rc = row(db, st, arr + (size_t)count * elem)) != KC_UDB_OK) break;
    count++;
  }
  if (rc == KC_UDB_OK && step != SQLITE_DONE) rc = fail_sql(db, step, doing);
  sqlite3_finalize(st);
  if (rc != KC_UDB_OK) {
    for (int i = 0; clear && i < count; i++) clear(arr + (size_t)i * elem);
    free(arr);
    return rc;
  }
  *out = arr;
  *n = count;
  return KC_UDB_OK;
}

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
    return fail(db, KC_UDB_EINVAL, "The data directory path is too long.");
  for (char *p = tmp + 1;; p++) {
    if (*p != '/' && *p != '\0') continue;
    const char saved = *p;
    *p = '\0';
    if (mkdir(tmp, 0700) != 0 && errno != EEXIST) {
      const int e = errno;
      return fail(db, status_from_errno(e), "Cannot create the data directory %s: %s.", tmp,
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
    return fail(db, status_from_errno(e), "Cannot use the data directory %s: %s.", dir,
                strerror(e));
  }
  if (!S_ISDIR(st.st_mode))
    return fail(db, KC_UDB_EUNSAFE, "The data directory %s is not a directory.", dir);
  if (st.st_mode & (S_IWGRP | S_IWOTH))
    warn(db,
         "Warning: the data directory %s can be written by other users (mode %04o); "
         "run: chmod 700 %s",
         dir, (unsigned)(st.st_mode & 07777), dir);
  if (st.st_uid != geteuid())
    warn(db, "Warning: the data directory %s belongs to another user.", dir);
  return KC_UDB_OK;
}

/* Refuses anything but a regular file; warns about open permissions. */
static int check_existing_file(struct kc_userdb *db, const struct stat *st) {
  if (S_ISLNK(st->st_mode))
    return fail(db, KC_UDB_EUNSAFE,
                "The data file %s is a symbolic link; kneecare does not follow it, as it "
                "could point at another user's file. Move it away or use --data DIR.",
                db->path);
  if (S_ISDIR(st->st_mode))
    return fail(db, KC_UDB_EUNSAFE,
                "The data file %s is a directory, not a database. Move it away or use "
                "--data DIR.",
                db->path);
  if (!S_ISREG(st->st_mode))
    return fail(db, KC_UDB_EUNSAFE, "The data file %s is not a regular file.", db->path);
  if (st->st_mode & (S_IWGRP | S_IWOTH))
    warn(db,
         "Warning: the data file %s can be written by other users (mode %04o); run: "
         "chmod 600 %s",
         db->path, (unsigned)(st->st_mode & 07777), db->path);
  else if (st->st_mode & (S_IRGRP | S_IROTH))
    warn(db,
         "Warning: the data file %s can be read by other users (mode %04o); run: "
         "chmod 600 %s",
         db->path, (unsigned)(st->st_mode & 07777), db->path);
  if (st->st_uid != geteuid())
    warn(db, "Warning: the data file %s belongs to another user.", db->path);
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
      return fail(db, status_from_errno(e), "Cannot use the data file %s: %s.", db->path,
                  strerror(e));
    }
    const int fd = open(db->path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) {
      close(fd);
      return KC_UDB_OK;
    }
    if (errno != EEXIST) { /* EEXIST: another kneecare created it; look again */
      const int e = errno;
      return fail(db, status_from_errno(e), "Cannot create the data file %s: %s.", db->path,
                  strerror(e));
    }
  }
  return fail(db, KC_UDB_EIO, "The data file %s keeps changing; try again.", db->path);
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
    *status = fail(db, e == EINVAL ? KC_UDB_EUNSAFE : status_from_errno(e),
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
    *status = fail(db, KC_UDB_ENEWER,
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
  return fail(db, e == EEXIST ? KC_UDB_ECORRUPT : status_from_errno(e),
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

static int pragma_int(struct kc_userdb *db, const char *sql, int *out, const char *doing) {
  sqlite3_stmt *st = NULL;
  int rc = prep(db, sql, &st, doing);
  if (rc == KC_UDB_OK) rc = step_row(db, st, doing);
  if (rc == KC_UDB_ENOTFOUND) rc = fail(db, KC_UDB_EIO, "Could not %s: no result.", doing);
  if (rc == KC_UDB_OK) *out = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return rc;
}

static int open_sql(struct kc_userdb *db) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW;
  int rc = sqlite3_open_v2(db->path, &db->sql, flags, NULL);
  if (rc != SQLITE_OK) {
    rc = fail_sql(db, rc, "open the data file");
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
    return fail(db, KC_UDB_EACCESS, "The data file %s is read-only; nothing can be saved.",
                db->path);
  return KC_UDB_OK;
}

/* After the version check: WAL for concurrent readers and cheap commits,
 * synchronous=NORMAL (durable against a killed process; an OS crash may
 * lose the last commits but never corrupts), foreign keys for cascades. */
static int configure(struct kc_userdb *db) {
  sqlite3_stmt *st = NULL;
  int rc = prep(db, "PRAGMA journal_mode=WAL", &st, "switch the data file to WAL mode");
  if (rc == KC_UDB_OK) rc = step_row(db, st, "switch the data file to WAL mode");
  if (rc == KC_UDB_OK) {
    const unsigned char *mode = sqlite3_column_text(st, 0);
    if (!mode || strcmp((const char *)mode, "wal") != 0)
      warn(db, "Note: the data file could not use WAL mode (file system?); two kneecare "
               "windows at once will be slower.");
  }
  sqlite3_finalize(st);
  if (rc != KC_UDB_OK) return rc;
  const int erc =
      sqlite3_exec(db->sql, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", NULL, NULL, NULL);
  return erc == SQLITE_OK ? KC_UDB_OK : fail_sql(db, erc, "configure the data file");
}

int kc_userdb_check(struct kc_userdb *db, int full) {
  if (!db) return KC_UDB_EINVAL;
  sqlite3_stmt *st = NULL;
  const char *doing = "check the data file";
  int rc = prep(db, full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)", &st, doing);
  if (rc == KC_UDB_OK) {
    const int step = sqlite3_step(st);
    const unsigned char *res = step == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
    if (step == SQLITE_ROW && res && strcmp((const char *)res, "ok") == 0)
      rc = KC_UDB_OK;
    else if (step == SQLITE_ROW)
      rc = fail(db, KC_UDB_ECORRUPT, "%s", res ? (const char *)res : "check failed");
    else if ((step & 0xff) == SQLITE_CORRUPT || (step & 0xff) == SQLITE_NOTADB)
      rc = fail(db, KC_UDB_ECORRUPT, "%s", sqlite3_errmsg(db->sql));
    else
      rc = fail_sql(db, step, doing);
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
  int cur = 0, rc = begin(db, "upgrade the data file");
  if (rc == KC_UDB_OK) rc = pragma_int(db, "PRAGMA user_version", &cur, "upgrade the data file");
  if (rc != KC_UDB_OK) goto out;
  if (cur > n) {
    rc = fail(db, KC_UDB_ENEWER,
              "The data file %s was upgraded by a newer version of kneecare (data version %d; "
              "this one knows up to %d). Update kneecare.",
              db->path, cur, n);
    goto out;
  }
  if (cur == n || cur < 0) {
    *done = true;
    if (cur < 0) rc = fail(db, KC_UDB_ECORRUPT, "The data file has a negative version.");
    goto out;
  }
  const struct kc_migration *m = &migs[cur];
  snprintf(doing, sizeof doing, "upgrade the data file to version %d (%s)", m->version,
           m->name ? m->name : "");
  char *msg = NULL;
  int erc = sqlite3_exec(db->sql, m->sql, NULL, NULL, &msg);
  if (erc != SQLITE_OK) {
    rc = fail_sql(db, erc, doing);
    if (rc == KC_UDB_EIO || rc == KC_UDB_EINVAL) /* a bug in the migration itself */
      rc = fail(db, KC_UDB_EIO, "Could not %s: %s.", doing, msg ? msg : "error");
    sqlite3_free(msg);
    goto out;
  }
  /* A pragma value cannot be bound; it is our own int, printed. */
  char set[48];
  snprintf(set, sizeof set, "PRAGMA user_version=%d", m->version);
  erc = sqlite3_exec(db->sql, set, NULL, NULL, NULL);
  if (erc != SQLITE_OK) rc = fail_sql(db, erc, doing);
out:
  if (rc == KC_UDB_OK) rc = commit(db, "upgrade the data file");
  if (rc != KC_UDB_OK) rollback(db);
  return rc;
}

static int migrate(struct kc_userdb *db, const struct kc_migration *migs, int n) {
  bool done = false;
  int rc = KC_UDB_OK;
  while (rc == KC_UDB_OK && !done) rc = migrate_step(db, migs, n, &done);
  if (rc == KC_UDB_OK) rc = pragma_int(db, "PRAGMA user_version", &db->version, "read the version");
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
  if ((rc = pragma_int(db, "PRAGMA user_version", &version, "read the data file")) != KC_UDB_OK)
    goto damaged_or_fail;
  if (version > newest) { /* newer, seen through a -wal the header did not show */
    close_sql(db, true);
    return fail(db, KC_UDB_ENEWER,
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
  char moved[PATH_MAX + 64] = "", why2[WHY_BUF] = "";
  bool damaged = false;
  int rc = move_aside(db, moved, sizeof moved);
  if (rc != KC_UDB_OK) return rc;
  warn(db,
       "The data file was damaged (%s). It was moved to %s and a fresh one started; "
       "nothing was deleted.",
       why, moved);
  rc = open_attempt(db, &damaged, why2, sizeof why2);
  if (damaged)
    return fail(db, KC_UDB_ECORRUPT,
                "The data file %s is still damaged after starting a "
                "fresh one (%s).",
                db->path, why2);
  return rc == KC_UDB_OK ? migrate(db, db->migs, db->n_migs) : rc;
}

static int open_stages(struct kc_userdb *db) {
  int rc = prepare_dir(db, db->dir);
  if (rc != KC_UDB_OK) return rc;
  bool damaged = false;
  char why[WHY_BUF] = "";
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
  struct kc_userdb *db = calloc(1, sizeof *db);
  if (!db) {
    if (err && errlen) snprintf(err, errlen, "Out of memory.");
    return KC_UDB_ENOMEM;
  }
  db->migs = migs;
  db->n_migs = n;
  db->flags = flags;
  int rc = KC_UDB_OK;
  if (copy_path(db->dir, sizeof db->dir, dir, NULL) != KC_UDB_OK ||
      copy_path(db->path, sizeof db->path, dir, "/" KC_USERDB_FILE) != KC_UDB_OK)
    rc = fail(db, KC_UDB_EINVAL, "The data directory path is too long.");
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
  char why[WHY_BUF];
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
  const int rc = pragma_int(db, "PRAGMA data_version", &v, "check for changes");
  if (rc == KC_UDB_OK) *out = v;
  return rc;
}

/* ======================================================================
 * Profiles
 * ====================================================================== */

#define PROFILE_COLS "id, name, created_at"

static void row_profile(sqlite3_stmt *st, struct kc_profile *p) {
  p->id = sqlite3_column_int64(st, 0);
  copy_col(p->name, sizeof p->name, st, 1);
  p->created_at = sqlite3_column_int64(st, 2);
}

static int read_profile(struct kc_userdb *db, sqlite3_stmt *st, void *elem) {
  (void)db;
  row_profile(st, elem);
  return KC_UDB_OK;
}

static int check_name(struct kc_userdb *db, const char *name) {
  char why[256];
  if (!kc_profile_name_check(name, why, sizeof why)) return fail(db, KC_UDB_EINVAL, "%s", why);
  return KC_UDB_OK;
}

int kc_userdb_profile_list(struct kc_userdb *db, struct kc_profile **out, int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "list the profiles";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = prep(db, "SELECT " PROFILE_COLS " FROM profile ORDER BY name", &st, doing);
  if (rc == KC_UDB_OK) rc = collect(db, st, sizeof **out, read_profile, NULL, &arr, n, doing);
  *out = arr;
  return rc;
}

/* Looks a profile up by name or id (name NULL). Used inside and outside
 * transactions. */
static int profile_lookup(struct kc_userdb *db, const char *name, int64_t id,
                          struct kc_profile *out) {
  const char *doing = "read the profile";
  sqlite3_stmt *st = NULL;
  int rc = prep(db,
                name ? "SELECT " PROFILE_COLS " FROM profile WHERE name = ?1"
                     : "SELECT " PROFILE_COLS " FROM profile WHERE id = ?1",
                &st, doing);
  if (rc == KC_UDB_OK) {
    if (name)
      bind_text(st, 1, name);
    else
      sqlite3_bind_int64(st, 1, id);
    rc = step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK && out) row_profile(st, out);
  if (rc == KC_UDB_ENOTFOUND) {
    if (name)
      fail(db, rc, "There is no profile called \"%s\".", name);
    else
      fail(db, rc, "There is no such profile (id %lld).", (long long)id);
  }
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_profile_get(struct kc_userdb *db, const char *name, struct kc_profile *out) {
  if (!db || !name) return KC_UDB_EINVAL;
  return profile_lookup(db, name, 0, out);
}

int kc_userdb_profile_by_id(struct kc_userdb *db, int64_t id, struct kc_profile *out) {
  if (!db) return KC_UDB_EINVAL;
  return profile_lookup(db, NULL, id, out);
}

/* Inserts a profile inside an open transaction. */
static int profile_insert(struct kc_userdb *db, const char *name, time_t now,
                          struct kc_profile *out) {
  const char *doing = "create the profile";
  sqlite3_stmt *st = NULL;
  int rc = prep(db, "INSERT INTO profile (name, created_at) VALUES (?1, ?2)", &st, doing);
  if (rc == KC_UDB_OK) {
    bind_text(st, 1, name);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
    const int step = sqlite3_step(st);
    if (step == SQLITE_CONSTRAINT_UNIQUE)
      rc = fail(db, KC_UDB_EEXISTS, "A profile called \"%s\" already exists.", name);
    else if (step != SQLITE_DONE)
      rc = fail_sql(db, step, doing);
  }
  sqlite3_finalize(st);
  if (rc == KC_UDB_OK && out) {
    out->id = sqlite3_last_insert_rowid(db->sql);
    snprintf(out->name, sizeof out->name, "%s", name);
    out->created_at = (int64_t)now;
  }
  return rc;
}

int kc_userdb_profile_create(struct kc_userdb *db, const char *name, time_t now,
                             struct kc_profile *out) {
  if (!db) return KC_UDB_EINVAL;
  int rc = check_name(db, name);
  if (rc != KC_UDB_OK) return rc;
  if ((rc = begin(db, "create the profile")) != KC_UDB_OK) return rc;
  rc = profile_insert(db, name, now, out);
  return finish(db, rc, "create the profile");
}

int kc_userdb_profile_get_or_create(struct kc_userdb *db, const char *name, time_t now,
                                    struct kc_profile *out) {
  if (!db) return KC_UDB_EINVAL;
  int rc = check_name(db, name);
  if (rc != KC_UDB_OK) return rc;
  /* Look and create under one write lock, so two windows starting at once
   * agree on one profile. */
  if ((rc = begin(db, "create the profile")) != KC_UDB_OK) return rc;
  rc = profile_lookup(db, name, 0, out);
  if (rc == KC_UDB_ENOTFOUND) rc = profile_insert(db, name, now, out);
  return finish(db, rc, "create the profile");
}

int kc_userdb_profile_rename(struct kc_userdb *db, int64_t id, const char *new_name) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "rename the profile";
  int rc = check_name(db, new_name);
  if (rc != KC_UDB_OK) return rc;
  if ((rc = begin(db, doing)) != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = prep(db, "UPDATE profile SET name = ?1 WHERE id = ?2", &st, doing)) != KC_UDB_OK)
    goto out;
  bind_text(st, 1, new_name);
  sqlite3_bind_int64(st, 2, id);
  const int step = sqlite3_step(st);
  if (step == SQLITE_CONSTRAINT_UNIQUE)
    rc = fail(db, KC_UDB_EEXISTS, "A profile called \"%s\" already exists.", new_name);
  else if (step != SQLITE_DONE)
    rc = fail_sql(db, step, doing);
  else if (sqlite3_changes(db->sql) == 0)
    rc = fail(db, KC_UDB_ENOTFOUND, "There is no such profile (id %lld).", (long long)id);
out:
  sqlite3_finalize(st);
  return finish(db, rc, doing);
}

/* Deletes rows by one id with a single statement in its own transaction;
 * ENOTFOUND when nothing matched. */
static int delete_by_id(struct kc_userdb *db, const char *sql, int64_t id, const char *doing,
                        const char *what) {
  int rc = begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = prep(db, sql, &st, doing)) == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, id);
    rc = step_done(db, st, doing);
    if (rc == KC_UDB_OK && sqlite3_changes(db->sql) == 0)
      rc = fail(db, KC_UDB_ENOTFOUND, "There is no such %s (id %lld).", what, (long long)id);
  }
  sqlite3_finalize(st);
  return finish(db, rc, doing);
}

int kc_userdb_profile_delete(struct kc_userdb *db, int64_t id) {
  if (!db) return KC_UDB_EINVAL;
  /* ON DELETE CASCADE (foreign_keys=ON) removes the profile's plans, their
   * ticks, sessions, scores and checks, its wizard runs and settings. */
  return delete_by_id(db, "DELETE FROM profile WHERE id = ?1", id, "delete the profile", "profile");
}

/* ======================================================================
 * Plans
 * ====================================================================== */

#define PLAN_COLS                                                                                  \
  "id, profile_id, start_day, started_at, ifnull(ended_at, 0), checkin, ifnull(checkin_at, 0)"

static void row_plan(sqlite3_stmt *st, struct kc_plan *p) {
  p->id = sqlite3_column_int64(st, 0);
  p->profile_id = sqlite3_column_int64(st, 1);
  p->start_day = sqlite3_column_int(st, 2);
  p->started_at = sqlite3_column_int64(st, 3);
  p->ended_at = sqlite3_column_int64(st, 4);
  p->checkin = KC_CHECKIN_NONE;
  kc_checkin_parse((const char *)sqlite3_column_text(st, 5), &p->checkin);
  p->checkin_at = sqlite3_column_int64(st, 6);
}

static int read_plan(struct kc_userdb *db, sqlite3_stmt *st, void *elem) {
  (void)db;
  row_plan(st, elem);
  return KC_UDB_OK;
}

/* One plan by a query with a single int64 parameter. */
static int plan_query(struct kc_userdb *db, const char *sql, int64_t key, struct kc_plan *out,
                      const char *doing) {
  sqlite3_stmt *st = NULL;
  int rc = prep(db, sql, &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, key);
    rc = step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK && out) row_plan(st, out);
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_plan_get(struct kc_userdb *db, int64_t plan_id, struct kc_plan *out) {
  if (!db) return KC_UDB_EINVAL;
  const int rc =
      plan_query(db, "SELECT " PLAN_COLS " FROM plan WHERE id = ?1", plan_id, out, "read the plan");
  if (rc == KC_UDB_ENOTFOUND)
    return fail(db, rc, "There is no such plan (id %lld).", (long long)plan_id);
  return rc;
}

int kc_userdb_plan_active(struct kc_userdb *db, int64_t profile_id, struct kc_plan *out) {
  if (!db) return KC_UDB_EINVAL;
  /* Served by the partial unique index plan_one_active: one probe however
   * many finished plans the profile has. */
  const int rc =
      plan_query(db, "SELECT " PLAN_COLS " FROM plan WHERE profile_id = ?1 AND ended_at IS NULL",
                 profile_id, out, "read the active plan");
  if (rc == KC_UDB_ENOTFOUND) return fail(db, rc, "There is no active plan for this profile.");
  return rc;
}

int kc_userdb_plan_start(struct kc_userdb *db, int64_t profile_id, int start_day, time_t now,
                         struct kc_plan *out) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "start the plan";
  char why[160];
  if (!kc_plan_start_ok(start_day, kc_day_local(now), why, sizeof why))
    return fail(db, KC_UDB_EINVAL, "%s", why);
  int rc = begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = profile_lookup(db, NULL, profile_id, NULL)) != KC_UDB_OK) goto out;
  if ((rc = prep(db, "INSERT INTO plan (profile_id, start_day, started_at) VALUES (?1, ?2, ?3)",
                 &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, profile_id);
  sqlite3_bind_int(st, 2, start_day);
  sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
  const int step = sqlite3_step(st);
  if (step == SQLITE_CONSTRAINT_UNIQUE)
    rc = fail(db, KC_UDB_EEXISTS, "This profile already has an active plan; end it first.");
  else if (step != SQLITE_DONE)
    rc = fail_sql(db, step, doing);
  else if (out) {
    *out = (struct kc_plan){.id = sqlite3_last_insert_rowid(db->sql),
                            .profile_id = profile_id,
                            .start_day = start_day,
                            .started_at = (int64_t)now,
                            .checkin = KC_CHECKIN_NONE};
  }
out:
  sqlite3_finalize(st);
  return finish(db, rc, doing);
}

/* Loads a plan inside a write transaction and refuses one that has ended:
 * history is kept as it was. */
static int active_plan_locked(struct kc_userdb *db, int64_t plan_id, struct kc_plan *p) {
  int rc = kc_userdb_plan_get(db, plan_id, p);
  if (rc == KC_UDB_OK && p->ended_at != 0)
    rc = fail(db, KC_UDB_EINVAL, "This plan has ended; it is kept as it was.");
  return rc;
}

int kc_userdb_plan_end(struct kc_userdb *db, int64_t plan_id, time_t now) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "end the plan";
  int rc = begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = prep(db, "UPDATE plan SET ended_at = ?2 WHERE id = ?1 AND ended_at IS NULL", &st,
                 doing)) == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
    rc = step_done(db, st, doing);
    if (rc == KC_UDB_OK && sqlite3_changes(db->sql) == 0)
      rc =
          fail(db, KC_UDB_ENOTFOUND, "There is no such active plan (id %lld).", (long long)plan_id);
  }
  sqlite3_finalize(st);
  return finish(db, rc, doing);
}

int kc_userdb_plan_history(struct kc_userdb *db, int64_t profile_id, struct kc_plan **out, int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "list the finished plans";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = prep(db,
                "SELECT " PLAN_COLS " FROM plan WHERE profile_id = ?1 AND ended_at IS NOT NULL "
                "ORDER BY ended_at DESC, id DESC",
                &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    rc = collect(db, st, sizeof **out, read_plan, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

int kc_userdb_plan_checkin(struct kc_userdb *db, int64_t plan_id, enum kc_checkin answer,
                           time_t now) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "save the check-in";
  if (answer < KC_CHECKIN_BETTER || answer > KC_CHECKIN_WORSE)
    return fail(db, KC_UDB_EINVAL, "The check-in answer must be better, same or worse.");
  int rc = begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  struct kc_plan p;
  if ((rc = active_plan_locked(db, plan_id, &p)) != KC_UDB_OK) goto out;
  if (!kc_checkin_due(kc_plan_day_index(p.start_day, kc_day_local(now)))) {
    rc = fail(db, KC_UDB_EINVAL, "The check-in is on day %d of the plan; it is not due yet.",
              KC_PLAN_DAYS);
    goto out;
  }
  if ((rc = prep(db, "UPDATE plan SET checkin = ?2, checkin_at = ?3 WHERE id = ?1", &st, doing)) !=
      KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  bind_text(st, 2, kc_checkin_name(answer));
  sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
  rc = step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return finish(db, rc, doing);
}

/* ======================================================================
 * Editable plan days (shared by ticks, ice and pain)
 * ====================================================================== */

/* Inside a write transaction: the plan is active, `day` is 1..3 and not in
 * the future as of `now`. *late tells whether a record made now is late. */
static int editable_day_locked(struct kc_userdb *db, int64_t plan_id, int day, time_t now,
                               bool *late) {
  struct kc_plan p;
  int rc = active_plan_locked(db, plan_id, &p);
  if (rc != KC_UDB_OK) return rc;
  const int today = kc_day_local(now);
  if (day < 1 || day > KC_PLAN_DAYS)
    return fail(db, KC_UDB_EINVAL, "Day %d is not a plan day: use 1 to %d.", day, KC_PLAN_DAYS);
  if (!kc_day_valid(today)) return fail(db, KC_UDB_EINVAL, "The system clock gives no valid date.");
  if (!kc_plan_day_editable(day, kc_plan_day_index(p.start_day, today))) {
    char date[KC_DAY_BUF];
    return fail(db, KC_UDB_EINVAL,
                "Day %d (%s) has not come yet; it can be filled in from that day.", day,
                kc_day_format(kc_plan_day_date(p.start_day, day), date));
  }
  *late = kc_task_is_late(p.start_day, day, today);
  return KC_UDB_OK;
}

/* ======================================================================
 * Ticks
 * ====================================================================== */

static int tick_change(struct kc_userdb *db, int64_t plan_id, const char *task_id, int day,
                       time_t now, bool on) {
  const char *doing = on ? "save the tick" : "remove the tick";
  if (!kc_task_id_check(task_id))
    return fail(db, KC_UDB_EINVAL, "\"%s\" is not a task id.", task_id ? task_id : "");
  int rc = begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  bool late = false;
  if ((rc = editable_day_locked(db, plan_id, day, now, &late)) != KC_UDB_OK) goto out;
  rc = prep(db,
            on ? "INSERT INTO tick (plan_id, task_id, day, at, late) VALUES (?1, ?2, ?3, ?4, ?5) "
                 "ON CONFLICT DO NOTHING"
               : "DELETE FROM tick WHERE plan_id = ?1 AND task_id = ?2 AND day = ?3",
            &st, doing);
  if (rc != KC_UDB_OK) goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  bind_text(st, 2, task_id);
  sqlite3_bind_int(st, 3, day);
  if (on) {
    sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
    sqlite3_bind_int(st, 5, late);
  }
  rc = step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return finish(db, rc, doing);
}

int kc_userdb_tick(struct kc_userdb *db, int64_t plan_id, const char *task_id, int day,
                   time_t now) {
  if (!db) return KC_UDB_EINVAL;
  return tick_change(db, plan_id, task_id, day, now, true);
}

int kc_userdb_untick(struct kc_userdb *db, int64_t plan_id, const char *task_id, int day,
                     time_t now) {
  if (!db) return KC_UDB_EINVAL;
  return tick_change(db, plan_id, task_id, day, now, false);
}

static int read_tick(struct kc_userdb *db, sqlite3_stmt *st, void *elem) {
  (void)db;
  struct kc_tick *t = elem;
  copy_col(t->task_id, sizeof t->task_id, st, 0);
  t->day = sqlite3_column_int(st, 1);
  t->at = sqlite3_column_int64(st, 2);
  t->late = sqlite3_column_int(st, 3) != 0;
  return KC_UDB_OK;
}

int kc_userdb_ticks(struct kc_userdb *db, int64_t plan_id, struct kc_tick **out, int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "read the ticks";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = prep(db,
                "SELECT task_id, day, at, late FROM tick WHERE plan_id = ?1 "
                "ORDER BY day, task_id",
                &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    rc = collect(db, st, sizeof **out, read_tick, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

/* ======================================================================
 * Ice sessions
 * ====================================================================== */

int kc_userdb_ice_add(struct kc_userdb *db, int64_t plan_id, int day, time_t at, int minutes,
                      int64_t *id_out) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "save the ice session";
  if (minutes < 1 || minutes > 60)
    return fail(db, KC_UDB_EINVAL, "An ice session lasts 1 to 60 minutes (%d given).", minutes);
  int rc = begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  bool late = false;
  if ((rc = editable_day_locked(db, plan_id, day, at, &late)) != KC_UDB_OK) goto out;
  if ((rc = prep(db,
                 "INSERT INTO ice_session (plan_id, day, at, minutes, late) "
                 "VALUES (?1, ?2, ?3, ?4, ?5)",
                 &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  sqlite3_bind_int(st, 2, day);
  sqlite3_bind_int64(st, 3, (sqlite3_int64)at);
  sqlite3_bind_int(st, 4, minutes);
  sqlite3_bind_int(st, 5, late);
  rc = step_done(db, st, doing);
  if (rc == KC_UDB_OK && id_out) *id_out = sqlite3_last_insert_rowid(db->sql);
out:
  sqlite3_finalize(st);
  return finish(db, rc, doing);
}

static int read_ice(struct kc_userdb *db, sqlite3_stmt *st, void *elem) {
  (void)db;
  struct kc_ice_session *s = elem;
  s->id = sqlite3_column_int64(st, 0);
  s->day = sqlite3_column_int(st, 1);
  s->at = sqlite3_column_int64(st, 2);
  s->minutes = sqlite3_column_int(st, 3);
  s->late = sqlite3_column_int(st, 4) != 0;
  return KC_UDB_OK;
}

int kc_userdb_ice_list(struct kc_userdb *db, int64_t plan_id, int day, struct kc_ice_session **out,
                       int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "read the ice sessions";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = prep(db,
                "SELECT id, day, at, minutes, late FROM ice_session "
                "WHERE plan_id = ?1 AND (?2 = 0 OR day = ?2) ORDER BY day, at, id",
                &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    sqlite3_bind_int(st, 2, day);
    rc = collect(db, st, sizeof **out, read_ice, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

int kc_userdb_ice_count(struct kc_userdb *db, int64_t plan_id, int day, int *count) {
  if (!db || !count) return KC_UDB_EINVAL;
  const char *doing = "count the ice sessions";
  sqlite3_stmt *st = NULL;
  int rc = prep(db, "SELECT count(*) FROM ice_session WHERE plan_id = ?1 AND day = ?2", &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    sqlite3_bind_int(st, 2, day);
    rc = step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK) *count = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_ice_delete(struct kc_userdb *db, int64_t session_id) {
  if (!db) return KC_UDB_EINVAL;
  /* Only sessions of plans still active: history stays as it was. */
  return delete_by_id(db,
                      "DELETE FROM ice_session WHERE id = ?1 AND plan_id IN "
                      "(SELECT id FROM plan WHERE ended_at IS NULL)",
                      session_id, "delete the ice session", "ice session in an active plan");
}

/* ======================================================================
 * Pain scores
 * ====================================================================== */

static void row_pain(sqlite3_stmt *st, struct kc_pain *p) {
  p->day = sqlite3_column_int(st, 0);
  p->score = sqlite3_column_int(st, 1);
  copy_col(p->note, sizeof p->note, st, 2);
  p->at = sqlite3_column_int64(st, 3);
  p->late = sqlite3_column_int(st, 4) != 0;
}

static int read_pain(struct kc_userdb *db, sqlite3_stmt *st, void *elem) {
  (void)db;
  row_pain(st, elem);
  return KC_UDB_OK;
}

int kc_userdb_pain_set(struct kc_userdb *db, int64_t plan_id, int day, int score, const char *note,
                       time_t now) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "save the pain score";
  char why[256];
  if (score < KC_PAIN_MIN || score > KC_PAIN_MAX)
    return fail(db, KC_UDB_EINVAL, "A pain score is %d to %d (%d given).", KC_PAIN_MIN, KC_PAIN_MAX,
                score);
  if (!kc_note_check(note, why, sizeof why)) return fail(db, KC_UDB_EINVAL, "%s", why);
  int rc = begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  bool late = false;
  if ((rc = editable_day_locked(db, plan_id, day, now, &late)) != KC_UDB_OK) goto out;
  if ((rc = prep(db,
                 "INSERT INTO pain (plan_id, day, score, note, at, late) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (plan_id, day) DO UPDATE SET "
                 "score = excluded.score, note = excluded.note, at = excluded.at, "
                 "late = excluded.late",
                 &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  sqlite3_bind_int(st, 2, day);
  sqlite3_bind_int(st, 3, score);
  bind_text(st, 4, note);
  sqlite3_bind_int64(st, 5, (sqlite3_int64)now);
  sqlite3_bind_int(st, 6, late);
  rc = step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return finish(db, rc, doing);
}

int kc_userdb_pain_get(struct kc_userdb *db, int64_t plan_id, int day, struct kc_pain *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  const char *doing = "read the pain score";
  sqlite3_stmt *st = NULL;
  int rc = prep(db, "SELECT day, score, note, at, late FROM pain WHERE plan_id = ?1 AND day = ?2",
                &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    sqlite3_bind_int(st, 2, day);
    rc = step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK)
    row_pain(st, out);
  else if (rc == KC_UDB_ENOTFOUND)
    fail(db, rc, "No pain score for day %d.", day);
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_pain_list(struct kc_userdb *db, int64_t plan_id, struct kc_pain **out, int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "read the pain scores";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = prep(db, "SELECT day, score, note, at, late FROM pain WHERE plan_id = ?1 ORDER BY day",
                &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    rc = collect(db, st, sizeof **out, read_pain, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

int kc_userdb_pain_clear(struct kc_userdb *db, int64_t plan_id, int day, time_t now) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "clear the pain score";
  int rc = begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  bool late = false;
  if ((rc = editable_day_locked(db, plan_id, day, now, &late)) != KC_UDB_OK) goto out;
  if ((rc = prep(db, "DELETE FROM pain WHERE plan_id = ?1 AND day = ?2", &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  sqlite3_bind_int(st, 2, day);
  rc = step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return finish(db, rc, doing);
}

/* ======================================================================
 * Red-flag re-checks
 * ====================================================================== */

int kc_userdb_redflag_record(struct kc_userdb *db, int64_t plan_id, int cal_day, time_t at,
                             enum kc_level level, const char *answers) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "save the warning-sign check";
  if (!kc_day_valid(cal_day)) return fail(db, KC_UDB_EINVAL, "The check's date is not valid.");
  if (level < KC_LEVEL_NONE || level > KC_LEVEL_MAX)
    return fail(db, KC_UDB_EINVAL, "The check's level is not valid.");
  if (answers && strnlen(answers, KC_WIZARD_TEXT_MAX + 1) > KC_WIZARD_TEXT_MAX)
    return fail(db, KC_UDB_EINVAL, "The check's answers are too long.");
  int rc = begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = kc_userdb_plan_get(db, plan_id, NULL)) != KC_UDB_OK) goto out;
  if ((rc = prep(db,
                 "INSERT INTO redflag_check (plan_id, cal_day, at, level, answers) "
                 "VALUES (?1, ?2, ?3, ?4, ?5)",
                 &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, plan_id);
  sqlite3_bind_int(st, 2, cal_day);
  sqlite3_bind_int64(st, 3, (sqlite3_int64)at);
  sqlite3_bind_int(st, 4, (int)level);
  bind_text(st, 5, answers);
  rc = step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return finish(db, rc, doing);
}

int kc_userdb_redflag_last(struct kc_userdb *db, int64_t plan_id, struct kc_redflag_check *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  const char *doing = "read the warning-sign checks";
  sqlite3_stmt *st = NULL;
  int rc = prep(db,
                "SELECT id, cal_day, at, level FROM redflag_check WHERE plan_id = ?1 "
                "ORDER BY at DESC, id DESC LIMIT 1",
                &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    rc = step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK) {
    out->id = sqlite3_column_int64(st, 0);
    out->cal_day = sqlite3_column_int(st, 1);
    out->at = sqlite3_column_int64(st, 2);
    out->level = (enum kc_level)sqlite3_column_int(st, 3);
  } else if (rc == KC_UDB_ENOTFOUND) {
    fail(db, rc, "No warning-sign check yet.");
  }
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_redflag_worst(struct kc_userdb *db, int64_t plan_id, enum kc_level *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  const char *doing = "read the warning-sign checks";
  sqlite3_stmt *st = NULL;
  int rc =
      prep(db, "SELECT ifnull(max(level), 0) FROM redflag_check WHERE plan_id = ?1", &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, plan_id);
    rc = step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK) *out = (enum kc_level)sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return rc;
}

/* ======================================================================
 * Wizard runs
 * ====================================================================== */

int kc_userdb_wizard_save(struct kc_userdb *db, int64_t profile_id, time_t at, const char *answers,
                          enum kc_level level, const char *causes, int64_t *id_out) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "save the symptom check";
  if (!answers) return fail(db, KC_UDB_EINVAL, "The symptom check has no answers.");
  if (strnlen(answers, KC_WIZARD_TEXT_MAX + 1) > KC_WIZARD_TEXT_MAX ||
      (causes && strnlen(causes, KC_WIZARD_TEXT_MAX + 1) > KC_WIZARD_TEXT_MAX))
    return fail(db, KC_UDB_EINVAL, "The symptom check is too long to save.");
  if (level < KC_LEVEL_NONE || level > KC_LEVEL_MAX)
    return fail(db, KC_UDB_EINVAL, "The symptom check's level is not valid.");
  int rc = begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = profile_lookup(db, NULL, profile_id, NULL)) != KC_UDB_OK) goto out;
  if ((rc = prep(db,
                 "INSERT INTO wizard_run (profile_id, at, answers, level, causes) "
                 "VALUES (?1, ?2, ?3, ?4, ?5)",
                 &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, profile_id);
  sqlite3_bind_int64(st, 2, (sqlite3_int64)at);
  bind_text(st, 3, answers);
  sqlite3_bind_int(st, 4, (int)level);
  bind_text(st, 5, causes);
  rc = step_done(db, st, doing);
  if (rc == KC_UDB_OK && id_out) *id_out = sqlite3_last_insert_rowid(db->sql);
out:
  sqlite3_finalize(st);
  return finish(db, rc, doing);
}

static int row_wizard(struct kc_userdb *db, sqlite3_stmt *st, struct kc_wizard_run *r) {
  r->id = sqlite3_column_int64(st, 0);
  r->profile_id = sqlite3_column_int64(st, 1);
  r->at = sqlite3_column_int64(st, 2);
  r->level = (enum kc_level)sqlite3_column_int(st, 3);
  r->answers = dup_col(st, 4);
  r->causes = dup_col(st, 5);
  if (r->answers && r->causes) return KC_UDB_OK;
  kc_userdb_wizard_run_clear(r);
  return fail(db, KC_UDB_ENOMEM, "Out of memory while reading the symptom checks.");
}

#define WIZARD_COLS "id, profile_id, at, level, answers, causes"

static int read_wizard(struct kc_userdb *db, sqlite3_stmt *st, void *elem) {
  return row_wizard(db, st, elem);
}

static void clear_wizard(void *elem) { kc_userdb_wizard_run_clear(elem); }

int kc_userdb_wizard_list(struct kc_userdb *db, int64_t profile_id, int limit,
                          struct kc_wizard_run **out, int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "list the symptom checks";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = prep(db,
                "SELECT " WIZARD_COLS " FROM wizard_run WHERE profile_id = ?1 "
                "ORDER BY at DESC, id DESC LIMIT ?2",
                &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1); /* LIMIT -1: no limit */
    rc = collect(db, st, sizeof **out, read_wizard, clear_wizard, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

int kc_userdb_wizard_get(struct kc_userdb *db, int64_t run_id, struct kc_wizard_run *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  const char *doing = "read the symptom check";
  sqlite3_stmt *st = NULL;
  int rc = prep(db, "SELECT " WIZARD_COLS " FROM wizard_run WHERE id = ?1", &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, run_id);
    rc = step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK)
    rc = row_wizard(db, st, out);
  else if (rc == KC_UDB_ENOTFOUND)
    fail(db, rc, "There is no such symptom check (id %lld).", (long long)run_id);
  sqlite3_finalize(st);
  return rc;
}

void kc_userdb_wizard_run_clear(struct kc_wizard_run *run) {
  if (!run) return;
  free(run->answers);
  free(run->causes);
  run->answers = run->causes = NULL;
}

void kc_userdb_wizard_runs_free(struct kc_wizard_run *runs, int n) {
  if (!runs) return;
  for (int i = 0; i < n; i++) kc_userdb_wizard_run_clear(&runs[i]);
  free(runs);
}

/* ======================================================================
 * Settings
 * ====================================================================== */

static bool setting_key_ok(const char *key) {
  if (!key || !key[0]) return false;
  for (size_t i = 0; key[i]; i++) {
    const char c = key[i];
    if (i >= KC_SETTING_KEY_MAX) return false;
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
      return false;
  }
  return true;
}

/* profile_id 0 (global) is stored as NULL; "IS" compares NULL equal. */
static void bind_owner(sqlite3_stmt *st, int i, int64_t profile_id) {
  if (profile_id == 0)
    sqlite3_bind_null(st, i);
  else
    sqlite3_bind_int64(st, i, profile_id);
}

int kc_userdb_setting_set(struct kc_userdb *db, int64_t profile_id, const char *key,
                          const char *value) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "save the setting";
  if (!setting_key_ok(key)) return fail(db, KC_UDB_EINVAL, "Bad setting name.");
  if (!value || strnlen(value, KC_SETTING_VALUE_MAX + 1) > KC_SETTING_VALUE_MAX ||
      !kc_utf8_valid(value, strlen(value)))
    return fail(db, KC_UDB_EINVAL, "Bad value for setting %s.", key);
  int rc = begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *del = NULL, *ins = NULL;
  /* Delete then insert in one transaction: simpler than an upsert on the
   * two partial unique indexes (per profile, global). */
  if ((rc = prep(db, "DELETE FROM setting WHERE profile_id IS ?1 AND key = ?2", &del, doing)) !=
      KC_UDB_OK)
    goto out;
  bind_owner(del, 1, profile_id);
  bind_text(del, 2, key);
  if ((rc = step_done(db, del, doing)) != KC_UDB_OK) goto out;
  if ((rc = prep(db, "INSERT INTO setting (profile_id, key, value) VALUES (?1, ?2, ?3)", &ins,
                 doing)) != KC_UDB_OK)
    goto out;
  bind_owner(ins, 1, profile_id);
  bind_text(ins, 2, key);
  bind_text(ins, 3, value);
  rc = step_done(db, ins, doing);
out:
  sqlite3_finalize(del);
  sqlite3_finalize(ins);
  return finish(db, rc, doing);
}

int kc_userdb_setting_get(struct kc_userdb *db, int64_t profile_id, const char *key, char *buf,
                          size_t n) {
  if (!db || !buf || n == 0) return KC_UDB_EINVAL;
  buf[0] = '\0';
  if (!setting_key_ok(key)) return fail(db, KC_UDB_EINVAL, "Bad setting name.");
  const char *doing = "read the setting";
  sqlite3_stmt *st = NULL;
  int rc = prep(db, "SELECT value FROM setting WHERE profile_id IS ?1 AND key = ?2", &st, doing);
  if (rc == KC_UDB_OK) {
    bind_owner(st, 1, profile_id);
    bind_text(st, 2, key);
    rc = step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK)
    copy_col(buf, n, st, 0);
  else if (rc == KC_UDB_ENOTFOUND)
    fail(db, rc, "Setting %s is not set.", key);
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_setting_delete(struct kc_userdb *db, int64_t profile_id, const char *key) {
  if (!db) return KC_UDB_EINVAL;
  if (!setting_key_ok(key)) return fail(db, KC_UDB_EINVAL, "Bad setting name.");
  const char *doing = "delete the setting";
  int rc = begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = prep(db, "DELETE FROM setting WHERE profile_id IS ?1 AND key = ?2", &st, doing)) ==
      KC_UDB_OK) {
    bind_owner(st, 1, profile_id);
    bind_text(st, 2, key);
    rc = step_done(db, st, doing);
  }
  sqlite3_finalize(st);
  return finish(db, rc, doing);
}
