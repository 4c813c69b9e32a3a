/* `kneecare profiles [--json]`: every profile in the user database with
 * when it was created; "*" marks the current one (--user NAME, compared
 * without case; else the one chosen last in the guide; else the login
 * name's, created on first use like every user-data command does). Names
 * are sanitised before printing whatever the file holds. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kneecare/text.h"

int kc_cmd_profiles(struct kc_app *app, int argc, char **argv) {
  int json;
  if (kc_parse_json_option("profiles", argc, argv, &json) != 0) return KC_EXIT_USAGE;
  if (optind < argc) {
    kc_err("profiles: takes no arguments (pick a profile with --user NAME)");
    return KC_EXIT_USAGE;
  }
  int code = KC_EXIT_FAIL;
  struct kc_userdb *udb = kc_cli_user(app, &code);
  if (!udb) return code;
  struct kc_profile *v = NULL;
  int n = 0;
  if (kc_userdb_profile_list(udb, &v, &n) != KC_UDB_OK) {
    kc_err("%s", kc_userdb_errmsg(udb));
    return KC_EXIT_FAIL;
  }
  size_t namew = 4;
  for (int i = 0; i < n; i++) {
    char safe[KC_PROFILE_NAME_BUF * 3];
    size_t len = kc_text_sanitize(v[i].name, strlen(v[i].name), safe, sizeof safe, 0);
    size_t w = kc_text_width(safe, len);
    if (w > namew) namew = w;
  }
  if (json) printf("{\"current\":%lld,\"profiles\":[", (long long)app->profile.id);
  for (int i = 0; i < n; i++) {
    char when[32];
    kc_cli_time(v[i].created_at, when, sizeof when);
    int cur = v[i].id == app->profile.id;
    if (json) {
      printf("%s{\"id\":%lld,\"name\":", i ? "," : "", (long long)v[i].id);
      kc_json_safe(stdout, v[i].name);
      printf(",\"created_at\":%lld,\"created\":\"%s\",\"current\":%s}", (long long)v[i].created_at,
             when, cur ? "true" : "false");
    } else {
      char safe[KC_PROFILE_NAME_BUF * 3];
      size_t len = kc_text_sanitize(v[i].name, strlen(v[i].name), safe, sizeof safe, 0);
      size_t w = kc_text_width(safe, len);
      printf("%c %s%*s  created %s\n", cur ? '*' : ' ', safe, (int)(namew - w), "", when);
    }
  }
  if (json) printf("]}\n");
  free(v);
  return KC_EXIT_OK;
}
