/* The user database as a file, before and around SQLite: where it lives,
 * the directory and the file made safe, the 100-byte header read by hand,
 * and a damaged file moved aside. Nothing here opens SQLite; opening and
 * migrating are in userdb_open.c.
 *
 * - Directory: created 0700 with missing parents; reported if others may
 *   write it; a directory we may not write makes the file read-only.
 * - File: created 0600 with O_EXCL | O_NOFOLLOW; a symlink, directory,
 *   device or hard-linked file is refused, and so is a -wal, -shm or
 *   -journal beside it that is not a plain file of its own.
 * - Header: a non-database, a truncated file, a negative or newer data
 *   version and a newer file format are recognised before SQLite touches
 *   them, so a file we refuse is left byte-for-byte as it was. The probe
 *   also notes whether the -wal holds data that no running process has
 *   open: the last kneecare did not close it (killed, crashed, power cut),
 *   which is when an integrity check is worth its cost.
 * - Moving aside: renamed (never replacing an earlier copy) with its -wal
 *   and -journal, never deleted. */
#define _GNU_SOURCE /* renameat2 */
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

#include "userdb_int.h"

int udb_copy_path(char *buf, size_t n, const char *a, const char *b) {
  const int w = snprintf(buf, n, "%s%s", a, b ? b : "");
  return (w < 0 || (size_t)w >= n) ? KC_UDB_EINVAL : KC_UDB_OK;
}

/* ---- default locations ---------------------------------------------------- */

