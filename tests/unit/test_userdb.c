/* The user database, opening it: migrations from every earlier version,
 * refusing a newer file without touching it, moving a damaged file aside,
 * unsafe paths, read-only places, a full disk, when the integrity check
 * runs, ten processes at once, and a crash test that SIGKILLs a ticking
 * process hundreds of times. The records are in test_userdb_records.c. */
#include "udb_test.h"

/* ======================================================================
 * Opening: migrations, versions, modes
 * ====================================================================== */

START_TEST(migration_files_well_formed) {
  ck_assert_int_ge(n_migs, 2);
  for (int i = 0; i < n_migs; i++) {
    ck_assert_int_eq(migs[i].version, i + 1);
    ck_assert(strlen(migs[i].sql) > 10);
    ck_assert(strlen(migs[i].name) > 0);
  }
}
END_TEST

START_TEST(fresh_open_creates_private_files) {
  const char *dir = sub("a/b/kneecare"); /* missing parents are created too */
  struct kc_userdb *db = open_db(dir);
  ck_assert_int_eq(kc_userdb_version(db), n_migs);
  ck_assert_str_eq(kc_userdb_warning(db), "");
  ck_assert_str_eq(kc_userdb_path(db), dbfile(dir));
  struct stat st;
  ck_assert_int_eq(stat(dir, &st), 0);
  ck_assert_int_eq(st.st_mode & 0777, 0700);
  ck_assert_int_eq(stat(sub("a"), &st), 0);
  ck_assert_int_eq(st.st_mode & 0777, 0700);
  ck_assert_int_eq(stat(dbfile(dir), &st), 0);
  ck_assert_int_eq(st.st_mode & 0777, 0600);
  fill(db, "alice");
  char wal[700];
  snprintf(wal, sizeof wal, "%s-wal", dbfile(dir));
  ck_assert_int_eq(stat(wal, &st), 0); /* WAL mode, and the -wal is private too */
  ck_assert_int_eq(st.st_mode & 0777, 0600);
  int64_t dv;
  ck_assert_int_eq(kc_userdb_data_version(db, &dv), OK);
  ck_assert_int_eq(kc_userdb_check(db, 1), OK);
  kc_userdb_close(db);
  sqlite3 *s = raw(dir);
  ck_assert_int_eq(raw_int(s, "PRAGMA user_version"), n_migs);
  sqlite3_close(s);
}
END_TEST

/* Version 3 widened the levels to five: an "emergency" (4) saved by an
 * older version is read as "call an ambulance" (5), never as less urgent. */
START_TEST(old_emergency_level_becomes_ambulance) {
  const char *dir = sub("levels");
  struct kc_userdb *db = open_k(dir, 2);
  kc_userdb_close(db);
  fill_raw(dir, "runner");
  sqlite3 *s = raw(dir);
  ck_assert_int_eq(raw_exec(s, "INSERT INTO wizard_run (profile_id, at, answers, level) VALUES "
                               "((SELECT id FROM profile WHERE name = 'runner'), 1, 'a=b', 4), "
                               "((SELECT id FROM profile WHERE name = 'runner'), 2, 'a=c', 3)"),
                   SQLITE_OK);
  ck_assert_int_eq(raw_exec(s, "INSERT INTO redflag_check (plan_id, cal_day, at, level) "
                               "SELECT id, start_day, 5, 4 FROM plan"),
                   SQLITE_OK);
  sqlite3_close(s);
  db = open_db(dir);
  kc_userdb_close(db);
  s = raw(dir);
  ck_assert_int_eq(raw_int(s, "SELECT level FROM wizard_run WHERE answers = 'a=b'"), 5);
  ck_assert_int_eq(raw_int(s, "SELECT level FROM wizard_run WHERE answers = 'a=c'"), 3);
  ck_assert_int_eq(raw_int(s, "SELECT max(level) FROM redflag_check"), 5);
  /* (version 4 replaced wizard_run_by_profile with the covering wizard_run_list) */
  ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM sqlite_master WHERE name IN "
                              "('wizard_run_list', 'redflag_check_by_plan')"),
                   2);
  sqlite3_close(s);
}
END_TEST

/* Open with only the first k migrations, write data, reopen with all:
 * the data is kept and the version is the latest. */
START_TEST(migrate_from_every_version) {
  for (int k = 1; k <= n_migs; k++) {
    char name[32];
    snprintf(name, sizeof name, "v%d", k);
    const char *dir = sub(name);
    struct kc_userdb *db = open_k(dir, k);
    ck_assert_int_eq(kc_userdb_version(db), k);
    kc_userdb_close(db);
    fill_raw(dir, "runner");       /* what version k could hold */
    fill_raw_later(dir, "runner"); /* and the tables later versions added, if k has them */
    char *before = table_counts(dir);
    /* all real migrations, then one more (the next program's) */
    for (int upto = n_migs; upto <= n_migs + 1; upto++) {
      db = open_k(dir, upto);
      ck_assert_int_eq(kc_userdb_version(db), upto);
      struct kc_profile p;
      ck_assert_int_eq(kc_userdb_profile_get(db, "runner", &p), OK);
      struct kc_plan plan;
      ck_assert_int_eq(kc_userdb_plan_active(db, p.id, &plan), OK);
      struct kc_tick *ticks;
      int n;
      ck_assert_int_eq(kc_userdb_ticks(db, plan.id, &ticks, &n), OK);
      ck_assert_int_eq(n, 2);
      free(ticks);
      struct kc_pain pain;
      ck_assert_int_eq(kc_userdb_pain_get(db, plan.id, 1, &pain), OK);
      ck_assert_int_eq(pain.score, 5);
      ck_assert_str_eq(pain.note, "stairs");
      char v[16];
      ck_assert_int_eq(kc_userdb_setting_get(db, p.id, "mouse", v, sizeof v), OK);
      ck_assert_str_eq(v, "off");
      kc_userdb_close(db);
    }
    sqlite3 *s = raw(dir);
    ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM profile WHERE colour IS NULL"), 1);
    sqlite3_close(s);
    /* Nothing lost: every table of version k has as many rows after the
     * upgrades (new tables may be empty, or filled from old rows). */
    char *after = table_counts(dir);
    for (char *line = before, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
      *nl = '\0';
      char table[64];
      int count;
      ck_assert_int_eq(sscanf(line, "%63s %d", table, &count), 2);
      char want[96];
      snprintf(want, sizeof want, "\n%s %d\n", table, count);
      char *hay = malloc(strlen(after) + 2);
      snprintf(hay, strlen(after) + 2, "\n%s", after);
      ck_assert_msg(strstr(hay, want), "v%d -> v%d: table %s had %d rows: now %s", k, n_migs + 1,
                    table, count, after);
      free(hay);
    }
    free(before);
    free(after);
  }
}
END_TEST

/* Version 5 compares names without case. Files made before could hold
 * "root" and "ROOT": the upgrade keeps every profile and all its data,
 * renaming the later ones, and never makes two names one. */
