/* Serialising wizard runs for the user database. */
#include "kneecare/wizard_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/text.h"

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
      kc_text_sanitize(p, (size_t)(t1 - p), c->id, sizeof c->id, 0);
      char num[24];
      size_t nl2 = (size_t)(t2 - t1 - 1) < sizeof num - 1 ? (size_t)(t2 - t1 - 1) : sizeof num - 1;
      memcpy(num, t1 + 1, nl2);
      num[nl2] = '\0';
      char *end;
      long v = strtol(num, &end, 10);
      c->score = (*end == '\0' && v > -1000000 && v < 1000000) ? (int)v : 0;
      kc_text_sanitize(t2 + 1, (size_t)(e - t2 - 1), c->title, sizeof c->title, 0);
    }
    p = nl ? nl + 1 : e;
  }
  return n;
}
