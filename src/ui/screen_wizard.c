/* The symptom wizard: one question per screen with its options as a list
 * (radio buttons for one answer, check boxes for several), a progress line,
 * Back to change an answer (later answers that no longer apply are
 * dropped), Esc to leave with confirmation. As soon as an answer carries an
 * urgent level, a banner says so on every following screen; as soon as one
 * needs help now (the engine's "stop now"), the screen offers to stop and
 * show what to do, and asks the rest only if the person chooses to go on.
 * A question with a drawing (where it hurts) shows it above its options,
 * in ASCII where the terminal's locale is not UTF-8. The scoring is
 * core/wizard's; this file only asks and shows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kneecare/text.h"
#include "kneecare/wizard_run.h"
#include "ui.h"

struct wizard {
  struct kc_view base;
  const struct kc_wz_def *def;
  struct kc_wz_answers *answers;
  int qi;        /* current question */
  size_t cursor; /* option under the cursor */
  int confirm_exit;
  int offer_stop;        /* showing "stop and see what to do now?" */
  enum kc_level offered; /* the level last offered to stop at */
  int opt_y0, opt_rows;  /* where options were drawn, for clicks */
  size_t opt_top;
  /* per option drawn: its first row (from opt_y0) and how many rows its
   * wrapped label took; 0 rows: not drawn */
  int opt_row[KC_WZ_MAX_OPTIONS], opt_n[KC_WZ_MAX_OPTIONS];
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

/* Box-drawing characters need a UTF-8 locale; the guide forces one for its
 * own text, so ask the environment what the terminal was set up for. */
static bool ascii_only(void) {
  const char *vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
  for (size_t i = 0; i < 3; i++) {
    const char *v = getenv(vars[i]);
    if (v && *v) return !(strstr(v, "UTF-8") || strstr(v, "utf8") || strstr(v, "UTF8"));
  }
  return true;
}

static void draw_banner(int y, int w, const struct kc_wz_def *def, enum kc_level level) {
  char text[160];
  snprintf(text, sizeof text, "!! %s: one of your answers needs it.",
           kc_wz_level_title(def, level));
  attr_t a = kc_attr(ROLE_DANGER);
  kc_fill(y, 0, w, a);
  kc_puts(y, 1, w - 2, text, a | A_BOLD);
}

/* "Question k of n" and, when roomy, a bar readable without colour.
 * Returns the row after it. */
static int draw_progress(const struct wizard *z, int row, int w, bool roomy) {
  char progress[96];
  size_t k = kc_wz_asked_before(z->def, z->answers, (size_t)z->qi) + 1;
  size_t n = kc_wz_count_asked(z->def, z->answers);
  snprintf(progress, sizeof progress, "Question %zu of %zu  \xC2\xB7  %s", k, n < k ? k : n,
           kc_wz_section_title(z->def, cur(z)->section));
  kc_puts(row + roomy, 2, w - 4, progress, kc_attr(ROLE_DIM));
  if (!roomy) return row + 1;
  int bar = w - 4 > 60 ? 60 : w - 4;
  /* by place in the question list, not k of n: n grows when an answer
   * opens more questions, and the bar must never move back as you go on */
  size_t total = kc_wz_question_count(z->def);
  int filled = total ? (int)((long)bar * (long)z->qi / (long)total) : 0;
  for (int i = 0; i < bar; i++)
    kc_puts(row + 2, 2 + i, 1, i < filled ? "\xE2\x96\x88" : "\xC2\xB7", kc_attr(ROLE_BULLET));
  return row + 4;
}

/* A label wraps onto at most this many rows (long options stay whole at
 * 80 columns). */
#define OPT_MAX_ROWS 3

static int label_rows(const char *s, int w) {
  size_t len = strlen(s), pos = 0, ll;
  int rows = 0;
  while (pos < len && rows < OPT_MAX_ROWS) {
    size_t next = kc_wrap_next(s + pos, len - pos, (size_t)(w < 1 ? 1 : w), &ll);
    rows++;
    if (next == 0) break;
    pos += next;
  }
  return rows ? rows : 1;
}

/* The options from `row` down to `bottom`, scrolled so the cursor's option
 * is whole on screen; long labels wrap under themselves. */
