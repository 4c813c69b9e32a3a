/* The per-user database: one SQLite file holding every profile's plans,
 * ticks, ice sessions, pain scores, red-flag re-checks, wizard runs and
 * settings. The caller picks the directory; this module makes it safe
 * (0700 directory, 0600 file, no symlinked or non-regular file), keeps it
 * current (PRAGMA user_version migrations supplied by the caller), and
 * recovers from damage (a corrupt file is moved aside, never deleted).
 *
 * Conventions:
 * - Every function returns an enum kc_udb_status; KC_UDB_OK is 0. After a
 *   failure kc_userdb_errmsg() holds a sentence for people.
 * - Every write is its own transaction, committed before the call returns:
 *   a killed process loses at most the call in flight.
 * - Time is passed in (`now`, Unix seconds); calendar days are day numbers
 *   from day.h, plan days are 1..3 (recovery.h).
 * - Lists are returned as malloc'd arrays the caller frees with free()
 *   (wizard runs with kc_userdb_wizard_runs_free()); single records are
 *   filled into caller-owned structs with fixed-size text fields.
 * - Header is curses- and SQLite-free: the UI can include it. */
#ifndef KC_USERDB_H
#define KC_USERDB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "kneecare/level.h"
#include "kneecare/profile.h"
#include "kneecare/recovery.h"

#define KC_USERDB_FILE "kneecare.db"
#define KC_USERDB_BUSY_MS 5000

enum kc_udb_status {
  KC_UDB_OK = 0,
  KC_UDB_EINVAL,    /* bad argument (name, day, score, task id...): nothing written */
  KC_UDB_ENOTFOUND, /* no such profile, plan, run, setting, or no active plan */
  KC_UDB_EEXISTS,   /* name already taken, or the profile already has an active plan */
  KC_UDB_ENEWER,    /* file made by a newer kneecare: refused, left untouched */
  KC_UDB_EUNSAFE,   /* data file is a symlink, a directory or not a regular file */
  KC_UDB_EACCESS,   /* cannot create or write the directory or file (read-only...) */
  KC_UDB_EBUSY,     /* still locked by another process after the busy timeout */
  KC_UDB_EFULL,     /* disk or quota full */
  KC_UDB_ECORRUPT,  /* damaged, and could not be moved aside (or found damaged later) */
  KC_UDB_ENOMEM,
  KC_UDB_EIO, /* any other SQLite or system failure */
};
/* Short stable name ("ok", "einval", ...) for logs and tests. */
const char *kc_udb_status_name(int status);

/* One schema step: `sql` is run, then PRAGMA user_version = version.
 * Versions must be 1, 2, 3... in order. The program's array is generated
 * from db/userdb/NNN_name.sql by the packer; tests pass their own. */
struct kc_migration {
  int version;
  const char *name;
  const char *sql;
};

struct kc_userdb;

/* ---- opening --------------------------------------------------------- */

/* Where the database lives when no --data option was given: the first of
 * $KNEECARE_DATA_DIR, $XDG_DATA_HOME/kneecare (only if absolute, as the XDG
 * spec says), $HOME/.local/share/kneecare, <passwd home>/.local/share/kneecare.
 * KC_UDB_EINVAL if no home can be found or buf is too small. */
int kc_userdb_default_dir(char *buf, size_t n);
/* The login name for the default profile, made a valid profile name
 * ("me" if none can be found). */
void kc_userdb_default_profile_name(char *buf, size_t n);

/* Opens (creating as needed) dir/kneecare.db and brings it to the newest
 * migration in migs[0..n). Creates dir (and missing parents) 0700 and the
 * file 0600. On success *out is the handle; kc_userdb_warning() may hold
 * something to show (permissions too open, a damaged file moved aside).
 * On failure *out is NULL and err holds the reason:
 *   ENEWER   the file's version is above migs' newest: nothing changed
 *   EUNSAFE  the data file is a symlink / directory / special file
 *   EACCESS  the directory or file cannot be created or written
 *   EBUSY    another process held a lock for longer than the busy timeout
 *   EFULL    no space to create or migrate
 *   ECORRUPT damaged and could not be moved aside (nothing deleted)
 *   EINVAL   bad arguments (NULL dir, migrations out of order)
 * A damaged file (not a database, truncated, failing quick_check) is
 * renamed to kneecare.db.corrupt-YYYYMMDD-HHMMSS (with its -wal file) and a
 * fresh database started: that is KC_UDB_OK with a warning. `migs` must
 * stay valid while the handle is open (a static array in practice). */
