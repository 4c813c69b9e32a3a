/* Calendar dates as plain integers: the day number is the count of days
 * since 1970-01-01 in the proleptic Gregorian calendar. Adding n days is
 * `day + n` and the distance between two dates is `b - a`, whatever the
 * clocks did in between: days are dates, never multiples of 86400 seconds,
 * so midnight, daylight-saving changes and a clock set back can neither
 * lose nor duplicate a day.
 *
 * Valid days are 1900-01-01 .. 9999-12-31 (KC_DAY_MIN .. KC_DAY_MAX), so a
 * formatted date is always exactly "YYYY-MM-DD". Functions that cannot
 * produce a valid day return KC_DAY_INVALID. Pure code: the only contact
 * with the outside world is kc_day_local(), which is handed the instant. */
#ifndef KC_DAY_H
#define KC_DAY_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define KC_DAY_INVALID INT_MIN
#define KC_DAY_MIN (-25567) /* 1900-01-01 */
#define KC_DAY_MAX 2932896  /* 9999-12-31 */
#define KC_DAY_BUF 11       /* "YYYY-MM-DD" plus NUL */

/* True for a day number within KC_DAY_MIN .. KC_DAY_MAX. */
bool kc_day_valid(int day);
/* True for a Gregorian leap year (2000 yes, 2100 no, 2024 yes). */
bool kc_day_is_leap(int year);
/* Days in a month (28..31); 0 for a month outside 1..12. */
int kc_day_month_length(int year, int month);

/* Day number of a real date in range, or KC_DAY_INVALID (2023-02-29,
 * month 13, year 1899...). */
int kc_day_from_ymd(int year, int month, int mday);
/* Splits a valid day into its date; false (outputs untouched) otherwise.
 * Any output pointer may be NULL. */
bool kc_day_to_ymd(int day, int *year, int *month, int *mday);

/* Strict parse of exactly "YYYY-MM-DD": ten bytes, ASCII digits, real date,
 * year 1900..9999, nothing before or after. Safe on any input (NULL too).
 * On success stores the day in *out and returns true; *out is untouched
 * on failure. */
bool kc_day_parse(const char *text, int *out);
/* Same on a byte buffer that need not be NUL-terminated (for fuzzing and
 * for callers holding a length). */
bool kc_day_parse_n(const char *text, size_t len, int *out);

/* Writes "YYYY-MM-DD" into buf and returns buf; an invalid day is written
 * with question marks in place of the digits, so printing the result is
 * always safe. */
char *kc_day_format(int day, char buf[KC_DAY_BUF]);

/* Day of the week, 0 = Monday .. 6 = Sunday (ISO order); -1 if invalid. */
int kc_day_weekday(int day);
/* "Mon".."Sun"; "" for an invalid day. */
const char *kc_day_weekday_name(int day);

/* The local calendar date of instant t (localtime_r, so the process time
 * zone applies; call tzset() once at start-up or after changing TZ).
 * KC_DAY_INVALID if t cannot be converted or falls outside the range. */
int kc_day_local(time_t t);

/* Formats a stored instant (Unix seconds, from the user database or any
 * other untrusted place) in local time with strftime `fmt` into buf. Never
 * reads an uninitialised struct tm: an instant localtime_r cannot convert,
 * or whose year is outside 1900..9999, and 0 ("never"), are written as "-".
 * Returns buf. The screens and the commands share it (review F6). */
char *kc_time_format(int64_t t, const char *fmt, char *buf, size_t n);

#endif
