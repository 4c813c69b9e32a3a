/* ASCII output for the commands when the locale's character set is not
 * UTF-8: stdout and stderr are replaced by streams that transliterate (see
 * kc_text_ascii), so a command never writes a byte 0x80-0x9F that an 8-bit
 * terminal would run as a C1 control (U+00DB is C3 9B: CSI). One call at
 * start-up covers every printf of every command. A sequence split across
 * two writes is held back until it is whole. */
#define _GNU_SOURCE /* fopencookie */
#include <stdio.h>
#include <string.h>

#include "kneecare/text.h"

struct ascii_stream {
  FILE *real;
  char held[4]; /* the start of a UTF-8 sequence cut by the buffer */
  size_t n_held;
};

/* Bytes at the end of s[0..len) that begin an unfinished UTF-8 sequence. */
static size_t unfinished(const char *s, size_t len) {
  for (size_t k = 1; k <= 3 && k <= len; k++) {
    unsigned char c = (unsigned char)s[len - k];
    if ((c & 0xC0) == 0x80) continue;
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

static ssize_t ascii_write(void *cookie, const char *buf, size_t size) {
  struct ascii_stream *a = cookie;
  char in[4096 + 4], out[4096 * 2 + 8];
  size_t done = 0;
  while (done < size) {
    size_t take = size - done < 4096 ? size - done : 4096;
    memcpy(in, a->held, a->n_held);
    memcpy(in + a->n_held, buf + done, take);
    size_t len = a->n_held + take, keep = unfinished(in, len);
    size_t n = kc_text_ascii(in, len - keep, out, sizeof out);
    memcpy(a->held, in + len - keep, keep);
    a->n_held = keep;
    if (fwrite(out, 1, n, a->real) != n) return done ? (ssize_t)done : -1;
    done += take;
  }
  return fflush(a->real) == 0 ? (ssize_t)size : -1;
}

static FILE *ascii_stream(FILE *real) {
  static struct ascii_stream cookies[2];
  static int used;
  struct ascii_stream *a = &cookies[used++ % 2];
  a->real = real;
  a->n_held = 0;
  cookie_io_functions_t io = {.write = ascii_write};
  FILE *f = fopencookie(a, "w", io);
  return f ? f : real;
}

int kc_text_ascii_stdio(void) {
  if (kc_codeset_is_utf8()) return 0;
  stdout = ascii_stream(stdout);
  stderr = ascii_stream(stderr);
  setvbuf(stderr, NULL, _IONBF, 0);
  return 1;
}
