/* Calendar day numbers: conversions over the whole range, leap years, month
 * and year ends, strict parsing of hostile input, and the local date of an
 * instant at midnight, across daylight-saving changes both ways (London and
 * New York) and with the clock moving backwards. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kc_check.h"
#include "kneecare/day.h"

/* ---- helpers ------------------------------------------------------------- */

/* Selects a time zone by name, or by its POSIX rule when the zoneinfo
 * database is not installed, so the tests do not depend on tzdata. */
static void use_tz(const char *name, const char *posix_rule) {
  char path[256];
  snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", name);
  setenv("TZ", access(path, R_OK) == 0 ? name : posix_rule, 1);
  tzset();
}

/* An instant given in UTC, computed with our own day arithmetic. */
static time_t utc(int y, int mo, int d, int h, int mi, int s) {
  return (time_t)kc_day_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

static int ymd(int y, int m, int d) { return kc_day_from_ymd(y, m, d); }

/* ---- conversions ----------------------------------------------------------- */

START_TEST(known_values) {
  ck_assert_int_eq(ymd(1970, 1, 1), 0);
  ck_assert_int_eq(ymd(1970, 1, 2), 1);
  ck_assert_int_eq(ymd(1969, 12, 31), -1);
  ck_assert_int_eq(ymd(2000, 3, 1), 11017);
  ck_assert_int_eq(ymd(2024, 2, 29), 19782);
  ck_assert_int_eq(ymd(1900, 1, 1), KC_DAY_MIN);
  ck_assert_int_eq(ymd(9999, 12, 31), KC_DAY_MAX);
  ck_assert_int_eq(ymd(1899, 12, 31), KC_DAY_INVALID);
  ck_assert_int_eq(ymd(10000, 1, 1), KC_DAY_INVALID);
  ck_assert(!kc_day_valid(KC_DAY_MIN - 1));
  ck_assert(!kc_day_valid(KC_DAY_MAX + 1));
  ck_assert(!kc_day_valid(KC_DAY_INVALID));
}
END_TEST

/* Every day of the range converts to a date and back, and consecutive day
 * numbers are consecutive dates: no gap and no repeat anywhere. */
START_TEST(whole_range_round_trip) {
  /* Three million days: check's per-assert bookkeeping would dominate (and
   * push the test near its time-out under sanitizers), so the loop tests
   * with plain conditions and fails on the first bad day with its details. */
  int py = 1899, pm = 12, pd = 31;
  for (int day = KC_DAY_MIN; day <= KC_DAY_MAX; day++) {
    int y, m, d;
    if (!kc_day_to_ymd(day, &y, &m, &d)) ck_abort_msg("day %d does not convert", day);
    if (kc_day_from_ymd(y, m, d) != day)
      ck_abort_msg("day %d -> %d-%d-%d -> %d", day, y, m, d, kc_day_from_ymd(y, m, d));
    const bool next_in_month = y == py && m == pm && d == pd + 1;
    const bool next_month = y == py && m == pm + 1 && d == 1 && pd == kc_day_month_length(py, pm);
    const bool next_year = y == py + 1 && m == 1 && d == 1 && pm == 12 && pd == 31;
    if (!(next_in_month || next_month || next_year))
      ck_abort_msg("day %d: %d-%d-%d does not follow %d-%d-%d", day, y, m, d, py, pm, pd);
    py = y, pm = m, pd = d;
  }
  ck_assert(!kc_day_to_ymd(KC_DAY_MAX + 1, NULL, NULL, NULL));
}
END_TEST

START_TEST(leap_years) {
  ck_assert(kc_day_is_leap(2024));
  ck_assert(kc_day_is_leap(2000));  /* divisible by 400 */
  ck_assert(!kc_day_is_leap(2100)); /* divisible by 100 only */
  ck_assert(!kc_day_is_leap(1900));
  ck_assert(!kc_day_is_leap(2023));
  ck_assert_int_ne(ymd(2024, 2, 29), KC_DAY_INVALID);
  ck_assert_int_ne(ymd(2000, 2, 29), KC_DAY_INVALID);
  ck_assert_int_eq(ymd(2100, 2, 29), KC_DAY_INVALID);
  ck_assert_int_eq(ymd(1900, 2, 29), KC_DAY_INVALID);
  ck_assert_int_eq(ymd(2023, 2, 29), KC_DAY_INVALID);
  ck_assert_int_eq(ymd(2024, 2, 28) + 1, ymd(2024, 2, 29));
  ck_assert_int_eq(ymd(2024, 2, 29) + 1, ymd(2024, 3, 1));
  ck_assert_int_eq(ymd(2023, 2, 28) + 1, ymd(2023, 3, 1));
  ck_assert_int_eq(ymd(2100, 2, 28) + 1, ymd(2100, 3, 1));
  ck_assert_int_eq(ymd(2000, 2, 28) + 2, ymd(2000, 3, 1));
  ck_assert_int_eq(ymd(2025, 1, 1) - ymd(2024, 1, 1), 366);
  ck_assert_int_eq(ymd(2101, 1, 1) - ymd(2100, 1, 1), 365);
}
END_TEST

START_TEST(month_and_year_ends) {
  static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int m = 1; m <= 12; m++) {
    ck_assert_int_eq(kc_day_month_length(2023, m), len[m - 1]);
    ck_assert_int_ne(ymd(2023, m, len[m - 1]), KC_DAY_INVALID);
    ck_assert_int_eq(ymd(2023, m, len[m - 1] + 1), KC_DAY_INVALID);
    if (m < 12) ck_assert_int_eq(ymd(2023, m, len[m - 1]) + 1, ymd(2023, m + 1, 1));
  }
  ck_assert_int_eq(ymd(2023, 12, 31) + 1, ymd(2024, 1, 1));
  ck_assert_int_eq(ymd(1999, 12, 31) + 1, ymd(2000, 1, 1));
  ck_assert_int_eq(ymd(2024, 1, 1) - 1, ymd(2023, 12, 31));
  ck_assert_int_eq(ymd(2023, 0, 1), KC_DAY_INVALID);
  ck_assert_int_eq(ymd(2023, 13, 1), KC_DAY_INVALID);
  ck_assert_int_eq(ymd(2023, 1, 0), KC_DAY_INVALID);
  ck_assert_int_eq(kc_day_month_length(2023, 0), 0);
}
END_TEST

