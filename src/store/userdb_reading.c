/* The user database's reading records, per profile: bookmarked articles,
 * and the articles read with how far (thousandths of the article, so the
 * position survives another terminal width) for "recently read" and
 * "continue where I left off". One row per article at most, so the tables
 * are bounded by the content, not by the years; lists are newest first with
 * a limit, served by an index. Article ids are checked by core
 * (kc_article_id_valid) and again by the SQL CHECKs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/article.h"
#include "userdb_int.h"

static int check_article(struct kc_userdb *db, const char *id) {
  if (id && kc_article_id_valid(id)) return KC_UDB_OK;
  return udb_fail(db, KC_UDB_EINVAL, "\"%s\" is not an article id.", id ? id : "");
}

/* One write of (profile, article[, int, now]) in its own transaction. */
static int article_write(struct kc_userdb *db, const char *sql, int64_t profile_id,
                         const char *article_id, int value, time_t now, const char *doing) {
  int rc = check_article(db, article_id);
  if (rc != KC_UDB_OK) return rc;
  if ((rc = udb_begin(db, doing)) != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = udb_profile_exists(db, profile_id)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(db, sql, &st, doing)) != KC_UDB_OK) goto out;
  sqlite3_bind_int64(st, 1, profile_id);
  udb_bind_text(st, 2, article_id);
  /* Statements without ?3/?4 ignore these binds (SQLITE_RANGE). */
  sqlite3_bind_int(st, 3, value);
  sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
  rc = udb_step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

/* ---- bookmarks ------------------------------------------------------------------- */

int kc_userdb_bookmark_add(struct kc_userdb *db, int64_t profile_id, const char *article_id,
                           time_t now) {
  if (!db) return KC_UDB_EINVAL;
  /* Bookmarking twice keeps the first time. */
  return article_write(db,
                       "INSERT INTO bookmark (profile_id, article_id, created_at) "
                       "VALUES (?1, ?2, ?4) ON CONFLICT DO NOTHING",
                       profile_id, article_id, 0, now, "save the bookmark");
}

int kc_userdb_bookmark_remove(struct kc_userdb *db, int64_t profile_id, const char *article_id) {
  if (!db) return KC_UDB_EINVAL;
  return article_write(db, "DELETE FROM bookmark WHERE profile_id = ?1 AND article_id = ?2",
                       profile_id, article_id, 0, 0, "remove the bookmark");
}

static void row_bookmark(sqlite3_stmt *st, void *elem) {
  struct kc_bookmark *b = elem;
  udb_copy_col(b->article_id, sizeof b->article_id, st, 0);
  b->created_at = sqlite3_column_int64(st, 1);
}

int kc_userdb_bookmark_list(struct kc_userdb *db, int64_t profile_id, struct kc_bookmark **out,
                            int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "list the bookmarks";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = udb_prep(db,
                    "SELECT article_id, created_at FROM bookmark WHERE profile_id = ?1 "
                    "ORDER BY created_at DESC, article_id",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    rc = udb_collect(db, st, sizeof **out, row_bookmark, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

int kc_userdb_bookmark_has(struct kc_userdb *db, int64_t profile_id, const char *article_id,
                           bool *yes) {
  if (!db || !yes) return KC_UDB_EINVAL;
  *yes = false;
  int rc = check_article(db, article_id);
  if (rc != KC_UDB_OK) return rc;
  const char *doing = "read the bookmarks";
  sqlite3_stmt *st = NULL;
  rc = udb_prep(db, "SELECT 1 FROM bookmark WHERE profile_id = ?1 AND article_id = ?2", &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    udb_bind_text(st, 2, article_id);
    rc = udb_step_row(db, st, doing);
    *yes = rc == KC_UDB_OK;
    if (rc == KC_UDB_ENOTFOUND) rc = KC_UDB_OK;
  }
  sqlite3_finalize(st);
  return rc;
}

/* ---- reading ------------------------------------------------------------------------ */

int kc_userdb_reading_set(struct kc_userdb *db, int64_t profile_id, const char *article_id,
                          int position, time_t now) {
  if (!db) return KC_UDB_EINVAL;
  if (position < 0 || position > KC_READING_END)
    return udb_fail(db, KC_UDB_EINVAL, "A reading position is 0 to %d (%d given).", KC_READING_END,
                    position);
  return article_write(db,
                       "INSERT INTO reading (profile_id, article_id, position, read_at) "
                       "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (profile_id, article_id) DO UPDATE "
                       "SET position = excluded.position, read_at = excluded.read_at",
                       profile_id, article_id, position, now, "remember where you are reading");
}

static void row_reading(sqlite3_stmt *st, void *elem) {
  struct kc_reading *r = elem;
  udb_copy_col(r->article_id, sizeof r->article_id, st, 0);
  r->position = sqlite3_column_int(st, 1);
  r->read_at = sqlite3_column_int64(st, 2);
}

int kc_userdb_reading_get(struct kc_userdb *db, int64_t profile_id, const char *article_id,
                          struct kc_reading *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  int rc = check_article(db, article_id);
  if (rc != KC_UDB_OK) return rc;
  const char *doing = "read where you were reading";
  sqlite3_stmt *st = NULL;
  rc = udb_prep(db,
                "SELECT article_id, position, read_at FROM reading "
                "WHERE profile_id = ?1 AND article_id = ?2",
                &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    udb_bind_text(st, 2, article_id);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK)
    row_reading(st, out);
  else if (rc == KC_UDB_ENOTFOUND)
    udb_fail(db, rc, "The article %s has not been read yet.", article_id);
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_reading_recent(struct kc_userdb *db, int64_t profile_id, int limit,
                             struct kc_reading **out, int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "list what was read";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = udb_prep(db,
                    "SELECT article_id, position, read_at FROM reading WHERE profile_id = ?1 "
                    "ORDER BY read_at DESC, article_id LIMIT ?2",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
    rc = udb_collect(db, st, sizeof **out, row_reading, NULL, &arr, n, doing);
  }
  *out = arr;
  return rc;
}
