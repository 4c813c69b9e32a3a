/* Search as you type: ranked titles and snippets with the matches
 * highlighted, each hit three rows tall in the cursor model. The query is
 * run when the screen is drawn, and the loop handles every pending key
 * before drawing, so a paste or fast typing costs one query, not one per
 * character. The query has a visible limit (a longer paste is cut and says
 * so). Any input is safe: the store escapes it. Tab narrows the search to
 * one topic (and on through the topics, then all again). Under the query a
 * line says where it searched, the query as searched when a word was
 * corrected ("Showing results for ..."), and how many results: the best
 * RESULT_LIMIT are shown, and it says when more match. */
#include <stdlib.h>
#include <string.h>

#include "kneecare/text.h"
#include "ui.h"

#define QUERY_MAX_CHARS 200 /* until the content API states its own limit */
#define RESULT_LIMIT 20     /* snippets cost per row: a screenful or two is enough */

struct search {
  struct kc_view base;
  struct kc_line line;
  int stale;                  /* the query changed since the last search */
  struct kc_search_res res;   /* hits and n point into it */
  struct kc_content *content; /* where res came from, to fill rows drawn */
  struct kc_hit *hits;
  size_t n;
  struct kc_cursor cur;
  int w, failed;
  int y0;                  /* the query's row */
  struct kc_topic *topics; /* for the topic filter */
  size_t n_topics;
  long topic; /* index into topics, -1: every topic */
};

static const struct kc_binding search_rows[] = {
    {CMD_DOWN, {KC_KEY(KEY_DOWN), KC_CTRL('N')}, "next result", "select", NULL},
    {CMD_UP, {KC_KEY(KEY_UP), KC_CTRL('P')}, "previous result", NULL, NULL},
    {CMD_PGDN, {KC_KEY(KEY_NPAGE)}, "page down", NULL, NULL},
    {CMD_PGUP, {KC_KEY(KEY_PPAGE)}, "page up", NULL, NULL},
    {CMD_OPEN, {'\r', KC_KEY(KEY_ENTER)}, "open the selected article", "open", NULL},
    {CMD_DELETE,
     {KC_KEY(KEY_BACKSPACE), 127, 8},
     "delete a character (back when empty)",
     NULL,
     NULL},
    {CMD_CLEAR, {KC_CTRL('U')}, "clear the query", "clear", "Ctrl-U"},
    {CMD_NEXT_LINK, {'\t'}, "search in one topic, the next one (then all again)", "topic", NULL},
    {CMD_PREV_LINK, {KC_KEY(KEY_BTAB)}, "search in the previous topic", NULL, NULL},
    {CMD_DELETE_WORD, {KC_CTRL('W')}, "delete the last word", NULL, NULL},
};
const struct kc_keymap kc_keys_search =
    KC_KEYMAP("Search",
              "Letters go into the query; results update as you type, best matches first, with "
              "the matching words marked.",
              search_rows, NULL);

static int hit_height(void *ctx, size_t i) {
  (void)ctx, (void)i;
  return 3;
}

static void run_query(struct search *s, struct kc_ui *ui) {
  kc_search_res_free(&s->res);
  s->hits = NULL;
  s->n = 0;
  s->stale = 0;
  s->failed = 0;
  if (s->line.len) {
    char err[256];
    /* Titles are marked and snippets made only for the rows drawn
     * (draw_hit): each costs a full-text lookup. */
    const char *topic = s->topic >= 0 ? s->topics[s->topic].id : NULL;
    struct kc_search_req req = {s->line.buf, topic, RESULT_LIMIT, 0, 1};
    s->content = kc_app_content(ui->app);
    s->failed = kc_content_find(s->content, &req, &s->res, err, sizeof err) < 0;
    s->hits = s->res.hits;
    s->n = s->res.n;
    if (s->failed) kc_ui_message(ui, ROLE_WARNING, "%s", err);
  }
  s->cur.sel = s->cur.top = 0;
  kc_cursor_set(&s->cur, s->n);
}

