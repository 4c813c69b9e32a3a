/* UTF-8 decoding, column widths, truncation, wrapping, sanitising and
 * transliteration to ASCII. The width table is generated from glibc's
 * wcwidth() in C.UTF-8 (tools/gen_width.c): the function ncurses advances
 * its cursor by, so what we measure is what is drawn; being a table, layout
 * still does not depend on the process locale. */
#include "kneecare/text.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

size_t kc_utf8_decode(const char *str, size_t len, uint32_t *cp) {
  const unsigned char *s = (const unsigned char *)str;
  if (len == 0) {
    *cp = 0;
    return 0;
  }
  unsigned char c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t need;
  uint32_t v, min;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1, v = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2, v = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3, v = c & 0x07, min = 0x10000;
  } else {
    *cp = KC_REPLACEMENT;
    return 1;
  }
  if (len < need + 1) {
    *cp = KC_REPLACEMENT;
    return 1;
  }
  for (size_t i = 1; i <= need; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *cp = KC_REPLACEMENT;
      return 1;
    }
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = KC_REPLACEMENT;
    return 1;
  }
  *cp = v;
  return need + 1;
}

size_t kc_utf8_encode(uint32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = KC_REPLACEMENT;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

int kc_utf8_valid(const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    uint32_t cp;
    size_t n = kc_utf8_decode(s + i, len - i, &cp);
    if (cp == KC_REPLACEMENT && n == 1 && (unsigned char)s[i] >= 0x80) return 0;
    i += n;
  }
  return 1;
}

size_t kc_utf8_count(const char *s, size_t len) {
  size_t i = 0, n = 0;
  uint32_t cp;
  while (i < len) {
    i += kc_utf8_decode(s + i, len - i, &cp);
    n++;
  }
  return n;
}

struct range {
  uint32_t lo, hi;
};

/* width_zero, width_wide, width_none: generated from glibc (see the file). */
#include "text_width.inc"

static int in_table(uint32_t cp, const struct range *t, size_t n) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < t[mid].lo)
      hi = mid;
    else if (cp > t[mid].hi)
      lo = mid + 1;
    else
      return 1;
  }
  return 0;
}

#define IN(cp, t) in_table(cp, t, sizeof t / sizeof t[0])

int kc_cp_width(uint32_t cp) {
  if (cp >= 0x20 && cp < 0x7F) return 1;
  if (IN(cp, width_none) || cp > 0x10FFFF) return -1;
  if (IN(cp, width_zero)) return 0;
  if (IN(cp, width_wide)) return 2;
  return 1;
}

/* Columns for layout: a code point that is not printable is drawn as U+FFFD
 * by the sanitiser, one column. */
static int cols_of(uint32_t cp) {
  int w = kc_cp_width(cp);
  return w < 0 ? 1 : w;
}

/* Unicode 15 general category Cf (format), plus the line and paragraph
 * separators: invisible characters that reorder, join or break text and
 * that terminals handle each in their own way. */
static const struct range format_chars[] = {
    {0x00AD, 0x00AD},   {0x0600, 0x0605},   {0x061C, 0x061C},   {0x06DD, 0x06DD},
    {0x070F, 0x070F},   {0x0890, 0x0891},   {0x08E2, 0x08E2},   {0x180E, 0x180E},
    {0x200B, 0x200F},   {0x2028, 0x202E},   {0x2060, 0x2064},   {0x2066, 0x206F},
    {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0x110BD, 0x110BD}, {0x110CD, 0x110CD},
    {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001},
    {0xE0020, 0xE007F},
};

int kc_cp_is_format(uint32_t cp) { return IN(cp, format_chars); }

int kc_cp_displayable(uint32_t cp) {
  return !kc_cp_is_unsafe(cp) && !kc_cp_is_format(cp) && kc_cp_width(cp) >= 0;
}

/* Printable ASCII, most of every text: one column, passed through as it is.
 * The loops below take it without decoding (the same result, faster). */
static int plain_ascii(char c) { return (unsigned char)c >= 0x20 && (unsigned char)c < 0x7F; }

size_t kc_text_width(const char *s, size_t len) {
  size_t i = 0, w = 0;
  while (i < len) {
    if (plain_ascii(s[i])) {
      i++, w++;
      continue;
    }
    uint32_t cp;
    i += kc_utf8_decode(s + i, len - i, &cp);
    w += (size_t)cols_of(cp);
  }
  return w;
}

int kc_cp_is_unsafe(uint32_t cp) {
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return 1;
  /* Bidi embeddings, overrides and isolates can make text display in an
   * order other than the one stored; marks (200E/200F) are harmless. */
  if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return 1;
  return 0;
}