int kc_userdb_open(const char *dir, const struct kc_migration *migs, int n, struct kc_userdb **out,
                   char *err, size_t errlen);
/* Flags for kc_userdb_open_ex(). */
#define KC_USERDB_DEFER_CHECK 1u /* no integrity check at open; call kc_userdb_verify() */

/* The integrity check (PRAGMA quick_check reads every page: its cost grows
 * with the years) runs only when it is worth it: after an unclean shutdown
 * (the -wal held data no running kneecare had open), when the last check
 * is this many seconds old (or in the future), or on demand. */
#define KC_USERDB_CHECK_EVERY (24 * 3600)

/* kc_userdb_open() with flags. A program that wants its first frame fast
 * opens with KC_USERDB_DEFER_CHECK and calls kc_userdb_verify() just after
 * drawing it. The header checks (not a database, truncated, newer, links)
 * are always done. `migs` must stay valid while the handle is open
 * (kc_userdb_verify() may need to start a fresh file).
 * A file or directory that may not be written is opened read-only: reads
 * work, every write fails with KC_UDB_EACCESS saying why
 * (kc_userdb_readonly()). */
int kc_userdb_open_ex(const char *dir, const struct kc_migration *migs, int n, unsigned flags,
                      struct kc_userdb **out, char *err, size_t errlen);
/* Flags for kc_userdb_verify_ex(). */
#define KC_USERDB_VERIFY_FORCE 1u /* check even when it is not due */
#define KC_USERDB_VERIFY_FULL 2u  /* PRAGMA integrity_check (also every index entry) */
/* Runs the integrity check if it is due (or forced); a pass is remembered
 * in the file. If the file is damaged, moves it aside and opens a fresh one
 * in this same handle: KC_UDB_OK with kc_userdb_warning() naming where it
 * went. Also the thing to call (forced) after any function returned
 * KC_UDB_ECORRUPT. If even the fresh file cannot be opened, the error is
 * returned and every later call on the handle fails cleanly with
 * KC_UDB_EIO. */
int kc_userdb_verify_ex(struct kc_userdb *db, unsigned how);
/* kc_userdb_verify_ex(db, 0): the deferred check, when due. */
int kc_userdb_verify(struct kc_userdb *db);
struct kc_userdb_check_info {
  bool due;        /* a check is owed (not yet run on this handle) */
  bool ran;        /* a check ran on this handle */
  bool unclean;    /* the last kneecare did not close the file cleanly */
  int64_t last_at; /* when the file last passed a check (0: never, or unknown) */
};
void kc_userdb_check_info(const struct kc_userdb *db, struct kc_userdb_check_info *out);
/* NULL when the file can be written; otherwise why not (for messages). */
const char *kc_userdb_readonly(const struct kc_userdb *db);
/* Closes the handle; NULL is fine. */
void kc_userdb_close(struct kc_userdb *db);

/* Full path of the database file. */
const char *kc_userdb_path(const struct kc_userdb *db);
/* Warnings from opening, one per line; "" if none. */
const char *kc_userdb_warning(const struct kc_userdb *db);
/* Message of the last failed call on this handle; "" after success. */
const char *kc_userdb_errmsg(const struct kc_userdb *db);
/* PRAGMA user_version of the open file. */
int kc_userdb_version(const struct kc_userdb *db);
/* A counter that changes when another connection (another kneecare) has
 * committed since it was last read: poll it and refresh the screen when
 * it differs. Cheap (no disk read in WAL mode). */
int kc_userdb_data_version(struct kc_userdb *db, int64_t *out);
/* Runs PRAGMA quick_check (full = 0) or integrity_check (full = 1) and
 * nothing else; KC_UDB_OK if it says "ok", KC_UDB_ECORRUPT with the first
 * problem otherwise. */
int kc_userdb_check(struct kc_userdb *db, int full);

/* ---- profiles ---------------------------------------------------------- */