int kc_userdb_default_dir(char *buf, size_t n) {
  if (!buf || n == 0) return KC_UDB_EINVAL;
  buf[0] = '\0';
  const char *env = getenv("KNEECARE_DATA_DIR");
  if (env && env[0]) return udb_copy_path(buf, n, env, NULL);
  /* The XDG spec says a relative $XDG_DATA_HOME is invalid and ignored. */
  env = getenv("XDG_DATA_HOME");
  if (env && env[0] == '/') return udb_copy_path(buf, n, env, "/kneecare");
  env = getenv("HOME");
  if (env && env[0] == '/') return udb_copy_path(buf, n, env, "/.local/share/kneecare");
  struct passwd pw, *res = NULL;
  char pwbuf[16384];
  if (getpwuid_r(getuid(), &pw, pwbuf, sizeof pwbuf, &res) == 0 && res && res->pw_dir &&
      res->pw_dir[0] == '/')
    return udb_copy_path(buf, n, res->pw_dir, "/.local/share/kneecare");
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

/* ---- the directory ------------------------------------------------------------ */

/* mkdir -p with mode 0700 for every component we create. Existing ones
 * are left as they are (their owner chose their mode). */
static int make_dirs(struct kc_userdb *db, const char *dir) {
  char tmp[PATH_MAX];
  if (udb_copy_path(tmp, sizeof tmp, dir, NULL) != KC_UDB_OK)
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

int udb_prepare_dir(struct kc_userdb *db) {
  const char *dir = db->dir;
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
  /* A directory we may not write: reading still works (the -wal and -shm
   * are kept between runs, so SQLite needs to create nothing), writing is
   * refused with this reason, so nothing is half-saved. */
  if (access(dir, W_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
    udb_set_readonly(db, "the data directory %s is read-only (%s)", dir, strerror(errno));
  return KC_UDB_OK;
}

/* ---- the file and the files beside it --------------------------------------------- */

/* Refuses anything but a regular file with one name; warns about open
 * permissions; a file we may not write is opened read-only. */
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
    return udb_fail(db, KC_UDB_EUNSAFE,
                    "The data file %s is not a regular file (a device, FIFO or socket). Move it "
                    "away or use --data DIR.",
                    db->path);
  if (st->st_nlink > 1)
    return udb_fail(db, KC_UDB_EUNSAFE,
                    "The data file %s has %ld names (hard links); kneecare does not use it, as "
                    "another name could be someone else's file. Make it a file of its own (cp -p "
                    "it to a new name, then mv that over it) or use --data DIR.",
                    db->path, (long)st->st_nlink);
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
  if (!db->readonly && access(db->path, W_OK) != 0 && (errno == EACCES || errno == EROFS))
    udb_set_readonly(db, "the data file %s is read-only (mode %04o; chmod 600 makes it writable)",
                     db->path, (unsigned)(st->st_mode & 07777));
  return KC_UDB_OK;
}

/* SQLite writes the -wal, -shm and -journal beside the file by name: each
 * must be absent or a plain file with one name, never a link elsewhere. */
static int check_sidecars(struct kc_userdb *db) {
  static const char *const names[] = {"-wal", "-shm", "-journal"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    char p[PATH_MAX + 16];
    struct stat st;
    snprintf(p, sizeof p, "%s%s", db->path, names[i]);
    if (lstat(p, &st) != 0) continue;
    const char *what = S_ISLNK(st.st_mode)    ? "a symbolic link"
                       : !S_ISREG(st.st_mode) ? "not a regular file"
                       : st.st_nlink > 1      ? "a hard link (it has other names)"
                                              : NULL;
    if (what)
      return udb_fail(db, KC_UDB_EUNSAFE,
                      "The file %s beside the data file is %s; kneecare does not write through "
                      "it, as it could reach another file. Move it away (the data file itself "
                      "is fine) or use --data DIR.",
                      p, what);
  }
  return KC_UDB_OK;
}

int udb_prepare_file(struct kc_userdb *db) {
  for (int tries = 0; tries < 3; tries++) {
    struct stat st;
    if (lstat(db->path, &st) == 0) {
      const int rc = check_existing_file(db, &st);
      return rc == KC_UDB_OK ? check_sidecars(db) : rc;
    }
    if (errno != ENOENT) {
      const int e = errno;
      return udb_fail(db, udb_status_from_errno(e), "Cannot use the data file %s: %s.", db->path,
                      strerror(e));
    }
    if (db->readonly)
      return udb_fail(db, KC_UDB_EACCESS, "Cannot create the data file %s: %s.", db->path,
                      db->ro_why);
    /* O_EXCL | O_NOFOLLOW: never reuse or follow something planted
     * meanwhile; SQLite then opens the existing file (and creates -wal and
     * -shm with the same mode as the database file). */
    const int fd = open(db->path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) {
      close(fd);
      return check_sidecars(db);
    }
    if (errno != EEXIST) { /* EEXIST: another kneecare created it; look again */
      const int e = errno;
      return udb_fail(db, udb_status_from_errno(e), "Cannot create the data file %s: %s.", db->path,
                      strerror(e));
    }
  }
  return udb_fail(db, KC_UDB_EIO, "The data file %s keeps changing; try again.", db->path);
}

/* ---- the header probe ------------------------------------------------------------ */

static uint32_t be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static off_t sidecar_size(const struct kc_userdb *db, const char *suffix) {
  char p[PATH_MAX + 16];
  struct stat st;
  snprintf(p, sizeof p, "%s%s", db->path, suffix);
  return lstat(p, &st) == 0 && S_ISREG(st.st_mode) ? st.st_size : 0;
}

/* A -wal or -journal beside the file with something in it: the main file
 * may legitimately be shorter than its header says until that is folded
 * back (a checkpoint writes page 1 before the last page). */
static bool sidecar_has_content(const struct kc_userdb *db) {
  return sidecar_size(db, "-wal") > 0 || sidecar_size(db, "-journal") > 0;
}

/* Whether another process has the database open: every SQLite connection
 * in WAL mode holds a shared lock on the lock-byte page's shared range
 * (sqlite.org/fileformat2.html, "The Lock-Byte Page") for as long as it is
 * open. F_GETLK does not see our own process's locks. */
static bool others_have_it_open(int fd) {
  struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0x40000002, .l_len = 510};
  return fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
}

/* What the header says; PROBE_ERROR and PROBE_REFUSED have set db->err. */
static enum udb_probe judge_header(struct kc_userdb *db, struct udb_probe_info *info,
                                   const unsigned char *h, off_t size, bool sidecar_before,
                                   char *why, size_t whylen) {
  if (memcmp(h, "SQLite format 3", 16) != 0) {
    snprintf(why, whylen, "it is not an SQLite database");
    return UDB_PROBE_DAMAGED;
  }
  const uint32_t page = (uint32_t)h[16] << 8 | h[17];
  const uint32_t page_size = page == 1 ? 65536u : page;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0) {
    snprintf(why, whylen, "its header is damaged");
    return UDB_PROBE_DAMAGED;
  }
  /* Bytes 18 and 19: the file format versions needed to write and to read
   * (1 rollback, 2 WAL). Higher: a newer SQLite wrote it. */
  if (h[19] > 2) {
    info->status =
        udb_fail(db, KC_UDB_ENEWER,
                 "The data file %s uses a newer file format (read version %d) than this kneecare "
                 "can read. It was left untouched: update kneecare, or use --data DIR for a "
                 "separate file.",
                 db->path, h[19]);
    return UDB_PROBE_REFUSED;
  }
  if (h[18] > 2)
    udb_set_readonly(db,
                     "the data file %s uses a newer file format (write version %d) that this "
                     "kneecare can read but not write; it is left untouched (update kneecare)",
                     db->path, h[18]);
  const uint32_t pages = be32(h + 28);
  const bool size_valid = pages > 0 && be32(h + 24) == be32(h + 92);
  if (size_valid && (uint64_t)size < (uint64_t)pages * page_size && !sidecar_before &&
      !sidecar_has_content(db)) {
    snprintf(why, whylen, "it is truncated (%lld of %llu bytes)", (long long)size,
             (unsigned long long)pages * page_size);
    return UDB_PROBE_TRUNCATED;
  }
  const int32_t version = (int32_t)be32(h + 60);
  if (version < 0) {
    snprintf(why, whylen,
             "its data version is %d, which no kneecare writes: another program changed it",
             (int)version);
    return UDB_PROBE_DAMAGED;
  }
  if (version > db->n_migs) {
    info->status =
        udb_fail(db, KC_UDB_ENEWER,
                 "The data file %s was written by a newer version of kneecare (data version %d; "
                 "this one knows up to %d). It was left untouched: update kneecare, or use --data "
                 "DIR for a separate file.",
                 db->path, (int)version, db->n_migs);
    return UDB_PROBE_REFUSED;
  }
  return UDB_PROBE_OK;
}

/* Reads the 100-byte SQLite header without SQLite. */
static enum udb_probe probe_once(struct kc_userdb *db, struct udb_probe_info *info, char *why,
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
    else
      info->others_open = others_have_it_open(fd);
    /* Closing drops this process's POSIX locks on the file; no connection
     * of this handle is open yet, and SQLite keeps its own descriptors. */
    close(fd);
  }
  if (got < 0) {
    info->status = udb_fail(db, e == EINVAL ? KC_UDB_EUNSAFE : udb_status_from_errno(e),
                            "Cannot read the data file %s: %s.", db->path,
                            e == EINVAL ? "it is not a regular file" : strerror(e));
    return UDB_PROBE_ERROR;
  }
  info->wal_data = sidecar_size(db, "-wal") > 0;
  info->empty = st.st_size == 0;
  if (info->empty) return UDB_PROBE_EMPTY;
  if (got < (ssize_t)sizeof h) {
    snprintf(why, whylen, "it is not an SQLite database (only %zd bytes)", got);
    return UDB_PROBE_DAMAGED;
  }
  return judge_header(db, info, h, st.st_size, sidecar_before, why, whylen);
}

