/* A topic: its articles as a list, the selected one's summary below. */
#include <stdlib.h>
#include <string.h>

#include "ui.h"

struct topic {
  struct kc_view base;
  char *id, *title;
  struct kc_list list;
  struct kc_article_ref *refs;
  size_t n;
};

static void topic_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct topic *s = (struct topic *)v;
  int roomy = h >= 16, top = roomy ? y + 3 : y + 1;
  kc_puts(y + roomy, 2, w - 4, s->title, kc_attr(ROLE_HEADING));
  kc_list_draw(&s->list, top, h - (top - y) - (roomy ? 3 : 0), w);
  if (s->n == 0)
    kc_puts(top, 3, w - 6, "No articles in this topic.", kc_attr(ROLE_DIM));
  else if (roomy && s->list.sel < s->n)
    kc_put_wrapped(y + h - 2, 2, 2, w - 4, s->refs[s->list.sel].summary, kc_attr(ROLE_DIM));
}

static enum kc_result topic_handle(struct kc_view *v, struct kc_ui *ui, const struct kc_event *ev) {
  struct topic *s = (struct topic *)v;
  int act;
  enum kc_result r = kc_list_handle(&s->list, ev, &act);
  if (act && s->list.sel < s->n) kc_ui_push(ui, kc_reader_new(ui, s->refs[s->list.sel].id));
  return r;
}

static const char *topic_title(struct kc_view *v) { return ((struct topic *)v)->title; }

static void topic_destroy(struct kc_view *v) {
  struct topic *s = (struct topic *)v;
  kc_list_free(&s->list);
  kc_article_refs_free(s->refs, s->n);
  free(s->id);
  free(s->title);
  free(s);
}

static const struct kc_view_ops topic_ops = {.name = "topic",
                                             .draw = topic_draw,
                                             .handle = topic_handle,
                                             .destroy = topic_destroy,
                                             .title = topic_title};

struct kc_view *kc_topic_new(struct kc_ui *ui, const char *topic_id, const char *title) {
  struct topic *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->base.ops = &topic_ops;
  s->id = strdup(topic_id);
  s->title = strdup(title);
  if (kc_content_list(kc_app_content(ui->app), topic_id, &s->refs, &s->n) != 0) {
    s->refs = NULL;
    s->n = 0;
    kc_ui_message(ui, ROLE_WARNING, "Cannot read the articles of this topic");
  }
  for (size_t i = 0; i < s->n; i++) kc_list_add(&s->list, s->refs[i].title, NULL, -1, 0);
  return &s->base;
}
