/* The vocabulary's shared rows and what is generated from every row: the
 * global keymap (the same meaning on every screen), the list, scroll and
 * answer keymaps screens chain to, key names, the status-line hints, and the
 * help page's and man page's key lists (tools/keys_man.c writes the man
 * page's KEYS section from kc_keys_roff; a test checks it has not drifted).
 *
 * Conventions (help and the man page say them in these words):
 * q closes the current screen and quits only at Home (asking first while the
 * ice timer runs); Esc, Left and h go back; H goes straight Home; Q quits
 * from anywhere; y, n and u answer every yes / no / not-sure question and
 * digits choose numbered options; Enter opens or confirms. */
#include <stdio.h>
#include <string.h>

#include "kneecare/text.h"
#include "ui.h"

#define UP KC_KEY(KEY_UP)
#define DOWN KC_KEY(KEY_DOWN)
#define LEFT KC_KEY(KEY_LEFT)
#define RIGHT KC_KEY(KEY_RIGHT)
#define BKSP KC_KEY(KEY_BACKSPACE)

static const struct kc_binding global_rows[] = {
    {CMD_BACK, {27, LEFT, 'h', BKSP, 127}, "go back", "back", NULL},
    {CMD_SEARCH, {'/'}, "search every article", "search", NULL},
    {CMD_HELP, {'?', KC_KEY(KEY_F(1))}, "help: every key and the safety notice", "help", NULL},
    {CMD_HOME, {'H'}, "go straight to Home", "home", NULL},
    {CMD_CLOSE,
     {'q'},
     "close this screen; at Home, quit (asks while the ice timer runs)",
     "quit",
     NULL},
    {CMD_QUIT, {'Q'}, "quit from any screen (asks while the ice timer runs)", NULL, NULL},
    {CMD_MOUSE, {'m'}, "mouse on/off (off keeps the terminal's own copy and paste)", NULL, NULL},
    {CMD_REDRAW, {KC_CTRL('L')}, "redraw the screen", NULL, NULL},
};
const struct kc_keymap kc_keys_global =
    KC_KEYMAP("Every screen", "Everything you enter is saved as you enter it.", global_rows, NULL);

static const struct kc_binding list_rows[] = {
    {CMD_DOWN, {DOWN, 'j'}, "move down", "move", NULL},
    {CMD_UP, {UP, 'k'}, "move up", NULL, NULL},
    {CMD_PGDN, {KC_KEY(KEY_NPAGE), KC_CTRL('F')}, "page down", NULL, NULL},
    {CMD_PGUP, {KC_KEY(KEY_PPAGE), KC_CTRL('B')}, "page up", NULL, NULL},
    {CMD_TOP, {KC_KEY(KEY_HOME), 'g'}, "first item", NULL, NULL},
    {CMD_BOTTOM, {KC_KEY(KEY_END), 'G'}, "last item", NULL, NULL},
};
const struct kc_keymap kc_keys_list =
    KC_KEYMAP("Lists", "The mouse wheel moves and a click opens.", list_rows, NULL);

static const struct kc_binding scroll_rows[] = {
    {CMD_DOWN, {DOWN, 'j'}, "scroll down", "scroll", NULL},
    {CMD_UP, {UP, 'k'}, "scroll up", NULL, NULL},
    {CMD_PGDN, {KC_KEY(KEY_NPAGE), ' ', KC_CTRL('F')}, "page down", "page", NULL},
    {CMD_PGUP, {KC_KEY(KEY_PPAGE), 'b', KC_CTRL('B')}, "page up", NULL, NULL},
    {CMD_TOP, {KC_KEY(KEY_HOME), 'g'}, "top", NULL, NULL},
    {CMD_BOTTOM, {KC_KEY(KEY_END), 'G'}, "bottom", NULL, NULL},
};
const struct kc_keymap kc_keys_scroll =
    KC_KEYMAP("Pages", "The mouse wheel scrolls.", scroll_rows, NULL);

