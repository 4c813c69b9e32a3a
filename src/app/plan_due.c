/* What the active plan asks for now (plan_due.h): the plan snapshot read
 * once, then a few questions of it at the time given. */
#include "kneecare/plan_due.h"

#include <stdio.h>
#include <string.h>

#include "kneecare/day.h"
#include "kneecare/plan_view.h"

/* Ice: today's count and whether the last session was long enough ago. */
static void ice_due(const struct kc_plan_snapshot *s, time_t now, struct kc_plan_due *d) {
  int64_t last = 0;
  for (int i = 0; i < s->n_ice; i++)
    if (s->ice[i].day == d->day_index) {
      d->ice_done++;
      if (s->ice[i].at > last) last = s->ice[i].at;
    }
  /* Ice is optional (recorded when used, never a target): no reminder,
   * except for content of older versions that still sets a target. */
  d->ice_target = 0;
  for (size_t t = 0; t < s->n_tasks; t++)
    if (s->tasks[t].kind == KC_TASK_ICE && s->tasks[t].target > 0)
      d->ice_target = s->tasks[t].target;
  d->ice_now = d->ice_target > 0 && !d->timer_running && d->ice_done < d->ice_target &&
               (last == 0 || (int64_t)now - last >= KC_ICE_GAP_SECONDS);
}

static void today_due(const struct kc_plan_snapshot *s, time_t now, int hour,
                      struct kc_plan_due *d) {
  ice_due(s, now, d);
  bool morning = false, evening = false;
  for (int i = 0; i < s->n_pains; i++)
    if (s->pains[i].day == d->day_index) {
      morning |= s->pains[i].slot == KC_PAIN_MORNING;
      evening |= s->pains[i].slot == KC_PAIN_EVENING;
    }
  d->pain_morning = !morning && kc_pain_slot_at(hour) == KC_PAIN_MORNING;
  d->pain_evening = !evening && hour >= KC_PAIN_EVENING_HOUR;
  for (size_t t = 0; t < s->n_tasks; t++) {
    const struct kc_task_day *c = kc_plan_cell(s, t, d->day_index);
    if (s->tasks[t].kind == KC_TASK_CHECK && s->tasks[t].target > 0 && !c->done) d->tasks_left++;
  }
}

int kc_plan_due_load(struct kc_app *app, time_t now, struct kc_plan_due *out, char *err,
                     size_t errlen) {
  *out = (struct kc_plan_due){0};
  struct kc_userdb *udb = kc_app_user(app, err, errlen);
  if (!udb) return KC_UDB_EACCESS;
  struct kc_plan plan;
  int rc = kc_userdb_plan_active(udb, app->profile.id, &plan);
  if (rc == KC_UDB_ENOTFOUND) return KC_UDB_OK;
  if (rc != KC_UDB_OK) return snprintf(err, errlen, "%s", kc_userdb_errmsg(udb)), rc;
  const int today = kc_day_local(now);
  struct kc_plan_snapshot s;
  if ((rc = kc_plan_snapshot_load(app, &plan, today, &s, err, errlen)) != KC_UDB_OK) return rc;
  out->active = true;
  out->day_index = s.day_index;
  out->level = s.level;
  if (s.stopped) { /* home care has stopped: nothing else is due */
    out->stopped = true;
    kc_plan_snapshot_free(&s);
    return KC_UDB_OK;
  }
  struct kc_redflag_check last;
  out->safety_check =
      s.day_index >= 1 && s.day_index <= KC_PLAN_DAYS &&
      kc_redflag_due(kc_userdb_redflag_last(udb, plan.id, &last) == KC_UDB_OK ? last.cal_day
                                                                              : KC_DAY_INVALID,
                     today);
  struct kc_ice_running timer;
  if (kc_userdb_ice_timer_get(udb, plan.id, &timer) == KC_UDB_OK) {
    out->timer_running = true;
    const int64_t left = timer.started_at + timer.seconds - (int64_t)now;
    out->timer_left = left > 0 ? (int)left : 0;
  }
  if (kc_checkin_due(s.day_index)) {
    out->checkin = plan.checkin == KC_CHECKIN_NONE;
    out->plan_over = s.day_index > KC_PLAN_DAYS && !out->checkin;
  }
  struct tm tm;
  if (s.day_index >= 1 && s.day_index <= KC_PLAN_DAYS)
    today_due(&s, now, localtime_r(&now, &tm) ? tm.tm_hour : 12, out);
  kc_plan_snapshot_free(&s);
  return KC_UDB_OK;
}

bool kc_plan_due_any(const struct kc_plan_due *d) {
  return d->active &&
         (d->stopped || d->safety_check || d->checkin || d->plan_over || d->timer_running ||
          d->ice_now || d->pain_morning || d->pain_evening || d->tasks_left > 0);
}

static void add(char *buf, size_t n, size_t *len, const char *text) {
  if (*len >= n) return;
  const int w = snprintf(buf + *len, n - *len, "%s%s", buf[*len - 1] == ':' ? " " : ", ", text);
  if (w > 0) *len += (size_t)w;
}

char *kc_plan_due_text(const struct kc_plan_due *d, char *buf, size_t n) {
  if (n == 0) return buf;
  buf[0] = '\0';
  if (!kc_plan_due_any(d)) return buf;
  size_t len = 0;
  const int w = d->day_index >= 1 && d->day_index <= KC_PLAN_DAYS
                    ? snprintf(buf, n, "Knee plan, day %d of %d:", d->day_index, KC_PLAN_DAYS)
                    : snprintf(buf, n, "Knee plan:");
  len = w > 0 && (size_t)w < n ? (size_t)w : n - 1;
  char part[160];
  if (d->stopped) {
    snprintf(part, sizeof part, "home care has stopped: %s (open kneecare)",
             kc_level_title(d->level));
    add(buf, n, &len, part);
    return buf;
  }
  if (d->safety_check) add(buf, n, &len, "today's safety check (open kneecare)");
  if (d->timer_running && d->timer_left == 0) add(buf, n, &len, "ice timer done, log it");
  if (d->timer_running && d->timer_left > 0) {
    snprintf(part, sizeof part, "ice on, %d min left", (d->timer_left + 59) / 60);
    add(buf, n, &len, part);
  }
  if (d->ice_now) {
    snprintf(part, sizeof part, "ice now (%d of %d done)", d->ice_done, d->ice_target);
    add(buf, n, &len, part);
  }
  if (d->pain_morning) add(buf, n, &len, "morning pain score");
  if (d->pain_evening) add(buf, n, &len, "evening pain score");
  if (d->tasks_left > 0) {
    snprintf(part, sizeof part, "%d task%s left", d->tasks_left, d->tasks_left == 1 ? "" : "s");
    add(buf, n, &len, part);
  }
  if (d->checkin) add(buf, n, &len, "day-3 check-in: kneecare plan checkin better|same|worse");
  if (d->plan_over) add(buf, n, &len, "the 3 days are over: kneecare plan end");
  return buf;
}
