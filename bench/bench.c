/* kneecare benchmark: drives the real binary in a pseudo-terminal at 80x24
 * and prints medians over repeated runs, beside `dialog --menu` with 30 items
 * measured in the same run. Prints figures only; it never fails on a time.
 *
 * Latency of an input = time from writing the key to the last byte of the
 * program's answer (the burst ends after QUIET_MS of silence). The first
 * frame is timed the same way: fork to the last byte of the first burst. */
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kc_pty.h"

#define RUNS 11
#define QUIET_MS 30
#define ROWS 24
#define COLS 80

static char home[64];

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
  if (n <= 0) return -1;
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Sends bytes and waits for the answer; returns latency to its last byte. */
static double measure(struct kc_pty *p, const char *keys, size_t *bytes) {
  size_t before = kc_pty_bytes(p);
  double t0 = kc_now_ms(), last = -1;
  kc_pty_send_str(p, keys);
  for (;;) {
    long n = kc_pty_pump(p, 1);
    double now = kc_now_ms();
    if (n > 0) last = now;
    if (n < 0) break;
    if (last >= 0 && now - last > QUIET_MS) break;
    if (last < 0 && now - t0 > 1000) break;
  }
  if (bytes) *bytes = kc_pty_bytes(p) - before;
  return last < 0 ? -1 : last - t0;
}

static long peak_rss_kb(pid_t pid) {
  char path[64], line[256];
  snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
  FILE *f = fopen(path, "r");
  long kb = -1;
  while (f && fgets(line, sizeof line, f))
    if (strncmp(line, "VmHWM:", 6) == 0) kb = strtol(line + 6, NULL, 10);
  if (f) fclose(f);
  return kb;
}

static char data_dir[256]; /* KNEECARE_DATA_DIR for the next runs */

static const char *const *kc_env(void) {
  static char h[128], d[300];
  snprintf(h, sizeof h, "HOME=%s", home);
  snprintf(d, sizeof d, "KNEECARE_DATA_DIR=%s", data_dir);
  static const char *env[] = {
      "TERM=xterm-256color", "LANG=C.UTF-8", "PATH=/usr/bin:/bin", h, d, NULL};
  return env;
}

/* Runs kneecare with a command (no terminal); returns wall ms or -1. */
static double run_cli(const char *const argv[]) {
  double t0 = kc_now_ms();
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open("/dev/null", O_WRONLY);
    dup2(fd, 1);
    dup2(fd, 2);
    execve(argv[0], (char *const *)argv, (char *const *)kc_env());
    _exit(127);
  }
  int st;
  waitpid(pid, &st, 0);
  double t = kc_now_ms() - t0;
  return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? t : -1;
}

/* Starts a program; *first_frame = time from the fork to the last byte of
 * its first burst of output (the burst ends at QUIET_MS of silence), the
 * same rule for every program measured. `marker` must then be on screen. */
static struct kc_pty *start(const char *const argv[], const char *marker, double *first_frame) {
  double t0 = kc_now_ms(), last = -1;
  struct kc_pty *p = kc_pty_spawn(argv, kc_env(), ROWS, COLS);
  while (p) {
    long n = kc_pty_pump(p, 1);
    double now = kc_now_ms();
    if (n > 0) last = now;
    if (n < 0 || (last >= 0 && now - last > QUIET_MS) || now - t0 > 5000) break;
  }
  if (!p || last < 0 || !kc_pty_wait_text(p, marker, 5000)) {
    fprintf(stderr, "bench: %s did not show '%s'\n", argv[0], marker);
    kc_pty_free(p);
    return NULL;
  }
  *first_frame = last - t0;
  kc_pty_wait_quiet(p, QUIET_MS, 2000);
  return p;
}

/* A data directory where the safety notice has been seen (a first start
 * shows it; measured runs are repeat starts). */
static void prepare_data_dir(const char *name) {
  snprintf(data_dir, sizeof data_dir, "%s/%s", home, name);
  const char *argv[] = {KNEECARE_PATH, NULL};
  struct kc_pty *p = kc_pty_spawn(argv, kc_env(), ROWS, COLS);
  if (p && kc_pty_wait_text(p, "Safety notice", 5000)) {
    kc_pty_wait_quiet(p, QUIET_MS, 1000);
    kc_pty_send_str(p, "\033");
    kc_pty_wait_text(p, "Check my symptoms", 2000);
    kc_pty_send_str(p, "q");
    kc_pty_wait_exit(p, 2000);
  }
  kc_pty_free(p);
}

