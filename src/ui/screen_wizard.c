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

#define LEFT KC_KEY(KEY_LEFT)
#define RIGHT KC_KEY(KEY_RIGHT)
#define BKSP KC_KEY(KEY_BACKSPACE)

struct wizard {
  struct kc_view base;
  struct kc_ui *ui;
  const struct kc_wz_def *def;
  struct kc_wz_answers *answers;
  int qi;                /* current question */
  size_t cursor;         /* option under the cursor */
  int offer_stop;        /* showing "stop and see what to do now?" */
  enum kc_level offered; /* the level last offered to stop at */
  int opt_y0, opt_rows;  /* where options were drawn, for clicks */
  size_t opt_top;
  /* per option drawn: its first row (from opt_y0) and how many rows its
   * wrapped label took; 0 rows: not drawn */
  int opt_row[KC_WZ_MAX_OPTIONS], opt_n[KC_WZ_MAX_OPTIONS];
  int age_q;       /* the age question, or -1 */
  int age_note_at; /* the question that shows the remembered age, or -1 */
  char age_label[128];
};

/* The wizard's keys: the answer keys of every question (y/n/u, digits),
 * Enter to go on, Left to go back a question, Esc or q to leave. */
static const struct kc_binding wizard_rows[] = {
    {CMD_STOP_NOW,
     {'s'},
     "see what to do now (once an answer needs help now)",
     "see what to do now",
     NULL},
    {CMD_OPEN, {KC_ENTER, RIGHT, 'l'}, "choose the answer and go on", "choose", NULL},
    {CMD_TOGGLE, {' '}, "tick an option where several apply", "tick", NULL},
    {CMD_YES, {'y', 'Y'}, "yes", "answer", "y/n/u"},
    {CMD_NO, {'n', 'N'}, "no", NULL, NULL},
    {CMD_UNSURE, {'u', 'U'}, "not sure (counts as yes for a warning sign)", NULL, NULL},
    {CMD_OPTION, {'1'}, "choose option 1-9 (ticks it where several apply)", "choose", NULL},
    {CMD_CARRY_ON, {'c'}, "carry on with the questions after the offer to stop", "carry on", NULL},
    {CMD_BACK, {LEFT, 'h', BKSP, 127}, "the previous question, to change an answer", "back", NULL},
    {CMD_CLOSE,
     {27, 'q'},
     "leave (asks first; the answers are kept and the check offers to carry on next time)",
     "leave",
     NULL},
};
const struct kc_keymap kc_keys_wizard =
    KC_KEYMAP("Symptom check",
              "Warning signs first, each on its own; then what happened and how it feels. A "
              "warning sign shows a banner at once. Each answer is saved as you give it: an "
              "unfinished check offers to carry on when you open it again, and your age is "
              "remembered for the next check.",
              wizard_rows, &kc_keys_list);

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

/* "!! <level>: one of your answers needs it." on one row; a narrow screen
 * drops the explanation rather than cut the level's words (they wrap only
 * when even they do not fit). Returns the rows used. */
static int draw_banner(int y, int w, const struct kc_wz_def *def, enum kc_level level) {
  char text[160];
  snprintf(text, sizeof text, "!! %s: one of your answers needs it.",
           kc_wz_level_title(def, level));
  if ((int)kc_text_width(text, strlen(text)) > w - 2)
    snprintf(text, sizeof text, "!! %s", kc_wz_level_title(def, level));
  int rows = kc_wrapped_rows(text, w - 2);
  if (rows > 2) rows = 2;
  attr_t a = kc_attr(ROLE_DANGER);
  for (int r = 0; r < rows; r++) kc_fill(y + r, 0, w, a);
  kc_put_wrapped(y, 1, rows, w - 2, text, a | A_BOLD);
  return rows;
}

/* "Question k of n" (n: the most that can still be asked, so it never
 * grows as you go on) and, when roomy, a bar of k of n readable without
 * colour. Returns the row after it. */
