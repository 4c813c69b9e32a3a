/* The real wizard definition: db/20_wizard.sql executed into an in-memory
 * database, loaded with kc_wz_load and validated, then
 *  - the data pinned to the clinical notes (red-flag levels, sources, the
 *    Ottawa rules, "not sure" = yes),
 *  - the case stories of tests/cases through the engine,
 *  - pain outside the inner knee is not forced into an inner-knee answer,
 *  - THE SAFETY ENUMERATION: every combination of red-flag answers with a
 *    spread of stories, proving the level is never below the most urgent red
 *    flag answered. Expected minimum levels are read from the SQL by this
 *    test itself, not taken from the engine. */
#include <dirent.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kc_check.h"
#include "kneecare/wizard.h"
#include "kneecare/wizard_load.h"

static sqlite3 *db;
static struct kc_wz_def *def;

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
  long n = ftell(f);
  ck_assert_int_ge(n, 0);
  rewind(f);
  char *buf = malloc((size_t)n + 1);
  ck_assert_ptr_nonnull(buf);
  ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
  buf[n] = '\0';
  fclose(f);
  if (len) *len = (size_t)n;
  return buf;
}

/* Articles exist as assets/articles/<topic>/<id>.md. */
static bool article_file_exists(const char *id, void *ctx) {
  (void)ctx;
  char dir[4096], path[4096 + 256];
  snprintf(dir, sizeof dir, "%s/assets/articles", KC_SOURCE_DIR);
  DIR *d = opendir(dir);
  if (!d) return false;
  bool found = false;
  struct dirent *e;
  while (!found && (e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    struct stat st;
    int n = snprintf(path, sizeof path, "%s/%s/%s.md", dir, e->d_name, id);
    if (n < 0 || (size_t)n >= sizeof path) continue;
    found = stat(path, &st) == 0 && S_ISREG(st.st_mode);
  }
  closedir(d);
  return found;
}

static void setup(void) {
  char path[4096], *err = NULL, msg[512];
  snprintf(path, sizeof path, "%s/db/20_wizard.sql", KC_SOURCE_DIR);
  char *sql = slurp(path, NULL);
  ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
  ck_assert_msg(rc == SQLITE_OK, "db/20_wizard.sql: %s", err ? err : "?");
  free(sql);
  ck_assert_msg(kc_wz_load(db, &def, msg, sizeof msg) == 0, "load: %s", msg);
  ck_assert_msg(kc_wz_def_validate(def, article_file_exists, NULL, msg, sizeof msg) == 0,
                "validate: %s", msg);
}

static void teardown(void) {
  kc_wz_def_free(def);
  def = NULL;
  sqlite3_close(db);
  db = NULL;
}

/* One integer from a query with up to two text parameters; -1 if no row. */
static int query_int(const char *sql, const char *p1, const char *p2) {
  sqlite3_stmt *st = NULL;
  ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(db));
  if (p1) sqlite3_bind_text(st, 1, p1, -1, SQLITE_STATIC);
  if (p2) sqlite3_bind_text(st, 2, p2, -1, SQLITE_STATIC);
  int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
  sqlite3_finalize(st);
  return v;
}

/* ---- the data against the clinical notes --------------------------------------- */

/* Clinical notes 2.1 (R1..R16, R12 split into wound and blood thinners),
 * safer level where a range is given. A change here needs a clinical reason. */
static const struct {
  const char *id;
  int level;
} red_flags[] = {
    {"rf-calf", 3},              /* R1 DVT */
    {"rf-chest", 5},             /* R2 pulmonary embolism */
    {"rf-fever", 5},             /* R3 septic arthritis */
    {"rf-hot-knee", 3},          /* R4 gout / infection not excluded */
    {"rf-deformed", 5},          /* R5 deformity */
    {"rf-kneecap-out", 5},       /* R11 kneecap dislocation, L4/L3 -> 4 */
    {"rf-no-weight", 5},         /* R6 cannot bear weight */
    {"rf-locked", 5},            /* R8 locked knee, L3-L4 -> 4 */
    {"rf-foot", 5},              /* R7 neurovascular */
    {"rf-fast-swelling", 3},     /* R9 haemarthrosis */
    {"rf-rest-pain", 3},         /* R13 severe pain at rest */
    {"rf-night-unwell", 3},      /* R14 night pain, weight loss */
    {"rf-wound", 5},             /* R12 wound into the joint */
    {"rf-thinners", 5},          /* R12/R9 anticoagulants with a swollen knee */
    {"rf-cannot-straighten", 5}, /* R10 tendon rupture */
    {"rf-groin", 3},             /* R16 femoral neck stress fracture */
    {"rf-child-limp", 3},        /* R15 SCFE */
};
#define N_RF (sizeof red_flags / sizeof red_flags[0])

