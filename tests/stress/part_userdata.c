/* Part 2, hostile user data.
 * Proves: a truncated file, garbage pages, a newer schema, a directory, a
 * FIFO or a symlink (to another user's database or to any file) at the
 * database path gets a clear one-line message, destroys nothing (the
 * original bytes survive, in place or moved aside; a symlink's target is
 * untouched) and reading still works; hostile profile names, notes and
 * search strings are stored and shown literally or refused with a message
 * (and never run as SQL or format strings); the data directory and file are
 * created 0700/0600 and a group- or world-writable one is reported. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stress.h"

static const char *populated; /* a user database with a profile, plan, tick and pain */

static void make_populated(void) {
  static char path[700];
  char *dir = workpath("userdata/source");
  mkdirp(dir, 0700);
  struct envb e;
  env_init(&e, dir);
  struct proc_result r;
  kc(&r, &e, "--data", dir, "--user", "alice", "--create", "plan", "start", "--checked", "--date",
     today_minus(2), NULL);
  proc_free(&r);
  kc(&r, &e, "--data", dir, "--user", "alice", "--create", "plan", "tick", "compression", "--day",
     "1", NULL);
  proc_free(&r);
  kc(&r, &e, "--data", dir, "--user", "alice", "--create", "plan", "pain", "4", "--note", "before",
     NULL);
  proc_free(&r);
  env_free(&e);
  snprintf(path, sizeof path, "%s/kneecare.db", dir);
  populated = path;
}

/* 1 when some regular file in dir has exactly these bytes. */
static int bytes_survive(const char *dir, const char *data, size_t len, char *where, size_t n) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  int found = 0;
  for (struct dirent *de; !found && (de = readdir(d));) {
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
    struct stat st;
    if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && same_bytes(p, data, len)) {
      found = 1;
      snprintf(where, n, "%s", de->d_name);
    }
  }
  closedir(d);
  return found;
}

/* ---- damaged and unsafe database paths -------------------------------------- */

enum kind {
  TRUNCATED,
  GARBAGE,
  NEWER,
  DIRECTORY,
  FIFO,
  SYMLINK_DB,
  SYMLINK_FILE,
  GARBAGE_WAL,
  DATA_IS_FILE
};
static const struct {
  enum kind kind;
  const char *name;
} BAD[] = {
    {TRUNCATED, "truncated user db"},
    {GARBAGE, "garbage pages"},
    {NEWER, "newer user_version (999)"},
    {DIRECTORY, "db path is a directory"},
    {FIFO, "db path is a FIFO"},
    {SYMLINK_DB, "symlink to another user's db"},
    {SYMLINK_FILE, "symlink to another file"},
    {GARBAGE_WAL, "garbage -wal beside it"},
    {DATA_IS_FILE, "--data is a regular file"},
};

