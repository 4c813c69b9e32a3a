/* Saving wizard runs for the user database and reading their causes back.
 * A run is its answers (the --answers format, with a comment line when the
 * person stopped at an answer that needs help now), its level, and its
 * causes as lines "id<TAB>score<TAB>title<TAB>kind": kind is "danger" (named
 * by a warning sign), "likely" (the story's most likely cause) or empty.
 * Runs saved by earlier versions have no kind field; they read back with
 * kind empty. */
#include "kneecare/wizard_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/strbuf.h"
#include "kneecare/text.h"

char *kc_wz_causes_text(const struct kc_wz_def *def, const struct kc_wz_result *r) {
  struct kc_strbuf b = {0};
  for (size_t i = 0; i < r->n_causes; i++) {
    const struct kc_wz_cause *c = kc_wz_cause_at(def, r->causes[i].cause);
    const char *kind = i < r->n_dangers ? KC_RUN_DANGER : (int)i == r->lead ? KC_RUN_LIKELY : "";
    kc_strbuf_printf(&b, "%s\t%d\t%s\t%s\n", c->id, r->causes[i].score, c->title, kind);
  }
  return kc_strbuf_take(&b);
}

/* The answers, with a note when the run stopped early (a comment: the
 * answers format reads it back unchanged). */
static char *answers_text(const struct kc_wz_def *def, const struct kc_wz_answers *a,
                          const struct kc_wz_result *r) {
  char *answers = kc_wz_answers_text(def, a);
  if (r->complete) return answers;
  struct kc_strbuf b = {0};
  kc_strbuf_put(&b, KC_RUN_STOPPED_NOTE "\n");
  kc_strbuf_put(&b, answers);
  free(answers);
  return kc_strbuf_take(&b);
}

int kc_wz_run_save(struct kc_app *app, const struct kc_wz_def *def, const struct kc_wz_answers *a,
                   const struct kc_wz_result *r, int64_t *id, char *err, size_t errlen) {
  struct kc_userdb *udb = kc_app_user(app, err, errlen);
  if (!udb) return KC_UDB_EACCESS;
  char *answers = answers_text(def, a, r), *causes = kc_wz_causes_text(def, r);
  int rc = kc_userdb_wizard_save(udb, app->profile.id, kc_app_now(), answers, r->level, causes, id);
  if (rc != KC_UDB_OK) snprintf(err, errlen, "%s", kc_userdb_errmsg(udb));
  free(answers);
  free(causes);
  return rc;
}

bool kc_run_stopped(const char *answers) {
  return answers && strncmp(answers, KC_RUN_STOPPED_NOTE, strlen(KC_RUN_STOPPED_NOTE)) == 0;
}

/* Copies field p[0..n) sanitised into out. */
static void field(const char *p, size_t n, char *out, size_t outlen) {
  kc_text_sanitize(p, n, out, outlen, 0);
}

int kc_run_causes(const char *text, struct kc_run_cause *out, int max) {
  int n = 0;
  const char *p = text ? text : "";
  while (*p && n < max) {
    const char *nl = strchr(p, '\n');
    const char *e = nl ? nl : p + strlen(p);
    const char *t1 = memchr(p, '\t', (size_t)(e - p));
    const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(e - t1 - 1)) : NULL;
    if (t1 && t2) {
      struct kc_run_cause *c = &out[n++];
      memset(c, 0, sizeof *c);
      field(p, (size_t)(t1 - p), c->id, sizeof c->id);
      char num[24];
      size_t nl2 = (size_t)(t2 - t1 - 1) < sizeof num - 1 ? (size_t)(t2 - t1 - 1) : sizeof num - 1;
      memcpy(num, t1 + 1, nl2);
      num[nl2] = '\0';
      char *end;
      long v = strtol(num, &end, 10);
      c->score = (*end == '\0' && v > -1000000 && v < 1000000) ? (int)v : 0;
      const char *t3 = memchr(t2 + 1, '\t', (size_t)(e - t2 - 1));
      field(t2 + 1, (size_t)((t3 ? t3 : e) - t2 - 1), c->title, sizeof c->title);
      if (t3) field(t3 + 1, (size_t)(e - t3 - 1), c->kind, sizeof c->kind);
    }
    p = nl ? nl + 1 : e;
  }
  return n;
}
