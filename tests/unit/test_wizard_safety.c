/* THE SAFETY ENUMERATION over the real wizard definition (wizard_real.h
 * loads it): combinations of warning-sign answers over a spread of stories,
 * proving that the level is never below the most urgent positive sign, that
 * the first cause is then that sign's danger (never a benign cause), and
 * that the tests that load the knee (hop, single-leg squat) are never asked
 * after a sign or a recent injury. What each answer should do is read from
 * the SQL by this test (struct model), not taken from the engine. */
#include "wizard_real.h"

/* ---- the safety enumeration -------------------------------------------------------- */

/* Stories told after the warning signs (all "no" unless varied). The
 * enumeration varies the red flags (and the Ottawa questions of the
 * injured stories) around each. */
#define RF_NO                                                                                      \
  "rf-chest=no\nrf-foot-cold=no\nrf-deformed=no\nrf-wound=no\nrf-no-weight=no\nrf-foot-numb=no\n"  \
  "rf-kneecap-out=no\nrf-locked=no\nrf-fever=no\nrf-cannot-straighten=no\nrf-thinners=no\n"        \
  "rf-calf=no\nrf-hot-knee=no\nrf-fast-swelling=no\nrf-rest-pain=no\nrf-night=no\nrf-lump=no\n"    \
  "rf-weight-loss=no\nrf-groin=no\n"
/* the same with a hot, swollen knee (the knee replacement question follows it) */
#define RF_HOT                                                                                     \
  "rf-chest=no\nrf-foot-cold=no\nrf-deformed=no\nrf-wound=no\nrf-no-weight=no\nrf-foot-numb=no\n"  \
  "rf-kneecap-out=no\nrf-locked=no\nrf-fever=no\nrf-cannot-straighten=no\nrf-thinners=no\n"        \
  "rf-calf=no\nrf-hot-knee=yes\nrf-fast-swelling=no\nrf-rest-pain=no\nrf-night=no\nrf-lump=no\n"   \
  "rf-weight-loss=no\nrf-groin=no\n"
#define OT_NO                                                                                      \
  "ot-kneecap=no\not-other-bone=no\not-fibula=no\not-can-bend=yes\not-excluded=no\n"               \
  "inj-unstable=no\n"
#define REST                                                                                       \
  "feel=dull-ache\nrun=after\nswelling=none\nmechanical=none\nstiffness=none\njoints=none\n"       \
  "duration=3-days-2-weeks\nhome-care=not-yet\n"

static const struct {
  const char *name, *text;
  bool injured;  /* the Ottawa questions are asked */
  bool age_sign; /* 55 or over after a recent injury: the Ottawa age rule is positive */
} profiles[] = {
    {"runners-knee",
     "age=16-29\nside=left\n" RF_NO "injury=no\nonset=training-change\nchange=hills\n"
     "location=kneecap\nworse=stairs-down,sitting\n" REST "hop=no\ncontrol=no\n",
     false, false},
    {"it-band",
     "age=30-44\nside=right\n" RF_NO "injury=no\nonset=training-change\nchange=surface\n"
     "location=outer\nworse=downhill\n" REST "hop=no\ncontrol=no\n",
     false, false},
    {"injured-adult",
     "age=30-44\nside=left\n" RF_NO "injury=recent\n" OT_NO "mechanism=twist\n"
     "location=inner-joint-line\nworse=pivoting\n" REST,
     true, false},
    {"injured-older",
     "age=55-plus\nside=left\n" RF_NO "injury=recent\n" OT_NO "mechanism=fall\n"
     "location=kneecap\nworse=kneeling\n" REST,
     true, true},
    {"injury-unsure",
     "age=45-54\nside=both\n" RF_NO "injury=unsure\n" OT_NO "mechanism=unsure\nonset=gradual\n"
     "location=all-over\nworse=walking\n" REST,
     true, false},
    {"child",
     "age=under-16\nside=right\n" RF_NO "rf-child-hip=no\ninjury=no\nonset=gradual\n"
     "location=below-kneecap\nworse=jumping,kneeling\n" REST "hop=no\ncontrol=no\n",
     false, false},
    {"meniscus-weeks",
     "age=30-44\nside=left\n" RF_NO "injury=weeks\nmechanism=twist\nlocation=inner-joint-line\n"
     "worse=squatting\n" REST "hop=no\ncontrol=no\n",
     false, false},
    {"back",
     "age=45-54\nside=right\n" RF_NO "injury=no\nonset=gradual\nlocation=all-over\nworse=sitting\n"
     "feel=dull-ache\nrun=no-change\nswelling=none\nmechanical=none\nstiffness=none\n"
     "joints=back\nback-nerves=no\nduration=2-6-weeks\nhome-care=not-yet\nhop=no\ncontrol=no\n",
     false, false},
    {"hot-knee",
     "age=55-plus\nside=left\n" RF_HOT "replacement=no\ninjury=no\nonset=sudden\n"
     "location=all-over\nworse=walking\nfeel=throbbing\nrun=not-running\nswelling=no-injury\n"
     "mechanical=none\nstiffness=short\njoints=none\nduration=under-3-days\nhome-care=not-yet\n",
     false, false},
    {"vague",
     "age=30-44\nside=left\n" RF_NO "injury=no\nonset=gradual\nlocation=all-over\nworse=nothing\n"
     "feel=dull-ache\nrun=no-change\nswelling=none\nmechanical=none\nstiffness=none\n"
     "joints=none\nduration=3-days-2-weeks\nhome-care=not-yet\nhop=no\ncontrol=no\n",
     false, false},
};
#define N_PROFILES (sizeof profiles / sizeof profiles[0])

