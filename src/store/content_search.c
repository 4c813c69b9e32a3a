/* Search: the words of a query (core/query) against the content's indexes,
 * ranked the way people expect, at a cost that does not grow with the
 * number of articles.
 *
 * Order of results:
 *   1. articles with every meaningful word in the title, summary or
 *      headings (search_head, a small index searched first); an article
 *      whose title is the query comes first, then title and summary before
 *      headings;
 *   2. articles with every word somewhere (article_fts, the body);
 *   3. if those do not fill the page, articles with only some of the words,
 *      by how many they have (rarer words count more).
 * A word that matches nothing is corrected to the nearest word of the
 * content (search_vocab: the words of an unstemmed index, by fts5vocab) and the result
 * says what was searched; an unfinished last word (type-ahead) is completed
 * from the same vocabulary, which also bridges porter's gap ("swelli" is no
 * prefix of the stem "swell").
 *
 * Cost: each tier first counts its matches up to a bound without ranking
 * (walking doclists in rowid order is cheap). Up to KC_EXACT_MAX matches
 * are all ranked with a BM25 that knows document lengths; more are cut to
 * the first KC_CANDIDATES in rowid order (the packer's order: curated
 * articles first) and ranked without the per-row length lookup. Word
 * weights (IDF) come from counts bounded the same way, never from a pass
 * over every match. Hits carry their plain titles; the marked-up title and
 * the snippet are made only for the rows asked for (the rows on screen). */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_int.h"
#include "kneecare/mem.h"
#include "kneecare/query.h"
#include "kneecare/text.h"

#define KC_EXACT_MAX 256
#define KC_CANDIDATES 1000
#define KC_COMPLETIONS 6     /* words tried for an unfinished last word */
#define KC_VOCAB_SCAN 5000   /* words starting with one letter looked at for a correction */
#define KC_LEXICON_ROWS 4000 /* stop words and synonym rows read from the content */
/* Phrases of one expression: "(rare words) AND (any word)" names each twice. */
#define KC_MAX_PHRASES (2 * KC_QUERY_MAX_GROUPS * KC_QUERY_MAX_ALTS)
#define KC_EXPR_MAX (2 * KC_QUERY_EXPR_MAX + 16)

enum {
  ST_BODY_COUNT,
  ST_BODY_COUNT_TOPIC,
  ST_BODY_RANK,
  ST_BODY_RANK_TOPIC,
  ST_HEAD_COUNT,
  ST_HEAD_COUNT_TOPIC,
  ST_HEAD_RANK,
  ST_HEAD_RANK_TOPIC,
  ST_DF,
  ST_HIT,
  ST_SNIPPET,
  ST_VOCAB,
  ST_VOCAB_RANGE,
  ST_META,
  ST_N
};

#define ID_COL "substr(a.id, 1, " KC_STR(KC_CONTENT_MAX_ID) " + 1)"

static const char *const SQL[ST_N] = {
    [ST_BODY_COUNT] = "SELECT rowid FROM article_fts WHERE article_fts MATCH ?1 "
                      "AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid LIMIT 1 OFFSET ?4",
    [ST_BODY_COUNT_TOPIC] = "SELECT f.rowid FROM article_fts f JOIN article a ON a.rowid = f.rowid "
                            "WHERE article_fts MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3 "
                            "AND a.topic_id = ?5 ORDER BY f.rowid LIMIT 1 OFFSET ?4",
    /* The rowid range bounds what is ranked; SQLite's sorter keeps the best
     * LIMIT rows. (ORDER BY rank with "rank MATCH" sorts inside FTS5 but
     * prepares a statement for it on every query.) */
    [ST_BODY_RANK] = "SELECT rowid FROM article_fts WHERE article_fts MATCH ?1 "
                     "AND rowid BETWEEN ?2 AND ?3 ORDER BY kc_rank(article_fts, ?6) LIMIT ?4",
    [ST_BODY_RANK_TOPIC] = "SELECT f.rowid FROM article_fts f JOIN article a ON a.rowid = f.rowid "
                           "WHERE article_fts MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3 "
                           "AND a.topic_id = ?5 ORDER BY kc_rank(article_fts, ?6) LIMIT ?4",
    [ST_HEAD_COUNT] = "SELECT rowid FROM search_head WHERE search_head MATCH ?1 "
                      "AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid LIMIT 1 OFFSET ?4",
    [ST_HEAD_COUNT_TOPIC] = "SELECT h.rowid FROM search_head h JOIN article a ON a.rowid = h.rowid "
                            "WHERE search_head MATCH ?1 AND h.rowid BETWEEN ?2 AND ?3 "
                            "AND a.topic_id = ?5 ORDER BY h.rowid LIMIT 1 OFFSET ?4",
    [ST_HEAD_RANK] = "SELECT rowid FROM search_head WHERE search_head MATCH ?1 "
                     "AND rowid BETWEEN ?2 AND ?3 ORDER BY kc_rank(search_head, ?6) LIMIT ?4",
    [ST_HEAD_RANK_TOPIC] = "SELECT h.rowid FROM search_head h JOIN article a ON a.rowid = h.rowid "
                           "WHERE search_head MATCH ?1 AND h.rowid BETWEEN ?2 AND ?3 "
                           "AND a.topic_id = ?5 ORDER BY kc_rank(search_head, ?6) LIMIT ?4",
    [ST_DF] = "SELECT count(*) FROM (SELECT rowid FROM article_fts WHERE article_fts MATCH ?1 "
              "LIMIT ?2)",
    /* A hit's id and title: a rowid lookup, no full-text work. */
    [ST_HIT] =
        "SELECT " ID_COL
        ", substr(a.title, 1, " KC_STR(KC_CONTENT_MAX_TITLE) " + 1) "
                                                             "FROM article a WHERE a.rowid = ?1",
    /* The rows shown: the title with its matches marked, and a snippet. */
    [ST_SNIPPET] =
        "SELECT highlight(article_fts, 0, char(2), char(3)), kc_snippet(article_fts, 2, 14) "
        "FROM article_fts WHERE article_fts MATCH ?1 AND rowid = ?2",
    [ST_VOCAB] = "SELECT word, docs FROM search_vocab WHERE word >= ?1 AND word < ?2 "
                 "ORDER BY docs DESC LIMIT ?3",
    [ST_VOCAB_RANGE] = "SELECT word, docs FROM search_vocab WHERE word >= ?1 AND word < ?2 "
                       "LIMIT ?3",
    [ST_META] = "SELECT value FROM meta WHERE key = ?1",
};

