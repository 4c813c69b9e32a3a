/* Part 2b, user data: clear, bounded, safe messages (issue 13, the
 * review's F6-F9 and I1, I2, I4-I6), one row each.
 * Proves: an out-of-range stored time prints as "-"; a damaged file in a
 * long path is moved aside with a message naming the whole new path, once;
 * twenty first starts at once, some killed, never fail on a lock; a newer
 * file format is read but not written, a negative data version is moved
 * aside saying so, a link beside the data file is refused and named, a
 * read-only data file still reads; notes with links stay text in Markdown
 * exports and formulas behind spaces are neutralised in CSV; a newline in
 * an argument cannot forge a second message line; a hard-linked data file
 * is refused; and whether this build honours the test-only environment. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stress.h"

#define GOOD_ANSWERS "/tests/cases/meniscus-twist.answers"

static int count_of(const char *buf, size_t len, const char *text) {
  int n = 0;
  const size_t tl = strlen(text);
  for (const char *p = buf; (p = memmem(p, len - (size_t)(p - buf), text, tl)); p += tl) n++;
  return n;
}

static int has(const struct proc_result *r, const char *text) {
  return memmem(r->out, r->out_len, text, strlen(text)) != NULL ||
         memmem(r->err, r->err_len, text, strlen(text)) != NULL;
}

/* The copy a damaged file was moved to (dir/kneecare.db.corrupt-...,
 * not its -wal or -shm), or "" when there is none. */
static void moved_copy(const char *dir, char *out, size_t n) {
  out[0] = '\0';
  DIR *d = opendir(dir);
  for (struct dirent *de; d && (de = readdir(d));) {
    const size_t l = strlen(de->d_name);
    if (strncmp(de->d_name, "kneecare.db.corrupt-", 20) == 0 &&
        !(l > 4 && (!strcmp(de->d_name + l - 4, "-wal") || !strcmp(de->d_name + l - 4, "-shm"))))
      snprintf(out, n, "%s/%s", dir, de->d_name);
  }
  if (d) closedir(d);
}

/* A fresh data directory with a plan started (default profile). */
static char *planned_dir(const char *name, struct envb *e) {
  char *dir = strdup(workpath("userdata/%s", name));
  mkdirp(dir, 0700);
  env_init(e, dir);
  struct proc_result r;
  kc(&r, e, "--data", dir, "plan", "start", "--checked", NULL);
  proc_free(&r);
  return dir;
}

static void patch(const char *dir, off_t at, const void *bytes, size_t n) {
  char db[900];
  snprintf(db, sizeof db, "%s/kneecare.db", dir);
  const int fd = open(db, O_WRONLY);
  if (fd >= 0) {
    if (pwrite(fd, bytes, n, at) != (ssize_t)n) say("patch %s: short write", db);
    close(fd);
  }
}

static void stored_time(void) {
  char *dir = workpath("userdata/f6");
  mkdirp(dir, 0700);
  struct envb e;
  env_init(&e, dir);
  struct proc_result r;
  char answers[600];
  snprintf(answers, sizeof answers, "%s" GOOD_ANSWERS, CFG.source_dir);
  kc(&r, &e, "--data", dir, "wizard", "--answers", answers, "--save", NULL);
  proc_free(&r);
  char db[900];
  snprintf(db, sizeof db, "%s/kneecare.db", dir);
  db_exec(db, "UPDATE wizard_run SET at = 9223372036854775807");
  kc(&r, &e, "--data", dir, "history", NULL);
  const int ok = r.status == 0 && has(&r, "\t-\t");
  result("userdata", "stored time out of range (F6)", ok ? ST_OK : ST_FAIL, "history: %s",
         ok ? "the time shows as \"-\"" : first_line(r.out, r.out_len));
  proc_free(&r);
  env_free(&e);
}

static void moved_aside_long_path(void) {
  char dir[1024];
  snprintf(dir, sizeof dir, "%s", workpath("userdata/f7"));
  for (int i = 0; i < 6; i++) {
    const size_t l = strlen(dir);
    snprintf(dir + l, sizeof dir - l, "/%.60s",
             "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd");
  }
  mkdirp(dir, 0700);
  char db[1100], junk[8192];
  snprintf(db, sizeof db, "%s/kneecare.db", dir);
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = (char)rnd(256);
  write_file(db, junk, sizeof junk);
  struct envb e;
  env_init(&e, dir);
  struct proc_result r;
  kc(&r, &e, "--data", dir, "plan", "start", "--checked", NULL);
  char moved[1200];
  moved_copy(dir, moved, sizeof moved);
  const int names = moved[0] && has(&r, moved) && has(&r, "nothing was deleted");
  const int once = count_of(r.err, r.err_len, "moved") == 1;
  result("userdata", "damaged file in a 380-byte path (F7)",
         r.status == 0 && names && once && same_bytes(moved, junk, sizeof junk) ? ST_OK : ST_FAIL,
         "message of %zu bytes names the whole new path%s; original kept; a fresh file started",
         r.err_len, once ? ", once" : " MORE THAN ONCE");
  proc_free(&r);
  env_free(&e);
}

