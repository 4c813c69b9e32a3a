/* The symptom wizard: one question per screen with its options as a list
 * (radio buttons for one answer, check boxes for several), a progress line,
 * Back to change an answer (later answers that no longer apply are
 * dropped), Esc to leave with confirmation. As soon as an answer carries an
 * urgent level, a banner says so on every following screen. The scoring is
 * core/wizard's; this file only asks and shows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/wizard_run.h"
#include "ui.h"

struct wizard {
  struct kc_view base;
  const struct kc_wz_def *def;
  struct kc_wz_answers *answers;
  int qi;        /* current question */
  size_t cursor; /* option under the cursor */
  int confirm_exit;
  int opt_y0, opt_rows; /* where options were drawn, for clicks */
  size_t opt_top;
  char hints[160];
};

static const struct kc_wz_question *cur(const struct wizard *w) {
  return kc_wz_question_at(w->def, (size_t)w->qi);
}

/* Puts the cursor on the first selected option (or the first). */
static void enter_question(struct wizard *w, int qi) {
  w->qi = qi;
  w->cursor = 0;
  w->opt_top = 0;
  uint64_t mask = kc_wz_answers_get(w->answers, (size_t)qi);
  for (size_t j = 0; j < cur(w)->n_options; j++)
    if (mask >> j & 1) {
      w->cursor = j;
      break;
    }
}

static void draw_banner(int y, int w, enum kc_level level) {
  char text[160];
  snprintf(text, sizeof text, "!! %s: one of your answers needs it.", kc_level_title(level));
  attr_t a = kc_attr(ROLE_DANGER);
  kc_fill(y, 0, w, a);
  kc_puts(y, 1, w - 2, text, a | A_BOLD);
}

static void wizard_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct wizard *z = (struct wizard *)v;
  const struct kc_wz_question *q = cur(z);
  int row = y;
  enum kc_level flag = kc_wz_flag_level(z->def, z->answers);
  if (flag >= KC_LEVEL_24H) draw_banner(row++, w, flag);

  char progress[96];
  size_t k = kc_wz_asked_before(z->def, z->answers, (size_t)z->qi) + 1;
  size_t n = kc_wz_count_asked(z->def, z->answers);
  const char *section = strcmp(q->section, KC_WZ_SECTION_RED_FLAGS) == 0 ? "Warning signs first"
                        : strcmp(q->section, "ottawa") == 0              ? "After an injury"
                                                                         : "Your story";
  snprintf(progress, sizeof progress, "Question %zu of %zu  \xC2\xB7  %s", k, n < k ? k : n,
           section);
  int roomy = h >= 18; /* small terminals drop the bar and blank lines */
  kc_puts(row + roomy, 2, w - 4, progress, kc_attr(ROLE_DIM));
  if (roomy) {
    /* A progress bar, readable without colour. */
    int bar = w - 4 > 60 ? 60 : w - 4;
    int filled = n ? (int)((long)bar * (long)(k - 1) / (long)n) : 0;
    for (int i = 0; i < bar; i++)
      kc_puts(row + 2, 2 + i, 1, i < filled ? "\xE2\x96\x88" : "\xC2\xB7", kc_attr(ROLE_BULLET));
    row += 4;
  } else {
    row += 1;
  }
  row += kc_put_wrapped(row, 2, roomy ? 4 : 3, w - 4, q->text, kc_attr(ROLE_STRONG));
  if (q->kind == KC_WZ_MANY)
    kc_puts(row++, 2, w - 4, "(choose all that apply: Space ticks, Enter goes on)",
            kc_attr(ROLE_DIM));
  row += roomy;

  int bottom = y + h - (z->confirm_exit ? 3 : 1);
  z->opt_y0 = row;
  z->opt_rows = bottom - row;
  if (z->opt_rows < 1) z->opt_rows = 1;
  if (z->cursor < z->opt_top) z->opt_top = z->cursor;
  if (z->cursor >= z->opt_top + (size_t)z->opt_rows)
    z->opt_top = z->cursor - (size_t)z->opt_rows + 1;
  uint64_t mask = kc_wz_answers_get(z->answers, (size_t)z->qi);
  for (size_t j = z->opt_top; j < q->n_options && row < bottom; j++, row++) {
    int on = (int)(mask >> j & 1);
    const char *box = q->kind == KC_WZ_MANY ? (on ? "[x] " : "[ ] ") : (on ? "(*) " : "( ) ");
    attr_t a = j == z->cursor ? kc_attr(ROLE_SELECTED) : kc_attr(ROLE_NORMAL);
    int used = kc_puts(row, 3, 4, box, a);
    kc_puts(row, 3 + used, w - 6 - used, q->options[j].label, a);
  }
  if (z->confirm_exit) {
    kc_fill(y + h - 2, 0, w, kc_attr(ROLE_WARNING) | A_REVERSE);
    kc_puts(y + h - 2, 1, w - 2, "Leave the symptom check? Your answers will not be saved. (y/n)",
            kc_attr(ROLE_WARNING) | A_REVERSE);
  }
}

