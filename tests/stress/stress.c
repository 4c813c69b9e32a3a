/* kc_stress [--smoke] [--keep] [--seed N] [PART...]
 * PART: content userdata terminals kills disk load fuzz (default: all).
 * Runs the parts and prints one table: what was tried, how kneecare handled
 * it, ok/FAIL. Exit status 1 when any row failed. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "stress.h"

#ifndef KNEECARE_PATH
#define KNEECARE_PATH "kneecare"
#endif
#ifndef KC_CONTENT_DB
#define KC_CONTENT_DB "content.db"
#endif
#ifndef KC_SOURCE_DIR
#define KC_SOURCE_DIR "."
#endif

struct stress_cfg CFG = {
    .kneecare = KNEECARE_PATH, .content_db = KC_CONTENT_DB, .source_dir = KC_SOURCE_DIR};

/* ---- the table ------------------------------------------------------------ */

struct row {
  char part[16], item[64], how[400];
  int status;
};
static struct row *rows;
static size_t nrows, caprows;
static int nfailed;

void say(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "stress: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n");
  va_end(ap);
}

void result(const char *part, const char *item, int status, const char *fmt, ...) {
  if (nrows == caprows) {
    caprows = caprows ? caprows * 2 : 64;
    rows = realloc(rows, caprows * sizeof *rows);
  }
  struct row *r = &rows[nrows++];
  snprintf(r->part, sizeof r->part, "%s", part);
  snprintf(r->item, sizeof r->item, "%s", item);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(r->how, sizeof r->how, fmt, ap);
  va_end(ap);
  /* Keep the table one line per row whatever the program printed. */
  for (char *c = r->how; *c; c++)
    if ((unsigned char)*c < 0x20) *c = ' ';
  r->status = status;
  if (status == ST_FAIL) nfailed++;
  fprintf(stderr, "  %-9s %-4s %-34s %s\n", part,
          status == ST_FAIL ? "FAIL"
          : status == ST_OK ? "ok"
                            : "note",
          item, r->how);
}

int results_failed(void) { return nfailed; }

void results_print(void) {
  int wi = 5;
  for (size_t i = 0; i < nrows; i++) {
    int l = (int)strlen(rows[i].item);
    if (l > wi) wi = l;
  }
  printf("\n== kneecare stress report%s ==\n", CFG.smoke ? " (smoke)" : "");
  printf("%-9s  %-4s  %-*s  %s\n", "part", "", wi, "tried", "how it was handled");
  for (int i = 0; i < 9 + 2 + 4 + 2 + wi + 2 + 40; i++) putchar('-');
  putchar('\n');
  for (size_t i = 0; i < nrows; i++)
    printf("%-9s  %-4s  %-*s  %s\n", rows[i].part,
           rows[i].status == ST_FAIL ? "FAIL"
           : rows[i].status == ST_OK ? "ok"
                                     : "note",
           wi, rows[i].item, rows[i].how);
  printf("stress: %zu rows, %d failed\n", nrows, nfailed);
}

/* ---- fuzz: the figures of the last scripts/fuzz run, if any -------------- */
/* The report is scripts/fuzz's table: "target executions execs/s findings
 * corpus" then one line per target; other lines are shown as they are. */
void part_fuzz(void) {
  size_t n;
  char *txt = CFG.fuzz_report ? read_file(CFG.fuzz_report, &n) : NULL;
  if (!txt) {
    result("fuzz", "libFuzzer targets", ST_NOTE, "fuzz: run scripts/fuzz (no %s)",
           CFG.fuzz_report ? CFG.fuzz_report : "report");
    return;
  }
  for (char *line = strtok(txt, "\n"); line; line = strtok(NULL, "\n")) {
    if (!line[0] || line[0] == ' ' || line[0] == '(' || line[0] == '#' ||
        !strncmp(line, "target", 6))
      continue;
    char target[64], execs[32], eps[32];
    long findings = 0, corpus = 0;
    if (sscanf(line, "%63s %31s %31s %ld %ld", target, execs, eps, &findings, &corpus) == 5) {
      long long ex = atoll(execs);
      result("fuzz", target,
             findings        ? ST_FAIL
             : ex >= 1000000 ? ST_OK
                             : ST_NOTE,
             "%s executions (%s/s), %ld findings, corpus %ld%s", execs, eps, findings, corpus,
             !findings && ex < 1000000 ? " (below the 1,000,000 of issue 5)" : "");
    } else {
      result("fuzz", "report", strstr(line, "FAIL") ? ST_FAIL : ST_NOTE, "%s", line);
    }
  }
  free(txt);
}