size_t kc_text_fit(const char *s, size_t len, size_t cols) {
  size_t i = 0, w = 0;
  while (i < len) {
    if (plain_ascii(s[i])) {
      if (w + 1 > cols) break;
      i++, w++;
      continue;
    }
    uint32_t cp;
    size_t n = kc_utf8_decode(s + i, len - i, &cp);
    int cw = cols_of(cp);
    if (w + (size_t)cw > cols) break;
    w += (size_t)cw;
    i += n;
  }
  return i;
}

size_t kc_text_sanitize(const char *s, size_t len, char *out, size_t outlen, int keep_newlines) {
  size_t o = 0;
  if (outlen == 0) return 0;
  for (size_t i = 0; i < len;) {
    if (plain_ascii(s[i])) {
      if (o + 1 >= outlen) break;
      out[o++] = s[i++];
      continue;
    }
    uint32_t cp;
    size_t n = kc_utf8_decode(s + i, len - i, &cp);
    i += n;
    if (cp == '\t' || (cp == '\n' && !keep_newlines) || cp == '\r' || cp == 0x2028 || cp == 0x2029)
      cp = ' ';
    else if (cp == '\n')
      ;
    else if (kc_cp_is_unsafe(cp) || kc_cp_width(cp) < 0)
      cp = KC_REPLACEMENT;
    else if (kc_cp_is_format(cp))
      continue; /* invisible: dropped, so it cannot shift what follows */
    char buf[4];
    size_t m = kc_utf8_encode(cp, buf);
    if (o + m >= outlen) break;
    memcpy(out + o, buf, m);
    o += m;
  }
  out[o] = '\0';
  return o;
}

char *kc_text_sanitize_dup(const char *s, size_t len, int keep_newlines) {
  /* Every input byte becomes at most 3 output bytes (U+FFFD). */
  size_t cap = len * 3 + 1;
  char *out = malloc(cap);
  if (!out) return NULL;
  kc_text_sanitize(s, len, out, cap, keep_newlines);
  return out;
}

size_t kc_text_truncate(const char *s, size_t len, size_t cols, char *out, size_t outlen) {
  static const char ellipsis[] = "\xE2\x80\xA6"; /* U+2026, one column */
  if (outlen == 0) return 0;
  size_t take;
  int cut = 0;
  if (kc_text_width(s, len) <= cols) {
    take = len;
  } else {
    take = cols ? kc_text_fit(s, len, cols - 1) : 0;
    cut = cols > 0;
  }
  if (take >= outlen) take = kc_text_fit(s, outlen - 1, cols); /* never overflow */
  while (take >= outlen) take--;
  /* A limit in bytes may fall inside a code point: back off to its start. */
  while (take > 0 && take < len && ((unsigned char)s[take] & 0xC0) == 0x80) take--;
  memcpy(out, s, take);
  size_t o = take;
  if (cut && o + 3 < outlen) {
    memcpy(out + o, ellipsis, 3);
    o += 3;
  }
  out[o] = '\0';
  return o;
}

/* Length of the code point at s plus any combining marks after it, so a
 * hard break never strands an accent at the start of a line. */
static size_t cluster(const char *s, size_t len, int *width) {
  uint32_t cp;
  size_t n = kc_utf8_decode(s, len, &cp);
  *width = cols_of(cp);
  while (n < len) {
    uint32_t next;
    size_t m = kc_utf8_decode(s + n, len - n, &next);
    if (kc_cp_width(next) != 0 || next == '\n') break;
    n += m;
  }
  return n;
}

size_t kc_wrap_next(const char *s, size_t len, size_t width, size_t *line_len) {
  if (width < 1) width = 1;
  size_t i = 0, w = 0;
  size_t last_space = 0; /* byte index of a space that ends a word */
  int have_space = 0;
  while (i < len) {
    if (s[i] == '\n') {
      size_t end = i;
      while (end > 0 && s[end - 1] == ' ') end--;
      *line_len = end;
      return i + 1;
    }
    int cw;
    size_t n = cluster(s + i, len - i, &cw);
    /* A space carrying a combining or zero-width mark is not trimmable
     * whitespace: it is measured like any other character. */
    if (s[i] == ' ' && n == 1) {
      last_space = i;
      have_space = 1;
    } else if (w + (size_t)cw > width) {
      break;
    }
    w += (size_t)cw;
    i += n;
  }
  size_t end, next;
  if (i >= len) {
    end = next = len;
  } else if (have_space) {
    end = last_space;
    next = last_space;
  } else {
    /* A word longer than the line (an address): break after a '/', '-',
     * '?', '&' or '=' so it is not cut in the middle of a name. */
    size_t cut = i;
    while (cut > 1 && !strchr("/-?&=", s[cut - 1])) cut--;
    if (cut <= 1) cut = i;
    end = next = cut ? cut : cluster(s, len, &(int){0}); /* always make progress */
  }
  while (end > 0 && s[end - 1] == ' ') end--;
  while (next < len && s[next] == ' ') next++;
  *line_len = end;
  return next;
}

