/* Loads the wizard definition from the content database -- the level words
 * (triage_level), the warning signs (sign, sign_cause) and the wizard
 * tables -- read with prepared statements into the core engine's
 * add-functions, in the order they refer to each other. Levels
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

#include "content_db.h"
#include "kneecare/mem.h"
#include "kneecare/text.h"

struct loader {
  sqlite3 *db;
  sqlite3_stmt *st;
  struct kc_wz_def *def;
  char *err;
  size_t errlen;
  char *texts[6]; /* sanitised copies for the current row */
};

static const char *raw(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

/* A sanitised copy of t[0..n). Most of the wizard's text is printable
 * ASCII, which the sanitiser keeps as it is: copied directly (loading the
 * wizard is on the path of every 'wizard' command). */
static char *sanitized_text(const char *t, size_t n) {
  size_t i = 0;
  while (i < n && t[i] >= 0x20 && t[i] < 0x7f) i++;
  if (i == n) return kc_xstrndup(t, n);
  char *s = kc_text_sanitize_dup(t, n, 0);
  if (!s) kc_mem_fail();
  return s;
}

/* A sanitised copy of column i (NULL stays NULL; free it). */
static char *sanitized(sqlite3_stmt *st, int i) {
  const char *t = raw(st, i);
  return t ? sanitized_text(t, (size_t)sqlite3_column_bytes(st, i)) : NULL;
}

/* Sanitised copy of column i into slot k (NULL stays NULL). */
static const char *clean(struct loader *L, int k, int i) {
  free(L->texts[k]);
  L->texts[k] = sanitized(L->st, i);
  return L->texts[k];
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

static bool cause_kind(const char *s, enum kc_wz_cause_kind *out) {
  static const char *names[] = {"condition", "danger", "factor"};
  for (int i = 0; s && i < 3; i++)
    if (strcmp(s, names[i]) == 0) {
      *out = (enum kc_wz_cause_kind)i;
      return true;
    }
  return false;
}

/* plan_kind: NULL (none), 'injury' or 'overuse'. */
static bool plan_kind(const char *s, enum kc_wz_plan_kind *out) {
  *out = !s                          ? KC_WZ_PLAN_NONE
         : strcmp(s, "injury") == 0  ? KC_WZ_PLAN_INJURY
         : strcmp(s, "overuse") == 0 ? KC_WZ_PLAN_OVERUSE
                                     : (enum kc_wz_plan_kind) - 1;
  return (int)*out >= 0;
}

static int load_questions(struct loader *L) {
  if (prepare(L, "wizard_question",
              "SELECT id, section, text, kind, ask_if, required, provocation FROM wizard_question "
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
    int required, provocation;
    if (int_col(L, 5, "required", id, NULL, &required) ||
        int_col(L, 6, "provocation", id, NULL, &provocation))
      return -1;
    const char *section = clean(L, 0, 1), *text = clean(L, 1, 2);
    kc_wz_add_question(L->def, id, section, text, k, raw(L->st, 4), required != 0);
    kc_wz_question_set(L->def, id, provocation ? KC_WZ_Q_PROVOCATION : 0);
  }
  return step_done(L, rc, "wizard_question");
}

static int load_options(struct loader *L) {
  if (prepare(L, "wizard_option",
              "SELECT question_id, id, label, level, source, article_id, sign_id, exclusive, gate "
              "FROM wizard_option ORDER BY position, rowid"))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    const char *qid = raw(L->st, 0), *id = raw(L->st, 1);
    int level, exclusive, gate;
    if (int_col(L, 3, "level", qid, id ? id : "?", &level) ||
        int_col(L, 7, "exclusive", qid, id ? id : "?", &exclusive) ||
        int_col(L, 8, "gate", qid, id ? id : "?", &gate))
      return -1;
    const char *label = clean(L, 0, 2), *source = clean(L, 1, 4);
    kc_wz_add_option(L->def, qid, id, label, level, source, raw(L->st, 5));
    kc_wz_option_set(L->def, qid, id, raw(L->st, 6),
                     (exclusive ? KC_WZ_OPT_EXCLUSIVE : 0u) | (gate ? KC_WZ_OPT_GATE : 0u));
  }
  return step_done(L, rc, "wizard_option");
}

static int load_causes(struct loader *L) {
  if (prepare(L, "wizard_cause",
              "SELECT id, title, article_id, min_level, source, kind, action, plan_kind, "
              "graded_return FROM wizard_cause ORDER BY position, rowid"))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    const char *id = raw(L->st, 0);
    int level, graded;
    if (int_col(L, 3, "min_level", id, NULL, &level) ||
        int_col(L, 8, "graded_return", id, NULL, &graded))
      return -1;
    enum kc_wz_cause_kind kind;
    enum kc_wz_plan_kind plan;
    if (!cause_kind(raw(L->st, 5), &kind) || !plan_kind(raw(L->st, 7), &plan)) {
      snprintf(L->err, L->errlen, "cause '%s': unknown kind or plan_kind", id ? id : "?");
      return -1;
    }
    const char *title = clean(L, 0, 1), *source = clean(L, 1, 4), *action = clean(L, 2, 6);
    kc_wz_add_cause(L->def, id, title, raw(L->st, 2), level, source);
    kc_wz_cause_set(L->def, id, kind, action, plan, graded != 0);
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
    kc_wz_add_evidence(L->def, qid, oid, raw(L->st, 2), weight, clean(L, 0, 4));
  }
  return step_done(L, rc, "wizard_evidence");
}

static int load_vetoes(struct loader *L) {
  if (prepare(L, "wizard_veto",
              "SELECT question_id, option_id, cause_id, reason FROM wizard_veto ORDER BY rowid"))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW)
    kc_wz_add_veto(L->def, raw(L->st, 0), raw(L->st, 1), raw(L->st, 2), clean(L, 0, 3));
  return step_done(L, rc, "wizard_veto");
}

