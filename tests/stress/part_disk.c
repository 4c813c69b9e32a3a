/* Part 5, full disk and a data directory that turns read-only.
 * Proves: with the file system full (a 512 KB tmpfs filled to the last
 * byte; a file-size limit where mounting is not allowed), every write gets a
 * clear one-line message, writes no partial record, is not mistaken for a
 * damaged file, and reading still works; the full-screen guide says so in
 * its status line, keeps running, and saves again once there is space.
 * With the directory and files made read-only while the guide is open (run
 * as nobody, as root ignores permissions), it keeps running, says so when a
 * write fails, and what it showed as saved is in the file. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stress.h"

static char DATA[700], DB[800];

/* Fills the file system holding dir to the last byte; returns bytes written. */
static long fill(const char *dir) {
  char path[800];
  snprintf(path, sizeof path, "%s/filler", dir);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  static char block[4096];
  long total = 0;
  for (size_t sz = sizeof block; sz >= 1; sz /= 2)
    for (ssize_t w; (w = write(fd, block, sz)) > 0;) total += w;
  fsync(fd);
  close(fd);
  return total;
}

static int has_row(const char *sql) { return db_int(DB, sql) > 0; }

struct wcase {
  const char *name;
  const char *args[12];
  const char *written; /* SQL counting the record if it was written */
};

/* Each write on a full disk: exit 1 with one line and nothing written, or
 * (if SQLite found room) exit 0 with the whole record. The counts are read
 * before the disk is filled and after it is freed again (SQLite cannot
 * even open the file to look while it is full). */
static void full_cli(const char *how_full, const char *mnt, const char *prefix_note) {
  char answers[800];
  snprintf(answers, sizeof answers, "%s/tests/cases/mcl-blow.answers", CFG.source_dir);
  const struct wcase W[] = {
      {"tick",
       {"plan", "tick", "elevation", "--day", "1"},
       "SELECT count(*) FROM tick WHERE task_id = 'elevation'"},
      {"pain",
       {"plan", "pain", "7", "--note", "disk full", "--day", "2"},
       "SELECT count(*) FROM pain WHERE note = 'disk full'"},
      {"ice", {"plan", "ice", "--day", "1"}, "SELECT count(*) FROM ice_session"},
      {"wizard --save",
       {"wizard", "--answers", answers, "--save"},
       "SELECT count(*) FROM wizard_run"},
      {"new profile", {"profiles"}, "SELECT count(*) FROM profile WHERE name = 'newbie'"},
  };
  enum { NW = sizeof W / sizeof W[0] };
  long long before[NW];
  int status[NW], shown[NW];
  for (int i = 0; i < NW; i++) before[i] = db_int(DB, W[i].written);
  char note[64] = "";
  if (mnt) snprintf(note, sizeof note, "(filled: %ld KB) ", fill(mnt) / 1024);
  struct envb e;
  env_init(&e, DATA);
  char first[200] = "";
  for (int i = 0; i < NW; i++) {
    const char *args[20] = {"--data", DATA, "--user", i == 4 ? "newbie" : "disk", "--create"};
    int a = 5;
    for (int k = 0; W[i].args[k]; k++) args[a++] = W[i].args[k];
    args[a] = NULL;
    struct proc_result r;
    kcv(&r, &e, args);
    status[i] = r.status;
    shown[i] = r.out_len > 200;
    if (r.status == 1 && !one_line_message(&r)) status[i] = -2; /* no clear message */
    if (r.status == 1 && !first[0])
      snprintf(first, sizeof first, "%s", first_line(r.err, r.err_len));
    proc_free(&r);
  }
  /* Reading articles still works; the plan status needs the user data. */
  struct proc_result r;
  kc(&r, &e, "--data", DATA, "show", "runners-knee", NULL);
  int show_ok = r.status == 0;
  proc_free(&r);
  kc(&r, &e, "--data", DATA, "--user", "disk", "--create", "plan", "status", NULL);
  int plan_status = r.status;
  proc_free(&r);
  env_free(&e);
  if (mnt) {
    char filler[800];
    snprintf(filler, sizeof filler, "%s/filler", mnt);
    unlink(filler);
  }
  int fails = 0;
  char how[400] = "";
  for (int i = 0; i < NW; i++) {
    long long after = db_int(DB, W[i].written);
    int refused = status[i] == 1 && after == before[i];
    int saved = status[i] == 0 && after == before[i] + 1;
    int ok = refused || saved;
    if (i == 3 && refused) ok = ok && shown[i]; /* the result is still shown */
    fails += !ok;
    size_t l = strlen(how);
    snprintf(how + l, sizeof how - l, "%s%s %s", l ? ", " : "", W[i].name,
             ok                 ? (refused ? "refused" : "saved")
             : status[i] >= 126 ? "CRASHED"
             : status[i] == -2  ? "NO ONE-LINE MESSAGE"
                                : "PARTIAL/WRONG");
  }
  const char *ic = db_integrity(DB);
  const char *extra = extra_files(DATA, "kneecare.db");
  int moved = strstr(extra, "corrupt") != NULL;
  int ok = !fails && show_ok && !strcmp(ic, "ok") && !moved;
  result("disk", how_full, ok ? ST_OK : ST_FAIL,
         "%s%s; nothing partial; articles %s; plan status exit %d; integrity %s%s; message: %s",
         prefix_note, how, show_ok ? "readable" : "NOT READABLE", plan_status, ic,
         moved ? "; FILE MOVED ASIDE AS DAMAGED" : "", first);
  (void)note;
}

