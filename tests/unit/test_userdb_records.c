/* The user database's records on real temporary files: round trips and
 * refusals for every record type, the SQL CHECKs holding for any writer,
 * cascades, change detection. Also loads db/30_plan.sql to check the plan's
 * task data. Opening and damage are in test_userdb.c. */
#include "udb_test.h"

/* ======================================================================
 * Records: round trips and refusals
 * ====================================================================== */

START_TEST(profiles_round_trip) {
  struct kc_userdb *db = open_db(sub("p"));
  struct kc_profile a, b, c;
  ck_assert_int_eq(kc_userdb_profile_create(db, "zoe", NOW, &a), OK);
  ck_assert_int_eq(kc_userdb_profile_create(db, "'; DROP TABLE profile; --", NOW + 1, &b), OK);
  ck_assert_int_eq(kc_userdb_profile_create(db, "%s%n%x", NOW, NULL), OK);
  char emoji[257] = "";
  for (int i = 0; i < 64; i++) strcat(emoji, "\xf0\x9f\x8f\x83");
  ck_assert_int_eq(kc_userdb_profile_create(db, emoji, NOW, &c), OK);
  ck_assert_str_eq(c.name, emoji);
  ck_assert_int_eq(kc_userdb_profile_create(db, "zoe", NOW, NULL), KC_UDB_EEXISTS);
  ck_assert_ptr_nonnull(strstr(kc_userdb_errmsg(db), "already exists"));
  struct kc_profile got;
  ck_assert_int_eq(kc_userdb_profile_get(db, "'; DROP TABLE profile; --", &got), OK);
  ck_assert_int_eq(got.id, b.id);
  ck_assert_int_eq(got.created_at, NOW + 1);
  ck_assert_int_eq(kc_userdb_profile_by_id(db, a.id, &got), OK);
  ck_assert_str_eq(got.name, "zoe");
  ck_assert_int_eq(kc_userdb_profile_get(db, "nobody", &got), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_profile_get_or_create(db, "zoe", NOW, &got), OK);
  ck_assert_int_eq(got.id, a.id);
  ck_assert_int_eq(kc_userdb_profile_get_or_create(db, "new", NOW, &got), OK);
  struct kc_profile *list;
  int n;
  ck_assert_int_eq(kc_userdb_profile_list(db, &list, &n), OK);
  ck_assert_int_eq(n, 5);
  ck_assert_str_eq(list[0].name, "%s%n%x"); /* byte order */
  ck_assert_str_eq(list[1].name, "'; DROP TABLE profile; --");
  free(list);
  /* rename */
  ck_assert_int_eq(kc_userdb_profile_rename(db, a.id, "Zo\xc3\xab"), OK);
  ck_assert_int_eq(kc_userdb_profile_get(db, "Zo\xc3\xab", &got), OK);
  ck_assert_int_eq(kc_userdb_profile_rename(db, a.id, "Zo\xc3\xab"), OK); /* same name */
  ck_assert_int_eq(kc_userdb_profile_rename(db, a.id, "new"), KC_UDB_EEXISTS);
  ck_assert_int_eq(kc_userdb_profile_rename(db, 9999, "other"), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_profile_rename(db, a.id, "bad\nname"), KC_UDB_EINVAL);
  /* delete */
  ck_assert_int_eq(kc_userdb_profile_delete(db, b.id), OK);
  ck_assert_int_eq(kc_userdb_profile_delete(db, b.id), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_profile_list(db, &list, &n), OK);
  ck_assert_int_eq(n, 4);
  free(list);
  kc_userdb_close(db);
}
END_TEST

START_TEST(profile_bad_names_refused) {
  struct kc_userdb *db = open_db(sub("names"));
  static const char *const bad[] = {
      "", " x", "x ", "a\tb", "esc\x1b[31m", "\xff\xfe", "\xc0\xaf", "rlo\xe2\x80\xae"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    ck_assert_int_eq(kc_userdb_profile_create(db, bad[i], NOW, NULL), KC_UDB_EINVAL);
    ck_assert_str_ne(kc_userdb_errmsg(db), "");
    ck_assert_int_eq(kc_userdb_profile_get_or_create(db, bad[i], NOW, NULL), KC_UDB_EINVAL);
  }
  ck_assert_int_eq(kc_userdb_profile_create(db, NULL, NOW, NULL), KC_UDB_EINVAL);
  char longname[10001];
  memset(longname, 'a', 10000);
  longname[10000] = '\0';
  ck_assert_int_eq(kc_userdb_profile_create(db, longname, NOW, NULL), KC_UDB_EINVAL);
  ck_assert_ptr_nonnull(strstr(kc_userdb_errmsg(db), "too long"));
  longname[65] = '\0';
  ck_assert_int_eq(kc_userdb_profile_create(db, longname, NOW, NULL), KC_UDB_EINVAL);
  longname[64] = '\0';
  ck_assert_int_eq(kc_userdb_profile_create(db, longname, NOW, NULL), OK);
  struct kc_profile *list;
  int n;
  ck_assert_int_eq(kc_userdb_profile_list(db, &list, &n), OK);
  ck_assert_int_eq(n, 1);
  free(list);
  kc_userdb_close(db);
}
END_TEST

START_TEST(plans_round_trip) {
  struct kc_userdb *db = open_db(sub("plans"));
  struct kc_profile p, q;
  ck_assert_int_eq(kc_userdb_profile_create(db, "p", NOW, &p), OK);
  ck_assert_int_eq(kc_userdb_profile_create(db, "q", NOW, &q), OK);
  struct kc_plan a, got;
  ck_assert_int_eq(kc_userdb_plan_active(db, p.id, &got), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_plan_start(db, p.id, DAY0 + 1, NOW, &a), KC_UDB_EINVAL); /* future */
  ck_assert_ptr_nonnull(strstr(kc_userdb_errmsg(db), "future"));
  ck_assert_int_eq(kc_userdb_plan_start(db, p.id, DAY0 - KC_PLAN_MAX_BACKDATE - 1, NOW, &a),
                   KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_plan_start(db, 9999, DAY0, NOW, &a), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_plan_start(db, p.id, DAY0 - 1, NOW, &a), OK); /* started yesterday */
  ck_assert_int_eq(a.start_day, DAY0 - 1);
  ck_assert_int_eq(kc_userdb_plan_start(db, p.id, DAY0, NOW, NULL), KC_UDB_EEXISTS);
  ck_assert_ptr_nonnull(strstr(kc_userdb_errmsg(db), "active plan"));
  ck_assert_int_eq(kc_userdb_plan_start(db, q.id, DAY0, NOW, NULL), OK); /* per profile */
  ck_assert_int_eq(kc_userdb_plan_active(db, p.id, &got), OK);
  ck_assert_int_eq(got.id, a.id);
  ck_assert_int_eq(got.ended_at, 0);
  ck_assert_int_eq(got.checkin, KC_CHECKIN_NONE);
  ck_assert_int_eq(got.started_at, NOW);
  ck_assert_int_eq(kc_userdb_plan_end(db, a.id, NOW + 60), OK);
  ck_assert_int_eq(kc_userdb_plan_end(db, a.id, NOW + 60), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_plan_active(db, p.id, &got), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_plan_get(db, a.id, &got), OK);
  ck_assert_int_eq(got.ended_at, NOW + 60);
  struct kc_plan b;
  ck_assert_int_eq(kc_userdb_plan_start(db, p.id, DAY0, NOW + 120, &b), OK);
  ck_assert_int_eq(kc_userdb_plan_end(db, b.id, NOW + 180), OK);
  struct kc_plan *hist;
  int n;
  ck_assert_int_eq(kc_userdb_plan_history(db, p.id, &hist, &n), OK);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(hist[0].id, b.id); /* newest first */
  ck_assert_int_eq(hist[1].id, a.id);
  free(hist);
  ck_assert_int_eq(kc_userdb_plan_history(db, q.id, &hist, &n), OK);
  ck_assert_int_eq(n, 0);
  ck_assert_ptr_null(hist);
  ck_assert_int_eq(kc_userdb_plan_get(db, 9999, &got), KC_UDB_ENOTFOUND);
  kc_userdb_close(db);
}
END_TEST

