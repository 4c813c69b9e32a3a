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
#include "kneecare/text.h"
#include "kneecare/tui.h"

void kc_err(const char *fmt, ...) {
  /* Messages quote user input (ids, file names); sanitise so an argument
   * holding an escape sequence cannot reach the terminal. */
  char raw[1024], safe[3 * sizeof raw];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(raw, sizeof raw, fmt, ap);
  va_end(ap);
  kc_text_sanitize(raw, strlen(raw), safe, sizeof safe, 1);
  fprintf(stderr, "kneecare: %s\n", safe);
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

static void usage(FILE *fp) {
  fputs("Usage: kneecare [OPTION]... [COMMAND [ARG]...]\n"
        "A self-care guide for runners with pain on the inside of the knee.\n"
        "With no command, opens the full-screen guide.\n"
        "\n"
        "Commands:\n"
        "  topics                     list topics: id, title, number of articles\n"
        "  list [TOPIC]               list articles: id, topic, title\n"
        "  show ID [--width N]        print an article as wrapped text\n"
        "  search [--limit N] [--topic ID] QUERY   ranked search: id, title, snippet\n"
        "  wizard --questions [--json]\n"
        "                             every wizard question, in the order asked\n"
        "  wizard --answers FILE|- [--json] [--save]\n"
        "                             score an answers file (question=option lines)\n"
        "  history [ID] [--json]      saved symptom checks of the profile, or one\n"
        "  plan start [--date YYYY-MM-DD]\n"
        "                             start the 3-day recovery plan\n"
        "  plan status [--json]       today's day, tasks, ice, pain, progress\n"
        "  plan tick TASK [--day N]   tick a task of a plan day (default today's)\n"
        "  plan untick TASK [--day N] undo a tick\n"
        "  plan ice [--day N]         record one completed 20-minute ice session\n"
        "  plan pain SCORE [--note TEXT] [--day N]\n"
        "                             the day's pain score, 0 (none) to 10 (worst)\n"
        "  plan checkin better|same|worse\n"
        "                             day-3 check-in: is the pain easing?\n"
        "  plan end                   finish the plan (kept as history)\n"
        "  plan export [--format markdown|csv]\n"
        "                             the whole plan: ticks, ice times, pain\n"
        "  report                     one-page Markdown summary for a physio or doctor\n"
        "  profiles [--json]          list profiles; * marks the current one\n"
        "\n"
        "Options:\n"
        "      --content FILE   use another content database (read-only)\n"
        "      --user NAME      profile to use (default: your login name)\n"
        "      --data DIR       where user data lives (or KNEECARE_DATA_DIR)\n"
        "      --no-mouse       do not capture the mouse (keeps copy and paste)\n"
        "  -h, --help           show this help and exit\n"
        "  -V, --version        show the version and exit\n"
        "\n"
        "This guide does not replace a clinician. In an emergency, call your local\n"
        "emergency number. See kneecare(1) for keys, files and exit codes.\n",
        fp);
}

struct command {
  const char *name;
  int (*run)(struct kc_app *, int, char **);
};

static const struct command commands[] = {
    {"topics", kc_cmd_topics}, {"list", kc_cmd_list},     {"show", kc_cmd_show},
    {"search", kc_cmd_search}, {"wizard", kc_cmd_wizard}, {"history", kc_cmd_history},
    {"plan", kc_cmd_plan},     {"report", kc_cmd_report}, {"profiles", kc_cmd_profiles},
};

int main(int argc, char **argv) {
  /* Only the character type matters (UTF-8 in and out); the other
   * categories would cost a dozen file opens at every start. */
  setlocale(LC_CTYPE, "");
  struct kc_app app = {0};
  static const struct option opts[] = {{"content", required_argument, 0, 'c'},
                                       {"user", required_argument, 0, 'u'},
                                       {"data", required_argument, 0, 'd'},
                                       {"no-mouse", no_argument, 0, 'm'},
                                       {"help", no_argument, 0, 'h'},
                                       {"version", no_argument, 0, 'V'},
                                       {0, 0, 0, 0}};
  int c;
  /* '+': stop at the first non-option, which is the command; the command
   * parses its own options. ':' lets us word missing-argument errors. */
  opterr = 0;
  while ((c = getopt_long(argc, argv, "+:hV", opts, NULL)) != -1) {
    switch (c) {
    case 'c': app.content_path = optarg; break;
    case 'u': app.user = optarg; break;
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
    /* A --content file is checked before the screen is taken over; the
     * built-in content opens when first needed (staged start-up). */
    if (app.content_path && open_content(&app) != 0) return KC_EXIT_FAIL;
    char err[1024];
    int rc = kc_tui_run(&app, err, sizeof err);
    kc_app_close(&app);
    if (rc < 0) kc_err("%s", err);
    return rc < 0 ? KC_EXIT_FAIL : rc > 0 ? 128 + rc : KC_EXIT_OK;
  }
  const char *name = argv[optind];
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
    if (strcmp(name, commands[i].name) != 0) continue;
    if (open_content(&app) != 0) return KC_EXIT_FAIL;
    optind++;
    int rc = commands[i].run(&app, argc - optind + 1, argv + optind - 1);
    kc_app_close(&app);
    if (fflush(stdout) != 0 || ferror(stdout)) {
      kc_err("cannot write output");
      return KC_EXIT_FAIL;
    }
    return rc;
  }
  kc_err("unknown command '%s' (try --help)", name);
  return KC_EXIT_USAGE;
}