START_TEST(weekdays) {
  ck_assert_int_eq(kc_day_weekday(0), 3); /* 1970-01-01 was a Thursday */
  ck_assert_str_eq(kc_day_weekday_name(ymd(2024, 2, 29)), "Thu");
  ck_assert_str_eq(kc_day_weekday_name(ymd(1900, 1, 1)), "Mon");
  ck_assert_str_eq(kc_day_weekday_name(ymd(2024, 6, 9)), "Sun");
  ck_assert_int_eq(kc_day_weekday(KC_DAY_INVALID), -1);
  ck_assert_str_eq(kc_day_weekday_name(KC_DAY_INVALID), "");
}
END_TEST

/* ---- parsing and formatting --------------------------------------------------- */

START_TEST(parse_good) {
  int d = 0;
  ck_assert(kc_day_parse("2024-02-29", &d));
  ck_assert_int_eq(d, ymd(2024, 2, 29));
  ck_assert(kc_day_parse("1900-01-01", &d));
  ck_assert_int_eq(d, KC_DAY_MIN);
  ck_assert(kc_day_parse("9999-12-31", &d));
  ck_assert_int_eq(d, KC_DAY_MAX);
  ck_assert(kc_day_parse("2000-02-29", NULL));
}
END_TEST

START_TEST(parse_bad) {
  static const char *const bad[] = {
      "",
      "2024",
      "2024-02",
      "2024-2-29",
      "2024-02-9",
      "24-02-29",
      "2024-02-29 ",
      " 2024-02-29",
      "2024-02-29\n",
      "2024/02/29",
      "2024.02.29",
      "20240229",
      "+024-02-29",
      "-024-02-29",
      "2024-+2-29",
      "2024-02-+9",
      "2024- 2-29",
      "2024-02-3a",
      "2O24-02-29",
      "1899-12-31",
      "0000-01-01",
      "10000-01-01",
      "2024-13-01",
      "2024-00-10",
      "2024-01-00",
      "2024-04-31",
      "2023-02-29",
      "2100-02-29",
      "2024-02-29T00:00",
      "2024-02-29Z",
      "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x94-02-29", /* full-width digits */
      ("2024\xe2\x80\x90"
       "02-29"), /* Unicode hyphen */
      "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6",
      "%s%s%s%s%s",
      "'; DROP TABLE--",
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    int d = 12345;
    if (kc_day_parse(bad[i], &d)) ck_abort_msg("accepted \"%s\"", bad[i]);
    ck_assert_int_eq(d, 12345); /* untouched on failure */
  }
  ck_assert(!kc_day_parse(NULL, NULL));
  /* Embedded NUL and unterminated buffers through the length-taking form. */
  ck_assert(!kc_day_parse_n("2024-02-2\0", 10, NULL));
  ck_assert(!kc_day_parse_n("2024\0002-29", 10, NULL));
  const char exact[10] = {'2', '0', '2', '4', '-', '0', '2', '-', '2', '9'};
  int d = 0;
  ck_assert(kc_day_parse_n(exact, sizeof exact, &d));
  ck_assert_int_eq(d, ymd(2024, 2, 29));
  ck_assert(!kc_day_parse_n(exact, 9, NULL));
  ck_assert(!kc_day_parse_n(NULL, 10, NULL));
}
END_TEST

