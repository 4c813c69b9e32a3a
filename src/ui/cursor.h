/* The one cursor model of every list-like screen: selection, the first
 * item shown, paging, the wheel, clicks, items of several rows (search hits)
 * and headings the selection skips; or, for scrolling text, just the first
 * line shown. Pure integer arithmetic, curses-free, unit-tested
 * (tests/unit/test_cursor.c) like the view stack. tmux's mode-tree and
 * calcurse's listbox (with its per-item height callback) are the models. */
#ifndef KC_CURSOR_H
#define KC_CURSOR_H

#include <stddef.h>

#include "cmd.h"

struct kc_cursor {
  size_t n;                            /* items (lines when scroll_only) */
  size_t sel;                          /* the selected item */
  size_t top;                          /* the first item shown */
  int rows;                            /* rows of the window at the last layout */
  int y0;                              /* screen row of the first shown item, for clicks */
  int scroll_only;                     /* text: no selection, Up/Down move the view */
  int (*height)(void *ctx, size_t i);  /* rows item i takes (NULL: 1) */
  int (*heading)(void *ctx, size_t i); /* 1 for a heading the selection skips (NULL: none) */
  void *ctx;
};

enum kc_cur_result {
  KC_CUR_IGNORED, /* not a movement command */
  KC_CUR_SAME,    /* a movement that changed nothing (at the end) */
  KC_CUR_MOVED,   /* the selection moved within the shown items */
  KC_CUR_SCROLLED /* what is shown changed */
};

/* Sets the number of items, keeping the selection in range and off headings. */
void kc_cursor_set(struct kc_cursor *c, size_t n);
/* Selects the first selectable item and shows the top. */
void kc_cursor_first(struct kc_cursor *c);
/* The window is rows tall at screen row y0: scrolls so the selection is
 * shown (with the heading above it when there is room). */
void kc_cursor_layout(struct kc_cursor *c, int y0, int rows);
/* Up, Down, PgUp, PgDn, Top, Bottom. */
enum kc_cur_result kc_cursor_command(struct kc_cursor *c, enum kc_cmd cmd);
/* The mouse wheel: dir -1 up, +1 down (three items or lines). */
enum kc_cur_result kc_cursor_wheel(struct kc_cursor *c, int dir);
/* Selects the item at screen row y (a click); returns it, or -1 when that
 * row shows no selectable item. */
long kc_cursor_click(struct kc_cursor *c, int y);
/* Screen row of item i, or -1 when it is not shown. */
int kc_cursor_row(const struct kc_cursor *c, size_t i);
/* One past the last item shown. */
size_t kc_cursor_end(const struct kc_cursor *c);
/* Scrolling text: the largest first line (so the last line is at the bottom). */
size_t kc_cursor_max_top(const struct kc_cursor *c);

#endif
