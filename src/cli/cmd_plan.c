/* `kneecare plan ...`: the 3-day recovery plan (injury or overuse) of the current profile
 * from the command line.
 *
 *   start [--date YYYY-MM-DD] [--checked] [--kind injury|overuse]
 *                                  status [--json]
 *   tick TASK [--day N]            untick TASK [--day N]
 *   ice [--day N]                  pain SCORE [--note TEXT] [--day N]
 *   checkin better|same|worse      end
 *   export [--format markdown|csv]
 *
 * Every argument is checked before anything is written: a bad task id (not
 * in the content's plan, or of another kind), a day outside 1..3 or still
 * to come, a bad date, a score outside 0..10 or a refused note is a usage
 * error (exit 2) with nothing written. No active plan is exit 1. The rules
 * (which day it is, what is editable, late records, the check-in) come from
 * core/recovery via the user database and kc_plan_snapshot_load, shared
 * with the checklist screen. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "kneecare/day.h"
#include "kneecare/mem.h"
#include "kneecare/plan_view.h"
#include "kneecare/profile.h"
#include "kneecare/strbuf.h"
#include "kneecare/text.h"

struct plan_cmd {
  struct kc_app *app;
  struct kc_userdb *udb;
  struct kc_plan plan;
  time_t now;
  int today;     /* local calendar day of now */
  int day_index; /* plan day of today (may be < 1 or > 3) */
};

/* Options of all subcommands; each subcommand says which it takes. */
struct plan_opts {
  const char *date, *note, *format;
  int day; /* 0 = not given */
  int json;
  enum kc_pain_slot slot; /* --morning / --evening; NONE = by the hour */
  int checked;            /* --checked: the person answered no to every warning sign */
  enum kc_plan_kind kind; /* --kind */
};

static const char *sub_name; /* for messages */

static int usage_err(const char *msg) {
  kc_err("plan %s: %s", sub_name, msg);
  return KC_EXIT_USAGE;
}

/* Parses the options in `allowed` (letters: d=--day, n=--note, D=--date,
 * f=--format, j=--json, m=--morning, e=--evening); the rest of argv are
 * positional. Returns -1 after reporting a usage error. */
static int parse_opts(int argc, char **argv, const char *allowed, struct plan_opts *o) {
  static const struct option opts[] = {
      {"day", required_argument, 0, 'd'},  {"note", required_argument, 0, 'n'},
      {"date", required_argument, 0, 'D'}, {"format", required_argument, 0, 'f'},
      {"json", no_argument, 0, 'j'},       {"morning", no_argument, 0, 'm'},
      {"evening", no_argument, 0, 'e'},    {"checked", no_argument, 0, 'c'},
      {"kind", required_argument, 0, 'k'}, {0, 0, 0, 0}};
  memset(o, 0, sizeof *o);
  int c;
  kc_getopt_reset();
  while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
    const char *tok = argv[optind - 1];
    if (c == ':') {
      kc_err("plan %s: option '%s' needs a value", sub_name, tok);
      return -1;
    }
    if (c == '?' || !strchr(allowed, c)) {
      long long v;
      if (c == '?' && kc_parse_long(tok, -1000000000LL, 0, &v) && strcmp(sub_name, "pain") == 0)
        kc_err("plan pain: a pain score is a whole number from %d (none) to %d (worst), not '%s'",
               KC_PAIN_MIN, KC_PAIN_MAX, tok);
      else if (c == '?' && kc_parse_long(tok, -1000000000LL, 0, &v))
        kc_err("plan %s: '%s' is not allowed here: numbers are 0 or more", sub_name, tok);
      else
        kc_err("plan %s: unknown option '%s' (try --help)", sub_name, tok);
      return -1;
    }
    long long v;
    switch (c) {
    case 'd':
      if (!kc_parse_long(optarg, 1, KC_PLAN_DAYS, &v)) {
        kc_err("plan %s: --day must be 1, 2 or 3 (a day of the 3-day plan), not '%s'", sub_name,
               optarg);
        return -1;
      }
      o->day = (int)v;
      break;
    case 'n': o->note = optarg; break;
    case 'D': o->date = optarg; break;
    case 'f': o->format = optarg; break;
    case 'j': o->json = 1; break;
    case 'c': o->checked = 1; break;
    case 'k':
      if (!kc_plan_kind_parse(optarg, &o->kind)) {
        kc_err("plan %s: --kind is injury or overuse, not '%s'", sub_name, optarg);
        return -1;
      }
      break;
    case 'm':
    case 'e':
      if (o->slot) {
        kc_err("plan %s: give --morning or --evening, not both", sub_name);
        return -1;
      }
      o->slot = c == 'm' ? KC_PAIN_MORNING : KC_PAIN_EVENING;
      break;
    }
  }
  return 0;
}