/* The guide open on the checklist when the disk fills up, then frees. */
static void full_tui(const char *mnt) {
  struct envb e;
  env_init(&e, DATA);
  const char *args[] = {"--data", DATA, "--user", "disk", "--create", NULL};
  struct kc_pty *p = tui_start(&e, args, 24, 100);
  env_free(&e);
  const char *fail = NULL;
  char status[300] = "";
  int h = tui_home(p);
  if (!h || !tui_open_checklist(p)) fail = "checklist did not open";
  if (fail && CFG.verbose) {
    char *sc = tui_screen(p);
    fprintf(stderr, "%s\n", sc);
    free(sc);
  }
  if (!fail) {
    fill(mnt);
    if (!tui_select(p, "Protect the knee")) fail = "could not select a task";
  }
  if (!fail) {
    tui_keys(p, " ");
    kc_pty_wait_quiet(p, 200, 3000);
    kc_pty_row(p, 23, status, sizeof status);
    if (!tui_alive(p))
      fail = "died on the full disk";
    else if (has_row("SELECT count(*) FROM tick WHERE task_id = 'rest-move' AND day = 3"))
      fail = kc_pty_has(p, "[x] Protect the knee") ? NULL : "written but not shown";
    else if (kc_pty_has(p, "[x] Protect the knee"))
      fail = "SHOWN AS TICKED BUT NOT SAVED";
    else if (!strstr(status, "NOT saved") && !strstr(status, "full"))
      fail = "no message in the status line";
  }
  /* Still usable: read an article and come back. */
  if (!fail) {
    tui_keys(p, "a");
    kc_pty_wait_quiet(p, 100, 2000);
    tui_keys(p, KEY_ESC);
    if (!tui_alive(p) || !tui_wait(p, " of 3", 3000)) fail = "not usable after the failed write";
  }
  /* Space again: saving works again. */
  int recovered = 0;
  if (!fail) {
    char filler[800];
    snprintf(filler, sizeof filler, "%s/filler", mnt);
    unlink(filler);
    tui_select(p, "Protect the knee");
    tui_keys(p, " ");
    kc_pty_wait_quiet(p, 200, 3000);
    recovered = kc_pty_has(p, "[x] Protect the knee") &&
                has_row("SELECT count(*) FROM tick WHERE task_id = 'rest-move' AND day = 3");
    kc_pty_send_str(p, KEY_ESC KEY_ESC "Q");
    if (kc_pty_wait_exit(p, 5000) != 0) fail = "quit failed";
  }
  kc_pty_free(p);
  if (fail)
    result("disk", "TUI: disk fills mid-session", ST_FAIL, "%s (status line: %s)", fail, status);
  else
    result("disk", "TUI: disk fills mid-session", ST_OK, "status line: \"%.90s\"; kept running; %s",
           status,
           recovered ? "saved again once space was freed"
                     : "did NOT save again after space was freed (note)");
}

