/* Part 3, terminals.
 * Proves: the same short user path (home, a topic and an article, search,
 * the wizard's first question, the plan checklist with a tick) works with
 * every common TERM, with LANG=C and C.UTF-8, at 40x12, 80x24 and 250x80,
 * and leaves the terminal restored; TERM unset or dumb gets a message
 * naming the commands, a non-zero exit and not one escape byte; a resize
 * storm (random sizes, 100 per second) on the reader, search, wizard and
 * checklist ends alive with a correct screen (status line on the last row,
 * the expected text, and nothing changes on a forced redraw); Ctrl-Z and
 * fg in a job-control shell restore the screen; SIGHUP from a closed
 * terminal ends the program promptly with everything entered saved. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "stress.h"

static struct kc_pty *start(const char *home, const char *const over[], int rows, int cols) {
  struct envb e;
  env_init(&e, home);
  for (int i = 0; over && over[i]; i++) env_set(&e, over[i]);
  const char *args[] = {"--data", home, NULL};
  struct kc_pty *p = tui_start(&e, args, rows, cols);
  env_free(&e);
  return p;
}

static char *fresh_home(const char *tag) {
  static int k;
  char *h = strdup(workpath("terminals/%s-%d", tag, k++));
  mkdirp(h, 0700);
  return h;
}

/* The last row of the screen holds the status line (key hints). */
static int status_on_last_row(struct kc_pty *p, int rows) {
  char row[4096];
  kc_pty_row(p, rows - 1, row, sizeof row);
  return strstr(row, "help") || strstr(row, "Esc") || strstr(row, "back") || strstr(row, "move") ||
         strstr(row, "scroll") || strstr(row, "enlarge") || strstr(row, "saved") ||
         strstr(row, "tick");
}

/* The short path; NULL when every step showed what it should. */
static const char *walk(const char *const over[], int rows, int cols) {
  static char why[200];
  char *home = fresh_home("walk");
  struct kc_pty *p = start(home, over, rows, cols);
  const char *fail = NULL;
#define STEP(cond, name)                                                                           \
  if (!fail && !(cond)) fail = name;
  STEP(tui_home(p), "home");
  STEP(status_on_last_row(p, rows), "status line on home");
  STEP(tui_select(p, "Causes of inner knee pain"), "select topic");
  if (!fail) tui_keys(p, KEY_ENTER);
  STEP(tui_wait(p, "Inner knee pain", 5000), "topic");
  if (!fail) tui_keys(p, KEY_ENTER);
  STEP(tui_wait(p, "Inner knee pain in runners", 5000) &&
           (tui_wait(p, "%", 3000) || kc_pty_has(p, " all")),
       "article");
  if (!fail) tui_keys(p, KEY_ESC KEY_ESC "/");
  STEP(tui_wait(p, "Search", 5000), "search prompt");
  if (!fail) tui_keys(p, "bursitis");
  STEP(tui_wait(p, "Pes anserine", 5000), "search results");
  if (!fail) tui_keys(p, KEY_ESC);
  STEP(tui_home(p) && tui_select(p, "Check my symptoms"), "back home");
  if (!fail) tui_keys(p, KEY_ENTER);
  STEP(tui_wait(p, "Question 1 of", 5000), "wizard question 1");
  if (!fail) tui_keys(p, KEY_ESC);
  STEP(tui_wait(p, "Leave the", 5000), "wizard leave prompt");
  if (!fail) tui_keys(p, "y");
  STEP(tui_home(p) && tui_open_checklist(p), "checklist");
  STEP(tui_select(p, "Compression"), "select task");
  if (!fail) tui_keys(p, " ");
  STEP(tui_wait(p, "[x] Compression", 5000), "tick shown");
  STEP(status_on_last_row(p, rows), "status line on checklist");
  if (!fail) {
    kc_pty_send_str(p, "Q");
    int st = kc_pty_wait_exit(p, 5000);
    STEP(st == 0, "quit status");
    STEP(!kc_pty_altscreen(p) && kc_pty_cursor_visible(p), "terminal restored");
  }
#undef STEP
  if (fail) {
    char *s = tui_screen(p);
    char first[120] = "";
    sscanf(s, " %119[^\n]", first);
    snprintf(why, sizeof why, "failed at '%s' (screen: %s)", fail, first);
    if (CFG.verbose) fprintf(stderr, "%s\n", s);
    free(s);
  }
  kc_pty_free(p);
  free(home);
  return fail ? why : NULL;
}

