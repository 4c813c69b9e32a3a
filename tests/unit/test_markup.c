#define _GNU_SOURCE /* memmem */
/* Unit tests: Markdown -> styled lines. */
#include <stdio.h>
#include <string.h>

#include "kc_check.h"
#include "kneecare/markup.h"
#include "kneecare/text.h"

static const char *line_text(const struct kc_mdoc *d, size_t i, char *buf, size_t n) {
  size_t len = d->lines[i].text_len < n - 1 ? d->lines[i].text_len : n - 1;
  memcpy(buf, d->text + d->lines[i].text_off, len);
  buf[len] = '\0';
  return buf;
}

/* Style bits of the segment containing `word` on any line; -1 if absent. */
static int style_of(const struct kc_mdoc *d, const char *word) {
  for (size_t i = 0; i < d->n_lines; i++) {
    const struct kc_mline *l = &d->lines[i];
    for (uint16_t s = 0; s < l->nseg; s++) {
      const struct kc_seg *g = &d->segs[l->seg_off + s];
      const char *t = d->text + l->text_off + g->off;
      if (g->len >= strlen(word) && memmem(t, g->len, word, strlen(word))) return g->style;
    }
  }
  return -1;
}

START_TEST(headings_emphasis_lists) {
  const char *src = "## Ice\n\nUse *ice* for **20 minutes**.\n\n### Skin\n\n- wrap it\n- check "
                    "it\n\n1. one\n2. two\n";
  struct kc_mdoc d;
  ck_assert_int_eq(kc_markup_render(src, strlen(src), 60, &d), 0);
  char buf[128];
  ck_assert_str_eq(line_text(&d, 0, buf, sizeof buf), "Ice");
  ck_assert(style_of(&d, "Ice") & KC_S_H2);
  ck_assert(style_of(&d, "ice") & KC_S_EM);
  ck_assert(style_of(&d, "20 minutes") & KC_S_STRONG);
  ck_assert(style_of(&d, "Skin") & KC_S_H3);
  int bullets = 0, numbers = 0;
  for (size_t i = 0; i < d.n_lines; i++) {
    line_text(&d, i, buf, sizeof buf);
    bullets += strncmp(buf, "\xE2\x80\xA2 ", 4) == 0;
    numbers += strncmp(buf, "1. ", 3) == 0 || strncmp(buf, "2. ", 3) == 0;
  }
  ck_assert_int_eq(bullets, 2);
  ck_assert_int_eq(numbers, 2);
  /* A blank line separates blocks. */
  ck_assert_str_eq(line_text(&d, 1, buf, sizeof buf), "");
  kc_mdoc_free(&d);
}
END_TEST

START_TEST(links_are_collected_with_lines) {
  const char *src = "See [red flags](red-flags) and [ice](ice).\n\nMore text here.\n";
  struct kc_mdoc d;
  ck_assert_int_eq(kc_markup_render(src, strlen(src), 20, &d), 0);
  ck_assert_uint_eq(d.n_links, 2);
  ck_assert_str_eq(d.links[0], "red-flags");
  ck_assert_str_eq(d.links[1], "ice");
  ck_assert_uint_eq(d.link_line[0], 0);
  ck_assert(style_of(&d, "red") & KC_S_LINK);
  kc_mdoc_free(&d);
}
END_TEST

START_TEST(wraps_with_hanging_indent) {
  const char *src = "- a list item that is long enough to wrap onto a second line\n";
  struct kc_mdoc d;
  ck_assert_int_eq(kc_markup_render(src, strlen(src), 20, &d), 0);
  ck_assert_uint_ge(d.n_lines, 3);
  ck_assert_uint_eq(d.lines[0].indent, 0);
  ck_assert_uint_eq(d.lines[1].indent, 2); /* under the text, not the bullet */
  for (size_t i = 0; i < d.n_lines; i++)
    ck_assert_uint_le(
        d.lines[i].indent + kc_text_width(d.text + d.lines[i].text_off, d.lines[i].text_len), 20);
  kc_mdoc_free(&d);
}
END_TEST

START_TEST(hostile_content_is_neutralised) {
  const char *src = "# Title \x1b[31mred\x1b[0m\n\nBell \x07 OSC \x1b]52;c;Zm9v\x07 csi \xC2\x9B"
                    "2J <script>x</script> &#27; &#x9b;\n";
  struct kc_mdoc d;
  ck_assert_int_eq(kc_markup_render(src, strlen(src), 80, &d), 0);
  for (size_t i = 0; i < d.text_len; i++) {
    unsigned char c = (unsigned char)d.text[i];
    ck_assert_msg(c >= 0x20, "control byte 0x%02x in output", c);
    ck_assert_int_ne(c, 0x7F);
  }
  ck_assert_ptr_null(memmem(d.text, d.text_len, "\xC2\x9B", 2));
  ck_assert(kc_utf8_valid(d.text, d.text_len));
  kc_mdoc_free(&d);
}
END_TEST

