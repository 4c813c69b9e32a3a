/* forkpty + libvterm terminal driver for tests and benchmarks. */
#define _GNU_SOURCE
#include "kc_pty.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

struct kc_pty {
  int fd;
  pid_t pid;
  int rows, cols;
  VTerm *vt;
  VTermScreen *screen;
  size_t bytes;
  char *log;
  size_t log_len, log_cap;
  int exited, status;
  int cursor_visible, altscreen;
};

double kc_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int settermprop(VTermProp prop, VTermValue *val, void *user) {
  struct kc_pty *p = user;
  if (prop == VTERM_PROP_CURSORVISIBLE) p->cursor_visible = val->boolean;
  if (prop == VTERM_PROP_ALTSCREEN) p->altscreen = val->boolean;
  return 1;
}

static VTermScreenCallbacks callbacks = {.settermprop = settermprop};

/* Answers the terminal's queries (e.g. cursor position reports). */
static void output_cb(const char *s, size_t len, void *user) {
  struct kc_pty *p = user;
  ssize_t w = write(p->fd, s, len);
  (void)w;
}

struct kc_pty *kc_pty_spawn(const char *const argv[], const char *const env[], int rows, int cols) {
  struct kc_pty *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->rows = rows;
  p->cols = cols;
  p->cursor_visible = 1;
  struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
  p->pid = forkpty(&p->fd, NULL, NULL, &ws);
  if (p->pid < 0) {
    free(p);
    return NULL;
  }
  if (p->pid == 0) {
    execve(argv[0], (char *const *)argv, (char *const *)env);
    _exit(127);
  }
  fcntl(p->fd, F_SETFL, fcntl(p->fd, F_GETFL) | O_NONBLOCK);
  p->vt = vterm_new(rows, cols);
  vterm_set_utf8(p->vt, 1);
  vterm_output_set_callback(p->vt, output_cb, p);
  p->screen = vterm_obtain_screen(p->vt);
  vterm_screen_set_callbacks(p->screen, &callbacks, p);
  vterm_screen_enable_altscreen(p->screen, 1);
  vterm_screen_reset(p->screen, 1);
  return p;
}

static void reap(struct kc_pty *p, int flags) {
  if (p->exited) return;
  int st;
  if (waitpid(p->pid, &st, flags) == p->pid) {
    p->exited = 1;
    p->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  }
}

void kc_pty_free(struct kc_pty *p) {
  if (!p) return;
  reap(p, WNOHANG);
  if (!p->exited) {
    kill(p->pid, SIGKILL);
    reap(p, 0);
  }
  close(p->fd);
  vterm_free(p->vt);
  free(p->log);
  free(p);
}

int kc_pty_send(struct kc_pty *p, const char *bytes, size_t n) {
  while (n > 0) {
    ssize_t w = write(p->fd, bytes, n);
    if (w < 0) {
      if (errno == EAGAIN || errno == EINTR) {
        kc_pty_pump(p, 5);
        continue;
      }
      return -1;
    }
    bytes += w;
    n -= (size_t)w;
  }
  return 0;
}

int kc_pty_send_str(struct kc_pty *p, const char *s) { return kc_pty_send(p, s, strlen(s)); }

long kc_pty_pump(struct kc_pty *p, int timeout_ms) {
  struct pollfd pfd = {.fd = p->fd, .events = POLLIN};
  long total = 0;
  int wait = timeout_ms;
  for (;;) {
    int r = poll(&pfd, 1, wait);
    if (r <= 0) break;
    char buf[65536];
    ssize_t n = read(p->fd, buf, sizeof buf);
    if (n <= 0) {
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) break;
      return total ? total : -1; /* EIO: the child closed the terminal */
    }
    vterm_input_write(p->vt, buf, (size_t)n);
    if (p->log_len + (size_t)n > p->log_cap) {
      size_t ncap = (p->log_len + (size_t)n) * 2;
      char *nl = realloc(p->log, ncap);
      if (nl) {
        p->log = nl;
        p->log_cap = ncap;
      }
    }
    if (p->log_len + (size_t)n <= p->log_cap) {
      memcpy(p->log + p->log_len, buf, (size_t)n);
      p->log_len += (size_t)n;
    }
    p->bytes += (size_t)n;
    total += n;
    wait = 0; /* drain what is there without waiting again */
  }
  return total;
}

