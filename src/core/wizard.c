/* The wizard engine: owns the definition (questions, options, causes,
 * evidence, rules, reads), its validation, the answers, navigation through
 * the questions that apply, and scoring into ranked causes and a triage
 * level. The answers-file parser is in wizard_answers.c and uses only the
 * public API.
 *
 * Safety: the triage level is computed from the answers alone first (every
 * asked answer's level, "unsure" counting as its question's most urgent
 * option) and can only be raised afterwards, never lowered. */
#include "kneecare/wizard.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One clause of an ask_if: question q (an earlier one) with options listed
 * by id; mask is kept in step with the options as they are added. */
struct wz_clause {
  size_t q;
  bool negate;
  uint64_t mask;
  char **opts;
  size_t n_opts;
};

struct wz_question {
  struct kc_wz_question pub;
  struct kc_wz_option *opts;
  size_t cap_opts;
  struct wz_clause *clauses;
  size_t n_clauses;
  bool cond_bad; /* ask_if did not parse: never asked (and validate fails) */
};

struct wz_evidence {
  size_t q, o, c;
  int weight;
  char *reason;
};

struct wz_rule {
  char *id, *text, *source;
  int level;
};

struct wz_read {
  int level;
  char *article_id;
};

struct kc_wz_def {
  struct wz_question *qs;
  size_t n_qs, cap_qs;
  struct kc_wz_cause *causes;
  size_t n_causes, cap_causes;
  struct wz_evidence *ev;
  size_t n_ev, cap_ev;
  struct wz_rule *rules;
  size_t n_rules, cap_rules;
  struct wz_read *reads;
  size_t n_reads, cap_reads;
  char *problem;     /* first problem recorded while adding */
  size_t n_problems; /* how many were recorded */
  bool oom;          /* a copy failed: the definition is incomplete */
};

struct kc_wz_answers {
  const struct kc_wz_def *def;
  size_t n;
  uint64_t *sel;
  bool *asked; /* kept up to date after every change */
};

/* ---- small helpers ------------------------------------------------------ */

static int grow(void **p, size_t *cap, size_t n, size_t size) {
  if (n < *cap) return 0;
  size_t nc = *cap ? *cap * 2 : 8;
  void *np = realloc(*p, nc * size);
  if (!np) return -1;
  *p = np;
  *cap = nc;
  return 0;
}

/* Copies s (NULL stays NULL); sets *bad on allocation failure. */
static char *dup(const char *s, bool *bad) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (!d) {
    *bad = true;
    return NULL;
  }
  memcpy(d, s, n);
  return d;
}

static bool empty(const char *s) { return !s || !s[0]; }

static const char *str(const char *s) { return s ? s : ""; }

static void problem(struct kc_wz_def *def, const char *fmt, ...) {
  def->n_problems++;
  if (def->problem) return;
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  def->problem = dup(buf, &def->oom);
}

static void say(char *err, size_t errlen, const char *fmt, ...) {
  if (!err || errlen == 0) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}

/* Ids are lower-case letters, digits and '-', so they are safe in answers
 * files, conditions, messages and JSON. */
static bool valid_id(const char *s) {
  if (empty(s)) return false;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-')) return false;
  return true;
}

static int find_q(const struct kc_wz_def *def, const char *id, size_t len, size_t limit) {
  for (size_t i = 0; i < limit && i < def->n_qs; i++) {
    const char *qid = def->qs[i].pub.id;
    if (qid && strlen(qid) == len && memcmp(qid, id, len) == 0) return (int)i;
  }
  return -1;
}

/* ---- definition --------------------------------------------------------- */

struct kc_wz_def *kc_wz_def_new(void) {
  return calloc(1, sizeof(struct kc_wz_def));
}

static void free_question(struct wz_question *q) {
  free((char *)q->pub.id);
  free((char *)q->pub.section);
  free((char *)q->pub.text);
  free((char *)q->pub.ask_if);
  for (size_t j = 0; j < q->pub.n_options; j++) {
    free((char *)q->opts[j].id);
    free((char *)q->opts[j].label);
    free((char *)q->opts[j].source);
    free((char *)q->opts[j].article_id);
  }
  free(q->opts);
  for (size_t k = 0; k < q->n_clauses; k++) {
    for (size_t m = 0; m < q->clauses[k].n_opts; m++) free(q->clauses[k].opts[m]);
    free(q->clauses[k].opts);
  }
  free(q->clauses);
}

void kc_wz_def_free(struct kc_wz_def *def) {
  if (!def) return;
  for (size_t i = 0; i < def->n_qs; i++) free_question(&def->qs[i]);
  free(def->qs);
  for (size_t i = 0; i < def->n_causes; i++) {
    free((char *)def->causes[i].id);
    free((char *)def->causes[i].title);
    free((char *)def->causes[i].article_id);
    free((char *)def->causes[i].source);
  }
  free(def->causes);
  for (size_t i = 0; i < def->n_ev; i++) free(def->ev[i].reason);
  free(def->ev);
  for (size_t i = 0; i < def->n_rules; i++) {
    free(def->rules[i].id);
    free(def->rules[i].text);
    free(def->rules[i].source);
  }
  free(def->rules);
  for (size_t i = 0; i < def->n_reads; i++) free(def->reads[i].article_id);
  free(def->reads);
  free(def->problem);
  free(def);
}

