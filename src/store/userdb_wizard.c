/* The user database's symptom checks: saved wizard runs (with the most
 * likely cause kept apart for cheap lists, and deletable), and the
 * unfinished check kept per profile as a draft so it survives quitting and
 * a crash. Every write is one BEGIN IMMEDIATE ... COMMIT. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/text.h"
#include "userdb_int.h"

/* ======================================================================
 * Wizard runs
 * ====================================================================== */

int kc_userdb_wizard_save(struct kc_userdb *db, int64_t profile_id, time_t at, const char *answers,
                          enum kc_level level, const char *causes, int64_t *id_out) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "save the symptom check";
  if (!answers) return udb_fail(db, KC_UDB_EINVAL, "The symptom check has no answers.");
  if (strnlen(answers, KC_WIZARD_TEXT_MAX + 1) > KC_WIZARD_TEXT_MAX ||
      (causes && strnlen(causes, KC_WIZARD_TEXT_MAX + 1) > KC_WIZARD_TEXT_MAX))
    return udb_fail(db, KC_UDB_EINVAL, "The symptom check is too long to save.");
  if (level < KC_LEVEL_NONE || level > KC_LEVEL_MAX)
    return udb_fail(db, KC_UDB_EINVAL, "The symptom check's level is not valid.");
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = udb_profile_exists(db, profile_id)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(db,
                     "INSERT INTO wizard_run (profile_id, at, answers, level, causes, top_cause) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, substr(substr(?5, 1, instr(?5 || char(10), "
                     "char(10)) - 1), 1, 1024))",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, profile_id);
  sqlite3_bind_int64(st, 2, (sqlite3_int64)at);
  udb_bind_text(st, 3, answers);
  sqlite3_bind_int(st, 4, (int)level);
  udb_bind_text(st, 5, causes);
  rc = udb_step_done(db, st, doing);
  if (rc == KC_UDB_OK && id_out) *id_out = sqlite3_last_insert_rowid(db->sql);
  /* The finished check replaces the unfinished one, in the same commit. */
  sqlite3_finalize(st);
  st = NULL;
  if (rc == KC_UDB_OK && (rc = udb_prep(db, "DELETE FROM wizard_draft WHERE profile_id = ?1", &st,
                                        doing)) == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    rc = udb_step_done(db, st, doing);
  }
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

static void row_wizard(sqlite3_stmt *st, void *elem) {
  struct kc_wizard_run *r = elem;
  r->id = sqlite3_column_int64(st, 0);
  r->profile_id = sqlite3_column_int64(st, 1);
  r->at = sqlite3_column_int64(st, 2);
  r->level = (enum kc_level)sqlite3_column_int(st, 3);
  r->answers = udb_dup_col(st, 4);
  r->causes = udb_dup_col(st, 5);
}

#define WIZARD_COLS "id, profile_id, at, level, answers, causes"

static void clear_wizard(void *elem) { kc_userdb_wizard_run_clear(elem); }

int kc_userdb_wizard_list(struct kc_userdb *db, int64_t profile_id, int limit,
                          struct kc_wizard_run **out, int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "list the symptom checks";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = udb_prep(db,
                    "SELECT " WIZARD_COLS " FROM wizard_run WHERE profile_id = ?1 "
                    "ORDER BY at DESC, id DESC LIMIT ?2",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1); /* LIMIT -1: no limit */
    rc = udb_collect(db, st, sizeof **out, row_wizard, clear_wizard, &arr, n, doing);
  }
  *out = arr;
  return rc;
}

int kc_userdb_wizard_get(struct kc_userdb *db, int64_t run_id, struct kc_wizard_run *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  const char *doing = "read the symptom check";
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db, "SELECT " WIZARD_COLS " FROM wizard_run WHERE id = ?1", &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, run_id);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK)
    row_wizard(st, out);
  else if (rc == KC_UDB_ENOTFOUND)
    udb_fail(db, rc, "There is no such symptom check (id %lld).", (long long)run_id);
  sqlite3_finalize(st);
  return rc;
}

static void row_summary(sqlite3_stmt *st, void *elem) {
  struct kc_wizard_summary *r = elem;
  r->id = sqlite3_column_int64(st, 0);
  r->at = sqlite3_column_int64(st, 1);
  r->level = (enum kc_level)sqlite3_column_int(st, 2);
  udb_copy_col(r->top, sizeof r->top, st, 3);
}

