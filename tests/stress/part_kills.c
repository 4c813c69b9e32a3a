/* Part 4, kills.
 * Proves: SIGKILL at random points (uniform over the command's own run
 * time, so many land inside the write) while ticking and unticking, logging
 * pain, saving wizard runs, creating profiles, and ticking with Space in the
 * full-screen checklist, loses no write the program confirmed (exit 0, or
 * the tick shown on screen), and `PRAGMA integrity_check` is ok after every
 * kill. Every confirmed write is checked right after it and stays checked
 * until a later command on the same item replaces it. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stress.h"

static char DATA[700], DB[800];
static const char *USER = "killer";

static const char *TASKS[] = {"compression", "elevation", "rest-move", "walking-aid",
                              "pain-relief"};
static const char *LABELS[] = {"Compression", "Leg raised", "Rest from running", "Walking aid",
                               "Pain relief"};
enum { NTASKS = 5, NKEYS = NTASKS * 3 };

/* What the program confirmed, per item: -1 = unknown (a killed command may
 * or may not have written it). */
static int tick_expect[NKEYS];
static int pain_expect_score[3];
static char pain_expect_note[3][32];
static long *runs;
static size_t nruns;
static char (*profiles)[16];
static size_t nprofiles;

struct tally {
  int kills, iterations, checked, lost, bad_integrity, crashes;
  char first_loss[200];
};
static struct tally total;

static struct envb ENV;
static const char *crash_note; /* set when a run ended by itself with a signal */

static char *plan_sql(const char *what) {
  static char buf[600];
  snprintf(buf, sizeof buf,
           "%s WHERE plan_id = (SELECT p.id FROM plan p JOIN profile f ON f.id = p.profile_id "
           "WHERE f.name = '%s' AND p.ended_at IS NULL)",
           what, USER);
  return buf;
}

static int has_line(const char *rows, const char *line) {
  size_t n = strlen(line);
  for (const char *s = rows; (s = strstr(s, line)); s++)
    if ((s == rows || s[-1] == '\n') && s[n] == '\n') return 1;
  return 0;
}

/* Every write confirmed so far is there. Returns the number missing and
 * forgets them (each loss is counted once). */
static int verify(struct tally *t) {
  int lost = 0;
  char *ticks = db_rows(DB, plan_sql("SELECT task_id || '/' || day FROM tick"));
  for (int k = 0; k < NKEYS; k++) {
    if (tick_expect[k] < 0) continue;
    char line[64];
    snprintf(line, sizeof line, "%s/%d", TASKS[k % NTASKS], k / NTASKS + 1);
    if (has_line(ticks, line) != tick_expect[k]) {
      lost++;
      if (!t->first_loss[0])
        snprintf(t->first_loss, sizeof t->first_loss, "tick %s expected %d", line, tick_expect[k]);
      tick_expect[k] = -1;
    }
  }
  free(ticks);
  char *pain = db_rows(DB, plan_sql("SELECT day || '/' || score || '/' || note FROM pain"));
  for (int d = 0; d < 3; d++) {
    if (pain_expect_score[d] < 0) continue;
    char line[64];
    snprintf(line, sizeof line, "%d/%d/%s", d + 1, pain_expect_score[d], pain_expect_note[d]);
    if (!has_line(pain, line)) {
      lost++;
      if (!t->first_loss[0]) snprintf(t->first_loss, sizeof t->first_loss, "pain %s", line);
      pain_expect_score[d] = -1;
    }
  }
  free(pain);
  char *ids = db_rows(DB, "SELECT id FROM wizard_run");
  for (size_t i = 0; i < nruns; i++) {
    char line[32];
    snprintf(line, sizeof line, "%ld", runs[i]);
    if (runs[i] > 0 && !has_line(ids, line)) {
      lost++;
      if (!t->first_loss[0])
        snprintf(t->first_loss, sizeof t->first_loss, "wizard run %ld", runs[i]);
      runs[i] = -runs[i];
    }
  }
  free(ids);
  char *names = db_rows(DB, "SELECT name FROM profile");
  for (size_t i = 0; i < nprofiles; i++)
    if (profiles[i][0] && !has_line(names, profiles[i])) {
      lost++;
      if (!t->first_loss[0])
        snprintf(t->first_loss, sizeof t->first_loss, "profile %s", profiles[i]);
      profiles[i][0] = '\0';
    }
  free(names);
  return lost;
}

