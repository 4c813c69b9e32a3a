/* Read-only access to the content database. All SQL for topics, articles
 * and search lives here; every text column passes through the sanitiser so
 * a hostile database cannot put escape sequences on the user's terminal. */
#include "kneecare/content.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content_db.h"
#include "kneecare/query.h"
#include "kneecare/text.h"

struct kc_content {
  sqlite3 *db;
};

/* A foreign article longer than this is refused: our longest is a few KB,
 * and search snippets over megabytes of text stall the screen. */
#define KC_ARTICLE_MAX_BYTES (256 * 1024)

static char *col_text(sqlite3_stmt *st, int i) {
  const char *t = (const char *)sqlite3_column_text(st, i);
  int n = sqlite3_column_bytes(st, i);
  return kc_text_sanitize_dup(t ? t : "", t ? (size_t)n : 0, 0);
}

static char *col_text_lines(sqlite3_stmt *st, int i) {
  const char *t = (const char *)sqlite3_column_text(st, i);
  int n = sqlite3_column_bytes(st, i);
  return kc_text_sanitize_dup(t ? t : "", t ? (size_t)n : 0, 1);
}

/* Checks that the database is one of ours, with the tables and columns we
 * query, so a foreign file gets one clear message instead of odd errors. */
static int check_schema(sqlite3 *db, char *err, size_t errlen) {
  static const char *probes[] = {
      "SELECT value FROM meta WHERE key = 'format' AND value = 'kneecare-content'",
      "SELECT 1 WHERE (SELECT value FROM meta WHERE key = 'format_version') = '1'",
      "SELECT id, position, title, summary FROM topic LIMIT 0",
      "SELECT id, topic_id, position, title, summary, body, plain FROM article LIMIT 0",
      "SELECT article_id, related_id, position FROM article_related LIMIT 0",
      "SELECT article_id, position, text FROM article_source LIMIT 0",
      "SELECT rowid FROM article_fts WHERE article_fts MATCH '\"knee\"' LIMIT 0",
  };
  for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, probes[i], -1, &st, NULL);
    int ok = rc == SQLITE_OK;
    if (ok) {
      rc = sqlite3_step(st);
      ok =
          i <= 1 ? rc == SQLITE_ROW : (rc == SQLITE_DONE || rc == SQLITE_ROW); /* 0, 1 must match */
    }
    sqlite3_finalize(st);
    if (!ok) {
      snprintf(err, errlen, "not a kneecare content database (%s)",
               i == 0   ? "no kneecare format marker"
               : i == 1 ? "a format this version of kneecare does not know"
                        : "missing or different tables");
      return -1;
    }
  }
  sqlite3_stmt *st = NULL;
  int too_big = 0;
  if (sqlite3_prepare_v2(
          db,
          "SELECT 1 FROM article WHERE length(CAST(body AS BLOB)) > ?1 "
          "OR length(CAST(title AS BLOB)) > 4096 OR length(CAST(summary AS BLOB)) > 4096 LIMIT 1",
          -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_int(st, 1, KC_ARTICLE_MAX_BYTES);
    too_big = sqlite3_step(st) == SQLITE_ROW;
  }
  sqlite3_finalize(st);
  if (too_big) {
    snprintf(err, errlen, "not usable: an article is larger than this guide accepts (256 KB)");
    return -1;
  }
  return 0;
}

static int harden(sqlite3 *db) {
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 16 * 1024 * 1024);
  /* A small page cache: the content is small and memory is a target. */
  return sqlite3_exec(db, "PRAGMA query_only = 1; PRAGMA cache_size = -256", NULL, NULL, NULL);
}

