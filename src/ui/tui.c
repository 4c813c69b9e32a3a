/* The terminal owner: the only file that starts and ends curses, reads
 * keys, and handles signals. It resolves each key against the top view's
 * keymap and then the global one, calls the view with the named command,
 * and decides what the result means (handled, pop, quit); an open question
 * (w_prompt.c) takes keys first. Input that arrives faster than the screen
 * can draw is coalesced: every pending key is handled before the next
 * frame, so a paste or a held key costs one redraw (and one search).
 *
 * The terminal is restored on every exit path: normal quit,
 * SIGINT/SIGTERM/SIGHUP (a flag, acted on by the loop), a fatal signal and
 * out of memory (fixed bytes, async-signal-safe), and exit() (atexit). */
#include <errno.h>
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

/* What a fatal signal handler writes: mouse off, reset attributes, leave
 * the alternate screen, then show the cursor (leaving restores the cursor
 * state saved on entering, which some terminals take to include whether it
 * was shown). Fixed bytes: async-signal-safe. */
static const char emergency_reset[] =
    "\033[?1000l\033[?1002l\033[?1006l\033[0m\033[?1049l\033[?25h\r\n";

static void on_stop(int sig) { stop_signal = sig; }

static void emergency_restore(void) {
  if (have_termios) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
  ssize_t r = write(STDOUT_FILENO, emergency_reset, sizeof emergency_reset - 1);
  (void)r;
}

static void on_fatal(int sig) {
  emergency_restore();
  signal(sig, SIG_DFL);
  raise(sig);
}

