/* Article Markdown -> styled, wrapped lines for a given width.
 * Parsing is done by md4c (a CommonMark parser); this module only decides
 * how each block looks in a terminal and wraps it. Every byte that reaches
 * a line has been sanitised: content can never emit a control sequence. */
#ifndef KC_MARKUP_H
#define KC_MARKUP_H

#include <stddef.h>
#include <stdint.h>

enum kc_style {
  KC_S_PLAIN = 0,
  KC_S_EM = 1 << 0,
  KC_S_STRONG = 1 << 1,
  KC_S_LINK = 1 << 2,
  KC_S_H2 = 1 << 3,
  KC_S_H3 = 1 << 4,
  KC_S_BULLET = 1 << 5, /* list marker */
};

struct kc_seg {
  uint32_t off, len; /* bytes within the line's text */
  uint16_t style;    /* enum kc_style bits */
  int16_t link;      /* index into links, or -1 */
};

struct kc_mline {
  uint32_t text_off, text_len; /* into kc_mdoc.text */
  uint32_t seg_off;            /* into kc_mdoc.segs */
  uint16_t nseg;
  uint16_t indent; /* columns of blank space before the text */
};

struct kc_mdoc {
  char *text;
  size_t text_len, text_cap;
  struct kc_seg *segs;
  size_t n_segs, segs_cap;
  struct kc_mline *lines;
  size_t n_lines, lines_cap;
  char **links;      /* link targets (sanitised), in order of appearance */
  size_t *link_line; /* first line each link appears on */
  size_t n_links, links_cap;
  int width;
};

/* Renders src (Markdown) at `width` columns (clamped to 1..1000) into doc,
 * which must be zeroed or freed before. Returns 0, or -1 when out of memory
 * (doc is then empty but valid). */
int kc_markup_render(const char *src, size_t len, int width, struct kc_mdoc *doc);
void kc_mdoc_free(struct kc_mdoc *doc);

#endif
