/* The symptom wizard engine: a definition (questions, options, causes,
 * evidence weights, level rules and the sources behind them), the answers a
 * runner gives, navigation through the questions that apply, and scoring
 * into ranked causes with reasons and a triage level.
 *
 * Pure C: no curses, no SQL, no globals. The definition is data (loaded by
 * store/wizard_load.c from the content database, or built by hand in tests).
 *
 * THE SAFETY INVARIANT (see kc_wz_score): the result's level is never lower
 * than the level of any answer given to an asked question, and an option
 * with the id "unsure" always counts as the most urgent option of its
 * question ("not sure" about a red flag is treated as "yes").
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

/* Sections, in the order questions must come. Red flags are always asked
 * (validate refuses an ask_if on them). */
#define KC_WZ_SECTION_RED_FLAGS "red-flags"

/* Evidence weights are within +-KC_WZ_MAX_WEIGHT (and never 0). */
#define KC_WZ_MAX_WEIGHT 100

/* How many of the top causes' articles go into kc_wz_result.reads. */
#define KC_WZ_READ_CAUSES 3

/* Rule ids known to the engine (kc_wz_add_rule). */
#define KC_WZ_RULE_NO_MATCH "no-match" /* no cause scored above 0: at least "soon" */

enum kc_wz_kind { KC_WZ_ONE = 0, KC_WZ_MANY = 1 };

struct kc_wz_option {
  const char *id, *label;
  enum kc_level level;    /* 0 = not a red flag; else the minimum level it forces */
  const char *source;     /* required when level > 0 */
  const char *article_id; /* optional article to read when chosen, or NULL */
};

struct kc_wz_question {
  const char *id, *section, *text;
  const char *ask_if; /* NULL = always asked; "q=a|b & r!=c" */
  enum kc_wz_kind kind;
  bool required;
  size_t n_options;
  const struct kc_wz_option *options;
};

struct kc_wz_cause {
  const char *id, *title, *article_id;
  enum kc_level min_level; /* applied when this cause ranks first */
  const char *source;      /* required when min_level >= KC_LEVEL_SOON */
};

struct kc_wz_def;

/* ---- building a definition ---------------------------------------------
 * Add questions in the order they are asked, then options, causes and
 * evidence (rules and reads at any time). A reference to something not (yet)
 * added, a duplicate id, a level out of range, more than KC_WZ_MAX_OPTIONS
 * options or an ask_if that does not parse is recorded, not refused: it is
 * reported by kc_wz_def_validate(). The add-functions return -1 only when
 * def is NULL (memory follows the rule of mem.h: allocation never fails). */
struct kc_wz_def *kc_wz_def_new(void);
void kc_wz_def_free(struct kc_wz_def *def);
int kc_wz_add_question(struct kc_wz_def *def, const char *id, const char *section, const char *text,
                       enum kc_wz_kind kind, const char *ask_if, bool required);
int kc_wz_add_option(struct kc_wz_def *def, const char *question_id, const char *id,
                     const char *label, int level, const char *source, const char *article_id);
int kc_wz_add_cause(struct kc_wz_def *def, const char *id, const char *title,
                    const char *article_id, int min_level, const char *source);
/* weight > 0 speaks for the cause, < 0 against it; reason is shown to the user. */
int kc_wz_add_evidence(struct kc_wz_def *def, const char *question_id, const char *option_id,
                       const char *cause_id, int weight, const char *reason);
/* An engine rule with its level, plain text and source (KC_WZ_RULE_*). */
int kc_wz_add_rule(struct kc_wz_def *def, const char *id, int level, const char *text,
                   const char *source);
/* An article to suggest for results of a given level (1..5), in order. */
int kc_wz_add_read(struct kc_wz_def *def, int level, const char *article_id);

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
/* The level an option counts for: its own level, or for KC_WZ_UNSURE the
 * highest level of any option of its question. */
