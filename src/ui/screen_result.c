/* The wizard's result: a banner with the triage level (colour and words,
 * readable without colour), then a scrollable page with what to do (the
 * level's action and the signs' and causes' actions), what the warning
 * signs can mean (the dangers, before any cause from the story), why this
 * level, the story's causes with the answers for and against each (or that
 * they point to no one cause), and articles to read (links that open and
 * come back). From a self-care result, `p` starts the 3-day recovery plan. */
#include <stdlib.h>
#include <string.h>

#include "kneecare/report.h"
#include "screen_plan.h"

struct result {
  struct kc_view base;
  struct kc_view *page; /* a reader over the composed Markdown */
  enum kc_level level;
  int64_t run_id;  /* the saved check shown (0: not saved) */
  char title[128]; /* the level's words, from the content database */
  char note[256];
  int plan_kind;     /* the leading cause's plan kind (enum kc_plan_kind), 0 = ask */
  char cause_id[65]; /* the leading cause, for the plan */
};

static enum kc_role level_role(enum kc_level l) {
  return l >= KC_LEVEL_24H ? ROLE_DANGER : l == KC_LEVEL_SOON ? ROLE_WARNING : ROLE_OK;
}

static void result_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  struct result *r = (struct result *)v;
  attr_t a = kc_attr(level_role(r->level));
  char banner[160];
  snprintf(banner, sizeof banner, "%s%s", r->level >= KC_LEVEL_24H ? "!! " : "", r->title);
  kc_fill(y, 0, w, r->level >= KC_LEVEL_24H ? a : A_NORMAL);
  kc_puts(y, 2, w - 4, banner, a | A_BOLD);
  int used = 1;
  if (r->note[0]) used += kc_put_wrapped(y + 1, 2, 2, w - 4, r->note, kc_attr(ROLE_DIM));
  r->page->ops->draw(r->page, ui, y + used + 1, h - used - 1, w);
}

static const struct kc_binding result_rows[] = {
    {CMD_START_PLAN,
     {'p'},
     "start the 3-day recovery plan (self-care results)",
     "start the 3-day plan",
     NULL},
    {CMD_REPORT, {'r'}, "the report for a physio or doctor (e saves it as a file)", "report", NULL},
};
const struct kc_keymap kc_keys_result =
    KC_KEYMAP("Result",
              "The urgency, the likely causes with the answers for and against each, and "
              "articles to read; saved in Past symptom checks.",
              result_rows, &kc_keys_reader);

/* Its own commands; the rest are the page's (scrolling, links, find). */
static enum kc_result result_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                     const struct kc_event *ev) {
  struct result *r = (struct result *)v;
  if (cmd == CMD_REPORT) {
    kc_ui_push(ui, kc_report_view(ui, r->run_id));
    return V_HANDLED;
  }
  if (cmd == CMD_START_PLAN) {
    if (r->level == KC_LEVEL_SELF_CARE)
      kc_plan_open_for(ui, (enum kc_plan_kind)r->plan_kind, r->cause_id);
    else
      kc_ui_message(ui, ROLE_WARNING, "Home care is not advised with this result: %s", r->title);
    return V_HANDLED;
  }
  enum kc_result res = r->page->ops->command(r->page, ui, cmd, ev);
  return res == V_DREW ? V_HANDLED : res; /* the banner is the result's */
}

static int result_enabled(struct kc_view *v, enum kc_cmd cmd) {
  struct result *r = (struct result *)v;
  if (cmd == CMD_START_PLAN) return r->level == KC_LEVEL_SELF_CARE;
  return r->page->ops->enabled ? r->page->ops->enabled(r->page, cmd) : 1;
}

static const char *result_title(struct kc_view *v) {
  (void)v;
  return "Result";
}

static void result_destroy(struct kc_view *v) {
  struct result *r = (struct result *)v;
  if (r->page) r->page->ops->destroy(r->page);
  free(r);
}

static const struct kc_view_ops result_ops = {.draw = result_draw,
                                              .keys = &kc_keys_result,
                                              .command = result_command,
                                              .enabled = result_enabled,
                                              .destroy = result_destroy,
                                              .title = result_title};

static void put_level_lower(struct kc_strbuf *b, const char *title) {
  char t[128];
  snprintf(t, sizeof t, "%s", title);
  if (t[0] >= 'A' && t[0] <= 'Z') t[0] = (char)(t[0] - 'A' + 'a');
  kc_strbuf_put_md(b, t);
}