START_TEST(upgrade_renames_names_that_differ_in_case) {
  const char *dir = sub("dupnames");
  kc_userdb_close(open_k(dir, 4));
  sqlite3 *s = raw(dir);
  char long_a[80], long_b[80], sql[2048];
  memset(long_a, 'a', 64), long_a[64] = '\0';
  memset(long_b, 'A', 64), long_b[64] = '\0';
  snprintf(sql, sizeof sql,
           "INSERT INTO profile (id, name, created_at) VALUES (1, 'root', 1), (2, 'ROOT', 2), "
           "(3, 'Root', 3), (4, 'root (3)', 4), (5, '%s', 5), (6, '%s', 6), (7, 'Zoë', 7), "
           "(8, 'ZOË', 8);"
           "INSERT INTO plan (profile_id, start_day, started_at) SELECT id, %d, 0 FROM profile;"
           "INSERT INTO wizard_run (profile_id, at, answers, level) SELECT id, 0, 'a=b', 1 "
           "FROM profile;",
           long_a, long_b, DAY0);
  ck_assert_int_eq(raw_exec(s, sql), SQLITE_OK);
  sqlite3_close(s);
  struct kc_userdb *db = open_db(dir);
  static const struct {
    int64_t id;
    const char *name;
  } want[] = {{1, "root"},     {2, "ROOT (2)"}, {3, "Root (#3)"},
              {4, "root (3)"}, {7, "Zoë"},      {8, "ZOË (2)"}};
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    struct kc_profile p;
    ck_assert_int_eq(kc_userdb_profile_by_id(db, want[i].id, &p), OK);
    ck_assert_str_eq(p.name, want[i].name);
    struct kc_plan plan;
    ck_assert_int_eq(kc_userdb_plan_active(db, p.id, &plan), OK); /* its data kept */
  }
  struct kc_profile p6;
  ck_assert_int_eq(kc_userdb_profile_by_id(db, 6, &p6), OK);
  ck_assert(kc_profile_name_check(p6.name, NULL, 0)); /* still a valid name, 64 at most */
  ck_assert_ptr_nonnull(strstr(p6.name, " (2)"));
  struct kc_profile *all;
  int n;
  ck_assert_int_eq(kc_userdb_profile_list(db, &all, &n), OK);
  ck_assert_int_eq(n, 8);
  free(all);
  kc_userdb_close(db);
  s = raw(dir);
  ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM wizard_run"), 8);
  ck_assert_int_eq(raw_int(s, "SELECT count(DISTINCT name_key) FROM profile"), 8);
  sqlite3_close(s);
  assert_integrity(dir);
}
END_TEST

/* Version 6 keeps every pain score and note: the one score a day of
 * earlier files becomes the morning or the evening one by the local hour
 * it was logged; an answered check-in becomes the first of the plan's
 * check-ins. */
START_TEST(upgrade_keeps_every_pain_score_and_checkin) {
  const char *dir = sub("painslots");
  kc_userdb_close(open_k(dir, 5));
  fill_raw(dir, "runner");
  sqlite3 *s = raw(dir);
  char sql[512];
  const long long morning = (long long)DAY0 * 86400 + 8 * 3600;
  snprintf(sql, sizeof sql,
           "UPDATE pain SET at = %lld, note = 'woke stiff';"
           "INSERT INTO pain (plan_id, day, score, note, at) SELECT plan_id, 2, 7, 'hills', %lld "
           "FROM pain;"
           "UPDATE plan SET checkin = 'same', checkin_at = %lld;",
           morning, morning + 86400 + 12 * 3600, morning + 2 * 86400);
  ck_assert_int_eq(raw_exec(s, sql), SQLITE_OK);
  sqlite3_close(s);
  struct kc_userdb *db = open_db(dir);
  struct kc_profile p;
  struct kc_plan plan;
  ck_assert_int_eq(kc_userdb_profile_get(db, "runner", &p), OK);
  ck_assert_int_eq(kc_userdb_plan_active(db, p.id, &plan), OK);
  struct kc_pain pain;
  ck_assert_int_eq(kc_userdb_pain_get_slot(db, plan.id, 1, KC_PAIN_MORNING, &pain), OK);
  ck_assert_int_eq(pain.score, 5);
  ck_assert_str_eq(pain.note, "woke stiff");
  ck_assert_int_eq(kc_userdb_pain_get_slot(db, plan.id, 2, KC_PAIN_EVENING, &pain), OK);
  ck_assert_int_eq(pain.score, 7);
  ck_assert_str_eq(pain.note, "hills");
  struct kc_plan_checkin *c;
  int n;
  ck_assert_int_eq(kc_userdb_checkin_list(db, plan.id, &c, &n), OK);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(c[0].answer, KC_CHECKIN_SAME);
  free(c);
  ck_assert_int_eq(plan.kind, KC_PLAN_KIND_NONE);
  kc_userdb_close(db);
}
END_TEST

START_TEST(newer_version_refused_untouched) {
  const char *dir = sub("newer");
  struct kc_userdb *db = open_k(dir, n_migs + 1);
  fill(db, "future");
  kc_userdb_close(db);
  size_t len0, len1;
  char *before = read_file(dbfile(dir), &len0);
  /* The -wal and -shm the newer program kept (persistent WAL) stay as they
   * were too, and nothing is added beside them. */
  char *listing0 = dir_listing(dir);
  char err[1024];
  db = (struct kc_userdb *)1;
  ck_assert_int_eq(kc_userdb_open(dir, migs, n_migs, &db, err, sizeof err), KC_UDB_ENEWER);
  ck_assert_ptr_null(db);
  ck_assert_ptr_nonnull(strstr(err, "newer version"));
  char *after = read_file(dbfile(dir), &len1);
  ck_assert_uint_eq(len0, len1);
  ck_assert(memcmp(before, after, len0) == 0);
  char *listing1 = dir_listing(dir);
  ck_assert_str_eq(listing0, listing1);
  ck_assert_int_eq(count_prefix(dir, KC_USERDB_FILE ".corrupt", NULL, 0), 0);
  free(before);
  free(after);
  free(listing0);
  free(listing1);
  db = open_k(dir, n_migs + 1); /* the newer program still opens it */
  kc_userdb_close(db);
}
END_TEST

/* The version bump lives only in the -wal (the newer program was killed
 * before a checkpoint): SQLite sees it, we refuse, and neither the file
 * nor its -wal changes. */
