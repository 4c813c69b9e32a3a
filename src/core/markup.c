/* Turns an article's Markdown into styled lines. md4c calls us back for
 * each block, span and run of text; we collect one paragraph at a time
 * (bytes plus a style and link per byte), then wrap it with kc_wrap_next
 * and cut each line into segments of equal style.
 *
 * A table (the plan and the clinician report have them) becomes one
 * bulleted paragraph per row, each cell labelled with its column's heading
 * ("Pain (0-10): 3; Note: ..."): it wraps at any width, where columns
 * would not fit 40 characters. */
#include "kneecare/markup.h"

#include <md4c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/text.h"

#define MAX_WIDTH 1000
#define MAX_LIST_DEPTH 8
#define MAX_TABLE_COLS 16
#define MAX_HEADING 64 /* bytes of a column heading kept as a label */

struct para {
  char *text;
  uint16_t *style;
  int16_t *link;
  size_t len, cap;
  uint16_t block_style; /* heading style applied to the whole block */
  int indent;           /* columns */
  char prefix[16];      /* "• " or "12. " */
  int active;
};

struct list_state {
  int ordered;
  unsigned next_number;
};

struct table_state {
  int active, in_head;
  int col;           /* the cell being read */
  size_t cell_start; /* the row's length before this cell's "; " and label */
  size_t cell_text;  /* ... and after them: an empty cell is taken back out */
  char heading[MAX_TABLE_COLS][MAX_HEADING];
  size_t heading_len[MAX_TABLE_COLS];
};

struct ctx {
  struct kc_mdoc *doc;
  struct para p;
  uint16_t span_style;
  int16_t span_link;
  struct list_state lists[MAX_LIST_DEPTH];
  int depth; /* list nesting */
  struct table_state table;
  int pending_blank;
  int failed;
};

static int grow(void **ptr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return 0;
  size_t ncap = *cap ? *cap * 2 : 64;
  while (ncap < need) ncap *= 2;
  void *n = realloc(*ptr, ncap * elem);
  if (!n) return -1;
  *ptr = n;
  *cap = ncap;
  return 0;
}

static int para_append(struct ctx *c, const char *s, size_t n, uint16_t style, int16_t link) {
  struct para *p = &c->p;
  if (p->len + n > p->cap) {
    size_t ncap = p->cap ? p->cap : 256;
    while (ncap < p->len + n) ncap *= 2;
    char *t = realloc(p->text, ncap);
    if (t) p->text = t;
    uint16_t *st = realloc(p->style, ncap * sizeof *st);
    if (st) p->style = st;
    int16_t *lk = realloc(p->link, ncap * sizeof *lk);
    if (lk) p->link = lk;
    if (!t || !st || !lk) return c->failed = -1;
    p->cap = ncap;
  }
  memcpy(p->text + p->len, s, n);
  for (size_t i = 0; i < n; i++) {
    p->style[p->len + i] = style;
    p->link[p->len + i] = link;
  }
  p->len += n;
  return 0;
}

/* Appends untrusted text: controls become U+FFFD, tabs and newlines spaces. */
static void append_text(struct ctx *c, const char *s, size_t n) {
  char buf[512];
  while (n > 0) {
    size_t chunk = n > 160 ? 160 : n;
    /* Do not cut a UTF-8 sequence in two at the chunk edge. */
    while (chunk < n && chunk > 0 && ((unsigned char)s[chunk] & 0xC0) == 0x80) chunk--;
    if (chunk == 0) chunk = n > 160 ? 160 : n;
    size_t m = kc_text_sanitize(s, chunk, buf, sizeof buf, 0);
    para_append(c, buf, m, c->p.block_style | c->span_style, c->span_link);
    s += chunk;
    n -= chunk;
  }
}

static int add_line(struct ctx *c, const char *text, size_t len, int indent) {
  struct kc_mdoc *d = c->doc;
  if (grow((void **)&d->lines, &d->lines_cap, d->n_lines + 1, sizeof *d->lines) ||
      grow((void **)&d->text, &d->text_cap, d->text_len + len + 1, 1))
    return c->failed = -1;
  struct kc_mline *l = &d->lines[d->n_lines++];
  l->text_off = (uint32_t)d->text_len;
  l->text_len = (uint32_t)len;
  l->seg_off = (uint32_t)d->n_segs;
  l->nseg = 0;
  l->indent = (uint16_t)indent;
  if (len) memcpy(d->text + d->text_len, text, len);
  d->text_len += len;
  d->text[d->text_len] = '\0';
  return 0;
}

