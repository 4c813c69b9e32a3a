/* What every command and the TUI share: the options parsed by main(), the
 * open content database, and helpers for terminal-safe output. */
#ifndef KC_APP_H
#define KC_APP_H

#include <stdio.h>

#include "kneecare/content.h"

/* Exit codes (documented in kneecare(1)). */
enum { KC_EXIT_OK = 0, KC_EXIT_FAIL = 1, KC_EXIT_USAGE = 2 };

struct kc_app {
  const char *content_path; /* --content FILE, or NULL for the built-in */
  const char *user;         /* --user NAME, or NULL for the login name */
  const char *data_dir;     /* --data DIR, or NULL */
  int no_mouse;
  struct kc_content *content;
};

/* Opens the content database named by the options. Reports and returns -1. */
int kc_app_open_content(struct kc_app *app);

/* Prints a one-line error "kneecare: ..." on stderr. */
void kc_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Columns for plain-text output: --width, else the terminal's, else 80. */
int kc_out_width(int requested);

/* Writes text with the search-match markers removed (or turned into
 * [brackets] when `mark` is set). */
void kc_put_marked(FILE *out, const char *s, int mark);

int kc_cmd_topics(struct kc_app *app, int argc, char **argv);
int kc_cmd_list(struct kc_app *app, int argc, char **argv);
int kc_cmd_show(struct kc_app *app, int argc, char **argv);
int kc_cmd_search(struct kc_app *app, int argc, char **argv);

/* The interactive guide (src/ui). */
int kc_tui_main(struct kc_app *app);

#endif