/* ASCII for U+00A0..U+017F (Latin-1 Supplement, Latin Extended-A). */
static const char *const latin[] = {
    " ",   "!",   "c",    "GBP", "$", "JPY", "|",  "S",  "\"", "(c)", "a",  "<<", "not", "?",
    "(R)", "-",   " deg", "+/-", "2", "3",   "'",  "u",  "P",  ".",   ",",  "1",  "o",   ">>",
    "1/4", "1/2", "3/4",  "?",   "A", "A",   "A",  "A",  "A",  "A",   "AE", "C",  "E",   "E",
    "E",   "E",   "I",    "I",   "I", "I",   "D",  "N",  "O",  "O",   "O",  "O",  "O",   "x",
    "O",   "U",   "U",    "U",   "U", "Y",   "Th", "ss", "a",  "a",   "a",  "a",  "a",   "a",
    "ae",  "c",   "e",    "e",   "e", "e",   "i",  "i",  "i",  "i",   "d",  "n",  "o",   "o",
    "o",   "o",   "o",    "/",   "o", "u",   "u",  "u",  "u",  "y",   "th", "y",  "A",   "a",
    "A",   "a",   "A",    "a",   "C", "c",   "C",  "c",  "C",  "c",   "C",  "c",  "D",   "d",
    "D",   "d",   "E",    "e",   "E", "e",   "E",  "e",  "E",  "e",   "E",  "e",  "G",   "g",
    "G",   "g",   "G",    "g",   "G", "g",   "H",  "h",  "H",  "h",   "I",  "i",  "I",   "i",
    "I",   "i",   "I",    "i",   "I", "i",   "IJ", "ij", "J",  "j",   "K",  "k",  "q",   "L",
    "l",   "L",   "l",    "L",   "l", "L",   "l",  "L",  "l",  "N",   "n",  "N",  "n",   "N",
    "n",   "'n",  "N",    "n",   "O", "o",   "O",  "o",  "O",  "o",   "OE", "oe", "R",   "r",
    "R",   "r",   "R",    "r",   "S", "s",   "S",  "s",  "S",  "s",   "S",  "s",  "T",   "t",
    "T",   "t",   "T",    "t",   "U", "u",   "U",  "u",  "U",  "u",   "U",  "u",  "U",   "u",
    "U",   "u",   "W",    "w",   "Y", "y",   "Y",  "Z",  "z",  "Z",   "z",  "Z",  "z",   "s",
};

/* The program's own glyphs and common punctuation. */
static const struct {
  uint32_t cp;
  const char *ascii;
} glyphs[] = {
    {0x2010, "-"},   {0x2011, "-"}, {0x2012, "-"},  {0x2013, "-"},  {0x2014, "--"}, {0x2018, "'"},
    {0x2019, "'"},   {0x201A, ","}, {0x201C, "\""}, {0x201D, "\""}, {0x201E, "\""}, {0x2022, "*"},
    {0x2026, "..."}, {0x2032, "'"}, {0x2039, "<"},  {0x203A, ">"},  {0x2190, "<-"}, {0x2191, "^"},
    {0x2192, "->"},  {0x2193, "v"}, {0x2212, "-"},  {0x2264, "<="}, {0x2265, ">="}, {0x2500, "-"},
    {0x2502, "|"},   {0x2588, "#"}, {0x2591, "."},  {0x2592, ":"},  {0x25B8, ">"},  {0x25B6, ">"},
    {0x25CF, "*"},   {0x2713, "x"}, {0x2714, "x"},  {0xFFFD, "?"},
};

size_t kc_text_ascii(const char *s, size_t len, char *out, size_t outlen) {
  size_t o = 0;
  if (outlen == 0) return 0;
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    i += kc_utf8_decode(s + i, len - i, &cp);
    const char *rep = NULL;
    char one[2] = {0, 0};
    if (cp < 0x80) {
      one[0] = (char)(cp < 0x20 || cp == 0x7F ? '?' : cp);
      if (cp == '\n' || cp == '\t') one[0] = (char)cp;
      rep = one;
    } else if (cp >= 0xA0 && cp < 0x180) {
      rep = latin[cp - 0xA0];
    } else if (kc_cp_width(cp) == 0 || kc_cp_is_format(cp)) {
      rep = ""; /* combining marks and invisible characters */
    } else {
      for (size_t k = 0; k < sizeof glyphs / sizeof glyphs[0] && !rep; k++)
        if (glyphs[k].cp == cp) rep = glyphs[k].ascii;
      if (!rep) rep = kc_cp_width(cp) == 2 ? "??" : "?"; /* keeps the layout's width */
    }
    size_t m = strlen(rep);
    if (o + m >= outlen) break;
    memcpy(out + o, rep, m);
    o += m;
  }
  out[o] = '\0';
  return o;
}

int kc_codeset_is_utf8(void) {
  const char *cs = nl_langinfo(CODESET);
  return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}