static void bad_path_case(size_t i) {
  char *dir = strdup(workpath("userdata/bad%zu", i));
  char *victim_dir = strdup(workpath("userdata/victim%zu", i));
  mkdirp(dir, 0700);
  mkdirp(victim_dir, 0700);
  char db[800], victim[900], data_arg[800];
  snprintf(db, sizeof db, "%s/kneecare.db", dir);
  snprintf(data_arg, sizeof data_arg, "%s", dir);
  size_t len;
  char *orig = read_file(populated, &len);
  const char *watch_dir = dir; /* whose files must survive */
  switch (BAD[i].kind) {
  case TRUNCATED: write_file(db, orig, len * 6 / 10 + 123); break;
  case GARBAGE:
    for (size_t k = 4096; k < len; k++)
      if (k % 4096 < 2048) orig[k] = (char)rnd(256);
    write_file(db, orig, len);
    break;
  case NEWER:
    write_file(db, orig, len);
    db_exec(db, "PRAGMA user_version = 999;");
    break;
  case DIRECTORY:
    mkdir(db, 0700);
    snprintf(victim, sizeof victim, "%s/precious.txt", db);
    write_file(victim, "precious\n", 9);
    watch_dir = db;
    break;
  case FIFO: mkfifo(db, 0600); break;
  case SYMLINK_DB:
    snprintf(victim, sizeof victim, "%s/kneecare.db", victim_dir);
    write_file(victim, orig, len);
    symlink(victim, db);
    watch_dir = victim_dir;
    break;
  case SYMLINK_FILE:
    snprintf(victim, sizeof victim, "%s/thesis.txt", victim_dir);
    write_file(victim, "years of work\n", 14);
    symlink(victim, db);
    watch_dir = victim_dir;
    break;
  case GARBAGE_WAL: {
    write_file(db, orig, len);
    char wal[820], junk[8192];
    snprintf(wal, sizeof wal, "%s-wal", db);
    for (size_t k = 0; k < sizeof junk; k++) junk[k] = (char)rnd(256);
    write_file(wal, junk, sizeof junk);
    break;
  }
  case DATA_IS_FILE:
    snprintf(data_arg, sizeof data_arg, "%s/plainfile", dir);
    write_file(data_arg, "not a directory\n", 16);
    break;
  }
  /* What must survive: the original bytes (damaged cases), everything in
   * the watched directory (the others). */
  size_t blen;
  char *before_bytes =
      BAD[i].kind == DATA_IS_FILE ? read_file(data_arg, &blen) : read_file(db, &blen);
  char *before = dir_fingerprint(watch_dir);
  char *before_self = dir_fingerprint(dir);

  struct envb e;
  env_init(&e, dir);
  struct proc_result r;
  char msg[200] = "", bad[300] = "";
  const char *cmds[][4] = {{"profiles"}, {"plan", "status"}, {"plan", "tick", "elevation"}};
  for (size_t k = 0; k < 3; k++) {
    const char *args[10] = {"--data", data_arg, "--user", "alice", "--create"};
    int a = 5;
    for (int j = 0; cmds[k][j]; j++) args[a++] = cmds[k][j];
    args[a] = NULL;
    kcv(&r, &e, args);
    if (r.status < 0 || r.status >= 126)
      snprintf(bad, sizeof bad, "%s: status %d", cmds[k][0], r.status);
    else if (r.status != 0 && !one_line_message(&r) && !bad[0]) {
      /* A warning line first is fine; the last line must say why. */
      if (r.err_len == 0 || strncmp(r.err, "kneecare:", 9) != 0)
        snprintf(bad, sizeof bad, "%s: exit %d, no message", cmds[k][0], r.status);
    }
    if (!msg[0] && r.err_len) {
      /* The most telling line: skip the mode warnings. */
      const char *line = r.err;
      while (strstr(first_line(line, r.err_len - (size_t)(line - r.err)), "Warning") &&
             memchr(line, '\n', r.err_len - (size_t)(line - r.err)))
        line = (const char *)memchr(line, '\n', r.err_len - (size_t)(line - r.err)) + 1;
      snprintf(msg, sizeof msg, "%s", first_line(line, r.err_len - (size_t)(line - r.err)));
    }
    proc_free(&r);
  }
  /* Reading works whatever the user data. */
  kc(&r, &e, "--data", data_arg, "show", "runners-knee", NULL);
  int reading = r.status == 0 && r.out_len > 1000;
  proc_free(&r);
  struct kc_pty *p = NULL;
  {
    const char *args[] = {"--data", data_arg, NULL};
    p = tui_start(&e, args, 24, 80);
    reading = reading && tui_home(p) && (tui_select(p, "Causes of inner knee pain"), 1);
    if (reading) {
      tui_keys(p, KEY_ENTER KEY_ENTER);
      reading = tui_wait(p, "%", 5000);
      kc_pty_send_str(p, "Q");
      reading = reading && kc_pty_wait_exit(p, 5000) == 0;
    }
    kc_pty_free(p);
  }
  env_free(&e);

  char where[300] = "";
  int kept = 1;
  char *after = dir_fingerprint(watch_dir);
  switch (BAD[i].kind) {
  case TRUNCATED:
  case GARBAGE: kept = bytes_survive(dir, before_bytes, blen, where, sizeof where); break;
  case GARBAGE_WAL: /* the file is sound: used, with its records, the junk ignored */
    kept = db_int(db, "SELECT count(*) FROM tick WHERE task_id = 'compression'") == 1 &&
           db_int(db, "SELECT count(*) FROM pain WHERE note = 'before'") == 1 &&
           strcmp(db_integrity(db), "ok") == 0;
    snprintf(where, sizeof where, "records intact, integrity ok");
    break;
  case DATA_IS_FILE:
    kept = same_bytes(data_arg, before_bytes, blen);
    snprintf(where, sizeof where, "file untouched");
    break;
  default:
    kept = strcmp(before, after) == 0;
    if (BAD[i].kind == NEWER || BAD[i].kind == FIFO || BAD[i].kind == DIRECTORY) {
      char *now = dir_fingerprint(dir);
      kept = kept && strcmp(before_self, now) == 0;
      free(now);
    }
    snprintf(where, sizeof where, "%s", kept ? "untouched" : fingerprint_diff(before, after));
  }
  if (bad[0])
    result("userdata", BAD[i].name, ST_FAIL, "%s", bad);
  else if (!kept)
    result("userdata", BAD[i].name, ST_FAIL, "original not kept: %s", where);
  else if (!reading)
    result("userdata", BAD[i].name, ST_FAIL, "reading an article failed (CLI or TUI)");
  else
    result("userdata", BAD[i].name, ST_OK, "%s; original %s%s; reading works (CLI+TUI)",
           msg[0] ? msg : "no message (used as is)",
           BAD[i].kind == TRUNCATED || BAD[i].kind == GARBAGE ? "kept as " : "", where);
  free(orig);
  free(before_bytes);
  free(before);
  free(before_self);
  free(after);
  free(dir);
  free(victim_dir);
}

