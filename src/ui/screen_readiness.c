/* The day-3 readiness checks: a "better" check-in asks the five checks of
 * return-to-running.md (a brisk walk, stairs, swelling, the strength
 * exercises, a gentle hop) one yes/no each, records every answer in the
 * user database (plan_readiness), and offers the return to running only
 * when all five pass; a failed check says what to do instead, and a hop
 * that hurts the bone is the warning sign it is (its level from the sign
 * table). Also the advice page of each check-in answer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/text.h"
#include "screen_plan.h"

struct readiness {
  struct kc_view base;
  int64_t plan_id;
  const struct kc_readiness_check *checks;
  size_t n;
  int answer[8]; /* -1 unanswered, 1 passes, 0 fails (no or not sure) */
  struct kc_cursor cur;
  int text_w;
};

static const struct kc_binding readiness_rows[] = {
    {CMD_YES, {'y', 'Y'}, "yes: this check passes", "yes", NULL},
    {CMD_NO, {'n', 'N'}, "no: it does not pass yet", "no", NULL},
    {CMD_UNSURE, {'u', 'U'}, "not sure (counts as not yet)", "not sure", NULL},
};
const struct kc_keymap kc_keys_readiness =
    KC_KEYMAP("Ready to run? (day-3 check-in)",
              "After a \"better\" check-in, five checks before any running; the return to "
              "running is offered only when all five pass.",
              readiness_rows, &kc_keys_list);

static int check_rows(void *ctx, size_t i) {
  struct readiness *r = ctx;
  return kc_wrapped_rows(r->checks[i].question, r->text_w);
}

static void readiness_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct readiness *r = (struct readiness *)v;
  kc_puts(y + (h >= 16), 2, w - 4, "Ready to run? Five checks", kc_attr(ROLE_HEADING));
  int row = y + 1 + (h >= 16);
  row += kc_put_wrapped(row, 2, 3, w - 4,
                        "Run again only when all five are true. y = yes, n = no, u = not sure.",
                        kc_attr(ROLE_NORMAL));
  char count[64];
  snprintf(count, sizeof count, "Check %zu of %zu", r->cur.sel + 1, r->n);
  kc_puts(row++, 2, w - 4, count, kc_attr(ROLE_NORMAL));
  r->text_w = w - 11;
  kc_cursor_layout(&r->cur, row, y + h - row);
  size_t end = kc_cursor_end(&r->cur);
  for (size_t i = r->cur.top; i < end; i++) {
    const char *mark = r->answer[i] < 0 ? "[ ? ]" : r->answer[i] ? "[yes]" : "[NOT]";
    int qy = kc_cursor_row(&r->cur, i);
    kc_puts(qy, 2, 6, mark, r->answer[i] == 0 ? kc_attr(ROLE_WARNING) : kc_attr(ROLE_DIM));
    kc_put_wrapped(qy, 8, y + h - qy, r->text_w, r->checks[i].question,
                   i == r->cur.sel ? kc_attr(ROLE_SELECTED) : kc_attr(ROLE_NORMAL));
  }
  if (r->cur.top > 0) kc_puts(row, w - 1, 1, kc_glyph(G_UP), kc_attr(ROLE_DIM));
  if (end < r->n) kc_puts(y + h - 1, w - 1, 1, kc_glyph(G_DOWN), kc_attr(ROLE_DIM));
}

static void finish(struct readiness *r, struct kc_ui *ui) {
  char err[256];
  struct kc_userdb *udb = kc_app_user(ui->app, err, sizeof err);
  for (size_t i = 0; i < r->n; i++)
    if (udb && kc_userdb_readiness_record(udb, r->plan_id, r->checks[i].id, r->answer[i] == 1,
                                          kc_app_now()) != KC_UDB_OK) {
      kc_ui_message(ui, ROLE_WARNING, "NOT saved: %s", kc_userdb_errmsg(udb));
      break;
    }
  ui->writes++;
  if (kc_readiness_all_pass(r->answer, r->n)) {
    kc_ui_message(ui, ROLE_OK, "All five checks pass: the return to running");
    /* The programme starts with its own safety check; where it cannot (a
     * cause it does not suit, saving off) the article still guides. */
    struct kc_view *run = kc_run_start_new(ui, r->plan_id);
    kc_ui_replace(ui, run ? run : kc_reader_new(ui, "return-to-running"));
    return;
  }
  const struct kc_wz_def *def = kc_app_wizard(ui->app, err, sizeof err);
  struct kc_strbuf md = {0};
  kc_strbuf_put(&md, "## Not ready to run yet\n\nKeep up the walking and the strength exercises, "
                     "and answer the checks again in a few days.\n\n");
  for (size_t i = 0; i < r->n; i++) {
    if (r->answer[i] == 1) continue;
    kc_strbuf_put(&md, "- **");
    kc_strbuf_put_md(&md, r->checks[i].question);
    kc_strbuf_put(&md, "** Not yet: ");
    kc_strbuf_put_md(&md, r->checks[i].if_not);
    int si = def && r->checks[i].sign_id ? kc_wz_find_sign(def, r->checks[i].sign_id) : -1;
    if (si >= 0) {
      const struct kc_wz_sign *sg = kc_wz_sign_at(def, (size_t)si);
      kc_strbuf_put(&md, " **");
      kc_strbuf_put_md(&md, kc_wz_level_title(def, sg->level));
      kc_strbuf_put(&md, ":** ");
      kc_strbuf_put_md(&md, kc_wz_level_action(def, sg->level));
    }
    kc_strbuf_put(&md, "\n");
  }
  kc_strbuf_put(&md, "\n- [Getting back to running](return-to-running)\n"
                     "- [Exercises for inner knee pain](knee-exercises)\n");
  kc_ui_replace(ui, kc_reader_new_text(ui, "Ready to run?", "From the day-3 readiness checks",
                                       kc_strbuf_str(&md)));
  kc_strbuf_free(&md);
}

