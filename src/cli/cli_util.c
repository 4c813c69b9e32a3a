/* Helpers shared by the commands that use the wizard and the user
 * database: opening them with one report on failure, local times, safe
 * printing of user text, word wrapping, strict numbers, the level heading
 * and reading an input file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "kneecare/day.h"
#include "kneecare/mem.h"
#include "kneecare/profile.h"
#include "kneecare/text.h"

struct kc_userdb *kc_cli_user(struct kc_app *app, int *exit_code) {
  char why[256];
  if (app->user && !kc_profile_name_check(app->user, why, sizeof why)) {
    kc_err("--user: %s", why);
    *exit_code = KC_EXIT_USAGE;
    return NULL;
  }
  const int first = app->user_state == 0;
  char err[1024];
  struct kc_userdb *db = kc_app_user(app, err, sizeof err);
  if (!db && app->user_unknown) {
    /* A typo must not make a new profile: say what exists instead. */
    kc_err("%s Add --create to make a new profile called \"%s\" (kneecare profiles lists them).",
           err, app->user);
    *exit_code = KC_EXIT_FAIL;
    return NULL;
  }
  if (!db) {
    kc_err("%s", err[0] ? err : "cannot open the user data");
    *exit_code = KC_EXIT_FAIL;
    return NULL;
  }
  if (first) kc_err_lines(kc_userdb_warning(db)); /* a damaged file moved aside... */
  return db;
}

const struct kc_wz_def *kc_cli_wizard(struct kc_app *app) {
  char err[768];
  const struct kc_wz_def *def = kc_app_wizard(app, err, sizeof err);
  if (!def) kc_err("%s", err);
  return def;
}

int kc_cli_tasks(struct kc_app *app) {
  char err[256];
  if (kc_app_tasks(app, err, sizeof err) == 0) return 0;
  kc_err("%s", err);
  return -1;
}

char *kc_cli_time(int64_t t, char *buf, size_t n) {
  return kc_time_format(t, "%Y-%m-%d %H:%M", buf, n);
}

char *kc_cli_clock(int64_t t, char *buf, size_t n) { return kc_time_format(t, "%H:%M", buf, n); }

void kc_put_safe(FILE *out, const char *s) {
  char *safe = kc_text_sanitize_dup(s ? s : "", s ? strlen(s) : 0, 0);
  if (safe) fputs(safe, out);
  free(safe);
}

void kc_json_safe(FILE *out, const char *s) {
  char *safe = kc_text_sanitize_dup(s ? s : "", s ? strlen(s) : 0, 0);
  kc_json_str(out, safe ? safe : "");
  free(safe);
}

void kc_print_wrapped(FILE *out, const char *text, int width, const char *first, const char *rest) {
  size_t len = strlen(text), pos = 0;
  const char *indent = first;
  do {
    int avail = width - (int)strlen(indent);
    size_t ll, next = kc_wrap_next(text + pos, len - pos, (size_t)(avail < 20 ? 20 : avail), &ll);
    fprintf(out, "%s%.*s\n", indent, (int)ll, text + pos);
    indent = rest;
    if (next == 0) break;
    pos += next;
  } while (pos < len);
}

bool kc_parse_long(const char *s, long long min, long long max, long long *out) {
  if (!s || !*s) return false;
  for (const char *p = s; *p; p++)
    if ((*p < '0' || *p > '9') && !(p == s && *p == '-')) return false;
  errno = 0;
  char *end;
  long long v = strtoll(s, &end, 10);
  if (errno || *end || end == s || v < min || v > max) return false;
  *out = v;
  return true;
}

void kc_print_level(FILE *out, enum kc_level level, int width) {
  kc_print_level_words(out, level, kc_level_title(level), kc_level_advice(level), width);
}

void kc_print_level_words(FILE *out, enum kc_level level, const char *title_words,
                          const char *advice, int width) {
  const int bar = width < 40 ? 40 : width > 80 ? 80 : width;
  if (level >= KC_LEVEL_24H) {
    /* No colour in plain output: the urgent levels stand out in text. */
    char title[128];
    snprintf(title, sizeof title, "%s", title_words);
    for (char *p = title; *p; p++)
      if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 'a' + 'A');
    for (int i = 0; i < bar; i++) fputc('!', out);
    fprintf(out, "\n!!! %s (level: %s)\n", title, kc_level_name(level));
    for (int i = 0; i < bar; i++) fputc('!', out);
    fputc('\n', out);
  } else {
    fprintf(out, "%s (level: %s)\n", title_words, kc_level_name(level));
  }
  if (advice && *advice) kc_print_wrapped(out, advice, width, "", "");
}

char *kc_read_input(const char *path, size_t max, size_t *len, char *err, size_t errlen) {
  const int is_stdin = strcmp(path, "-") == 0;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    snprintf(err, errlen, "cannot open: %s", strerror(errno));
    return NULL;
  }
  size_t cap = max < 4096 ? max : 4096, n = 0;
  char *buf = kc_xmalloc(cap + 1);
  for (;;) {
    if (n == cap) {
      if (cap >= max) break;
      cap = cap * 2 > max ? max : cap * 2;
      buf = kc_xrealloc(buf, cap + 1);
    }
    const size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
  }
  /* Full: one more byte tells "exactly max" from "too long". */
  const int too_big = n == cap && cap >= max && fgetc(f) != EOF;
  const int read_err = ferror(f) ? (errno ? errno : EIO) : 0;
  if (!is_stdin) fclose(f);
  if (read_err || too_big) {
    if (read_err)
      snprintf(err, errlen, "cannot read: %s", strerror(read_err));
    else
      snprintf(err, errlen, "larger than %zu bytes", max);
    free(buf);
    return NULL;
  }
  buf[n] = '\0';
  *len = n;
  return buf;
}
