/* The recovery plan's tasks from the content database (plan_task), read
 * with a prepared statement; moved here from the app layer so that no layer
 * above the store runs SQL. */
#include "kneecare/plan_load.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "content_db.h"
#include "kneecare/mem.h"
#include "kneecare/text.h"

static char *col(sqlite3_stmt *st, int i) {
  const char *t = (const char *)sqlite3_column_text(st, i);
  char *s = kc_text_sanitize_dup(t ? t : "", t ? (size_t)sqlite3_column_bytes(st, i) : 0, 0);
  if (!s) kc_mem_fail();
  return s;
}

int kc_plan_tasks_load(struct kc_content *c, struct kc_plan_task **out, size_t *n, char *err,
                       size_t errlen) {
  *out = NULL;
  *n = 0;
  sqlite3 *db = kc_content_db(c);
  sqlite3_stmt *st = NULL;
  /* plan_kind since issue 9; older content has one plan for everyone. */
  if (!db || (sqlite3_prepare_v2(db,
                                 "SELECT id, kind, label, detail, article_id, target, plan_kind "
                                 "FROM plan_task ORDER BY position",
                                 -1, &st, NULL) != SQLITE_OK &&
              sqlite3_prepare_v2(db,
                                 "SELECT id, kind, label, detail, article_id, target, NULL "
                                 "FROM plan_task ORDER BY position",
                                 -1, &st, NULL) != SQLITE_OK)) {
    snprintf(err, errlen, "this content database has no recovery plan");
    return -1;
  }
  struct kc_plan_task *v = NULL;
  size_t count = 0, cap = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    enum kc_task_kind kind;
    enum kc_plan_kind plan = KC_PLAN_KIND_NONE;
    const char *id = (const char *)sqlite3_column_text(st, 0);
    const char *pk = (const char *)sqlite3_column_text(st, 6);
    if (!id || !kc_task_id_check(id) ||
        !kc_task_kind_parse((const char *)sqlite3_column_text(st, 1), &kind) ||
        (pk && !kc_plan_kind_parse(pk, &plan)))
      continue; /* a foreign database's odd row is skipped, not trusted */
    int target = sqlite3_column_int(st, 5);
    if (target < 0) target = 0;
    KC_GROW(v, cap, count + 1);
    v[count++] = (struct kc_plan_task){kc_xstrdup(id), col(st, 2), col(st, 3), col(st, 4),
                                       kind,           target,     plan};
  }
  sqlite3_finalize(st);
  if (count == 0) {
    free(v);
    snprintf(err, errlen, "this content database has no recovery plan tasks");
    return -1;
  }
  *out = v;
  *n = count;
  return 0;
}

void kc_plan_tasks_free(struct kc_plan_task *t, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(t[i].id);
    free(t[i].label);
    free(t[i].detail);
    free(t[i].article_id);
  }
  free(t);
}
