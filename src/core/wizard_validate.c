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

/* "not sure" counts as the question's most urgent answer: with warning
 * signs it must report the most urgent one, without them carry the highest
 * level -- said in the data, not only by the engine. */
static int validate_unsure(const struct vctx *v, const struct wz_question *q, size_t qi,
                           const struct kc_wz_option *o) {
  const struct kc_wz_def *def = v->def;
  enum kc_level qmax = kc_wz_question_level(def, qi);
  bool has_sign = false;
  for (size_t j = 0; j < q->pub.n_options; j++) has_sign |= q->opts[j].sign >= 0;
  enum kc_level own = o->sign >= 0 ? def->signs[o->sign].pub.level : o->level;
  if ((has_sign && o->sign < 0) || own != qmax) {
    wz_say(v->err, v->errlen,
           "question '%s' option '%s': \"not sure\" must carry the question's highest level "
           "(%d)%s, has %d",
           wz_str(q->pub.id), wz_str(o->id), (int)qmax,
           has_sign ? " through its most urgent sign" : "", (int)own);
    return -1;
  }
  return 0;
}

static int validate_option_level(const struct vctx *v, const struct wz_question *q,
                                 const struct kc_wz_option *o) {
  const char *qid = wz_str(q->pub.id), *oid = wz_str(o->id);
  if (o->sign >= 0 && (o->level != KC_LEVEL_NONE || !wz_empty(o->source))) {
    wz_say(v->err, v->errlen,
           "question '%s' option '%s': it reports sign '%s', which carries its level and source "
           "(give the option level 0 and no source)",
           qid, oid, wz_str(v->def->signs[o->sign].pub.id));
    return -1;
  }
  if (o->sign < 0 && o->level > KC_WZ_MAX_PLAIN_LEVEL) {
    wz_say(v->err, v->errlen,
           "question '%s' option '%s': level %d is above 'soon': an answer that urgent must "
           "report a warning sign",
           qid, oid, (int)o->level);
    return -1;
  }
  if (o->level > KC_LEVEL_NONE && wz_empty(o->source)) {
    wz_say(v->err, v->errlen, "question '%s' option '%s': level %d needs a source", qid, oid,
           (int)o->level);
    return -1;
  }
  if ((o->flags & KC_WZ_OPT_EXCLUSIVE) && q->pub.kind != KC_WZ_MANY) {
    wz_say(v->err, v->errlen,
           "question '%s' option '%s': only an option of a 'many' question can be exclusive", qid,
           oid);
    return -1;
  }
  return 0;
}

static int validate_option(const struct vctx *v, const struct wz_question *q, size_t qi, size_t j) {
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
  if (validate_option_level(v, q, o)) return -1;
  if (strcmp(oid, KC_WZ_UNSURE) == 0 && validate_unsure(v, q, qi, o)) return -1;
  if (o->article_id && !article_ok(v, o->article_id)) {
    wz_say(v->err, v->errlen, "question '%s' option '%s': unknown article '%s'", qid, oid,
           o->article_id);
    return -1;
  }
  return 0;
}

enum section_state { IN_ABOUT, IN_RED_FLAGS, IN_REST };

static bool in_section(const struct wz_question *q, const char *section) {
  return strcmp(wz_str(q->pub.section), section) == 0;
}

static bool reports_sign(const struct wz_question *q) {
  for (size_t j = 0; j < q->pub.n_options; j++)
    if (q->opts[j].sign >= 0) return true;
  return false;
}

/* "about" questions, then the red flags, then the rest. A red flag is
 * always asked, or asked by a condition on "about" answers only. */
