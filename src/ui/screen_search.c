/* Search as you type: each keystroke re-runs the FTS5 query (the last word
 * as a prefix) and shows ranked titles and snippets with the matches
 * highlighted. Any input is safe: the store escapes it. */
#include <stdlib.h>
#include <string.h>

#include "kneecare/text.h"
#include "ui.h"

#define QUERY_MAX 4096  /* bytes: over 1,000 characters of any script */
#define RESULT_LIMIT 20 /* snippets cost per row: a screenful or two is enough */

struct search {
  struct kc_view base;
  char query[QUERY_MAX];
  size_t len;
  struct kc_search_res res; /* hits and n point into it */
  struct kc_hit *hits;
  size_t n, sel, top;
  int rows_per_page, y0;
  int failed;
};

static void run_query(struct search *s, struct kc_ui *ui) {
  kc_search_res_free(&s->res);
  s->sel = s->top = 0;
  char err[256];
  /* Snippets cost ~80 us each: made for the rows on screen, the rest when
   * scrolled into view (search_draw). */
  struct kc_search_req req = {s->query, NULL, RESULT_LIMIT,
                              s->rows_per_page > 0 ? s->rows_per_page : 8, 1};
  s->failed = kc_content_find(kc_app_content(ui->app), &req, &s->res, err, sizeof err) < 0;
  s->hits = s->res.hits;
  s->n = s->res.n;
  if (s->failed) kc_ui_message(ui, ROLE_WARNING, "%s", err);
}

static void search_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  struct search *s = (struct search *)v;
  kc_puts(y, 1, 8, "Search:", kc_attr(ROLE_STRONG));
  /* Show the end of a long query, where the typing happens. */
  const char *q = s->query;
  size_t cols = kc_text_width(q, s->len), avail = (size_t)(w - 12);
  while (cols > avail && *q) {
    uint32_t cp;
    size_t n = kc_utf8_decode(q, strlen(q), &cp);
    cols -= (size_t)kc_cp_width(cp);
    q += n;
  }
  kc_fill(y, 9, w - 10, kc_attr(ROLE_INPUT));
  int used = kc_puts(y, 9, w - 11, q, kc_attr(ROLE_INPUT));
  kc_puts(y, 9 + used, 1, "_", kc_attr(ROLE_INPUT) | A_BLINK);

  s->y0 = y + 2;
  s->rows_per_page = (h - 2) / 3;
  if (s->rows_per_page < 1) s->rows_per_page = 1;
  if (s->len == 0) {
    kc_put_wrapped(y + 2, 2, h - 2, w - 4,
                   "Type to search every article (titles count most). Results update as you type; "
                   "Enter opens the selected one, Esc goes back.",
                   kc_attr(ROLE_DIM));
    return;
  }
  if (s->n == 0) {
    kc_puts(y + 2, 2, w - 4, s->failed ? "Search is not available right now." : "No matches.",
            kc_attr(ROLE_DIM));
    return;
  }
  if (s->sel < s->top) s->top = s->sel;
  if (s->sel >= s->top + (size_t)s->rows_per_page) s->top = s->sel - (size_t)s->rows_per_page + 1;
  kc_content_find_snippets(kc_app_content(ui->app), &s->res, s->top,
                           s->top + (size_t)s->rows_per_page);
  for (int k = 0; k < s->rows_per_page; k++) {
    size_t i = s->top + (size_t)k;
    if (i >= s->n) break;
    int row = s->y0 + k * 3;
    int sel = i == s->sel;
    if (sel) kc_puts(row, 1, 2, "\xE2\x96\xB8", kc_attr(ROLE_BULLET));
    kc_put_marked_text(row, 3, w - 5, s->hits[i].title,
                       sel ? kc_attr(ROLE_SELECTED) | A_BOLD : kc_attr(ROLE_STRONG));
    kc_put_marked_text(row + 1, 5, w - 7, s->hits[i].snippet, kc_attr(ROLE_DIM));
  }
  char count[48];
  snprintf(count, sizeof count, "%zu of %zu%s", s->sel + 1, s->n, s->n == RESULT_LIMIT ? "+" : "");
  kc_puts(y, w - (int)strlen(count) - 1, (int)strlen(count), count, kc_attr(ROLE_DIM));
}

static void erase_char(struct search *s) {
  if (s->len == 0) return;
  size_t i = s->len - 1;
  while (i > 0 && ((unsigned char)s->query[i] & 0xC0) == 0x80) i--;
  s->len = i;
  s->query[i] = '\0';
}