static int positional(int argc, int want, const char *what) {
  if (argc - optind == want) return 0;
  if (argc - optind < want) {
    char msg[160];
    snprintf(msg, sizeof msg, "needs %s (try --help)", what);
    return usage_err(msg);
  }
  return usage_err("too many arguments (try --help)");
}

/* Opens the user data and the clock; with need_active, loads the active
 * plan (exit 1 with a message when there is none). */
static int open_plan(struct plan_cmd *p, struct kc_app *app, int need_active) {
  memset(p, 0, sizeof *p);
  p->app = app;
  int code = KC_EXIT_FAIL;
  if (!(p->udb = kc_cli_user(app, &code))) return code;
  p->now = kc_app_now();
  p->today = kc_day_local(p->now);
  if (!kc_day_valid(p->today)) {
    kc_err("the system clock gives no valid date");
    return KC_EXIT_FAIL;
  }
  if (!need_active) return KC_EXIT_OK;
  int rc = kc_userdb_plan_active(p->udb, app->profile.id, &p->plan);
  if (rc == KC_UDB_ENOTFOUND) {
    kc_err("plan %s: profile \"%s\" has no active recovery plan (start one with 'kneecare "
           "plan start')",
           sub_name, app->profile.name);
    return KC_EXIT_FAIL;
  }
  if (rc != KC_UDB_OK) {
    kc_err("%s", kc_userdb_errmsg(p->udb));
    return KC_EXIT_FAIL;
  }
  p->day_index = kc_plan_day_index(p->plan.start_day, p->today);
  return KC_EXIT_OK;
}

/* Home care has stopped (a warning sign answered yes): its tasks and ice
 * are not recorded any more; says why (exit 1). */
static int refuse_stopped(struct plan_cmd *p) {
  enum kc_level worst = KC_LEVEL_NONE;
  if (kc_userdb_redflag_worst(p->udb, p->plan.id, &worst) != KC_UDB_OK ||
      !kc_redflag_stops_plan(worst))
    return KC_EXIT_OK;
  kc_err("plan %s: home care has stopped: a warning sign was answered yes (%s). Get help as "
         "'kneecare plan status' says; nothing was recorded.",
         sub_name, kc_level_title(worst));
  return KC_EXIT_FAIL;
}

static int store_err(struct plan_cmd *p, int rc) {
  kc_err("%s", kc_userdb_errmsg(p->udb));
  return rc == KC_UDB_EINVAL ? KC_EXIT_USAGE : KC_EXIT_FAIL;
}

static char *date_of(int day, char buf[KC_DAY_BUF]) { return kc_day_format(day, buf); }

/* The plan day to record on: --day N if it may be edited, else today's. */
static int resolve_day(const struct plan_cmd *p, int given, int *day) {
  char date[KC_DAY_BUF], today[KC_DAY_BUF], msg[320];
  if (given) {
    if (!kc_plan_day_editable(given, p->day_index)) {
      snprintf(msg, sizeof msg,
               "day %d (%s) has not come yet; it can be filled in from that day (today is %s)",
               given, date_of(kc_plan_day_date(p->plan.start_day, given), date),
               date_of(p->today, today));
      return usage_err(msg);
    }
    *day = given;
    return KC_EXIT_OK;
  }
  if (p->day_index < 1) {
    snprintf(msg, sizeof msg, "the plan starts on %s; nothing can be recorded before then",
             date_of(p->plan.start_day, date));
    return usage_err(msg);
  }
  if (p->day_index > KC_PLAN_DAYS) {
    snprintf(msg, sizeof msg,
             "the 3-day plan is over (today is day %d): give --day 1, 2 or 3 to fill in a past "
             "day, answer 'kneecare plan checkin better|same|worse', or 'kneecare plan end'",
             p->day_index);
    return usage_err(msg);
  }
  *day = p->day_index;
  return KC_EXIT_OK;
}

static const char *late_note(const struct plan_cmd *p, int day) {
  return kc_task_is_late(p->plan.start_day, day, p->today) ? " (recorded late)" : "";
}

/* ---- the warning signs, asked on a terminal ------------------------------------ */