static void compose_actions(struct kc_strbuf *b, const struct kc_wz_def *def,
                            const struct kc_wz_result *res) {
  kc_strbuf_put(b, "## What to do now\n\n");
  kc_strbuf_put_md(b, kc_wz_level_action(def, res->level));
  kc_strbuf_put(b, "\n\n");
  for (size_t i = 0; i < res->n_actions; i++) {
    kc_strbuf_put(b, "- ");
    kc_strbuf_put_md(b, res->actions[i]);
    kc_strbuf_put(b, "\n");
  }
  if (res->n_actions) kc_strbuf_put(b, "\n");
  if (!res->complete)
    kc_strbuf_put(b, "You stopped at an answer that needs help now; the rest was not asked.\n\n");
  if (res->level == KC_LEVEL_SELF_CARE)
    kc_strbuf_put(b,
                  "Press **p** to start the 3-day recovery plan. If a warning sign appears at any "
                  "time, do not wait: see [red flags](red-flags).\n\n");
  else if (res->level >= KC_LEVEL_24H)
    kc_strbuf_put(b, "**Do not wait to see whether it settles, and do not start home care "
                     "instead.** See [red flags](red-flags).\n\n");
}

static void compose_dangers(struct kc_strbuf *b, const struct kc_wz_def *def,
                            const struct kc_wz_result *res) {
  if (!res->n_dangers) return;
  kc_strbuf_put(b, "## What your warning signs can mean\n\n");
  for (size_t i = 0; i < res->n_dangers; i++) {
    const struct kc_wz_cause *c = kc_wz_cause_at(def, res->causes[i].cause);
    const struct kc_wz_sign *s = kc_wz_sign_at(def, (size_t)res->causes[i].sign);
    kc_strbuf_put(b, "- **[");
    kc_strbuf_put_md(b, c->title);
    kc_strbuf_printf(b, "](%s)**: ", c->article_id);
    put_level_lower(b, kc_wz_level_title(def, s->level));
    kc_strbuf_put(b, ". Warning sign: ");
    kc_strbuf_put_md(b, s->statement);
    kc_strbuf_put(b, ".\n");
  }
  kc_strbuf_put(b, "\n");
}

static void compose_why(struct kc_strbuf *b, const struct kc_wz_def *def,
                        const struct kc_wz_result *res) {
  if (!res->n_why) return;
  kc_strbuf_put(b, "## Why this level\n\n");
  for (size_t i = 0; i < res->n_why; i++) {
    const struct kc_wz_why *w = &res->why[i];
    kc_strbuf_put(b, "- **");
    kc_strbuf_put_md(b, kc_wz_level_title(def, w->level));
    kc_strbuf_put(b, "**: ");
    if (w->kind == KC_WZ_WHY_SIGN) kc_strbuf_put(b, "Warning sign: ");
    if (w->kind == KC_WZ_WHY_CAUSE) kc_strbuf_put(b, "Most likely cause: ");
    kc_strbuf_put_md(b, w->text ? w->text : "");
    if (w->label) {
      kc_strbuf_put(b, ". You answered *");
      kc_strbuf_put_md(b, w->label);
      kc_strbuf_put(b, "*");
    }
    kc_strbuf_put(b, ".");
    if (w->source) {
      kc_strbuf_put(b, " (Source: ");
      kc_strbuf_put_md(b, w->source);
      kc_strbuf_put(b, ")");
    }
    kc_strbuf_put(b, "\n");
  }
  kc_strbuf_put(b, "\n");
}

static void compose_story(struct kc_strbuf *b, const struct kc_wz_def *def,
                          const struct kc_wz_result *res) {
  kc_strbuf_put(b, res->n_dangers ? "## From the rest of your story\n\n" : "## Likely causes\n\n");
  if (res->lead < 0 && res->n_causes > res->n_dangers)
    kc_strbuf_put(b, "The answers do not point clearly to one cause. A physiotherapist or GP can "
                     "examine the knee and tell the likely causes apart.\n\n");
  else if (res->n_causes == res->n_dangers)
    kc_strbuf_put(b, res->complete ? "No cause from the story stands out.\n\n"
                                   : "The story was not asked.\n\n");
  size_t shown = 0;
  for (size_t i = res->n_dangers; i < res->n_causes && shown < 6; i++, shown++) {
    const struct kc_wz_ranked *rc = &res->causes[i];
    const struct kc_wz_cause *c = kc_wz_cause_at(def, rc->cause);
    kc_strbuf_printf(b, "%zu. [", shown + 1);
    kc_strbuf_put_md(b, c->title);
    kc_strbuf_printf(b, "](%s)%s\n", c->article_id, (int)i == res->lead ? " (most likely)" : "");
    for (size_t k = 0; k < rc->n_pro && k < 4; k++) {
      kc_strbuf_put(b, "   - For: ");
      kc_strbuf_put_md(b, rc->pro[k].text);
      kc_strbuf_put(b, "\n");
    }
    for (size_t k = 0; k < rc->n_con && k < 3; k++) {
      kc_strbuf_put(b, "   - Against: ");
      kc_strbuf_put_md(b, rc->con[k].text);
      kc_strbuf_put(b, "\n");
    }
  }
}

