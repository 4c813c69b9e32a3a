/* Fuzz target: article Markdown -> styled, wrapped lines (kc_markup_render).
 *
 * Input: byte 0 picks the width (1..200), the rest is the Markdown.
 * Invariants, for every rendered document:
 *  - every line's text lies inside doc.text, is valid UTF-8 and holds no
 *    C0/C1 control, DEL, NUL or bidi override (kc_cp_is_unsafe), no '\n';
 *  - a line's segments lie inside the document's segments, tile the line's
 *    text exactly (in order, no gap, no overlap, none empty) and never cut a
 *    code point; style bits are known ones; a link segment has a valid link
 *    index and the link style, a non-link segment neither; a bullet segment
 *    is the first of its line;
 *  - width: what src/core/markup.c guarantees. A paragraph is wrapped at
 *    avail = max(1, width - indent - marker) columns and kc_wrap_next only
 *    exceeds avail with a single wide character at avail 1 (2 columns), so
 *    indent + line width <= max(width, indent + marker + 2), where marker is
 *    the width of the list marker that starts the line ("• ", "12. "), 0 on
 *    other lines (continuation lines carry the marker in their indent);
 *  - link_line[i] is the first line holding a segment of link i, or
 *    (size_t)-1 when the link shows no text; link targets are printable;
 *  - nothing reads past src + len: the Markdown is placed so that it ends
 *    exactly at an inaccessible page, because md4c (a system library, not
 *    instrumented, so invisible to ASan) parses it in place. */
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_util.h"
#include "kneecare/markup.h"
#include "kneecare/text.h"

#define KNOWN_STYLES (KC_S_EM | KC_S_STRONG | KC_S_LINK | KC_S_H2 | KC_S_H3 | KC_S_BULLET)

