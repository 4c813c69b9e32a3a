/* kc_wz_def_validate: every check a definition must pass before it is used
 * with answers. Each message names the offending ids in single quotes --
 * every quoted token appears on the offending data row, so the packer can
 * pin the message to a line of the SQL. */
#include <string.h>

#include "wizard_int.h"

struct vctx {
  const struct kc_wz_def *def;
  bool (*article_exists)(const char *id, void *ctx);
  void *ctx;
  char *err;
  size_t errlen;
};

static bool article_ok(const struct vctx *v, const char *id) {
  if (!wz_valid_id(id)) return false;
  return !v->article_exists || v->article_exists(id, v->ctx);
}

static int validate_option(const struct vctx *v, const struct wz_question *q, size_t j) {
  const struct kc_wz_option *o = &q->opts[j];
  const char *qid = wz_str(q->pub.id), *oid = wz_str(o->id);
  if (!wz_valid_id(o->id)) {
    wz_say(v->err, v->errlen,
           "question '%s' option '%s': id must be lower-case letters, digits and hyphens", qid,
           oid);
    return -1;
  }
  for (size_t k = 0; k < j; k++)
    if (strcmp(oid, wz_str(q->opts[k].id)) == 0) {
      wz_say(v->err, v->errlen, "question '%s' option '%s': duplicate option id", qid, oid);
      return -1;
    }
  if (wz_empty(o->label)) {
    wz_say(v->err, v->errlen, "question '%s' option '%s': missing label", qid, oid);
    return -1;
  }
  if (o->level > KC_LEVEL_NONE && wz_empty(o->source)) {
    wz_say(v->err, v->errlen, "question '%s' option '%s': level %d needs a source", qid, oid,
           (int)o->level);
    return -1;
  }
  enum kc_level qmax = wz_question_max_level(q);
  if (strcmp(oid, KC_WZ_UNSURE) == 0 && o->level != qmax) {
    wz_say(v->err, v->errlen,
           "question '%s' option '%s': \"not sure\" must carry the question's highest level "
           "(%d), has %d",
           qid, oid, (int)qmax, (int)o->level);
    return -1;
  }
  if (o->article_id && !article_ok(v, o->article_id)) {
    wz_say(v->err, v->errlen, "question '%s' option '%s': unknown article '%s'", qid, oid,
           o->article_id);
    return -1;
  }
  return 0;
}

/* The question's own shape: id, text, section order, options, condition. */
static int validate_question(const struct vctx *v, size_t i, bool *in_red_flags) {
  const struct kc_wz_def *def = v->def;
  const struct wz_question *q = &def->qs[i];
  const char *qid = wz_str(q->pub.id);
  if (!wz_valid_id(q->pub.id)) {
    wz_say(v->err, v->errlen, "question '%s': id must be lower-case letters, digits and hyphens",
           qid);
    return -1;
  }
  for (size_t k = 0; k < i; k++)
    if (strcmp(qid, wz_str(def->qs[k].pub.id)) == 0) {
      wz_say(v->err, v->errlen, "question '%s': duplicate question id", qid);
      return -1;
    }
  if (wz_empty(q->pub.section) || wz_empty(q->pub.text)) {
    wz_say(v->err, v->errlen, "question '%s': missing %s", qid,
           wz_empty(q->pub.text) ? "text" : "section");
    return -1;
  }
  bool rf = strcmp(q->pub.section, KC_WZ_SECTION_RED_FLAGS) == 0;
  if (rf && !*in_red_flags) {
    wz_say(v->err, v->errlen, "question '%s': red-flag questions must come before all others", qid);
    return -1;
  }
  if (!rf) *in_red_flags = false;
  if (rf && q->pub.ask_if) {
    wz_say(v->err, v->errlen, "question '%s': a red-flag question must always be asked (no ask_if)",
           qid);
    return -1;
  }
  if (rf && wz_question_max_level(q) == KC_LEVEL_NONE) {
    wz_say(v->err, v->errlen, "question '%s': a red-flag question needs an option with a level",
           qid);
    return -1;
  }
  if (q->pub.n_options == 0) {
    wz_say(v->err, v->errlen, "question '%s': has no options", qid);
    return -1;
  }
  for (size_t j = 0; j < q->pub.n_options; j++)
    if (validate_option(v, q, j)) return -1;
  for (size_t c = 0; c < q->cond.n_clauses; c++) {
    const struct wz_clause *cl = &q->cond.clauses[c];
    for (size_t m = 0; m < cl->n_opts; m++)
      if (kc_wz_find_option(def, cl->q, cl->opts[m]) < 0) {
        wz_say(v->err, v->errlen,
               "question '%s': ask_if '%s' names an unknown option of question %s", qid,
               q->pub.ask_if, wz_str(def->qs[cl->q].pub.id));
        return -1;
      }
  }
  return 0;
}