/* The test's own reading of the SQL: per option, the sign it reports and
 * the level it forces; per sign, its level and the causes it may name. */
#define MAX_Q 64
#define MAX_SIGNS 64
struct model {
  int opt_sign[MAX_Q][KC_WZ_MAX_OPTIONS]; /* index into sign[], or -1 */
  int opt_level[MAX_Q][KC_WZ_MAX_OPTIONS];
  struct {
    char id[48];
    int level, position;
    char allowed[8][48]; /* its cause, then sign_cause */
    int n_allowed;
    /* positive_if (other than the age rule): every clause holds */
    struct {
      size_t q;
      uint64_t mask;
    } when[4];
    int n_when;
  } sign[MAX_SIGNS];
  int n_signs, age_sign;
};

static int model_sign(const struct model *m, const char *id) {
  for (int i = 0; i < m->n_signs; i++)
    if (strcmp(m->sign[i].id, id) == 0) return i;
  return -1;
}

/* positive_if as the SQL writes it: "q=a|b & q2=c", read by the test. */
static void model_positive_if(struct model *m, int si, const char *text) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", text);
  for (char *save = NULL, *cl = strtok_r(buf, "&", &save); cl; cl = strtok_r(NULL, "&", &save)) {
    while (*cl == ' ') cl++;
    char *eq = strchr(cl, '=');
    ck_assert_ptr_nonnull(eq);
    *eq = '\0';
    int qi = kc_wz_find_question(def, cl);
    ck_assert_int_ge(qi, 0);
    ck_assert_int_lt(m->sign[si].n_when, 4);
    uint64_t mask = 0;
    for (char *s2 = NULL, *o = strtok_r(eq + 1, "| ", &s2); o; o = strtok_r(NULL, "| ", &s2)) {
      int oj = kc_wz_find_option(def, (size_t)qi, o);
      ck_assert_int_ge(oj, 0);
      mask |= (uint64_t)1 << oj;
    }
    m->sign[si].when[m->sign[si].n_when].q = (size_t)qi;
    m->sign[si].when[m->sign[si].n_when++].mask = mask;
  }
}

