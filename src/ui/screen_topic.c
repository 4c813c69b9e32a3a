/* A topic: its articles as a list, the selected one's summary below. Also
 * "Bookmarks and recently read": the profile's bookmarks, newest first,
 * then the articles read lately with how far through each one is. */
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

/* ---- bookmarks and recently read ---------------------------------------- */

struct reading {
  struct kc_view base;
  struct kc_list list;
  char (*ids)[80]; /* per list item: the article, "" for a heading */
  size_t cap_ids;
};

static const struct kc_binding reading_rows[] = {
    {CMD_OPEN,
     {'\r', KC_KEY(KEY_ENTER), KC_KEY(KEY_RIGHT), 'l'},
     "open the article (at the place it was left)",
     "open",
     NULL},
};
const struct kc_keymap kc_keys_reading =
    KC_KEYMAP("Bookmarks and recently read",
              "B in an article bookmarks it; every article remembers where you left it.",
              reading_rows, &kc_keys_list);

static void reading_add(struct reading *s, struct kc_ui *ui, const char *id, const char *detail,
                        int header) {
  char *title = header ? NULL : kc_content_title(kc_app_content(ui->app), id);
  if (!header && !title) return; /* an article no longer in the content */
  kc_list_add(&s->list, header ? id : title, detail, -1, header);
  KC_GROW(s->ids, s->cap_ids, s->list.n);
  snprintf(s->ids[s->list.n - 1], sizeof s->ids[0], "%s", header ? "" : id);
  free(title);
}

static void reading_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct reading *s = (struct reading *)v;
  if (s->list.n == 0) {
    kc_put_wrapped(y + 1, 2, h - 1, w - 4,
                   "Nothing here yet. Articles you read show here with how far you got; press "
                   "B in an article to bookmark it.",
                   kc_attr(ROLE_DIM));
    return;
  }
  kc_list_draw(&s->list, y + 1, h - 1, w);
}

static enum kc_result reading_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                      const struct kc_event *ev) {
  struct reading *s = (struct reading *)v;
  int act;
  enum kc_result r = kc_list_command(&s->list, cmd, ev, &act);
  if (act && s->list.sel < s->list.n && s->ids[s->list.sel][0])
    kc_ui_push(ui, kc_reader_new(ui, s->ids[s->list.sel]));
  return act ? V_HANDLED : r;
}

static const char *reading_title(struct kc_view *v) {
  (void)v;
  return "Bookmarks";
}

static void reading_destroy(struct kc_view *v) {
  struct reading *s = (struct reading *)v;
  kc_list_free(&s->list);
  free(s->ids);
  free(s);
}

static const struct kc_view_ops reading_ops = {.draw = reading_draw,
                                               .keys = &kc_keys_reading,
                                               .command = reading_command,
                                               .destroy = reading_destroy,
                                               .title = reading_title};

struct kc_view *kc_reading_new(struct kc_ui *ui) {
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (!udb) {
    kc_ui_message(ui, ROLE_WARNING, "Your saved data is not available: %s", err);
    return NULL;
  }
  struct reading *s = kc_xcalloc(1, sizeof *s);
  s->base.ops = &reading_ops;
  struct kc_bookmark *bm = NULL;
  int n = 0;
  if (kc_userdb_bookmark_list(udb, ui->app->profile.id, &bm, &n) == KC_UDB_OK && n > 0) {
    reading_add(s, ui, "Bookmarks", NULL, 1);
    for (int i = 0; i < n; i++) reading_add(s, ui, bm[i].article_id, NULL, 0);
  }
  free(bm);
  struct kc_reading *rd = NULL;
  if (kc_userdb_reading_recent(udb, ui->app->profile.id, 20, &rd, &n) == KC_UDB_OK && n > 0) {
    reading_add(s, ui, "Recently read", NULL, 1);
    for (int i = 0; i < n; i++) {
      char detail[32];
      if (rd[i].position >= KC_READING_END)
        snprintf(detail, sizeof detail, "read to the end");
      else
        snprintf(detail, sizeof detail, "%d%% read", rd[i].position / 10);
      reading_add(s, ui, rd[i].article_id, detail, 0);
    }
  }
  free(rd);
  kc_list_select_first(&s->list);
  return &s->base;
}