START_TEST(newer_version_in_wal_refused) {
  const char *dir = sub("newerwal");
  kc_userdb_close(open_db(dir));
  sqlite3 *s = raw(dir);
  ck_assert_int_eq(raw_exec(s, "PRAGMA journal_mode=WAL"), SQLITE_OK);
  sqlite3_db_config(s, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
  ck_assert_int_eq(raw_exec(s, "PRAGMA user_version=99"), SQLITE_OK);
  sqlite3_close(s);
  char wal[700];
  snprintf(wal, sizeof wal, "%s-wal", dbfile(dir));
  size_t l0, l1, w0, w1;
  char *main0 = read_file(dbfile(dir), &l0), *wal0 = read_file(wal, &w0);
  ck_assert_uint_gt(w0, 0);
  struct kc_userdb *db;
  char err[1024];
  ck_assert_int_eq(kc_userdb_open(dir, migs, n_migs, &db, err, sizeof err), KC_UDB_ENEWER);
  ck_assert_ptr_nonnull(strstr(err, "99"));
  char *main1 = read_file(dbfile(dir), &l1), *wal1 = read_file(wal, &w1);
  ck_assert(l0 == l1 && memcmp(main0, main1, l0) == 0);
  ck_assert(w0 == w1 && memcmp(wal0, wal1, w0) == 0);
  free(main0), free(main1), free(wal0), free(wal1);
}
END_TEST

START_TEST(bad_open_arguments) {
  struct kc_userdb *db;
  char err[256];
  ck_assert_int_eq(kc_userdb_open(NULL, migs, n_migs, &db, err, sizeof err), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_open("", migs, n_migs, &db, err, sizeof err), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_open(tmp, migs, n_migs, NULL, err, sizeof err), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_open(tmp, migs + 1, 1, &db, err, sizeof err), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_open(tmp, NULL, 2, &db, NULL, 0), KC_UDB_EINVAL);
  struct kc_migration nosql[1] = {{1, "x", NULL}};
  ck_assert_int_eq(kc_userdb_open(tmp, nosql, 1, &db, err, sizeof err), KC_UDB_EINVAL);
  struct kc_migration broken[1] = {{1, "broken", "CREATE TABLE (;"}};
  ck_assert_int_eq(kc_userdb_open(sub("broken"), broken, 1, &db, err, sizeof err), KC_UDB_EIO);
  ck_assert_ptr_nonnull(strstr(err, "broken"));
  char longdir[5000];
  memset(longdir, 'x', sizeof longdir - 1);
  longdir[0] = '/';
  longdir[sizeof longdir - 1] = '\0';
  ck_assert_int_eq(kc_userdb_open(longdir, migs, n_migs, &db, err, sizeof err), KC_UDB_EINVAL);
  ck_assert_str_eq(kc_udb_status_name(KC_UDB_ENEWER), "enewer");
  ck_assert_str_eq(kc_udb_status_name(99), "unknown");
  /* NULL handles are refused, not crashed on */
  ck_assert_int_eq(kc_userdb_tick(NULL, 1, "ice", 1, NOW), KC_UDB_EINVAL);
  ck_assert_str_eq(kc_userdb_errmsg(NULL), "");
  kc_userdb_close(NULL);
}
END_TEST

/* ======================================================================
 * Opening: damaged files moved aside, never deleted
 * ====================================================================== */

static void expect_moved_aside(const char *dir, const char *reason, const char *old,
                               size_t oldlen) {
  struct kc_userdb *db = open_db(dir);
  ck_assert_msg(strstr(kc_userdb_warning(db), "moved to") != NULL, "warning: %s",
                kc_userdb_warning(db));
  ck_assert_msg(strstr(kc_userdb_warning(db), reason) != NULL, "warning lacks %s: %s", reason,
                kc_userdb_warning(db));
  /* One line, whatever SQLite's report looked like (F7): the sentence from
   * "damaged" to "nothing was deleted" holds no line break. */
  const char *said = strstr(kc_userdb_warning(db), "was damaged");
  ck_assert_ptr_nonnull(said);
  const char *end = strstr(said, "nothing was deleted"), *nl = strchr(said, '\n');
  ck_assert(end && (!nl || nl > end));
  char moved[700];
  ck_assert_int_eq(count_prefix(dir, KC_USERDB_FILE ".corrupt-", moved, sizeof moved), 1);
  size_t len;
  char *kept = read_file(moved, &len);
  ck_assert_uint_eq(len, oldlen);
  ck_assert(memcmp(kept, old, len) == 0);
  free(kept);
  /* the fresh file works and has nothing in it */
  struct kc_profile *ps;
  int n;
  ck_assert_int_eq(kc_userdb_profile_list(db, &ps, &n), OK);
  ck_assert_int_eq(n, 0);
  fill(db, "fresh");
  kc_userdb_close(db);
  assert_integrity(dir);
}

START_TEST(corrupt_not_a_database) {
  const char *dir = sub("garbage");
  mkdir(dir, 0700);
  char junk[5000];
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = "this is not a database\n"[i % 23];
  write_file(dbfile(dir), junk, sizeof junk);
  expect_moved_aside(dir, "not an SQLite database", junk, sizeof junk);
}
END_TEST

/* A database with enough pages to damage in interesting ways. */
static char *make_big_db(const char *dir, size_t *len) {
  struct kc_userdb *db = open_db(dir);
  int64_t pid;
  new_plan(db, "big", &pid);
  char text[3000];
  memset(text, 'w', sizeof text - 1);
  text[sizeof text - 1] = '\0';
  for (int i = 0; i < 40; i++)
    ck_assert_int_eq(kc_userdb_wizard_save(db, pid, NOW + i, text, KC_LEVEL_SOON, text, NULL), OK);
  kc_userdb_close(db); /* checkpoints: everything is in the main file */
  check_due_now(dir);  /* the damage below is found by the next check */
  return read_file(dbfile(dir), len);
}

START_TEST(corrupt_truncated) {
  const char *dir = sub("trunc");
  size_t len;
  char *full = make_big_db(dir, &len);
  ck_assert_uint_gt(len, 40000);
  const size_t cut = len / 3;
  ck_assert_int_eq(truncate(dbfile(dir), (off_t)cut), 0);
  expect_moved_aside(dir, "truncated", full, cut);
  free(full);
}
END_TEST

START_TEST(corrupt_garbage_pages) {
  const char *dir = sub("pages");
  size_t len;
  char *img = make_big_db(dir, &len);
  /* pages 2..5 hold the first tables' roots: fill them with garbage */
  for (size_t i = 4096; i < 5 * 4096 && i < len; i++) img[i] = (char)(0x5A ^ (i * 7));
  write_file(dbfile(dir), img, len);
  expect_moved_aside(dir, "integrity", img, len);
  free(img);
}
END_TEST

/* Deferred check: open fast, verify after the first frame. */
START_TEST(corrupt_found_by_deferred_verify) {
  const char *dir = sub("defer");
  size_t len;
  char *img = make_big_db(dir, &len);
  for (size_t i = 2 * 4096; i < 4 * 4096; i++) img[i] = (char)0xA5;
  write_file(dbfile(dir), img, len);
  struct kc_userdb *db = NULL;
  char err[1024];
  ck_assert_int_eq(
      kc_userdb_open_ex(dir, migs, n_migs, KC_USERDB_DEFER_CHECK, &db, err, sizeof err), OK);
  ck_assert_str_eq(kc_userdb_warning(db), "");
  ck_assert_int_eq(kc_userdb_verify(db), OK);
  ck_assert_ptr_nonnull(strstr(kc_userdb_warning(db), "moved to"));
  ck_assert_int_eq(count_prefix(dir, KC_USERDB_FILE ".corrupt-", NULL, 0), 1);
  fill(db, "after");
  ck_assert_int_eq(kc_userdb_verify(db), OK); /* healthy now: nothing more moved */
  ck_assert_int_eq(count_prefix(dir, KC_USERDB_FILE ".corrupt-", NULL, 0), 1);
  kc_userdb_close(db);
  free(img);
}
END_TEST

/* Damaged twice within a second: both copies are kept under distinct names;
 * a stale -wal goes with its file rather than into the fresh one. */
START_TEST(corrupt_twice_and_wal_kept) {
  const char *dir = sub("twice");
  mkdir(dir, 0700);
  char wal[700];
  snprintf(wal, sizeof wal, "%s-wal", dbfile(dir));
  for (int i = 0; i < 2; i++) {
    char junk[200];
    snprintf(junk, sizeof junk,
             "junk number %d, long enough to be more than one hundred bytes "
             "so that only the magic string gives it away............",
             i);
    write_file(dbfile(dir), junk, strlen(junk));
    write_file(wal, "stale wal", 9);
    struct kc_userdb *db = open_db(dir);
    kc_userdb_close(db);
  }
  ck_assert_int_eq(count_prefix(dir, KC_USERDB_FILE ".corrupt-", NULL, 0), 2);
  /* each stale -wal went aside with its file */
  DIR *d = opendir(dir);
  int wals = 0;
  struct dirent *e;
  while ((e = readdir(d))) wals += strstr(e->d_name, ".corrupt-") && ends_with(e->d_name, "-wal");
  closedir(d);
  ck_assert_int_eq(wals, 2);
  assert_integrity(dir);
}
END_TEST

/* ======================================================================
 * Opening: unsafe paths and permissions
 * ====================================================================== */

START_TEST(symlink_refused) {
  const char *dir = sub("link");
  mkdir(dir, 0700);
  const char *target = sub("someone-elses.db");
  write_file(target, "private", 7);
  ck_assert_int_eq(symlink(target, dbfile(dir)), 0);
  struct kc_userdb *db = NULL;
  char err[1024];
  ck_assert_int_eq(kc_userdb_open(dir, migs, n_migs, &db, err, sizeof err), KC_UDB_EUNSAFE);
  ck_assert_ptr_null(db);
  ck_assert_ptr_nonnull(strstr(err, "symbolic link"));
  size_t len;
  char *s = read_file(target, &len);
  ck_assert(len == 7 && memcmp(s, "private", 7) == 0);
  free(s);
  /* a dangling link is refused too, and stays a link */
  unlink(target);
  ck_assert_int_eq(kc_userdb_open(dir, migs, n_migs, &db, err, sizeof err), KC_UDB_EUNSAFE);
  struct stat st;
  ck_assert_int_eq(lstat(dbfile(dir), &st), 0);
  ck_assert(S_ISLNK(st.st_mode));
  ck_assert(!exists(target));
}
END_TEST

START_TEST(directory_and_fifo_refused) {
  const char *dir = sub("dirfile");
  mkdir(dir, 0700);
  ck_assert_int_eq(mkdir(dbfile(dir), 0700), 0);
  struct kc_userdb *db = NULL;
  char err[1024];
  ck_assert_int_eq(kc_userdb_open(dir, migs, n_migs, &db, err, sizeof err), KC_UDB_EUNSAFE);
  ck_assert_ptr_nonnull(strstr(err, "is a directory"));
  const char *dir2 = sub("fifo");
  mkdir(dir2, 0700);
  ck_assert_int_eq(mkfifo(dbfile(dir2), 0600), 0);
  ck_assert_int_eq(kc_userdb_open(dir2, migs, n_migs, &db, err, sizeof err), KC_UDB_EUNSAFE);
  /* the data directory itself being a file */
  const char *notdir = sub("plainfile");
  write_file(notdir, "x", 1);
  ck_assert_int_ne(kc_userdb_open(notdir, migs, n_migs, &db, err, sizeof err), OK);
}
END_TEST

START_TEST(open_permissions_reported) {
  const char *dir = sub("loose");
  kc_userdb_close(open_db(dir));
  ck_assert_int_eq(chmod(dir, 0777), 0);
  ck_assert_int_eq(chmod(dbfile(dir), 0666), 0);
  struct kc_userdb *db = open_db(dir);
  const char *w = kc_userdb_warning(db);
  ck_assert_ptr_nonnull(strstr(w, "directory"));
  ck_assert_ptr_nonnull(strstr(w, "can be written by other users"));
  ck_assert_ptr_nonnull(strstr(w, "chmod 600"));
  kc_userdb_close(db);
  ck_assert_int_eq(chmod(dir, 0700), 0);
  ck_assert_int_eq(chmod(dbfile(dir), 0644), 0);
  db = open_db(dir);
  ck_assert_ptr_nonnull(strstr(kc_userdb_warning(db), "can be read by other users"));
  kc_userdb_close(db);
}
END_TEST

/* An existing file opened where nothing may be written: reads work, and
 * every write is refused with a message saying why, nothing written. */
static int readonly_reads_work(const char *dir, const char *why_has) {
  struct kc_userdb *db = NULL;
  char err[1024];
  int rc = kc_userdb_open(dir, migs, n_migs, &db, err, sizeof err);
  if (rc != OK) return fprintf(stderr, "%s: open %d %s\n", dir, rc, err), 1;
  int bad = 0;
  const char *why = kc_userdb_readonly(db);
  if (!why || !strstr(why, why_has)) bad = 2, fprintf(stderr, "%s: why %s\n", dir, why);
  struct kc_profile *list = NULL, p;
  int n = 0;
  if (kc_userdb_profile_list(db, &list, &n) != OK || n != 1) bad = 3;
  free(list);
  rc = kc_userdb_profile_create(db, "z", NOW, &p);
  if (rc != KC_UDB_EACCESS || !strstr(kc_userdb_errmsg(db), "Nothing was saved") ||
      !strstr(kc_userdb_errmsg(db), why_has))
    bad = 4, fprintf(stderr, "%s: write %d %s\n", dir, rc, kc_userdb_errmsg(db));
  kc_userdb_close(db);
  return bad;
}

/* Read-only places, run in a child that can drop root (root ignores file
 * permissions). Returns a bit per failed expectation. Issue 13 (F9)
 * changed cases 2 and 3: a read-only directory or file with a database in
 * it now opens read-only (reads work, writes refused) instead of failing. */
static int readonly_scenario(const char *base, bool enforce) {
  int bad = 0;
  char ro[600], rw[600], rofile[600], err[1024];
  struct kc_userdb *db = NULL;
  snprintf(ro, sizeof ro, "%s/ro", base);
  snprintf(rw, sizeof rw, "%s/rw", base);
  snprintf(rofile, sizeof rofile, "%s/rofile", base);
  /* 1: a read-only directory, no file yet: nothing to read, cannot create */
  mkdir(ro, 0700);
  chmod(ro, 0500);
  int rc = kc_userdb_open(ro, migs, n_migs, &db, err, sizeof err);
  if (enforce && rc != KC_UDB_EACCESS) bad |= 1, fprintf(stderr, "ro dir: %d %s\n", rc, err);
  if (rc == OK) kc_userdb_close(db);
  /* 2: an existing database in a directory made read-only later */
  if (kc_userdb_open(rw, migs, n_migs, &db, err, sizeof err) != OK) return 64;
  struct kc_profile p;
  kc_userdb_profile_create(db, "x", NOW, &p);
  kc_userdb_close(db);
  chmod(rw, 0500);
  if (enforce && readonly_reads_work(rw, "read-only")) bad |= 2;
  /* 3: a read-only file in a writable directory */
  if (kc_userdb_open(rofile, migs, n_migs, &db, err, sizeof err) != OK) return 64;
  kc_userdb_profile_create(db, "x", NOW, &p);
  kc_userdb_close(db);
  char f[700];
  snprintf(f, sizeof f, "%s/%s", rofile, KC_USERDB_FILE);
  chmod(f, 0400);
  if (enforce && readonly_reads_work(rofile, "chmod 600")) bad |= 4;
  /* 4: a directory that turns read-only while open: writes fail cleanly */
  char live[600];
  snprintf(live, sizeof live, "%s/live", base);
  if (kc_userdb_open(live, migs, n_migs, &db, err, sizeof err) != OK) return 64;
  kc_userdb_profile_create(db, "y", NOW, &p);
  chmod(live, 0500);
  rc = kc_userdb_profile_create(db, "z", NOW, &p); /* may still work: the files exist */
  (void)rc;
  kc_userdb_close(db);
  chmod(ro, 0700), chmod(rw, 0700), chmod(live, 0700);
  return bad;
}

START_TEST(readonly_places_give_errors) {
  char base[300];
  snprintf(base, sizeof base, "%s/ro-base", tmp);
  mkdir(base, 0700);
  bool can_drop = false;
  if (geteuid() == 0) can_drop = chown(tmp, 65534, 65534) == 0 && chown(base, 65534, 65534) == 0;
  const pid_t pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    bool enforce = geteuid() != 0;
    if (can_drop && setgid(65534) == 0 && setuid(65534) == 0) enforce = true;
    /* as root nothing is refused: the point is then only "no crash" */
    _exit(readonly_scenario(base, enforce));
  }
  int status;
  ck_assert_int_eq(waitpid(pid, &status, 0), pid);
  ck_assert_msg(WIFEXITED(status), "the read-only scenario crashed (signal %d)",
                WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  ck_assert_msg(WEXITSTATUS(status) == 0, "read-only scenario failures: %d", WEXITSTATUS(status));
  if (geteuid() == 0 && !can_drop) fprintf(stderr, "note: root, permission checks skipped\n");
}
END_TEST

/* ---- a full disk ----
 * Two simulations, each in a child process:
 * - a VFS shim over SQLite's "unix" VFS that answers SQLITE_FULL once a
 *   byte budget is spent, exactly what the unix VFS answers on ENOSPC;
 * - RLIMIT_FSIZE, a real OS write failure (EFBIG), which SQLite reports as
 *   a plain I/O error (it keeps the errno only for ENOSPC).
 * Either way: an error with a message, nothing partial stored, and once
 * there is room again writing works and the file is intact. */

struct shim_file {
  sqlite3_file base;
  sqlite3_file *under; /* the real file, allocated right after this struct */
};
static sqlite3_vfs *real_vfs;
static long long write_budget = -1; /* bytes left; -1 = unlimited */

#define UNDER(f) (((struct shim_file *)(f))->under)
static int s_close(sqlite3_file *f) { return UNDER(f)->pMethods->xClose(UNDER(f)); }
static int s_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o) {
  return UNDER(f)->pMethods->xRead(UNDER(f), b, n, o);
}
static int s_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o) {
  if (write_budget >= 0) {
    if (write_budget < n) return SQLITE_FULL;
    write_budget -= n;
  }
  return UNDER(f)->pMethods->xWrite(UNDER(f), b, n, o);
}
static int s_truncate(sqlite3_file *f, sqlite3_int64 sz) {
  return UNDER(f)->pMethods->xTruncate(UNDER(f), sz);
}
static int s_sync(sqlite3_file *f, int fl) { return UNDER(f)->pMethods->xSync(UNDER(f), fl); }
static int s_size(sqlite3_file *f, sqlite3_int64 *sz) {
  return UNDER(f)->pMethods->xFileSize(UNDER(f), sz);
}
static int s_lock(sqlite3_file *f, int l) { return UNDER(f)->pMethods->xLock(UNDER(f), l); }
static int s_unlock(sqlite3_file *f, int l) { return UNDER(f)->pMethods->xUnlock(UNDER(f), l); }
static int s_reserved(sqlite3_file *f, int *r) {
  return UNDER(f)->pMethods->xCheckReservedLock(UNDER(f), r);
}
static int s_fcntl(sqlite3_file *f, int op, void *a) {
  return UNDER(f)->pMethods->xFileControl(UNDER(f), op, a);
}
static int s_sector(sqlite3_file *f) { return UNDER(f)->pMethods->xSectorSize(UNDER(f)); }
static int s_devchar(sqlite3_file *f) {
  return UNDER(f)->pMethods->xDeviceCharacteristics(UNDER(f));
}
static int s_shmmap(sqlite3_file *f, int i, int sz, int w, void volatile **pp) {
  return UNDER(f)->pMethods->xShmMap(UNDER(f), i, sz, w, pp);
}
static int s_shmlock(sqlite3_file *f, int o, int n, int fl) {
  return UNDER(f)->pMethods->xShmLock(UNDER(f), o, n, fl);
}
static void s_shmbarrier(sqlite3_file *f) { UNDER(f)->pMethods->xShmBarrier(UNDER(f)); }
static int s_shmunmap(sqlite3_file *f, int del) {
  return UNDER(f)->pMethods->xShmUnmap(UNDER(f), del);
}
static int s_fetch(sqlite3_file *f, sqlite3_int64 o, int n, void **pp) {
  return UNDER(f)->pMethods->xFetch(UNDER(f), o, n, pp);
}
static int s_unfetch(sqlite3_file *f, sqlite3_int64 o, void *p) {
  return UNDER(f)->pMethods->xUnfetch(UNDER(f), o, p);
}
static const sqlite3_io_methods shim_io = {
    3,         s_close,      s_read,     s_write, s_truncate, s_sync,    s_size,
    s_lock,    s_unlock,     s_reserved, s_fcntl, s_sector,   s_devchar, s_shmmap,
    s_shmlock, s_shmbarrier, s_shmunmap, s_fetch, s_unfetch};

