/* Command-line helpers and the commands. The shared context (options,
 * content, user data) is struct kc_app from kneecare/app.h. */
#ifndef KC_CLI_H
#define KC_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "kneecare/app.h"
#include "kneecare/wizard_run.h"

/* Exit codes (documented in kneecare(1)). */
enum { KC_EXIT_OK = 0, KC_EXIT_FAIL = 1, KC_EXIT_USAGE = 2 };

/* Prints "kneecare: ..." on stderr, sanitised and on one line (newlines
 * become spaces), as one report; never cut. */
void kc_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* One kc_err report per line of text (the user database's warnings). */
void kc_err_lines(const char *text);
/* Columns for plain-text output: --width, else the terminal's, else 80. */
int kc_out_width(int requested);
/* Writes text with the search-match markers removed or as [brackets]. */
void kc_put_marked(FILE *out, const char *s, int mark);
/* Writes s as a JSON string (quoted, escaped). */
void kc_json_str(FILE *out, const char *s);
/* Resets getopt for a command's own options (glibc: optind = 0). */
void kc_getopt_reset(void);
/* Parses a command whose only option is --json. Returns 0 (and *json), or
 * -1 after reporting an unknown option. */
int kc_parse_json_option(const char *cmd, int argc, char **argv, int *json);
/* A command that takes no options or arguments: 0, or -1 after reporting. */
int kc_parse_no_options(const char *cmd, int argc, char **argv);

/* ---- shared by the user-data commands (cli_util.c) ---------------------- */

/* The user database with the current profile, opened on first use; open
 * warnings (a damaged file moved aside, loose permissions) go to stderr.
 * On failure reports once and returns NULL with *exit_code set:
 * KC_EXIT_USAGE for a bad --user name, KC_EXIT_FAIL otherwise. */
struct kc_userdb *kc_cli_user(struct kc_app *app, int *exit_code);
/* The validated wizard definition, or NULL after reporting why. */
const struct kc_wz_def *kc_cli_wizard(struct kc_app *app);
/* The plan's tasks, or -1 after reporting why. */
int kc_cli_tasks(struct kc_app *app);
/* Local time "YYYY-MM-DD HH:MM" (buf of at least 32 bytes); "-" for 0. */
char *kc_cli_time(int64_t t, char *buf, size_t n);
/* Local time "HH:MM". */
char *kc_cli_clock(int64_t t, char *buf, size_t n);
/* Writes text from the user database made safe for a terminal (invalid
 * UTF-8 and control characters replaced; tabs and newlines as spaces). */
void kc_put_safe(FILE *out, const char *s);
/* Same, as a JSON string. */
void kc_json_safe(FILE *out, const char *s);
/* Word-wraps text to `width` columns: the first line after `first`, the
 * others after `rest` (both plain ASCII indents). */
void kc_print_wrapped(FILE *out, const char *text, int width, const char *first, const char *rest);
/* Strict decimal integer in [min, max]; false otherwise. */
bool kc_parse_long(const char *s, long long min, long long max, long long *out);
/* The triage level as a heading: levels needing a doctor today stand out
 * without colour (a row of '!' and the title in capitals), then the
 * advice, wrapped. */
void kc_print_level(FILE *out, enum kc_level level, int width);
/* The same with the words given (the content database's, from the wizard
 * definition: kc_wz_level_title / kc_wz_level_action). */
void kc_print_level_words(FILE *out, enum kc_level level, const char *title, const char *advice,
                          int width);
/* Reads a whole file ("-" = stdin), at most `max` bytes. Returns a malloc'd
 * NUL-terminated buffer (length in *len) or NULL with a reason in err. */
char *kc_read_input(const char *path, size_t max, size_t *len, char *err, size_t errlen);

/* The renderers of a plan snapshot (plan_print.c). */
struct kc_plan_snapshot;
void kc_plan_print_status(const char *profile, const struct kc_plan_snapshot *s);
void kc_plan_print_json(const char *profile, const struct kc_plan_snapshot *s);
void kc_plan_print_markdown(const char *profile, const struct kc_plan_snapshot *s);
void kc_plan_print_csv(const struct kc_plan_snapshot *s);

int kc_cmd_topics(struct kc_app *app, int argc, char **argv);
int kc_cmd_list(struct kc_app *app, int argc, char **argv);
int kc_cmd_show(struct kc_app *app, int argc, char **argv);
int kc_cmd_search(struct kc_app *app, int argc, char **argv);
int kc_cmd_wizard(struct kc_app *app, int argc, char **argv);
int kc_cmd_history(struct kc_app *app, int argc, char **argv);
int kc_cmd_plan_start(struct kc_app *app, int argc, char **argv);
int kc_cmd_plan_status(struct kc_app *app, int argc, char **argv);
int kc_cmd_plan_tick(struct kc_app *app, int argc, char **argv);
int kc_cmd_plan_untick(struct kc_app *app, int argc, char **argv);
int kc_cmd_plan_ice(struct kc_app *app, int argc, char **argv);
int kc_cmd_plan_pain(struct kc_app *app, int argc, char **argv);
int kc_cmd_plan_checkin(struct kc_app *app, int argc, char **argv);
int kc_cmd_plan_end(struct kc_app *app, int argc, char **argv);
int kc_cmd_plan_export(struct kc_app *app, int argc, char **argv);
int kc_cmd_plan_next(struct kc_app *app, int argc, char **argv);
int kc_cmd_run_status(struct kc_app *app, int argc, char **argv);
int kc_cmd_run_log(struct kc_app *app, int argc, char **argv);
int kc_cmd_run_next(struct kc_app *app, int argc, char **argv);
int kc_cmd_run_pause(struct kc_app *app, int argc, char **argv);
int kc_cmd_run_resume(struct kc_app *app, int argc, char **argv);
int kc_cmd_run_end(struct kc_app *app, int argc, char **argv);
int kc_cmd_run_restart(struct kc_app *app, int argc, char **argv);
int kc_cmd_run_export(struct kc_app *app, int argc, char **argv);
int kc_cmd_report(struct kc_app *app, int argc, char **argv);
int kc_cmd_profiles(struct kc_app *app, int argc, char **argv);
int kc_cmd_data_check(struct kc_app *app, int argc, char **argv);
int kc_cmd_data_export(struct kc_app *app, int argc, char **argv);
int kc_cmd_data_delete(struct kc_app *app, int argc, char **argv);

#endif