struct kc_search_state {
  sqlite3_stmt *st[ST_N];
  struct kc_lexicon *lex;
  double n_articles;
};

struct kc_search_priv {
  char expr[KC_QUERY_EXPR_MAX]; /* any word: what highlights and snippets mark */
  sqlite3_int64 *rowids;        /* of each hit */
};

/* ---- kc_rank: the rank function ------------------------------------------- */

/* kc_rank(fts, spec): spec is "FULL LEVELS W0 W1 W2 | weight per group... |
 * group per phrase...", parsed once per query (FTS5 aux data). The rank,
 * negated as FTS5 sorts ascending, is
 *   groups covered * 1e6 + level * 1e4 + score,
 * level 2 when every covered group is in the first two columns (title,
 * summary), 1 when in the third too and LEVELS is 2 (search_head's
 * headings), else 0; score is BM25 (k1 1.2, b 0.75) over the column weights
 * W with the group weights as IDF, with document lengths when FULL. */
struct rank_spec {
  int full, levels, n_groups, n_phrases;
  double col_w[3], group_w[KC_QUERY_MAX_GROUPS];
  unsigned char group_of[KC_MAX_PHRASES];
  double avg_len;
};

static struct rank_spec *parse_spec(const Fts5ExtensionApi *api, Fts5Context *fts, const char *s) {
  struct rank_spec *r = kc_xcalloc(1, sizeof *r);
  char *end;
  r->full = (int)strtol(s, &end, 10);
  r->levels = (int)strtol(end, &end, 10);
  for (int c = 0; c < 3; c++) r->col_w[c] = strtod(end, &end);
  while (*end == ' ') end++;
  if (*end == '|') end++;
  while (r->n_groups < KC_QUERY_MAX_GROUPS) {
    char *next;
    double w = strtod(end, &next);
    if (next == end) break;
    r->group_w[r->n_groups++] = w;
    end = next;
  }
  while (*end == ' ') end++;
  if (*end == '|') end++;
  while (r->n_phrases < (int)sizeof r->group_of) {
    char *next;
    long g = strtol(end, &next, 10);
    if (next == end) break;
    r->group_of[r->n_phrases++] = (unsigned char)(g >= 0 && g < r->n_groups ? g : 0);
    end = next;
  }
  if (r->full) {
    sqlite3_int64 rows = 0, tokens = 0;
    if (api->xRowCount(fts, &rows) == SQLITE_OK &&
        api->xColumnTotalSize(fts, -1, &tokens) == SQLITE_OK && rows > 0)
      r->avg_len = (double)tokens / (double)rows;
    if (r->avg_len <= 0) r->full = 0;
  }
  return r;
}

static void kc_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nv,
                    sqlite3_value **v) {
  struct rank_spec *r = api->xGetAuxdata(fts, 0);
  if (!r) {
    const char *s = nv > 0 ? (const char *)sqlite3_value_text(v[0]) : NULL;
    r = parse_spec(api, fts, s ? s : "0 0 10 4 1 | 1 | 0");
    if (api->xSetAuxdata(fts, r, free) != SQLITE_OK) {
      sqlite3_result_error_code(ctx, SQLITE_NOMEM);
      return;
    }
  }
  int nphrase = api->xPhraseCount(fts);
  double tf[KC_MAX_PHRASES] = {0};
  int best_col[KC_QUERY_MAX_GROUPS];
  for (int g = 0; g < KC_QUERY_MAX_GROUPS; g++) best_col[g] = 9;
  for (int p = 0; p < nphrase && p < r->n_phrases; p++) {
    Fts5PhraseIter it;
    int col, off;
    for (api->xPhraseFirst(fts, p, &it, &col, &off); col >= 0;
         api->xPhraseNext(fts, &it, &col, &off)) {
      if (col > 2) continue;
      tf[p] += r->col_w[col];
      int g = r->group_of[p];
      if (col < best_col[g]) best_col[g] = col;
    }
  }
  double norm = 1.0;
  if (r->full) {
    int len = 0;
    if (api->xColumnSize(fts, -1, &len) == SQLITE_OK) norm = 0.25 + 0.75 * len / r->avg_len;
  }
  double score = 0;
  for (int p = 0; p < nphrase && p < r->n_phrases; p++)
    if (tf[p] > 0) score += fabs(r->group_w[r->group_of[p]]) * tf[p] * 2.2 / (tf[p] + 1.2 * norm);
  /* A common word (negative weight) adds to the score but not to coverage
   * or level: "run" in a runner's guide says nothing about the article. */
  int covered = 0, worst = 0;
  for (int g = 0; g < r->n_groups; g++)
    if (best_col[g] < 9 && r->group_w[g] > 0) {
      covered++;
      if (best_col[g] > worst) worst = best_col[g];
    }
  int level = worst <= 1 ? 2 : worst == 2 && r->levels == 2 ? 1 : 0;
  if (score > 9999) score = 9999;
  sqlite3_result_double(ctx, -(covered * 1e6 + level * 1e4 + score));
}