static bool is_space(char c) { return c == ' ' || c == '\t'; }

/* Parses ask_if against the questions before qi (the new question). On a
 * syntax problem records it and marks the question never-asked. Grammar:
 * clause (" & " clause)*, clause = qid ("=" | "!=") opt ("|" opt)*. */
static int parse_condition(struct kc_wz_def *def, size_t qi, const char *cond) {
  struct wz_question *q = &def->qs[qi];
  const char *qid = str(q->pub.id);
  const char *p = cond;
  for (;;) {
    const char *amp = strchr(p, '&');
    const char *end = amp ? amp : p + strlen(p);
    /* trim the clause */
    const char *s = p, *e = end;
    while (s < e && is_space(*s)) s++;
    while (e > s && is_space(e[-1])) e--;
    const char *eq = memchr(s, '=', (size_t)(e - s));
    if (!eq) {
      problem(def, "question '%s': ask_if '%s' has a clause without = or !=", qid, cond);
      q->cond_bad = true;
      return 0;
    }
    bool negate = eq > s && eq[-1] == '!';
    const char *ke = negate ? eq - 1 : eq;
    while (ke > s && is_space(ke[-1])) ke--;
    int ref = find_q(def, s, (size_t)(ke - s), qi);
    if (ke == s || ref < 0) {
      problem(def, "question '%s': ask_if '%s' names a question that is not an earlier one", qid,
              cond);
      q->cond_bad = true;
      return 0;
    }
    /* a condition has a handful of clauses: grow one at a time */
    struct wz_clause *np = realloc(q->clauses, (q->n_clauses + 1) * sizeof *q->clauses);
    if (!np) return -1;
    q->clauses = np;
    struct wz_clause *cl = &q->clauses[q->n_clauses++];
    memset(cl, 0, sizeof *cl);
    cl->q = (size_t)ref;
    cl->negate = negate;
    const char *v = eq + 1;
    for (;;) {
      const char *bar = memchr(v, '|', (size_t)(e - v));
      const char *ve = bar ? bar : e;
      const char *vs = v;
      while (vs < ve && is_space(*vs)) vs++;
      while (ve > vs && is_space(ve[-1])) ve--;
      if (ve == vs) {
        problem(def, "question '%s': ask_if '%s' has an empty option", qid, cond);
        q->cond_bad = true;
        return 0;
      }
      char **no = realloc(cl->opts, (cl->n_opts + 1) * sizeof *cl->opts);
      if (!no) return -1;
      cl->opts = no;
      char *o = malloc((size_t)(ve - vs) + 1);
      if (!o) return -1;
      memcpy(o, vs, (size_t)(ve - vs));
      o[ve - vs] = '\0';
      cl->opts[cl->n_opts++] = o;
      const struct wz_question *rq = &def->qs[ref];
      for (size_t j = 0; j < rq->pub.n_options; j++)
        if (rq->opts[j].id && strcmp(rq->opts[j].id, o) == 0) cl->mask |= (uint64_t)1 << j;
      if (!bar) break;
      v = bar + 1;
    }
    if (!amp) break;
    p = amp + 1;
  }
  return 0;
}

int kc_wz_add_question(struct kc_wz_def *def, const char *id, const char *section, const char *text,
                       enum kc_wz_kind kind, const char *ask_if, bool required) {
  if (!def) return -1;
  if (grow((void **)&def->qs, &def->cap_qs, def->n_qs, sizeof *def->qs)) return -1;
  struct wz_question *q = &def->qs[def->n_qs];
  memset(q, 0, sizeof *q);
  bool bad = false;
  q->pub.id = dup(id, &bad);
  q->pub.section = dup(section, &bad);
  q->pub.text = dup(text, &bad);
  q->pub.ask_if = empty(ask_if) ? NULL : dup(ask_if, &bad);
  q->pub.kind = kind;
  q->pub.required = required;
  def->n_qs++;
  if (bad) {
    def->oom = true;
    return -1;
  }
  if (kind != KC_WZ_ONE && kind != KC_WZ_MANY)
    problem(def, "question '%s': kind must be one or many", str(id));
  if (q->pub.ask_if && parse_condition(def, def->n_qs - 1, q->pub.ask_if) != 0) {
    def->oom = true;
    return -1;
  }
  return 0;
}