START_TEST(checkin_round_trip) {
  struct kc_userdb *db = open_db(sub("checkin"));
  const int64_t plan = new_plan(db, "c", NULL);
  ck_assert_int_eq(kc_userdb_plan_checkin(db, plan, KC_CHECKIN_BETTER, ON_DAY(2)), KC_UDB_EINVAL);
  ck_assert_ptr_nonnull(strstr(kc_userdb_errmsg(db), "not due"));
  ck_assert_int_eq(kc_userdb_plan_checkin(db, plan, KC_CHECKIN_NONE, ON_DAY(3)), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_plan_checkin(db, plan, KC_CHECKIN_BETTER, ON_DAY(3)), OK);
  struct kc_plan got;
  ck_assert_int_eq(kc_userdb_plan_get(db, plan, &got), OK);
  ck_assert_int_eq(got.checkin, KC_CHECKIN_BETTER);
  ck_assert_int_eq(got.checkin_at, ON_DAY(3));
  ck_assert_int_eq(kc_userdb_plan_checkin(db, plan, KC_CHECKIN_WORSE, ON_DAY(5)), OK); /* after */
  ck_assert_int_eq(kc_userdb_plan_get(db, plan, &got), OK);
  ck_assert_int_eq(got.checkin, KC_CHECKIN_WORSE);
  ck_assert_int_eq(kc_userdb_plan_end(db, plan, ON_DAY(5)), OK);
  ck_assert_int_eq(kc_userdb_plan_checkin(db, plan, KC_CHECKIN_SAME, ON_DAY(5)), KC_UDB_EINVAL);
  kc_userdb_close(db);
}
END_TEST

START_TEST(ticks_round_trip) {
  struct kc_userdb *db = open_db(sub("ticks"));
  const int64_t plan = new_plan(db, "t", NULL);
  const time_t day2 = ON_DAY(2);
  ck_assert_int_eq(kc_userdb_tick(db, plan, "compression", 1, day2), OK); /* late */
  ck_assert_int_eq(kc_userdb_tick(db, plan, "compression", 2, day2), OK); /* on time */
  ck_assert_int_eq(kc_userdb_tick(db, plan, "elevation", 1, NOW), OK);
  ck_assert_int_eq(kc_userdb_tick(db, plan, "elevation", 1, day2 + 5), OK); /* idempotent */
  ck_assert_int_eq(kc_userdb_tick(db, plan, "compression", 3, day2), KC_UDB_EINVAL); /* future */
  ck_assert_ptr_nonnull(strstr(kc_userdb_errmsg(db), "has not come yet"));
  ck_assert_int_eq(kc_userdb_tick(db, plan, "compression", 4, ON_DAY(9)), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_tick(db, plan, "compression", 0, day2), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_tick(db, plan, "Bad Id", 1, day2), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_tick(db, plan, NULL, 1, day2), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_tick(db, 9999, "compression", 1, day2), KC_UDB_ENOTFOUND);
  struct kc_tick *t;
  int n;
  ck_assert_int_eq(kc_userdb_ticks(db, plan, &t, &n), OK);
  ck_assert_int_eq(n, 3);
  ck_assert_str_eq(t[0].task_id, "compression");
  ck_assert_int_eq(t[0].day, 1);
  ck_assert(t[0].late);
  ck_assert_str_eq(t[1].task_id, "elevation");
  ck_assert(!t[1].late);
  ck_assert_int_eq(t[1].at, NOW); /* the first tick's time is kept */
  ck_assert_int_eq(t[2].day, 2);
  ck_assert(!t[2].late);
  free(t);
  ck_assert_int_eq(kc_userdb_untick(db, plan, "compression", 1, day2), OK);
  ck_assert_int_eq(kc_userdb_untick(db, plan, "compression", 1, day2), OK); /* already off */
  ck_assert_int_eq(kc_userdb_untick(db, plan, "compression", 3, day2), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_ticks(db, plan, &t, &n), OK);
  ck_assert_int_eq(n, 2);
  free(t);
  ck_assert_int_eq(kc_userdb_plan_end(db, plan, day2), OK);
  ck_assert_int_eq(kc_userdb_tick(db, plan, "compression", 1, day2), KC_UDB_EINVAL);
  ck_assert_ptr_nonnull(strstr(kc_userdb_errmsg(db), "ended"));
  kc_userdb_close(db);
}
END_TEST

/* Which window runs a stored timer: a hold made through one handle is
 * seen from another (as from another window), per timer kind and id, and
 * is gone once let go or once its handle is closed; a directory where the
 * lock cannot be made holds nothing and sees nothing held. */
START_TEST(timer_held_by_one_window_seen_by_another) {
  struct kc_userdb *a = open_db(sub("hold")), *b = open_db(sub("hold"));
  ck_assert(!kc_userdb_timer_held_elsewhere(b, KC_TIMER_ICE, 7));
  kc_userdb_timer_hold(a, KC_TIMER_ICE, 7);
  ck_assert(kc_userdb_timer_held_elsewhere(b, KC_TIMER_ICE, 7));
  ck_assert(!kc_userdb_timer_held_elsewhere(a, KC_TIMER_ICE, 7)); /* its own */
  ck_assert(!kc_userdb_timer_held_elsewhere(b, KC_TIMER_RUN, 7)); /* another kind */
  ck_assert(!kc_userdb_timer_held_elsewhere(b, KC_TIMER_ICE, 8)); /* another plan */
  kc_userdb_timer_hold(a, KC_TIMER_RUN, 8);
  ck_assert(kc_userdb_timer_held_elsewhere(b, KC_TIMER_RUN, 8));
  kc_userdb_timer_let_go(a, KC_TIMER_ICE, 7);
  ck_assert(!kc_userdb_timer_held_elsewhere(b, KC_TIMER_ICE, 7));
  ck_assert(kc_userdb_timer_held_elsewhere(b, KC_TIMER_RUN, 8));
  kc_userdb_close(a); /* a window that ends, however it ends */
  ck_assert(!kc_userdb_timer_held_elsewhere(b, KC_TIMER_RUN, 8));
  kc_userdb_close(b);

  /* timers.lock that is not a regular file: no locking, nothing held. */
  ck_assert_int_eq(mkdir(sub("hold-dir"), 0700), 0);
  ck_assert_int_eq(mkdir(sub("hold-dir/timers.lock"), 0700), 0);
  a = open_db(sub("hold-dir"));
  b = open_db(sub("hold-dir"));
  kc_userdb_timer_hold(a, KC_TIMER_ICE, 1);
  ck_assert(!kc_userdb_timer_held_elsewhere(b, KC_TIMER_ICE, 1));
  kc_userdb_close(a);
  kc_userdb_close(b);
}
END_TEST

START_TEST(ice_round_trip) {
  struct kc_userdb *db = open_db(sub("ice"));
  const int64_t plan = new_plan(db, "i", NULL);
  int64_t id1, id2;
  ck_assert_int_eq(kc_userdb_ice_add(db, plan, 1, NOW + 7200, 20, &id2), OK);
  ck_assert_int_eq(kc_userdb_ice_add(db, plan, 1, NOW, 15, &id1), OK);
  ck_assert_int_eq(kc_userdb_ice_add(db, plan, 1, ON_DAY(2), 20, NULL), OK); /* late */
  ck_assert_int_eq(kc_userdb_ice_add(db, plan, 2, ON_DAY(2), 20, NULL), OK);
  ck_assert_int_eq(kc_userdb_ice_add(db, plan, 3, ON_DAY(2), 20, NULL), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_ice_add(db, plan, 1, NOW, 0, NULL), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_ice_add(db, plan, 1, NOW, 61, NULL), KC_UDB_EINVAL);
  struct kc_ice_session *s;
  int n, count;
  ck_assert_int_eq(kc_userdb_ice_list(db, plan, 1, &s, &n), OK);
  ck_assert_int_eq(n, 3);
  ck_assert_int_eq(s[0].id, id1); /* by time */
  ck_assert_int_eq(s[0].minutes, 15);
  ck_assert_int_eq(s[1].id, id2);
  ck_assert(!s[1].late);
  ck_assert(s[2].late);
  free(s);
  ck_assert_int_eq(kc_userdb_ice_list(db, plan, 0, &s, &n), OK);
  ck_assert_int_eq(n, 4);
  free(s);
  ck_assert_int_eq(kc_userdb_ice_count(db, plan, 1, &count), OK);
  ck_assert_int_eq(count, 3);
  ck_assert(kc_ice_progress(count, 4).met);
  ck_assert_int_eq(kc_userdb_ice_delete(db, id1), OK);
  ck_assert_int_eq(kc_userdb_ice_delete(db, id1), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_ice_count(db, plan, 1, &count), OK);
  ck_assert_int_eq(count, 2);
  kc_userdb_close(db);
}
END_TEST