static int shim_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out) {
  (void)vfs;
  struct shim_file *sf = (struct shim_file *)f;
  sf->under = (sqlite3_file *)(sf + 1);
  const int rc = real_vfs->xOpen(real_vfs, name, sf->under, flags, out);
  sf->base.pMethods = rc == SQLITE_OK ? &shim_io : NULL;
  return rc;
}

static void install_full_disk_vfs(void) {
  static sqlite3_vfs shim;
  real_vfs = sqlite3_vfs_find("unix");
  shim = *real_vfs;
  shim.zName = "kc-full-disk";
  shim.szOsFile = (int)sizeof(struct shim_file) + real_vfs->szOsFile;
  shim.xOpen = shim_open;
  sqlite3_vfs_register(&shim, 1);
}

/* Saves big wizard runs until a write fails; checks the failure and what
 * is left. `limit` runs the loop with the limit applied, `unlimit` lifts
 * it. Returns 0 or a step number for the parent to report. */
static int fill_until_full(const char *dir, int expect, void (*limit)(void),
                           void (*unlimit)(void)) {
  struct kc_userdb *db = NULL;
  char err[1024];
  if (kc_userdb_open(dir, migs, n_migs, &db, err, sizeof err) != OK) return 1;
  struct kc_profile p;
  if (kc_userdb_profile_create(db, "full", NOW, &p) != OK) return 2;
  char *text = malloc(16001);
  memset(text, 'n', 16000);
  text[16000] = '\0';
  limit();
  int saved = 0, rc = OK;
  for (int i = 0; i < 500 && rc == OK; i++) {
    rc = kc_userdb_wizard_save(db, p.id, NOW + i, text, KC_LEVEL_SOON, "", NULL);
    if (rc == OK) saved++;
  }
  fprintf(stderr, "full disk (%s): %d saved, then %s: %s\n",
          expect == KC_UDB_EFULL ? "vfs" : "rlimit", saved, kc_udb_status_name(rc),
          kc_userdb_errmsg(db));
  if (rc != expect && !(expect == KC_UDB_EIO && rc == KC_UDB_EFULL)) return 3;
  if (strlen(kc_userdb_errmsg(db)) < 20) return 4;
  if (expect == KC_UDB_EFULL && !strstr(kc_userdb_errmsg(db), "disk is full")) return 5;
  /* reads still work, and nothing half-written is there */
  struct kc_wizard_run *runs;
  int n;
  if (kc_userdb_wizard_list(db, p.id, 0, &runs, &n) != OK) return 6;
  kc_userdb_wizard_runs_free(runs, n);
  if (n != saved) return fprintf(stderr, "saved %d, found %d\n", saved, n), 7;
  unlimit();
  if (kc_userdb_wizard_save(db, p.id, NOW, "after", KC_LEVEL_SOON, "", NULL) != OK) return 8;
  if (kc_userdb_check(db, 1) != OK) return 9;
  kc_userdb_close(db);
  free(text);
  return 0;
}

