/* Command-line helpers and the commands. The shared context (options,
 * content, user data) is struct kc_app from kneecare/app.h. */
#ifndef KC_CLI_H
#define KC_CLI_H

#include <stdio.h>

#include "kneecare/app.h"

/* Exit codes (documented in kneecare(1)). */
enum { KC_EXIT_OK = 0, KC_EXIT_FAIL = 1, KC_EXIT_USAGE = 2 };

/* Prints "kneecare: ..." on stderr, sanitised, as one report. */
void kc_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Columns for plain-text output: --width, else the terminal's, else 80. */
int kc_out_width(int requested);
/* Writes text with the search-match markers removed or as [brackets]. */
void kc_put_marked(FILE *out, const char *s, int mark);
/* Writes s as a JSON string (quoted, escaped). */
void kc_json_str(FILE *out, const char *s);
/* Resets getopt for a command's own options (glibc: optind = 0). */
void kc_getopt_reset(void);

int kc_cmd_topics(struct kc_app *app, int argc, char **argv);
int kc_cmd_list(struct kc_app *app, int argc, char **argv);
int kc_cmd_show(struct kc_app *app, int argc, char **argv);
int kc_cmd_search(struct kc_app *app, int argc, char **argv);

#endif
