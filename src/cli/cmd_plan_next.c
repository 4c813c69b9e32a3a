/* `kneecare plan next [--notify]`: what the active plan asks for now, in
 * one line, for a shell prompt, cron or a systemd user timer. Nothing due
 * (no plan, no profile, nothing left today) prints nothing and exits 0, so
 * it can run every few minutes; it never creates a profile. With --notify
 * the same line also goes to the desktop through notify-send, when it is
 * installed (without it, only the line is printed). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "kneecare/plan_due.h"

/* notify-send on $PATH, or NULL. */
static const char *find_notify_send(char *buf, size_t n) {
  const char *path = getenv("PATH");
  if (!path || !*path) path = "/usr/local/bin:/usr/bin:/bin";
  for (const char *p = path; *p;) {
    const size_t len = strcspn(p, ":");
    snprintf(buf, n, "%.*s/notify-send", (int)len, p);
    if (len > 0 && access(buf, X_OK) == 0) return buf;
    p += len + (p[len] == ':');
  }
  return NULL;
}

/* Runs notify-send without a shell (the line is an argument, never parsed)
 * and waits for it; its output is not ours. */
static void notify(const char *line) {
  char exe[4096];
  if (!find_notify_send(exe, sizeof exe)) return;
  fflush(stdout);
  const pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execl(exe, "notify-send", "--app-name=kneecare", "Knee plan", line, (char *)NULL);
    _exit(127);
  }
  if (pid > 0) waitpid(pid, NULL, 0);
}

int kc_cmd_plan_next(struct kc_app *app, int argc, char **argv) {
  static const struct option opts[] = {{"notify", no_argument, 0, 'n'}, {0, 0, 0, 0}};
  int c, want_notify = 0;
  kc_getopt_reset();
  while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
    if (c == 'n') {
      want_notify = 1;
      continue;
    }
    kc_err("plan next: unknown option '%s' (try --help)", argv[optind - 1]);
    return KC_EXIT_USAGE;
  }
  if (optind < argc) {
    kc_err("plan next: takes no argument '%s'", argv[optind]);
    return KC_EXIT_USAGE;
  }
  app->lookup_only = 1; /* asking must not make a profile */
  char err[1024], path[4200];
  struct stat st;
  /* Never used on this machine: nothing is due, and nothing is created. */
  if (!kc_app_data_dir(app, err, sizeof err)) return KC_EXIT_OK;
  snprintf(path, sizeof path, "%s/%s", err, KC_USERDB_FILE);
  if (lstat(path, &st) != 0) return KC_EXIT_OK;
  struct kc_plan_due due;
  if (kc_plan_due_load(app, kc_app_now(), &due, err, sizeof err) != KC_UDB_OK) {
    /* No profile yet (or an unknown --user): nothing is due. Anything else
     * (the data cannot be read) is said. */
    if (app->user_unknown || strstr(err, "There is no profile")) return KC_EXIT_OK;
    kc_err("%s", err);
    return KC_EXIT_FAIL;
  }
  char line[512];
  kc_plan_due_text(&due, line, sizeof line);
  if (!line[0]) return KC_EXIT_OK;
  printf("%s\n", line);
  if (want_notify) notify(line);
  return KC_EXIT_OK;
}