static int validate_order(const struct vctx *v, const struct wz_question *q,
                          enum section_state *st) {
  const char *qid = wz_str(q->pub.id);
  bool about = in_section(q, KC_WZ_SECTION_ABOUT), rf = in_section(q, KC_WZ_SECTION_RED_FLAGS);
  if ((about && *st != IN_ABOUT) || (rf && *st == IN_REST)) {
    wz_say(v->err, v->errlen, "question '%s': %s", qid,
           about ? "\"about\" questions must come first"
                 : "red-flag questions must come before all others");
    return -1;
  }
  *st = about ? IN_ABOUT : rf ? IN_RED_FLAGS : IN_REST;
  if (!rf) return 0;
  for (size_t c = 0; c < q->cond.n_clauses; c++)
    if (!in_section(&v->def->qs[q->cond.clauses[c].q], KC_WZ_SECTION_ABOUT)) {
      wz_say(v->err, v->errlen,
             "question '%s': a red-flag question must always be asked (an ask_if may name only "
             "\"about\" questions)",
             qid);
      return -1;
    }
  if (kc_wz_question_level(v->def, (size_t)(q - v->def->qs)) == KC_LEVEL_NONE) {
    wz_say(v->err, v->errlen, "question '%s': a red-flag question needs an option with a level",
           qid);
    return -1;
  }
  if (!reports_sign(q)) {
    wz_say(v->err, v->errlen, "question '%s': a red-flag question must report a warning sign", qid);
    return -1;
  }
  return 0;
}

/* A provocation test comes after every answer that can block it. */
static int validate_provocation(const struct vctx *v, size_t i) {
  const struct kc_wz_def *def = v->def;
  const struct wz_question *q = &def->qs[i];
  if (!q->pub.provocation) return 0;
  if (in_section(q, KC_WZ_SECTION_ABOUT) || in_section(q, KC_WZ_SECTION_RED_FLAGS)) {
    wz_say(v->err, v->errlen, "question '%s': a provocation test cannot be in section '%s'",
           wz_str(q->pub.id), wz_str(q->pub.section));
    return -1;
  }
  for (size_t k = i + 1; k < def->n_qs; k++) {
    const struct wz_question *later = &def->qs[k];
    bool gate = false;
    for (size_t j = 0; j < later->pub.n_options; j++) gate |= later->opts[j].flags & KC_WZ_OPT_GATE;
    if (!later->pub.provocation && (gate || reports_sign(later))) {
      wz_say(v->err, v->errlen,
             "question '%s': a provocation test must come after question '%s', which can block it",
             wz_str(q->pub.id), wz_str(later->pub.id));
      return -1;
    }
  }
  return 0;
}