static int load_rules(struct loader *L) {
  if (prepare(L, "wizard_rule",
              "SELECT id, level, text, source, min_score, margin, list_score FROM wizard_rule "
              "ORDER BY rowid"))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    const char *id = raw(L->st, 0);
    int level, min_score, margin, list_score;
    if (int_col(L, 1, "level", id, NULL, &level) ||
        int_col(L, 4, "min_score", id, NULL, &min_score) ||
        int_col(L, 5, "margin", id, NULL, &margin) ||
        int_col(L, 6, "list_score", id, NULL, &list_score))
      return -1;
    kc_wz_add_rule(L->def, id, level, clean(L, 0, 2), clean(L, 1, 3), min_score, margin,
                   list_score);
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
    kc_wz_add_read(L->def, level, id);
  }
  return step_done(L, rc, "wizard_read");
}

static int load_levels(struct loader *L) {
  if (prepare(L, "triage_level",
              "SELECT level, name, title, action, source FROM triage_level ORDER BY level"))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    int level;
    if (int_col(L, 0, "level", raw(L->st, 1), NULL, &level)) return -1;
    kc_wz_set_level(L->def, level, raw(L->st, 1), clean(L, 0, 2), clean(L, 1, 3), clean(L, 2, 4));
  }
  return step_done(L, rc, "triage_level");
}

static int load_signs(struct loader *L) {
  if (prepare(L, "sign",
              "SELECT id, level, statement, cause_id, action, recheck, source, positive_if "
              "FROM sign ORDER BY position, rowid"))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    const char *id = raw(L->st, 0);
    int level, recheck;
    if (int_col(L, 1, "level", id, NULL, &level) || int_col(L, 5, "recheck", id, NULL, &recheck))
      return -1;
    struct kc_wz_sign_spec spec = {.id = id,
                                   .statement = clean(L, 0, 2),
                                   .cause_id = raw(L->st, 3),
                                   .action = clean(L, 1, 4),
                                   .source = clean(L, 2, 6),
                                   .positive_if = raw(L->st, 7),
                                   .level = level,
                                   .recheck = recheck != 0};
    kc_wz_add_sign(L->def, &spec);
  }
  if (step_done(L, rc, "sign")) return -1;
  if (prepare(L, "sign_cause", "SELECT sign_id, cause_id FROM sign_cause ORDER BY position, rowid"))
    return -1;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW)
    kc_wz_add_sign_cause(L->def, raw(L->st, 0), raw(L->st, 1));
  return step_done(L, rc, "sign_cause");
}

static int load_pictures(struct loader *L) {
  if (prepare(L, "wizard_picture",
              "SELECT question_id, charset, line FROM wizard_picture ORDER BY question_id, "
              "charset, position, rowid"))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    const char *cs = raw(L->st, 1);
    kc_wz_add_picture_line(L->def, raw(L->st, 0), cs && strcmp(cs, "ascii") == 0, clean(L, 0, 2));
  }
  return step_done(L, rc, "wizard_picture");
}

