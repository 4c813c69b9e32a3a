/* Ranked full-text search over the content database, at a cost that does
 * not grow with the number of articles.
 *
 * FTS5 ranks by computing its rank function for every matching row; with
 * 100,000 articles a common word matches nearly all of them and bm25 also
 * reads every match once more for its IDF. So a search first counts matches
 * up to a bound without ranking (walking doclists in rowid order is cheap):
 * - at most KC_EXACT_MAX matches (always, on the real content): all of
 *   them are ranked by bm25, titles weighted 10x and summaries 4x;
 * - more: only the first KC_CANDIDATES matches in rowid order are ranked,
 *   by kc_rank (term frequency per column, no per-row document-size lookup
 *   and no IDF pass). Rowids follow the packer's order, so the curated
 *   articles come first.
 * Titles are highlighted for the hits returned; snippets (a tokenisation
 * of the whole body, ~80 us each) only for the hits asked for, normally
 * the rows on screen, and later for rows scrolled into view. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_int.h"
#include "kneecare/query.h"
#include "kneecare/text.h"

#define KC_EXACT_MAX 256
#define KC_CANDIDATES 1000

enum { ST_COUNT, ST_COUNT_TOPIC, ST_RANK, ST_RANK_TOPIC, ST_SNIPPET, ST_N };

struct kc_search_state {
  sqlite3_stmt *st[ST_N];
};

struct kc_search_priv {
  char expr[KC_QUERY_BUF];
  sqlite3_int64 *rowids; /* of each hit, for its snippet */
};

static const char *const SQL[ST_N] = {
    [ST_COUNT] = "SELECT rowid FROM article_fts WHERE article_fts MATCH ?1 "
                 "AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid LIMIT 1 OFFSET ?4",
    [ST_COUNT_TOPIC] = "SELECT article_fts.rowid FROM article_fts "
                       "JOIN article a ON a.rowid = article_fts.rowid "
                       "WHERE article_fts MATCH ?1 AND article_fts.rowid BETWEEN ?2 AND ?3 "
                       "AND a.topic_id = ?5 ORDER BY article_fts.rowid LIMIT 1 OFFSET ?4",
    /* ORDER BY rank is done inside FTS5 (no temporary B-tree), so
     * highlight() runs only for the rows returned. */
    [ST_RANK] = "SELECT substr(a.id, 1, " KC_STR(
        KC_CONTENT_MAX_ID) "), "
                           "highlight(article_fts, 0, char(2), char(3)), article_fts.rowid "
                           "FROM article_fts JOIN article a ON a.rowid = article_fts.rowid "
                           "WHERE article_fts MATCH ?1 AND article_fts.rowid BETWEEN ?2 AND ?3 "
                           "AND rank MATCH ?6 ORDER BY rank LIMIT ?4",
    [ST_RANK_TOPIC] = "SELECT substr(a.id, 1, " KC_STR(
        KC_CONTENT_MAX_ID) "), "
                           "highlight(article_fts, 0, char(2), char(3)), article_fts.rowid "
                           "FROM article_fts JOIN article a ON a.rowid = article_fts.rowid "
                           "WHERE article_fts MATCH ?1 AND article_fts.rowid BETWEEN ?2 AND ?3 "
                           "AND rank MATCH ?6 AND a.topic_id = ?5 ORDER BY rank LIMIT ?4",
    [ST_SNIPPET] = "SELECT snippet(article_fts, 2, char(2), char(3), '\xE2\x80\xA6', 14) "
                   "FROM article_fts WHERE article_fts MATCH ?1 AND rowid = ?2",
};

/* ---- the rank function for large candidate sets ------------------------- */

/* kc_rank(article_fts): the sum over query phrases and columns of
 * weight(column) * tf / (tf + 1.2) -- bm25's saturation without its
 * document-length and IDF terms, which cost a B-tree seek per row and a
 * pass over every match. Negated, as FTS5 sorts rank ascending. */
