/* The profile's saved wizard runs, newest first. Opening one re-reads its
 * answers and shows the result page again (scored by today's guide, never
 * less urgent than the level saved; a note says when they differ). A run
 * from an earlier question set opens as saved: its level, its causes and
 * its answers as written. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kneecare/text.h"
#include "kneecare/wizard_run.h"
#include "ui.h"

static const struct kc_binding history_rows[] = {
    {CMD_OPEN,
     {'\r', KC_KEY(KEY_ENTER), KC_KEY(KEY_RIGHT), 'l'},
     "show that check's result again",
     "open",
     NULL},
    {CMD_DELETE, {'d', KC_KEY(KEY_DC)}, "delete the selected check (asks first)", "delete", NULL},
    {CMD_REPORT,
     {'r'},
     "the report of the selected check for a physio or doctor (e saves it)",
     "report",
     NULL},
};
const struct kc_keymap kc_keys_history =
    KC_KEYMAP("Past symptom checks", NULL, history_rows, &kc_keys_list);

struct history {
  struct kc_view base;
  struct kc_list list;
  struct kc_wizard_run *runs;
  int n;
};

static void history_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct history *s = (struct history *)v;
  kc_puts(y + 1, 2, w - 4, "Your symptom checks", kc_attr(ROLE_HEADING));
  if (s->n == 0) {
    kc_put_wrapped(y + 3, 2, 3, w - 4,
                   "No saved symptom checks yet. Run the symptom check from the home menu; "
                   "each completed check is saved here.",
                   kc_attr(ROLE_DIM));
    return;
  }
  kc_list_draw(&s->list, y + 3, h - 3, w);
}

/* A run whose answers no longer fit the questions: what was saved. */
static void open_as_saved(struct kc_ui *ui, const struct kc_wz_def *def,
                          const struct kc_wizard_run *run) {
  struct kc_strbuf md = {0};
  kc_strbuf_put(&md, "## What to do now\n\n");
  kc_strbuf_put_md(&md, kc_wz_level_action(def, run->level));
  kc_strbuf_put(&md, "\n\nThis check was saved by an earlier version of the guide, whose questions "
                     "have changed since; it is shown as saved.\n\n## Causes, as saved\n\n");
  struct kc_run_cause causes[16];
  int n = kc_run_causes(run->causes, causes, 16);
  if (n == 0) kc_strbuf_put(&md, "None stood out.\n");
  for (int i = 0; i < n; i++) {
    kc_strbuf_printf(&md, "%d. ", i + 1);
    kc_strbuf_put_md(&md, causes[i].title);
    kc_strbuf_put(&md, "\n");
  }
  kc_strbuf_put(&md, "\n## Answers, as saved\n\n");
  char *safe = kc_text_sanitize_dup(run->answers, strlen(run->answers), 1);
  for (char *line = safe ? strtok(safe, "\n") : NULL; line; line = strtok(NULL, "\n")) {
    kc_strbuf_put(&md, "- ");
    kc_strbuf_put_md(&md, line);
    kc_strbuf_put(&md, "\n");
  }
  free(safe);
  struct kc_view *v = kc_reader_new_text(ui, kc_wz_level_title(def, run->level),
                                         "A saved symptom check", kc_strbuf_str(&md));
  kc_strbuf_free(&md);
  if (v) kc_ui_push(ui, v);
}

static void open_run(struct history *s, struct kc_ui *ui) {
  const struct kc_wizard_run *run = &s->runs[s->list.sel];
  char err[512];
  const struct kc_wz_def *def = kc_app_wizard(ui->app, err, sizeof err);
  if (!def) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return;
  }
  struct kc_wz_answers *a = kc_wz_answers_new(def);
  if (kc_wz_parse_answers(def, run->answers, strlen(run->answers), a, err, sizeof err) != 0) {
    open_as_saved(ui, def, run);
    kc_wz_answers_free(a);
    return;
  }
  struct kc_wz_result r;
  if (kc_wz_score(def, a, &r) == 0) {
    char when[64], note[200];
    kc_fmt_time(run->at, "%Y-%m-%d %H:%M", when, sizeof when);
    if (r.level != run->level)
      snprintf(note, sizeof note,
               "Saved %s with the level \"%s\"; scored again by this version "
               "of the guide.",
               when, kc_wz_level_title(def, run->level));
    else
      snprintf(note, sizeof note, "Saved %s.", when);
    if (r.level < run->level) r.level = run->level; /* never less urgent than saved */
    kc_ui_push(ui, kc_result_new(ui, def, &r, note, run->id));
    kc_wz_result_free(&r);
  }
  kc_wz_answers_free(a);
}