static void check_doc(const struct kc_mdoc *d, int width) {
  FUZZ_CHECK(d->width == width, "doc width %d, asked %d", d->width, width);
  FUZZ_CHECK(d->text_len <= d->text_cap || d->text == NULL, "text_len beyond capacity");
  FUZZ_CHECK(d->n_segs <= d->segs_cap || d->n_segs == 0, "n_segs beyond capacity");
  FUZZ_CHECK(d->n_lines <= d->lines_cap || d->n_lines == 0, "n_lines beyond capacity");
  FUZZ_CHECK(d->n_links <= d->links_cap || d->n_links == 0, "n_links beyond capacity");
  if (d->text) FUZZ_CHECK(d->text[d->text_len] == '\0', "doc text not NUL-terminated");

  /* First line each link shows on, recomputed from the segments. */
  size_t *first = NULL;
  if (d->n_links) {
    first = malloc(d->n_links * sizeof *first);
    if (!first) abort();
    for (size_t i = 0; i < d->n_links; i++) first[i] = (size_t)-1;
  }

  size_t segs_seen = 0;
  for (size_t li = 0; li < d->n_lines; li++) {
    const struct kc_mline *l = &d->lines[li];
    FUZZ_CHECK((size_t)l->text_off + l->text_len <= d->text_len,
               "line %zu text [%u,+%u) outside doc text (%zu bytes)", li, l->text_off, l->text_len,
               d->text_len);
    const char *t = d->text ? d->text + l->text_off : "";
    size_t tl = l->text_len;
    size_t bad = fuzz_unprintable_at(t, tl, 0);
    if (bad != tl) {
      fuzz_dump("line", t, tl);
      FUZZ_CHECK(0, "line %zu: invalid UTF-8 or unsafe character at byte %zu", li, bad);
    }
    FUZZ_CHECK(kc_utf8_valid(t, tl), "line %zu: invalid UTF-8", li);

    FUZZ_CHECK(l->seg_off == segs_seen, "line %zu: seg_off %u, expected %zu", li, l->seg_off,
               segs_seen);
    FUZZ_CHECK((size_t)l->seg_off + l->nseg <= d->n_segs, "line %zu: segments [%u,+%u) beyond %zu",
               li, l->seg_off, l->nseg, d->n_segs);
    segs_seen += l->nseg;
    uint32_t at = 0;
    size_t marker_w = 0;
    for (size_t k = 0; k < l->nseg; k++) {
      const struct kc_seg *s = &d->segs[l->seg_off + k];
      FUZZ_CHECK(s->off == at, "line %zu seg %zu: starts at %u, expected %u (gap/overlap)", li, k,
                 s->off, at);
      FUZZ_CHECK(s->len > 0, "line %zu seg %zu: empty segment", li, k);
      FUZZ_CHECK((size_t)s->off + s->len <= tl, "line %zu seg %zu: [%u,+%u) beyond line (%zu)", li,
                 k, s->off, s->len, tl);
      FUZZ_CHECK(kc_utf8_valid(t + s->off, s->len), "line %zu seg %zu: cuts a code point", li, k);
      FUZZ_CHECK((s->style & ~KNOWN_STYLES) == 0, "line %zu seg %zu: unknown style bits 0x%x", li,
                 k, s->style);
      if (s->link >= 0) {
        FUZZ_CHECK((size_t)s->link < d->n_links, "line %zu seg %zu: link %d of %zu", li, k, s->link,
                   d->n_links);
        FUZZ_CHECK(s->style & KC_S_LINK, "line %zu seg %zu: link without link style", li, k);
        if (first[s->link] == (size_t)-1) first[s->link] = li;
      } else {
        FUZZ_CHECK(s->link == -1, "line %zu seg %zu: link index %d", li, k, s->link);
        FUZZ_CHECK(!(s->style & KC_S_LINK), "line %zu seg %zu: link style without link", li, k);
      }
      if (s->style & KC_S_BULLET) {
        FUZZ_CHECK(k == 0 && s->link == -1, "line %zu seg %zu: bullet not first", li, k);
        marker_w = kc_text_width(t, s->len);
      }
      at += s->len;
    }
    FUZZ_CHECK(at == tl, "line %zu: segments cover %u of %zu bytes", li, at, tl);

    size_t lw = kc_text_width(t, tl);
    size_t limit = (size_t)width;
    if (limit < (size_t)l->indent + marker_w + 2) limit = (size_t)l->indent + marker_w + 2;
    if ((size_t)l->indent + lw > limit) {
      fuzz_dump("line", t, tl);
      FUZZ_CHECK(0, "line %zu: indent %u + width %zu > %zu (width %d, marker %zu)", li, l->indent,
                 lw, limit, width, marker_w);
    }
  }
  FUZZ_CHECK(segs_seen == d->n_segs, "%zu segments not on any line", d->n_segs - segs_seen);

  for (size_t i = 0; i < d->n_links; i++) {
    FUZZ_CHECK(d->links[i] != NULL, "link %zu is NULL", i);
    FUZZ_CHECK(fuzz_printable(d->links[i], strlen(d->links[i]), 0), "link %zu target not printable",
               i);
    FUZZ_CHECK(d->link_line[i] == first[i], "link %zu: link_line %zu, first shown on line %zu", i,
               d->link_line[i], first[i]);
  }
  free(first);
}

/* A copy of d[0..n) that ends right before a PROT_NONE page, so a read one
 * byte past the end faults even in uninstrumented code. */
static const char *guarded_copy(const uint8_t *d, size_t n) {
  static char *region;
  static size_t usable, page;
  if (!page) page = (size_t)sysconf(_SC_PAGESIZE);
  if (!region || n > usable) {
    if (region) munmap(region, usable + page);
    usable = (n / page + 1) * page;
    region = mmap(NULL, usable + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (region == MAP_FAILED || mprotect(region + usable, page, PROT_NONE) != 0) abort();
  }
  char *p = region + usable - n;
  if (n) memcpy(p, d, n);
  return p;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  FUZZ_INPUT(data, size);
  int width = 1 + data[0] % 200;
  const char *src = guarded_copy(data + 1, size - 1);
  struct kc_mdoc doc;
  int rc = kc_markup_render(src, size - 1, width, &doc);
  if (rc != 0) {
    /* Only when out of memory; the document must then be empty. */
    FUZZ_CHECK(doc.n_lines == 0 && doc.text == NULL && doc.n_links == 0,
               "failed render left a non-empty document");
    return 0;
  }
  check_doc(&doc, width);
  kc_mdoc_free(&doc);
  return 0;
}