/* After each kill: the file is sound and nothing confirmed is missing. */
static void check_after(struct tally *t, int killed) {
  if (crash_note) {
    t->crashes++;
    if (!t->first_loss[0]) snprintf(t->first_loss, sizeof t->first_loss, "%s", crash_note);
    crash_note = NULL;
  }
  if (killed) {
    t->kills++;
    const char *ic = db_integrity(DB);
    if (strcmp(ic, "ok") != 0) {
      t->bad_integrity++;
      if (!t->first_loss[0]) snprintf(t->first_loss, sizeof t->first_loss, "integrity: %s", ic);
    }
  }
  t->lost += verify(t);
}

/* How long the command usually runs, in microseconds (median of 5): after
 * a clean exit, and after a kill (then it first recovers the file, which
 * takes longer). Kills are spread over 0.2 to 1.6 times the time that
 * applies, so many land inside the write itself. */
struct timing {
  long clean, dirty;
};

static long median_run(const char *const argv[], int dirty) {
  long v[5];
  for (int i = 0; i < 5; i++) {
    struct proc_result r;
    if (dirty) { /* leave the file as a crash does */
      run_ex(argv, (const char *const *)ENV.v, NULL, 20000, 1500, &r);
      proc_free(&r);
    }
    run_ex(argv, (const char *const *)ENV.v, NULL, 20000, -1, &r);
    v[i] = (long)(r.ms * 1000);
    proc_free(&r);
  }
  for (int i = 0; i < 5; i++)
    for (int j = i + 1; j < 5; j++)
      if (v[j] < v[i]) {
        long x = v[i];
        v[i] = v[j];
        v[j] = x;
      }
  return v[2] > 100 ? v[2] : 100;
}

static int prev_killed;

static void make_argv(const char *argv[32], const char *const args[]) {
  int n = 1;
  argv[0] = CFG.kneecare;
  for (int k = 0; args[k] && n < 31; k++) argv[n++] = args[k];
  argv[n] = NULL;
}

static struct timing measure(const char *const args[]) {
  const char *argv[32];
  make_argv(argv, args);
  struct timing t = {median_run(argv, 0), median_run(argv, 1)};
  if (CFG.verbose)
    say("usual run time of %s %s: %ld us, after a kill %ld us", args[4], args[5], t.clean, t.dirty);
  prev_killed = 0;
  return t;
}

/* Runs kneecare args, SIGKILLed at a random point of its usual run time.
 * Returns 1 when it confirmed (exit 0 before the kill). */
static int run_killable(const char *const args[], struct timing *tm, struct proc_result *r,
                        int *killed) {
  static int in_a_row;
  const char *argv[32];
  make_argv(argv, args);
  long *med = prev_killed ? &tm->dirty : &tm->clean;
  long at = *med / 5 + (long)rnd((unsigned)(*med * 7 / 5));
  /* After 3 kills in a row let one finish: it measures the run time as it
   * is now (the verification between runs changes it). */
  if (in_a_row >= 3) at = -1;
  run_ex(argv, (const char *const *)ENV.v, NULL, 20000, at, r);
  *killed = r->killed == 1;
  if (!*killed && (r->status < 0 || r->status >= 126)) { /* died by itself */
    static char msg[200];
    snprintf(msg, sizeof msg, "%s %s exited with status %d: %s", args[4], args[5] ? args[5] : "",
             r->status, first_line(r->err, r->err_len));
    crash_note = msg;
  }
  if (!*killed) *med = (*med * 3 + (long)(r->ms * 1000)) / 4;
  in_a_row = *killed ? in_a_row + 1 : 0;
  prev_killed = *killed;
  return !*killed && r->status == 0;
}

#define BASE "--data", DATA, "--user", USER, "--create"

static void kill_ticks(struct tally *t, int target) {
  const char *probe[] = {BASE, "plan", "tick", "compression", "--day", "1", NULL};
  struct timing med = measure(probe);
  char *ticks = db_rows(DB, plan_sql("SELECT task_id || '/' || day FROM tick"));
  for (int i = 0; t->kills < target && i < target * 6; i++, t->iterations++) {
    int k = (int)rnd(NKEYS);
    char line[64], day[16];
    snprintf(line, sizeof line, "%s/%d", TASKS[k % NTASKS], k / NTASKS + 1);
    snprintf(day, sizeof day, "%d", k / NTASKS + 1);
    free(ticks);
    ticks = db_rows(DB, plan_sql("SELECT task_id || '/' || day FROM tick"));
    int now = has_line(ticks, line);
    const char *args[] = {BASE, "plan", now ? "untick" : "tick", TASKS[k % NTASKS], "--day",
                          day,  NULL};
    struct proc_result r;
    int killed;
    if (run_killable(args, &med, &r, &killed)) {
      tick_expect[k] = !now;
      t->checked++;
    } else if (killed) {
      tick_expect[k] = -1;
    }
    proc_free(&r);
    check_after(t, killed);
  }
  free(ticks);
}

