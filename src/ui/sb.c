/* A growing string for composing Markdown shown by the reader. Allocation
 * failures leave the string as it was (the screen shows less, never
 * crashes). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"

static int reserve(struct kc_sb *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap) return 0;
  size_t ncap = (b->len + extra + 1) * 2;
  char *n = realloc(b->s, ncap);
  if (!n) return -1;
  b->s = n;
  b->cap = ncap;
  return 0;
}

void kc_sb_put(struct kc_sb *b, const char *s) {
  size_t n = strlen(s);
  if (reserve(b, n)) return;
  memcpy(b->s + b->len, s, n + 1);
  b->len += n;
}

void kc_sb_printf(struct kc_sb *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0 || reserve(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void kc_sb_put_md(struct kc_sb *b, const char *s) {
  for (; *s; s++) {
    if (reserve(b, 2)) return;
    if (strchr("\\`*_{}[]()#+-.!<>&|~", *s)) b->s[b->len++] = '\\';
    b->s[b->len++] = *s;
    b->s[b->len] = '\0';
  }
}

const char *kc_sb_str(struct kc_sb *b) { return b->s ? b->s : ""; }

void kc_sb_free(struct kc_sb *b) {
  free(b->s);
  memset(b, 0, sizeof *b);
}