START_TEST(red_flags_match_the_notes) {
  ck_assert_int_eq(
      query_int("SELECT count(*) FROM wizard_question WHERE section = 'red-flags'", NULL, NULL),
      (int)N_RF);
  for (size_t i = 0; i < N_RF; i++) {
    const char *id = red_flags[i].id;
    int qi = kc_wz_find_question(def, id);
    ck_assert_msg(qi == (int)i, "red flag %s is at %d, expected %zu (red flags first)", id, qi, i);
    const struct kc_wz_question *q = kc_wz_question_at(def, (size_t)qi);
    ck_assert_str_eq(q->section, "red-flags");
    ck_assert_ptr_null(q->ask_if);
    ck_assert(q->required);
    ck_assert_int_eq(q->kind, KC_WZ_ONE);
    ck_assert_uint_eq(q->n_options, 3);
    int yes = query_int("SELECT level FROM wizard_option WHERE question_id = ?1 AND id = 'yes'", id,
                        NULL);
    int no =
        query_int("SELECT level FROM wizard_option WHERE question_id = ?1 AND id = 'no'", id, NULL);
    int unsure = query_int(
        "SELECT level FROM wizard_option WHERE question_id = ?1 AND id = 'unsure'", id, NULL);
    ck_assert_msg(yes == red_flags[i].level, "%s: yes has level %d, notes say %d", id, yes,
                  red_flags[i].level);
    ck_assert_int_eq(no, 0);
    ck_assert_msg(unsure == yes, "%s: not sure must count as yes", id);
    /* and the engine agrees */
    ck_assert_int_eq(
        kc_wz_option_level(def, (size_t)qi, (size_t)kc_wz_find_option(def, (size_t)qi, "unsure")),
        yes);
  }
  /* nothing after the red flags is in that section */
  ck_assert_str_ne(kc_wz_question_at(def, N_RF)->section, "red-flags");
}
END_TEST

START_TEST(every_level_has_a_source) {
  ck_assert_int_eq(
      query_int("SELECT count(*) FROM wizard_option WHERE level > 0 AND "
                "(source IS NULL OR length(trim(source)) < 10 OR source NOT LIKE '%http%' "
                "AND source NOT LIKE '%nhs.uk%')",
                NULL, NULL),
      0);
  ck_assert_int_eq(query_int("SELECT count(*) FROM wizard_cause WHERE min_level >= 2 AND "
                             "(source IS NULL OR length(trim(source)) < 10)",
                             NULL, NULL),
                   0);
  ck_assert_int_eq(query_int("SELECT count(*) FROM wizard_rule WHERE level > 0 AND "
                             "(source IS NULL OR length(trim(source)) < 10)",
                             NULL, NULL),
                   0);
  /* and through the engine's view */
  for (size_t i = 0; i < kc_wz_question_count(def); i++) {
    const struct kc_wz_question *q = kc_wz_question_at(def, i);
    for (size_t j = 0; j < q->n_options; j++)
      if (q->options[j].level > 0)
        ck_assert_msg(q->options[j].source && strlen(q->options[j].source) > 10,
                      "%s=%s has no source", q->id, q->options[j].id);
  }
}
END_TEST

START_TEST(ottawa_rules) {
  static const char *ids[] = {"ot-age", "ot-kneecap", "ot-fibula", "ot-bend", "ot-steps"};
  int injury = kc_wz_find_question(def, "injury");
  ck_assert_int_eq(injury, (int)N_RF);
  for (size_t i = 0; i < 5; i++) {
    int qi = kc_wz_find_question(def, ids[i]);
    ck_assert_int_eq(qi, injury + 1 + (int)i);
    const struct kc_wz_question *q = kc_wz_question_at(def, (size_t)qi);
    ck_assert_str_eq(q->section, "ottawa");
    ck_assert_str_eq(q->ask_if, "injury=yes|unsure");
    ck_assert_int_eq(
        query_int("SELECT level FROM wizard_option WHERE question_id = ?1 AND id = 'yes'", ids[i],
                  NULL),
        5);
    ck_assert_int_eq(kc_wz_option_level(def, (size_t)qi, 0), KC_LEVEL_AMBULANCE);
  }
  struct kc_wz_answers *a = kc_wz_answers_new(def);
  for (size_t i = 0; i < N_RF; i++) kc_wz_answers_set(a, i, 1); /* no */
  ck_assert(!kc_wz_is_asked(def, a, (size_t)injury + 1));
  kc_wz_answers_set(a, (size_t)injury, 1); /* no */
  ck_assert(!kc_wz_is_asked(def, a, (size_t)injury + 1));
  kc_wz_answers_set(a, (size_t)injury, 2); /* unsure: asked, to be safe */
  ck_assert(kc_wz_is_asked(def, a, (size_t)injury + 1));
  kc_wz_answers_set(a, (size_t)injury, 0); /* yes */
  for (size_t i = 0; i < 5; i++) ck_assert(kc_wz_is_asked(def, a, (size_t)injury + 1 + i));
  kc_wz_answers_free(a);
}
END_TEST

