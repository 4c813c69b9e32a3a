/* The article reader: the body rendered by core/markup at the window width,
 * then related articles and sources. Scrolls by line and page; Tab selects
 * links, Enter follows one (a new reader on the stack, so Back returns to
 * the same scroll position). Re-renders on resize and keeps the place. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/markup.h"
#include "kneecare/text.h"
#include "ui.h"

struct reader {
  struct kc_view base;
  struct kc_article art;
  char *source; /* body + related + sources, as Markdown */
  struct kc_mdoc doc;
  int doc_width;
  size_t top;
  int rows; /* body rows at the last draw */
  int y0;   /* screen row of the first body row */
  long sel_link;
  char hints[160];
};

static char *compose(const struct kc_article *a) {
  struct kc_sb b = {0};
  kc_sb_put(&b, a->body);
  if (a->n_related) {
    kc_sb_put(&b, "\n\n## Related articles\n\n");
    for (size_t i = 0; i < a->n_related; i++) {
      kc_sb_put(&b, "- [");
      kc_sb_put_md(&b, a->related[i].title);
      kc_sb_printf(&b, "](%s)\n", a->related[i].id); /* ids are [a-z0-9-] */
    }
  }
  if (a->n_sources) {
    kc_sb_put(&b, "\n\n## Sources\n\n");
    for (size_t i = 0; i < a->n_sources; i++) {
      kc_sb_put(&b, "- ");
      kc_sb_put_md(&b, a->sources[i]);
      kc_sb_put(&b, "\n");
    }
  }
  char *r = strdup(kc_sb_str(&b));
  kc_sb_free(&b);
  return r;
}

static void layout(struct reader *r, int width) {
  if (r->doc_width == width) return;
  size_t old_n = r->doc.n_lines, old_top = r->top;
  kc_mdoc_free(&r->doc);
  if (kc_markup_render(r->source, strlen(r->source), width, &r->doc) != 0)
    memset(&r->doc, 0, sizeof r->doc);
  r->doc_width = width;
  /* Keep the same place in the text: the same fraction of the way down. */
  if (old_n) r->top = (size_t)((double)old_top * (double)r->doc.n_lines / (double)old_n + 0.5);
  r->sel_link = -1;
}

static size_t max_top(const struct reader *r) {
  size_t rows = r->rows > 0 ? (size_t)r->rows : 1;
  return r->doc.n_lines > rows ? r->doc.n_lines - rows : 0;
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

static void reader_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct reader *r = (struct reader *)v;
  int width = w - 4 < 1 ? 1 : w - 4;
  layout(r, width);
  int head =
      kc_put_wrapped(y, 2, h >= 16 ? 2 : 1, width, r->art.title, kc_attr(ROLE_HEADING) | A_BOLD);
  if (h >= 16) head += kc_put_wrapped(y + head, 2, 2, width, r->art.summary, kc_attr(ROLE_DIM));
  r->y0 = y + head + 1;
  r->rows = h - head - 1;
  if (r->top > max_top(r)) r->top = max_top(r);
  for (int row = 0; row < r->rows; row++) {
    size_t i = r->top + (size_t)row;
    if (i >= r->doc.n_lines) break;
    const struct kc_mline *l = &r->doc.lines[i];
    const char *text = r->doc.text + l->text_off;
    int x = 2 + l->indent;
    for (uint16_t s = 0; s < l->nseg; s++) {
      const struct kc_seg *g = &r->doc.segs[l->seg_off + s];
      x += kc_put(r->y0 + row, x, 2 + width - x, text + g->off, g->len, seg_attr(r, g));
    }
  }
  /* Scroll position, readable without colour. */
  char pos[48];
  size_t last = r->top + (size_t)r->rows;
  if (last > r->doc.n_lines) last = r->doc.n_lines;
  if (r->doc.n_lines <= (size_t)r->rows)
    snprintf(pos, sizeof pos, " all ");
  else if (r->top == 0)
    snprintf(pos, sizeof pos, " top %zu%% ", last * 100 / r->doc.n_lines);
  else
    snprintf(pos, sizeof pos, " %zu%% ", last * 100 / r->doc.n_lines);
  kc_puts(y + h - 1 < r->y0 ? y : y + h - 1, w - (int)strlen(pos) - 1, (int)strlen(pos), pos,
          kc_attr(ROLE_DIM) | A_REVERSE);
}

static int link_visible(const struct reader *r, long k) {
  size_t line = r->doc.link_line[k];
  return line != (size_t)-1 && line >= r->top && line < r->top + (size_t)r->rows;
}

/* Tab / Shift-Tab: the next link after the selected one (or from the top of
 * the view), scrolling to it if it is below. */
static void step_link(struct reader *r, int dir) {
  long n = (long)r->doc.n_links;
  if (n == 0) return;
  long k = r->sel_link;
  if (k < 0 || !link_visible(r, k)) {
    k = dir > 0 ? -1 : n;
    for (long j = 0; j < n; j++)
      if (link_visible(r, j)) {
        k = dir > 0 ? j - 1 : j + 1;
        if (dir < 0) {
          for (long m = n - 1; m >= 0; m--)
            if (link_visible(r, m)) {
              k = m + 1;
              break;
            }
        }
        break;
      }
  }
  k += dir;
  if (k < 0 || k >= n) return;
  if (r->doc.link_line[k] == (size_t)-1) return;
  r->sel_link = k;
  size_t line = r->doc.link_line[k];
  if (line < r->top) r->top = line;
  if (line >= r->top + (size_t)r->rows) r->top = line - (size_t)r->rows + 1;
}