static void restore_terminal(void) {
  if (screen) {
    mousemask(0, NULL);
    endwin();
    /* endwin shows the cursor and then leaves the alternate screen; a
     * terminal that restores the cursor saved by ncurses' scroll-region
     * save/restore (libvterm does, visibility included) would hide it
     * again. Show it once more, after the switch. */
    const char *cnorm = tigetstr("cnorm");
    if (cnorm && cnorm != (const char *)-1) putp(cnorm);
    fflush(stdout);
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
  /* ncurses 6.4 (Debian 12) writes out its buffer after every cursor
   * movement while the screen is in its initial state, which it leaves
   * only by coming back from endwin: a Down key went out in three writes,
   * the first frame in about twenty. Suspending once here, before anything
   * is drawn, lets every later frame go out in one write. The switch to the
   * alternate screen and back that this adds is in one write, so no
   * terminal shows it. The refresh that comes back runs now, before colour
   * is started: coming back with colour on would reset the terminal's
   * palette (terminfo "oc"), which is the user's. */
  endwin();
  refresh();
  if (!tigetstr("cup") || tigetstr("cup") == (char *)-1) {
    restore_terminal();
    snprintf(err, errlen,
             "the terminal '%.64s' cannot move the cursor, so the full-screen guide cannot run.\n"
             "Use the plain-text commands instead (see kneecare --help).",
             getenv("TERM"));
    return -1;
  }
  atexit(restore_terminal);
  /* Out of memory: restore the terminal before the one-line message. */
  kc_mem_set_fatal_hook(emergency_restore);
  cbreak();
  noecho();
  nonl();
  keypad(stdscr, TRUE);
  curs_set(0);
  leaveok(stdscr, TRUE); /* the cursor is hidden: do not spend bytes moving it */
  /* No typeahead check during updates: ncurses would poll the terminal
   * twice before writing each frame (about 50 us per key here, a quarter of
   * a Down), and the loop already reads every waiting key before it draws,
   * so an update never needs to be cut short for one. */
  typeahead(-1);
  timeout(250); /* a blocking read can miss SIGWINCH; ticks also run the timer */
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
  if (v) kc_viewstack_push(&ui->stack, v); /* NULL: the constructor has said why */
}

void kc_ui_replace(struct kc_ui *ui, struct kc_view *v) {
  if (v) kc_viewstack_replace(&ui->stack, v);
}

static double mono_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double message_at;   /* when the message was posted (monotonic) */
static int message_pending; /* tie it to the screen on top once the key is done */

void kc_ui_message(struct kc_ui *ui, enum kc_role role, const char *fmt, ...) {
  char raw[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(raw, sizeof raw, fmt, ap);
  va_end(ap);
  kc_text_sanitize(raw, strlen(raw), ui->message, sizeof ui->message, 0);
  ui->message_role = role;
  ui->message_until = time(NULL) + 4;
  message_at = mono_s();
  message_pending = 1;
}

/* A message shows until it has been on its screen for 4 s (or until a key
 * after 1.5 s), and only on that screen: the one on top once the key that
 * caused it was handled. One posted between keys (a timer, opening the user
 * data behind the first-start notice) waits for the next key to be tied. */
static int message_showing(struct kc_ui *ui) {
  if (!ui->message[0]) return 0;
  if (message_pending) return 1;
  if (time(NULL) >= ui->message_until || ui->message_view != kc_viewstack_top(&ui->stack)) {
    ui->message[0] = '\0';
    return 0;
  }
  return 1;
}

static void tie_message(struct kc_ui *ui) {
  if (!message_pending) return;
  message_pending = 0;
  ui->message_view = kc_viewstack_top(&ui->stack);
  ui->message_until = time(NULL) + 4;
  message_at = mono_s();
}

/* The breadcrumb: "kneecare › … › Topic › Article", whole crumbs dropped
 * from the left and the last one cut at a word, each with an ellipsis. */
static void breadcrumb(struct kc_ui *ui, int avail, char *out, size_t n) {
  const char *t[64];
  size_t k = 0, depth = kc_viewstack_depth(&ui->stack);
  for (size_t i = depth; i-- > 0 && k < 64;) {
    struct kc_view *v = kc_viewstack_at(&ui->stack, i);
    const char *s = v->ops->title ? v->ops->title(v) : NULL;
    if (s && *s) t[k++] = s;
  }
  const char *sep = kc_glyph(G_SEP), *ell = kc_glyph(G_ELLIPSIS);
  size_t first = 0;
  for (;;) {
    size_t o = (size_t)snprintf(out, n, "kneecare");
    if (first > 0) o += (size_t)snprintf(out + o, o < n ? n - o : 0, " %s %s", sep, ell);
    for (size_t i = first; i < k; i++)
      o += (size_t)snprintf(out + o, o < n ? n - o : 0, " %s %s", sep, t[i]);
    /* Keep at least where the user came from and where they are. */
    if (kc_text_width(out, strlen(out)) <= (size_t)avail || first + 2 >= k) break;
    first++;
  }
  size_t len = strlen(out);
  if (kc_text_width(out, len) <= (size_t)avail) return;
  /* Still too long: cut the last title at a word boundary. */
  size_t ew = kc_text_width(ell, strlen(ell));
  size_t fit = kc_text_fit(out, len, avail > (int)ew ? (size_t)avail - ew : 0);
  size_t cut = fit;
  while (cut > 0 && out[cut] != ' ') cut--;
  if (cut < fit / 2) cut = fit; /* one very long word: cut inside it */
  while (cut > 0 && out[cut - 1] == ' ') cut--;
  snprintf(out + cut, n - cut, "%s", ell);
}

static void draw_header(struct kc_ui *ui, int w) {
  attr_t a = kc_attr(ROLE_TITLEBAR);
  kc_fill(0, 0, w, a);
  char right[300] = "";
  attr_t ra = a;
  if (ui->no_saving || ui->app->user_state < 0) {
    /* Lasting, not a message that scrolls away: nothing is being saved. */
    snprintf(right, sizeof right, " Saving is off ");
    ra = kc_attr(ROLE_DANGER) | A_BOLD;
  } else if (w > 50) {
    /* The profile name is known before user data opens, so the first frame
     * already shows it and opening the data changes nothing on screen. */
    snprintf(right, sizeof right, " %s ",
             ui->app->user_state == 1 ? ui->app->profile.name : ui->who);
  }
  int rw = (int)kc_text_width(right, strlen(right));
  if (rw > w / 3) rw = 0;
  char crumbs[1024];
  breadcrumb(ui, w - 2 - rw - (rw ? 1 : 0), crumbs, sizeof crumbs);
  kc_puts(0, 1, w - 2 - rw, crumbs, a | A_BOLD);
  if (rw) kc_puts(0, w - rw, rw, right, ra);
}

/* The status line: the ice timer, then a message or the hints. Not
 * redrawn when it has not changed (a Down key touches nothing else). */
static void draw_status(struct kc_ui *ui, int y, int w, int force) {
  char timer[48] = "", text[320];
  if (ui->ice.running) {
    int left = kc_ice_left(ui);
    snprintf(timer, sizeof timer, " ICE %02d:%02d ", left / 60, left % 60);
  } else if (ui->bell_flash > 0) {
    snprintf(timer, sizeof timer, " ICE DONE ");
  }
  int msg = message_showing(ui);
  struct kc_view *v = kc_viewstack_top(&ui->stack);
  if (msg)
    snprintf(text, sizeof text, "%s", ui->message);
  else if (ui->modal.active)
    snprintf(text, sizeof text, "%s", ui->modal.is_prompt ? "" : "y yes  n no");
  else if (v && v->ops->hints && !v->ops->keys)
    snprintf(text, sizeof text, "%s", v->ops->hints(v));
  else
    kc_ui_hints(ui, v, text, (size_t)(w - 2 - (timer[0] ? (int)strlen(timer) + 1 : 0)));
  char key[sizeof ui->status_drawn];
  snprintf(key, sizeof key, "%d%d%d|%s|%s", w, msg ? ui->message_role : -1, ui->bell_flash > 0,
           timer, text);
  if (!force && strcmp(key, ui->status_drawn) == 0) return;
  memcpy(ui->status_drawn, key, sizeof key);
  attr_t a = kc_attr(ROLE_STATUS);
  kc_fill(y, 0, w, ui->bell_flash > 0 ? kc_attr(ROLE_DANGER) : a);
  if (timer[0]) {
    int tw = (int)strlen(timer);
    kc_puts(y, w - tw, tw, timer, kc_attr(ui->ice.running ? ROLE_TIMER : ROLE_DANGER) | A_BOLD);
    w -= tw + 1;
  }
  kc_puts(y, 1, w - 2, text, msg ? kc_attr((enum kc_role)ui->message_role) | A_BOLD : a);
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
  if (ui->modal.active && ui->modal.owner != v && ui->modal.host != v) ui->modal.active = 0;
  int mrows = kc_modal_rows(ui);
  if (v) v->ops->draw(v, ui, 1, h - 2 - mrows, w);
  kc_modal_draw(ui, h - 1 - mrows, w);
  draw_status(ui, h - 1, w, 1);
}

static void destroy_view(struct kc_view *v) { v->ops->destroy(v); }

static void read_event(struct kc_event *ev, int rc, wint_t ch) {
  memset(ev, 0, sizeof *ev);
  ev->is_key = rc == KEY_CODE_YES;
  ev->ch = ch;
  if (!ev->is_key || ch != KEY_MOUSE) return;
  MEVENT me;
  ev->cmd = CMD_MOUSE_EVENT;
  if (getmouse(&me) != OK) return;
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

static int quit_answer(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  (void)v, (void)text;
  if (yes) ui->quit = 1;
  return 0;
}

/* An unfinished symptom check (open, or its answers kept from before). */
static int check_unfinished(struct kc_ui *ui) {
  if (ui->wizard_open) return 1;
  char err[64];
  struct kc_wizard_draft d = {0};
  struct kc_userdb *udb = ui->app->user_state == 1 ? kc_app_user(ui->app, err, sizeof err) : NULL;
  if (!udb || kc_userdb_draft_load(udb, ui->app->profile.id, &d) != KC_UDB_OK) return 0;
  kc_userdb_draft_clear(&d);
  return 1;
}

/* Quitting with a running ice timer or an unfinished check: ask first,
 * saying what is kept. */
static void quit(struct kc_ui *ui) {
  char err[64];
  struct kc_ice_running t;
  struct kc_userdb *udb = ui->app->user_state == 1 ? kc_app_user(ui->app, err, sizeof err) : NULL;
  if (ui->ice.running) {
    int kept = udb && kc_userdb_ice_timer_running(udb, ui->app->profile.id, &t) == KC_UDB_OK;
    kc_confirm(ui, kc_viewstack_top(&ui->stack),
               kept ? "The ice timer is running; it is kept and shows when you come back. Quit?"
                    : "The ice timer is running; quitting stops it without recording. Quit?",
               quit_answer);
  } else if (check_unfinished(ui)) {
    kc_confirm(ui, kc_viewstack_top(&ui->stack),
               udb ? "The symptom check is unfinished; its answers are kept to carry on next "
                     "time. Quit?"
                   : "The symptom check is unfinished and saving is off: its answers are lost. "
                     "Quit?",
               quit_answer);
  } else {
    ui->quit = 1;
  }
}

/* Global commands, applied when the top view did not handle the event. */
static void apply_global(struct kc_ui *ui, enum kc_cmd cmd) {
  int at_home = kc_viewstack_depth(&ui->stack) <= 1;
  switch (cmd) {
  case CMD_CLOSE:
    if (at_home)
      quit(ui);
    else
      kc_viewstack_pop(&ui->stack);
    break;
  case CMD_QUIT: quit(ui); break;
  case CMD_BACK: kc_viewstack_pop(&ui->stack); break;
  case CMD_HOME: kc_viewstack_pop_to_root(&ui->stack); break;
  case CMD_SEARCH: kc_ui_push(ui, kc_search_new(ui)); break;
  case CMD_HELP: kc_ui_push(ui, kc_help_new(ui, 0)); break;
  case CMD_MOUSE:
    set_mouse(ui, !ui->mouse_on);
    kc_ui_message(ui, ROLE_OK, "Mouse %s",
                  ui->mouse_on ? "on (m to turn off for copy and paste)"
                               : "off: copy and paste work as usual");
    break;
  case CMD_REDRAW: clearok(curscr, TRUE); break;
  default: break;
  }
}

/* One event to the top view: its keymap first, then the global one. */
static enum kc_result dispatch(struct kc_ui *ui, struct kc_event *ev) {
  struct kc_view *v = kc_viewstack_top(&ui->stack);
  int key = ev->is_key ? KC_KEY((int)ev->ch) : (int)ev->ch;
  enum kc_cmd cmd = ev->cmd;
  if (!v) return V_IGNORED;
  if (cmd != CMD_MOUSE_EVENT && v->ops->text && !ev->is_key && ev->ch >= 0x20 && ev->ch != 0x7F &&
      v->ops->text(v, ui, ev->ch))
    return V_HANDLED;
  if (cmd != CMD_MOUSE_EVENT) {
    cmd = kc_keymap_lookup(v->ops->keys, key);
    if (cmd == CMD_NONE) cmd = kc_keymap_lookup(&kc_keys_global, key);
    ev->cmd = cmd;
  }
  if (cmd == CMD_NONE) return V_HANDLED;
  enum kc_result r = v->ops->command(v, ui, cmd, ev);
  if (r == V_IGNORED) apply_global(ui, cmd);
  return r;
}

/* What follows opening the user data: its warning, the reading width, the
 * safety notice on a first start, and a picker when several profiles exist
 * and none was chosen last. */
static void user_ready(struct kc_ui *ui, struct kc_userdb *udb, int notice_shown, int pick) {
  char seen[8];
  if (kc_userdb_warning(udb)[0]) kc_ui_message(ui, ROLE_WARNING, "%s", kc_userdb_warning(udb));
  if (kc_userdb_setting_get(udb, 0, "reading-width", seen, sizeof seen) == KC_UDB_OK)
    ui->reading_width = atoi(seen);
  struct kc_profile *all = NULL, last;
  int n = 0;
  if (pick || (!ui->app->user && kc_userdb_profile_last_get(udb, &last) != KC_UDB_OK &&
               kc_userdb_profile_list(udb, &all, &n) == KC_UDB_OK && n > 1))
    kc_ui_push(ui, kc_profiles_pick(ui));
  free(all);
  /* the notice on top of the picker: read first */
  if (kc_userdb_setting_get(udb, 0, "notice-seen", seen, sizeof seen) == KC_UDB_OK) return;
  if (!notice_shown) kc_ui_push(ui, kc_help_new(ui, 1));
  kc_userdb_setting_set(udb, 0, "notice-seen", "1");
}

/* --user NAME that is not a profile: create it, or choose one. */
static int unknown_user_answer(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  (void)v, (void)text;
  char err[512];
  struct kc_userdb *udb;
  if (yes) {
    udb = kc_app_user_create(ui->app, err, sizeof err);
  } else { /* the last chosen profile (else the first), then the picker */
    static char name[KC_PROFILE_NAME_BUF];
    struct kc_profile *all = NULL, last;
    int n = 0;
    ui->app->user_state = 0;
    ui->app->user = NULL;
    struct kc_userdb *file = kc_app_userdb(ui->app, err, sizeof err);
    if (file && kc_userdb_profile_last_get(file, &last) == KC_UDB_OK)
      snprintf(name, sizeof name, "%s", last.name);
    else if (file && kc_userdb_profile_list(file, &all, &n) == KC_UDB_OK && n > 0)
      snprintf(name, sizeof name, "%s", all[0].name);
    else
      name[0] = '\0';
    free(all);
    if (name[0]) ui->app->user = name;
    udb = kc_app_user(ui->app, err, sizeof err);
  }
  if (!udb) {
    ui->no_saving = 1;
    kc_ui_message(ui, ROLE_WARNING, "Saving is off: %s", err);
    return 0;
  }
  ui->no_saving = 0;
  kc_app_verify_user(ui->app);
  user_ready(ui, udb, ui->notice_shown, !yes);
  return 0;
}

/* The safety notice shows on first start (remembered in the user data);
 * a warning from opening the user data (a damaged file moved aside, loose
 * permissions) is shown once. Without user data the notice always shows,
 * and the header says that saving is off for as long as it is. */
static void first_start(struct kc_ui *ui, int notice_shown) {
  char err[512];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (udb) kc_app_verify_user(ui->app); /* the integrity check, deferred until now */
  ui->notice_shown = notice_shown;
  if (!udb && ui->app->user_unknown) {
    char q[700];
    snprintf(q, sizeof q, "%s Create it? n chooses a profile", err);
    kc_confirm(ui, kc_viewstack_top(&ui->stack), q, unknown_user_answer);
    return;
  }
  if (!udb) {
    ui->no_saving = 1;
    kc_ui_message(ui, ROLE_WARNING, "Saving is off: %s", err);
    if (!notice_shown) kc_ui_push(ui, kc_help_new(ui, 1));
    return;
  }
  user_ready(ui, udb, notice_shown, 0);
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

/* The tick of the view on top; 1 when it needs drawing. */
static int view_tick(struct kc_ui *ui) {
  struct kc_view *v = kc_viewstack_top(&ui->stack);
  return v && v->ops->tick && v->ops->tick(v, ui);
}

static int tick(struct kc_ui *ui) {
  int dirty = view_tick(ui);
  if (kc_ice_tick(ui)) dirty = 1;
  if (ui->message[0] && !message_showing(ui)) dirty = 1;
  return dirty;
}

/* Handles one key; returns what needs drawing: 0 nothing, 1 the status
 * line (the view drew its rows), 2 everything. */
static int handle_key(struct kc_ui *ui, int rc, wint_t ch, int small) {
  if (rc == KEY_CODE_YES && ch == KEY_RESIZE) return 2;
  struct kc_event ev;
  read_event(&ev, rc, ch);
  /* A message gives way to the hints at the next key once it was seen. */
  if (ui->message[0] && !message_pending && mono_s() - message_at > 1.5) ui->message[0] = '\0';
  if (small) {
    if ((!ev.is_key && (ch == 'q' || ch == 'Q')) || (rc == OK && ch == 3)) ui->quit = 1;
    return 2;
  }
  struct kc_view *top = kc_viewstack_top(&ui->stack);
  enum kc_result r = kc_modal_event(ui, &ev) ? V_HANDLED : dispatch(ui, &ev);
  if (r == V_POP) kc_viewstack_pop(&ui->stack);
  if (r == V_QUIT) ui->quit = 1;
  tie_message(ui);
  return r == V_DREW && top == kc_viewstack_top(&ui->stack) && !ui->modal.active ? 1 : 2;
}

static void run_loop(struct kc_ui *ui, int notice_shown) {
  int dirty = 2, started = 0;
  time_t last_tick = time(NULL);
  while (!ui->quit && !stop_signal) {
    int small = LINES < KC_MIN_ROWS || COLS < KC_MIN_COLS;
    if (dirty == 2) draw_all(ui);
    /* The view redrew the rows that changed; the status line only if it
     * can have changed (hints do not follow a list's selection). */
    if (dirty == 1 && !small && (ui->message[0] || ui->ice.running || ui->bell_flash))
      draw_status(ui, LINES - 1, COLS, 0);
    if (dirty) {
      refresh(); /* stdscr -> terminal now (doupdate alone would leave it to get_wch) */
      dirty = 0;
      if (!started) {
        /* Staged start-up: user data is opened (and checked) only once
         * the first frame is on screen; what it changes is drawn at once. */
        started = 1;
        /* Content given with --content whose warning signs do not
         * validate is refused whole, before any key is read (fail closed). */
        if (kc_app_check_safety(ui->app, ui->fatal, sizeof ui->fatal) != 0) {
          ui->quit = 1;
          break;
        }
        first_start(ui, notice_shown);
        /* A warning from opening the data is tied to the screen on top
         * after the next key: Home, once the notice is closed. */
        if (kc_viewstack_depth(&ui->stack) <= 1) tie_message(ui);
        dirty = 2;
        continue;
      }
    }
    wint_t ch;
    /* A screen waiting for idle (Home's dashboard) gets it after a short
     * quiet spell with no key waiting. */
    if (ui->want_idle) timeout(40);
    int rc = get_wch(&ch);
    if (ui->want_idle) {
      timeout(250);
      if (rc == ERR) {
        ui->want_idle = 0;
        ui->idle = 1;
        dirty = 2;
        continue;
      }
    }
    time_t now = time(NULL);
    if (now != last_tick) {
      last_tick = now;
      const int asking = ui->modal.active;
      if (tick(ui)) dirty = 2;
      /* A question a tick opened (a stored ice or run timer) was not on
       * screen when the keys waiting now were typed: they must not answer it. */
      if (!asking && ui->modal.active && rc != ERR) {
        flushinp();
        rc = ERR;
      }
    }
    /* Every pending key before the next frame. */
    const unsigned long views = ui->stack.changes;
    while (rc != ERR && !ui->quit) {
      int d = handle_key(ui, rc, ch, small);
      if (d > dirty) dirty = d;
      timeout(0);
      rc = get_wch(&ch);
      timeout(250);
    }
    /* A view that came on top has its first tick now, not up to a second
     * later: what it asks on opening (a stored ice or run timer) comes with
     * its first frame, in answer to the key that opened it. */
    if (ui->stack.changes != views && !small && !ui->quit && view_tick(ui)) dirty = 2;
  }
}

int kc_tui_run(struct kc_app *app, char *err, size_t errlen) {
  if (!terminal_usable(err, errlen)) return -1;
  /* The locale decides the character set: UTF-8, or ASCII for a terminal
   * that is not UTF-8 (never bytes an 8-bit terminal reads as C1 controls). */
  kc_draw_init();
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
  int notice = no_user_data_yet(app);
  if (notice) kc_ui_push(&ui, kc_help_new(&ui, 1));
  run_loop(&ui, notice);
  kc_viewstack_free(&ui.stack);
  restore_terminal();
  if (ui.fatal[0]) {
    snprintf(err, errlen, "%s", ui.fatal);
    return -1;
  }
  /* Everything was saved as it was entered; say which signal ended us. */
  return stop_signal;
}