static const struct kc_binding answer_rows[] = {
    {CMD_YES, {'y', 'Y'}, "yes", "yes", NULL},
    {CMD_NO, {'n', 'N'}, "no", "no", NULL},
    {CMD_UNSURE, {'u', 'U'}, "not sure (counts as yes for a warning sign)", "not sure", NULL},
    {CMD_OPTION, {'1'}, "choose option 1-9", NULL, NULL},
};
const struct kc_keymap kc_keys_answer = KC_KEYMAP(
    "Questions", "The same answer keys on every yes / no / not-sure question.", answer_rows, NULL);

static const struct kc_binding prompt_rows[] = {
    {CMD_OPEN, {KC_ENTER}, "confirm", "confirm", NULL},
    {CMD_BACK, {27}, "cancel", "cancel", NULL},
    {CMD_CLEAR, {KC_CTRL('U')}, "clear", NULL, NULL},
    {CMD_DELETE_WORD, {KC_CTRL('W')}, "delete a word", NULL, NULL},
    {CMD_DELETE, {BKSP, 127, 8}, "delete a character", NULL, NULL},
};
const struct kc_keymap kc_keys_prompt =
    KC_KEYMAP("Typing (search, names, notes)", NULL, prompt_rows, NULL);

static const struct kc_binding confirm_rows[] = {
    {CMD_YES, {'y', 'Y'}, "yes", "yes", NULL},
    {CMD_NO, {'n', 'N', 27}, "no (any other key too)", "no", NULL},
};
const struct kc_keymap kc_keys_confirm =
    KC_KEYMAP("Are you sure?", "Before anything is deleted or ended.", confirm_rows, NULL);

/* Help and the man page list the screens in this order. */
/* clang-format off */
const struct kc_keymap *const kc_keymaps[] = {
    &kc_keys_global,
    &kc_keys_list,
    &kc_keys_scroll,
    &kc_keys_answer,
    &kc_keys_prompt,
    &kc_keys_confirm,
    &kc_keys_home,
    &kc_keys_topic,
    &kc_keys_reader,
    &kc_keys_reading,
    &kc_keys_search,
    &kc_keys_wizard,
    &kc_keys_result,
    &kc_keys_history,
    &kc_keys_recheck,
    &kc_keys_checklist,
    &kc_keys_readiness,
    &kc_keys_plan_start,
    &kc_keys_chart,
    &kc_keys_profiles,
    &kc_keys_run,
    &kc_keys_run_check,
    &kc_keys_run_timer,
    &kc_keys_run_strength,
    &kc_keys_run_week,
    &kc_keys_run_chart,
    NULL,
};
/* clang-format on */

enum kc_cmd kc_keymap_lookup(const struct kc_keymap *km, int key) {
  for (; km; km = km->next)
    for (size_t i = 0; i < km->n; i++)
      for (int k = 0; k < KC_MAX_KEYS && km->rows[i].keys[k]; k++)
        if (km->rows[i].keys[k] == key ||
            (km->rows[i].cmd == CMD_OPTION && key >= '1' && key <= '9'))
          return km->rows[i].cmd;
  return CMD_NONE;
}

static const struct {
  int key;
  const char *name;
} names[] = {
    {UP, "Up"},
    {DOWN, "Down"},
    {LEFT, "Left"},
    {RIGHT, "Right"},
    {KC_KEY(KEY_PPAGE), "PgUp"},
    {KC_KEY(KEY_NPAGE), "PgDn"},
    {KC_KEY(KEY_HOME), "Home"},
    {KC_KEY(KEY_END), "End"},
    {KC_KEY(KEY_ENTER), "Enter"},
    {'\r', "Enter"},
    {'\n', "Enter"},
    {BKSP, "Backspace"},
    {127, "Backspace"},
    {8, "Backspace"},
    {KC_KEY(KEY_BTAB), "Shift-Tab"},
    {KC_KEY(KEY_F(1)), "F1"},
    {'\t', "Tab"},
    {27, "Esc"},
    {' ', "Space"},
};

