/* The view stack: ownership rules only, no drawing. Growing it follows the
 * out-of-memory rule (mem.h), so a push of a view never fails. */
#include "kneecare/viewstack.h"

#include <stdlib.h>

#include "kneecare/mem.h"

void kc_viewstack_init(struct kc_viewstack *s, void (*destroy)(struct kc_view *)) {
  s->items = NULL;
  s->n = s->cap = 0;
  s->destroy = destroy;
  s->changes = 0;
}

int kc_viewstack_push(struct kc_viewstack *s, struct kc_view *v) {
  if (!v) return -1;
  KC_GROW(s->items, s->cap, s->n + 1);
  s->items[s->n++] = v;
  s->changes++;
  return 0;
}

int kc_viewstack_pop(struct kc_viewstack *s) {
  if (s->n <= 1) return 0;
  s->destroy(s->items[--s->n]);
  s->changes++;
  return 1;
}

int kc_viewstack_replace(struct kc_viewstack *s, struct kc_view *v) {
  if (!v) return -1;
  if (s->n == 0) return kc_viewstack_push(s, v);
  s->destroy(s->items[s->n - 1]);
  s->items[s->n - 1] = v;
  s->changes++;
  return 0;
}

void kc_viewstack_pop_to_root(struct kc_viewstack *s) {
  while (kc_viewstack_pop(s)) {}
}

struct kc_view *kc_viewstack_top(const struct kc_viewstack *s) {
  return s->n ? s->items[s->n - 1] : NULL;
}

struct kc_view *kc_viewstack_at(const struct kc_viewstack *s, size_t depth) {
  return depth < s->n ? s->items[s->n - 1 - depth] : NULL;
}

size_t kc_viewstack_depth(const struct kc_viewstack *s) { return s->n; }

void kc_viewstack_free(struct kc_viewstack *s) {
  while (s->n) s->destroy(s->items[--s->n]);
  free(s->items);
  s->items = NULL;
  s->cap = 0;
}
