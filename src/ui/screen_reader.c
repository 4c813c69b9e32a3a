/* The article reader: the body rendered by core/markup at a reading width
 * (a comfortable measure, centred; w changes it and it is remembered), then
 * related articles and sources. Scrolls by line and page through the cursor
 * model; Tab selects links, Enter follows one (a new reader on the stack, so
 * Back returns to the same place). / finds in the article as in less (n and
 * N for the next and previous match, matches highlighted); s searches every
 * article. The position is shown on its own row, never over text. Also the
 * page of help, notices and the result (kc_reader_new_text). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kneecare/markup.h"
#include "kneecare/report.h"
#include "kneecare/text.h"
#include "ui.h"

#define DEFAULT_WIDTH 72

struct match {
  size_t line;
  uint32_t off, len;
};

struct reader {
  struct kc_view base;
  struct kc_article art;
  char *source; /* body + related + sources, as Markdown */
  char *saved;  /* a page's Markdown as `e` saves it (its own heading kept), or NULL */
  struct kc_mdoc doc;
  int doc_width, x0;
  struct kc_cursor cur; /* scrolling: cur.top is the first body line shown */
  long sel_link;
  char find[128];
  struct match *matches;
  size_t n_matches, cap_matches, at_match;
  struct kc_ui *ui;
  char article_id[80]; /* an article (its place and bookmark are kept), or "" */
  char what[80];       /* the file name's part when it can be saved ("report"), or "" */
  int restore;         /* thousandths of the way down to open at, or -1 */
};

static const struct kc_binding reader_rows[] = {
    {CMD_NEXT_LINK, {'\t'}, "select the next link", "link", NULL},
    {CMD_PREV_LINK, {KC_KEY(KEY_BTAB)}, "select the previous link", NULL, NULL},
    {CMD_OPEN, {KC_ENTER, KC_KEY(KEY_RIGHT), 'l'}, "follow the selected link", "follow", NULL},
    {CMD_FIND, {'/'}, "find in this article", "find", NULL},
    {CMD_FIND_NEXT, {'n'}, "next match", "next", NULL},
    {CMD_FIND_PREV, {'N'}, "previous match", NULL, NULL},
    {CMD_SEARCH_ALL, {'s'}, "search every article", "search all", NULL},
    {CMD_WIDTH, {'w'}, "text width: 72, 88, the window's or 60 columns (remembered)", NULL, NULL},
    {CMD_BOOKMARK, {'B'}, "bookmark this article (again: remove the bookmark)", "bookmark", NULL},
    {CMD_EXPORT,
     {'e'},
     "save this page as a Markdown file in your home folder (the path is shown)",
     "save",
     NULL},
};
const struct kc_keymap kc_keys_reader =
    KC_KEYMAP("Article",
              "Related articles and sources are at the end; the position is shown at the "
              "bottom right. Help and results are read the same way.",
              reader_rows, &kc_keys_scroll);

static const struct kc_binding notice_rows[] = {
    {CMD_OPEN, {KC_ENTER}, "continue to the guide", "continue", NULL},
};
static const struct kc_keymap kc_keys_notice =
    KC_KEYMAP("Safety notice", NULL, notice_rows, &kc_keys_reader);

/* The summary opens the page (it scrolls with the text, so a small
 * terminal keeps every row for reading and nothing is left out). */
static void put_summary(struct kc_strbuf *b, const char *summary) {
  if (!summary || !*summary) return;
  kc_strbuf_put(b, "*");
  kc_strbuf_put_md(b, summary);
  kc_strbuf_put(b, "*\n\n");
}

static char *compose(const struct kc_article *a) {
  struct kc_strbuf b = {0};
  put_summary(&b, a->summary);
  kc_strbuf_put(&b, a->body);
  if (a->n_related) {
    kc_strbuf_put(&b, "\n\n## Related articles\n\n");
    for (size_t i = 0; i < a->n_related; i++) {
      kc_strbuf_put(&b, "- [");
      kc_strbuf_put_md(&b, a->related[i].title);
      kc_strbuf_printf(&b, "](%s)\n", a->related[i].id); /* ids are [a-z0-9-] */
    }
  }
  if (a->n_sources) {
    kc_strbuf_put(&b, "\n\n## Sources\n\n");
    for (size_t i = 0; i < a->n_sources; i++) {
      kc_strbuf_put(&b, "- ");
      kc_strbuf_put_md(&b, a->sources[i]);
      kc_strbuf_put(&b, "\n");
    }
  }
  return kc_strbuf_take(&b);
}