static void terms(void) {
  const char *names[] = {"xterm-256color", "xterm",           "vt100",
                         "linux",          "screen-256color", "tmux-256color"};
  for (size_t i = 0; i < 6; i++) {
    if (CFG.smoke && i > 1) break;
    char t[64];
    snprintf(t, sizeof t, "TERM=%s", names[i]);
    const char *over[] = {t, NULL};
    keys_for(names[i]);
    const char *why = walk(over, 24, 80);
    keys_for(NULL);
    result("terminals", t, why ? ST_FAIL : ST_OK, "%s",
           why ? why : "home, topic, article, search, wizard, checklist tick; restored");
  }
  if (CFG.smoke) return;
  const char *langs[] = {"LANG=C", "LANG=C.UTF-8"};
  for (size_t i = 0; i < 2; i++) {
    const char *over[] = {langs[i], "LC_ALL", NULL};
    const char *why = walk(over, 24, 80);
    result("terminals", langs[i], why ? ST_FAIL : ST_OK, "%s", why ? why : "same path passed");
  }
  const int sizes[][2] = {{12, 40}, {24, 80}, {80, 250}};
  for (size_t i = 0; i < 3; i++) {
    char name[32];
    snprintf(name, sizeof name, "size %dx%d", sizes[i][1], sizes[i][0]);
    const char *why = walk(NULL, sizes[i][0], sizes[i][1]);
    result("terminals", name, why ? ST_FAIL : ST_OK, "%s", why ? why : "same path passed");
  }
}

/* TERM unset or dumb: a message naming the commands, no escape byte. */
static void no_terminal(void) {
  const char *cases[][2] = {{"TERM unset", "TERM"},
                            {"TERM=dumb", "TERM=dumb"},
                            {"TERM=nonexistent-term", "TERM=nonexistent-term"}};
  for (size_t i = 0; i < 3; i++) {
    char *home = fresh_home("dumb");
    const char *over[] = {cases[i][1], NULL};
    struct kc_pty *p = start(home, over, 24, 80);
    int st = kc_pty_wait_exit(p, 5000);
    size_t len;
    const char *log = kc_pty_log(p, &len);
    int esc = memchr(log, 0x1b, len) != NULL;
    int names = kc_pty_has(p, "kneecare topics") || kc_pty_has(p, "kneecare --help");
    char first[160] = "";
    char *s = tui_screen(p);
    sscanf(s, " %159[^\n]", first);
    free(s);
    int ok = st > 0 && st < 126 && !esc && names;
    result("terminals", cases[i][0], ok ? ST_OK : ST_FAIL, "exit %d, %s, %s: %s", st,
           esc ? "ESCAPE BYTES WRITTEN" : "no escape bytes",
           names ? "names the commands" : "DOES NOT NAME THE COMMANDS", first);
    kc_pty_free(p);
    free(home);
  }
}

/* ---- resize storm --------------------------------------------------------- */

struct screen_case {
  const char *name, *expect, *wiggle[2];
};

/* Opens the screen of case c; 1 on success. */
static int open_screen(struct kc_pty *p, int c) {
  if (!tui_home(p)) return 0;
  switch (c) {
  case 0:
    if (!tui_select(p, "Causes of inner knee pain")) return 0;
    tui_keys(p, KEY_ENTER KEY_ENTER "\033[6~");
    return tui_wait(p, "%", 5000);
  case 1: tui_keys(p, "/knee pain"); return tui_wait(p, "Search:", 5000);
  case 2:
    if (!tui_select(p, "Check my symptoms")) return 0;
    tui_keys(p, KEY_ENTER);
    return tui_wait(p, "Question 1 of", 5000);
  default: return tui_open_checklist(p);
  }
}

