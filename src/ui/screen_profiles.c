/* Profiles: list, switch (Enter), create (n), rename (r), delete (d, with
 * confirmation; removes that profile's data only). Names are any UTF-8 up
 * to 64 characters; the store refuses empty names and control characters
 * and says why. */
#include <stdlib.h>
#include <string.h>

#include "ui.h"

struct profiles {
  struct kc_view base;
  struct kc_list list;
  struct kc_profile *all;
  int n;
  int picker; /* chosen at start: Enter uses the profile and goes on */
};

static const struct kc_binding profiles_rows[] = {
    {CMD_OPEN,
     {'\r', KC_KEY(KEY_ENTER), KC_KEY(KEY_RIGHT), 'l'},
     "use the selected profile",
     "use",
     NULL},
    {CMD_NEW, {'n'}, "new profile", "new", NULL},
    {CMD_RENAME, {'r'}, "rename the selected profile", "rename", NULL},
    {CMD_DELETE, {'d'}, "delete the selected profile and its data (asks first)", "delete", NULL},
};
const struct kc_keymap kc_keys_profiles =
    KC_KEYMAP("Profiles", "Each profile keeps its own plans, pain scores and symptom checks.",
              profiles_rows, &kc_keys_list);

static struct kc_userdb *udb_of(struct kc_ui *ui) {
  char err[256];
  return kc_app_user(ui->app, err, sizeof err);
}

static void fill(struct profiles *s, struct kc_ui *ui) {
  struct kc_userdb *udb = udb_of(ui);
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
  if (s->picker) /* the one in use (the last chosen) is selected */
    for (int i = 0; i < s->n; i++)
      if (s->all[i].id == ui->app->profile.id) s->list.sel = (size_t)i;
}

static void profiles_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct profiles *s = (struct profiles *)v;
  kc_puts(y + 1, 2, w - 4, s->picker ? "Who is using the guide?" : "Profiles",
          kc_attr(ROLE_HEADING));
  int about = kc_put_wrapped(y + 2, 2, 2, w - 4, kc_keys_profiles.about, kc_attr(ROLE_SAFETY));
  kc_list_draw(&s->list, y + 3 + about, h - 3 - about, w);
}

static const struct kc_profile *selected(struct profiles *s) {
  return s->list.sel < (size_t)s->n ? &s->all[s->list.sel] : NULL;
}

static int name_done(struct kc_view *v, struct kc_ui *ui, int yes, const char *text, int rename) {
  struct profiles *s = (struct profiles *)v;
  struct kc_userdb *udb = udb_of(ui);
  char err[256];
  if (!yes || !udb) return 0;
  if (!kc_profile_name_check(text, err, sizeof err)) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return 1; /* ask again */
  }
  int rc;
  if (!rename) {
    struct kc_profile p;
    rc = kc_userdb_profile_create(udb, text, kc_app_now(), &p);
    if (rc == KC_UDB_OK) kc_ui_message(ui, ROLE_OK, "Profile created; Enter switches to it");
  } else {
    const struct kc_profile *p = selected(s);
    rc = p ? kc_userdb_profile_rename(udb, p->id, text) : KC_UDB_ENOTFOUND;
    if (rc == KC_UDB_OK && p->id == ui->app->profile.id)
      kc_app_switch_profile(ui->app, ui->app->profile.id);
    if (rc == KC_UDB_OK) kc_ui_message(ui, ROLE_OK, "Renamed");
  }
  if (rc != KC_UDB_OK) kc_ui_message(ui, ROLE_WARNING, "%s", kc_userdb_errmsg(udb));
  fill(s, ui);
  return 0;
}

static int new_done(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  return name_done(v, ui, yes, text, 0);
}

static int rename_done(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  return name_done(v, ui, yes, text, 1);
}

static int delete_done(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  (void)text;
  struct profiles *s = (struct profiles *)v;
  struct kc_userdb *udb = udb_of(ui);
  const struct kc_profile *p = selected(s);
  if (!yes || !udb || !p) return 0;
  if (kc_userdb_profile_delete(udb, p->id) == KC_UDB_OK)
    kc_ui_message(ui, ROLE_OK, "Profile deleted");
  else
    kc_ui_message(ui, ROLE_WARNING, "%s", kc_userdb_errmsg(udb));
  fill(s, ui);
  return 0;
}

static void ask_delete(struct profiles *s, struct kc_ui *ui) {
  const struct kc_profile *p = selected(s);
  if (!p) return;
  if (p->id == ui->app->profile.id) { /* say so now, not after asking */
    kc_ui_message(ui, ROLE_WARNING, "Switch to another profile before deleting this one");
    return;
  }
  char q[320];
  snprintf(q, sizeof q, "Delete \"%s\" and all its data?", p->name);
  kc_confirm(ui, &s->base, q, delete_done);
}

static enum kc_result profiles_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                       const struct kc_event *ev) {
  struct profiles *s = (struct profiles *)v;
  const struct kc_profile *p = selected(s);
  switch (cmd) {
  case CMD_NEW: kc_prompt(ui, v, "New profile name:", NULL, 64, new_done); return V_HANDLED;
  case CMD_RENAME:
    if (p) kc_prompt(ui, v, "Rename to:", p->name, 64, rename_done);
    return V_HANDLED;
  case CMD_DELETE: ask_delete(s, ui); return V_HANDLED;
  default: break;
  }
  int act;
  enum kc_result r = kc_list_command(&s->list, cmd, ev, &act);
  if (act && (p = selected(s))) {
    kc_app_switch_profile(ui->app, p->id);
    kc_ui_message(ui, ROLE_OK, "Now using the profile \"%s\"", ui->app->profile.name);
    if (s->picker) return V_POP;
    fill(s, ui);
  }
  return r;
}

static const char *profiles_title(struct kc_view *v) {
  (void)v;
  return "Profiles";
}

static void profiles_destroy(struct kc_view *v) {
  struct profiles *s = (struct profiles *)v;
  kc_list_free(&s->list);
  free(s->all);
  free(s);
}

static const struct kc_view_ops profiles_ops = {.draw = profiles_draw,
                                                .keys = &kc_keys_profiles,
                                                .command = profiles_command,
                                                .destroy = profiles_destroy,
                                                .title = profiles_title};

struct kc_view *kc_profiles_new(struct kc_ui *ui) {
  char err[256];
  if (!kc_app_user(ui->app, err, sizeof err)) {
    kc_ui_message(ui, ROLE_WARNING, "Your data is not available: %s", err);
    return NULL;
  }
  struct profiles *s = kc_xcalloc(1, sizeof *s);
  s->base.ops = &profiles_ops;
  fill(s, ui);
  return &s->base;
}

struct kc_view *kc_profiles_pick(struct kc_ui *ui) {
  struct profiles *s = (struct profiles *)kc_profiles_new(ui);
  if (!s) return NULL;
  s->picker = 1;
  fill(s, ui);
  return &s->base;
}
