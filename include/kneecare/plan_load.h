/* Loads the recovery plan's tasks (db/30_plan.sql) from the content
 * database. The daily safety check's questions are the warning signs marked
 * recheck in the wizard definition (kc_wz_sign_at(...)->recheck). */
#ifndef KC_PLAN_LOAD_H
#define KC_PLAN_LOAD_H

#include <stddef.h>

#include "kneecare/content.h"
#include "kneecare/recovery.h"

struct kc_plan_task {
  char *id, *label, *detail, *article_id;
  enum kc_task_kind kind;
  int target;                  /* 0 = optional */
  enum kc_plan_kind plan_kind; /* the plan version it belongs to; NONE = both */
};

/* Every task of both plan versions in plan order (kc_task_fits picks a
 * plan's); content without plan_task.plan_kind (older versions) gives
 * tasks of both. The tasks in plan order (*out, free with kc_plan_tasks_free). A row with
 * an odd id or kind (a foreign database) is skipped, not trusted; text is
 * sanitised. Returns 0, or -1 with a reason in err when there are none. */
int kc_plan_tasks_load(struct kc_content *c, struct kc_plan_task **out, size_t *n, char *err,
                       size_t errlen);
void kc_plan_tasks_free(struct kc_plan_task *t, size_t n);

#endif