/* A cheap in-test fuzz: random bytes never crash the parser, and whatever
 * it accepts formats back to exactly the same ten bytes. */
START_TEST(parse_random_bytes) {
  unsigned state = 12345;
  char buf[16];
  for (int i = 0; i < 200000; i++) {
    const size_t len = (state = state * 1103515245u + 12345u) >> 16 & 15;
    for (size_t k = 0; k < len; k++) {
      state = state * 1103515245u + 12345u;
      /* mostly digits and dashes, so some inputs are valid dates */
      const unsigned r = state >> 16;
      buf[k] = (r & 3) ? (char)('0' + r % 10) : (r & 4) ? '-' : (char)(r >> 3);
    }
    int d;
    if (kc_day_parse_n(buf, len, &d)) {
      char out[KC_DAY_BUF];
      kc_day_format(d, out);
      if (len != 10 || memcmp(out, buf, 10) != 0)
        ck_abort_msg("accepted %.*s (length %zu) as %s", (int)len, buf, len, out);
    }
  }
}
END_TEST

START_TEST(format_round_trip) {
  char buf[KC_DAY_BUF];
  ck_assert_str_eq(kc_day_format(0, buf), "1970-01-01");
  ck_assert_str_eq(kc_day_format(ymd(2024, 2, 29), buf), "2024-02-29");
  ck_assert_str_eq(kc_day_format(KC_DAY_MIN, buf), "1900-01-01");
  ck_assert_str_eq(kc_day_format(KC_DAY_MAX, buf), "9999-12-31");
  ck_assert_str_eq(kc_day_format(KC_DAY_INVALID, buf), "?\?\?\?-?\?-?\?");
  ck_assert_str_eq(kc_day_format(KC_DAY_MAX + 1, buf), "?\?\?\?-?\?-?\?");
  /* 420,000 days: plain conditions in the loop (check's per-assert cost
   * would dominate), failing on the first bad day with its details. */
  for (int day = KC_DAY_MIN; day <= KC_DAY_MAX; day += 7) {
    int back = KC_DAY_INVALID;
    if (!kc_day_parse(kc_day_format(day, buf), &back) || back != day)
      ck_abort_msg("day %d -> %s -> %d", day, buf, back);
  }
}
END_TEST

/* ---- local dates: midnight, DST, clock set back ------------------------------------ */

START_TEST(local_utc_basics) {
  use_tz("UTC", "UTC0");
  ck_assert_int_eq(kc_day_local(0), 0);
  ck_assert_int_eq(kc_day_local(86399), 0);
  ck_assert_int_eq(kc_day_local(86400), 1);
  ck_assert_int_eq(kc_day_local(-1), -1);
  ck_assert_int_eq(kc_day_local(utc(2024, 2, 29, 12, 0, 0)), ymd(2024, 2, 29));
}
END_TEST