START_TEST(pain_round_trip) {
  struct kc_userdb *db = open_db(sub("pain"));
  const int64_t plan = new_plan(db, "pn", NULL);
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 1, 5, "stairs hurt; %s %n '--", NOW), OK);
  struct kc_pain p;
  ck_assert_int_eq(kc_userdb_pain_get(db, plan, 1, &p), OK);
  ck_assert_int_eq(p.score, 5);
  ck_assert_str_eq(p.note, "stairs hurt; %s %n '--");
  ck_assert(!p.late);
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 1, 3, NULL, ON_DAY(2)), OK); /* replace, late */
  ck_assert_int_eq(kc_userdb_pain_get(db, plan, 1, &p), OK);
  ck_assert_int_eq(p.score, 3);
  /* Issue 12 changed this: a new score keeps the note unless it is changed
   * (it used to be erased); "" clears it. */
  ck_assert_str_eq(p.note, "stairs hurt; %s %n '--");
  ck_assert(p.late);
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 1, 3, "", ON_DAY(2)), OK);
  ck_assert_int_eq(kc_userdb_pain_get(db, plan, 1, &p), OK);
  ck_assert_str_eq(p.note, "");
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 2, 0, "", ON_DAY(2)), OK);
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 2, 10, "worst", ON_DAY(2)), OK);
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 2, 11, NULL, ON_DAY(2)), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 2, -1, NULL, ON_DAY(2)), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 3, 4, NULL, ON_DAY(2)), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 4, 4, NULL, ON_DAY(9)), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 2, 4, "line\nbreak", ON_DAY(2)), KC_UDB_EINVAL);
  char longnote[KC_NOTE_MAX + 2];
  memset(longnote, 'n', sizeof longnote - 1);
  longnote[sizeof longnote - 1] = '\0';
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 2, 4, longnote, ON_DAY(2)), KC_UDB_EINVAL);
  longnote[KC_NOTE_MAX] = '\0';
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 2, 4, longnote, ON_DAY(2)), OK);
  struct kc_pain *list;
  int n;
  ck_assert_int_eq(kc_userdb_pain_list(db, plan, &list, &n), OK);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(list[0].day, 1);
  ck_assert_int_eq(list[1].score, 4);
  ck_assert_str_eq(list[1].note, longnote);
  free(list);
  ck_assert_int_eq(kc_userdb_pain_clear(db, plan, 1, ON_DAY(2)), OK);
  ck_assert_int_eq(kc_userdb_pain_get(db, plan, 1, &p), KC_UDB_ENOTFOUND);
  kc_userdb_close(db);
}
END_TEST

START_TEST(redflag_round_trip) {
  struct kc_userdb *db = open_db(sub("rf"));
  const int64_t plan = new_plan(db, "r", NULL);
  struct kc_redflag_check c;
  enum kc_level worst;
  ck_assert_int_eq(kc_userdb_redflag_last(db, plan, &c), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_redflag_worst(db, plan, &worst), OK);
  ck_assert_int_eq(worst, KC_LEVEL_NONE);
  ck_assert_int_eq(kc_userdb_redflag_record(db, plan, DAY0, NOW, KC_LEVEL_NONE, NULL), OK);
  ck_assert_int_eq(kc_userdb_redflag_record(db, plan, DAY0 + 1, ON_DAY(2), KC_LEVEL_24H, "calf"),
                   OK);
  ck_assert_int_eq(kc_userdb_redflag_record(db, plan, DAY0 + 2, ON_DAY(3), KC_LEVEL_NONE, ""), OK);
  ck_assert_int_eq(kc_userdb_redflag_last(db, plan, &c), OK);
  ck_assert_int_eq(c.cal_day, DAY0 + 2);
  ck_assert_int_eq(c.level, KC_LEVEL_NONE);
  ck_assert(!kc_redflag_due(c.cal_day, DAY0 + 2));
  ck_assert_int_eq(kc_userdb_redflag_worst(db, plan, &worst), OK);
  ck_assert_int_eq(worst, KC_LEVEL_24H);
  ck_assert_int_eq(kc_plan_level(worst, KC_CHECKIN_BETTER), KC_LEVEL_24H);
  ck_assert_int_eq(
      kc_userdb_redflag_record(db, plan, DAY0, NOW, (enum kc_level)(KC_LEVEL_MAX + 1), NULL),
      KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_redflag_record(db, plan, KC_DAY_INVALID, NOW, KC_LEVEL_NONE, NULL),
                   KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_redflag_record(db, 9999, DAY0, NOW, KC_LEVEL_NONE, NULL),
                   KC_UDB_ENOTFOUND);
  kc_userdb_close(db);
}
END_TEST

START_TEST(wizard_round_trip) {
  struct kc_userdb *db = open_db(sub("wiz"));
  struct kc_profile p;
  ck_assert_int_eq(kc_userdb_profile_create(db, "w", NOW, &p), OK);
  int64_t ids[3];
  const char *answers = "{\"pain_where\":\"inner\",\"note\":\"caf\xc3\xa9 \\\"quoted\\\"\"}";
  for (int i = 0; i < 3; i++)
    ck_assert_int_eq(kc_userdb_wizard_save(db, p.id, NOW + i, answers, (enum kc_level)(i + 1),
                                           i ? "[\"pes-anserine\"]" : NULL, &ids[i]),
                     OK);
  struct kc_wizard_run *runs;
  int n;
  ck_assert_int_eq(kc_userdb_wizard_list(db, p.id, 0, &runs, &n), OK);
  ck_assert_int_eq(n, 3);
  ck_assert_int_eq(runs[0].id, ids[2]); /* newest first */
  ck_assert_int_eq(runs[0].level, KC_LEVEL_24H);
  ck_assert_str_eq(runs[0].answers, answers);
  ck_assert_str_eq(runs[0].causes, "[\"pes-anserine\"]");
  ck_assert_str_eq(runs[2].causes, "");
  kc_userdb_wizard_runs_free(runs, n);
  ck_assert_int_eq(kc_userdb_wizard_list(db, p.id, 2, &runs, &n), OK);
  ck_assert_int_eq(n, 2);
  kc_userdb_wizard_runs_free(runs, n);
  /* The list's summaries: the first line of the causes, without answers. */
  struct kc_wizard_summary *sum;
  ck_assert_int_eq(kc_userdb_wizard_save(db, p.id, NOW + 9, answers, KC_LEVEL_SOON,
                                         "runners-knee\t12\tRunner's knee\nother\t1\tOther\n",
                                         NULL),
                   OK);
  ck_assert_int_eq(kc_userdb_wizard_summaries(db, p.id, 0, &sum, &n), OK);
  ck_assert_int_eq(n, 4);
  ck_assert_str_eq(sum[0].top, "runners-knee\t12\tRunner's knee");
  ck_assert_int_eq(sum[0].level, KC_LEVEL_SOON);
  ck_assert_int_eq(sum[1].id, ids[2]);
  ck_assert_str_eq(sum[1].top, "[\"pes-anserine\"]");
  ck_assert_str_eq(sum[3].top, "");
  free(sum);
  ck_assert_int_eq(kc_userdb_wizard_summaries(db, p.id, 1, &sum, &n), OK);
  ck_assert_int_eq(n, 1);
  free(sum);
  char *line = malloc(3001);
  memset(line, 'x', 3000);
  line[3000] = '\0';
  ck_assert_int_eq(kc_userdb_wizard_save(db, p.id, NOW + 10, answers, KC_LEVEL_SOON, line, NULL),
                   OK);
  ck_assert_int_eq(kc_userdb_wizard_summaries(db, p.id, 1, &sum, &n), OK);
  ck_assert_uint_eq(strlen(sum[0].top), KC_WIZARD_TOP_CHARS); /* a very long first line is cut */
  free(sum);
  free(line);
  struct kc_wizard_run r;
  ck_assert_int_eq(kc_userdb_wizard_get(db, ids[0], &r), OK);
  ck_assert_int_eq(r.at, NOW);
  ck_assert_int_eq(r.profile_id, p.id);
  kc_userdb_wizard_run_clear(&r);
  ck_assert_int_eq(kc_userdb_wizard_get(db, 9999, &r), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_wizard_save(db, p.id, NOW, NULL, KC_LEVEL_SOON, "", NULL),
                   KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_wizard_save(db, p.id, NOW, "{}", (enum kc_level)9, "", NULL),
                   KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_wizard_save(db, 9999, NOW, "{}", KC_LEVEL_SOON, "", NULL),
                   KC_UDB_ENOTFOUND);
  char *big = malloc(KC_WIZARD_TEXT_MAX + 2);
  memset(big, 'b', KC_WIZARD_TEXT_MAX + 1);
  big[KC_WIZARD_TEXT_MAX + 1] = '\0';
  ck_assert_int_eq(kc_userdb_wizard_save(db, p.id, NOW, big, KC_LEVEL_SOON, "", NULL),
                   KC_UDB_EINVAL);
  free(big);
  kc_userdb_close(db);
}
END_TEST