/* One answer from stdin: 1 yes (or not sure), 0 no, -1 end of input. */
static int ask_yes_no(const char *question, int unsure_is_yes) {
  char line[64];
  for (;;) {
    kc_print_wrapped(stdout, question, kc_out_width(0), "", "");
    printf("  [y]es / [n]o / [u] not sure: ");
    fflush(stdout);
    if (!fgets(line, sizeof line, stdin)) {
      putchar('\n');
      return -1;
    }
    const char c = line[strspn(line, " \t")];
    if (c == 'y' || c == 'Y') return 1;
    if (c == 'n' || c == 'N') return 0;
    if (c == 'u' || c == 'U') return unsure_is_yes ? 1 : 2;
    printf("Please answer y, n or u.\n");
  }
}

/* The daily safety check of the plan (every sign marked recheck), asked
 * one at a time. Returns 0 with *level (NONE when every answer is no), the
 * danger and action of the most urgent yes, and the answers text; -1 when
 * the signs cannot be loaded (said why: fail closed) or input ended. */
static int ask_signs(struct kc_app *app, enum kc_level *level, const char **danger,
                     const char **action, struct kc_strbuf *text) {
  char err[512], reason[256];
  const struct kc_wz_def *def = kc_app_wizard(app, err, sizeof err);
  size_t *si = NULL, asked = 0;
  if (kc_recheck_signs(def, &si, &asked, reason, sizeof reason) != 0) {
    kc_err("plan: the warning signs could not be used (%s), so the safety check cannot be "
           "asked and nothing was recorded. Read them with: kneecare show red-flags",
           def ? reason : err);
    return -1;
  }
  printf("Safety check: is any of these true today? Any yes means home care is not enough.\n\n");
  struct kc_redflag_answer *ans = kc_xcalloc(asked, sizeof *ans);
  size_t k = 0;
  int rc = 0;
  *danger = *action = NULL;
  enum kc_level top = KC_LEVEL_NONE;
  for (size_t j = 0; j < asked; j++) {
    const size_t i = si[j];
    const struct kc_wz_sign *sg = kc_wz_sign_at(def, i);
    int qi = kc_wz_sign_question(def, i);
    const struct kc_wz_question *q = qi >= 0 ? kc_wz_question_at(def, (size_t)qi) : NULL;
    const char *words =
        q && strcmp(q->section, KC_WZ_SECTION_RED_FLAGS) == 0 ? q->text : sg->statement;
    char head[32];
    snprintf(head, sizeof head, "%zu of %zu. ", k + 1, asked);
    struct kc_strbuf qb = {0};
    kc_strbuf_put(&qb, head);
    kc_strbuf_put(&qb, words);
    int a = ask_yes_no(kc_strbuf_str(&qb), 1);
    kc_strbuf_free(&qb);
    if (a < 0) {
      kc_err("plan: the safety check was not finished; nothing was recorded");
      rc = -1;
      break;
    }
    ans[k].level = sg->level;
    ans[k].yes = a == 1;
    kc_strbuf_printf(text, "%s=%s\n", sg->id, a ? "yes" : "no");
    if (a && sg->level > top) {
      top = sg->level;
      *danger = kc_wz_cause_at(def, sg->cause)->title;
      *action = sg->action && *sg->action ? sg->action : NULL;
    }
    k++;
  }
  *level = rc ? KC_LEVEL_NONE : kc_redflag_recheck(ans, k);
  free(ans);
  free(si);
  return rc;
}

/* A yes: home care is not enough. The level and the danger, as the wizard. */
static void print_stop(struct kc_app *app, enum kc_level level, const char *danger,
                       const char *action) {
  int width = kc_out_width(0);
  char err[256];
  const struct kc_wz_def *def = kc_app_wizard(app, err, sizeof err);
  putchar('\n');
  kc_print_level_words(stdout, level, def ? kc_wz_level_title(def, level) : kc_level_title(level),
                       def ? kc_wz_level_action(def, level) : kc_level_advice(level), width);
  if (danger) {
    printf("This can mean: ");
    kc_put_safe(stdout, danger);
    putchar('\n');
  }
  if (action) kc_print_wrapped(stdout, action, width, "", "");
  printf("Home care is not enough. Read more: kneecare show red-flags\n");
}

/* ---- start ---------------------------------------------------------------- */