int kc_wz_add_option(struct kc_wz_def *def, const char *question_id, const char *id,
                     const char *label, int level, const char *source, const char *article_id) {
  if (!def) return -1;
  int qi = question_id ? find_q(def, question_id, strlen(question_id), def->n_qs) : -1;
  if (qi < 0) {
    problem(def, "option '%s' of question '%s': no such question", str(id), str(question_id));
    return def->oom ? -1 : 0;
  }
  struct wz_question *q = &def->qs[qi];
  if (q->pub.n_options >= KC_WZ_MAX_OPTIONS) {
    problem(def, "question '%s' has more than %d options (at '%s')", str(question_id),
            KC_WZ_MAX_OPTIONS, str(id));
    return def->oom ? -1 : 0;
  }
  if (level < KC_LEVEL_NONE || level > KC_LEVEL_MAX) {
    problem(def, "question '%s' option '%s': level %d is not 0..5", str(question_id), str(id),
            level);
    level = KC_LEVEL_MAX; /* if used anyway, err on the safe side */
  }
  if (grow((void **)&q->opts, &q->cap_opts, q->pub.n_options, sizeof *q->opts)) return -1;
  size_t j = q->pub.n_options;
  struct kc_wz_option *o = &q->opts[j];
  bool bad = false;
  o->id = dup(id, &bad);
  o->label = dup(label, &bad);
  o->level = (enum kc_level)level;
  o->source = dup(source, &bad);
  o->article_id = empty(article_id) ? NULL : dup(article_id, &bad);
  q->pub.n_options++;
  q->pub.options = q->opts;
  if (bad) {
    def->oom = true;
    return -1;
  }
  /* keep the masks of later conditions on this question in step */
  for (size_t k = (size_t)qi + 1; k < def->n_qs && id; k++)
    for (size_t c = 0; c < def->qs[k].n_clauses; c++) {
      struct wz_clause *cl = &def->qs[k].clauses[c];
      if (cl->q != (size_t)qi) continue;
      for (size_t m = 0; m < cl->n_opts; m++)
        if (strcmp(cl->opts[m], id) == 0) cl->mask |= (uint64_t)1 << j;
    }
  return 0;
}

int kc_wz_add_cause(struct kc_wz_def *def, const char *id, const char *title,
                    const char *article_id, int min_level, const char *source) {
  if (!def) return -1;
  if (min_level < KC_LEVEL_NONE || min_level > KC_LEVEL_MAX) {
    problem(def, "cause '%s': min_level %d is not 0..5", str(id), min_level);
    min_level = KC_LEVEL_MAX;
  }
  if (grow((void **)&def->causes, &def->cap_causes, def->n_causes, sizeof *def->causes)) return -1;
  struct kc_wz_cause *c = &def->causes[def->n_causes++];
  bool bad = false;
  c->id = dup(id, &bad);
  c->title = dup(title, &bad);
  c->article_id = dup(article_id, &bad);
  c->min_level = (enum kc_level)min_level;
  c->source = dup(source, &bad);
  if (bad) def->oom = true;
  return bad ? -1 : 0;
}

int kc_wz_add_evidence(struct kc_wz_def *def, const char *question_id, const char *option_id,
                       const char *cause_id, int weight, const char *reason) {
  if (!def) return -1;
  const char *qid = str(question_id), *oid = str(option_id), *cid = str(cause_id);
  int qi = find_q(def, qid, strlen(qid), def->n_qs);
  int oj = qi >= 0 ? kc_wz_find_option(def, (size_t)qi, oid) : -1;
  int ci = kc_wz_find_cause(def, cid);
  if (qi < 0 || oj < 0 || ci < 0) {
    problem(def, "evidence '%s' '%s' '%s': unknown %s", qid, oid, cid,
            qi < 0   ? "question"
            : oj < 0 ? "option"
                     : "cause");
    return def->oom ? -1 : 0;
  }
  if (grow((void **)&def->ev, &def->cap_ev, def->n_ev, sizeof *def->ev)) return -1;
  struct wz_evidence *e = &def->ev[def->n_ev];
  bool bad = false;
  e->q = (size_t)qi;
  e->o = (size_t)oj;
  e->c = (size_t)ci;
  e->weight = weight;
  e->reason = dup(reason, &bad);
  def->n_ev++;
  if (bad) def->oom = true;
  return bad ? -1 : 0;
}

int kc_wz_add_rule(struct kc_wz_def *def, const char *id, int level, const char *text,
                   const char *source) {
  if (!def) return -1;
  if (!id || strcmp(id, KC_WZ_RULE_NO_MATCH) != 0)
    problem(def, "rule '%s': unknown rule (known: %s)", str(id), KC_WZ_RULE_NO_MATCH);
  if (level < KC_LEVEL_NONE || level > KC_LEVEL_MAX) {
    problem(def, "rule '%s': level %d is not 0..5", str(id), level);
    level = KC_LEVEL_AMBULANCE;
  }
  if (grow((void **)&def->rules, &def->cap_rules, def->n_rules, sizeof *def->rules)) return -1;
  struct wz_rule *r = &def->rules[def->n_rules++];
  bool bad = false;
  r->id = dup(id, &bad);
  r->text = dup(text, &bad);
  r->source = dup(source, &bad);
  r->level = level;
  if (bad) def->oom = true;
  return bad ? -1 : 0;
}

int kc_wz_add_read(struct kc_wz_def *def, int level, const char *article_id) {
  if (!def) return -1;
  if (level < KC_LEVEL_SELF_CARE || level > KC_LEVEL_MAX)
    problem(def, "read '%s': level %d is not 1..5", str(article_id), level);
  if (grow((void **)&def->reads, &def->cap_reads, def->n_reads, sizeof *def->reads)) return -1;
  struct wz_read *r = &def->reads[def->n_reads++];
  bool bad = false;
  r->level = level;
  r->article_id = dup(article_id, &bad);
  if (bad) def->oom = true;
  return bad ? -1 : 0;
}