/* ---- kc_snippet: the words around the best match --------------------------- */

/* kc_snippet(fts, column, tokens): like FTS5's snippet() with char(2) and
 * char(3) around matches and "..." where text was cut, but at the cost of
 * the words up to the snippet instead of the whole column. snippet()
 * tokenises every body it quotes, through porter, to score sentences (80 us
 * an article here, half of each keystroke); this picks the window of
 * `tokens` words holding the most different query phrases from FTS5's
 * instance list alone, then splits the text with plain unicode61 (the same
 * word boundaries as the index; no stemming needed) and stops after the
 * window. */
struct snip_tok {
  const Fts5ExtensionApi *api;
  fts5_tokenizer tok;
  Fts5Tokenizer *t;
};

#define SNIP_INST 64 /* instances looked at when choosing the window */

struct snip_walk {
  int first, last;        /* token window */
  int n_tok;              /* tokens seen */
  int start, end;         /* byte range of the window */
  int mark[SNIP_INST][2]; /* token ranges of matches inside the window */
  int n_mark;
  int mark_byte[SNIP_INST][2];
};

static int snip_cb(void *ctx, int flags, const char *tok, int n, int start, int end) {
  (void)tok, (void)n;
  struct snip_walk *w = ctx;
  if (flags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;
  int i = w->n_tok++;
  if (i == w->first) w->start = start;
  if (i >= w->first && i <= w->last) w->end = end;
  for (int m = 0; m < w->n_mark; m++) {
    if (i == w->mark[m][0]) w->mark_byte[m][0] = start;
    if (i == w->mark[m][1]) w->mark_byte[m][1] = end;
  }
  return i >= w->last ? SQLITE_DONE : SQLITE_OK; /* the rest is not needed */
}

static void kc_snippet(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nv,
                       sqlite3_value **v) {
  struct snip_tok *st = api->xUserData(fts);
  int col = nv > 0 ? sqlite3_value_int(v[0]) : 0, len = nv > 1 ? sqlite3_value_int(v[1]) : 14;
  const char *text;
  int ntext;
  if (len < 1 || api->xColumnText(fts, col, &text, &ntext) != SQLITE_OK || !text) {
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  /* Instances in this column, in position order (phrase, start, end). */
  int inst[SNIP_INST][3], ni = 0, count = 0;
  api->xInstCount(fts, &count);
  for (int i = 0; i < count && ni < SNIP_INST; i++) {
    int ph, c, off;
    if (api->xInst(fts, i, &ph, &c, &off) != SQLITE_OK || c != col) continue;
    inst[ni][0] = ph;
    inst[ni][1] = off;
    inst[ni][2] = off + api->xPhraseSize(fts, ph) - 1;
    ni++;
  }
  for (int i = 1; i < ni; i++) /* insertion sort by position: at most SNIP_INST */
    for (int k = i; k > 0 && inst[k][1] < inst[k - 1][1]; k--) {
      int t[3] = {inst[k][0], inst[k][1], inst[k][2]};
      memcpy(inst[k], inst[k - 1], sizeof t);
      memcpy(inst[k - 1], t, sizeof t);
    }
  /* The window with the most different phrases, starting two words before
   * a match; the earliest wins a tie. */
  int best = 0, best_score = -1;
  for (int i = 0; i < ni; i++) {
    int from = inst[i][1] > 2 ? inst[i][1] - 2 : 0, score = 0;
    unsigned long long seen = 0;
    for (int k = i; k < ni && inst[k][2] < from + len; k++)
      if (!(seen & (1ull << (inst[k][0] & 63)))) seen |= 1ull << (inst[k][0] & 63), score++;
    if (score > best_score) best_score = score, best = from;
  }
  struct snip_walk w = {.first = best, .last = best + len - 1, .start = -1, .end = -1};
  for (int i = 0; i < ni && w.n_mark < SNIP_INST; i++)
    if (inst[i][1] >= w.first && inst[i][2] <= w.last) {
      w.mark[w.n_mark][0] = inst[i][1];
      w.mark[w.n_mark][1] = inst[i][2];
      w.mark_byte[w.n_mark][0] = w.mark_byte[w.n_mark][1] = -1;
      w.n_mark++;
    }
  int rc = st->tok.xTokenize(st->t, &w, FTS5_TOKENIZE_AUX, text, ntext, snip_cb);
  if ((rc != SQLITE_OK && rc != SQLITE_DONE) || w.start < 0 || w.end < w.start) {
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  /* Text of the window with the matches marked. */
  size_t cap = (size_t)(w.end - w.start) + 2 * (size_t)w.n_mark + 8, o = 0;
  char *out = sqlite3_malloc64(cap);
  if (!out) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (w.first > 0) o += (size_t)snprintf(out, cap, "\xE2\x80\xA6");
  int m = 0;
  for (int b = w.start; b < w.end; b++) {
    while (m < w.n_mark && w.mark_byte[m][1] >= 0 && w.mark_byte[m][1] <= b) m++;
    for (int k = m; k < w.n_mark; k++)
      if (w.mark_byte[k][0] == b && w.mark_byte[k][1] > b) {
        out[o++] = KC_MARK_ON;
        break;
      }
    out[o++] = text[b];
    for (int k = m; k < w.n_mark; k++)
      if (w.mark_byte[k][1] == b + 1 && w.mark_byte[k][0] >= 0) {
        out[o++] = KC_MARK_OFF;
        break;
      }
  }
  if (w.end < ntext) {
    memcpy(out + o, "\xE2\x80\xA6", 3);
    o += 3;
  }
  sqlite3_result_text(ctx, out, (int)o, sqlite3_free);
}

static void snip_free(void *p) {
  struct snip_tok *st = p;
  if (st && st->t) st->tok.xDelete(st->t);
  free(st);
}

static int register_functions(sqlite3 *db) {
  fts5_api *api = NULL;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK) return -1;
  sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
  sqlite3_step(st);
  sqlite3_finalize(st);
  if (!api || api->iVersion < 2) return -1;
  if (api->xCreateFunction(api, "kc_rank", NULL, kc_rank, NULL) != SQLITE_OK) return -1;
  /* The index's word boundaries without its stemming. */
  struct snip_tok *t = kc_xcalloc(1, sizeof *t);
  void *ud = NULL;
  const char *args[] = {"remove_diacritics", "2"};
  if (api->xFindTokenizer(api, "unicode61", &ud, &t->tok) != SQLITE_OK ||
      t->tok.xCreate(ud, args, 2, &t->t) != SQLITE_OK) {
    free(t);
    return -1;
  }
  return api->xCreateFunction(api, "kc_snippet", t, kc_snippet, snip_free) == SQLITE_OK ? 0 : -1;
}

/* ---- state: statements and the lexicon, made on the first search --------------- */

void kc_content_search_free_state(struct kc_search_state *s) {
  if (!s) return;
  for (int i = 0; i < ST_N; i++) sqlite3_finalize(s->st[i]);
  kc_lexicon_free(s->lex);
  free(s);
}

/* The content's stop words and synonyms (db/40_search.sql, extendable by a
 * clinic's --content), bounded like every read. */
static void load_lexicon(struct kc_content *c, struct kc_search_state *s) {
  s->lex = kc_lexicon_new();
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(c->db, "SELECT substr(word, 1, 64) FROM search_stopword LIMIT ?1", -1, &st,
                         NULL) == SQLITE_OK) {
    sqlite3_bind_int(st, 1, KC_LEXICON_ROWS);
    while (sqlite3_step(st) == SQLITE_ROW)
      kc_lexicon_add_stop(s->lex, (const char *)sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  st = NULL;
  if (sqlite3_prepare_v2(c->db,
                         "SELECT substr(term, 1, 128), substr(means, 1, 128) FROM search_synonym "
                         "LIMIT ?1",
                         -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_int(st, 1, KC_LEXICON_ROWS);
    while (sqlite3_step(st) == SQLITE_ROW) {
      const char *t = (const char *)sqlite3_column_text(st, 0);
      const char *m = (const char *)sqlite3_column_text(st, 1);
      if (t && m) kc_lexicon_add_synonym(s->lex, t, m);
    }
  }
  sqlite3_finalize(st);
}

static struct kc_search_state *state(struct kc_content *c, char *err, size_t errlen) {
  if (!c) {
    snprintf(err, errlen, "search failed: no content database");
    return NULL;
  }
  if (c->search) return c->search;
  if (register_functions(c->db) != 0) {
    snprintf(err, errlen, "search failed: FTS5 is not available");
    return NULL;
  }
  struct kc_search_state *s = kc_xcalloc(1, sizeof *s);
  for (int i = 0; i < ST_N; i++)
    if (sqlite3_prepare_v3(c->db, SQL[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) !=
        SQLITE_OK) {
      snprintf(err, errlen, "search failed: %s", sqlite3_errmsg(c->db));
      kc_content_search_free_state(s);
      return NULL;
    }
  load_lexicon(c, s);
  sqlite3_stmt *m = s->st[ST_META];
  sqlite3_bind_text(m, 1, "content_articles", -1, SQLITE_STATIC);
  s->n_articles = sqlite3_step(m) == SQLITE_ROW ? sqlite3_column_double(m, 0) : 0;
  sqlite3_reset(m);
  if (s->n_articles < 1) s->n_articles = 1;
  c->search = s;
  return s;
}

/* ---- one search ------------------------------------------------------------------ */

struct run {
  struct kc_content *c;
  struct kc_search_state *s;
  const char *topic;
  sqlite3_int64 lo, hi; /* the topic's rowid range (the packer's record) */
  int failed;
};

static sqlite3_stmt *reset(struct run *r, int which) {
  sqlite3_stmt *st = r->s->st[which];
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return st;
}

static int step_ok(struct run *r, int rc) {
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) r->failed = 1;
  return rc == SQLITE_ROW;
}

/* The rowid of the n-th match (1-based) in rowid order; -1 when fewer. */
static sqlite3_int64 nth_match(struct run *r, int head, const char *expr, int n) {
  int which = head ? (r->topic ? ST_HEAD_COUNT_TOPIC : ST_HEAD_COUNT)
                   : (r->topic ? ST_BODY_COUNT_TOPIC : ST_BODY_COUNT);
  sqlite3_stmt *st = reset(r, which);
  sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, r->lo);
  sqlite3_bind_int64(st, 3, r->hi);
  sqlite3_bind_int(st, 4, n - 1);
  if (r->topic) sqlite3_bind_text(st, 5, r->topic, -1, SQLITE_STATIC);
  sqlite3_int64 v = step_ok(r, sqlite3_step(st)) ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_reset(st);
  return v;
}

/* Matches of expr in the article index, counted up to `max`. */
static int count_upto(struct run *r, const char *expr, int max) {
  sqlite3_stmt *st = reset(r, ST_DF);
  sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 2, max);
  int n = step_ok(r, sqlite3_step(st)) ? sqlite3_column_int(st, 0) : 0;
  sqlite3_reset(st);
  return n;
}

struct found {
  sqlite3_int64 rowid[KC_SEARCH_MAX_HITS];
  int n, limit;
};

static int have(const struct found *f, sqlite3_int64 rowid) {
  for (int i = 0; i < f->n; i++)
    if (f->rowid[i] == rowid) return 1;
  return 0;
}

/* Ranks the matches of expr in one index and appends the best to f. */
static void rank_tier(struct run *r, int head, const char *expr, const char *spec_tail, int levels,
                      struct found *f) {
  if (f->n >= f->limit || !expr[0]) return;
  /* Few matches: all of them, with document lengths. Many: the first
   * KC_CANDIDATES in rowid order, without. */
  sqlite3_int64 hi = r->hi;
  int full = nth_match(r, head, expr, KC_EXACT_MAX + 1) < 0;
  if (!full) {
    sqlite3_int64 bound = nth_match(r, head, expr, KC_CANDIDATES);
    if (bound >= 0) hi = bound;
  }
  if (r->failed) return;
  char spec[1024];
  snprintf(spec, sizeof spec, "%d %d %s %s", full, levels, head ? "10 4 2" : "10 4 1", spec_tail);
  int which = head ? (r->topic ? ST_HEAD_RANK_TOPIC : ST_HEAD_RANK)
                   : (r->topic ? ST_BODY_RANK_TOPIC : ST_BODY_RANK);
  sqlite3_stmt *st = reset(r, which);
  sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, r->lo);
  sqlite3_bind_int64(st, 3, hi);
  sqlite3_bind_int(st, 4, f->limit); /* room for the rows already found */
  if (r->topic) sqlite3_bind_text(st, 5, r->topic, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 6, spec, -1, SQLITE_STATIC);
  while (f->n < f->limit && step_ok(r, sqlite3_step(st))) {
    sqlite3_int64 id = sqlite3_column_int64(st, 0);
    if (!have(f, id)) f->rowid[f->n++] = id;
  }
  sqlite3_reset(st);
}

/* Completes an unfinished last word from the content's vocabulary. Short
 * prefixes keep FTS5's own prefix query (its prefix indexes make it cheap);
 * from 5 letters the completions replace it (FTS5 would merge the doclists
 * of every matching term). */
/* 1 when word is a word of the content's vocabulary. */
static int is_word(struct run *r, const char *word) {
  size_t n = strlen(word);
  char upper[KC_QUERY_MAX_PHRASE + 1];
  memcpy(upper, word, n);
  upper[n] = '\x01'; /* word itself, nothing after it */
  upper[n + 1] = '\0';
  sqlite3_stmt *st = reset(r, ST_VOCAB_RANGE);
  sqlite3_bind_text(st, 1, word, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, upper, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 3, 1);
  int yes = step_ok(r, sqlite3_step(st));
  sqlite3_reset(st);
  return yes;
}

/* Drops a group's prefix alternatives (FTS5 merges the doclists of every
 * term matching a prefix longer than its prefix indexes). */
static void drop_prefixes(struct kc_qgroup *g) {
  int k = 0;
  for (int a = 0; a < g->n_alt; a++) {
    if (g->alt_prefix[a]) continue;
    if (k != a) memcpy(g->alt[k], g->alt[a], sizeof g->alt[0]);
    g->alt_prefix[k++] = 0;
  }
  g->n_alt = k;
}

/* The unfinished last word. Already a word: searched as typed, with
 * FTS5's prefix query while it is short (2-4 letters, prefix indexes),
 * else as the word. Part of a word: completed from the vocabulary (the
 * words starting so, most common first), which also bridges porter's gap
 * ("swelli" is no prefix of the stem "swell"); a completion no article has
 * is a synonym term ("tyl" -> "tylenol") and brings its meanings. */
static void complete(struct run *r, struct kc_query *q) {
  struct kc_qgroup *g = &q->g[q->n - 1];
  if (!g->unfinished || strchr(g->word, ' ')) return;
  size_t n = strlen(g->word);
  if (n < 3 || n >= KC_QUERY_MAX_PHRASE - 1) return;
  if (is_word(r, g->word)) {
    if (n >= 5) {
      kc_query_add_alt(q, q->n - 1, g->word, 0);
      drop_prefixes(g);
    }
    return;
  }
  char upper[KC_QUERY_MAX_PHRASE];
  memcpy(upper, g->word, n + 1);
  upper[n - 1]++; /* the first string after every word with this prefix */
  sqlite3_stmt *st = reset(r, ST_VOCAB);
  sqlite3_bind_text(st, 1, g->word, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, upper, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 3, KC_COMPLETIONS);
  int added = 0;
  while (step_ok(r, sqlite3_step(st))) {
    const char *w = (const char *)sqlite3_column_text(st, 0);
    if (!w || (size_t)sqlite3_column_bytes(st, 0) >= KC_QUERY_MAX_PHRASE) continue;
    if (sqlite3_column_int(st, 1) == 0)
      kc_query_add_word(q, q->n - 1, w, r->s->lex);
    else
      kc_query_add_alt(q, q->n - 1, w, 0);
    added++;
  }
  sqlite3_reset(st);
  if (added && n >= 5) drop_prefixes(g);
}

/* The nearest word of the vocabulary to `word` within a small edit
 * distance (1 up to 4 letters, 2 from 5, 3 from 9); ties go to the word in
 * more articles. Only words starting with the word's first letter, then
 * with its second (a swapped or extra first letter), are looked at: a
 * correction reads a few hundred words, however large the vocabulary. For
 * an unfinished word, the start of each vocabulary word is compared. */
static int correct_word(struct run *r, const char *word, int unfinished, char *out) {
  size_t n = strlen(word);
  /* One word at a time; a word being typed only once it is long enough to
   * say what it is meant to be. */
  if (n < (unfinished ? 6u : 3u) || strchr(word, ' ')) return 0;
  int max = n <= 4 ? 1 : n <= 8 ? 2 : 3;
  int best = max + 1;
  double best_docs = -1;
  for (int pass = 0; pass < 2 && best > max; pass++) {
    char lo[2] = {word[pass], 0}, hi[2] = {(char)(word[pass] + 1), 0};
    if (pass == 1 && word[1] == word[0]) break;
    sqlite3_stmt *st = reset(r, ST_VOCAB_RANGE);
    sqlite3_bind_text(st, 1, lo, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, hi, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, KC_VOCAB_SCAN);
    while (step_ok(r, sqlite3_step(st))) {
      const char *t = (const char *)sqlite3_column_text(st, 0);
      size_t tl = (size_t)sqlite3_column_bytes(st, 0);
      if (!t || tl < 2 || tl >= KC_QUERY_MAX_PHRASE) continue;
      int d = kc_edit_distance(word, n, t, tl, max);
      if (unfinished && tl > n && kc_edit_distance(word, n, t, n, 1) <= 1)
        d = d < 1 ? d : 1; /* the start of a longer word, one slip away */
      /* A short word is corrected only for a typing slip: "fell", "tore"
       * and "heard" are words, not typos of "feel", "torn" and "hard". */
      if (d > 0 && n <= 5 && !unfinished && !kc_typo_like(word, n, t, tl)) continue;
      double docs = sqlite3_column_double(st, 1);
      if (d < best || (d == best && docs > best_docs)) {
        best = d;
        best_docs = docs;
        memcpy(out, t, tl + 1);
      }
    }
    sqlite3_reset(st);
  }
  return best <= max && best > 0;
}

/* The meaningful words of text: normalised, without filler words and
 * single letters (the "s" of "runner's"), final s folded, space-separated. */
static void key_words(const struct kc_lexicon *lex, const char *text, size_t len, char *out,
                      size_t outlen) {
  char norm[512];
  kc_query_normalise(text, len, norm, sizeof norm);
  size_t o = 0;
  out[0] = '\0';
  for (char *w = strtok(norm, " "); w; w = strtok(NULL, " ")) {
    size_t n = strlen(w);
    if (n == 1 || kc_lexicon_is_stop(lex, w)) continue;
    if (n > 3 && w[n - 1] == 's') w[--n] = '\0';
    if (o + n + 2 > outlen) break;
    if (o) out[o++] = ' ';
    memcpy(out + o, w, n + 1);
    o += n;
  }
}

/* 1 when the title (without a subtitle after ':' or '(') says what the
 * query says: "pain behind my knee" is "Pain behind the knee". */
static int title_is_query(const struct kc_lexicon *lex, const char *title, const char *input,
                          size_t used) {
  char a[256], b[256];
  key_words(lex, title, strcspn(title, ":("), a, sizeof a);
  key_words(lex, input, used, b, sizeof b);
  return a[0] && strcmp(a, b) == 0;
}

/* Sanitises a highlighted text piecewise so the match markers survive; at
 * most `cap` bytes of it, never inside a character, markers balanced. */
static char *clean_marked(const char *s, size_t len, size_t cap) {
  if (len > cap) {
    len = cap;
    while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80) len--;
  }
  char *out = kc_xmalloc(len * 3 + 2);
  size_t o = 0, start = 0;
  int on = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i == len || s[i] == KC_MARK_ON || s[i] == KC_MARK_OFF) {
      o += kc_text_sanitize(s + start, i - start, out + o, len * 3 + 2 - o, 0);
      if (i < len) {
        out[o++] = s[i];
        on = s[i] == KC_MARK_ON;
      }
      start = i + 1;
    }
  }
  if (on) out[o++] = KC_MARK_OFF;
  out[o] = '\0';
  return out;
}