START_TEST(causes_are_the_articles) {
  static const char *ids[] = {"runners-knee",
                              "chondromalacia",
                              "it-band-syndrome",
                              "mcl-injury",
                              "acl-injury",
                              "meniscus-tear",
                              "osteoarthritis",
                              "rheumatoid-arthritis",
                              "pes-anserine-bursitis",
                              "training-load",
                              "muscle-imbalance",
                              "pain-from-outside-knee",
                              "medial-plica",
                              "tibial-stress-fracture",
                              "kneecap-dislocation",
                              "hot-swollen-knee"};
  ck_assert_uint_eq(kc_wz_cause_count(def), sizeof ids / sizeof ids[0]);
  for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
    int ci = kc_wz_find_cause(def, ids[i]);
    ck_assert_msg(ci >= 0, "no cause %s", ids[i]);
    ck_assert_str_eq(kc_wz_cause_at(def, (size_t)ci)->article_id, ids[i]);
  }
}
END_TEST

/* ---- answers built from text ----------------------------------------------------- */

static const char *all_flags_no(void) {
  static char buf[1024];
  size_t o = 0;
  for (size_t i = 0; i < N_RF; i++)
    o += (size_t)snprintf(buf + o, sizeof buf - o, "%s=no\n", red_flags[i].id);
  return buf;
}

/* Parses red flags (all "no") + story; fails the test on a parse error. */
static struct kc_wz_answers *story(const char *text) {
  char buf[4096], err[256];
  snprintf(buf, sizeof buf, "%s%s", all_flags_no(), text);
  struct kc_wz_answers *a = kc_wz_answers_new(def);
  ck_assert_ptr_nonnull(a);
  ck_assert_msg(kc_wz_parse_answers(def, buf, strlen(buf), a, err, sizeof err) == 0, "%s\n%s", err,
                text);
  return a;
}

static const char *top_cause(const struct kc_wz_result *r) {
  return r->n_causes ? kc_wz_cause_at(def, r->causes[0].cause)->id : "(none)";
}

/* Overuse stories with the location left open (%s). */
static const char *overuse[] = {
    "injury=no\nonset=training-change\nchange=distance\nlocation=%s\nfeel=dull-ache\n"
    "worse=running,stairs-down\nrun=after\nswelling=none\nmechanical=none\n%scontrol=no\n"
    "stiffness=none\nage=30-44\njoints=none\nduration=3-days-2-weeks\nhome-care=not-yet\n",
    "injury=no\nonset=gradual\nlocation=%s\nfeel=sharp\nworse=running\nrun=after\n"
    "swelling=none\nmechanical=none\n%scontrol=no\nstiffness=none\nage=16-29\njoints=none\n"
    "duration=under-3-days\nhome-care=not-yet\n",
    "injury=no\nonset=training-change\nchange=hills,surface\nlocation=%s\nfeel=dull-ache\n"
    "worse=downhill,stairs-up\nrun=after\nswelling=none\nmechanical=none\n%scontrol=yes\n"
    "stiffness=none\nage=45-54\njoints=none\nduration=3-days-2-weeks\nhome-care=not-yet\n",
    "injury=no\nonset=gradual\nlocation=%s\nfeel=dull-ache\nworse=nothing\nrun=not-running\n"
    "swelling=none\nmechanical=clicking\n%scontrol=not-tried\nstiffness=short\nage=55-plus\n"
    "joints=none\nduration=2-6-weeks\nhome-care=easing\n",
};

static void location_leads_to(const char *location, const char *cause, size_t n_stories) {
  bool hop = strcmp(location, "inner-joint-line") == 0 || strcmp(location, "inner-below") == 0;
  ck_assert_uint_le(n_stories, sizeof overuse / sizeof overuse[0]);
  for (size_t i = 0; i < n_stories; i++) {
    char text[2048];
    snprintf(text, sizeof text, overuse[i], location, hop ? "hop=no\n" : "");
    struct kc_wz_answers *a = story(text);
    struct kc_wz_result r;
    ck_assert_int_eq(kc_wz_score(def, a, &r), 0);
    ck_assert_msg(strcmp(top_cause(&r), cause) == 0, "story %zu at %s: top %s, expected %s", i,
                  location, top_cause(&r), cause);
    kc_wz_result_free(&r);
    kc_wz_answers_free(a);
  }
}

#define ALL_STORIES (sizeof overuse / sizeof overuse[0])

START_TEST(outer_side_is_it_band) { location_leads_to("outer", "it-band-syndrome", ALL_STORIES); }
END_TEST

START_TEST(hip_groin_is_from_outside_the_knee) {
  location_leads_to("hip-groin-thigh", "pain-from-outside-knee", ALL_STORIES);
}
END_TEST

/* Not the last story: a runner over 55 with short morning stiffness and
 * pain at the kneecap may well have osteoarthritis behind the kneecap. */
START_TEST(front_of_knee_is_runners_knee) {
  location_leads_to("kneecap", "runners-knee", ALL_STORIES - 1);
}
END_TEST

START_TEST(below_inner_joint_is_pes_anserine) {
  location_leads_to("inner-below", "pes-anserine-bursitis", ALL_STORIES - 1); /* same reason */
}
END_TEST