START_TEST(settings_round_trip) {
  struct kc_userdb *db = open_db(sub("set"));
  struct kc_profile p;
  ck_assert_int_eq(kc_userdb_profile_create(db, "s", NOW, &p), OK);
  char v[64];
  ck_assert_int_eq(kc_userdb_setting_get(db, 0, "safety.seen", v, sizeof v), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_setting_set(db, 0, "safety.seen", "1"), OK);
  ck_assert_int_eq(kc_userdb_setting_set(db, p.id, "safety.seen", "0"), OK);
  ck_assert_int_eq(kc_userdb_setting_set(db, 0, "safety.seen", "2"), OK); /* overwrite */
  ck_assert_int_eq(kc_userdb_setting_get(db, 0, "safety.seen", v, sizeof v), OK);
  ck_assert_str_eq(v, "2");
  ck_assert_int_eq(kc_userdb_setting_get(db, p.id, "safety.seen", v, sizeof v), OK);
  ck_assert_str_eq(v, "0");
  ck_assert_int_eq(kc_userdb_setting_set(db, p.id, "mouse", "on and a long value"), OK);
  char small[6];
  ck_assert_int_eq(kc_userdb_setting_get(db, p.id, "mouse", small, sizeof small), OK);
  ck_assert_str_eq(small, "on an");
  ck_assert_int_eq(kc_userdb_setting_delete(db, p.id, "mouse"), OK);
  ck_assert_int_eq(kc_userdb_setting_get(db, p.id, "mouse", v, sizeof v), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_setting_set(db, 0, "Bad Key", "x"), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_setting_set(db, 0, "", "x"), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_setting_set(db, 0, "k", NULL), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_setting_set(db, 0, "k", "\xff"), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_setting_set(db, 9999, "k", "v"), KC_UDB_ENOTFOUND);
  sqlite3 *s = raw(sub("set"));
  ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM setting"), 2);
  sqlite3_close(s);
  kc_userdb_close(db);
}
END_TEST

/* The SQL checks hold even for a writer that bypasses the C code. */
START_TEST(constraints_in_sql) {
  const char *dir = sub("sqlchecks");
  struct kc_userdb *db = open_db(dir);
  const int64_t plan = new_plan(db, "sql", NULL);
  kc_userdb_close(db);
  sqlite3 *s = raw(dir);
  raw_exec(s, "PRAGMA foreign_keys=ON");
  char sql[256];
  snprintf(sql, sizeof sql, "INSERT INTO pain (plan_id, day, score, at) VALUES (%lld, 1, 11, 0)",
           (long long)plan);
  ck_assert_int_eq(raw_exec(s, sql), SQLITE_CONSTRAINT);
  snprintf(sql, sizeof sql, "INSERT INTO pain (plan_id, day, score, at) VALUES (%lld, 1, -1, 0)",
           (long long)plan);
  ck_assert_int_eq(raw_exec(s, sql), SQLITE_CONSTRAINT);
  snprintf(sql, sizeof sql, "INSERT INTO tick (plan_id, task_id, day, at) VALUES (%lld, 'x', 4, 0)",
           (long long)plan);
  ck_assert_int_eq(raw_exec(s, sql), SQLITE_CONSTRAINT);
  ck_assert_int_eq(raw_exec(s, "INSERT INTO plan (profile_id, start_day, started_at) "
                               "SELECT profile_id, start_day, 0 FROM plan"),
                   SQLITE_CONSTRAINT); /* a second active plan */
  ck_assert_int_eq(raw_exec(s, "INSERT INTO profile (name, created_at) VALUES ('', 0)"),
                   SQLITE_CONSTRAINT);
  ck_assert_int_eq(
      raw_exec(s, "INSERT INTO profile (name, created_at) VALUES "
                  "('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 0)"),
      SQLITE_CONSTRAINT); /* 65 characters */
  ck_assert_int_eq(raw_exec(s, "UPDATE plan SET checkin = 'meh', checkin_at = 1"),
                   SQLITE_CONSTRAINT);
  ck_assert_int_eq(
      raw_exec(s, "INSERT INTO tick (plan_id, task_id, day, at) VALUES (9999, 'x', 1, 0)"),
      SQLITE_CONSTRAINT); /* no such plan */
  sqlite3_close(s);
}
END_TEST

static int count_where(sqlite3 *s, const char *table, const char *where) {
  char sql[256];
  snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s", table, where);
  return raw_int(s, sql);
}

START_TEST(delete_profile_cascades_to_its_data_only) {
  const char *dir = sub("cascade");
  struct kc_userdb *db = open_db(dir);
  fill(db, "keep");
  fill(db, "drop");
  struct kc_profile keep, drop;
  ck_assert_int_eq(kc_userdb_profile_get(db, "keep", &keep), OK);
  ck_assert_int_eq(kc_userdb_profile_get(db, "drop", &drop), OK);
  ck_assert_int_eq(kc_userdb_setting_set(db, 0, "global", "1"), OK);
  ck_assert_int_eq(kc_userdb_profile_delete(db, drop.id), OK);
  kc_userdb_close(db);
  sqlite3 *s = raw(dir);
  static const char *const per_plan[] = {"tick", "ice_session", "pain", "redflag_check"};
  char where[128];
  snprintf(where, sizeof where, "plan_id IN (SELECT id FROM plan WHERE profile_id = %lld)",
           (long long)keep.id);
  ck_assert_int_eq(count_where(s, "tick", where), 2);
  for (size_t i = 0; i < 4; i++) {
    ck_assert_int_ge(count_where(s, per_plan[i], where), 1);
    ck_assert_int_eq(count_where(s, per_plan[i], "plan_id NOT IN (SELECT id FROM plan)"), 0);
  }
  ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM plan"), 1);
  ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM wizard_run"), 1);
  ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM setting"), 2); /* keep's + global */
  ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM profile"), 1);
  sqlite3_close(s);
}
END_TEST

/* A second instance notices the first one's writes through the data
 * version, and sees them after refreshing. */
START_TEST(data_version_sees_other_writers) {
  const char *dir = sub("dv");
  struct kc_userdb *a = open_db(dir), *b = open_db(dir);
  const int64_t plan = new_plan(a, "shared", NULL);
  int64_t v0, v1, v2;
  ck_assert_int_eq(kc_userdb_data_version(a, &v0), OK);
  ck_assert_int_eq(kc_userdb_data_version(a, &v1), OK);
  ck_assert_int_eq(v0, v1); /* nothing happened */
  ck_assert_int_eq(kc_userdb_tick(b, plan, "compression", 1, NOW), OK);
  ck_assert_int_eq(kc_userdb_data_version(a, &v2), OK);
  ck_assert_int_ne(v1, v2);
  struct kc_tick *t;
  int n;
  ck_assert_int_eq(kc_userdb_ticks(a, plan, &t, &n), OK);
  ck_assert_int_eq(n, 1);
  free(t);
  kc_userdb_close(a);
  kc_userdb_close(b);
}
END_TEST

/* ======================================================================
 * The plan's task data (db/30_plan.sql)
 * ====================================================================== */

