/* Fuzz target: the wizard `--answers FILE` reader (kc_wz_parse_answers) on
 * the REAL wizard definition: db/15_triage.sql and db/20_wizard.sql
 * executed into an in-memory SQLite database once, loaded with kc_wz_load
 * and validated.
 *
 * Invariants on success: every asked required question is answered (or the
 * answers stopped at one that needs help now), every answered question is
 * asked, a `one` question has one option; scoring works and keeps THE
 * SAFETY INVARIANTS -- the level is at least kc_wz_flag_level (the highest
 * level among the answers and signs) and every positive sign's level; when
 * a sign is positive the first cause is a danger of the most urgent one;
 * no test that loads the knee is asked after a sign; the story's causes
 * are ranked by score; reads have no duplicates; and kc_wz_answers_text()
 * reads back to the same answers. On failure: the message is
 * NUL-terminated, non-empty printable text (the CLI prints it) and every
 * answer is cleared. */
#include <sqlite3.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_util.h"
#include "kneecare/wizard.h"
#include "kneecare/wizard_load.h"

#ifndef KC_SOURCE_DIR
#error "KC_SOURCE_DIR must be defined (tests/fuzz/CMakeLists.txt)"
#endif

static struct kc_wz_def *def;
static struct kc_wz_answers *ans, *again;
static size_t nq;

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  size_t n;
  while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
    len += n;
    if (len + 1 == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) free(buf);
      buf = nb;
    }
  }
  fclose(f);
  if (buf) buf[len] = '\0';
  return buf;
}

static void run_sql(sqlite3 *db, const char *path) {
  char *sql = slurp(path), *err = NULL;
  if (!sql || sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
    fprintf(stderr, "fuzz_answers: cannot load %s: %s\n", path,
            err   ? err
            : sql ? sqlite3_errmsg(db)
                  : "cannot read");
    abort();
  }
  free(sql);
}

static void setup(void) {
  char msg[512];
  sqlite3 *db = NULL;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) abort();
  run_sql(db, KC_SOURCE_DIR "/db/15_triage.sql");
  run_sql(db, KC_SOURCE_DIR "/db/20_wizard.sql");
  if (kc_wz_load(db, &def, msg, sizeof msg) != 0) {
    fprintf(stderr, "fuzz_answers: kc_wz_load: %s\n", msg);
    abort();
  }
  if (kc_wz_def_validate(def, NULL, NULL, msg, sizeof msg) != 0) {
    fprintf(stderr, "fuzz_answers: kc_wz_def_validate: %s\n", msg);
    abort();
  }
  sqlite3_close(db);
  ans = kc_wz_answers_new(def);
  again = kc_wz_answers_new(def);
  if (!ans || !again) abort();
  nq = kc_wz_question_count(def);
}

/* Whether cause c is one a sign may name first. */
static bool names(const struct kc_wz_sign *s, size_t c) {
  if (s->cause == c) return true;
  for (size_t k = 0; k < s->n_also; k++)
    if (s->also[k] == c) return true;
  return false;
}

static void check_signs(const struct kc_wz_result *r) {
  for (size_t h = 0; h < r->n_signs; h++) {
    const struct kc_wz_sign *s = kc_wz_sign_at(def, r->signs[h].sign);
    FUZZ_CHECK(r->level >= s->level, "SAFETY: level %d below sign %s's %d", (int)r->level, s->id,
               (int)s->level);
    FUZZ_CHECK(h == 0 || kc_wz_sign_at(def, r->signs[h - 1].sign)->level >= s->level,
               "signs not most urgent first");
  }
  if (r->n_signs == 0) return;
  const struct kc_wz_sign *top = kc_wz_sign_at(def, r->signs[0].sign);
  FUZZ_CHECK(r->n_dangers > 0 && names(top, r->causes[0].cause),
             "SAFETY: the first cause is not a danger of sign %s", top->id);
  for (size_t qi = 0; qi < nq; qi++) {
    const struct kc_wz_question *q = kc_wz_question_at(def, qi);
    if (!q->provocation || !kc_wz_is_asked(def, ans, qi)) continue;
    for (size_t h = 0; h < r->n_signs; h++)
      FUZZ_CHECK(r->signs[h].question >= (int)qi, "SAFETY: test '%s' asked after sign %s", q->id,
                 kc_wz_sign_at(def, r->signs[h].sign)->id);
  }
}

