/* The 20-minute ice timer of the 3-day plan: started from the checklist,
 * counted down in the status line on every screen, recorded as a session
 * when it ends (or is stopped and the minutes kept). Its start is stored in
 * the user database, so a quit or a crash keeps it and reopening the plan
 * offers to resume it; while it runs, this window holds it (userdb.h), so
 * another window on the same profile does not offer it. */
#include <time.h>

#include "screen_plan.h"

static double mono_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The timer's start is stored in the user database when it starts, so a
 * quit or a crash keeps it and reopening the plan offers to resume it
 * (resume_timer). `left` is the seconds still to run. */
void kc_ice_run(struct kc_ui *ui, int64_t plan_id, int day, int total, int left) {
  char err[64];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  /* Another window on this profile then sees it runs here (userdb.h). */
  if (udb) kc_userdb_timer_hold(udb, KC_TIMER_ICE, plan_id);
  ui->ice.running = 1;
  ui->ice.plan_id = plan_id;
  ui->ice.day = day;
  ui->ice.total_seconds = total;
  clock_gettime(CLOCK_MONOTONIC, &ui->ice.end);
  ui->ice.end.tv_sec += left;
}

void kc_ice_start(struct kc_ui *ui, int64_t plan_id, int day) {
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  const int total = kc_app_ice_seconds();
  if (udb && kc_userdb_ice_timer_start(udb, plan_id, day, kc_app_now(), total) != KC_UDB_OK)
    kc_ui_message(ui, ROLE_WARNING, "The timer's start is not saved: %s", kc_userdb_errmsg(udb));
  kc_ice_run(ui, plan_id, day, total, total);
}

/* Ends the timer without recording a session. */
void kc_ice_cancel(struct kc_ui *ui) {
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (udb) {
    kc_userdb_ice_timer_cancel(udb, ui->ice.plan_id);
    kc_userdb_timer_let_go(udb, KC_TIMER_ICE, ui->ice.plan_id);
  }
  ui->ice.running = 0;
  ui->writes++;
}

int kc_ice_left(const struct kc_ui *ui) {
  if (!ui->ice.running) return 0;
  double left = (double)ui->ice.end.tv_sec + ui->ice.end.tv_nsec / 1e9 - mono_now();
  return left > 0 ? (int)(left + 0.999) : 0;
}

int kc_ice_finish(struct kc_ui *ui, int early) {
  if (!ui->ice.running) return -1;
  int minutes = (ui->ice.total_seconds - kc_ice_left(ui) + 59) / 60;
  if (minutes < 1) minutes = 1;
  if (minutes > KC_ICE_MINUTES) minutes = KC_ICE_MINUTES;
  ui->ice.running = 0;
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  int rc = KC_UDB_EACCESS;
  if (udb) {
    rc = kc_userdb_ice_timer_finish(udb, ui->ice.plan_id, kc_app_now(), minutes, NULL);
    if (rc == KC_UDB_ENOTFOUND) /* its start was not stored: record it anyway */
      rc = kc_userdb_ice_add(udb, ui->ice.plan_id, ui->ice.day, kc_app_now(), minutes, NULL);
    kc_userdb_timer_let_go(udb, KC_TIMER_ICE, ui->ice.plan_id);
  }
  if (rc != KC_UDB_OK)
    kc_ui_message(ui, ROLE_WARNING, "Ice session NOT saved: %s", udb ? kc_userdb_errmsg(udb) : err);
  else
    kc_ui_message(ui, ROLE_OK, "Ice session recorded (%d min)%s. Check your skin.", minutes,
                  early ? ", stopped early" : "");
  ui->writes++;
  return rc == KC_UDB_OK ? 0 : -1;
}

int kc_ice_tick(struct kc_ui *ui) {
  if (!ui->ice.running) return ui->bell_flash > 0 ? (ui->bell_flash--, 1) : 0;
  if (kc_ice_left(ui) > 0) return 1; /* the countdown in the status line */
  kc_ice_finish(ui, 0);
  beep();
  flash();
  ui->bell_flash = 3;
  return 1;
}
