/* The symptom wizard engine: a definition (the five levels' words, the
 * warning signs, questions, options, causes, evidence weights, level rules
 * and the sources behind them), the answers a runner gives, navigation
 * through the questions that apply, and scoring into a triage level, the
 * dangers the warning signs point to, ranked causes with reasons, and what
 * to do.
 *
 * Pure C: no curses, no SQL, no globals. The definition is data (loaded by
 * store/wizard_load.c from the content database, or built by hand in tests).
 *
 * THE SAFETY INVARIANTS (kc_wz_score):
 *  1. the level is never lower than the level of any answer given to an
 *     asked question, nor of any positive warning sign; an option with the
 *     id "unsure" counts as the most urgent option of its question ("not
 *     sure" about a warning sign is a yes);
 *  2. when any warning sign is positive, the first cause of the result is a
 *     danger of the most urgent positive sign (its own cause, or one of the
 *     causes listed with it), never a cause from the story;
 *  3. provocation tests (hop, single-leg squat) are never asked after a
 *     positive sign or an answer that blocks them (a recent injury).
 *
 * The engine is split by job: wizard_def.c (building, reading),
 * wizard_cond.c (conditions), wizard_validate.c, wizard_nav.c (answers,
 * what is asked), wizard_score.c, wizard_answers.c (answers files).
 *
 * Conventions: functions returning int give 0 on success and -1 on failure.
 * Strings passed to add-functions are copied. Pointers returned by accessors
 * and stored in a result borrow from the definition: they stay valid until
 * the definition is changed or freed. */
#ifndef KC_WIZARD_H
#define KC_WIZARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kneecare/level.h"

/* Answers are bitmasks: a question has at most this many options. */
#define KC_WZ_MAX_OPTIONS 64

/* The option id that always counts as the most urgent option of its
 * question. */
#define KC_WZ_UNSURE "unsure"

/* Sections, in the order questions must come: "about" questions (age,
 * which knee) first, then the red flags, then the rest. Red flags are always
 * asked, unless their ask_if names only "about" questions (the child
 * questions are asked for any age under 16). */
#define KC_WZ_SECTION_ABOUT "about"
#define KC_WZ_SECTION_RED_FLAGS "red-flags"

/* Evidence weights are within +-KC_WZ_MAX_WEIGHT (and never 0). */
#define KC_WZ_MAX_WEIGHT 100

/* An option without a warning sign may raise the level to "soon" at most
 * ("not better after 2 weeks", "under 16"): anything more urgent is a
 * warning sign, with one level in one table. */
#define KC_WZ_MAX_PLAIN_LEVEL KC_LEVEL_SOON

/* How many of the top causes' articles go into kc_wz_result.reads. */
#define KC_WZ_READ_CAUSES 3

/* Rule ids known to the engine (kc_wz_add_rule). */
#define KC_WZ_RULE_UNCLEAR "unclear" /* the story points to no one cause clearly */

enum kc_wz_kind { KC_WZ_ONE = 0, KC_WZ_MANY = 1 };

/* Option flags (kc_wz_option_set). */
#define KC_WZ_OPT_EXCLUSIVE 1u /* "none of these": never with other options */
#define KC_WZ_OPT_GATE 2u      /* blocks provocation tests (a recent injury) */
/* Question flags (kc_wz_question_set). */
#define KC_WZ_Q_PROVOCATION 1u /* a test that loads the knee: hop, squat */

struct kc_wz_option {
  const char *id, *label;
  enum kc_level level;    /* without a sign: 0, or the level it forces (<= soon) */
  const char *source;     /* required when level > 0 */
  const char *article_id; /* optional article to read when chosen, or NULL */
  int sign;               /* the warning sign this answer reports, or -1 */
  unsigned flags;         /* KC_WZ_OPT_* */
};

struct kc_wz_question {
  const char *id, *section, *text;
  const char *ask_if; /* NULL = always asked; "q=a|b & r!=c" */
  enum kc_wz_kind kind;
  bool required;
  bool provocation; /* never asked after a positive sign or a gate answer */
  size_t n_options;
  const struct kc_wz_option *options;
  const char *const *picture; /* lines of a drawing to show with it, or NULL */
  size_t n_picture;
  const char *const *picture_ascii; /* the same in ASCII, for terminals without it */
  size_t n_picture_ascii;
};

