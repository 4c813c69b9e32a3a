/* `kneecare data ...`: the user-data file itself.
 *
 *   data check   the full integrity check now (normally it runs after an
 *                unclean shutdown or once a day, never at every start); a
 *                damaged file is moved aside, never deleted, and a fresh one
 *                started: exit 1 with the message naming where it went.
 *
 * Reports go through kc_err once; the file's path is printed whole. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

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
