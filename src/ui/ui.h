/* Internal interface of the ui layer: the terminal owner (tui.c), theme
 * roles, key actions, the view protocol and the widgets. Screens include
 * this; nothing outside src/ui does. */
#ifndef KC_UI_H
#define KC_UI_H

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stddef.h>
#include <time.h>

#include "kneecare/app.h"
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
  ROLE_COUNT
};
void kc_theme_init(int use_color);
attr_t kc_attr(enum kc_role role);

/* ---- keys -> actions (keys.c) ---- */
enum kc_action {
  ACT_NONE,
  ACT_UP,
  ACT_DOWN,
  ACT_PGUP,
  ACT_PGDN,
  ACT_HOME,
  ACT_END,
  ACT_LEFT,  /* also BACK when a view has no use for it */
  ACT_RIGHT, /* also OPEN */
  ACT_OPEN,
  ACT_BACK,
  ACT_QUIT,
  ACT_SEARCH,
  ACT_HELP,
  ACT_NEXT_LINK,
  ACT_PREV_LINK,
  ACT_TOGGLE,
  ACT_MOUSE_TOGGLE,
  ACT_REDRAW,
  ACT_MOUSE, /* details in the event */
};

struct kc_event {
  enum kc_action action;
  int is_key; /* get_wch returned KEY_CODE_YES */
  wint_t ch;  /* the character or key code */
  int mouse_y, mouse_x;
  int wheel; /* -1 up, +1 down, 0 none */
  int click; /* 1 for a left click */
};
enum kc_action kc_key_action(int is_key, wint_t ch);
/* One line per key for the help screen: "keys\tdescription". */
extern const char *const kc_key_help[];

/* ---- views ---- */
struct kc_ui;
struct kc_view;

enum kc_result {
  V_IGNORED, /* not handled: the loop applies global keys */
  V_HANDLED, /* handled; redraw */
  V_POP,     /* close this view */
  V_QUIT,    /* leave the program */
};