static enum kc_result search_handle(struct kc_view *v, struct kc_ui *ui,
                                    const struct kc_event *ev) {
  struct search *s = (struct search *)v;
  if (!ev->is_key && ev->action != ACT_MOUSE) {
    wint_t c = ev->ch;
    if (c == 27) return V_POP;
    if (c == '\r' || c == '\n') {
      if (s->sel < s->n) kc_ui_push(ui, kc_reader_new(ui, s->hits[s->sel].id));
      return V_HANDLED;
    }
    if (c == 127 || c == 8) {
      if (s->len == 0) return V_POP;
      erase_char(s);
    } else if (c == 21) { /* Ctrl-U: clear */
      s->len = 0;
      s->query[0] = '\0';
    } else if (c == 23) { /* Ctrl-W: delete a word */
      while (s->len && s->query[s->len - 1] == ' ') erase_char(s);
      while (s->len && s->query[s->len - 1] != ' ') erase_char(s);
    } else if (c == 12) {
      return V_IGNORED;              /* Ctrl-L redraw */
    } else if (c == 14 || c == 16) { /* Ctrl-N / Ctrl-P */
      if (c == 14 && s->sel + 1 < s->n) s->sel++;
      if (c == 16 && s->sel > 0) s->sel--;
      return V_HANDLED;
    } else if (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0)) {
      char enc[4];
      size_t m = kc_utf8_encode((uint32_t)c, enc);
      if (kc_cp_is_unsafe((uint32_t)c) || s->len + m >= QUERY_MAX) return V_HANDLED;
      memcpy(s->query + s->len, enc, m);
      s->len += m;
      s->query[s->len] = '\0';
    } else {
      return V_HANDLED;
    }
    run_query(s, ui);
    return V_HANDLED;
  }
  switch (ev->action) {
  case ACT_UP:
    if (s->sel > 0) s->sel--;
    return V_HANDLED;
  case ACT_DOWN:
    if (s->sel + 1 < s->n) s->sel++;
    return V_HANDLED;
  case ACT_PGUP:
    s->sel = s->sel > (size_t)s->rows_per_page ? s->sel - (size_t)s->rows_per_page : 0;
    return V_HANDLED;
  case ACT_PGDN:
    s->sel += (size_t)s->rows_per_page;
    if (s->sel >= s->n) s->sel = s->n ? s->n - 1 : 0;
    return V_HANDLED;
  case ACT_HOME: s->sel = 0; return V_HANDLED;
  case ACT_END: s->sel = s->n ? s->n - 1 : 0; return V_HANDLED;
  case ACT_OPEN:
  case ACT_RIGHT:
    if (s->sel < s->n) kc_ui_push(ui, kc_reader_new(ui, s->hits[s->sel].id));
    return V_HANDLED;
  case ACT_BACK:
    if (ev->ch == KEY_BACKSPACE && s->len) {
      erase_char(s);
      run_query(s, ui);
      return V_HANDLED;
    }
    return V_POP;
  case ACT_LEFT: return V_POP;
  case ACT_MOUSE:
    if (ev->wheel) {
      if (ev->wheel < 0 && s->sel > 0) s->sel--;
      if (ev->wheel > 0 && s->sel + 1 < s->n) s->sel++;
    } else if (ev->click) {
      int k = (ev->mouse_y - s->y0) / 3;
      size_t i = s->top + (size_t)k;
      if (ev->mouse_y >= s->y0 && k < s->rows_per_page && i < s->n) {
        s->sel = i;
        kc_ui_push(ui, kc_reader_new(ui, s->hits[i].id));
      }
    }
    return V_HANDLED;
  default: return V_HANDLED; /* function keys do nothing here */
  }
}

static const char *search_title(struct kc_view *v) {
  (void)v;
  return "Search";
}

static const char *search_hints(struct kc_view *v) {
  (void)v;
  return "type to search  \xE2\x86\x91\xE2\x86\x93 select  Enter open  Ctrl-U clear  Esc back";
}

static void search_destroy(struct kc_view *v) {
  struct search *s = (struct search *)v;
  kc_search_res_free(&s->res);
  free(s);
}

static const struct kc_view_ops search_ops = {.name = "search",
                                              .draw = search_draw,
                                              .handle = search_handle,
                                              .destroy = search_destroy,
                                              .title = search_title,
                                              .hints = search_hints};

struct kc_view *kc_search_new(struct kc_ui *ui) {
  (void)ui;
  struct search *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->base.ops = &search_ops;
  return &s->base;
}
