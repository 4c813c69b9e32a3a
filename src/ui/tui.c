/* The terminal owner: the only file that starts and ends curses, reads
 * keys, and handles signals. Views say what should happen (handled, pop,
 * quit); the loop decides. The terminal is restored on every exit path:
 * normal quit, SIGINT/SIGTERM/SIGHUP (a flag, acted on by the loop), a fatal
 * signal (async-safe restore, then re-raise) and exit() (atexit). */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "kneecare/text.h"
#include "kneecare/tui.h"
#include "ui.h"

static volatile sig_atomic_t stop_signal;
static SCREEN *screen;
static struct termios saved_termios;
static int have_termios;

/* What a fatal signal handler writes: leave the alternate screen, show the
 * cursor, reset attributes, mouse off. Fixed bytes: async-signal-safe. */
static const char emergency_reset[] =
    "\033[?1000l\033[?1002l\033[?1006l\033[0m\033[?25h\033[?1049l\r\n";

static void on_stop(int sig) { stop_signal = sig; }

static void on_fatal(int sig) {
  if (have_termios) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
  ssize_t r = write(STDOUT_FILENO, emergency_reset, sizeof emergency_reset - 1);
  (void)r;
  signal(sig, SIG_DFL);
  raise(sig);
}

static void restore_terminal(void) {
  if (screen) {
    mousemask(0, NULL);
    endwin();
    delscreen(screen);
    screen = NULL;
  }
}

static void install_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sigemptyset(&sa.sa_mask);
  sa.sa_handler = on_stop;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sa.sa_handler = on_fatal;
  sa.sa_flags = SA_RESETHAND;
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGBUS, &sa, NULL);
  sigaction(SIGFPE, &sa, NULL);
  sigaction(SIGABRT, &sa, NULL);
  /* A write to a terminal that has gone away must not kill us before we
   * have restored and saved. */
  signal(SIGPIPE, SIG_IGN);
}

/* Checks we can run full screen; explains what to do otherwise. */
static int terminal_usable(char *err, size_t errlen) {
  const char *term = getenv("TERM");
  const char *why = NULL;
  if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
    why = "is not connected to a terminal";
  else if (!term || !*term)
    why = "cannot tell what terminal this is (TERM is not set)";
  else if (strcmp(term, "dumb") == 0)
    why = "cannot run full screen on a 'dumb' terminal";
  if (!why) return 1;
  snprintf(err, errlen,
           "the guide %s.\n"
           "Use the plain-text commands instead: kneecare topics | list | show ID | search QUERY\n"
           "(see kneecare --help).",
           why);
  return 0;
}

static int start_curses(char *err, size_t errlen) {
  if (!getenv("ESCDELAY")) set_escdelay(25); /* Esc must feel instant */
  if (tcgetattr(STDIN_FILENO, &saved_termios) == 0) have_termios = 1;
  screen = newterm(NULL, stdout, stdin);
  if (!screen) {
    snprintf(err, errlen,
             "the terminal type '%.64s' is unknown here; set TERM (e.g. TERM=xterm-256color)\n"
             "or use the plain-text commands (see kneecare --help).",
             getenv("TERM"));
    return -1;
  }
  set_term(screen);
  if (!tigetstr("cup") || tigetstr("cup") == (char *)-1) {
    restore_terminal();
    snprintf(err, errlen,
             "the terminal '%.64s' cannot move the cursor, so the full-screen guide cannot run.\n"
             "Use the plain-text commands instead (see kneecare --help).",
             getenv("TERM"));
    return -1;
  }
  atexit(restore_terminal);
  cbreak();
  noecho();
  nonl();
  keypad(stdscr, TRUE);
  curs_set(0);
  leaveok(stdscr, TRUE); /* the cursor is hidden: do not spend bytes moving it */
  timeout(250);          /* a blocking read can miss SIGWINCH; ticks also run the timer */
  const char *nc = getenv("NO_COLOR");
  int color = has_colors() && !(nc && *nc);
  if (color) {
    start_color();
    use_default_colors();
  }
  kc_theme_init(color);
  return 0;
}

