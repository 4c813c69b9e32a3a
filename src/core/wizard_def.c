/* Building and reading a wizard definition: the add-functions record what
 * they are given (copied) and note any problem for kc_wz_def_validate()
 * instead of refusing it, so a loader can report every row in one place;
 * the accessors hand out pointers into the definition. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/mem.h"
#include "wizard_int.h"

/* ---- shared helpers ------------------------------------------------------ */

char *wz_dup(const char *s) { return s ? kc_xstrdup(s) : NULL; }

bool wz_empty(const char *s) { return !s || !s[0]; }

const char *wz_str(const char *s) { return s ? s : ""; }

void wz_problem(struct kc_wz_def *def, const char *fmt, ...) {
  def->n_problems++;
  if (def->problem) return;
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  def->problem = kc_xstrdup(buf);
}

void wz_say(char *err, size_t errlen, const char *fmt, ...) {
  if (!err || errlen == 0) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}

/* Ids are lower-case letters, digits and '-', so they are safe in answers
 * files, conditions, messages and JSON. */
bool wz_valid_id(const char *s) {
  if (wz_empty(s)) return false;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-')) return false;
  return true;
}

int wz_find_q(const struct kc_wz_def *def, const char *id, size_t len, size_t limit) {
  for (size_t i = 0; i < limit && i < def->n_qs; i++) {
    const char *qid = def->qs[i].pub.id;
    /* the first byte rules out most ids without a strlen (the loader looks
     * up hundreds of rows) */
    if (qid && len && qid[0] == id[0] && strncmp(qid, id, len) == 0 && qid[len] == '\0')
      return (int)i;
    if (qid && !len && !qid[0]) return (int)i;
  }
  return -1;
}

/* ---- definition ------------------------------------------------------------ */

struct kc_wz_def *kc_wz_def_new(void) {
  return kc_xcalloc(1, sizeof(struct kc_wz_def));
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
  wz_cond_free(&q->cond);
  for (int k = 0; k < 2; k++) {
    for (size_t i = 0; i < q->n_pic[k]; i++) free(q->pic[k][i]);
    free(q->pic[k]);
  }
}

static void free_sign(struct wz_sign *s) {
  free((char *)s->pub.id);
  free((char *)s->pub.statement);
  free((char *)s->pub.action);
  free((char *)s->pub.source);
  free((char *)s->pub.positive_if);
  free(s->also);
  wz_cond_free(&s->cond);
}

