/* The two FTS5 functions search ranks and quotes with, registered on each
 * content connection: kc_rank (coverage, then title level, then BM25 with
 * the query's own word weights) and kc_snippet (the words around the best
 * match, at the cost of the words up to it). SQL in content_search.c calls
 * them; nothing else does. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_int.h"
#include "kneecare/mem.h"
#include "kneecare/query.h"

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

/* Instances in column col, in position order: (phrase, first, last token). */
static int column_instances(const Fts5ExtensionApi *api, Fts5Context *fts, int col,
                            int inst[SNIP_INST][3]) {
  int ni = 0, count = 0;
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
  return ni;
}

/* The first token of the window of len tokens with the most different
 * phrases, starting two words before a match; the earliest wins a tie. */
static int best_window(int inst[SNIP_INST][3], int ni, int len) {
  int best = 0, best_score = -1;
  for (int i = 0; i < ni; i++) {
    int from = inst[i][1] > 2 ? inst[i][1] - 2 : 0, score = 0;
    unsigned long long seen = 0;
    for (int k = i; k < ni && inst[k][2] < from + len; k++)
      if (!(seen & (1ull << (inst[k][0] & 63)))) seen |= 1ull << (inst[k][0] & 63), score++;
    if (score > best_score) best_score = score, best = from;
  }
  return best;
}

/* The text of the window (bytes w->start..w->end) with the matches marked
 * and "..." where text was cut; sqlite3_malloc'd, *n its length. */
static char *marked_window(const struct snip_walk *w, const char *text, int ntext, size_t *n) {
  size_t cap = (size_t)(w->end - w->start) + 2 * (size_t)w->n_mark + 8, o = 0;
  char *out = sqlite3_malloc64(cap);
  if (!out) return NULL;
  if (w->first > 0) o += (size_t)snprintf(out, cap, "\xE2\x80\xA6");
  int m = 0;
  for (int b = w->start; b < w->end; b++) {
    while (m < w->n_mark && w->mark_byte[m][1] >= 0 && w->mark_byte[m][1] <= b) m++;
    for (int k = m; k < w->n_mark; k++)
      if (w->mark_byte[k][0] == b && w->mark_byte[k][1] > b) {
        out[o++] = KC_MARK_ON;
        break;
      }
    out[o++] = text[b];
    for (int k = m; k < w->n_mark; k++)
      if (w->mark_byte[k][1] == b + 1 && w->mark_byte[k][0] >= 0) {
        out[o++] = KC_MARK_OFF;
        break;
      }
  }
  if (w->end < ntext) {
    memcpy(out + o, "\xE2\x80\xA6", 3);
    o += 3;
  }
  *n = o;
  return out;
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
  int inst[SNIP_INST][3];
  int ni = column_instances(api, fts, col, inst);
  int best = best_window(inst, ni, len);
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
  size_t o = 0;
  char *out = marked_window(&w, text, ntext, &o);
  if (!out) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_text(ctx, out, (int)o, sqlite3_free);
}

static void snip_free(void *p) {
  struct snip_tok *st = p;
  if (st && st->t) st->tok.xDelete(st->t);
  free(st);
}

int kc_content_fts_register(sqlite3 *db) {
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
