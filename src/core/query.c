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

int kc_query_build(const char *input, size_t len, int prefix, char *out, size_t outlen) {
  if (outlen == 0) return 0;
  size_t o = 0;
  int words = 0, last_cps = 0;
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
   * nothing; type-ahead starts at the second letter. */
  if (words && prefix && last_cps >= 2) out[o++] = '*';
  out[o] = '\0';
  return words;
}
