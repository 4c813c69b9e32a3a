/* The one line editor (every prompt and the search field) and the one
 * question helper: a yes/no confirmation or a one-line prompt drawn over
 * the bottom of the screen that asked it, answered by y/n or Enter/Esc,
 * then handed to the asking screen's callback. The loop routes every key to
 * an open question first (ncdu's quit_draw, one dialog for every
 * confirmation). A prompt's limit is shown when it is reached, so a long
 * paste is cut visibly, not silently. */
#include <string.h>

#include "kneecare/text.h"
#include "ui.h"

void kc_line_set(struct kc_line *l, const char *text, size_t max_chars) {
  memset(l, 0, sizeof *l);
  l->max_chars = max_chars ? max_chars : 200;
  if (text) l->len = kc_text_sanitize(text, strlen(text), l->buf, sizeof l->buf, 0);
}

static void erase_char(struct kc_line *l) {
  if (l->len == 0) return;
  size_t i = l->len - 1;
  while (i > 0 && ((unsigned char)l->buf[i] & 0xC0) == 0x80) i--;
  l->len = i;
  l->buf[i] = '\0';
}

enum kc_line_result kc_line_insert(struct kc_line *l, wint_t ch) {
  if (ch > 0x10FFFF || !kc_cp_displayable((uint32_t)ch)) return KC_LINE_SAME;
  char enc[4];
  size_t m = kc_utf8_encode((uint32_t)ch, enc);
  if (kc_utf8_count(l->buf, l->len) >= l->max_chars || l->len + m >= sizeof l->buf) {
    l->full = 1;
    return KC_LINE_SAME;
  }
  memcpy(l->buf + l->len, enc, m);
  l->len += m;
  l->buf[l->len] = '\0';
  return KC_LINE_CHANGED;
}

enum kc_line_result kc_line_key(struct kc_line *l, const struct kc_event *ev) {
  int key = ev->is_key ? KC_KEY((int)ev->ch) : (int)ev->ch;
  size_t before = l->len;
  switch (kc_keymap_lookup(&kc_keys_prompt, key)) {
  case CMD_OPEN: return KC_LINE_ENTER;
  case CMD_BACK: return KC_LINE_CANCEL;
  case CMD_CLEAR:
    l->len = 0;
    l->buf[0] = '\0';
    break;
  case CMD_DELETE_WORD:
    while (l->len && l->buf[l->len - 1] == ' ') erase_char(l);
    while (l->len && l->buf[l->len - 1] != ' ') erase_char(l);
    break;
  case CMD_DELETE: erase_char(l); break;
  default:
    if (ev->is_key || ev->ch < 0x20) return KC_LINE_SAME;
    return kc_line_insert(l, ev->ch);
  }
  if (l->len < before) l->full = 0;
  return l->len != before ? KC_LINE_CHANGED : KC_LINE_SAME;
}

int kc_line_draw(const struct kc_line *l, int y, int x, int w) {
  attr_t a = kc_attr(ROLE_INPUT);
  char note[48] = "";
  if (l->full) snprintf(note, sizeof note, " (limit: %zu characters)", l->max_chars);
  int nw = (int)strlen(note);
  int avail = w - nw - 1;
  if (avail < 4) avail = w - 1, nw = 0;
  const char *s = l->buf;
  /* Keep the end (the typing position) visible. */
  while (*s && kc_text_width(s, strlen(s)) > (size_t)avail) {
    uint32_t cp;
    s += kc_utf8_decode(s, strlen(s), &cp);
  }
  kc_fill(y, x, avail + 1, a);
  int used = kc_puts(y, x, avail, s, a);
  kc_puts(y, x + used, 1, "_", a | A_BOLD);
  if (nw) kc_puts(y, x + avail + 1, nw, note, kc_attr(ROLE_WARNING));
  return avail + 1 + nw;
}

static void open_modal(struct kc_ui *ui, struct kc_view *owner, const char *question,
                       kc_answer_fn done, int is_prompt) {
  struct kc_modal *m = &ui->modal;
  m->active = 1;
  m->is_prompt = is_prompt;
  m->owner = owner;
  m->host = kc_viewstack_top(&ui->stack); /* the screen a page inside it belongs to */
  if (!m->host) m->host = owner;
  m->done = done;
  snprintf(m->question, sizeof m->question, "%s", question);
}

