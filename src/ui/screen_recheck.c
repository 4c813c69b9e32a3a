/* The daily red-flag re-check of a recovery plan: at the first visit of
 * each calendar day, the warning signs marked recheck in the sign table are
 * asked again (the wizard's red-flag question for the sign, or else its
 * statement), one yes/no per line. Any "yes" (or "not sure") stops the
 * self-care path at once and shows the advice for the sign's level and the
 * danger it names, whatever the plan day. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/day.h"
#include "kneecare/text.h"
#include "ui.h"

struct recheck {
  struct kc_view base;
  int64_t plan_id;
  const struct kc_wz_def *def;
  size_t *si;  /* warning sign per line */
  int *answer; /* -1 unanswered, 0 no, 1 yes (or not sure) */
  size_t n, cur;
};

/* The sign's own red-flag question, or its statement. */
static const char *line_text(const struct recheck *r, size_t i) {
  int qi = kc_wz_sign_question(r->def, r->si[i]);
  const struct kc_wz_question *q = qi >= 0 ? kc_wz_question_at(r->def, (size_t)qi) : NULL;
  return q && strcmp(q->section, KC_WZ_SECTION_RED_FLAGS) == 0
             ? q->text
             : kc_wz_sign_at(r->def, r->si[i])->statement;
}

/* Rows line i takes when drawn at width w (at most 3). */
static int line_rows(const struct recheck *r, size_t i, int w) {
  const char *t = line_text(r, i);
  size_t len = strlen(t), pos = 0, ll;
  int rows = 0;
  while (pos < len && rows < 3) {
    size_t next = kc_wrap_next(t + pos, len - pos, (size_t)(w < 1 ? 1 : w), &ll);
    rows++;
    if (next == 0) break;
    pos += next;
  }
  return rows ? rows : 1;
}

static void recheck_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct recheck *r = (struct recheck *)v;
  kc_puts(y + 1, 2, w - 4, "Today's safety check", kc_attr(ROLE_HEADING));
  int row = y + 2;
  row += kc_put_wrapped(row, 2, 3, w - 4,
                        "Before today's checklist: is any of these true today? Any yes means home "
                        "care is not enough. y = yes, n = no, u = not sure.",
                        kc_attr(ROLE_DIM));
  char count[64];
  snprintf(count, sizeof count, "Question %zu of %zu", r->cur + 1, r->n);
  kc_puts(row++, 2, w - 4, count, kc_attr(ROLE_DIM));
  row++;
  /* Every sign marked recheck is asked (17 or so): the list is shown a
   * page at a time, the page holding the question being answered. Pages,
   * not a line-by-line scroll: a whole new page is redrawn, never scrolled
   * by the terminal (a scroll region with a saved cursor, which some
   * terminals restore on exit with the cursor hidden). */
  size_t first = 0;
  for (;;) {
    size_t i = first;
    int used = 0;
    while (i < r->n && (used += line_rows(r, i, w - 10)) <= y + h - row) i++;
    if (i == first) i++; /* a line taller than the page still gets a page */
    if (r->cur < i || i >= r->n) break;
    first = i;
  }
  for (size_t i = first; i < r->n && row < y + h; i++) {
    const char *mark = r->answer[i] < 0 ? "[ ? ]" : r->answer[i] ? "[YES]" : "[ no]";
    attr_t a = i == r->cur ? kc_attr(ROLE_SELECTED) : kc_attr(ROLE_NORMAL);
    kc_puts(row, 2, 6, mark, r->answer[i] > 0 ? kc_attr(ROLE_DANGER) : kc_attr(ROLE_DIM));
    row += kc_put_wrapped(row, 8, 3, w - 10, line_text(r, i), a);
  }
}

/* Level of a "yes" to line i: its sign's. */
static enum kc_level yes_level(const struct recheck *r, size_t i) {
  return kc_wz_sign_at(r->def, r->si[i])->level;
}

