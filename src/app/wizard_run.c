/* Serialising wizard runs for the user database. */
#include "kneecare/wizard_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf {
  char *s;
  size_t len, cap;
  int failed;
};

static void put(struct buf *b, const char *s) {
  size_t n = strlen(s);
  if (b->failed) return;
  if (b->len + n + 1 > b->cap) {
    size_t ncap = (b->len + n + 1) * 2 + 64;
    char *ns = realloc(b->s, ncap);
    if (!ns) {
      b->failed = 1;
      return;
    }
    b->s = ns;
    b->cap = ncap;
  }
  memcpy(b->s + b->len, s, n + 1);
  b->len += n;
}

static char *finish(struct buf *b) {
  if (b->failed) {
    free(b->s);
    return NULL;
  }
  if (!b->s) return calloc(1, 1);
  return b->s;
}

char *kc_wz_causes_text(const struct kc_wz_def *def, const struct kc_wz_result *r) {
  struct buf b = {0};
  for (size_t i = 0; i < r->n_causes; i++) {
    const struct kc_wz_cause *c = kc_wz_cause_at(def, r->causes[i].cause);
    char score[32];
    snprintf(score, sizeof score, "\t%d\t", r->causes[i].score);
    put(&b, c->id);
    put(&b, score);
    put(&b, c->title);
    put(&b, "\n");
  }
  return finish(&b);
}

int kc_wz_run_save(struct kc_app *app, const struct kc_wz_def *def, const struct kc_wz_answers *a,
                   const struct kc_wz_result *r, int64_t *id, char *err, size_t errlen) {
  struct kc_userdb *udb = kc_app_user(app, err, errlen);
  if (!udb) return KC_UDB_EACCESS;
  char *answers = kc_wz_answers_text(def, a), *causes = kc_wz_causes_text(def, r);
  int rc = KC_UDB_ENOMEM;
  if (answers && causes) {
    rc = kc_userdb_wizard_save(udb, app->profile.id, kc_app_now(), answers, r->level, causes, id);
    if (rc != KC_UDB_OK) snprintf(err, errlen, "%s", kc_userdb_errmsg(udb));
  } else {
    snprintf(err, errlen, "out of memory");
  }
  free(answers);
  free(causes);
  return rc;
}
