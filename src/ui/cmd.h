/* The ui vocabulary, curses-free: the named commands every key resolves to,
 * and the rows that bind keys to them. A view declares its commands as a
 * keymap (rows of key(s), command, label, hint); the loop resolves a key
 * against the top view's keymap (and the keymaps it chains to), then the
 * global one, and calls the view with the command. The status-line hints,
 * the help page and the man page's KEYS section are generated from the same
 * rows, so a key is added in one place. (calcurse keydef[], tmux key tables,
 * htop Action_setBindings converged on this shape.) */
#ifndef KC_CMD_H
#define KC_CMD_H

#include <stddef.h>

enum kc_cmd {
  CMD_NONE,
  /* moving: lists, scrolling text (the cursor model) */
  CMD_UP,
  CMD_DOWN,
  CMD_PGUP,
  CMD_PGDN,
  CMD_TOP,
  CMD_BOTTOM,
  CMD_OPEN, /* Enter, Right, l: open the selection / follow the link */
  /* global: the same meaning on every screen */
  CMD_BACK,  /* Esc, Left, h, Backspace */
  CMD_CLOSE, /* q: close this screen; quit at Home */
  CMD_HOME,  /* H: straight to Home */
  CMD_QUIT,  /* Q: quit from anywhere */
  CMD_SEARCH,
  CMD_HELP,
  CMD_MOUSE,
  CMD_REDRAW,
  /* answers: every yes/no/not-sure question and numbered options */
  CMD_YES,
  CMD_NO,
  CMD_UNSURE,
  CMD_OPTION, /* 1-9: the digit is in the event */
  CMD_TOGGLE, /* Space: tick */
  /* reading */
  CMD_NEXT_LINK,
  CMD_PREV_LINK,
  CMD_FIND,
  CMD_FIND_NEXT,
  CMD_FIND_PREV,
  CMD_WIDTH,
  CMD_SEARCH_ALL,
  /* screen commands */
  CMD_NEW,
  CMD_RENAME,
  CMD_DELETE,
  CMD_PREV_DAY,
  CMD_NEXT_DAY,
  CMD_ICE_STOP,
  CMD_ICE_ADD,
  CMD_ICE_REMOVE,
  CMD_ARTICLE,
  CMD_INFO,
  CMD_CHART,
  CMD_END,
  CMD_BETTER,
  CMD_SAME,
  CMD_WORSE,
  CMD_START_PLAN,
  CMD_CLEAR,
  CMD_DELETE_WORD,
  /* the return to running (screen_run*.c) */
  CMD_RUN_PAUSE,
  CMD_WEEK,
  CMD_STRENGTH,
  CMD_EASIER,
  CMD_HARDER,
  CMD_RESTART,
  CMD_PAIN_DURING,
  CMD_PAIN_MORNING,
  CMD_NEXT,
  CMD_PREV,
  CMD_MOUSE_EVENT, /* a click or the wheel (details in the event) */
  /* the symptom check, its result, history, reading (ux, wave 2) */
  CMD_STOP_NOW, /* see what to do now once an answer needs help now */
  CMD_CARRY_ON, /* carry on with the questions after that offer */
  CMD_REPORT,   /* the clinician report: save or read */
  CMD_EXPORT,   /* this page as a file */
  CMD_BOOKMARK, /* bookmark this article (again: remove) */
  CMD_COUNT
};

/* Keys in a row: a character (its code point), or a curses key code with
 * KC_KEY() around it (KEY_DOWN, KEY_F(1)...). 0 ends the list. */
#define KC_KEY(code) (0x200000 + (code))
/* Enter as terminals send it (CR) and as curses names it: for keymap rows. */
#define KC_ENTER '\r', KC_KEY(KEY_ENTER)
#define KC_CTRL(c) ((c)&0x1F)
#define KC_MAX_KEYS 5

struct kc_binding {
  enum kc_cmd cmd;
  int keys[KC_MAX_KEYS];
  const char *label;     /* help and man: what it does ("move down") */
  const char *hint;      /* status line word ("move"), NULL: not hinted */
  const char *hint_keys; /* what the hint shows instead of the first key ("↑↓") */
};

struct kc_keymap {
  const char *name;  /* the screen, as help and man call it ("Article") */
  const char *about; /* one sentence for help and man (may be NULL) */
  const struct kc_binding *rows;
  size_t n;
  const struct kc_keymap *next; /* keys this screen shares (list, scroll) */
};

#define KC_KEYMAP(name, about, rows, next)                                                         \
  { name, about, rows, sizeof rows / sizeof rows[0], next }

/* The command a key means in km (following `next`), or CMD_NONE. */
enum kc_cmd kc_keymap_lookup(const struct kc_keymap *km, int key);
/* A key's name as help shows it ("Down", "Ctrl-F", "j"), into buf. */
const char *kc_key_name(int key, char *buf, size_t n);

/* The global keymap and the shared ones screens chain to. */
extern const struct kc_keymap kc_keys_global;
extern const struct kc_keymap kc_keys_list;   /* a selection: Up/Down/PgUp/PgDn/Home/End */
extern const struct kc_keymap kc_keys_scroll; /* scrolling text */
extern const struct kc_keymap kc_keys_answer; /* y/n/u and digits, for questions */

#endif
