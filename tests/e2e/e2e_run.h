/* What the return-to-running end-to-end tests share (test_e2e_run.c,
 * test_e2e_run_resume.c): the user database of the test's HOME, a plan
 * ready for the programme, and "no" to every question of the safety check
 * before a run. */
#ifndef KC_E2E_RUN_H
#define KC_E2E_RUN_H

#include <sqlite3.h>

#include "e2e.h"

static inline void e2e_user_db(const struct e2e *t, char *path, size_t n) {
  snprintf(path, n, "%s/.local/share/kneecare/kneecare.db", t->home);
}

/* Runs SQL on the test's user database (rows the screens under test do not
 * make themselves). */
static inline void e2e_sql(const struct e2e *t, const char *q) {
  char path[512];
  e2e_user_db(t, path, sizeof path);
  sqlite3 *db;
  ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
  char *err = NULL;
  int rc = sqlite3_exec(db, q, NULL, NULL, &err);
  ck_assert_msg(rc == SQLITE_OK, "%s: %s", q, err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

/* A 3-day plan for runner's knee started at `now` whose day-3 readiness
 * check passed: the command line and two SQL rows (the plan screens that
 * record them are tested elsewhere). */
static inline void e2e_plan_ready(const struct e2e *t, long long now) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "HOME='%s' KNEECARE_NOW=%lld '%s' plan start --checked >/dev/null 2>&1",
           t->home, now, KNEECARE_PATH);
  ck_assert_int_eq(system(cmd), 0);
  e2e_sql(t, "UPDATE plan SET cause_id = 'runners-knee';"
             "INSERT INTO plan_readiness (plan_id, check_id, passed, at) "
             "SELECT id, 'walk-pain-free', 1, 0 FROM plan;");
}

/* Answers "no" to every question of the safety check before a run. */
static inline void e2e_run_check_all_no(struct kc_pty *p) {
  e2e_answer_no_while(p, "Safety check: question", "question %d of", 1);
}

#endif