static int draw_progress(const struct wizard *z, int row, int w, bool roomy) {
  char progress[160];
  size_t k = kc_wz_asked_before(z->def, z->answers, (size_t)z->qi) + 1;
  size_t n = kc_wz_count_most(z->def, z->answers, (size_t)z->qi);
  if (n < k) n = k;
  snprintf(progress, sizeof progress, "Question %zu of %zu  %s  %s", k, n, kc_glyph(G_DOT),
           kc_wz_section_title(z->def, cur(z)->section));
  kc_puts(row + roomy, 2, w - 4, progress, kc_attr(ROLE_DIM));
  if (!roomy) return row + 1;
  int bar = w - 4 > 60 ? 60 : w - 4;
  int filled = (int)((long)bar * (long)(k - 1) / (long)n);
  for (int i = 0; i < bar; i++)
    kc_puts(row + 2, 2 + i, 1, i < filled ? kc_glyph(G_BAR) : kc_glyph(G_DOT),
            kc_attr(ROLE_BULLET));
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

/* The offer to stop: wrapped whole above the last row. */
static void offer_text(const struct wizard *z, enum kc_level flag, char *out, size_t n) {
  snprintf(out, n, "%s. Enter: see what to do now (saved).  c: carry on with the questions.",
           kc_wz_level_title(z->def, flag));
}

static int bar_rows(const struct wizard *z, int w, enum kc_level flag) {
  if (!z->offer_stop) return 0;
  char text[256];
  offer_text(z, flag, text, sizeof text);
  int rows = kc_wrapped_rows(text, w - 2);
  return rows < 1 ? 1 : rows > 3 ? 3 : rows;
}

static void draw_bar(const struct wizard *z, int row, int w, enum kc_level flag) {
  int rows = bar_rows(z, w, flag);
  if (!rows) return;
  char text[256];
  offer_text(z, flag, text, sizeof text);
  for (int r = 0; r < rows; r++) kc_fill(row + r, 0, w, kc_attr(ROLE_DANGER));
  kc_put_wrapped(row, 1, rows, w - 2, text, kc_attr(ROLE_DANGER) | A_BOLD);
}

static void wizard_draw(struct kc_view *v, struct kc_ui *ui, int y, int h, int w) {
  (void)ui;
  struct wizard *z = (struct wizard *)v;
  const struct kc_wz_question *q = cur(z);
  int row = y;
  enum kc_level flag = kc_wz_flag_level(z->def, z->answers);
  if (flag >= KC_LEVEL_24H) row += draw_banner(row, w, z->def, flag);
  bool ascii = ascii_only();
  const char *const *pic = ascii ? q->picture_ascii : q->picture;
  size_t n_pic = ascii ? q->n_picture_ascii : q->n_picture;
  int text_rows = 3 + (q->kind == KC_WZ_MANY);
  /* the drawing when it fits with a few options under it */
  bool show_pic = n_pic > 0 && h - (row - y) >= (int)n_pic + text_rows + 6;
  bool roomy = h >= 18 && !show_pic; /* small terminals drop the bar and blank lines */
  row = draw_progress(z, row, w, roomy);
  if (z->qi == z->age_note_at && z->age_label[0]) {
    char note[200];
    snprintf(note, sizeof note, "Age: %s (from your last check; Left changes it)", z->age_label);
    row += kc_put_wrapped(row, 2, 2, w - 4, note, kc_attr(ROLE_DIM));
  }
  /* the question whole (options scroll under it), at most half the rows */
  int q_rows = kc_wrapped_rows(q->text, w - 4);
  if (q_rows > h / 2) q_rows = h / 2;
  row += kc_put_wrapped(row, 2, q_rows, w - 4, q->text, kc_attr(ROLE_STRONG));
  if (q->kind == KC_WZ_MANY)
    kc_puts(row++, 2, w - 4, "(choose all that apply: Space ticks, Enter goes on)",
            kc_attr(ROLE_DIM));
  row += roomy;
  for (size_t line = 0; show_pic && line < n_pic; line++)
    kc_puts(row++, 2, w - 4, pic[line], kc_attr(ROLE_NORMAL));
  row += show_pic;
  int bar = bar_rows(z, w, flag);
  draw_options(z, row, y + h - (bar ? bar + 2 : 1), w);
  draw_bar(z, y + h - 1 - bar, w, flag);
}

/* ---- the draft and the remembered age (user data; none: nothing kept) ---- */

static struct kc_userdb *user(struct kc_ui *ui) {
  char err[256];
  return ui->no_saving ? NULL : kc_app_user(ui->app, err, sizeof err);
}

/* Saves the answers so far and the question on screen, so quitting, a
 * crash or Ctrl-C keeps them. */
static void save_draft(struct wizard *z) {
  struct kc_userdb *udb = user(z->ui);
  if (!udb) return;
  char *text = kc_wz_answers_text(z->def, z->answers);
  if (text && *text)
    kc_userdb_draft_save(udb, z->ui->app->profile.id, text, cur(z)->id, time(NULL));
  free(text);
}

static void remember_age(struct wizard *z) {
  struct kc_userdb *udb = user(z->ui);
  if (!udb || z->age_q < 0) return;
  uint64_t mask = kc_wz_answers_get(z->answers, (size_t)z->age_q);
  const struct kc_wz_question *q = kc_wz_question_at(z->def, (size_t)z->age_q);
  for (size_t j = 0; j < q->n_options; j++)
    if (mask >> j & 1)
      kc_userdb_setting_set(udb, z->ui->app->profile.id, "wizard-age", q->options[j].id);
}

/* Reads "question=option[,option]" lines in order; what no longer fits the
 * questions is left out (the person answers it again). */
static void load_answers(struct wizard *z, const char *text) {
  const char *p = text;
  while (*p) {
    const char *e = strchr(p, '\n');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    char line[1024];
    if (len < sizeof line && *p != '#') {
      memcpy(line, p, len);
      line[len] = '\0';
      char *eq = strchr(line, '=');
      int qi = eq ? (*eq = '\0', kc_wz_find_question(z->def, line)) : -1;
      uint64_t mask = 0;
      for (char *tok = qi >= 0 ? strtok(eq + 1, ",") : NULL; tok; tok = strtok(NULL, ",")) {
        int oj = kc_wz_find_option(z->def, (size_t)qi, tok);
        if (oj >= 0 && oj < 64) mask |= (uint64_t)1 << oj;
      }
      if (qi >= 0 && kc_wz_is_asked(z->def, z->answers, (size_t)qi))
        kc_wz_answers_set_mask(z->answers, (size_t)qi, mask);
    }
    p += len + (e != NULL);
  }
}

/* A fresh check: the age from the last one when there is one, then the
 * first question not answered. */
static void start_fresh(struct wizard *z) {
  kc_wz_answers_reset(z->answers);
  z->age_note_at = -1;
  z->age_label[0] = '\0';
  char age[72];
  struct kc_userdb *udb = user(z->ui);
  int oj = -1;
  if (udb && z->age_q >= 0 &&
      kc_userdb_setting_get(udb, z->ui->app->profile.id, "wizard-age", age, sizeof age) ==
          KC_UDB_OK)
    oj = kc_wz_find_option(z->def, (size_t)z->age_q, age);
  int first = kc_wz_next(z->def, z->answers, -1);
  if (oj >= 0 && kc_wz_answers_set(z->answers, (size_t)z->age_q, (size_t)oj) == 0) {
    snprintf(z->age_label, sizeof z->age_label, "%s",
             kc_wz_question_at(z->def, (size_t)z->age_q)->options[oj].label);
    if (first == z->age_q) first = kc_wz_next(z->def, z->answers, z->age_q);
    z->age_note_at = first;
  }
  enter_question(z, first);
}

/* ---- answering ---------------------------------------------------------- */

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
  struct kc_view *res = kc_result_new(ui, z->def, &r, saved ? NULL : err, saved ? id : 0);
  kc_wz_result_free(&r);
  /* The result replaces the wizard: Back from it goes home. */
  if (res) kc_ui_replace(ui, res);
}