/* A file seen truncated is looked at again a moment later: another
 * kneecare finishing a checkpoint between our two looks must not get its
 * file moved aside. */
enum udb_probe udb_probe_header(struct kc_userdb *db, struct udb_probe_info *info, char *why,
                                size_t whylen) {
  *info = (struct udb_probe_info){0};
  enum udb_probe r = probe_once(db, info, why, whylen);
  if (r == UDB_PROBE_TRUNCATED) {
    nanosleep(&(struct timespec){.tv_nsec = 50 * 1000 * 1000}, NULL);
    r = probe_once(db, info, why, whylen);
  }
  return r == UDB_PROBE_TRUNCATED ? UDB_PROBE_DAMAGED : r;
}

/* ---- moving a damaged file aside ----------------------------------------------------- */

/* Renames src to dst without ever replacing an existing dst. renameat2's
 * RENAME_NOREPLACE does it in one step (the file never has two names, so a
 * concurrent opener never sees a hard link); where it is missing, link()
 * then unlink(), which fails with EEXIST where rename() would overwrite. */
static int move_noreplace(const char *src, const char *dst) {
#ifdef RENAME_NOREPLACE
  if (renameat2(AT_FDCWD, src, AT_FDCWD, dst, RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return -1;
#endif
  if (link(src, dst) == 0) return unlink(src) == 0 ? 0 : -1;
  if (errno == EEXIST || errno == ENOENT) return -1;
  struct stat st;
  if (lstat(dst, &st) == 0) {
    errno = EEXIST;
    return -1;
  }
  return rename(src, dst);
}

/* <path>.corrupt-YYYYMMDD-HHMMSS[-N]. The wall clock is read here only to
 * name the file for people. */
int udb_move_aside(struct kc_userdb *db, char *moved_to, size_t n) {
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
      /* The -wal and -journal belong to it: left behind, a stale -wal would
       * be replayed into the fresh file. */
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
      moved_to[0] = '\0';
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