void kc_wz_def_free(struct kc_wz_def *def) {
  if (!def) return;
  for (size_t i = 0; i < def->n_qs; i++) free_question(&def->qs[i]);
  free(def->qs);
  for (size_t i = 0; i < def->n_causes; i++) {
    free((char *)def->causes[i].id);
    free((char *)def->causes[i].title);
    free((char *)def->causes[i].article_id);
    free((char *)def->causes[i].action);
    free((char *)def->causes[i].source);
  }
  free(def->causes);
  for (size_t i = 0; i < def->n_signs; i++) free_sign(&def->signs[i]);
  free(def->signs);
  for (size_t i = 0; i < def->n_vetoes; i++) free(def->vetoes[i].reason);
  free(def->vetoes);
  for (size_t i = 0; i < def->n_changes; i++) {
    free(def->changes[i].q);
    free(def->changes[i].o);
    free(def->changes[i].note);
  }
  free(def->changes);
  for (size_t i = 0; i < def->n_sections; i++) {
    free(def->sections[i].id);
    free(def->sections[i].title);
  }
  free(def->sections);
  for (int l = 0; l <= KC_LEVEL_MAX; l++) {
    free(def->levels[l].name);
    free(def->levels[l].title);
    free(def->levels[l].action);
    free(def->levels[l].source);
  }
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

int kc_wz_add_question(struct kc_wz_def *def, const char *id, const char *section, const char *text,
                       enum kc_wz_kind kind, const char *ask_if, bool required) {
  if (!def) return -1;
  KC_GROW(def->qs, def->cap_qs, def->n_qs + 1);
  struct wz_question *q = &def->qs[def->n_qs];
  memset(q, 0, sizeof *q);
  q->pub.id = wz_dup(id);
  q->pub.section = wz_dup(section);
  q->pub.text = wz_dup(text);
  q->pub.ask_if = wz_empty(ask_if) ? NULL : wz_dup(ask_if);
  q->pub.kind = kind;
  q->pub.required = required;
  def->n_qs++;
  if (kind != KC_WZ_ONE && kind != KC_WZ_MANY)
    wz_problem(def, "question '%s': kind must be one or many", wz_str(id));
  if (q->pub.ask_if) {
    char owner[160];
    snprintf(owner, sizeof owner, "question '%s': ask_if", wz_str(id));
    wz_cond_parse(def, &q->cond, q->pub.ask_if, def->n_qs - 1, owner);
  }
  return 0;
}

int kc_wz_add_option(struct kc_wz_def *def, const char *question_id, const char *id,
                     const char *label, int level, const char *source, const char *article_id) {
  if (!def) return -1;
  int qi = question_id ? wz_find_q(def, question_id, strlen(question_id), def->n_qs) : -1;
  if (qi < 0) {
    wz_problem(def, "option '%s' of question '%s': no such question", wz_str(id),
               wz_str(question_id));
    return 0;
  }
  struct wz_question *q = &def->qs[qi];
  if (q->pub.n_options >= KC_WZ_MAX_OPTIONS) {
    wz_problem(def, "question '%s' has more than %d options (at '%s')", wz_str(question_id),
               KC_WZ_MAX_OPTIONS, wz_str(id));
    return 0;
  }
  if (level < KC_LEVEL_NONE || level > KC_LEVEL_MAX) {
    wz_problem(def, "question '%s' option '%s': level %d is not 0..5", wz_str(question_id),
               wz_str(id), level);
    level = KC_LEVEL_MAX; /* if used anyway, err on the safe side */
  }
  KC_GROW(q->opts, q->cap_opts, q->pub.n_options + 1);
  size_t j = q->pub.n_options;
  struct kc_wz_option *o = &q->opts[j];
  memset(o, 0, sizeof *o);
  o->id = wz_dup(id);
  o->label = wz_dup(label);
  o->level = (enum kc_level)level;
  o->source = wz_dup(source);
  o->article_id = wz_empty(article_id) ? NULL : wz_dup(article_id);
  o->sign = -1;
  q->pub.n_options++;
  q->pub.options = q->opts;
  /* keep the masks of conditions on this question in step: later
   * questions' and the signs' (signs are added before their options) */
  for (size_t k = (size_t)qi + 1; k < def->n_qs && id; k++)
    wz_cond_add_option(&def->qs[k].cond, (size_t)qi, j, id);
  for (size_t k = 0; k < def->n_signs && id; k++)
    wz_cond_add_option(&def->signs[k].cond, (size_t)qi, j, id);
  return 0;
}

int kc_wz_add_cause(struct kc_wz_def *def, const char *id, const char *title,
                    const char *article_id, int min_level, const char *source) {
  if (!def) return -1;
  if (min_level < KC_LEVEL_NONE || min_level > KC_LEVEL_MAX) {
    wz_problem(def, "cause '%s': min_level %d is not 0..5", wz_str(id), min_level);
    min_level = KC_LEVEL_MAX;
  }
  KC_GROW(def->causes, def->cap_causes, def->n_causes + 1);
  struct kc_wz_cause *c = &def->causes[def->n_causes++];
  memset(c, 0, sizeof *c);
  c->id = wz_dup(id);
  c->title = wz_dup(title);
  c->article_id = wz_dup(article_id);
  c->min_level = (enum kc_level)min_level;
  c->action = kc_xstrdup("");
  c->source = wz_dup(source);
  return 0;
}

int kc_wz_add_evidence(struct kc_wz_def *def, const char *question_id, const char *option_id,
                       const char *cause_id, int weight, const char *reason) {
  if (!def) return -1;
  const char *qid = wz_str(question_id), *oid = wz_str(option_id), *cid = wz_str(cause_id);
  int qi = wz_find_q(def, qid, strlen(qid), def->n_qs);
  int oj = qi >= 0 ? kc_wz_find_option(def, (size_t)qi, oid) : -1;
  int ci = kc_wz_find_cause(def, cid);
  if (qi < 0 || oj < 0 || ci < 0) {
    wz_problem(def, "evidence '%s' '%s' '%s': unknown %s", qid, oid, cid,
               qi < 0   ? "question"
               : oj < 0 ? "option"
                        : "cause");
    return 0;
  }
  KC_GROW(def->ev, def->cap_ev, def->n_ev + 1);
  def->ev[def->n_ev++] =
      (struct wz_evidence){(size_t)qi, (size_t)oj, (size_t)ci, weight, wz_dup(reason)};
  return 0;
}

int kc_wz_add_rule(struct kc_wz_def *def, const char *id, int level, const char *text,
                   const char *source, int min_score, int margin, int list_score) {
  if (!def) return -1;
  if (!id || strcmp(id, KC_WZ_RULE_UNCLEAR) != 0)
    wz_problem(def, "rule '%s': unknown rule (known: %s)", wz_str(id), KC_WZ_RULE_UNCLEAR);
  if (min_score < 0 || margin < 0 || list_score < 1)
    wz_problem(def, "rule '%s': min_score and margin must be 0 or more, list_score 1 or more",
               wz_str(id));
  if (level < KC_LEVEL_NONE || level > KC_LEVEL_MAX) {
    wz_problem(def, "rule '%s': level %d is not 0..5", wz_str(id), level);
    level = KC_LEVEL_AMBULANCE;
  }
  KC_GROW(def->rules, def->cap_rules, def->n_rules + 1);
  def->rules[def->n_rules++] = (struct wz_rule){wz_dup(id), wz_dup(text), wz_dup(source), level,
                                                min_score,  margin,       list_score};
  return 0;
}

int kc_wz_add_read(struct kc_wz_def *def, int level, const char *article_id) {
  if (!def) return -1;
  if (level < KC_LEVEL_SELF_CARE || level > KC_LEVEL_MAX)
    wz_problem(def, "read '%s': level %d is not 1..5", wz_str(article_id), level);
  KC_GROW(def->reads, def->cap_reads, def->n_reads + 1);
  def->reads[def->n_reads++] = (struct wz_read){level, wz_dup(article_id)};
  return 0;
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
  return def && id ? wz_find_q(def, id, strlen(id), def->n_qs) : -1;
}

int kc_wz_find_option(const struct kc_wz_def *def, size_t qi, const char *id) {
  if (!def || !id || qi >= def->n_qs) return -1;
  const struct wz_question *q = &def->qs[qi];
  for (size_t j = 0; j < q->pub.n_options; j++)
    if (q->opts[j].id && q->opts[j].id[0] == id[0] && strcmp(q->opts[j].id, id) == 0) return (int)j;
  return -1;
}

int kc_wz_find_cause(const struct kc_wz_def *def, const char *id) {
  if (!def || !id) return -1;
  for (size_t i = 0; i < def->n_causes; i++)
    if (def->causes[i].id && def->causes[i].id[0] == id[0] && strcmp(def->causes[i].id, id) == 0)
      return (int)i;
  return -1;
}

/* ---- levels, signs, flags, vetoes, pictures, changes ------------------------- */

int kc_wz_set_level(struct kc_wz_def *def, int level, const char *name, const char *title,
                    const char *action, const char *source) {
  if (!def) return -1;
  if (level < KC_LEVEL_SELF_CARE || level > KC_LEVEL_MAX) {
    wz_problem(def, "level '%s': %d is not 1..5", wz_str(name), level);
    return 0;
  }
  struct wz_level *l = &def->levels[level];
  if (l->name) {
    wz_problem(def, "level '%s': given twice", wz_str(name));
    return 0;
  }
  *l = (struct wz_level){wz_dup(name ? name : ""), wz_dup(title), wz_dup(action), wz_dup(source)};
  return 0;
}

int kc_wz_question_set(struct kc_wz_def *def, const char *question_id, unsigned flags) {
  if (!def) return -1;
  int qi = kc_wz_find_question(def, question_id);
  if (qi < 0) {
    wz_problem(def, "question '%s': no such question to set flags on", wz_str(question_id));
    return 0;
  }
  def->qs[qi].pub.provocation = (flags & KC_WZ_Q_PROVOCATION) != 0;
  return 0;
}

int kc_wz_add_picture_line(struct kc_wz_def *def, const char *question_id, bool ascii,
                           const char *line) {
  if (!def) return -1;
  int qi = kc_wz_find_question(def, question_id);
  if (qi < 0) {
    wz_problem(def, "picture of question '%s': no such question", wz_str(question_id));
    return 0;
  }
  struct wz_question *q = &def->qs[qi];
  int k = ascii ? 1 : 0;
  q->pic[k] = kc_xreallocarray(q->pic[k], q->n_pic[k] + 1, sizeof *q->pic[k]);
  q->pic[k][q->n_pic[k]++] = kc_xstrdup(line ? line : "");
  q->pub.picture = (const char *const *)q->pic[0];
  q->pub.n_picture = q->n_pic[0];
  q->pub.picture_ascii = (const char *const *)q->pic[1];
  q->pub.n_picture_ascii = q->n_pic[1];
  return 0;
}

int kc_wz_option_set(struct kc_wz_def *def, const char *question_id, const char *option_id,
                     const char *sign_id, unsigned flags) {
  if (!def) return -1;
  int qi = kc_wz_find_question(def, question_id);
  int oj = qi >= 0 ? kc_wz_find_option(def, (size_t)qi, option_id) : -1;
  if (oj < 0) {
    wz_problem(def, "question '%s' option '%s': no such option", wz_str(question_id),
               wz_str(option_id));
    return 0;
  }
  struct kc_wz_option *o = &def->qs[qi].opts[oj];
  o->flags = flags;
  if (wz_empty(sign_id)) return 0;
  o->sign = kc_wz_find_sign(def, sign_id);
  if (o->sign < 0)
    wz_problem(def, "question '%s' option '%s': unknown sign '%s'", wz_str(question_id),
               wz_str(option_id), sign_id);
  return 0;
}

int kc_wz_cause_set(struct kc_wz_def *def, const char *cause_id, enum kc_wz_cause_kind kind,
                    const char *action, enum kc_wz_plan_kind plan_kind, bool graded_return) {
  if (!def) return -1;
  int ci = kc_wz_find_cause(def, cause_id);
  if (ci < 0) {
    wz_problem(def, "cause '%s': no such cause to describe", wz_str(cause_id));
    return 0;
  }
  if ((unsigned)kind > KC_WZ_FACTOR || (unsigned)plan_kind > KC_WZ_PLAN_OVERUSE)
    wz_problem(def, "cause '%s': unknown kind or plan kind", wz_str(cause_id));
  struct kc_wz_cause *c = &def->causes[ci];
  c->kind = kind;
  free((char *)c->action);
  c->action = kc_xstrdup(action ? action : "");
  c->plan_kind = plan_kind;
  c->graded_return = graded_return;
  return 0;
}

int kc_wz_add_sign(struct kc_wz_def *def, const struct kc_wz_sign_spec *spec) {
  if (!def || !spec) return -1;
  int level = spec->level;
  if (level < KC_LEVEL_SELF_CARE || level > KC_LEVEL_MAX) {
    wz_problem(def, "sign '%s': level %d is not 1..5", wz_str(spec->id), level);
    level = KC_LEVEL_MAX; /* if used anyway, err on the safe side */
  }
  KC_GROW(def->signs, def->cap_signs, def->n_signs + 1);
  struct wz_sign *s = &def->signs[def->n_signs++];
  memset(s, 0, sizeof *s);
  s->pub.id = wz_dup(spec->id);
  s->pub.statement = wz_dup(spec->statement);
  s->pub.level = (enum kc_level)level;
  s->pub.action = kc_xstrdup(spec->action ? spec->action : "");
  s->pub.recheck = spec->recheck;
  s->pub.source = wz_dup(spec->source);
  s->pub.positive_if = wz_empty(spec->positive_if) ? NULL : wz_dup(spec->positive_if);
  int ci = kc_wz_find_cause(def, spec->cause_id);
  s->bad_cause = ci < 0;
  s->pub.cause = ci < 0 ? 0 : (size_t)ci;
  if (ci < 0)
    wz_problem(def, "sign '%s': unknown cause '%s'", wz_str(spec->id), wz_str(spec->cause_id));
  if (s->pub.positive_if) {
    char owner[160];
    snprintf(owner, sizeof owner, "sign '%s': positive_if", wz_str(spec->id));
    wz_cond_parse(def, &s->cond, s->pub.positive_if, def->n_qs, owner);
  }
  return 0;
}

int kc_wz_add_sign_cause(struct kc_wz_def *def, const char *sign_id, const char *cause_id) {
  if (!def) return -1;
  int si = kc_wz_find_sign(def, sign_id), ci = kc_wz_find_cause(def, cause_id);
  if (si < 0 || ci < 0) {
    wz_problem(def, "sign cause '%s' '%s': unknown %s", wz_str(sign_id), wz_str(cause_id),
               si < 0 ? "sign" : "cause");
    return 0;
  }
  struct wz_sign *s = &def->signs[si];
  s->also = kc_xreallocarray(s->also, s->pub.n_also + 1, sizeof *s->also);
  s->also[s->pub.n_also++] = (size_t)ci;
  s->pub.also = s->also;
  return 0;
}

int kc_wz_add_veto(struct kc_wz_def *def, const char *question_id, const char *option_id,
                   const char *cause_id, const char *reason) {
  if (!def) return -1;
  int qi = kc_wz_find_question(def, question_id);
  int oj = qi >= 0 ? kc_wz_find_option(def, (size_t)qi, option_id) : -1;
  int ci = kc_wz_find_cause(def, cause_id);
  if (oj < 0 || ci < 0) {
    wz_problem(def, "veto '%s' '%s' '%s': unknown %s", wz_str(question_id), wz_str(option_id),
               wz_str(cause_id), oj < 0 ? "question or option" : "cause");
    return 0;
  }
  KC_GROW(def->vetoes, def->cap_vetoes, def->n_vetoes + 1);
  def->vetoes[def->n_vetoes++] =
      (struct wz_veto){(size_t)qi, (size_t)oj, (size_t)ci, wz_dup(reason)};
  return 0;
}

int kc_wz_add_change(struct kc_wz_def *def, const char *question_id, const char *option_id,
                     const char *note) {
  if (!def) return -1;
  KC_GROW(def->changes, def->cap_changes, def->n_changes + 1);
  def->changes[def->n_changes++] = (struct wz_change){
      wz_dup(question_id), wz_empty(option_id) ? NULL : wz_dup(option_id), wz_dup(note)};
  return 0;
}

int kc_wz_add_section(struct kc_wz_def *def, const char *id, const char *title) {
  if (!def) return -1;
  if (!wz_valid_id(id) || wz_empty(title) || kc_wz_section_title(def, id) != id) {
    wz_problem(def, "section '%s': %s", wz_str(id),
               wz_empty(title) ? "no title" : "a bad or duplicate id");
    return 0;
  }
  KC_GROW(def->sections, def->cap_sections, def->n_sections + 1);
  def->sections[def->n_sections++] = (struct wz_section){wz_dup(id), wz_dup(title)};
  return 0;
}

/* ---- reading signs, levels, sections and changes --------------------------- */

const char *kc_wz_section_title(const struct kc_wz_def *def, const char *section) {
  for (size_t i = 0; def && section && i < def->n_sections; i++)
    if (strcmp(def->sections[i].id, section) == 0) return def->sections[i].title;
  return section;
}

int kc_wz_find_sign(const struct kc_wz_def *def, const char *id) {
  if (!def || !id) return -1;
  for (size_t i = 0; i < def->n_signs; i++)
    if (def->signs[i].pub.id && strcmp(def->signs[i].pub.id, id) == 0) return (int)i;
  return -1;
}

size_t kc_wz_sign_count(const struct kc_wz_def *def) { return def ? def->n_signs : 0; }

const struct kc_wz_sign *kc_wz_sign_at(const struct kc_wz_def *def, size_t si) {
  return def && si < def->n_signs ? &def->signs[si].pub : NULL;
}

static bool is_unsure(const struct kc_wz_option *o) {
  return o->id && strcmp(o->id, KC_WZ_UNSURE) == 0;
}

/* An option's level ignoring "unsure". */
static enum kc_level own_level(const struct kc_wz_def *def, const struct kc_wz_option *o) {
  return o->sign >= 0 && (size_t)o->sign < def->n_signs ? def->signs[o->sign].pub.level : o->level;
}

enum kc_level kc_wz_question_level(const struct kc_wz_def *def, size_t qi) {
  if (!def || qi >= def->n_qs) return KC_LEVEL_NONE;
  const struct wz_question *q = &def->qs[qi];
  enum kc_level m = KC_LEVEL_NONE;
  for (size_t j = 0; j < q->pub.n_options; j++)
    if (own_level(def, &q->opts[j]) > m) m = own_level(def, &q->opts[j]);
  return m;
}

enum kc_level kc_wz_option_level(const struct kc_wz_def *def, size_t qi, size_t oj) {
  if (!def || qi >= def->n_qs || oj >= def->qs[qi].pub.n_options) return KC_LEVEL_NONE;
  const struct kc_wz_option *o = &def->qs[qi].opts[oj];
  return is_unsure(o) ? kc_wz_question_level(def, qi) : own_level(def, o);
}

int wz_option_sign(const struct kc_wz_def *def, size_t qi, size_t oj) {
  const struct wz_question *q = &def->qs[qi];
  const struct kc_wz_option *o = &q->opts[oj];
  if (o->sign >= 0 || !is_unsure(o)) return o->sign;
  /* "not sure" stands for the most urgent sign of its question */
  int best = -1;
  for (size_t j = 0; j < q->pub.n_options; j++) {
    int s = q->opts[j].sign;
    if (s >= 0 && (best < 0 || def->signs[s].pub.level > def->signs[best].pub.level)) best = s;
  }
  return best;
}

bool wz_sign_by_condition(const struct kc_wz_def *def, size_t si, const bool *asked,
                          const uint64_t *sel) {
  const struct wz_sign *s = &def->signs[si];
  return s->pub.positive_if && wz_cond_holds(&s->cond, asked, sel);
}

int kc_wz_sign_question(const struct kc_wz_def *def, size_t si) {
  if (!def || si >= def->n_signs) return -1;
  for (size_t i = 0; i < def->n_qs; i++)
    for (size_t j = 0; j < def->qs[i].pub.n_options; j++)
      if (def->qs[i].opts[j].sign == (int)si && !is_unsure(&def->qs[i].opts[j])) return (int)i;
  return -1;
}

static bool known_level(const struct kc_wz_def *def, enum kc_level level) {
  return def && level >= KC_LEVEL_SELF_CARE && level <= KC_LEVEL_MAX && def->levels[level].name;
}

const char *kc_wz_level_title(const struct kc_wz_def *def, enum kc_level level) {
  return known_level(def, level) ? wz_str(def->levels[level].title) : kc_level_title(level);
}

const char *kc_wz_level_action(const struct kc_wz_def *def, enum kc_level level) {
  return known_level(def, level) ? wz_str(def->levels[level].action) : kc_level_advice(level);
}

const char *kc_wz_level_source(const struct kc_wz_def *def, enum kc_level level) {
  return known_level(def, level) ? def->levels[level].source : NULL;
}

const char *kc_wz_change_note(const struct kc_wz_def *def, const char *question_id,
                              const char *option_id) {
  if (!def || !question_id) return NULL;
  for (size_t i = 0; i < def->n_changes; i++) {
    const struct wz_change *c = &def->changes[i];
    if (c->q && strcmp(c->q, question_id) == 0 &&
        (option_id ? c->o && strcmp(c->o, option_id) == 0 : !c->o))
      return c->note;
  }
  return NULL;
}