/* Down then Up in a list, 10 presses each way: median latency and bytes. */
static void down_keys(struct kc_pty *p, double *latency, double *bytes_out) {
  double d[20], b[20];
  for (int k = 0; k < 20; k++) {
    size_t bytes;
    d[k] = measure(p, k < 10 ? "\033OB" : "\033OA", &bytes);
    b[k] = (double)bytes;
  }
  *latency = median(d, 20);
  *bytes_out = median(b, 20);
}

struct figures {
  double first_frame, down_ms, down_bytes, open_ms, search_ms, rss_kb;
};

static void bench_kneecare(struct figures *f, const char *content) {
  double ff[RUNS], down[RUNS], downb[RUNS], open[RUNS], srch[RUNS], rss[RUNS];
  int n = 0;
  for (int r = 0; r < RUNS; r++) {
    const char *argv[] = {KNEECARE_PATH, content ? "--content" : NULL, content, NULL};
    struct kc_pty *p = start(argv, "? help", &ff[n]);
    if (!p) continue;
    down_keys(p, &down[n], &downb[n]);
    /* Open the first topic, then time opening its first article. */
    measure(p, "g\033OB\033OB\033OB\r", NULL);
    open[n] = measure(p, "\r", NULL);
    /* Search: each typed character. */
    measure(p, "/", NULL);
    double s[8];
    const char *word = "swelling";
    for (int k = 0; k < 8; k++) {
      char key[2] = {word[k], 0};
      s[k] = measure(p, key, NULL);
    }
    srch[n] = median(s, 8);
    rss[n] = (double)peak_rss_kb(kc_pty_pid(p));
    kc_pty_free(p);
    n++;
  }
  f->first_frame = median(ff, n);
  f->down_ms = median(down, n);
  f->down_bytes = median(downb, n);
  f->open_ms = median(open, n);
  f->search_ms = median(srch, n);
  f->rss_kb = median(rss, n);
}

static int bench_dialog(struct figures *f) {
  if (access("/usr/bin/dialog", X_OK) != 0) return -1;
  const char *argv[70] = {"/usr/bin/dialog", "--menu", "Pick an item", "24", "70", "16"};
  static char tags[30][8], items[30][32];
  int a = 6;
  for (int i = 0; i < 30; i++) {
    snprintf(tags[i], sizeof tags[i], "%d", i + 1);
    snprintf(items[i], sizeof items[i], "Menu item number %d", i + 1);
    argv[a++] = tags[i];
    argv[a++] = items[i];
  }
  argv[a] = NULL;
  double ff[RUNS], down[RUNS], downb[RUNS], rss[RUNS];
  int n = 0;
  for (int r = 0; r < RUNS; r++) {
    struct kc_pty *p = start(argv, "Menu item number 16", &ff[n]);
    if (!p) continue;
    down_keys(p, &down[n], &downb[n]);
    rss[n] = (double)peak_rss_kb(kc_pty_pid(p));
    kc_pty_free(p);
    n++;
  }
  f->first_frame = median(ff, n);
  f->down_ms = median(down, n);
  f->down_bytes = median(downb, n);
  f->rss_kb = median(rss, n);
  f->open_ms = f->search_ms = -1;
  return 0;
}

/* A copy of the packed content with 10,000 extra synthetic articles whose
 * words are drawn from the real articles' words, so terms are as common or
 * rare as in real content (each real word is as likely as it is frequent). */