/* The question's own shape: id, text, section order, options, condition. */
static int validate_question(const struct vctx *v, size_t i, enum section_state *st) {
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
  if (def->n_sections && kc_wz_section_title(def, q->pub.section) == q->pub.section) {
    wz_say(v->err, v->errlen, "question '%s': section '%s' has no title", qid, q->pub.section);
    return -1;
  }
  if (q->pub.n_options == 0) {
    wz_say(v->err, v->errlen, "question '%s': has no options", qid);
    return -1;
  }
  for (size_t j = 0; j < q->pub.n_options; j++)
    if (validate_option(v, q, i, j)) return -1;
  if (validate_order(v, q, st) || validate_provocation(v, i)) return -1;
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

/* Whether a sign names cause c (its own or one of its others). */
static bool sign_names(const struct kc_wz_sign *s, size_t c) {
  if (s->cause == c) return true;
  for (size_t k = 0; k < s->n_also; k++)
    if (s->also[k] == c) return true;
  return false;
}

static bool named_by_a_sign(const struct kc_wz_def *def, size_t c) {
  for (size_t si = 0; si < def->n_signs; si++)
    if (sign_names(&def->signs[si].pub, c)) return true;
  return false;
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
  bool by_sign = named_by_a_sign(def, i), reachable = by_sign;
  for (size_t e = 0; e < def->n_ev && !reachable; e++)
    reachable = def->ev[e].c == i && def->ev[e].weight > 0;
  if (!reachable) {
    wz_say(v->err, v->errlen,
           "cause '%s': no answer speaks for it (no positive evidence) and no sign names it", cid);
    return -1;
  }
  if (c->kind == KC_WZ_DANGER && !by_sign) {
    wz_say(v->err, v->errlen, "cause '%s': a danger must be named by a warning sign", cid);
    return -1;
  }
  return 0;
}

static int validate_sign(const struct vctx *v, size_t si) {
  const struct kc_wz_def *def = v->def;
  const struct wz_sign *s = &def->signs[si];
  const char *id = wz_str(s->pub.id);
  if (!wz_valid_id(s->pub.id)) {
    wz_say(v->err, v->errlen, "sign '%s': id must be lower-case letters, digits and hyphens", id);
    return -1;
  }
  for (size_t k = 0; k < si; k++)
    if (strcmp(id, wz_str(def->signs[k].pub.id)) == 0) {
      wz_say(v->err, v->errlen, "sign '%s': duplicate sign id", id);
      return -1;
    }
  if (wz_empty(s->pub.statement) || wz_empty(s->pub.source)) {
    wz_say(v->err, v->errlen, "sign '%s': missing %s", id,
           wz_empty(s->pub.statement) ? "statement" : "source");
    return -1;
  }
  bool asked = s->pub.positive_if != NULL;
  for (size_t i = 0; i < def->n_qs && !asked; i++)
    for (size_t j = 0; j < def->qs[i].pub.n_options && !asked; j++)
      asked = def->qs[i].opts[j].sign == (int)si;
  if (!asked) {
    wz_say(v->err, v->errlen, "sign '%s': no answer reports it and it has no positive_if", id);
    return -1;
  }
  for (size_t c = 0; c < s->cond.n_clauses; c++) {
    const struct wz_clause *cl = &s->cond.clauses[c];
    bool late = false;
    for (size_t k = 0; k <= cl->q; k++) late |= def->qs[k].pub.provocation;
    for (size_t m = 0; m < cl->n_opts; m++)
      if (kc_wz_find_option(def, cl->q, cl->opts[m]) < 0 || late) {
        wz_say(v->err, v->errlen, "sign '%s': positive_if '%s' names %s of question %s", id,
               s->pub.positive_if,
               late ? "an answer after a provocation test" : "an unknown option",
               wz_str(def->qs[cl->q].pub.id));
        return -1;
      }
  }
  return 0;
}

static int validate_levels(const struct vctx *v) {
  for (int l = KC_LEVEL_SELF_CARE; l <= KC_LEVEL_MAX; l++) {
    const struct wz_level *w = &v->def->levels[l];
    if (!w->name || strcmp(w->name, kc_level_name((enum kc_level)l)) != 0 || wz_empty(w->title) ||
        wz_empty(w->action) || wz_empty(w->source)) {
      wz_say(v->err, v->errlen,
             "level '%s': needs the name '%s', a title, an action and a source (level %d)",
             w->name ? w->name : kc_level_name((enum kc_level)l), kc_level_name((enum kc_level)l),
             l);
      return -1;
    }
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

static int validate_vetoes_and_changes(const struct vctx *v) {
  const struct kc_wz_def *def = v->def;
  for (size_t i = 0; i < def->n_vetoes; i++) {
    const struct wz_veto *e = &def->vetoes[i];
    if (wz_empty(e->reason)) {
      wz_say(v->err, v->errlen, "veto '%s' '%s' '%s': missing reason", wz_str(def->qs[e->q].pub.id),
             wz_str(def->qs[e->q].opts[e->o].id), wz_str(def->causes[e->c].id));
      return -1;
    }
  }
  for (size_t i = 0; i < def->n_changes; i++)
    if (!wz_valid_id(def->changes[i].q) || wz_empty(def->changes[i].note)) {
      wz_say(v->err, v->errlen, "change '%s': needs a question id and a note",
             wz_str(def->changes[i].q));
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
  if (validate_levels(&v)) return -1;
  enum section_state st = IN_ABOUT;
  for (size_t i = 0; i < def->n_qs; i++)
    if (validate_question(&v, i, &st)) return -1;
  for (size_t i = 0; i < def->n_causes; i++)
    if (validate_cause(&v, i)) return -1;
  for (size_t i = 0; i < def->n_signs; i++)
    if (validate_sign(&v, i)) return -1;
  for (size_t i = 0; i < def->n_ev; i++)
    if (validate_evidence(&v, i)) return -1;
  if (validate_vetoes_and_changes(&v)) return -1;
  return validate_rules_and_reads(&v);
}