static void advance(struct wizard *z, struct kc_ui *ui) {
  const struct kc_wz_question *q = cur(z);
  if (kc_wz_answers_get(z->answers, (size_t)z->qi) == 0 && q->required) {
    kc_ui_message(ui, ROLE_WARNING,
                  q->kind == KC_WZ_MANY ? "Tick at least one (Space), then Enter"
                                        : "Choose an answer with Enter");
    return;
  }
  if (z->qi == z->age_q) remember_age(z);
  kc_wz_prune(z->def, z->answers);
  int next = kc_wz_next(z->def, z->answers, z->qi);
  enum kc_level flag = kc_wz_flag_level(z->def, z->answers);
  if (next >= 0 && kc_wz_stop_now(z->def, z->answers) && flag > z->offered) {
    /* offered once per level: going on, a more urgent answer asks again */
    z->offered = flag;
    z->offer_stop = 1;
  }
  if (next < 0) {
    finish(z, ui, false);
    return;
  }
  enter_question(z, next);
  save_draft(z);
}

static void answer(struct wizard *z, struct kc_ui *ui, size_t oj) {
  z->cursor = oj;
  if (cur(z)->kind == KC_WZ_MANY) {
    kc_wz_answers_toggle(z->answers, (size_t)z->qi, oj);
  } else {
    kc_wz_answers_set(z->answers, (size_t)z->qi, oj);
    advance(z, ui);
  }
}

