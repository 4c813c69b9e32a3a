/* Parser and per-file validator for article sources. Everything a writer can
 * get wrong in one file is caught here with its line number; what needs the
 * other files (topics, links, duplicate ids) is the packer's job. */
#include "kneecare/article.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/day.h"
#include "kneecare/text.h"

static void fail(int *err_line, int line, char *err, size_t errlen, const char *fmt, ...) {
  *err_line = line;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}

int kc_article_id_valid(const char *id) {
  size_t n = strlen(id);
  if (n == 0 || n > KC_ID_MAX || id[0] == '-' || id[n - 1] == '-') return 0;
  for (size_t i = 0; i < n; i++)
    if (!((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') || id[i] == '-'))
      return 0;
  return 1;
}

/* A value quoted in a message: at most 40 columns, never cut inside a
 * character, control characters replaced. */
static const char *echo(const char *v, char *buf, size_t n) {
  char clean[256];
  size_t len = strlen(v);
  kc_text_sanitize(v, len < 160 ? len : 160, clean, sizeof clean, 0);
  kc_text_truncate(clean, strlen(clean), 40, buf, n);
  return buf;
}

static char *dup_trim(const char *s, size_t n) {
  while (n && (*s == ' ' || *s == '\t')) s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
  char *r = malloc(n + 1);
  if (!r) return NULL;
  memcpy(r, s, n);
  r[n] = '\0';
  return r;
}

static int push(char ***arr, size_t *n, char *item) {
  char **a = realloc(*arr, (*n + 1) * sizeof *a);
  if (!a) {
    free(item);
    return -1;
  }
  a[(*n)++] = item;
  *arr = a;
  return 0;
}

static int split_related(struct kc_article_src *a, const char *v, int line, int *err_line,
                         char *err, size_t errlen) {
  const char *p = v;
  while (*p) {
    const char *e = strchr(p, ',');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    char *id = dup_trim(p, n);
    if (!id) return -1;
    if (id[0] == '\0') {
      free(id);
    } else if (!kc_article_id_valid(id)) {
      char shown[200];
      fail(err_line, line, err, errlen, "related: '%s' is not a valid article id",
           echo(id, shown, sizeof shown));
      free(id);
      return -1;
    } else if (push(&a->related, &a->n_related, id)) {
      return -1;
    }
    p = e ? e + 1 : p + n;
  }
  return 0;
}

void kc_article_src_free(struct kc_article_src *a) {
  free(a->id);
  free(a->title);
  free(a->topic);
  free(a->summary);
  free(a->reviewed);
  for (size_t i = 0; i < a->n_related; i++) free(a->related[i]);
  free(a->related);
  for (size_t i = 0; i < a->n_sources; i++) free(a->sources[i]);
  free(a->sources);
  memset(a, 0, sizeof *a);
}

static bool reviewed_ok(const char *v) {
  int day;
  return kc_day_parse(v, &day);
}

static int check_value(const char *key, const char *v, int line, int *err_line, char *err,
                       size_t errlen) {
  for (size_t i = 0, n = strlen(v); i < n;) {
    uint32_t cp;
    i += kc_utf8_decode(v + i, n - i, &cp);
    if (kc_cp_is_unsafe(cp)) { /* C0, DEL, C1 and bidi overrides */
      fail(err_line, line, err, errlen, "%s: control character in value", key);
      return -1;
    }
  }
  if (strcmp(key, "id") == 0 && !kc_article_id_valid(v)) {
    char e[200];
    fail(err_line, line, err, errlen, "id: '%s' must be 1-64 of a-z, 0-9 and '-'",
         echo(v, e, sizeof e));
    return -1;
  }
  if (strcmp(key, "title") == 0 && kc_text_width(v, strlen(v)) > KC_TITLE_MAX_COLS) {
    fail(err_line, line, err, errlen, "title: longer than %d columns", KC_TITLE_MAX_COLS);
    return -1;
  }
  if (strcmp(key, "reviewed") == 0 && !reviewed_ok(v)) {
    fail(err_line, line, err, errlen, "reviewed: must be a date YYYY-MM-DD");
    return -1;
  }
  if (strcmp(key, "summary") == 0 && kc_text_width(v, strlen(v)) > KC_SUMMARY_MAX_COLS) {
    fail(err_line, line, err, errlen, "summary: longer than %d columns", KC_SUMMARY_MAX_COLS);
    return -1;
  }
  return 0;
}

static int set_once(char **slot, char *v, const char *key, int line, int *err_line, char *err,
                    size_t errlen) {
  if (*slot) {
    fail(err_line, line, err, errlen, "%s: given twice", key);
    free(v);
    return -1;
  }
  *slot = v;
  return 0;
}

/* Where a parse reports its failure: the line and the message. */
struct why {
  int *line;
  char *err;
  size_t errlen;
};

/* The whole file: no NUL byte, valid UTF-8 (the message names the line of
 * the first bad byte). */
static int check_encoding(const char *text, size_t len, struct why *w) {
  if (memchr(text, '\0', len)) {
    fail(w->line, 0, w->err, w->errlen, "file contains a NUL byte");
    return -1;
  }
  if (kc_utf8_valid(text, len)) return 0;
  int line = 1;
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    size_t n = kc_utf8_decode(text + i, len - i, &cp);
    if (cp == KC_REPLACEMENT && n == 1 && (unsigned char)text[i] >= 0x80) break;
    if (text[i] == '\n') line++;
    i += n;
  }
  fail(w->line, line, w->err, w->errlen, "invalid UTF-8");
  return -1;
}

static int set_order(struct kc_article_src *a, const char *val, int *seen, int line,
                     struct why *w) {
  char *end;
  long v = strtol(val, &end, 10);
  if ((*seen)++ || !val[0] || *end || v < 1 || v > 999) {
    fail(w->line, line, w->err, w->errlen, "order: must be given once, a number from 1 to 999");
    return -1;
  }
  a->order = (int)v;
  return 0;
}

/* Stores one checked header value under its key; takes ownership of val. */
static int set_field(struct kc_article_src *a, const char *key, char *val, int line, int seen[2],
                     struct why *w) {
  struct {
    const char *key;
    char **slot;
    int *line;
  } once[] = {{"id", &a->id, &a->id_line},
              {"title", &a->title, NULL},
              {"topic", &a->topic, &a->topic_line},
              {"summary", &a->summary, NULL},
              {"reviewed", &a->reviewed, &a->reviewed_line}};
  for (size_t i = 0; i < sizeof once / sizeof once[0]; i++)
    if (strcmp(key, once[i].key) == 0) {
      if (once[i].line) *once[i].line = line;
      return set_once(once[i].slot, val, key, line, w->line, w->err, w->errlen);
    }
  int rc = 0;
  if (strcmp(key, "source") == 0)
    return val[0] ? push(&a->sources, &a->n_sources, val) : (free(val), 0);
  if (strcmp(key, "related") == 0) {
    if (seen[0]++) {
      fail(w->line, line, w->err, w->errlen, "related: given twice");
      rc = -1;
    } else {
      a->related_line = line;
      rc = split_related(a, val, line, w->line, w->err, w->errlen);
    }
  } else if (strcmp(key, "order") == 0) {
    rc = set_order(a, val, &seen[1], line, w);
  } else {
    char e[200];
    fail(w->line, line, w->err, w->errlen, "unknown header field '%s'", echo(key, e, sizeof e));
    rc = -1;
  }
  free(val);
  return rc;
}

/* One non-empty header line, "key: value". Keys are lower-case letters;
 * anything else is not echoed back (a message must never carry a file's
 * control bytes to a terminal). */
static int header_line(struct kc_article_src *a, const char *l, size_t n, int line, int seen[2],
                       struct why *w) {
  const char *colon = memchr(l, ':', n);
  if (!colon) {
    fail(w->line, line, w->err, w->errlen, "expected 'key: value' or '---'");
    return -1;
  }
  size_t kl = (size_t)(colon - l);
  while (kl && (l[kl - 1] == ' ' || l[kl - 1] == '\t')) kl--;
  int key_ok = kl > 0;
  for (size_t k = 0; k < kl && key_ok; k++) key_ok = l[k] >= 'a' && l[k] <= 'z';
  if (!key_ok) {
    fail(w->line, line, w->err, w->errlen, "expected 'key: value' with a lower-case key, or '---'");
    return -1;
  }
  char *key = dup_trim(l, (size_t)(colon - l));
  char *val = dup_trim(colon + 1, n - (size_t)(colon - l) - 1);
  int rc = -1;
  if (!key || !val) {
    fail(w->line, line, w->err, w->errlen, "out of memory");
    free(val);
  } else if (check_value(key, val, line, w->line, w->err, w->errlen) != 0) {
    free(val);
  } else {
    rc = set_field(a, key, val, line, seen, w);
  }
  free(key);
  return rc;
}

/* The header, up to and including its closing '---'; *pos and *line end
 * just past it. */
static int parse_header(struct kc_article_src *a, const char *text, size_t len, size_t *pos,
                        int *line, struct why *w) {
  int seen[2] = {0, 0}; /* related, order */
  while (*pos < len) {
    ++*line;
    const char *l = text + *pos;
    const char *nl = memchr(l, '\n', len - *pos);
    size_t n = nl ? (size_t)(nl - l) : len - *pos;
    *pos += n + (nl ? 1 : 0);
    while (n && l[n - 1] == '\r') n--;
    if (n == 3 && memcmp(l, "---", 3) == 0) return 0;
    if (n && header_line(a, l, n, *line, seen, w)) return -1;
  }
  fail(w->line, *line ? *line : 1, w->err, w->errlen, "header not closed by a '---' line");
  return -1;
}

static int check_required(const struct kc_article_src *a, int line, struct why *w) {
  static const char *required[] = {"id", "title", "topic", "summary"};
  const char *vals[] = {a->id, a->title, a->topic, a->summary};
  for (size_t i = 0; i < 4; i++)
    if (!vals[i] || !vals[i][0]) {
      fail(w->line, line, w->err, w->errlen, "missing header field '%s'", required[i]);
      return -1;
    }
  if (a->n_sources == 0) {
    fail(w->line, line, w->err, w->errlen, "missing header field 'source' (at least one)");
    return -1;
  }
  return 0;
}

/* The body: not blank, and no control character but tab and CR. */
static int check_body(const struct kc_article_src *a, int line, struct why *w) {
  int empty = 1;
  for (size_t i = 0; i < a->body_len && empty; i++)
    if (a->body[i] != ' ' && a->body[i] != '\n' && a->body[i] != '\t' && a->body[i] != '\r')
      empty = 0;
  if (empty) {
    fail(w->line, line, w->err, w->errlen, "empty article: no body after '---'");
    return -1;
  }
  for (size_t i = 0, bl = (size_t)a->body_line; i < a->body_len; i++) {
    unsigned char c = (unsigned char)a->body[i];
    if (c == '\n')
      bl++;
    else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F) {
      fail(w->line, (int)bl, w->err, w->errlen, "control character in body");
      return -1;
    }
  }
  return 0;
}

int kc_article_parse(const char *text, size_t len, struct kc_article_src *a, int *err_line,
                     char *err, size_t errlen) {
  memset(a, 0, sizeof *a);
  a->order = 500;
  *err_line = 0;
  struct why w = {err_line, err, errlen};
  if (check_encoding(text, len, &w)) return -1;
  size_t pos = 0;
  int line = 0;
  if (parse_header(a, text, len, &pos, &line, &w) || check_required(a, line, &w)) goto bad;
  a->body = text + pos;
  a->body_len = len - pos;
  a->body_line = line + 1;
  if (check_body(a, line, &w)) goto bad;
  return 0;
bad:
  kc_article_src_free(a);
  return -1;
}

int kc_article_link_line(const struct kc_article_src *a, const char *target) {
  size_t tl = strlen(target);
  int line = a->body_line;
  for (size_t i = 0; i + 2 + tl <= a->body_len; i++) {
    if (a->body[i] == '\n') line++;
    if (a->body[i] == ']' && a->body[i + 1] == '(' && memcmp(a->body + i + 2, target, tl) == 0)
      return line;
  }
  return a->body_line;
}