static int finish_open(sqlite3 *db, int trusted, struct kc_content **out, char *err,
                       size_t errlen) {
  /* The built-in image was validated by the packer; only a file given with
   * --content needs its schema checked. */
  if (harden(db) != SQLITE_OK || (!trusted && check_schema(db, err, errlen) != 0)) {
    if (!err[0]) snprintf(err, errlen, "cannot read content: %s", sqlite3_errmsg(db));
    sqlite3_close(db);
    return -1;
  }
  struct kc_content *c = calloc(1, sizeof *c);
  if (!c) {
    sqlite3_close(db);
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  c->db = db;
  *out = c;
  return 0;
}

int kc_content_open_image(const unsigned char *data, size_t len, struct kc_content **out, char *err,
                          size_t errlen) {
  sqlite3 *db = NULL;
  err[0] = '\0';
  if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
    snprintf(err, errlen, "cannot open content: %s", db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return -1;
  }
  /* READONLY: SQLite reads the image in place and never writes to it. */
  int rc = sqlite3_deserialize(db, "main", (unsigned char *)data, (sqlite3_int64)len,
                               (sqlite3_int64)len, SQLITE_DESERIALIZE_READONLY);
  if (rc != SQLITE_OK) {
    snprintf(err, errlen, "cannot load built-in content: %s", sqlite3_errmsg(db));
    sqlite3_close(db);
    return -1;
  }
  return finish_open(db, 1, out, err, errlen);
}

/* "file:" URI of an existing path, every byte outside a safe set
 * percent-encoded (so '?', '#' and '%' in a name cannot add parameters). */
static char *file_uri(const char *path) {
  char *abs = realpath(path, NULL);
  if (!abs) return NULL;
  size_t n = strlen(abs);
  char *uri = malloc(5 + n * 3 + sizeof "?immutable=1");
  if (uri) {
    char *o = uri + sprintf(uri, "file:");
    for (const unsigned char *p = (const unsigned char *)abs; *p; p++) {
      if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
          strchr("/._-~", *p))
        *o++ = (char)*p;
      else
        o += sprintf(o, "%%%02X", *p);
    }
    strcpy(o, "?immutable=1");
  }
  free(abs);
  return uri;
}

int kc_content_open_file(const char *path, struct kc_content **out, char *err, size_t errlen) {
  sqlite3 *db = NULL;
  err[0] = '\0';
  struct stat st;
  if (stat(path, &st) != 0) {
    snprintf(err, errlen, "cannot open content database '%s': %s", path, strerror(errno));
    return -1;
  }
  if (!S_ISREG(st.st_mode)) {
    snprintf(err, errlen, "cannot open content database '%s': not a regular file", path);
    return -1;
  }
  /* immutable=1: SQLite never locks the file, never creates -wal, -shm or
   * journal files beside it, ignores any it finds, and cannot write. */
  char *uri = file_uri(path);
  int rc =
      uri ? sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) : SQLITE_NOMEM;
  free(uri);
  if (rc != SQLITE_OK) {
    snprintf(err, errlen, "cannot open content database '%s': %s", path,
             db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return -1;
  }
  if (finish_open(db, 0, out, err, errlen) != 0) {
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s", err);
    snprintf(err, errlen, "%s: %s", path, tmp);
    return -1;
  }
  return 0;
}

void kc_content_close(struct kc_content *c) {
  if (!c) return;
  sqlite3_close(c->db);
  free(c);
}

sqlite3 *kc_content_db(struct kc_content *c) { return c ? c->db : NULL; }

static int prepare(struct kc_content *c, const char *sql, sqlite3_stmt **st) {
  *st = NULL;
  if (!c) return -1; /* a content database that could not be opened */
  return sqlite3_prepare_v2(c->db, sql, -1, st, NULL) == SQLITE_OK ? 0 : -1;
}