/* ---- main ------------------------------------------------------------------ */

static const struct {
  const char *name;
  void (*fn)(void);
} PARTS[] = {{"content", part_content}, {"userdata", part_userdata}, {"terminals", part_terminals},
             {"kills", part_kills},     {"disk", part_disk},         {"load", part_load},
             {"fuzz", part_fuzz}};
enum { NPARTS = sizeof PARTS / sizeof PARTS[0] };

static void usage(void) {
  fprintf(stderr,
          "usage: kc_stress [--smoke] [--keep] [--seed N] [--kneecare PATH] [--content-db PATH]\n"
          "                 [--source DIR] [--fuzz-report FILE] [PART...]\n"
          "parts: content userdata terminals kills disk load fuzz (default: all)\n");
  exit(2);
}

int main(int argc, char **argv) {
  int want[NPARTS] = {0}, any = 0, keep = 0;
  unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
  setvbuf(stdout, NULL, _IOLBF, 0);
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--smoke"))
      CFG.smoke = 1;
    else if (!strcmp(a, "--keep"))
      keep = 1;
    else if (!strcmp(a, "-v"))
      CFG.verbose = 1;
    else if (!strcmp(a, "--seed") && i + 1 < argc)
      seed = (unsigned)strtoul(argv[++i], NULL, 10);
    else if (!strcmp(a, "--kneecare") && i + 1 < argc)
      CFG.kneecare = argv[++i];
    else if (!strcmp(a, "--content-db") && i + 1 < argc)
      CFG.content_db = argv[++i];
    else if (!strcmp(a, "--source") && i + 1 < argc)
      CFG.source_dir = argv[++i];
    else if (!strcmp(a, "--fuzz-report") && i + 1 < argc)
      CFG.fuzz_report = argv[++i];
    else if (!strcmp(a, "all"))
      any = 0;
    else {
      int found = 0;
      for (int k = 0; k < NPARTS; k++)
        if (!strcmp(a, PARTS[k].name) || (!strcmp(a, "data") && k == 1) ||
            (!strcmp(a, "terms") && k == 2))
          want[k] = found = any = 1;
      if (!found) usage();
    }
  }
  if (access(CFG.kneecare, X_OK) != 0 || access(CFG.content_db, R_OK) != 0) {
    fprintf(stderr, "kc_stress: need %s and %s (build first)\n", CFG.kneecare, CFG.content_db);
    return 2;
  }
  srandom(seed);
  snprintf(CFG.work, sizeof CFG.work, "/tmp/kc-stress-XXXXXX");
  if (!mkdtemp(CFG.work)) return 2;
  chmod(CFG.work, 0755); /* part disk runs the program as nobody inside it */
  say("binary %s, seed %u, scratch %s%s", CFG.kneecare, seed, CFG.work, CFG.smoke ? ", smoke" : "");
  const double t0 = now_ms();
  for (int k = 0; k < NPARTS; k++) {
    if (any ? !want[k] : 0) continue;
    const double tp = now_ms();
    say("== %s ==", PARTS[k].name);
    PARTS[k].fn();
    say("%s took %.1f s", PARTS[k].name, (now_ms() - tp) / 1000);
  }
  results_print();
  printf("stress: %.0f s, seed %u\n", (now_ms() - t0) / 1000, seed);
  if (!keep) sh("rm -rf '%s'", CFG.work);
  return results_failed() ? 1 : 0;
}