static void kc_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nv,
                    sqlite3_value **v) {
  (void)nv;
  (void)v;
  static const double weight[] = {10.0, 4.0, 1.0};
  int nphrase = api->xPhraseCount(fts), ninst = 0;
  if (api->xInstCount(fts, &ninst) != SQLITE_OK) {
    sqlite3_result_error(ctx, "kc_rank: no phrase instances", -1);
    return;
  }
  /* Instances come sorted by phrase then position; count per (phrase, column). */
  double score = 0;
  int cur_phrase = -1, cur_col = -1, tf = 0;
  for (int i = 0; i <= ninst; i++) {
    int ph = nphrase, col = 0, off;
    if (i < ninst) api->xInst(fts, i, &ph, &col, &off);
    if (ph != cur_phrase || col != cur_col) {
      if (tf) score += weight[cur_col < 3 && cur_col >= 0 ? cur_col : 2] * tf / (tf + 1.2);
      cur_phrase = ph, cur_col = col, tf = 0;
    }
    tf++;
  }
  sqlite3_result_double(ctx, -score);
}

static int register_rank(sqlite3 *db) {
  fts5_api *api = NULL;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK) return -1;
  sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
  sqlite3_step(st);
  sqlite3_finalize(st);
  if (!api || api->iVersion < 2) return -1;
  return api->xCreateFunction(api, "kc_rank", NULL, kc_rank, NULL) == SQLITE_OK ? 0 : -1;
}