const char *kc_key_name(int key, char *buf, size_t n) {
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (names[i].key == key) return names[i].name;
  if (key > 0 && key < 0x20)
    snprintf(buf, n, "Ctrl-%c", '@' + key);
  else if (key < 0x80)
    snprintf(buf, n, "%c", key);
  else
    snprintf(buf, n, "key %d", key);
  return buf;
}

/* "Down, j" (each name once: Enter is two codes). */
static void key_list(const struct kc_binding *b, char *out, size_t n) {
  size_t o = 0;
  out[0] = '\0';
  for (int k = 0; k < KC_MAX_KEYS && b->keys[k]; k++) {
    char tmp[24];
    const char *name = kc_key_name(b->keys[k], tmp, sizeof tmp);
    if (b->cmd == CMD_OPTION && k > 0) break; /* "1" stands for the digits */
    int dup = 0;
    for (int j = 0; j < k; j++) {
      char t2[24];
      if (strcmp(kc_key_name(b->keys[j], t2, sizeof t2), name) == 0) dup = 1;
    }
    if (dup) continue;
    o += (size_t)snprintf(out + o, o < n ? n - o : 0, "%s%s", o ? ", " : "",
                          b->cmd == CMD_OPTION ? "1-9" : name);
  }
}

static int is_global_doc(const struct kc_keymap *km) {
  return km == &kc_keys_global || km == &kc_keys_list || km == &kc_keys_scroll ||
         km == &kc_keys_answer || km == &kc_keys_prompt || km == &kc_keys_confirm;
}

/* What the keys a screen shares are called: "lists", "pages", "Article". */
static const char *next_name(const struct kc_keymap *km) {
  return km->next == &kc_keys_list ? "lists" : km->next == &kc_keys_scroll ? "pages" : "articles";
}

void kc_keys_markdown(struct kc_strbuf *b) {
  for (int i = 0; kc_keymaps[i]; i++) {
    const struct kc_keymap *km = kc_keymaps[i];
    kc_strbuf_printf(b, "%s ", is_global_doc(km) ? "###" : "###");
    kc_strbuf_put_md(b, km->name);
    kc_strbuf_put(b, "\n\n");
    if (km->about) {
      kc_strbuf_put_md(b, km->about);
      kc_strbuf_put(b, "\n\n");
    }
    for (size_t r = 0; r < km->n; r++) {
      char keys[96];
      key_list(&km->rows[r], keys, sizeof keys);
      kc_strbuf_put(b, "- **");
      kc_strbuf_put_md(b, keys);
      kc_strbuf_put(b, "**: ");
      kc_strbuf_put_md(b, km->rows[r].label);
      kc_strbuf_put(b, "\n");
    }
    if (km->next && !is_global_doc(km))
      kc_strbuf_printf(b, "- and the keys of %s\n", next_name(km));
    kc_strbuf_put(b, "\n");
  }
}

/* The README's table: the keys every screen shares. */
void kc_keys_table_md(struct kc_strbuf *b) {
  const struct kc_keymap *shared[] = {&kc_keys_global, &kc_keys_list, &kc_keys_scroll,
                                      &kc_keys_answer};
  kc_strbuf_put(b, "| keys | action |\n|---|---|\n");
  for (size_t i = 0; i < sizeof shared / sizeof shared[0]; i++)
    for (size_t r = 0; r < shared[i]->n; r++) {
      char keys[96];
      key_list(&shared[i]->rows[r], keys, sizeof keys);
      kc_strbuf_printf(b, "| %s | %s%s |\n", keys, shared[i]->rows[r].label,
                       shared[i] == &kc_keys_scroll ? " (articles, help)" : "");
    }
}