static int cmd_start(struct kc_app *app, int argc, char **argv) {
  struct plan_opts o;
  if (parse_opts(argc, argv, "Dck", &o) || positional(argc, 0, "nothing")) return KC_EXIT_USAGE;
  int start = KC_DAY_INVALID;
  if (o.date && !kc_day_parse(o.date, &start))
    return usage_err("--date must be a real date written YYYY-MM-DD, e.g. 2026-03-01");
  /* A plan is home care: it starts only after the warning signs have been
   * answered. From a script nobody can answer them, so --checked must say
   * that the person answered no to every one (nothing is written without). */
  const int terminal = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
  if (!o.checked && !terminal)
    return usage_err("the warning signs must be answered first: run it on a terminal, or add "
                     "--checked to record that the person answered no to every warning sign "
                     "(see them with: kneecare show red-flags). Nothing was started.");
  struct plan_cmd p;
  int rc = open_plan(&p, app, 0);
  if (rc) return rc;
  if (!o.date) start = p.today;
  char why[200], date[KC_DAY_BUF];
  if (!kc_plan_start_ok(start, p.today, why, sizeof why)) return usage_err(why);
  struct kc_plan cur;
  if (kc_userdb_plan_active(p.udb, app->profile.id, &cur) == KC_UDB_OK) {
    kc_err("plan start: profile \"%s\" already has an active plan, started %s; finish it with "
           "'kneecare plan end' first",
           app->profile.name, date_of(cur.start_day, date));
    return KC_EXIT_FAIL;
  }
  struct kc_strbuf answers = {0};
  if (o.checked) {
    kc_strbuf_put(&answers, "checked=no-to-every-sign\n");
  } else {
    enum kc_level level;
    const char *danger, *action;
    if (ask_signs(app, &level, &danger, &action, &answers) != 0) {
      kc_strbuf_free(&answers);
      return KC_EXIT_FAIL;
    }
    if (kc_redflag_stops_plan(level)) {
      print_stop(app, level, danger, action);
      printf("No plan was started.\n");
      kc_strbuf_free(&answers);
      return KC_EXIT_FAIL;
    }
  }
  /* Which plan: --kind, else one question on a terminal; from a script the
   * injury plan (protect, then load gently: the cautious choice when the
   * start is not known, and the plan older versions started). */
  enum kc_plan_kind kind = o.kind;
  if (!kind && terminal && !o.checked) {
    putchar('\n');
    int a = ask_yes_no(kc_plan_kind_question, 0);
    if (a < 0) {
      kc_strbuf_free(&answers);
      kc_err("plan start: no answer; nothing was started");
      return KC_EXIT_FAIL;
    }
    kind = kc_plan_kind_from_answer(a == 2 ? -1 : a);
  }
  if (!kind) kind = KC_PLAN_INJURY;
  const struct kc_plan_origin origin = {kind, NULL, 0};
  rc = kc_userdb_plan_start_ex(p.udb, app->profile.id, start, p.now, &origin, &p.plan);
  if (rc != KC_UDB_OK) {
    kc_strbuf_free(&answers);
    return store_err(&p, rc);
  }
  /* The answers count as the start day's safety check. */
  rc = kc_userdb_redflag_record(p.udb, p.plan.id, p.today, p.now, KC_LEVEL_NONE,
                                kc_strbuf_str(&answers));
  kc_strbuf_free(&answers);
  if (rc != KC_UDB_OK) return store_err(&p, rc);
  char label[64];
  kc_plan_day_label(kc_plan_day_index(start, p.today), label, sizeof label);
  printf("Started the 3-day recovery plan for profile \"");
  kc_put_safe(stdout, app->profile.name);
  printf("\" on %s (%s). Today is %s.\n", date_of(start, date), kc_day_weekday_name(start), label);
  printf("Plan: %s (--kind %s).\n", kc_plan_kind_title(kind), kc_plan_kind_name(kind));
  printf("Safety check: %s.\n", o.checked ? "recorded as no to every warning sign (--checked)"
                                          : "no to every warning sign");
  printf("See today's checklist with: kneecare plan status\n");
  /* Home care does not replace an urgent result from the last check. */
  struct kc_wizard_run *runs = NULL;
  int n = 0;
  if (kc_userdb_wizard_list(p.udb, app->profile.id, 1, &runs, &n) == KC_UDB_OK && n == 1 &&
      runs[0].level >= KC_LEVEL_SOON) {
    char when[32];
    printf("\nYour last symptom check (%s) said:\n", kc_cli_time(runs[0].at, when, sizeof when));
    kc_print_level(stdout, runs[0].level, kc_out_width(0));
    kc_print_wrapped(stdout,
                     "This plan is for the days until then and does not replace that advice.",
                     kc_out_width(0), "", "");
  }
  kc_userdb_wizard_runs_free(runs, n);
  printf("If a warning sign appears at any time, stop and get help: kneecare show red-flags\n");
  return KC_EXIT_OK;
}

/* ---- status --------------------------------------------------------------- */

