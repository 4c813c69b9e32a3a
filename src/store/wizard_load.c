/* Loads the wizard definition from the content database: six tables read
 * with prepared statements into the core engine's add-functions. Levels
 * must be stored as integers (a level stored as text would otherwise read
 * as 0 and silently switch a red flag off). Text shown to people passes
 * through the sanitiser, as everything else read from a content database
 * does; ids and conditions are left as they are for kc_wz_def_validate()
 * to judge. */
#include "kneecare/wizard_load.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/text.h"

struct loader {
  sqlite3 *db;
  sqlite3_stmt *st;
  struct kc_wz_def *def;
  char *err;
  size_t errlen;
  char *texts[5]; /* sanitised copies for the current row */
};

static const char *raw(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

/* Sanitised copy of column i into slot k (NULL stays NULL). */
static const char *clean(struct loader *L, int k, int i) {
  free(L->texts[k]);
  L->texts[k] = NULL;
  const char *t = raw(L->st, i);
  if (!t) return NULL;
  L->texts[k] = kc_text_sanitize_dup(t, (size_t)sqlite3_column_bytes(L->st, i), 0);
  return L->texts[k];
}

static bool clean_failed(struct loader *L, int k, int i) {
  return sqlite3_column_type(L->st, i) != SQLITE_NULL && !L->texts[k];
}

static int prepare(struct loader *L, const char *table, const char *sql) {
  sqlite3_finalize(L->st);
  L->st = NULL;
  if (sqlite3_prepare_v2(L->db, sql, -1, &L->st, NULL) != SQLITE_OK) {
    snprintf(L->err, L->errlen, "cannot read the wizard (%s): %s", table, sqlite3_errmsg(L->db));
    return -1;
  }
  return 0;
}

/* Integer column, refusing other types. */
static int int_col(struct loader *L, int i, const char *what, const char *a, const char *b,
                   int *out) {
  if (sqlite3_column_type(L->st, i) != SQLITE_INTEGER) {
    snprintf(L->err, L->errlen, "%s '%s'%s%s%s: %s is not an integer", b ? "question" : "row",
             a ? a : "?", b ? " option '" : "", b ? b : "", b ? "'" : "", what);
    return -1;
  }
  sqlite3_int64 v = sqlite3_column_int64(L->st, i);
  *out = v < -1000000 ? -1000000 : v > 1000000 ? 1000000 : (int)v;
  return 0;
}

static int step_done(struct loader *L, int rc, const char *table) {
  if (rc != SQLITE_DONE) {
    snprintf(L->err, L->errlen, "cannot read the wizard (%s): %s", table, sqlite3_errmsg(L->db));
    return -1;
  }
  return 0;
}

static int oom(struct loader *L) {
  snprintf(L->err, L->errlen, "out of memory while loading the wizard");
  return -1;
}

static int load_questions(struct loader *L) {
  if (prepare(L, "wizard_question",
              "SELECT id, section, text, kind, ask_if, required FROM wizard_question "
              "ORDER BY position, rowid"))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    const char *id = raw(L->st, 0), *kind = raw(L->st, 3);
    enum kc_wz_kind k;
    if (kind && strcmp(kind, "one") == 0)
      k = KC_WZ_ONE;
    else if (kind && strcmp(kind, "many") == 0)
      k = KC_WZ_MANY;
    else {
      snprintf(L->err, L->errlen, "question '%s': kind must be 'one' or 'many'", id ? id : "?");
      return -1;
    }
    int required;
    if (int_col(L, 5, "required", id, NULL, &required)) return -1;
    const char *section = clean(L, 0, 1), *text = clean(L, 1, 2);
    if (clean_failed(L, 0, 1) || clean_failed(L, 1, 2)) return oom(L);
    if (kc_wz_add_question(L->def, id, section, text, k, raw(L->st, 4), required != 0))
      return oom(L);
  }
  return step_done(L, rc, "wizard_question");
}