static void kill_pain(struct tally *t, int target) {
  const char *probe[] = {BASE, "plan", "pain", "1", "--day", "1", NULL};
  struct timing med = measure(probe);
  for (int i = 0; t->kills < target && i < target * 6; i++, t->iterations++) {
    int d = (int)rnd(3);
    char day[16], score[16], note[32];
    snprintf(day, sizeof day, "%d", d + 1);
    snprintf(score, sizeof score, "%d", (int)rnd(11));
    snprintf(note, sizeof note, "kill-%d", t->iterations);
    const char *args[] = {BASE, "plan", "pain", score, "--note", note, "--day", day, NULL};
    struct proc_result r;
    int killed;
    if (run_killable(args, &med, &r, &killed)) {
      pain_expect_score[d] = atoi(score);
      snprintf(pain_expect_note[d], sizeof pain_expect_note[d], "%s", note);
      t->checked++;
    } else if (killed) {
      pain_expect_score[d] = -1;
    }
    proc_free(&r);
    check_after(t, killed);
  }
}

static void kill_wizard(struct tally *t, int target) {
  const char *cases[] = {"mcl-blow", "runners-knee-new-hills", "septic-knee", "pes-anserine-hills"};
  char file[4][800];
  for (int i = 0; i < 4; i++)
    snprintf(file[i], sizeof file[i], "%s/tests/cases/%s.answers", CFG.source_dir, cases[i]);
  const char *probe[] = {BASE, "wizard", "--answers", file[0], "--save", NULL};
  struct timing med = measure(probe);
  for (int i = 0; t->kills < target && i < target * 6; i++, t->iterations++) {
    const char *args[] = {BASE, "wizard", "--answers", file[rnd(4)], "--save", NULL};
    struct proc_result r;
    int killed;
    if (run_killable(args, &med, &r, &killed)) {
      const char *s = strstr(r.out, "Saved as symptom check ");
      long id = s ? atol(s + 23) : 0;
      if (id > 0) {
        runs = realloc(runs, (nruns + 1) * sizeof *runs);
        runs[nruns++] = id;
        t->checked++;
      } else if (!t->first_loss[0]) {
        snprintf(t->first_loss, sizeof t->first_loss, "exit 0 without a saved id");
        t->lost++;
      }
    }
    proc_free(&r);
    check_after(t, killed);
  }
}

static void kill_profiles(struct tally *t, int target) {
  const char *probe[] = {"--data", DATA, "--user", "probe", "--create", "profiles", NULL};
  struct timing med = measure(probe);
  for (int i = 0; t->kills < target && i < target * 6; i++, t->iterations++) {
    char name[16];
    snprintf(name, sizeof name, "p%d", t->iterations);
    const char *args[] = {"--data", DATA, "--user", name, "--create", "profiles", NULL};
    struct proc_result r;
    int killed;
    if (run_killable(args, &med, &r, &killed)) {
      profiles = realloc(profiles, (nprofiles + 1) * sizeof *profiles);
      snprintf(profiles[nprofiles++], sizeof profiles[0], "%s", name);
      t->checked++;
    }
    proc_free(&r);
    check_after(t, killed);
  }
}

/* The checklist row of task k shows the tick state `want`. */
static int row_shows(struct kc_pty *p, int k, int want) {
  char text[64];
  snprintf(text, sizeof text, "[%c] %s", want ? 'x' : ' ', LABELS[k]);
  return kc_pty_has(p, text);
}

