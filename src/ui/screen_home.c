/* Home: the symptom check and recovery plan, the topics to read, and the
 * tools (search, profiles, help). The bottom of the stack: Back does
 * nothing here and is not hinted; q quits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"

enum home_kind { H_TOPIC, H_SEARCH, H_HELP, H_WIZARD, H_PLAN, H_HISTORY, H_PROFILES, H_RUN };

struct home {
  struct kc_view base;
  struct kc_list list;
  struct kc_topic *topics;
  size_t n_topics;
  enum home_kind *kinds; /* per list item */
  size_t *index;         /* topic index per list item */
  size_t cap_kinds, cap_index;
};

static const struct kc_binding home_rows[] = {
    {CMD_OPEN,
     {'\r', KC_KEY(KEY_ENTER), KC_KEY(KEY_RIGHT), 'l'},
     "open the selected item",
     "open",
     NULL},
};
const struct kc_keymap kc_keys_home =
    KC_KEYMAP("Home",
              "The symptom check, the recovery plan, the topics to read, search, profiles and "
              "help. q quits from here.",
              home_rows, &kc_keys_list);

static void add(struct home *h, const char *text, const char *detail, enum home_kind k, size_t idx,
                int header) {
  kc_list_add(&h->list, text, detail, -1, header);
  KC_GROW(h->kinds, h->cap_kinds, h->list.n);
  KC_GROW(h->index, h->cap_index, h->list.n);
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
    /* Small terminal: the warning wrapped, the rest for the menu. */
    top = y + kc_put_wrapped(y, 2, 2, w - 4, "Emergency? Call your local emergency number.",
                             kc_attr(ROLE_WARNING));
  }
  kc_list_draw(&s->list, top, h - (top - y), w);
}

static void open_item(struct home *s, struct kc_ui *ui) {
  size_t i = s->list.sel;
  switch (s->kinds[i]) {
  case H_TOPIC: {
    struct kc_topic *t = &s->topics[s->index[i]];
    kc_ui_push(ui, kc_topic_new(ui, t->id, t->title));
    break;
  }
  case H_SEARCH: kc_ui_push(ui, kc_search_new(ui)); break;
  case H_HELP: kc_ui_push(ui, kc_help_new(ui, 0)); break;
  case H_WIZARD: kc_ui_push(ui, kc_wizard_new(ui)); break;
  case H_PLAN: kc_plan_open(ui); break;
  case H_RUN: kc_ui_push(ui, kc_run_open(ui)); break;
  case H_HISTORY: kc_ui_push(ui, kc_history_new(ui)); break;
  case H_PROFILES: kc_ui_push(ui, kc_profiles_new(ui)); break;
  }
}

static enum kc_result home_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                   const struct kc_event *ev) {
  struct home *s = (struct home *)v;
  if (cmd == CMD_BACK) return V_HANDLED; /* nothing below home */
  int act;
  enum kc_result r = kc_list_command(&s->list, cmd, ev, &act);
  if (act) open_item(s, ui);
  return act ? V_HANDLED : r;
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
    .draw = home_draw, .keys = &kc_keys_home, .command = home_command, .destroy = home_destroy};

struct kc_view *kc_home_new(struct kc_ui *ui) {
  struct home *s = kc_xcalloc(1, sizeof *s);
  s->base.ops = &home_ops;
  if (kc_app_topics(ui->app, &s->topics, &s->n_topics) != 0)
    kc_ui_message(ui, ROLE_WARNING, "Cannot read the topics from the content database");
  add(s, "Check and recover", NULL, H_WIZARD, 0, 1);
  add(s, "Check my symptoms", "red flags first, then likely causes", H_WIZARD, 0, 0);
  add(s, "3-day recovery plan", "home care that fits the problem", H_PLAN, 0, 0);
  add(s, "Past symptom checks", NULL, H_HISTORY, 0, 0);
  add(s, "Read", NULL, H_TOPIC, 0, 1);
  for (size_t i = 0; i < s->n_topics; i++) {
    char count[32];
    snprintf(count, sizeof count, "%d", s->topics[i].n_articles);
    add(s, s->topics[i].title, count, H_TOPIC, i, 0);
  }
  add(s, "Tools", NULL, H_SEARCH, 0, 1);
  add(s, "Search all articles", "/", H_SEARCH, 0, 0);
  add(s, "Return to running", "walk-run steps, strength, pain rule", H_RUN, 0, 0);
  add(s, "Profiles", NULL, H_PROFILES, 0, 0);
  add(s, "Help, keys and safety notice", "?", H_HELP, 0, 0);
  kc_list_select_first(&s->list);
  return &s->base;
}