/* Twenty first starts on one new data directory at once, a fifth of them
 * SIGKILLed at a random moment. */
static void first_use_storm(void) {
  /* The smoke run (under ASan too, within ctest's time-out) keeps it small. */
  const int rounds = CFG.smoke ? 2 : 30, procs = CFG.smoke ? 10 : 20;
  int killed = 0, failed = 0, locked = 0;
  char example[200] = "";
  mkdirp(workpath("userdata/storm"), 0700);
  for (int round = 0; round < rounds; round++) {
    char *dir = strdup(workpath("userdata/storm/%d", round));
    char errs[900];
    snprintf(errs, sizeof errs, "%s.err", dir);
    struct envb e;
    env_init(&e, workpath("userdata/storm"));
    pid_t pids[20];
    for (int i = 0; i < procs; i++) {
      pids[i] = fork();
      if (pids[i] == 0) {
        char p[950];
        snprintf(p, sizeof p, "%s.%d", errs, i);
        const int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(fd, 2);
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        const char *argv[] = {CFG.kneecare, "--data", dir, "plan", "start", "--checked", NULL};
        execve(argv[0], (char *const *)argv, e.v);
        _exit(127);
      }
    }
    /* A fifth of them, all at one random moment of the first 15 ms: while
     * they create, set up and migrate the file. */
    usleep(rnd(15000));
    for (int i = 0; i < procs; i++)
      if (rnd(5) == 0) kill(pids[i], SIGKILL);
    for (int i = 0; i < procs; i++) {
      int st;
      waitpid(pids[i], &st, 0);
      char p[950];
      snprintf(p, sizeof p, "%s.%d", errs, i);
      size_t len = 0;
      char *err = read_file(p, &len);
      if (WIFSIGNALED(st)) {
        killed++;
      } else if (WEXITSTATUS(st) != 0 &&
                 !(err && strstr(err, "already has an active plan"))) { /* a lost race: fine */
        failed++;
        if (err && strstr(err, "locked")) locked++;
        if (!example[0])
          snprintf(example, sizeof example, "exit %d: %s", WEXITSTATUS(st),
                   err ? first_line(err, len) : "(no message)");
      }
      free(err);
    }
    env_free(&e);
    free(dir);
  }
  char label[80];
  snprintf(label, sizeof label, "first use: %d processes at once, some killed (F8)", procs);
  result("userdata", label, failed ? ST_FAIL : ST_OK,
         "%d rounds, %d killed, %d failed (%d on a lock)%s%s", rounds, killed, failed, locked,
         example[0] ? ": " : "", example);
}