enum kc_wz_cause_kind {
  KC_WZ_CONDITION = 0, /* a condition the story can point to */
  KC_WZ_DANGER = 1,    /* named by a warning sign */
  KC_WZ_FACTOR = 2,    /* a reason for pain rather than a condition (training load) */
};

/* What kind of recovery plan fits a cause (for the plan, issue 9). */
enum kc_wz_plan_kind { KC_WZ_PLAN_NONE = 0, KC_WZ_PLAN_INJURY = 1, KC_WZ_PLAN_OVERUSE = 2 };

struct kc_wz_cause {
  const char *id, *title, *article_id;
  enum kc_wz_cause_kind kind;
  enum kc_level min_level; /* applied when this cause leads the result */
  const char *action;      /* what to do, shown with the level ("" for none) */
  enum kc_wz_plan_kind plan_kind;
  bool graded_return; /* a graded return to running fits it */
  const char *source;
};

/* A warning sign: one thing a person notices, with one level. */
struct kc_wz_sign {
  const char *id, *statement;
  enum kc_level level;
  size_t cause;       /* the danger it guards against */
  const size_t *also; /* other causes it can mean, in order */
  size_t n_also;
  const char *action; /* what to do now, beyond the level's action ("" for none) */
  bool recheck;       /* asked again in the plan's daily safety check */
  const char *source;
  const char *positive_if; /* a condition that makes it positive without an option, or NULL */
};

struct kc_wz_def;

/* ---- building a definition ---------------------------------------------
 * Add the level words, then questions in the order they are asked, causes,
 * signs (their causes must exist), options (their signs must exist) and
 * evidence; rules, reads, pictures and change notes at any time. A
 * reference to something not (yet) added, a duplicate id, a level out of
 * range, more than KC_WZ_MAX_OPTIONS options or a condition that does not
 * parse is recorded, not refused: it is reported by kc_wz_def_validate().
 * The add-functions return -1 only when def is NULL (memory follows the rule
 * of mem.h: allocation never fails). */
struct kc_wz_def *kc_wz_def_new(void);
void kc_wz_def_free(struct kc_wz_def *def);
/* The words of a level (1..5): name must be kc_level_name(level). */
int kc_wz_set_level(struct kc_wz_def *def, int level, const char *name, const char *title,
                    const char *action, const char *source);
int kc_wz_add_question(struct kc_wz_def *def, const char *id, const char *section, const char *text,
                       enum kc_wz_kind kind, const char *ask_if, bool required);
int kc_wz_question_set(struct kc_wz_def *def, const char *question_id, unsigned flags);
/* One line of the question's drawing (ascii: the ASCII fallback). */
int kc_wz_add_picture_line(struct kc_wz_def *def, const char *question_id, bool ascii,
                           const char *line);
int kc_wz_add_option(struct kc_wz_def *def, const char *question_id, const char *id,
                     const char *label, int level, const char *source, const char *article_id);
/* Links an option to the warning sign it reports (sign_id NULL: none; the
 * option then must have level 0: the sign carries level and source) and
 * sets its KC_WZ_OPT_* flags. */
int kc_wz_option_set(struct kc_wz_def *def, const char *question_id, const char *option_id,
                     const char *sign_id, unsigned flags);
int kc_wz_add_cause(struct kc_wz_def *def, const char *id, const char *title,
                    const char *article_id, int min_level, const char *source);
int kc_wz_cause_set(struct kc_wz_def *def, const char *cause_id, enum kc_wz_cause_kind kind,
                    const char *action, enum kc_wz_plan_kind plan_kind, bool graded_return);
struct kc_wz_sign_spec {
  const char *id, *statement, *cause_id, *action, *source, *positive_if;
  int level;
  bool recheck;
};
int kc_wz_add_sign(struct kc_wz_def *def, const struct kc_wz_sign_spec *spec);
/* Another cause a sign can mean (tried in order after its own). */
int kc_wz_add_sign_cause(struct kc_wz_def *def, const char *sign_id, const char *cause_id);
/* weight > 0 speaks for the cause, < 0 against it; reason is shown to the user. */
int kc_wz_add_evidence(struct kc_wz_def *def, const char *question_id, const char *option_id,
                       const char *cause_id, int weight, const char *reason);
/* An answer that rules a cause out of the story's ranking (an inner-side
 * pain is not IT band syndrome), with the reason. */
int kc_wz_add_veto(struct kc_wz_def *def, const char *question_id, const char *option_id,
                   const char *cause_id, const char *reason);