/* ---- hostile strings ------------------------------------------------------ */

static char *repeat(const char *unit, size_t total) {
  char *s = malloc(total + 1);
  size_t ul = strlen(unit);
  for (size_t i = 0; i < total; i++) s[i] = unit[i % ul];
  s[total] = '\0';
  return s;
}

/* A value came back literally when `out` contains it. */
static void strings_case(const char *label, const char *value) {
  char *dir = workpath("userdata/strings");
  struct envb e;
  env_init(&e, dir);
  struct proc_result r;
  char how[400];
  int fail = 0;
  /* As a profile name. */
  kc(&r, &e, "--data", dir, "--user", value, "--create", "profiles", NULL);
  int name_ok = r.status == 0 && memmem(r.out, r.out_len, value, strlen(value)) != NULL;
  int name_refused = r.status > 0 && r.status < 126 && r.err_len > 0;
  snprintf(how, sizeof how, "name: %s",
           name_ok        ? "stored, shown literally"
           : name_refused ? first_line(r.err, r.err_len)
                          : "WRONG");
  fail |= !(name_ok || name_refused) || r.status >= 126;
  if (!fail && esc_violation(r.out, r.out_len, 0)) fail = 1, strcat(how, " (escape in output)");
  proc_free(&r);
  /* As a pain note on the "notes" profile's plan. */
  kc(&r, &e, "--data", dir, "--user", "notes", "--create", "plan", "pain", "3", "--note", value,
     NULL);
  int note_status = r.status;
  char note_msg[200];
  snprintf(note_msg, sizeof note_msg, "%s", first_line(r.err, r.err_len));
  proc_free(&r);
  kc(&r, &e, "--data", dir, "--user", "notes", "--create", "plan", "export", "--format", "csv",
     NULL);
  int note_ok = note_status == 0 && memmem(r.out, r.out_len, value, strlen(value)) != NULL;
  size_t l = strlen(how);
  snprintf(how + l, sizeof how - l, "; note: %s",
           note_ok            ? (value[0] ? "stored, shown literally" : "accepted as no note")
           : note_status == 2 ? note_msg
                              : "WRONG");
  fail |= !(note_ok || note_status == 2);
  proc_free(&r);
  /* As a search. */
  kc(&r, &e, "--data", dir, "search", value, NULL);
  l = strlen(how);
  snprintf(how + l, sizeof how - l, "; search: exit %d%s", r.status,
           r.status == 0   ? ""
           : r.status == 1 ? " (no matches)"
                           : "");
  fail |= !(r.status == 0 || (r.status == 1 && one_line_message(&r)));
  proc_free(&r);
  /* The tables are all still there and sound. */
  char db[800];
  snprintf(db, sizeof db, "%s/kneecare.db", dir);
  long long profiles = db_int(db, "SELECT count(*) FROM profile");
  const char *ic = db_integrity(db);
  if (profiles < 1 || strcmp(ic, "ok") != 0) {
    fail = 1;
    l = strlen(how);
    snprintf(how + l, sizeof how - l, "; DB: %lld profiles, %s", profiles, ic);
  }
  env_free(&e);
  result("userdata", label, fail ? ST_FAIL : ST_OK, "%s", how);
}

