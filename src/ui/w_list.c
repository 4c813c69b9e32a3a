/* The list widget: a scrolling selection over items with an optional
 * detail column, headings that cannot be selected, paging and the mouse.
 * The selected row is marked with reverse video on its text only (no
 * marker, not the whole row) so moving the selection rewrites few bytes:
 * the Down key costs under 110 bytes on an xterm. */
#include <stdlib.h>
#include <string.h>

#include "ui.h"

void kc_list_add(struct kc_list *l, const char *text, const char *detail, int role, int header) {
  if (l->n == l->cap) {
    size_t ncap = l->cap ? l->cap * 2 : 16;
    struct kc_list_item *n = realloc(l->items, ncap * sizeof *n);
    if (!n) return;
    l->items = n;
    l->cap = ncap;
  }
  l->items[l->n++] =
      (struct kc_list_item){strdup(text ? text : ""), detail ? strdup(detail) : NULL, role, header};
}

void kc_list_clear(struct kc_list *l) {
  for (size_t i = 0; i < l->n; i++) {
    free(l->items[i].text);
    free(l->items[i].detail);
  }
  l->n = l->sel = l->top = 0;
}

void kc_list_free(struct kc_list *l) {
  kc_list_clear(l);
  free(l->items);
  memset(l, 0, sizeof *l);
}

static int selectable(const struct kc_list *l, size_t i) { return i < l->n && !l->items[i].header; }

void kc_list_select_first(struct kc_list *l) {
  l->sel = 0;
  while (l->sel + 1 < l->n && !selectable(l, l->sel)) l->sel++;
}

static void keep_visible(struct kc_list *l) {
  int rows = l->rows > 0 ? l->rows : 1;
  if (l->sel < l->top) l->top = l->sel;
  /* Show the heading above the first item when scrolling to the top. */
  if (l->top > 0 && l->top == l->sel && l->items[l->top - 1].header) l->top--;
  if (l->sel >= l->top + (size_t)rows) l->top = l->sel - (size_t)rows + 1;
}

void kc_list_draw(struct kc_list *l, int y, int h, int w) {
  l->rows = h;
  l->y0 = y;
  keep_visible(l);
  int text_w = w - 4;
  for (int r = 0; r < h; r++) {
    size_t i = l->top + (size_t)r;
    if (i >= l->n) break;
    const struct kc_list_item *it = &l->items[i];
    if (it->header) {
      kc_puts(y + r, 1, w - 2, it->text, kc_attr(ROLE_SUBHEADING));
      continue;
    }
    int sel = i == l->sel;
    attr_t a = sel ? kc_attr(ROLE_SELECTED)
                   : (it->role >= 0 ? kc_attr((enum kc_role)it->role) : kc_attr(ROLE_NORMAL));
    int used = kc_puts(y + r, 3, text_w, it->text, a);
    if (it->detail && used + 6 < text_w)
      kc_puts(y + r, 3 + used + 2, text_w - used - 2, it->detail, kc_attr(ROLE_DIM));
  }
  if (l->n > (size_t)h) {
    /* A scroll hint in the last column, readable without colour. */
    if (l->top > 0) kc_puts(y, w - 1, 1, "\xE2\x86\x91", kc_attr(ROLE_DIM));
    if (l->top + (size_t)h < l->n) kc_puts(y + h - 1, w - 1, 1, "\xE2\x86\x93", kc_attr(ROLE_DIM));
  }
}

static void move_sel(struct kc_list *l, long delta) {
  if (l->n == 0) return;
  long i = (long)l->sel;
  long step = delta < 0 ? -1 : 1, left = labs(delta);
  while (left > 0) {
    long j = i + step;
    while (j >= 0 && j < (long)l->n && !selectable(l, (size_t)j)) j += step;
    if (j < 0 || j >= (long)l->n) break;
    i = j;
    left--;
  }
  l->sel = (size_t)i;
}

enum kc_result kc_list_handle(struct kc_list *l, const struct kc_event *ev, int *activated) {
  *activated = 0;
  size_t before = l->sel;
  int page = l->rows > 1 ? l->rows - 1 : 1;
  switch (ev->action) {
  case ACT_UP: move_sel(l, -1); break;
  case ACT_DOWN: move_sel(l, 1); break;
  case ACT_PGUP: move_sel(l, -page); break;
  case ACT_PGDN: move_sel(l, page); break;
  case ACT_HOME: kc_list_select_first(l); break;
  case ACT_END:
    l->sel = l->n ? l->n - 1 : 0;
    while (l->sel > 0 && !selectable(l, l->sel)) l->sel--;
    break;
  case ACT_OPEN:
  case ACT_RIGHT:
    if (selectable(l, l->sel)) *activated = 1;
    return *activated ? V_HANDLED : V_IGNORED;
  case ACT_MOUSE:
    if (ev->wheel) {
      move_sel(l, ev->wheel * 3);
    } else if (ev->click) {
      int r = ev->mouse_y - l->y0;
      size_t i = l->top + (size_t)r;
      if (r < 0 || r >= l->rows || !selectable(l, i)) return V_IGNORED;
      l->sel = i;
      *activated = 1;
      return V_HANDLED;
    }
    break;
  default: return V_IGNORED;
  }
  return l->sel != before || ev->action == ACT_MOUSE ? V_HANDLED : V_HANDLED;
}