static int make_big_content(const char *path) {
  char cmd[512];
  snprintf(cmd, sizeof cmd, "cp '%s' '%s'", KC_CONTENT_DB, path);
  if (system(cmd) != 0) return -1;
  sqlite3 *db;
  if (sqlite3_open(path, &db) != SQLITE_OK) return -1;
  /* Pool every word of every real article. */
  char **pool = NULL;
  size_t n_pool = 0, cap = 0;
  sqlite3_stmt *st;
  sqlite3_prepare_v2(db, "SELECT plain FROM article", -1, &st, NULL);
  while (sqlite3_step(st) == SQLITE_ROW) {
    char *text = strdup((const char *)sqlite3_column_text(st, 0));
    for (char *w = strtok(text, " \n\t"); w; w = strtok(NULL, " \n\t")) {
      if (n_pool == cap) pool = realloc(pool, (cap = cap ? cap * 2 : 4096) * sizeof *pool);
      pool[n_pool++] = strdup(w);
    }
    free(text);
  }
  sqlite3_finalize(st);
  if (n_pool == 0) return -1;
  sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2(
      db,
      "INSERT INTO article (id, topic_id, position, title, summary, body, plain, source_file) "
      "VALUES (?1, 'other-pain', 900, ?2, 'Synthetic.', ?3, ?3, 'synthetic')",
      -1, &st, NULL);
  srand(7);
  char id[32], title[256], body[8192];
  for (int i = 0; i < 10000; i++) {
    snprintf(id, sizeof id, "synthetic-%05d", i);
    snprintf(title, sizeof title, "Synthetic %s %s %d", pool[rand() % (int)n_pool],
             pool[rand() % (int)n_pool], i);
    size_t o = 0;
    for (int w = 0; w < 400 && o < sizeof body - 64; w++)
      o += (size_t)snprintf(body + o, sizeof body - o, "%s ", pool[rand() % (int)n_pool]);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, title, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, body, -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_exec(db, "COMMIT; INSERT INTO article_fts(article_fts) VALUES ('rebuild'); VACUUM;", NULL,
               NULL, NULL);
  sqlite3_close(db);
  for (size_t i = 0; i < n_pool; i++) free(pool[i]);
  free(pool);
  return 0;
}

struct wizard_figures {
  double next_ms, result_ms, answers_cli_ms, tick_ms, start_empty_ms, start_1000_ms;
};

/* Wizard: latency from a key to the next question, and to the result. */
static void bench_wizard(struct wizard_figures *f) {
  double next[RUNS], result[RUNS];
  int n = 0;
  for (int r = 0; r < RUNS; r++) {
    const char *argv[] = {KNEECARE_PATH, NULL};
    double ff;
    struct kc_pty *p = start(argv, "? help", &ff);
    if (!p) continue;
    measure(p, "g\r", NULL); /* "Check my symptoms" is first */
    double q[64];
    int nq = 0;
    double res = -1;
    for (int k = 0; k < 60; k++) {
      /* Red flags: Down to "No"; other questions: Space selects the first
       * option (or ticks it), then Enter goes on. */
      int red = kc_pty_has(p, "Warning signs");
      measure(p, red ? "\033OB" : " ", NULL);
      double t = measure(p, "\r", NULL);
      if (kc_pty_has(p, "not a diagnosis")) { /* the result page */
        res = t;
        break;
      }
      if (nq < 64) q[nq++] = t;
    }
    kc_pty_free(p);
    if (res < 0 || nq == 0) continue;
    next[n] = median(q, nq);
    result[n] = res;
    n++;
  }
  f->next_ms = median(next, n);
  f->result_ms = median(result, n);
  /* The whole process for a full answers file. */
  double cli[RUNS];
  int m = 0;
  for (int r = 0; r < RUNS; r++) {
    const char *argv[] = {KNEECARE_PATH, "wizard", "--answers",
                          KC_SOURCE_DIR "/tests/cases/runners-knee-new-hills.answers", NULL};
    double t = run_cli(argv);
    if (t >= 0) cli[m++] = t;
  }
  f->answers_cli_ms = median(cli, m);
}

/* Checklist: Space on a task until the screen shows it (committed first). */
static double bench_tick(void) {
  const char *argv[] = {KNEECARE_PATH, NULL};
  double ff, v[RUNS * 2];
  int n = 0;
  struct kc_pty *p = start(argv, "? help", &ff);
  if (!p) return -1;
  measure(p, "g\033OB\r", NULL); /* 3-day recovery plan */
  if (kc_pty_has(p, "Start a 3-day")) measure(p, "\r", NULL);
  if (kc_pty_wait_text(p, "safety check", 1000))
    for (int i = 0; i < 60 && kc_pty_has(p, "safety check"); i++) measure(p, "n", NULL);
  measure(p, "\033OB", NULL); /* compression */
  for (int i = 0; i < RUNS * 2; i++) {
    double t = measure(p, " ", NULL);
    if (t >= 0) v[n++] = t;
  }
  kc_pty_free(p);
  return median(v, n);
}

/* First frame with a user database of 1,000 finished plans vs an empty one. */
static double first_frame_median(void) {
  double ff[RUNS];
  int n = 0;
  for (int r = 0; r < RUNS; r++) {
    const char *argv[] = {KNEECARE_PATH, NULL};
    struct kc_pty *p = start(argv, "? help", &ff[n]);
    if (!p) continue;
    kc_pty_free(p);
    n++;
  }
  return median(ff, n);
}

static int add_finished_plans(int count) {
  char path[512];
  snprintf(path, sizeof path, "%s/kneecare.db", data_dir);
  sqlite3 *db;
  if (sqlite3_open(path, &db) != SQLITE_OK) return -1;
  sqlite3_busy_timeout(db, 5000);
  int rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
  sqlite3_stmt *st = NULL;
  rc |= sqlite3_prepare_v2(
      db,
      "INSERT INTO plan (profile_id, start_day, started_at, ended_at, checkin, checkin_at) "
      "VALUES ((SELECT min(id) FROM profile), ?1, ?2, ?2 + 259200, 'better', ?2 + 200000)",
      -1, &st, NULL);
  for (int i = 0; rc == SQLITE_OK && i < count; i++) {
    sqlite3_bind_int(st, 1, 19000 + i * 4);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)(19000 + i * 4) * 86400);
    if (sqlite3_step(st) != SQLITE_DONE) rc = -1;
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  rc |= sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close(db);
  return rc == SQLITE_OK ? 0 : -1;
}

