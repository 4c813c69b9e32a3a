/* Fuzz target: checks on what a user types into the user database --
 * profile names (kc_profile_name_check) and pain notes (kc_note_check).
 *
 * Input: the bytes up to the first NUL are the text (as from a C string:
 * a command-line argument or a field); the same text is checked as a name
 * and as a note, with a full-size and a tiny error buffer.
 * Invariants: an accepted name is valid UTF-8 without overlongs or
 * surrogates, 1..64 code points, no control/unsafe character, no U+2028 or
 * U+2029, no space at either end; an accepted note the same with 0..500
 * code points and no end rule; a refused one gets a non-empty, printable,
 * NUL-terminated message; the answer does not depend on the error buffer
 * (NULL, 1 byte or full). */
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "kneecare/profile.h"
#include "kneecare/text.h"

/* Code points of s, or (size_t)-1 if anything in s may not be stored. */
static size_t storable_count(const char *s, size_t n) {
  size_t i = 0, count = 0;
  while (i < n) {
    uint32_t cp;
    size_t m = kc_utf8_decode(s + i, n - i, &cp);
    if (cp == KC_REPLACEMENT && m == 1) return (size_t)-1;
    if (kc_cp_is_unsafe(cp) || cp == 0x2028 || cp == 0x2029) return (size_t)-1;
    i += m;
    count++;
  }
  return kc_utf8_valid(s, n) ? count : (size_t)-1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FUZZ_INPUT(data, size);
  char *s = fuzz_strndup(data, size);
  size_t n = strlen(s);
  size_t count = storable_count(s, n);
  char err[256], tiny[1];

  memset(err, 0x7E, sizeof err);
  bool ok = kc_profile_name_check(s, err, sizeof err);
  FUZZ_CHECK(kc_profile_name_check(s, NULL, 0) == ok, "name answer depends on err");
  tiny[0] = 'X';
  FUZZ_CHECK(kc_profile_name_check(s, tiny, sizeof tiny) == ok, "name answer depends on errlen");
  if (ok) {
    FUZZ_CHECK(count != (size_t)-1, "name with invalid UTF-8 or a refused character accepted");
    FUZZ_CHECK(count >= 1 && count <= KC_PROFILE_NAME_MAX, "name of %zu characters accepted",
               count);
    FUZZ_CHECK(s[0] != ' ' && s[n - 1] != ' ', "name with a space at an end accepted");
    FUZZ_CHECK(n < KC_PROFILE_NAME_BUF, "name of %zu bytes does not fit KC_PROFILE_NAME_BUF", n);
  } else {
    FUZZ_CHECK_MESSAGE(err, sizeof err);
    FUZZ_CHECK(tiny[0] == '\0', "1-byte error buffer not terminated");
    FUZZ_CHECK(count == (size_t)-1 || count == 0 || count > KC_PROFILE_NAME_MAX || s[0] == ' ' ||
                   s[n - 1] == ' ',
               "good name refused: %s", err);
  }

  memset(err, 0x7E, sizeof err);
  ok = kc_note_check(s, err, sizeof err);
  FUZZ_CHECK(kc_note_check(s, NULL, 0) == ok, "note answer depends on err");
  if (ok) {
    FUZZ_CHECK(count != (size_t)-1, "note with invalid UTF-8 or a refused character accepted");
    FUZZ_CHECK(count <= KC_NOTE_MAX, "note of %zu characters accepted", count);
    FUZZ_CHECK(n < KC_NOTE_BUF, "note of %zu bytes does not fit KC_NOTE_BUF", n);
  } else {
    FUZZ_CHECK_MESSAGE(err, sizeof err);
    FUZZ_CHECK(count == (size_t)-1 || count > KC_NOTE_MAX, "good note refused: %s", err);
  }
  free(s);
  return 0;
}