START_TEST(plan_task_data) {
  size_t len;
  char *sql = read_file(KC_SOURCE_DIR "/db/30_plan.sql", &len);
  ck_assert_ptr_nonnull(sql);
  sqlite3 *s = NULL;
  ck_assert_int_eq(sqlite3_open(":memory:", &s), SQLITE_OK);
  char *msg = NULL;
  ck_assert_msg(sqlite3_exec(s, sql, NULL, NULL, &msg) == SQLITE_OK, "30_plan.sql: %s", msg);
  free(sql);
  static const char *const articles[] = {"first-days",
                                         "ice",
                                         "compression-elevation",
                                         "rest-and-movement",
                                         "pain-relief-medicines",
                                         "peace-and-love",
                                         "knee-exercises",
                                         "return-to-running",
                                         "not-getting-better"};
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(sqlite3_prepare_v2(s,
                                      "SELECT id, position, kind, label, detail, article_id, "
                                      "target, plan_kind, source FROM plan_task ORDER BY position",
                                      -1, &st, NULL),
                   SQLITE_OK);
  /* Per plan version (issue 9 section 3): its tasks, required ones, and
   * whether it has a loading task linked to the exercises article. */
  int n = 0, ice = 0, pain = 0, required[3] = {0}, loading[3] = {0}, tasks[3] = {0};
  bool has_compression[3] = {false}, has_elevation[3] = {false};
  struct kc_progress prog[3] = {{0, 0}, {0, 0}, {0, 0}};
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *id = (const char *)sqlite3_column_text(st, 0);
    const char *kind = (const char *)sqlite3_column_text(st, 2);
    const char *label = (const char *)sqlite3_column_text(st, 3);
    const char *detail = (const char *)sqlite3_column_text(st, 4);
    const char *article = (const char *)sqlite3_column_text(st, 5);
    const int target = sqlite3_column_int(st, 6);
    const char *pk = (const char *)sqlite3_column_text(st, 7);
    const char *source = (const char *)sqlite3_column_text(st, 8);
    n++;
    ck_assert_int_eq(sqlite3_column_int(st, 1), n);
    ck_assert_msg(kc_task_id_check(id), "task id %s", id);
    enum kc_task_kind k;
    ck_assert(kc_task_kind_parse(kind, &k));
    enum kc_plan_kind tk = KC_PLAN_KIND_NONE;
    ck_assert_msg(!pk || kc_plan_kind_parse(pk, &tk), "plan_kind of %s", id);
    ck_assert_msg(kc_note_check(label, NULL, 0) && strlen(label) <= 72, "label of %s", id);
    ck_assert_msg(strlen(detail) > 40 && !strchr(detail, '\n'), "detail of %s", id);
    ck_assert_msg(strstr(source, "https://") && strstr(source, "(checked 2026-"), "source of %s",
                  id);
    bool known = false;
    for (size_t i = 0; i < sizeof articles / sizeof articles[0]; i++)
      known |= strcmp(article, articles[i]) == 0;
    ck_assert_msg(known, "task %s links unknown article %s", id, article);
    /* no "no stairs": stairs are allowed with the rail, one step at a time */
    ck_assert_msg(!strstr(detail, "no stairs") && !strstr(detail, "or stairs") &&
                      !strstr(label, "stairs"),
                  "task %s forbids stairs", id);
    if (strstr(detail, "Stairs")) ck_assert_ptr_nonnull(strstr(detail, "rail"));
    if (k == KC_TASK_ICE) {
      ice++;
      ck_assert_int_eq(target, 0); /* optional: never a target */
      ck_assert(!pk);              /* in both versions */
      ck_assert_ptr_nonnull(strstr(detail, "optional"));
      ck_assert_ptr_nonnull(strstr(detail, "5 minutes"));
      ck_assert_ptr_nonnull(strstr(detail, "asleep"));
    }
    if (k == KC_TASK_PAIN) pain++;
    for (int plan = KC_PLAN_INJURY; plan <= KC_PLAN_OVERUSE; plan++) {
      if (!kc_task_fits(tk, (enum kc_plan_kind)plan)) continue;
      tasks[plan]++;
      if (target > 0) required[plan]++;
      if (strcmp(article, "knee-exercises") == 0 && target > 0) loading[plan]++;
      has_compression[plan] |= strstr(label, "ompression") != NULL;
      has_elevation[plan] |= strstr(label, "Raise the leg") != NULL;
      /* ice used or not, a day with every required task done is complete */
      kc_progress_add(&prog[plan], target, kc_task_state(1, 2, target > 0, n % 2 == 0));
    }
  }
  sqlite3_finalize(st);
  ck_assert_int_eq(ice, 1);
  ck_assert_int_eq(pain, 1);
  for (int plan = KC_PLAN_INJURY; plan <= KC_PLAN_OVERUSE; plan++) {
    ck_assert_int_ge(tasks[plan], 5);
    ck_assert_int_eq(prog[plan].total, required[plan]);
    ck_assert_int_eq(kc_progress_percent(prog[plan]), 100);
    ck_assert_msg(loading[plan] == 1, "plan %d: one loading task linked to the exercises", plan);
  }
  /* an injury gets PEACE & LOVE / RICE-style first days; overuse without
   * swelling no compression or elevation */
  ck_assert(has_compression[KC_PLAN_INJURY] && has_elevation[KC_PLAN_INJURY]);
  ck_assert(!has_compression[KC_PLAN_OVERUSE] && !has_elevation[KC_PLAN_OVERUSE]);
  /* pain relief as NICE NG226 and the NHS say, in both versions */
  ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM plan_task WHERE id = 'pain-relief' AND "
                              "plan_kind IS NULL AND target = 0 AND detail LIKE '%pharmacist%' "
                              "AND detail LIKE '%gel%' AND detail LIKE '%48 hours%' AND detail "
                              "LIKE '%paracetamol%' AND detail LIKE '%liver%' AND detail LIKE "
                              "'%aspirin%' AND detail LIKE '%long run%'"),
                   1);
  ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM plan_task WHERE detail LIKE '%comes first%'"),
                   0);
  /* plan_redflag is no longer read (kept empty for one round) */
  ck_assert_int_eq(raw_int(s, "SELECT count(*) FROM plan_redflag"), 0);
  sqlite3_close(s);
}
END_TEST

/* ======================================================================
 * Issue 12: profiles without case, the last one chosen, checks deleted,
 * the unfinished check, bookmarks and reading, everything exported
 * ====================================================================== */

START_TEST(profile_names_compared_without_case) {
  char key[KC_PROFILE_NAME_BUF];
  kc_profile_name_key("ANNA Müller ÉTÉ ΣΟΦΙΑ ИВАН Ÿ İ", key, sizeof key);
  ck_assert_str_eq(key, "anna müller été σοφια иван ÿ İ"); /* dotted İ has no simple fold: kept */
  ck_assert_int_eq(kc_profile_name_distance("Zoe", "zoé", 3), 1);
  ck_assert_int_eq(kc_profile_name_distance("root", "ROOT", 3), 0);
  ck_assert_int_eq(kc_profile_name_distance("a", "something long", 3), 3);
  struct kc_userdb *db = open_db(sub("nocase"));
  struct kc_profile root, got;
  ck_assert_int_eq(kc_userdb_profile_create(db, "root", NOW, &root), OK);
  ck_assert_int_eq(kc_userdb_profile_create(db, "ROOT", NOW, NULL), KC_UDB_EEXISTS);
  ck_assert_msg(strstr(kc_userdb_errmsg(db), "\"root\" already exists") &&
                    strstr(kc_userdb_errmsg(db), "without case"),
                "%s", kc_userdb_errmsg(db));
  ck_assert_int_eq(kc_userdb_profile_get(db, "Root", &got), OK);
  ck_assert_int_eq(got.id, root.id);
  ck_assert_str_eq(got.name, "root"); /* shown as typed when made */
  ck_assert_int_eq(kc_userdb_profile_get_or_create(db, "rOOt", NOW, &got), OK);
  ck_assert_int_eq(got.id, root.id);
  struct kc_profile anna;
  ck_assert_int_eq(kc_userdb_profile_create(db, "Anna Müller", NOW, &anna), OK);
  ck_assert_int_eq(kc_userdb_profile_create(db, "ANNA MÜLLER", NOW, NULL), KC_UDB_EEXISTS);
  ck_assert_int_eq(kc_userdb_profile_rename(db, anna.id, "ROOT"), KC_UDB_EEXISTS);
  ck_assert_int_eq(kc_userdb_profile_rename(db, anna.id, "ANNA MÜLLER"), OK); /* its own name */
  ck_assert_int_eq(kc_userdb_profile_get(db, "anna müller", &got), OK);
  ck_assert_str_eq(got.name, "ANNA MÜLLER");
  /* "did you mean" */
  ck_assert_int_eq(kc_userdb_profile_closest(db, "rot", &got), OK);
  ck_assert_str_eq(got.name, "root");
  ck_assert_int_eq(kc_userdb_profile_closest(db, "Anna Muller", &got), OK);
  ck_assert_int_eq(got.id, anna.id);
  ck_assert_int_eq(kc_userdb_profile_closest(db, "somebody else", &got), KC_UDB_ENOTFOUND);
  kc_userdb_close(db);
  /* The SQL holds it too, for any writer. */
  sqlite3 *s = raw(sub("nocase"));
  ck_assert_int_eq(
      raw_exec(s, "INSERT INTO profile (name, name_key, created_at) VALUES ('x', 'root', 0)"),
      SQLITE_CONSTRAINT);
  ck_assert_int_eq(
      raw_exec(s, "INSERT INTO profile (name, name_key, created_at) VALUES ('x', '', 0)"),
      SQLITE_CONSTRAINT);
  sqlite3_close(s);
}
END_TEST