static void finish(struct wizard *z, struct kc_ui *ui) {
  int missing = kc_wz_first_missing(z->def, z->answers);
  if (missing >= 0) {
    enter_question(z, missing);
    kc_ui_message(ui, ROLE_WARNING, "Please answer this question first");
    return;
  }
  struct kc_wz_result r;
  if (kc_wz_score(z->def, z->answers, &r) != 0) {
    kc_ui_message(ui, ROLE_WARNING, "Out of memory: cannot score the answers");
    return;
  }
  int64_t id = 0;
  char err[256];
  int saved = kc_wz_run_save(ui->app, z->def, z->answers, &r, &id, err, sizeof err) == KC_UDB_OK;
  struct kc_view *res = kc_result_new(ui, z->def, &r, saved ? NULL : err);
  kc_wz_result_free(&r);
  if (res) {
    /* The result replaces the wizard: Back from it goes home. */
    kc_viewstack_replace(&ui->stack, res);
  }
}

static void advance(struct wizard *z, struct kc_ui *ui) {
  const struct kc_wz_question *q = cur(z);
  if (kc_wz_answers_get(z->answers, (size_t)z->qi) == 0 && q->required) {
    kc_ui_message(ui, ROLE_WARNING,
                  q->kind == KC_WZ_MANY ? "Tick at least one (Space), then Enter"
                                        : "Choose an answer with Enter");
    return;
  }
  kc_wz_prune(z->def, z->answers);
  int next = kc_wz_next(z->def, z->answers, z->qi);
  if (next < 0)
    finish(z, ui);
  else
    enter_question(z, next);
}

static enum kc_result wizard_handle(struct kc_view *v, struct kc_ui *ui,
                                    const struct kc_event *ev) {
  struct wizard *z = (struct wizard *)v;
  const struct kc_wz_question *q = cur(z);
  if (z->confirm_exit) {
    if (!ev->is_key && (ev->ch == 'y' || ev->ch == 'Y')) return V_POP;
    z->confirm_exit = 0;
    return V_HANDLED;
  }
  switch (ev->action) {
  case ACT_UP:
    if (z->cursor > 0) z->cursor--;
    return V_HANDLED;
  case ACT_DOWN:
    if (z->cursor + 1 < q->n_options) z->cursor++;
    return V_HANDLED;
  case ACT_HOME: z->cursor = 0; return V_HANDLED;
  case ACT_END: z->cursor = q->n_options - 1; return V_HANDLED;
  case ACT_TOGGLE: kc_wz_answers_toggle(z->answers, (size_t)z->qi, z->cursor); return V_HANDLED;
  case ACT_OPEN:
  case ACT_RIGHT:
    if (q->kind == KC_WZ_ONE) kc_wz_answers_set(z->answers, (size_t)z->qi, z->cursor);
    advance(z, ui);
    return V_HANDLED;
  case ACT_LEFT:
  case ACT_BACK:
    if (ev->ch == 27) {
      z->confirm_exit = 1;
      return V_HANDLED;
    }
    {
      int prev = kc_wz_prev(z->def, z->answers, z->qi);
      if (prev >= 0)
        enter_question(z, prev);
      else
        z->confirm_exit = 1;
    }
    return V_HANDLED;
  case ACT_QUIT: z->confirm_exit = 1; return V_HANDLED;
  case ACT_MOUSE:
    if (ev->click) {
      int r = ev->mouse_y - z->opt_y0;
      size_t j = z->opt_top + (size_t)r;
      if (r >= 0 && r < z->opt_rows && j < q->n_options) {
        z->cursor = j;
        if (q->kind == KC_WZ_ONE) {
          kc_wz_answers_set(z->answers, (size_t)z->qi, j);
          advance(z, ui);
        } else {
          kc_wz_answers_toggle(z->answers, (size_t)z->qi, j);
        }
      }
    } else if (ev->wheel) {
      if (ev->wheel < 0 && z->cursor > 0) z->cursor--;
      if (ev->wheel > 0 && z->cursor + 1 < q->n_options) z->cursor++;
    }
    return V_HANDLED;
  default: return V_IGNORED;
  }
}

static const char *wizard_title(struct kc_view *v) {
  (void)v;
  return "Symptom check";
}

static const char *wizard_hints(struct kc_view *v) {
  struct wizard *z = (struct wizard *)v;
  return cur(z)->kind == KC_WZ_MANY
             ? "\xE2\x86\x91\xE2\x86\x93 move  Space tick  Enter next  Left back  Esc leave  ? help"
             : "\xE2\x86\x91\xE2\x86\x93 move  Enter choose  Left back  Esc leave  / search  ? "
               "help";
}

static void wizard_destroy(struct kc_view *v) {
  struct wizard *z = (struct wizard *)v;
  kc_wz_answers_free(z->answers);
  free(z);
}

static const struct kc_view_ops wizard_ops = {.draw = wizard_draw,
                                              .handle = wizard_handle,
                                              .destroy = wizard_destroy,
                                              .title = wizard_title,
                                              .hints = wizard_hints};

struct kc_view *kc_wizard_new(struct kc_ui *ui) {
  char err[512];
  const struct kc_wz_def *def = kc_app_wizard(ui->app, err, sizeof err);
  if (!def) {
    kc_ui_message(ui, ROLE_WARNING, "%s", err);
    return NULL;
  }
  struct wizard *z = calloc(1, sizeof *z);
  if (!z) return NULL;
  z->base.ops = &wizard_ops;
  z->def = def;
  z->answers = kc_wz_answers_new(def);
  int first = z->answers ? kc_wz_next(def, z->answers, -1) : -1;
  if (first < 0) {
    wizard_destroy(&z->base);
    kc_ui_message(ui, ROLE_WARNING, "The symptom check has no questions");
    return NULL;
  }
  enter_question(z, first);
  return &z->base;
}