/* NUL cannot travel in argv; type it into the TUI's profile name and
 * search prompts instead. */
static void nul_case(void) {
  char *dir = workpath("userdata/nul");
  mkdirp(dir, 0700);
  struct envb e;
  env_init(&e, dir);
  const char *args[] = {"--data", dir, NULL};
  struct kc_pty *p = tui_start(&e, args, 24, 80);
  int ok = tui_home(p) && tui_select(p, "Profiles");
  const char *how = "could not reach Profiles";
  if (ok) {
    tui_keys(p, KEY_ENTER);
    tui_keys(p, "n");
    kc_pty_send(p, "ab\0cd", 5);
    tui_keys(p, KEY_ENTER);
    tui_keys(p, KEY_ESC "/");
    kc_pty_send(p, "kn\0ee", 5);
    kc_pty_wait_quiet(p, 80, 2000);
    ok = tui_alive(p);
    kc_pty_send_str(p, KEY_ESC KEY_ESC "Q");
    ok = ok && kc_pty_wait_exit(p, 5000) == 0;
    how = ok ? "" : "TUI died";
  }
  kc_pty_free(p);
  struct proc_result r;
  kc(&r, &e, "--data", dir, "profiles", NULL);
  char names[200];
  snprintf(names, sizeof names, "%s", r.out);
  for (char *c = names; *c; c++)
    if (*c == '\n') *c = ',';
  proc_free(&r);
  env_free(&e);
  int literal_prefix = strstr(names, "ab ") || strstr(names, "ab,") || strstr(names, "ab\t");
  if (!ok)
    result("userdata", "NUL in name/search (TUI)", ST_FAIL, "%s", how);
  else
    result("userdata", "NUL in name/search (TUI)", literal_prefix ? ST_FAIL : ST_OK,
           "typed ab<NUL>cd: profiles now: %s%s; search with NUL: no crash (argv cannot carry NUL)",
           names, literal_prefix ? " (silently cut at the NUL)" : "");
}

/* ---- modes ------------------------------------------------------------------ */

