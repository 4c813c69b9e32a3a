/* Private to src/store/userdb_*.c: the handle and the small SQLite helpers
 * every record file uses. Nothing outside the store includes this.
 *
 * The write pattern every record function follows:
 *
 *   int rc = udb_begin(db, doing);              BEGIN IMMEDIATE
 *   if (rc != KC_UDB_OK) return rc;
 *   ... udb_prep / bind / udb_step_done ...     each failure sets db->err
 *   out: sqlite3_finalize(st);
 *   return udb_finish(db, rc, doing);           COMMIT, or ROLLBACK on error
 *
 * and every list reader prep -> bind -> udb_collect(). A failing helper
 * records one sentence on the handle (what we were doing, why, what the
 * person can do) and returns the status; callers just pass it on. */
#ifndef KC_USERDB_INT_H
#define KC_USERDB_INT_H

#include <limits.h>
#include <sqlite3.h>
#include <stdbool.h>

#include "kneecare/userdb.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

#define UDB_ERR_BUF 768
#define UDB_WHY_BUF (UDB_ERR_BUF + 64) /* a reason quoting an error message */

struct kc_userdb {
  sqlite3 *sql;                    /* NULL only if kc_userdb_verify() could not reopen */
  const struct kc_migration *migs; /* the caller's, kept for kc_userdb_verify() */
  int n_migs;
  unsigned flags;
  int version;
  bool readonly;        /* opened for reading only: every write is refused with ro_why */
  bool check_due;       /* the integrity check is worth running (see userdb_open.c) */
  bool checked;         /* an integrity check ran on this handle */
  bool wal_unclean;     /* the -wal held data nobody had open: not closed cleanly */
  int64_t last_checked; /* when the file last passed a check (Unix seconds, 0 never) */
  int hold_fd;          /* timers.lock (userdb_timer_hold.c): -1 not open, -2 cannot be */
  char ro_why[UDB_WHY_BUF + PATH_MAX];
  char path[PATH_MAX];
  char dir[PATH_MAX];
  /* Warnings name whole paths (the moved-aside file above all), never cut. */
  char warning[2 * PATH_MAX + 2048];
  char err[UDB_ERR_BUF + 2 * PATH_MAX];
};

/* ---- the file (userdb_file.c) ------------------------------------------------ */

enum udb_probe {
  UDB_PROBE_OK,
  UDB_PROBE_EMPTY,     /* no bytes yet: a new database */
  UDB_PROBE_DAMAGED,   /* not a database, bad header, negative version: move aside */
  UDB_PROBE_TRUNCATED, /* (internal: looked at twice before calling it damaged) */
  UDB_PROBE_REFUSED,   /* newer version or format: left untouched; info.status */
  UDB_PROBE_ERROR,     /* cannot read it; info.status */
};
struct udb_probe_info {
  int status;       /* for REFUSED and ERROR (the message is on the handle) */
  bool empty;       /* the file has no bytes */
  bool others_open; /* another process has the database open */
  bool wal_data;    /* the -wal holds something */
};

int udb_copy_path(char *buf, size_t n, const char *a, const char *b);
/* Creates the directory (0700, with parents) and checks it; a directory we
 * may not write makes the handle read-only. */
int udb_prepare_dir(struct kc_userdb *db);
/* Makes sure db->path is a regular file with one name (creating it empty,
 * 0600) and that no -wal/-shm/-journal beside it is a link. */
int udb_prepare_file(struct kc_userdb *db);
enum udb_probe udb_probe_header(struct kc_userdb *db, struct udb_probe_info *info, char *why,
                                size_t whylen);
/* Renames the damaged file (with its -wal, -journal, -shm) to
 * <path>.corrupt-YYYYMMDD-HHMMSS[-N], never replacing anything; moved_to is
 * "" when another kneecare moved it first. */
int udb_move_aside(struct kc_userdb *db, char *moved_to, size_t n);
/* Opens for reading only from now on; writes fail saying why (the reason
 * reads after "Could not save ...: "). The first reason given is kept. */
