/* Fuzz target: the text primitives every screen and command relies on --
 * kc_wrap_next, kc_text_fit, kc_text_truncate, kc_text_sanitize(_dup) --
 * on arbitrary bytes, widths and buffer sizes.
 *
 * Input: byte 0 = wrap width (0..200; 0 must act as 1), byte 1 = columns
 * for fit/truncate (0..200), byte 2 = output buffer size for truncate and
 * sanitize (1..64, or "big enough" when >= 0xC0), rest = the text.
 * Invariants:
 *  - kc_wrap_next always makes progress, stays inside the text, returns a
 *    line inside what it consumed, on code point boundaries, without '\n'
 *    or trailing spaces, that fits the width -- except that one character
 *    cluster 2 columns wide may take a line of width 1;
 *  - kc_text_fit: a prefix on a code point boundary that fits, and the
 *    longest one (the next code point would not fit);
 *  - kc_text_truncate: NUL-terminated inside the buffer, valid UTF-8 when
 *    the input is, fits the columns, equals the input when it fits;
 *  - kc_text_sanitize: NUL-terminated inside the buffer, valid UTF-8, no
 *    control/unsafe character (only '\n' with keep_newlines), one output
 *    code point per decoded input code point that is not a format
 *    character (those are dropped) when the buffer is big enough, identity
 *    on text that is already clean, and _dup agrees. */
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "kneecare/text.h"

/* Bytes of the character cluster at s (a code point plus the zero-width
 * code points after it, never a '\n'), as kc_wrap_next sees it. */
static size_t cluster_len(const char *s, size_t len) {
  uint32_t cp;
  size_t n = kc_utf8_decode(s, len, &cp);
  while (n < len) {
    uint32_t next;
    size_t m = kc_utf8_decode(s + n, len - n, &next);
    if (kc_cp_width(next) != 0 || next == '\n') break;
    n += m;
  }
  return n;
}

static void check_wrap(const char *s, size_t len, size_t width, const unsigned char *boundary) {
  size_t w_eff = width < 1 ? 1 : width;
  size_t pos = 0, steps = 0;
  while (pos < len) {
    size_t ll = (size_t)-1;
    size_t next = kc_wrap_next(s + pos, len - pos, width, &ll);
    FUZZ_CHECK(next > 0, "no progress at byte %zu (width %zu)", pos, width);
    FUZZ_CHECK(next <= len - pos, "next %zu beyond the %zu bytes left", next, len - pos);
    FUZZ_CHECK(ll <= next, "line of %zu bytes but only %zu consumed", ll, next);
    FUZZ_CHECK(boundary[pos + ll], "line end at byte %zu splits a code point", pos + ll);
    FUZZ_CHECK(boundary[pos + next], "next line at byte %zu splits a code point", pos + next);
    const char *line = s + pos;
    FUZZ_CHECK(memchr(line, '\n', ll) == NULL, "line at byte %zu holds a newline", pos);
    FUZZ_CHECK(ll == 0 || line[ll - 1] != ' ', "line at byte %zu ends with a space", pos);
    size_t lw = kc_text_width(line, ll);
    if (lw > w_eff) {
      FUZZ_CHECK(w_eff == 1 && lw == 2 && ll == cluster_len(line, len - pos),
                 "line at byte %zu is %zu columns at width %zu", pos, lw, width);
    }
    pos += next;
    FUZZ_CHECK(++steps <= len, "more lines than bytes");
  }
  FUZZ_CHECK(pos == len, "wrapping overran: %zu of %zu", pos, len);
}

static void check_fit(const char *s, size_t len, size_t cols, const unsigned char *boundary) {
  size_t n = kc_text_fit(s, len, cols);
  FUZZ_CHECK(n <= len, "fit %zu beyond %zu", n, len);
  FUZZ_CHECK(boundary[n], "fit ends at byte %zu inside a code point", n);
  size_t w = kc_text_width(s, n);
  FUZZ_CHECK(w <= cols, "fit prefix is %zu columns, limit %zu", w, cols);
  if (n < len) {
    uint32_t cp;
    kc_utf8_decode(s + n, len - n, &cp);
    int cw = kc_cp_width(cp) < 0 ? 1 : kc_cp_width(cp); /* shown as U+FFFD */
    FUZZ_CHECK(w + (size_t)cw > cols, "fit stopped at byte %zu though the next character fits", n);
  }
}