static int add_seg(struct ctx *c, uint32_t off, uint32_t len, uint16_t style, int16_t link) {
  struct kc_mdoc *d = c->doc;
  struct kc_mline *l = &d->lines[d->n_lines - 1];
  if (l->nseg >= UINT16_MAX - 1) {
    /* A pathological line (tens of thousands of style changes, possible
     * with zero-width characters): the rest joins the last segment. */
    struct kc_seg *last = &d->segs[d->n_segs - 1];
    last->len = off + len - last->off;
    return 0;
  }
  if (grow((void **)&d->segs, &d->segs_cap, d->n_segs + 1, sizeof *d->segs)) return c->failed = -1;
  d->segs[d->n_segs++] = (struct kc_seg){off, len, style, link};
  d->lines[d->n_lines - 1].nseg++;
  if (link >= 0 && (size_t)link < d->n_links && d->link_line[link] == (size_t)-1)
    d->link_line[link] = d->n_lines - 1;
  return 0;
}

/* Wraps the collected paragraph into doc lines. */
static void flush(struct ctx *c) {
  struct para *p = &c->p;
  if (!p->active) return;
  p->active = 0;
  size_t plen = strlen(p->prefix);
  if (p->len == 0 && plen == 0) return;
  if (c->pending_blank && c->doc->n_lines > 0) add_line(c, "", 0, 0);
  c->pending_blank = 0;

  int width = c->doc->width;
  int pw = (int)kc_text_width(p->prefix, plen);
  int avail = width - p->indent - pw;
  if (avail < 1) avail = 1;
  size_t pos = 0;
  int first = 1;
  do {
    size_t line_len;
    /* An empty list item has a marker but no text buffer yet. */
    const char *lt = p->text ? p->text + pos : "";
    size_t next = kc_wrap_next(lt, p->len - pos, (size_t)avail, &line_len);
    if (first && plen) {
      /* The marker and the first line share one doc line. */
      char *tmp = malloc(plen + line_len + 1);
      if (!tmp) {
        c->failed = -1;
        return;
      }
      memcpy(tmp, p->prefix, plen);
      memcpy(tmp + plen, lt, line_len);
      add_line(c, tmp, plen + line_len, p->indent);
      free(tmp);
      add_seg(c, 0, (uint32_t)plen, KC_S_BULLET, -1);
    } else {
      add_line(c, lt, line_len, p->indent + (first ? 0 : pw));
    }
    if (c->failed) return;
    uint32_t base = (first && plen) ? (uint32_t)plen : 0;
    size_t s = 0;
    while (s < line_len) {
      size_t e = s + 1;
      while (e < line_len && p->style[pos + e] == p->style[pos + s] &&
             p->link[pos + e] == p->link[pos + s])
        e++;
      add_seg(c, base + (uint32_t)s, (uint32_t)(e - s), p->style[pos + s], p->link[pos + s]);
      s = e;
    }
    first = 0;
    if (next == 0) next = p->len - pos; /* defensive: always progress */
    pos += next;
  } while (pos < p->len && !c->failed);
  p->len = 0;
  p->prefix[0] = '\0';
}

static void start_para(struct ctx *c, uint16_t block_style) {
  flush(c);
  c->p.active = 1;
  c->p.len = 0;
  c->p.block_style = block_style;
  c->p.indent = c->depth > 0 ? (c->depth - 1) * 3 : 0;
  c->p.prefix[0] = '\0';
}

/* A cell: in the heading row its text becomes the column's label (see
 * on_text); in a body row it is appended to the row's paragraph after the
 * label ("; " between cells, and an unlabelled cell just its text). */
static void enter_cell(struct ctx *c) {
  struct table_state *t = &c->table;
  if (t->in_head) return;
  if (!c->p.active) start_para(c, 0);
  t->cell_start = c->p.len;
  if (c->p.len > 0) append_text(c, "; ", 2);
  size_t n = t->col < MAX_TABLE_COLS ? t->heading_len[t->col] : 0;
  if (n > 0) {
    uint16_t saved = c->span_style;
    c->span_style |= KC_S_STRONG;
    append_text(c, t->heading[t->col], n);
    append_text(c, ": ", 2);
    c->span_style = saved;
  }
  t->cell_text = c->p.len;
}

static void leave_cell(struct ctx *c) {
  struct table_state *t = &c->table;
  if (!t->in_head && c->p.len == t->cell_text) c->p.len = t->cell_start; /* nothing in it */
  t->col++;
}

