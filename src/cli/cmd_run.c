/* `kneecare run ...`: the return-to-running programme of the current
 * profile from the command line, in the style of `plan`.
 *
 *   status [--json]                 next
 *   log [--during N] [--next-morning N] [--session K]
 *   pause [--reason illness|travel|injury|other]   resume   end
 *   restart --week N                export [--format markdown|csv]
 *
 * Every argument is checked before anything is written: a pain score
 * outside 0..10, a session that is not a number, an unknown option, reason
 * or format is a usage error (exit 2) and nothing is written. No programme
 * (or one that cannot take the change: no run due today, not paused, a
 * warning sign) is exit 1. The rules come from core/runplan through
 * app/run_view, shared with the screens. A programme is started in the
 * guide, which asks the warning signs and the readiness checks first. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "kneecare/day.h"
#include "kneecare/run_view.h"

struct run_opts {
  int during, morning, session, week, json;
  const char *format, *reason;
};

static const char *sub_name;

static int usage_err(const char *msg) {
  kc_err("run %s: %s", sub_name, msg);
  return KC_EXIT_USAGE;
}

/* allowed: d=--during, m=--next-morning, s=--session, w=--week, j=--json,
 * f=--format, r=--reason. -1 after reporting. */
static int parse_opts(int argc, char **argv, const char *allowed, struct run_opts *o) {
  static const struct option opts[] = {
      {"during", required_argument, 0, 'd'},  {"next-morning", required_argument, 0, 'm'},
      {"session", required_argument, 0, 's'}, {"week", required_argument, 0, 'w'},
      {"json", no_argument, 0, 'j'},          {"format", required_argument, 0, 'f'},
      {"reason", required_argument, 0, 'r'},  {0, 0, 0, 0}};
  memset(o, 0, sizeof *o);
  o->during = o->morning = -1;
  int c;
  kc_getopt_reset();
  while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
    const char *tok = argv[optind - 1];
    if (c == ':') {
      kc_err("run %s: option '%s' needs a value", sub_name, tok);
      return -1;
    }
    if (c == '?' || !strchr(allowed, c)) {
      kc_err("run %s: unknown option '%s' (try --help)", sub_name, tok);
      return -1;
    }
    long long v;
    switch (c) {
    case 'd':
    case 'm':
      if (!kc_parse_long(optarg, 0, KC_RP_PAIN_MAX, &v)) {
        kc_err("run %s: %s is a pain score, a whole number from 0 (none) to 10 (worst), not "
               "'%s'",
               sub_name, c == 'd' ? "--during" : "--next-morning", optarg);
        return -1;
      }
      if (c == 'd')
        o->during = (int)v;
      else
        o->morning = (int)v;
      break;
    case 's':
      if (!kc_parse_long(optarg, 1, 1000, &v)) {
        kc_err("run %s: --session is a session number (1, 2, ...), not '%s'", sub_name, optarg);
        return -1;
      }
      o->session = (int)v;
      break;
    case 'w':
      if (!kc_parse_long(optarg, 1, KC_RP_MAX_STAGES, &v)) {
        kc_err("run %s: --week is a week of the programme (1 to %d), not '%s'", sub_name,
               KC_RP_MAX_STAGES, optarg);
        return -1;
      }
      o->week = (int)v;
      break;
    case 'j': o->json = 1; break;
    case 'f': o->format = optarg; break;
    case 'r': o->reason = optarg; break;
    }
  }
  if (optind < argc) {
    kc_err("run %s: unexpected argument '%s' (try --help)", sub_name, argv[optind]);
    return -1;
  }
  return 0;
}

struct run_cmd {
  struct kc_rp_content *content;
  struct kc_run_view view;
  time_t now;
};

static void run_close(struct run_cmd *r) {
  kc_run_view_free(&r->view);
  kc_rp_content_free(r->content);
}

/* Opens the user data, the programme's content and the view. need: 0
 * nothing, 1 a programme (any), 2 an active one. */
static int run_open(struct run_cmd *r, struct kc_app *app, int need) {
  memset(r, 0, sizeof *r);
  int code = KC_EXIT_FAIL;
  if (!kc_cli_user(app, &code)) return code;
  r->now = kc_app_now();
  int today = kc_day_local(r->now);
  if (!kc_day_valid(today)) {
    kc_err("the system clock gives no valid date");
    return KC_EXIT_FAIL;
  }
  char err[1024];
  if (!(r->content = kc_run_content(app, err, sizeof err))) {
    kc_err("run %s: %s", sub_name, err);
    return KC_EXIT_FAIL;
  }
  if (kc_run_view_load(app, r->content, today, &r->view, err, sizeof err) != KC_UDB_OK) {
    kc_err("run %s: %s", sub_name, err);
    run_close(r);
    return KC_EXIT_FAIL;
  }
  if (need >= 1 && !r->view.has) {
    kc_err("run %s: profile \"%s\" has no return-to-running programme (start one in the guide: "
           "Home, Return to running)",
           sub_name, app->profile.name);
    run_close(r);
    return KC_EXIT_FAIL;
  }
  if (need >= 2 && !r->view.active) {
    kc_err("run %s: profile \"%s\" has no active return-to-running programme (the last one %s)",
           sub_name, app->profile.name,
           r->view.prog.end == KC_RUN_WARNING_SIGN ? "was stopped by a warning sign" : "has ended");
    run_close(r);
    return KC_EXIT_FAIL;
  }
  return KC_EXIT_OK;
}

