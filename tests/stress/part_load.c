/* Part 6, load: many users on one machine (a shared SSH host).
 * Proves: 50 full-screen guides held open at once, each its own user (own
 * HOME), and 50 as different profiles sharing one data directory, all tick
 * at the same moment and search; 50 command-line workers hammer one data
 * directory; 10 command-line workers and 10 full-screen guides of ONE user
 * record ice sessions and ticks on the same plan at the same time. No tick
 * or session is lost (ice sessions add up exactly), nobody sees "database is
 * locked", and the peak memory of every instance is reported. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stress.h"

static int cmp_long(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

/* "min/median/max per instance, total" of peak RSS values in kB. */
static const char *memory(long *kb, int n) {
  static char buf[160];
  long total = 0;
  for (int i = 0; i < n; i++) total += kb[i];
  qsort(kb, (size_t)n, sizeof *kb, cmp_long);
  snprintf(buf, sizeof buf,
           "peak RSS per instance %.1f/%.1f/%.1f MB (min/median/max), total %.1f MB",
           kb[0] / 1024.0, kb[n / 2] / 1024.0, kb[n - 1] / 1024.0, total / 1024.0);
  return buf;
}

/* SQLite's own words, and kneecare's message when the 5 s wait runs out
 * (the word "locked" alone is in a safety question: "Is the knee locked"). */
static int saw_locked(const char *s, size_t n) {
  return memmem(s, n, "database is locked", 18) || memmem(s, n, "stayed locked", 13) ||
         memmem(s, n, "database is busy", 16);
}

/* ---- N full-screen guides at once --------------------------------------------- */

/* shared = NULL: each instance its own HOME and data; else one data dir,
 * profile uNN each. */
static void tuis(const char *name, int n, int shared) {
  struct kc_pty **p = calloc((size_t)n, sizeof *p);
  char(*home)[700] = calloc((size_t)n, sizeof *home);
  char(*user)[16] = calloc((size_t)n, sizeof *user);
  char *common = strdup(workpath("load/%s", shared ? "shared" : "own"));
  mkdirp(common, 0755);
  const double t0 = now_ms();
  for (int i = 0; i < n; i++) {
    snprintf(home[i], sizeof home[i], "%s/%s", common, shared ? "data" : "");
    if (!shared) snprintf(home[i], sizeof home[i], "%s/home%02d", common, i);
    mkdirp(home[i], 0700);
    snprintf(user[i], sizeof user[i], "u%02d", i);
    struct envb e;
    env_init(&e, home[i]);
    const char *args[] = {"--data", home[i], "--user", user[i], "--create", NULL};
    p[i] = tui_start(&e, args, 24, 80);
    env_free(&e);
  }
  /* Each to its checklist with Compression selected. */
  int ready = 0, ticked = 0, searched = 0, alive = 0, locked = 0;
  for (int i = 0; i < n; i++)
    if (tui_home(p[i]) && tui_open_checklist(p[i]) && tui_select(p[i], "Compression")) ready++;
  /* All tick at the same moment. */
  for (int i = 0; i < n; i++) kc_pty_send_str(p[i], " ");
  for (int i = 0; i < n; i++) ticked += tui_wait(p[i], "[x] Compression", 10000);
  /* All search at the same moment. */
  for (int i = 0; i < n; i++) kc_pty_send_str(p[i], "/knee");
  for (int i = 0; i < n; i++)
    searched += tui_wait(p[i], "of 20+", 10000) || tui_wait(p[i], "Search: knee", 1000);
  long *kb = calloc((size_t)n, sizeof *kb);
  for (int i = 0; i < n; i++) {
    kb[i] = vm_hwm_kb(kc_pty_pid(p[i]));
    alive += tui_alive(p[i]);
    size_t len;
    const char *log = kc_pty_log(p[i], &len);
    locked += saw_locked(log, len);
  }
  const double held = now_ms() - t0;
  int quit = 0;
  for (int i = 0; i < n; i++) kc_pty_send_str(p[i], KEY_ESC KEY_ESC KEY_ESC "Q");
  for (int i = 0; i < n; i++) {
    quit += kc_pty_wait_exit(p[i], 10000) == 0;
    kc_pty_free(p[i]);
  }
  /* Every tick is in the files. */
  int in_files = 0;
  for (int i = 0; i < n; i++) {
    char db[800], sql[300];
    snprintf(db, sizeof db, "%s/kneecare.db", home[i]);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM tick t JOIN plan p ON p.id = t.plan_id JOIN profile f ON f.id = "
             "p.profile_id WHERE f.name = '%s' AND t.task_id = 'compression'",
             user[i]);
    in_files += db_int(db, sql) == 1;
  }
  int ok = ready == n && ticked == n && searched == n && alive == n && quit == n && in_files == n &&
           !locked;
  result("load", name, ok ? ST_OK : ST_FAIL,
         "%d/%d held at once for %.0f s; ready %d, ticked %d (in the file: %d), searched %d, quit "
         "cleanly %d; "
         "\"locked\" seen %d times; %s",
         alive, n, held / 1000, ready, ticked, in_files, searched, quit, locked, memory(kb, n));
  free(kb);
  free(p);
  free(home);
  free(user);
  free(common);
}

