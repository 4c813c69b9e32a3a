/* Allocation that never returns NULL (see mem.h for the rule and why). */
#include "kneecare/mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void (*fatal_hook)(void);

void kc_mem_set_fatal_hook(void (*hook)(void)) { fatal_hook = hook; }

_Noreturn void kc_mem_fail(void) {
  static const char msg[] = "kneecare: out of memory\n";
  if (fatal_hook) fatal_hook();
  ssize_t r = write(STDERR_FILENO, msg, sizeof msg - 1); /* no stdio: it may allocate */
  (void)r;
  _exit(1);
}

void *kc_xmalloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p) kc_mem_fail();
  return p;
}

void *kc_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) kc_mem_fail();
  return p;
}

void *kc_xrealloc(void *ptr, size_t size) {
  void *p = realloc(ptr, size ? size : 1);
  if (!p) kc_mem_fail();
  return p;
}

void *kc_xreallocarray(void *ptr, size_t n, size_t size) {
  if (size && n > SIZE_MAX / size) kc_mem_fail();
  return kc_xrealloc(ptr, n * size);
}

char *kc_xstrdup(const char *s) { return kc_xstrndup(s, strlen(s)); }

char *kc_xstrndup(const char *s, size_t n) {
  size_t len = strnlen(s, n);
  char *p = kc_xmalloc(len + 1);
  memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

void kc_grow(void **ptr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return;
  size_t ncap = *cap ? *cap : 8;
  while (ncap < need) {
    if (ncap > SIZE_MAX / 2) kc_mem_fail();
    ncap *= 2;
  }
  *ptr = kc_xreallocarray(*ptr, ncap, elem);
  *cap = ncap;
}
