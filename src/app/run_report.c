/* The return to running in words a clinician reads (the report's section),
 * the export (Markdown and CSV: every session with its pain and what the
 * pain rule decided, every pause) and `run status --json`. From a loaded
 * view; nothing here reads the database or the clock. */
#include <stdio.h>
#include <string.h>

#include "kneecare/day.h"
#include "kneecare/run_view.h"

static const char *day_iso(int day, char buf[KC_DAY_BUF]) {
  return kc_day_valid(day) ? kc_day_format(day, buf) : "";
}

/* The engine's decision for session i ("" when it made none). */
static const struct kc_rp_decision *session_decision(const struct kc_run_view *v, int i) {
  for (size_t k = 0; k < v->n_ev; k++)
    if (v->ev_session && v->ev_session[k] == i) return &v->dec[k];
  return NULL;
}

static const char *status_words(const struct kc_run_view *v) {
  if (!v->active) {
    switch (v->prog.end) {
    case KC_RUN_FINISHED: return "finished";
    case KC_RUN_WARNING_SIGN: return "stopped by a warning sign";
    case KC_RUN_RESTARTED: return "replaced by a restart";
    default: return "ended";
    }
  }
  switch (v->plan.status) {
  case KC_RP_ACTIVE: return "active";
  case KC_RP_PAUSED: return "paused";
  case KC_RP_FINISHED: return "finished";
  case KC_RP_ENDED: return "ended";
  case KC_RP_STOPPED: return "stopped by a warning sign";
  }
  return "active";
}

static void pain_cell(struct kc_strbuf *b, int p) {
  if (p < 0)
    kc_strbuf_put(b, "-");
  else
    kc_strbuf_printf(b, "%d", p);
}

static void sessions_md(const struct kc_run_view *v, struct kc_strbuf *b, bool why) {
  if (v->n_sessions == 0) {
    kc_strbuf_put(b, "No runs logged yet.\n\n");
    return;
  }
  kc_strbuf_put(b, "| # | date | step | planned | run min | pain during | next morning | rule |\n"
                   "|---|---|---|---|---|---|---|---|\n");
  for (int i = 0; i < v->n_sessions; i++) {
    const struct kc_run_session *s = &v->sessions[i];
    char d[KC_DAY_BUF], st[160];
    struct kc_rp_stage stage = {s->planned_run_minutes, s->planned_walk_minutes,
                                s->planned_repeats};
    const struct kc_rp_decision *dec = session_decision(v, i);
    kc_strbuf_printf(b, "| %d | %s | %d | ", s->seq, day_iso(s->planned_day, d), s->week);
    kc_strbuf_put_md(b, kc_rp_stage_text(&stage, st, sizeof st));
    kc_strbuf_put(b, " | ");
    pain_cell(b, s->done_at ? s->actual_run_minutes : -1);
    kc_strbuf_put(b, " | ");
    pain_cell(b, s->pain_during);
    kc_strbuf_put(b, " | ");
    pain_cell(b, s->pain_next_morning);
    kc_strbuf_printf(b, " | %s |\n", dec ? kc_rp_step_name(dec->step) : "-");
  }
  kc_strbuf_put(b, "\n");
  if (!why) return;
  for (int i = 0; i < v->n_sessions; i++) {
    const struct kc_rp_decision *dec = session_decision(v, i);
    if (!dec || !dec->why[0]) continue;
    kc_strbuf_printf(b, "- Run %d: ", v->sessions[i].seq);
    kc_strbuf_put_md(b, dec->why);
    kc_strbuf_put(b, "\n");
  }
  kc_strbuf_put(b, "\n");
}

static void pauses_md(const struct kc_run_view *v, struct kc_strbuf *b) {
  if (v->n_pauses == 0) return;
  kc_strbuf_put(b, "Pauses:\n\n");
  for (int i = 0; i < v->n_pauses; i++) {
    char a[KC_DAY_BUF], z[KC_DAY_BUF];
    const struct kc_run_pause *p = &v->pauses[i];
    kc_strbuf_printf(b, "- %s to %s (%s)\n", day_iso(p->from_day, a),
                     kc_day_valid(p->to_day) ? day_iso(p->to_day, z) : "now",
                     kc_pause_reason_name(p->reason));
  }
  kc_strbuf_put(b, "\n");
}

