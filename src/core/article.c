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

int kc_article_parse(const char *text, size_t len, struct kc_article_src *a, int *err_line,
                     char *err, size_t errlen) {
  memset(a, 0, sizeof *a);
  a->order = 500;
  *err_line = 0;
  if (memchr(text, '\0', len)) {
    fail(err_line, 0, err, errlen, "file contains a NUL byte");
    return -1;
  }
  if (!kc_utf8_valid(text, len)) {
    /* Find the line of the first bad byte for the message. */
    int line = 1;
    for (size_t i = 0; i < len;) {
      uint32_t cp;
      size_t n = kc_utf8_decode(text + i, len - i, &cp);
      if (cp == KC_REPLACEMENT && n == 1 && (unsigned char)text[i] >= 0x80) break;
      if (text[i] == '\n') line++;
      i += n;
    }
    fail(err_line, line, err, errlen, "invalid UTF-8");
    return -1;
  }
  int related_seen = 0, order_seen = 0, line = 0;
  size_t pos = 0;
  int ended = 0;
  while (pos < len) {
    line++;
    const char *l = text + pos;
    const char *nl = memchr(l, '\n', len - pos);
    size_t n = nl ? (size_t)(nl - l) : len - pos;
    pos += n + (nl ? 1 : 0);
    while (n && l[n - 1] == '\r') n--;
    if (n == 3 && memcmp(l, "---", 3) == 0) {
      ended = 1;
      break;
    }
    if (n == 0) continue;
    const char *colon = memchr(l, ':', n);
    if (!colon) {
      fail(err_line, line, err, errlen, "expected 'key: value' or '---'");
      goto bad;
    }
    /* Keys are lower-case letters; anything else is not echoed back (a
     * message must never carry a file's control bytes to a terminal). */
    size_t kl = (size_t)(colon - l);
    while (kl && (l[kl - 1] == ' ' || l[kl - 1] == '\t')) kl--;
    int key_ok = kl > 0;
    for (size_t k = 0; k < kl && key_ok; k++) key_ok = l[k] >= 'a' && l[k] <= 'z';
    if (!key_ok) {
      fail(err_line, line, err, errlen, "expected 'key: value' with a lower-case key, or '---'");
      goto bad;
    }
    char *key = dup_trim(l, (size_t)(colon - l));
    char *val = dup_trim(colon + 1, n - (size_t)(colon - l) - 1);
    if (!key || !val) {
      free(key);
      free(val);
      fail(err_line, line, err, errlen, "out of memory");
      goto bad;
    }
    int rc = check_value(key, val, line, err_line, err, errlen);
    if (rc == 0) {
      if (strcmp(key, "id") == 0) {
        a->id_line = line;
        rc = set_once(&a->id, val, key, line, err_line, err, errlen);
      } else if (strcmp(key, "title") == 0) {
        rc = set_once(&a->title, val, key, line, err_line, err, errlen);
      } else if (strcmp(key, "topic") == 0) {
        a->topic_line = line;
        rc = set_once(&a->topic, val, key, line, err_line, err, errlen);
      } else if (strcmp(key, "summary") == 0) {
        rc = set_once(&a->summary, val, key, line, err_line, err, errlen);
      } else if (strcmp(key, "related") == 0) {
        if (related_seen++) {
          fail(err_line, line, err, errlen, "related: given twice");
          rc = -1;
        } else {
          a->related_line = line;
          rc = split_related(a, val, line, err_line, err, errlen);
        }
        free(val);
      } else if (strcmp(key, "order") == 0) {
        char *end;
        long v = strtol(val, &end, 10);
        if (order_seen++ || !val[0] || *end || v < 1 || v > 999) {
          fail(err_line, line, err, errlen, "order: must be given once, a number from 1 to 999");
          rc = -1;
        }
        a->order = (int)v;
        free(val);
      } else if (strcmp(key, "source") == 0) {
        rc = val[0] ? push(&a->sources, &a->n_sources, val) : (free(val), 0);
      } else if (strcmp(key, "reviewed") == 0) {
        a->reviewed_line = line;
        rc = set_once(&a->reviewed, val, key, line, err_line, err, errlen);
      } else {
        char e[200];
        fail(err_line, line, err, errlen, "unknown header field '%s'", echo(key, e, sizeof e));
        free(val);
        rc = -1;
      }
    } else {
      free(val);
    }
    free(key);
    if (rc) goto bad;
  }
  if (!ended) {
    fail(err_line, line ? line : 1, err, errlen, "header not closed by a '---' line");
    goto bad;
  }
  static const char *required[] = {"id", "title", "topic", "summary"};
  char *vals[] = {a->id, a->title, a->topic, a->summary};
  for (size_t i = 0; i < 4; i++)
    if (!vals[i] || !vals[i][0]) {
      fail(err_line, line, err, errlen, "missing header field '%s'", required[i]);
      goto bad;
    }
  if (a->n_sources == 0) {
    fail(err_line, line, err, errlen, "missing header field 'source' (at least one)");
    goto bad;
  }
  a->body = text + pos;
  a->body_len = len - pos;
  a->body_line = line + 1;
  int empty = 1;
  for (size_t i = 0; i < a->body_len && empty; i++)
    if (a->body[i] != ' ' && a->body[i] != '\n' && a->body[i] != '\t' && a->body[i] != '\r')
      empty = 0;
  if (empty) {
    fail(err_line, line, err, errlen, "empty article: no body after '---'");
    goto bad;
  }
  for (size_t i = 0, bl = (size_t)a->body_line; i < a->body_len; i++) {
    unsigned char c = (unsigned char)a->body[i];
    if (c == '\n')
      bl++;
    else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F) {
      fail(err_line, (int)bl, err, errlen, "control character in body");
      goto bad;
    }
  }
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
