/* Reads the return-to-running tables with prepared statements into the
 * core engine's definition and the texts the screens show. Numbers must be
 * stored as integers (a minute count stored as text would read as 0 and
 * shrink a session silently); every row count is bounded, so a hostile
 * content database cannot make the loader grow without limit; every text
 * passes the sanitiser (drawings keep nothing but their one line). */
#include "kneecare/runplan_load.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_db.h"
#include "kneecare/mem.h"
#include "kneecare/text.h"

struct loader {
  sqlite3 *db;
  sqlite3_stmt *st;
  struct kc_rp_content *c;
  char *err;
  size_t errlen;
};

static int fail(struct loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct loader *L, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(L->err, L->errlen, fmt, ap);
  va_end(ap);
  return -1;
}

static int prepare(struct loader *L, const char *sql, const char *id) {
  sqlite3_finalize(L->st);
  L->st = NULL;
  if (sqlite3_prepare_v2(L->db, sql, -1, &L->st, NULL) != SQLITE_OK)
    return fail(L, "cannot read the return-to-running programme: %s", sqlite3_errmsg(L->db));
  if (id) sqlite3_bind_text(L->st, 1, id, -1, SQLITE_TRANSIENT);
  return 0;
}

static int done(struct loader *L, int rc, const char *table) {
  if (rc == SQLITE_DONE) return 0;
  return fail(L, "cannot read %s: %s", table, sqlite3_errmsg(L->db));
}

/* Sanitised, bounded copy of column i; "" for NULL. */
static char *text(struct loader *L, int i) {
  const char *t = (const char *)sqlite3_column_text(L->st, i);
  size_t n = t ? (size_t)sqlite3_column_bytes(L->st, i) : 0;
  if (n > KC_RP_TEXT_MAX) n = KC_RP_TEXT_MAX;
  char *s = kc_text_sanitize_dup(t ? t : "", n, 0);
  if (!s) kc_mem_fail();
  return s;
}

/* Integer column i of the current row, refusing other types. */
static int num(struct loader *L, int i, const char *what, const char *row, int *out) {
  if (sqlite3_column_type(L->st, i) != SQLITE_INTEGER)
    return fail(L, "%s: %s is not an integer", row, what);
  const sqlite3_int64 v = sqlite3_column_int64(L->st, i);
  *out = v < -1000000 ? -1000000 : v > 1000000 ? 1000000 : (int)v;
  return 0;
}

/* An id: the raw bytes (ids are compared, never shown unsanitised) within
 * bounds and free of control characters. */
static int id_col(struct loader *L, int i, char *buf, size_t n, const char *what) {
  const char *t = (const char *)sqlite3_column_text(L->st, i);
  if (!t || !t[0] || strlen(t) >= n) return fail(L, "%s: missing or too long", what);
  for (const char *p = t; *p; p++)
    if ((unsigned char)*p < 0x21 || (unsigned char)*p > 0x7E)
      return fail(L, "%s: not a plain id (printable ASCII without spaces)", what);
  snprintf(buf, n, "%s", t);
  return 0;
}

static int load_programme(struct loader *L, const char *id) {
  if (prepare(L,
              id ? "SELECT id, title, summary, sessions_per_week, rest_days, warmup_min, surface, "
                   "pace, article_id, source FROM run_programme WHERE id = ?1"
                 : "SELECT id, title, summary, sessions_per_week, rest_days, warmup_min, surface, "
                   "pace, article_id, source FROM run_programme ORDER BY id LIMIT 1",
              id))
    return -1;
  const int rc = sqlite3_step(L->st);
  if (rc == SQLITE_DONE) return fail(L, "no return-to-running programme '%s'", id ? id : "");
  if (rc != SQLITE_ROW) return done(L, rc, "run_programme");
  struct kc_rp_content *c = L->c;
  char pid[KC_RP_ID_MAX];
  if (id_col(L, 0, pid, sizeof pid, "programme id")) return -1;
  c->id = kc_xstrdup(pid);
  if (num(L, 3, "sessions_per_week", pid, &c->def.sessions_per_week) ||
      num(L, 4, "rest_days", pid, &c->def.rest_days) ||
      num(L, 5, "warmup_min", pid, &c->def.warmup_min))
    return -1;
  c->title = text(L, 1);
  c->summary = text(L, 2);
  c->surface = text(L, 6);
  c->pace = text(L, 7);
  c->article_id = text(L, 8);
  c->source = text(L, 9);
  return 0;
}

static int load_stages(struct loader *L) {
  if (prepare(L,
              "SELECT position, run_min, walk_min, repeats, source FROM run_stage "
              "WHERE programme_id = ?1 ORDER BY position",
              L->c->id))
    return -1;
  int rc, expect = 1;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    struct kc_rp_def *d = &L->c->def;
    int pos = 0;
    if (d->n_stages >= KC_RP_MAX_STAGES) return fail(L, "more than %d steps", KC_RP_MAX_STAGES);
    struct kc_rp_stage *s = &d->stage[d->n_stages];
    if (num(L, 0, "position", "step", &pos) || num(L, 1, "run_min", "step", &s->run_min) ||
        num(L, 2, "walk_min", "step", &s->walk_min) || num(L, 3, "repeats", "step", &s->repeats))
      return -1;
    if (pos != expect++) return fail(L, "step %d: positions must run 1, 2, 3... without gaps", pos);
    L->c->stage_source[d->n_stages++] = text(L, 4);
  }
  return done(L, rc, "run_stage");
}

