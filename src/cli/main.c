/* kneecare: entry point. Parses global options (GNU getopt_long), then runs
 * a command or, with none, the full-screen guide. Errors are reported here,
 * once, as one line on stderr. */
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "kneecare/content.h"
#include "kneecare/mem.h"
#include "kneecare/text.h"
#include "kneecare/tui.h"

void kc_err(const char *fmt, ...) {
  /* Messages quote user input (ids, file names) and text from the data
   * file: sanitised so an escape sequence cannot reach the terminal, and
   * kept on one line (a newline in an argument must not forge a second
   * "kneecare:" line). Never cut: the whole path of a file is named. */
  va_list ap;
  va_start(ap, fmt);
  const int need = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (need < 0) return;
  char *raw = kc_xmalloc((size_t)need + 1);
  va_start(ap, fmt);
  vsnprintf(raw, (size_t)need + 1, fmt, ap);
  va_end(ap);
  char *safe = kc_text_sanitize_dup(raw, (size_t)need, 0);
  if (!safe) kc_mem_fail();
  fprintf(stderr, "kneecare: %s\n", safe);
  free(safe);
  free(raw);
}

void kc_err_lines(const char *text) {
  for (const char *w = text; w && *w;) {
    const char *nl = strchr(w, '\n');
    const int len = nl ? (int)(nl - w) : (int)strlen(w);
    if (len > 0) kc_err("%.*s", len, w);
    w = nl ? nl + 1 : NULL;
  }
}

int kc_out_width(int requested) {
  if (requested > 0) return requested;
  struct winsize ws;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  return 80;
}

void kc_put_marked(FILE *out, const char *s, int mark) {
  for (; *s; s++) {
    if (*s == KC_MARK_ON) {
      if (mark) fputc('[', out);
    } else if (*s == KC_MARK_OFF) {
      if (mark) fputc(']', out);
    } else {
      fputc(*s, out);
    }
  }
}

void kc_json_str(FILE *out, const char *s) {
  fputc('"', out);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\')
      fprintf(out, "\\%c", *p);
    else if (*p == '\n')
      fputs("\\n", out);
    else if (*p < 0x20 || *p == 0x7F)
      fprintf(out, "\\u%04x", *p);
    else
      fputc(*p, out);
  }
  fputc('"', out);
}

void kc_getopt_reset(void) {
  optind = 0; /* 0: glibc re-initialises, forgetting main()'s "+" mode */
  opterr = 0;
}

int kc_parse_no_options(const char *cmd, int argc, char **argv) {
  if (argc <= 1) return 0;
  kc_err("%s: takes no %s '%s' (try --help)", cmd, argv[1][0] == '-' ? "option" : "argument",
         argv[1]);
  return -1;
}

int kc_parse_json_option(const char *cmd, int argc, char **argv, int *json) {
  static const struct option opts[] = {{"json", no_argument, 0, 'j'}, {0, 0, 0, 0}};
  int c;
  *json = 0;
  kc_getopt_reset();
  while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
    if (c == 'j') {
      *json = 1;
      continue;
    }
    kc_err("%s: unknown option '%s'", cmd, argv[optind - 1]);
    return -1;
  }
  return 0;
}

static int open_content(struct kc_app *app) {
  char err[512];
  if (kc_app_open_content(app, err, sizeof err) == 0) return 0;
  kc_err("%s", err);
  return -1;
}

static int check_safety(struct kc_app *app) {
  char err[1024];
  if (kc_app_check_safety(app, err, sizeof err) == 0) return 0;
  kc_err("%s", err);
  return -1;
}

/* Every command, one row per usage line, as tmux's cmd_entry: the usage
 * and summary printed by --help come from here, and tests/cli/commands.sh
 * checks the man page's COMMANDS section and the README's command list
 * against --help, so the three cannot drift. A command with subcommands
 * (plan) has one row per subcommand; rows of one command stay together. */
struct kc_cmd_entry {
  const char *name;    /* the command word */
  const char *sub;     /* its subcommand word, or NULL */
  const char *args;    /* the rest of the usage line ("" if none) */
  const char *summary; /* one line for --help */
  int (*exec)(struct kc_app *app, int argc, char **argv); /* argv[0] = sub or name */
  /* 1: reads articles only, gives no advice that depends on the warning
   * signs, so a --content file's signs are not checked first (speed) */
  int reads_articles;
};