static void model_load(struct model *m) {
  memset(m, 0, sizeof *m);
  sqlite3_stmt *st = NULL;
  ck_assert_int_eq(
      sqlite3_prepare_v2(db, "SELECT id, level, position, cause_id FROM sign", -1, &st, NULL),
      SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) {
    ck_assert_int_lt(m->n_signs, MAX_SIGNS);
    snprintf(m->sign[m->n_signs].id, 48, "%s", sqlite3_column_text(st, 0));
    m->sign[m->n_signs].level = sqlite3_column_int(st, 1);
    m->sign[m->n_signs].position = sqlite3_column_int(st, 2);
    snprintf(m->sign[m->n_signs].allowed[0], 48, "%s", sqlite3_column_text(st, 3));
    m->sign[m->n_signs++].n_allowed = 1;
  }
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db, "SELECT sign_id, cause_id FROM sign_cause", -1, &st, NULL);
  while (sqlite3_step(st) == SQLITE_ROW) {
    int si = model_sign(m, (const char *)sqlite3_column_text(st, 0));
    ck_assert_int_ge(si, 0);
    snprintf(m->sign[si].allowed[m->sign[si].n_allowed++], 48, "%s", sqlite3_column_text(st, 1));
  }
  sqlite3_finalize(st);
  m->age_sign = model_sign(m, "ottawa-age");
  ck_assert_int_ge(m->age_sign, 0);
  sqlite3_prepare_v2(db, "SELECT id, positive_if FROM sign WHERE positive_if IS NOT NULL", -1, &st,
                     NULL);
  while (sqlite3_step(st) == SQLITE_ROW) {
    int si = model_sign(m, (const char *)sqlite3_column_text(st, 0));
    if (si != m->age_sign) model_positive_if(m, si, (const char *)sqlite3_column_text(st, 1));
  }
  sqlite3_finalize(st);
  ck_assert_uint_le(kc_wz_question_count(def), MAX_Q);
  sqlite3_prepare_v2(db, "SELECT question_id, id, sign_id, level FROM wizard_option", -1, &st,
                     NULL);
  while (sqlite3_step(st) == SQLITE_ROW) {
    int qi = kc_wz_find_question(def, (const char *)sqlite3_column_text(st, 0));
    int oj = kc_wz_find_option(def, (size_t)qi, (const char *)sqlite3_column_text(st, 1));
    ck_assert(qi >= 0 && oj >= 0);
    const char *sid = (const char *)sqlite3_column_text(st, 2);
    m->opt_sign[qi][oj] = sid ? model_sign(m, sid) : -1;
    m->opt_level[qi][oj] = sid ? m->sign[m->opt_sign[qi][oj]].level : sqlite3_column_int(st, 3);
  }
  sqlite3_finalize(st);
}

struct safety {
  struct model m;
  size_t varied[MAX_Q]; /* questions varied for the current profile */
  int val[MAX_Q];       /* per varied question: 0 no, 1 yes, 2 not sure */
  int opt[MAX_Q][3];    /* option index of each value */
  size_t n_varied;
  size_t hop, control;
  struct kc_wz_answers *a;
  bool age_sign, injured_recently;
  unsigned long checked;
  const char *profile;
};

static void fail_combo(const struct safety *S, const char *what, int got, int want) {
  char combo[1024];
  size_t o = 0;
  for (size_t v = 0; v < S->n_varied && o < sizeof combo - 80; v++)
    if (S->val[v])
      o += (size_t)snprintf(combo + o, sizeof combo - o, " %s=%s",
                            kc_wz_question_at(def, S->varied[v])->id,
                            S->val[v] == 1 ? "yes" : "unsure");
  ck_abort_msg("SAFETY: story %s with%s: %s (got %d, expected %d)", S->profile, combo, what, got,
               want);
}

/* What the answers should give, read through the model: the level of the
 * most urgent option (want), the most urgent sign (top, -1: none; the
 * earlier sign on a tie) and the earliest question reporting a sign. */
static void expected(const struct safety *S, int *want, int *top, size_t *first_sign_q) {
  const struct model *m = &S->m;
  *want = S->age_sign ? m->sign[m->age_sign].level : 0;
  *top = S->age_sign ? m->age_sign : -1;
  *first_sign_q = S->age_sign ? 0 : MAX_Q;
  for (size_t qi = 0; qi < kc_wz_question_count(def); qi++) {
    if (!kc_wz_is_asked(def, S->a, qi)) continue;
    uint64_t mask = kc_wz_answers_get(S->a, qi);
    for (size_t j = 0; mask; j++, mask >>= 1) {
      if (!(mask & 1)) continue;
      int si = m->opt_sign[qi][j];
      if (m->opt_level[qi][j] > *want) *want = m->opt_level[qi][j];
      if (si < 0) continue;
      if (qi < *first_sign_q) *first_sign_q = qi;
      if (*top < 0 || m->sign[si].level > m->sign[*top].level ||
          (m->sign[si].level == m->sign[*top].level &&
           m->sign[si].position < m->sign[*top].position))
        *top = si;
    }
  }
  /* signs made positive by a combination of answers (positive_if) */
  for (int si = 0; si < m->n_signs; si++) {
    if (!m->sign[si].n_when) continue;
    bool all = true;
    size_t last = 0;
    for (int c = 0; c < m->sign[si].n_when && all; c++) {
      size_t q = m->sign[si].when[c].q;
      all = kc_wz_is_asked(def, S->a, q) && (kc_wz_answers_get(S->a, q) & m->sign[si].when[c].mask);
      if (q > last) last = q;
    }
    if (!all) continue;
    if (m->sign[si].level > *want) *want = m->sign[si].level;
    if (last < *first_sign_q) *first_sign_q = last;
    if (*top < 0 || m->sign[si].level > m->sign[*top].level ||
        (m->sign[si].level == m->sign[*top].level && m->sign[si].position < m->sign[*top].position))
      *top = si;
  }
}