struct kc_profile {
  int64_t id;
  int64_t created_at;
  char name[KC_PROFILE_NAME_BUF];
};

/* Names are compared without case (kc_profile_name_key): "ROOT" finds
 * "root", and cannot be created or renamed to beside it. */

/* All profiles by name (byte order). *out is malloc'd (NULL when *n is 0). */
int kc_userdb_profile_list(struct kc_userdb *db, struct kc_profile **out, int *n);
/* ENOTFOUND when no profile has this name (in any case). */
int kc_userdb_profile_get(struct kc_userdb *db, const char *name, struct kc_profile *out);
int kc_userdb_profile_by_id(struct kc_userdb *db, int64_t id, struct kc_profile *out);
/* EINVAL for a bad name (kc_profile_name_check), EEXISTS if taken (the
 * message names the profile that has it). */
int kc_userdb_profile_create(struct kc_userdb *db, const char *name, time_t now,
                             struct kc_profile *out);
/* Returns the existing profile or creates it; safe when several processes
 * race to create the same name. */
int kc_userdb_profile_get_or_create(struct kc_userdb *db, const char *name, time_t now,
                                    struct kc_profile *out);
/* EINVAL bad name, EEXISTS taken by another profile, ENOTFOUND no such id. */
int kc_userdb_profile_rename(struct kc_userdb *db, int64_t id, const char *new_name);
/* Deletes the profile and everything it holds (plans and all they record,
 * symptom checks and the draft, bookmarks, reading, the running programme,
 * settings): one transaction. */
int kc_userdb_profile_delete(struct kc_userdb *db, int64_t id);
/* The profile last chosen (remembered across runs), or ENOTFOUND when none
 * was chosen or it has been deleted. */
int kc_userdb_profile_last_get(struct kc_userdb *db, struct kc_profile *out);
/* Remembers the chosen profile (no write when it is already the one). */
int kc_userdb_profile_last_set(struct kc_userdb *db, int64_t id);
/* The existing profile whose name is nearest to `name` (at most two
 * characters apart, without case), for "did you mean"; ENOTFOUND if none. */
int kc_userdb_profile_closest(struct kc_userdb *db, const char *name, struct kc_profile *out);

/* ---- plans ------------------------------------------------------------- */

struct kc_plan {
  int64_t id;
  int64_t profile_id;
  int start_day; /* calendar day number of plan day 1 */
  int64_t started_at;
  int64_t ended_at;        /* 0 while active */
  enum kc_checkin checkin; /* the latest answer; KC_CHECKIN_NONE until answered */
  int64_t checkin_at;      /* 0 until answered */
  enum kc_plan_kind kind;  /* KC_PLAN_KIND_NONE when not recorded */
  char cause_id[65];       /* the wizard cause it was started from, "" if none */
  int64_t wizard_run_id;   /* the symptom check it was started from, 0 if none */
};

/* Where a plan comes from (the plan engineer's rules read it later). */
struct kc_plan_origin {
  enum kc_plan_kind kind;
  const char *cause_id;  /* a content cause id ([a-z0-9-], at most 64), or "" / NULL */
  int64_t wizard_run_id; /* the profile's symptom check, or 0 */
};

/* Starts a plan on start_day (kc_plan_start_ok against today = the local
 * day of now). EEXISTS if the profile already has an active plan. */
int kc_userdb_plan_start(struct kc_userdb *db, int64_t profile_id, int start_day, time_t now,
                         struct kc_plan *out);
/* The same, recording where it came from (origin may be NULL). ENOTFOUND
 * for a symptom check that is not the profile's. */
int kc_userdb_plan_start_ex(struct kc_userdb *db, int64_t profile_id, int start_day, time_t now,
                            const struct kc_plan_origin *origin, struct kc_plan *out);
