/* What a person types -> the words to search for -> safe FTS5 expressions.
 *
 * The input is split into words the way SQLite's unicode61 tokenizer splits
 * text (letters and digits; everything else separates), so an expression
 * holds only double-quoted runs of letters and digits, OR, AND, brackets and
 * '*': no input can be FTS5 syntax. Filler words ("how", "should", "my"),
 * from the content database's stop-word list, are dropped; words the
 * content's synonym table knows ("itb", "tylenol", "runner's knee") become a
 * group of alternatives; each other word, or words joined by a hyphen
 * ("x-ray"), is one group. The store then asks for every group (all words)
 * or for any (partial matches ranked by how many groups each article has),
 * and may correct a group that matches nothing (kc_query_correct). Pure
 * logic: the lexicon comes from the caller. */
#ifndef KC_QUERY_H
#define KC_QUERY_H

#include <stddef.h>

#define KC_QUERY_MAX_CHARS 200 /* characters of input read; the rest is ignored (capped) */
#define KC_QUERY_MAX_GROUPS 8  /* meaningful words searched; more are ignored (capped) */
#define KC_QUERY_MAX_ALTS 8    /* alternatives of one group (a word, its synonyms) */
#define KC_QUERY_MAX_PHRASE 96 /* bytes of one alternative ("iliotibial band") */
#define KC_QUERY_MAX_TOKENS 64 /* words of input looked at */
#define KC_QUERY_EXPR_MAX (KC_QUERY_MAX_GROUPS * KC_QUERY_MAX_ALTS * (KC_QUERY_MAX_PHRASE + 8) + 64)

/* ---- the lexicon: stop words and synonyms ---------------------------------- */

struct kc_lexicon;
struct kc_lexicon *kc_lexicon_new(void);
void kc_lexicon_free(struct kc_lexicon *lex);
/* Words are normalised as queries are (lower case, split like unicode61);
 * anything longer than KC_QUERY_MAX_PHRASE or without a word is ignored. */
void kc_lexicon_add_stop(struct kc_lexicon *lex, const char *word);
/* What people type (`term`: "itb", "runner's knee") -> what the articles say
 * (`means`: "it band"). A term may have several rows. */
void kc_lexicon_add_synonym(struct kc_lexicon *lex, const char *term, const char *means);
int kc_lexicon_is_stop(const struct kc_lexicon *lex, const char *word);
/* 1 when `word` (one word, normalised) is a term of the synonym table. */
int kc_lexicon_is_term(const struct kc_lexicon *lex, const char *word);
size_t kc_lexicon_size(const struct kc_lexicon *lex); /* stop words + synonym rows */

/* ---- a parsed query ----------------------------------------------------------- */

struct kc_qgroup {
  char word[KC_QUERY_MAX_PHRASE]; /* as searched: the typed word(s), or its correction */
  char alt[KC_QUERY_MAX_ALTS][KC_QUERY_MAX_PHRASE]; /* FTS5 phrases: words joined by spaces */
  unsigned char alt_prefix[KC_QUERY_MAX_ALTS];      /* the alternative's last word is a prefix */
  int n_alt;
  size_t off, len; /* the group's words in the input (for kc_query_display) */
  int unfinished;  /* the last word of a type-ahead query: may be a prefix */
  int synonym;     /* alternatives came from the synonym table */
  int corrected;   /* word replaced by kc_query_correct */
};

struct kc_query {
  struct kc_qgroup g[KC_QUERY_MAX_GROUPS];
  int n;
  int capped;    /* input beyond KC_QUERY_MAX_CHARS, words or groups was ignored */
  int stop_only; /* every word was a filler word: those are searched instead */
  size_t used;   /* bytes of input read */
};

/* Parses input (any bytes). `prefix`: type-ahead, the last word may be
 * unfinished unless the input ends with a space. lex may be NULL (no stop
 * words, no synonyms). Returns the number of groups (0: nothing to search). */
int kc_query_parse(const char *input, size_t len, int prefix, const struct kc_lexicon *lex,
                   struct kc_query *q);

/* Adds an alternative to group g; ignored when the group is full or the
 * phrase has no word. */
void kc_query_add_alt(struct kc_query *q, int g, const char *phrase, int prefix);
/* Adds a whole word to group g (a completion of an unfinished word) with
 * its meanings when it is a synonym term ("tyl" -> "tylenol", "paracetamol"). */
void kc_query_add_word(struct kc_query *q, int g, const char *word, const struct kc_lexicon *lex);

/* Replaces group g's words with `word` (a correction from the index), with
 * the synonyms of that word; marks it corrected. */
void kc_query_correct(struct kc_query *q, int g, const char *word, const struct kc_lexicon *lex);

/* The FTS5 expression for the groups in `mask` (bit i = group i): every
 * group must match (all = 1), or any (all = 0). `phrase_group`, if not
 * NULL, receives for each FTS5 phrase of the expression, in order, the
 * index of its group (room for KC_QUERY_MAX_GROUPS * KC_QUERY_MAX_ALTS).
 * Returns the number of phrases; out is "" when there are none. */
int kc_query_expr(const struct kc_query *q, unsigned mask, int all, char *out, size_t outlen,
                  unsigned char *phrase_group);

/* The query as searched, for "showing results for": the input with each
 * corrected group's words replaced by the correction. */
void kc_query_display(const struct kc_query *q, const char *input, char *out, size_t outlen);

/* Text -> its words, lower case, joined by single spaces (how titles are
 * compared with a query). Returns the length written. */
size_t kc_query_normalise(const char *s, size_t len, char *out, size_t outlen);

/* Optimal-string-alignment distance (insertions, deletions, substitutions
 * and swaps of neighbours) between a and b, in bytes; any distance above
 * `max` is reported as max + 1 (the computation stops early). */
int kc_edit_distance(const char *a, size_t la, const char *b, size_t lb, int max);

/* 1 when b is a over one slip of the fingers that rarely makes another
 * real word: a letter doubled or undoubled ("kneee", "sweling"), or two
 * neighbours swapped ("teh"). Short words are corrected only so ("fell"
 * is not a typing mistake for "feel"). */
int kc_typo_like(const char *a, size_t la, const char *b, size_t lb);

#endif