static void find_all(struct reader *r) {
  r->n_matches = 0;
  size_t fl = strlen(r->find);
  if (!fl) return;
  for (size_t i = 0; i < r->doc.n_lines; i++) {
    const struct kc_mline *l = &r->doc.lines[i];
    const char *t = r->doc.text + l->text_off;
    for (size_t o = 0; o + fl <= l->text_len; o++) {
      if (strncasecmp(t + o, r->find, fl) != 0) continue;
      KC_GROW(r->matches, r->cap_matches, r->n_matches + 1);
      r->matches[r->n_matches++] = (struct match){i, (uint32_t)o, (uint32_t)fl};
      o += fl - 1;
    }
  }
}

static void layout(struct reader *r, int width) {
  if (r->doc_width == width) return;
  size_t old_n = r->doc.n_lines, old_top = r->cur.top;
  kc_mdoc_free(&r->doc);
  if (kc_markup_render(r->source, strlen(r->source), width, &r->doc) != 0)
    memset(&r->doc, 0, sizeof r->doc);
  r->doc_width = width;
  r->cur.scroll_only = 1;
  kc_cursor_set(&r->cur, r->doc.n_lines);
  /* Keep the same place in the text: the same fraction of the way down. */
  if (old_n) r->cur.top = (size_t)((double)old_top * (double)r->doc.n_lines / (double)old_n + 0.5);
  if (!old_n && r->restore > 0) /* where it was left, at any width */
    r->cur.top = (size_t)((double)r->restore * (double)r->doc.n_lines / KC_READING_END + 0.5);
  r->restore = -1;
  r->sel_link = -1;
  find_all(r);
}

static attr_t seg_attr(const struct reader *r, const struct kc_seg *g) {
  if (g->link >= 0 && g->link == r->sel_link) return kc_attr(ROLE_LINK_SELECTED);
  attr_t a = kc_attr(ROLE_NORMAL);
  if (g->style & KC_S_H2)
    a = kc_attr(ROLE_HEADING);
  else if (g->style & KC_S_H3)
    a = kc_attr(ROLE_SUBHEADING);
  else if (g->style & KC_S_BULLET)
    a = kc_attr(ROLE_BULLET);
  if (g->style & KC_S_LINK) a = kc_attr(ROLE_LINK);
  if (g->style & KC_S_STRONG) a |= kc_attr(ROLE_STRONG);
  if (g->style & KC_S_EM) a |= kc_attr(ROLE_EMPH);
  return a;
}

static void draw_line(struct reader *r, size_t i, int y) {
  const struct kc_mline *l = &r->doc.lines[i];
  const char *text = r->doc.text + l->text_off;
  int x = r->x0 + l->indent, end = r->x0 + r->doc_width;
  for (uint16_t s = 0; s < l->nseg; s++) {
    const struct kc_seg *g = &r->doc.segs[l->seg_off + s];
    x += kc_put(y, x, end - x, text + g->off, g->len, seg_attr(r, g));
  }
  for (size_t m = 0; m < r->n_matches; m++) { /* highlight matches over the text */
    const struct match *k = &r->matches[m];
    if (k->line != i) continue;
    int mx = r->x0 + l->indent + (int)kc_text_width(text, k->off);
    attr_t a = kc_attr(ROLE_MATCH) | (m == r->at_match ? A_REVERSE : 0);
    kc_put(y, mx, end - mx, text + k->off, k->len, a);
  }
}

