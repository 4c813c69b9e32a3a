/* The shared application context: staged, on-demand opening of what the
 * commands and screens need, with every failure turned into one message.
 * No SQL here: the store's loaders read the content database. */
#include "kneecare/app.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kneecare/blob.h"
#include "kneecare/day.h"
#include "kneecare/recovery.h"
#include "kneecare/wizard_load.h"

int kc_app_check_safety(struct kc_app *app, char *err, size_t errlen) {
  if (!app->content_path || app->safety_checked) return 0; /* built in: the packer checked it */
  if (kc_app_open_content(app, err, errlen) != 0) return -1;
  char why[400] = "";
  if (kc_content_check(app->content, why, sizeof why) != 0) { /* left from a staged open */
    snprintf(err, errlen, "%s: %s", app->content_path, why);
    kc_content_close(app->content);
    app->content = NULL;
    return -1;
  }
  size_t *signs = NULL, n = 0;
  struct kc_wz_def *def = kc_wz_load_content(app->content, why, sizeof why);
  if (def && kc_recheck_signs(def, &signs, &n, why, sizeof why) == 0) {
    free(signs);
    if (app->wizard) /* loaded earlier from the same data: keep that one */
      kc_wz_def_free(def);
    else
      app->wizard = def;
    app->safety_checked = 1;
    return 0;
  }
  snprintf(err, errlen, "%s: not usable: its warning signs do not load or validate (%s)",
           app->content_path, why[0] ? why : "no reason given");
  kc_wz_def_free(def);
  kc_content_close(app->content);
  app->content = NULL;
  return -1;
}

int kc_app_open_content(struct kc_app *app, char *err, size_t errlen) {
  if (app->content) return 0;
  if (!app->content_path)
    return kc_content_open_image(kc_content_image, kc_content_image_len, &app->content, err,
                                 errlen);
  /* The guide's first frame reads only the topics; the schema check follows
   * it, in kc_app_check_safety, before any key is read. */
  if (app->defer_check)
    return kc_content_open_file_unchecked(app->content_path, &app->content, err, errlen);
  return kc_content_open_file(app->content_path, &app->content, err, errlen);
}

struct kc_content *kc_app_content(struct kc_app *app) {
  char err[512];
  if (!app->content) kc_app_open_content(app, err, sizeof err);
  return app->content;
}

const struct kc_wz_def *kc_app_wizard(struct kc_app *app, char *err, size_t errlen) {
  if (app->wizard) return app->wizard;
  if (!kc_app_content(app)) {
    snprintf(err, errlen, "no content database");
    return NULL;
  }
  struct kc_wz_def *def = kc_wz_load_content(app->content, err, errlen);
  if (!def) return NULL;
  app->wizard = def;
  return def;
}

const struct kc_tag_resolver *kc_app_tags(struct kc_app *app) {
  if (!app->tag_table && kc_app_content(app)) {
    app->tag_table = kc_tags_load(app->content);
    app->tags = kc_tag_table_resolver(app->tag_table);
  }
  return app->tag_table ? &app->tags : NULL;
}

int kc_app_tasks(struct kc_app *app, char *err, size_t errlen) {
  if (app->tasks) return 0;
  if (!kc_app_content(app)) {
    snprintf(err, errlen, "no content database");
    return -1;
  }
  return kc_plan_tasks_load(app->content, &app->tasks, &app->n_tasks, err, errlen);
}

const struct kc_plan_task *kc_app_task(struct kc_app *app, const char *id) {
  for (size_t i = 0; i < app->n_tasks; i++)
    if (strcmp(app->tasks[i].id, id) == 0) return &app->tasks[i];
  return NULL;
}

static const struct kc_migration *migrations(int *n) {
  static struct kc_migration migs[32];
  static int count = -1;
  if (count < 0) {
    count = 0;
    for (int i = 0; i < kc_userdb_migration_file_count && count < 32; i++) {
      const struct kc_blob_file *f = &kc_userdb_migration_files[i];
      if (!f->name) continue;
      migs[count++] = (struct kc_migration){atoi(f->name), f->name, f->text};
    }
  }
  *n = count;
  return migs;
}

/* Remembers a failure so the rest of the guide keeps working without user
 * data and every later call says the same thing. */
static struct kc_userdb *user_failed(struct kc_app *app, const char *why, char *err,
                                     size_t errlen) {
  app->user_state = -1;
  snprintf(app->user_error, sizeof app->user_error, "%s", why);
  snprintf(err, errlen, "%s", why);
  kc_userdb_close(app->udb);
  app->udb = NULL;
  return NULL;
}

bool kc_app_data_dir(const struct kc_app *app, char *buf, size_t n) {
  if (app->data_dir) return snprintf(buf, n, "%s", app->data_dir) < (int)n;
  if (kc_userdb_default_dir(buf, n) == KC_UDB_OK) return true;
  if (n) buf[0] = '\0';
  return false;
}

struct kc_userdb *kc_app_userdb(struct kc_app *app, char *err, size_t errlen) {
  if (app->udb) return app->udb;
  if (app->user_state == -1) {
    snprintf(err, errlen, "%s", app->user_error);
    return NULL;
  }
  char dir[4096];
  if (!kc_app_data_dir(app, dir, sizeof dir))
    return user_failed(app, "cannot find a home directory for user data (use --data DIR)", err,
                       errlen);
  int n;
  const struct kc_migration *migs = migrations(&n);
  char why[sizeof app->user_error] = "";
  if (kc_userdb_open_ex(dir, migs, n, app->defer_check ? KC_USERDB_DEFER_CHECK : 0u, &app->udb, why,
                        sizeof why) != KC_UDB_OK)
    return user_failed(app, why, err, errlen);
  return app->udb;
}