static void follow(struct reader *r, struct kc_ui *ui, long k) {
  const char *target = r->doc.links[k];
  struct kc_article probe;
  int found = kc_content_article(kc_app_content(ui->app), target, &probe);
  if (found == 1) {
    kc_article_free(&probe);
    kc_ui_push(ui, kc_reader_new(ui, target));
  } else {
    kc_ui_message(ui, ROLE_WARNING, "That link does not lead to an article in this guide");
  }
}

static long link_at(const struct reader *r, int y, int x) {
  int row = y - r->y0;
  if (row < 0 || row >= r->rows) return -1;
  size_t i = r->top + (size_t)row;
  if (i >= r->doc.n_lines) return -1;
  const struct kc_mline *l = &r->doc.lines[i];
  int cx = 2 + l->indent;
  for (uint16_t s = 0; s < l->nseg; s++) {
    const struct kc_seg *g = &r->doc.segs[l->seg_off + s];
    int gw = (int)kc_text_width(r->doc.text + l->text_off + g->off, g->len);
    if (x >= cx && x < cx + gw) return g->link;
    cx += gw;
  }
  return -1;
}

static enum kc_result reader_handle(struct kc_view *v, struct kc_ui *ui,
                                    const struct kc_event *ev) {
  struct reader *r = (struct reader *)v;
  size_t page = r->rows > 2 ? (size_t)r->rows - 2 : 1, top = r->top, mt = max_top(r);
  switch (ev->action) {
  case ACT_UP: top = top ? top - 1 : 0; break;
  case ACT_DOWN: top = top < mt ? top + 1 : mt; break;
  case ACT_PGUP: top = top > page ? top - page : 0; break;
  case ACT_PGDN:
  case ACT_TOGGLE: top = top + page < mt ? top + page : mt; break;
  case ACT_HOME: top = 0; break;
  case ACT_END: top = mt; break;
  case ACT_NEXT_LINK: step_link(r, 1); return V_HANDLED;
  case ACT_PREV_LINK: step_link(r, -1); return V_HANDLED;
  case ACT_OPEN:
  case ACT_RIGHT:
    if (r->sel_link >= 0 && link_visible(r, r->sel_link))
      follow(r, ui, r->sel_link);
    else if (ev->action == ACT_OPEN)
      kc_ui_message(ui, ROLE_NORMAL, "Tab selects a link; Enter follows it");
    return V_HANDLED;
  case ACT_MOUSE:
    if (ev->wheel) {
      top = ev->wheel < 0 ? (top > 3 ? top - 3 : 0) : (top + 3 < mt ? top + 3 : mt);
    } else if (ev->click) {
      long k = link_at(r, ev->mouse_y, ev->mouse_x);
      if (k >= 0) {
        r->sel_link = k;
        follow(r, ui, k);
      }
      return V_HANDLED;
    }
    break;
  default: return V_IGNORED;
  }
  r->top = top;
  if (r->sel_link >= 0 && !link_visible(r, r->sel_link)) r->sel_link = -1;
  return V_HANDLED;
}

static const char *reader_title(struct kc_view *v) { return ((struct reader *)v)->art.title; }

static const char *reader_hints(struct kc_view *v) {
  (void)v;
  return "\xE2\x86\x91\xE2\x86\x93 scroll  PgDn page  Tab link  Enter follow  Esc back  / search  "
         "? help";
}

static void reader_destroy(struct kc_view *v) {
  struct reader *r = (struct reader *)v;
  kc_article_free(&r->art);
  kc_mdoc_free(&r->doc);
  free(r->source);
  free(r);
}

static const struct kc_view_ops reader_ops = {.name = "reader",
                                              .draw = reader_draw,
                                              .handle = reader_handle,
                                              .destroy = reader_destroy,
                                              .title = reader_title,
                                              .hints = reader_hints};

/* A reader over text that is not an article (help, notices). */
struct kc_view *kc_reader_new_text(struct kc_ui *ui, const char *title, const char *summary,
                                   const char *markdown) {
  (void)ui;
  struct reader *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->base.ops = &reader_ops;
  r->sel_link = -1;
  r->art.title = strdup(title);
  r->art.summary = strdup(summary);
  r->art.body = strdup("");
  r->source = strdup(markdown);
  if (!r->art.title || !r->art.summary || !r->art.body || !r->source) {
    reader_destroy(&r->base);
    return NULL;
  }
  return &r->base;
}

struct kc_view *kc_reader_new(struct kc_ui *ui, const char *article_id) {
  struct reader *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->base.ops = &reader_ops;
  r->sel_link = -1;
  if (kc_content_article(kc_app_content(ui->app), article_id, &r->art) != 1 ||
      !(r->source = compose(&r->art))) {
    kc_article_free(&r->art);
    free(r);
    kc_ui_message(ui, ROLE_WARNING, "Cannot open that article");
    return NULL;
  }
  /* {sign:}, {level:} and {action:} tags in the words of the tables */
  char *tagged = kc_tags_expand(r->source, strlen(r->source), kc_app_tags(ui->app), NULL);
  free(r->source);
  r->source = tagged;
  return &r->base;
}