enum kc_level kc_wz_option_level(const struct kc_wz_def *def, size_t qi, size_t oj);

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
/* Replaces the selection; refused (-1) if a bit is beyond the options or a
 * `one` question gets more than one. */
int kc_wz_answers_set_mask(struct kc_wz_answers *a, size_t qi, uint64_t mask);
/* `many`: flips option oj. `one`: selects oj, or clears it if it was selected. */
int kc_wz_answers_toggle(struct kc_wz_answers *a, size_t qi, size_t oj);
int kc_wz_answers_clear(struct kc_wz_answers *a, size_t qi);
void kc_wz_answers_reset(struct kc_wz_answers *a);
uint64_t kc_wz_answers_get(const struct kc_wz_answers *a, size_t qi);
bool kc_wz_answers_selected(const struct kc_wz_answers *a, size_t qi, size_t oj);

/* ---- navigation --------------------------------------------------------
 * A question is asked when it has no ask_if, or every clause of its ask_if
 * holds. A clause "q=a|b" holds when q is asked and answered with a or b
 * selected; "q!=a|b" when q is asked and answered with neither selected. A
 * clause about an unanswered question does not hold. */
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
/* Asked questions before qi (so qi is question number that + 1). */
size_t kc_wz_asked_before(const struct kc_wz_def *def, const struct kc_wz_answers *a, size_t qi);
/* First asked required question with no answer, or -1 when complete. */
int kc_wz_first_missing(const struct kc_wz_def *def, const struct kc_wz_answers *a);
/* Highest level among the answers given so far to asked questions: lets a
 * screen show an emergency as soon as it is answered. */
enum kc_level kc_wz_flag_level(const struct kc_wz_def *def, const struct kc_wz_answers *a);

/* Reads an answers file: one "question=option[,option]" per line; '#' starts
 * a comment; blank lines allowed; spaces around ids trimmed. Any bytes are
 * accepted as input. Fills `a` (reset first) and returns 0, or writes an
 * error naming the line ("line 3: unknown option 'foo' for question
 * 'onset'") and returns -1 with `a` reset. Errors: malformed line, unknown
 * question or option, a question answered twice, several options for a
 * `one` question, an answer to a question that is not asked given the other
 * answers, and a required question that is asked but not answered. Ids
 * quoted in messages are made printable ASCII. */
int kc_wz_parse_answers(const struct kc_wz_def *def, const char *text, size_t len,
                        struct kc_wz_answers *a, char *err, size_t errlen);

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
  size_t cause; /* index into the definition's causes */
  int score;
  const struct kc_wz_reason *pro; /* positive evidence, strongest first */
  size_t n_pro;
  const struct kc_wz_reason *con; /* negative evidence, strongest first */
  size_t n_con;
};

enum kc_wz_why_kind {
  KC_WZ_WHY_ANSWER, /* an answer with a level: question text, option label */
  KC_WZ_WHY_CAUSE,  /* the top cause's minimum level: cause title */
  KC_WZ_WHY_RULE,   /* an engine rule (no cause matched): rule text */
};

/* One thing that set or raised the level, most urgent first. */
struct kc_wz_why {
  enum kc_wz_why_kind kind;
  enum kc_level level;
  size_t question, option, cause; /* as relevant to kind */
  const char *text;               /* question text, cause title or rule text */
  const char *label;              /* option label (ANSWER) or NULL */
  const char *source;
};

struct kc_wz_result {
  /* level = max(self-care, every answer's level, the top cause's min_level);
   * at least "soon" when no cause scored above 0. */
  enum kc_level level;
  enum kc_level flag_level;    /* highest level among the answers alone */
  struct kc_wz_ranked *causes; /* score > 0 only; score desc, then definition order */
  size_t n_causes;
  struct kc_wz_why *why;
  size_t n_why;
  /* Article ids to read next, no duplicates: for "24h" and "emergency" the
   * level's articles (wizard_read) first, then the top KC_WZ_READ_CAUSES
   * causes' articles, then the articles of chosen options; otherwise the
   * causes first and the level's articles (e.g. first-days) last. */
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