static void draw_options(struct wizard *z, int row, int bottom, int w) {
  const struct kc_wz_question *q = cur(z);
  int avail = bottom - row < 1 ? 1 : bottom - row, lw = w - 10 < 1 ? 1 : w - 10;
  if (z->cursor < z->opt_top) z->opt_top = z->cursor;
  for (;;) {
    int used = 0;
    for (size_t j = z->opt_top; j <= z->cursor && j < q->n_options; j++)
      used += label_rows(q->options[j].label, lw);
    if (used <= avail || z->opt_top >= z->cursor) break;
    z->opt_top++;
  }
  memset(z->opt_n, 0, sizeof z->opt_n);
  z->opt_y0 = row;
  uint64_t mask = kc_wz_answers_get(z->answers, (size_t)z->qi);
  for (size_t j = z->opt_top; j < q->n_options && row < bottom; j++) {
    int on = (int)(mask >> j & 1);
    const char *box = q->kind == KC_WZ_MANY ? (on ? "[x] " : "[ ] ") : (on ? "(*) " : "( ) ");
    attr_t a = j == z->cursor ? kc_attr(ROLE_SELECTED) : kc_attr(ROLE_NORMAL);
    kc_puts(row, 3, 4, box, a);
    int rows = label_rows(q->options[j].label, lw);
    if (rows > bottom - row) rows = bottom - row;
    z->opt_row[j] = row - z->opt_y0;
    z->opt_n[j] = kc_put_wrapped(row, 7, rows, lw, q->options[j].label, a);
    row += z->opt_n[j];
  }
  z->opt_rows = row - z->opt_y0;
}

/* The leave confirmation or the offer to stop, on the second-last row. */
static void draw_bar(const struct wizard *z, int row, int w, enum kc_level flag) {
  if (z->confirm_exit) {
    kc_fill(row, 0, w, kc_attr(ROLE_WARNING) | A_REVERSE);
    kc_puts(row, 1, w - 2, "Leave the symptom check? Your answers will not be saved. (y/n)",
            kc_attr(ROLE_WARNING) | A_REVERSE);
  } else if (z->offer_stop) {
    char text[256];
    snprintf(text, sizeof text,
             "%s. Enter: see what to do now (saved).  c: carry on with the questions.",
             kc_wz_level_title(z->def, flag));
    kc_fill(row, 0, w, kc_attr(ROLE_DANGER));
    kc_puts(row, 1, w - 2, text, kc_attr(ROLE_DANGER) | A_BOLD);
  }
}

static void wizard_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct wizard *z = (struct wizard *)v;
  const struct kc_wz_question *q = cur(z);
  int row = y;
  enum kc_level flag = kc_wz_flag_level(z->def, z->answers);
  if (flag >= KC_LEVEL_24H) draw_banner(row++, w, z->def, flag);
  bool ascii = ascii_only();
  const char *const *pic = ascii ? q->picture_ascii : q->picture;
  size_t n_pic = ascii ? q->n_picture_ascii : q->n_picture;
  int text_rows = 3 + (q->kind == KC_WZ_MANY);
  /* the drawing when it fits with a few options under it */
  bool show_pic = n_pic > 0 && h - (row - y) >= (int)n_pic + text_rows + 6;
  bool roomy = h >= 18 && !show_pic; /* small terminals drop the bar and blank lines */
  row = draw_progress(z, row, w, roomy);
  row += kc_put_wrapped(row, 2, roomy ? 4 : 3, w - 4, q->text, kc_attr(ROLE_STRONG));
  if (q->kind == KC_WZ_MANY)
    kc_puts(row++, 2, w - 4, "(choose all that apply: Space ticks, Enter goes on)",
            kc_attr(ROLE_DIM));
  row += roomy;
  for (size_t line = 0; show_pic && line < n_pic; line++)
    kc_puts(row++, 2, w - 4, pic[line], kc_attr(ROLE_NORMAL));
  row += show_pic;
  draw_options(z, row, y + h - (z->confirm_exit || z->offer_stop ? 3 : 1), w);
  draw_bar(z, y + h - 2, w, flag);
}

/* Scores, saves and shows the result; `stopped`: the person chose to see
 * what to do now rather than answer the rest. */
static void finish(struct wizard *z, struct kc_ui *ui, bool stopped) {
  int missing = stopped ? -1 : kc_wz_first_missing(z->def, z->answers);
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
  enum kc_level flag = kc_wz_flag_level(z->def, z->answers);
  if (next >= 0 && kc_wz_stop_now(z->def, z->answers) && flag > z->offered) {
    /* offered once per level: going on, a more urgent answer asks again */
    z->offered = flag;
    z->offer_stop = 1;
  }
  if (next < 0)
    finish(z, ui, false);
  else
    enter_question(z, next);
}