static void draw_counter(struct search *s, int y) {
  char count[48] = "";
  if (s->n)
    snprintf(count, sizeof count, "%zu of %zu%s", s->cur.sel + 1, s->n, s->res.more ? "+" : "");
  kc_fill(y, s->w - 14, 13, kc_attr(ROLE_NORMAL));
  kc_puts(y, s->w - (int)strlen(count) - 1, (int)strlen(count), count, kc_attr(ROLE_DIM));
}

static void draw_hit(struct search *s, size_t i, int row) {
  kc_content_find_snippets(s->content, &s->res, i, i + 1);
  int sel = i == s->cur.sel;
  kc_fill(row, 1, s->w - 2, kc_attr(ROLE_NORMAL));
  if (sel) kc_puts(row, 1, 2, kc_glyph(G_POINTER), kc_attr(ROLE_BULLET));
  kc_put_marked_text(row, 3, s->w - 5, s->hits[i].title,
                     sel ? kc_attr(ROLE_SELECTED) | A_BOLD : kc_attr(ROLE_STRONG));
}

/* Where it searched, the corrected query, how many: wrapped whole under
 * the query. Returns the rows used. */
static int draw_info(struct search *s, int y, int h, int w) {
  struct kc_strbuf b = {0};
  if (s->topic >= 0)
    kc_strbuf_printf(&b, "In: %s (Tab: next)", s->topics[s->topic].title);
  else
    kc_strbuf_put(&b, "In every topic (Tab: one topic)");
  if (s->line.len && s->res.showing_for)
    kc_strbuf_printf(&b, "  %s  Showing results for \"%s\"", kc_glyph(G_DOT), s->res.showing_for);
  if (s->line.len && s->n)
    kc_strbuf_printf(&b,
                     s->res.more ? "  %s  The best %zu shown; more match" : "  %s  %zu result%s",
                     kc_glyph(G_DOT), s->n, s->n == 1 ? "" : "s");
  int rows = kc_wrapped_rows(kc_strbuf_str(&b), w - 4);
  if (rows > 3) rows = 3;
  if (rows > h) rows = h;
  kc_put_wrapped(y, 2, rows, w - 4, kc_strbuf_str(&b), kc_attr(ROLE_DIM));
  kc_strbuf_free(&b);
  return rows;
}

static void search_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  struct search *s = (struct search *)v;
  if (s->stale) run_query(s, ui);
  s->w = w;
  s->y0 = y;
  kc_puts(y, 1, 8, "Search:", kc_attr(ROLE_STRONG));
  kc_line_draw(&s->line, y, 9, w - 9 - 15); /* the counter has its own place */
  int info = draw_info(s, y + 1, h - 2, w), gap = h >= 16;
  y += info + gap;
  h -= info + gap;
  kc_cursor_layout(&s->cur, y + 1, h - 1 < 1 ? 1 : h - 1);
  if (s->line.len == 0) {
    kc_put_wrapped(y + 1, 2, h - 1, w - 4,
                   "Type to search every article (titles count most). Results update as you type; "
                   "Enter opens the selected one, Esc goes back.",
                   kc_attr(ROLE_SAFETY));
    return;
  }
  if (s->n == 0) {
    kc_puts(y + 1, 2, w - 4, s->failed ? "Search is not available right now." : "No matches.",
            kc_attr(ROLE_SAFETY));
    return;
  }
  size_t end = kc_cursor_end(&s->cur);
  for (size_t i = s->cur.top; i < end; i++) {
    int row = kc_cursor_row(&s->cur, i);
    draw_hit(s, i, row);
    kc_put_marked_text(row + 1, 5, w - 7, s->hits[i].snippet, kc_attr(ROLE_NORMAL));
  }
  draw_counter(s, s->y0);
}

static int search_text(struct kc_view *v, struct kc_ui *ui, wint_t ch) {
  (void)ui;
  struct search *s = (struct search *)v;
  if (kc_line_insert(&s->line, ch) == KC_LINE_CHANGED) s->stale = 1;
  return 1;
}

