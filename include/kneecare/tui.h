/* The full-screen guide. */
#ifndef KC_TUI_H
#define KC_TUI_H

#include <stddef.h>

#include "kneecare/app.h"

/* Runs the guide until the user quits. Returns 0 on a normal quit, the
 * signal number when SIGINT, SIGTERM or SIGHUP ended it (the terminal is
 * restored and everything was saved as entered), or -1 with a reason in
 * err when it could not start (no terminal, unknown TERM...). */
int kc_tui_run(struct kc_app *app, char *err, size_t errlen);

#endif
