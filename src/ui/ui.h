/* Internal interface of the ui layer: the terminal owner (tui.c), theme
 * roles, the vocabulary (commands, keymaps: cmd.h, keys.c), the view
 * protocol, the cursor model (cursor.h), the prompt and confirm helpers and
 * the drawing helpers. Screens include this; nothing outside src/ui does.
 *
 * A screen is a keymap and a few small command functions:
 *
 *   static const struct kc_binding rows[] = {
 *       {CMD_OPEN, {'\r', KC_KEY(KEY_ENTER), KC_KEY(KEY_RIGHT), 'l'}, "open the article", "open"},
 *   };
 *   const struct kc_keymap kc_keys_topic = KC_KEYMAP("Topic", "Its articles.", rows, &kc_keys_list);
 *   static enum kc_result topic_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
 *                                       const struct kc_event *ev) { ... }
 *   static const struct kc_view_ops topic_ops = {.keys = &kc_keys_topic, .command = topic_command,
 *                                                .draw = topic_draw, ...};
 *
 * and a line in keys.c's registry so help and the man page list it. */
#ifndef KC_UI_H
#define KC_UI_H

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stddef.h>
#include <time.h>

#include "cmd.h"
#include "cursor.h"
#include "kneecare/app.h"
#include "kneecare/mem.h"
#include "kneecare/strbuf.h"
#include "kneecare/viewstack.h"

#define KC_MIN_COLS 40
#define KC_MIN_ROWS 12

/* ---- theme: semantic roles -> attributes (theme.c) ---- */
enum kc_role {
  ROLE_NORMAL,
  ROLE_TITLEBAR,
  ROLE_STATUS,
  ROLE_STATUS_KEY,
  ROLE_SELECTED,
  ROLE_HEADING,
  ROLE_SUBHEADING,
  ROLE_EMPH,
  ROLE_STRONG,
  ROLE_LINK,
  ROLE_LINK_SELECTED,
  ROLE_MATCH,
  ROLE_DIM,
  ROLE_BULLET,
  ROLE_WARNING,
  ROLE_DANGER,
  ROLE_OK,
  ROLE_INPUT,
  ROLE_SAFETY, /* instructions a person needs for their safety: never dim */
  ROLE_TIMER,  /* the running ice timer: visible, not an alarm */
  ROLE_URGENT, /* an urgent level in a list row: red words, no band (a band reads as selected) */
  ROLE_COUNT
};
void kc_theme_init(int use_color);
attr_t kc_attr(enum kc_role role);

/* ---- events ---- */
struct kc_event {
  enum kc_cmd cmd;
  int is_key; /* get_wch returned KEY_CODE_YES */
  wint_t ch;  /* the character or key code */
  int mouse_y, mouse_x;
  int wheel; /* -1 up, +1 down, 0 none */
  int click; /* 1 for a left click */
};

/* ---- views ---- */
struct kc_ui;
struct kc_view;

enum kc_result {
  V_IGNORED, /* not handled: the loop applies the global command */
  V_HANDLED, /* handled; redraw */
  V_POP,     /* close this view */
  V_QUIT,    /* leave the program */
  V_DREW,    /* handled, and the view has updated the changed rows itself */
};

struct kc_view_ops {
  /* Draws into rows [y, y+h) of the screen, full width w. */
  void (*draw)(struct kc_view *v, struct kc_ui *ui, int y, int h, int w);
  /* This view's commands (the loop resolves keys against them, then the
   * global keymap) and what runs them. */
  const struct kc_keymap *keys;
  enum kc_result (*command)(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                            const struct kc_event *ev);
  /* 0 when cmd does nothing now (it is then not hinted). May be NULL. */
  int (*enabled)(struct kc_view *v, enum kc_cmd cmd);
  /* The hint's word when it depends on the state (NULL: the row's). */
  const char *(*hint_word)(struct kc_view *v, enum kc_cmd cmd);
  /* A view with a text field takes printable characters first (returns 1
   * when it used the character). May be NULL. */
  int (*text)(struct kc_view *v, struct kc_ui *ui, wint_t ch);
  void (*destroy)(struct kc_view *v);
  /* Title for the header breadcrumb (may be NULL). */
  const char *(*title)(struct kc_view *v);
  /* Hints for the status line when they are not generated (may be NULL). */
  const char *(*hints)(struct kc_view *v);
  /* Called once a second while on top (may be NULL); return 1 to redraw. */
  int (*tick)(struct kc_view *v, struct kc_ui *ui);
};