START_TEST(last_chosen_profile_remembered) {
  struct kc_userdb *db = open_db(sub("last"));
  struct kc_profile a, b, got;
  ck_assert_int_eq(kc_userdb_profile_last_get(db, &got), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_profile_create(db, "a", NOW, &a), OK);
  ck_assert_int_eq(kc_userdb_profile_create(db, "b", NOW, &b), OK);
  ck_assert_int_eq(kc_userdb_profile_last_set(db, b.id), OK);
  ck_assert_int_eq(kc_userdb_profile_last_set(db, b.id), OK); /* unchanged: no write */
  ck_assert_int_eq(kc_userdb_profile_last_set(db, 9999), KC_UDB_ENOTFOUND);
  kc_userdb_close(db);
  db = open_db(sub("last"));
  ck_assert_int_eq(kc_userdb_profile_last_get(db, &got), OK);
  ck_assert_int_eq(got.id, b.id);
  ck_assert_int_eq(kc_userdb_profile_delete(db, b.id), OK);
  ck_assert_int_eq(kc_userdb_profile_last_get(db, &got), KC_UDB_ENOTFOUND);
  kc_userdb_close(db);
}
END_TEST

START_TEST(symptom_check_deleted_and_draft_kept) {
  struct kc_userdb *db = open_db(sub("checks"));
  struct kc_profile p, q;
  ck_assert_int_eq(kc_userdb_profile_create(db, "p", NOW, &p), OK);
  ck_assert_int_eq(kc_userdb_profile_create(db, "q", NOW, &q), OK);
  int64_t run;
  ck_assert_int_eq(kc_userdb_wizard_save(db, p.id, NOW, "a=b\n", KC_LEVEL_SOON, "x\t1\tX\n", &run),
                   OK);
  ck_assert_int_eq(kc_userdb_wizard_delete(db, q.id, run), KC_UDB_ENOTFOUND); /* not q's */
  ck_assert_int_eq(kc_userdb_wizard_delete(db, p.id, run), OK);
  ck_assert_int_eq(kc_userdb_wizard_delete(db, p.id, run), KC_UDB_ENOTFOUND);
  struct kc_wizard_run r;
  ck_assert_int_eq(kc_userdb_wizard_get(db, run, &r), KC_UDB_ENOTFOUND);
  /* The draft: saved, replaced, loaded after reopening, discarded. */
  struct kc_wizard_draft d;
  ck_assert_int_eq(kc_userdb_draft_load(db, p.id, &d), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_draft_save(db, p.id, "rf-calf=no\n", "rf-chest", NOW), OK);
  ck_assert_int_eq(kc_userdb_draft_save(db, p.id, "rf-calf=no\nrf-chest=no\n", "injury", NOW + 5),
                   OK);
  ck_assert_int_eq(kc_userdb_draft_save(db, p.id, "x", "Bad Id", NOW), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_draft_save(db, p.id, "\xff", "", NOW), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_draft_save(db, 9999, "x", "", NOW), KC_UDB_ENOTFOUND);
  kc_userdb_close(db);
  db = open_db(sub("checks"));
  ck_assert_int_eq(kc_userdb_draft_load(db, p.id, &d), OK);
  ck_assert_str_eq(d.answers, "rf-calf=no\nrf-chest=no\n");
  ck_assert_str_eq(d.question_id, "injury");
  ck_assert_int_eq(d.saved_at, NOW + 5);
  kc_userdb_draft_clear(&d);
  ck_assert_int_eq(kc_userdb_draft_load(db, q.id, &d), KC_UDB_ENOTFOUND);
  /* Saving the finished check discards the draft in the same commit. */
  ck_assert_int_eq(kc_userdb_wizard_save(db, p.id, NOW, "a=b\n", KC_LEVEL_SOON, "", NULL), OK);
  ck_assert_int_eq(kc_userdb_draft_load(db, p.id, &d), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_draft_save(db, p.id, "a=b\n", "", NOW), OK);
  ck_assert_int_eq(kc_userdb_draft_discard(db, p.id), OK);
  ck_assert_int_eq(kc_userdb_draft_discard(db, p.id), OK);
  ck_assert_int_eq(kc_userdb_draft_load(db, p.id, &d), KC_UDB_ENOTFOUND);
  kc_userdb_close(db);
}
END_TEST

START_TEST(bookmarks_and_reading) {
  struct kc_userdb *db = open_db(sub("reading"));
  struct kc_profile p, q;
  ck_assert_int_eq(kc_userdb_profile_create(db, "p", NOW, &p), OK);
  ck_assert_int_eq(kc_userdb_profile_create(db, "q", NOW, &q), OK);
  ck_assert_int_eq(kc_userdb_bookmark_add(db, p.id, "runners-knee", NOW), OK);
  ck_assert_int_eq(kc_userdb_bookmark_add(db, p.id, "ice", NOW + 10), OK);
  ck_assert_int_eq(kc_userdb_bookmark_add(db, p.id, "runners-knee", NOW + 20), OK); /* again */
  ck_assert_int_eq(kc_userdb_bookmark_add(db, p.id, "Bad Id", NOW), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_bookmark_add(db, p.id, "-x", NOW), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_bookmark_add(db, 9999, "ice", NOW), KC_UDB_ENOTFOUND);
  struct kc_bookmark *b;
  int n;
  ck_assert_int_eq(kc_userdb_bookmark_list(db, p.id, &b, &n), OK);
  ck_assert_int_eq(n, 2);
  ck_assert_str_eq(b[0].article_id, "ice"); /* newest first */
  ck_assert_int_eq(b[1].created_at, NOW);   /* the first time kept */
  free(b);
  bool yes;
  ck_assert_int_eq(kc_userdb_bookmark_has(db, p.id, "ice", &yes), OK);
  ck_assert(yes);
  ck_assert_int_eq(kc_userdb_bookmark_has(db, q.id, "ice", &yes), OK);
  ck_assert(!yes);
  ck_assert_int_eq(kc_userdb_bookmark_remove(db, p.id, "ice"), OK);
  ck_assert_int_eq(kc_userdb_bookmark_remove(db, p.id, "ice"), OK);
  ck_assert_int_eq(kc_userdb_bookmark_list(db, p.id, &b, &n), OK);
  ck_assert_int_eq(n, 1);
  free(b);
  /* Reading: one row per article, newest first, limited. */
  ck_assert_int_eq(kc_userdb_reading_set(db, p.id, "ice", 250, NOW), OK);
  ck_assert_int_eq(kc_userdb_reading_set(db, p.id, "red-flags", 1000, NOW + 1), OK);
  ck_assert_int_eq(kc_userdb_reading_set(db, p.id, "ice", 400, NOW + 2), OK);
  ck_assert_int_eq(kc_userdb_reading_set(db, p.id, "ice", 1001, NOW), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_reading_set(db, p.id, "ice", -1, NOW), KC_UDB_EINVAL);
  struct kc_reading r, *list;
  ck_assert_int_eq(kc_userdb_reading_get(db, p.id, "ice", &r), OK);
  ck_assert_int_eq(r.position, 400);
  ck_assert_int_eq(r.read_at, NOW + 2);
  ck_assert_int_eq(kc_userdb_reading_get(db, q.id, "ice", &r), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_reading_recent(db, p.id, 0, &list, &n), OK);
  ck_assert_int_eq(n, 2);
  ck_assert_str_eq(list[0].article_id, "ice");
  free(list);
  ck_assert_int_eq(kc_userdb_reading_recent(db, p.id, 1, &list, &n), OK);
  ck_assert_int_eq(n, 1);
  free(list);
  kc_userdb_close(db);
  sqlite3 *s = raw(sub("reading"));
  ck_assert_int_eq(raw_exec(s, "INSERT INTO bookmark VALUES (1, 'UPPER', 0)"), SQLITE_CONSTRAINT);
  ck_assert_int_eq(raw_exec(s, "INSERT INTO reading VALUES (1, 'ice-x', 1001, 0)"),
                   SQLITE_CONSTRAINT);
  sqlite3_close(s);
}
END_TEST

/* Export: every table of the schema is exported or left out on purpose,
 * and an export holds exactly the profile's rows. */
struct tally {
  char tables[64][64];
  int rows[64], n;
  bool other;
};