/* ---- accessors ------------------------------------------------------------ */

size_t kc_wz_question_count(const struct kc_wz_def *def) { return def ? def->n_qs : 0; }

const struct kc_wz_question *kc_wz_question_at(const struct kc_wz_def *def, size_t qi) {
  return def && qi < def->n_qs ? &def->qs[qi].pub : NULL;
}

const struct kc_wz_option *kc_wz_option_at(const struct kc_wz_def *def, size_t qi, size_t oj) {
  return def && qi < def->n_qs && oj < def->qs[qi].pub.n_options ? &def->qs[qi].opts[oj] : NULL;
}

size_t kc_wz_cause_count(const struct kc_wz_def *def) { return def ? def->n_causes : 0; }

const struct kc_wz_cause *kc_wz_cause_at(const struct kc_wz_def *def, size_t ci) {
  return def && ci < def->n_causes ? &def->causes[ci] : NULL;
}

int kc_wz_find_question(const struct kc_wz_def *def, const char *id) {
  return def && id ? find_q(def, id, strlen(id), def->n_qs) : -1;
}

int kc_wz_find_option(const struct kc_wz_def *def, size_t qi, const char *id) {
  if (!def || !id || qi >= def->n_qs) return -1;
  const struct wz_question *q = &def->qs[qi];
  for (size_t j = 0; j < q->pub.n_options; j++)
    if (q->opts[j].id && strcmp(q->opts[j].id, id) == 0) return (int)j;
  return -1;
}

int kc_wz_find_cause(const struct kc_wz_def *def, const char *id) {
  if (!def || !id) return -1;
  for (size_t i = 0; i < def->n_causes; i++)
    if (def->causes[i].id && strcmp(def->causes[i].id, id) == 0) return (int)i;
  return -1;
}

static enum kc_level question_max_level(const struct wz_question *q) {
  enum kc_level m = KC_LEVEL_NONE;
  for (size_t j = 0; j < q->pub.n_options; j++)
    if (q->opts[j].level > m) m = q->opts[j].level;
  return m;
}

enum kc_level kc_wz_option_level(const struct kc_wz_def *def, size_t qi, size_t oj) {
  if (!def || qi >= def->n_qs || oj >= def->qs[qi].pub.n_options) return KC_LEVEL_NONE;
  const struct wz_question *q = &def->qs[qi];
  if (q->opts[oj].id && strcmp(q->opts[oj].id, KC_WZ_UNSURE) == 0) return question_max_level(q);
  return q->opts[oj].level;
}

/* ---- validation ----------------------------------------------------------- */

static bool article_ok(const char *id, bool (*exists)(const char *, void *), void *ctx) {
  if (!valid_id(id)) return false;
  return !exists || exists(id, ctx);
}