static const struct kc_plan_task *ice_task(struct kc_app *app) {
  for (size_t i = 0; i < app->n_tasks; i++)
    if (app->tasks[i].kind == KC_TASK_ICE) return &app->tasks[i];
  return NULL;
}

static int load_snapshot(struct plan_cmd *p, struct kc_plan_snapshot *s) {
  char err[512];
  if (kc_cli_tasks(p->app) != 0) return KC_EXIT_FAIL;
  int rc = kc_plan_snapshot_load(p->app, &p->plan, p->today, s, err, sizeof err);
  if (rc != KC_UDB_OK) {
    kc_err("%s", err);
    return KC_EXIT_FAIL;
  }
  return KC_EXIT_OK;
}

static int cmd_status(struct kc_app *app, int argc, char **argv) {
  struct plan_opts o;
  if (parse_opts(argc, argv, "j", &o) || positional(argc, 0, "nothing")) return KC_EXIT_USAGE;
  struct plan_cmd p;
  int rc = open_plan(&p, app, 1);
  if (rc) return rc;
  struct kc_plan_snapshot s;
  if ((rc = load_snapshot(&p, &s))) return rc;
  if (o.json)
    kc_plan_print_json(app->profile.name, &s);
  else
    kc_plan_print_status(app->profile.name, &s);
  kc_plan_snapshot_free(&s);
  return KC_EXIT_OK;
}

/* ---- tick / untick ------------------------------------------------------------ */

static void task_ids(struct kc_app *app, enum kc_task_kind kind, char *buf, size_t n) {
  size_t used = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < app->n_tasks; i++) {
    if (app->tasks[i].kind != kind) continue;
    int w = snprintf(buf + used, n - used, "%s%s", used ? ", " : "", app->tasks[i].id);
    if (w < 0 || (size_t)w >= n - used) break;
    used += (size_t)w;
  }
}

static int cmd_tick(struct kc_app *app, int argc, char **argv, int on) {
  struct plan_opts o;
  if (parse_opts(argc, argv, "d", &o) ||
      positional(argc, 1, "a task id (see 'kneecare plan status')"))
    return KC_EXIT_USAGE;
  const char *id = argv[optind];
  if (kc_cli_tasks(app) != 0) return KC_EXIT_FAIL;
  const struct kc_plan_task *task = kc_app_task(app, id);
  char ids[512], msg[768];
  task_ids(app, KC_TASK_CHECK, ids, sizeof ids);
  if (!task) {
    snprintf(msg, sizeof msg, "no task '%s'; the tasks to tick are: %s", id, ids);
    return usage_err(msg);
  }
  if (task->kind != KC_TASK_CHECK) {
    snprintf(msg, sizeof msg, "'%s' is not ticked: %s", id,
             task->kind == KC_TASK_ICE ? "record each ice session with 'kneecare plan ice'"
                                       : "give a score with 'kneecare plan pain SCORE'");
    return usage_err(msg);
  }
  struct plan_cmd p;
  int rc = open_plan(&p, app, 1);
  if (rc) return rc;
  if (on && (rc = refuse_stopped(&p))) return rc;
  if (!kc_task_fits(task->plan_kind, p.plan.kind)) {
    snprintf(msg, sizeof msg, "'%s' is not a task of this plan (%s): see 'kneecare plan status'",
             id, kc_plan_kind_title(p.plan.kind));
    return usage_err(msg);
  }
  int day;
  if ((rc = resolve_day(&p, o.day, &day))) return rc;
  /* What was there, to say whether anything changed. */
  struct kc_tick *ticks = NULL;
  int n = 0;
  int64_t before = 0;
  if (kc_userdb_ticks(p.udb, p.plan.id, &ticks, &n) == KC_UDB_OK)
    for (int i = 0; i < n; i++)
      if (ticks[i].day == day && strcmp(ticks[i].task_id, id) == 0) before = ticks[i].at;
  free(ticks);
  rc = on ? kc_userdb_tick(p.udb, p.plan.id, id, day, p.now)
          : kc_userdb_untick(p.udb, p.plan.id, id, day, p.now);
  if (rc != KC_UDB_OK) return store_err(&p, rc);
  char date[KC_DAY_BUF], when[32];
  date_of(kc_plan_day_date(p.plan.start_day, day), date);
  if (on && before)
    printf("Already ticked: %s (%s), day %d (%s), at %s.\n", task->label, id, day, date,
           kc_cli_time(before, when, sizeof when));
  else if (on)
    printf("Ticked: %s (%s), day %d (%s)%s.\n", task->label, id, day, date, late_note(&p, day));
  else if (before)
    printf("Unticked: %s (%s), day %d (%s).\n", task->label, id, day, date);
  else
    printf("Not ticked, nothing to undo: %s (%s), day %d (%s).\n", task->label, id, day, date);
  return KC_EXIT_OK;
}