static void budget_on(void) { write_budget = 300 * 1024; }
static void budget_off(void) { write_budget = -1; }
static struct rlimit saved_fsize;
static void rlimit_on(void) {
  signal(SIGXFSZ, SIG_IGN);
  getrlimit(RLIMIT_FSIZE, &saved_fsize);
  struct rlimit lim = saved_fsize;
  lim.rlim_cur = 256 * 1024;
  setrlimit(RLIMIT_FSIZE, &lim);
}
static void rlimit_off(void) { setrlimit(RLIMIT_FSIZE, &saved_fsize); }

static void run_child_scenario(int (*fn)(const char *), const char *dir) {
  const pid_t pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) _exit(fn(dir));
  int status;
  ck_assert_int_eq(waitpid(pid, &status, 0), pid);
  ck_assert_msg(WIFEXITED(status), "scenario crashed with signal %d", WTERMSIG(status));
  ck_assert_msg(WEXITSTATUS(status) == 0, "scenario failed at step %d", WEXITSTATUS(status));
  assert_integrity(dir);
}

static int vfs_full(const char *dir) {
  install_full_disk_vfs();
  return fill_until_full(dir, KC_UDB_EFULL, budget_on, budget_off);
}

static int rlimit_full(const char *dir) {
  return fill_until_full(dir, KC_UDB_EIO, rlimit_on, rlimit_off);
}

START_TEST(full_disk_gives_error) {
  run_child_scenario(vfs_full, sub("fullvfs"));
  run_child_scenario(rlimit_full, sub("fullrlimit"));
}
END_TEST

START_TEST(default_locations) {
  char buf[512];
  setenv("KNEECARE_DATA_DIR", "/somewhere/data", 1);
  ck_assert_int_eq(kc_userdb_default_dir(buf, sizeof buf), OK);
  ck_assert_str_eq(buf, "/somewhere/data");
  unsetenv("KNEECARE_DATA_DIR");
  setenv("XDG_DATA_HOME", "/xdg", 1);
  ck_assert_int_eq(kc_userdb_default_dir(buf, sizeof buf), OK);
  ck_assert_str_eq(buf, "/xdg/kneecare");
  setenv("XDG_DATA_HOME", "relative/ignored", 1);
  setenv("HOME", "/home/runner", 1);
  ck_assert_int_eq(kc_userdb_default_dir(buf, sizeof buf), OK);
  ck_assert_str_eq(buf, "/home/runner/.local/share/kneecare");
  unsetenv("XDG_DATA_HOME");
  ck_assert_int_eq(kc_userdb_default_dir(buf, 10), KC_UDB_EINVAL);
  unsetenv("HOME");
  kc_userdb_default_dir(buf, sizeof buf); /* from the password file, or EINVAL: no crash */
  kc_userdb_default_profile_name(buf, sizeof buf);
  ck_assert(kc_profile_name_check(buf, NULL, 0));
}
END_TEST