int kc_wz_def_validate(const struct kc_wz_def *def,
                       bool (*article_exists)(const char *id, void *ctx), void *ctx, char *err,
                       size_t errlen) {
  if (!def) {
    say(err, errlen, "no wizard definition");
    return -1;
  }
  if (def->oom) {
    say(err, errlen, "out of memory while building the wizard definition");
    return -1;
  }
  if (def->problem) {
    if (def->n_problems > 1)
      say(err, errlen, "%s (and %zu more problems)", def->problem, def->n_problems - 1);
    else
      say(err, errlen, "%s", def->problem);
    return -1;
  }
  if (def->n_qs == 0) {
    say(err, errlen, "the wizard has no questions");
    return -1;
  }
  bool in_red_flags = true; /* red-flag questions must come first */
  for (size_t i = 0; i < def->n_qs; i++) {
    const struct wz_question *q = &def->qs[i];
    const char *qid = str(q->pub.id);
    if (!valid_id(q->pub.id)) {
      say(err, errlen, "question '%s': id must be lower-case letters, digits and hyphens", qid);
      return -1;
    }
    for (size_t k = 0; k < i; k++)
      if (strcmp(qid, str(def->qs[k].pub.id)) == 0) {
        say(err, errlen, "question '%s': duplicate question id", qid);
        return -1;
      }
    if (empty(q->pub.section) || empty(q->pub.text)) {
      say(err, errlen, "question '%s': missing %s", qid, empty(q->pub.text) ? "text" : "section");
      return -1;
    }
    bool rf = strcmp(q->pub.section, KC_WZ_SECTION_RED_FLAGS) == 0;
    if (rf && !in_red_flags) {
      say(err, errlen, "question '%s': red-flag questions must come before all others", qid);
      return -1;
    }
    if (!rf) in_red_flags = false;
    if (rf && q->pub.ask_if) {
      say(err, errlen, "question '%s': a red-flag question must always be asked (no ask_if)", qid);
      return -1;
    }
    if (rf && question_max_level(q) == KC_LEVEL_NONE) {
      say(err, errlen, "question '%s': a red-flag question needs an option with a level", qid);
      return -1;
    }
    if (q->pub.n_options == 0) {
      say(err, errlen, "question '%s': has no options", qid);
      return -1;
    }
    enum kc_level qmax = question_max_level(q);
    for (size_t j = 0; j < q->pub.n_options; j++) {
      const struct kc_wz_option *o = &q->opts[j];
      const char *oid = str(o->id);
      if (!valid_id(o->id)) {
        say(err, errlen,
            "question '%s' option '%s': id must be lower-case letters, digits and hyphens", qid,
            oid);
        return -1;
      }
      for (size_t k = 0; k < j; k++)
        if (strcmp(oid, str(q->opts[k].id)) == 0) {
          say(err, errlen, "question '%s' option '%s': duplicate option id", qid, oid);
          return -1;
        }
      if (empty(o->label)) {
        say(err, errlen, "question '%s' option '%s': missing label", qid, oid);
        return -1;
      }
      if (o->level > KC_LEVEL_NONE && empty(o->source)) {
        say(err, errlen, "question '%s' option '%s': level %d needs a source", qid, oid,
            (int)o->level);
        return -1;
      }
      if (strcmp(oid, KC_WZ_UNSURE) == 0 && o->level != qmax) {
        say(err, errlen,
            "question '%s' option '%s': \"not sure\" must carry the question's highest level "
            "(%d), has %d",
            qid, oid, (int)qmax, (int)o->level);
        return -1;
      }
      if (o->article_id && !article_ok(o->article_id, article_exists, ctx)) {
        say(err, errlen, "question '%s' option '%s': unknown article '%s'", qid, oid,
            o->article_id);
        return -1;
      }
    }
    for (size_t c = 0; c < q->n_clauses; c++) {
      const struct wz_clause *cl = &q->clauses[c];
      for (size_t m = 0; m < cl->n_opts; m++)
        if (kc_wz_find_option(def, cl->q, cl->opts[m]) < 0) {
          say(err, errlen, "question '%s': ask_if '%s' names an unknown option of question %s", qid,
              q->pub.ask_if, str(def->qs[cl->q].pub.id));
          return -1;
        }
    }
  }
  for (size_t i = 0; i < def->n_causes; i++) {
    const struct kc_wz_cause *c = &def->causes[i];
    const char *cid = str(c->id);
    if (!valid_id(c->id)) {
      say(err, errlen, "cause '%s': id must be lower-case letters, digits and hyphens", cid);
      return -1;
    }
    for (size_t k = 0; k < i; k++)
      if (strcmp(cid, str(def->causes[k].id)) == 0) {
        say(err, errlen, "cause '%s': duplicate cause id", cid);
        return -1;
      }
    if (empty(c->title)) {
      say(err, errlen, "cause '%s': missing title", cid);
      return -1;
    }
    if (!article_ok(c->article_id, article_exists, ctx)) {
      say(err, errlen, "cause '%s': unknown article '%s'", cid, str(c->article_id));
      return -1;
    }
    if (c->min_level >= KC_LEVEL_SOON && empty(c->source)) {
      say(err, errlen, "cause '%s': min_level %d needs a source", cid, (int)c->min_level);
      return -1;
    }
    bool reachable = false;
    for (size_t e = 0; e < def->n_ev && !reachable; e++)
      reachable = def->ev[e].c == i && def->ev[e].weight > 0;
    if (!reachable) {
      say(err, errlen, "cause '%s': no answer speaks for it (no positive evidence)", cid);
      return -1;
    }
  }
  for (size_t i = 0; i < def->n_ev; i++) {
    const struct wz_evidence *e = &def->ev[i];
    const char *qid = str(def->qs[e->q].pub.id), *oid = str(def->qs[e->q].opts[e->o].id),
               *cid = str(def->causes[e->c].id);
    if (e->weight == 0 || e->weight < -KC_WZ_MAX_WEIGHT || e->weight > KC_WZ_MAX_WEIGHT ||
        empty(e->reason)) {
      say(err, errlen, "evidence '%s' '%s' '%s': %s", qid, oid, cid,
          empty(e->reason) ? "missing reason" : "weight must be 1..100 or -100..-1");
      return -1;
    }
    for (size_t k = 0; k < i; k++)
      if (def->ev[k].q == e->q && def->ev[k].o == e->o && def->ev[k].c == e->c) {
        say(err, errlen, "evidence '%s' '%s' '%s': listed twice", qid, oid, cid);
        return -1;
      }
  }
  for (size_t i = 0; i < def->n_rules; i++) {
    const struct wz_rule *r = &def->rules[i];
    for (size_t k = 0; k < i; k++)
      if (strcmp(str(r->id), str(def->rules[k].id)) == 0) {
        say(err, errlen, "rule '%s': duplicate rule id", str(r->id));
        return -1;
      }
    if (empty(r->text) || (r->level > KC_LEVEL_NONE && empty(r->source))) {
      say(err, errlen, "rule '%s': missing %s", str(r->id), empty(r->text) ? "text" : "source");
      return -1;
    }
  }
  for (size_t i = 0; i < def->n_reads; i++)
    if (!article_ok(def->reads[i].article_id, article_exists, ctx)) {
      say(err, errlen, "read '%s': unknown article", str(def->reads[i].article_id));
      return -1;
    }
  return 0;
}

/* ---- answers ---------------------------------------------------------------- */

static bool clause_holds(const struct kc_wz_answers *a, const struct wz_clause *cl) {
  if (!a->asked[cl->q] || a->sel[cl->q] == 0) return false;
  bool any = (a->sel[cl->q] & cl->mask) != 0;
  return cl->negate ? !any : any;
}