static void modes_case(void) {
  /* Created fresh under HOME: 0700 directory, 0600 file. */
  char *home = strdup(workpath("userdata/modehome"));
  mkdirp(home, 0755);
  struct envb e;
  env_init(&e, home);
  struct proc_result r;
  kc(&r, &e, "profiles", NULL);
  proc_free(&r);
  char d[800], f[820];
  snprintf(d, sizeof d, "%s/.local/share/kneecare", home);
  snprintf(f, sizeof f, "%s/kneecare.db", d);
  struct stat sd, sf;
  int ok = stat(d, &sd) == 0 && stat(f, &sf) == 0 && (sd.st_mode & 0777) == 0700 &&
           (sf.st_mode & 0777) == 0600;
  result("userdata", "fresh data dir and file modes", ok ? ST_OK : ST_FAIL, "dir %04o, file %04o",
         (unsigned)(sd.st_mode & 07777), (unsigned)(sf.st_mode & 07777));
  /* Existing group- and world-writable directories and file are reported. */
  const struct {
    const char *name;
    mode_t dmode, fmode;
  } M[] = {{"existing dir 0777", 0777, 0600},
           {"existing dir 0770", 0770, 0600},
           {"existing file 0666", 0700, 0666}};
  for (size_t i = 0; i < 3; i++) {
    char *dir = workpath("userdata/mode%zu", i);
    mkdirp(dir, 0700);
    kc(&r, &e, "--data", dir, "profiles", NULL);
    proc_free(&r);
    snprintf(f, sizeof f, "%s/kneecare.db", dir);
    chmod(dir, M[i].dmode);
    chmod(f, M[i].fmode);
    kc(&r, &e, "--data", dir, "profiles", NULL);
    int warned = r.status == 0 && memmem(r.err, r.err_len, "written by other users", 22);
    char line[200];
    snprintf(line, sizeof line, "%s", first_line(r.err, r.err_len));
    proc_free(&r);
    /* The full-screen guide says it too (status line). */
    const char *args[] = {"--data", dir, NULL};
    struct kc_pty *p = tui_start(&e, args, 24, 100);
    int tui_warned = tui_home(p) &&
                     (kc_pty_has(p, "Warning: the data") || tui_wait(p, "Warning: the data", 3000));
    kc_pty_send_str(p, "Q");
    kc_pty_wait_exit(p, 3000);
    kc_pty_free(p);
    result("userdata", M[i].name, warned && tui_warned ? ST_OK : ST_FAIL,
           "profiles: %s; TUI status line: %s", warned ? line : "NO WARNING",
           tui_warned ? "warns" : "NO WARNING");
  }
  env_free(&e);
  free(home);
}

void part_userdata(void) {
  make_populated();
  for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++)
    if (!CFG.smoke || i == 0 || i == 2 || i == 5) bad_path_case(i);

  /* The "notes" profile needs a plan for its notes. */
  char *dir = workpath("userdata/strings");
  mkdirp(dir, 0700);
  struct envb e;
  env_init(&e, dir);
  struct proc_result r;
  kc(&r, &e, "--data", dir, "--user", "notes", "--create", "plan", "start", "--checked", NULL);
  proc_free(&r);
  env_free(&e);
  char *tenk = repeat("x", 10000), *tenk_w = repeat("\xe8\x86\x9d", 3 * 3333);
  const struct {
    const char *label, *value;
  } S[] = {
      {"SQL injection", "'; DROP TABLE profile; --"},
      {"format string", "%s%n%x%p%s%n"},
      {"10,000 characters", tenk},
      {"10,000 wide characters", tenk_w},
      {"right-to-left letters",
       "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 1"},
      {"RTL override (U+202E)", "abc\xe2\x80\xae"
                                "def"},
      {"combining characters", "Zal\xcc\x81\xcc\x81\xcc\x81go e\xcc\x88\xcc\x88 n\xcc\x83"},
      {"escape sequence", "\x1b]0;PWNED\x07\x1b[2J"},
      {"newline", "two\nlines"},
      {"empty", ""},
  };
  for (size_t i = 0; i < sizeof S / sizeof S[0]; i++)
    if (!CFG.smoke || i < 2) strings_case(S[i].label, S[i].value);
  free(tenk);
  free(tenk_w);
  if (!CFG.smoke) nul_case();
  modes_case();
  part_userdata_msgs();
}
