/* Profiles: list, switch (Enter), create (n), rename (r), delete (d, with
 * confirmation; removes that profile's data only). Names are any UTF-8 up
 * to 64 characters; the store refuses empty names and control characters
 * and says why. */
#include <stdlib.h>
#include <string.h>

#include "ui.h"

enum { IN_NEW = 1, IN_RENAME };

struct profiles {
  struct kc_view base;
  struct kc_list list;
  struct kc_profile *all;
  int n;
  struct kc_input input;
  int confirm_delete;
};

static void fill(struct profiles *s, struct kc_ui *ui) {
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  size_t keep = s->list.sel;
  kc_list_clear(&s->list);
  free(s->all);
  s->all = NULL;
  s->n = 0;
  if (!udb || kc_userdb_profile_list(udb, &s->all, &s->n) != KC_UDB_OK) return;
  for (int i = 0; i < s->n; i++)
    kc_list_add(&s->list, s->all[i].name, s->all[i].id == ui->app->profile.id ? "(current)" : NULL,
                -1, 0);
  s->list.sel = keep < s->list.n ? keep : 0;
}

static void profiles_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct profiles *s = (struct profiles *)v;
  kc_puts(y + 1, 2, w - 4, "Profiles", kc_attr(ROLE_HEADING));
  kc_puts(y + 2, 2, w - 4, "Each profile keeps its own plans, pain scores and symptom checks.",
          kc_attr(ROLE_DIM));
  kc_list_draw(&s->list, y + 4, h - 7, w);
  if (s->input.active) kc_input_draw(&s->input, y + h - 2, w);
  if (s->confirm_delete && s->list.sel < (size_t)s->n) {
    char q[320];
    snprintf(q, sizeof q, "Delete \"%s\" and all its data? (y/n)", s->all[s->list.sel].name);
    kc_fill(y + h - 1, 0, w, kc_attr(ROLE_WARNING) | A_REVERSE);
    kc_puts(y + h - 1, 1, w - 2, q, kc_attr(ROLE_WARNING) | A_REVERSE);
  }
}

static void input_done(struct profiles *s, struct kc_ui *ui) {
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (!udb) return;
  if (!kc_profile_name_check(s->input.buf, err, sizeof err)) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return;
  }
  int rc;
  if (s->input.purpose == IN_NEW) {
    struct kc_profile p;
    rc = kc_userdb_profile_create(udb, s->input.buf, kc_app_now(), &p);
    if (rc == KC_UDB_OK) kc_ui_message(ui, ROLE_OK, "Profile created; Enter switches to it");
  } else {
    rc = kc_userdb_profile_rename(udb, s->all[s->list.sel].id, s->input.buf);
    if (rc == KC_UDB_OK && s->all[s->list.sel].id == ui->app->profile.id)
      kc_app_switch_profile(ui->app, ui->app->profile.id);
    if (rc == KC_UDB_OK) kc_ui_message(ui, ROLE_OK, "Renamed");
  }
  if (rc != KC_UDB_OK) kc_ui_message(ui, ROLE_WARNING, "%s", kc_userdb_errmsg(udb));
  fill(s, ui);
}

static enum kc_result profiles_handle(struct kc_view *v, struct kc_ui *ui,
                                      const struct kc_event *ev) {
  struct profiles *s = (struct profiles *)v;
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (s->input.active) {
    if (kc_input_handle(&s->input, ev) == 1) input_done(s, ui);
    return V_HANDLED;
  }
  if (s->confirm_delete) {
    s->confirm_delete = 0;
    if (!ev->is_key && (ev->ch == 'y' || ev->ch == 'Y') && udb && s->list.sel < (size_t)s->n) {
      int64_t id = s->all[s->list.sel].id;
      if (id == ui->app->profile.id) {
        kc_ui_message(ui, ROLE_WARNING, "Switch to another profile before deleting this one");
      } else if (kc_userdb_profile_delete(udb, id) == KC_UDB_OK) {
        kc_ui_message(ui, ROLE_OK, "Profile deleted");
      } else {
        kc_ui_message(ui, ROLE_WARNING, "%s", kc_userdb_errmsg(udb));
      }
      fill(s, ui);
    }
    return V_HANDLED;
  }
  if (!ev->is_key) {
    switch (ev->ch) {
    case 'n': kc_input_open(&s->input, IN_NEW, "New profile name:", NULL, 64); return V_HANDLED;
    case 'r':
      if (s->list.sel < (size_t)s->n)
        kc_input_open(&s->input, IN_RENAME, "Rename to:", s->all[s->list.sel].name, 64);
      return V_HANDLED;
    case 'd': s->confirm_delete = s->n > 0; return V_HANDLED;
    default: break;
    }
  }
  int act;
  enum kc_result r = kc_list_handle(&s->list, ev, &act);
  if (act && s->list.sel < (size_t)s->n) {
    kc_app_switch_profile(ui->app, s->all[s->list.sel].id);
    kc_ui_message(ui, ROLE_OK, "Now using the profile \"%s\"", ui->app->profile.name);
    fill(s, ui);
  }
  return r;
}

static const char *profiles_title(struct kc_view *v) {
  (void)v;
  return "Profiles";
}
static const char *profiles_hints(struct kc_view *v) {
  (void)v;
  return "Enter use  n new  r rename  d delete  \xE2\x86\x91\xE2\x86\x93 move  Esc back";
}

static void profiles_destroy(struct kc_view *v) {
  struct profiles *s = (struct profiles *)v;
  kc_list_free(&s->list);
  free(s->all);
  free(s);
}

static const struct kc_view_ops profiles_ops = {.name = "profiles",
                                                .draw = profiles_draw,
                                                .handle = profiles_handle,
                                                .destroy = profiles_destroy,
                                                .title = profiles_title,
                                                .hints = profiles_hints};

struct kc_view *kc_profiles_new(struct kc_ui *ui) {
  char err[256];
  if (!kc_app_user(ui->app, err, sizeof err)) {
    kc_ui_message(ui, ROLE_WARNING, "Your data is not available: %s", err);
    return NULL;
  }
  struct profiles *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->base.ops = &profiles_ops;
  fill(s, ui);
  return &s->base;
}