/* Fills one hit: id and plain title (marked up when its row is shown). */
static int fetch_hit(struct run *r, sqlite3_int64 rowid, struct kc_hit *h) {
  sqlite3_stmt *st = reset(r, ST_HIT);
  sqlite3_bind_int64(st, 1, rowid);
  int ok = step_ok(r, sqlite3_step(st));
  if (ok) {
    h->id = kc_content_col(st, 0, KC_CONTENT_MAX_ID, 0, NULL);
    h->title = kc_content_col(st, 1, KC_CONTENT_MAX_TITLE, 0, NULL);
    h->snippet = kc_xstrdup("");
  }
  sqlite3_reset(st);
  return ok;
}

/* The tail of kc_rank's spec: the group weights, then the group of each of
 * the n phrases of the expression. */
static void spec_tail(const char *weights, const unsigned char *phrase_group, int n, char *tail,
                      size_t taillen) {
  size_t o = (size_t)snprintf(tail, taillen, "|%s |", weights);
  for (int p = 0; p < n && o + 8 < taillen; p++)
    o += (size_t)snprintf(tail + o, taillen - o, " %d", phrase_group[p]);
}

/* The expression for the groups of mask (every one when all, else any) and
 * its spec tail. */
static void expr_and_tail(const struct kc_query *q, unsigned mask, int all, const char *weights,
                          char *expr, size_t exprlen, char *tail, size_t taillen) {
  unsigned char pg[KC_QUERY_MAX_GROUPS * KC_QUERY_MAX_ALTS];
  int np = kc_query_expr(q, mask, all, expr, exprlen, pg);
  spec_tail(weights, pg, np, tail, taillen);
}

