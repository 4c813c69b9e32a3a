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
