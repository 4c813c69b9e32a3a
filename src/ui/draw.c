/* Drawing helpers that measure in columns, so wide and combining
 * characters never overflow a row. Text reaching here is sanitised. */
#include <string.h>

#include "kneecare/content.h"
#include "kneecare/text.h"
#include "ui.h"

/* 1 if s holds anything that must not reach a terminal as-is (controls,
 * C1, bidi overrides, invalid UTF-8). Stores are sanitised already; this
 * is the last line of defence for every byte drawn. */
static int needs_cleaning(const char *s, size_t len) {
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    size_t n = kc_utf8_decode(s + i, len - i, &cp);
    if (kc_cp_is_unsafe(cp) || (cp == KC_REPLACEMENT && n == 1 && (unsigned char)s[i] >= 0x80))
      return 1;
    i += n;
  }
  return 0;
}

int kc_put(int y, int x, int cols, const char *s, size_t len, attr_t attr) {
  if (cols <= 0 || y < 0 || y >= LINES || x >= COLS) return 0;
  char clean[1024];
  if (needs_cleaning(s, len)) {
    len = kc_text_sanitize(s, len < 300 ? len : 300, clean, sizeof clean, 0);
    s = clean;
  }
  if (x + cols > COLS) cols = COLS - x;
  size_t n = kc_text_fit(s, len, (size_t)cols);
  int cut = n < len && cols > 1 && kc_text_width(s + n, len - n) > 0;
  if (cut) n = kc_text_fit(s, len, (size_t)cols - 1); /* room for the ellipsis */
  attrset(attr);
  mvaddnstr(y, x, s, (int)n);
  if (cut) addstr("\xE2\x80\xA6");
  attrset(A_NORMAL);
  return (int)kc_text_width(s, n) + cut;
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
  if (y < 0 || y >= LINES) return;
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