START_TEST(outer_side_is_not_an_inner_cause) {
  /* Even a twist injury on the outer side does not rank the inner-side
   * causes above IT band or the joint itself. */
  struct kc_wz_answers *a =
      story("injury=no\nonset=gradual\nlocation=outer\nfeel=sharp\nworse=running\nrun=same-point\n"
            "swelling=none\nmechanical=none\ncontrol=no\nstiffness=none\nage=30-44\njoints=none\n"
            "duration=3-days-2-weeks\nhome-care=not-yet\n");
  struct kc_wz_result r;
  ck_assert_int_eq(kc_wz_score(def, a, &r), 0);
  for (size_t k = 0; k < r.n_causes; k++) {
    const char *id = kc_wz_cause_at(def, r.causes[k].cause)->id;
    ck_assert_str_ne(id, "mcl-injury");
    ck_assert_str_ne(id, "pes-anserine-bursitis");
    ck_assert_str_ne(id, "medial-plica");
  }
  ck_assert_str_eq(top_cause(&r), "it-band-syndrome");
  /* the reason is shown */
  ck_assert(r.causes[0].n_pro > 0);
  ck_assert_ptr_nonnull(strstr(r.causes[0].pro[0].text, "outer side"));
  kc_wz_result_free(&r);
  kc_wz_answers_free(a);
}
END_TEST

/* ---- case stories ---------------------------------------------------------------- */

/* tests/cases/expected.txt: "name level=L top3=a,b,c" per line. The level
 * must match, the first cause must be a, and the set of the first three
 * ranked causes must equal {a, b, c}. */
START_TEST(case_stories) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/cases/expected.txt", KC_SOURCE_DIR);
  char *exp = slurp(path, NULL);
  size_t n_cases = 0;
  for (char *line = exp, *next; line && *line; line = next) {
    next = strchr(line, '\n');
    if (next) *next++ = '\0';
    if (line[0] == '#' || line[0] == '\0') continue;
    char name[128], level[32], top3[512];
    ck_assert_msg(sscanf(line, "%127s level=%31s top3=%511s", name, level, top3) == 3,
                  "bad expected.txt line: %s", line);
    const char *want[3];
    size_t n_want = 0;
    char *save = NULL;
    for (char *c = strtok_r(top3, ",", &save); c; c = strtok_r(NULL, ",", &save)) {
      ck_assert_msg(n_want < 3, "%s: more than three expected causes", name);
      ck_assert_msg(kc_wz_find_cause(def, c) >= 0, "%s: unknown cause %s", name, c);
      want[n_want++] = c;
    }
    snprintf(path, sizeof path, "%s/tests/cases/%s.answers", KC_SOURCE_DIR, name);
    size_t len;
    char *text = slurp(path, &len);
    ck_assert_msg(text[0] == '#', "%s: start with a comment telling the runner's story", name);
    struct kc_wz_answers *a = kc_wz_answers_new(def);
    char err[256];
    ck_assert_msg(kc_wz_parse_answers(def, text, len, a, err, sizeof err) == 0, "%s: %s", name,
                  err);
    struct kc_wz_result r;
    ck_assert_int_eq(kc_wz_score(def, a, &r), 0);
    ck_assert_msg(strcmp(kc_level_name(r.level), level) == 0, "%s: level %s, expected %s", name,
                  kc_level_name(r.level), level);
    ck_assert_msg(r.n_causes >= n_want, "%s: only %zu causes ranked", name, r.n_causes);
    ck_assert_msg(strcmp(top_cause(&r), want[0]) == 0, "%s: top cause %s, expected %s", name,
                  top_cause(&r), want[0]);
    size_t n_top = r.n_causes < 3 ? r.n_causes : 3;
    ck_assert_msg(n_top == n_want, "%s: %zu causes in the top 3, expected %zu", name, n_top,
                  n_want);
    for (size_t k = 0; k < n_top; k++) {
      const char *got = kc_wz_cause_at(def, r.causes[k].cause)->id;
      bool found = false;
      for (size_t w = 0; w < n_want; w++) found |= strcmp(got, want[w]) == 0;
      ck_assert_msg(found, "%s: %s is in the top 3 but not expected", name, got);
    }
    /* the answers round-trip through the saved text form */
    char *saved = kc_wz_answers_text(def, a);
    ck_assert_ptr_nonnull(saved);
    struct kc_wz_answers *b = kc_wz_answers_new(def);
    ck_assert_msg(kc_wz_parse_answers(def, saved, strlen(saved), b, err, sizeof err) == 0,
                  "%s: saved answers do not parse: %s", name, err);
    for (size_t i = 0; i < kc_wz_question_count(def); i++)
      ck_assert_uint_eq(kc_wz_answers_get(a, i), kc_wz_answers_get(b, i));
    kc_wz_answers_free(b);
    free(saved);
    /* every ranked cause says why */
    for (size_t k = 0; k < r.n_causes; k++) ck_assert_uint_gt(r.causes[k].n_pro, 0);
    /* a level above self-care always names what set it, with a source */
    if (r.level > KC_LEVEL_SELF_CARE) {
      ck_assert_uint_gt(r.n_why, 0);
      ck_assert_int_eq(r.why[0].level, r.level);
      ck_assert_ptr_nonnull(r.why[0].source);
    }
    /* urgent results lead with the warning-sign articles; self-care offers first-days */
    ck_assert_uint_gt(r.n_reads, 0);
    if (r.level >= KC_LEVEL_24H)
      ck_assert(strcmp(r.reads[0], "red-flags") == 0 || strcmp(r.reads[0], "emergency-signs") == 0);
    if (r.level == KC_LEVEL_SELF_CARE) {
      bool first_days = false;
      for (size_t k = 0; k < r.n_reads; k++) first_days |= strcmp(r.reads[k], "first-days") == 0;
      ck_assert(first_days);
    }
    kc_wz_result_free(&r);
    kc_wz_answers_free(a);
    free(text);
    n_cases++;
  }
  free(exp);
  ck_assert_uint_ge(n_cases, 12);
  printf("cases: %zu stories checked\n", n_cases);
  fflush(stdout);
}
END_TEST

