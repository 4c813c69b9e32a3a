/* A topic: its articles as a list, the selected one's summary below. */
#include <stdlib.h>
#include <string.h>

#include "ui.h"

struct topic {
  struct kc_view base;
  char *title;
  struct kc_list list;
  struct kc_article_ref *refs;
  size_t n;
};

static const struct kc_binding topic_rows[] = {
    {CMD_OPEN,
     {'\r', KC_KEY(KEY_ENTER), KC_KEY(KEY_RIGHT), 'l'},
     "open the selected article",
     "open",
     NULL},
};
const struct kc_keymap kc_keys_topic = KC_KEYMAP(
    "Topic", "Its articles; the selected one's summary is shown below.", topic_rows, &kc_keys_list);

static void topic_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct topic *s = (struct topic *)v;
  int roomy = h >= 16, top = roomy ? y + 3 : y + 1;
  kc_puts(y + roomy, 2, w - 4, s->title, kc_attr(ROLE_HEADING));
  /* The summary below the list, wrapped whole (up to 3 rows). */
  const char *summary = s->n && s->list.sel < s->n ? s->refs[s->list.sel].summary : "";
  int srows = roomy ? kc_wrapped_rows(summary, w - 4) : 0;
  if (srows > 3) srows = 3;
  kc_list_draw(&s->list, top, h - (top - y) - (srows ? srows + 1 : 0), w);
  if (s->n == 0)
    kc_puts(top, 3, w - 6, "No articles in this topic.", kc_attr(ROLE_DIM));
  else if (srows)
    kc_put_wrapped(y + h - srows, 2, srows, w - 4, summary, kc_attr(ROLE_SAFETY));
}

static enum kc_result topic_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                    const struct kc_event *ev) {
  struct topic *s = (struct topic *)v;
  int act;
  enum kc_result r = kc_list_command(&s->list, cmd, ev, &act);
  if (act && s->list.sel < s->n) kc_ui_push(ui, kc_reader_new(ui, s->refs[s->list.sel].id));
  return r == V_DREW ? V_HANDLED : r; /* the summary below changes too */
}

static const char *topic_title(struct kc_view *v) { return ((struct topic *)v)->title; }

static void topic_destroy(struct kc_view *v) {
  struct topic *s = (struct topic *)v;
  kc_list_free(&s->list);
  kc_article_refs_free(s->refs, s->n);
  free(s->title);
  free(s);
}

static const struct kc_view_ops topic_ops = {.draw = topic_draw,
                                             .keys = &kc_keys_topic,
                                             .command = topic_command,
                                             .destroy = topic_destroy,
                                             .title = topic_title};

struct kc_view *kc_topic_new(struct kc_ui *ui, const char *topic_id, const char *title) {
  struct topic *s = kc_xcalloc(1, sizeof *s);
  s->base.ops = &topic_ops;
  s->title = kc_xstrdup(title);
  if (kc_content_list(kc_app_content(ui->app), topic_id, &s->refs, &s->n) != 0) {
    s->refs = NULL;
    s->n = 0;
    kc_ui_message(ui, ROLE_WARNING, "Cannot read the articles of this topic");
  }
  for (size_t i = 0; i < s->n; i++) kc_list_add(&s->list, s->refs[i].title, NULL, -1, 0);
  return &s->base;
}
