/* Home: the symptom check and recovery plan, the topics to read, and the
 * tools (search, profiles, help). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/blob.h"
#include "ui.h"

enum home_kind { H_TOPIC, H_SEARCH, H_HELP, H_WIZARD, H_PLAN, H_HISTORY, H_PROFILES };

struct home {
  struct kc_view base;
  struct kc_list list;
  struct kc_topic *topics;
  size_t n_topics;
  enum home_kind *kinds; /* per list item */
  size_t *index;         /* topic index per list item */
};

static void add(struct home *h, const char *text, const char *detail, enum home_kind k, size_t idx,
                int header) {
  kc_list_add(&h->list, text, detail, -1, header);
  h->kinds = realloc(h->kinds, h->list.n * sizeof *h->kinds);
  h->index = realloc(h->index, h->list.n * sizeof *h->index);
  if (!h->kinds || !h->index) return;
  h->kinds[h->list.n - 1] = k;
  h->index[h->list.n - 1] = idx;
}

static void home_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct home *s = (struct home *)v;
  int top;
  if (h >= 16) {
    kc_puts(y + 1, 2, w - 4, "Inner knee pain after running: a self-care guide",
            kc_attr(ROLE_HEADING));
    int note = kc_put_wrapped(y + 2, 2, 2, w - 4,
                              "Not a clinician's advice. In an emergency call your local "
                              "emergency number.",
                              kc_attr(ROLE_WARNING));
    top = y + 3 + note;
  } else {
    /* Small terminal: one line of warning, the rest for the menu. */
    kc_puts(y, 2, w - 4, "Emergency? Call your local emergency number.", kc_attr(ROLE_WARNING));
    top = y + 1;
  }
  kc_list_draw(&s->list, top, h - (top - y), w);
}

static enum kc_result home_handle(struct kc_view *v, struct kc_ui *ui, const struct kc_event *ev) {
  struct home *s = (struct home *)v;
  if (ev->action == ACT_BACK || ev->action == ACT_LEFT) return V_HANDLED; /* nothing below home */
  int act;
  enum kc_result r = kc_list_handle(&s->list, ev, &act);
  if (!act) return r;
  size_t i = s->list.sel;
  switch (s->kinds[i]) {
  case H_TOPIC: {
    struct kc_topic *t = &s->topics[s->index[i]];
    kc_ui_push(ui, kc_topic_new(ui, t->id, t->title));
    break;
  }
  case H_SEARCH: kc_ui_push(ui, kc_search_new(ui)); break;
  case H_HELP: kc_ui_push(ui, kc_help_new(ui, 1)); break;
  case H_WIZARD: kc_ui_push(ui, kc_wizard_new(ui)); break;
  case H_PLAN: kc_plan_open(ui); break;
  case H_HISTORY: kc_ui_push(ui, kc_history_new(ui)); break;
  case H_PROFILES: kc_ui_push(ui, kc_profiles_new(ui)); break;
  }
  return V_HANDLED;
}

static void home_destroy(struct kc_view *v) {
  struct home *s = (struct home *)v;
  kc_list_free(&s->list);
  kc_topics_free(s->topics, s->n_topics);
  free(s->kinds);
  free(s->index);
  free(s);
}

static const struct kc_view_ops home_ops = {
    .name = "home", .draw = home_draw, .handle = home_handle, .destroy = home_destroy};

struct kc_view *kc_home_new(struct kc_ui *ui) {
  struct home *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->base.ops = &home_ops;
  if (!ui->app->content_path && !ui->app->content) {
    /* Built-in content: the topic list is compiled in, so the first frame
     * does not wait for the database (opened when a topic is). */
    s->topics = calloc((size_t)kc_blob_topic_count + 1, sizeof *s->topics);
    for (int i = 0; s->topics && i < kc_blob_topic_count; i++)
      s->topics[s->n_topics++] =
          (struct kc_topic){strdup(kc_blob_topics[i].id), strdup(kc_blob_topics[i].title),
                            strdup(kc_blob_topics[i].summary), kc_blob_topics[i].n_articles};
  } else if (kc_content_topics(kc_app_content(ui->app), &s->topics, &s->n_topics) != 0) {
    s->topics = NULL;
    s->n_topics = 0;
    kc_ui_message(ui, ROLE_WARNING, "Cannot read the topics from the content database");
  }
  add(s, "Check and recover", NULL, H_WIZARD, 0, 1);
  add(s, "Check my symptoms", "red flags first, then likely causes", H_WIZARD, 0, 0);
  add(s, "3-day recovery plan", "rest, ice, compression, elevation", H_PLAN, 0, 0);
  add(s, "Past symptom checks", NULL, H_HISTORY, 0, 0);
  add(s, "Read", NULL, H_TOPIC, 0, 1);
  for (size_t i = 0; i < s->n_topics; i++) {
    char count[32];
    snprintf(count, sizeof count, "%d", s->topics[i].n_articles);
    add(s, s->topics[i].title, count, H_TOPIC, i, 0);
  }
  add(s, "Tools", NULL, H_SEARCH, 0, 1);
  add(s, "Search all articles", "/", H_SEARCH, 0, 0);
  add(s, "Profiles", NULL, H_PROFILES, 0, 0);
  add(s, "Help, keys and safety notice", "?", H_HELP, 0, 0);
  kc_list_select_first(&s->list);
  return &s->base;
}