static void handle_mouse(struct wizard *z, struct kc_ui *ui, const struct kc_event *ev) {
  const struct kc_wz_question *q = cur(z);
  if (ev->click) {
    int r = ev->mouse_y - z->opt_y0;
    size_t j = z->opt_top;
    while (j < q->n_options && z->opt_n[j] && r >= z->opt_row[j] + z->opt_n[j]) j++;
    if (r < 0 || j >= q->n_options || !z->opt_n[j] || r < z->opt_row[j]) return;
    answer(z, ui, j);
  } else if (ev->wheel) {
    if (ev->wheel < 0 && z->cursor > 0) z->cursor--;
    if (ev->wheel > 0 && z->cursor + 1 < q->n_options) z->cursor++;
  }
}

/* The option an answer key means: y, n and u for yes, no and not sure (the
 * warning-sign questions), 1-9 for the option of that number; -1 none. */
static int shortcut_option(const struct wizard *z, enum kc_cmd cmd, wint_t ch) {
  const struct kc_wz_question *q = cur(z);
  if (cmd == CMD_OPTION) return (int)ch - '1' < (int)q->n_options ? (int)ch - '1' : -1;
  const char *id = cmd == CMD_YES ? "yes" : cmd == CMD_NO ? "no" : KC_WZ_UNSURE;
  return kc_wz_find_option(z->def, (size_t)z->qi, id);
}

static bool is_yes_no(const struct wizard *z) {
  return kc_wz_find_option(z->def, (size_t)z->qi, "yes") >= 0;
}

static int leave_answer(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  (void)v, (void)text;
  if (yes) kc_viewstack_pop(&ui->stack);
  return 0;
}

static void ask_leave(struct wizard *z, struct kc_ui *ui) {
  kc_confirm(ui, &z->base,
             user(ui) ? "Leave the symptom check? Your answers are kept: open it again to carry on."
                      : "Leave the symptom check? Your answers will not be saved.",
             leave_answer);
}