static void tally_row(void *ctx, enum kc_export_event ev, const char *table,
                      const struct kc_udb_value *cols, int n) {
  struct tally *t = ctx;
  if (ev == KC_EXPORT_TABLE) snprintf(t->tables[t->n++], sizeof t->tables[0], "%s", table);
  if (ev != KC_EXPORT_ROW) return;
  t->rows[t->n - 1]++;
  for (int c = 0; c < n; c++)
    if (cols[c].type == KC_UDB_VALUE_TEXT && strstr(cols[c].text, "other"))
      t->other = true; /* another profile's data leaked into this export */
}

START_TEST(export_covers_every_table) {
  const char *dir = sub("export");
  struct kc_userdb *db = open_db(dir);
  fill(db, "mine");
  fill(db, "other");
  struct kc_profile me;
  ck_assert_int_eq(kc_userdb_profile_get(db, "mine", &me), OK);
  ck_assert_int_eq(kc_userdb_bookmark_add(db, me.id, "ice", NOW), OK);
  ck_assert_int_eq(kc_userdb_reading_set(db, me.id, "ice", 10, NOW), OK);
  ck_assert_int_eq(kc_userdb_draft_save(db, me.id, "a=b", "", NOW), OK);
  struct kc_plan plan;
  ck_assert_int_eq(kc_userdb_plan_active(db, me.id, &plan), OK);
  ck_assert_int_eq(kc_userdb_ice_timer_start(db, plan.id, 1, NOW, 1200), OK);
  ck_assert_int_eq(kc_userdb_readiness_record(db, plan.id, "hop-test", true, ON_DAY(3)), OK);
  ck_assert_int_eq(kc_userdb_plan_checkin(db, plan.id, KC_CHECKIN_SAME, ON_DAY(3)), OK);
  const struct kc_run_start rs = {
      .programme_id = "walk-run", .level = KC_LEVEL_SELF_CARE, .start_day = DAY0 + 3, .week = 1};
  struct kc_run_programme prog;
  ck_assert_int_eq(kc_userdb_run_start(db, me.id, &rs, NOW, &prog), OK);
  const struct kc_run_plan rp = {1, 1, DAY0 + 3, 1, 4, 5};
  ck_assert_int_eq(kc_userdb_run_session_plan(db, prog.id, &rp, NULL), OK);
  ck_assert_int_eq(kc_userdb_run_pause(db, prog.id, DAY0 + 4, KC_PAUSE_TRAVEL, NOW), OK);
  const struct kc_run_timer rt = {.programme_id = prog.id,
                                  .seq = 1,
                                  .day = DAY0 + 3,
                                  .started_at = NOW,
                                  .phase_started_at = NOW};
  ck_assert_int_eq(kc_userdb_run_timer_save(db, &rt), OK);
  struct kc_strength ex = {.exercise_id = "bridge", .cal_day = DAY0, .sets = 1, .reps = 5};
  ck_assert_int_eq(kc_userdb_strength_add(db, me.id, &ex, NOW), OK);
  struct tally t = {0};
  ck_assert_int_eq(kc_userdb_export(db, me.id, tally_row, &t), OK);
  ck_assert(!t.other);
  for (int i = 0; i < t.n; i++)
    ck_assert_msg(t.rows[i] >= 1, "table %s exported no row of a full profile", t.tables[i]);
  ck_assert_int_eq(kc_userdb_export(db, 9999, tally_row, &t), KC_UDB_ENOTFOUND);
  kc_userdb_close(db);
  /* Every table of the schema is known to the exporter. */
  sqlite3 *s = raw(dir);
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(sqlite3_prepare_v2(s,
                                      "SELECT name FROM sqlite_master WHERE type = 'table' "
                                      "AND name NOT LIKE 'sqlite_%'",
                                      -1, &st, NULL),
                   SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(st, 0);
    bool known = false;
    for (int i = 0; kc_userdb_export_table(i); i++)
      known |= strcmp(kc_userdb_export_table(i), name) == 0;
    ck_assert_msg(known, "table %s is neither exported nor left out on purpose", name);
  }
  sqlite3_finalize(st);
  sqlite3_close(s);
}
END_TEST

/* ======================================================================
 * Issue 12 and the plan's next round: pain twice a day, the ice timer,
 * where a plan came from, readiness checks, every check-in
 * ====================================================================== */

START_TEST(pain_morning_and_evening) {
  struct kc_userdb *db = open_db(sub("slots"));
  const int64_t plan = new_plan(db, "s", NULL);
  const time_t morning = (time_t)DAY0 * 86400 + 8 * 3600, evening = morning + 12 * 3600;
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 1, 2, "woke stiff", morning), OK);
  ck_assert_int_eq(kc_userdb_pain_set(db, plan, 1, 6, "after stairs", evening), OK);
  struct kc_pain m, e, latest;
  ck_assert_int_eq(kc_userdb_pain_get_slot(db, plan, 1, KC_PAIN_MORNING, &m), OK);
  ck_assert_int_eq(kc_userdb_pain_get_slot(db, plan, 1, KC_PAIN_EVENING, &e), OK);
  ck_assert_int_eq(m.score, 2);
  ck_assert_str_eq(m.note, "woke stiff");
  ck_assert_int_eq(e.slot, KC_PAIN_EVENING);
  ck_assert_int_eq(kc_userdb_pain_get(db, plan, 1, &latest), OK);
  ck_assert_int_eq(latest.score, 6);
  /* An explicit slot, whatever the hour; the note kept unless changed. */
  ck_assert_int_eq(kc_userdb_pain_set_slot(db, plan, 1, KC_PAIN_MORNING, 3, NULL, evening), OK);
  ck_assert_int_eq(kc_userdb_pain_get_slot(db, plan, 1, KC_PAIN_MORNING, &m), OK);
  ck_assert_int_eq(m.score, 3);
  ck_assert_str_eq(m.note, "woke stiff");
  ck_assert_int_eq(kc_userdb_pain_set_slot(db, plan, 1, KC_PAIN_SLOT_NONE, 3, NULL, evening),
                   KC_UDB_EINVAL);
  struct kc_pain *list;
  int n;
  ck_assert_int_eq(kc_userdb_pain_list(db, plan, &list, &n), OK);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(list[0].slot, KC_PAIN_MORNING); /* morning before evening */
  free(list);
  ck_assert_int_eq(kc_userdb_pain_clear(db, plan, 1, evening), OK);
  ck_assert_int_eq(kc_userdb_pain_get(db, plan, 1, &latest), KC_UDB_ENOTFOUND);
  kc_userdb_close(db);
  sqlite3 *s = raw(sub("slots"));
  char sql[200];
  snprintf(sql, sizeof sql,
           "INSERT INTO pain (plan_id, day, slot, score, at) VALUES (%lld, 1, 'noon', 1, 0)",
           (long long)plan);
  ck_assert_int_eq(raw_exec(s, sql), SQLITE_CONSTRAINT);
  sqlite3_close(s);
}
END_TEST

START_TEST(ice_timer_survives_and_finishes) {
  const char *dir = sub("timer");
  struct kc_userdb *db = open_db(dir);
  int64_t profile;
  const int64_t plan = new_plan(db, "t", &profile);
  struct kc_ice_running t;
  ck_assert_int_eq(kc_userdb_ice_timer_get(db, plan, &t), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_ice_timer_start(db, plan, 1, NOW, 1200), OK);
  ck_assert_int_eq(kc_userdb_ice_timer_start(db, plan, 1, NOW + 5, 1200), KC_UDB_EEXISTS);
  ck_assert_int_eq(kc_userdb_ice_timer_start(db, plan, 3, NOW, 1200), KC_UDB_EINVAL); /* future */
  ck_assert_int_eq(kc_userdb_ice_timer_start(db, plan, 1, NOW, 0), KC_UDB_EINVAL);
  kc_userdb_close(db); /* quit (or a crash): the start is kept */
  db = open_db(dir);
  ck_assert_int_eq(kc_userdb_ice_timer_running(db, profile, &t), OK);
  ck_assert_int_eq(t.plan_id, plan);
  ck_assert_int_eq(t.day, 1);
  ck_assert_int_eq(t.started_at, NOW);
  ck_assert_int_eq(t.seconds, 1200);
  /* Finished the next day: recorded on its own day, late. */
  int64_t session;
  ck_assert_int_eq(kc_userdb_ice_timer_finish(db, plan, ON_DAY(2), 20, &session), OK);
  struct kc_ice_session *list;
  int n;
  ck_assert_int_eq(kc_userdb_ice_list(db, plan, 0, &list, &n), OK);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(list[0].id, session);
  ck_assert_int_eq(list[0].day, 1);
  ck_assert_int_eq(list[0].minutes, 20);
  ck_assert(list[0].late);
  free(list);
  ck_assert_int_eq(kc_userdb_ice_timer_get(db, plan, &t), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_ice_timer_finish(db, plan, ON_DAY(2), 20, NULL), KC_UDB_ENOTFOUND);
  /* Cancelled: nothing recorded. */
  ck_assert_int_eq(kc_userdb_ice_timer_start(db, plan, 2, ON_DAY(2), 1200), OK);
  ck_assert_int_eq(kc_userdb_ice_timer_finish(db, plan, ON_DAY(2), 61, NULL), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_ice_timer_cancel(db, plan), OK);
  ck_assert_int_eq(kc_userdb_ice_timer_cancel(db, plan), KC_UDB_ENOTFOUND);
  ck_assert_int_eq(kc_userdb_ice_list(db, plan, 0, &list, &n), OK);
  ck_assert_int_eq(n, 1);
  free(list);
  /* An ended plan's timer cannot be finished into history. */
  ck_assert_int_eq(kc_userdb_ice_timer_start(db, plan, 2, ON_DAY(2), 1200), OK);
  ck_assert_int_eq(kc_userdb_plan_end(db, plan, ON_DAY(2)), OK);
  ck_assert_int_eq(kc_userdb_ice_timer_finish(db, plan, ON_DAY(2), 20, NULL), KC_UDB_EINVAL);
  ck_assert_int_eq(kc_userdb_ice_timer_running(db, profile, &t), KC_UDB_ENOTFOUND);
  kc_userdb_close(db);
}
END_TEST