static void summary_md(const struct kc_run_view *v, struct kc_strbuf *b) {
  char d[KC_DAY_BUF], st[160];
  kc_strbuf_printf(b, "- Started: %s", day_iso(v->prog.start_day, d));
  if (v->prog.cause_id[0]) {
    /* a content id ([a-z0-9-], checked by the store): a code span needs no escaping */
    kc_strbuf_printf(b, ", after a 3-day plan for `%s`", v->prog.cause_id);
  }
  kc_strbuf_put(b, "\n");
  if (v->prog.clinician_ok)
    kc_strbuf_put(b, "- The person confirmed a clinician's go-ahead to start.\n");
  kc_strbuf_printf(b, "- Status: %s", status_words(v));
  if (v->plan.status == KC_RP_STOPPED || v->prog.end == KC_RUN_WARNING_SIGN)
    kc_strbuf_printf(b, " (%s)", kc_level_title(v->plan.level));
  kc_strbuf_put(b, "\n");
  if (v->content) kc_strbuf_printf(b, "- Step %d of %d: ", v->plan.stage, v->plan.n_stages);
  if (v->content && v->plan.stage >= 1 && v->plan.stage <= v->content->def.n_stages) {
    kc_strbuf_put_md(b, kc_rp_stage_text(&v->content->def.stage[v->plan.stage - 1], st, sizeof st));
    kc_strbuf_put(b, "\n");
  }
  int done = 0;
  for (int i = 0; i < v->n_sessions; i++) done += v->sessions[i].done_at != 0;
  kc_strbuf_printf(b, "- Runs logged: %d\n", done);
  if (v->plan.stalled)
    kc_strbuf_printf(b, "- No step up for a long time: %s\n", kc_level_title(KC_LEVEL_SOON));
  if (v->content && v->content->rule_text && v->content->rule_text[0]) {
    kc_strbuf_put(b, "- Pain rule: ");
    kc_strbuf_put_md(b, v->content->rule_text);
    kc_strbuf_put(b, "\n");
  }
  kc_strbuf_put(b, "\n");
}

void kc_run_report_md(const struct kc_run_view *v, struct kc_strbuf *b) {
  if (!v->has) return;
  kc_strbuf_put(b, "## Return to running\n\n");
  summary_md(v, b);
  sessions_md(v, b, false);
  pauses_md(v, b);
}

int kc_run_report_section(struct kc_app *app, int today, struct kc_strbuf *b, char *err,
                          size_t errlen) {
  struct kc_run_view v;
  int rc = kc_run_view_load(app, NULL, today, &v, err, errlen);
  bool has = rc == KC_UDB_OK && v.has;
  kc_run_view_free(&v);
  if (!has) return rc;
  struct kc_rp_content *c = kc_run_content(app, err, errlen);
  if (!c) return KC_UDB_EIO;
  rc = kc_run_view_load(app, c, today, &v, err, errlen);
  if (rc == KC_UDB_OK) kc_run_report_md(&v, b);
  kc_run_view_free(&v);
  kc_rp_content_free(c);
  return rc;
}

static void csv_field(struct kc_strbuf *b, const char *s) {
  bool quote = strpbrk(s, ",\"\n\r") != NULL;
  /* A cell starting with = + - @ is read as a formula by spreadsheets. */
  const char *f = s + strspn(s, " \t");
  bool formula = *f == '=' || *f == '+' || *f == '-' || *f == '@';
  if (!quote && !formula) {
    kc_strbuf_put(b, s);
    return;
  }
  kc_strbuf_putc(b, '"');
  if (formula) kc_strbuf_putc(b, '\'');
  for (; *s; s++) {
    if (*s == '"') kc_strbuf_putc(b, '"');
    kc_strbuf_putc(b, *s);
  }
  kc_strbuf_putc(b, '"');
}

