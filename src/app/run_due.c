/* Home's one line about the return to running: what today holds (a run,
 * the morning's pain to log, a rest day, a pause), from the same replay as
 * the screens and `kneecare run next`. */
#include <stdio.h>
#include <string.h>

#include "kneecare/day.h"
#include "kneecare/run_view.h"

void kc_run_due_from(const struct kc_run_view *v, struct kc_run_due *out) {
  memset(out, 0, sizeof *out);
  out->next_run_day = KC_DAY_INVALID;
  if (!v->has || !v->active) return;
  out->active = true;
  out->status = v->plan.status;
  out->today = v->plan.today;
  out->morning_due = v->plan.morning_due;
  out->stage = v->plan.stage;
  out->n_stages = v->plan.n_stages;
  out->session = v->plan.session;
  out->next_run_day = v->plan.next_run_day;
  out->level = v->plan.level;
}

int kc_run_due_load(struct kc_app *app, int today, struct kc_run_due *out, char *err,
                    size_t errlen) {
  memset(out, 0, sizeof *out);
  out->next_run_day = KC_DAY_INVALID;
  struct kc_run_view v;
  /* A profile without a programme costs one query: no content is read. */
  int rc = kc_run_view_load(app, NULL, today, &v, err, errlen);
  if (rc != KC_UDB_OK || !v.has || !v.active) {
    kc_run_view_free(&v);
    return rc;
  }
  kc_run_view_free(&v);
  struct kc_rp_content *c = kc_run_content(app, err, errlen);
  if (!c) return KC_UDB_EIO;
  rc = kc_run_view_load(app, c, today, &v, err, errlen);
  if (rc == KC_UDB_OK) kc_run_due_from(&v, out);
  kc_run_view_free(&v);
  kc_rp_content_free(c);
  return rc;
}

bool kc_run_due_any(const struct kc_run_due *d) {
  return d->active && d->status != KC_RP_PAUSED &&
         (d->today == KC_RP_TODAY_RUN || d->morning_due || d->status == KC_RP_STOPPED);
}

char *kc_run_due_text(const struct kc_run_due *d, char *buf, size_t n) {
  if (!n) return buf;
  buf[0] = '\0';
  if (!d->active) return buf;
  char stage[160], day[32];
  switch (d->status) {
  case KC_RP_STOPPED:
    snprintf(buf, n, "Running stopped by a warning sign: %s", kc_level_title(d->level));
    return buf;
  case KC_RP_PAUSED: snprintf(buf, n, "Running paused: resume when you are ready"); return buf;
  case KC_RP_FINISHED: snprintf(buf, n, "Running programme complete"); return buf;
  case KC_RP_ENDED: return buf;
  case KC_RP_ACTIVE: break;
  }
  int len = snprintf(buf, n, "Running, step %d of %d: ", d->stage, d->n_stages);
  if (len < 0 || (size_t)len >= n) return buf;
  char *p = buf + len;
  size_t left = n - (size_t)len;
  if (d->morning_due)
    snprintf(p, left, "log the pain the morning after your run%s",
             d->today == KC_RP_TODAY_RUN ? ", then run today" : "");
  else if (d->today == KC_RP_TODAY_RUN)
    snprintf(p, left, "run today (%s)", kc_rp_stage_text(&d->session, stage, sizeof stage));
  else if (kc_day_valid(d->next_run_day))
    snprintf(p, left, "rest day; next run %s", kc_run_day_text(d->next_run_day, day, sizeof day));
  else
    snprintf(p, left, "rest day");
  return buf;
}