static const struct kc_cmd_entry commands[] = {
    {"topics", NULL, "", "list topics: id, title, number of articles", kc_cmd_topics, 1},
    {"list", NULL, "[TOPIC]", "list articles: id, topic, title", kc_cmd_list, 1},
    {"show", NULL, "ID [--width N]", "print an article as wrapped text", kc_cmd_show, 1},
    {"search", NULL, "[--limit N] [--topic ID] QUERY...", "ranked search: id, title, snippet",
     kc_cmd_search, 1},
    {"wizard", NULL, "--questions [--json]", "every wizard question, in the order asked",
     kc_cmd_wizard, 0},
    {"wizard", NULL, "--answers FILE|- [--json] [--save]",
     "score an answers file (question=option lines)", kc_cmd_wizard, 0},
    {"history", NULL, "[ID] [--json]", "saved symptom checks of the profile, or one",
     kc_cmd_history, 0},
    {"plan", "start", "[--date YYYY-MM-DD] [--checked] [--kind injury|overuse]",
     "start the 3-day recovery plan (after the safety check)", kc_cmd_plan_start, 0},
    {"plan", "status", "[--json]", "today's day, tasks, ice, pain, progress", kc_cmd_plan_status,
     0},
    {"plan", "tick", "TASK [--day N]", "tick a task of a plan day (default today's)",
     kc_cmd_plan_tick, 0},
    {"plan", "untick", "TASK [--day N]", "undo a tick", kc_cmd_plan_untick, 0},
    {"plan", "ice", "[--day N]", "record one completed 20-minute ice session", kc_cmd_plan_ice, 0},
    {"plan", "pain", "SCORE [--morning|--evening] [--note TEXT] [--day N]",
     "a pain score, 0 (none) to 10 (worst), morning or evening", kc_cmd_plan_pain, 0},
    {"plan", "checkin", "better|same|worse", "day-3 check-in: is the pain easing?",
     kc_cmd_plan_checkin, 0},
    {"plan", "end", "", "finish the plan (kept as history)", kc_cmd_plan_end, 0},
    {"plan", "export", "[--format markdown|csv]", "the whole plan: ticks, ice times, pain",
     kc_cmd_plan_export, 0},
    {"plan", "next", "[--notify]", "what is due now, one line (nothing: exit 0)", kc_cmd_plan_next,
     0},
    {"run", "status", "[--json]", "the return to running: step, today's session, why",
     kc_cmd_run_status, 0},
    {"run", "log", "[--during N] [--next-morning N] [--session K]",
     "pain during a run and the next morning, 0 to 10", kc_cmd_run_log, 0},
    {"run", "next", "", "today's run, one line (nothing: exit 0)", kc_cmd_run_next, 0},
    {"run", "pause", "[--reason illness|travel|injury|other]",
     "pause the programme without losing it", kc_cmd_run_pause, 0},
    {"run", "resume", "", "carry on after a pause", kc_cmd_run_resume, 0},
    {"run", "end", "", "end the programme (kept as history)", kc_cmd_run_end, 0},
    {"run", "restart", "--week N", "start again from a chosen week", kc_cmd_run_restart, 0},
    {"run", "export", "[--format markdown|csv]", "every run, its pain and the rule's decision",
     kc_cmd_run_export, 0},
    {"report", NULL, "", "one-page Markdown summary for a physio or doctor", kc_cmd_report, 0},
    {"profiles", NULL, "[--json]", "list profiles; * marks the current one", kc_cmd_profiles, 0},
    {"data", "check", "", "check the user-data file now (a damaged one is moved aside)",
     kc_cmd_data_check, 0},
    {"data", "export", "[--output FILE]", "everything of the profile as JSON", kc_cmd_data_export,
     0},
    {"data", "delete", "[--check ID] [--yes]",
     "delete the profile and all its data, or one symptom check", kc_cmd_data_delete, 0},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

/* "plan start [--date YYYY-MM-DD]" */
static void usage_line(const struct kc_cmd_entry *c, char *buf, size_t n) {
  snprintf(buf, n, "%s%s%s%s%s", c->name, c->sub ? " " : "", c->sub ? c->sub : "",
           c->args[0] ? " " : "", c->args);
}

static void usage(FILE *fp) {
  fputs("Usage: kneecare [OPTION]... [COMMAND [ARG]...]\n"
        "A self-care guide for runners with pain on the inside of the knee.\n"
        "With no command, opens the full-screen guide.\n"
        "\n"
        "Commands:\n",
        fp);
  for (size_t i = 0; i < N_COMMANDS; i++) {
    char line[160];
    usage_line(&commands[i], line, sizeof line);
    if (strlen(line) <= 25) /* at least two spaces before the summary */
      fprintf(fp, "  %-26s %s\n", line, commands[i].summary);
    else
      fprintf(fp, "  %s\n  %-26s %s\n", line, "", commands[i].summary);
  }
  fputs("\n"
        "Options:\n"
        "      --content FILE   use another content database (read-only)\n"
        "      --user NAME      profile to use (default: the last one chosen, else the\n"
        "                       only one, else your login name); names are compared\n"
        "                       without case\n"
        "      --create         with --user: make the profile if there is none\n"
        "      --data DIR       where user data lives (or KNEECARE_DATA_DIR)\n"
        "      --no-mouse       do not capture the mouse (keeps copy and paste)\n"
        "  -h, --help           show this help and exit\n"
        "  -V, --version        show the version and exit\n"
        "\n"
        "This guide does not replace a clinician. In an emergency, call your local\n"
        "emergency number. See kneecare(1) for keys, files and exit codes.\n",
        fp);
}

/* The row for argv[0] (and argv[1] when the command has subcommands), or
 * NULL after reporting an unknown or missing subcommand (*exit_code). */
static const struct kc_cmd_entry *find_command(int argc, char **argv, int *exit_code) {
  const char *name = argv[0];
  const struct kc_cmd_entry *first = NULL;
  for (size_t i = 0; i < N_COMMANDS; i++) {
    if (strcmp(commands[i].name, name) != 0) continue;
    if (!first) first = &commands[i];
    if (!commands[i].sub) return &commands[i];
    if (argc > 1 && strcmp(commands[i].sub, argv[1]) == 0) return &commands[i];
  }
  *exit_code = KC_EXIT_USAGE;
  if (!first) {
    kc_err("unknown command '%s' (try --help)", name);
    return NULL;
  }
  char subs[256] = "";
  for (const struct kc_cmd_entry *c = first; c < commands + N_COMMANDS && !strcmp(c->name, name);
       c++) {
    const size_t l = strlen(subs);
    snprintf(subs + l, sizeof subs - l, "%s%s", l ? ", " : "", c->sub);
  }
  if (argc < 2)
    kc_err("%s: needs a subcommand: %s (try --help)", name, subs);
  else
    kc_err("%s: unknown subcommand '%s'; one of: %s (try --help)", name, argv[1], subs);
  return NULL;
}

int main(int argc, char **argv) {
  /* Only the character type matters (UTF-8 in and out); the other
   * categories would cost a dozen file opens at every start. */
  setlocale(LC_CTYPE, "");
  struct kc_app app = {0};
  static const struct option opts[] = {
      {"content", required_argument, 0, 'c'}, {"user", required_argument, 0, 'u'},
      {"create", no_argument, 0, 'C'},        {"data", required_argument, 0, 'd'},
      {"no-mouse", no_argument, 0, 'm'},      {"help", no_argument, 0, 'h'},
      {"version", no_argument, 0, 'V'},       {0, 0, 0, 0}};
  int c;
  /* '+': stop at the first non-option, which is the command; the command
   * parses its own options. ':' lets us word missing-argument errors. */
  opterr = 0;
  while ((c = getopt_long(argc, argv, "+:hV", opts, NULL)) != -1) {
    switch (c) {
    case 'c': app.content_path = optarg; break;
    case 'u': app.user = optarg; break;
    case 'C': app.create_user = 1; break;
    case 'd': app.data_dir = optarg; break;
    case 'm': app.no_mouse = 1; break;
    case 'h': usage(stdout); return KC_EXIT_OK;
    case 'V': printf("kneecare %s\n", KC_VERSION); return KC_EXIT_OK;
    case ':':
      kc_err("option '%s' needs an argument (try --help)", argv[optind - 1]);
      return KC_EXIT_USAGE;
    default: kc_err("unknown option '%s' (try --help)", argv[optind - 1]); return KC_EXIT_USAGE;
    }
  }
  if (optind >= argc) {
    /* A --content file is opened before the screen is taken over (a file
     * that is missing or not a database is reported here); its schema is
     * checked after the first frame, with its warning signs, before any
     * key is read (staged start-up, as the user data is). The built-in
     * content opens when first needed. */
    app.defer_check = 1;
    if (app.content_path && open_content(&app) != 0) return KC_EXIT_FAIL;
    /* The guide remembers the profile it opens with --user; an unknown
     * name is created with --create, else the guide asks (create it, or
     * choose a profile). */
    app.remember_user = 1;
    char err[1024];
    int rc = kc_tui_run(&app, err, sizeof err);
    kc_app_close(&app);
    if (rc < 0) kc_err("%s", err);
    return rc < 0 ? KC_EXIT_FAIL : rc > 0 ? 128 + rc : KC_EXIT_OK;
  }
  int code = KC_EXIT_USAGE;
  const struct kc_cmd_entry *cmd = find_command(argc - optind, argv + optind, &code);
  if (!cmd) return code;
  kc_text_ascii_stdio(); /* a terminal that is not UTF-8 gets ASCII */
  if (open_content(&app) != 0) return KC_EXIT_FAIL;
  if (!cmd->reads_articles && check_safety(&app) != 0) return KC_EXIT_FAIL;
  optind += cmd->sub ? 2 : 1;
  int rc = cmd->exec(&app, argc - optind + 1, argv + optind - 1);
  kc_app_close(&app);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    kc_err("cannot write output");
    return KC_EXIT_FAIL;
  }
  return rc;
}