/* ======================================================================
 * The integrity check runs when it is worth it (issue 14)
 * ====================================================================== */

static struct kc_userdb_check_info check_info_of(struct kc_userdb *db) {
  struct kc_userdb_check_info info;
  kc_userdb_check_info(db, &info);
  return info;
}

/* A child that writes and then dies without closing: its -wal keeps data
 * that nobody has open, as after a crash or a power cut. */
static void write_and_die(const char *dir) {
  const pid_t pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    struct kc_userdb *db = NULL;
    char err[512];
    if (kc_userdb_open(dir, migs, n_migs, &db, err, sizeof err) != OK) _exit(1);
    struct kc_profile p;
    _exit(kc_userdb_profile_get_or_create(db, "crashed", NOW, &p) == OK ? 0 : 2);
  }
  int status;
  ck_assert_int_eq(waitpid(pid, &status, 0), pid);
  ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* A child's verdict on opening dir while its parent holds it open. */
static int child_open_info(const char *dir, bool *ran, bool *unclean) {
  int p[2];
  ck_assert_int_eq(pipe(p), 0);
  const pid_t pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    struct kc_userdb *db = NULL;
    char err[512];
    if (kc_userdb_open(dir, migs, n_migs, &db, err, sizeof err) != OK) _exit(1);
    const struct kc_userdb_check_info info = check_info_of(db);
    const char r[2] = {(char)info.ran, (char)info.unclean};
    _exit(write(p[1], r, 2) == 2 ? 0 : 3);
  }
  close(p[1]);
  char r[2] = {0, 0};
  const ssize_t got = read(p[0], r, 2);
  close(p[0]);
  int status;
  ck_assert_int_eq(waitpid(pid, &status, 0), pid);
  *ran = r[0], *unclean = r[1];
  return got == 2 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

START_TEST(check_runs_when_worth_it) {
  const char *dir = sub("when");
  /* A new file: nothing to check, and the next day's check is a day away. */
  struct kc_userdb *db = open_db(dir);
  struct kc_userdb_check_info info = check_info_of(db);
  ck_assert(!info.ran && !info.due && !info.unclean);
  ck_assert_int_ge(info.last_at, time(NULL) - 60);
  fill(db, "runner");
  kc_userdb_close(db);
  /* Closed cleanly, checked recently: the next open reads no extra page. */
  db = open_db(dir);
  info = check_info_of(db);
  ck_assert(!info.ran && !info.due && !info.unclean);
  kc_userdb_close(db);
  /* A day since the last check: it runs once and is remembered. */
  check_due_now(dir);
  db = open_db(dir);
  info = check_info_of(db);
  ck_assert(info.ran && !info.due);
  ck_assert_int_ge(info.last_at, time(NULL) - 60);
  kc_userdb_close(db);
  db = open_db(dir);
  ck_assert(!check_info_of(db).ran);
  kc_userdb_close(db);
  /* The last kneecare died with data in the -wal: the next open checks. */
  write_and_die(dir);
  db = open_db(dir);
  info = check_info_of(db);
  ck_assert(info.unclean && info.ran);
  struct kc_profile p;
  ck_assert_int_eq(kc_userdb_profile_get(db, "crashed", &p), OK); /* its commit kept */
  /* ... but not while another kneecare has it open: its -wal is in use. */
  ck_assert_int_eq(kc_userdb_profile_create(db, "busy", NOW, &p), OK);
  bool ran = true, unclean = true;
  ck_assert_int_eq(child_open_info(dir, &ran, &unclean), 0);
  ck_assert(!ran && !unclean);
  kc_userdb_close(db);
  /* Deferred: due, not run until kc_userdb_verify(). */
  check_due_now(dir);
  ck_assert_int_eq(kc_userdb_open_ex(dir, migs, n_migs, KC_USERDB_DEFER_CHECK, &db, NULL, 0), OK);
  info = check_info_of(db);
  ck_assert(info.due && !info.ran);
  ck_assert_int_eq(kc_userdb_verify(db), OK);
  info = check_info_of(db);
  ck_assert(info.ran && !info.due);
  /* On demand, the full check, whenever asked. */
  ck_assert_int_eq(kc_userdb_verify_ex(db, KC_USERDB_VERIFY_FORCE | KC_USERDB_VERIFY_FULL), OK);
  ck_assert_str_eq(kc_userdb_warning(db), "");
  kc_userdb_close(db);
}
END_TEST

/* Persistent WAL: a start neither creates nor deletes the -wal and -shm;
 * a clean close leaves the -wal empty. */
START_TEST(wal_files_kept_between_runs) {
  const char *dir = sub("persist");
  struct kc_userdb *db = open_db(dir);
  fill(db, "runner");
  kc_userdb_close(db);
  char wal[700], shm[700];
  snprintf(wal, sizeof wal, "%s-wal", dbfile(dir));
  snprintf(shm, sizeof shm, "%s-shm", dbfile(dir));
  struct stat w0, s0, w1, s1;
  ck_assert_int_eq(stat(wal, &w0), 0);
  ck_assert_int_eq(stat(shm, &s0), 0);
  ck_assert_int_eq(w0.st_size, 0);
  ck_assert_int_eq(w0.st_mode & 0777, 0600);
  ck_assert_int_eq(s0.st_mode & 0777, 0600);
  db = open_db(dir);
  struct kc_profile p;
  ck_assert_int_eq(kc_userdb_profile_get(db, "runner", &p), OK);
  ck_assert_int_eq(kc_userdb_profile_create(db, "second", NOW, &p), OK);
  kc_userdb_close(db);
  ck_assert_int_eq(stat(wal, &w1), 0);
  ck_assert_int_eq(stat(shm, &s1), 0);
  ck_assert_int_eq(w0.st_ino, w1.st_ino); /* the same files, not new ones */
  ck_assert_int_eq(s0.st_ino, s1.st_ino);
  ck_assert_int_eq(w1.st_size, 0);
  assert_integrity(dir);
}
END_TEST

/* ======================================================================
 * Damaged and unusual files get a message saying what and what to do
 * (issue 13, F7 and F9)
 * ====================================================================== */

static void patch_header(const char *dir, size_t offset, const unsigned char *bytes, size_t n) {
  const int fd = open(dbfile(dir), O_WRONLY);
  ck_assert_int_ge(fd, 0);
  ck_assert_int_eq(pwrite(fd, bytes, n, (off_t)offset), (ssize_t)n);
  close(fd);
}

START_TEST(newer_file_format_read_only_or_refused) {
  /* Write version 3: SQLite can read it but not write it. */
  const char *dir = sub("fmt-write");
  struct kc_userdb *db = open_db(dir);
  fill(db, "runner");
  kc_userdb_close(db);
  patch_header(dir, 18, (const unsigned char[]){3}, 1);
  char *before = dir_listing(dir);
  db = open_db(dir);
  ck_assert_ptr_nonnull(strstr(kc_userdb_readonly(db), "newer file format"));
  struct kc_profile p;
  ck_assert_int_eq(kc_userdb_profile_get(db, "runner", &p), OK);
  ck_assert_int_eq(kc_userdb_profile_create(db, "other", NOW, &p), KC_UDB_EACCESS);
  ck_assert_ptr_nonnull(strstr(kc_userdb_errmsg(db), "newer file format"));
  ck_assert_ptr_null(strstr(kc_userdb_errmsg(db), "read-only?"));
  kc_userdb_close(db);
  char *after = dir_listing(dir);
  ck_assert_str_eq(before, after);
  free(before), free(after);
  /* Read version 3: cannot even be read; refused untouched. */
  const char *dir2 = sub("fmt-read");
  db = open_db(dir2);
  kc_userdb_close(db);
  patch_header(dir2, 18, (const unsigned char[]){3, 3}, 2);
  before = dir_listing(dir2);
  char err[1024];
  ck_assert_int_eq(kc_userdb_open(dir2, migs, n_migs, &db, err, sizeof err), KC_UDB_ENEWER);
  ck_assert_ptr_nonnull(strstr(err, "newer file format"));
  ck_assert_ptr_nonnull(strstr(err, "left untouched"));
  after = dir_listing(dir2);
  ck_assert_str_eq(before, after);
  free(before), free(after);
}
END_TEST

