/* The packer's half of the front (kneecare/content_front.h): a small
 * database with the topic list and what the first frame reads of meta,
 * made in memory from the packed content database, serialised and
 * appended to the file with the trailer that says where it is. */
#include "pack_front.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kneecare/content_front.h"

/* The front's tables filled from the content database at path. A page size
 * of 512 keeps it to a few pages. */
static const char FRONT_FILL[] =
    "INSERT INTO topic (id, position, title, summary) "
    "  SELECT id, position, title, summary FROM packed.topic;"
    "INSERT INTO meta (key, value) SELECT key, value FROM packed.meta "
    "  WHERE key = 'content_checksum' OR substr(key, 1, 15) = 'topic_articles:';";

/* The front database for the content at path, serialised: its bytes
 * (sqlite3_free them) and length, or NULL with the reason in err. */
static unsigned char *make_front(const char *path, sqlite3_int64 *len, char *err, size_t errlen) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  unsigned char *bytes = NULL;
  int ok = sqlite3_open(":memory:", &db) == SQLITE_OK &&
           sqlite3_exec(db, "PRAGMA page_size = 512;" KC_FRONT_SQL_META ";" KC_FRONT_SQL_TOPIC ";",
                        NULL, NULL, NULL) == SQLITE_OK &&
           sqlite3_prepare_v2(db, "ATTACH ?1 AS packed", -1, &st, NULL) == SQLITE_OK &&
           sqlite3_bind_text(st, 1, path, -1, SQLITE_TRANSIENT) == SQLITE_OK &&
           sqlite3_step(st) == SQLITE_DONE;
  sqlite3_finalize(st);
  ok = ok && sqlite3_exec(db, FRONT_FILL, NULL, NULL, NULL) == SQLITE_OK &&
       sqlite3_exec(db, "DETACH packed", NULL, NULL, NULL) == SQLITE_OK;
  if (ok) bytes = sqlite3_serialize(db, "main", len, 0);
  if (!bytes)
    snprintf(err, errlen, "cannot make the front: %s", db ? sqlite3_errmsg(db) : "out of memory");
  sqlite3_close(db);
  return bytes;
}

static int write_at(int fd, const unsigned char *p, size_t n, off_t off) {
  while (n > 0) {
    ssize_t w = pwrite(fd, p, n, off);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w, n -= (size_t)w, off += w;
  }
  return 0;
}

int kc_pack_front(const char *path, char *err, size_t errlen) {
  unsigned char header[KC_FRONT_HEADER], trailer[KC_FRONT_TRAILER];
  int fd = open(path, O_RDWR | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0 || pread(fd, header, sizeof header, 0) != sizeof header) {
    snprintf(err, errlen, "%s: %s", path, strerror(errno ? errno : EIO));
    if (fd >= 0) close(fd);
    return -1;
  }
  int64_t db_len = kc_front_db_len(header);
  if (db_len < 0 || db_len > (int64_t)st.st_size) {
    snprintf(err, errlen, "%s: not an SQLite database with a trusted page count", path);
    close(fd);
    return -1;
  }
  /* The old front goes first, so the front is made from the database alone. */
  if (ftruncate(fd, (off_t)db_len) != 0) {
    snprintf(err, errlen, "%s: %s", path, strerror(errno));
    close(fd);
    return -1;
  }
  sqlite3_int64 len = 0;
  unsigned char *front = make_front(path, &len, err, errlen);
  int rc = -1;
  if (front && len > KC_FRONT_MAX)
    snprintf(err, errlen, "%s: the front would be %lld bytes, over %d", path, (long long)len,
             KC_FRONT_MAX);
  else if (front && (pread(fd, header, sizeof header, 0) != sizeof header ||
                     kc_front_db_len(header) != db_len))
    snprintf(err, errlen, "%s: changed while its front was made", path);
  else if (front) {
    /* The header as it is now: reading the database can have changed it
     * (a rollback left by a crashed writer). */
    kc_front_trailer(header, db_len, (int64_t)len, trailer);
    rc = write_at(fd, front, (size_t)len, (off_t)db_len) ||
                 write_at(fd, trailer, sizeof trailer, (off_t)(db_len + len))
             ? (snprintf(err, errlen, "%s: %s", path, strerror(errno)), -1)
             : 0;
  }
  sqlite3_free(front);
  if (close(fd) != 0 && rc == 0) rc = (snprintf(err, errlen, "%s: %s", path, strerror(errno)), -1);
  return rc;
}