static void row(const char *name, double kc, double other, const char *target) {
  char a[32], b[32];
  snprintf(a, sizeof a, kc < 0 ? "n/a" : "%.2f", kc);
  snprintf(b, sizeof b, other < 0 ? "-" : "%.2f", other);
  printf("%-40s %12s %12s   %s\n", name, a, b, target);
}

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  snprintf(home, sizeof home, "/tmp/kc-bench-XXXXXX");
  if (!mkdtemp(home)) return 1;
  printf("kneecare benchmark: pseudo-terminal %dx%d, medians of %d runs\n\n", COLS, ROWS, RUNS);
  if (getenv("KC_BENCH_FRAME_ONLY")) { /* quick comparison of first frames */
    prepare_data_dir("data");
    double k = first_frame_median();
    struct figures d;
    int have = bench_dialog(&d) == 0;
    printf("first complete frame: kneecare %.2f ms, dialog %s\n", k, have ? "" : "n/a");
    if (have) printf("                      dialog   %.2f ms\n", d.first_frame);
    return 0;
  }
  struct figures k, d, big;
  prepare_data_dir("data");
  bench_kneecare(&k, NULL);
  int have_dialog = bench_dialog(&d) == 0;
  if (!have_dialog) d = (struct figures){-1, -1, -1, -1, -1, -1};
  char big_path[128];
  snprintf(big_path, sizeof big_path, "%s/big-content.db", home);
  if (make_big_content(big_path) == 0)
    bench_kneecare(&big, big_path);
  else
    big = (struct figures){-1, -1, -1, -1, -1, -1};

  printf("%-40s %12s %12s   %s\n", "figure", "kneecare", "dialog", "target");
  row("first complete frame (ms)", k.first_frame, d.first_frame, "<= dialog");
  row("Down key latency (ms)", k.down_ms, d.down_ms, "< 0.3");
  row("Down key bytes written", k.down_bytes, d.down_bytes, "<= 110");
  row("open an article (ms)", k.open_ms, -1, "< 3");
  row("search, per typed character (ms)", k.search_ms, -1, "< 3");
  row("peak RSS (KB)", k.rss_kb, d.rss_kb, "< 6144");
  row("search per character, +10,000 articles (ms)", big.search_ms, -1, "< 10");
  row("first frame, +10,000 articles (ms)", big.first_frame, -1, "");

  struct wizard_figures wf;
  prepare_data_dir("wizard");
  bench_wizard(&wf);
  prepare_data_dir("plan");
  wf.tick_ms = bench_tick();
  prepare_data_dir("empty");
  wf.start_empty_ms = first_frame_median();
  prepare_data_dir("thousand");
  wf.start_1000_ms = add_finished_plans(1000) == 0 ? first_frame_median() : -1;
  row("wizard: key to next question (ms)", wf.next_ms, -1, "< 2");
  row("wizard: key to result screen (ms)", wf.result_ms, -1, "< 2");
  row("wizard --answers, whole process (ms)", wf.answers_cli_ms, -1, "< 10");
  row("checklist: Space to ticked on screen (ms)", wf.tick_ms, -1, "< 5");
  row("first frame, empty user database (ms)", wf.start_empty_ms, -1, "");
  row("first frame, 1,000 finished plans (ms)", wf.start_1000_ms, -1, "<= empty + 1");
  if (!have_dialog) printf("\n(dialog is not installed: apt-get install dialog to compare)\n");
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", home);
  if (system(cmd) != 0) return 1;
  return 0;
}
