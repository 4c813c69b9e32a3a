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
#include "screen_plan.h"

struct recheck {
  struct kc_view base;
  int64_t plan_id;
  const struct kc_wz_def *def;
  size_t *si;  /* warning sign per line */
  int *answer; /* -1 unanswered, 0 no, 1 yes (or not sure) */
  size_t n;
  struct kc_cursor cur; /* each question as many rows as it wraps to */
  int text_w;
  int worse;          /* asked for a day-3 "worse" answer */
  const char *failed; /* the signs could not be loaded: why (fail closed) */
};

static const struct kc_binding recheck_rows[] = {
    {CMD_YES, {'y', 'Y'}, "yes", "yes", NULL},
    {CMD_NO, {'n', 'N'}, "no", "no", NULL},
    {CMD_UNSURE, {'u', 'U'}, "not sure (counts as yes)", "not sure", NULL},
    {CMD_OPEN,
     {'\r', KC_KEY(KEY_ENTER)},
     "read the red flags (when the safety questions cannot be loaded)",
     "red flags",
     NULL},
};
const struct kc_keymap kc_keys_recheck =
    KC_KEYMAP("Today's safety check",
              "Before the day's checklist, the warning signs are asked again; any yes (or not "
              "sure) stops home care. Esc leaves without the checklist.",
              recheck_rows, &kc_keys_list);

/* The sign's own red-flag question, or its statement. */
static const char *line_text(const struct recheck *r, size_t i) {
  int qi = kc_wz_sign_question(r->def, r->si[i]);
  const struct kc_wz_question *q = qi >= 0 ? kc_wz_question_at(r->def, (size_t)qi) : NULL;
  return q && strcmp(q->section, KC_WZ_SECTION_RED_FLAGS) == 0
             ? q->text
             : kc_wz_sign_at(r->def, r->si[i])->statement;
}

static int question_rows(void *ctx, size_t i) {
  struct recheck *r = ctx;
  return kc_wrapped_rows(line_text(r, i), r->text_w);
}

static const char failed_text[] =
    "!! The safety questions could not be loaded, so today's check cannot be done and the "
    "checklist stays closed. Before you carry on with home care, read the red flags: press "
    "Enter. Any one of them means home care is not enough.";

static void recheck_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct recheck *r = (struct recheck *)v;
  kc_puts(y + (h >= 16), 2, w - 4,
          r->worse ? "Worse: the warning signs again" : "Today's safety check",
          kc_attr(ROLE_HEADING));
  int row = y + 1 + (h >= 16);
  if (r->failed) {
    row += kc_put_wrapped(row, 2, y + h - row, w - 4, failed_text, kc_attr(ROLE_DANGER) | A_BOLD);
    if (row < y + h)
      kc_put_wrapped(row + 1, 2, y + h - row - 1, w - 4, r->failed, kc_attr(ROLE_DIM));
    return;
  }
  /* The whole introduction is drawn, never cut. When the selected question
   * would not fit below it (40x12 and a long question), its sentence
   * gives way first, then the keys line: whole paragraphs, never half a
   * sentence, and they come back on the next question that leaves room.
   * Narrow windows get three-column marks from column 1 so the longest
   * question (9 rows at 40 columns otherwise) fits in the 8 rows of 40x12,
   * one column clear of the scroll marks. */
  int narrow = w < 60, mark_x = narrow ? 1 : 2, mark_w = narrow ? 3 : 5;
  r->text_w = w - (mark_x + mark_w + 1) - (narrow ? 2 : 3);
  const char *sentence = r->worse ? "Is any of these true now? Any yes changes what to do."
                                  : "Is any of these true today? Any yes means home care is "
                                    "not enough.";
  const char *keys = "y = yes, n = no, u = not sure.";
  int srows = kc_wrapped_rows(sentence, w - 4), krows = kc_wrapped_rows(keys, w - 4);
  int qrows = r->n ? question_rows(r, r->cur.sel) : 0;
  int room = y + h - row - 1; /* below the question count */
  int show_keys = krows + qrows <= room, show_sentence = srows + krows + qrows <= room;
  if (show_sentence) row += kc_put_wrapped(row, 2, srows, w - 4, sentence, kc_attr(ROLE_SAFETY));
  if (show_keys) row += kc_put_wrapped(row, 2, krows, w - 4, keys, kc_attr(ROLE_SAFETY));
  char count[64];
  snprintf(count, sizeof count, "Question %zu of %zu", r->cur.sel + 1, r->n);
  kc_puts(row++, 2, w - 4, count, kc_attr(ROLE_NORMAL));
  kc_cursor_layout(&r->cur, row, y + h - row);
  size_t end = kc_cursor_end(&r->cur);
  for (size_t i = r->cur.top; i < end; i++) {
    const char *mark = r->answer[i] < 0 ? (narrow ? " ? " : "[ ? ]")
                       : r->answer[i]   ? (narrow ? "YES" : "[YES]")
                                        : (narrow ? " no" : "[ no]");
    attr_t a = i == r->cur.sel ? kc_attr(ROLE_SELECTED) : kc_attr(ROLE_NORMAL);
    int qy = kc_cursor_row(&r->cur, i);
    kc_puts(qy, mark_x, mark_w, mark, r->answer[i] > 0 ? kc_attr(ROLE_DANGER) : kc_attr(ROLE_DIM));
    kc_put_wrapped(qy, mark_x + mark_w + 1, y + h - qy, r->text_w, line_text(r, i), a);
  }
  if (r->cur.top > 0) kc_puts(row, w - 1, 1, kc_glyph(G_UP), kc_attr(ROLE_DIM));
  if (end < r->n) kc_puts(y + h - 1, w - 1, 1, kc_glyph(G_DOWN), kc_attr(ROLE_DIM));
}

