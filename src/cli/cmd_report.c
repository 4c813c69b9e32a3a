/* `kneecare report`: the clinician report (app/report.c) on standard
 * output: one page of Markdown to take to a physio or doctor. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "kneecare/report.h"

int kc_cmd_report(struct kc_app *app, int argc, char **argv) {
  static const struct option none[] = {{0, 0, 0, 0}};
  kc_getopt_reset();
  if (getopt_long(argc, argv, ":", none, NULL) != -1) {
    kc_err("report: unknown option '%s'", argv[optind - 1]);
    return KC_EXIT_USAGE;
  }
  if (optind < argc) {
    kc_err("report: takes no arguments");
    return KC_EXIT_USAGE;
  }
  int code = KC_EXIT_FAIL;
  if (!kc_cli_user(app, &code)) return code;
  struct kc_strbuf b = {0};
  char err[768];
  if (kc_report_markdown(app, kc_app_today(), &b, err, sizeof err) != KC_UDB_OK) {
    kc_err("%s", err);
    kc_strbuf_free(&b);
    return KC_EXIT_FAIL;
  }
  fputs(kc_strbuf_str(&b), stdout);
  kc_strbuf_free(&b);
  return KC_EXIT_OK;
}