/* ---- command-line workers ------------------------------------------------------- */

/* A worker (child process) runs its commands and writes one line:
 * "ops fails locked first-failure". */
struct job {
  const char *data, *user;
  int iterations;
  int ice_day;  /* 0: tick/untick and search; 1..3: plan ice on rotating days */
  int combo[2]; /* ticks to leave ticked (-1 none) */
};

static const char *TASKS[] = {"compression", "elevation", "rest-move", "walking-aid",
                              "pain-relief"};

static void worker(const struct job *j, const char *out) {
  struct envb e;
  env_init(&e, j->data);
  int ops = 0, fails = 0, locked = 0;
  char first_fail[200] = "";
  for (int i = 0; i < j->iterations; i++) {
    struct proc_result r;
    char day[16];
    if (j->ice_day) {
      snprintf(day, sizeof day, "%d", (j->ice_day + i) % 3 + 1);
      kc(&r, &e, "--data", j->data, "--user", j->user, "--create", "plan", "ice", "--day", day,
         NULL);
    } else if (i % 3 == 2) {
      kc(&r, &e, "--data", j->data, "--user", j->user, "--create", "search",
         i % 2 ? "bursitis" : "knee pain", NULL);
    } else {
      snprintf(day, sizeof day, "%d", i % 3 + 1);
      kc(&r, &e, "--data", j->data, "--user", j->user, "--create", "plan",
         i % 2 ? "untick" : "tick", TASKS[i % 5], "--day", day, NULL);
    }
    ops++;
    if (r.status != 0) {
      fails++;
      if (!first_fail[0])
        snprintf(first_fail, sizeof first_fail, "%s", first_line(r.err, r.err_len));
    }
    locked += saw_locked(r.err, r.err_len) || saw_locked(r.out, r.out_len);
    proc_free(&r);
  }
  /* Leave this worker's own combos ticked, for the final check. */
  for (int c = 0; c < 2; c++) {
    if (j->combo[c] < 0) continue;
    struct proc_result r;
    char day[16];
    snprintf(day, sizeof day, "%d", j->combo[c] / 5 + 1);
    kc(&r, &e, "--data", j->data, "--user", j->user, "--create", "plan", "tick",
       TASKS[j->combo[c] % 5], "--day", day, NULL);
    ops++;
    if (r.status != 0) fails++;
    locked += saw_locked(r.err, r.err_len);
    proc_free(&r);
  }
  FILE *f = fopen(out, "w");
  fprintf(f, "%d %d %d %s\n", ops, fails, locked, first_fail);
  fclose(f);
  env_free(&e);
}

struct tallies {
  int ops, fails, locked, workers;
  char first_fail[200];
};

/* Starts one process per job; returns when all have finished. */
static struct tallies run_workers(const struct job *jobs, int n) {
  pid_t *pids = calloc((size_t)n, sizeof *pids);
  for (int i = 0; i < n; i++) {
    pids[i] = fork();
    if (pids[i] == 0) {
      srandom((unsigned)getpid());
      worker(&jobs[i], workpath("load/worker%02d.txt", i));
      _exit(0);
    }
  }
  struct tallies t = {0};
  for (int i = 0; i < n; i++) {
    int st;
    waitpid(pids[i], &st, 0);
    size_t len;
    char *txt = read_file(workpath("load/worker%02d.txt", i), &len);
    int ops = 0, fails = 0, locked = 0;
    char ff[200] = "";
    if (txt && sscanf(txt, "%d %d %d %199[^\n]", &ops, &fails, &locked, ff) >= 3) t.workers++;
    t.ops += ops;
    t.fails += fails;
    t.locked += locked;
    if (ff[0] && !t.first_fail[0]) snprintf(t.first_fail, sizeof t.first_fail, "%s", ff);
    free(txt);
  }
  free(pids);
  return t;
}

