/* The cursor model (see cursor.h). Every function keeps two invariants:
 * sel < n unless n == 0, and sel is not a heading when any item is
 * selectable; layout then keeps sel inside the window. */
#include "cursor.h"

static int height(const struct kc_cursor *c, size_t i) {
  int h = c->height ? c->height(c->ctx, i) : 1;
  return h < 1 ? 1 : h;
}

static int heading(const struct kc_cursor *c, size_t i) {
  return c->heading && i < c->n && c->heading(c->ctx, i);
}

static int rows_of(const struct kc_cursor *c) { return c->rows > 0 ? c->rows : 1; }

size_t kc_cursor_max_top(const struct kc_cursor *c) {
  size_t rows = (size_t)rows_of(c);
  return c->n > rows ? c->n - rows : 0;
}

size_t kc_cursor_end(const struct kc_cursor *c) {
  int used = 0;
  size_t i = c->top;
  while (i < c->n && used + height(c, i) <= rows_of(c)) used += height(c, i++);
  return i == c->top && i < c->n ? i + 1 : i; /* a too-tall item still shows its top */
}

int kc_cursor_row(const struct kc_cursor *c, size_t i) {
  if (i < c->top || i >= kc_cursor_end(c)) return -1;
  int y = c->y0;
  for (size_t k = c->top; k < i; k++) y += height(c, k);
  return y;
}

/* The nearest selectable item from i in direction dir (+1/-1), or i. */
static size_t step(const struct kc_cursor *c, size_t i, int dir) {
  size_t j = i;
  for (;;) {
    if ((dir < 0 && j == 0) || (dir > 0 && j + 1 >= c->n)) return i;
    j = dir < 0 ? j - 1 : j + 1;
    if (!heading(c, j)) return j;
  }
}

void kc_cursor_first(struct kc_cursor *c) {
  c->sel = c->top = 0;
  if (heading(c, 0)) c->sel = step(c, 0, 1);
}

void kc_cursor_set(struct kc_cursor *c, size_t n) {
  c->n = n;
  if (n == 0) {
    c->sel = c->top = 0;
    return;
  }
  if (c->sel >= n) c->sel = n - 1;
  if (c->top >= n) c->top = n - 1;
  if (heading(c, c->sel)) {
    size_t down = step(c, c->sel, 1);
    c->sel = down != c->sel ? down : step(c, c->sel, -1);
  }
}

static void keep_visible(struct kc_cursor *c) {
  if (c->scroll_only) {
    size_t mt = kc_cursor_max_top(c);
    if (c->top > mt) c->top = mt;
    return;
  }
  if (c->n == 0) return;
  if (c->sel < c->top) c->top = c->sel;
  /* No empty rows at the bottom while items are hidden above. */
  int used = 0;
  for (size_t i = c->top; i < c->n && used <= rows_of(c); i++) used += height(c, i);
  while (c->top > 0 && used + height(c, c->top - 1) <= rows_of(c)) used += height(c, --c->top);
  while (c->top < c->sel && kc_cursor_row(c, c->sel) < 0) c->top++;
  /* Show the heading above the selection when scrolling up to it. */
  if (c->top > 0 && c->top == c->sel && heading(c, c->top - 1)) {
    c->top--;
    if (kc_cursor_row(c, c->sel) < 0) c->top++;
  }
}

void kc_cursor_layout(struct kc_cursor *c, int y0, int rows) {
  c->y0 = y0;
  c->rows = rows;
  keep_visible(c);
}

/* Items that fit in the window from the top: one page of movement. */
static size_t page(const struct kc_cursor *c) {
  size_t k = kc_cursor_end(c) - c->top;
  return k > 1 ? k - 1 : 1;
}

static enum kc_cur_result scroll_to(struct kc_cursor *c, long top) {
  long mt = (long)kc_cursor_max_top(c);
  if (top > mt) top = mt;
  if (top < 0) top = 0;
  if ((size_t)top == c->top) return KC_CUR_SAME;
  c->top = (size_t)top;
  return KC_CUR_SCROLLED;
}

static enum kc_cur_result text_command(struct kc_cursor *c, enum kc_cmd cmd) {
  long top = (long)c->top, pg = c->rows > 2 ? c->rows - 2 : 1;
  switch (cmd) {
  case CMD_UP: return scroll_to(c, top - 1);
  case CMD_DOWN: return scroll_to(c, top + 1);
  case CMD_PGUP: return scroll_to(c, top - pg);
  case CMD_PGDN: return scroll_to(c, top + pg);
  case CMD_TOP: return scroll_to(c, 0);
  case CMD_BOTTOM: return scroll_to(c, (long)kc_cursor_max_top(c));
  default: return KC_CUR_IGNORED;
  }
}

static size_t move_by(const struct kc_cursor *c, size_t from, long k) {
  int dir = k < 0 ? -1 : 1;
  for (long left = k < 0 ? -k : k; left > 0; left--) {
    size_t j = step(c, from, dir);
    if (j == from) break;
    from = j;
  }
  return from;
}

static enum kc_cur_result select_item(struct kc_cursor *c, size_t sel) {
  if (sel == c->sel) return KC_CUR_SAME;
  size_t top = c->top;
  c->sel = sel;
  keep_visible(c);
  return c->top == top ? KC_CUR_MOVED : KC_CUR_SCROLLED;
}

enum kc_cur_result kc_cursor_command(struct kc_cursor *c, enum kc_cmd cmd) {
  if (c->scroll_only) return text_command(c, cmd);
  if (c->n == 0) return cmd >= CMD_UP && cmd <= CMD_BOTTOM ? KC_CUR_SAME : KC_CUR_IGNORED;
  size_t last = heading(c, c->n - 1) ? step(c, c->n - 1, -1) : c->n - 1;
  switch (cmd) {
  case CMD_UP: return select_item(c, step(c, c->sel, -1));
  case CMD_DOWN: return select_item(c, step(c, c->sel, 1));
  case CMD_PGUP: return select_item(c, move_by(c, c->sel, -(long)page(c)));
  case CMD_PGDN: return select_item(c, move_by(c, c->sel, (long)page(c)));
  case CMD_TOP: {
    size_t first = heading(c, 0) ? step(c, 0, 1) : 0;
    enum kc_cur_result r = select_item(c, first);
    if (c->top != 0) { /* show the heading above the first item */
      c->top = 0;
      return KC_CUR_SCROLLED;
    }
    return r;
  }
  case CMD_BOTTOM: return select_item(c, last);
  default: return KC_CUR_IGNORED;
  }
}

enum kc_cur_result kc_cursor_wheel(struct kc_cursor *c, int dir) {
  if (c->scroll_only) return scroll_to(c, (long)c->top + 3 * dir);
  if (c->n == 0) return KC_CUR_SAME;
  return select_item(c, move_by(c, c->sel, 3 * dir));
}

long kc_cursor_click(struct kc_cursor *c, int y) {
  size_t end = kc_cursor_end(c);
  int row = c->y0;
  for (size_t i = c->top; i < end; i++) {
    int h = height(c, i);
    if (y >= row && y < row + h) {
      if (heading(c, i) || c->scroll_only) return -1;
      c->sel = i;
      return (long)i;
    }
    row += h;
  }
  return -1;
}