void udb_set_readonly(struct kc_userdb *db, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- messages (userdb_sql.c) ---------------------------------------------- */

/* Records a sentence on the handle and returns status: `return udb_fail(db,
 * KC_UDB_EINVAL, "...")`. */
int udb_fail(struct kc_userdb *db, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Adds a line to the open warnings (kc_userdb_warning()). */
void udb_warn(struct kc_userdb *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Copies at most `max` characters of s (UTF-8 never cut inside a
 * character, "..." added when cut, line breaks as spaces) for quoting in a
 * one-line message. */
void udb_quote(char *out, size_t n, const char *s, size_t max);
/* The sentence for a call on a handle whose connection is gone. */
int udb_not_open(struct kc_userdb *db, const char *doing);
/* Status for an errno from our own file operations. */
int udb_status_from_errno(int e);
/* Maps a SQLite result to a status with a sentence saying what we were
 * doing and what the person can do. SQLITE_NOMEM follows the one
 * out-of-memory rule (kc_mem_fail). */
int udb_fail_sql(struct kc_userdb *db, int rc, const char *doing);

/* ---- statements and transactions (userdb_sql.c) --------------------------- */

int udb_prep(struct kc_userdb *db, const char *sql, sqlite3_stmt **st, const char *doing);
/* BEGIN IMMEDIATE: the write lock up front (see userdb_sql.c). */
int udb_begin(struct kc_userdb *db, const char *doing);
/* COMMIT on success, ROLLBACK otherwise; clears the message on success. */
int udb_finish(struct kc_userdb *db, int rc, const char *doing);
void udb_rollback(struct kc_userdb *db);
/* Steps a statement expected to finish without rows (INSERT/UPDATE...). */
int udb_step_done(struct kc_userdb *db, sqlite3_stmt *st, const char *doing);
/* Steps to the single row of a lookup: OK with a row, ENOTFOUND without. */
int udb_step_row(struct kc_userdb *db, sqlite3_stmt *st, const char *doing);
/* One integer from a statement with no parameters (a PRAGMA, a count). */
int udb_query_int(struct kc_userdb *db, const char *sql, int *out, const char *doing);
int udb_bind_text(sqlite3_stmt *st, int i, const char *s);
void udb_copy_col(char *dst, size_t n, sqlite3_stmt *st, int col);
char *udb_dup_col(sqlite3_stmt *st, int col); /* kc_xmalloc'd */
/* Deletes rows by one id with a single statement in its own transaction;
 * ENOTFOUND ("There is no such <what>") when nothing matched. */
int udb_delete_by_id(struct kc_userdb *db, const char *sql, int64_t id, const char *doing,
                     const char *what);

/* Reads one row into one array element. */
typedef void (*udb_row_reader)(sqlite3_stmt *st, void *elem);
/* Steps a prepared statement to the end, reading every row into a
 * kc_xmalloc'd array of `elem`-sized records, and finalizes it. On failure
 * frees what was read (calling `clear` on each record, if given) and leaves
 * *out NULL. */
int udb_collect(struct kc_userdb *db, sqlite3_stmt *st, size_t elem, udb_row_reader row,
                void (*clear)(void *), void **out, int *n, const char *doing);

/* ---- shared record rules ----------------------------------------------------- */

/* Inside a write transaction: the plan exists and has not ended. */
int udb_active_plan_locked(struct kc_userdb *db, int64_t plan_id, struct kc_plan *p);
/* Inside a write transaction: the plan is active, `day` is 1..3 and not in
 * the future as of `now`. *late tells whether a record made now is late. */
int udb_editable_day_locked(struct kc_userdb *db, int64_t plan_id, int day, time_t now, bool *late);
/* Inside or outside a transaction: the profile exists (ENOTFOUND with a
 * sentence otherwise). */
int udb_profile_exists(struct kc_userdb *db, int64_t profile_id);

#endif
