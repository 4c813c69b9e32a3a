/* The user database's SQLite helpers and messages, shared by the opening
 * code and every record file: status names, failure sentences (what we were
 * doing, why, and what the person can do), prepared statements, IMMEDIATE
 * transactions, single-row steps and the one list reader (udb_collect).
 * Allocation follows mem.h: it cannot fail for the caller. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/mem.h"
#include "kneecare/text.h"
#include "userdb_int.h"

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

int udb_fail(struct kc_userdb *db, int status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(db->err, sizeof db->err, fmt, ap);
  va_end(ap);
  return status;
}

void udb_warn(struct kc_userdb *db, const char *fmt, ...) {
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
  vsnprintf(p, room, fmt, ap);
  va_end(ap);
}

void udb_set_readonly(struct kc_userdb *db, const char *fmt, ...) {
  if (db->readonly) return;
  db->readonly = true;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(db->ro_why, sizeof db->ro_why, fmt, ap);
  va_end(ap);
}

void udb_quote(char *out, size_t n, const char *s, size_t max) {
  if (n == 0) return;
  size_t i = 0, o = 0, chars = 0;
  const size_t len = strlen(s);
  while (i < len && chars < max) {
    uint32_t cp;
    const size_t used = kc_utf8_decode(s + i, len - i, &cp);
    if (o + used + 4 > n) break; /* room for "..." and the NUL */
    /* One line: SQLite's check reports span lines ("*** in database main
     * ***\nPage 4: ..."); the edge sanitises the rest. */
    if (cp == '\n' || cp == '\r' || cp == '\t') {
      out[o++] = ' ';
    } else {
      memcpy(out + o, s + i, used);
      o += used;
    }
    i += used;
    chars++;
  }
  snprintf(out + o, n - o, "%s", i < len ? "..." : "");
}

int udb_status_from_errno(int e) {
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

/* The OS errno behind an I/O error tells a full disk from a read-only one. */
int udb_fail_sql(struct kc_userdb *db, int rc, const char *doing) {
  const char *detail = db->sql ? sqlite3_errmsg(db->sql) : sqlite3_errstr(rc);
  const int sys = db->sql ? sqlite3_system_errno(db->sql) : 0;
  switch (rc & 0xff) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    return udb_fail(db, KC_UDB_EBUSY,
                    "Could not %s: the data file stayed locked by another kneecare for %d "
                    "seconds. Try again.",
                    doing, KC_USERDB_BUSY_MS / 1000);
  case SQLITE_FULL:
    return udb_fail(db, KC_UDB_EFULL, "Could not %s: the disk is full (%s). Nothing was saved.",
                    doing, db->path);
  case SQLITE_READONLY:
  case SQLITE_PERM:
  case SQLITE_AUTH:
    return udb_fail(db, KC_UDB_EACCESS,
                    "Could not %s: %s cannot be written; is it or its directory %s read-only? (%s)",
                    doing, db->path, db->dir, detail);
  case SQLITE_CORRUPT:
  case SQLITE_NOTADB:
    return udb_fail(db, KC_UDB_ECORRUPT,
                    "Could not %s: the data file %s is damaged (%s). 'kneecare data check' moves "
                    "it aside (nothing is deleted) and starts a fresh one.",
                    doing, db->path, detail);
  case SQLITE_NOMEM: kc_mem_fail();
  case SQLITE_CONSTRAINT:
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
      return udb_fail(db, KC_UDB_ENOTFOUND, "Could not %s: the profile or plan does not exist.",
                      doing);
    return udb_fail(db, KC_UDB_EINVAL, "Could not %s: the value was refused (%s).", doing, detail);
  case SQLITE_CANTOPEN:
  case SQLITE_IOERR: {
    const int st = udb_status_from_errno(sys);
    if (st == KC_UDB_EFULL)
      return udb_fail(db, st, "Could not %s: the disk is full (%s). Nothing was saved.", doing,
                      db->path);
    if (st == KC_UDB_EACCESS)
      return udb_fail(db, st, "Could not %s: the data directory %s is read-only or not yours (%s).",
                      doing, db->dir, strerror(sys));
    return udb_fail(db, KC_UDB_EIO, "Could not %s: input/output error on %s (%s%s%s).", doing,
                    db->path, detail, sys ? ": " : "", sys ? strerror(sys) : "");
  }
  default: return udb_fail(db, KC_UDB_EIO, "Could not %s: %s.", doing, detail);
  }
}

/* ---- statements and transactions ----------------------------------------- */

int udb_not_open(struct kc_userdb *db, const char *doing) {
  return udb_fail(db, KC_UDB_EIO, "Could not %s: the data file is not open (%s).", doing, db->path);
}