static void damaged_cases(void) {
  struct envb e;
  struct proc_result r;
  /* Header byte 18 = 3: a newer SQLite file format. */
  char *dir = planned_dir("f9-format", &e);
  patch(dir, 18, "\3", 1);
  char db[900];
  snprintf(db, sizeof db, "%s/kneecare.db", dir);
  size_t len0;
  char *before = read_file(db, &len0);
  kc(&r, &e, "--data", dir, "plan", "status", NULL);
  const int reads = r.status == 0;
  proc_free(&r);
  kc(&r, &e, "--data", dir, "plan", "tick", "elevation", NULL);
  const int says = r.status == 1 && has(&r, "newer file format");
  char msg[200];
  snprintf(msg, sizeof msg, "%s", first_line(r.err, r.err_len));
  proc_free(&r);
  result("userdata", "header write version 3 (F9)",
         reads && says && same_bytes(db, before, len0) ? ST_OK : ST_FAIL,
         "status reads; tick: %s; file unchanged", msg);
  free(before);
  env_free(&e);
  free(dir);
  /* A negative data version. */
  dir = planned_dir("f9-negative", &e);
  patch(dir, 60, "\377\377\377\377", 4);
  snprintf(db, sizeof db, "%s/kneecare.db", dir);
  before = read_file(db, &len0);
  kc(&r, &e, "--data", dir, "plan", "status", NULL);
  char copy[1000];
  moved_copy(dir, copy, sizeof copy);
  result("userdata", "negative data version (F9)",
         has(&r, "data version is -1") && copy[0] && same_bytes(copy, before, len0) ? ST_OK
                                                                                    : ST_FAIL,
         "%s", first_line(r.err, r.err_len));
  proc_free(&r);
  free(before);
  env_free(&e);
  free(dir);
  /* A symlinked -wal. */
  dir = planned_dir("f9-wal", &e);
  char wal[900], victim[900];
  snprintf(wal, sizeof wal, "%s/kneecare.db-wal", dir);
  snprintf(victim, sizeof victim, "%s-victim", dir);
  write_file(victim, "precious\n", 9);
  unlink(wal);
  if (symlink(victim, wal) != 0) say("symlink: failed");
  kc(&r, &e, "--data", dir, "plan", "status", NULL);
  result("userdata", "-wal is a symlink (F9)",
         r.status == 1 && has(&r, wal) && same_bytes(victim, "precious\n", 9) ? ST_OK : ST_FAIL,
         "%s; its target untouched", first_line(r.err, r.err_len));
  proc_free(&r);
  env_free(&e);
  free(dir);
  /* A hard-linked data file. */
  dir = planned_dir("i5-hardlink", &e);
  char other[900];
  snprintf(db, sizeof db, "%s/kneecare.db", dir);
  snprintf(other, sizeof other, "%s-second-name.db", dir);
  if (link(db, other) != 0) say("link: failed");
  kc(&r, &e, "--data", dir, "plan", "tick", "elevation", NULL);
  result("userdata", "hard-linked data file (I5)",
         r.status == 1 && has(&r, "hard links") ? ST_OK : ST_FAIL, "%s",
         first_line(r.err, r.err_len));
  proc_free(&r);
  unlink(other);
  env_free(&e);
  free(dir);
}

static void exports_and_args(void) {
  struct envb e;
  struct proc_result r;
  char *dir = planned_dir("i1-exports", &e);
  kc(&r, &e, "--data", dir, "plan", "pain", "3", "--note",
     "see https://evil.example/login, www.evil.example or me@evil.example", NULL);
  proc_free(&r);
  kc(&r, &e, "--data", dir, "plan", "export", NULL);
  const int md =
      r.status == 0 && !has(&r, "https://") && !has(&r, "me@evil") && has(&r, "evil\\.example");
  proc_free(&r);
  result("userdata", "links in a note, Markdown export (I1)", md ? ST_OK : ST_FAIL, "%s",
         md ? "URL, www. name and e-mail escaped: no GFM autolink" : "AUTOLINK POSSIBLE");
  kc(&r, &e, "--data", dir, "plan", "pain", "3", "--note", "   =HYPERLINK(\"http://x\")", NULL);
  proc_free(&r);
  kc(&r, &e, "--data", dir, "plan", "export", "--format", "csv", NULL);
  const int csv = r.status == 0 && has(&r, "\"'   =HYPERLINK");
  proc_free(&r);
  result("userdata", "formula behind spaces, CSV export (I2)", csv ? ST_OK : ST_FAIL, "%s",
         csv ? "written as '   =HYPERLINK(...)" : "NOT NEUTRALISED");
  char forged[1000];
  snprintf(forged, sizeof forged, "%s/x\nkneecare: Saved as symptom check 1; all data kept.", dir);
  kc(&r, &e, "--data", forged, "--user", "a\nb", "profiles", NULL);
  result("userdata", "newline in an argument (I4)", one_line_message(&r) ? ST_OK : ST_FAIL, "%s",
         one_line_message(&r) ? "one message line, the newline shown as a space" : "A SECOND LINE");
  proc_free(&r);
  /* The test-only environment (KNEECARE_NOW). */
  char fresh[900];
  snprintf(fresh, sizeof fresh, "%s/hooks", dir);
  env_set(&e, "KNEECARE_NOW=86400");
  kc(&r, &e, "--data", fresh, "plan", "start", "--checked", NULL);
  const int honoured = has(&r, "1970-01-02");
  proc_free(&r);
  result("userdata", "test-only environment (I6)", honoured ? ST_NOTE : ST_OK, "%s",
         honoured ? "KNEECARE_NOW honoured: this is a build with the tests (KC_TESTS=ON); "
                    "scripts/dev run builds without it"
                  : "KNEECARE_NOW ignored by this build");
  env_free(&e);
  free(dir);
}

/* The smoke run keeps one row of each kind; `scripts/stress` runs all. */
void part_userdata_msgs(void) {
  moved_aside_long_path();
  first_use_storm();
  if (CFG.smoke) return;
  stored_time();
  damaged_cases();
  exports_and_args();
}