/* ---- ice --------------------------------------------------------------------- */

static int cmd_ice(struct kc_app *app, int argc, char **argv) {
  struct plan_opts o;
  if (parse_opts(argc, argv, "d", &o) || positional(argc, 0, "nothing")) return KC_EXIT_USAGE;
  if (kc_cli_tasks(app) != 0) return KC_EXIT_FAIL;
  const struct kc_plan_task *task = ice_task(app);
  if (!task) {
    kc_err("plan ice: this content database's plan has no ice task");
    return KC_EXIT_FAIL;
  }
  struct plan_cmd p;
  int rc = open_plan(&p, app, 1);
  if (rc) return rc;
  if ((rc = refuse_stopped(&p))) return rc;
  int day;
  if ((rc = resolve_day(&p, o.day, &day))) return rc;
  rc = kc_userdb_ice_add(p.udb, p.plan.id, day, p.now, KC_ICE_MINUTES, NULL);
  if (rc != KC_UDB_OK) return store_err(&p, rc);
  int count = 0;
  kc_userdb_ice_count(p.udb, p.plan.id, day, &count);
  struct kc_ice_progress ip = kc_ice_progress(count, task->target);
  char clock[16], date[KC_DAY_BUF];
  if (ip.optional) {
    printf("Ice session of %d minutes recorded at %s for day %d (%s)%s: %d that day. Ice is "
           "optional: use it only if it helps.\n",
           KC_ICE_MINUTES, kc_cli_clock(p.now, clock, sizeof clock), day,
           date_of(kc_plan_day_date(p.plan.start_day, day), date), late_note(&p, day), ip.count);
    if (ip.count > KC_ICE_TARGET)
      printf("That is more than %d sessions in a day: leave 2-3 hours between sessions and check "
             "the skin after %d minutes.\n",
             KC_ICE_TARGET, KC_ICE_SKIN_CHECK_MINUTES);
    return KC_EXIT_OK;
  }
  printf("Ice session of %d minutes recorded at %s for day %d (%s)%s: %d of %d that day%s.\n",
         KC_ICE_MINUTES, kc_cli_clock(p.now, clock, sizeof clock), day,
         date_of(kc_plan_day_date(p.plan.start_day, day), date), late_note(&p, day), ip.count,
         ip.target,
         ip.full  ? ", target reached"
         : ip.met ? ", enough for the day"
                  : "");
  if (ip.count > ip.target)
    printf("That is more than the %d sessions a day the plan aims for: leave 2-3 hours between "
           "sessions and check the skin after %d minutes.\n",
           ip.target, KC_ICE_SKIN_CHECK_MINUTES);
  return KC_EXIT_OK;
}

/* ---- pain -------------------------------------------------------------------- */

static int cmd_pain(struct kc_app *app, int argc, char **argv) {
  struct plan_opts o;
  if (parse_opts(argc, argv, "dnme", &o) || positional(argc, 1, "a pain score from 0 to 10"))
    return KC_EXIT_USAGE;
  long long score;
  if (!kc_parse_long(argv[optind], KC_PAIN_MIN, KC_PAIN_MAX, &score)) {
    char msg[160];
    snprintf(msg, sizeof msg,
             "a pain score is a whole number from %d (none) to %d (worst), not '%s'", KC_PAIN_MIN,
             KC_PAIN_MAX, argv[optind]);
    return usage_err(msg);
  }
  char why[256];
  if (o.note && !kc_note_check(o.note, why, sizeof why)) return usage_err(why);
  struct plan_cmd p;
  int rc = open_plan(&p, app, 1);
  if (rc) return rc;
  int day;
  if ((rc = resolve_day(&p, o.day, &day))) return rc;
  /* Without --morning/--evening: the slot of the hour it is given at. */
  struct tm tm;
  const time_t now = p.now;
  const enum kc_pain_slot slot =
      o.slot ? o.slot : kc_pain_slot_at(localtime_r(&now, &tm) ? tm.tm_hour : 12);
  struct kc_pain old;
  int had = kc_userdb_pain_get_slot(p.udb, p.plan.id, day, slot, &old) == KC_UDB_OK;
  rc = kc_userdb_pain_set_slot(p.udb, p.plan.id, day, slot, (int)score, o.note, p.now);
  if (rc != KC_UDB_OK) return store_err(&p, rc);
  char date[KC_DAY_BUF];
  printf("Pain %lld/10 recorded for day %d (%s), %s%s", score, day,
         date_of(kc_plan_day_date(p.plan.start_day, day), date), kc_pain_slot_name(slot),
         late_note(&p, day));
  if (had) printf(", replacing %d/10", old.score);
  if (had && !o.note && old.note[0]) printf(" (the note is kept)");
  printf(".\n");
  if (score >= 8)
    printf("That is a high score: if the pain is severe even at rest, see a doctor today "
           "(kneecare show red-flags).\n");
  return KC_EXIT_OK;
}