/* roff: a backslash or a leading dot or quote must not be read as markup. */
static void roff_text(struct kc_strbuf *b, const char *s) {
  if (*s == '.' || *s == '\'') kc_strbuf_put(b, "\\&");
  for (; *s; s++) {
    if (*s == '\\')
      kc_strbuf_put(b, "\\e");
    else if (*s == '-')
      kc_strbuf_put(b, "\\-");
    else
      kc_strbuf_putc(b, *s);
  }
}

void kc_keys_roff(struct kc_strbuf *b) {
  for (int i = 0; kc_keymaps[i]; i++) {
    const struct kc_keymap *km = kc_keymaps[i];
    kc_strbuf_put(b, ".SS ");
    roff_text(b, km->name);
    kc_strbuf_put(b, "\n");
    if (km->about) {
      roff_text(b, km->about);
      kc_strbuf_put(b, "\n");
    }
    for (size_t r = 0; r < km->n; r++) {
      char keys[96];
      key_list(&km->rows[r], keys, sizeof keys);
      kc_strbuf_put(b, ".TP\n.B ");
      roff_text(b, keys);
      kc_strbuf_put(b, "\n");
      roff_text(b, km->rows[r].label);
      kc_strbuf_put(b, "\n");
    }
    if (km->next && !is_global_doc(km)) {
      kc_strbuf_put(b, ".PP\nAnd the keys of ");
      roff_text(b, next_name(km));
      kc_strbuf_put(b, ".\n");
    }
  }
}

/* One hint: "Enter open". */
static void add_hint(const struct kc_binding *b, const char *word, char *out, size_t n, size_t *o) {
  char tmp[24];
  const char *key = b->hint_keys ? b->hint_keys : kc_key_name(b->keys[0], tmp, sizeof tmp);
  if (b->cmd == CMD_DOWN && !b->hint_keys) key = kc_glyph(G_UPDOWN);
  if (b->cmd == CMD_OPTION) key = "1-9";
  char one[96];
  snprintf(one, sizeof one, "%s%s %s", *o ? "  " : "", key, word);
  /* Whole hints only, within the columns given (n is columns here). */
  if (kc_text_width(out, *o) + kc_text_width(one, strlen(one)) > n - 1 || *o + strlen(one) >= 320)
    return;
  *o += (size_t)snprintf(out + *o, 320 - *o, "%s", one);
}

void kc_ui_hints(struct kc_ui *ui, struct kc_view *v, char *out, size_t n) {
  size_t o = 0;
  out[0] = '\0';
  size_t depth = kc_viewstack_depth(&ui->stack);
  /* Moving first (the list's or page's), then the view's own, then global. */
  for (int pass = 0; pass < 2; pass++)
    for (const struct kc_keymap *km = v ? v->ops->keys : NULL; km; km = km->next)
      for (size_t i = 0; i < km->n; i++) {
        const struct kc_binding *b = &km->rows[i];
        if (!b->hint || (v->ops->enabled && !v->ops->enabled(v, b->cmd))) continue;
        if ((b->cmd == CMD_DOWN) != (pass == 0)) continue;
        if (kc_keymap_lookup(v->ops->keys, b->keys[0]) != b->cmd) continue; /* shadowed */
        const char *word = v->ops->hint_word ? v->ops->hint_word(v, b->cmd) : NULL;
        add_hint(b, word ? word : b->hint, out, n, &o);
      }
  for (size_t i = 0; i < kc_keys_global.n; i++) {
    const struct kc_binding *b = &kc_keys_global.rows[i];
    if (!b->hint) continue;
    if (v && v->ops->keys && kc_keymap_lookup(v->ops->keys, b->keys[0]) != CMD_NONE)
      continue;                                     /* the view uses this key for something else */
    if (b->cmd == CMD_BACK && depth <= 1) continue; /* nothing below Home */
    if (b->cmd == CMD_CLOSE && depth > 1) continue; /* Esc says it; q quits only at Home */
    if (b->cmd == CMD_HOME && depth <= 2) continue; /* Esc is as quick */
    add_hint(b, b->hint, out, n, &o);
  }
}