/* The first cause shown is one the sign may name (its own danger or one of
 * its sign_cause rows), and it is shown as a danger. */
static bool first_is_danger(const struct model *m, int top, const struct kc_wz_result *r) {
  if (r->n_dangers == 0 || r->n_causes == 0) return false;
  const char *first = kc_wz_cause_at(def, r->causes[0].cause)->id;
  for (int k = 0; k < m->sign[top].n_allowed; k++)
    if (strcmp(first, m->sign[top].allowed[k]) == 0) return true;
  return false;
}

static bool test_asked_after(const struct safety *S, size_t q) {
  return (S->hop > q && kc_wz_is_asked(def, S->a, S->hop)) ||
         (S->control > q && kc_wz_is_asked(def, S->a, S->control));
}

/* One combination against the three invariants. The hot loop avoids
 * passing ck_assert calls: check records each with a write() to its pipe. */
static void check_one(struct safety *S) {
  int want, top;
  size_t first_sign_q;
  expected(S, &want, &top, &first_sign_q);
  struct kc_wz_result r;
  if (kc_wz_score(def, S->a, &r) != 0) ck_abort_msg("scoring failed");
  if ((int)r.level < want || (int)r.flag_level < want)
    fail_combo(S, "level below the most urgent sign", (int)r.level, want);
  if (top >= 0 && !first_is_danger(&S->m, top, &r))
    fail_combo(S, "first cause is not the most urgent sign's danger", 0, 1);
  if (top >= 0 && test_asked_after(S, first_sign_q))
    fail_combo(S, "a test is asked after a warning sign", 1, 0);
  if (S->injured_recently && test_asked_after(S, 0))
    fail_combo(S, "a test is asked after a recent injury", 1, 0);
  kc_wz_result_free(&r);
  S->checked++;
}

static void put(struct safety *S, size_t v, int val) {
  S->val[v] = val;
  if (kc_wz_answers_set_mask(S->a, S->varied[v], (uint64_t)1 << S->opt[v][val]) != 0)
    ck_abort_msg("cannot set question %zu", S->varied[v]);
}

static void reset(struct safety *S) {
  for (size_t v = 0; v < S->n_varied; v++) put(S, v, 0);
}

/* The red flags (and the Ottawa questions when asked) of this profile, with
 * the options for no, yes (the first option reporting a sign) and not sure. */
static void pick_varied(struct safety *S) {
  S->n_varied = 0;
  for (size_t qi = 0; qi < kc_wz_question_count(def); qi++) {
    const struct kc_wz_question *q = kc_wz_question_at(def, qi);
    bool rf = strcmp(q->section, KC_WZ_SECTION_RED_FLAGS) == 0,
         ot = strcmp(q->section, "ottawa") == 0;
    if (!(rf || ot) || !kc_wz_is_asked(def, S->a, qi)) continue;
    int no = -1, yes = -1, unsure = kc_wz_find_option(def, qi, KC_WZ_UNSURE);
    for (size_t j = 0; j < q->n_options; j++) {
      if (S->m.opt_sign[qi][j] < 0 && no < 0) no = (int)j;
      if (S->m.opt_sign[qi][j] >= 0 && yes < 0 && (int)j != unsure) yes = (int)j;
    }
    ck_assert(no >= 0 && yes >= 0 && unsure >= 0);
    S->varied[S->n_varied] = qi;
    S->opt[S->n_varied][0] = no;
    S->opt[S->n_varied][1] = yes;
    S->opt[S->n_varied][2] = unsure;
    S->n_varied++;
  }
}

static struct kc_wz_answers *story(const char *text) {
  struct kc_wz_answers *a = kc_wz_answers_new(def);
  char err[256];
  ck_assert_msg(kc_wz_parse_answers(def, text, strlen(text), a, err, sizeof err) == 0, "%s\n%s",
                err, text);
  return a;
}