/* Conditions refer only to earlier questions, so one forward pass settles
 * every question; answers to questions that are not asked are ignored. */
static void recompute(struct kc_wz_answers *a) {
  const struct kc_wz_def *def = a->def;
  for (size_t i = 0; i < a->n; i++) {
    const struct wz_question *q = &def->qs[i];
    bool asked = !q->cond_bad;
    for (size_t c = 0; c < q->n_clauses && asked; c++) asked = clause_holds(a, &q->clauses[c]);
    a->asked[i] = asked;
  }
}

struct kc_wz_answers *kc_wz_answers_new(const struct kc_wz_def *def) {
  if (!def) return NULL;
  struct kc_wz_answers *a = calloc(1, sizeof *a);
  if (!a) return NULL;
  a->def = def;
  a->n = def->n_qs;
  a->sel = calloc(a->n ? a->n : 1, sizeof *a->sel);
  a->asked = calloc(a->n ? a->n : 1, sizeof *a->asked);
  if (!a->sel || !a->asked) {
    kc_wz_answers_free(a);
    return NULL;
  }
  recompute(a);
  return a;
}

void kc_wz_answers_free(struct kc_wz_answers *a) {
  if (!a) return;
  free(a->sel);
  free(a->asked);
  free(a);
}

static uint64_t valid_bits(const struct kc_wz_answers *a, size_t qi) {
  size_t n = a->def->qs[qi].pub.n_options;
  return n >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << n) - 1);
}

int kc_wz_answers_set_mask(struct kc_wz_answers *a, size_t qi, uint64_t mask) {
  if (!a || qi >= a->n || (mask & ~valid_bits(a, qi))) return -1;
  if (a->def->qs[qi].pub.kind == KC_WZ_ONE && (mask & (mask - 1))) return -1;
  a->sel[qi] = mask;
  recompute(a);
  return 0;
}

int kc_wz_answers_set(struct kc_wz_answers *a, size_t qi, size_t oj) {
  if (!a || qi >= a->n || oj >= a->def->qs[qi].pub.n_options) return -1;
  uint64_t bit = (uint64_t)1 << oj;
  return kc_wz_answers_set_mask(a, qi,
                                a->def->qs[qi].pub.kind == KC_WZ_ONE ? bit : (a->sel[qi] | bit));
}

int kc_wz_answers_toggle(struct kc_wz_answers *a, size_t qi, size_t oj) {
  if (!a || qi >= a->n || oj >= a->def->qs[qi].pub.n_options) return -1;
  uint64_t bit = (uint64_t)1 << oj;
  if (a->def->qs[qi].pub.kind == KC_WZ_ONE)
    return kc_wz_answers_set_mask(a, qi, (a->sel[qi] & bit) ? 0 : bit);
  return kc_wz_answers_set_mask(a, qi, a->sel[qi] ^ bit);
}

int kc_wz_answers_clear(struct kc_wz_answers *a, size_t qi) {
  return kc_wz_answers_set_mask(a, qi, 0);
}

void kc_wz_answers_reset(struct kc_wz_answers *a) {
  if (!a) return;
  memset(a->sel, 0, a->n * sizeof *a->sel);
  recompute(a);
}

uint64_t kc_wz_answers_get(const struct kc_wz_answers *a, size_t qi) {
  return a && qi < a->n ? a->sel[qi] : 0;
}

bool kc_wz_answers_selected(const struct kc_wz_answers *a, size_t qi, size_t oj) {
  return oj < 64 && (kc_wz_answers_get(a, qi) >> oj & 1);
}

/* ---- navigation ------------------------------------------------------------- */

static bool same(const struct kc_wz_def *def, const struct kc_wz_answers *a) {
  return def && a && a->def == def && a->n == def->n_qs;
}

bool kc_wz_is_asked(const struct kc_wz_def *def, const struct kc_wz_answers *a, size_t qi) {
  return same(def, a) && qi < a->n && a->asked[qi];
}

int kc_wz_next(const struct kc_wz_def *def, const struct kc_wz_answers *a, int qi) {
  if (!same(def, a) || qi < -1) return -1;
  for (size_t i = (size_t)(qi + 1); i < a->n; i++)
    if (a->asked[i]) return (int)i;
  return -1;
}

int kc_wz_prev(const struct kc_wz_def *def, const struct kc_wz_answers *a, int qi) {
  if (!same(def, a) || qi <= 0) return -1;
  for (size_t i = (size_t)qi > a->n ? a->n : (size_t)qi; i-- > 0;)
    if (a->asked[i]) return (int)i;
  return -1;
}

size_t kc_wz_prune(const struct kc_wz_def *def, struct kc_wz_answers *a) {
  if (!same(def, a)) return 0;
  size_t dropped = 0;
  /* asked[] ignores answers to questions that are not asked, so clearing
   * them does not change it: one pass is enough. */
  for (size_t i = 0; i < a->n; i++)
    if (!a->asked[i] && a->sel[i]) {
      a->sel[i] = 0;
      dropped++;
    }
  return dropped;
}