static int load_rule(struct loader *L) {
  if (prepare(L,
              "SELECT during_max, good_to_progress, bad_to_step_back, gap_days, stall_days, text, "
              "source FROM run_rule WHERE programme_id = ?1",
              L->c->id))
    return -1;
  const int rc = sqlite3_step(L->st);
  if (rc == SQLITE_DONE) return fail(L, "the programme has no pain rule (run_rule)");
  if (rc != SQLITE_ROW) return done(L, rc, "run_rule");
  struct kc_rp_rule *r = &L->c->def.rule;
  if (num(L, 0, "during_max", "pain rule", &r->during_max) ||
      num(L, 1, "good_to_progress", "pain rule", &r->good_to_progress) ||
      num(L, 2, "bad_to_step_back", "pain rule", &r->bad_to_step_back) ||
      num(L, 3, "gap_days", "pain rule", &r->gap_days) ||
      num(L, 4, "stall_days", "pain rule", &r->stall_days))
    return -1;
  L->c->rule_text = text(L, 5);
  L->c->rule_source = text(L, 6);
  return 0;
}

/* Causes with their wizard level: a listed cause the wizard does not know
 * is an error (LEFT JOIN, so it is seen rather than silently dropped). */
static int load_causes(struct loader *L) {
  if (prepare(L,
              "SELECT r.cause_id, w.min_level, r.source, w.id IS NULL FROM run_cause r "
              "LEFT JOIN wizard_cause w ON w.id = r.cause_id WHERE r.programme_id = ?1 "
              "ORDER BY r.position, r.cause_id",
              L->c->id))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    struct kc_rp_def *d = &L->c->def;
    if (d->n_causes >= KC_RP_MAX_CAUSES) return fail(L, "more than %d causes", KC_RP_MAX_CAUSES);
    struct kc_rp_cause *k = &d->cause[d->n_causes];
    int level = 0;
    if (id_col(L, 0, k->id, sizeof k->id, "cause")) return -1;
    if (sqlite3_column_int(L->st, 3)) return fail(L, "cause '%s' is not a wizard cause", k->id);
    if (num(L, 1, "min_level", k->id, &level)) return -1;
    k->min_level = (enum kc_level)level;
    L->c->cause_source[d->n_causes++] = text(L, 2);
  }
  return done(L, rc, "run_cause");
}

static int load_checks(struct loader *L) {
  if (prepare(L, "SELECT sign_id FROM run_check WHERE programme_id = ?1 ORDER BY position, sign_id",
              L->c->id))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    char sid[KC_RP_ID_MAX];
    if (L->c->n_checks >= KC_RP_MAX_CHECKS)
      return fail(L, "more than %d signs in the safety check", KC_RP_MAX_CHECKS);
    if (id_col(L, 0, sid, sizeof sid, "sign")) return -1;
    L->c->check[L->c->n_checks++] = kc_xstrdup(sid);
  }
  return done(L, rc, "run_check");
}

/* One exercise row; steps and drawing rows come after all rows are read. */
static int exercise_row(struct loader *L, struct kc_rp_exercise *e) {
  char eid[KC_RP_ID_MAX];
  if (id_col(L, 0, eid, sizeof eid, "exercise")) return -1;
  e->id = kc_xstrdup(eid);
  int side = 0;
  struct kc_ex_limits *d = &e->dose;
  if (num(L, 2, "level", eid, &e->level) || num(L, 4, "sets_min", eid, &d->sets_min) ||
      num(L, 5, "sets_max", eid, &d->sets_max) || num(L, 6, "reps_min", eid, &d->reps_min) ||
      num(L, 7, "reps_max", eid, &d->reps_max) || num(L, 8, "hold_min", eid, &d->hold_min) ||
      num(L, 9, "hold_max", eid, &d->hold_max) || num(L, 10, "per_side", eid, &side))
    return -1;
  e->per_side = side != 0;
  e->name = text(L, 1);
  e->article_id = text(L, 3);
  e->easier = text(L, 11);
  e->harder = text(L, 12);
  e->source = text(L, 13);
  return 0;
}

static int load_exercise_rows(struct loader *L) {
  if (prepare(L,
              "SELECT id, name, level, article_id, sets_min, sets_max, reps_min, reps_max, "
              "hold_min, hold_max, per_side, easier, harder, source FROM run_exercise "
              "ORDER BY position, id",
              NULL))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    if (L->c->n_ex >= KC_RP_MAX_EXERCISES)
      return fail(L, "more than %d exercises", KC_RP_MAX_EXERCISES);
    if (exercise_row(L, &L->c->ex[L->c->n_ex++])) return -1;
  }
  return done(L, rc, "run_exercise");
}