/* Section titles are optional: without the table, the ids are shown. */
static int load_sections(struct loader *L) {
  sqlite3_finalize(L->st);
  L->st = NULL;
  if (sqlite3_prepare_v2(L->db, "SELECT id, title FROM wizard_section ORDER BY position", -1,
                         &L->st, NULL) != SQLITE_OK)
    return 0;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW)
    kc_wz_add_section(L->def, raw(L->st, 0), clean(L, 0, 1));
  return step_done(L, rc, "wizard_section");
}

static int load_changes(struct loader *L) {
  if (prepare(L, "wizard_change",
              "SELECT question_id, option_id, note FROM wizard_change ORDER BY rowid"))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW)
    kc_wz_add_change(L->def, raw(L->st, 0), raw(L->st, 1), clean(L, 0, 2));
  return step_done(L, rc, "wizard_change");
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
  /* in reference order: signs name causes, options name signs */
  if (load_levels(&L) || load_questions(&L) || load_pictures(&L) || load_causes(&L) ||
      load_signs(&L) || load_options(&L) || load_evidence(&L) || load_vetoes(&L) ||
      load_rules(&L) || load_reads(&L) || load_changes(&L) || load_sections(&L))
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

/* Whether the statement (one ?1 parameter) finds a row for id; the
 * statement is reset for the next call. NULL (a table the database does
 * not have) finds nothing. */
static bool row_exists(sqlite3_stmt *st, const char *id) {
  if (!st) return false;
  bool found = sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT) == SQLITE_OK &&
               sqlite3_step(st) == SQLITE_ROW;
  sqlite3_reset(st);
  return found;
}

/* The look-up of an article id, prepared once for the whole validation
 * (it asks about every cause, option and read). */
struct article_check {
  sqlite3_stmt *article;
};

static void article_check_open(sqlite3 *db, struct article_check *c) {
  *c = (struct article_check){0};
  if (!db) return;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM article WHERE id = ?1", -1, &c->article, NULL) !=
      SQLITE_OK)
    c->article = NULL;
}

static void article_check_close(struct article_check *c) { sqlite3_finalize(c->article); }

static bool article_known(const char *id, void *ctx) {
  struct article_check *c = ctx;
  return id && row_exists(c->article, id);
}

bool kc_wz_article_in_db(const char *id, void *ctx) {
  struct article_check c;
  article_check_open(ctx, &c);
  bool found = article_known(id, &c);
  article_check_close(&c);
  return found;
}

struct kc_wz_def *kc_wz_load_content(struct kc_content *c, char *err, size_t errlen) {
  sqlite3 *db = kc_content_db(c);
  struct kc_wz_def *def = NULL;
  if (kc_wz_load(db, &def, err, errlen) != 0) return NULL;
  char why[512];
  struct article_check check;
  article_check_open(db, &check);
  int rc = kc_wz_def_validate(def, article_known, &check, why, sizeof why);
  article_check_close(&check);
  if (rc != 0) {
    snprintf(err, errlen, "the symptom wizard in this content database is not usable: %s", why);
    kc_wz_def_free(def);
    return NULL;
  }
  return def;
}

struct kc_tag_table *kc_tags_load(struct kc_content *c) {
  sqlite3 *db = kc_content_db(c);
  sqlite3_stmt *st = NULL;
  if (!db || sqlite3_prepare_v2(db, "SELECT level, name, title, action FROM triage_level", -1, &st,
                                NULL) != SQLITE_OK)
    return NULL;
  struct kc_tag_table *t = kc_tag_table_new();
  while (sqlite3_step(st) == SQLITE_ROW) {
    char *title = sanitized(st, 2), *action = sanitized(st, 3);
    kc_tag_table_level(t, sqlite3_column_int(st, 0), (const char *)sqlite3_column_text(st, 1),
                       title, action);
    free(title);
    free(action);
  }
  sqlite3_finalize(st);
  if (sqlite3_prepare_v2(db, "SELECT id, level, statement FROM sign", -1, &st, NULL) == SQLITE_OK)
    while (sqlite3_step(st) == SQLITE_ROW) {
      char *statement = sanitized(st, 2);
      kc_tag_table_sign(t, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
                        statement);
      free(statement);
    }
  sqlite3_finalize(st);
  return t;
}