struct kc_view_ops {
  const char *name;
  /* Draws into rows [y, y+h) of the screen, full width w. */
  void (*draw)(struct kc_view *v, struct kc_ui *ui, int y, int h, int w);
  enum kc_result (*handle)(struct kc_view *v, struct kc_ui *ui, const struct kc_event *ev);
  void (*destroy)(struct kc_view *v);
  /* Title for the header breadcrumb (may be NULL). */
  const char *(*title)(struct kc_view *v);
  /* Key hints for the status line (may be NULL). */
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

struct kc_ui {
  struct kc_app *app;
  struct kc_viewstack stack;
  struct kc_ice_timer ice;
  int bell_flash;  /* seconds left of the end-of-timer flash */
  unsigned writes; /* bumped by writes made outside the screen that shows them */
  int notice_shown;
  char who[KC_PROFILE_NAME_BUF]; /* profile shown before user data is open */
  int mouse_on;
  int quit;
  char message[256]; /* one-shot message for the status line */
  int message_role;
  time_t message_until;
};

void kc_ui_push(struct kc_ui *ui, struct kc_view *v);
/* Shows a message in the status line for a few seconds. */
void kc_ui_message(struct kc_ui *ui, enum kc_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Ice timer (screen_plan.c). */
void kc_ice_start(struct kc_ui *ui, int64_t plan_id, int day);
/* Seconds left (0 when not running). */
int kc_ice_left(const struct kc_ui *ui);
/* Records the running session now (confirmed early) and stops the timer. */
int kc_ice_finish(struct kc_ui *ui, int early);
void kc_ice_cancel(struct kc_ui *ui);
/* Called by the loop once a second: completes the timer when due.
 * Returns 1 when the screen should be redrawn. */
int kc_ice_tick(struct kc_ui *ui);

/* ---- a one-line text prompt (w_input.c) ---- */
struct kc_input {
  int active;
  char prompt[96];
  char buf[512];
  size_t len;
  size_t max_chars; /* code points */
  int purpose;      /* caller's tag */
};
void kc_input_open(struct kc_input *in, int purpose, const char *prompt, const char *initial,
                   size_t max_chars);
/* 1 = confirmed (Enter), -1 = cancelled (Esc), 0 = still editing. */
int kc_input_handle(struct kc_input *in, const struct kc_event *ev);
void kc_input_draw(const struct kc_input *in, int y, int w);

/* ---- drawing helpers (draw.c) ---- */
/* Writes at most `cols` columns of UTF-8 text; returns columns used. */
int kc_put(int y, int x, int cols, const char *s, size_t len, attr_t attr);
int kc_puts(int y, int x, int cols, const char *s, attr_t attr);
/* Text with KC_MARK_ON/OFF match markers drawn in ROLE_MATCH. */
int kc_put_marked_text(int y, int x, int cols, const char *s, attr_t base);
void kc_fill(int y, int x, int cols, attr_t attr);
/* Wraps text into rows [y, y+h) at width w; returns rows used. */
int kc_put_wrapped(int y, int x, int h, int w, const char *s, attr_t attr);

/* ---- a growing string for composing Markdown (sb.c) ---- */
struct kc_sb {
  char *s;
  size_t len, cap;
};
void kc_sb_put(struct kc_sb *b, const char *s);
void kc_sb_printf(struct kc_sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends text with Markdown punctuation escaped, so it shows literally. */
void kc_sb_put_md(struct kc_sb *b, const char *s);
/* The string ("" if nothing was added); stays owned by b. */
const char *kc_sb_str(struct kc_sb *b);
void kc_sb_free(struct kc_sb *b);

/* ---- list widget (w_list.c) ---- */
struct kc_list_item {
  char *text;   /* owned */
  char *detail; /* owned, optional second column or summary */
  int role;     /* enum kc_role for the text, or -1 for the default */
  int header;   /* a non-selectable heading row */
};
struct kc_list {
  struct kc_list_item *items;
  size_t n, cap;
  size_t sel, top;
  int rows; /* rows it had at the last draw, for paging and clicks */
  int y0;
};
void kc_list_add(struct kc_list *l, const char *text, const char *detail, int role, int header);
void kc_list_clear(struct kc_list *l);
void kc_list_free(struct kc_list *l);
void kc_list_draw(struct kc_list *l, int y, int h, int w);
/* Handles movement and mouse; returns V_HANDLED when the selection moved,
 * V_IGNORED otherwise. *activated is set on Enter/Right/click. */
enum kc_result kc_list_handle(struct kc_list *l, const struct kc_event *ev, int *activated);
void kc_list_select_first(struct kc_list *l);

/* ---- screens (screen_*.c) ---- */
struct kc_view *kc_home_new(struct kc_ui *ui);
struct kc_view *kc_topic_new(struct kc_ui *ui, const char *topic_id, const char *title);
struct kc_view *kc_reader_new(struct kc_ui *ui, const char *article_id);
struct kc_view *kc_reader_new_text(struct kc_ui *ui, const char *title, const char *summary,
                                   const char *markdown);
struct kc_view *kc_search_new(struct kc_ui *ui);
struct kc_view *kc_help_new(struct kc_ui *ui, int safety_first);
struct kc_view *kc_wizard_new(struct kc_ui *ui);
/* A result page; `note` (may be NULL) is shown under the banner, e.g. why
 * the run could not be saved, or when a saved run was made. */
struct kc_view *kc_result_new(struct kc_ui *ui, const struct kc_wz_def *def,
                              const struct kc_wz_result *res, const char *note);
struct kc_view *kc_history_new(struct kc_ui *ui);
/* Opens the recovery plan: the checklist of the active plan (with today's
 * safety check first when due), or the screen that starts one. */
void kc_plan_open(struct kc_ui *ui);
struct kc_view *kc_recheck_new(struct kc_ui *ui, int64_t plan_id);
struct kc_view *kc_chart_new(struct kc_ui *ui, int64_t plan_id);
struct kc_view *kc_profiles_new(struct kc_ui *ui);

#endif