/* ---- the safety enumeration -------------------------------------------------------- */

/* Stories that would otherwise be self-care (and two injuries, where the
 * Ottawa rules are asked too), so any red flag has to lift the level. */
static const struct {
  const char *name, *text;
  enum kc_level baseline;
  bool injury;
} profiles[] = {
    {"runners-knee",
     "injury=no\nonset=training-change\nchange=distance,hills\nlocation=kneecap\nfeel=dull-ache\n"
     "worse=stairs-down,sitting,squatting\nrun=after\nswelling=none\nmechanical=none\ncontrol=no\n"
     "stiffness=none\nage=16-29\njoints=none\nduration=3-days-2-weeks\nhome-care=not-yet\n",
     KC_LEVEL_SELF_CARE, false},
    {"it-band",
     "injury=no\nonset=training-change\nchange=surface\nlocation=outer\nfeel=burning\n"
     "worse=downhill\nrun=same-point\nswelling=none\nmechanical=none\ncontrol=no\n"
     "stiffness=none\nage=30-44\njoints=none\nduration=under-3-days\nhome-care=not-yet\n",
     KC_LEVEL_SELF_CARE, false},
    {"pes-anserine",
     "injury=no\nonset=training-change\nchange=hills\nlocation=inner-below\nfeel=dull-ache\n"
     "worse=stairs-up,standing-up\nrun=after\nswelling=below-joint\nmechanical=none\nhop=no\n"
     "control=no\nstiffness=none\nage=45-54\njoints=none\nduration=3-days-2-weeks\n"
     "home-care=not-yet\n",
     KC_LEVEL_SELF_CARE, false},
    {"medial-plica",
     "injury=no\nonset=gradual\nlocation=inner-front\nfeel=sharp\nworse=squatting\nrun=after\n"
     "swelling=none\nmechanical=clicking\ncontrol=no\nstiffness=none\nage=16-29\njoints=none\n"
     "duration=3-days-2-weeks\nhome-care=not-yet\n",
     KC_LEVEL_SELF_CARE, false},
    {"muscle-imbalance",
     "injury=no\nonset=gradual\nlocation=all-over\nfeel=dull-ache\nworse=running\nrun=after\n"
     "swelling=none\nmechanical=none\ncontrol=yes\nstiffness=none\nage=30-44\njoints=none\n"
     "duration=under-3-days\nhome-care=not-yet\n",
     KC_LEVEL_SELF_CARE, false},
    {"training-load",
     "injury=no\nonset=training-change\nchange=distance,comeback\nlocation=all-over\n"
     "feel=dull-ache\nworse=running\nrun=after\nswelling=none\nmechanical=none\ncontrol=no\n"
     "stiffness=none\nage=30-44\njoints=none\nduration=under-3-days\nhome-care=not-yet\n",
     KC_LEVEL_SELF_CARE, false},
    {"fall-onto-kneecap",
     "injury=yes\not-age=no\not-kneecap=no\not-fibula=no\not-bend=no\not-steps=no\n"
     "mechanism=fall\nlocation=kneecap\nfeel=dull-ache\nworse=stairs-down,squatting\n"
     "run=not-running\nswelling=none\nmechanical=none\ncontrol=no\nstiffness=none\nage=16-29\n"
     "joints=none\nduration=under-3-days\nhome-care=not-yet\n",
     KC_LEVEL_SELF_CARE, true},
    {"unsure-injury",
     "injury=unsure\not-age=no\not-kneecap=no\not-fibula=no\not-bend=no\not-steps=no\n"
     "mechanism=other\nonset=gradual\nlocation=kneecap\nfeel=dull-ache\nworse=sitting\n"
     "run=after\nswelling=none\nmechanical=none\ncontrol=no\nstiffness=none\nage=16-29\n"
     "joints=none\nduration=3-days-2-weeks\nhome-care=not-yet\n",
     KC_LEVEL_SELF_CARE, true},
};
#define N_PROFILES (sizeof profiles / sizeof profiles[0])

static const char *ottawa_ids[] = {"ot-age", "ot-kneecap", "ot-fibula", "ot-bend", "ot-steps"};
#define N_OT (sizeof ottawa_ids / sizeof ottawa_ids[0])

/* Per varied question: its index and, per value (0 = no, 1 = yes,
 * 2 = unsure), the option index and the level this test expects it to
 * force -- read from the SQL, "not sure" counting as yes. */
