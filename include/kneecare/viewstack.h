/* A stack of views (screens). Curses-free so its rules are unit-tested with
 * fake views: the top view gets input and draws; popping destroys a view;
 * the bottom view (home) is never popped. */
#ifndef KC_VIEWSTACK_H
#define KC_VIEWSTACK_H

#include <stddef.h>

struct kc_view; /* defined by the UI; the stack only stores pointers */

struct kc_viewstack {
  struct kc_view **items;
  size_t n, cap;
  void (*destroy)(struct kc_view *); /* called for each view popped or freed */
  unsigned long changes; /* pushes, pops and replacements so far: a new top shows as a new count */
};

void kc_viewstack_init(struct kc_viewstack *s, void (*destroy)(struct kc_view *));
/* Takes ownership of v (destroys it if the push fails). Returns 0 or -1. */
int kc_viewstack_push(struct kc_viewstack *s, struct kc_view *v);
/* Pops and destroys the top view unless it is the only one. Returns 1 if
 * popped, 0 if the stack had one view or none. */
int kc_viewstack_pop(struct kc_viewstack *s);
/* Replaces the top view (destroying it) with v. */
int kc_viewstack_replace(struct kc_viewstack *s, struct kc_view *v);
/* Pops down to (not including) the bottom view. */
void kc_viewstack_pop_to_root(struct kc_viewstack *s);
struct kc_view *kc_viewstack_top(const struct kc_viewstack *s);
struct kc_view *kc_viewstack_at(const struct kc_viewstack *s, size_t depth_from_top);
size_t kc_viewstack_depth(const struct kc_viewstack *s);
void kc_viewstack_free(struct kc_viewstack *s);

#endif