/* The row under the text: what find found, and the position. */
static void draw_footer(struct reader *r, int y, int w) {
  char pos[48], left[200] = "";
  size_t rows = (size_t)r->cur.rows, n = r->doc.n_lines;
  size_t last = r->cur.top + rows < n ? r->cur.top + rows : n;
  if (n <= rows)
    snprintf(pos, sizeof pos, " all ");
  else if (r->cur.top == 0)
    snprintf(pos, sizeof pos, " top %zu%% ", last * 100 / n);
  else
    snprintf(pos, sizeof pos, " %zu%% ", last * 100 / n);
  if (r->find[0] && r->n_matches)
    snprintf(left, sizeof left, "\"%s\": match %zu of %zu (n next, N previous)", r->find,
             r->at_match + 1, r->n_matches);
  else if (r->find[0])
    snprintf(left, sizeof left, "\"%s\" is not in this article", r->find);
  int pw = (int)strlen(pos);
  if (left[0]) kc_puts(y, r->x0, w - r->x0 - pw - 2, left, kc_attr(ROLE_DIM));
  kc_puts(y, w - pw - 1, pw, pos, kc_attr(ROLE_DIM) | A_REVERSE);
}

static int text_width(const struct kc_ui *ui, int w) {
  int avail = w - 4 < 1 ? 1 : w - 4;
  int want = ui->reading_width == 0 ? DEFAULT_WIDTH : ui->reading_width;
  return want < 0 || want > avail ? avail : want;
}

static void reader_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  struct reader *r = (struct reader *)v;
  int width = text_width(ui, w);
  r->x0 = (w - width) / 2; /* centred: the measure stays comfortable on wide screens */
  layout(r, width);
  int head = kc_put_wrapped(y, r->x0, 3, width, r->art.title, kc_attr(ROLE_HEADING) | A_BOLD);
  int rows = h - head - 2; /* a blank row above, the footer below */
  kc_cursor_layout(&r->cur, y + head + 1, rows < 1 ? 1 : rows);
  for (int row = 0; row < r->cur.rows; row++) {
    size_t i = r->cur.top + (size_t)row;
    if (i >= r->doc.n_lines) break;
    draw_line(r, i, r->cur.y0 + row);
  }
  draw_footer(r, y + h - 1, w);
}

static int link_visible(const struct reader *r, long k) {
  size_t line = r->doc.link_line[k];
  return line != (size_t)-1 && line >= r->cur.top && line < r->cur.top + (size_t)r->cur.rows;
}

/* The first (dir > 0) or last visible link, or -1. */
static long edge_visible_link(const struct reader *r, int dir) {
  long n = (long)r->doc.n_links;
  for (long j = 0; j < n; j++) {
    long k = dir > 0 ? j : n - 1 - j;
    if (link_visible(r, k)) return k;
  }
  return -1;
}

/* Tab / Shift-Tab: the next link after the selected one (or from the top of
 * the view), scrolling to it if it is below. */
static void step_link(struct reader *r, int dir) {
  long n = (long)r->doc.n_links, k = r->sel_link;
  if (n == 0) return;
  if (k < 0 || !link_visible(r, k)) {
    long e = edge_visible_link(r, dir);
    k = e >= 0 ? e - dir : (dir > 0 ? -1 : n);
  }
  k += dir;
  if (k < 0 || k >= n || r->doc.link_line[k] == (size_t)-1) return;
  r->sel_link = k;
  size_t line = r->doc.link_line[k];
  if (line < r->cur.top) r->cur.top = line;
  if (line >= r->cur.top + (size_t)r->cur.rows) r->cur.top = line - (size_t)r->cur.rows + 1;
}

static void follow(struct kc_ui *ui, const char *target) {
  struct kc_article probe;
  if (kc_content_article(kc_app_content(ui->app), target, &probe) == 1) {
    kc_article_free(&probe);
    kc_ui_push(ui, kc_reader_new(ui, target));
  } else {
    kc_ui_message(ui, ROLE_WARNING, "That link does not lead to an article in this guide");
  }
}

static long link_at(const struct reader *r, int y, int x) {
  int row = y - r->cur.y0;
  if (row < 0 || row >= r->cur.rows) return -1;
  size_t i = r->cur.top + (size_t)row;
  if (i >= r->doc.n_lines) return -1;
  const struct kc_mline *l = &r->doc.lines[i];
  int cx = r->x0 + l->indent;
  for (uint16_t s = 0; s < l->nseg; s++) {
    const struct kc_seg *g = &r->doc.segs[l->seg_off + s];
    int gw = (int)kc_text_width(r->doc.text + l->text_off + g->off, g->len);
    if (x >= cx && x < cx + gw) return g->link;
    cx += gw;
  }
  return -1;
}

