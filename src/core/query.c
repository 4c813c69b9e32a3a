/* Search-query escaping for FTS5. Quoting every word turns operators such as
 * OR, NEAR(, -, * and column filters into plain words; a fuzzer checks that
 * FTS5 never reports an error for anything this produces. */
#include "kneecare/query.h"

#include <stdint.h>
#include <string.h>

#include "kneecare/text.h"

static int is_space(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
         cp == 0xA0 || cp == 0x3000;
}

static int same_ci(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
    if (x != y) return 0;
  }
  return 1;
}

/* 1 if the quoted word is already in out[0..o) (ASCII case folded, as FTS5
 * folds it). */
static int seen(const char *out, size_t o, const char *word, size_t w) {
  for (size_t i = 0; i + w + 2 <= o; i++)
    if (out[i] == '"' && (i == 0 || out[i - 1] == ' ') && same_ci(out + i + 1, word, w) &&
        out[i + 1 + w] == '"' && (i + w + 2 == o || out[i + w + 2] == ' '))
      return 1;
  return 0;
}

int kc_query_build(const char *input, size_t len, int prefix, char *out, size_t outlen) {
  if (outlen == 0) return 0;
  size_t o = 0;
  int words = 0, last_cps = 0, last_dup = 0;
  size_t i = 0;
  out[0] = '\0';
  while (i < len && words < KC_QUERY_MAX_WORDS) {
    uint32_t cp;
    size_t n = kc_utf8_decode(input + i, len - i, &cp);
    if (is_space(cp)) {
      i += n;
      continue;
    }
    /* One word: up to the next space. */
    char word[KC_QUERY_MAX_WORD * 4 * 2 + 1];
    size_t w = 0;
    int cps = 0, has_text = 0;
    while (i < len) {
      n = kc_utf8_decode(input + i, len - i, &cp);
      if (is_space(cp)) break;
      i += n;
      if (cp == KC_REPLACEMENT || kc_cp_is_unsafe(cp) || cps >= KC_QUERY_MAX_WORD) continue;
      char enc[4];
      size_t m = kc_utf8_encode(cp, enc);
      if (cp == '"') word[w++] = '"'; /* FTS5 escapes a quote by doubling it */
      memcpy(word + w, enc, m);
      w += m;
      cps++;
      /* A word made only of punctuation matches nothing; skip it so "-" or
       * "*" alone means "no query" rather than "no matches". */
      if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
          cp >= 0x80)
        has_text = 1;
    }
    if (!has_text) continue;
    /* A repeated word adds nothing to what matches but multiplies FTS5's
     * work per row (15 x "the" made snippets 30x slower): keep it once. */
    if (seen(out, o, word, w)) {
      last_dup = 1;
      continue;
    }
    last_dup = 0;
    size_t need = w + 2 + (o ? 1 : 0) + 2;
    if (o + need >= outlen) break;
    if (o) out[o++] = ' ';
    out[o++] = '"';
    memcpy(out + o, word, w);
    o += w;
    out[o++] = '"';
    words++;
    last_cps = cps;
  }
  /* A one-letter prefix matches nearly everything and tells the reader
   * nothing; type-ahead starts at the second letter. A space after the last
   * word means it is finished. */
  int ends_in_space = 0;
  if (len) {
    size_t k = len;
    while (k > 0 && ((unsigned char)input[k - 1] & 0xC0) == 0x80) k--;
    uint32_t cp;
    kc_utf8_decode(input + (k ? k - 1 : 0), len - (k ? k - 1 : 0), &cp);
    ends_in_space = is_space(cp);
  }
  if (words && prefix && last_cps >= 2 && !last_dup && !ends_in_space) out[o++] = '*';
  out[o] = '\0';
  return words;
}
