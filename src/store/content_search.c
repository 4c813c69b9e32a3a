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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_int.h"
#include "kneecare/ln.h"
#include "kneecare/mem.h"
#include "kneecare/query.h"
#include "kneecare/text.h"

#define KC_EXACT_MAX 256
#define KC_CANDIDATES 1000
#define KC_COMPLETIONS 6     /* words tried for an unfinished last word */
#define KC_VOCAB_SCAN 5000   /* words starting with one letter looked at for a correction */
#define KC_LEXICON_ROWS 4000 /* stop words and synonym rows read from the content */
/* Phrases of one expression: "(rare words) AND (any word)" names each twice. */
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
  if (kc_content_fts_register(c->db) != 0) {
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

/* A topic's articles are one rowid range (the packer's record). */
static void topic_range(struct run *r, const char *topic) {
  char key[128];
  snprintf(key, sizeof key, "topic_rowids:%s", topic);
  sqlite3_stmt *m = reset(r, ST_META);
  sqlite3_bind_text(m, 1, key, -1, SQLITE_TRANSIENT);
  long long lo, hi;
  if (step_ok(r, sqlite3_step(m)) &&
      sscanf((const char *)sqlite3_column_text(m, 0), "%lld %lld", &lo, &hi) == 2)
    r->lo = lo, r->hi = hi;
  else
    r->lo = 1, r->hi = 0; /* a topic without articles */
  sqlite3_reset(m);
}

/* The words that match something: all of them when some article has every
 * word; else each word alone, a word that matches nothing corrected. */
static unsigned live_words(struct run *r, struct kc_query *q) {
  unsigned all = (1u << q->n) - 1, live = 0;
  char expr[KC_EXPR_MAX];
  kc_query_expr(q, all, 1, expr, sizeof expr, NULL);
  if (count_upto(r, expr, 1) > 0) return all;
  for (int g = 0; g < q->n; g++) {
    char one[KC_QUERY_EXPR_MAX], fix[KC_QUERY_MAX_PHRASE];
    kc_query_expr(q, 1u << g, 1, one, sizeof one, NULL);
    if (count_upto(r, one, 1) == 0 && correct_word(r, q->g[g].word, q->g[g].unfinished, fix)) {
      kc_query_correct(q, g, fix, r->s->lex);
      kc_query_expr(q, 1u << g, 1, one, sizeof one, NULL);
    }
    if (count_upto(r, one, 1) > 0) live |= 1u << g;
  }
  return live;
}

/* Word weights, " w0 w1 ...", into weights: log(1 + articles / articles
 * with the word), counted up to a bound so a common word costs no more than a
 * rare one. A word in nearly every article ("knee", "run" in a runner's
 * knee guide) tells little: its weight is negative, which kc_rank counts
 * in the score only, never as coverage. Returns the common words' mask. */
static unsigned word_weights(struct run *r, const struct kc_query *q, unsigned live, char *weights,
                             size_t cap) {
  unsigned all = (1u << q->n) - 1, common = 0, rarest = 0;
  int min_df = INT_MAX;
  double w[KC_QUERY_MAX_GROUPS];
  for (int g = 0; g < q->n; g++) {
    w[g] = 1.0;
    if (q->n > 1 && (live & (1u << g))) {
      char one[KC_QUERY_EXPR_MAX];
      kc_query_expr(q, 1u << g, 1, one, sizeof one, NULL);
      int df = count_upto(r, one, KC_CANDIDATES);
      w[g] = kc_ln(1.0 + r->s->n_articles / (df > 0 ? df : 1));
      /* Known only while the count is exact. */
      if (r->s->n_articles < KC_CANDIDATES && df >= 0.8 * r->s->n_articles) common |= 1u << g;
      if (df < min_df) min_df = df, rarest = 0;
      if (df == min_df) rarest |= 1u << g;
    }
  }
  if (common == all) common = all & ~rarest; /* the least common word still counts */
  size_t o = 0;
  weights[0] = '\0';
  for (int g = 0; g < q->n && o < cap; g++)
    o += (size_t)snprintf(weights + o, cap - o, " %s%.3f", (common & (1u << g)) ? "-" : "", w[g]);
  return common;
}

/* Ranks the tiers into f: every meaningful word in the title, summary or
 * headings; every word anywhere; then, if the page is not full, some of the
 * words by how many. *in_head counts the first tier's hits, *n_all both. */
static void rank_tiers(struct run *r, const struct kc_query *q, unsigned live, unsigned common,
                       const char *weights, struct found *f, int *in_head, size_t *n_all) {
  unsigned all = (1u << q->n) - 1;
  char expr[KC_EXPR_MAX], tail[1024];
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
    rank_tier(r, 1, expr, tail, 2, f); /* in the title, summary or headings */
    *in_head = f->n;
    rank_tier(r, 0, expr, tail, 0, f); /* anywhere */
    *n_all = (size_t)f->n;
  }
  if (f->n < f->limit) {
    expr_and_tail(q, live, __builtin_popcount(live) == 1, weights, expr, sizeof expr, tail,
                  sizeof tail);
    rank_tier(r, 0, expr, tail, 0, f);
  }
}