static void compose(struct kc_strbuf *b, struct kc_ui *ui, const struct kc_wz_def *def,
                    const struct kc_wz_result *res) {
  compose_actions(b, def, res);
  compose_dangers(b, def, res);
  compose_why(b, def, res);
  compose_story(b, def, res);
  if (res->n_reads) {
    kc_strbuf_put(b, "\n## Read next\n\n");
    for (size_t i = 0; i < res->n_reads; i++) {
      char *t = kc_content_title(kc_app_content(ui->app), res->reads[i]);
      kc_strbuf_put(b, "- [");
      kc_strbuf_put_md(b, t ? t : res->reads[i]);
      kc_strbuf_printf(b, "](%s)\n", res->reads[i]);
      free(t);
    }
  }
  kc_strbuf_put(b, "\n*This is general guidance from your answers, not a diagnosis.*\n");
}

/* The page's heading: the danger first, then the story's most likely cause. */
static void heading(const struct kc_wz_def *def, const struct kc_wz_result *res, char *out,
                    size_t n) {
  if (res->n_dangers) {
    char level[128];
    const struct kc_wz_sign *s = kc_wz_sign_at(def, (size_t)res->causes[0].sign);
    snprintf(level, sizeof level, "%s", kc_wz_level_title(def, s->level));
    if (level[0] >= 'A' && level[0] <= 'Z') level[0] = (char)(level[0] - 'A' + 'a');
    snprintf(out, n, "%s: %s", kc_wz_cause_at(def, res->causes[0].cause)->title, level);
  } else if (res->lead >= 0)
    snprintf(out, n, "Most likely: %s", kc_wz_cause_at(def, res->causes[res->lead].cause)->title);
  else
    snprintf(out, n, "No one clear cause from your answers");
}

struct kc_view *kc_result_new(struct kc_ui *ui, const struct kc_wz_def *def,
                              const struct kc_wz_result *res, const char *note, int64_t run_id) {
  struct result *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->base.ops = &result_ops;
  r->level = res->level;
  r->run_id = run_id;
  if (note) snprintf(r->note, sizeof r->note, "%s", note);
  snprintf(r->title, sizeof r->title, "%s", kc_wz_level_title(def, res->level));
  if (res->lead >= 0 && (size_t)res->lead < res->n_causes) { /* the plan that fits (plan.c) */
    const struct kc_wz_cause *lc = kc_wz_cause_at(def, res->causes[res->lead].cause);
    r->plan_kind = lc->plan_kind == KC_WZ_PLAN_INJURY    ? KC_PLAN_INJURY
                   : lc->plan_kind == KC_WZ_PLAN_OVERUSE ? KC_PLAN_OVERUSE
                                                         : KC_PLAN_KIND_NONE;
    if (r->plan_kind) snprintf(r->cause_id, sizeof r->cause_id, "%s", lc->id);
  }
  struct kc_strbuf b = {0};
  compose(&b, ui, def, res);
  char head[300];
  heading(def, res, head, sizeof head);
  r->page = kc_reader_new_text(ui, head, "From your answers: general guidance, not a diagnosis",
                               kc_strbuf_str(&b));
  kc_strbuf_free(&b);
  if (!r->page) {
    free(r);
    return NULL;
  }
  return &r->base;
}

struct kc_view *kc_report_view(struct kc_ui *ui, int64_t run_id) {
  struct kc_strbuf b = {0};
  char err[512];
  if (kc_report_markdown_run(ui->app, kc_app_today(), run_id, &b, err, sizeof err) != KC_UDB_OK) {
    kc_ui_message(ui, ROLE_WARNING, "No report: %s", err);
    kc_strbuf_free(&b);
    return NULL;
  }
  struct kc_view *v = kc_reader_new_page(
      ui, "Report for a physio or doctor",
      "e saves it as a file to take or send (the command kneecare report prints it too)",
      kc_strbuf_str(&b), "report");
  kc_strbuf_free(&b);
  return v;
}