/* An engine rule with its level, plain text and source (KC_WZ_RULE_*).
 * For "unclear": the story lists a cause only with a score of at least
 * list_score, and names one "most likely" only when its score is at least
 * min_score and at least margin above the next one it competes with. */
int kc_wz_add_rule(struct kc_wz_def *def, const char *id, int level, const char *text,
                   const char *source, int min_score, int margin, int list_score);
/* An article to suggest for results of a given level (1..5), in order. */
int kc_wz_add_read(struct kc_wz_def *def, int level, const char *article_id);
/* What changed since an earlier version, for answers files written for
 * it: a removed or renamed question (option_id NULL) or option, or a new
 * question (named in the note of a missing answer). */
int kc_wz_add_change(struct kc_wz_def *def, const char *question_id, const char *option_id,
                     const char *note);
/* The title people read for a section of questions. Once any section is
 * added, every question's section must have one. */
int kc_wz_add_section(struct kc_wz_def *def, const char *id, const char *title);

/* Checks the whole definition. article_exists may be NULL (articles not
 * checked). On failure writes one message into err naming the offending ids
 * in single quotes -- every quoted token of the message appears on the
 * offending data row, so a packer can find the row by searching the SQL for
 * a line holding all of them -- and returns -1. A definition must pass
 * before it is used with answers. */
int kc_wz_def_validate(const struct kc_wz_def *def,
                       bool (*article_exists)(const char *id, void *ctx), void *ctx, char *err,
                       size_t errlen);

/* ---- reading a definition ---------------------------------------------- */
size_t kc_wz_question_count(const struct kc_wz_def *def);
const struct kc_wz_question *kc_wz_question_at(const struct kc_wz_def *def, size_t qi);
const struct kc_wz_option *kc_wz_option_at(const struct kc_wz_def *def, size_t qi, size_t oj);
size_t kc_wz_cause_count(const struct kc_wz_def *def);
const struct kc_wz_cause *kc_wz_cause_at(const struct kc_wz_def *def, size_t ci);
/* A question's ask_if in words, for people: "injury=yes|unsure & x!=a"
 * becomes "injury is yes or unsure, and x is answered, but not with a"
 * (empty when the question is always asked). Cut to fit n. */
void kc_wz_condition_words(const struct kc_wz_def *def, size_t qi, char *out, size_t n);
/* Index, or -1 when there is no such id. */
int kc_wz_find_question(const struct kc_wz_def *def, const char *id);
int kc_wz_find_option(const struct kc_wz_def *def, size_t qi, const char *id);
int kc_wz_find_cause(const struct kc_wz_def *def, const char *id);
int kc_wz_find_sign(const struct kc_wz_def *def, const char *id);
size_t kc_wz_sign_count(const struct kc_wz_def *def);
const struct kc_wz_sign *kc_wz_sign_at(const struct kc_wz_def *def, size_t si);
/* The level an option counts for: its sign's level, its own level, or for
 * KC_WZ_UNSURE the highest level of any option of its question. */
enum kc_level kc_wz_option_level(const struct kc_wz_def *def, size_t qi, size_t oj);
/* The most urgent level any answer to the question can give. */
enum kc_level kc_wz_question_level(const struct kc_wz_def *def, size_t qi);
/* The question that asks about a sign (the first whose options report it),
 * or -1 (a sign made positive by a condition only). */
int kc_wz_sign_question(const struct kc_wz_def *def, size_t si);
/* A level's words from the definition (the content database), falling back
 * to level.h's built-in words when it has none. */
const char *kc_wz_level_title(const struct kc_wz_def *def, enum kc_level level);
const char *kc_wz_level_action(const struct kc_wz_def *def, enum kc_level level);
const char *kc_wz_level_source(const struct kc_wz_def *def, enum kc_level level);
/* The note on what changed about a question (option_id NULL) or option, or
 * NULL. */
const char *kc_wz_change_note(const struct kc_wz_def *def, const char *question_id,
                              const char *option_id);
/* The title of a section (kc_wz_add_section), or the section id itself. */
const char *kc_wz_section_title(const struct kc_wz_def *def, const char *section);

/* ---- answers -----------------------------------------------------------
 * Per question a bitmask of selected options (bit j = option j). A question
 * counts as answered when at least one option is selected. The answers
 * belong to one definition (the one given to kc_wz_answers_new), which must
 * not change while they are in use. */
struct kc_wz_answers;