static void finish(struct recheck *r, struct kc_ui *ui) {
  struct kc_redflag_answer *ans = calloc(r->n, sizeof *ans);
  struct kc_sb text = {0};
  for (size_t i = 0; ans && i < r->n; i++) {
    ans[i].level = yes_level(r, i);
    ans[i].yes = r->answer[i] > 0;
    kc_sb_printf(&text, "%s=%s\n", kc_wz_sign_at(r->def, r->si[i])->id, ans[i].yes ? "yes" : "no");
  }
  enum kc_level level = ans ? kc_redflag_recheck(ans, r->n) : KC_LEVEL_SOON;
  /* the danger of the most urgent sign answered yes */
  const char *danger = NULL;
  enum kc_level top = KC_LEVEL_NONE;
  for (size_t i = 0; ans && i < r->n; i++)
    if (ans[i].yes && ans[i].level > top) {
      top = ans[i].level;
      danger = kc_wz_cause_at(r->def, kc_wz_sign_at(r->def, r->si[i])->cause)->title;
    }
  free(ans);
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (udb && kc_userdb_redflag_record(udb, r->plan_id, kc_app_today(), kc_app_now(), level,
                                      kc_sb_str(&text)) != KC_UDB_OK)
    kc_ui_message(ui, ROLE_WARNING, "Not saved: %s", kc_userdb_errmsg(udb));
  ui->writes++;
  kc_sb_free(&text);
  if (kc_redflag_stops_plan(level)) {
    struct kc_sb md = {0};
    kc_sb_put(&md, "## Stop home care\n\n**One of your answers is a warning sign");
    if (danger) {
      kc_sb_put(&md, ": ");
      kc_sb_put_md(&md, danger);
    }
    kc_sb_put(&md, ".** ");
    kc_sb_put_md(&md, kc_wz_level_action(r->def, level));
    kc_sb_put(&md, "\n\nThe 3-day plan's self-care path has stopped. Do not wait for day 3.\n\n"
                   "- [Red flags](red-flags)\n- [Emergency signs](emergency-signs)\n");
    struct kc_view *adv = kc_reader_new_text(ui, kc_wz_level_title(r->def, level),
                                             "From today's safety check", kc_sb_str(&md));
    kc_sb_free(&md);
    if (adv) kc_viewstack_replace(&ui->stack, adv);
    return;
  }
  kc_viewstack_pop(&ui->stack); /* back to the checklist */
}

static enum kc_result recheck_handle(struct kc_view *v, struct kc_ui *ui,
                                     const struct kc_event *ev) {
  struct recheck *r = (struct recheck *)v;
  if (!ev->is_key && (ev->ch == 'y' || ev->ch == 'n' || ev->ch == 'u' || ev->ch == 'Y' ||
                      ev->ch == 'N' || ev->ch == 'U')) {
    r->answer[r->cur] = !(ev->ch == 'n' || ev->ch == 'N');
    /* Move to the next unanswered line; finish when all are answered. */
    size_t k;
    for (k = 0; k < r->n && r->answer[k] >= 0; k++) {}
    if (k == r->n) {
      finish(r, ui);
      return V_HANDLED;
    }
    r->cur = k;
    return V_HANDLED;
  }
  switch (ev->action) {
  case ACT_UP:
    if (r->cur > 0) r->cur--;
    return V_HANDLED;
  case ACT_DOWN:
    if (r->cur + 1 < r->n) r->cur++;
    return V_HANDLED;
  case ACT_BACK:
  case ACT_LEFT:
    /* The checklist is not shown before the check is answered. */
    kc_viewstack_pop(&ui->stack); /* this view */
    return V_POP;                 /* and the checklist under it */
  default: return V_IGNORED;
  }
}

static const char *recheck_title(struct kc_view *v) {
  (void)v;
  return "Safety check";
}
static const char *recheck_hints(struct kc_view *v) {
  (void)v;
  return "y yes  n no  u not sure  \xE2\x86\x91\xE2\x86\x93 move  Esc leave";
}

static void recheck_destroy(struct kc_view *v) {
  struct recheck *r = (struct recheck *)v;
  free(r->si);
  free(r->answer);
  free(r);
}

static const struct kc_view_ops recheck_ops = {.name = "recheck",
                                               .draw = recheck_draw,
                                               .handle = recheck_handle,
                                               .destroy = recheck_destroy,
                                               .title = recheck_title,
                                               .hints = recheck_hints};

struct kc_view *kc_recheck_new(struct kc_ui *ui, int64_t plan_id) {
  char err[512];
  const struct kc_wz_def *def = kc_app_wizard(ui->app, err, sizeof err);
  size_t n_signs = kc_wz_sign_count(def);
  if (!def || n_signs == 0) return NULL;
  struct recheck *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->base.ops = &recheck_ops;
  r->plan_id = plan_id;
  r->def = def;
  r->si = calloc(n_signs, sizeof *r->si);
  r->answer = calloc(n_signs, sizeof *r->answer);
  if (!r->si || !r->answer) {
    recheck_destroy(&r->base);
    return NULL;
  }
  for (size_t i = 0; i < n_signs; i++) {
    if (!kc_wz_sign_at(def, i)->recheck) continue;
    r->si[r->n] = i;
    r->answer[r->n] = -1;
    r->n++;
  }
  if (r->n == 0) {
    recheck_destroy(&r->base);
    return NULL;
  }
  return &r->base;
}