static void fill(struct history *s, struct kc_ui *ui);

static int delete_answer(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  (void)text;
  struct history *s = (struct history *)v;
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (!yes || !udb || s->list.sel >= (size_t)s->n) return 0;
  size_t sel = s->list.sel;
  if (kc_userdb_wizard_delete(udb, ui->app->profile.id, s->runs[sel].id) != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "Could not delete it: %s", kc_userdb_errmsg(udb));
    return 0;
  }
  fill(s, ui);
  if (s->n > 0) {
    s->list.cur.sel = sel < (size_t)s->n ? sel : (size_t)s->n - 1;
    s->list.sel = s->list.cur.sel;
  }
  kc_ui_message(ui, ROLE_OK, "Deleted that symptom check");
  return 0;
}

static enum kc_result history_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                      const struct kc_event *ev) {
  struct history *s = (struct history *)v;
  if (cmd == CMD_REPORT) {
    /* the selected check's report */
    kc_ui_push(ui, kc_report_view(ui, s->list.sel < (size_t)s->n ? s->runs[s->list.sel].id : 0));
    return V_HANDLED;
  }
  if (cmd == CMD_DELETE) {
    if (s->list.sel >= (size_t)s->n) return V_HANDLED;
    char when[64], q[200];
    kc_fmt_time(s->runs[s->list.sel].at, "%Y-%m-%d %H:%M", when, sizeof when);
    snprintf(q, sizeof q, "Delete the symptom check of %s? It cannot be undone.", when);
    kc_confirm(ui, v, q, delete_answer);
    return V_HANDLED;
  }
  int act;
  enum kc_result r = kc_list_command(&s->list, cmd, ev, &act);
  if (act && s->list.sel < (size_t)s->n) open_run(s, ui);
  return act ? V_HANDLED : r;
}

static int history_enabled(struct kc_view *v, enum kc_cmd cmd) {
  struct history *s = (struct history *)v;
  return cmd == CMD_OPEN || cmd == CMD_DELETE ? s->n > 0 : 1;
}

static const char *history_title(struct kc_view *v) {
  (void)v;
  return "History";
}

static void history_destroy(struct kc_view *v) {
  struct history *s = (struct history *)v;
  kc_list_free(&s->list);
  kc_userdb_wizard_runs_free(s->runs, s->n);
  free(s);
}

static const struct kc_view_ops history_ops = {.draw = history_draw,
                                               .keys = &kc_keys_history,
                                               .command = history_command,
                                               .enabled = history_enabled,
                                               .destroy = history_destroy,
                                               .title = history_title};

/* (Re)reads the runs into the list. */
static void fill(struct history *s, struct kc_ui *ui) {
  char err[512];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  kc_list_clear(&s->list);
  kc_userdb_wizard_runs_free(s->runs, s->n);
  s->runs = NULL;
  s->n = 0;
  if (!udb) return;
  const struct kc_wz_def *def = kc_app_wizard(ui->app, err, sizeof err); /* NULL: built-in words */
  if (kc_userdb_wizard_list(udb, ui->app->profile.id, 0, &s->runs, &s->n) != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "%s", kc_userdb_errmsg(udb));
    s->runs = NULL;
    s->n = 0;
  }
  for (int i = 0; i < s->n; i++) {
    char when[64], text[700];
    kc_fmt_time(s->runs[i].at, "%Y-%m-%d %H:%M", when, sizeof when);
    struct kc_run_cause top;
    const char *title =
        kc_run_causes(s->runs[i].causes, &top, 1) == 1 ? top.title : "no clear cause";
    snprintf(text, sizeof text, "%s  %-28s  %s", when, kc_wz_level_title(def, s->runs[i].level),
             title);
    kc_list_add(&s->list, text, NULL, s->runs[i].level >= KC_LEVEL_24H ? ROLE_WARNING : -1, 0);
  }
  kc_list_select_first(&s->list);
}

struct kc_view *kc_history_new(struct kc_ui *ui) {
  char err[512];
  if (!kc_app_user(ui->app, err, sizeof err)) {
    kc_ui_message(ui, ROLE_WARNING, "Your saved data is not available: %s", err);
    return NULL;
  }
  struct history *s = kc_xcalloc(1, sizeof *s);
  s->base.ops = &history_ops;
  fill(s, ui);
  return &s->base;
}
