/* The wizard's result: a banner with the triage level (colour and words,
 * readable without colour), then a scrollable page with what to do, why
 * this level, the likely causes with the answers for and against each, and
 * articles to read (links that open and come back). From a self-care
 * result, `p` starts the 3-day recovery plan. */
#include <stdlib.h>
#include <string.h>

#include "ui.h"

struct result {
  struct kc_view base;
  struct kc_view *page; /* a reader over the composed Markdown */
  enum kc_level level;
  char note[256];
};

static enum kc_role level_role(enum kc_level l) {
  return l >= KC_LEVEL_24H ? ROLE_DANGER : l == KC_LEVEL_SOON ? ROLE_WARNING : ROLE_OK;
}

static void result_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  struct result *r = (struct result *)v;
  attr_t a = kc_attr(level_role(r->level));
  char banner[160];
  snprintf(banner, sizeof banner, "%s%s", r->level >= KC_LEVEL_24H ? "!! " : "",
           kc_level_title(r->level));
  kc_fill(y, 0, w, r->level >= KC_LEVEL_24H ? a : A_NORMAL);
  kc_puts(y, 2, w - 4, banner, a | A_BOLD);
  int used = 1;
  if (r->note[0]) used += kc_put_wrapped(y + 1, 2, 2, w - 4, r->note, kc_attr(ROLE_DIM));
  r->page->ops->draw(r->page, ui, y + used + 1, h - used - 1, w);
}

static enum kc_result result_handle(struct kc_view *v, struct kc_ui *ui,
                                    const struct kc_event *ev) {
  struct result *r = (struct result *)v;
  if (!ev->is_key && ev->ch == 'p' && r->level == KC_LEVEL_SELF_CARE) {
    kc_plan_open(ui);
    return V_HANDLED;
  }
  return r->page->ops->handle(r->page, ui, ev);
}

static const char *result_title(struct kc_view *v) {
  (void)v;
  return "Result";
}

static const char *result_hints(struct kc_view *v) {
  struct result *r = (struct result *)v;
  return r->level == KC_LEVEL_SELF_CARE
             ? "p start the 3-day plan  \xE2\x86\x91\xE2\x86\x93 scroll  Tab link  Enter open  Esc "
               "back"
             : "\xE2\x86\x91\xE2\x86\x93 scroll  Tab link  Enter open  Esc back  ? help";
}

static void result_destroy(struct kc_view *v) {
  struct result *r = (struct result *)v;
  if (r->page) r->page->ops->destroy(r->page);
  free(r);
}

static const struct kc_view_ops result_ops = {.draw = result_draw,
                                              .handle = result_handle,
                                              .destroy = result_destroy,
                                              .title = result_title,
                                              .hints = result_hints};

static void compose(struct kc_sb *b, struct kc_ui *ui, const struct kc_wz_def *def,
                    const struct kc_wz_result *res) {
  kc_sb_put(b, "## What to do now\n\n");
  kc_sb_put_md(b, kc_level_advice(res->level));
  kc_sb_put(b, "\n\n");
  if (res->level == KC_LEVEL_SELF_CARE)
    kc_sb_put(b, "Press **p** to start the 3-day recovery plan (rest, ice, compression, "
                 "elevation). If a warning sign appears at any time, do not wait: see "
                 "[red flags](red-flags).\n\n");
  else if (res->level >= KC_LEVEL_24H)
    kc_sb_put(b, "**Do not wait to see whether it settles, and do not start home care "
                 "instead.** See [emergency signs](emergency-signs).\n\n");
  if (res->n_why) {
    kc_sb_put(b, "## Why this level\n\n");
    for (size_t i = 0; i < res->n_why; i++) {
      const struct kc_wz_why *w = &res->why[i];
      kc_sb_put(b, "- **");
      kc_sb_put_md(b, kc_level_title(w->level));
      kc_sb_put(b, "**: ");
      kc_sb_put_md(b, w->text ? w->text : "");
      if (w->label) {
        kc_sb_put(b, " You answered *");
        kc_sb_put_md(b, w->label);
        kc_sb_put(b, "*.");
      }
      if (w->source) {
        kc_sb_put(b, " (Source: ");
        kc_sb_put_md(b, w->source);
        kc_sb_put(b, ")");
      }
      kc_sb_put(b, "\n");
    }
    kc_sb_put(b, "\n");
  }
  kc_sb_put(b, "## Likely causes\n\n");
  if (res->n_causes == 0)
    kc_sb_put(b, "Your answers do not point clearly to one cause. That is a reason to have "
                 "the knee looked at by a physiotherapist or GP.\n\n");
  for (size_t i = 0; i < res->n_causes && i < 6; i++) {
    const struct kc_wz_ranked *rc = &res->causes[i];
    const struct kc_wz_cause *c = kc_wz_cause_at(def, rc->cause);
    kc_sb_printf(b, "%zu. [", i + 1);
    kc_sb_put_md(b, c->title);
    kc_sb_printf(b, "](%s) (score %d)\n", c->article_id, rc->score);
    for (size_t k = 0; k < rc->n_pro && k < 4; k++) {
      kc_sb_put(b, "   - For: ");
      kc_sb_put_md(b, rc->pro[k].text);
      kc_sb_put(b, "\n");
    }
    for (size_t k = 0; k < rc->n_con && k < 3; k++) {
      kc_sb_put(b, "   - Against: ");
      kc_sb_put_md(b, rc->con[k].text);
      kc_sb_put(b, "\n");
    }
  }
  if (res->n_reads) {
    kc_sb_put(b, "\n## Read next\n\n");
    for (size_t i = 0; i < res->n_reads; i++) {
      char *t = kc_content_title(kc_app_content(ui->app), res->reads[i]);
      kc_sb_put(b, "- [");
      kc_sb_put_md(b, t ? t : res->reads[i]);
      kc_sb_printf(b, "](%s)\n", res->reads[i]);
      free(t);
    }
  }
  kc_sb_put(b, "\n*This is general guidance from your answers, not a diagnosis.*\n");
}

struct kc_view *kc_result_new(struct kc_ui *ui, const struct kc_wz_def *def,
                              const struct kc_wz_result *res, const char *note) {
  struct result *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->base.ops = &result_ops;
  r->level = res->level;
  if (note) snprintf(r->note, sizeof r->note, "%s", note);
  struct kc_sb b = {0};
  compose(&b, ui, def, res);
  char head[200];
  snprintf(head, sizeof head, "Most likely: %s",
           res->n_causes ? kc_wz_cause_at(def, res->causes[0].cause)->title
                         : "no clear cause from your answers");
  r->page = kc_reader_new_text(ui, head, "From your answers: general guidance, not a diagnosis",
                               kc_sb_str(&b));
  kc_sb_free(&b);
  if (!r->page) {
    free(r);
    return NULL;
  }
  return &r->base;
}