START_TEST(plan_origin_checkins_and_readiness) {
  struct kc_userdb *db = open_db(sub("origin"));
  struct kc_profile p, q;
  ck_assert_int_eq(kc_userdb_profile_create(db, "p", NOW, &p), OK);
  ck_assert_int_eq(kc_userdb_profile_create(db, "q", NOW, &q), OK);
  int64_t run, other_run;
  ck_assert_int_eq(kc_userdb_wizard_save(db, p.id, NOW, "a=b", KC_LEVEL_SELF_CARE, "", &run), OK);
  ck_assert_int_eq(kc_userdb_wizard_save(db, q.id, NOW, "a=b", KC_LEVEL_SELF_CARE, "", &other_run),
                   OK);
  struct kc_plan_origin origin = {KC_PLAN_OVERUSE, "training-load", other_run};
  struct kc_plan plan, got;
  ck_assert_int_eq(kc_userdb_plan_start_ex(db, p.id, DAY0, NOW, &origin, &plan), KC_UDB_ENOTFOUND);
  origin.wizard_run_id = run;
  origin.cause_id = "Bad Cause";
  ck_assert_int_eq(kc_userdb_plan_start_ex(db, p.id, DAY0, NOW, &origin, &plan), KC_UDB_EINVAL);
  origin.cause_id = "training-load";
  ck_assert_int_eq(kc_userdb_plan_start_ex(db, p.id, DAY0, NOW, &origin, &plan), OK);
  ck_assert_int_eq(kc_userdb_plan_active(db, p.id, &got), OK);
  ck_assert_int_eq(got.kind, KC_PLAN_OVERUSE);
  ck_assert_str_eq(got.cause_id, "training-load");
  ck_assert_int_eq(got.wizard_run_id, run);
  /* Deleting the check keeps the plan and its cause. */
  ck_assert_int_eq(kc_userdb_wizard_delete(db, p.id, run), OK);
  ck_assert_int_eq(kc_userdb_plan_get(db, plan.id, &got), OK);
  ck_assert_int_eq(got.wizard_run_id, 0);
  ck_assert_str_eq(got.cause_id, "training-load");
  /* Readiness checks on day 3: recorded, replaced, listed. */
  ck_assert_int_eq(kc_userdb_readiness_record(db, plan.id, "hop-test", false, ON_DAY(3)), OK);
  ck_assert_int_eq(kc_userdb_readiness_record(db, plan.id, "walk-pain-free", true, ON_DAY(3)), OK);
  ck_assert_int_eq(kc_userdb_readiness_record(db, plan.id, "hop-test", true, ON_DAY(3) + 60), OK);
  ck_assert_int_eq(kc_userdb_readiness_record(db, plan.id, "Hop Test", true, ON_DAY(3)),
                   KC_UDB_EINVAL);
  struct kc_readiness *r;
  int n;
  ck_assert_int_eq(kc_userdb_readiness_list(db, plan.id, &r, &n), OK);
  ck_assert_int_eq(n, 2);
  ck_assert_str_eq(r[1].check_id, "hop-test"); /* oldest first: replaced later */
  ck_assert(r[0].passed && r[1].passed);
  free(r);
  /* Check-ins: every answer kept, a 'worse' with its re-check. */
  ck_assert_int_eq(kc_userdb_plan_checkin(db, plan.id, KC_CHECKIN_BETTER, ON_DAY(3)), OK);
  ck_assert_int_eq(kc_userdb_plan_checkin_worse(db, plan.id, KC_LEVEL_24H, NULL, ON_DAY(4)),
                   KC_UDB_EINVAL);
  ck_assert_int_eq(
      kc_userdb_plan_checkin_worse(db, plan.id, KC_LEVEL_24H, "rf-calf=yes\n", ON_DAY(4)), OK);
  struct kc_plan_checkin *c;
  ck_assert_int_eq(kc_userdb_checkin_list(db, plan.id, &c, &n), OK);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(c[0].answer, KC_CHECKIN_BETTER);
  ck_assert(!c[0].has_recheck);
  ck_assert_int_eq(c[1].answer, KC_CHECKIN_WORSE);
  ck_assert(c[1].has_recheck);
  ck_assert_int_eq(c[1].recheck_level, KC_LEVEL_24H);
  free(c);
  ck_assert_int_eq(kc_userdb_plan_get(db, plan.id, &got), OK);
  ck_assert_int_eq(got.checkin, KC_CHECKIN_WORSE); /* the plan keeps the latest */
  ck_assert_int_eq(kc_userdb_plan_end(db, plan.id, ON_DAY(4)), OK);
  ck_assert_int_eq(kc_userdb_readiness_record(db, plan.id, "hop-test", true, ON_DAY(4)),
                   KC_UDB_EINVAL); /* history stays as it was */
  kc_userdb_close(db);
  sqlite3 *s = raw(sub("origin"));
  ck_assert_int_eq(raw_exec(s, "UPDATE plan SET kind = 'sprint'"), SQLITE_CONSTRAINT);
  ck_assert_int_eq(raw_exec(s, "INSERT INTO plan_checkin (plan_id, at, answer, recheck_level, "
                               "recheck_answers) SELECT id, 0, 'better', 3, 'x' FROM plan"),
                   SQLITE_CONSTRAINT); /* only a 'worse' carries a re-check */
  sqlite3_close(s);
}
END_TEST

static Suite *userdb_records_suite(void) {
  setenv("TZ", "UTC0", 1);
  tzset();
  Suite *s = suite_create("userdb_records");
  TCase *rec = tcase_create("records");
  tcase_add_checked_fixture(rec, setup, teardown);
  tcase_add_test(rec, profiles_round_trip);
  tcase_add_test(rec, profile_bad_names_refused);
  tcase_add_test(rec, plans_round_trip);
  tcase_add_test(rec, checkin_round_trip);
  tcase_add_test(rec, ticks_round_trip);
  tcase_add_test(rec, ice_round_trip);
  tcase_add_test(rec, timer_held_by_one_window_seen_by_another);
  tcase_add_test(rec, pain_round_trip);
  tcase_add_test(rec, redflag_round_trip);
  tcase_add_test(rec, wizard_round_trip);
  tcase_add_test(rec, settings_round_trip);
  tcase_add_test(rec, constraints_in_sql);
  tcase_add_test(rec, delete_profile_cascades_to_its_data_only);
  tcase_add_test(rec, data_version_sees_other_writers);
  tcase_add_test(rec, plan_task_data);
  tcase_add_test(rec, profile_names_compared_without_case);
  tcase_add_test(rec, last_chosen_profile_remembered);
  tcase_add_test(rec, symptom_check_deleted_and_draft_kept);
  tcase_add_test(rec, bookmarks_and_reading);
  tcase_add_test(rec, export_covers_every_table);
  tcase_add_test(rec, pain_morning_and_evening);
  tcase_add_test(rec, ice_timer_survives_and_finishes);
  tcase_add_test(rec, plan_origin_checkins_and_readiness);
  tcase_set_timeout(rec, 60);
  suite_add_tcase(s, rec);
  return s;
}

KC_CHECK_MAIN(userdb_records_suite)