static void check_truncate(const char *s, size_t len, size_t cols, size_t outlen) {
  char *out = malloc(outlen);
  if (!out) abort();
  memset(out, 0x55, outlen);
  size_t o = kc_text_truncate(s, len, cols, out, outlen);
  FUZZ_CHECK(o < outlen, "truncate returned %zu for a buffer of %zu", o, outlen);
  FUZZ_CHECK(out[o] == '\0', "truncate output not NUL-terminated at %zu", o);
  size_t w = kc_text_width(out, o);
  FUZZ_CHECK(w <= cols, "truncate output is %zu columns, limit %zu", w, cols);
  if (kc_utf8_valid(s, len) && !memchr(s, '\0', len))
    FUZZ_CHECK(kc_utf8_valid(out, o), "truncate cut a code point (cols %zu, buffer %zu)", cols,
               outlen);
  if (kc_text_width(s, len) <= cols && len < outlen)
    FUZZ_CHECK(o == len && memcmp(out, s, len) == 0, "text that fits was changed");
  free(out);
}

static void check_sanitize(const char *s, size_t len, size_t outlen, int keep_nl) {
  int big = outlen == 0;
  if (big) outlen = len * 3 + 1;
  char *out = malloc(outlen);
  if (!out) abort();
  memset(out, 0x55, outlen);
  size_t o = kc_text_sanitize(s, len, out, outlen, keep_nl);
  FUZZ_CHECK(o < outlen, "sanitize returned %zu for a buffer of %zu", o, outlen);
  FUZZ_CHECK(out[o] == '\0', "sanitize output not NUL-terminated");
  FUZZ_CHECK(strlen(out) == o, "sanitize output holds a NUL");
  size_t bad = fuzz_unprintable_at(out, o, keep_nl);
  if (bad != o) {
    fuzz_dump("output", out, o);
    FUZZ_CHECK(0, "sanitize output unsafe at byte %zu (keep_newlines %d)", bad, keep_nl);
  }
  FUZZ_CHECK(kc_utf8_valid(out, o), "sanitize output is not valid UTF-8");
  if (big) {
    size_t kept = 0;
    for (size_t i = 0; i < len;) {
      uint32_t cp;
      i += kc_utf8_decode(s + i, len - i, &cp);
      /* Dropped: a format character that is printable otherwise (U+2028/9
       * become spaces; unsafe or unknown-width ones become U+FFFD). */
      kept += !(kc_cp_is_format(cp) && cp != 0x2028 && cp != 0x2029 && !kc_cp_is_unsafe(cp) &&
                kc_cp_width(cp) >= 0);
    }
    FUZZ_CHECK(kc_utf8_count(out, o) == kept, "sanitize: %zu code points out of %zu",
               kc_utf8_count(out, o), kept);
    /* Clean input (no unsafe character, no tab/CR, newline only if kept)
     * comes out unchanged. */
    size_t i = 0;
    int clean = kc_utf8_valid(s, len);
    while (clean && i < len) {
      uint32_t cp;
      i += kc_utf8_decode(s + i, len - i, &cp);
      if (cp == '\t' || cp == '\r' || (cp == '\n' && !keep_nl) ||
          (cp != '\n' && !kc_cp_displayable(cp)))
        clean = 0;
    }
    if (clean) FUZZ_CHECK(o == len && memcmp(out, s, len) == 0, "clean text was changed");
    char *dup = kc_text_sanitize_dup(s, len, keep_nl);
    FUZZ_CHECK(dup != NULL, "sanitize_dup failed");
    FUZZ_CHECK(strcmp(dup, out) == 0, "sanitize_dup differs from sanitize");
    free(dup);
  }
  free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 3) return 0;
  FUZZ_INPUT(data, size);
  size_t width = data[0] % 201, cols = data[1] % 201;
  size_t outlen = data[2] >= 0xC0 ? 0 : 1 + data[2] % 64;
  size_t len = size - 3;
  /* Exact-size copy so ASan sees any read past the end. */
  char *s = malloc(len ? len : 1);
  if (!s) abort();
  if (len) memcpy(s, data + 3, len);

  /* boundary[i]: byte i starts a code point when decoding from 0 (and i ==
   * len). Wrapping restarts decoding at each line, which must stay in step. */
  unsigned char *boundary = calloc(len + 1, 1);
  if (!boundary) abort();
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    boundary[i] = 1;
    i += kc_utf8_decode(s + i, len - i, &cp);
  }
  boundary[len] = 1;

  check_wrap(s, len, width, boundary);
  check_fit(s, len, cols, boundary);
  check_truncate(s, len, cols, outlen ? outlen : len * 4 + 8);
  check_sanitize(s, len, outlen, 0);
  check_sanitize(s, len, outlen, 1);

  free(boundary);
  free(s);
  return 0;
}