/* Interrupted (Ctrl-C) while the tmpfs is mounted: unmount it first. */
static char mounted_at[700];
static void unmount_and_exit(int sig) {
  umount2(mounted_at, MNT_DETACH);
  _exit(128 + sig);
}

static void full_disk(void) {
  char *mnt = workpath("disk/full");
  mkdirp(mnt, 0755);
  int mounted = mount("tmpfs", mnt, "tmpfs", 0, "size=512k,mode=0755") == 0;
  const int mount_errno = errno;
  if (mounted) {
    snprintf(mounted_at, sizeof mounted_at, "%s", mnt);
    signal(SIGINT, unmount_and_exit);
    signal(SIGTERM, unmount_and_exit);
  }
  snprintf(DATA, sizeof DATA, "%s/data", mnt);
  snprintf(DB, sizeof DB, "%s/kneecare.db", DATA);
  mkdirp(DATA, 0700);
  struct envb e;
  env_init(&e, DATA);
  struct proc_result r;
  kc(&r, &e, "--data", DATA, "--user", "disk", "--create", "plan", "start", "--checked", "--date",
     today_minus(2), NULL);
  proc_free(&r);
  kc(&r, &e, "--data", DATA, "--user", "disk", "--create", "plan", "tick", "compression", "--day",
     "1", NULL);
  proc_free(&r);
  env_free(&e);
  if (mounted) {
    full_cli("CLI writes, tmpfs 512 KB full", mnt, "");
    full_tui(mnt);
    if (umount2(mnt, MNT_DETACH) != 0) say("umount %s: %s", mnt, strerror(errno));
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
  } else {
    /* No mount here: a file-size limit of 0 stands in for the full disk
     * (every write then fails with EFBIG; SIGXFSZ ignored so the program
     * sees the error instead of being killed by the signal). */
    result("disk", "tmpfs", ST_NOTE, "mount -t tmpfs not permitted (%s): using ulimit -f 0 instead",
           strerror(mount_errno));
    const char *saved = CFG.kneecare;
    char wrapper[900];
    snprintf(wrapper, sizeof wrapper, "%s/kc-limited", CFG.work);
    FILE *f = fopen(wrapper, "w");
    fprintf(f, "#!/bin/bash\ntrap '' XFSZ\nulimit -f 0\nexec '%s' \"$@\"\n", saved);
    fclose(f);
    chmod(wrapper, 0755);
    CFG.kneecare = wrapper;
    full_cli("CLI writes, ulimit -f", NULL, "");
    CFG.kneecare = saved;
  }
}

/* ---- read-only mid-session -------------------------------------------------- */

static const char *const AS_NOBODY[] = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                                        "--clear-groups", "--"};

static struct kc_pty *tui_as_nobody(const char *dir) {
  const char *argv[16];
  int n = 0;
  if (geteuid() == 0)
    for (int i = 0; i < 5; i++) argv[n++] = AS_NOBODY[i];
  argv[n++] = CFG.kneecare;
  argv[n++] = "--data";
  argv[n++] = dir;
  argv[n++] = "--user";
  argv[n++] = "ro";
  argv[n] = NULL;
  struct envb e;
  env_init(&e, dir);
  struct kc_pty *p = kc_pty_spawn(argv, (const char *const *)e.v, 24, 120);
  env_free(&e);
  return p;
}

static int cli_as_nobody(const char *dir, const char *const args[], struct proc_result *r) {
  const char *argv[32];
  int n = 0;
  if (geteuid() == 0)
    for (int i = 0; i < 5; i++) argv[n++] = AS_NOBODY[i];
  argv[n++] = CFG.kneecare;
  for (int i = 0; args[i]; i++) argv[n++] = args[i];
  argv[n] = NULL;
  struct envb e;
  env_init(&e, dir);
  int st = run_ex(argv, (const char *const *)e.v, NULL, 20000, -1, r);
  env_free(&e);
  return st;
}

static void make_readonly(const char *dir, int ro) {
  const char *suffix[] = {"kneecare.db", "kneecare.db-wal", "kneecare.db-shm"};
  for (int i = 0; i < 3; i++) {
    char p[900];
    snprintf(p, sizeof p, "%s/%s", dir, suffix[i]);
    chmod(p, ro ? 0400 : 0600);
  }
  chmod(dir, ro ? 0500 : 0700);
}

