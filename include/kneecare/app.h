/* The application context shared by the command line and the TUI: the
 * options, the content database, and what is loaded from it or opened on
 * first use (the wizard definition, the plan tasks, the user database and
 * the current profile). Staged: nothing is opened before it is needed, so
 * reading works even when the user database cannot be opened. */
#ifndef KC_APP_H
#define KC_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "kneecare/content.h"
#include "kneecare/markup.h"
#include "kneecare/plan_load.h"
#include "kneecare/recovery.h"
#include "kneecare/userdb.h"
#include "kneecare/wizard.h"

struct kc_app {
  /* options */
  const char *content_path; /* --content FILE, or NULL for the built-in */
  const char *user;         /* --user NAME, or NULL: the last chosen profile, else the login name */
  int create_user;          /* --create: an unknown --user NAME is created (else it fails) */
  int remember_user;        /* a --user NAME that opens is remembered as the last chosen (TUI) */
  int lookup_only;          /* never create the default profile (a shell prompt's query) */
  const char *data_dir;     /* --data DIR, or NULL (KNEECARE_DATA_DIR, XDG) */
  int no_mouse;
  /* The TUI defers two checks until after its first frame: the user
   * database's integrity check (kc_app_verify_user) and a --content file's
   * schema check (kc_app_check_safety). Commands check at open. */
  int defer_check;
  int safety_checked; /* kc_app_check_safety passed (a --content file) */
  /* opened or loaded on demand */
  struct kc_content *content;
  struct kc_wz_def *wizard;
  struct kc_tag_table *tag_table; /* the words article tags render, loaded on first use */
  struct kc_tag_resolver tags;
  struct kc_plan_task *tasks;
  size_t n_tasks;
  struct kc_userdb *udb;
  struct kc_profile profile;
  int user_state;   /* 0 not tried, 1 open, -1 failed (user_error says why) */
  int user_unknown; /* the failure is an unknown --user name (ask, then kc_app_user_create) */
  char user_error[1024];
};

/* A --content file whose schema check (if it was deferred) fails, or
 * whose warning signs do not load and validate (the
 * wizard, and the daily safety check's list), is refused whole: safety
 * checks fail closed, before any screen or command could give advice
 * without them. 0, or -1 with "FILE: not usable: ..." in err (the content
 * is then closed). The built-in content was checked by the packer: 0 at no
 * cost. The loaded definition is kept for kc_app_wizard. The reading
 * commands (topics, list, show, search) do not call it: they give no
 * advice that depends on the signs, and they stay as fast as the file. */
int kc_app_check_safety(struct kc_app *app, char *err, size_t errlen);

/* Opens the content database named by the options. */
int kc_app_open_content(struct kc_app *app, char *err, size_t errlen);
/* The content database, opened on first use; NULL if it cannot be opened
 * (every kc_content_* function accepts NULL and fails cleanly). */
struct kc_content *kc_app_content(struct kc_app *app);
/* The topics for the home menu (the compiled-in list for the built-in
 * content, so nothing is opened; else the content database's). 0 or -1;
 * free with kc_topics_free. */
int kc_app_topics(struct kc_app *app, struct kc_topic **out, size_t *n);
/* The validated wizard definition (with the level words and the warning
 * signs), or NULL with a reason. */
const struct kc_wz_def *kc_app_wizard(struct kc_app *app, char *err, size_t errlen);
/* What renders article tags ({sign:ID}, {level:NAME}, {action:NAME}) for
 * kc_markup_render_tagged: the sign and level tables' words, loaded on
 * first use (not the whole wizard); NULL when the content database has no
 * such tables (tags then stay as written). */
const struct kc_tag_resolver *kc_app_tags(struct kc_app *app);
/* The plan's tasks. The daily safety check asks the wizard's signs marked
 * recheck. */
int kc_app_tasks(struct kc_app *app, char *err, size_t errlen);
const struct kc_plan_task *kc_app_task(struct kc_app *app, const char *id);
/* The user-data directory of this run (--data, KNEECARE_DATA_DIR, XDG);
 * false when no home can be found. */
bool kc_app_data_dir(const struct kc_app *app, char *buf, size_t n);
/* The user database file, opened (created, migrated) on first use but no
 * profile selected: for what concerns the file itself (`kneecare data
 * check`). NULL with a reason in err; a failure is remembered. */
struct kc_userdb *kc_app_userdb(struct kc_app *app, char *err, size_t errlen);
/* The user database with the current profile selected, or NULL with a
 * reason in err. The profile: --user NAME (compared without case; an
 * unknown name is an error with a "did you mean" unless create_user is set,
 * and app->user_unknown says so), else the last chosen one, else the login
 * name's (created on first use). Remembers a failure: the rest of the guide
 * keeps working without user data. */
struct kc_userdb *kc_app_user(struct kc_app *app, char *err, size_t errlen);
/* After kc_app_user() failed with app->user_unknown and the person said
 * yes (the TUI asks): creates the profile and selects it. */
struct kc_userdb *kc_app_user_create(struct kc_app *app, char *err, size_t errlen);
/* Runs the deferred integrity check (a damaged file is moved aside and a
 * fresh one started: kc_userdb_warning() then says so). */
void kc_app_verify_user(struct kc_app *app);
/* Selects another profile by id (the profiles screen) and remembers it for
 * the next start. Returns a kc_udb_status (message on the handle). */
int kc_app_switch_profile(struct kc_app *app, int64_t id);
/* Now. In builds with the tests only, KNEECARE_NOW (Unix seconds) fixes
 * the clock for tests. */
time_t kc_app_now(void);
/* Local calendar day of now. */
int kc_app_today(void);
/* Ice timer length in seconds: 20 minutes, or (builds with the tests
 * only) KNEECARE_ICE_SECONDS. */
int kc_app_ice_seconds(void);
void kc_app_close(struct kc_app *app);

#endif