static enum kc_result readiness_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                        const struct kc_event *ev) {
  struct readiness *r = (struct readiness *)v;
  switch (cmd) {
  case CMD_YES:
  case CMD_NO:
  case CMD_UNSURE: {
    r->answer[r->cur.sel] = cmd == CMD_YES;
    size_t k;
    for (k = 0; k < r->n && r->answer[k] >= 0; k++) {}
    if (k == r->n) {
      finish(r, ui);
      return V_HANDLED;
    }
    r->cur.sel = k;
    return V_HANDLED;
  }
  case CMD_MOUSE_EVENT:
    if (ev->wheel) kc_cursor_wheel(&r->cur, ev->wheel);
    if (ev->click) kc_cursor_click(&r->cur, ev->mouse_y);
    return V_HANDLED;
  case CMD_OPEN: return V_HANDLED;
  default: return kc_cursor_command(&r->cur, cmd) == KC_CUR_IGNORED ? V_IGNORED : V_HANDLED;
  }
}

static const char *readiness_title(struct kc_view *v) {
  (void)v;
  return "Ready to run?";
}

static void readiness_destroy(struct kc_view *v) { free(v); }

static const struct kc_view_ops readiness_ops = {.draw = readiness_draw,
                                                 .keys = &kc_keys_readiness,
                                                 .command = readiness_command,
                                                 .destroy = readiness_destroy,
                                                 .title = readiness_title};

struct kc_view *kc_readiness_new(struct kc_ui *ui, int64_t plan_id) {
  (void)ui;
  struct readiness *r = kc_xcalloc(1, sizeof *r);
  r->base.ops = &readiness_ops;
  r->plan_id = plan_id;
  r->checks = kc_readiness_checks(&r->n);
  if (r->n > sizeof r->answer / sizeof r->answer[0]) r->n = sizeof r->answer / sizeof r->answer[0];
  for (size_t i = 0; i < r->n; i++) r->answer[i] = -1;
  r->cur.ctx = r;
  r->cur.height = check_rows;
  r->text_w = 40;
  kc_cursor_set(&r->cur, r->n);
  return &r->base;
}

struct kc_view *kc_checkin_page(struct kc_ui *ui, enum kc_checkin answer, enum kc_level level,
                                const char *danger) {
  struct kc_checkin_advice adv;
  if (!kc_checkin_advice(answer, &adv)) return NULL;
  if (level < adv.level) level = adv.level;
  char err[256];
  const struct kc_wz_def *def = kc_app_wizard(ui->app, err, sizeof err);
  struct kc_strbuf md = {0};
  kc_strbuf_put(&md, "## ");
  kc_strbuf_put_md(&md, adv.title);
  kc_strbuf_put(&md, "\n\n**");
  kc_strbuf_put_md(&md, def ? kc_wz_level_title(def, level) : kc_level_title(level));
  if (danger) {
    kc_strbuf_put(&md, ": ");
    kc_strbuf_put_md(&md, danger);
  }
  kc_strbuf_put(&md, ".** ");
  if (def) kc_strbuf_put_md(&md, kc_wz_level_action(def, level));
  kc_strbuf_put(&md, "\n\n");
  kc_strbuf_put_md(&md, adv.advice);
  kc_strbuf_put(&md, "\n\n## Read next\n\n");
  for (int i = 0; i < adv.n_articles; i++) {
    char *t = kc_content_title(kc_app_content(ui->app), adv.articles[i]);
    kc_strbuf_put(&md, "- [");
    kc_strbuf_put_md(&md, t ? t : adv.articles[i]);
    kc_strbuf_printf(&md, "](%s)\n", adv.articles[i]);
    free(t);
  }
  struct kc_view *v =
      kc_reader_new_text(ui, "Day 3 check-in", kc_level_title(level), kc_strbuf_str(&md));
  kc_strbuf_free(&md);
  return v;
}