/* The hits: ids and plain titles; an article whose title is the query
 * comes first. */
static void collect_hits(struct run *r, const struct found *f, int in_head, const char *input,
                         const struct kc_query *q, struct kc_search_res *res) {
  res->hits = kc_xcalloc((size_t)f->n + 1, sizeof *res->hits);
  res->priv->rowids = kc_xcalloc((size_t)f->n + 1, sizeof *res->priv->rowids);
  int first_exact = -1;
  for (int i = 0; i < f->n; i++) {
    if (!fetch_hit(r, f->rowid[i], &res->hits[res->n])) continue;
    if (first_exact < 0 && i < in_head &&
        title_is_query(r->s->lex, res->hits[res->n].title, input, q->used))
      first_exact = (int)res->n;
    res->priv->rowids[res->n++] = f->rowid[i];
  }
  if (first_exact > 0) {
    struct kc_hit h = res->hits[first_exact];
    sqlite3_int64 id = res->priv->rowids[first_exact];
    memmove(res->hits + 1, res->hits, sizeof *res->hits * (size_t)first_exact);
    memmove(res->priv->rowids + 1, res->priv->rowids, sizeof id * (size_t)first_exact);
    res->hits[0] = h;
    res->priv->rowids[0] = id;
  }
}

/* "Showing results for ..." when a word was corrected. */
static void note_corrections(const struct kc_query *q, const char *input,
                             struct kc_search_res *res) {
  for (int g = 0; g < q->n; g++)
    if (q->g[g].corrected) {
      char shown[512];
      kc_query_display(q, input, shown, sizeof shown);
      res->showing_for = kc_xstrdup(shown);
      return;
    }
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
  if (req->topic) topic_range(&r, req->topic);
  unsigned live = 0;
  if (q->n > 0) {
    complete(&r, q);
    live = live_words(&r, q);
  }
  if (live) {
    char weights[256];
    unsigned common = word_weights(&r, q, live, weights, sizeof weights);
    struct found f = {.n = 0,
                      .limit = req->limit < 1                    ? 1
                               : req->limit > KC_SEARCH_MAX_HITS ? KC_SEARCH_MAX_HITS
                                                                 : req->limit};
    int in_head = 0;
    rank_tiers(&r, q, live, common, weights, &f, &in_head, &res->n_all);
    if (!r.failed) {
      /* Every word of the query is marked in titles and snippets. */
      kc_query_expr(q, live, 0, res->priv->expr, sizeof res->priv->expr, NULL);
      collect_hits(&r, &f, in_head, input, q, res);
      if (res->n_all > res->n) res->n_all = res->n;
      res->more = f.n == f.limit;
      note_corrections(q, input, res);
      size_t want = req->snippets < 0 ? res->n : (size_t)req->snippets;
      if (!r.failed && kc_content_find_snippets(c, res, 0, want) != 0) r.failed = 1;
    }
  }
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