/* The profile's active plan, or ENOTFOUND. */
int kc_userdb_plan_active(struct kc_userdb *db, int64_t profile_id, struct kc_plan *out);
int kc_userdb_plan_get(struct kc_userdb *db, int64_t plan_id, struct kc_plan *out);
/* Ends an active plan (kept as history). ENOTFOUND if no such active plan. */
int kc_userdb_plan_end(struct kc_userdb *db, int64_t plan_id, time_t now);
/* Finished plans, newest first; *out malloc'd. */
int kc_userdb_plan_history(struct kc_userdb *db, int64_t profile_id, struct kc_plan **out, int *n);
/* Stores the check-in answer of an active plan; EINVAL before day 3
 * (kc_checkin_due) or for KC_CHECKIN_NONE. Answering again replaces the
 * plan's answer; every answer is also kept (kc_userdb_checkin_list). */
int kc_userdb_plan_checkin(struct kc_userdb *db, int64_t plan_id, enum kc_checkin answer,
                           time_t now);
/* A 'worse' check-in with the warning-sign re-check asked with it: its
 * level (kc_redflag_recheck) and answers (text for the record). */
int kc_userdb_plan_checkin_worse(struct kc_userdb *db, int64_t plan_id, enum kc_level recheck,
                                 const char *recheck_answers, time_t now);
struct kc_plan_checkin {
  int64_t id;
  int64_t at;
  enum kc_checkin answer;
  bool has_recheck; /* only a 'worse' answer carries one */
  enum kc_level recheck_level;
};
/* Every check-in of a plan, oldest first; *out malloc'd. */
int kc_userdb_checkin_list(struct kc_userdb *db, int64_t plan_id, struct kc_plan_checkin **out,
                           int *n);

/* The day-3 readiness checks: each check (an id from the content,
 * [a-z0-9_-], at most 64) answered on an active plan, passed or not;
 * answering again replaces it. */
struct kc_readiness {
  char check_id[65];
  bool passed;
  int64_t at;
};
int kc_userdb_readiness_record(struct kc_userdb *db, int64_t plan_id, const char *check_id,
                               bool passed, time_t now);
/* Oldest first; *out malloc'd. */
int kc_userdb_readiness_list(struct kc_userdb *db, int64_t plan_id, struct kc_readiness **out,
                             int *n);

/* ---- ticks -------------------------------------------------------------- */

struct kc_tick {
  char task_id[KC_TASK_ID_MAX + 1];
  int day;    /* plan day 1..3 */
  int64_t at; /* when it was ticked */
  bool late;  /* ticked on a later calendar day than its own */
};

/* Ticks task_id on plan day 1..3 of an active plan at time now; `late` is
 * worked out from the local day of now. EINVAL for a bad task id, a day
 * outside 1..3 or a future day (kc_plan_day_editable). Ticking an already
 * ticked task keeps the first time (idempotent, KC_UDB_OK). */
int kc_userdb_tick(struct kc_userdb *db, int64_t plan_id, const char *task_id, int day, time_t now);
/* Removes a tick (same checks). Unticking what is not ticked is KC_UDB_OK. */
int kc_userdb_untick(struct kc_userdb *db, int64_t plan_id, const char *task_id, int day,
                     time_t now);
/* All ticks of a plan ordered by day then task id; *out malloc'd. */
int kc_userdb_ticks(struct kc_userdb *db, int64_t plan_id, struct kc_tick **out, int *n);

/* ---- ice sessions --------------------------------------------------------- */

struct kc_ice_session {
  int64_t id;
  int day;    /* plan day 1..3 */
  int64_t at; /* when it completed */
  int minutes;
  bool late;
};

/* Records one completed session of `minutes` (1..60) on plan day 1..3
 * (not a future day). *id_out (may be NULL) gets its id. */
int kc_userdb_ice_add(struct kc_userdb *db, int64_t plan_id, int day, time_t at, int minutes,
                      int64_t *id_out);
/* Sessions of one plan day (day 0 = all days), by time; *out malloc'd. */
int kc_userdb_ice_list(struct kc_userdb *db, int64_t plan_id, int day, struct kc_ice_session **out,
                       int *n);
int kc_userdb_ice_count(struct kc_userdb *db, int64_t plan_id, int day, int *count);
/* Deletes one session (a mistaken entry). ENOTFOUND if no such id. */
int kc_userdb_ice_delete(struct kc_userdb *db, int64_t session_id);

/* ---- pain: a morning and an evening score per plan day -------------------------- */

struct kc_pain {
  int day; /* plan day 1..3 */
  enum kc_pain_slot slot;
  int score;
  int64_t at;
  bool late;
  char note[KC_NOTE_BUF];
};