void kc_confirm(struct kc_ui *ui, struct kc_view *owner, const char *question, kc_answer_fn done) {
  open_modal(ui, owner, question, done, 0);
}

void kc_prompt(struct kc_ui *ui, struct kc_view *owner, const char *question, const char *initial,
               size_t max_chars, kc_answer_fn done) {
  open_modal(ui, owner, question, done, 1);
  kc_line_set(&ui->modal.line, initial, max_chars);
}

/* A prompt's question shares the row with the answer while it fits in
 * half the width; a longer one (the pain slot question at 40 columns)
 * takes its own rows above the answer, wrapped whole, never cut. Returns
 * the question's own rows (0: on the answer's row). */
static int prompt_question_rows(const struct kc_modal *m, int w) {
  if ((int)kc_text_width(m->question, strlen(m->question)) <= w / 2) return 0;
  int rows = kc_wrapped_rows(m->question, w - 2);
  return rows < 1 ? 1 : rows > 3 ? 3 : rows;
}

/* Rows the open question takes above the status line. */
int kc_modal_rows(const struct kc_ui *ui) {
  if (!ui->modal.active) return 0;
  if (ui->modal.is_prompt) return 2 + prompt_question_rows(&ui->modal, COLS);
  /* a question is never cut: it wraps (up to 3 rows) */
  char q[320];
  snprintf(q, sizeof q, "%s (y/n)", ui->modal.question);
  int rows = kc_wrapped_rows(q, COLS - 2);
  return rows < 1 ? 1 : rows > 3 ? 3 : rows;
}

void kc_modal_draw(struct kc_ui *ui, int y, int w) {
  struct kc_modal *m = &ui->modal;
  if (!m->active) return;
  if (!m->is_prompt) {
    attr_t a = kc_attr(ROLE_WARNING) | A_REVERSE;
    int rows = kc_modal_rows(ui);
    for (int r = 0; r < rows; r++) kc_fill(y + r, 0, w, a);
    char q[320];
    snprintf(q, sizeof q, "%s (y/n)", m->question);
    kc_put_wrapped(y, 1, rows, w - 2, q, a | A_BOLD);
    return;
  }
  int qrows = prompt_question_rows(m, w), used = -1;
  for (int r = 0; r <= qrows; r++) kc_fill(y + r, 0, w, kc_attr(ROLE_NORMAL));
  if (qrows) {
    kc_put_wrapped(y, 1, qrows, w - 2, m->question, kc_attr(ROLE_STRONG));
    y += qrows;
  } else {
    used = kc_puts(y, 1, w / 2, m->question, kc_attr(ROLE_STRONG));
  }
  kc_line_draw(&m->line, y, used + 2, w - used - 3);
  kc_fill(y + 1, 0, w, kc_attr(ROLE_NORMAL));
  kc_puts(y + 1, 1, w - 2, "Enter to confirm, Esc to cancel", kc_attr(ROLE_NORMAL));
}

/* Routes one event to the open question; returns 1 when it was taken. */
int kc_modal_event(struct kc_ui *ui, const struct kc_event *ev) {
  struct kc_modal *m = &ui->modal;
  if (!m->active) return 0;
  struct kc_view *top = kc_viewstack_top(&ui->stack);
  if (m->owner != top && m->host != top) { /* its screen has gone */
    m->active = 0;
    return 0;
  }
  if (ev->cmd == CMD_MOUSE_EVENT) return 1;
  if (!m->is_prompt) {
    int key = ev->is_key ? KC_KEY((int)ev->ch) : (int)ev->ch;
    int yes = kc_keymap_lookup(&kc_keys_confirm, key) == CMD_YES;
    m->active = 0;
    m->done(m->owner, ui, yes, NULL);
    return 1;
  }
  switch (kc_line_key(&m->line, ev)) {
  case KC_LINE_ENTER:
    m->active = 0;
    if (m->done(m->owner, ui, 1, m->line.buf)) m->active = 1; /* asks again */
    break;
  case KC_LINE_CANCEL:
    m->active = 0;
    m->done(m->owner, ui, 0, NULL);
    break;
  default: break;
  }
  return 1;
}