/* NULL only when def is NULL. */
struct kc_wz_answers *kc_wz_answers_new(const struct kc_wz_def *def);
void kc_wz_answers_free(struct kc_wz_answers *a);
/* Selects option oj: for a `one` question it replaces the selection, for a
 * `many` question it adds to it. */
int kc_wz_answers_set(struct kc_wz_answers *a, size_t qi, size_t oj);
/* Replaces the selection; refused (-1) if a bit is beyond the options, a
 * `one` question gets more than one, or an exclusive option comes with
 * others. */
int kc_wz_answers_set_mask(struct kc_wz_answers *a, size_t qi, uint64_t mask);
/* `many`: flips option oj (ticking an exclusive option clears the others,
 * ticking another clears the exclusive ones). `one`: selects oj, or clears
 * it if it was selected. */
int kc_wz_answers_toggle(struct kc_wz_answers *a, size_t qi, size_t oj);
int kc_wz_answers_clear(struct kc_wz_answers *a, size_t qi);
void kc_wz_answers_reset(struct kc_wz_answers *a);
uint64_t kc_wz_answers_get(const struct kc_wz_answers *a, size_t qi);
bool kc_wz_answers_selected(const struct kc_wz_answers *a, size_t qi, size_t oj);

/* ---- navigation --------------------------------------------------------
 * A question is asked when it has no ask_if, or every clause of its ask_if
 * holds. A clause "q=a|b" holds when q is asked and answered with a or b
 * selected; "q!=a|b" when q is asked and answered with neither selected. A
 * clause about an unanswered question does not hold. A provocation question
 * is not asked when an earlier answer reports a warning sign, a sign is
 * positive by its condition, or an earlier answer is a gate. */
bool kc_wz_is_asked(const struct kc_wz_def *def, const struct kc_wz_answers *a, size_t qi);
/* Next asked question after qi (qi = -1: the first), or -1 at the end. */
int kc_wz_next(const struct kc_wz_def *def, const struct kc_wz_answers *a, int qi);
/* Previous asked question before qi, or -1. */
int kc_wz_prev(const struct kc_wz_def *def, const struct kc_wz_answers *a, int qi);
/* Drops the answers to questions that are no longer asked (after Back and a
 * changed answer). Returns how many were dropped. */
size_t kc_wz_prune(const struct kc_wz_def *def, struct kc_wz_answers *a);
/* Questions asked with the current answers (for "question k of n"). */
size_t kc_wz_count_asked(const struct kc_wz_def *def, const struct kc_wz_answers *a);
/* The most questions that can still be asked while the person is at qi
 * (the answers before qi as given, every later question that some answers
 * to qi and after could still open): "question k of n" with n that never grows as the
 * person goes on, so a progress bar never moves back. */
size_t kc_wz_count_most(const struct kc_wz_def *def, const struct kc_wz_answers *a, size_t qi);
/* Asked questions before qi (so qi is question number that + 1). */
size_t kc_wz_asked_before(const struct kc_wz_def *def, const struct kc_wz_answers *a, size_t qi);
/* First asked required question with no answer, or -1 when complete. */
int kc_wz_first_missing(const struct kc_wz_def *def, const struct kc_wz_answers *a);
/* Highest level among the answers given so far to asked questions: lets a
 * screen show an emergency as soon as it is answered. */
enum kc_level kc_wz_flag_level(const struct kc_wz_def *def, const struct kc_wz_answers *a);
/* The answers so far need help now (an emergency department or an
 * ambulance): a screen offers to stop and show what to do. */
bool kc_wz_stop_now(const struct kc_wz_def *def, const struct kc_wz_answers *a);

/* Reads an answers file: one "question=option[,option]" per line; '#' starts
 * a comment; blank lines allowed; spaces around ids trimmed. Any bytes are
 * accepted as input. Fills `a` (reset first) and returns 0, or writes an
 * error naming the line ("line 3: unknown option 'foo' for question
 * 'onset'") and returns -1 with `a` reset. Errors: malformed line, unknown
 * question or option, a question answered twice, several options for a
 * `one` question, an exclusive option with others, an answer to a question
 * that is not asked given the other answers (except a test of the knee
 * after a warning sign or a recent injury: ignored, see
 * kc_wz_answers_ignored), and a required question that
 * is asked but not answered -- unless the answers already need help now
 * (kc_wz_stop_now): a run stopped there to show what to do is complete
 * enough. An unknown or missing id that changed since an earlier version
 * says what changed (kc_wz_add_change). Ids quoted in messages are made
 * printable ASCII. */