static void kill_tui(struct tally *t, int target) {
  const char *args[] = {"--data", DATA, "--user", USER, "--create", NULL};
  double react_ms = 30; /* Space to [x] on the screen */
  for (int i = 0; t->kills < target && i < target * 4; i++, t->iterations++) {
    struct kc_pty *p = tui_start(&ENV, args, 24, 80);
    int k = (int)rnd(NKEYS), task = k % NTASKS, day = k / NTASKS + 1;
    int ok = tui_home(p) && tui_open_checklist(p);
    for (int d = 3; ok && d > day; d--) tui_keys(p, KEY_LEFT);
    char hdr[32];
    snprintf(hdr, sizeof hdr, "Day %d of 3", day);
    ok = ok && tui_wait(p, hdr, 3000) && tui_select(p, LABELS[task]);
    if (!ok) {
      kc_pty_free(p);
      continue;
    }
    char line[64];
    snprintf(line, sizeof line, "%s/%d", TASKS[task], day);
    char *ticks = db_rows(DB, plan_sql("SELECT task_id || '/' || day FROM tick"));
    int now = has_line(ticks, line);
    free(ticks);
    kc_pty_wait_quiet(p, 30, 500);
    /* Space, then watch the screen until a random moment and kill. */
    /* The first three runs measure how long Space takes to show [x];
     * after that the kill falls anywhere in 0..1.3 times that. */
    const int learning = i < 3;
    const double t0 = now_ms();
    double kill_at = learning ? t0 + 3000 : t0 + rnd((unsigned)(react_ms * 1.3 * 1000)) / 1000.0;
    kc_pty_send_str(p, " ");
    int seen = 0;
    while (now_ms() < kill_at) {
      kc_pty_pump(p, 0);
      if (!seen && row_shows(p, task, !now)) {
        seen = 1;
        if (learning) {
          react_ms = i == 0 ? now_ms() - t0 : (react_ms + now_ms() - t0) / 2;
          kill_at = now_ms();
        }
      }
    }
    kill(kc_pty_pid(p), SIGKILL);
    int st = kc_pty_wait_exit(p, 3000);
    int killed = st == 128 + SIGKILL;
    if (!killed) {
      static char msg[64];
      snprintf(msg, sizeof msg, "the guide ended by itself with status %d", st);
      crash_note = msg;
    }
    if (!seen) seen = row_shows(p, task, !now); /* drawn just before the kill */
    if (seen) {
      tick_expect[k] = !now;
      t->checked++;
    } else {
      tick_expect[k] = -1;
    }
    kc_pty_free(p);
    check_after(t, killed);
  }
}

static void report(const char *item, const struct tally *t) {
  result(
      "kills", item, t->lost || t->bad_integrity || t->crashes ? ST_FAIL : ST_OK,
      "%d kills in %d runs; %d confirmed writes checked, %d lost; integrity ok after %d/%d kills; "
      "%d crashes%s%s",
      t->kills, t->iterations, t->checked, t->lost, t->kills - t->bad_integrity, t->kills,
      t->crashes, t->first_loss[0] ? "; first problem: " : "", t->first_loss);
  total.kills += t->kills;
  total.iterations += t->iterations;
  total.checked += t->checked;
  total.lost += t->lost;
  total.bad_integrity += t->bad_integrity;
  total.crashes += t->crashes;
}

void part_kills(void) {
  snprintf(DATA, sizeof DATA, "%s", workpath("kills"));
  snprintf(DB, sizeof DB, "%s/kneecare.db", DATA);
  mkdirp(DATA, 0700);
  env_init(&ENV, DATA);
  for (int k = 0; k < NKEYS; k++) tick_expect[k] = -1;
  for (int k = 0; k < 3; k++) pain_expect_score[k] = -1;
  struct proc_result r;
  kc(&r, &ENV, BASE, "plan", "start", "--checked", "--date", today_minus(2), NULL);
  proc_free(&r);
  const int n = CFG.smoke ? 6 : 100;
  struct tally a = {0}, b = {0}, c = {0}, d = {0}, e = {0};
  kill_ticks(&a, n + n / 5);
  report("CLI tick/untick", &a);
  kill_pain(&b, n);
  report("CLI plan pain", &b);
  kill_wizard(&c, n);
  report("CLI wizard --save", &c);
  kill_profiles(&d, n);
  report("CLI new profiles", &d);
  kill_tui(&e, CFG.smoke ? 5 : 80);
  report("TUI Space on the checklist", &e);
  /* The program agrees with what was checked directly in the file. */
  kc(&r, &ENV, BASE, "plan", "status", "--json", NULL);
  int done = 0;
  for (const char *s = r.out; (s = strstr(s, "\"kind\":\"check\"")); s++) {
    const char *end = strstr(s, "]}");
    for (const char *q = s; end && (q = strstr(q, "\"done\":true")) && q < end; q++) done++;
  }
  long long rows = db_int(DB, plan_sql("SELECT count(*) FROM tick"));
  proc_free(&r);
  int agree = done == rows;
  result("kills", "total",
         total.lost || total.bad_integrity || total.crashes || !agree ? ST_FAIL : ST_OK,
         "%d kills survived, %d writes checked, %d writes lost (must be 0), integrity ok after "
         "every kill: %s; "
         "plan status shows %d ticks, the file has %lld",
         total.kills, total.checked, total.lost, total.bad_integrity ? "NO" : "yes", done, rows);
  env_free(&ENV);
}
