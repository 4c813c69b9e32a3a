/* Helpers for end-to-end tests: a temporary HOME per test and the real
 * kneecare binary started in a pseudo-terminal. */
#ifndef KC_E2E_H
#define KC_E2E_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kc_pty.h"

#define WAIT_MS 5000

struct e2e {
  char home[256];
  struct kc_pty *pty;
};

/* A fresh temporary HOME (its data directory inside it). */
static inline void e2e_home(struct e2e *t) {
  snprintf(t->home, sizeof t->home, "/tmp/kc-e2e-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(t->home));
}

/* Starts kneecare with extra args and environment overrides ("KEY=VAL", or
 * "KEY" alone to leave KEY out). */
static inline struct kc_pty *e2e_start_env(struct e2e *t, int rows, int cols,
                                           const char *const *args, const char *const *env_over) {
  static char envbuf[32][512];
  const char *env[40];
  int n = 0;
  const char *defaults[][2] = {{"TERM", "xterm-256color"},
                               {"LANG", "C.UTF-8"},
                               {"PATH", "/usr/bin:/bin"},
                               {"HOME", t->home},
                               {"ASAN_OPTIONS", getenv("ASAN_OPTIONS")},
                               {"UBSAN_OPTIONS", getenv("UBSAN_OPTIONS")},
                               {"LSAN_OPTIONS", getenv("LSAN_OPTIONS")}};
  for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++) {
    const char *key = defaults[i][0], *val = defaults[i][1];
    int overridden = 0;
    for (int k = 0; env_over && env_over[k]; k++) {
      size_t kl = strcspn(env_over[k], "=");
      if (kl == strlen(key) && strncmp(env_over[k], key, kl) == 0) overridden = 1;
    }
    if (overridden || !val) continue;
    snprintf(envbuf[n], sizeof envbuf[n], "%s=%s", key, val);
    env[n] = envbuf[n];
    n++;
  }
  for (int k = 0; env_over && env_over[k] && n < 38; k++)
    if (strchr(env_over[k], '=')) env[n++] = env_over[k];
  env[n] = NULL;
  const char *argv[16] = {KNEECARE_PATH};
  int a = 1;
  for (int k = 0; args && args[k] && a < 15; k++) argv[a++] = args[k];
  argv[a] = NULL;
  t->pty = kc_pty_spawn(argv, env, rows, cols);
  ck_assert_ptr_nonnull(t->pty);
  return t->pty;
}

/* Waits for the first frame; on a first start the safety notice shows
 * first: check it and close it. */
static inline void e2e_past_notice(struct kc_pty *p) {
  if (!kc_pty_wait_text(p, "kneecare", WAIT_MS)) return;
  kc_pty_wait_quiet(p, 30, 1000);
  if (kc_pty_has(p, "Safety notice")) {
    kc_pty_send_str(p, "\033");
    kc_pty_wait_text(p, "Check my symptoms", WAIT_MS);
    kc_pty_wait_quiet(p, 30, 1000);
  }
}

static inline struct kc_pty *e2e_start(struct e2e *t, int rows, int cols) {
  struct kc_pty *p = e2e_start_env(t, rows, cols, NULL, NULL);
  e2e_past_notice(p);
  return p;
}

/* Waits for text, then for the rest of that frame (output may arrive in
 * several chunks: reading between them sees half a screen). */
static inline void e2e_expect(struct kc_pty *p, const char *text) {
  int ok = kc_pty_wait_text(p, text, WAIT_MS);
  kc_pty_wait_quiet(p, 30, 1000);
  if (ok && !kc_pty_has(p, text)) ok = kc_pty_wait_text(p, text, WAIT_MS);
  if (!ok) {
    char *s = kc_pty_screen(p);
    ck_abort_msg("expected \"%s\" on screen:\n%s", text, s ? s : "");
    free(s);
  }
}

static inline void e2e_expect_not(struct kc_pty *p, const char *text) {
  kc_pty_wait_quiet(p, 60, 1000);
  if (kc_pty_has(p, text)) {
    char *s = kc_pty_screen(p);
    ck_abort_msg("did not expect \"%s\" on screen:\n%s", text, s ? s : "");
    free(s);
  }
}

static inline void e2e_stop(struct e2e *t) {
  if (t->pty) {
    /* Q quits from any screen; it asks first while the ice timer runs. */
    kc_pty_send_str(t->pty, "Q");
    if (kc_pty_wait_exit(t->pty, 500) < 0) {
      kc_pty_send_str(t->pty, "y");
      kc_pty_wait_exit(t->pty, WAIT_MS);
    }
    kc_pty_free(t->pty);
    t->pty = NULL;
  }
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->home);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", t->home);
}

/* Moves a list cursor to the row showing `label` (the selected row is drawn
 * in reverse video): 'g' to the top, then Down until it is selected. */
static inline void e2e_select(struct kc_pty *p, const char *label) {
  kc_pty_send_str(p, "g");
  kc_pty_wait_quiet(p, 15, 500);
  for (int i = 0; i < 40; i++) {
    int row, col;
    struct kc_cell_attr a;
    if (kc_pty_find(p, label, &row, &col)) {
      kc_pty_attr(p, row, col, &a);
      if (a.reverse || !a.bg_default) return;
    }
    kc_pty_send_str(p, "\033OB");
    kc_pty_wait_quiet(p, 15, 500);
  }
  char *s = kc_pty_screen(p);
  ck_abort_msg("cannot put the cursor on '%s':\n%s", label, s ? s : "");
}

/* Answers "no" to each question of a yes/no check from question `from`
 * on, while `screen` is shown, one key per question: it waits for the next
 * question (next_fmt with its number, e.g. "Question %d of") before
 * sending again. */
static inline void e2e_answer_no_while(struct kc_pty *p, const char *screen, const char *next_fmt,
                                       int from) {
  e2e_expect(p, screen);
  for (int i = from; i < 60 && kc_pty_has(p, screen); i++) {
    char next[48];
    snprintf(next, sizeof next, next_fmt, i + 1);
    kc_pty_send_str(p, "n");
    for (int k = 0; k < 250 && kc_pty_has(p, screen) && !kc_pty_has(p, next); k++)
      kc_pty_pump(p, 20);
  }
}

/* Answers "no" to each question of the plan's daily safety check (the
 * warning signs marked recheck: as many as the data has). */
static inline void e2e_safety_check_all_no(struct kc_pty *p) {
  e2e_answer_no_while(p, "Today's safety check", "Question %d of", 1);
}

#define KEY_DOWN_S "\033OB" /* keypad mode: application cursor keys */
#define KEY_UP_S "\033OA"
#define KEY_LEFT_S "\033OD"
#define KEY_ENTER_S "\r"
#define KEY_ESC_S "\033"
#define KEY_TAB_S "\t"
#define KEY_PGDN_S "\033[6~"

#endif
