/* `kneecare data ...`: a person's data as a whole.
 *
 *   data check    the full integrity check now (normally it runs after an
 *                 unclean shutdown or once a day, never at every start); a
 *                 damaged file is moved aside, never deleted, and a fresh
 *                 one started: exit 1 with the message naming where it went.
 *   data export   everything of the current profile as one JSON document
 *                 (every table, every column, from one snapshot).
 *   data delete   the current profile and everything it holds, or with
 *                 --check ID one saved symptom check; asks on a terminal,
 *                 needs --yes otherwise (nothing is deleted without it).
 *
 * Reports go through kc_err once; the file's path is printed whole. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "kneecare/text.h"

/* Reports the open warnings (loose permissions, a file moved aside). */
static void report_warnings(struct kc_userdb *udb) { kc_err_lines(kc_userdb_warning(udb)); }

int kc_cmd_data_check(struct kc_app *app, int argc, char **argv) {
  if (kc_parse_no_options("data check", argc, argv) != 0) return KC_EXIT_USAGE;
  char err[2048];
  app->defer_check = 1; /* checked below, once, fully */
  struct kc_userdb *udb = kc_app_userdb(app, err, sizeof err);
  if (!udb) {
    kc_err("%s", err);
    return KC_EXIT_FAIL;
  }
  report_warnings(udb);
  const size_t before = strlen(kc_userdb_warning(udb));
  const int rc = kc_userdb_verify_ex(udb, KC_USERDB_VERIFY_FORCE | KC_USERDB_VERIFY_FULL);
  if (rc != KC_UDB_OK) {
    kc_err("%s", kc_userdb_errmsg(udb));
    return KC_EXIT_FAIL;
  }
  if (strlen(kc_userdb_warning(udb)) > before) { /* damaged: moved aside, a fresh one started */
    kc_err_lines(kc_userdb_warning(udb) + before);
    return KC_EXIT_FAIL;
  }
  struct stat st;
  const long long kb =
      stat(kc_userdb_path(udb), &st) == 0 ? (long long)(st.st_size + 1023) / 1024 : 0;
  printf("The data file ");
  kc_put_safe(stdout, kc_userdb_path(udb));
  printf(" is sound (full integrity check, %lld KB, data version %d).\n", kb,
         kc_userdb_version(udb));
  const char *ro = kc_userdb_readonly(udb);
  if (ro) {
    printf("It can be read but not written: ");
    kc_put_safe(stdout, ro);
    printf(".\n");
  }
  return KC_EXIT_OK;
}

/* ---- export ------------------------------------------------------------------------ */

struct json_export {
  FILE *out;
  int tables, rows; /* tables written so far; rows in the current table */
  long total;
};

/* Text exactly as stored, as a JSON string: every character kept (tabs and
 * newlines escaped), only bytes that are not UTF-8 replaced by U+FFFD so
 * the document stays valid JSON. */
static void json_text(FILE *out, const char *s) {
  fputc('"', out);
  const size_t len = strlen(s);
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    const size_t used = kc_utf8_decode(s + i, len - i, &cp);
    if (cp == KC_REPLACEMENT && used == 1)
      fputs("\\ufffd", out);
    else if (cp == '"' || cp == '\\')
      fprintf(out, "\\%c", (char)cp);
    else if (cp < 0x20 || cp == 0x7F)
      fprintf(out, "\\u%04x", (unsigned)cp);
    else
      fwrite(s + i, 1, used, out);
    i += used;
  }
  fputc('"', out);
}

