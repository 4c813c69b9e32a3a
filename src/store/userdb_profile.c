/* The user database's per-profile records other than plans: profiles,
 * saved symptom-wizard runs and settings. Every write is one BEGIN
 * IMMEDIATE ... COMMIT with bound values; names are checked by core
 * (kc_profile_name_check) before anything is written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/text.h"
#include "userdb_int.h"

/* ======================================================================
 * Profiles
 *
 * A name is shown as it was typed and compared by its key
 * (kc_profile_name_key: without case), stored beside it in name_key and
 * made by the same fold in SQL (kc_name_key, registered on the
 * connection), so "ROOT" finds "root" and cannot be created beside it.
 * ====================================================================== */

#define PROFILE_COLS "id, name, created_at"
#define LAST_KEY "profile.last"

static void row_profile(sqlite3_stmt *st, void *elem) {
  struct kc_profile *p = elem;
  p->id = sqlite3_column_int64(st, 0);
  udb_copy_col(p->name, sizeof p->name, st, 1);
  p->created_at = sqlite3_column_int64(st, 2);
}

static int check_name(struct kc_userdb *db, const char *name) {
  char why[256];
  if (!kc_profile_name_check(name, why, sizeof why)) return udb_fail(db, KC_UDB_EINVAL, "%s", why);
  return KC_UDB_OK;
}

int kc_userdb_profile_list(struct kc_userdb *db, struct kc_profile **out, int *n) {
  if (!db || !out || !n) return KC_UDB_EINVAL;
  *out = NULL;
  *n = 0;
  const char *doing = "list the profiles";
  sqlite3_stmt *st = NULL;
  void *arr = NULL;
  int rc = udb_prep(db, "SELECT " PROFILE_COLS " FROM profile ORDER BY name", &st, doing);
  if (rc == KC_UDB_OK) rc = udb_collect(db, st, sizeof **out, row_profile, NULL, &arr, n, doing);
  *out = arr;
  return rc;
}

/* Looks a profile up by name (without case) or by id (name NULL). Used
 * inside and outside transactions. */
static int profile_lookup(struct kc_userdb *db, const char *name, int64_t id,
                          struct kc_profile *out) {
  const char *doing = "read the profile";
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db,
                    name ? "SELECT " PROFILE_COLS " FROM profile WHERE name_key = kc_name_key(?1)"
                         : "SELECT " PROFILE_COLS " FROM profile WHERE id = ?1",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    if (name)
      udb_bind_text(st, 1, name);
    else
      sqlite3_bind_int64(st, 1, id);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK && out) row_profile(st, out);
  if (rc == KC_UDB_ENOTFOUND) {
    if (name)
      udb_fail(db, rc, "There is no profile called \"%s\".", name);
    else
      udb_fail(db, rc, "There is no such profile (id %lld).", (long long)id);
  }
  sqlite3_finalize(st);
  return rc;
}

int udb_profile_exists(struct kc_userdb *db, int64_t profile_id) {
  return profile_lookup(db, NULL, profile_id, NULL);
}

int kc_userdb_profile_get(struct kc_userdb *db, const char *name, struct kc_profile *out) {
  if (!db || !name) return KC_UDB_EINVAL;
  return profile_lookup(db, name, 0, out);
}

int kc_userdb_profile_by_id(struct kc_userdb *db, int64_t id, struct kc_profile *out) {
  if (!db) return KC_UDB_EINVAL;
  return profile_lookup(db, NULL, id, out);
}

/* The message for a name whose key is taken: names the profile that has it
 * (which may differ in case). Inside the failed statement's transaction. */
static int name_taken(struct kc_userdb *db, const char *name) {
  struct kc_profile other;
  if (profile_lookup(db, name, 0, &other) == KC_UDB_OK && strcmp(other.name, name) != 0)
    return udb_fail(db, KC_UDB_EEXISTS,
                    "A profile called \"%s\" already exists, and names are compared without "
                    "case: use it, or choose another name.",
                    other.name);
  return udb_fail(db, KC_UDB_EEXISTS, "A profile called \"%s\" already exists.", name);
}