struct kc_view {
  const struct kc_view_ops *ops;
};

/* The ice timer runs while the user reads other screens; the status line
 * shows the time left. A session is recorded only when it completes or is
 * confirmed early. */
struct kc_ice_timer {
  int running;
  int64_t plan_id;
  int day;             /* plan day it counts for */
  struct timespec end; /* CLOCK_MONOTONIC */
  int total_seconds;
};

/* ---- the line editor: one for every prompt and the search field ---- */
struct kc_line {
  char buf[2048];
  size_t len;
  size_t max_chars; /* code points */
  int full;         /* the last character was refused: the limit is reached */
};
enum kc_line_result { KC_LINE_SAME, KC_LINE_CHANGED, KC_LINE_ENTER, KC_LINE_CANCEL };
void kc_line_set(struct kc_line *l, const char *text, size_t max_chars);
/* Inserts a typed character; refuses what may not be shown (controls,
 * format characters, unknown width) and anything past max_chars. */
enum kc_line_result kc_line_insert(struct kc_line *l, wint_t ch);
/* Editing keys: Backspace, Ctrl-U (clear), Ctrl-W (word), Enter, Esc. */
enum kc_line_result kc_line_key(struct kc_line *l, const struct kc_event *ev);
/* Draws "label text_" in w columns at (y, x), keeping the end visible;
 * returns the columns used. */
int kc_line_draw(const struct kc_line *l, int y, int x, int w);

/* ---- prompt and confirm: a question over the bottom of the top view ---- */
/* Called with the answer: for a confirm, 1 (yes) or 0 (no); for a prompt,
 * the text (NULL when cancelled). A prompt stays open when it returns 1
 * (the answer was not valid and the message says why). */
typedef int (*kc_answer_fn)(struct kc_view *v, struct kc_ui *ui, int yes, const char *text);
struct kc_modal {
  int active, is_prompt;
  struct kc_view *owner;
  struct kc_view *host; /* the screen on top when it opened (owner or the screen holding it) */
  kc_answer_fn done;
  char question[256];
  struct kc_line line;
};
void kc_confirm(struct kc_ui *ui, struct kc_view *owner, const char *question, kc_answer_fn done);
void kc_prompt(struct kc_ui *ui, struct kc_view *owner, const char *question, const char *initial,
               size_t max_chars, kc_answer_fn done);

/* For the loop: rows the open question takes, drawing it, routing keys. */
struct kc_ui;
int kc_modal_rows(const struct kc_ui *ui);
void kc_modal_draw(struct kc_ui *ui, int y, int w);
int kc_modal_event(struct kc_ui *ui, const struct kc_event *ev);

struct kc_ui {
  struct kc_app *app;
  struct kc_viewstack stack;
  struct kc_ice_timer ice;
  struct kc_modal modal;
  int bell_flash;                /* seconds left of the end-of-timer flash */
  unsigned writes;               /* bumped by writes made outside the screen that shows them */
  char who[KC_PROFILE_NAME_BUF]; /* profile shown before user data is open */
  int mouse_on;
  int quit;
  int notice_shown; /* the first-start notice was shown before user data opened */
  int wizard_open;
  int want_idle; /* a screen waits for the guide to be idle (Home's dashboard) */
  int idle;
  /* the guide has been idle once since it started */ /* a symptom check is open (quitting keeps its answers: say so) */
  int no_saving;     /* user data cannot be used: a lasting "saving is off" */
  int reading_width; /* columns of article text, 0 = the window's */
  char message[256]; /* one-shot message for the status line */
  char fatal[1024];  /* why the guide must end (content that fails closed), or "" */
  int message_role;
  time_t message_until;
  const struct kc_view *message_view; /* the message belongs to this screen */
  char status_drawn[1024];            /* the status line as last drawn (skip a redraw) */
};