static void show_match(struct reader *r, struct kc_ui *ui) {
  if (!r->n_matches) {
    kc_ui_message(ui, ROLE_WARNING, "\"%s\" is not in this article", r->find);
    return;
  }
  size_t line = r->matches[r->at_match].line;
  if (line < r->cur.top || line >= r->cur.top + (size_t)r->cur.rows)
    r->cur.top = line > 2 ? line - 2 : 0;
  size_t mt = kc_cursor_max_top(&r->cur);
  if (r->cur.top > mt) r->cur.top = mt;
}

static int find_done(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  struct reader *r = (struct reader *)v;
  if (!yes) return 0;
  snprintf(r->find, sizeof r->find, "%s", text);
  find_all(r);
  r->at_match = 0; /* the first match at or after the top */
  while (r->at_match + 1 < r->n_matches && r->matches[r->at_match].line < r->cur.top) r->at_match++;
  if (r->find[0]) show_match(r, ui);
  return 0;
}

static void step_match(struct reader *r, struct kc_ui *ui, int dir) {
  if (!r->find[0]) {
    kc_ui_message(ui, ROLE_NORMAL, "Press / to find words in this article");
    return;
  }
  if (r->n_matches)
    r->at_match =
        (r->at_match + r->n_matches + (size_t)(dir > 0 ? 1 : r->n_matches - 1)) % r->n_matches;
  show_match(r, ui);
}

static void cycle_width(struct kc_ui *ui) {
  static const int widths[] = {DEFAULT_WIDTH, 88, -1, 60};
  int cur = ui->reading_width == 0 ? DEFAULT_WIDTH : ui->reading_width, k = 0;
  for (int i = 0; i < 4; i++)
    if (widths[i] == cur) k = (i + 1) % 4;
  ui->reading_width = widths[k];
  char val[16], err[8];
  snprintf(val, sizeof val, "%d", ui->reading_width);
  struct kc_userdb *udb = ui->app->user_state == 1 ? kc_app_user(ui->app, err, sizeof err) : NULL;
  if (udb) kc_userdb_setting_set(udb, 0, "reading-width", val);
  if (widths[k] < 0)
    kc_ui_message(ui, ROLE_OK, "Text width: the whole window (w to change)");
  else
    kc_ui_message(ui, ROLE_OK, "Text width: %d columns (w to change)", widths[k]);
}

static struct kc_userdb *user(struct kc_ui *ui) {
  char err[64];
  return ui->app->user_state == 1 && !ui->no_saving ? kc_app_user(ui->app, err, sizeof err) : NULL;
}

static void bookmark(struct reader *r, struct kc_ui *ui) {
  struct kc_userdb *udb = user(ui);
  bool has = false;
  if (!udb || !r->article_id[0] ||
      kc_userdb_bookmark_has(udb, ui->app->profile.id, r->article_id, &has) != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "Bookmarks need your saved data");
    return;
  }
  int rc = has ? kc_userdb_bookmark_remove(udb, ui->app->profile.id, r->article_id)
               : kc_userdb_bookmark_add(udb, ui->app->profile.id, r->article_id, time(NULL));
  if (rc != KC_UDB_OK)
    kc_ui_message(ui, ROLE_WARNING, "%s", kc_userdb_errmsg(udb));
  else
    kc_ui_message(ui, ROLE_OK,
                  has ? "Bookmark removed" : "Bookmarked: see Home, Bookmarks and recently read");
}

static void export_page(struct reader *r, struct kc_ui *ui) {
  char path[4300], err[512];
  if (!r->what[0]) return;
  if (kc_report_save(ui->app, r->what, kc_app_today(), r->saved ? r->saved : r->source, path,
                     sizeof path, err, sizeof err) != 0)
    kc_ui_message(ui, ROLE_WARNING, "Not saved: %s", err);
  else
    kc_ui_message(ui, ROLE_OK, "Saved to %s", path);
}

