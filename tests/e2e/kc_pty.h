/* Drives a program in a pseudo-terminal and reads its screen back through
 * libvterm, the way a user sees it: text and attributes per cell. Used by
 * the end-to-end tests and the benchmark. */
#ifndef KC_PTY_H
#define KC_PTY_H

#include <stddef.h>
#include <sys/types.h>

struct kc_pty;

struct kc_cell_attr {
  int bold, underline, reverse, italic;
  int fg_default, bg_default; /* 1 when the cell uses the default colour */
};

/* Starts argv[0] (a path) with the environment `env` (NULL-terminated
 * "KEY=VALUE" strings, used as the whole environment) at rows x cols. */
struct kc_pty *kc_pty_spawn(const char *const argv[], const char *const env[], int rows, int cols);
void kc_pty_free(struct kc_pty *p); /* kills the child if still running */

int kc_pty_send(struct kc_pty *p, const char *bytes, size_t n);
int kc_pty_send_str(struct kc_pty *p, const char *s);
/* Reads whatever arrives within timeout_ms; returns bytes read (0 on none,
 * -1 when the child has closed the terminal). */
long kc_pty_pump(struct kc_pty *p, int timeout_ms);
/* Waits until TEXT is on the screen. Returns 1, or 0 on timeout. */
int kc_pty_wait_text(struct kc_pty *p, const char *text, int timeout_ms);
int kc_pty_wait_gone(struct kc_pty *p, const char *text, int timeout_ms);
/* Waits until no output for quiet_ms (at most timeout_ms). */
void kc_pty_wait_quiet(struct kc_pty *p, int quiet_ms, int timeout_ms);
int kc_pty_has(struct kc_pty *p, const char *text);
/* The screen as text, rows joined by '\n'; caller frees. */
char *kc_pty_screen(struct kc_pty *p);
/* One row's text (trailing spaces trimmed) into buf. */
void kc_pty_row(struct kc_pty *p, int row, char *buf, size_t n);
/* Row and column of the first occurrence of text, or -1. */
int kc_pty_find(struct kc_pty *p, const char *text, int *row, int *col);
void kc_pty_attr(struct kc_pty *p, int row, int col, struct kc_cell_attr *a);
int kc_pty_any_color(struct kc_pty *p); /* 1 if any cell has a non-default colour */
void kc_pty_resize(struct kc_pty *p, int rows, int cols);
/* Waits for the child to exit; returns its exit status, 128+signal, or -1
 * on timeout. */
int kc_pty_wait_exit(struct kc_pty *p, int timeout_ms);
pid_t kc_pty_pid(struct kc_pty *p);
size_t kc_pty_bytes(struct kc_pty *p); /* total bytes the program wrote */
/* Raw output log (everything written), for checking escape sequences. */
const char *kc_pty_log(struct kc_pty *p, size_t *len);
/* The cursor and alternate-screen state as the terminal sees it now. */
int kc_pty_cursor_visible(struct kc_pty *p);
int kc_pty_altscreen(struct kc_pty *p);
double kc_now_ms(void);

#endif