/* 50 workers, one data directory, each its own profile, all at once. */
static void cli_shared(int n, int iters) {
  char *data = strdup(workpath("load/cli-shared"));
  mkdirp(data, 0700);
  struct job *jobs = calloc((size_t)n, sizeof *jobs);
  char(*user)[16] = calloc((size_t)n, sizeof *user);
  struct envb e;
  env_init(&e, data);
  for (int i = 0; i < n; i++) {
    snprintf(user[i], sizeof user[i], "w%02d", i);
    struct proc_result r;
    kc(&r, &e, "--data", data, "--user", user[i], "--create", "plan", "start", "--checked",
       "--date", today_minus(2), NULL);
    proc_free(&r);
    jobs[i] = (struct job){data, user[i], iters, 0, {i % 15, (i + 7) % 15}};
  }
  env_free(&e);
  const double t0 = now_ms();
  struct tallies t = run_workers(jobs, n);
  const double took = now_ms() - t0;
  char db[800];
  snprintf(db, sizeof db, "%s/kneecare.db", data);
  int present = 0;
  for (int i = 0; i < n; i++)
    for (int c = 0; c < 2; c++) {
      char sql[400];
      snprintf(sql, sizeof sql,
               "SELECT count(*) FROM tick t JOIN plan p ON p.id = t.plan_id JOIN profile f ON f.id "
               "= p.profile_id "
               "WHERE f.name = '%s' AND t.task_id = '%s' AND t.day = %d",
               user[i], TASKS[jobs[i].combo[c] % 5], jobs[i].combo[c] / 5 + 1);
      present += db_int(db, sql) == 1;
    }
  const char *ic = db_integrity(db);
  int ok = t.workers == n && t.fails == 0 && t.locked == 0 && present == 2 * n && !strcmp(ic, "ok");
  char item[64];
  snprintf(item, sizeof item, "%d CLI workers, one data dir", n);
  result("load", item, ok ? ST_OK : ST_FAIL,
         "%d commands in %.1f s (tick/untick/search, own profile each); %d failed%s%s; \"locked\" "
         "seen %d; "
         "final ticks %d/%d present; integrity %s",
         t.ops, took / 1000, t.fails, t.first_fail[0] ? ": " : "", t.first_fail, t.locked, present,
         2 * n, ic);
  free(jobs);
  free(user);
  free(data);
}

/* One user: 10 CLI workers (ice and distinct ticks) and 10 full-screen
 * guides (ice timer) on the same plan at the same time. */
static void one_user(int n, int iters) {
  char *data = strdup(workpath("load/one-user"));
  mkdirp(data, 0700);
  const char *USER = "same";
  struct envb e;
  env_init(&e, data);
  env_set(&e, "KNEECARE_ICE_SECONDS=1");
  struct proc_result r;
  kc(&r, &e, "--data", data, "--user", USER, "--create", "plan", "start", "--checked", "--date",
     today_minus(2), NULL);
  proc_free(&r);
  /* The guides, each on the checklist's ice row. */
  struct kc_pty **p = calloc((size_t)n, sizeof *p);
  const char *args[] = {"--data", data, "--user", USER, "--create", NULL};
  int ready = 0;
  for (int i = 0; i < n; i++) p[i] = tui_start(&e, args, 24, 80);
  for (int i = 0; i < n; i++)
    ready += tui_home(p[i]) && tui_open_checklist(p[i]) && tui_select(p[i], "Ice, if it eases");
  /* The workers start; meanwhile every guide runs two 1-second ice timers. */
  struct job *jobs = calloc((size_t)n, sizeof *jobs);
  int expect_ticks = 0; /* each worker leaves its own task/day combos ticked */
  for (int i = 0; i < n; i++) {
    jobs[i] = (struct job){data, USER, iters, 1 + i % 3, {i, i + 10 < 15 ? i + 10 : -1}};
    expect_ticks += 1 + (jobs[i].combo[1] >= 0);
  }
  pid_t pid = fork();
  if (pid == 0) {
    struct tallies t = run_workers(jobs, n);
    FILE *f = fopen(workpath("load/one-user.txt"), "w");
    fprintf(f, "%d %d %d %d %s\n", t.workers, t.ops, t.fails, t.locked, t.first_fail);
    fclose(f);
    _exit(0);
  }
  int timers = 0;
  char missed[300] = "";
  for (int round = 0; round < 2; round++) {
    for (int i = 0; i < n; i++) kc_pty_send_str(p[i], KEY_ENTER);
    /* 1-second timers: let them all run out, then each says it recorded. */
    for (double until = now_ms() + 2500; now_ms() < until;)
      for (int i = 0; i < n; i++) kc_pty_pump(p[i], 5);
    for (int i = 0; i < n; i++) {
      if (tui_wait(p[i], "Ice session recorded", 3000)) {
        timers++;
      } else if (!missed[0]) { /* say what the first guide that missed showed */
        char row[200] = "";
        kc_pty_row(p[i], 23, row, sizeof row);
        snprintf(missed, sizeof missed, "; guide %d, timer %d not seen, its status line: \"%s\"",
                 i + 1, round + 1, row);
      }
    }
  }
  int locked = 0;
  long *kb = calloc((size_t)n, sizeof *kb);
  for (int i = 0; i < n; i++) {
    kb[i] = vm_hwm_kb(kc_pty_pid(p[i]));
    size_t len;
    const char *log = kc_pty_log(p[i], &len);
    locked += saw_locked(log, len);
    kc_pty_send_str(p[i], KEY_ESC KEY_ESC "Q");
  }
  int quit = 0;
  for (int i = 0; i < n; i++) {
    quit += kc_pty_wait_exit(p[i], 10000) == 0;
    kc_pty_free(p[i]);
  }
  int st;
  waitpid(pid, &st, 0);
  size_t len;
  char *txt = read_file(workpath("load/one-user.txt"), &len);
  int workers = 0, ops = 0, fails = 0, wlocked = 0;
  char ff[200] = "";
  if (txt) sscanf(txt, "%d %d %d %d %199[^\n]", &workers, &ops, &fails, &wlocked, ff);
  free(txt);
  char db[800];
  snprintf(db, sizeof db, "%s/kneecare.db", data);
  long long ice = db_int(db, "SELECT count(*) FROM ice_session");
  long long ticks = db_int(db, "SELECT count(*) FROM tick");
  long long expect_ice = (long long)n * iters + timers;
  int ok = ready == n && workers == n && fails == 0 && !wlocked && !locked && ice == expect_ice &&
           ticks == expect_ticks && timers == 2 * n && quit == n;
  char item[64];
  snprintf(item, sizeof item, "one user: %d CLI + %d TUI", n, n);
  result("load", item, ok ? ST_OK : ST_FAIL,
         "ice sessions: %d x %d by CLI + %d timers in the guides = %lld expected, %lld in the "
         "file; distinct ticks "
         "%lld/%d; %d failed%s%s; \"locked\" seen %d; guides ready %d, quit %d; guides' %s%s",
         n, iters, timers, expect_ice, ice, ticks, expect_ticks, fails, ff[0] ? ": " : "", ff,
         wlocked + locked, ready, quit, memory(kb, n), missed);
  free(kb);
  free(p);
  free(jobs);
  free(data);
  env_free(&e);
}