START_TEST(all_widths_fit) {
  const char *src =
      "## A heading that is fairly long\n\nText with a supercalifragilisticexpialidocious word, "
      "**bold**, *em* and [a link](x).\n\n- item one\n  - nested item two is long\n";
  for (int w = 1; w <= 200; w++) {
    struct kc_mdoc d;
    ck_assert_int_eq(kc_markup_render(src, strlen(src), w, &d), 0);
    for (size_t i = 0; i < d.n_lines; i++) {
      size_t cols = kc_text_width(d.text + d.lines[i].text_off, d.lines[i].text_len);
      /* Indent can exceed tiny widths; the text after it never exceeds w. */
      ck_assert_msg(cols <= (size_t)w || w < 4, "width %d line %zu: %zu cols", w, i, cols);
    }
    kc_mdoc_free(&d);
  }
}
END_TEST

START_TEST(empty_input) {
  struct kc_mdoc d;
  ck_assert_int_eq(kc_markup_render("", 0, 40, &d), 0);
  ck_assert_uint_eq(d.n_lines, 0);
  kc_mdoc_free(&d);
}
END_TEST

/* A table (the plan and the report have them) reads at any width: one
 * bulleted line per row, each cell after its column's heading; the
 * heading row itself is not shown, nor is an empty cell. */
START_TEST(tables_become_labelled_rows) {
  const char *src = "Before.\n\n| Day | Pain (0-10) | Note |\n|---|---|---|\n"
                    "| 1 | 3 | sore after *stairs* |\n| 2 | - |  |\n\nAfter.\n";
  struct kc_mdoc d;
  ck_assert_int_eq(kc_markup_render(src, strlen(src), 80, &d), 0);
  char buf[256];
  ck_assert_uint_eq(d.n_lines, 6); /* Before, blank, two rows, blank, After */
  ck_assert_str_eq(line_text(&d, 0, buf, sizeof buf), "Before.");
  ck_assert_str_eq(line_text(&d, 1, buf, sizeof buf), "");
  ck_assert_str_eq(line_text(&d, 2, buf, sizeof buf),
                   "\xE2\x80\xA2 Day: 1; Pain (0-10): 3; Note: sore after stairs");
  /* An empty cell is left out, label and all. */
  ck_assert_str_eq(line_text(&d, 3, buf, sizeof buf), "\xE2\x80\xA2 Day: 2; Pain (0-10): -");
  ck_assert_str_eq(line_text(&d, 5, buf, sizeof buf), "After.");
  ck_assert(style_of(&d, "Pain (0-10): ") & KC_S_STRONG);
  ck_assert(style_of(&d, "stairs") & KC_S_EM);
  kc_mdoc_free(&d);
  /* At 20 columns a row wraps under its bullet instead of running off. */
  ck_assert_int_eq(kc_markup_render(src, strlen(src), 20, &d), 0);
  for (size_t i = 0; i < d.n_lines; i++)
    ck_assert_uint_le(
        kc_text_width(d.text + d.lines[i].text_off, d.lines[i].text_len) + d.lines[i].indent, 20);
  kc_mdoc_free(&d);
}
END_TEST

/* Hostile tables: more columns than there are labels, a heading longer
 * than a label keeps, escape sequences in cells, rows with no heading row. */
START_TEST(hostile_tables) {
  char src[8192];
  size_t o = 0;
  o += (size_t)snprintf(src + o, sizeof src - o, "|");
  for (int i = 0; i < 40; i++) o += (size_t)snprintf(src + o, sizeof src - o, " h%d |", i);
  o += (size_t)snprintf(src + o, sizeof src - o, "\n|");
  for (int i = 0; i < 40; i++) o += (size_t)snprintf(src + o, sizeof src - o, "---|");
  o += (size_t)snprintf(src + o, sizeof src - o, "\n|");
  for (int i = 0; i < 40; i++) o += (size_t)snprintf(src + o, sizeof src - o, " v%d |", i);
  o +=
      (size_t)snprintf(src + o, sizeof src - o, "\n\n| %0200d |\n|---|\n| \x1b]0;PWNED\x07 |\n", 7);
  struct kc_mdoc d;
  ck_assert_int_eq(kc_markup_render(src, o, 60, &d), 0);
  ck_assert_ptr_null(memchr(d.text, 0x1b, d.text_len));
  ck_assert_ptr_null(memchr(d.text, 0x07, d.text_len));
  ck_assert_ptr_nonnull(memmem(d.text, d.text_len, "h15: v15", 8));
  ck_assert_ptr_nonnull(memmem(d.text, d.text_len, "; v39", 5)); /* past the labels: text only */
  kc_mdoc_free(&d);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("markup");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, headings_emphasis_lists);
  tcase_add_test(tc, links_are_collected_with_lines);
  tcase_add_test(tc, wraps_with_hanging_indent);
  tcase_add_test(tc, hostile_content_is_neutralised);
  tcase_add_test(tc, all_widths_fit);
  tcase_add_test(tc, empty_input);
  tcase_add_test(tc, tables_become_labelled_rows);
  tcase_add_test(tc, hostile_tables);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