/* Sets (or replaces) the score 0..10 of one slot of plan day 1..3 (not a
 * future day). note: NULL keeps the slot's note (a new score never erases
 * it), "" clears it, text (kc_note_check) replaces it. */
int kc_userdb_pain_set_slot(struct kc_userdb *db, int64_t plan_id, int day, enum kc_pain_slot slot,
                            int score, const char *note, time_t now);
/* kc_userdb_pain_set_slot() for the slot of the local hour of now. */
int kc_userdb_pain_set(struct kc_userdb *db, int64_t plan_id, int day, int score, const char *note,
                       time_t now);
/* The day's latest score (either slot), or ENOTFOUND. */
int kc_userdb_pain_get(struct kc_userdb *db, int64_t plan_id, int day, struct kc_pain *out);
int kc_userdb_pain_get_slot(struct kc_userdb *db, int64_t plan_id, int day, enum kc_pain_slot slot,
                            struct kc_pain *out);
/* Every score of a plan by day, morning before evening; *out malloc'd. */
int kc_userdb_pain_list(struct kc_userdb *db, int64_t plan_id, struct kc_pain **out, int *n);
/* Clears both scores of a day. */
int kc_userdb_pain_clear(struct kc_userdb *db, int64_t plan_id, int day, time_t now);

/* ---- the ice timer: its start stored ---------------------------------------------- */

/* One running timer per plan, stored when it starts, so an unfinished timer
 * survives quitting and a crash (reopening can offer to resume it). */
struct kc_ice_running {
  int64_t plan_id;
  int day; /* the plan day the session will count for */
  int64_t started_at;
  int seconds; /* its planned length */
};
/* EEXISTS when one is running; the day must be editable (as for ice). */
int kc_userdb_ice_timer_start(struct kc_userdb *db, int64_t plan_id, int day, time_t now,
                              int seconds);
/* The plan's running timer, or ENOTFOUND. */
int kc_userdb_ice_timer_get(struct kc_userdb *db, int64_t plan_id, struct kc_ice_running *out);
/* The running timer of the profile's active plan, or ENOTFOUND. */
int kc_userdb_ice_timer_running(struct kc_userdb *db, int64_t profile_id,
                                struct kc_ice_running *out);
/* Ends it and records an ice session of `minutes` (1..60) on its day, at
 * now, in one transaction; *session_id (may be NULL) gets the session. */
int kc_userdb_ice_timer_finish(struct kc_userdb *db, int64_t plan_id, time_t now, int minutes,
                               int64_t *session_id);
/* Ends it without recording anything (ENOTFOUND if none runs). */
int kc_userdb_ice_timer_cancel(struct kc_userdb *db, int64_t plan_id);

/* ---- which window runs a stored timer ---------------------------------------------- */

/* A stored timer (ice, or walk-run) is either running in a window now or
 * was left by a quit or a crash; only the second may be offered for
 * resuming, or discarded. The window running a timer holds a lock for it
 * in the data directory (timers.lock, made on first use), which the kernel
 * lets go when that window's process ends, however it ends. Best effort:
 * where the lock cannot be made (a read-only directory), every stored
 * timer counts as left behind, as before. */
enum kc_timer_kind { KC_TIMER_ICE, KC_TIMER_RUN };
/* This window runs the timer of kind for id (a plan or a programme). */
void kc_userdb_timer_hold(struct kc_userdb *db, enum kc_timer_kind kind, int64_t id);
void kc_userdb_timer_let_go(struct kc_userdb *db, enum kc_timer_kind kind, int64_t id);
/* true when another running kneecare holds it. */
bool kc_userdb_timer_held_elsewhere(struct kc_userdb *db, enum kc_timer_kind kind, int64_t id);

/* ---- daily red-flag re-checks ------------------------------------------------ */

struct kc_redflag_check {
  int64_t id;
  int cal_day; /* calendar day number it was asked on */
  int64_t at;
  enum kc_level level; /* kc_redflag_recheck() result */
};

/* Records a re-check of a plan (active or not) asked on calendar day
 * cal_day; answers is free text for the record (may be NULL). */