static void export_row(void *ctx, enum kc_export_event ev, const char *table,
                       const struct kc_udb_value *cols, int n) {
  struct json_export *x = ctx;
  if (ev == KC_EXPORT_TABLE) {
    fprintf(x->out, "%s\n  \"%s\": [", x->tables++ ? "," : "", table);
    x->rows = 0;
    return;
  }
  if (ev == KC_EXPORT_TABLE_END) {
    fputs(x->rows ? "\n  ]" : "]", x->out);
    return;
  }
  fprintf(x->out, "%s\n    {", x->rows++ ? "," : "");
  x->total++;
  for (int c = 0; c < n; c++) {
    fprintf(x->out, "%s\"%s\": ", c ? ", " : "", cols[c].column);
    if (cols[c].type == KC_UDB_VALUE_NULL)
      fputs("null", x->out);
    else if (cols[c].type == KC_UDB_VALUE_INT)
      fprintf(x->out, "%lld", (long long)cols[c].i);
    else
      json_text(x->out, cols[c].text);
  }
  fputc('}', x->out);
}

/* --output FILE: created 0600 (it holds health data), never over an
 * existing file. */
static FILE *open_output(const char *path) {
  const int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    kc_err("data export: cannot create %s: %s%s", path, strerror(errno),
           errno == EEXIST ? " (choose a new file name; nothing is overwritten)" : "");
    return NULL;
  }
  return fdopen(fd, "w");
}

int kc_cmd_data_export(struct kc_app *app, int argc, char **argv) {
  static const struct option opts[] = {{"output", required_argument, 0, 'o'}, {0, 0, 0, 0}};
  const char *path = NULL;
  int c;
  kc_getopt_reset();
  while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
    if (c == 'o') {
      path = optarg;
      continue;
    }
    kc_err("data export: %s '%s' (try --help)",
           c == ':' ? "option needs a value:" : "unknown option", argv[optind - 1]);
    return KC_EXIT_USAGE;
  }
  if (optind < argc) {
    kc_err("data export: takes no argument '%s' (pick the profile with --user NAME)", argv[optind]);
    return KC_EXIT_USAGE;
  }
  int code = KC_EXIT_FAIL;
  struct kc_userdb *udb = kc_cli_user(app, &code);
  if (!udb) return code;
  FILE *out = path ? open_output(path) : stdout;
  if (!out) return KC_EXIT_FAIL;
  char when[32];
  fprintf(out,
          "{\"format\": \"kneecare-profile-export\", \"format_version\": 1, \"data_version\": %d, ",
          kc_userdb_version(udb));
  fprintf(out,
          "\"exported_at\": \"%s\", \"profile\": ", kc_cli_time(kc_app_now(), when, sizeof when));
  json_text(out, app->profile.name);
  fputs(", \"tables\": {", out);
  struct json_export x = {.out = out};
  const int rc = kc_userdb_export(udb, app->profile.id, export_row, &x);
  fputs("\n}}\n", out);
  const int write_failed = fflush(out) != 0 || ferror(out);
  if (path && fclose(out) != 0) return kc_err("data export: cannot write %s", path), KC_EXIT_FAIL;
  if (rc != KC_UDB_OK) {
    kc_err("%s", kc_userdb_errmsg(udb));
    if (path) unlink(path); /* never leave half an export looking whole */
    return KC_EXIT_FAIL;
  }
  if (write_failed) {
    kc_err("data export: cannot write the export%s%s", path ? " to " : "", path ? path : "");
    return KC_EXIT_FAIL;
  }
  if (path) {
    fprintf(stderr, "kneecare: exported %ld records of profile \"", x.total);
    kc_put_safe(stderr, app->profile.name);
    fprintf(stderr, "\" to %s (mode 0600).\n", path);
  }
  return KC_EXIT_OK;
}

/* ---- delete --------------------------------------------------------------------------- */

struct counts {
  long plans, checks, other;
};

static void count_row(void *ctx, enum kc_export_event ev, const char *table,
                      const struct kc_udb_value *cols, int n) {
  (void)cols, (void)n;
  struct counts *k = ctx;
  if (ev != KC_EXPORT_ROW || strcmp(table, "profile") == 0) return;
  if (strcmp(table, "plan") == 0)
    k->plans++;
  else if (strcmp(table, "wizard_run") == 0)
    k->checks++;
  else
    k->other++;
}