/* Level of a "yes" to line i: its sign's. */
static enum kc_level yes_level(const struct recheck *r, size_t i) {
  return kc_wz_sign_at(r->def, r->si[i])->level;
}

static void finish(struct recheck *r, struct kc_ui *ui) {
  struct kc_redflag_answer *ans = kc_xcalloc(r->n, sizeof *ans);
  struct kc_strbuf text = {0};
  for (size_t i = 0; i < r->n; i++) {
    ans[i].level = yes_level(r, i);
    ans[i].yes = r->answer[i] > 0;
    kc_strbuf_printf(&text, "%s=%s\n", kc_wz_sign_at(r->def, r->si[i])->id,
                     ans[i].yes ? "yes" : "no");
  }
  enum kc_level level = kc_redflag_recheck(ans, r->n);
  /* the danger of the most urgent sign answered yes */
  const char *danger = NULL, *action = NULL;
  enum kc_level top = KC_LEVEL_NONE;
  for (size_t i = 0; i < r->n; i++)
    if (ans[i].yes && ans[i].level > top) {
      const struct kc_wz_sign *sg = kc_wz_sign_at(r->def, r->si[i]);
      top = ans[i].level;
      danger = kc_wz_cause_at(r->def, sg->cause)->title;
      action = sg->action && *sg->action ? sg->action : NULL;
    }
  free(ans);
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  if (udb && kc_userdb_redflag_record(udb, r->plan_id, kc_app_today(), kc_app_now(), level,
                                      kc_strbuf_str(&text)) != KC_UDB_OK)
    kc_ui_message(ui, ROLE_WARNING, "Not saved: %s", kc_userdb_errmsg(udb));
  if (r->worse && udb &&
      kc_userdb_plan_checkin_worse(udb, r->plan_id, level, kc_strbuf_str(&text), kc_app_now()) !=
          KC_UDB_OK)
    kc_ui_message(ui, ROLE_WARNING, "Check-in NOT saved: %s", kc_userdb_errmsg(udb));
  ui->writes++;
  kc_strbuf_free(&text);
  if (r->worse && !kc_redflag_stops_plan(level)) {
    kc_ui_replace(ui, kc_checkin_page(ui, KC_CHECKIN_WORSE, KC_LEVEL_24H, NULL));
    return;
  }
  if (kc_redflag_stops_plan(level)) {
    struct kc_strbuf md = {0};
    kc_strbuf_put(&md, "## Stop home care\n\n**One of your answers is a warning sign");
    if (danger) {
      kc_strbuf_put(&md, ": ");
      kc_strbuf_put_md(&md, danger);
    }
    kc_strbuf_put(&md, ".** ");
    kc_strbuf_put_md(&md, kc_wz_level_action(r->def, level));
    if (action) {
      kc_strbuf_put(&md, " ");
      kc_strbuf_put_md(&md, action);
    }
    kc_strbuf_put(&md, "\n\nHome care has stopped: the plan's tasks and the ice timer are turned "
                       "off. Do not wait for day 3.\n\n"
                       "- [Red flags](red-flags)\n- [Emergency signs](emergency-signs)\n");
    struct kc_view *adv = kc_reader_new_text(ui, kc_wz_level_title(r->def, level),
                                             "From today's safety check", kc_strbuf_str(&md));
    kc_strbuf_free(&md);
    kc_ui_replace(ui, adv);
    return;
  }
  kc_viewstack_pop(&ui->stack); /* back to the checklist */
}

