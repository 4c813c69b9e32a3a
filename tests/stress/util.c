/* Helpers shared by the stress parts: the environment and command runner,
 * files, side SQLite connections, the escape-sequence scanner and the
 * pseudo-terminal steps. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "stress.h"

double now_ms(void) { return kc_now_ms(); }

unsigned rnd(unsigned n) { return n ? (unsigned)random() % n : 0; }

const char *today_minus(int days) {
  static char buf[16];
  time_t t = time(NULL);
  struct tm tm;
  localtime_r(&t, &tm);
  tm.tm_mday -= days;
  tm.tm_hour = 12;
  tm.tm_isdst = -1;
  mktime(&tm);
  strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

/* ---- environment ---------------------------------------------------------- */

void env_set(struct envb *e, const char *kv) {
  size_t kl = strcspn(kv, "=");
  for (int i = 0; i < e->n; i++)
    if (strncmp(e->v[i], kv, kl) == 0 && e->v[i][kl] == '=') {
      free(e->v[i]);
      e->v[i] = e->v[--e->n];
      break;
    }
  if (kv[kl] == '=' && e->n < 63) e->v[e->n++] = strdup(kv);
  e->v[e->n] = NULL;
}

void env_init(struct envb *e, const char *home) {
  e->n = 0;
  e->v[0] = NULL;
  char buf[600];
  env_set(e, "TERM=xterm-256color");
  env_set(e, "LANG=C.UTF-8");
  env_set(e, "PATH=/usr/bin:/bin");
  snprintf(buf, sizeof buf, "HOME=%s", home);
  env_set(e, buf);
  const char *pass[] = {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "TZ"};
  for (size_t i = 0; i < sizeof pass / sizeof pass[0]; i++)
    if (getenv(pass[i])) {
      snprintf(buf, sizeof buf, "%s=%s", pass[i], getenv(pass[i]));
      env_set(e, buf);
    }
}

void env_free(struct envb *e) {
  for (int i = 0; i < e->n; i++) free(e->v[i]);
  e->n = 0;
}

/* ---- running commands ------------------------------------------------------ */

static void append(char **buf, size_t *len, const char *data, size_t n) {
  char *nb = realloc(*buf, *len + n + 1);
  if (!nb) return;
  memcpy(nb + *len, data, n);
  *len += n;
  nb[*len] = '\0';
  *buf = nb;
}

