/* Fuzz target: date arguments (kc_day_parse_n, kc_day_parse, kc_day_format).
 *
 * Invariants: a parse succeeds only on exactly 10 bytes; the day is valid
 * and kc_day_format gives back the same 10 bytes; kc_day_parse on a C
 * string agrees with kc_day_parse_n; a failed parse leaves *out untouched.
 * The first four bytes are also read as a day number: its formatting is
 * always 10 printable bytes, and parses back to it when the day is valid
 * (with kc_day_to_ymd / kc_day_from_ymd and the weekday consistent). */
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "kneecare/day.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FUZZ_INPUT(data, size);
  const char *text = (const char *)data;
  char buf[KC_DAY_BUF];
  int day = 0x5EED;
  bool ok = kc_day_parse_n(text, size, &day);
  if (ok) {
    FUZZ_CHECK(size == 10, "parsed %zu bytes", size);
    FUZZ_CHECK(kc_day_valid(day), "parsed to invalid day %d", day);
    kc_day_format(day, buf);
    FUZZ_CHECK(buf[10] == '\0' && memcmp(buf, text, 10) == 0, "formats back as '%s'", buf);
    FUZZ_CHECK(kc_day_parse_n(text, size, NULL), "parse with NULL out differs");
  } else {
    FUZZ_CHECK(day == 0x5EED, "failed parse changed *out to %d", day);
  }
  /* The same bytes as a C string (up to the first NUL). */
  char *s = fuzz_strndup(data, size);
  int day2 = 0x5EED;
  bool ok2 = kc_day_parse(s, &day2);
  if (strlen(s) == size)
    FUZZ_CHECK(ok2 == ok && (!ok || day2 == day), "kc_day_parse and kc_day_parse_n disagree");
  else if (ok2)
    FUZZ_CHECK(strlen(s) == 10, "kc_day_parse accepted %zu bytes", strlen(s));
  free(s);

  if (size >= 4) {
    int32_t n;
    memcpy(&n, data, 4);
    if (size >= 5 && data[4] & 1) n = KC_DAY_MIN + (int32_t)((uint32_t)n % 3000000u);
    kc_day_format(n, buf);
    FUZZ_CHECK(buf[10] == '\0' && strlen(buf) == 10, "format of %d is not 10 bytes", (int)n);
    FUZZ_CHECK(fuzz_printable(buf, 10, 0), "format of %d not printable", (int)n);
    int back = 0x5EED;
    bool pb = kc_day_parse(buf, &back);
    if (kc_day_valid(n)) {
      FUZZ_CHECK(pb && back == n, "day %d formats as '%s' which parses to %d", (int)n, buf, back);
      int y, m, d;
      FUZZ_CHECK(kc_day_to_ymd(n, &y, &m, &d), "to_ymd failed on a valid day");
      FUZZ_CHECK(kc_day_from_ymd(y, m, d) == n, "ymd round trip of %d", (int)n);
      int wd = kc_day_weekday(n);
      FUZZ_CHECK(wd >= 0 && wd <= 6, "weekday %d", wd);
      FUZZ_CHECK(n == KC_DAY_MIN || kc_day_weekday(n - 1) == (wd + 6) % 7, "weekday sequence");
    } else {
      FUZZ_CHECK(!pb && back == 0x5EED, "invalid day %d formats as parseable '%s'", (int)n, buf);
      FUZZ_CHECK(kc_day_weekday(n) == -1, "weekday of an invalid day");
    }
  }
  return 0;
}