/* Inserts a profile inside an open transaction. */
static int profile_insert(struct kc_userdb *db, const char *name, time_t now,
                          struct kc_profile *out) {
  const char *doing = "create the profile";
  sqlite3_stmt *st = NULL;
  int rc = udb_prep(db,
                    "INSERT INTO profile (name, name_key, created_at) "
                    "VALUES (?1, kc_name_key(?1), ?2)",
                    &st, doing);
  if (rc == KC_UDB_OK) {
    udb_bind_text(st, 1, name);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
    const int step = sqlite3_step(st);
    if (step == SQLITE_CONSTRAINT_UNIQUE)
      rc = name_taken(db, name);
    else if (step != SQLITE_DONE)
      rc = udb_fail_sql(db, step, doing);
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
  if ((rc = udb_begin(db, "create the profile")) != KC_UDB_OK) return rc;
  rc = profile_insert(db, name, now, out);
  return udb_finish(db, rc, "create the profile");
}

int kc_userdb_profile_get_or_create(struct kc_userdb *db, const char *name, time_t now,
                                    struct kc_profile *out) {
  if (!db) return KC_UDB_EINVAL;
  int rc = check_name(db, name);
  if (rc != KC_UDB_OK) return rc;
  /* Most starts find the profile: a plain read, no write lock (and a
   * read-only file still opens). */
  if ((rc = profile_lookup(db, name, 0, out)) != KC_UDB_ENOTFOUND) return rc;
  /* Look again and create under one write lock, so two windows starting at
   * once agree on one profile. */
  if ((rc = udb_begin(db, "create the profile")) != KC_UDB_OK) return rc;
  rc = profile_lookup(db, name, 0, out);
  if (rc == KC_UDB_ENOTFOUND) rc = profile_insert(db, name, now, out);
  return udb_finish(db, rc, "create the profile");
}

int kc_userdb_profile_rename(struct kc_userdb *db, int64_t id, const char *new_name) {
  if (!db) return KC_UDB_EINVAL;
  const char *doing = "rename the profile";
  int rc = check_name(db, new_name);
  if (rc != KC_UDB_OK) return rc;
  if ((rc = udb_begin(db, doing)) != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = udb_prep(db, "UPDATE profile SET name = ?1, name_key = kc_name_key(?1) WHERE id = ?2",
                     &st, doing)) != KC_UDB_OK)
    goto out;
  udb_bind_text(st, 1, new_name);
  sqlite3_bind_int64(st, 2, id);
  const int step = sqlite3_step(st);
  if (step == SQLITE_CONSTRAINT_UNIQUE)
    rc = name_taken(db, new_name);
  else if (step != SQLITE_DONE)
    rc = udb_fail_sql(db, step, doing);
  else if (sqlite3_changes(db->sql) == 0)
    rc = udb_fail(db, KC_UDB_ENOTFOUND, "There is no such profile (id %lld).", (long long)id);
out:
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}

int kc_userdb_profile_delete(struct kc_userdb *db, int64_t id) {
  if (!db) return KC_UDB_EINVAL;
  /* ON DELETE CASCADE (foreign_keys=ON) removes everything the profile
   * holds: plans with their ticks, sessions, scores, checks and timers, its
   * symptom checks and draft, bookmarks, reading, programme and settings. */
  return udb_delete_by_id(db, "DELETE FROM profile WHERE id = ?1", id, "delete the profile",
                          "profile");
}

int kc_userdb_profile_last_get(struct kc_userdb *db, struct kc_profile *out) {
  if (!db || !out) return KC_UDB_EINVAL;
  char v[32];
  long long id = 0;
  if (kc_userdb_setting_get(db, 0, LAST_KEY, v, sizeof v) != KC_UDB_OK ||
      sscanf(v, "%lld", &id) != 1 || id <= 0)
    return udb_fail(db, KC_UDB_ENOTFOUND, "No profile has been chosen yet.");
  /* A deleted profile leaves its id behind: not found, like none. */
  return profile_lookup(db, NULL, (int64_t)id, out);
}

int kc_userdb_profile_last_set(struct kc_userdb *db, int64_t id) {
  if (!db) return KC_UDB_EINVAL;
  char v[32];
  struct kc_profile cur;
  if (kc_userdb_profile_last_get(db, &cur) == KC_UDB_OK && cur.id == id) return KC_UDB_OK;
  int rc = udb_profile_exists(db, id);
  if (rc != KC_UDB_OK) return rc;
  snprintf(v, sizeof v, "%lld", (long long)id);
  return kc_userdb_setting_set(db, 0, LAST_KEY, v);
}