struct varied {
  size_t qi;
  int opt[3];
  int level[3];
};

static struct varied load_varied(const char *id) {
  struct varied v;
  int qi = kc_wz_find_question(def, id);
  ck_assert_int_ge(qi, 0);
  v.qi = (size_t)qi;
  static const char *vals[] = {"no", "yes", "unsure"};
  for (int k = 0; k < 3; k++) {
    v.opt[k] = kc_wz_find_option(def, v.qi, vals[k]);
    v.level[k] = query_int("SELECT level FROM wizard_option WHERE question_id = ?1 AND id = ?2", id,
                           vals[k]);
  }
  ck_assert_int_ge(v.opt[0], 0);
  ck_assert_int_ge(v.opt[1], 0);
  ck_assert_int_eq(v.level[0], 0);
  ck_assert_int_gt(v.level[1], 0);
  if (v.opt[2] < 0) v.level[2] = -1;
  if (v.level[2] < v.level[1] && v.opt[2] >= 0) v.level[2] = v.level[1]; /* unsure = yes */
  return v;
}

struct safety {
  struct varied rf[N_RF], ot[N_OT];
  int rf_val[N_RF], ot_val[N_OT];
  size_t n_ot; /* Ottawa questions in play for this profile */
  struct kc_wz_answers *a;
  unsigned long checked;
  const char *profile;
};

/* The hot loop avoids passing ck_assert calls: check records each one
 * with a write() to its pipe, which would cost more than the scoring. */
static void put(struct safety *S, struct varied *v, int *slot, int val) {
  *slot = val;
  if (kc_wz_answers_set_mask(S->a, v->qi, (uint64_t)1 << v->opt[val]) != 0)
    ck_abort_msg("cannot set question %zu", v->qi);
}

static void check_one(struct safety *S) {
  int want = 0;
  for (size_t i = 0; i < N_RF; i++)
    if (S->rf[i].level[S->rf_val[i]] > want) want = S->rf[i].level[S->rf_val[i]];
  for (size_t i = 0; i < S->n_ot; i++)
    if (S->ot[i].level[S->ot_val[i]] > want) want = S->ot[i].level[S->ot_val[i]];
  struct kc_wz_result r;
  if (kc_wz_score(def, S->a, &r) != 0) ck_abort_msg("scoring failed");
  if ((int)r.level < want || (int)r.flag_level < want) {
    char combo[512];
    size_t o = 0;
    for (size_t i = 0; i < N_RF; i++)
      if (S->rf_val[i])
        o += (size_t)snprintf(combo + o, sizeof combo - o, " %s=%s", red_flags[i].id,
                              S->rf_val[i] == 1 ? "yes" : "unsure");
    for (size_t i = 0; i < S->n_ot; i++)
      if (S->ot_val[i])
        o += (size_t)snprintf(combo + o, sizeof combo - o, " %s=%s", ottawa_ids[i],
                              S->ot_val[i] == 1 ? "yes" : "unsure");
    ck_abort_msg("SAFETY: story %s with%s gives level %d (answers %d), expected at least %d",
                 S->profile, combo, (int)r.level, (int)r.flag_level, want);
  }
  kc_wz_result_free(&r);
  S->checked++;
}

static void reset_flags(struct safety *S) {
  for (size_t i = 0; i < N_RF; i++) put(S, &S->rf[i], &S->rf_val[i], 0);
  for (size_t i = 0; i < S->n_ot; i++) put(S, &S->ot[i], &S->ot_val[i], 0);
}

/* Every combination of values {0, v} for all red flags, in Gray-code order
 * so each step changes one answer. */
static void enumerate_flags(struct safety *S, int v) {
  reset_flags(S);
  check_one(S);
  for (unsigned long k = 1; k < (1ul << N_RF); k++) {
    size_t bit = (size_t)__builtin_ctzl(k);
    put(S, &S->rf[bit], &S->rf_val[bit], S->rf_val[bit] ? 0 : v);
    check_one(S);
  }
}