static int load_options(struct loader *L) {
  if (prepare(L, "wizard_option",
              "SELECT question_id, id, label, level, source, article_id FROM wizard_option "
              "ORDER BY position, rowid"))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    const char *qid = raw(L->st, 0), *id = raw(L->st, 1);
    int level;
    if (int_col(L, 3, "level", qid, id ? id : "?", &level)) return -1;
    const char *label = clean(L, 0, 2), *source = clean(L, 1, 4);
    if (clean_failed(L, 0, 2) || clean_failed(L, 1, 4)) return oom(L);
    if (kc_wz_add_option(L->def, qid, id, label, level, source, raw(L->st, 5))) return oom(L);
  }
  return step_done(L, rc, "wizard_option");
}

static int load_causes(struct loader *L) {
  if (prepare(L, "wizard_cause",
              "SELECT id, title, article_id, min_level, source FROM wizard_cause "
              "ORDER BY position, rowid"))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    const char *id = raw(L->st, 0);
    int level;
    if (int_col(L, 3, "min_level", id, NULL, &level)) return -1;
    const char *title = clean(L, 0, 1), *source = clean(L, 1, 4);
    if (clean_failed(L, 0, 1) || clean_failed(L, 1, 4)) return oom(L);
    if (kc_wz_add_cause(L->def, id, title, raw(L->st, 2), level, source)) return oom(L);
  }
  return step_done(L, rc, "wizard_cause");
}

static int load_evidence(struct loader *L) {
  if (prepare(L, "wizard_evidence",
              "SELECT question_id, option_id, cause_id, weight, reason FROM wizard_evidence "
              "ORDER BY rowid"))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    const char *qid = raw(L->st, 0), *oid = raw(L->st, 1);
    int weight;
    if (int_col(L, 3, "weight", qid, oid ? oid : "?", &weight)) return -1;
    const char *reason = clean(L, 0, 4);
    if (clean_failed(L, 0, 4)) return oom(L);
    if (kc_wz_add_evidence(L->def, qid, oid, raw(L->st, 2), weight, reason)) return oom(L);
  }
  return step_done(L, rc, "wizard_evidence");
}

static int load_rules(struct loader *L) {
  if (prepare(L, "wizard_rule", "SELECT id, level, text, source FROM wizard_rule ORDER BY rowid"))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    const char *id = raw(L->st, 0);
    int level;
    if (int_col(L, 1, "level", id, NULL, &level)) return -1;
    const char *text = clean(L, 0, 2), *source = clean(L, 1, 3);
    if (clean_failed(L, 0, 2) || clean_failed(L, 1, 3)) return oom(L);
    if (kc_wz_add_rule(L->def, id, level, text, source)) return oom(L);
  }
  return step_done(L, rc, "wizard_rule");
}

static int load_reads(struct loader *L) {
  if (prepare(L, "wizard_read",
              "SELECT level, article_id FROM wizard_read ORDER BY level, position, rowid"))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    const char *id = raw(L->st, 1);
    int level;
    if (int_col(L, 0, "level", id, NULL, &level)) return -1;
    if (kc_wz_add_read(L->def, level, id)) return oom(L);
  }
  return step_done(L, rc, "wizard_read");
}

int kc_wz_load(sqlite3 *db, struct kc_wz_def **out, char *err, size_t errlen) {
  char dummy[1];
  if (!err || errlen == 0) {
    err = dummy;
    errlen = sizeof dummy;
  }
  err[0] = '\0';
  if (!out) return -1;
  *out = NULL;
  if (!db) {
    snprintf(err, errlen, "no content database");
    return -1;
  }
  struct loader L = {.db = db, .err = err, .errlen = errlen};
  L.def = kc_wz_def_new();
  int rc = -1;
  if (!L.def) {
    oom(&L);
    goto out;
  }
  if (load_questions(&L) || load_options(&L) || load_causes(&L) || load_evidence(&L) ||
      load_rules(&L) || load_reads(&L))
    goto out;
  *out = L.def;
  L.def = NULL;
  rc = 0;
out:
  sqlite3_finalize(L.st);
  for (size_t i = 0; i < sizeof L.texts / sizeof L.texts[0]; i++) free(L.texts[i]);
  kc_wz_def_free(L.def);
  return rc;
}

bool kc_wz_article_in_db(const char *id, void *ctx) {
  sqlite3 *db = ctx;
  sqlite3_stmt *st = NULL;
  bool found = false;
  if (!db || !id) return false;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM article WHERE id = ?1", -1, &st, NULL) == SQLITE_OK &&
      sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT) == SQLITE_OK)
    found = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  return found;
}