int kc_content_topics(struct kc_content *c, struct kc_topic **out, size_t *n) {
  sqlite3_stmt *st = NULL;
  if (!c) return -1;
  struct kc_topic *v = NULL;
  size_t cnt = 0;
  int rc = -1;
  *out = NULL;
  *n = 0;
  if (prepare(c,
              "SELECT t.id, t.title, t.summary, "
              "(SELECT count(*) FROM article a WHERE a.topic_id = t.id) "
              "FROM topic t ORDER BY t.position",
              &st))
    goto out;
  int step;
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    struct kc_topic *nv = realloc(v, (cnt + 1) * sizeof *nv);
    if (!nv) goto out;
    v = nv;
    v[cnt] = (struct kc_topic){col_text(st, 0), col_text(st, 1), col_text(st, 2),
                               sqlite3_column_int(st, 3)};
    cnt++;
  }
  if (step != SQLITE_DONE) goto out;
  rc = 0;
out:
  sqlite3_finalize(st);
  if (rc) {
    kc_topics_free(v, cnt);
    return -1;
  }
  *out = v;
  *n = cnt;
  return 0;
}

void kc_topics_free(struct kc_topic *t, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(t[i].id);
    free(t[i].title);
    free(t[i].summary);
  }
  free(t);
}

static int collect_refs(sqlite3_stmt *st, struct kc_article_ref **out, size_t *n) {
  struct kc_article_ref *v = NULL;
  size_t cnt = 0;
  int step;
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    struct kc_article_ref *nv = realloc(v, (cnt + 1) * sizeof *nv);
    if (!nv) break;
    v = nv;
    v[cnt++] =
        (struct kc_article_ref){col_text(st, 0), col_text(st, 1), col_text(st, 2), col_text(st, 3)};
  }
  if (step != SQLITE_DONE) {
    kc_article_refs_free(v, cnt);
    return -1;
  }
  *out = v;
  *n = cnt;
  return 0;
}

int kc_content_list(struct kc_content *c, const char *topic, struct kc_article_ref **out,
                    size_t *n) {
  sqlite3_stmt *st = NULL;
  *out = NULL;
  *n = 0;
  if (prepare(c,
              "SELECT a.id, a.topic_id, a.title, a.summary FROM article a "
              "JOIN topic t ON t.id = a.topic_id "
              "WHERE ?1 IS NULL OR a.topic_id = ?1 ORDER BY t.position, a.position, a.title",
              &st))
    return -1;
  if (topic) sqlite3_bind_text(st, 1, topic, -1, SQLITE_TRANSIENT);
  int rc = collect_refs(st, out, n);
  sqlite3_finalize(st);
  return rc;
}

void kc_article_refs_free(struct kc_article_ref *r, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(r[i].id);
    free(r[i].topic);
    free(r[i].title);
    free(r[i].summary);
  }
  free(r);
}

int kc_content_article(struct kc_content *c, const char *id, struct kc_article *a) {
  sqlite3_stmt *st = NULL;
  int rc = -1;
  memset(a, 0, sizeof *a);
  if (prepare(c,
              "SELECT a.id, a.topic_id, t.title, a.title, a.summary, a.body FROM article a "
              "JOIN topic t ON t.id = a.topic_id WHERE a.id = ?1",
              &st))
    return -1;
  sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
  int step = sqlite3_step(st);
  if (step == SQLITE_DONE) {
    rc = 0;
    goto out;
  }
  if (step != SQLITE_ROW) goto out;
  a->id = col_text(st, 0);
  a->topic = col_text(st, 1);
  a->topic_title = col_text(st, 2);
  a->title = col_text(st, 3);
  a->summary = col_text(st, 4);
  a->body = col_text_lines(st, 5);
  sqlite3_finalize(st);
  st = NULL;

  if (prepare(c,
              "SELECT r.id, r.topic_id, r.title, r.summary FROM article_related x "
              "JOIN article r ON r.id = x.related_id WHERE x.article_id = ?1 ORDER BY x.position",
              &st))
    goto out;
  sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
  if (collect_refs(st, &a->related, &a->n_related)) goto out;
  sqlite3_finalize(st);
  st = NULL;

  if (prepare(c, "SELECT text FROM article_source WHERE article_id = ?1 ORDER BY position", &st))
    goto out;
  sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    char **ns = realloc(a->sources, (a->n_sources + 1) * sizeof *ns);
    if (!ns) goto out;
    a->sources = ns;
    a->sources[a->n_sources++] = col_text(st, 0);
  }
  if (step != SQLITE_DONE) goto out;
  rc = 1;
