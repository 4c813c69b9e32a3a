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
  char path[PATH_MAX];
  char dir[PATH_MAX];
  char warning[4096];
  char err[UDB_ERR_BUF];
};

/* ---- messages (userdb_sql.c) ---------------------------------------------- */

/* Records a sentence on the handle and returns status: `return udb_fail(db,
 * KC_UDB_EINVAL, "...")`. */
int udb_fail(struct kc_userdb *db, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Adds a line to the open warnings (kc_userdb_warning()). */
void udb_warn(struct kc_userdb *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
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
