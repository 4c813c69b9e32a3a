/* Unit tests: UTF-8, column widths, truncation, wrapping, sanitising. */
#define _XOPEN_SOURCE 700 /* wcwidth */
#include <locale.h>
#include <string.h>
#include <wchar.h>

#include "kc_check.h"
#include "kneecare/text.h"

START_TEST(decode_valid_and_invalid) {
  uint32_t cp;
  ck_assert_uint_eq(kc_utf8_decode("A", 1, &cp), 1);
  ck_assert_uint_eq(cp, 'A');
  ck_assert_uint_eq(kc_utf8_decode("\xC3\xA9", 2, &cp), 2);
  ck_assert_uint_eq(cp, 0xE9);
  ck_assert_uint_eq(kc_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
  ck_assert_uint_eq(cp, 0x1F600);
  /* Overlong, surrogate, truncated, stray continuation: U+FFFD, 1 byte. */
  const char *bad[] = {"\xC0\xAF", "\xED\xA0\x80", "\xE2\x82", "\x80", "\xF5\x80\x80\x80"};
  for (size_t i = 0; i < 5; i++) {
    ck_assert_uint_eq(kc_utf8_decode(bad[i], strlen(bad[i]), &cp), 1);
    ck_assert_uint_eq(cp, KC_REPLACEMENT);
  }
  ck_assert(kc_utf8_valid("caf\xC3\xA9", 5));
  ck_assert(!kc_utf8_valid("caf\xC3", 4));
}
END_TEST

START_TEST(widths) {
  ck_assert_uint_eq(kc_text_width("knee", 4), 4);
  ck_assert_uint_eq(kc_text_width("\xE8\x86\x9D", 3), 2);     /* 膝 wide */
  ck_assert_uint_eq(kc_text_width("e\xCC\x81", 3), 1);        /* e + combining acute */
  ck_assert_uint_eq(kc_text_width("\xF0\x9F\x8F\x83", 4), 2); /* runner emoji */
  ck_assert_int_eq(kc_cp_width(0x200B), 0);                   /* zero width space */
}
END_TEST

START_TEST(fit_never_splits) {
  const char *s = "a\xE8\x86\x9D"
                  "b";
  ck_assert_uint_eq(kc_text_fit(s, strlen(s), 2), 1); /* wide char does not fit in 1 col */
  ck_assert_uint_eq(kc_text_fit(s, strlen(s), 3), 4);
  const char *c = "e\xCC\x81x";
  ck_assert_uint_eq(kc_text_fit(c, strlen(c), 1), 3); /* combining mark stays with base */
}
END_TEST

START_TEST(truncate_with_ellipsis) {
  char out[64];
  kc_text_truncate("hello world", 11, 8, out, sizeof out);
  ck_assert_str_eq(out, "hello w\xE2\x80\xA6");
  ck_assert_uint_eq(kc_text_width(out, strlen(out)), 8);
  kc_text_truncate("short", 5, 8, out, sizeof out);
  ck_assert_str_eq(out, "short");
  kc_text_truncate("\xE8\x86\x9D\xE8\x86\x9D\xE8\x86\x9D", 9, 4, out, sizeof out);
  ck_assert_uint_le(kc_text_width(out, strlen(out)), 4);
}
END_TEST

START_TEST(sanitize_removes_controls) {
  char out[128];
  const char *evil = "a\x1b[2Jb\x07"
                     "c\xC2\x9B"
                     "d\xE2\x80\xAE"
                     "e\x1b]52;c;aGk=\x07";
  kc_text_sanitize(evil, strlen(evil), out, sizeof out, 0);
  for (const char *p = out; *p; p++) {
    ck_assert_int_ne(*p, 0x1b);
    ck_assert_int_ne(*p, 0x07);
  }
  ck_assert_ptr_null(strstr(out, "\xC2\x9B"));
  ck_assert_ptr_null(strstr(out, "\xE2\x80\xAE"));
  ck_assert(kc_utf8_valid(out, strlen(out)));
  kc_text_sanitize("a\nb\tc", 5, out, sizeof out, 0);
  ck_assert_str_eq(out, "a b c");
  kc_text_sanitize("a\nb", 3, out, sizeof out, 1);
  ck_assert_str_eq(out, "a\nb");
  kc_text_sanitize("bad\xFF", 4, out, sizeof out, 0);
  ck_assert_str_eq(out, "bad\xEF\xBF\xBD");
}
END_TEST

/* Wraps s at width w into lines joined by '|'. */
static void wrap_all(const char *s, size_t w, char *out, size_t outlen) {
  size_t len = strlen(s), pos = 0, o = 0;
  out[0] = '\0';
  int guard = 0;
  while (pos < len && guard++ < 10000) {
    size_t ll, next = kc_wrap_next(s + pos, len - pos, w, &ll);
    if (o) out[o++] = '|';
    memcpy(out + o, s + pos, ll);
    o += ll;
    out[o] = '\0';
    ck_assert_uint_gt(next, 0);
    pos += next;
    (void)outlen;
  }
}

START_TEST(wrap_words) {
  char out[256];
  wrap_all("the quick brown fox jumps", 10, out, sizeof out);
  ck_assert_str_eq(out, "the quick|brown fox|jumps");
  wrap_all("a verylongwordthatdoesnotfit b", 8, out, sizeof out);
  ck_assert_str_eq(out, "a|verylong|wordthat|doesnotf|it b");
  wrap_all("line one\nline two", 40, out, sizeof out);
  ck_assert_str_eq(out, "line one|line two");
  wrap_all("\xE8\x86\x9D\xE8\x86\x9D\xE8\x86\x9D", 4, out, sizeof out);
  ck_assert_str_eq(out, "\xE8\x86\x9D\xE8\x86\x9D|\xE8\x86\x9D");
  wrap_all("cafe\xCC\x81 x", 4, out, sizeof out);
  ck_assert_str_eq(out, "cafe\xCC\x81|x");
}
END_TEST

/* Every line fits every width from 1 to 200; no text is lost. */
START_TEST(wrap_all_widths) {
  const char *s =
      "Runners \xE8\x86\x9D\xE3\x81\xAE knee-pain: e\xCC\x81 supercalifragilisticexpialidocious "
      "\xF0\x9F\x8F\x83 ok  spaced   words\nnew line";
  size_t len = strlen(s);
  for (size_t w = 1; w <= 200; w++) {
    size_t pos = 0, kept = 0;
    int lines = 0;
    while (pos < len) {
      size_t ll, next = kc_wrap_next(s + pos, len - pos, w, &ll);
      size_t cols = kc_text_width(s + pos, ll);
      /* A single wide character may exceed width 1; nothing else may. */
      ck_assert_msg(cols <= w || (w == 1 && cols <= 2), "width %zu: line of %zu cols", w, cols);
      for (size_t i = 0; i < ll; i++) kept += s[pos + i] != ' ';
      ck_assert_uint_gt(next, 0);
      pos += next;
      ck_assert_int_lt(++lines, 1000);
    }
    size_t expect = 0;
    for (size_t i = 0; i < len; i++) expect += s[i] != ' ' && s[i] != '\n';
    ck_assert_uint_eq(kept, expect);
  }
}
END_TEST

/* The table is glibc's wcwidth() in C.UTF-8, the function ncurses advances
 * its cursor by: every code point agrees (regenerate with tools/gen_width.c
 * after a glibc upgrade if this fails). */
START_TEST(width_is_what_ncurses_draws) {
  ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
  int bad = 0;
  uint32_t first = 0;
  for (uint32_t cp = 0; cp < 0x110000; cp++) {
    int w = wcwidth((wchar_t)cp);
    if ((w < 0 ? -1 : w) != kc_cp_width(cp) && !bad++) first = cp;
  }
  ck_assert_msg(bad == 0, "%d code points differ from wcwidth, first U+%04X", bad, (unsigned)first);
  ck_assert_int_eq(kc_cp_width(0x1F3FB), 2); /* emoji modifier: drawn wide */
  ck_assert_int_eq(kc_cp_width(0x17000), 2); /* Tangut */
  ck_assert_int_eq(kc_cp_width(0x0378), -1); /* unassigned */
}
END_TEST

START_TEST(format_characters_are_dropped) {
  char out[128];
  /* LRM, RLM, ALM, ZWJ, BOM, soft hyphen, a tag character; U+2028 -> space. */
  const char *in = "a\xE2\x80\x8E"
                   "b\xE2\x80\x8F\xD8\x9C"
                   "c\xE2\x80\x8D\xEF\xBB\xBF\xC2\xAD"
                   "d\xF3\xA0\x80\xA1\xE2\x80\xA8"
                   "e";
  kc_text_sanitize(in, strlen(in), out, sizeof out, 0);
  ck_assert_str_eq(out, "abcd e");
  ck_assert(!kc_cp_displayable(0x200E));
  ck_assert(!kc_cp_displayable(0x2029));
  ck_assert(!kc_cp_displayable(0x0378));
  ck_assert(kc_cp_displayable(0x00DB));
  /* A code point of unknown width becomes U+FFFD (one known column). */
  kc_text_sanitize("x\xCD\xB8", 3, out, sizeof out, 0);
  ck_assert_str_eq(out, "x\xEF\xBF\xBD");
}
END_TEST

/* For a terminal that is not UTF-8: printable ASCII only, so no byte an
 * 8-bit terminal reads as a C1 control (U+00DB is C3 9B: CSI). */
START_TEST(ascii_transliteration) {
  char out[256];
  const char *in = "Caf\xC3\xA9 \xC3\x9B\xC3\x9D\xC3\x9C \xE2\x80\xA2 \xE2\x86\x91\xE2\x86\x93 "
                   "\xE2\x80\xA6 \xE8\x86\x9D \xE2\x96\x88 e\xCC\x81";
  kc_text_ascii(in, strlen(in), out, sizeof out);
  ck_assert_str_eq(out, "Cafe UYU * ^v ... ?? # e");
  for (const char *p = out; *p; p++) ck_assert_int_lt((unsigned char)*p, 0x80);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("text");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, decode_valid_and_invalid);
  tcase_add_test(tc, widths);
  tcase_add_test(tc, width_is_what_ncurses_draws);
  tcase_add_test(tc, format_characters_are_dropped);
  tcase_add_test(tc, ascii_transliteration);
  tcase_add_test(tc, fit_never_splits);
  tcase_add_test(tc, truncate_with_ellipsis);
  tcase_add_test(tc, sanitize_removes_controls);
  tcase_add_test(tc, wrap_words);
  tcase_add_test(tc, wrap_all_widths);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