int kc_userdb_wizard_summaries(struct kc_userdb *db, int64_t profile_id, int limit,
                               struct kc_wizard_summary **out, int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "list the symptom checks";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  /* Served by the covering index wizard_run_list: no table row is read. */
  int rc = udb_prep(
      db,
      "SELECT id, at, level, substr(top_cause, 1, ?3) FROM wizard_run WHERE profile_id = ?1 "
      "ORDER BY at DESC, id DESC LIMIT ?2",
      &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
    sqlite3_bind_int(st, 3, KC_WIZARD_TOP_CHARS);
    rc = udb_collect(db, st, sizeof **out, row_summary, NULL, &arr, n, doing);
  }
  *out = arr;
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

int kc_userdb_wizard_delete(struct kc_userdb *db, int64_t profile_id, int64_t run_id) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "delete the symptom check";
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  /* Only the profile's own: an id typed for another profile is unknown. A
   * plan started from this check keeps its cause and forgets the run
   * (ON DELETE SET NULL). */
  if ((rc = udb_prep(db, "DELETE FROM wizard_run WHERE id = ?1 AND profile_id = ?2", &st, doing)) ==
      KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, run_id);
    sqlite3_bind_int64(st, 2, profile_id);
    rc = udb_step_done(db, st, doing);
    if (rc == KC_UDB_OK && sqlite3_changes(db->sql) == 0)
      rc = udb_fail(db, KC_UDB_ENOTFOUND, "This profile has no symptom check %lld.",
                    (long long)run_id);
  }
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

/* ======================================================================
 * The unfinished check (draft), one per profile
 * ====================================================================== */

/* A question id as the wizard writes them: [a-z0-9_-], at most 64; "" is
 * "not on a question". */
static bool question_id_ok(const char *id) {
  size_t i = 0;
  for (; id[i]; i++)
    if (i >= 64 || !((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') ||
                     id[i] == '-' || id[i] == '_'))
      return false;
  return true;
}

int kc_userdb_draft_save(struct kc_userdb *db, int64_t profile_id, const char *answers,
                         const char *question_id, time_t now) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "keep the unfinished symptom check";
  if (!answers || strnlen(answers, KC_WIZARD_TEXT_MAX + 1) > KC_WIZARD_TEXT_MAX ||
      !kc_utf8_valid(answers, strlen(answers)))
    return udb_fail(db, KC_UDB_EINVAL, "The unfinished check's answers are not valid text.");
  if (!question_id) question_id = "";
  if (!question_id_ok(question_id))
    return udb_fail(db, KC_UDB_EINVAL, "\"%s\" is not a question id.", question_id);
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = udb_profile_exists(db, profile_id)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(db,
                     "INSERT INTO wizard_draft (profile_id, answers, question_id, saved_at) "
                     "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (profile_id) DO UPDATE SET "
                     "answers = excluded.answers, question_id = excluded.question_id, "
                     "saved_at = excluded.saved_at",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  sqlite3_bind_int64(st, 1, profile_id);
  udb_bind_text(st, 2, answers);
  udb_bind_text(st, 3, question_id);
  sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
  rc = udb_step_done(db, st, doing);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_draft_load(struct kc_userdb *db, int64_t profile_id, struct kc_wizard_draft *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  *out = (struct kc_wizard_draft){0};
  const char *doing = "read the unfinished symptom check";
  sqlite3_stmt *st = NULL;
  int rc =
      udb_prep(db, "SELECT answers, question_id, saved_at FROM wizard_draft WHERE profile_id = ?1",
               &st, doing);
  if (rc == KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK) {
    out->answers = udb_dup_col(st, 0);
    udb_copy_col(out->question_id, sizeof out->question_id, st, 1);
    out->saved_at = sqlite3_column_int64(st, 2);
  } else if (rc == KC_UDB_ENOTFOUND) {
    udb_fail(db, rc, "There is no unfinished symptom check.");
  }
  sqlite3_finalize(st);
  return rc;
}

void kc_userdb_draft_clear(struct kc_wizard_draft *d) {
  if (!d) return;
  free(d->answers);
  d->answers = NULL;
}

int kc_userdb_draft_discard(struct kc_userdb *db, int64_t profile_id) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "discard the unfinished symptom check";
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = udb_prep(db, "DELETE FROM wizard_draft WHERE profile_id = ?1", &st, doing)) ==
      KC_UDB_OK) {
    sqlite3_bind_int64(st, 1, profile_id);
    rc = udb_step_done(db, st, doing); /* none to discard is fine */
  }
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}
