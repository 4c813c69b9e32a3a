/* UTF-8 decoding, column widths, truncation, wrapping and sanitising.
 * The width table is our own (after Markus Kuhn's wcwidth) rather than the
 * C library's, so layout does not depend on the process locale. */
#include "kneecare/text.h"

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

static const struct range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},   {0x05BF, 0x05BF},   {0x05C1, 0x05C2},
    {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},   {0x064B, 0x065F},   {0x0670, 0x0670},
    {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8},   {0x06EA, 0x06ED},   {0x0711, 0x0711},
    {0x0730, 0x074A}, {0x07A6, 0x07B0}, {0x07EB, 0x07F3},   {0x0816, 0x082D},   {0x0900, 0x0902},
    {0x093A, 0x093A}, {0x093C, 0x093C}, {0x0941, 0x0948},   {0x094D, 0x094D},   {0x0951, 0x0957},
    {0x0962, 0x0963}, {0x0981, 0x0981}, {0x09BC, 0x09BC},   {0x09C1, 0x09C4},   {0x09CD, 0x09CD},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},   {0x0EB1, 0x0EB1},   {0x0EB4, 0x0EBC},
    {0x0EC8, 0x0ECD}, {0x1160, 0x11FF}, {0x1AB0, 0x1AFF},   {0x1DC0, 0x1DFF},   {0x200B, 0x200F},
    {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0x302A, 0x302D},   {0x3099, 0x309A},   {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0x1F3FB, 0x1F3FF}, {0xE0001, 0xE007F}, {0xE0100, 0xE01EF},
};

static const struct range wide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F004, 0x1F004},
    {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
    {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

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

int kc_cp_width(uint32_t cp) {
  if (cp < 0x300) return 1;
  if (in_table(cp, zero_width, sizeof zero_width / sizeof zero_width[0])) return 0;
  if (in_table(cp, wide, sizeof wide / sizeof wide[0])) return 2;
  return 1;
}

size_t kc_text_width(const char *s, size_t len) {
  size_t i = 0, w = 0;
  while (i < len) {
    uint32_t cp;
    i += kc_utf8_decode(s + i, len - i, &cp);
    w += (size_t)kc_cp_width(cp);
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
    uint32_t cp;
    size_t n = kc_utf8_decode(s + i, len - i, &cp);
    int cw = kc_cp_width(cp);
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
    uint32_t cp;
    size_t n = kc_utf8_decode(s + i, len - i, &cp);
    if (cp == '\t' || (cp == '\n' && !keep_newlines) || cp == '\r')
      cp = ' ';
    else if (cp == '\n')
      ;
    else if (kc_cp_is_unsafe(cp))
      cp = KC_REPLACEMENT;
    char buf[4];
    size_t m = kc_utf8_encode(cp, buf);
    if (o + m >= outlen) break;
    memcpy(out + o, buf, m);
    o += m;
    i += n;
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
  *width = kc_cp_width(cp);
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
    end = next = i ? i : cluster(s, len, &(int){0}); /* always make progress */
  }
  while (end > 0 && s[end - 1] == ' ') end--;
  while (next < len && s[next] == ' ') next++;
  *line_len = end;
  return next;
}
