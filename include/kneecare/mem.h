/* The one out-of-memory rule: allocation never fails for the caller. When
 * the C library cannot allocate, the registered hook runs (the TUI restores
 * the terminal there), one line "kneecare: out of memory" goes to stderr and
 * the process exits with status 1 -- tmux's xmalloc and htop's xMalloc do the
 * same. Code that uses these needs no per-site recovery and has no untested
 * branches; nothing half-built is ever shown or saved (every write is a
 * transaction, committed or not at all).
 *
 * Sizes are checked for overflow. Pure C, no globals beyond the hook. */
#ifndef KC_MEM_H
#define KC_MEM_H

#include <stddef.h>

void *kc_xmalloc(size_t size);
void *kc_xcalloc(size_t n, size_t size);
void *kc_xrealloc(void *ptr, size_t size);
/* reallocarray with the same rule: n * size, overflow checked. */
void *kc_xreallocarray(void *ptr, size_t n, size_t size);
char *kc_xstrdup(const char *s);
char *kc_xstrndup(const char *s, size_t n);

/* Grows *ptr (an array of elem-sized items with *cap slots) so that it has
 * room for at least `need` items; capacity doubles. */
void kc_grow(void **ptr, size_t *cap, size_t need, size_t elem);
#define KC_GROW(ptr, cap, need) kc_grow((void **)&(ptr), &(cap), (need), sizeof *(ptr))

/* Called once before exiting on out-of-memory (NULL: none). The hook must
 * not allocate. */
void kc_mem_set_fatal_hook(void (*hook)(void));
/* Exits as described above; for callers whose library reported ENOMEM. */
_Noreturn void kc_mem_fail(void);

#endif