static enum kc_result recheck_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                      const struct kc_event *ev) {
  struct recheck *r = (struct recheck *)v;
  if (r->failed) {
    if (cmd == CMD_OPEN || cmd == CMD_TOGGLE) {
      kc_ui_push(ui, kc_reader_new(ui, "red-flags"));
      return V_HANDLED;
    }
    if (cmd != CMD_BACK && cmd != CMD_CLOSE) return V_IGNORED;
  }
  switch (cmd) {
  case CMD_YES:
  case CMD_NO:
  case CMD_UNSURE: {
    r->answer[r->cur.sel] = cmd != CMD_NO;
    /* Move to the next unanswered line; finish when all are answered. */
    size_t k;
    for (k = 0; k < r->n && r->answer[k] >= 0; k++) {}
    if (k == r->n) {
      finish(r, ui);
      return V_HANDLED;
    }
    r->cur.sel = k;
    return V_HANDLED;
  }
  case CMD_BACK:
  case CMD_CLOSE:
    /* The checklist is not shown before the check is answered (for a
     * "worse" answer the checklist stays: nothing was recorded). */
    if (r->worse) return V_POP;
    kc_viewstack_pop(&ui->stack); /* this view */
    return V_POP;                 /* and the checklist under it */
  case CMD_MOUSE_EVENT:
    if (ev->wheel) kc_cursor_wheel(&r->cur, ev->wheel);
    if (ev->click) kc_cursor_click(&r->cur, ev->mouse_y);
    return V_HANDLED;
  case CMD_OPEN: return V_HANDLED;
  default: return kc_cursor_command(&r->cur, cmd) == KC_CUR_IGNORED ? V_IGNORED : V_HANDLED;
  }
}

static const char *recheck_title(struct kc_view *v) {
  (void)v;
  return "Safety check";
}

static void recheck_destroy(struct kc_view *v) {
  struct recheck *r = (struct recheck *)v;
  free(r->si);
  free(r->answer);
  free(r);
}

/* The hints offer the answers, or, when the questions cannot be loaded,
 * only the way to the red flags. */
static int recheck_enabled(struct kc_view *v, enum kc_cmd cmd) {
  const struct recheck *r = (const struct recheck *)v;
  if (cmd == CMD_OPEN) return r->failed != NULL;
  if (cmd == CMD_YES || cmd == CMD_NO || cmd == CMD_UNSURE) return r->failed == NULL;
  return 1;
}

static const struct kc_view_ops recheck_ops = {.draw = recheck_draw,
                                               .enabled = recheck_enabled,
                                               .keys = &kc_keys_recheck,
                                               .command = recheck_command,
                                               .destroy = recheck_destroy,
                                               .title = recheck_title};

struct kc_view *kc_recheck_new(struct kc_ui *ui, int64_t plan_id) {
  return kc_recheck_new_mode(ui, plan_id, 0);
}

struct kc_view *kc_recheck_new_mode(struct kc_ui *ui, int64_t plan_id, int worse) {
  static char why[512];
  const struct kc_wz_def *def = kc_app_wizard(ui->app, why, sizeof why);
  struct recheck *r = kc_xcalloc(1, sizeof *r);
  r->base.ops = &recheck_ops;
  r->plan_id = plan_id;
  r->def = def;
  r->worse = worse;
  char reason[256];
  /* Fail closed (security review F5): signs that cannot be loaded, none
   * marked recheck, or one without a level or danger block the checklist
   * with a message instead of passing the check. */
  if (kc_recheck_signs(def, &r->si, &r->n, reason, sizeof reason) != 0) {
    if (def)
      snprintf(why, sizeof why, "%s", reason);
    else if (!why[0])
      snprintf(why, sizeof why, "%s", reason);
    r->failed = why;
  }
  r->answer = kc_xcalloc(r->n + 1, sizeof *r->answer);
  for (size_t i = 0; i < r->n; i++) r->answer[i] = -1;
  r->cur.ctx = r;
  r->cur.height = question_rows;
  r->text_w = 40;
  kc_cursor_set(&r->cur, r->n);
  return &r->base;
}
