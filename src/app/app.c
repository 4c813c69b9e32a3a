/* The shared application context: staged, on-demand opening of what the
 * commands and screens need, with every failure turned into one message.
 * No SQL here: the store's loaders read the content database. */
#include "kneecare/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/blob.h"
#include "kneecare/day.h"
#include "kneecare/wizard_load.h"

int kc_app_open_content(struct kc_app *app, char *err, size_t errlen) {
  if (app->content) return 0;
  return app->content_path ? kc_content_open_file(app->content_path, &app->content, err, errlen)
                           : kc_content_open_image(kc_content_image, kc_content_image_len,
                                                   &app->content, err, errlen);
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

struct kc_userdb *kc_app_user(struct kc_app *app, char *err, size_t errlen) {
  if (app->user_state == 1) return app->udb;
  if (app->user_state == -1) {
    snprintf(err, errlen, "%s", app->user_error);
    return NULL;
  }
  char dir[4096];
  if (app->data_dir)
    snprintf(dir, sizeof dir, "%s", app->data_dir);
  else if (kc_userdb_default_dir(dir, sizeof dir) != KC_UDB_OK)
    snprintf(dir, sizeof dir, "%s", "");
  char name[KC_PROFILE_NAME_BUF];
  if (app->user)
    snprintf(name, sizeof name, "%s", app->user);
  else
    kc_userdb_default_profile_name(name, sizeof name);
  char why[512] = "";
  int n;
  const struct kc_migration *migs = migrations(&n);
  int rc = KC_UDB_EINVAL;
  char perr[256];
  if (app->user && !kc_profile_name_check(app->user, perr, sizeof perr)) {
    snprintf(why, sizeof why, "profile name: %s", perr);
  } else if (!dir[0]) {
    snprintf(why, sizeof why, "cannot find a home directory for user data (use --data DIR)");
  } else {
    rc = kc_userdb_open_ex(dir, migs, n, app->defer_check ? KC_USERDB_DEFER_CHECK : 0u, &app->udb,
                           why, sizeof why);
    if (rc == KC_UDB_OK) {
      rc = kc_userdb_profile_get_or_create(app->udb, name, kc_app_now(), &app->profile);
      if (rc != KC_UDB_OK) {
        snprintf(why, sizeof why, "%s", kc_userdb_errmsg(app->udb));
        kc_userdb_close(app->udb);
        app->udb = NULL;
      }
    }
  }
  if (rc != KC_UDB_OK) {
    app->user_state = -1;
    snprintf(app->user_error, sizeof app->user_error, "%s", why);
    snprintf(err, errlen, "%s", why);
    return NULL;
  }
  app->user_state = 1;
  return app->udb;
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
  if (rc == KC_UDB_OK) app->profile = p;
  return rc;
}

time_t kc_app_now(void) {
  const char *fake = getenv("KNEECARE_NOW");
  if (fake && *fake) {
    char *end;
    long long v = strtoll(fake, &end, 10);
    if (*end == '\0' && v > 0) return (time_t)v;
  }
  return time(NULL);
}

int kc_app_today(void) { return kc_day_local(kc_app_now()); }

int kc_app_ice_seconds(void) {
  const char *t = getenv("KNEECARE_ICE_SECONDS");
  if (t && *t) {
    int v = atoi(t);
    if (v >= 1 && v <= 3600) return v;
  }
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