static enum kc_result move_sel(struct search *s, enum kc_cmd cmd, const struct kc_event *ev) {
  size_t before = s->cur.sel;
  enum kc_cur_result r = cmd == CMD_MOUSE_EVENT ? kc_cursor_wheel(&s->cur, ev->wheel)
                                                : kc_cursor_command(&s->cur, cmd);
  if (r != KC_CUR_MOVED || s->stale || s->w <= 0) return V_HANDLED;
  /* Only the pointer, two titles and the counter change. */
  draw_hit(s, before, kc_cursor_row(&s->cur, before));
  draw_hit(s, s->cur.sel, kc_cursor_row(&s->cur, s->cur.sel));
  draw_counter(s, s->y0);
  return V_DREW;
}

static enum kc_result edit(struct search *s, enum kc_cmd cmd, const struct kc_event *ev) {
  if (cmd == CMD_DELETE && s->line.len == 0) return V_POP;
  if (kc_line_key(&s->line, ev) == KC_LINE_CHANGED) s->stale = 1;
  return V_HANDLED;
}

static enum kc_result search_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                     const struct kc_event *ev) {
  struct search *s = (struct search *)v;
  switch (cmd) {
  case CMD_OPEN:
    if (s->stale) run_query(s, ui);
    if (s->cur.sel < s->n) kc_ui_push(ui, kc_reader_new(ui, s->hits[s->cur.sel].id));
    return V_HANDLED;
  case CMD_DELETE:
  case CMD_CLEAR:
  case CMD_DELETE_WORD: return edit(s, cmd, ev);
  case CMD_NEXT_LINK:
  case CMD_PREV_LINK: {
    long n = (long)s->n_topics + 1; /* every topic, then each one */
    s->topic = ((s->topic + 1 + (cmd == CMD_NEXT_LINK ? 1 : n - 1)) % n) - 1;
    s->stale = 1;
    return V_HANDLED;
  }
  case CMD_MOUSE_EVENT:
    if (ev->wheel) return move_sel(s, cmd, ev);
    if (ev->click && kc_cursor_click(&s->cur, ev->mouse_y) >= 0 && s->cur.sel < s->n)
      kc_ui_push(ui, kc_reader_new(ui, s->hits[s->cur.sel].id));
    return V_HANDLED;
  case CMD_UP:
  case CMD_DOWN:
  case CMD_PGUP:
  case CMD_PGDN:
  case CMD_TOP:
  case CMD_BOTTOM: return move_sel(s, cmd, ev);
  default: return V_IGNORED;
  }
}

static int search_enabled(struct kc_view *v, enum kc_cmd cmd) {
  struct search *s = (struct search *)v;
  if (cmd == CMD_CLEAR) return s->line.len > 0;
  if (cmd == CMD_OPEN || cmd == CMD_DOWN) return s->n > 0;
  return 1;
}

static const char *search_title(struct kc_view *v) {
  (void)v;
  return "Search";
}

static void search_destroy(struct kc_view *v) {
  struct search *s = (struct search *)v;
  kc_search_res_free(&s->res);
  kc_topics_free(s->topics, s->n_topics);
  free(s);
}

static const struct kc_view_ops search_ops = {.draw = search_draw,
                                              .keys = &kc_keys_search,
                                              .command = search_command,
                                              .enabled = search_enabled,
                                              .text = search_text,
                                              .destroy = search_destroy,
                                              .title = search_title};

struct kc_view *kc_search_new(struct kc_ui *ui) {
  struct search *s = kc_xcalloc(1, sizeof *s);
  s->topic = -1;
  if (kc_app_topics(ui->app, &s->topics, &s->n_topics) != 0) {
    s->topics = NULL;
    s->n_topics = 0;
  }
  s->base.ops = &search_ops;
  kc_line_set(&s->line, NULL, QUERY_MAX_CHARS);
  s->cur.height = hit_height;
  return &s->base;
}