static void read_only(void) {
  if (geteuid() == 0 && access(AS_NOBODY[0], X_OK) != 0) {
    result("disk", "read-only mid-session", ST_NOTE,
           "not testable: running as root without setpriv");
    return;
  }
  char *dir = workpath("disk/ro");
  mkdirp(dir, 0700);
  if (geteuid() == 0 && chown(dir, 65534, 65534) != 0) say("chown: %s", strerror(errno));
  char db[900];
  snprintf(db, sizeof db, "%s/kneecare.db", dir);
  struct kc_pty *p = tui_as_nobody(dir);
  const char *fail = NULL;
  char status[300] = "";
  if (!tui_home(p) || !tui_open_checklist(p) || !tui_select(p, "Compression"))
    fail = "checklist did not open";
  if (!fail) {
    tui_keys(p, " ");
    if (!tui_wait(p, "[x] Compression", 3000)) fail = "first tick not shown";
  }
  int shown = 0, in_file = 0;
  if (!fail) {
    make_readonly(dir, 1);
    tui_select(p, "Leg raised");
    tui_keys(p, " ");
    kc_pty_wait_quiet(p, 200, 3000);
    kc_pty_row(p, 23, status, sizeof status);
    shown = kc_pty_has(p, "[x] Leg raised");
    in_file = db_int(db, "SELECT count(*) FROM tick WHERE task_id = 'elevation'") > 0;
    if (!tui_alive(p))
      fail = "died";
    else if (shown && !in_file)
      fail = "SHOWN AS SAVED BUT NOT IN THE FILE";
    else if (!shown && !strstr(status, "NOT saved") && !strstr(status, "read-only"))
      fail = "no message";
  }
  if (!fail) {
    tui_keys(p, "a");
    tui_keys(p, KEY_ESC);
    if (!tui_alive(p) || !tui_wait(p, " of 3", 3000)) fail = "not usable afterwards";
    kc_pty_send_str(p, KEY_ESC "Q");
    if (!fail && kc_pty_wait_exit(p, 5000) != 0) fail = "quit failed";
  }
  kc_pty_free(p);
  const char *ic = db_integrity(db);
  if (!fail && strcmp(ic, "ok") != 0) fail = "integrity check failed";
  if (fail)
    result("disk", "read-only mid-session (TUI)", ST_FAIL, "%s; status line: %.90s", fail, status);
  else
    result("disk", "read-only mid-session (TUI)", ST_OK, "%s; kept running; integrity ok",
           shown ? "tick still saved (the file was already open for writing), and it is in the file"
                 : status);

  /* A new start on the read-only directory: writes refused, reading works. */
  struct proc_result r;
  const char *tick[] = {"--data", dir,    "--user",    "ro", "--create",
                        "plan",   "tick", "rest-move", NULL};
  cli_as_nobody(dir, tick, &r);
  int refused = r.status == 1 && r.err_len && strncmp(r.err, "kneecare:", 9) == 0;
  char msg[200];
  snprintf(msg, sizeof msg, "%s", first_line(r.err, r.err_len));
  proc_free(&r);
  const char *show[] = {"--data", dir, "show", "runners-knee", NULL};
  cli_as_nobody(dir, show, &r);
  int reads = r.status == 0;
  proc_free(&r);
  p = tui_as_nobody(dir);
  int home = tui_home(p);
  kc_pty_wait_quiet(p, 200, 2000);
  char line[300];
  kc_pty_row(p, 23, line, sizeof line);
  kc_pty_send_str(p, "Q");
  int quit = kc_pty_wait_exit(p, 5000) == 0;
  kc_pty_free(p);
  int still = db_int(db, "SELECT count(*) FROM tick WHERE task_id = 'rest-move'") == 0;
  result("disk", "read-only data dir, new start",
         refused && reads && home && quit && still ? ST_OK : ST_FAIL,
         "CLI tick: %s; reading %s; TUI %s, status line: \"%.80s\"", refused ? msg : "NOT REFUSED",
         reads ? "works" : "FAILED", home && quit ? "opens" : "FAILED", line);
  make_readonly(dir, 0);
}

void part_disk(void) {
  full_disk();
  if (!CFG.smoke) read_only();
}