static enum kc_result offer_command(struct wizard *z, struct kc_ui *ui, enum kc_cmd cmd) {
  if (cmd == CMD_OPEN) {
    z->offer_stop = 0;
    finish(z, ui, true);
  } else if (cmd == CMD_CARRY_ON) {
    z->offer_stop = 0;
  } else if (cmd == CMD_QUIT || cmd == CMD_HELP || cmd == CMD_REDRAW) {
    return V_IGNORED; /* any other key: the offer stays until answered */
  }
  return V_HANDLED;
}

static enum kc_result wizard_command(struct kc_view *v, struct kc_ui *ui, enum kc_cmd cmd,
                                     const struct kc_event *ev) {
  struct wizard *z = (struct wizard *)v;
  const struct kc_wz_question *q = cur(z);
  if (z->offer_stop) return offer_command(z, ui, cmd);
  switch (cmd) {
  case CMD_STOP_NOW:
    if (kc_wz_stop_now(z->def, z->answers)) finish(z, ui, true);
    return V_HANDLED;
  case CMD_YES:
  case CMD_NO:
  case CMD_UNSURE:
  case CMD_OPTION: {
    int oj = shortcut_option(z, cmd, ev->ch);
    if (oj >= 0)
      answer(z, ui, (size_t)oj);
    else
      kc_ui_message(ui, ROLE_NORMAL, is_yes_no(z) ? "Answer with y, n or u" : "Choose with 1-%zu",
                    q->n_options < 9 ? q->n_options : 9);
    return V_HANDLED;
  }
  case CMD_UP:
    if (z->cursor > 0) z->cursor--;
    return V_HANDLED;
  case CMD_DOWN:
    if (z->cursor + 1 < q->n_options) z->cursor++;
    return V_HANDLED;
  case CMD_PGUP:
  case CMD_TOP: z->cursor = 0; return V_HANDLED;
  case CMD_PGDN:
  case CMD_BOTTOM: z->cursor = q->n_options - 1; return V_HANDLED;
  case CMD_TOGGLE: kc_wz_answers_toggle(z->answers, (size_t)z->qi, z->cursor); return V_HANDLED;
  case CMD_OPEN:
    if (q->kind == KC_WZ_ONE) kc_wz_answers_set(z->answers, (size_t)z->qi, z->cursor);
    advance(z, ui);
    return V_HANDLED;
  case CMD_BACK: {
    int prev = kc_wz_prev(z->def, z->answers, z->qi);
    if (prev < 0) {
      ask_leave(z, ui);
    } else {
      enter_question(z, prev);
      save_draft(z);
    }
    return V_HANDLED;
  }
  case CMD_CLOSE: ask_leave(z, ui); return V_HANDLED;
  case CMD_MOUSE_EVENT: handle_mouse(z, ui, ev); return V_HANDLED;
  default: return V_IGNORED;
  }
}

static int wizard_enabled(struct kc_view *v, enum kc_cmd cmd) {
  struct wizard *z = (struct wizard *)v;
  if (z->offer_stop) return cmd == CMD_OPEN || cmd == CMD_CARRY_ON;
  switch (cmd) {
  case CMD_STOP_NOW: return kc_wz_stop_now(z->def, z->answers);
  case CMD_CARRY_ON: return 0;
  case CMD_TOGGLE: return cur(z)->kind == KC_WZ_MANY;
  case CMD_YES:
  case CMD_NO:
  case CMD_UNSURE: return is_yes_no(z);
  case CMD_OPTION: return !is_yes_no(z);
  case CMD_HELP: return !kc_wz_stop_now(z->def, z->answers);
  default: return 1;
  }
}

static const char *wizard_hint_word(struct kc_view *v, enum kc_cmd cmd) {
  struct wizard *z = (struct wizard *)v;
  if (cmd != CMD_OPEN) return NULL;
  if (z->offer_stop) return "see what to do now";
  return cur(z)->kind == KC_WZ_MANY ? "next" : NULL;
}