/* Text of a heading cell, kept (sanitised, cut at a character) as a label. */
static void add_heading(struct ctx *c, const char *s, size_t n) {
  struct table_state *t = &c->table;
  if (t->col >= MAX_TABLE_COLS) return;
  char buf[4 * MAX_HEADING];
  size_t m = kc_text_sanitize(s, n, buf, sizeof buf, 0);
  size_t *len = &t->heading_len[t->col], room = MAX_HEADING - 1 - *len;
  if (m > room) {
    m = room;
    while (m > 0 && ((unsigned char)buf[m] & 0xC0) == 0x80) m--;
  }
  memcpy(t->heading[t->col] + *len, buf, m);
  *len += m;
  t->heading[t->col][*len] = '\0';
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *userdata) {
  struct ctx *c = userdata;
  switch (type) {
  case MD_BLOCK_UL:
  case MD_BLOCK_OL:
    flush(c);
    if (c->depth == 0) c->pending_blank = c->doc->n_lines > 0;
    if (c->depth < MAX_LIST_DEPTH) {
      c->lists[c->depth].ordered = type == MD_BLOCK_OL;
      c->lists[c->depth].next_number =
          type == MD_BLOCK_OL ? ((MD_BLOCK_OL_DETAIL *)detail)->start : 0;
    }
    c->depth++;
    break;
  case MD_BLOCK_LI: {
    start_para(c, 0);
    int d = c->depth > MAX_LIST_DEPTH ? MAX_LIST_DEPTH : c->depth;
    struct list_state *ls = &c->lists[d > 0 ? d - 1 : 0];
    if (ls->ordered) {
      unsigned n = ls->next_number++ % 1000;
      snprintf(c->p.prefix, sizeof c->p.prefix, "%u. ", n);
    } else {
      strcpy(c->p.prefix, "\xE2\x80\xA2 "); /* bullet */
    }
    break;
  }
  case MD_BLOCK_H: {
    unsigned level = ((MD_BLOCK_H_DETAIL *)detail)->level;
    flush(c);
    c->pending_blank = c->doc->n_lines > 0;
    start_para(c, level <= 2 ? KC_S_H2 : KC_S_H3);
    break;
  }
  case MD_BLOCK_TABLE:
    flush(c);
    c->pending_blank = c->doc->n_lines > 0;
    memset(&c->table, 0, sizeof c->table);
    c->table.active = 1;
    break;
  case MD_BLOCK_THEAD: c->table.in_head = 1; break;
  case MD_BLOCK_TBODY: c->table.in_head = 0; break;
  case MD_BLOCK_TR:
    c->table.col = 0;
    if (!c->table.in_head) {
      start_para(c, 0);
      strcpy(c->p.prefix, "\xE2\x80\xA2 "); /* bullet */
    }
    break;
  case MD_BLOCK_TH:
  case MD_BLOCK_TD: enter_cell(c); break;
  case MD_BLOCK_P:
    /* In a list item the paragraph continues the item's first line. */
    if (c->p.active && c->depth > 0 && c->p.len == 0) break;
    if (c->depth == 0) {
      flush(c);
      c->pending_blank = c->doc->n_lines > 0;
    }
    start_para(c, 0);
    break;
  default:
    flush(c);
    if (type != MD_BLOCK_DOC) c->pending_blank = c->doc->n_lines > 0;
    start_para(c, 0);
    break;
  }
  return c->failed;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *userdata) {
  (void)detail;
  struct ctx *c = userdata;
  if (type == MD_BLOCK_TH || type == MD_BLOCK_TD) {
    leave_cell(c);
    return c->failed;
  }
  if (type == MD_BLOCK_THEAD || type == MD_BLOCK_TBODY) return c->failed;
  flush(c);
  if (type == MD_BLOCK_TABLE) {
    c->table.active = 0;
    c->pending_blank = 1;
  }
  if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) {
    if (c->depth > 0) c->depth--;
    if (c->depth == 0) c->pending_blank = 1;
  } else if (type == MD_BLOCK_H || (type == MD_BLOCK_P && c->depth == 0)) {
    c->pending_blank = 1;
  }
  return c->failed;
}

static int add_link(struct ctx *c, const MD_ATTRIBUTE *href) {
  struct kc_mdoc *d = c->doc;
  if (d->n_links >= 30000) return -1; /* link index is an int16 */
  if (grow((void **)&d->links, &d->links_cap, d->n_links + 1, sizeof *d->links)) return -1;
  size_t *ll = realloc(d->link_line, d->links_cap * sizeof *ll);
  if (!ll) return -1;
  d->link_line = ll;
  char *t = kc_text_sanitize_dup(href->text, href->size, 0);
  if (!t) return -1;
  d->links[d->n_links] = t;
  d->link_line[d->n_links] = (size_t)-1;
  return (int)d->n_links++;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *userdata) {
  struct ctx *c = userdata;
  switch (type) {
  case MD_SPAN_EM: c->span_style |= KC_S_EM; break;
  case MD_SPAN_STRONG: c->span_style |= KC_S_STRONG; break;
  case MD_SPAN_A: {
    int idx = add_link(c, &((MD_SPAN_A_DETAIL *)detail)->href);
    if (idx < 0) break; /* too many links: show as plain text */
    c->span_style |= KC_S_LINK;
    c->span_link = (int16_t)idx;
    break;
  }
  default: break;
  }
  return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *userdata) {
  (void)detail;
  struct ctx *c = userdata;
  switch (type) {
  case MD_SPAN_EM: c->span_style &= (uint16_t)~KC_S_EM; break;
  case MD_SPAN_STRONG: c->span_style &= (uint16_t)~KC_S_STRONG; break;
  case MD_SPAN_A:
    c->span_style &= (uint16_t)~KC_S_LINK;
    c->span_link = -1;
    break;
  default: break;
  }
  return 0;
}

