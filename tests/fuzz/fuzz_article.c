/* Fuzz target: the content packer's article header parser (kc_article_parse)
 * and kc_article_link_line, on any bytes.
 *
 * Invariants on success: id, title, topic and summary are non-empty; id and
 * every related id pass kc_article_id_valid; at least one non-empty source;
 * order 1..999; no header value holds a byte < 0x20 or DEL; title and
 * summary within their column limits; the body is a non-blank tail of the
 * input (inside it, ending where it ends) and starts after the header;
 * kc_article_link_line gives a line inside the body for every related id.
 * On failure: the message is NUL-terminated, non-empty printable text (the
 * packer prints it to a terminal), the line is 0..lines of the file + 1,
 * and the result is zeroed (nothing left to free). */
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "kneecare/article.h"
#include "kneecare/text.h"

static void check_value(const char *what, const char *v) {
  FUZZ_CHECK(v != NULL && v[0] != '\0', "%s missing or empty on success", what);
  for (const unsigned char *p = (const unsigned char *)v; *p; p++)
    FUZZ_CHECK(*p >= 0x20 && *p != 0x7F, "%s holds control byte 0x%02X", what, *p);
  FUZZ_CHECK(kc_utf8_valid(v, strlen(v)), "%s is not valid UTF-8", what);
}

static int count_lines(const char *s, size_t n) {
  int lines = 1;
  for (size_t i = 0; i < n; i++) lines += s[i] == '\n';
  return lines;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FUZZ_INPUT(data, size);
  const char *text = (const char *)data;
  struct kc_article_src a;
  int line = -12345;
  char err[256]; /* as src/pack/kcpack.c */
  memset(err, 0x7E, sizeof err);
  err[sizeof err - 1] = 'X'; /* not a NUL: the parser must terminate it */

  if (kc_article_parse(text, size, &a, &line, err, sizeof err) != 0) {
    FUZZ_CHECK_MESSAGE(err, sizeof err);
    FUZZ_CHECK(line >= 0 && line <= count_lines(text, size) + 1, "error line %d", line);
    FUZZ_CHECK(a.id == NULL && a.title == NULL && a.topic == NULL && a.summary == NULL &&
                   a.related == NULL && a.sources == NULL && a.n_related == 0 && a.n_sources == 0,
               "failed parse left data behind");
    return 0;
  }

  check_value("id", a.id);
  check_value("title", a.title);
  check_value("topic", a.topic);
  check_value("summary", a.summary);
  FUZZ_CHECK(kc_article_id_valid(a.id), "invalid id '%s' accepted", a.id);
  FUZZ_CHECK(kc_text_width(a.title, strlen(a.title)) <= KC_TITLE_MAX_COLS, "title too wide");
  FUZZ_CHECK(kc_text_width(a.summary, strlen(a.summary)) <= KC_SUMMARY_MAX_COLS,
             "summary too wide");
  FUZZ_CHECK(a.order >= 1 && a.order <= 999, "order %d", a.order);
  FUZZ_CHECK(a.n_sources >= 1, "no source");
  for (size_t i = 0; i < a.n_sources; i++) check_value("source", a.sources[i]);

  FUZZ_CHECK(a.body != NULL, "no body");
  FUZZ_CHECK(a.body >= text && a.body_len <= size && (size_t)(a.body - text) <= size - a.body_len,
             "body outside the input");
  FUZZ_CHECK(a.body + a.body_len == text + size, "body does not run to the end of the input");
  FUZZ_CHECK(a.body > text && a.body[-1] == '\n', "body does not start on a new line");
  int header_lines = count_lines(text, (size_t)(a.body - text)) - 1;
  FUZZ_CHECK(a.body_line == header_lines + 1, "body_line %d, header has %d lines", a.body_line,
             header_lines);
  int nonblank = 0;
  for (size_t i = 0; i < a.body_len; i++)
    if (a.body[i] != ' ' && a.body[i] != '\n' && a.body[i] != '\t' && a.body[i] != '\r')
      nonblank = 1;
  FUZZ_CHECK(nonblank, "blank body accepted");
  FUZZ_CHECK(a.id_line >= 1 && a.id_line < a.body_line, "id_line %d", a.id_line);
  FUZZ_CHECK(a.topic_line >= 1 && a.topic_line < a.body_line, "topic_line %d", a.topic_line);

  int last_line = a.body_line + count_lines(a.body, a.body_len) - 1;
  for (size_t i = 0; i < a.n_related; i++) {
    FUZZ_CHECK(a.related[i] && kc_article_id_valid(a.related[i]), "invalid related id");
    FUZZ_CHECK(a.related_line >= 1 && a.related_line < a.body_line, "related_line %d",
               a.related_line);
    int l = kc_article_link_line(&a, a.related[i]);
    FUZZ_CHECK(l >= a.body_line && l <= last_line, "link line %d outside the body (%d..%d)", l,
               a.body_line, last_line);
  }
  /* Any target, including the empty one and one longer than the body. */
  int l = kc_article_link_line(&a, "");
  FUZZ_CHECK(l >= a.body_line && l <= last_line, "link line %d for ''", l);
  char *longer = malloc(a.body_len + 2);
  if (!longer) abort();
  memset(longer, 'x', a.body_len + 1);
  longer[a.body_len + 1] = '\0';
  l = kc_article_link_line(&a, longer);
  FUZZ_CHECK(l == a.body_line, "link line %d for a target longer than the body", l);
  free(longer);

  kc_article_src_free(&a);
  return 0;
}