size_t kc_wz_count_asked(const struct kc_wz_def *def, const struct kc_wz_answers *a) {
  return same(def, a) ? kc_wz_asked_before(def, a, a->n) : 0;
}

size_t kc_wz_asked_before(const struct kc_wz_def *def, const struct kc_wz_answers *a, size_t qi) {
  if (!same(def, a)) return 0;
  size_t n = 0;
  for (size_t i = 0; i < qi && i < a->n; i++) n += a->asked[i];
  return n;
}

int kc_wz_first_missing(const struct kc_wz_def *def, const struct kc_wz_answers *a) {
  if (!same(def, a)) return -1;
  for (size_t i = 0; i < a->n; i++)
    if (a->asked[i] && def->qs[i].pub.required && a->sel[i] == 0) return (int)i;
  return -1;
}

enum kc_level kc_wz_flag_level(const struct kc_wz_def *def, const struct kc_wz_answers *a) {
  if (!same(def, a)) return KC_LEVEL_NONE;
  enum kc_level m = KC_LEVEL_NONE;
  for (size_t i = 0; i < a->n; i++) {
    if (!a->asked[i]) continue;
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++)
      if (a->sel[i] >> j & 1) {
        enum kc_level l = kc_wz_option_level(def, i, j);
        if (l > m) m = l;
      }
  }
  return m;
}

/* ---- scoring ------------------------------------------------------------------ */

static int reason_cmp(const struct kc_wz_reason *x, const struct kc_wz_reason *y) {
  int ax = abs(x->weight), ay = abs(y->weight);
  if (ax != ay) return ax > ay ? -1 : 1;
  if (x->question != y->question) return x->question < y->question ? -1 : 1;
  return x->option < y->option ? -1 : x->option > y->option;
}

/* Insertion sort: stable, and the lists are short. */
static void sort_reasons(struct kc_wz_reason *r, size_t n) {
  for (size_t i = 1; i < n; i++) {
    struct kc_wz_reason t = r[i];
    size_t k = i;
    while (k > 0 && reason_cmp(&r[k - 1], &t) > 0) {
      r[k] = r[k - 1];
      k--;
    }
    r[k] = t;
  }
}

static void add_read(const char **reads, size_t *n, const char *id) {
  if (!id) return;
  for (size_t i = 0; i < *n; i++)
    if (strcmp(reads[i], id) == 0) return;
  reads[(*n)++] = id;
}

void kc_wz_result_free(struct kc_wz_result *r) {
  if (!r) return;
  free(r->causes);
  free(r->why);
  free(r->reads);
  free(r->reasons_);
  memset(r, 0, sizeof *r);
}