int kc_userdb_redflag_record(struct kc_userdb *db, int64_t plan_id, int cal_day, time_t at,
                             enum kc_level level, const char *answers);
/* The latest re-check, or ENOTFOUND. */
int kc_userdb_redflag_last(struct kc_userdb *db, int64_t plan_id, struct kc_redflag_check *out);
/* The highest level recorded for the plan (KC_LEVEL_NONE if none). */
int kc_userdb_redflag_worst(struct kc_userdb *db, int64_t plan_id, enum kc_level *out);
/* The answers text of the most urgent re-check that said yes (the newest of
 * equals), "" copied into buf; ENOTFOUND when none said yes. */
int kc_userdb_redflag_worst_answers(struct kc_userdb *db, int64_t plan_id, char *buf, size_t n);

/* ---- wizard runs --------------------------------------------------------- */

struct kc_wizard_run {
  int64_t id;
  int64_t profile_id;
  int64_t at;
  enum kc_level level;
  char *answers; /* malloc'd, as saved */
  char *causes;  /* malloc'd, as saved (text or JSON the caller chose) */
};

#define KC_WIZARD_TEXT_MAX 65536 /* bytes of answers or causes */

/* Saves a finished run (and discards the profile's draft, same commit). */
int kc_userdb_wizard_save(struct kc_userdb *db, int64_t profile_id, time_t at, const char *answers,
                          enum kc_level level, const char *causes, int64_t *id_out);
/* Runs of a profile, newest first, at most `limit` (0 = all). Free with
 * kc_userdb_wizard_runs_free(). */
int kc_userdb_wizard_list(struct kc_userdb *db, int64_t profile_id, int limit,
                          struct kc_wizard_run **out, int *n);
int kc_userdb_wizard_get(struct kc_userdb *db, int64_t run_id, struct kc_wizard_run *out);

/* A run as a list shows it, without its answers: the first line of its
 * causes (the most likely one) is kept apart and covered by an index, so a
 * list of five years of weekly checks reads a few small index pages. */
#define KC_WIZARD_TOP_CHARS 120 /* of the first line: an id, a score and a title */
#define KC_WIZARD_TOP_BUF (KC_WIZARD_TOP_CHARS * 4 + 1)
struct kc_wizard_summary {
  int64_t id;
  int64_t at;
  enum kc_level level;
  char top[KC_WIZARD_TOP_BUF]; /* the causes text up to its first newline (120 characters) */
};
/* Summaries of a profile's runs, newest first, at most `limit` (0 = all);
 * *out malloc'd. */
int kc_userdb_wizard_summaries(struct kc_userdb *db, int64_t profile_id, int limit,
                               struct kc_wizard_summary **out, int *n);
/* Deletes one of the profile's runs; ENOTFOUND for a run of another
 * profile or none. A plan started from it keeps its cause. */
int kc_userdb_wizard_delete(struct kc_userdb *db, int64_t profile_id, int64_t run_id);
/* Frees the strings of one run (the struct itself is the caller's). */
void kc_userdb_wizard_run_clear(struct kc_wizard_run *run);
void kc_userdb_wizard_runs_free(struct kc_wizard_run *runs, int n);

/* ---- the unfinished symptom check (draft), one per profile -------------------- */

/* Saved as the person answers, so an unfinished check survives quitting
 * and a crash; kc_userdb_wizard_save() of the finished check discards it in
 * the same commit. */
struct kc_wizard_draft {
  char *answers;        /* malloc'd: the answers so far (--answers file format) */
  char question_id[65]; /* the question the person was on ("" if none) */
  int64_t saved_at;
};
/* Saves (replaces) the draft. answers: valid UTF-8 up to
 * KC_WIZARD_TEXT_MAX bytes; question_id: [a-z0-9_-], at most 64, or "". */
int kc_userdb_draft_save(struct kc_userdb *db, int64_t profile_id, const char *answers,
                         const char *question_id, time_t now);
/* ENOTFOUND when there is none. Free with kc_userdb_draft_clear(). */
int kc_userdb_draft_load(struct kc_userdb *db, int64_t profile_id, struct kc_wizard_draft *out);
void kc_userdb_draft_clear(struct kc_wizard_draft *d);
/* Discards it (none is fine). */
int kc_userdb_draft_discard(struct kc_userdb *db, int64_t profile_id);