/* 23:50 and 00:10 twenty minutes later are two calendar days. */
START_TEST(local_midnight) {
  use_tz("Europe/London", "GMT0BST,M3.5.0/1,M10.5.0");
  struct tm tm = {.tm_year = 2024 - 1900,
                  .tm_mon = 0,
                  .tm_mday = 15,
                  .tm_hour = 23,
                  .tm_min = 50,
                  .tm_isdst = -1};
  const time_t t = mktime(&tm);
  ck_assert_int_eq(kc_day_local(t), ymd(2024, 1, 15));
  ck_assert_int_eq(kc_day_local(t + 20 * 60), ymd(2024, 1, 16));
  ck_assert_int_eq(kc_day_local(t + 9 * 60 + 59), ymd(2024, 1, 15)); /* 23:59:59 */
  ck_assert_int_eq(kc_day_local(t + 10 * 60), ymd(2024, 1, 16));     /* 00:00:00 */
  /* New Year's Eve and a leap day in summer time. */
  struct tm nye = {.tm_year = 2023 - 1900,
                   .tm_mon = 11,
                   .tm_mday = 31,
                   .tm_hour = 23,
                   .tm_min = 50,
                   .tm_isdst = -1};
  const time_t t2 = mktime(&nye);
  ck_assert_int_eq(kc_day_local(t2), ymd(2023, 12, 31));
  ck_assert_int_eq(kc_day_local(t2 + 20 * 60), ymd(2024, 1, 1));
  use_tz("America/New_York", "EST5EDT,M3.2.0,M11.1.0");
  ck_assert_int_eq(kc_day_local(utc(2024, 3, 1, 4, 59, 59)), ymd(2024, 2, 29));
  ck_assert_int_eq(kc_day_local(utc(2024, 3, 1, 5, 0, 0)), ymd(2024, 3, 1));
}
END_TEST

/* Walks minute by minute over [from, to) and checks that the local date
 * never goes back, never jumps a day, and that each date lasts the expected
 * number of hours (23 on a spring-forward day, 25 on a fall-back day). */
static void sweep(time_t from, time_t to, int first_day, const int *hours, int ndays) {
  int prev = kc_day_local(from), idx = 0, minutes = 0;
  ck_assert_int_eq(prev, first_day);
  for (time_t t = from; t < to; t += 60) {
    const int d = kc_day_local(t);
    if (d != prev) {
      ck_assert_int_eq(d, prev + 1); /* neither lost nor repeated */
      ck_assert_int_lt(idx, ndays);
      ck_assert_int_eq(minutes, hours[idx] * 60);
      idx++, minutes = 0, prev = d;
    }
    minutes++;
  }
  ck_assert_int_eq(idx, ndays);
}

START_TEST(local_dst_london) {
  use_tz("Europe/London", "GMT0BST,M3.5.0/1,M10.5.0");
  /* Spring forward: 2024-03-31 01:00 GMT becomes 02:00 BST. */
  ck_assert_int_eq(kc_day_local(utc(2024, 3, 30, 23, 59, 59)), ymd(2024, 3, 30));
  ck_assert_int_eq(kc_day_local(utc(2024, 3, 31, 0, 0, 0)), ymd(2024, 3, 31));
  ck_assert_int_eq(kc_day_local(utc(2024, 3, 31, 0, 59, 59)), ymd(2024, 3, 31));
  ck_assert_int_eq(kc_day_local(utc(2024, 3, 31, 1, 0, 0)), ymd(2024, 3, 31)); /* 02:00 BST */
  ck_assert_int_eq(kc_day_local(utc(2024, 3, 31, 22, 59, 59)), ymd(2024, 3, 31));
  ck_assert_int_eq(kc_day_local(utc(2024, 3, 31, 23, 0, 0)), ymd(2024, 4, 1)); /* 00:00 BST */
  static const int spring[] = {24, 23, 24};
  sweep(utc(2024, 3, 30, 0, 0, 0), utc(2024, 4, 1, 23, 0, 0) + 3600, ymd(2024, 3, 30), spring, 3);
  /* Fall back: 2024-10-27 02:00 BST becomes 01:00 GMT; 01:xx happens twice. */
  ck_assert_int_eq(kc_day_local(utc(2024, 10, 26, 22, 59, 59)), ymd(2024, 10, 26));
  ck_assert_int_eq(kc_day_local(utc(2024, 10, 26, 23, 0, 0)), ymd(2024, 10, 27));
  ck_assert_int_eq(kc_day_local(utc(2024, 10, 27, 0, 30, 0)), ymd(2024, 10, 27)); /* 01:30 BST */
  ck_assert_int_eq(kc_day_local(utc(2024, 10, 27, 1, 30, 0)), ymd(2024, 10, 27)); /* 01:30 GMT */
  ck_assert_int_eq(kc_day_local(utc(2024, 10, 27, 23, 59, 59)), ymd(2024, 10, 27));
  ck_assert_int_eq(kc_day_local(utc(2024, 10, 28, 0, 0, 0)), ymd(2024, 10, 28));
  static const int autumn[] = {24, 25, 24};
  sweep(utc(2024, 10, 25, 23, 0, 0), utc(2024, 10, 29, 0, 0, 0) + 3600, ymd(2024, 10, 26), autumn,
        3);
}
END_TEST