START_TEST(negative_version_moved_aside) {
  const char *dir = sub("negative");
  struct kc_userdb *db = open_db(dir);
  fill(db, "runner");
  kc_userdb_close(db);
  patch_header(dir, 60, (const unsigned char[]){0xff, 0xff, 0xff, 0xff}, 4);
  size_t len;
  char *old = read_file(dbfile(dir), &len);
  expect_moved_aside(dir, "data version is -1", old, len);
  free(old);
}
END_TEST

START_TEST(links_beside_the_file_refused) {
  static const char *const sides[] = {"-wal", "-shm", "-journal"};
  for (size_t i = 0; i < 3; i++) {
    char name[32];
    snprintf(name, sizeof name, "side%zu", i);
    const char *dir = sub(name);
    kc_userdb_close(open_db(dir));
    char side[700], target[700];
    snprintf(side, sizeof side, "%s%s", dbfile(dir), sides[i]);
    snprintf(target, sizeof target, "%s/victim", dir);
    write_file(target, "victim", 6);
    unlink(side);
    if (i == 1)
      ck_assert_int_eq(link(target, side), 0); /* a hard link is refused too */
    else
      ck_assert_int_eq(symlink(target, side), 0);
    struct kc_userdb *db = NULL;
    char err[1024];
    ck_assert_int_eq(kc_userdb_open(dir, migs, n_migs, &db, err, sizeof err), KC_UDB_EUNSAFE);
    ck_assert_msg(strstr(err, side) != NULL, "the message does not name %s: %s", side, err);
    ck_assert_ptr_nonnull(strstr(err, "Move it away"));
    size_t len;
    char *v = read_file(target, &len);
    ck_assert(len == 6 && memcmp(v, "victim", 6) == 0);
    free(v);
  }
}
END_TEST

START_TEST(hard_linked_file_refused) {
  const char *dir = sub("hardlink");
  kc_userdb_close(open_db(dir));
  char other[700];
  snprintf(other, sizeof other, "%s/other-name.db", tmp);
  ck_assert_int_eq(link(dbfile(dir), other), 0);
  struct kc_userdb *db = NULL;
  char err[1024];
  ck_assert_int_eq(kc_userdb_open(dir, migs, n_migs, &db, err, sizeof err), KC_UDB_EUNSAFE);
  ck_assert_ptr_nonnull(strstr(err, "hard links"));
  ck_assert_int_eq(unlink(other), 0);
  db = open_db(dir); /* one name again: fine */
  kc_userdb_close(db);
}
END_TEST

/* Review F7: a long data path and a damaged schema whose names fill the
 * reason; the warning still ends with the full name the file was moved
 * to, and says what happened once. */
START_TEST(moved_aside_message_names_the_file) {
  char dir[1024];
  snprintf(dir, sizeof dir, "%s", tmp);
  for (int i = 0; i < 6; i++) {
    const size_t l = strlen(dir);
    snprintf(dir + l, sizeof dir - l, "/%.60s",
             "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd");
  }
  struct kc_userdb *db = open_db(dir);
  kc_userdb_close(db);
  check_due_now(dir);
  sqlite3 *s = raw(dir);
  ck_assert_int_eq(raw_exec(s, "CREATE TABLE t(a UNIQUE)"), SQLITE_OK);
  sqlite3_db_config(s, SQLITE_DBCONFIG_DEFENSIVE, 0, (int *)NULL);
  ck_assert_int_eq(raw_exec(s, "PRAGMA writable_schema=ON"), SQLITE_OK);
  ck_assert_int_eq(raw_exec(s, "DELETE FROM sqlite_master WHERE type = 'table' AND name = 't'"),
                   SQLITE_OK);
  sqlite3_close(s);
  db = open_db(dir);
  const char *w = kc_userdb_warning(db);
  char moved[1200];
  ck_assert_int_eq(count_prefix(dir, KC_USERDB_FILE ".corrupt-", moved, sizeof moved), 1);
  ck_assert_msg(strstr(w, moved) != NULL, "warning lacks %s: %s", moved, w);
  ck_assert_ptr_nonnull(strstr(w, "orphan index"));
  ck_assert_ptr_nonnull(strstr(w, "nothing was deleted"));
  ck_assert_ptr_null(strstr(w, "Restart"));
  ck_assert_ptr_null(strchr(w, '\n'));
  kc_userdb_close(db);
}
END_TEST

/* Review F8: many processes making the same new file at once, some killed
 * while they do: none of the others fails on a lock it could wait out. */
#define STORM_ROUNDS 12
#define STORM_PROCS 12

START_TEST(first_use_storm_with_kills) {
  srand((unsigned)time(NULL));
  int kills = 0, failures = 0;
  for (int round = 0; round < STORM_ROUNDS; round++) {
    char name[32];
    snprintf(name, sizeof name, "storm%d/data", round);
    const char *dir = sub(name);
    pid_t pids[STORM_PROCS];
    for (int i = 0; i < STORM_PROCS; i++) {
      pids[i] = fork();
      ck_assert_int_ge(pids[i], 0);
      if (pids[i] == 0) {
        struct kc_userdb *db = NULL;
        char err[1024], who[16];
        int rc = kc_userdb_open(dir, migs, n_migs, &db, err, sizeof err);
        if (rc != OK) fprintf(stderr, "storm: open: %s\n", err);
        snprintf(who, sizeof who, "u%d", i);
        struct kc_profile p;
        if (rc == OK && (rc = kc_userdb_profile_get_or_create(db, who, NOW, &p)) != OK)
          fprintf(stderr, "storm: %s\n", kc_userdb_errmsg(db));
        _exit(rc);
      }
    }
    for (int i = 0; i < STORM_PROCS; i++)
      if (rand() % 3 == 0) {
        nanosleep(&(struct timespec){.tv_nsec = (long)(rand() % 20000) * 1000}, NULL);
        kill(pids[i], SIGKILL);
      }
    for (int i = 0; i < STORM_PROCS; i++) {
      int status;
      ck_assert_int_eq(waitpid(pids[i], &status, 0), pids[i]);
      if (WIFSIGNALED(status))
        kills++;
      else if (WEXITSTATUS(status) != 0)
        failures++;
    }
    ck_assert_int_eq(count_prefix(dir, KC_USERDB_FILE ".corrupt", NULL, 0), 0);
    assert_integrity(dir);
  }
  printf("first-use storm: %d rounds of %d processes, %d killed, %d failed\n", STORM_ROUNDS,
         STORM_PROCS, kills, failures);
  ck_assert_int_eq(failures, 0);
}
END_TEST

/* ======================================================================
 * Many processes, and SIGKILL at random points
 * ====================================================================== */

#define WORKERS 10
#define WORKER_TICKS 40

static int worker(const char *dir, int w) {
  struct kc_userdb *db = NULL;
  char err[1024];
  int rc = kc_userdb_open(dir, migs, n_migs, &db, err, sizeof err);
  if (rc != OK) return fprintf(stderr, "worker %d open: %s\n", w, err), 10 + rc;
  struct kc_profile p;
  if ((rc = kc_userdb_profile_get_or_create(db, "same-user", NOW, &p)) != OK) goto out;
  struct kc_plan plan;
  rc = kc_userdb_plan_start(db, p.id, DAY0, NOW, &plan);
  if (rc == KC_UDB_EEXISTS) rc = kc_userdb_plan_active(db, p.id, &plan);
  if (rc != OK) goto out;
  for (int i = 0; i < WORKER_TICKS && rc == OK; i++) {
    char task[32];
    snprintf(task, sizeof task, "w%d-%d", w, i);
    rc = kc_userdb_tick(db, plan.id, task, 1 + i % 3, ON_DAY(3));
    struct kc_tick *t;
    int n;
    if (rc == OK && (rc = kc_userdb_ticks(db, plan.id, &t, &n)) == OK) free(t);
    if (rc == OK && i % 10 == 0) rc = kc_userdb_ice_add(db, plan.id, 1, ON_DAY(3), 20, NULL);
  }
out:
  if (rc != OK) fprintf(stderr, "worker %d: %s\n", w, kc_userdb_errmsg(db));
  kc_userdb_close(db);
  return rc;
}