int kc_wz_parse_answers(const struct kc_wz_def *def, const char *text, size_t len,
                        struct kc_wz_answers *a, char *err, size_t errlen);
/* How many answers to tests of the knee (provocation questions) the last
 * kc_wz_parse_answers ignored because an earlier answer is a warning sign
 * or a recent injury: they are never asked then, and refusing the file
 * would hide what to do about the sign. */
size_t kc_wz_answers_ignored(const struct kc_wz_answers *a);

/* The answers to asked questions in the answers-file format ("q=a,b\n" per
 * question, in order), for saving a run and reading it back with
 * kc_wz_parse_answers. Returns a malloc'd string (free it; empty when nothing
 * is answered). */
char *kc_wz_answers_text(const struct kc_wz_def *def, const struct kc_wz_answers *a);

/* ---- scoring -------------------------------------------------------------- */
struct kc_wz_reason {
  size_t question, option; /* the answer */
  int weight;
  const char *text;
};

struct kc_wz_ranked {
  size_t cause;                   /* index into the definition's causes */
  int score;                      /* the story's score (a danger may have none) */
  int sign;                       /* the warning sign that named it (a danger), or -1 */
  const struct kc_wz_reason *pro; /* positive evidence, strongest first */
  size_t n_pro;
  const struct kc_wz_reason *con; /* negative evidence, strongest first */
  size_t n_con;
};

/* A positive warning sign, and the answer that reported it (question and
 * option are -1 for a sign made positive by its condition). */
struct kc_wz_hit {
  size_t sign;
  int question, option;
};

enum kc_wz_why_kind {
  KC_WZ_WHY_SIGN,   /* a positive warning sign: sign statement, answer label */
  KC_WZ_WHY_ANSWER, /* another answer with a level: question text, option label */
  KC_WZ_WHY_CAUSE,  /* the leading cause's minimum level: cause title */
  KC_WZ_WHY_RULE,   /* an engine rule (no clear cause): rule text */
};

/* One thing that set or raised the level, most urgent first. */
struct kc_wz_why {
  enum kc_wz_why_kind kind;
  enum kc_level level;
  size_t question, option, cause, sign; /* as relevant to kind */
  const char *text;                     /* statement, question text, title or rule text */
  const char *label;                    /* option label, or NULL */
  const char *source;
};

struct kc_wz_result {
  /* level = max(self-care, every answer's level, every positive sign's
   * level, the leading cause's min_level, the "unclear" rule when the
   * story points to no one cause); never below flag_level. */
  enum kc_level level;
  enum kc_level flag_level; /* highest level among the answers and signs alone */
  bool stop_now;            /* flag_level needs help now (ed or ambulance) */
  bool complete;            /* every asked required question is answered */
  struct kc_wz_hit *signs;  /* positive signs, most urgent first */
  size_t n_signs;
  /* The dangers named by the positive signs (most urgent sign first, one
   * cause each: the sign's own, or one of its other causes when the story
   * clearly favours it: a score of at least the "unclear" rule's min_score),
   * then the story's causes scoring at least the rule's list_score (1
   * without the rule), score desc, then definition order (vetoed causes
   * left out). */
  struct kc_wz_ranked *causes;
  size_t n_causes;
  size_t n_dangers; /* causes[0..n_dangers) are dangers */
  /* The story's most likely cause (an index into causes), or -1 when the
   * answers do not point clearly to one cause. */
  int lead;
  /* What to do beyond the level's own action, no duplicates: the signs'
   * actions and the dangers' actions; without a danger, the leading cause's
   * (or, when no cause leads, those of the causes still in the running). */
  const char **actions;
  size_t n_actions;
  struct kc_wz_why *why;
  size_t n_why;
  /* Article ids to read next, no duplicates: for 24h and above the level's
   * articles (wizard_read) first, then the dangers' and the top
   * KC_WZ_READ_CAUSES causes' articles, then the articles of chosen
   * options; otherwise the causes first and the level's articles last. */
  const char **reads;
  size_t n_reads;
  struct kc_wz_reason *reasons_; /* storage behind causes[].pro/con */
};

/* Fills *out (zeroed first; free with kc_wz_result_free). Strings borrow
 * from def. Returns -1 when `a` belongs to another def. */
int kc_wz_score(const struct kc_wz_def *def, const struct kc_wz_answers *a,
                struct kc_wz_result *out);
void kc_wz_result_free(struct kc_wz_result *r);

#endif
