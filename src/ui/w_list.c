/* The list widget: items with an optional detail column and headings the
 * selection skips, moved by the cursor model. An item too long for the
 * width wraps onto more rows (nothing is cut); a detail is shown only when
 * it fits whole beside its item. The selected row is marked with reverse
 * video on its text only (no marker, not the whole row), and when only the
 * selection moves the list redraws just the items that lose and gain it
 * (V_DREW): a Down key costs about 75 bytes and a few hundred thousand
 * fewer instructions than a full redraw. */
#include <stdlib.h>
#include <string.h>

#include "kneecare/text.h"
#include "ui.h"

static int is_heading(void *ctx, size_t i) {
  const struct kc_list *l = ctx;
  return i < l->n && l->items[i].header;
}

static int text_cols(const struct kc_list *l) { return l->w > 6 ? l->w - 5 : 1; }

static int item_rows(void *ctx, size_t i) {
  const struct kc_list *l = ctx;
  return l->heights && i < l->heights_n ? l->heights[i] : 1;
}

/* Wraps each item once per width (and when items change). */
static void measure(struct kc_list *l) {
  if (l->heights && l->heights_w == l->w && l->heights_n == l->n) return;
  free(l->heights);
  l->heights = kc_xcalloc(l->n ? l->n : 1, 1);
  for (size_t i = 0; i < l->n; i++) {
    int r = kc_wrapped_rows(l->items[i].text, l->items[i].header ? l->w - 2 : text_cols(l));
    l->heights[i] = (unsigned char)(r < 1 ? 1 : r > 9 ? 9 : r);
  }
  l->heights_w = l->w;
  l->heights_n = l->n;
}

static void bind(struct kc_list *l) {
  l->cur.ctx = l;
  l->cur.heading = is_heading;
  l->cur.height = item_rows;
}

void kc_list_add(struct kc_list *l, const char *text, const char *detail, int role, int header) {
  KC_GROW(l->items, l->cap, l->n + 1);
  l->items[l->n++] = (struct kc_list_item){kc_xstrdup(text ? text : ""),
                                           detail ? kc_xstrdup(detail) : NULL, role, header};
  bind(l);
  kc_cursor_set(&l->cur, l->n);
  l->sel = l->cur.sel;
}

void kc_list_clear(struct kc_list *l) {
  for (size_t i = 0; i < l->n; i++) {
    free(l->items[i].text);
    free(l->items[i].detail);
  }
  l->n = l->sel = l->top = 0;
  l->heights_n = (size_t)-1; /* measure again */
  kc_cursor_set(&l->cur, 0);
}

void kc_list_free(struct kc_list *l) {
  kc_list_clear(l);
  free(l->items);
  free(l->heights);
  memset(l, 0, sizeof *l);
}

void kc_list_select_first(struct kc_list *l) {
  bind(l);
  kc_cursor_first(&l->cur);
  l->sel = l->cur.sel;
  l->top = l->cur.top;
}

static void draw_row(const struct kc_list *l, size_t i, int y) {
  const struct kc_list_item *it = &l->items[i];
  int w = l->w, bottom = l->cur.y0 + l->cur.rows;
  if (it->header) {
    kc_put_wrapped(y, 1, bottom - y, w - 2, it->text, kc_attr(ROLE_SUBHEADING));
    return;
  }
  int text_w = text_cols(l);
  attr_t a = i == l->cur.sel ? kc_attr(ROLE_SELECTED)
             : it->role >= 0 ? kc_attr((enum kc_role)it->role)
                             : kc_attr(ROLE_NORMAL);
  size_t len = strlen(it->text);
  int one_row = (int)kc_text_width(it->text, len) <= text_w;
  if (!one_row) { /* wrapped whole; the detail would not fit beside it */
    kc_put_wrapped(y, 3, bottom - y, text_w, it->text, a);
    return;
  }
  int used = kc_puts(y, 3, text_w, it->text, a);
  if (it->detail && used + 2 + (int)kc_text_width(it->detail, strlen(it->detail)) <= text_w)
    kc_puts(y, 3 + used + 2, text_w - used - 2, it->detail, kc_attr(ROLE_DIM));
}

void kc_list_draw(struct kc_list *l, int y, int h, int w) {
  bind(l);
  l->w = w;
  measure(l);
  l->cur.sel = l->sel; /* a screen may have set sel directly */
  kc_cursor_set(&l->cur, l->n);
  kc_cursor_layout(&l->cur, y, h);
  size_t end = kc_cursor_end(&l->cur);
  for (size_t i = l->cur.top; i < end; i++) draw_row(l, i, kc_cursor_row(&l->cur, i));
  l->sel = l->cur.sel;
  l->top = l->cur.top;
  if (l->cur.top > 0 || end < l->n) {
    /* Scroll hints in the margin column, never over text. */
    if (l->cur.top > 0) kc_puts(y, w - 1, 1, kc_glyph(G_UP), kc_attr(ROLE_DIM));
    if (end < l->n) kc_puts(y + h - 1, w - 1, 1, kc_glyph(G_DOWN), kc_attr(ROLE_DIM));
  }
}

/* Redraws rows `a` and `b` in place (the selection moved within the view). */
static void redraw_two(struct kc_list *l, size_t a, size_t b) {
  size_t rows[2] = {a, b};
  for (int k = 0; k < 2; k++) {
    int y = kc_cursor_row(&l->cur, rows[k]);
    if (y < 0) continue;
    for (int r = 0; r < item_rows(l, rows[k]); r++)
      kc_fill(y + r, 3, l->w - 4, kc_attr(ROLE_NORMAL));
    draw_row(l, rows[k], y);
  }
}

enum kc_result kc_list_command(struct kc_list *l, enum kc_cmd cmd, const struct kc_event *ev,
                               int *activated) {
  *activated = 0;
  bind(l);
  l->cur.sel = l->sel;
  size_t before = l->cur.sel;
  enum kc_cur_result r = KC_CUR_IGNORED;
  if (cmd == CMD_OPEN) {
    *activated = l->n > 0 && !is_heading(l, l->cur.sel);
    return *activated ? V_HANDLED : V_IGNORED;
  }
  if (cmd == CMD_MOUSE_EVENT && ev) {
    if (ev->wheel) {
      r = kc_cursor_wheel(&l->cur, ev->wheel);
    } else if (ev->click) {
      if (kc_cursor_click(&l->cur, ev->mouse_y) < 0) return V_IGNORED;
      l->sel = l->cur.sel;
      *activated = 1;
      return V_HANDLED;
    }
  } else {
    r = kc_cursor_command(&l->cur, cmd);
  }
  l->sel = l->cur.sel;
  l->top = l->cur.top;
  switch (r) {
  case KC_CUR_IGNORED: return V_IGNORED;
  case KC_CUR_SAME: return V_HANDLED;
  case KC_CUR_MOVED:
    if (l->w <= 0) return V_HANDLED;
    redraw_two(l, before, l->cur.sel);
    return V_DREW;
  case KC_CUR_SCROLLED: return V_HANDLED;
  }
  return V_HANDLED;
}