static void print_status(const struct run_cmd *r, const char *profile) {
  const struct kc_run_view *v = &r->view;
  const struct kc_rp_plan *p = &v->plan;
  char st[160], d[32];
  printf("Return to running: %s\n", profile);
  if (!v->has) {
    printf("No programme. Start one in the guide: Home, Return to running.\n");
    return;
  }
  printf("Started %s\n", kc_run_day_text(v->prog.start_day, d, sizeof d));
  if (!v->active && v->prog.end != KC_RUN_WARNING_SIGN) {
    printf("Status: %s\n", v->prog.end == KC_RUN_FINISHED    ? "finished"
                           : v->prog.end == KC_RUN_RESTARTED ? "restarted"
                                                             : "ended");
  } else {
    printf("Status: %s\n", kc_rp_status_name(p->status));
  }
  if (p->status == KC_RP_STOPPED) {
    kc_print_level(stdout, p->level, kc_out_width(0));
  } else {
    printf("Step %d of %d: %s\n", p->stage, p->n_stages,
           kc_rp_stage_text(&p->session, st, sizeof st));
    printf("Runs logged: %d\n", p->runs);
  }
  if (p->last.why[0]) {
    printf("\nLast decision (%s):\n", kc_rp_step_name(p->last.step));
    kc_print_wrapped(stdout, p->last.why, kc_out_width(0), "  ", "  ");
  }
  if (p->today_why[0]) {
    printf("\nToday:\n");
    kc_print_wrapped(stdout, p->today_why, kc_out_width(0), "  ", "  ");
  }
}

int kc_cmd_run_status(struct kc_app *app, int argc, char **argv) {
  sub_name = "status";
  struct run_opts o;
  if (parse_opts(argc, argv, "j", &o) != 0) return KC_EXIT_USAGE;
  struct run_cmd r;
  int code = run_open(&r, app, 0);
  if (code) return code;
  if (o.json) {
    struct kc_strbuf b = {0};
    kc_run_status_json(&r.view, &b);
    fputs(kc_strbuf_str(&b), stdout);
    kc_strbuf_free(&b);
  } else {
    print_status(&r, app->profile.name);
  }
  run_close(&r);
  return KC_EXIT_OK;
}

int kc_cmd_run_log(struct kc_app *app, int argc, char **argv) {
  sub_name = "log";
  struct run_opts o;
  if (parse_opts(argc, argv, "dms", &o) != 0) return KC_EXIT_USAGE;
  if (o.during < 0 && o.morning < 0)
    return usage_err("give --during N, --next-morning N or both (pain 0 to 10)");
  struct run_cmd r;
  int code = run_open(&r, app, 2);
  if (code) return code;
  char err[1024];
  int seq = o.session;
  if (o.during >= 0 && kc_run_log_during(app, &r.view, o.session, o.during, -1, -1, r.now, &seq,
                                         err, sizeof err) != KC_UDB_OK) {
    kc_err("run log: %s", err);
    run_close(&r);
    return KC_EXIT_FAIL;
  }
  if (o.morning >= 0 &&
      kc_run_log_morning(app, &r.view, seq, o.morning, r.now, err, sizeof err) != KC_UDB_OK) {
    kc_err("run log: %s", err);
    run_close(&r);
    return KC_EXIT_FAIL;
  }
  const struct kc_rp_plan *p = &r.view.plan;
  if (o.morning >= 0 && p->last.why[0]) {
    kc_print_wrapped(stdout, p->last.why, kc_out_width(0), "", "");
  } else {
    printf("Run %d logged: pain during %d/10. Log the pain tomorrow morning with 'kneecare run "
           "log --next-morning N'.\n",
           seq, o.during);
  }
  run_close(&r);
  return KC_EXIT_OK;
}