/* ---- reading: bookmarks and where each article was left ----------------------- */

/* Article ids: kc_article_id_valid (article.h); EINVAL otherwise. */
struct kc_bookmark {
  char article_id[65];
  int64_t created_at;
};
/* Bookmarks an article (again: keeps the first time). */
int kc_userdb_bookmark_add(struct kc_userdb *db, int64_t profile_id, const char *article_id,
                           time_t now);
/* Removes a bookmark (none is fine). */
int kc_userdb_bookmark_remove(struct kc_userdb *db, int64_t profile_id, const char *article_id);
/* Newest first; *out malloc'd. */
int kc_userdb_bookmark_list(struct kc_userdb *db, int64_t profile_id, struct kc_bookmark **out,
                            int *n);
int kc_userdb_bookmark_has(struct kc_userdb *db, int64_t profile_id, const char *article_id,
                           bool *yes);

/* How far through an article: thousandths of it (0 the top, 1000 the
 * end), so the place survives reading it at another width. */
#define KC_READING_END 1000
struct kc_reading {
  char article_id[65];
  int position; /* 0..KC_READING_END */
  int64_t read_at;
};
/* Records that the article was read up to `position` now (one row per
 * article: the table is bounded by the content, not the years). */
int kc_userdb_reading_set(struct kc_userdb *db, int64_t profile_id, const char *article_id,
                          int position, time_t now);
/* ENOTFOUND when not read yet. */
int kc_userdb_reading_get(struct kc_userdb *db, int64_t profile_id, const char *article_id,
                          struct kc_reading *out);
/* "Recently read": newest first, at most `limit` (0 = all); *out malloc'd. */
int kc_userdb_reading_recent(struct kc_userdb *db, int64_t profile_id, int limit,
                             struct kc_reading **out, int *n);

/* ---- export: everything of a profile ------------------------------------------- */

enum kc_udb_value_type { KC_UDB_VALUE_NULL, KC_UDB_VALUE_INT, KC_UDB_VALUE_TEXT };
struct kc_udb_value {
  const char *column; /* the column's name in the schema */
  enum kc_udb_value_type type;
  int64_t i;        /* KC_UDB_VALUE_INT */
  const char *text; /* KC_UDB_VALUE_TEXT: as stored (may be invalid UTF-8 if another program
                       wrote it: sanitise before showing) */
};
enum kc_export_event { KC_EXPORT_TABLE, KC_EXPORT_ROW, KC_EXPORT_TABLE_END };
/* Called with KC_EXPORT_TABLE, then KC_EXPORT_ROW for each row (cols[0..n),
 * valid during the call), then KC_EXPORT_TABLE_END, for every table in turn. */
typedef void (*kc_userdb_export_fn)(void *ctx, enum kc_export_event ev, const char *table,
                                    const struct kc_udb_value *cols, int n);
/* Every row of every table that belongs to the profile (the profile row,
 * settings, symptom checks and draft, bookmarks, reading, plans and all
 * they record, the running programme), from one consistent snapshot. */
int kc_userdb_export(struct kc_userdb *db, int64_t profile_id, kc_userdb_export_fn fn, void *ctx);
/* The names of the tables exported, then those left out on purpose (the
 * file's bookkeeping), by index; NULL past the end. For the test that no
 * table of the schema is forgotten. */
const char *kc_userdb_export_table(int i);

/* ---- settings --------------------------------------------------------------- */

#define KC_SETTING_KEY_MAX 64
#define KC_SETTING_VALUE_MAX 1024

/* profile_id 0 = a global setting. Keys: 1..64 bytes of [a-z0-9._-];
 * values: up to 1024 bytes of valid UTF-8. */
int kc_userdb_setting_set(struct kc_userdb *db, int64_t profile_id, const char *key,
                          const char *value);
/* ENOTFOUND if unset; the value is copied into buf (truncated to fit). */
int kc_userdb_setting_get(struct kc_userdb *db, int64_t profile_id, const char *key, char *buf,
                          size_t n);
int kc_userdb_setting_delete(struct kc_userdb *db, int64_t profile_id, const char *key);

#endif