int udb_prep(struct kc_userdb *db, const char *sql, sqlite3_stmt **st, const char *doing) {
  *st = NULL;
  if (!db->sql) return udb_not_open(db, doing);
  const int rc = sqlite3_prepare_v2(db->sql, sql, -1, st, NULL);
  return rc == SQLITE_OK ? KC_UDB_OK : udb_fail_sql(db, rc, doing);
}

/* IMMEDIATE takes the write lock up front, so the busy timeout applies
 * there; a deferred transaction that reads and then writes could get
 * SQLITE_BUSY_SNAPSHOT in WAL mode, which no timeout can resolve. */
int udb_begin(struct kc_userdb *db, const char *doing) {
  if (!db->sql) return udb_not_open(db, doing);
  if (db->readonly)
    return udb_fail(db, KC_UDB_EACCESS, "Could not %s: %s. Nothing was saved.", doing, db->ro_why);
  const int rc = sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  return rc == SQLITE_OK ? KC_UDB_OK : udb_fail_sql(db, rc, doing);
}

static int commit(struct kc_userdb *db, const char *doing) {
  const int rc = sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
  return rc == SQLITE_OK ? KC_UDB_OK : udb_fail_sql(db, rc, doing);
}

/* Rolls back if a transaction is still open (COMMIT may have failed with
 * SQLITE_FULL and left it open). Keeps the message of the real failure. */
void udb_rollback(struct kc_userdb *db) {
  if (db->sql && !sqlite3_get_autocommit(db->sql))
    sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

/* Clears the message on success so kc_userdb_errmsg() describes only the
 * last call. */
int udb_finish(struct kc_userdb *db, int rc, const char *doing) {
  if (rc == KC_UDB_OK) rc = commit(db, doing);
  if (rc != KC_UDB_OK)
    udb_rollback(db);
  else
    db->err[0] = '\0';
  return rc;
}

int udb_step_done(struct kc_userdb *db, sqlite3_stmt *st, const char *doing) {
  const int rc = sqlite3_step(st);
  return rc == SQLITE_DONE ? KC_UDB_OK : udb_fail_sql(db, rc, doing);
}

int udb_step_row(struct kc_userdb *db, sqlite3_stmt *st, const char *doing) {
  const int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) return KC_UDB_OK;
  if (rc == SQLITE_DONE) return KC_UDB_ENOTFOUND;
  return udb_fail_sql(db, rc, doing);
}

int udb_query_int(struct kc_userdb *db, const char *sql, int *out, const char *doing) {
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db, sql, &st, doing);
  if (rc == KC_UDB_OK) rc = udb_step_row(db, st, doing);
  if (rc == KC_UDB_ENOTFOUND) rc = udb_fail(db, KC_UDB_EIO, "Could not %s: no result.", doing);
  if (rc == KC_UDB_OK) *out = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return rc;
}

int udb_bind_text(sqlite3_stmt *st, int i, const char *s) {
  return sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_TRANSIENT);
}

void udb_copy_col(char *dst, size_t n, sqlite3_stmt *st, int col) {
  const unsigned char *s = sqlite3_column_text(st, col);
  snprintf(dst, n, "%s", s ? (const char *)s : "");
}

char *udb_dup_col(sqlite3_stmt *st, int col) {
  const unsigned char *s = sqlite3_column_text(st, col);
  const int len = sqlite3_column_bytes(st, col);
  char *out = kc_xmalloc((size_t)len + 1);
  if (s && len > 0) memcpy(out, s, (size_t)len);
  out[len] = '\0';
  return out;
}

int udb_delete_by_id(struct kc_userdb *db, const char *sql, int64_t id, const char *doing,
                     const char *what) {
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = udb_prep(db, sql, &st, doing)) == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, id);
    rc = udb_step_done(db, st, doing);
    if (rc == KC_UDB_OK && sqlite3_changes(db->sql) == 0)
      rc = udb_fail(db, KC_UDB_ENOTFOUND, "There is no such %s (id %lld).", what, (long long)id);
  }
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int udb_collect(struct kc_userdb *db, sqlite3_stmt *st, size_t elem, udb_row_reader row,
                void (*clear)(void *), void **out, int *n, const char *doing) {
  char *arr = NULL;
  size_t cap = 0;
  int count = 0, step;
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    kc_grow((void **)&arr, &cap, (size_t)count + 1, elem);
    row(st, arr + (size_t)count * elem);
    count++;
  }
  const int rc = step == SQLITE_DONE ? KC_UDB_OK : udb_fail_sql(db, step, doing);
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