static void set_mouse(struct kc_ui *ui, int on) {
  ui->mouse_on = on;
  mousemask(on ? (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0, NULL);
  mouseinterval(0);
}

void kc_ui_push(struct kc_ui *ui, struct kc_view *v) {
  if (!v) return; /* the constructor has said why */
  if (kc_viewstack_push(&ui->stack, v) != 0)
    kc_ui_message(ui, ROLE_WARNING, "Out of memory: cannot open that screen");
}

void kc_ui_message(struct kc_ui *ui, enum kc_role role, const char *fmt, ...) {
  char raw[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(raw, sizeof raw, fmt, ap);
  va_end(ap);
  kc_text_sanitize(raw, strlen(raw), ui->message, sizeof ui->message, 0);
  ui->message_role = role;
  ui->message_until = time(NULL) + 4;
}

static void draw_header(struct kc_ui *ui, int w) {
  attr_t a = kc_attr(ROLE_TITLEBAR);
  kc_fill(0, 0, w, a);
  char crumbs[512] = "kneecare";
  size_t depth = kc_viewstack_depth(&ui->stack);
  for (size_t i = depth; i-- > 0;) {
    struct kc_view *v = kc_viewstack_at(&ui->stack, i);
    const char *t = v->ops->title ? v->ops->title(v) : NULL;
    if (!t || !*t) continue;
    size_t l = strlen(crumbs);
    snprintf(crumbs + l, sizeof crumbs - l, " \xE2\x80\xBA %s", t);
  }
  /* Keep the end of the breadcrumb (where the user is) when it is long. */
  size_t len = strlen(crumbs), cols = kc_text_width(crumbs, len);
  const char *s = crumbs;
  while (cols > (size_t)(w - 2) && *s) {
    uint32_t cp;
    size_t n = kc_utf8_decode(s, strlen(s), &cp);
    cols -= (size_t)kc_cp_width(cp);
    s += n;
  }
  kc_puts(0, 1, w - 2, s, a | A_BOLD);
  if (ui->app->user_state >= 0 && w > 50) {
    /* The profile name is known before user data opens, so the first frame
     * already shows it and opening the data changes nothing on screen. */
    char who[300];
    snprintf(who, sizeof who, " %s ", ui->app->user_state == 1 ? ui->app->profile.name : ui->who);
    size_t ww = kc_text_width(who, strlen(who));
    if (ww < (size_t)w / 3) kc_puts(0, w - (int)ww, (int)ww, who, a);
  }
}

static const char default_hints[] =
    "\xE2\x86\x91\xE2\x86\x93 move  Enter open  Esc back  / search  ? help  q quit";

static void draw_status(struct kc_ui *ui, int y, int w) {
  attr_t a = kc_attr(ROLE_STATUS);
  kc_fill(y, 0, w, ui->bell_flash > 0 ? kc_attr(ROLE_DANGER) : a);
  int left = kc_ice_left(ui);
  if (ui->ice.running || ui->bell_flash > 0) {
    char t[48];
    if (ui->ice.running)
      snprintf(t, sizeof t, " ICE %02d:%02d ", left / 60, left % 60);
    else
      snprintf(t, sizeof t, " ICE DONE ");
    int tw = (int)strlen(t);
    kc_puts(y, w - tw, tw, t, kc_attr(ROLE_DANGER) | A_BOLD);
    w -= tw + 1;
  }
  if (ui->message[0] && time(NULL) < ui->message_until) {
    kc_puts(y, 1, w - 2, ui->message, kc_attr((enum kc_role)ui->message_role) | A_BOLD);
    return;
  }
  ui->message[0] = '\0';
  struct kc_view *v = kc_viewstack_top(&ui->stack);
  const char *h = v && v->ops->hints ? v->ops->hints(v) : NULL;
  kc_puts(y, 1, w - 2, h ? h : default_hints, a);
}

static void draw_too_small(int h, int w) {
  erase();
  const char *l1 = "Please enlarge the terminal";
  char l2[64];
  snprintf(l2, sizeof l2, "(at least %dx%d, now %dx%d)", KC_MIN_COLS, KC_MIN_ROWS, w, h);
  kc_puts(h / 2 - 1 < 0 ? 0 : h / 2 - 1, 0, w, l1, A_BOLD);
  if (h > 1) kc_puts(h / 2, 0, w, l2, A_NORMAL);
}

static void draw_all(struct kc_ui *ui) {
  int h = LINES, w = COLS;
  if (h < KC_MIN_ROWS || w < KC_MIN_COLS) {
    draw_too_small(h, w);
    return;
  }
  erase();
  draw_header(ui, w);
  struct kc_view *v = kc_viewstack_top(&ui->stack);
  if (v) v->ops->draw(v, ui, 1, h - 2, w);
  draw_status(ui, h - 1, w);
}

static void read_event(struct kc_event *ev, int rc, wint_t ch) {
  memset(ev, 0, sizeof *ev);
  ev->is_key = rc == KEY_CODE_YES;
  ev->ch = ch;
  if (ev->is_key && ch == KEY_MOUSE) {
    MEVENT me;
    if (getmouse(&me) == OK) {
      ev->action = ACT_MOUSE;
      ev->mouse_y = me.y;
      ev->mouse_x = me.x;
      if (me.bstate & BUTTON4_PRESSED) ev->wheel = -1;
#ifdef BUTTON5_PRESSED
      else if (me.bstate & BUTTON5_PRESSED)
        ev->wheel = 1;
#endif
      else if (me.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
        ev->click = 1;
    }
    return;
  }
  ev->action = kc_key_action(ev->is_key, ch);
}

/* Global keys, applied when the top view did not handle the event. */
static void apply_global(struct kc_ui *ui, const struct kc_event *ev) {
  switch (ev->action) {
  case ACT_QUIT: ui->quit = 1; break;
  case ACT_BACK:
  case ACT_LEFT: kc_viewstack_pop(&ui->stack); break;
  case ACT_SEARCH: kc_ui_push(ui, kc_search_new(ui)); break;
  case ACT_HELP: kc_ui_push(ui, kc_help_new(ui, 0)); break;
  case ACT_MOUSE_TOGGLE:
    set_mouse(ui, !ui->mouse_on);
    kc_ui_message(ui, ROLE_OK, "Mouse %s",
                  ui->mouse_on ? "on (m to turn off for copy and paste)"
                               : "off: copy and paste work as usual");
    break;
  case ACT_REDRAW: clearok(curscr, TRUE); break;
  default: break;
  }
}

static void destroy_view(struct kc_view *v) { v->ops->destroy(v); }

/* The safety notice shows on first start (remembered in the user data);
 * a warning from opening the user data (a damaged file moved aside, loose
 * permissions) is shown once. Without user data the notice always shows. */
static void first_start(struct kc_ui *ui) {
  char err[512], seen[8];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (udb) kc_app_verify_user(ui->app); /* the integrity check, deferred until now */
  if (!udb) {
    kc_ui_message(ui, ROLE_WARNING, "Saving is off: %s", err);
  } else if (kc_userdb_warning(udb)[0]) {
    kc_ui_message(ui, ROLE_WARNING, "%s", kc_userdb_warning(udb));
  }
  if (udb && kc_userdb_setting_get(udb, 0, "notice-seen", seen, sizeof seen) == KC_UDB_OK) return;
  if (!ui->notice_shown) kc_ui_push(ui, kc_help_new(ui, 1));
  ui->notice_shown = 1;
  if (udb) kc_userdb_setting_set(udb, 0, "notice-seen", "1");
}

/* A first start is visible without opening SQLite: there is no data file
 * yet. Then the notice is part of the very first frame. */
static int no_user_data_yet(const struct kc_app *app) {
  char dir[4096], path[4200];
  if (app->data_dir)
    snprintf(dir, sizeof dir, "%s", app->data_dir);
  else if (kc_userdb_default_dir(dir, sizeof dir) != KC_UDB_OK)
    return 1;
  snprintf(path, sizeof path, "%s/%s", dir, KC_USERDB_FILE);
  struct stat st;
  return lstat(path, &st) != 0;
}

static void run_loop(struct kc_ui *ui) {
  int dirty = 1, started = 0;
  time_t last_tick = time(NULL);
  while (!ui->quit && !stop_signal) {
    int small = LINES < KC_MIN_ROWS || COLS < KC_MIN_COLS;
    if (dirty) {
      draw_all(ui);
      refresh(); /* stdscr -> terminal now (doupdate alone would leave it to get_wch) */
      dirty = 0;
      if (!started) {
        /* Staged start-up: user data is opened (and checked) only once
         * the first frame is on screen; what it changes is drawn at once. */
        started = 1;
        first_start(ui);
        dirty = 1;
        continue;
      }
    }
    wint_t ch;
    int rc = get_wch(&ch);
    time_t now = time(NULL);
    if (now != last_tick) {
      last_tick = now;
      struct kc_view *v = kc_viewstack_top(&ui->stack);
      if (v && v->ops->tick && v->ops->tick(v, ui)) dirty = 1;
      if (kc_ice_tick(ui)) dirty = 1;
      if (ui->message[0] && now >= ui->message_until) dirty = 1;
    }
    if (rc == ERR) continue; /* timeout or interrupted by a signal */
    if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
      dirty = 1;
      continue;
    }
    struct kc_event ev;
    read_event(&ev, rc, ch);
    dirty = 1;
    if (small) {
      if (ev.action == ACT_QUIT || (rc == OK && ch == 3)) ui->quit = 1;
      continue;
    }
    struct kc_view *v = kc_viewstack_top(&ui->stack);
    enum kc_result r = v ? v->ops->handle(v, ui, &ev) : V_IGNORED;
    switch (r) {
    case V_IGNORED: apply_global(ui, &ev); break;
    case V_POP: kc_viewstack_pop(&ui->stack); break;
    case V_QUIT: ui->quit = 1; break;
    case V_HANDLED: break;
    }
  }
}

static void ensure_utf8(void) {
  /* Articles are UTF-8. In a plain "C" locale, ask for C.UTF-8 so wide
   * characters and line drawing still work (most terminals are UTF-8). */
  const char *cs = nl_langinfo(CODESET);
  if (cs && strcmp(cs, "UTF-8") != 0) setlocale(LC_CTYPE, "C.UTF-8");
}

int kc_tui_run(struct kc_app *app, char *err, size_t errlen) {
  if (!terminal_usable(err, errlen)) return -1;
  ensure_utf8();
  install_signals();
  if (start_curses(err, errlen) != 0) return -1;
  struct kc_ui ui = {.app = app};
  app->defer_check = 1;
  /* The name to show until user data is open: cheap sources first (the
   * password database costs a few file opens before the first frame). */
  const char *who = app->user ? app->user : getenv("USER") ? getenv("USER") : getenv("LOGNAME");
  if (who && kc_profile_name_check(who, NULL, 0))
    snprintf(ui.who, sizeof ui.who, "%s", who);
  else
    kc_userdb_default_profile_name(ui.who, sizeof ui.who);
  kc_viewstack_init(&ui.stack, destroy_view);
  set_mouse(&ui, !app->no_mouse);
  kc_ui_push(&ui, kc_home_new(&ui));
  if (no_user_data_yet(app)) {
    kc_ui_push(&ui, kc_help_new(&ui, 1));
    ui.notice_shown = 1;
  }
  if (kc_viewstack_depth(&ui.stack) == 0) {
    restore_terminal();
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  run_loop(&ui);
  kc_viewstack_free(&ui.stack);
  restore_terminal();
  /* Everything was saved as it was entered; say which signal ended us. */
  return stop_signal;
}