static void enumerate_profile(struct safety *S, size_t p) {
  S->profile = profiles[p].name;
  S->a = story(profiles[p].text);
  S->age_sign = profiles[p].age_sign;
  S->injured_recently = profiles[p].injured;
  pick_varied(S);
  size_t n = S->n_varied;
  /* the story alone */
  check_one(S);
  /* 1. every yes/no combination of the red flags, for the first story */
  if (p == 0)
    for (unsigned long k = 1; k < (1ul << n); k++) {
      size_t bit = (size_t)__builtin_ctzl(k);
      put(S, bit, S->val[bit] ? 0 : 1);
      check_one(S);
    }
  /* 2. every pair over {no, yes, not sure}, every triple of yeses */
  reset(S);
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      for (int vi = 1; vi < 3; vi++)
        for (int vj = 1; vj < 3; vj++) {
          put(S, i, vi);
          put(S, j, vj);
          check_one(S);
        }
      for (size_t k = j + 1; k < n; k++) {
        put(S, k, 1);
        put(S, i, 1);
        put(S, j, 1);
        check_one(S);
        put(S, k, 0);
      }
      put(S, i, 0);
      put(S, j, 0);
    }
  /* 3. random samples of the full space, mostly "no" */
  unsigned long seed = 0x9e3779b9ul + p;
  for (int k = 0; k < 4000; k++) {
    for (size_t v = 0; v < n; v++) {
      seed = seed * 6364136223846793005ul + 1442695040888963407ul;
      put(S, v, (seed >> 40) % 5 ? 0 : (int)((seed >> 33) % 2) + 1);
    }
    check_one(S);
  }
  kc_wz_answers_free(S->a);
  S->a = NULL;
}

START_TEST(safety_enumeration) {
  static struct safety S;
  memset(&S, 0, sizeof S);
  model_load(&S.m);
  S.hop = (size_t)kc_wz_find_question(def, "hop");
  S.control = (size_t)kc_wz_find_question(def, "control");
  ck_assert(kc_wz_question_at(def, S.hop)->provocation);
  ck_assert(kc_wz_question_at(def, S.control)->provocation);
  for (size_t p = 0; p < N_PROFILES; p++) enumerate_profile(&S, p);
  printf("safety: %lu combinations checked (warning signs x %zu stories: all yes/no for one, "
         "all pairs and triples, 4000 random each; level, first cause, tests)\n",
         S.checked, N_PROFILES);
  fflush(stdout);
}
END_TEST

/* Every option that reports a sign, alone on a story where it is asked:
 * the level is at least the sign's, its danger comes first, the why names
 * it with a source. */
START_TEST(each_sign_alone) {
  static struct safety S;
  memset(&S, 0, sizeof S);
  model_load(&S.m);
  S.hop = (size_t)kc_wz_find_question(def, "hop");
  S.control = (size_t)kc_wz_find_question(def, "control");
  size_t tried = 0;
  for (size_t qi = 0; qi < kc_wz_question_count(def); qi++)
    for (size_t j = 0; j < kc_wz_question_at(def, qi)->n_options; j++) {
      if (S.m.opt_sign[qi][j] < 0) continue;
      for (size_t p = 0; p < N_PROFILES; p++) {
        struct kc_wz_answers *a = story(profiles[p].text);
        if (!kc_wz_is_asked(def, a, qi) || profiles[p].age_sign) {
          kc_wz_answers_free(a);
          continue;
        }
        ck_assert_int_eq(kc_wz_answers_set_mask(a, qi, (uint64_t)1 << j), 0);
        S.a = a;
        S.profile = profiles[p].name;
        S.age_sign = false;
        S.injured_recently = profiles[p].injured;
        S.n_varied = 0;
        check_one(&S);
        struct kc_wz_result r;
        ck_assert_int_eq(kc_wz_score(def, a, &r), 0);
        bool named = false;
        for (size_t k = 0; k < r.n_why; k++)
          named |= r.why[k].kind == KC_WZ_WHY_SIGN && r.why[k].source;
        ck_assert(named);
        kc_wz_result_free(&r);
        kc_wz_answers_free(a);
        tried++;
      }
    }
  ck_assert_uint_gt(tried, 50);
}
END_TEST

static Suite *safety_suite(void) {
  Suite *s = suite_create("wizard_safety");
  TCase *t = tcase_create("safety");
  tcase_add_checked_fixture(t, setup, teardown);
  /* about 10 s normally; sanitizers scale it with CK_TIMEOUT_MULTIPLIER */
  tcase_set_timeout(t, 120);
  tcase_add_test(t, safety_enumeration);
  tcase_add_test(t, each_sign_alone);
  suite_add_tcase(s, t);
  return s;
}

KC_CHECK_MAIN(safety_suite)