/* Ten instances of one user, starting together on a directory that does
 * not exist yet: one creates it, all tick the same plan, none sees
 * "database is locked", no tick is lost. */
START_TEST(ten_processes_one_user) {
  const char *dir = sub("ten");
  pid_t pids[WORKERS];
  for (int w = 0; w < WORKERS; w++) {
    pids[w] = fork();
    ck_assert_int_ge(pids[w], 0);
    if (pids[w] == 0) _exit(worker(dir, w));
  }
  for (int w = 0; w < WORKERS; w++) {
    int status;
    ck_assert_int_eq(waitpid(pids[w], &status, 0), pids[w]);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "worker %d failed: %s", w,
                  WIFEXITED(status) ? kc_udb_status_name(WEXITSTATUS(status)) : "signal");
  }
  sqlite3 *s = raw(dir);
  ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM profile"), 1);
  ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM plan"), 1);
  ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM tick"), WORKERS * WORKER_TICKS);
  ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM ice_session"), WORKERS * WORKER_TICKS / 10);
  sqlite3_close(s);
  assert_integrity(dir);
}
END_TEST

#define KILLS 200

/* Child: open, then tick new tasks forever, reporting each tick only after
 * kc_userdb_tick() returned OK (committed). */
static void ticker(const char *dir, int64_t plan, int round, int fd) {
  struct kc_userdb *db = NULL;
  char err[1024];
  if (kc_userdb_open(dir, migs, n_migs, &db, err, sizeof err) != OK) {
    dprintf(fd, "E open %s\n", err);
    _exit(3);
  }
  for (int i = 0; i < 1000000; i++) {
    char task[32];
    snprintf(task, sizeof task, "k%d-%d", round, i);
    const int rc = kc_userdb_tick(db, plan, task, 1, NOW);
    if (rc != OK) {
      dprintf(fd, "E tick %s\n", kc_userdb_errmsg(db));
      _exit(4);
    }
    dprintf(fd, "%s\n", task);
  }
  _exit(0);
}

struct confirmed {
  char (*ids)[32];
  int n, cap;
};

/* Reads whole lines from the dead child's pipe; a cut last line (killed
 * mid-report) is ignored: it was never confirmed. */
static void collect(int fd, struct confirmed *c, int round) {
  static char buf[1 << 20];
  size_t len = 0;
  ssize_t got;
  while (len < sizeof buf - 1 && (got = read(fd, buf + len, sizeof buf - 1 - len)) > 0)
    len += (size_t)got;
  buf[len] = '\0';
  char *line = buf, *nl;
  while ((nl = strchr(line, '\n'))) {
    *nl = '\0';
    if (line[0] == 'E') ck_abort_msg("round %d: child reported an error: %s", round, line);
    if (c->n == c->cap) {
      c->cap = c->cap ? c->cap * 2 : 4096;
      c->ids = realloc(c->ids, (size_t)c->cap * sizeof *c->ids);
    }
    snprintf(c->ids[c->n++], sizeof c->ids[0], "%.31s", line);
    line = nl + 1;
  }
}

START_TEST(crash_sigkill_while_ticking) {
  const char *dir = sub("crash");
  struct kc_userdb *db = open_db(dir);
  const int64_t plan = new_plan(db, "crash", NULL);
  kc_userdb_close(db); /* no connection open across fork() */
  const unsigned seed = (unsigned)time(NULL);
  srand(seed);
  struct confirmed c = {0};
  int kills = 0;
  for (int round = 0; round < KILLS; round++) {
    int p[2];
    ck_assert_int_eq(pipe(p), 0);
    const pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
      close(p[0]);
      ticker(dir, plan, round, p[1]);
    }
    close(p[1]);
    /* 0..12 ms: some kills land while opening, most in the middle of ticks */
    nanosleep(&(struct timespec){.tv_nsec = (long)(rand() % 12000) * 1000}, NULL);
    kill(pid, SIGKILL);
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) kills++;
    collect(p[0], &c, round);
    close(p[0]);
  }
  sqlite3 *s = raw(dir);
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(sqlite3_prepare_v2(s,
                                      "SELECT count(*) FROM tick WHERE plan_id = ?1 AND "
                                      "task_id = ?2 AND day = 1",
                                      -1, &st, NULL),
                   SQLITE_OK);
  for (int i = 0; i < c.n; i++) {
    sqlite3_bind_int64(st, 1, plan);
    sqlite3_bind_text(st, 2, c.ids[i], -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_msg(sqlite3_column_int(st, 0) == 1, "confirmed tick %s lost (seed %u)", c.ids[i],
                  seed);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  const int stored = raw_int(s, "SELECT count(*) FROM tick");
  sqlite3_close(s);
  assert_integrity(dir);
  ck_assert_int_ge(stored, c.n); /* at most the one in flight is unreported */
  ck_assert_int_le(stored, c.n + kills);
  printf("crash: %d kills, %d ticks checked (seed %u)\n", kills, c.n, seed);
  ck_assert_int_ge(kills, KILLS * 9 / 10);
  free(c.ids);
}
END_TEST

static Suite *userdb_suite(void) {
  setenv("TZ", "UTC0", 1);
  tzset();
  Suite *s = suite_create("userdb");
  TCase *open = tcase_create("open");
  tcase_add_checked_fixture(open, setup, teardown);
  tcase_add_test(open, migration_files_well_formed);
  tcase_add_test(open, fresh_open_creates_private_files);
  tcase_add_test(open, migrate_from_every_version);
  tcase_add_test(open, old_emergency_level_becomes_ambulance);
  tcase_add_test(open, upgrade_renames_names_that_differ_in_case);
  tcase_add_test(open, upgrade_keeps_every_pain_score_and_checkin);
  tcase_add_test(open, newer_version_refused_untouched);
  tcase_add_test(open, newer_version_in_wal_refused);
  tcase_add_test(open, bad_open_arguments);
  tcase_add_test(open, default_locations);
  tcase_add_test(open, check_runs_when_worth_it);
  tcase_add_test(open, wal_files_kept_between_runs);
  tcase_set_timeout(open, 60); /* generous: ASan on a loaded 2-core machine */
  suite_add_tcase(s, open);
  TCase *damage = tcase_create("damage");
  tcase_add_checked_fixture(damage, setup, teardown);
  tcase_add_test(damage, corrupt_not_a_database);
  tcase_add_test(damage, corrupt_truncated);
  tcase_add_test(damage, corrupt_garbage_pages);
  tcase_add_test(damage, corrupt_found_by_deferred_verify);
  tcase_add_test(damage, corrupt_twice_and_wal_kept);
  tcase_add_test(damage, symlink_refused);
  tcase_add_test(damage, directory_and_fifo_refused);
  tcase_add_test(damage, open_permissions_reported);
  tcase_add_test(damage, readonly_places_give_errors);
  tcase_add_test(damage, full_disk_gives_error);
  tcase_add_test(damage, newer_file_format_read_only_or_refused);
  tcase_add_test(damage, negative_version_moved_aside);
  tcase_add_test(damage, links_beside_the_file_refused);
  tcase_add_test(damage, hard_linked_file_refused);
  tcase_add_test(damage, moved_aside_message_names_the_file);
  tcase_set_timeout(damage, 60);
  suite_add_tcase(s, damage);
  TCase *stress = tcase_create("stress");
  tcase_add_checked_fixture(stress, setup, teardown);
  tcase_add_test(stress, ten_processes_one_user);
  tcase_add_test(stress, crash_sigkill_while_ticking);
  tcase_add_test(stress, first_use_storm_with_kills);
  tcase_set_timeout(stress, 120);
  suite_add_tcase(s, stress);
  return s;
}

KC_CHECK_MAIN(userdb_suite)