/* The leave confirmation and the offer to stop take the next key. */
static bool handle_bar(struct wizard *z, struct kc_ui *ui, const struct kc_event *ev,
                       enum kc_result *out) {
  *out = V_HANDLED;
  if (z->confirm_exit) {
    if (!ev->is_key && (ev->ch == 'y' || ev->ch == 'Y')) *out = V_POP;
    z->confirm_exit = 0;
    return true;
  }
  if (!z->offer_stop) return false;
  if (ev->action == ACT_OPEN) {
    z->offer_stop = 0;
    finish(z, ui, true);
  } else if (!ev->is_key && (ev->ch == 'c' || ev->ch == 'C')) {
    z->offer_stop = 0; /* any other key: the offer stays until answered */
  }
  return true;
}

static void handle_mouse(struct wizard *z, struct kc_ui *ui, const struct kc_event *ev) {
  const struct kc_wz_question *q = cur(z);
  if (ev->click) {
    int r = ev->mouse_y - z->opt_y0;
    size_t j = z->opt_top;
    while (j < q->n_options && z->opt_n[j] && r >= z->opt_row[j] + z->opt_n[j]) j++;
    if (r < 0 || j >= q->n_options || !z->opt_n[j] || r < z->opt_row[j]) return;
    z->cursor = j;
    if (q->kind == KC_WZ_ONE) {
      kc_wz_answers_set(z->answers, (size_t)z->qi, j);
      advance(z, ui);
    } else {
      kc_wz_answers_toggle(z->answers, (size_t)z->qi, j);
    }
  } else if (ev->wheel) {
    if (ev->wheel < 0 && z->cursor > 0) z->cursor--;
    if (ev->wheel > 0 && z->cursor + 1 < q->n_options) z->cursor++;
  }
}

/* The option a letter or digit answers: y, n and u for yes, no and not
 * sure (the warning-sign questions), 1-9 for the option of that number;
 * -1 for none. */
static int shortcut_option(const struct wizard *z, int ch) {
  const struct kc_wz_question *q = cur(z);
  if (ch >= '1' && ch <= '9') return ch - '1' < (int)q->n_options ? ch - '1' : -1;
  const char *id = ch == 'y' ? "yes" : ch == 'n' ? "no" : ch == 'u' ? KC_WZ_UNSURE : NULL;
  return id ? kc_wz_find_option(z->def, (size_t)z->qi, id) : -1;
}

/* Left and Backspace go back a question (the first one asks to leave);
 * Esc and q ask to leave. */
static void go_back(struct wizard *z, const struct kc_event *ev) {
  int prev = ev->ch == 27 ? -1 : kc_wz_prev(z->def, z->answers, z->qi);
  if (prev >= 0)
    enter_question(z, prev);
  else
    z->confirm_exit = 1;
}

static enum kc_result wizard_handle(struct kc_view *v, struct kc_ui *ui,
                                    const struct kc_event *ev) {
  struct wizard *z = (struct wizard *)v;
  const struct kc_wz_question *q = cur(z);
  enum kc_result res;
  if (handle_bar(z, ui, ev, &res)) return res;
  /* Once an answer needs help now, "s" shows what to do at any question. */
  if (!ev->is_key && ev->ch == 's' && kc_wz_stop_now(z->def, z->answers)) {
    finish(z, ui, true);
    return V_HANDLED;
  }
  int oj = ev->is_key ? -1 : shortcut_option(z, ev->ch);
  if (oj >= 0) { /* a one-option question is answered at once; a many ticks */
    z->cursor = (size_t)oj;
    if (q->kind == KC_WZ_MANY) {
      kc_wz_answers_toggle(z->answers, (size_t)z->qi, z->cursor);
    } else {
      kc_wz_answers_set(z->answers, (size_t)z->qi, z->cursor);
      advance(z, ui);
    }
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
  case ACT_BACK: go_back(z, ev); return V_HANDLED;
  case ACT_QUIT: z->confirm_exit = 1; return V_HANDLED;
  case ACT_MOUSE: handle_mouse(z, ui, ev); return V_HANDLED;
  default: return V_IGNORED;
  }
}

static const char *wizard_title(struct kc_view *v) {
  (void)v;
  return "Symptom check";
}

static const char *wizard_hints(struct kc_view *v) {
  struct wizard *z = (struct wizard *)v;
  if (z->offer_stop) return "Enter see what to do now  c carry on";
  bool many = cur(z)->kind == KC_WZ_MANY;
  bool yes_no = kc_wz_find_option(z->def, (size_t)z->qi, "yes") >= 0;
  snprintf(z->hints, sizeof z->hints, "%s%s%s  Left back  Esc leave%s",
           kc_wz_stop_now(z->def, z->answers) ? "s see what to do now  " : "",
           yes_no ? "y/n/u answer  " : "1-9 choose  ",
           many ? "Space tick  Enter next" : "Enter choose",
           kc_wz_stop_now(z->def, z->answers) ? "" : "  ? help");
  return z->hints;
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