/* ---- checkin ------------------------------------------------------------------- */

static int cmd_checkin(struct kc_app *app, int argc, char **argv) {
  struct plan_opts o;
  if (parse_opts(argc, argv, "", &o) || positional(argc, 1, "better, same or worse"))
    return KC_EXIT_USAGE;
  enum kc_checkin answer;
  if (!kc_checkin_parse(argv[optind], &answer))
    return usage_err("the answer is better, same or worse (is the pain easing?)");
  struct plan_cmd p;
  int rc = open_plan(&p, app, 1);
  if (rc) return rc;
  if (!kc_checkin_due(p.day_index)) {
    char msg[200], date[KC_DAY_BUF];
    snprintf(msg, sizeof msg, "the check-in is on day %d (%s); today is day %d", KC_PLAN_DAYS,
             date_of(kc_plan_day_date(p.plan.start_day, KC_PLAN_DAYS), date), p.day_index);
    return usage_err(msg);
  }
  const int terminal = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
  enum kc_level level = KC_LEVEL_NONE;
  const char *danger = NULL, *action = NULL;
  if (answer == KC_CHECKIN_WORSE && terminal) {
    /* worse: the warning signs again, on a terminal; the answers are kept
     * with the check-in and as a safety check. */
    struct kc_strbuf text = {0};
    if (ask_signs(app, &level, &danger, &action, &text) != 0) {
      kc_strbuf_free(&text);
      return KC_EXIT_FAIL;
    }
    rc = kc_userdb_plan_checkin_worse(p.udb, p.plan.id, level, kc_strbuf_str(&text), p.now);
    if (rc == KC_UDB_OK)
      rc = kc_userdb_redflag_record(p.udb, p.plan.id, p.today, p.now, level, kc_strbuf_str(&text));
    kc_strbuf_free(&text);
  } else {
    rc = kc_userdb_plan_checkin(p.udb, p.plan.id, answer, p.now);
  }
  if (rc != KC_UDB_OK) return store_err(&p, rc);
  struct kc_checkin_advice adv;
  if (!kc_checkin_advice(answer, &adv)) return KC_EXIT_FAIL;
  int width = kc_out_width(0);
  printf("Check-in saved: %s.\n\n", kc_checkin_name(answer));
  if (kc_redflag_stops_plan(level)) {
    print_stop(app, level, danger, action);
    return KC_EXIT_OK;
  }
  printf("%s\n", adv.title);
  kc_print_wrapped(stdout, adv.advice, width, "", "");
  printf("\n");
  kc_print_level(stdout, adv.level, width);
  if (answer == KC_CHECKIN_WORSE && !terminal)
    printf("\nCheck the warning signs now, and act on any at once: kneecare show red-flags\n");
  if (answer == KC_CHECKIN_BETTER) {
    /* the five readiness checks: asked on a terminal, listed otherwise */
    size_t n;
    const struct kc_readiness_check *rc5 = kc_readiness_checks(&n);
    int ans[8], all = terminal;
    printf("\nReady to run? Five checks%s:\n", terminal ? "" : " (answer them in the guide)");
    for (size_t i = 0; i < n && i < 8; i++) {
      if (!terminal) {
        printf("  %zu. ", i + 1);
        kc_print_wrapped(stdout, rc5[i].question, width - 5, "", "     ");
        continue;
      }
      int a = ask_yes_no(rc5[i].question, 0);
      if (a < 0) return KC_EXIT_FAIL;
      ans[i] = a == 1;
      kc_userdb_readiness_record(p.udb, p.plan.id, rc5[i].id, a == 1, p.now);
      if (a != 1) {
        printf("  Not yet: ");
        kc_print_wrapped(stdout, rc5[i].if_not, width - 12, "", "  ");
      }
    }
    if (all && kc_readiness_all_pass(ans, n))
      printf("\nAll five pass: start the return to running: kneecare show return-to-running\n");
    else if (all)
      printf("\nNot ready to run yet: keep walking and doing the exercises, and answer again in "
             "a few days.\n");
  }
  printf("\nRead next (kneecare show ID):\n");
  for (int i = 0; i < adv.n_articles; i++) {
    char *t = kc_content_title(app->content, adv.articles[i]);
    char line[512];
    snprintf(line, sizeof line, "%s  %s", adv.articles[i], t ? t : "");
    kc_print_wrapped(stdout, line, width, "  ", "    ");
    free(t);
  }
  printf("\nWhen you are done with the plan: kneecare plan end\n");
  return KC_EXIT_OK;
}

