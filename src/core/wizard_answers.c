/* The answers file of `kneecare wizard --answers FILE`: one
 * "question=option[,option]" per line, '#' comments, blank lines. The input
 * is untrusted (it is fuzzed): it is read in place by pointer and length,
 * never copied per line, so NUL bytes, huge lines and invalid UTF-8 are all
 * just bytes that fail to match an id. Ids quoted in error messages are cut
 * short and made printable ASCII so a message cannot carry terminal escapes.
 * Uses only the public engine API. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/mem.h"
#include "kneecare/wizard.h"
#include "wizard_int.h"

#define EXCERPT_MAX 40

/* Printable-ASCII excerpt of p[0..n) into out (at least EXCERPT_MAX + 4). */
static const char *excerpt(char *out, const char *p, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < EXCERPT_MAX; i++) {
    unsigned char c = (unsigned char)p[i];
    out[k++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
  }
  if (n > EXCERPT_MAX) {
    memcpy(out + k, "...", 3);
    k += 3;
  }
  out[k] = '\0';
  return out;
}

static void fail(char *err, size_t errlen, const char *fmt, ...) {
  if (!err || errlen == 0) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

static void trim(const char **s, const char **e) {
  while (*s < *e && blank(**s)) (*s)++;
  while (*e > *s && blank((*e)[-1])) (*e)--;
}

static int find_question_n(const struct kc_wz_def *def, const char *p, size_t n) {
  size_t count = kc_wz_question_count(def);
  for (size_t i = 0; i < count; i++) {
    const char *id = kc_wz_question_at(def, i)->id;
    if (id && strlen(id) == n && memcmp(id, p, n) == 0) return (int)i;
  }
  return -1;
}

static int find_option_n(const struct kc_wz_def *def, size_t qi, const char *p, size_t n) {
  const struct kc_wz_question *q = kc_wz_question_at(def, qi);
  for (size_t j = 0; j < q->n_options; j++) {
    const char *id = q->options[j].id;
    if (id && strlen(id) == n && memcmp(id, p, n) == 0) return (int)j;
  }
  return -1;
}

static int popcount64(uint64_t m) {
  int n = 0;
  for (; m; m &= m - 1) n++;
  return n;
}

/* Parses one non-blank line into (question, mask). Returns 0 or -1. */
static int parse_line(const struct kc_wz_def *def, const char *s, const char *e, size_t lineno,
                      const size_t *line_of, int *qi_out, uint64_t *mask_out, char *err,
                      size_t errlen) {
  char x1[EXCERPT_MAX + 4], x2[EXCERPT_MAX + 4];
  const char *eq = memchr(s, '=', (size_t)(e - s));
  if (!eq) {
    fail(err, errlen, "line %zu: expected question=option, got '%s'", lineno,
         excerpt(x1, s, (size_t)(e - s)));
    return -1;
  }
  const char *ks = s, *ke = eq, *vs = eq + 1, *ve = e;
  trim(&ks, &ke);
  trim(&vs, &ve);
  if (ks == ke) {
    fail(err, errlen, "line %zu: no question id before '='", lineno);
    return -1;
  }
  int qi = find_question_n(def, ks, (size_t)(ke - ks));
  if (qi < 0) {
    excerpt(x1, ks, (size_t)(ke - ks));
    const char *note = kc_wz_change_note(def, x1, NULL);
    fail(err, errlen, "line %zu: unknown question '%s'%s%s%s", lineno, x1,
         note ? " (changed in this version: " : "", note ? note : "", note ? ")" : "");
    return -1;
  }
  const struct kc_wz_question *q = kc_wz_question_at(def, (size_t)qi);
  if (line_of[qi]) {
    fail(err, errlen, "line %zu: question '%s' is answered twice (also on line %zu)", lineno, q->id,
         line_of[qi]);
    return -1;
  }
  if (vs == ve) {
    fail(err, errlen, "line %zu: no option given for question '%s'", lineno, q->id);
    return -1;
  }
  uint64_t mask = 0;
  for (const char *p = vs;;) {
    const char *comma = memchr(p, ',', (size_t)(ve - p));
    const char *os = p, *oe = comma ? comma : ve;
    trim(&os, &oe);
    if (os == oe) {
      fail(err, errlen, "line %zu: empty option in the answer to question '%s'", lineno, q->id);
      return -1;
    }
    int oj = find_option_n(def, (size_t)qi, os, (size_t)(oe - os));
    if (oj < 0) {
      excerpt(x2, os, (size_t)(oe - os));
      const char *note = kc_wz_change_note(def, q->id, x2);
      fail(err, errlen, "line %zu: unknown option '%s' for question '%s'%s%s%s", lineno, x2, q->id,
           note ? " (changed in this version: " : "", note ? note : "", note ? ")" : "");
      return -1;
    }
    uint64_t bit = (uint64_t)1 << oj;
    if (mask & bit) {
      fail(err, errlen, "line %zu: option '%s' is given twice for question '%s'", lineno,
           q->options[oj].id, q->id);
      return -1;
    }
    mask |= bit;
    if (!comma) break;
    p = comma + 1;
  }
  if (q->kind == KC_WZ_ONE && popcount64(mask) > 1) {
    fail(err, errlen, "line %zu: question '%s' takes one option, got %d", lineno, q->id,
         popcount64(mask));
    return -1;
  }
  for (size_t j = 0; j < q->n_options && popcount64(mask) > 1; j++)
    if ((mask >> j & 1) && (q->options[j].flags & KC_WZ_OPT_EXCLUSIVE)) {
      fail(err, errlen, "line %zu: option '%s' of question '%s' cannot be combined with others",
           lineno, q->options[j].id, q->id);
      return -1;
    }
  *qi_out = qi;
  *mask_out = mask;
  return 0;
}

int kc_wz_parse_answers(const struct kc_wz_def *def, const char *text, size_t len,
                        struct kc_wz_answers *a, char *err, size_t errlen) {
  if (err && errlen) err[0] = '\0';
  if (!def || !a || (!text && len)) {
    fail(err, errlen, "no definition or answers");
    return -1;
  }
  kc_wz_answers_reset(a);
  size_t n = kc_wz_question_count(def);
  size_t *line_of = kc_xcalloc(n, sizeof *line_of); /* 0 = not answered */
  int rc = -1;
  size_t lineno = 0;
  const char *p = text, *end = text ? text + len : text;
  while (p < end) {
    lineno++;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    const char *hash = memchr(p, '#', (size_t)(le - p));
    const char *s = p, *e = hash ? hash : le;
    p = nl ? nl + 1 : end;
    trim(&s, &e);
    if (s == e) continue;
    int qi;
    uint64_t mask;
    if (parse_line(def, s, e, lineno, line_of, &qi, &mask, err, errlen) != 0) goto out;
    if (kc_wz_answers_set_mask(a, (size_t)qi, mask) != 0) {
      fail(err, errlen, "line %zu: cannot record the answer", lineno);
      goto out;
    }
    line_of[qi] = lineno;
  }
  /* With every answer in place: answers to questions that are not asked,
   * then required questions left out. A test of the knee answered after a
   * warning sign or a recent injury is ignored, not an error: the sign
   * decides, and refusing the file would hide what to do about it. */
  size_t ignored = 0;
  for (size_t i = 0; i < n; i++)
    if (line_of[i] && !kc_wz_is_asked(def, a, i) && wz_test_blocked(a, i)) {
      kc_wz_answers_clear(a, i); /* not asked: the others stay as they are */
      ignored++;
    }
  for (size_t i = 0; i < n; i++)
    if (line_of[i] && !kc_wz_is_asked(def, a, i) && kc_wz_answers_get(a, i)) {
      const struct kc_wz_question *q = kc_wz_question_at(def, i);
      fail(err, errlen,
           "line %zu: question '%s' is not asked with these answers (asked only if %s)", line_of[i],
           q->id, q->ask_if ? q->ask_if : "its condition holds");
      goto out;
    }
  /* A run may stop at an answer that needs help now: the person was shown
   * what to do instead of the rest of the questions. */
  int miss = kc_wz_stop_now(def, a) ? -1 : kc_wz_first_missing(def, a);
  if (miss >= 0) {
    const struct kc_wz_question *q = kc_wz_question_at(def, (size_t)miss);
    const char *note = kc_wz_change_note(def, q->id, NULL);
    fail(err, errlen, "missing answer to required question '%s' (%s)%s%s", q->id, q->text,
         note ? ": new in this version: " : "", note ? note : "");
    goto out;
  }
  a->ignored = ignored;
  rc = 0;
out:
  free(line_of);
  if (rc != 0) kc_wz_answers_reset(a);
  return rc;
}

/* Appends p[0..n) at *o when out is not NULL; always advances *o. */
static void emit(char *out, size_t *o, const char *p, size_t n) {
  if (out) memcpy(out + *o, p, n);
  *o += n;
}

char *kc_wz_answers_text(const struct kc_wz_def *def, const struct kc_wz_answers *a) {
  if (!def || !a) return NULL;
  size_t n = kc_wz_question_count(def), need = 0;
  /* two passes: measure, then write */
  for (int pass = 0; pass < 2; pass++) {
    char *out = NULL;
    if (pass) out = kc_xmalloc(need + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
      uint64_t m = kc_wz_answers_get(a, i);
      if (!m || !kc_wz_is_asked(def, a, i)) continue;
      const struct kc_wz_question *q = kc_wz_question_at(def, i);
      emit(out, &o, q->id, strlen(q->id));
      const char *sep = "=";
      for (size_t j = 0; j < q->n_options && j < KC_WZ_MAX_OPTIONS; j++) {
        if (!(m >> j & 1)) continue;
        emit(out, &o, sep, 1);
        emit(out, &o, q->options[j].id, strlen(q->options[j].id));
        sep = ",";
      }
      emit(out, &o, "\n", 1);
    }
    if (out) {
      out[o] = '\0';
      return out;
    }
    need = o;
  }
  return NULL;
}
