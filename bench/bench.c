/* kneecare benchmark: drives the real binary in a pseudo-terminal at 80x24
 * and prints medians over repeated runs, beside `dialog --menu` with 30 items
 * measured in the same run. Prints figures only; it never fails on a time.
 *
 * Latency of an input = time from writing the key to the last byte of the
 * program's answer (the burst ends after QUIET_MS of silence). */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

static const char *const *kc_env(void) {
  static char h[128];
  snprintf(h, sizeof h, "HOME=%s", home);
  static const char *env[] = {"TERM=xterm-256color", "LANG=C.UTF-8", "PATH=/usr/bin:/bin", h, NULL};
  return env;
}

/* Starts a program and returns the time until `marker` is on screen. */
static struct kc_pty *start(const char *const argv[], const char *marker, double *first_frame) {
  double t0 = kc_now_ms();
  struct kc_pty *p = kc_pty_spawn(argv, kc_env(), ROWS, COLS);
  if (!p || !kc_pty_wait_text(p, marker, 5000)) {
    fprintf(stderr, "bench: %s did not show '%s'\n", argv[0], marker);
    kc_pty_free(p);
    return NULL;
  }
  *first_frame = kc_now_ms() - t0;
  kc_pty_wait_quiet(p, QUIET_MS, 2000);
  return p;
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
    /* Down key in the home menu, median of 10 presses each way. */
    double d[20], b[20];
    for (int k = 0; k < 20; k++) {
      size_t bytes;
      d[k] = measure(p, k < 10 ? "\033OB" : "\033OA", &bytes);
      b[k] = (double)bytes;
    }
    down[n] = median(d, 20);
    downb[n] = median(b, 20);
    /* Open a topic, then time opening its first article. */
    measure(p, "\033OA\033OA\033OA\033OA\r", NULL);
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
    double d[20], b[20];
    for (int k = 0; k < 20; k++) {
      size_t bytes;
      d[k] = measure(p, k < 10 ? "\033OB" : "\033OA", &bytes);
      b[k] = (double)bytes;
    }
    down[n] = median(d, 20);
    downb[n] = median(b, 20);
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
  sqlite3_prepare_v2(db,
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
  struct figures k, d, big;
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
  if (!have_dialog) printf("\n(dialog is not installed: apt-get install dialog to compare)\n");
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", home);
  if (system(cmd) != 0) return 1;
  return 0;
}