static enum kc_result open_link(struct reader *r, struct kc_ui *ui, int first_start) {
  if (r->sel_link >= 0 && link_visible(r, r->sel_link)) {
    follow(ui, r->doc.links[r->sel_link]);
    return V_HANDLED;
  }
  if (first_start) return V_POP; /* Enter continues from the notice */
  kc_ui_message(ui, ROLE_NORMAL, "Tab selects a link; Enter follows it");
  return V_HANDLED;
}

static enum kc_result mouse(struct reader *r, struct kc_ui *ui, const struct kc_event *ev) {
  if (ev->wheel) {
    kc_cursor_wheel(&r->cur, ev->wheel);
  } else if (ev->click) {
    long k = link_at(r, ev->mouse_y, ev->mouse_x);
    if (k >= 0) {
      r->sel_link = k;
      follow(ui, r->doc.links[k]);
    }
  }
  return V_HANDLED;
}

static enum kc_result reader_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                     const struct kc_event *ev) {
  struct reader *r = (struct reader *)v;
  switch (cmd) {
  case CMD_NEXT_LINK: step_link(r, 1); return V_HANDLED;
  case CMD_PREV_LINK: step_link(r, -1); return V_HANDLED;
  case CMD_OPEN: return open_link(r, ui, v->ops->keys == &kc_keys_notice);
  case CMD_FIND:
    kc_prompt(ui, v, "Find in this article:", r->find, 100, find_done);
    return V_HANDLED;
  case CMD_FIND_NEXT: step_match(r, ui, 1); return V_HANDLED;
  case CMD_FIND_PREV: step_match(r, ui, -1); return V_HANDLED;
  case CMD_SEARCH_ALL: kc_ui_push(ui, kc_search_new(ui)); return V_HANDLED;
  case CMD_WIDTH: cycle_width(ui); return V_HANDLED;
  case CMD_BOOKMARK: bookmark(r, ui); return V_HANDLED;
  case CMD_EXPORT: export_page(r, ui); return V_HANDLED;
  case CMD_MOUSE_EVENT: return mouse(r, ui, ev);
  default: break;
  }
  if (kc_cursor_command(&r->cur, cmd) == KC_CUR_IGNORED) return V_IGNORED;
  if (r->sel_link >= 0 && !link_visible(r, r->sel_link)) r->sel_link = -1;
  return V_HANDLED;
}

static int reader_enabled(struct kc_view *v, enum kc_cmd cmd) {
  struct reader *r = (struct reader *)v;
  if (cmd == CMD_FIND_NEXT) return r->n_matches > 1;
  if (cmd == CMD_NEXT_LINK) return r->doc.n_links > 0;
  if (cmd == CMD_OPEN) return r->sel_link >= 0 || v->ops->keys == &kc_keys_notice;
  if (cmd == CMD_BOOKMARK) return r->article_id[0] && r->ui->app->user_state == 1;
  if (cmd == CMD_EXPORT) return r->what[0] != '\0';
  return 1;
}

static const char *reader_title(struct kc_view *v) { return ((struct reader *)v)->art.title; }

static void reader_destroy(struct kc_view *v) {
  struct reader *r = (struct reader *)v;
  struct kc_userdb *udb = r->article_id[0] ? user(r->ui) : NULL;
  if (udb && r->doc.n_lines) { /* where it was left: the end once the last line was shown */
    size_t n = r->doc.n_lines;
    int pos = r->cur.top + (size_t)r->cur.rows >= n
                  ? KC_READING_END
                  : (int)((double)r->cur.top * KC_READING_END / (double)n + 0.5);
    kc_userdb_reading_set(udb, r->ui->app->profile.id, r->article_id, pos, time(NULL));
  }
  kc_article_free(&r->art);
  kc_mdoc_free(&r->doc);
  free(r->source);
  free(r->saved);
  free(r->matches);
  free(r);
}

static const struct kc_view_ops reader_ops = {.draw = reader_draw,
                                              .keys = &kc_keys_reader,
                                              .command = reader_command,
                                              .enabled = reader_enabled,
                                              .destroy = reader_destroy,
                                              .title = reader_title};

static const struct kc_view_ops notice_ops = {.draw = reader_draw,
                                              .keys = &kc_keys_notice,
                                              .command = reader_command,
                                              .enabled = reader_enabled,
                                              .destroy = reader_destroy,
                                              .title = reader_title};

