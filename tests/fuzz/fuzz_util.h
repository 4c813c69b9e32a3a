/* Shared helpers for the libFuzzer targets in tests/fuzz/fuzz_*.c.
 *
 * Every target checks real invariants: a broken one prints what was
 * expected, where, and the input (escaped), then aborts, which libFuzzer
 * reports as a crash and saves as crash-<sha1>. */
#ifndef KC_FUZZ_UTIL_H
#define KC_FUZZ_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input being tested, for messages (set by FUZZ_INPUT). */
static const uint8_t *fuzz_in_;
static size_t fuzz_in_len_;
#define FUZZ_INPUT(d, n) (fuzz_in_ = (d), fuzz_in_len_ = (n))

/* Writes s[0..n) to stderr as a C string literal (at most 2000 bytes). */
static inline void fuzz_dump(const char *label, const void *p, size_t n) {
  const unsigned char *s = p;
  fprintf(stderr, "%s (%zu bytes): \"", label, n);
  size_t lim = n > 2000 ? 2000 : n;
  for (size_t i = 0; i < lim; i++) {
    unsigned c = s[i];
    if (c == '"' || c == '\\')
      fprintf(stderr, "\\%c", c);
    else if (c >= 0x20 && c < 0x7F)
      fputc((int)c, stderr);
    else if (c == '\n')
      fputs("\\n", stderr);
    else
      fprintf(stderr, "\\x%02X\"\"", c); /* "" ends the hex escape */
  }
  fprintf(stderr, "\"%s\n", lim < n ? "..." : "");
}

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static inline _Noreturn void
fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...) {
  fprintf(stderr, "\n==== FUZZ INVARIANT BROKEN at %s:%d: (%s) ", file, line, cond);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  if (fuzz_in_) fuzz_dump("input", fuzz_in_, fuzz_in_len_);
  fflush(stderr);
  abort();
}

/* FUZZ_CHECK(cond, "format", ...): abort with a message unless cond. */
#define FUZZ_CHECK(cond, ...)                                                                      \
  do {                                                                                             \
    if (!(cond)) fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);                                \
  } while (0)

/* Byte offset of the first problem that makes s[0..n) unfit for a terminal:
 * invalid UTF-8, or a code point kc_cp_is_unsafe() refuses (C0 controls
 * including NUL, DEL, C1 controls, bidirectional overrides and isolates).
 * `allow_nl` lets '\n' through. Returns n when the text is fine. */
static inline size_t fuzz_unprintable_at(const char *s, size_t n, int allow_nl) {
  size_t i = 0;
  while (i < n) {
    uint32_t cp;
    size_t m = kc_utf8_decode(s + i, n - i, &cp);
    if (m == 0) return i;
    if (cp == KC_REPLACEMENT && m == 1) return i; /* a bad byte, not a real U+FFFD */
    if (kc_cp_is_unsafe(cp) && !(allow_nl && cp == '\n')) return i;
    i += m;
  }
  return i;
}

/* 1 when s[0..n) is printable text (see fuzz_unprintable_at). */
static inline int fuzz_printable(const char *s, size_t n, int allow_nl) {
  return fuzz_unprintable_at(s, n, allow_nl) == n && kc_utf8_valid(s, n);
}

/* An error message: NUL-terminated inside buf[0..cap), non-empty and
 * printable. */
#define FUZZ_CHECK_MESSAGE(buf, cap)                                                               \
  do {                                                                                             \
    const char *m_ = memchr((buf), '\0', (cap));                                                   \
    FUZZ_CHECK(m_ != NULL, "error message not NUL-terminated");                                    \
    size_t ml_ = (size_t)(m_ - (buf));                                                             \
    FUZZ_CHECK(ml_ > 0, "empty error message");                                                    \
    if (!fuzz_printable((buf), ml_, 0)) {                                                          \
      fuzz_dump("message", (buf), ml_);                                                            \
      FUZZ_CHECK(0, "error message is not printable text: bad byte at offset %zu",                 \
                 fuzz_unprintable_at((buf), ml_, 0));                                              \
    }                                                                                              \
  } while (0)

/* Malloc'd copy of data[0..n) plus a NUL (so ASan sees reads past n+1). */
static inline char *fuzz_strndup(const uint8_t *data, size_t n) {
  char *s = malloc(n + 1);
  if (!s) abort();
  if (n) memcpy(s, data, n);
  s[n] = '\0';
  return s;
}

#endif