/* ---- end ---------------------------------------------------------------------- */

static int cmd_end(struct kc_app *app, int argc, char **argv) {
  struct plan_opts o;
  if (parse_opts(argc, argv, "", &o) || positional(argc, 0, "nothing")) return KC_EXIT_USAGE;
  struct plan_cmd p;
  int rc = open_plan(&p, app, 1);
  if (rc) return rc;
  rc = kc_userdb_plan_end(p.udb, p.plan.id, p.now);
  if (rc != KC_UDB_OK) return store_err(&p, rc);
  char date[KC_DAY_BUF];
  printf("Ended the recovery plan started %s. It is kept in your history "
         "(kneecare plan export).\n",
         date_of(p.plan.start_day, date));
  if (kc_checkin_due(p.day_index) && p.plan.checkin == KC_CHECKIN_NONE)
    printf("If the pain is not easing after 3 days of home care, see a physio or GP: kneecare "
           "show not-getting-better\n");
  return KC_EXIT_OK;
}

/* ---- export --------------------------------------------------------------------- */

static int cmd_export(struct kc_app *app, int argc, char **argv) {
  struct plan_opts o;
  if (parse_opts(argc, argv, "f", &o) || positional(argc, 0, "nothing")) return KC_EXIT_USAGE;
  int csv = 0;
  if (o.format && strcmp(o.format, "csv") == 0)
    csv = 1;
  else if (o.format && strcmp(o.format, "markdown") != 0)
    return usage_err("--format is markdown or csv");
  struct plan_cmd p;
  int rc = open_plan(&p, app, 0);
  if (rc) return rc;
  /* The active plan, else the last finished one. */
  rc = kc_userdb_plan_active(p.udb, app->profile.id, &p.plan);
  if (rc == KC_UDB_ENOTFOUND) {
    struct kc_plan *hist = NULL;
    int n = 0;
    rc = kc_userdb_plan_history(p.udb, app->profile.id, &hist, &n);
    if (rc == KC_UDB_OK && n == 0) rc = KC_UDB_ENOTFOUND;
    if (rc == KC_UDB_OK) p.plan = hist[0];
    free(hist);
  }
  if (rc == KC_UDB_ENOTFOUND) {
    kc_err("plan export: profile \"%s\" has no recovery plan yet (start one with 'kneecare plan "
           "start')",
           app->profile.name);
    return KC_EXIT_FAIL;
  }
  if (rc != KC_UDB_OK) return store_err(&p, rc);
  p.day_index = kc_plan_day_index(p.plan.start_day, p.today);
  struct kc_plan_snapshot s;
  if ((rc = load_snapshot(&p, &s))) return rc;
  if (csv)
    kc_plan_print_csv(&s);
  else
    kc_plan_print_markdown(app->profile.name, &s);
  kc_plan_snapshot_free(&s);
  return KC_EXIT_OK;
}

/* ---- the commands main.c's table names -------------------------------------- */

/* argv[0] is the subcommand word: messages say "plan <sub>: ...". */
#define PLAN_COMMAND(fn, impl)                                                                     \
  int fn(struct kc_app *app, int argc, char **argv) {                                              \
    sub_name = argv[0];                                                                            \
    return impl;                                                                                   \
  }
PLAN_COMMAND(kc_cmd_plan_start, cmd_start(app, argc, argv))
PLAN_COMMAND(kc_cmd_plan_status, cmd_status(app, argc, argv))
PLAN_COMMAND(kc_cmd_plan_tick, cmd_tick(app, argc, argv, 1))
PLAN_COMMAND(kc_cmd_plan_untick, cmd_tick(app, argc, argv, 0))
PLAN_COMMAND(kc_cmd_plan_ice, cmd_ice(app, argc, argv))
PLAN_COMMAND(kc_cmd_plan_pain, cmd_pain(app, argc, argv))
PLAN_COMMAND(kc_cmd_plan_checkin, cmd_checkin(app, argc, argv))
PLAN_COMMAND(kc_cmd_plan_end, cmd_end(app, argc, argv))
PLAN_COMMAND(kc_cmd_plan_export, cmd_export(app, argc, argv))