int kc_content_find(struct kc_content *c, const struct kc_search_req *req,
                    struct kc_search_res *res, char *err, size_t errlen) {
  memset(res, 0, sizeof *res);
  err[0] = '\0';
  struct kc_search_state *s = state(c, err, errlen);
  if (!s) return -1;
  res->priv = kc_xcalloc(1, sizeof *res->priv);
  const char *input = req->query ? req->query : "";
  struct kc_query *q = kc_xmalloc(sizeof *q);
  kc_query_parse(input, strlen(input), req->prefix, s->lex, q);
  res->capped = q->capped;
  struct run r = {c, s, req->topic, 0, INT64_MAX, 0};
  if (req->topic) { /* a topic's articles are one rowid range (the packer's record) */
    char key[128];
    snprintf(key, sizeof key, "topic_rowids:%s", req->topic);
    sqlite3_stmt *m = reset(&r, ST_META);
    sqlite3_bind_text(m, 1, key, -1, SQLITE_TRANSIENT);
    long long lo, hi;
    if (step_ok(&r, sqlite3_step(m)) &&
        sscanf((const char *)sqlite3_column_text(m, 0), "%lld %lld", &lo, &hi) == 2)
      r.lo = lo, r.hi = hi;
    else
      r.lo = 1, r.hi = 0; /* a topic without articles */
    sqlite3_reset(m);
  }
  if (q->n == 0) goto done;
  complete(&r, q);

  unsigned all = (1u << q->n) - 1, live = all;
  char expr[KC_EXPR_MAX];
  kc_query_expr(q, all, 1, expr, sizeof expr, NULL);
  /* Nothing has every word: look at each word alone, correct those that
   * match nothing, and keep the ones that match something. */
  if (count_upto(&r, expr, 1) == 0) {
    live = 0;
    for (int g = 0; g < q->n; g++) {
      char one[KC_QUERY_EXPR_MAX], fix[KC_QUERY_MAX_PHRASE];
      kc_query_expr(q, 1u << g, 1, one, sizeof one, NULL);
      if (count_upto(&r, one, 1) == 0 && correct_word(&r, q->g[g].word, q->g[g].unfinished, fix)) {
        kc_query_correct(q, g, fix, s->lex);
        kc_query_expr(q, 1u << g, 1, one, sizeof one, NULL);
      }
      if (count_upto(&r, one, 1) > 0) live |= 1u << g;
    }
    if (live == 0) goto done;
  }
  /* Word weights: log(articles / articles with the word), counted up to a
   * bound so a common word costs no more than a rare one. */
  /* A word in nearly every article ("knee", "run" in a runner's knee
   * guide) tells little: the title tier does not require it in a title
   * (only somewhere in the article). Known only while the count is exact. */
  char weights[256] = "";
  size_t wo = 0;
  unsigned common = 0, rarest = 0;
  int min_df = INT_MAX;
  for (int g = 0; g < q->n; g++) {
    double w = 1.0;
    if (q->n > 1 && (live & (1u << g))) {
      char one[KC_QUERY_EXPR_MAX];
      kc_query_expr(q, 1u << g, 1, one, sizeof one, NULL);
      int df = count_upto(&r, one, KC_CANDIDATES);
      w = log(1.0 + s->n_articles / (df > 0 ? df : 1));
      if (s->n_articles < KC_CANDIDATES && df >= 0.8 * s->n_articles) common |= 1u << g;
      if (df < min_df) min_df = df, rarest = 0;
      if (df == min_df) rarest |= 1u << g;
    }
    wo += (size_t)snprintf(weights + wo, sizeof weights - wo, " %.3f", w);
  }
  if (common == all) common = all & ~rarest; /* the least common word still counts */
  if (common) { /* common words weigh in the score only (kc_rank: negative weight) */
    char again[256] = "";
    size_t ao = 0;
    char *save = NULL;
    int g = 0;
    for (char *tok = strtok_r(weights, " ", &save); tok; tok = strtok_r(NULL, " ", &save), g++)
      ao += (size_t)snprintf(again + ao, sizeof again - ao, " %s%s",
                             (common & (1u << g)) ? "-" : "", tok);
    memcpy(weights, again, ao + 1);
  }

  struct found f = {.n = 0,
                    .limit = req->limit < 1                    ? 1
                             : req->limit > KC_SEARCH_MAX_HITS ? KC_SEARCH_MAX_HITS
                                                               : req->limit};
  char tail[1024];
  int in_head = 0;
  if (live == all) {
    /* "Every word" means every meaningful word: a word in 80 % or more of
     * the articles ("knee", "run") is not required, only ranked. */
    unsigned need = all & ~common;
    if (need == all) {
      expr_and_tail(q, all, 1, weights, expr, sizeof expr, tail, sizeof tail);
    } else { /* "(needed words) AND (any word)": all of them ranked */
      char must[KC_QUERY_EXPR_MAX], any[KC_QUERY_EXPR_MAX];
      unsigned char pg[KC_MAX_PHRASES];
      int n1 = kc_query_expr(q, need, 1, must, sizeof must, pg);
      int n2 = kc_query_expr(q, all, 0, any, sizeof any, pg + n1);
      snprintf(expr, sizeof expr, "(%s) AND (%s)", must, any);
      spec_tail(weights, pg, n1 + n2, tail, sizeof tail);
    }
    rank_tier(&r, 1, expr, tail, 2, &f); /* in the title, summary or headings */
    in_head = f.n;
    rank_tier(&r, 0, expr, tail, 0, &f); /* anywhere */
    res->n_all = (size_t)f.n;
  }
  /* Not enough with every word: articles with some of them, by how many. */
  if (f.n < f.limit) {
    expr_and_tail(q, live, __builtin_popcount(live) == 1, weights, expr, sizeof expr, tail,
                  sizeof tail);
    rank_tier(&r, 0, expr, tail, 0, &f);
  }
  if (r.failed) goto done;

  /* The hits: ids, titles with every word of the query marked. */
  kc_query_expr(q, live, 0, res->priv->expr, sizeof res->priv->expr, NULL);
  res->hits = kc_xcalloc((size_t)f.n + 1, sizeof *res->hits);
  res->priv->rowids = kc_xcalloc((size_t)f.n + 1, sizeof *res->priv->rowids);
  int first_exact = -1;
  for (int i = 0; i < f.n; i++) {
    if (!fetch_hit(&r, f.rowid[i], &res->hits[res->n])) continue;
    if (first_exact < 0 && i < in_head &&
        title_is_query(s->lex, res->hits[res->n].title, input, q->used))
      first_exact = (int)res->n;
    res->priv->rowids[res->n++] = f.rowid[i];
  }
  /* An article whose title is the query comes first. */
  if (first_exact > 0) {
    struct kc_hit h = res->hits[first_exact];
    sqlite3_int64 id = res->priv->rowids[first_exact];
    memmove(res->hits + 1, res->hits, sizeof *res->hits * (size_t)first_exact);
    memmove(res->priv->rowids + 1, res->priv->rowids, sizeof id * (size_t)first_exact);
    res->hits[0] = h;
    res->priv->rowids[0] = id;
  }
  if (res->n_all > res->n) res->n_all = res->n;
  res->more = f.n == f.limit;
  for (int g = 0; g < q->n; g++)
    if (q->g[g].corrected) {
      char shown[512];
      kc_query_display(q, input, shown, sizeof shown);
      res->showing_for = kc_xstrdup(shown);
      break;
    }
  if (!r.failed) {
    size_t want = req->snippets < 0 ? res->n : (size_t)req->snippets;
    if (kc_content_find_snippets(c, res, 0, want) != 0) r.failed = 1;
  }
done:
  free(q);
  if (r.failed) {
    snprintf(err, errlen, "search failed: %s", sqlite3_errmsg(c->db));
    return -1;
  }
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
      const char *sn = (const char *)sqlite3_column_text(st, 1);
      free(h->title);
      h->title =
          clean_marked(t ? t : "", (size_t)sqlite3_column_bytes(st, 0), KC_CONTENT_MAX_TITLE);
      free(h->snippet);
      h->snippet = clean_marked(sn ? sn : "", (size_t)sqlite3_column_bytes(st, 1), 1024);
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
  for (size_t i = 0; h && i < n; i++) {
    free(h[i].id);
    free(h[i].title);
    free(h[i].snippet);
  }
  free(h);
}
