/* Validation of user-typed names and notes before they are stored. The
 * decoding and the "unsafe for a terminal" set come from text.c so what is
 * refused here is exactly what the screens could not show faithfully. */
#include "kneecare/profile.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "kneecare/text.h"

static bool fail(char *err, size_t errlen, const char *msg) {
  if (err && errlen > 0) snprintf(err, errlen, "%s", msg);
  return false;
}

/* Refused inside stored one-line text: terminal-unsafe code points plus the
 * Unicode line and paragraph separators, which would break a line. */
static bool refused_cp(uint32_t cp) { return kc_cp_is_unsafe(cp) || cp == 0x2028 || cp == 0x2029; }

/* Shared walk: validity, refused characters, and the length in bytes.
 * The scan is bounded: more than max_chars * 4 bytes is necessarily more
 * than max_chars characters, so a huge input is refused without reading it
 * all. */
static bool check_line(const char *s, size_t max_chars, const char *what, size_t *bytes, char *err,
                       size_t errlen) {
  const size_t len = strnlen(s, max_chars * 4 + 1);
  size_t i = 0, n = 0;
  char msg[192];
  if (len > max_chars * 4) goto too_long;
  while (i < len) {
    uint32_t cp;
    const size_t used = kc_utf8_decode(s + i, len - i, &cp);
    /* Decode signals bad bytes as U+FFFD taking one byte; a real U+FFFD in
     * the text takes three. */
    if (cp == KC_REPLACEMENT && used == 1) {
      snprintf(msg, sizeof msg, "The %s is not valid UTF-8 text.", what);
      return fail(err, errlen, msg);
    }
    if (refused_cp(cp)) {
      snprintf(msg, sizeof msg,
               "The %s contains a control or formatting character (U+%04X); "
               "use letters, digits, spaces and punctuation.",
               what, (unsigned)cp);
      return fail(err, errlen, msg);
    }
    i += used;
    n++;
  }
  if (n > max_chars) goto too_long;
  *bytes = len;
  return true;
too_long:
  snprintf(msg, sizeof msg, "The %s is too long: at most %zu characters.", what, max_chars);
  return fail(err, errlen, msg);
}

bool kc_profile_name_check(const char *name, char *err, size_t errlen) {
  if (!name || name[0] == '\0') return fail(err, errlen, "The profile name is empty.");
  size_t len;
  if (!check_line(name, KC_PROFILE_NAME_MAX, "profile name", &len, err, errlen)) return false;
  if (name[0] == ' ' || name[len - 1] == ' ')
    return fail(err, errlen, "The profile name cannot start or end with a space.");
  return true;
}

bool kc_note_check(const char *note, char *err, size_t errlen) {
  if (!note) return true;
  size_t len;
  return check_line(note, KC_NOTE_MAX, "note", &len, err, errlen);
}

/* The simple lower-case form of cp in the scripts names are mostly written
 * in; cp itself when it has none. A table, not towlower(): the key must not
 * depend on the locale the program happens to run in. */
static uint32_t fold_cp(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp < 0xC0) return cp;
  if (cp <= 0xDE) return cp == 0xD7 ? cp : cp + 32; /* Latin-1; U+00D7 is the multiplication sign */
  if (cp >= 0x100 && cp <= 0x137 && cp != 0x130 && cp != 0x131) /* Latin Ext-A pairs; not İ ı */
    return cp | 1;
  if (cp >= 0x139 && cp <= 0x148) return cp & 1 ? cp + 1 : cp;
  if (cp >= 0x14A && cp <= 0x177) return cp | 1;
  if (cp == 0x178) return 0xFF; /* Y with diaeresis */
  if (cp >= 0x179 && cp <= 0x17E) return cp & 1 ? cp + 1 : cp;
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32; /* Greek */
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;                /* Cyrillic */
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  return cp;
}

static size_t utf8_put(uint32_t cp, char *out) {
  if (cp < 0x80) return out[0] = (char)cp, 1;
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | cp >> 6);
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | cp >> 12);
    out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | cp >> 18);
  out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
  out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

void kc_profile_name_key(const char *name, char *out, size_t n) {
  if (!out || n == 0) return;
  size_t o = 0;
  const size_t len = name ? strlen(name) : 0;
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    const size_t used = kc_utf8_decode(name + i, len - i, &cp);
    char enc[4];
    /* A folded character is never longer than its source in these ranges;
     * bytes that do not decode are copied as they are. */
    const size_t w =
        cp == KC_REPLACEMENT && used == 1 ? (enc[0] = name[i], 1) : utf8_put(fold_cp(cp), enc);
    if (o + w >= n) break;
    memcpy(out + o, enc, w);
    o += w;
    i += used;
  }
  out[o] = '\0';
}

/* Code points of a name's key, at most max. */
static int key_cps(const char *name, uint32_t *cps, int max) {
  char key[KC_PROFILE_NAME_BUF];
  kc_profile_name_key(name, key, sizeof key);
  int n = 0;
  const size_t len = strlen(key);
  for (size_t i = 0; i < len && n < max;) {
    i += kc_utf8_decode(key + i, len - i, &cps[n]);
    n++;
  }
  return n;
}

int kc_profile_name_distance(const char *a, const char *b, int cap) {
  uint32_t x[KC_PROFILE_NAME_MAX + 1], y[KC_PROFILE_NAME_MAX + 1];
  const int m = key_cps(a, x, KC_PROFILE_NAME_MAX + 1), n = key_cps(b, y, KC_PROFILE_NAME_MAX + 1);
  if (m - n >= cap || n - m >= cap) return cap;
  int row[KC_PROFILE_NAME_MAX + 2];
  for (int j = 0; j <= n; j++) row[j] = j;
  for (int i = 1; i <= m; i++) {
    int diag = row[0], best = row[0] = i;
    for (int j = 1; j <= n; j++) {
      const int up = row[j];
      const int sub = diag + (x[i - 1] != y[j - 1]);
      int v = up + 1 < row[j - 1] + 1 ? up + 1 : row[j - 1] + 1;
      row[j] = v < sub ? v : sub;
      diag = up;
      if (row[j] < best) best = row[j];
    }
    if (best >= cap) return cap;
  }
  return row[n] < cap ? row[n] : cap;
}