START_TEST(local_dst_new_york) {
  use_tz("America/New_York", "EST5EDT,M3.2.0,M11.1.0");
  /* Spring forward: 2024-03-10 02:00 EST becomes 03:00 EDT (07:00 UTC). */
  ck_assert_int_eq(kc_day_local(utc(2024, 3, 10, 4, 59, 59)), ymd(2024, 3, 9));
  ck_assert_int_eq(kc_day_local(utc(2024, 3, 10, 5, 0, 0)), ymd(2024, 3, 10));
  ck_assert_int_eq(kc_day_local(utc(2024, 3, 10, 7, 0, 0)), ymd(2024, 3, 10));
  ck_assert_int_eq(kc_day_local(utc(2024, 3, 11, 3, 59, 59)), ymd(2024, 3, 10));
  ck_assert_int_eq(kc_day_local(utc(2024, 3, 11, 4, 0, 0)), ymd(2024, 3, 11));
  static const int spring[] = {24, 23, 24};
  sweep(utc(2024, 3, 9, 5, 0, 0), utc(2024, 3, 12, 4, 0, 0) + 3600, ymd(2024, 3, 9), spring, 3);
  /* Fall back: 2024-11-03 02:00 EDT becomes 01:00 EST (06:00 UTC). */
  ck_assert_int_eq(kc_day_local(utc(2024, 11, 3, 3, 59, 59)), ymd(2024, 11, 2));
  ck_assert_int_eq(kc_day_local(utc(2024, 11, 3, 4, 0, 0)), ymd(2024, 11, 3));
  ck_assert_int_eq(kc_day_local(utc(2024, 11, 3, 5, 30, 0)), ymd(2024, 11, 3)); /* 01:30 EDT */
  ck_assert_int_eq(kc_day_local(utc(2024, 11, 3, 6, 30, 0)), ymd(2024, 11, 3)); /* 01:30 EST */
  ck_assert_int_eq(kc_day_local(utc(2024, 11, 4, 4, 59, 59)), ymd(2024, 11, 3));
  ck_assert_int_eq(kc_day_local(utc(2024, 11, 4, 5, 0, 0)), ymd(2024, 11, 4));
  static const int autumn[] = {24, 25, 24};
  sweep(utc(2024, 11, 2, 4, 0, 0), utc(2024, 11, 5, 5, 0, 0) + 3600, ymd(2024, 11, 2), autumn, 3);
}
END_TEST

/* A clock set back gives the earlier (or the same) day, never a skipped
 * one: walking backwards an hour at a time, the date goes down by 0 or 1
 * per step, through DST changes too. */
START_TEST(local_clock_set_back) {
  use_tz("Europe/London", "GMT0BST,M3.5.0/1,M10.5.0");
  const time_t later = utc(2024, 10, 28, 12, 0, 0);
  const int day_later = kc_day_local(later);
  ck_assert_int_eq(day_later, ymd(2024, 10, 28));
  /* the clock is corrected back by 13 hours: the previous calendar day */
  ck_assert_int_eq(kc_day_local(later - 13 * 3600), ymd(2024, 10, 27));
  /* corrected back by 5 minutes: same day */
  ck_assert_int_eq(kc_day_local(later - 300), day_later);
  int prev = day_later;
  for (time_t t = later; t > later - 10 * 86400; t -= 3600) {
    const int d = kc_day_local(t);
    ck_assert(d == prev || d == prev - 1);
    prev = d;
  }
  ck_assert_int_eq(prev, ymd(2024, 10, 18));
}
END_TEST