START_TEST(safety_enumeration) {
  static struct safety S;
  memset(&S, 0, sizeof S);
  for (size_t i = 0; i < N_RF; i++) S.rf[i] = load_varied(red_flags[i].id);
  for (size_t i = 0; i < N_OT; i++) S.ot[i] = load_varied(ottawa_ids[i]);
  for (size_t i = 0; i < N_RF; i++) ck_assert_int_ge(S.rf[i].opt[2], 0);

  for (size_t p = 0; p < N_PROFILES; p++) {
    S.profile = profiles[p].name;
    S.a = story(profiles[p].text);
    S.n_ot = profiles[p].injury ? N_OT : 0;
    for (size_t i = 0; i < S.n_ot; i++) ck_assert(kc_wz_is_asked(def, S.a, S.ot[i].qi));

    /* the story alone is what it claims: the enumeration starts low */
    struct kc_wz_result r;
    ck_assert_int_eq(kc_wz_score(def, S.a, &r), 0);
    ck_assert_msg(r.level == profiles[p].baseline, "story %s: level %d, expected %d",
                  profiles[p].name, (int)r.level, (int)profiles[p].baseline);
    kc_wz_result_free(&r);

    /* 1. every yes/no combination of the red flags: 2^N */
    enumerate_flags(&S, 1);
    /* 2. every not-sure/no combination for half the stories: 2^N */
    if (p % 2 == 0) enumerate_flags(&S, 2);
    /* 3. every pair of red flags over {no, yes, not sure}^2, the rest no */
    reset_flags(&S);
    for (size_t i = 0; i < N_RF; i++)
      for (size_t j = i + 1; j < N_RF; j++)
        for (int vi = 0; vi < 3; vi++)
          for (int vj = 0; vj < 3; vj++) {
            put(&S, &S.rf[i], &S.rf_val[i], vi);
            put(&S, &S.rf[j], &S.rf_val[j], vj);
            check_one(&S);
            put(&S, &S.rf[i], &S.rf_val[i], 0);
            put(&S, &S.rf[j], &S.rf_val[j], 0);
          }
    /* 4. random samples of the full {no, yes, not sure}^N space */
    unsigned long seed = 0x9e3779b9ul + p;
    for (int k = 0; k < 20000; k++) {
      for (size_t i = 0; i < N_RF; i++) {
        seed = seed * 6364136223846793005ul + 1442695040888963407ul;
        int v = (int)((seed >> 33) % 3);
        /* mostly "no", so the samples are not all emergencies */
        if ((seed >> 40) % 4) v = 0;
        put(&S, &S.rf[i], &S.rf_val[i], v);
      }
      check_one(&S);
    }
    /* 5. injuries: every Ottawa combination, with no red flag and with
     *    each red flag alone (yes, then not sure) */
    if (S.n_ot) {
      reset_flags(&S);
      for (int extra = -1; extra < (int)(2 * N_RF); extra++) {
        if (extra >= 0)
          put(&S, &S.rf[extra % N_RF], &S.rf_val[extra % N_RF], 1 + extra / (int)N_RF);
        unsigned long total = 1;
        for (size_t i = 0; i < N_OT; i++) total *= S.ot[i].opt[2] >= 0 ? 3 : 2;
        for (unsigned long c = 0; c < total; c++) {
          unsigned long x = c;
          for (size_t i = 0; i < N_OT; i++) {
            unsigned long base = S.ot[i].opt[2] >= 0 ? 3 : 2;
            put(&S, &S.ot[i], &S.ot_val[i], (int)(x % base));
            x /= base;
          }
          check_one(&S);
        }
        if (extra >= 0) put(&S, &S.rf[extra % N_RF], &S.rf_val[extra % N_RF], 0);
      }
    }
    kc_wz_answers_free(S.a);
    S.a = NULL;
  }
  /* a single red flag alone always lifts a self-care story to its level */
  printf("safety: %lu combinations checked (%zu red flags x %zu stories: all yes/no, "
         "no/not-sure for half, all pairs of three values, 20000 random, Ottawa for injuries)\n",
         S.checked, N_RF, N_PROFILES);
  fflush(stdout);
}
END_TEST

/* Each red flag alone, on each story, gives exactly the expected level or
 * higher, and "not sure" gives the same as "yes". */
START_TEST(each_flag_alone) {
  for (size_t p = 0; p < N_PROFILES; p++) {
    struct kc_wz_answers *a = story(profiles[p].text);
    for (size_t i = 0; i < N_RF; i++) {
      struct varied v = load_varied(red_flags[i].id);
      enum kc_level got[3];
      for (int val = 1; val <= 2; val++) {
        ck_assert_int_eq(kc_wz_answers_set_mask(a, v.qi, (uint64_t)1 << v.opt[val]), 0);
        struct kc_wz_result r;
        ck_assert_int_eq(kc_wz_score(def, a, &r), 0);
        got[val] = r.level;
        ck_assert_int_ge(r.level, red_flags[i].level);
        /* the flag is named among the reasons, with its source */
        bool named = false;
        for (size_t k = 0; k < r.n_why; k++)
          named |= r.why[k].kind == KC_WZ_WHY_ANSWER && r.why[k].question == v.qi &&
                   r.why[k].source != NULL;
        ck_assert_msg(named, "%s not named in the reasons", red_flags[i].id);
        kc_wz_result_free(&r);
      }
      ck_assert_int_eq(got[1], got[2]);
      ck_assert_int_eq(kc_wz_answers_set_mask(a, v.qi, (uint64_t)1 << v.opt[0]), 0);
    }
    kc_wz_answers_free(a);
  }
}
END_TEST

/* ---- the loader on odd databases ---------------------------------------------------- */

static const char *min_schema =
    "CREATE TABLE wizard_question (id, position, section, text, kind, ask_if, required);"
    "CREATE TABLE wizard_option (question_id, id, position, label, level, source, article_id);"
    "CREATE TABLE wizard_cause (id, position, title, article_id, min_level, source);"
    "CREATE TABLE wizard_evidence (question_id, option_id, cause_id, weight, reason);"
    "CREATE TABLE wizard_rule (id, level, text, source);"
    "CREATE TABLE wizard_read (level, position, article_id);"
    "INSERT INTO wizard_question VALUES ('q', 1, 'story', 'Q?', 'one', NULL, 1);"
    "INSERT INTO wizard_cause VALUES ('k', 1, 'K', 'runners-knee', 1, NULL);"
    "INSERT INTO wizard_evidence VALUES ('q', 'a', 'k', 1, 'a says k');";