int run_ex(const char *const argv[], const char *const env[], const char *stdin_text,
           int timeout_ms, long kill_after_us, struct proc_result *r) {
  memset(r, 0, sizeof *r);
  r->out = calloc(1, 1);
  r->err = calloc(1, 1);
  int po[2], pe[2];
  if (pipe2(po, O_CLOEXEC) != 0 || pipe2(pe, O_CLOEXEC) != 0) return r->status = -2;
  int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (stdin_text) {
    FILE *f = tmpfile();
    fputs(stdin_text, f);
    fflush(f);
    close(in);
    in = dup(fileno(f));
    lseek(in, 0, SEEK_SET);
    fclose(f);
  }
  const double t0 = now_ms();
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in, 0);
    dup2(po[1], 1);
    dup2(pe[1], 2);
    execve(argv[0], (char *const *)argv, (char *const *)env);
    _exit(127);
  }
  close(in);
  close(po[1]);
  close(pe[1]);
  struct pollfd pf[2] = {{.fd = po[0], .events = POLLIN}, {.fd = pe[0], .events = POLLIN}};
  int open_fds = 2, exited = 0, st = 0;
  struct rusage ru;
  while (!exited) {
    double el_us = (now_ms() - t0) * 1000.0;
    if (kill_after_us >= 0 && !r->killed && el_us >= kill_after_us) {
      kill(pid, SIGKILL);
      r->killed = 1;
    }
    if (!r->killed && el_us >= timeout_ms * 1000.0) {
      kill(pid, SIGKILL);
      r->killed = 2;
    }
    double wait_us = timeout_ms * 1000.0 - el_us;
    if (kill_after_us >= 0 && !r->killed) wait_us = kill_after_us - el_us;
    if (wait_us < 0) wait_us = 0;
    if (wait_us > 20000) wait_us = 20000;
    if (open_fds > 0) {
      struct timespec ts = {0, (long)(wait_us * 1000)};
      if (ppoll(pf, 2, &ts, NULL) > 0)
        for (int i = 0; i < 2; i++) {
          if (pf[i].fd < 0 || !(pf[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
          char buf[65536];
          ssize_t n = read(pf[i].fd, buf, sizeof buf);
          if (n > 0) {
            if (i == 0)
              append(&r->out, &r->out_len, buf, (size_t)n);
            else
              append(&r->err, &r->err_len, buf, (size_t)n);
          } else if (n == 0 || errno != EINTR) {
            close(pf[i].fd);
            pf[i].fd = -1;
            open_fds--;
          }
        }
    } else {
      struct timespec ts = {0, (long)(wait_us > 200 ? 200000 : wait_us * 1000)};
      nanosleep(&ts, NULL);
    }
    if (wait4(pid, &st, WNOHANG, &ru) == pid) exited = 1;
  }
  /* Whatever is still in the pipes. */
  for (int i = 0; i < 2; i++) {
    if (pf[i].fd < 0) continue;
    fcntl(pf[i].fd, F_SETFL, O_NONBLOCK);
    char buf[65536];
    ssize_t n;
    while ((n = read(pf[i].fd, buf, sizeof buf)) > 0) {
      if (i == 0)
        append(&r->out, &r->out_len, buf, (size_t)n);
      else
        append(&r->err, &r->err_len, buf, (size_t)n);
    }
    close(pf[i].fd);
  }
  r->ms = now_ms() - t0;
  r->maxrss_kb = ru.ru_maxrss;
  r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  if (r->killed == 2) r->status = -1;
  if (r->killed == 1 && !(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL)) r->killed = 0;
  return r->status;
}

int kcv(struct proc_result *r, struct envb *e, const char *const args[]) {
  const char *argv[40] = {CFG.kneecare};
  int n = 1;
  for (int i = 0; args[i] && n < 39; i++) argv[n++] = args[i];
  argv[n] = NULL;
  return run_ex(argv, (const char *const *)e->v, NULL, 20000, -1, r);
}

int kc(struct proc_result *r, struct envb *e, ...) {
  const char *args[40];
  int n = 0;
  va_list ap;
  va_start(ap, e);
  for (const char *a; (a = va_arg(ap, const char *)) && n < 39;) args[n++] = a;
  va_end(ap);
  args[n] = NULL;
  return kcv(r, e, args);
}

void proc_free(struct proc_result *r) {
  free(r->out);
  free(r->err);
  r->out = r->err = NULL;
}

int one_line_message(const struct proc_result *r) {
  if (r->err_len == 0 || strncmp(r->err, "kneecare:", 9) != 0) return 0;
  const char *nl = memchr(r->err, '\n', r->err_len);
  return nl && (size_t)(nl - r->err) + 1 == r->err_len;
}

const char *first_line(const char *s, size_t n) {
  static char buf[4][200];
  static int k;
  char *b = buf[k++ % 4];
  size_t i = 0;
  for (; i < n && i < sizeof buf[0] - 1 && s[i] != '\n'; i++) b[i] = s[i];
  b[i] = '\0';
  if (i == sizeof buf[0] - 1) strcpy(b + i - 3, "...");
  return b;
}

int sh(const char *fmt, ...) {
  char cmd[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(cmd, sizeof cmd, fmt, ap);
  va_end(ap);
  int st = system(cmd);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* ---- files ---------------------------------------------------------------- */

char *read_file(const char *path, size_t *len) {
  /* Regular files only: a FIFO must not block us. */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  struct stat st;
  if (fd < 0) return NULL;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return NULL;
  }
  FILE *f = fdopen(fd, "rb");
  if (!f) {
    close(fd);
    return NULL;
  }
  char *buf = NULL;
  size_t n = 0;
  char chunk[65536];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) append(&buf, &n, chunk, k);
  fclose(f);
  if (!buf) buf = calloc(1, 1);
  if (len) *len = n;
  return buf;
}

int write_file(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  size_t w = fwrite(data, 1, len, f);
  return fclose(f) == 0 && w == len ? 0 : -1;
}

int copy_file(const char *from, const char *to) {
  size_t n;
  char *d = read_file(from, &n);
  if (!d) return -1;
  int rc = write_file(to, d, n);
  free(d);
  return rc;
}

int same_bytes(const char *path, const char *data, size_t len) {
  size_t n;
  char *d = read_file(path, &n);
  int same = d && n == len && memcmp(d, data, n) == 0;
  free(d);
  return same;
}

const char *extra_files(const char *dir, const char *keep) {
  static char buf[512];
  buf[0] = '\0';
  DIR *d = opendir(dir);
  if (!d) return buf;
  for (struct dirent *de; (de = readdir(d));) {
    if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") || !strcmp(de->d_name, keep))
      continue;
    if (strlen(buf) + strlen(de->d_name) + 2 < sizeof buf) {
      if (buf[0]) strcat(buf, " ");
      strcat(buf, de->d_name);
    }
  }
  closedir(d);
  return buf;
}

void mkdirp(const char *path, mode_t mode) {
  char tmp[512];
  snprintf(tmp, sizeof tmp, "%s", path);
  for (char *s = tmp + 1; *s; s++)
    if (*s == '/') {
      *s = '\0';
      mkdir(tmp, 0755);
      *s = '/';
    }
  mkdir(tmp, mode);
}

char *workpath(const char *fmt, ...) {
  static char ring[16][700];
  static int k;
  char *b = ring[k++ % 16];
  char rel[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(rel, sizeof rel, fmt, ap);
  va_end(ap);
  snprintf(b, sizeof ring[0], "%s/%s", CFG.work, rel);
  return b;
}

/* ---- SQLite on the side ----------------------------------------------------- */

int db_exec(const char *path, const char *sql) {
  sqlite3 *db;
  char *err = NULL;
  int rc = sqlite3_open(path, &db);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, sql, NULL, NULL, &err);
  if (rc != SQLITE_OK) say("sqlite (%s): %s", path, err ? err : sqlite3_errmsg(db));
  sqlite3_free(err);
  sqlite3_close(db);
  return rc == SQLITE_OK ? 0 : -1;
}

static sqlite3 *open_ro(const char *path) {
  sqlite3 *db = NULL;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    sqlite3_close(db);
    return NULL;
  }
  sqlite3_busy_timeout(db, 5000);
  return db;
}

const char *db_integrity(const char *path) {
  static char buf[256];
  sqlite3 *db = open_ro(path);
  if (!db) return "cannot open";
  sqlite3_stmt *st;
  snprintf(buf, sizeof buf, "%s", "no answer");
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
    if (sqlite3_step(st) == SQLITE_ROW)
      snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
    else
      snprintf(buf, sizeof buf, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
  } else {
    snprintf(buf, sizeof buf, "%s", sqlite3_errmsg(db));
  }
  sqlite3_close(db);
  return buf;
}

long long db_int(const char *path, const char *sql) {
  sqlite3 *db = open_ro(path);
  long long v = -1;
  sqlite3_stmt *st;
  if (db && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return v;
}

char *db_rows(const char *path, const char *sql) {
  sqlite3 *db = open_ro(path);
  char *out = calloc(1, 1);
  size_t n = 0;
  sqlite3_stmt *st;
  if (db && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      const char *t = (const char *)sqlite3_column_text(st, 0);
      append(&out, &n, t ? t : "", t ? strlen(t) : 0);
      append(&out, &n, "\n", 1);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

/* ---- escape sequences ------------------------------------------------------ */

/* Sequences planted in content. Each would act on a real terminal: ask it to
 * answer (a fake key press), clear it, set the clipboard or the window
 * title, ring the bell, or do the same through 8-bit C1 controls. */
const struct plant PLANTS[] = {
    {"CSI 6n (cursor report)", "\x1b[6n"},
    {"CSI 2J (clear)", "\x1b[2J"},
    {"OSC 52 (clipboard)", "\x1b]52;c;UFdORUQ=\x07"},
    {"OSC 0 (title)", "\x1b]0;PWNED\x07"},
    {"BEL", "\x07"},
    {"C1 CSI (UTF-8)", "\xc2\x9b"
                       "31m"},
    {"raw C1 CSI byte", "\x9b"
                        "1;1H"},
    {"DCS", "\x1bP1$qm\x1b\\"},
    {"CR", "\rOVERWRITTEN"},
    {"backspaces", "\x08\x08\x08"},
};
const size_t NPLANTS = sizeof PLANTS / sizeof PLANTS[0];

char *poison_text(const char *prefix) {
  char *out = NULL;
  size_t n = 0;
  for (size_t i = 0; i < NPLANTS; i++) {
    char m[16];
    append(&out, &n, prefix, strlen(prefix));
    snprintf(m, sizeof m, " ZQ%zu", i);
    append(&out, &n, m, strlen(m));
    append(&out, &n, PLANTS[i].seq, strlen(PLANTS[i].seq));
    snprintf(m, sizeof m, "QZ%zu ", i);
    append(&out, &n, m, strlen(m));
  }
  return out;
}

/* Length of a valid UTF-8 sequence at s (and its code point), or 0. */
static int utf8_len(const unsigned char *s, size_t n, unsigned *cp) {
  int len = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
  if (len == 0 || (size_t)len > n) return 0;
  unsigned c = s[0] & (0x3F >> (len - 1));
  for (int i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    c = c << 6 | (s[i] & 0x3F);
  }
  *cp = c;
  return len;
}

const char *esc_violation(const char *buf, size_t len, int tty) {
  static char why[200];
  const unsigned char *b = (const unsigned char *)buf;
  for (size_t i = 0; i < len; i++) {
    unsigned c = b[i];
    if (c == 0x1b) {
      unsigned d = i + 1 < len ? b[i + 1] : 0;
      if (!tty || d == ']' || d == 'P' || d == '_' || d == '^' || d == 'X') {
        snprintf(why, sizeof why, "ESC %c at byte %zu", d >= 0x20 && d < 0x7f ? d : '?', i);
        return why;
      }
    } else if (c == 0x07 || (!tty && c < 0x20 && c != '\n' && c != '\t')) {
      snprintf(why, sizeof why, "control byte 0x%02x at byte %zu", c, i);
      return why;
    } else if (c >= 0x80) {
      unsigned cp = 0;
      int l = utf8_len(b + i, len - i, &cp);
      if (l == 0 && c <= 0x9f) {
        snprintf(why, sizeof why, "raw C1 byte 0x%02x at byte %zu", c, i);
        return why;
      }
      if (l && cp >= 0x80 && cp <= 0x9f) {
        snprintf(why, sizeof why, "C1 control U+%04X at byte %zu", cp, i);
        return why;
      }
      if (l) i += (size_t)l - 1;
    }
  }
  /* A planted sequence next to its marker came through as it was. */
  for (size_t i = 0; i < NPLANTS; i++) {
    char m[64];
    snprintf(m, sizeof m, "ZQ%zu%s", i, PLANTS[i].seq);
    char m2[64];
    snprintf(m2, sizeof m2, "%sQZ%zu", PLANTS[i].seq, i);
    if (memmem(buf, len, m, strlen(m)) || memmem(buf, len, m2, strlen(m2))) {
      snprintf(why, sizeof why, "planted %s passed through", PLANTS[i].name);
      return why;
    }
  }
  return NULL;
}

/* ---- the program in a pseudo-terminal --------------------------------------- */

struct kc_pty *tui_start(struct envb *e, const char *const args[], int rows, int cols) {
  const char *argv[32] = {CFG.kneecare};
  int n = 1;
  for (int i = 0; args && args[i] && n < 31; i++) argv[n++] = args[i];
  argv[n] = NULL;
  return kc_pty_spawn(argv, (const char *const *)e->v, rows, cols);
}

/* Deadlines for the program's answers, stretched in sanitizer builds: the
 * harness measures whether something happens, not how fast (the bench
 * does that), and ASan on a busy 2-core machine is several times slower. */
int tui_ms(int ms) { return ms * KC_STRESS_TIME_SCALE; }

int tui_wait(struct kc_pty *p, const char *text, int ms) {
  ms = tui_ms(ms);
  if (!kc_pty_wait_text(p, text, ms)) return 0;
  kc_pty_wait_quiet(p, 30, 1000);
  return kc_pty_has(p, text) || kc_pty_wait_text(p, text, ms);
}

void tui_keys(struct kc_pty *p, const char *keys) {
  kc_pty_send_str(p, keys);
  kc_pty_wait_quiet(p, 25, 1500);
}

int tui_home(struct kc_pty *p) {
  double end = now_ms() + tui_ms(8000), last_esc = 0;
  char top[512];
  while (now_ms() < end) {
    if (kc_pty_pump(p, 20) < 0) break;
    kc_pty_row(p, 0, top, sizeof top);
    /* The first start shows the safety notice, possibly only after the
     * home menu's first frame: Esc closes it. Several profiles and none
     * chosen yet: the guide asks who is using it; Esc keeps the one open. */
    if ((strstr(top, "Help") || strstr(top, "Safety notice") || strstr(top, "Profiles")) &&
        now_ms() - last_esc > 500) {
      kc_pty_wait_quiet(p, 30, 500);
      kc_pty_send_str(p, KEY_ESC);
      last_esc = now_ms();
      continue;
    }
    if (kc_pty_has(p, "Check and recover") && kc_pty_has(p, "Check my symptoms")) {
      /* The user data opens a moment after the first frame (the profile
       * name appears at the top right, or a message at the bottom). */
      for (double until = now_ms() + 1500; now_ms() < until; kc_pty_pump(p, 20)) {
        kc_pty_row(p, 0, top, sizeof top);
        if (strcmp(top, " kneecare") != 0 || kc_pty_has(p, "Saving is off") ||
            kc_pty_has(p, "Warning:"))
          break;
      }
      /* Opening user data (and, in a data directory another instance just
       * created, the safety notice) follows the first frame; under load it
       * can take a while: wait for a settled screen before going on. */
      kc_pty_wait_quiet(p, 150, tui_ms(3000));
      kc_pty_row(p, 0, top, sizeof top);
      if (!strstr(top, "Help") && !strstr(top, "Safety notice") && !strstr(top, "Profiles") &&
          kc_pty_has(p, "Check and recover"))
        return 1;
    }
  }
  return 0;
}

static int is_selected(struct kc_pty *p, const char *label) {
  int row, col;
  struct kc_cell_attr a;
  if (!kc_pty_find(p, label, &row, &col)) return 0;
  kc_pty_attr(p, row, col, &a);
  return a.reverse || !a.bg_default;
}

struct keyset KEYS = {KEY_DOWN, KEY_UP};

static void tput(const char *term, const char *cap, char *out, size_t n, const char *dflt) {
  char cmd[200];
  snprintf(cmd, sizeof cmd, "tput -T '%s' %s 2>/dev/null", term, cap);
  FILE *f = popen(cmd, "r");
  size_t k = f ? fread(out, 1, n - 1, f) : 0;
  if (f) pclose(f);
  out[k] = '\0';
  if (k == 0) snprintf(out, n, "%s", dflt);
}

void keys_for(const char *term) {
  if (!term) term = "xterm-256color";
  tput(term, "kcud1", KEYS.down, sizeof KEYS.down, KEY_DOWN);
  tput(term, "kcuu1", KEYS.up, sizeof KEYS.up, KEY_UP);
  /* Application mode (\EO.) only when the program turns it on (smkx). */
}

int tui_select(struct kc_pty *p, const char *label) {
  if (is_selected(p, label)) return 1;
  tui_keys(p, "g");
  for (int i = 0; i < 40; i++) {
    if (is_selected(p, label)) return 1;
    tui_keys(p, KEYS.down);
  }
  return 0;
}

/* Pumps until the screen differs from `before` (freed here) or ms pass:
 * under load a fixed quiet spell can end before the program has even read
 * the key, and the next key then lands on the wrong screen. Returns 0 when
 * the program has gone. */
static int wait_changed(struct kc_pty *p, char *before, double ms) {
  double until = now_ms() + ms;
  int alive = 1;
  for (;;) {
    if (kc_pty_pump(p, 20) < 0) {
      alive = 0;
      break;
    }
    char *now = kc_pty_screen(p);
    int moved = !before || !now || strcmp(before, now) != 0;
    free(now);
    if (moved || now_ms() > until) break;
  }
  free(before);
  return alive;
}

int tui_open_checklist(struct kc_pty *p) {
  /* Under load the first-start notice can come after Home looked settled
   * (another instance was creating the data): close it first. */
  if (!tui_home(p) || !tui_select(p, "3-day recovery plan")) return 0;
  kc_pty_send_str(p, KEY_ENTER);
  double end = now_ms() + tui_ms(10000);
  int answered = 0;
  while (now_ms() < end) {
    if (kc_pty_pump(p, 20) < 0) return 0;
    if (kc_pty_has(p, "Did the pain start")) { /* no symptom check: the plan kind question */
      kc_pty_wait_quiet(p, 30, 500);
      if (!tui_select(p, "Yes: a fall")) return 0;
      char *before = kc_pty_screen(p);
      kc_pty_send_str(p, KEY_ENTER);
      if (!wait_changed(p, before, 10000)) return 0;
      kc_pty_wait_quiet(p, 30, 1000);
    } else if (kc_pty_has(p, "Start a 3-day recovery plan") && kc_pty_has(p, "Today")) {
      kc_pty_wait_quiet(p, 30, 500);
      if (!tui_select(p, "Today")) return 0;
      char *before = kc_pty_screen(p);
      kc_pty_send_str(p, KEY_ENTER);
      if (!wait_changed(p, before, 10000)) return 0;
      kc_pty_wait_quiet(p, 30, 1000);
    } else if (kc_pty_has(p, "Today's safety check")) {
      /* one question per warning sign marked recheck (19 now; the count comes from the data): each answer
       * is progress, so the time limit runs from the last one */
      if (answered++ > 40) return 0;
      char *before = kc_pty_screen(p);
      kc_pty_send_str(p, "n");
      if (!wait_changed(p, before, 10000)) return 0;
      kc_pty_wait_quiet(p, 20, 500);
      end = now_ms() + 10000;
    } else if (kc_pty_has(p, "Day ") && kc_pty_has(p, " of 3") &&
               (kc_pty_has(p, "[ ]") || kc_pty_has(p, "[x]"))) {
      kc_pty_wait_quiet(p, 30, 1000);
      return 1;
    }
  }
  return 0;
}

char *tui_screen(struct kc_pty *p) { return kc_pty_screen(p); }

int tui_alive(struct kc_pty *p) {
  return kill(kc_pty_pid(p), 0) == 0 && kc_pty_wait_exit(p, 0) < 0;
}

long vm_hwm_kb(pid_t pid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  char line[256];
  long kb = -1;
  while (fgets(line, sizeof line, f))
    if (sscanf(line, "VmHWM: %ld kB", &kb) == 1) break;
  fclose(f);
  return kb;
}

/* The master side of p's terminal: the /dev/ptmx descriptor whose pty
 * number is the child's controlling terminal. */
int pty_master_fd(struct kc_pty *p) {
  char path[64], stat[1024];
  snprintf(path, sizeof path, "/proc/%d/stat", (int)kc_pty_pid(p));
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  size_t n = fread(stat, 1, sizeof stat - 1, f);
  fclose(f);
  stat[n] = '\0';
  const char *rp = strrchr(stat, ')');
  int tty_nr = 0;
  if (!rp || sscanf(rp + 2, "%*c %*d %*d %*d %d", &tty_nr) != 1) return -1;
  unsigned minor_nr = (unsigned)((tty_nr & 0xff) | ((tty_nr >> 12) & 0xfff00));
  for (int fd = 3; fd < 1024; fd++) {
    unsigned ptn;
    if (ioctl(fd, TIOCGPTN, &ptn) == 0 && ptn == minor_nr) return fd;
  }
  return -1;
}

/* Every file in dir (not recursing) as "name size hash\n", sorted: equal
 * fingerprints mean nothing was added, removed or changed. */
static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

char *dir_fingerprint(const char *dir) {
  char *names[256];
  int n = 0;
  DIR *d = opendir(dir);
  if (!d) return strdup("(no directory)\n");
  for (struct dirent *de; (de = readdir(d)) && n < 256;)
    if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) names[n++] = strdup(de->d_name);
  closedir(d);
  qsort(names, (size_t)n, sizeof names[0], cmp_str);
  char *out = calloc(1, 1);
  size_t len = 0;
  for (int i = 0; i < n; i++) {
    char path[1024], line[600];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    struct stat st;
    unsigned long long h = 1469598103934665603ULL;
    size_t sz = 0;
    if (lstat(path, &st) == 0 && S_ISREG(st.st_mode)) {
      char *data = read_file(path, &sz);
      for (size_t k = 0; data && k < sz; k++) h = (h ^ (unsigned char)data[k]) * 1099511628211ULL;
      free(data);
    } else if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
      char target[512] = "";
      ssize_t tl = readlink(path, target, sizeof target - 1);
      if (tl > 0) target[tl] = '\0';
      for (char *c = target; *c; c++) h = (h ^ (unsigned char)*c) * 1099511628211ULL;
    }
    snprintf(line, sizeof line, "%s %o %zu %016llx\n", names[i], (unsigned)st.st_mode, sz, h);
    append(&out, &len, line, strlen(line));
    free(names[i]);
  }
  return out;
}

/* Names in `after` that are not in `before` or differ (for the table). */
const char *fingerprint_diff(const char *before, const char *after) {
  static char buf[300];
  buf[0] = '\0';
  char *a = strdup(after);
  for (char *line = strtok(a, "\n"); line; line = strtok(NULL, "\n"))
    if (!strstr(before, line) && strlen(buf) + strlen(line) + 3 < sizeof buf) {
      char name[128];
      sscanf(line, "%127s", name);
      strcat(buf, buf[0] ? ", " : "");
      strcat(buf, name);
    }
  free(a);
  char *b = strdup(before);
  for (char *line = strtok(b, "\n"); line; line = strtok(NULL, "\n"))
    if (!strstr(after, line) && strlen(buf) + strlen(line) + 12 < sizeof buf) {
      char name[128];
      sscanf(line, "%127s", name);
      if (strstr(buf, name)) continue;
      strcat(buf, buf[0] ? ", " : "");
      strcat(buf, "-");
      strcat(buf, name);
    }
  free(b);
  return buf;
}