/* On a terminal: asks, and only "yes" goes on. Elsewhere --yes is needed,
 * so a script cannot delete by accident. Returns 0 to go on, or an exit
 * code after saying that nothing was deleted. */
static int confirm(const char *what, int yes) {
  if (yes) return 0;
  if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO)) {
    kc_err("data delete: nothing was deleted: not on a terminal, so add --yes to delete %s", what);
    return KC_EXIT_USAGE;
  }
  fprintf(stderr, "Delete %s? This cannot be undone. Type yes to delete: ", what);
  fflush(stderr);
  char line[64];
  if (!fgets(line, sizeof line, stdin) || strcmp(line, "yes\n") != 0) {
    kc_err("nothing was deleted");
    return KC_EXIT_FAIL;
  }
  return 0;
}

int kc_cmd_data_delete(struct kc_app *app, int argc, char **argv) {
  static const struct option opts[] = {
      {"yes", no_argument, 0, 'y'}, {"check", required_argument, 0, 'c'}, {0, 0, 0, 0}};
  int yes = 0, c;
  long long check = 0;
  kc_getopt_reset();
  while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
    if (c == 'y') {
      yes = 1;
    } else if (c == 'c' && kc_parse_long(optarg, 1, INT64_MAX, &check)) {
    } else {
      kc_err("data delete: %s '%s' (try --help)",
             c == 'c'   ? "--check takes a symptom check's id (kneecare history), not"
             : c == ':' ? "option needs a value:"
                        : "unknown option",
             c == 'c' ? optarg : argv[optind - 1]);
      return KC_EXIT_USAGE;
    }
  }
  if (optind < argc) {
    kc_err("data delete: takes no argument '%s' (pick the profile with --user NAME)", argv[optind]);
    return KC_EXIT_USAGE;
  }
  int code = KC_EXIT_FAIL;
  struct kc_userdb *udb = kc_cli_user(app, &code);
  if (!udb) return code;
  char what[KC_PROFILE_NAME_BUF * 3 + 160], name[KC_PROFILE_NAME_BUF * 3];
  kc_text_sanitize(app->profile.name, strlen(app->profile.name), name, sizeof name, 0);
  if (check) {
    struct kc_wizard_run run = {0};
    if (kc_userdb_wizard_get(udb, check, &run) != KC_UDB_OK || run.profile_id != app->profile.id) {
      kc_userdb_wizard_run_clear(&run);
      kc_err("data delete: profile \"%s\" has no symptom check %lld (see kneecare history)", name,
             check);
      return KC_EXIT_FAIL;
    }
    char when[32];
    snprintf(what, sizeof what, "symptom check %lld of profile \"%s\" (%s, level %s)", check, name,
             kc_cli_time(run.at, when, sizeof when), kc_level_name(run.level));
    kc_userdb_wizard_run_clear(&run);
    if ((code = confirm(what, yes)) != 0) return code;
    if (kc_userdb_wizard_delete(udb, app->profile.id, check) != KC_UDB_OK) {
      kc_err("%s", kc_userdb_errmsg(udb));
      return KC_EXIT_FAIL;
    }
    printf("Deleted %s.\n", what);
    return KC_EXIT_OK;
  }
  struct counts k = {0};
  kc_userdb_export(udb, app->profile.id, count_row, &k);
  snprintf(what, sizeof what,
           "profile \"%s\" and everything it holds (%ld plan%s, %ld symptom check%s, %ld other "
           "record%s)",
           name, k.plans, k.plans == 1 ? "" : "s", k.checks, k.checks == 1 ? "" : "s", k.other,
           k.other == 1 ? "" : "s");
  if ((code = confirm(what, yes)) != 0) return code;
  if (kc_userdb_profile_delete(udb, app->profile.id) != KC_UDB_OK) {
    kc_err("%s", kc_userdb_errmsg(udb));
    return KC_EXIT_FAIL;
  }
  printf("Deleted %s.\n", what);
  return KC_EXIT_OK;
}