static int load_from(const char *extra, struct kc_wz_def **out, char *err, size_t errlen) {
  sqlite3 *m = NULL;
  ck_assert_int_eq(sqlite3_open(":memory:", &m), SQLITE_OK);
  if (extra) {
    ck_assert_int_eq(sqlite3_exec(m, min_schema, NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(m, extra, NULL, NULL, NULL), SQLITE_OK);
  }
  int rc = kc_wz_load(m, out, err, errlen);
  sqlite3_close(m);
  return rc;
}

START_TEST(loader_errors) {
  struct kc_wz_def *d = (struct kc_wz_def *)1;
  char err[256];
  ck_assert_int_eq(load_from(NULL, &d, err, sizeof err), -1);
  ck_assert_ptr_null(d);
  ck_assert_msg(strstr(err, "wizard_question"), "%s", err);
  /* a level stored as text would read as 0 and switch a red flag off */
  ck_assert_int_eq(
      load_from("INSERT INTO wizard_option VALUES ('q', 'a', 1, 'A', 'high', 'src', NULL);", &d,
                err, sizeof err),
      -1);
  ck_assert_msg(strstr(err, "question 'q' option 'a': level is not an integer"), "%s", err);
  ck_assert_int_eq(
      load_from("INSERT INTO wizard_option VALUES ('q', 'a', 1, 'A', NULL, NULL, NULL);", &d, err,
                sizeof err),
      -1);
  ck_assert_int_eq(load_from("UPDATE wizard_question SET kind = 'several';", &d, err, sizeof err),
                   -1);
  ck_assert_msg(strstr(err, "question 'q': kind"), "%s", err);
  ck_assert_int_eq(load_from("DROP TABLE wizard_read;", &d, err, sizeof err), -1);
  ck_assert_msg(strstr(err, "wizard_read"), "%s", err);
  ck_assert_int_eq(kc_wz_load(NULL, &d, err, sizeof err), -1);
}
END_TEST

START_TEST(loader_sanitises_text) {
  struct kc_wz_def *d = NULL;
  char err[256];
  ck_assert_msg(load_from("INSERT INTO wizard_option VALUES ('q', 'a', 1, "
                          "'A' || char(27) || '[2J' || char(8238) || 'x', 2, "
                          "'src' || char(7), NULL);"
                          "UPDATE wizard_question SET text = 'Q' || char(10) || '?';",
                          &d, err, sizeof err) == 0,
                "%s", err);
  const struct kc_wz_option *o = kc_wz_option_at(d, 0, 0);
  ck_assert_ptr_nonnull(o);
  ck_assert_ptr_null(strchr(o->label, 27));
  ck_assert_ptr_null(strstr(o->label, "\xe2\x80\xae")); /* U+202E */
  ck_assert_ptr_null(strchr(o->source, 7));
  ck_assert_ptr_null(strchr(kc_wz_question_at(d, 0)->text, '\n'));
  ck_assert_int_eq(o->level, KC_LEVEL_SOON);
  ck_assert_int_eq(kc_wz_def_validate(d, NULL, NULL, err, sizeof err), 0);
  kc_wz_def_free(d);
}
END_TEST

static Suite *real_suite(void) {
  Suite *s = suite_create("wizard_real");
  TCase *t = tcase_create("data");
  tcase_add_checked_fixture(t, setup, teardown);
  tcase_add_test(t, red_flags_match_the_notes);
  tcase_add_test(t, every_level_has_a_source);
  tcase_add_test(t, ottawa_rules);
  tcase_add_test(t, causes_are_the_articles);
  suite_add_tcase(s, t);
  t = tcase_create("stories");
  tcase_add_checked_fixture(t, setup, teardown);
  tcase_add_test(t, outer_side_is_it_band);
  tcase_add_test(t, hip_groin_is_from_outside_the_knee);
  tcase_add_test(t, front_of_knee_is_runners_knee);
  tcase_add_test(t, below_inner_joint_is_pes_anserine);
  tcase_add_test(t, outer_side_is_not_an_inner_cause);
  tcase_add_test(t, case_stories);
  suite_add_tcase(s, t);
  t = tcase_create("loader");
  tcase_add_test(t, loader_errors);
  tcase_add_test(t, loader_sanitises_text);
  suite_add_tcase(s, t);
  t = tcase_create("safety");
  tcase_add_checked_fixture(t, setup, teardown);
  /* a few seconds normally; sanitizers and valgrind scale it with
   * CK_TIMEOUT_MULTIPLIER */
  tcase_set_timeout(t, 120);
  tcase_add_test(t, safety_enumeration);
  tcase_add_test(t, each_flag_alone);
  suite_add_tcase(s, t);
  return s;
}

KC_CHECK_MAIN(real_suite)