static struct kc_search_state *state(struct kc_content *c, char *err, size_t errlen) {
  if (!c) {
    snprintf(err, errlen, "search failed: no content database");
    return NULL;
  }
  if (c->search) return c->search;
  struct kc_search_state *s = calloc(1, sizeof *s);
  if (!s) {
    snprintf(err, errlen, "search failed: out of memory");
    return NULL;
  }
  if (register_rank(c->db) != 0) {
    snprintf(err, errlen, "search failed: FTS5 is not available");
    free(s);
    return NULL;
  }
  for (int i = 0; i < ST_N; i++)
    if (sqlite3_prepare_v3(c->db, SQL[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) !=
        SQLITE_OK) {
      snprintf(err, errlen, "search failed: %s", sqlite3_errmsg(c->db));
      kc_content_search_free_state(s);
      return NULL;
    }
  c->search = s;
  return s;
}

void kc_content_search_free_state(struct kc_search_state *s) {
  if (!s) return;
  for (int i = 0; i < ST_N; i++) sqlite3_finalize(s->st[i]);
  free(s);
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

/* The rowid of the n-th match (1-based) in rowid order, or -1 when there
 * are fewer; -2 on error. */
static sqlite3_int64 nth_match(sqlite3_stmt *st, const char *expr, sqlite3_int64 lo,
                               sqlite3_int64 hi, const char *topic, int n) {
  sqlite3_reset(st);
  sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, lo);
  sqlite3_bind_int64(st, 3, hi);
  sqlite3_bind_int(st, 4, n - 1);
  if (topic) sqlite3_bind_text(st, 5, topic, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  sqlite3_int64 r = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : rc == SQLITE_DONE ? -1 : -2;
  sqlite3_reset(st);
  return r;
}

static int fail(struct kc_content *c, char *err, size_t errlen) {
  snprintf(err, errlen, "search failed: %s", sqlite3_errmsg(c->db));
  return -1;
}

static int add_hit(struct kc_search_res *res, size_t *cap, sqlite3_stmt *st) {
  if (res->n == *cap) {
    size_t ncap = *cap ? *cap * 2 : 16;
    struct kc_hit *nh = realloc(res->hits, ncap * sizeof *nh);
    if (!nh) return -1;
    res->hits = nh;
    sqlite3_int64 *nr = realloc(res->priv->rowids, ncap * sizeof *nr);
    if (!nr) return -1;
    res->priv->rowids = nr;
    *cap = ncap;
  }
  const char *t = (const char *)sqlite3_column_text(st, 1);
  struct kc_hit h = {kc_content_col(st, 0, KC_CONTENT_MAX_ID, 0, NULL),
                     clean_snippet(t ? t : "", (size_t)sqlite3_column_bytes(st, 1)), calloc(1, 1),
                     0};
  if (!h.id || !h.title || !h.snippet) {
    free(h.id);
    free(h.title);
    free(h.snippet);
    return -1;
  }
  res->priv->rowids[res->n] = sqlite3_column_int64(st, 2);
  res->hits[res->n++] = h;
  return 0;
}

int kc_content_find(struct kc_content *c, const struct kc_search_req *req,
                    struct kc_search_res *res, char *err, size_t errlen) {
  memset(res, 0, sizeof *res);
  err[0] = '\0';
  struct kc_search_state *s = state(c, err, errlen);
  if (!s) return -1;
  res->priv = calloc(1, sizeof *res->priv);
  if (!res->priv) {
    snprintf(err, errlen, "search failed: out of memory");
    return -1;
  }
  const char *q = req->query ? req->query : "";
  if (kc_query_build(q, strlen(q), req->prefix, res->priv->expr, sizeof res->priv->expr) == 0)
    return 0;
  const char *expr = res->priv->expr, *topic = req->topic;
  int limit = req->limit < 1                    ? 1
              : req->limit > KC_SEARCH_MAX_HITS ? KC_SEARCH_MAX_HITS
                                                : req->limit;
  sqlite3_int64 lo = 0, hi = INT64_MAX;

  /* Few matches: rank them all with bm25. Many: rank the first
   * KC_CANDIDATES (in rowid order) with the cheap kc_rank. */
  sqlite3_stmt *count = s->st[topic ? ST_COUNT_TOPIC : ST_COUNT];
  sqlite3_int64 bound = nth_match(count, expr, lo, hi, topic, KC_EXACT_MAX + 1);
  const char *rank = "bm25(10.0, 4.0, 1.0)";
  if (bound >= 0) {
    bound = nth_match(count, expr, lo, hi, topic, KC_CANDIDATES);
    if (bound >= 0) hi = bound;
    rank = "kc_rank()";
  }
  if (bound == -2) return fail(c, err, errlen);

  sqlite3_stmt *st = s->st[topic ? ST_RANK_TOPIC : ST_RANK];
  sqlite3_reset(st);
  sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, lo);
  sqlite3_bind_int64(st, 3, hi);
  sqlite3_bind_int(st, 4, limit + 1);
  if (topic) sqlite3_bind_text(st, 5, topic, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 6, rank, -1, SQLITE_STATIC);
  size_t cap = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (res->n == (size_t)limit) {
      res->more = 1;
      break;
    }
    if (add_hit(res, &cap, st) != 0) {
      sqlite3_reset(st);
      snprintf(err, errlen, "search failed: out of memory");
      return -1;
    }
  }
  sqlite3_reset(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return fail(c, err, errlen);
  res->n_all = res->n;
  size_t want = req->snippets < 0 ? res->n : (size_t)req->snippets;
  if (kc_content_find_snippets(c, res, 0, want) != 0) return fail(c, err, errlen);
  return (int)res->n;
}

int kc_content_find_snippets(struct kc_content *c, struct kc_search_res *res, size_t from,
                             size_t to) {
  if (!c || !c->search || !res->priv) return res->n ? -1 : 0;
  sqlite3_stmt *st = c->search->st[ST_SNIPPET];
  if (to > res->n) to = res->n;
  for (size_t i = from; i < to; i++) {
    struct kc_hit *h = &res->hits[i];
    if (h->has_snippet) continue;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, res->priv->expr, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, res->priv->rowids[i]);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      const char *t = (const char *)sqlite3_column_text(st, 0);
      char *snip = clean_snippet(t ? t : "", (size_t)sqlite3_column_bytes(st, 0));
      if (!snip) {
        sqlite3_reset(st);
        return -1;
      }
      free(h->snippet);
      h->snippet = snip;
    } else if (rc != SQLITE_DONE) {
      sqlite3_reset(st);
      return -1;
    }
    h->has_snippet = 1;
  }
  sqlite3_reset(st);
  return 0;
}

void kc_search_res_free(struct kc_search_res *res) {
  kc_hits_free(res->hits, res->n);
  free(res->showing_for);
  if (res->priv) free(res->priv->rowids);
  free(res->priv);
  memset(res, 0, sizeof *res);
}

int kc_content_search(struct kc_content *c, const char *query, int limit, int prefix,
                      struct kc_hit **out, size_t *n, char *err, size_t errlen) {
  struct kc_search_req req = {query, NULL, limit > 0 ? limit : 50, -1, prefix};
  struct kc_search_res res;
  *out = NULL;
  *n = 0;
  int rc = kc_content_find(c, &req, &res, err, errlen);
  if (rc >= 0) {
    *out = res.hits;
    *n = res.n;
    res.hits = NULL;
    res.n = 0;
  }
  kc_search_res_free(&res);
  return rc;
}

void kc_hits_free(struct kc_hit *h, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(h[i].id);
    free(h[i].title);
    free(h[i].snippet);
  }
  free(h);
}