static const char *wizard_title(struct kc_view *v) {
  (void)v;
  return "Symptom check";
}

static void wizard_destroy(struct kc_view *v) {
  struct wizard *z = (struct wizard *)v;
  if (z->ui->wizard_open > 0) z->ui->wizard_open--;
  kc_wz_answers_free(z->answers);
  free(z);
}

static const struct kc_view_ops wizard_ops = {.draw = wizard_draw,
                                              .keys = &kc_keys_wizard,
                                              .command = wizard_command,
                                              .enabled = wizard_enabled,
                                              .hint_word = wizard_hint_word,
                                              .destroy = wizard_destroy,
                                              .title = wizard_title};

/* The answer to "carry on with the unfinished check?". */
static int resume_answer(struct kc_view *v, struct kc_ui *ui, int yes, const char *text) {
  (void)text;
  struct wizard *z = (struct wizard *)v;
  struct kc_userdb *udb = user(ui);
  struct kc_wizard_draft d = {0};
  if (yes && udb && kc_userdb_draft_load(udb, ui->app->profile.id, &d) == KC_UDB_OK) {
    kc_wz_answers_reset(z->answers);
    z->age_note_at = -1;
    load_answers(z, d.answers);
    kc_wz_prune(z->def, z->answers);
    int qi = kc_wz_find_question(z->def, d.question_id);
    if (qi < 0 || !kc_wz_is_asked(z->def, z->answers, (size_t)qi))
      qi = kc_wz_first_missing(z->def, z->answers);
    if (qi < 0) qi = kc_wz_next(z->def, z->answers, -1);
    enter_question(z, qi);
    kc_userdb_draft_clear(&d);
    kc_ui_message(ui, ROLE_OK, "Carrying on where you left off");
  }
  /* n: a fresh check; the draft is replaced once the first answer is given,
   * so leaving at once still offers it next time. */
  return 0;
}

struct kc_view *kc_wizard_new(struct kc_ui *ui) {
  char err[512];
  const struct kc_wz_def *def = kc_app_wizard(ui->app, err, sizeof err);
  if (!def) { /* fail closed: say so, and point to the warning signs */
    struct kc_strbuf md = {0};
    kc_strbuf_put(&md, "## The symptom check cannot be used\n\n");
    kc_strbuf_put_md(&md, err);
    kc_strbuf_put(&md,
                  "\n\nIf you have any warning sign, act on it now: read [Red flags](red-flags) "
                  "and [Emergency signs](emergency-signs).\n");
    struct kc_view *page =
        kc_reader_new_text(ui, "Symptom check", "Not available", kc_strbuf_str(&md));
    kc_strbuf_free(&md);
    return page;
  }
  struct wizard *z = kc_xcalloc(1, sizeof *z);
  z->base.ops = &wizard_ops;
  z->ui = ui;
  z->def = def;
  z->answers = kc_wz_answers_new(def);
  z->age_q = kc_wz_find_question(def, "age");
  ui->wizard_open++;
  if (kc_wz_next(def, z->answers, -1) < 0) {
    wizard_destroy(&z->base);
    kc_ui_message(ui, ROLE_WARNING, "The symptom check has no questions");
    return NULL;
  }
  start_fresh(z);
  /* An unfinished check: offer to carry on (n starts again). */
  struct kc_userdb *udb = user(ui);
  struct kc_wizard_draft d = {0};
  if (udb && kc_userdb_draft_load(udb, ui->app->profile.id, &d) == KC_UDB_OK) {
    char when[64], q[200];
    kc_fmt_time(d.saved_at, "%Y-%m-%d %H:%M", when, sizeof when);
    snprintf(q, sizeof q, "Carry on with the check you left on %s? n starts again", when);
    kc_userdb_draft_clear(&d);
    kc_confirm(ui, &z->base, q, resume_answer);
  }
  return &z->base;
}
