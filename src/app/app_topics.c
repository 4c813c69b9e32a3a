/* The topics for the home menu. With the built-in content they come from
 * the list compiled into the binary, so the first frame is drawn without
 * opening the database (staged start-up, decided here rather than in a
 * screen that would have to know how the build packs content); with
 * --content, from that database. */
#include <stdlib.h>

#include "kneecare/app.h"
#include "kneecare/blob.h"
#include "kneecare/mem.h"

int kc_app_topics(struct kc_app *app, struct kc_topic **out, size_t *n) {
  *out = NULL;
  *n = 0;
  if (app->content_path || app->content)
    return kc_content_topics(kc_app_content(app), out, n) == 0 ? 0 : -1;
  struct kc_topic *t = kc_xcalloc((size_t)kc_blob_topic_count + 1, sizeof *t);
  for (int i = 0; i < kc_blob_topic_count; i++)
    t[i] = (struct kc_topic){kc_xstrdup(kc_blob_topics[i].id), kc_xstrdup(kc_blob_topics[i].title),
                             kc_xstrdup(kc_blob_topics[i].summary), kc_blob_topics[i].n_articles};
  *out = t;
  *n = (size_t)kc_blob_topic_count;
  return 0;
}