void kc_pty_row(struct kc_pty *p, int row, char *buf, size_t n) {
  size_t o = 0;
  for (int col = 0; col < p->cols && o + 8 < n; col++) {
    VTermScreenCell cell;
    vterm_screen_get_cell(p->screen, (VTermPos){.row = row, .col = col}, &cell);
    if (cell.chars[0] == 0) {
      if (cell.width == 1 || col == 0 || cell.width == 0) buf[o++] = ' ';
      continue;
    }
    for (int k = 0; k < VTERM_MAX_CHARS_PER_CELL && cell.chars[k]; k++) {
      uint32_t c = cell.chars[k];
      if (c < 0x80)
        buf[o++] = (char)c;
      else if (c < 0x800) {
        buf[o++] = (char)(0xC0 | (c >> 6));
        buf[o++] = (char)(0x80 | (c & 0x3F));
      } else if (c < 0x10000) {
        buf[o++] = (char)(0xE0 | (c >> 12));
        buf[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[o++] = (char)(0x80 | (c & 0x3F));
      } else {
        buf[o++] = (char)(0xF0 | (c >> 18));
        buf[o++] = (char)(0x80 | ((c >> 12) & 0x3F));
        buf[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[o++] = (char)(0x80 | (c & 0x3F));
      }
    }
  }
  while (o > 0 && buf[o - 1] == ' ') o--;
  buf[o] = '\0';
}

char *kc_pty_screen(struct kc_pty *p) {
  size_t cap = (size_t)p->rows * ((size_t)p->cols * 4 + 16) + 1;
  char *out = malloc(cap);
  if (!out) return NULL;
  size_t o = 0;
  for (int r = 0; r < p->rows; r++) {
    kc_pty_row(p, r, out + o, cap - o);
    o += strlen(out + o);
    out[o++] = '\n';
  }
  out[o] = '\0';
  return out;
}

int kc_pty_has(struct kc_pty *p, const char *text) {
  char *s = kc_pty_screen(p);
  int found = s && strstr(s, text) != NULL;
  free(s);
  return found;
}

int kc_pty_find(struct kc_pty *p, const char *text, int *row, int *col) {
  char buf[4096];
  for (int r = 0; r < p->rows; r++) {
    kc_pty_row(p, r, buf, sizeof buf);
    char *hit = strstr(buf, text);
    if (!hit) continue;
    *row = r;
    /* Column = display cells before the hit (ASCII assumed before it). */
    int c = 0;
    for (char *q = buf; q < hit; q++)
      if (((unsigned char)*q & 0xC0) != 0x80) c++;
    *col = c;
    return 1;
  }
  *row = *col = -1;
  return 0;
}

int kc_pty_wait_text(struct kc_pty *p, const char *text, int timeout_ms) {
  double end = kc_now_ms() + timeout_ms;
  for (;;) {
    if (kc_pty_has(p, text)) return 1;
    double left = end - kc_now_ms();
    if (left <= 0) return 0;
    if (kc_pty_pump(p, left > 20 ? 20 : (int)left) < 0) return kc_pty_has(p, text);
  }
}

int kc_pty_wait_gone(struct kc_pty *p, const char *text, int timeout_ms) {
  double end = kc_now_ms() + timeout_ms;
  for (;;) {
    if (!kc_pty_has(p, text)) return 1;
    double left = end - kc_now_ms();
    if (left <= 0) return 0;
    if (kc_pty_pump(p, left > 20 ? 20 : (int)left) < 0) return !kc_pty_has(p, text);
  }
}

void kc_pty_wait_quiet(struct kc_pty *p, int quiet_ms, int timeout_ms) {
  double end = kc_now_ms() + timeout_ms;
  while (kc_now_ms() < end) {
    long n = kc_pty_pump(p, quiet_ms);
    if (n <= 0) return;
  }
}

void kc_pty_attr(struct kc_pty *p, int row, int col, struct kc_cell_attr *a) {
  VTermScreenCell cell;
  vterm_screen_get_cell(p->screen, (VTermPos){.row = row, .col = col}, &cell);
  a->bold = cell.attrs.bold;
  a->underline = cell.attrs.underline != 0;
  a->reverse = cell.attrs.reverse;
  a->italic = cell.attrs.italic;
  a->fg_default = VTERM_COLOR_IS_DEFAULT_FG(&cell.fg);
  a->bg_default = VTERM_COLOR_IS_DEFAULT_BG(&cell.bg);
}

int kc_pty_any_color(struct kc_pty *p) {
  for (int r = 0; r < p->rows; r++)
    for (int c = 0; c < p->cols; c++) {
      struct kc_cell_attr a;
      kc_pty_attr(p, r, c, &a);
      if (!a.fg_default || !a.bg_default) return 1;
    }
  return 0;
}

void kc_pty_resize(struct kc_pty *p, int rows, int cols) {
  struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
  p->rows = rows;
  p->cols = cols;
  vterm_set_size(p->vt, rows, cols);
  ioctl(p->fd, TIOCSWINSZ, &ws); /* the kernel sends SIGWINCH */
}

int kc_pty_wait_exit(struct kc_pty *p, int timeout_ms) {
  double end = kc_now_ms() + timeout_ms;
  while (!p->exited) {
    kc_pty_pump(p, 10);
    reap(p, WNOHANG);
    if (kc_now_ms() > end) return -1;
  }
  kc_pty_pump(p, 0);
  return p->status;
}

pid_t kc_pty_pid(struct kc_pty *p) { return p->pid; }
size_t kc_pty_bytes(struct kc_pty *p) { return p->bytes; }
const char *kc_pty_log(struct kc_pty *p, size_t *len) {
  *len = p->log_len;
  return p->log ? p->log : "";
}
int kc_pty_cursor_visible(struct kc_pty *p) { return p->cursor_visible; }
int kc_pty_altscreen(struct kc_pty *p) { return p->altscreen; }