static void append_entity(struct ctx *c, const char *s, size_t n) {
  static const struct {
    const char *name, *utf8;
  } named[] = {{"&amp;", "&"},
               {"&lt;", "<"},
               {"&gt;", ">"},
               {"&quot;", "\""},
               {"&apos;", "'"},
               {"&nbsp;", " "},
               {"&ndash;", "\xE2\x80\x93"},
               {"&mdash;", "\xE2\x80\x94"},
               {"&deg;", "\xC2\xB0"}};
  for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
    if (strlen(named[i].name) == n && memcmp(named[i].name, s, n) == 0) {
      append_text(c, named[i].utf8, strlen(named[i].utf8));
      return;
    }
  if (n > 3 && s[1] == '#') {
    unsigned long v =
        (s[2] == 'x' || s[2] == 'X') ? strtoul(s + 3, NULL, 16) : strtoul(s + 2, NULL, 10);
    char buf[4];
    size_t m = kc_utf8_encode(v > 0x10FFFF ? KC_REPLACEMENT : (uint32_t)v, buf);
    append_text(c, buf, m);
    return;
  }
  append_text(c, s, n);
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata) {
  struct ctx *c = userdata;
  if (c->table.active && c->table.in_head) {
    add_heading(c, text, size);
    return c->failed;
  }
  if (!c->p.active) start_para(c, 0);
  switch (type) {
  case MD_TEXT_SOFTBR: append_text(c, " ", 1); break;
  case MD_TEXT_BR: para_append(c, "\n", 1, 0, -1); break;
  case MD_TEXT_NULLCHAR: append_text(c, "\xEF\xBF\xBD", 3); break;
  case MD_TEXT_ENTITY: append_entity(c, text, size); break;
  default: append_text(c, text, size); break;
  }
  return c->failed;
}

void kc_mdoc_free(struct kc_mdoc *doc) {
  for (size_t i = 0; i < doc->n_links; i++) free(doc->links[i]);
  free(doc->links);
  free(doc->link_line);
  free(doc->text);
  free(doc->segs);
  free(doc->lines);
  memset(doc, 0, sizeof *doc);
}

int kc_markup_render(const char *src, size_t len, int width, struct kc_mdoc *doc) {
  memset(doc, 0, sizeof *doc);
  doc->width = width < 1 ? 1 : width > MAX_WIDTH ? MAX_WIDTH : width;
  struct ctx c = {.doc = doc, .span_link = -1};
  MD_PARSER parser = {
      .abi_version = 0,
      .flags = MD_FLAG_NOHTML | MD_FLAG_NOINDENTEDCODEBLOCKS | MD_FLAG_TABLES,
      .enter_block = enter_block,
      .leave_block = leave_block,
      .enter_span = enter_span,
      .leave_span = leave_span,
      .text = on_text,
  };
  /* md4c 0.4.8 can read a few bytes past the end of its input (a link
   * opener at the very end, found by fuzzing): parse a zero-padded copy. */
  if (len > 0x7FFFFFF) len = 0x7FFFFFF;
  char *padded = calloc(1, len + 64);
  if (!padded) {
    kc_mdoc_free(doc);
    return -1;
  }
  memcpy(padded, src, len);
  int rc = md_parse(padded, (MD_SIZE)len, &parser, &c);
  free(padded);
  if (rc == 0 && !c.failed) flush(&c);
  free(c.p.text);
  free(c.p.style);
  free(c.p.link);
  if (rc != 0 || c.failed) {
    kc_mdoc_free(doc);
    return -1;
  }
  return 0;
}

int kc_markup_render_tagged(const char *src, size_t len, int width,
                            const struct kc_tag_resolver *tags, struct kc_mdoc *doc) {
  if (!tags || !tags->resolve) return kc_markup_render(src, len, width, doc);
  size_t n = 0;
  char *expanded = kc_tags_expand(src, len, tags, &n);
  int rc = kc_markup_render(expanded, n, width, doc);
  free(expanded);
  return rc;
}