static void storm(void) {
  const struct screen_case S[] = {
      {"resize storm: reading", "Inner knee pain in runners", {"j", "k"}},
      {"resize storm: searching", "Search: knee pain", {KEY_DOWN, KEY_UP}},
      {"resize storm: wizard", "Question 1 of", {KEY_DOWN, KEY_UP}},
      {"resize storm: checklist", " of 3", {KEY_DOWN, KEY_UP}},
  };
  const int changes = CFG.smoke ? 50 : 200;
  for (int c = 0; c < 4; c++) {
    if (CFG.smoke && c != 0 && c != 3) continue;
    char *home = fresh_home("storm");
    struct kc_pty *p = start(home, NULL, 24, 80);
    if (!open_screen(p, c)) {
      result("terminals", S[c].name, ST_FAIL, "could not open the screen");
      kc_pty_free(p);
      free(home);
      continue;
    }
    const double t0 = now_ms();
    for (int i = 0; i < changes; i++) {
      int rows = 5 + (int)rnd(76), cols = 20 + (int)rnd(231);
      kc_pty_resize(p, rows, cols);
      if (i % 10 == 5) kc_pty_send_str(p, S[c].wiggle[(i / 10) % 2]);
      /* 100 changes a second: 2 s for 200. */
      double next = t0 + (i + 1) * 10.0;
      while (now_ms() < next) kc_pty_pump(p, (int)(next - now_ms()) + 1);
    }
    const double took = now_ms() - t0;
    if ((changes / 10) % 2) kc_pty_send_str(p, S[c].wiggle[1]); /* even out the wiggles */
    kc_pty_resize(p, 24, 80);
    kc_pty_wait_quiet(p, 300, 10000);
    int alive = tui_alive(p);
    int status = status_on_last_row(p, 24);
    int text = kc_pty_has(p, S[c].expect);
    /* A forced redraw must not change anything: what the program thinks is
     * on the screen is what the terminal shows. */
    char *before = tui_screen(p);
    tui_keys(p, "\x0c");
    kc_pty_wait_quiet(p, 100, 2000);
    char *after = tui_screen(p);
    int same = strcmp(before, after) == 0;
    int ok = alive && status && text && same;
    result("terminals", S[c].name, ok ? ST_OK : ST_FAIL,
           "%d sizes 20x5..250x80 in %.1f s, then 80x24: %s, %s, %s, %s", changes, took / 1000,
           alive ? "alive" : "DIED",
           status ? "status line on row 24" : "STATUS LINE NOT ON THE LAST ROW",
           text ? "expected text shown" : "EXPECTED TEXT MISSING",
           same ? "redraw identical" : "SCREEN DIFFERED FROM A REDRAW");
    if (!ok && CFG.verbose) fprintf(stderr, "before:\n%s\nafter:\n%s\n", before, after);
    free(before);
    free(after);
    if (alive) {
      kc_pty_send_str(p, KEY_ESC KEY_ESC KEY_ESC "Q");
      kc_pty_wait_exit(p, 3000);
    }
    kc_pty_free(p);
    free(home);
  }
}

/* ---- Ctrl-Z and fg in a job-control shell ---------------------------------- */

static int proc_state(pid_t pid) {
  char path[64], buf[512];
  snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
  FILE *f = fopen(path, "r");
  if (!f) return '?';
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  const char *rp = strrchr(buf, ')');
  return rp && rp[1] && rp[2] ? rp[2] : '?';
}