int kc_wz_score(const struct kc_wz_def *def, const struct kc_wz_answers *a,
                struct kc_wz_result *out) {
  if (!out) return -1;
  memset(out, 0, sizeof *out);
  if (!same(def, a)) return -1;

  /* 1. The level from the answers alone. This is the floor: everything
   *    after this point may only raise it. */
  enum kc_level flag = KC_LEVEL_NONE;
  size_t n_leveled = 0, n_selected = 0;
  for (size_t i = 0; i < a->n; i++) {
    if (!a->asked[i]) continue;
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++)
      if (a->sel[i] >> j & 1) {
        enum kc_level l = kc_wz_option_level(def, i, j);
        if (l > flag) flag = l;
        n_leveled += l > KC_LEVEL_NONE;
        n_selected++;
      }
  }

  /* 2. Scores and the evidence that matched (one pass; the matches are
   *    remembered so the reasons are gathered without another full pass). */
  size_t nc = def->n_causes;
  struct scratch {
    long long score;
    size_t n_pro, n_con;
  } *per = calloc(nc ? nc : 1, sizeof *per);
  size_t *matched = malloc((def->n_ev ? def->n_ev : 1) * sizeof *matched);
  size_t n_match = 0;
  int rc = -1;
  if (!per || !matched) goto out;
  for (size_t e = 0; e < def->n_ev; e++) {
    const struct wz_evidence *ev = &def->ev[e];
    if (!a->asked[ev->q] || !(a->sel[ev->q] >> ev->o & 1)) continue;
    per[ev->c].score += ev->weight;
    if (ev->weight > 0)
      per[ev->c].n_pro++;
    else
      per[ev->c].n_con++;
    matched[n_match++] = e;
  }

  size_t n_ranked = 0;
  for (size_t c = 0; c < nc; c++) n_ranked += per[c].score > 0;
  out->causes = calloc(n_ranked ? n_ranked : 1, sizeof *out->causes);
  out->reasons_ = calloc(n_match ? n_match : 1, sizeof *out->reasons_);
  out->why = calloc(n_leveled + 2, sizeof *out->why);
  out->reads = calloc(n_ranked + def->n_reads + n_selected + 1, sizeof *out->reads);
  if (!out->causes || !out->reasons_ || !out->why || !out->reads) goto out;

  /* ranked causes: score desc, ties in definition order (stable insertion) */
  for (size_t c = 0; c < nc; c++) {
    if (per[c].score <= 0) continue;
    size_t k = out->n_causes++;
    int sc = per[c].score > INT_MAX ? INT_MAX : (int)per[c].score;
    while (k > 0 && out->causes[k - 1].score < sc) {
      out->causes[k] = out->causes[k - 1];
      k--;
    }
    out->causes[k] = (struct kc_wz_ranked){.cause = c, .score = sc};
  }
  /* reasons, grouped per ranked cause */
  size_t off = 0;
  for (size_t r = 0; r < out->n_causes; r++) {
    struct kc_wz_ranked *rk = &out->causes[r];
    size_t c = rk->cause;
    struct kc_wz_reason *pro = out->reasons_ + off, *con = pro + per[c].n_pro;
    off += per[c].n_pro + per[c].n_con;
    for (size_t m = 0; m < n_match; m++) {
      const struct wz_evidence *ev = &def->ev[matched[m]];
      if (ev->c != c) continue;
      struct kc_wz_reason rs = {ev->q, ev->o, ev->weight, ev->reason};
      if (ev->weight > 0)
        pro[rk->n_pro++] = rs;
      else
        con[rk->n_con++] = rs;
    }
    sort_reasons(pro, rk->n_pro);
    sort_reasons(con, rk->n_con);
    rk->pro = pro;
    rk->con = con;
  }

  /* 3. The level: the answers' floor, raised by the top cause or by the
   *    no-match rule, never lowered. */
  enum kc_level level = flag > KC_LEVEL_SELF_CARE ? flag : KC_LEVEL_SELF_CARE;
  for (size_t i = 0; i < a->n; i++) {
    if (!a->asked[i]) continue;
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++) {
      if (!(a->sel[i] >> j & 1)) continue;
      enum kc_level l = kc_wz_option_level(def, i, j);
      if (l == KC_LEVEL_NONE) continue;
      const struct kc_wz_option *o = &def->qs[i].opts[j];
      /* "unsure" cites the source of the level it borrows */
      const char *src = o->source;
      if (empty(src))
        for (size_t k = 0; k < def->qs[i].pub.n_options; k++)
          if (def->qs[i].opts[k].level == l && !empty(def->qs[i].opts[k].source)) {
            src = def->qs[i].opts[k].source;
            break;
          }
      out->why[out->n_why++] = (struct kc_wz_why){.kind = KC_WZ_WHY_ANSWER,
                                                  .level = l,
                                                  .question = i,
                                                  .option = j,
                                                  .text = def->qs[i].pub.text,
                                                  .label = o->label,
                                                  .source = src};
    }
  }
  if (out->n_causes > 0) {
    const struct kc_wz_cause *top = &def->causes[out->causes[0].cause];
    if (top->min_level > level) level = top->min_level;
    if (top->min_level >= KC_LEVEL_SOON)
      out->why[out->n_why++] = (struct kc_wz_why){.kind = KC_WZ_WHY_CAUSE,
                                                  .level = top->min_level,
                                                  .cause = out->causes[0].cause,
                                                  .text = top->title,
                                                  .source = top->source};
  } else {
    enum kc_level floor_level = KC_LEVEL_SOON;
    const struct wz_rule *rule = NULL;
    for (size_t i = 0; i < def->n_rules; i++)
      if (strcmp(str(def->rules[i].id), KC_WZ_RULE_NO_MATCH) == 0) rule = &def->rules[i];
    if (rule && rule->level > (int)floor_level) floor_level = (enum kc_level)rule->level;
    if (floor_level > level) level = floor_level;
    const char *text = rule && !empty(rule->text)
                           ? rule->text
                           : "None of the causes in this guide fits your answers";
    out->why[out->n_why++] = (struct kc_wz_why){.kind = KC_WZ_WHY_RULE,
                                                .level = floor_level,
                                                .text = text,
                                                .source = rule ? rule->source : NULL};
  }
  if (level < flag) level = flag; /* belt and braces: the floor holds */
  out->level = level;
  out->flag_level = flag;
  /* most urgent first, stable */
  for (size_t i = 1; i < out->n_why; i++) {
    struct kc_wz_why t = out->why[i];
    size_t k = i;
    while (k > 0 && out->why[k - 1].level < t.level) {
      out->why[k] = out->why[k - 1];
      k--;
    }
    out->why[k] = t;
  }

  /* 4. What to read next. Urgent results lead with the warning-sign
   *    articles; otherwise the causes come first. */
  bool urgent = level >= KC_LEVEL_24H;
  if (urgent)
    for (size_t i = 0; i < def->n_reads; i++)
      if (def->reads[i].level == (int)level)
        add_read(out->reads, &out->n_reads, def->reads[i].article_id);
  for (size_t r = 0; r < out->n_causes && r < KC_WZ_READ_CAUSES; r++)
    add_read(out->reads, &out->n_reads, def->causes[out->causes[r].cause].article_id);
  for (size_t i = 0; i < a->n; i++) {
    if (!a->asked[i]) continue;
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++)
      if (a->sel[i] >> j & 1) add_read(out->reads, &out->n_reads, def->qs[i].opts[j].article_id);
  }
  if (!urgent)
    for (size_t i = 0; i < def->n_reads; i++)
      if (def->reads[i].level == (int)level)
        add_read(out->reads, &out->n_reads, def->reads[i].article_id);
  rc = 0;
out:
  free(per);
  free(matched);
  if (rc != 0) kc_wz_result_free(out);
  return rc;
}