int kc_userdb_profile_closest(struct kc_userdb *db, const char *name, struct kc_profile *out) {
  if (!db || !name || !out) return KC_UDB_EINVAL;
  struct kc_profile *all = NULL;
  int n = 0, best = 3; /* two edits at most: a typo, not another name */
  int rc = kc_userdb_profile_list(db, &all, &n);
  if (rc != KC_UDB_OK) return rc;
  rc = KC_UDB_ENOTFOUND;
  for (int i = 0; i < n; i++) {
    const int d = kc_profile_name_distance(name, all[i].name, best);
    if (d < best) {
      best = d;
      *out = all[i];
      rc = KC_UDB_OK;
    }
  }
  free(all);
  return rc;
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
  if (!setting_key_ok(key)) return udb_fail(db, KC_UDB_EINVAL, "Bad setting name.");
  if (!value || strnlen(value, KC_SETTING_VALUE_MAX + 1) > KC_SETTING_VALUE_MAX ||
      !kc_utf8_valid(value, strlen(value)))
    return udb_fail(db, KC_UDB_EINVAL, "Bad value for setting %s.", key);
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *del = NULL, *ins = NULL;
  /* Delete then insert in one transaction: simpler than an upsert on the
   * two partial unique indexes (per profile, global). */
  if ((rc = udb_prep(db, "DELETE FROM setting WHERE profile_id IS ?1 AND key = ?2", &del, doing)) !=
      KC_UDB_OK)
    goto out;
  bind_owner(del, 1, profile_id);
  udb_bind_text(del, 2, key);
  if ((rc = udb_step_done(db, del, doing)) != KC_UDB_OK) goto out;
  if ((rc = udb_prep(db, "INSERT INTO setting (profile_id, key, value) VALUES (?1, ?2, ?3)", &ins,
                     doing)) != KC_UDB_OK)
    goto out;
  bind_owner(ins, 1, profile_id);
  udb_bind_text(ins, 2, key);
  udb_bind_text(ins, 3, value);
  rc = udb_step_done(db, ins, doing);
out:
  sqlite3_finalize(del);
  sqlite3_finalize(ins);
  return udb_finish(db, rc, doing);
}

int kc_userdb_setting_get(struct kc_userdb *db, int64_t profile_id, const char *key, char *buf,
                          size_t n) {
  if (!db || !buf || n == 0) return KC_UDB_EINVAL;
  buf[0] = '\0';
  if (!setting_key_ok(key)) return udb_fail(db, KC_UDB_EINVAL, "Bad setting name.");
  const char *doing = "read the setting";
  sqlite3_stmt *st = NULL;
  int rc =
      udb_prep(db, "SELECT value FROM setting WHERE profile_id IS ?1 AND key = ?2", &st, doing);
  if (rc == KC_UDB_OK) {
    bind_owner(st, 1, profile_id);
    udb_bind_text(st, 2, key);
    rc = udb_step_row(db, st, doing);
  }
  if (rc == KC_UDB_OK)
    udb_copy_col(buf, n, st, 0);
  else if (rc == KC_UDB_ENOTFOUND)
    udb_fail(db, rc, "Setting %s is not set.", key);
  sqlite3_finalize(st);
  return rc;
}

int kc_userdb_setting_delete(struct kc_userdb *db, int64_t profile_id, const char *key) {
  if (!db) return KC_UDB_EINVAL;
  if (!setting_key_ok(key)) return udb_fail(db, KC_UDB_EINVAL, "Bad setting name.");
  const char *doing = "delete the setting";
  int rc = udb_begin(db, doing);
  if (rc != KC_UDB_OK) return rc;
  sqlite3_stmt *st = NULL;
  if ((rc = udb_prep(db, "DELETE FROM setting WHERE profile_id IS ?1 AND key = ?2", &st, doing)) ==
      KC_UDB_OK) {
    bind_owner(st, 1, profile_id);
    udb_bind_text(st, 2, key);
    rc = udb_step_done(db, st, doing);
  }
  sqlite3_finalize(st);
  return udb_finish(db, rc, doing);
}