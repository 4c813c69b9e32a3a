/* Query rewriting: what a person types -> groups of alternatives -> FTS5
 * expressions. See include/kneecare/query.h for the rules.
 *
 * Safety: words are split where SQLite's unicode61 tokenizer would split
 * them and only their letters and digits are kept, so every expression is
 * made of double-quoted runs of letters and digits joined by OR, AND,
 * brackets and '*' -- the fuzzer (fuzz_query) checks that FTS5 never
 * reports an error for any input. Cost: the input read is capped
 * (KC_QUERY_MAX_CHARS), repeated words are searched once and at most
 * KC_QUERY_MAX_GROUPS groups are made, so a pasted page costs what a short
 * question costs. */
#include "kneecare/query.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/mem.h"
#include "kneecare/text.h"

/* ---- words -------------------------------------------------------------------- */

static int is_ascii_alnum(uint32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* Code points unicode61 treats as separators outside ASCII: Latin-1 symbols,
 * general punctuation, arrows to dingbats, CJK punctuation, compatibility
 * forms, emoji. Letters, digits and combining marks are word characters. */
static int is_word_cp(uint32_t cp) {
  if (cp < 0x80) return is_ascii_alnum(cp);
  if (cp == KC_REPLACEMENT || kc_cp_is_unsafe(cp)) return 0;
  if ((cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7) return 0;
  if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2190 && cp <= 0x2BFF)) return 0;
  if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE10 && cp <= 0xFE6F)) return 0;
  if ((cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
      (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
    return 0;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return 0;
  return 1;
}

static int is_apostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }
static int is_hyphen(uint32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

#define TOKEN_MAX 48 /* bytes kept of one word */

struct token {
  size_t off, len;      /* the word in the input, as typed */
  char w[TOKEN_MAX];    /* lower case */
  char fold[TOKEN_MAX]; /* and without a plural 's': how synonym terms are matched */
  int joined;           /* follows the previous word through a hyphen ("x-ray") */
  int clitic;           /* follows an apostrophe ("runner's" -> "s") */
  int unfinished;       /* type-ahead: the last word, still being typed */
};

static void fold_plural(const char *w, char *out) {
  size_t n = strlen(w);
  memcpy(out, w, n + 1);
  if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's') out[n - 1] = '\0';
}

/* Splits input into words. Returns the count; *used and *capped report how
 * much was read. */
static int tokenize(const char *in, size_t len, int prefix, struct token *t, int max, size_t *used,
                    int *capped) {
  int n = 0, chars = 0, seps = 0;
  uint32_t sep = ' '; /* the separator after the previous word, when it is alone */
  size_t i = 0;
  *capped = 0;
  while (i < len) {
    uint32_t cp;
    size_t k = kc_utf8_decode(in + i, len - i, &cp);
    if (chars == KC_QUERY_MAX_CHARS) {
      *capped = 1;
      break;
    }
    if (!is_word_cp(cp)) {
      chars++;
      sep = cp;
      seps++;
      i += k;
      continue;
    }
    if (n == max) {
      *capped = 1;
      break;
    }
    struct token *tk = &t[n];
    memset(tk, 0, sizeof *tk);
    tk->off = i;
    /* One hyphen or apostrophe between two words ties them: "x-ray" is one
     * phrase, the "s" of "runner's" belongs to "runner". */
    int tied = n > 0 && seps == 1;
    size_t o = 0;
    while (i < len && chars < KC_QUERY_MAX_CHARS) {
      k = kc_utf8_decode(in + i, len - i, &cp);
      if (!is_word_cp(cp)) break;
      chars++;
      if (o + k < TOKEN_MAX) {
        memcpy(tk->w + o, in + i, k);
        if (cp >= 'A' && cp <= 'Z') tk->w[o] = (char)(cp - 'A' + 'a');
        o += k;
      }
      i += k;
    }
    tk->w[o] = '\0';
    tk->len = i - tk->off;
    if (i < len && chars == KC_QUERY_MAX_CHARS) {
      *capped = 1; /* cut inside a word: that word is not searched */
      break;
    }
    tk->joined = tied && is_hyphen(sep);
    tk->clitic = tied && is_apostrophe(sep) && o <= 2;
    fold_plural(tk->w, tk->fold);
    seps = 0;
    n++;
  }
  *used = i;
  /* Type-ahead: the last word is unfinished unless something follows it. */
  if (prefix && n > 0 && !*capped && t[n - 1].off + t[n - 1].len == len) t[n - 1].unfinished = 1;
  return n;
}

size_t kc_query_normalise(const char *s, size_t len, char *out, size_t outlen) {
  struct token t[KC_QUERY_MAX_TOKENS];
  size_t used, o = 0;
  int capped;
  int n = tokenize(s, len, 0, t, KC_QUERY_MAX_TOKENS, &used, &capped);
  if (outlen) out[0] = '\0';
  for (int i = 0; i < n; i++) {
    size_t w = strlen(t[i].w);
    if (o + w + 2 > outlen) break;
    if (o) out[o++] = ' ';
    memcpy(out + o, t[i].w, w + 1);
    o += w;
  }
  return o;
}

/* ---- the lexicon ------------------------------------------------------------- */

/* The three strings share one allocation, owned by the row (fold points
 * at its start): a few dozen bytes a row instead of three fixed buffers. */
struct synonym {
  const char *fold; /* the term's words, clitics dropped, plurals folded */
  const char *term; /* the term as an FTS5 phrase */
  const char *means;
};

struct kc_lexicon {
  char (*stop)[TOKEN_MAX];
  size_t n_stop, cap_stop;
  struct synonym *syn;
  size_t n_syn, cap_syn;
  int sorted;
};

struct kc_lexicon *kc_lexicon_new(void) {
  return kc_xcalloc(1, sizeof(struct kc_lexicon));
}

void kc_lexicon_free(struct kc_lexicon *lex) {
  if (!lex) return;
  free(lex->stop);
  for (size_t i = 0; i < lex->n_syn; i++) free((char *)lex->syn[i].fold);
  free(lex->syn);
  free(lex);
}

size_t kc_lexicon_size(const struct kc_lexicon *lex) { return lex ? lex->n_stop + lex->n_syn : 0; }

/* phrase: words joined by spaces; fold: without clitics, plurals folded. */
static int phrase_of(const char *s, char *phrase, char *fold) {
  struct token t[16];
  size_t used, p = 0, f = 0;
  int capped, n = tokenize(s, strlen(s), 0, t, 16, &used, &capped);
  phrase[0] = fold[0] = '\0';
  for (int i = 0; i < n; i++) {
    size_t a = strlen(t[i].w), b = strlen(t[i].fold);
    if (p + a + 2 > KC_QUERY_MAX_PHRASE || f + b + 2 > KC_QUERY_MAX_PHRASE) return 0;
    if (p) phrase[p++] = ' ';
    memcpy(phrase + p, t[i].w, a + 1);
    p += a;
    if (t[i].clitic) continue;
    if (f) fold[f++] = ' ';
    memcpy(fold + f, t[i].fold, b + 1);
    f += b;
  }
  return n > 0 && !capped;
}

void kc_lexicon_add_stop(struct kc_lexicon *lex, const char *word) {
  char phrase[KC_QUERY_MAX_PHRASE], fold[KC_QUERY_MAX_PHRASE];
  if (!phrase_of(word, phrase, fold) || strchr(phrase, ' ') || strlen(phrase) >= TOKEN_MAX) return;
  KC_GROW(lex->stop, lex->cap_stop, lex->n_stop + 1);
  memcpy(lex->stop[lex->n_stop++], phrase, strlen(phrase) + 1);
  lex->sorted = 0;
}

void kc_lexicon_add_synonym(struct kc_lexicon *lex, const char *term, const char *means) {
  char t[KC_QUERY_MAX_PHRASE], f[KC_QUERY_MAX_PHRASE], m[KC_QUERY_MAX_PHRASE];
  char mfold[KC_QUERY_MAX_PHRASE];
  if (!phrase_of(term, t, f) || !phrase_of(means, m, mfold)) return;
  const size_t nf = strlen(f) + 1, nt = strlen(t) + 1, nm = strlen(m) + 1;
  char *block = kc_xmalloc(nf + nt + nm);
  memcpy(block, f, nf);
  memcpy(block + nf, t, nt);
  memcpy(block + nf + nt, m, nm);
  KC_GROW(lex->syn, lex->cap_syn, lex->n_syn + 1);
  lex->syn[lex->n_syn++] = (struct synonym){block, block + nf, block + nf + nt};
  lex->sorted = 0;
}

static int cmp_stop(const void *a, const void *b) { return strcmp(a, b); }
static int cmp_syn(const void *a, const void *b) {
  const struct synonym *x = a, *y = b;
  int c = strcmp(x->fold, y->fold);
  return c ? c : strcmp(x->means, y->means);
}

static void lex_sort(const struct kc_lexicon *clex) {
  struct kc_lexicon *lex = (struct kc_lexicon *)clex; /* sorting is not a visible change */
  if (lex->sorted) return;
  if (lex->n_stop) qsort(lex->stop, lex->n_stop, sizeof *lex->stop, cmp_stop);
  if (lex->n_syn) qsort(lex->syn, lex->n_syn, sizeof *lex->syn, cmp_syn);
  lex->sorted = 1;
}

int kc_lexicon_is_stop(const struct kc_lexicon *lex, const char *word) {
  if (!lex || !lex->n_stop || strlen(word) >= TOKEN_MAX) return 0;
  lex_sort(lex);
  return bsearch(word, lex->stop, lex->n_stop, sizeof *lex->stop, cmp_stop) != NULL;
}

/* The first synonym row whose folded term is `fold`, and how many there are. */
static const struct synonym *find_term(const struct kc_lexicon *lex, const char *fold, int *count) {
  *count = 0;
  if (!lex || !lex->n_syn) return NULL;
  lex_sort(lex);
  size_t lo = 0, hi = lex->n_syn;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (strcmp(lex->syn[mid].fold, fold) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t k = lo;
  while (k < lex->n_syn && strcmp(lex->syn[k].fold, fold) == 0) k++;
  *count = (int)(k - lo);
  return k > lo ? &lex->syn[lo] : NULL;
}

int kc_lexicon_is_term(const struct kc_lexicon *lex, const char *word) {
  char fold[TOKEN_MAX];
  int count;
  if (strlen(word) >= TOKEN_MAX) return 0;
  fold_plural(word, fold);
  return find_term(lex, fold, &count) != NULL;
}

/* ---- groups ------------------------------------------------------------------- */

void kc_query_add_alt(struct kc_query *q, int g, const char *phrase, int prefix) {
  if (g < 0 || g >= q->n) return;
  struct kc_qgroup *gr = &q->g[g];
  size_t n = strlen(phrase);
  if (gr->n_alt == KC_QUERY_MAX_ALTS || n == 0 || n >= KC_QUERY_MAX_PHRASE) return;
  for (int a = 0; a < gr->n_alt; a++)
    if (strcmp(gr->alt[a], phrase) == 0 && gr->alt_prefix[a] == (prefix != 0)) return;
  memcpy(gr->alt[gr->n_alt], phrase, n + 1);
  gr->alt_prefix[gr->n_alt++] = prefix != 0;
}

static void set_synonyms(struct kc_query *q, int g, const struct synonym *s, int count) {
  kc_query_add_alt(q, g, s->term, 0);
  for (int i = 0; i < count; i++) kc_query_add_alt(q, g, s[i].means, 0);
  q->g[g].synonym = 1;
}

/* Words t[a..b) as one phrase (clitics kept: FTS5 sees "runner's" as two
 * words). 0 when it does not fit. */
static int join_words(const struct token *t, int a, int b, char *out) {
  size_t o = 0;
  out[0] = '\0';
  for (int i = a; i < b; i++) {
    size_t w = strlen(t[i].w);
    if (o + w + 2 > KC_QUERY_MAX_PHRASE) return 0;
    if (o) out[o++] = ' ';
    memcpy(out + o, t[i].w, w + 1);
    o += w;
  }
  return o > 0;
}

static int same_group(const struct kc_query *q, const char *word) {
  for (int g = 0; g < q->n; g++)
    if (strcmp(q->g[g].word, word) == 0) return 1;
  return 0;
}

/* Starts a group for words t[a..b); -1 when it repeats one or there is no room. */
static int new_group(struct kc_query *q, const struct token *t, int a, int b) {
  char word[KC_QUERY_MAX_PHRASE];
  if (!join_words(t, a, b, word) || same_group(q, word)) return -1;
  if (q->n == KC_QUERY_MAX_GROUPS) {
    q->capped = 1;
    return -1;
  }
  struct kc_qgroup *g = &q->g[q->n];
  memset(g, 0, sizeof *g);
  memcpy(g->word, word, strlen(word) + 1);
  g->off = t[a].off;
  g->len = t[b - 1].off + t[b - 1].len - t[a].off;
  g->unfinished = t[b - 1].unfinished;
  return q->n++;
}

/* The longest synonym term starting at word i (up to 4 words, clitics
 * skipped); returns the words it spans (0: none). An unfinished last word
 * only matches when typed in full. */
static int match_term(const struct kc_lexicon *lex, const struct token *t, int n, int i,
                      const struct synonym **s, int *count) {
  int best = 0;
  char key[KC_QUERY_MAX_PHRASE];
  size_t o = 0;
  int words = 0;
  for (int j = i; j < n && words < 4; j++) {
    if (t[j].clitic) continue;
    size_t w = strlen(t[j].fold);
    if (o + w + 2 > sizeof key) break;
    if (o) key[o++] = ' ';
    memcpy(key + o, t[j].fold, w + 1);
    o += w;
    words++;
    int c;
    const struct synonym *hit = find_term(lex, key, &c);
    if (hit) {
      int end = j + 1;
      while (end < n && t[end].clitic) end++;
      best = end - i;
      *s = hit;
      *count = c;
    }
  }
  return best;
}

int kc_query_parse(const char *input, size_t len, int prefix, const struct kc_lexicon *lex,
                   struct kc_query *q) {
  struct token t[KC_QUERY_MAX_TOKENS];
  memset(q, 0, sizeof *q);
  if (!input) input = "";
  int n = tokenize(input, len, prefix, t, KC_QUERY_MAX_TOKENS, &q->used, &q->capped);
  int stops = 0;
  for (int i = 0; i < n;) {
    const struct synonym *s = NULL;
    int count = 0, span = match_term(lex, t, n, i, &s, &count);
    if (span) {
      int g = new_group(q, t, i, i + span);
      if (g >= 0) {
        set_synonyms(q, g, s, count);
        /* Still being typed: the word may also be the start of another. */
        if (q->g[g].unfinished) kc_query_add_alt(q, g, q->g[g].word, 1);
      }
      i += span;
      continue;
    }
    /* One unit: a word and the words hyphenated to it, with its clitics. */
    int end = i + 1;
    while (end < n && (t[end].joined || t[end].clitic)) end++;
    int single = end == i + 1 || (end == i + 2 && t[i + 1].clitic);
    if (t[i].clitic || (single && kc_lexicon_is_stop(lex, t[i].w))) {
      stops++;
      i = end;
      continue;
    }
    /* A lone letter says nothing ("i", the start of a word being typed). */
    if (single && strlen(t[i].w) == 1 && !(t[i].w[0] >= '0' && t[i].w[0] <= '9')) {
      i = end;
      continue;
    }
    int g = new_group(q, t, i, end);
    if (g >= 0) kc_query_add_alt(q, g, q->g[g].word, q->g[g].unfinished);
    i = end;
  }
  /* Only filler words ("how", "why"): search for them rather than nothing. */
  if (q->n == 0 && stops > 0) {
    q->stop_only = 1;
    for (int i = 0; i < n; i++) {
      if (t[i].clitic || (strlen(t[i].w) == 1 && t[i].unfinished)) continue;
      int g = new_group(q, t, i, i + 1);
      if (g >= 0) kc_query_add_alt(q, g, q->g[g].word, q->g[g].unfinished);
    }
  }
  return q->n;
}

void kc_query_add_word(struct kc_query *q, int g, const char *word, const struct kc_lexicon *lex) {
  char phrase[KC_QUERY_MAX_PHRASE], fold[KC_QUERY_MAX_PHRASE];
  if (g < 0 || g >= q->n || !phrase_of(word, phrase, fold)) return;
  kc_query_add_alt(q, g, phrase, 0);
  int count;
  const struct synonym *s = find_term(lex, fold, &count);
  for (int i = 0; s && i < count; i++) kc_query_add_alt(q, g, s[i].means, 0);
}

void kc_query_correct(struct kc_query *q, int g, const char *word, const struct kc_lexicon *lex) {
  if (g < 0 || g >= q->n) return;
  struct kc_qgroup *gr = &q->g[g];
  char phrase[KC_QUERY_MAX_PHRASE], fold[KC_QUERY_MAX_PHRASE];
  if (!phrase_of(word, phrase, fold)) return;
  memcpy(gr->word, phrase, strlen(phrase) + 1);
  gr->n_alt = 0;
  gr->unfinished = 0;
  gr->synonym = 0;
  gr->corrected = 1;
  int count;
  const struct synonym *s = find_term(lex, fold, &count);
  if (s) set_synonyms(q, g, s, count);
  kc_query_add_alt(q, g, phrase, 0);
}

/* ---- expressions -------------------------------------------------------------- */

static int put(char *out, size_t outlen, size_t *o, const char *s) {
  size_t n = strlen(s);
  if (*o + n + 1 > outlen) return -1;
  memcpy(out + *o, s, n + 1);
  *o += n;
  return 0;
}

int kc_query_expr(const struct kc_query *q, unsigned mask, int all, char *out, size_t outlen,
                  unsigned char *phrase_group) {
  size_t o = 0;
  int phrases = 0;
  if (outlen == 0) return 0;
  out[0] = '\0';
  for (int g = 0; g < q->n; g++) {
    const struct kc_qgroup *gr = &q->g[g];
    if (!(mask & (1u << g)) || gr->n_alt == 0) continue;
    /* A group goes in whole or not at all, so the expression stays valid. */
    size_t start = o;
    int ok = put(out, outlen, &o, o ? (all ? " AND " : " OR ") : "") == 0 &&
             put(out, outlen, &o, all && gr->n_alt > 1 ? "(" : "") == 0;
    for (int a = 0; ok && a < gr->n_alt; a++) {
      ok = put(out, outlen, &o, a ? " OR \"" : "\"") == 0 &&
           put(out, outlen, &o, gr->alt[a]) == 0 &&
           put(out, outlen, &o, gr->alt_prefix[a] ? "\"*" : "\"") == 0;
      if (ok && phrase_group) phrase_group[phrases + a] = (unsigned char)g;
    }
    ok = ok && put(out, outlen, &o, all && gr->n_alt > 1 ? ")" : "") == 0;
    if (!ok) {
      o = start;
      out[o] = '\0';
      break;
    }
    phrases += gr->n_alt;
  }
  return phrases;
}

void kc_query_display(const struct kc_query *q, const char *input, char *out, size_t outlen) {
  struct token t[KC_QUERY_MAX_TOKENS];
  size_t used, o = 0;
  int capped;
  int n = tokenize(input, q->used, 0, t, KC_QUERY_MAX_TOKENS, &used, &capped);
  if (outlen == 0) return;
  out[0] = '\0';
  for (int i = 0; i < n; i++) {
    const char *w = NULL;
    size_t wl = 0;
    int skip = 0;
    for (int g = 0; g < q->n; g++) {
      const struct kc_qgroup *gr = &q->g[g];
      if (!gr->corrected || t[i].off < gr->off || t[i].off >= gr->off + gr->len) continue;
      if (t[i].off == gr->off)
        w = gr->word, wl = strlen(gr->word);
      else
        skip = 1;
    }
    if (skip) continue;
    if (!w) w = input + t[i].off, wl = t[i].len; /* letters and digits only */
    const char *sep = !o ? "" : t[i].clitic ? "'" : t[i].joined ? "-" : " ";
    size_t sl = strlen(sep);
    if (o + sl + wl + 1 > outlen) break;
    memcpy(out + o, sep, sl);
    o += sl;
    memcpy(out + o, w, wl);
    o += wl;
    out[o] = '\0';
  }
}

/* ---- spelling ------------------------------------------------------------------ */

int kc_edit_distance(const char *a, size_t la, const char *b, size_t lb, int max) {
  if (la > 64 || lb > 64) return max + 1;
  if ((int)(la > lb ? la - lb : lb - la) > max) return max + 1;
  int prev2[65], prev[65], cur[65];
  for (size_t j = 0; j <= lb; j++) prev[j] = (int)j;
  for (size_t i = 1; i <= la; i++) {
    cur[0] = (int)i;
    int row_min = cur[0];
    for (size_t j = 1; j <= lb; j++) {
      int cost = a[i - 1] != b[j - 1];
      int v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (prev[j - 1] + cost < v) v = prev[j - 1] + cost;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < v)
        v = prev2[j - 2] + 1;
      cur[j] = v;
      if (v < row_min) row_min = v;
    }
    if (row_min > max) return max + 1;
    memcpy(prev2, prev, sizeof prev);
    memcpy(prev, cur, sizeof cur);
  }
  return prev[lb] > max ? max + 1 : prev[lb];
}

/* b is a with one letter that repeats its neighbour removed. */
static int drops_double(const char *a, size_t la, const char *b, size_t lb) {
  if (la != lb + 1) return 0;
  for (size_t i = 0; i < la; i++)
    if ((i > 0 && a[i] == a[i - 1]) || (i + 1 < la && a[i] == a[i + 1]))
      if (memcmp(a, b, i) == 0 && memcmp(a + i + 1, b + i, la - i - 1) == 0) return 1;
  return 0;
}

int kc_typo_like(const char *a, size_t la, const char *b, size_t lb) {
  if (drops_double(a, la, b, lb) || drops_double(b, lb, a, la)) return 1;
  if (la != lb) return 0;
  size_t i = 0;
  while (i < la && a[i] == b[i]) i++;
  return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         memcmp(a + i + 2, b + i + 2, la - i - 2) == 0;
}