/* Where a country really skipped a date (Samoa moved across the date line:
 * 2011-12-30 never happened there), the calendar is what it is: the day
 * after the 29th is the 31st. Documented, not hidden. */
START_TEST(local_skipped_date_is_calendar) {
  if (access("/usr/share/zoneinfo/Pacific/Apia", R_OK) != 0) return;
  use_tz("Pacific/Apia", "UTC0");
  ck_assert_int_eq(kc_day_local(utc(2011, 12, 30, 9, 59, 59)), ymd(2011, 12, 29));
  ck_assert_int_eq(kc_day_local(utc(2011, 12, 30, 10, 0, 0)), ymd(2011, 12, 31));
}
END_TEST

START_TEST(local_out_of_range) {
  use_tz("UTC", "UTC0");
  ck_assert_int_eq(kc_day_local((time_t)KC_DAY_MIN * 86400 - 1), KC_DAY_INVALID);
  ck_assert_int_eq(kc_day_local((time_t)KC_DAY_MAX * 86400 + 86400), KC_DAY_INVALID);
  if (sizeof(time_t) > 4) {
    const time_t huge = (time_t)((unsigned long long)1 << 62);
    ck_assert_int_eq(kc_day_local(huge), KC_DAY_INVALID);
    ck_assert_int_eq(kc_day_local(-huge), KC_DAY_INVALID);
  }
}
END_TEST

/* Review F6: a stored time localtime_r cannot convert printed garbage from
 * an uninitialised struct tm; any stored value now formats or reads "-". */
START_TEST(time_format_never_trusts_a_stored_value) {
  setenv("TZ", "UTC0", 1);
  tzset();
  char buf[64];
  ck_assert_str_eq(kc_time_format(utc(2026, 3, 1, 12, 5, 0), "%Y-%m-%d %H:%M", buf, sizeof buf),
                   "2026-03-01 12:05");
  ck_assert_str_eq(kc_time_format(0, "%Y", buf, sizeof buf), "-");
  ck_assert_str_eq(kc_time_format(INT64_MAX, "%Y-%m-%d", buf, sizeof buf), "-");
  ck_assert_str_eq(kc_time_format(INT64_MIN, "%Y-%m-%d", buf, sizeof buf), "-");
  ck_assert_str_eq(kc_time_format((int64_t)300000 * 366 * 86400, "%Y", buf, sizeof buf), "-");
  ck_assert_str_eq(kc_time_format(-2208988801LL, "%Y", buf, sizeof buf), "-"); /* 1899 */
  ck_assert_str_eq(kc_time_format(utc(2026, 3, 1, 0, 0, 0), "%Y-%m-%d", buf, 4),
                   "-"); /* too small */
}
END_TEST

static Suite *day_suite(void) {
  Suite *s = suite_create("day");
  TCase *conv = tcase_create("conversions");
  tcase_add_test(conv, known_values);
  tcase_add_test(conv, whole_range_round_trip);
  tcase_add_test(conv, leap_years);
  tcase_add_test(conv, month_and_year_ends);
  tcase_add_test(conv, weekdays);
  suite_add_tcase(s, conv);
  TCase *text = tcase_create("parse_format");
  tcase_add_test(text, parse_good);
  tcase_add_test(text, parse_bad);
  tcase_add_test(text, time_format_never_trusts_a_stored_value);
  tcase_add_test(text, parse_random_bytes);
  tcase_add_test(text, format_round_trip);
  suite_add_tcase(s, text);
  TCase *local = tcase_create("local");
  tcase_add_test(local, local_utc_basics);
  tcase_add_test(local, local_midnight);
  tcase_add_test(local, local_dst_london);
  tcase_add_test(local, local_dst_new_york);
  tcase_add_test(local, local_clock_set_back);
  tcase_add_test(local, local_skipped_date_is_calendar);
  tcase_add_test(local, local_out_of_range);
  suite_add_tcase(s, local);
  return s;
}

KC_CHECK_MAIN(day_suite)