int kc_cmd_run_next(struct kc_app *app, int argc, char **argv) {
  sub_name = "next";
  struct run_opts o;
  if (parse_opts(argc, argv, "", &o) != 0) return KC_EXIT_USAGE;
  app->lookup_only = 1; /* asking must not make a profile (a shell prompt) */
  char err[1024], path[4200];
  struct stat st;
  /* Never used on this machine: nothing is due, and nothing is created. */
  if (!kc_app_data_dir(app, err, sizeof err)) return KC_EXIT_OK;
  snprintf(path, sizeof path, "%s/%s", err, KC_USERDB_FILE);
  if (lstat(path, &st) != 0) return KC_EXIT_OK;
  struct kc_run_due d;
  if (kc_run_due_load(app, kc_day_local(kc_app_now()), &d, err, sizeof err) != KC_UDB_OK) {
    if (app->user_unknown || strstr(err, "There is no profile")) return KC_EXIT_OK;
    kc_err("run next: %s", err);
    return KC_EXIT_FAIL;
  }
  char line[512];
  kc_run_due_text(&d, line, sizeof line);
  if (line[0]) printf("%s\n", line);
  return KC_EXIT_OK;
}

static int simple(struct kc_app *app, int argc, char **argv, const char *name, const char *allowed,
                  int which) {
  sub_name = name;
  struct run_opts o;
  if (parse_opts(argc, argv, allowed, &o) != 0) return KC_EXIT_USAGE;
  enum kc_pause_reason reason = KC_PAUSE_OTHER;
  if (o.reason) {
    static const enum kc_pause_reason all[] = {KC_PAUSE_ILLNESS, KC_PAUSE_TRAVEL, KC_PAUSE_INJURY,
                                               KC_PAUSE_OTHER};
    bool ok = false;
    for (size_t i = 0; i < 4; i++)
      if (strcmp(o.reason, kc_pause_reason_name(all[i])) == 0) {
        reason = all[i];
        ok = true;
      }
    if (!ok) return usage_err("--reason is illness, travel, injury or other");
  }
  if (which == 3 && o.week == 0) return usage_err("needs --week N (try --help)");
  struct run_cmd r;
  int code = run_open(&r, app, which == 3 ? 1 : 2);
  if (code) return code;
  char err[1024];
  int rc;
  switch (which) {
  case 0: rc = kc_run_pause(app, &r.view, reason, r.now, err, sizeof err); break;
  case 1: rc = kc_run_resume(app, &r.view, err, sizeof err); break;
  case 2: rc = kc_run_end(app, &r.view, r.now, err, sizeof err); break;
  default: rc = kc_run_restart(app, &r.view, o.week, r.now, err, sizeof err); break;
  }
  if (rc != KC_UDB_OK) {
    kc_err("run %s: %s", name, err);
    run_close(&r);
    return KC_EXIT_FAIL;
  }
  char st[160];
  switch (which) {
  case 0:
    printf("Paused (%s). Nothing is lost: resume with 'kneecare run resume'.\n",
           kc_pause_reason_name(reason));
    break;
  case 1: {
    struct kc_run_due d;
    char line[512];
    kc_run_due_from(&r.view, &d);
    printf("Resumed. %s\n",
           d.status == KC_RP_PAUSED
               ? "Today stays a pause day (it began today); runs carry on tomorrow."
               : kc_run_due_text(&d, line, sizeof line));
    break;
  }
  case 2: printf("The return-to-running programme has ended (kept as history).\n"); break;
  default:
    printf("Restarted from week %d: %s\n", o.week,
           kc_rp_stage_text(&r.view.plan.session, st, sizeof st));
    break;
  }
  run_close(&r);
  return KC_EXIT_OK;
}

int kc_cmd_run_pause(struct kc_app *app, int argc, char **argv) {
  return simple(app, argc, argv, "pause", "r", 0);
}
int kc_cmd_run_resume(struct kc_app *app, int argc, char **argv) {
  return simple(app, argc, argv, "resume", "", 1);
}
int kc_cmd_run_end(struct kc_app *app, int argc, char **argv) {
  return simple(app, argc, argv, "end", "", 2);
}
int kc_cmd_run_restart(struct kc_app *app, int argc, char **argv) {
  return simple(app, argc, argv, "restart", "w", 3);
}

int kc_cmd_run_export(struct kc_app *app, int argc, char **argv) {
  sub_name = "export";
  struct run_opts o;
  if (parse_opts(argc, argv, "f", &o) != 0) return KC_EXIT_USAGE;
  enum kc_run_format f = KC_RUN_MARKDOWN;
  if (o.format && strcmp(o.format, "csv") == 0)
    f = KC_RUN_CSV;
  else if (o.format && strcmp(o.format, "markdown") != 0)
    return usage_err("--format is markdown or csv");
  struct run_cmd r;
  int code = run_open(&r, app, 1);
  if (code) return code;
  struct kc_strbuf b = {0};
  kc_run_export(&r.view, f, &b);
  fputs(kc_strbuf_str(&b), stdout);
  kc_strbuf_free(&b);
  run_close(&r);
  return KC_EXIT_OK;
}