/* Steps (2-4) and drawing rows (1-8 of each charset), in order, with
 * positions and rows numbered 1, 2, 3... so a missing one is seen. */
static int load_exercise_parts(struct loader *L, struct kc_rp_exercise *e) {
  if (prepare(L,
              "SELECT position, text FROM run_exercise_step WHERE exercise_id = ?1 "
              "ORDER BY position",
              e->id))
    return -1;
  int rc;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    int pos = 0;
    if (num(L, 0, "position", e->id, &pos)) return -1;
    if (e->n_steps >= KC_EX_STEPS_MAX || pos != e->n_steps + 1)
      return fail(L, "exercise '%s': steps must be numbered 1..%d", e->id, KC_EX_STEPS_MAX);
    e->steps[e->n_steps++] = text(L, 1);
  }
  if (done(L, rc, "run_exercise_step")) return -1;
  if (prepare(L,
              "SELECT charset, row, text FROM run_exercise_art WHERE exercise_id = ?1 "
              "ORDER BY charset, row",
              e->id))
    return -1;
  while ((rc = sqlite3_step(L->st)) == SQLITE_ROW) {
    const char *cs = (const char *)sqlite3_column_text(L->st, 0);
    const bool box = cs && strcmp(cs, "box") == 0;
    int row = 0, *n = box ? &e->n_art : &e->n_ascii;
    char **rows = box ? e->art : e->ascii;
    if (!box && !(cs && strcmp(cs, "ascii") == 0))
      return fail(L, "exercise '%s': a drawing is 'box' or 'ascii'", e->id);
    if (num(L, 1, "row", e->id, &row)) return -1;
    if (*n >= KC_ART_ROWS || row != *n + 1)
      return fail(L, "exercise '%s': %s drawing rows must be numbered 1..%d", e->id, cs,
                  KC_ART_ROWS);
    rows[(*n)++] = text(L, 2);
  }
  return done(L, rc, "run_exercise_art");
}

static int rp_load_exercises(struct loader *L) {
  if (load_exercise_rows(L)) return -1;
  for (int i = 0; i < L->c->n_ex; i++)
    if (load_exercise_parts(L, &L->c->ex[i])) return -1;
  return 0;
}

int kc_rp_load(sqlite3 *db, const char *id, struct kc_rp_content **out, char *err, size_t errlen) {
  char dummy[1];
  if (!err || errlen == 0) {
    err = dummy;
    errlen = sizeof dummy;
  }
  err[0] = '\0';
  if (!out) return -1;
  *out = NULL;
  struct loader L = {.db = db, .err = err, .errlen = errlen};
  if (!db) return fail(&L, "no content database");
  L.c = kc_xcalloc(1, sizeof *L.c);
  const int rc = load_programme(&L, id) || load_stages(&L) || load_rule(&L) || load_causes(&L) ||
                         load_checks(&L) || rp_load_exercises(&L)
                     ? -1
                     : 0;
  sqlite3_finalize(L.st);
  if (rc != 0) {
    kc_rp_content_free(L.c);
    return -1;
  }
  *out = L.c;
  return 0;
}

static void exercise_free(struct kc_rp_exercise *e) {
  free(e->id);
  free(e->name);
  free(e->article_id);
  free(e->easier);
  free(e->harder);
  free(e->source);
  for (int i = 0; i < e->n_steps; i++) free(e->steps[i]);
  for (int i = 0; i < e->n_art; i++) free(e->art[i]);
  for (int i = 0; i < e->n_ascii; i++) free(e->ascii[i]);
}

void kc_rp_content_free(struct kc_rp_content *c) {
  if (!c) return;
  free(c->id);
  free(c->title);
  free(c->summary);
  free(c->surface);
  free(c->pace);
  free(c->article_id);
  free(c->source);
  free(c->rule_text);
  free(c->rule_source);
  for (int i = 0; i < c->def.n_stages; i++) free(c->stage_source[i]);
  for (int i = 0; i < c->def.n_causes; i++) free(c->cause_source[i]);
  for (int i = 0; i < c->n_checks; i++) free(c->check[i]);
  for (int i = 0; i < c->n_ex; i++) exercise_free(&c->ex[i]);
  free(c);
}

const struct kc_rp_exercise *kc_rp_find_exercise(const struct kc_rp_content *c, const char *id) {
  for (int i = 0; c && id && i < c->n_ex; i++)
    if (strcmp(c->ex[i].id, id) == 0) return &c->ex[i];
  return NULL;
}

int kc_rp_load_content(struct kc_content *content, const char *id, struct kc_rp_content **out,
                       char *err, size_t errlen) {
  sqlite3 *db = kc_content_db(content);
  if (!db) {
    if (out) *out = NULL;
    if (err && errlen) snprintf(err, errlen, "the content database is not open");
    return -1;
  }
  return kc_rp_load(db, id, out, err, errlen);
}