/* --user NAME: the profile with that name (in any case); an unknown name is
 * created only when asked (--create), else a failure that suggests the
 * nearest existing name, so a typo never makes a new profile. */
static int select_named(struct kc_app *app, char *why, size_t whylen) {
  struct kc_userdb *udb = app->udb;
  int rc = kc_userdb_profile_get(udb, app->user, &app->profile);
  if (rc == KC_UDB_ENOTFOUND && app->create_user)
    rc = kc_userdb_profile_create(udb, app->user, kc_app_now(), &app->profile);
  if (rc == KC_UDB_ENOTFOUND) {
    app->user_unknown = 1;
    struct kc_profile near;
    if (kc_userdb_profile_closest(udb, app->user, &near) == KC_UDB_OK)
      snprintf(why, whylen, "There is no profile called \"%s\"; did you mean \"%s\"?", app->user,
               near.name);
    else
      snprintf(why, whylen, "There is no profile called \"%s\".", app->user);
    return rc;
  }
  if (rc != KC_UDB_OK) snprintf(why, whylen, "%s", kc_userdb_errmsg(udb));
  return rc;
}

/* No --user: the profile chosen last (remembered), else the only profile
 * there is, else the login name's (created on first use). The login name
 * is looked up last because the password database goes through NSS, which
 * maps 130 KB of the C library for a name the file usually holds. */
static int select_default(struct kc_app *app, char *why, size_t whylen) {
  struct kc_userdb *udb = app->udb;
  if (kc_userdb_profile_last_get(udb, &app->profile) == KC_UDB_OK) return KC_UDB_OK;
  struct kc_profile *all = NULL;
  int n = 0;
  if (kc_userdb_profile_list(udb, &all, &n) == KC_UDB_OK && n == 1) app->profile = all[0];
  free(all);
  if (n == 1) return KC_UDB_OK;
  char name[KC_PROFILE_NAME_BUF];
  kc_userdb_default_profile_name(name, sizeof name);
  const int rc = app->lookup_only
                     ? kc_userdb_profile_get(udb, name, &app->profile)
                     : kc_userdb_profile_get_or_create(udb, name, kc_app_now(), &app->profile);
  if (rc != KC_UDB_OK) snprintf(why, whylen, "%s", kc_userdb_errmsg(udb));
  return rc;
}

struct kc_userdb *kc_app_user(struct kc_app *app, char *err, size_t errlen) {
  if (app->user_state == 1) return app->udb;
  char perr[256], why[sizeof app->user_error];
  app->user_unknown = 0;
  /* Each of the check's sentences names the profile name already. */
  if (app->user && !kc_profile_name_check(app->user, perr, sizeof perr))
    return user_failed(app, perr, err, errlen);
  if (!kc_app_userdb(app, err, errlen)) return NULL;
  const int rc =
      app->user ? select_named(app, why, sizeof why) : select_default(app, why, sizeof why);
  if (rc != KC_UDB_OK) return user_failed(app, why, err, errlen);
  /* Choosing a profile for the guide is remembered for the next start. */
  if (app->user && app->remember_user && !kc_userdb_readonly(app->udb))
    kc_userdb_profile_last_set(app->udb, app->profile.id);
  app->user_state = 1;
  return app->udb;
}

struct kc_userdb *kc_app_user_create(struct kc_app *app, char *err, size_t errlen) {
  if (!app->user_unknown) return kc_app_user(app, err, errlen);
  app->create_user = 1;
  app->user_state = 0;
  app->user_unknown = 0;
  return kc_app_user(app, err, errlen);
}

void kc_app_verify_user(struct kc_app *app) {
  if (!app->udb || !app->defer_check) return;
  app->defer_check = 0;
  if (kc_userdb_verify(app->udb) == KC_UDB_OK && kc_userdb_warning(app->udb)[0]) {
    /* A fresh file: the profile must be created again in it. */
    kc_userdb_profile_get_or_create(app->udb, app->profile.name, kc_app_now(), &app->profile);
  }
}

int kc_app_switch_profile(struct kc_app *app, int64_t id) {
  if (!app->udb) return KC_UDB_ENOTFOUND;
  struct kc_profile p;
  int rc = kc_userdb_profile_by_id(app->udb, id, &p);
  if (rc != KC_UDB_OK) return rc;
  app->profile = p;
  /* Remembered: the next start opens this profile (a read-only file keeps
   * the switch for this run only). */
  if (!kc_userdb_readonly(app->udb)) kc_userdb_profile_last_set(app->udb, id);
  return KC_UDB_OK;
}

/* The test hooks exist only in builds with the tests (KC_TESTS=ON defines
 * KC_TEST_HOOKS): an installed program cannot be told another date or a
 * shorter ice timer by its environment (review I6). */
time_t kc_app_now(void) {
#ifdef KC_TEST_HOOKS
  const char *fake = getenv("KNEECARE_NOW");
  if (fake && *fake) {
    char *end;
    long long v = strtoll(fake, &end, 10);
    if (*end == '\0' && v > 0) return (time_t)v;
  }
#endif
  return time(NULL);
}

int kc_app_today(void) { return kc_day_local(kc_app_now()); }

int kc_app_ice_seconds(void) {
#ifdef KC_TEST_HOOKS
  const char *t = getenv("KNEECARE_ICE_SECONDS");
  if (t && *t) {
    int v = atoi(t);
    if (v >= 1 && v <= 3600) return v;
  }
#endif
  return KC_ICE_MINUTES * 60;
}

void kc_app_close(struct kc_app *app) {
  kc_plan_tasks_free(app->tasks, app->n_tasks);
  kc_wz_def_free(app->wizard);
  kc_tag_table_free(app->tag_table);
  kc_userdb_close(app->udb);
  kc_content_close(app->content);
  memset(app, 0, sizeof *app);
}