/* Peak memory of single commands, through /usr/bin/time: a process forked
 * from this (large) harness would count the harness' pages before exec. */
static void cli_memory(void) {
  if (access("/usr/bin/time", X_OK) != 0) {
    result("load", "memory of one command", ST_NOTE, "not measured (no /usr/bin/time)");
    return;
  }
  char *data = workpath("load/cli-shared");
  char answers[800];
  snprintf(answers, sizeof answers, "%s/tests/cases/mcl-blow.answers", CFG.source_dir);
  const char *cmds[][8] = {{"search", "knee pain"},
                           {"plan", "tick", "compression"},
                           {"wizard", "--answers", answers, "--save"},
                           {"show", "runners-knee"}};
  const char *names[] = {"search", "plan tick", "wizard --save", "show"};
  char how[300] = "";
  struct envb e;
  env_init(&e, data);
  for (int i = 0; i < 4; i++) {
    const char *argv[16] = {"/usr/bin/time", "-f",  "RSS=%M",  CFG.kneecare, "--data", data,
                            "--user",        "w00", "--create"};
    int n = 8;
    for (int k = 0; cmds[i][k]; k++) argv[n++] = cmds[i][k];
    argv[n] = NULL;
    struct proc_result r;
    run_ex(argv, (const char *const *)e.v, NULL, 20000, -1, &r);
    const char *m = strstr(r.err, "RSS=");
    size_t l = strlen(how);
    snprintf(how + l, sizeof how - l, "%s%s %.1f MB", l ? ", " : "peak RSS: ", names[i],
             m ? atol(m + 4) / 1024.0 : -1.0);
    proc_free(&r);
  }
  env_free(&e);
  result("load", "memory of one command", ST_NOTE, "%s", how);
}

void part_load(void) {
  mkdirp(workpath("load"), 0755);
  const int n = CFG.smoke ? 5 : 50;
  char name[64];
  snprintf(name, sizeof name, "%d users at once, own HOMEs (TUI)", n);
  tuis(name, n, 0);
  snprintf(name, sizeof name, "%d profiles, one data dir (TUI)", n);
  tuis(name, n, 1);
  cli_shared(n, CFG.smoke ? 6 : 30);
  cli_memory();
  one_user(CFG.smoke ? 3 : 10, CFG.smoke ? 5 : 30);
}
