/* Drawing helpers that measure in columns the way ncurses does (the width
 * table is glibc's wcwidth), so wide and combining characters never
 * overflow a row; the real cursor position is checked after each write as
 * the last line of defence. Every byte drawn passes the sanitiser here, and
 * when the terminal's character set is not UTF-8 it is transliterated to
 * ASCII, so no byte 0x80-0x9F can reach an 8-bit terminal as a C1 control.
 * The guide's own glyphs have ASCII fallbacks; stored times are formatted
 * by one helper that copes with any value. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "kneecare/content.h"
#include "kneecare/text.h"
#include "ui.h"

int kc_ascii;

void kc_draw_init(void) { kc_ascii = !kc_codeset_is_utf8(); }

static const char *const glyphs[][2] = {
    [G_UPDOWN] = {"\xE2\x86\x91\xE2\x86\x93", "Up/Down"},
    [G_LEFTRIGHT] = {"\xE2\x86\x90\xE2\x86\x92", "Left/Right"},
    [G_UP] = {"\xE2\x86\x91", "^"},
    [G_DOWN] = {"\xE2\x86\x93", "v"},
    [G_SEP] = {"\xE2\x80\xBA", ">"},
    [G_DOT] = {"\xC2\xB7", "."},
    [G_BAR] = {"\xE2\x96\x88", "#"},
    [G_POINTER] = {"\xE2\x96\xB8", ">"},
    [G_ELLIPSIS] = {"\xE2\x80\xA6", "..."},
};

const char *kc_glyph(enum kc_glyph g) { return glyphs[g][kc_ascii]; }

/* 1 if s holds anything that must not reach a terminal as-is (controls,
 * C1, bidi overrides, format characters, unknown widths, invalid UTF-8). */
static int needs_cleaning(const char *s, size_t len) {
  for (size_t i = 0; i < len;) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c < 0x7F) { /* the common case, without decoding */
      i++;
      continue;
    }
    uint32_t cp;
    size_t n = kc_utf8_decode(s + i, len - i, &cp);
    if (!kc_cp_displayable(cp) || (cp == KC_REPLACEMENT && n == 1)) return 1;
    i += n;
  }
  return 0;
}

static int has_non_ascii(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)s[i] >= 0x80) return 1;
  return 0;
}

/* ncurses measured the text wider than we did: blank what spilled over
 * (the rows below are redrawn after this one). */
static void clip_spill(int y, int x_end, int cy, int cx) {
  attrset(A_NORMAL);
  if (cy == y) {
    if (cx > x_end) mvhline(y, x_end, ' ', cx - x_end);
    return;
  }
  if (x_end < COLS) mvhline(y, x_end, ' ', COLS - x_end);
  for (int r = y + 1; r <= cy && r < LINES; r++) mvhline(r, 0, ' ', r == cy ? cx : COLS);
}

int kc_put(int y, int x, int cols, const char *s, size_t len, attr_t attr) {
  if (cols <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS) return 0;
  char clean[2048], ascii[2048];
  size_t cap = (size_t)cols * 4 + 64; /* enough bytes for the columns shown */
  if (len > cap) len = cap;
  if (needs_cleaning(s, len)) {
    len = kc_text_sanitize(s, len, clean, sizeof clean, 0);
    s = clean;
  }
  if (kc_ascii && has_non_ascii(s, len)) {
    len = kc_text_ascii(s, len, ascii, sizeof ascii);
    s = ascii;
  }
  if (x + cols > COLS) cols = COLS - x;
  size_t n = kc_text_fit(s, len, (size_t)cols);
  const char *ell = kc_glyph(G_ELLIPSIS);
  int ew = (int)kc_text_width(ell, strlen(ell));
  int cut = n < len && cols > ew && kc_text_width(s + n, len - n) > 0;
  if (cut) n = kc_text_fit(s, len, (size_t)(cols - ew)); /* room for the ellipsis */
  attrset(attr);
  mvaddnstr(y, x, s, (int)n);
  if (cut) addstr(ell);
  attrset(A_NORMAL);
  int used = (int)kc_text_width(s, n) + (cut ? ew : 0);
  int cy, cx;
  getyx(stdscr, cy, cx);
  if (cy != y || cx > x + cols) clip_spill(y, x + cols, cy, cx);
  return used;
}

int kc_puts(int y, int x, int cols, const char *s, attr_t attr) {
  return kc_put(y, x, cols, s, strlen(s), attr);
}

int kc_put_marked_text(int y, int x, int cols, const char *s, attr_t base) {
  int used = 0, on = 0;
  while (*s && used < cols) {
    size_t n = strcspn(s, "\x02\x03");
    used += kc_put(y, x + used, cols - used, s, n, on ? kc_attr(ROLE_MATCH) : base);
    s += n;
    if (*s == KC_MARK_ON) on = 1;
    if (*s == KC_MARK_OFF) on = 0;
    if (*s) s++;
  }
  return used;
}

void kc_fill(int y, int x, int cols, attr_t attr) {
  if (y < 0 || y >= LINES || cols <= 0) return;
  attrset(attr);
  mvhline(y, x, ' ', cols);
  attrset(A_NORMAL);
}

int kc_put_wrapped(int y, int x, int h, int w, const char *s, attr_t attr) {
  size_t len = strlen(s), pos = 0;
  int row = 0;
  while (pos < len && row < h) {
    size_t ll, next = kc_wrap_next(s + pos, len - pos, (size_t)(w < 1 ? 1 : w), &ll);
    kc_put(y + row, x, w, s + pos, ll, attr);
    row++;
    if (next == 0) break;
    pos += next;
  }
  return row;
}

int kc_wrapped_rows(const char *s, int w) {
  size_t len = strlen(s), pos = 0;
  int rows = 0;
  while (pos < len) {
    size_t ll, next = kc_wrap_next(s + pos, len - pos, (size_t)(w < 1 ? 1 : w), &ll);
    rows++;
    if (next == 0) break;
    pos += next;
  }
  return rows;
}

const char *kc_fmt_time(int64_t at, const char *fmt, char *buf, size_t n) {
  struct tm tm;
  time_t t = (time_t)at;
  if ((int64_t)t != at || !localtime_r(&t, &tm) || strftime(buf, n, fmt, &tm) == 0)
    snprintf(buf, n, "?");
  return buf;
}
