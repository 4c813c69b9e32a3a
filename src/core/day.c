/* Calendar day numbers: conversion to and from year/month/day with the
 * civil-date algorithms of Howard Hinnant ("chrono-compatible low-level date
 * algorithms"), strict YYYY-MM-DD parsing and formatting, and the local date
 * of an instant. Nothing here adds seconds to get a date: a day is a date,
 * and the only time-zone contact is localtime_r in kc_day_local(). */
#include "kneecare/day.h"

#include <stdio.h>
#include <string.h>

bool kc_day_valid(int day) { return day >= KC_DAY_MIN && day <= KC_DAY_MAX; }

bool kc_day_is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int kc_day_month_length(int year, int month) {
  static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && kc_day_is_leap(year) ? 29 : len[month - 1];
}

/* Days since 1970-01-01 of a date already known to be valid. The year is
 * shifted to start in March so the leap day is the last day of the "year". */
static int days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;                                   /* 0..399 */
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* 0..365 */
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* 0..146096 */
  return era * 146097 + doe - 719468;
}

static void civil_from_days(int z, int *y, int *m, int *d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

int kc_day_from_ymd(int year, int month, int mday) {
  if (year < 1900 || year > 9999) return KC_DAY_INVALID;
  if (mday < 1 || mday > kc_day_month_length(year, month)) return KC_DAY_INVALID;
  return days_from_civil(year, month, mday);
}

bool kc_day_to_ymd(int day, int *year, int *month, int *mday) {
  if (!kc_day_valid(day)) return false;
  int y, m, d;
  civil_from_days(day, &y, &m, &d);
  if (year) *year = y;
  if (month) *month = m;
  if (mday) *mday = d;
  return true;
}

/* Value of n ASCII digits, or -1 if any byte is not a digit. Deliberately
 * not isdigit(): that depends on the locale and takes an int, not a char. */
static int digits(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool kc_day_parse_n(const char *text, size_t len, int *out) {
  if (!text || len != 10 || text[4] != '-' || text[7] != '-') return false;
  const int y = digits(text, 4), m = digits(text + 5, 2), d = digits(text + 8, 2);
  if (y < 0 || m < 0 || d < 0) return false;
  const int day = kc_day_from_ymd(y, m, d);
  if (day == KC_DAY_INVALID) return false;
  if (out) *out = day;
  return true;
}

bool kc_day_parse(const char *text, int *out) {
  if (!text) return false;
  /* strnlen bounds the scan: anything longer than 10 bytes is refused. */
  return kc_day_parse_n(text, strnlen(text, 11), out);
}

static void put_digits(char *out, int value, int n) {
  for (int i = n - 1; i >= 0; i--) {
    out[i] = (char)('0' + value % 10);
    value /= 10;
  }
}

char *kc_day_format(int day, char buf[KC_DAY_BUF]) {
  int y, m, d;
  if (!kc_day_to_ymd(day, &y, &m, &d)) {
    /* Escaped: "??-" is a trigraph in C11. */
    memcpy(buf, "?\?\?\?-?\?-?\?", KC_DAY_BUF);
    return buf;
  }
  put_digits(buf, y, 4);
  buf[4] = '-';
  put_digits(buf + 5, m, 2);
  buf[7] = '-';
  put_digits(buf + 8, d, 2);
  buf[10] = '\0';
  return buf;
}

int kc_day_weekday(int day) {
  if (!kc_day_valid(day)) return -1;
  /* 1970-01-01 was a Thursday (3 when Monday is 0); floor modulo because
   * days before 1970 are negative. */
  int r = (day + 3) % 7;
  return r < 0 ? r + 7 : r;
}

const char *kc_day_weekday_name(int day) {
  static const char *const names[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  const int w = kc_day_weekday(day);
  return w < 0 ? "" : names[w];
}

int kc_day_local(time_t t) {
  struct tm tm;
  if (!localtime_r(&t, &tm)) return KC_DAY_INVALID;
  /* tm_year is years since 1900; guard before adding so a huge t cannot
   * overflow the int arithmetic. */
  if (tm.tm_year < 0 || tm.tm_year > 9999 - 1900) return KC_DAY_INVALID;
  return kc_day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

char *kc_time_format(int64_t t, const char *fmt, char *buf, size_t n) {
  if (!buf || n == 0) return buf;
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  const time_t tt = (time_t)t;
  if (t == 0 || (int64_t)tt != t || !localtime_r(&tt, &tm) || tm.tm_year < 0 ||
      tm.tm_year > 9999 - 1900 || strftime(buf, n, fmt, &tm) == 0)
    snprintf(buf, n, "-");
  return buf;
}