out:
  sqlite3_finalize(st);
  if (rc != 1) kc_article_free(a);
  return rc;
}

void kc_article_free(struct kc_article *a) {
  free(a->id);
  free(a->topic);
  free(a->topic_title);
  free(a->title);
  free(a->summary);
  free(a->body);
  kc_article_refs_free(a->related, a->n_related);
  for (size_t i = 0; i < a->n_sources; i++) free(a->sources[i]);
  free(a->sources);
  memset(a, 0, sizeof *a);
}

/* Sanitises a snippet piecewise so the match markers survive. */
static char *clean_snippet(const char *s, size_t len) {
  char *out = malloc(len * 3 + 1);
  if (!out) return NULL;
  size_t o = 0, start = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i == len || s[i] == KC_MARK_ON || s[i] == KC_MARK_OFF) {
      o += kc_text_sanitize(s + start, i - start, out + o, len * 3 + 1 - o, 0);
      if (i < len) out[o++] = s[i];
      start = i + 1;
    }
  }
  out[o] = '\0';
  return out;
}

int kc_content_search(struct kc_content *c, const char *query, int limit, int prefix,
                      struct kc_hit **out, size_t *n, char *err, size_t errlen) {
  char expr[KC_QUERY_BUF];
  *out = NULL;
  *n = 0;
  if (kc_query_build(query, strlen(query), prefix, expr, sizeof expr) == 0) return 0;
  sqlite3_stmt *st = NULL;
  /* ORDER BY rank lets FTS5 sort internally, so snippet() runs only for
   * the rows returned; the packer sets rank to bm25 with titles weighted. */
  if (prepare(c,
              "SELECT a.id, highlight(article_fts, 0, char(2), char(3)), "
              "snippet(article_fts, 2, char(2), char(3), '\xE2\x80\xA6', 14) "
              "FROM article_fts JOIN article a ON a.rowid = article_fts.rowid "
              "WHERE article_fts MATCH ?1 ORDER BY rank LIMIT ?2",
              &st)) {
    snprintf(err, errlen, "search failed: %s", c ? sqlite3_errmsg(c->db) : "no content");
    return -1;
  }
  sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(st, 2, limit > 0 ? limit : 50);
  struct kc_hit *v = NULL;
  size_t cnt = 0;
  int step;
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    struct kc_hit *nv = realloc(v, (cnt + 1) * sizeof *nv);
    if (!nv) break;
    v = nv;
    const char *t = (const char *)sqlite3_column_text(st, 1);
    const char *s = (const char *)sqlite3_column_text(st, 2);
    v[cnt++] = (struct kc_hit){col_text(st, 0),
                               clean_snippet(t ? t : "", (size_t)sqlite3_column_bytes(st, 1)),
                               clean_snippet(s ? s : "", (size_t)sqlite3_column_bytes(st, 2))};
  }
  if (step != SQLITE_DONE) {
    snprintf(err, errlen, "search failed: %s", sqlite3_errmsg(c->db));
    sqlite3_finalize(st);
    kc_hits_free(v, cnt);
    return -1;
  }
  sqlite3_finalize(st);
  *out = v;
  *n = cnt;
  return (int)cnt;
}

void kc_hits_free(struct kc_hit *h, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(h[i].id);
    free(h[i].title);
    free(h[i].snippet);
  }
  free(h);
}

char *kc_content_title(struct kc_content *c, const char *id) {
  sqlite3_stmt *st = NULL;
  char *r = NULL;
  if (prepare(c, "SELECT title FROM article WHERE id = ?1", &st)) return NULL;
  sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step(st) == SQLITE_ROW) r = col_text(st, 0);
  sqlite3_finalize(st);
  return r;
}