static void suspend(void) {
  char *home = fresh_home("tstp");
  struct envb e;
  env_init(&e, home);
  env_set(&e, "PS1=$ ");
  const char *argv[] = {"/bin/bash", "--norc", "--noprofile", "-i", NULL};
  struct kc_pty *p = kc_pty_spawn(argv, (const char *const *)e.v, 24, 80);
  env_free(&e);
  char cmd[1200];
  snprintf(cmd, sizeof cmd, "%s --data %s\r", CFG.kneecare, home);
  kc_pty_wait_text(p, "$", 5000);
  kc_pty_send_str(p, cmd);
  const char *fail = NULL, *how = "";
  if (!tui_home(p) || !tui_select(p, "Causes of inner knee pain")) fail = "guide did not start";
  if (!fail) {
    tui_keys(p, KEY_ENTER KEY_ENTER);
    if (!tui_wait(p, "Inner knee pain in runners", 5000)) fail = "article did not open";
  }
  int fd = pty_master_fd(p);
  pid_t fg = fd >= 0 ? tcgetpgrp(fd) : -1;
  char *before = tui_screen(p);
  if (!fail) {
    /* The key first, as a user would press it; the signal if the program
     * reads Ctrl-Z as a key (raw mode). */
    kc_pty_send_str(p, "\x1a");
    kc_pty_wait_quiet(p, 100, 1500);
    if (proc_state(fg) == 'T')
      how = "Ctrl-Z key stopped it";
    else {
      kill(-fg, SIGTSTP);
      kc_pty_wait_quiet(p, 100, 2000);
      how = "Ctrl-Z is a key in raw mode; SIGTSTP to the foreground group stopped it";
    }
    if (proc_state(fg) != 'T')
      fail = "not stopped";
    else if (kc_pty_altscreen(p))
      fail = "screen not handed back to the shell while stopped";
  }
  if (!fail) {
    kc_pty_send_str(p, "fg\r");
    if (!tui_wait(p, "Inner knee pain in runners", 5000)) fail = "screen not restored after fg";
  }
  if (!fail) {
    kc_pty_wait_quiet(p, 100, 2000);
    char *after = tui_screen(p);
    if (strcmp(before, after) != 0) fail = "screen after fg differs from before Ctrl-Z";
    free(after);
    kc_pty_send_str(p, "Q");
    if (!kc_pty_wait_text(p, "$", 5000)) fail = "did not quit to the shell";
  }
  free(before);
  result("terminals", "Ctrl-Z then fg", fail ? ST_FAIL : ST_OK, "%s%s%s", how,
         fail ? ": " : "; screen restored, identical", fail ? fail : "");
  kc_pty_send_str(p, "exit\r");
  kc_pty_wait_exit(p, 2000);
  kc_pty_free(p);
  free(home);
}

/* ---- SIGHUP: the terminal goes away ------------------------------------------ */

static void hangup(void) {
  char *home = fresh_home("hup");
  const char *over[] = {NULL};
  struct kc_pty *p = start(home, over, 24, 80);
  const char *fail = NULL;
  if (!tui_home(p) || !tui_open_checklist(p) || !tui_select(p, "Compression"))
    fail = "checklist did not open";
  if (!fail) {
    tui_keys(p, " ");
    if (!tui_wait(p, "[x] Compression", 5000)) fail = "tick not shown";
  }
  double took = 0;
  int st = -1;
  if (!fail) {
    int fd = pty_master_fd(p);
    const double t0 = now_ms();
    /* Close the master: the kernel hangs up the terminal (SIGHUP). The
     * descriptor number stays valid (/dev/null) for kc_pty_free. */
    int null = open("/dev/null", O_RDONLY);
    if (fd < 0 || dup2(null, fd) < 0) fail = "could not find the terminal's master side";
    close(null);
    if (!fail) {
      st = kc_pty_wait_exit(p, 5000);
      took = now_ms() - t0;
      if (st < 0) fail = "still running 5 s after the hangup";
    }
  }
  if (!fail) {
    struct envb e;
    env_init(&e, home);
    struct proc_result r;
    kc(&r, &e, "--data", home, "plan", "status", "--json", NULL);
    if (!strstr(r.out, "\"id\":\"compression\"") ||
        !strstr(strstr(r.out, "\"id\":\"compression\""), "\"done\":true"))
      fail = "the tick was lost";
    proc_free(&r);
    env_free(&e);
    char db[800];
    snprintf(db, sizeof db, "%s/kneecare.db", home);
    if (!fail && strcmp(db_integrity(db), "ok") != 0) fail = "integrity check failed";
  }
  if (fail)
    result("terminals", "SIGHUP (terminal closed)", ST_FAIL, "%s", fail);
  else
    result("terminals", "SIGHUP (terminal closed)", ST_OK,
           "exited in %.0f ms (status %d); the tick made before is saved (plan status)", took, st);
  kc_pty_free(p);
  free(home);
}

void part_terminals(void) {
  terms();
  no_terminal();
  storm();
  if (!CFG.smoke) {
    suspend();
    hangup();
  }
}