static int validate_cause(const struct vctx *v, size_t i) {
  const struct kc_wz_def *def = v->def;
  const struct kc_wz_cause *c = &def->causes[i];
  const char *cid = wz_str(c->id);
  if (!wz_valid_id(c->id)) {
    wz_say(v->err, v->errlen, "cause '%s': id must be lower-case letters, digits and hyphens", cid);
    return -1;
  }
  for (size_t k = 0; k < i; k++)
    if (strcmp(cid, wz_str(def->causes[k].id)) == 0) {
      wz_say(v->err, v->errlen, "cause '%s': duplicate cause id", cid);
      return -1;
    }
  if (wz_empty(c->title)) {
    wz_say(v->err, v->errlen, "cause '%s': missing title", cid);
    return -1;
  }
  if (!article_ok(v, c->article_id)) {
    wz_say(v->err, v->errlen, "cause '%s': unknown article '%s'", cid, wz_str(c->article_id));
    return -1;
  }
  if (c->min_level >= KC_LEVEL_SOON && wz_empty(c->source)) {
    wz_say(v->err, v->errlen, "cause '%s': min_level %d needs a source", cid, (int)c->min_level);
    return -1;
  }
  bool reachable = false;
  for (size_t e = 0; e < def->n_ev && !reachable; e++)
    reachable = def->ev[e].c == i && def->ev[e].weight > 0;
  if (!reachable) {
    wz_say(v->err, v->errlen, "cause '%s': no answer speaks for it (no positive evidence)", cid);
    return -1;
  }
  return 0;
}

static int validate_evidence(const struct vctx *v, size_t i) {
  const struct kc_wz_def *def = v->def;
  const struct wz_evidence *e = &def->ev[i];
  const char *qid = wz_str(def->qs[e->q].pub.id), *oid = wz_str(def->qs[e->q].opts[e->o].id),
             *cid = wz_str(def->causes[e->c].id);
  if (e->weight == 0 || e->weight < -KC_WZ_MAX_WEIGHT || e->weight > KC_WZ_MAX_WEIGHT ||
      wz_empty(e->reason)) {
    wz_say(v->err, v->errlen, "evidence '%s' '%s' '%s': %s", qid, oid, cid,
           wz_empty(e->reason) ? "missing reason" : "weight must be 1..100 or -100..-1");
    return -1;
  }
  for (size_t k = 0; k < i; k++)
    if (def->ev[k].q == e->q && def->ev[k].o == e->o && def->ev[k].c == e->c) {
      wz_say(v->err, v->errlen, "evidence '%s' '%s' '%s': listed twice", qid, oid, cid);
      return -1;
    }
  return 0;
}

static int validate_rules_and_reads(const struct vctx *v) {
  const struct kc_wz_def *def = v->def;
  for (size_t i = 0; i < def->n_rules; i++) {
    const struct wz_rule *r = &def->rules[i];
    for (size_t k = 0; k < i; k++)
      if (strcmp(wz_str(r->id), wz_str(def->rules[k].id)) == 0) {
        wz_say(v->err, v->errlen, "rule '%s': duplicate rule id", wz_str(r->id));
        return -1;
      }
    if (wz_empty(r->text) || (r->level > KC_LEVEL_NONE && wz_empty(r->source))) {
      wz_say(v->err, v->errlen, "rule '%s': missing %s", wz_str(r->id),
             wz_empty(r->text) ? "text" : "source");
      return -1;
    }
  }
  for (size_t i = 0; i < def->n_reads; i++)
    if (!article_ok(v, def->reads[i].article_id)) {
      wz_say(v->err, v->errlen, "read '%s': unknown article", wz_str(def->reads[i].article_id));
      return -1;
    }
  return 0;
}

int kc_wz_def_validate(const struct kc_wz_def *def,
                       bool (*article_exists)(const char *id, void *ctx), void *ctx, char *err,
                       size_t errlen) {
  if (!def) {
    wz_say(err, errlen, "no wizard definition");
    return -1;
  }
  if (def->problem) {
    if (def->n_problems > 1)
      wz_say(err, errlen, "%s (and %zu more problems)", def->problem, def->n_problems - 1);
    else
      wz_say(err, errlen, "%s", def->problem);
    return -1;
  }
  if (def->n_qs == 0) {
    wz_say(err, errlen, "the wizard has no questions");
    return -1;
  }
  struct vctx v = {def, article_exists, ctx, err, errlen};
  bool in_red_flags = true; /* red-flag questions must come first */
  for (size_t i = 0; i < def->n_qs; i++)
    if (validate_question(&v, i, &in_red_flags)) return -1;
  for (size_t i = 0; i < def->n_causes; i++)
    if (validate_cause(&v, i)) return -1;
  for (size_t i = 0; i < def->n_ev; i++)
    if (validate_evidence(&v, i)) return -1;
  return validate_rules_and_reads(&v);
}