static void check_success(void) {
  FUZZ_CHECK(kc_wz_first_missing(def, ans) == -1 || kc_wz_stop_now(def, ans),
             "accepted with required question %d missing", kc_wz_first_missing(def, ans));
  for (size_t i = 0; i < nq; i++) {
    uint64_t m = kc_wz_answers_get(ans, i);
    if (!m) continue;
    const struct kc_wz_question *q = kc_wz_question_at(def, i);
    FUZZ_CHECK(kc_wz_is_asked(def, ans, i), "answer to '%s', which is not asked", q->id);
    FUZZ_CHECK(q->n_options >= 64 || (m >> q->n_options) == 0, "bits beyond options of '%s'",
               q->id);
    FUZZ_CHECK(q->kind != KC_WZ_ONE || (m & (m - 1)) == 0, "several options for '%s'", q->id);
  }

  enum kc_level flag = kc_wz_flag_level(def, ans);
  struct kc_wz_result r;
  FUZZ_CHECK(kc_wz_score(def, ans, &r) == 0, "kc_wz_score failed");
  FUZZ_CHECK(r.level >= flag, "SAFETY: level %d below the answers' level %d", (int)r.level,
             (int)flag);
  FUZZ_CHECK(r.level >= KC_LEVEL_SELF_CARE && r.level <= KC_LEVEL_AMBULANCE, "level %d",
             (int)r.level);
  FUZZ_CHECK(r.flag_level == flag, "result flag_level %d, kc_wz_flag_level %d", (int)r.flag_level,
             (int)flag);
  for (size_t i = 0; i < r.n_causes; i++) {
    FUZZ_CHECK(r.causes[i].cause < kc_wz_cause_count(def), "cause index");
    FUZZ_CHECK((i < r.n_dangers) == (r.causes[i].sign >= 0), "dangers first, named by a sign");
    if (i < r.n_dangers) continue;
    FUZZ_CHECK(r.causes[i].score > 0, "cause with score %d listed", r.causes[i].score);
    FUZZ_CHECK(i == r.n_dangers || r.causes[i - 1].score >= r.causes[i].score, "causes not ranked");
  }
  FUZZ_CHECK(r.lead < 0 || (size_t)r.lead == r.n_dangers, "the lead is the story's first cause");
  check_signs(&r);
  for (size_t i = 0; i < r.n_why; i++)
    FUZZ_CHECK(r.why[i].level <= r.level, "a reason's level is above the result's");
  for (size_t i = 0; i < r.n_reads; i++)
    for (size_t j = 0; j < i; j++)
      FUZZ_CHECK(strcmp(r.reads[i], r.reads[j]) != 0, "read '%s' listed twice", r.reads[i]);
  kc_wz_result_free(&r);

  /* Saved text reads back to the same answers. */
  char *text = kc_wz_answers_text(def, ans);
  FUZZ_CHECK(text != NULL, "kc_wz_answers_text failed");
  char err[512];
  if (kc_wz_parse_answers(def, text, strlen(text), again, err, sizeof err) != 0) {
    fuzz_dump("saved", text, strlen(text));
    FUZZ_CHECK(0, "saved answers do not read back: %s", err);
  }
  for (size_t i = 0; i < nq; i++)
    FUZZ_CHECK(kc_wz_answers_get(again, i) == kc_wz_answers_get(ans, i),
               "question %zu differs after reading the saved text back", i);
  free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!def) setup();
  FUZZ_INPUT(data, size);
  char err[512]; /* as src/cli/cmd_wizard.c */
  memset(err, 0x7E, sizeof err);
  err[sizeof err - 1] = 'X';
  /* Some answers left over from the previous run: parsing must reset them. */
  kc_wz_answers_set(ans, 0, 0);
  int rc = kc_wz_parse_answers(def, (const char *)data, size, ans, err, sizeof err);
  if (rc != 0) {
    FUZZ_CHECK(rc == -1, "return value %d", rc);
    FUZZ_CHECK_MESSAGE(err, sizeof err);
    for (size_t i = 0; i < nq; i++)
      FUZZ_CHECK(kc_wz_answers_get(ans, i) == 0, "answers left after a failed parse");
    return 0;
  }
  FUZZ_CHECK(err[0] == '\0', "error message on success");
  check_success();
  return 0;
}