void kc_ui_push(struct kc_ui *ui, struct kc_view *v);
/* Replaces the top view (the wizard by its result, the plan starter by
 * the checklist). */
void kc_ui_replace(struct kc_ui *ui, struct kc_view *v);
/* Shows a message in the status line for a few seconds (until a key is
 * pressed after 1.5 s, and never on another screen). */
void kc_ui_message(struct kc_ui *ui, enum kc_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The status line's hints for a view, generated from its keymap: whole
 * hints that fit in `cols` columns, into out (at least 320 bytes). */
void kc_ui_hints(struct kc_ui *ui, struct kc_view *v, char *out, size_t cols);

/* Ice timer (screen_plan.c). */
void kc_ice_start(struct kc_ui *ui, int64_t plan_id, int day);
/* Seconds left (0 when not running). */
int kc_ice_left(const struct kc_ui *ui);
/* Records the running session now (confirmed early) and stops the timer. */
int kc_ice_finish(struct kc_ui *ui, int early);
/* Called by the loop once a second: completes the timer when due.
 * Returns 1 when the screen should be redrawn. */
int kc_ice_tick(struct kc_ui *ui);

/* ---- drawing helpers (draw.c) ---- */
/* Writes at most `cols` columns of UTF-8 text; returns columns used. Text
 * is sanitised, measured as ncurses measures it, clipped by the real cursor
 * position, and transliterated to ASCII when the terminal is not UTF-8. */
int kc_put(int y, int x, int cols, const char *s, size_t len, attr_t attr);
int kc_puts(int y, int x, int cols, const char *s, attr_t attr);
/* Text with KC_MARK_ON/OFF match markers drawn in ROLE_MATCH. */
int kc_put_marked_text(int y, int x, int cols, const char *s, attr_t base);
void kc_fill(int y, int x, int cols, attr_t attr);
/* Wraps text into rows [y, y+h) at width w; returns rows used. */
int kc_put_wrapped(int y, int x, int h, int w, const char *s, attr_t attr);
/* Rows the text takes wrapped at width w. */
int kc_wrapped_rows(const char *s, int w);
/* 1 when output must be ASCII (the locale's codeset is not UTF-8). */
extern int kc_ascii;
void kc_draw_init(void);
/* A glyph of the guide's own, or its ASCII fallback. */
enum kc_glyph { G_UPDOWN, G_LEFTRIGHT, G_UP, G_DOWN, G_SEP, G_DOT, G_BAR, G_POINTER, G_ELLIPSIS };
const char *kc_glyph(enum kc_glyph g);
/* A stored time (Unix seconds) as local time with strftime's fmt; any value
 * (also one no calendar can show) gives a string: "?" when it cannot. */
const char *kc_fmt_time(int64_t at, const char *fmt, char *buf, size_t n);

/* ---- list widget (w_list.c): items with a detail column, headings ---- */
struct kc_list_item {
  char *text;   /* owned */
  char *detail; /* owned, optional second column or summary */
  int role;     /* enum kc_role for the text, or -1 for the default */
  int header;   /* a non-selectable heading row */
};
struct kc_list {
  struct kc_list_item *items;
  size_t n, cap;
  size_t sel, top; /* mirrors of cur.sel / cur.top for the screens that read them */
  struct kc_cursor cur;
  int w;                  /* width of the last draw, for in-place updates */
  unsigned char *heights; /* rows of each item at width heights_w (cached: a */
  int heights_w;          /* Down key must not re-wrap every item) */
  size_t heights_n;
};
void kc_list_add(struct kc_list *l, const char *text, const char *detail, int role, int header);
void kc_list_clear(struct kc_list *l);
void kc_list_free(struct kc_list *l);
void kc_list_draw(struct kc_list *l, int y, int h, int w);
/* Moves on a list command or the mouse. *activated is set on open or a
 * click. Returns V_DREW when only the selection moved (the two rows were
 * redrawn in place), V_HANDLED when more changed, V_IGNORED otherwise. */
enum kc_result kc_list_command(struct kc_list *l, enum kc_cmd cmd, const struct kc_event *ev,
                               int *activated);
void kc_list_select_first(struct kc_list *l);

/* ---- keymaps of the screens, for help and the man page (keys.c) ---- */
extern const struct kc_keymap *const kc_keymaps[];
extern const struct kc_keymap kc_keys_prompt, kc_keys_confirm;
extern const struct kc_keymap kc_keys_home, kc_keys_topic, kc_keys_reader, kc_keys_search,
    kc_keys_profiles, kc_keys_recheck, kc_keys_checklist, kc_keys_plan_start, kc_keys_chart,
    kc_keys_wizard, kc_keys_result, kc_keys_history, kc_keys_readiness, kc_keys_reading;
/* Help's key lists as Markdown; the man page's KEYS section as roff. */
void kc_keys_markdown(struct kc_strbuf *b);
void kc_keys_roff(struct kc_strbuf *b);
/* The README's table of the keys every screen shares (Markdown). */
void kc_keys_table_md(struct kc_strbuf *b);

/* ---- screens (screen_*.c) ---- */
struct kc_view *kc_home_new(struct kc_ui *ui);
struct kc_view *kc_topic_new(struct kc_ui *ui, const char *topic_id, const char *title);
struct kc_view *kc_reader_new(struct kc_ui *ui, const char *article_id);
struct kc_view *kc_reader_new_text(struct kc_ui *ui, const char *title, const char *summary,
                                   const char *markdown);
/* A page that `e` saves as a file, "kneecare-<what>-<profile>-<date>.md"
 * (the clinician report). */
struct kc_view *kc_reader_new_page(struct kc_ui *ui, const char *title, const char *summary,
                                   const char *markdown, const char *what);
/* The clinician report of the current profile, as such a page: from the
 * saved check run_id (0: the last one). */
struct kc_view *kc_report_view(struct kc_ui *ui, int64_t run_id);
/* Bookmarks and recently read articles (screen_topic.c). */
struct kc_view *kc_reading_new(struct kc_ui *ui);
/* A page that Enter closes (the first-start notice). */
struct kc_view *kc_notice_new(struct kc_ui *ui, const char *title, const char *summary,
                              const char *markdown);
struct kc_view *kc_search_new(struct kc_ui *ui);
/* Help; with `first_start`, the safety notice first and Enter continues. */
struct kc_view *kc_help_new(struct kc_ui *ui, int first_start);
struct kc_view *kc_wizard_new(struct kc_ui *ui);
/* A result page; `note` (may be NULL) is shown under the banner, e.g. why
 * the run could not be saved, or when a saved run was made. */
struct kc_view *kc_result_new(struct kc_ui *ui, const struct kc_wz_def *def,
                              const struct kc_wz_result *res, const char *note, int64_t run_id);
struct kc_view *kc_history_new(struct kc_ui *ui);
/* Opens the recovery plan: the checklist of the active plan (with today's
 * safety check first when due), or the screen that starts one. */
void kc_plan_open(struct kc_ui *ui);
struct kc_view *kc_recheck_new(struct kc_ui *ui, int64_t plan_id);
struct kc_view *kc_chart_new(struct kc_ui *ui, int64_t plan_id);
struct kc_view *kc_profiles_new(struct kc_ui *ui);
/* The return to running (screen_run*.c). kc_run_start_new starts a
 * programme following plan_id (the plan screen calls it once the day-3
 * readiness checks passed; 0: the active or latest plan, whose recorded
 * readiness checks must all have passed): the session's safety check, a
 * clinician's go-ahead for a result at "soon" or above, then the programme
 * screen; or a page saying why not. kc_run_open: the programme screen, or
 * the start when there is none. */
struct kc_view *kc_run_start_new(struct kc_ui *ui, int64_t plan_id);
struct kc_view *kc_run_open(struct kc_ui *ui);
extern const struct kc_keymap kc_keys_run, kc_keys_run_check, kc_keys_run_timer,
    kc_keys_run_strength, kc_keys_run_week, kc_keys_run_chart;

/* The same as a picker at start: Enter uses the selected profile (the one
 * in use is selected) and goes on to Home. */
struct kc_view *kc_profiles_pick(struct kc_ui *ui);

#endif