static struct reader *reader_alloc(struct kc_ui *ui, const struct kc_view_ops *ops) {
  struct reader *r = kc_xcalloc(1, sizeof *r);
  r->base.ops = ops;
  r->ui = ui;
  r->restore = -1;
  r->sel_link = -1;
  r->cur.scroll_only = 1;
  return r;
}

/* A reader over text that is not an article (help, notices, results);
 * with `first_start` (the notice at the first start) Enter continues. */
static struct kc_view *text_reader(struct kc_ui *ui, const struct kc_view_ops *ops,
                                   const char *title, const char *summary, const char *markdown) {
  struct reader *r = reader_alloc(ui, ops);
  r->art.title = kc_xstrdup(title);
  r->art.summary = kc_xstrdup(summary);
  r->art.body = kc_xstrdup("");
  struct kc_strbuf b = {0};
  put_summary(&b, summary);
  kc_strbuf_put(&b, markdown);
  r->source = kc_strbuf_take(&b);
  return &r->base;
}

struct kc_view *kc_reader_new_text(struct kc_ui *ui, const char *title, const char *summary,
                                   const char *markdown) {
  return text_reader(ui, &reader_ops, title, summary, markdown);
}

/* The text of a Markdown document's opening "# " heading (backslash
 * escapes undone), or NULL; *rest is set to the text after its line. */
static char *own_heading(const char *md, const char **rest) {
  if (strncmp(md, "# ", 2) != 0) return NULL;
  const char *s = md + 2, *eol = s + strcspn(s, "\n");
  while (eol > s && (eol[-1] == ' ' || eol[-1] == '\r')) eol--;
  if (eol == s) return NULL;
  char *t = kc_xstrndup(s, (size_t)(eol - s)), *o = t;
  for (const char *c = t; *c; c++) {
    if (*c == '\\' && c[1] && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c[1])) c++;
    *o++ = *c;
  }
  *o = '\0';
  const char *nl = strchr(md, '\n');
  *rest = nl ? nl + 1 : md + strlen(md);
  return t;
}

/* A page (the plan, the clinician report) whose Markdown opens with its
 * own "# " heading shows that heading once, as the page title, and keeps
 * it in the file `e` saves (issue 12: the title was shown twice). */
struct kc_view *kc_reader_new_page(struct kc_ui *ui, const char *title, const char *summary,
                                   const char *markdown, const char *what) {
  const char *rest = markdown;
  char *own = own_heading(markdown, &rest);
  struct reader *r =
      (struct reader *)text_reader(ui, &reader_ops, own ? own : title, summary, rest);
  free(own);
  r->saved = kc_xstrdup(markdown);
  snprintf(r->what, sizeof r->what, "%s", what);
  return &r->base;
}

struct kc_view *kc_notice_new(struct kc_ui *ui, const char *title, const char *summary,
                              const char *markdown) {
  return text_reader(ui, &notice_ops, title, summary, markdown);
}

struct kc_view *kc_reader_new(struct kc_ui *ui, const char *article_id) {
  struct reader *r = reader_alloc(ui, &reader_ops);
  if (kc_content_article(kc_app_content(ui->app), article_id, &r->art) != 1) {
    kc_article_free(&r->art);
    free(r);
    kc_ui_message(ui, ROLE_WARNING, "Cannot open that article");
    return NULL;
  }
  r->source = compose(&r->art);
  /* {sign:}, {level:} and {action:} tags in the words of the tables */
  char *tagged = kc_tags_expand(r->source, strlen(r->source), kc_app_tags(ui->app), NULL);
  free(r->source);
  r->source = tagged;
  snprintf(r->article_id, sizeof r->article_id, "%s", article_id);
  snprintf(r->what, sizeof r->what, "%s", article_id);
  struct kc_userdb *udb = user(ui);
  struct kc_reading was;
  if (udb && kc_userdb_reading_get(udb, ui->app->profile.id, article_id, &was) == KC_UDB_OK &&
      was.position > 0 && was.position < KC_READING_END) {
    r->restore = was.position;
    kc_ui_message(ui, ROLE_OK, "Back where you left off (g goes to the top)");
  }
  return &r->base;
}