void kc_run_export(const struct kc_run_view *v, enum kc_run_format f, struct kc_strbuf *b) {
  if (f == KC_RUN_MARKDOWN) {
    kc_strbuf_put(b, "# Return to running\n\n");
    if (!v->has) {
      kc_strbuf_put(b, "No programme.\n");
      return;
    }
    summary_md(v, b);
    sessions_md(v, b, true);
    pauses_md(v, b);
    return;
  }
  kc_strbuf_put(b, "kind,seq,date,step,planned_run_min,planned_walk_min,planned_repeats,"
                   "run_min,walk_min,pain_during,pain_next_morning,decision,why\n");
  if (!v->has) return;
  for (int i = 0; i < v->n_sessions; i++) {
    const struct kc_run_session *s = &v->sessions[i];
    const struct kc_rp_decision *dec = session_decision(v, i);
    char d[KC_DAY_BUF];
    kc_strbuf_printf(b, "run,%d,%s,%d,%d,%d,%d,", s->seq, day_iso(s->planned_day, d), s->week,
                     s->planned_run_minutes, s->planned_walk_minutes, s->planned_repeats);
    if (s->done_at)
      kc_strbuf_printf(b, "%d,%d,", s->actual_run_minutes, s->actual_walk_minutes);
    else
      kc_strbuf_put(b, ",,");
    if (s->pain_during >= 0) kc_strbuf_printf(b, "%d", s->pain_during);
    kc_strbuf_putc(b, ',');
    if (s->pain_next_morning >= 0) kc_strbuf_printf(b, "%d", s->pain_next_morning);
    kc_strbuf_printf(b, ",%s,", dec ? kc_rp_step_name(dec->step) : "");
    csv_field(b, dec ? dec->why : "");
    kc_strbuf_putc(b, '\n');
  }
  for (int i = 0; i < v->n_pauses; i++) {
    char a[KC_DAY_BUF], z[KC_DAY_BUF];
    const struct kc_run_pause *p = &v->pauses[i];
    kc_strbuf_printf(b, "pause,,%s,,,,,,,,,%s,until %s\n", day_iso(p->from_day, a),
                     kc_pause_reason_name(p->reason),
                     kc_day_valid(p->to_day) ? day_iso(p->to_day, z) : "now");
  }
}

static void json_str(struct kc_strbuf *b, const char *s) {
  kc_strbuf_putc(b, '"');
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\')
      kc_strbuf_printf(b, "\\%c", *p);
    else if (*p < 0x20)
      kc_strbuf_printf(b, "\\u%04x", *p);
    else
      kc_strbuf_putc(b, (char)*p);
  }
  kc_strbuf_putc(b, '"');
}

void kc_run_status_json(const struct kc_run_view *v, struct kc_strbuf *b) {
  if (!v->has) {
    kc_strbuf_put(b, "{\"programme\":null}\n");
    return;
  }
  char d[KC_DAY_BUF], st[160];
  const struct kc_rp_plan *p = &v->plan;
  kc_strbuf_printf(b, "{\"programme\":%lld,\"active\":%s,\"status\":", (long long)v->prog.id,
                   v->active ? "true" : "false");
  json_str(b, v->active                            ? kc_rp_status_name(p->status)
              : v->prog.end == KC_RUN_WARNING_SIGN ? "stopped"
              : v->prog.end == KC_RUN_FINISHED     ? "finished"
              : v->prog.end == KC_RUN_RESTARTED    ? "restarted"
                                                   : "ended");
  kc_strbuf_printf(b, ",\"level\":");
  json_str(b, kc_level_name(p->level));
  kc_strbuf_printf(b, ",\"start\":\"%s\",\"cause\":", day_iso(v->prog.start_day, d));
  json_str(b, v->prog.cause_id);
  kc_strbuf_printf(b, ",\"step\":%d,\"steps\":%d,\"runs\":%d,\"today\":\"%s\",", p->stage,
                   p->n_stages, p->runs,
                   p->today == KC_RP_TODAY_RUN    ? "run"
                   : p->today == KC_RP_TODAY_REST ? "rest"
                                                  : "none");
  kc_strbuf_printf(b, "\"morning_due\":%s,\"next_run\":", p->morning_due ? "true" : "false");
  if (kc_day_valid(p->next_run_day))
    kc_strbuf_printf(b, "\"%s\"", day_iso(p->next_run_day, d));
  else
    kc_strbuf_put(b, "null");
  kc_strbuf_printf(b, ",\"session\":{\"run_min\":%d,\"walk_min\":%d,\"repeats\":%d,\"text\":",
                   p->session.run_min, p->session.walk_min, p->session.repeats);
  json_str(b, kc_rp_stage_text(&p->session, st, sizeof st));
  kc_strbuf_put(b, "},\"last\":{\"decision\":");
  json_str(b, kc_rp_step_name(p->last.step));
  kc_strbuf_put(b, ",\"why\":");
  json_str(b, p->last.why);
  kc_strbuf_put(b, "},\"why\":");
  json_str(b, p->today_why);
  kc_strbuf_put(b, "}\n");
}
