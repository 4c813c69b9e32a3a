/* The one table that maps keys to actions, and the help text generated
 * from the same knowledge. Vim keys, arrows and the usual pager keys. */
#include "ui.h"

enum kc_action kc_key_action(int is_key, wint_t ch) {
  if (is_key) {
    switch (ch) {
    case KEY_UP: return ACT_UP;
    case KEY_DOWN: return ACT_DOWN;
    case KEY_PPAGE: return ACT_PGUP;
    case KEY_NPAGE: return ACT_PGDN;
    case KEY_HOME: return ACT_HOME;
    case KEY_END: return ACT_END;
    case KEY_LEFT: return ACT_LEFT;
    case KEY_RIGHT: return ACT_RIGHT;
    case KEY_ENTER: return ACT_OPEN;
    case KEY_BACKSPACE: return ACT_BACK;
    case KEY_BTAB: return ACT_PREV_LINK;
    case KEY_F(1): return ACT_HELP;
    default: return ACT_NONE;
    }
  }
  switch (ch) {
  case 'k': return ACT_UP;
  case 'j': return ACT_DOWN;
  case 'g': return ACT_HOME;
  case 'G': return ACT_END;
  case 'h': return ACT_LEFT;
  case 'l': return ACT_RIGHT;
  case '\r':
  case '\n': return ACT_OPEN;
  case 27: /* Esc */
  case 127:
  case 8: return ACT_BACK;
  case 'q': return ACT_QUIT;
  case '/': return ACT_SEARCH;
  case '?': return ACT_HELP;
  case '\t': return ACT_NEXT_LINK;
  case ' ': return ACT_TOGGLE;
  case 'm': return ACT_MOUSE_TOGGLE;
  case 12: return ACT_REDRAW; /* Ctrl-L */
  case 2: return ACT_PGUP;    /* Ctrl-B */
  case 6: return ACT_PGDN;    /* Ctrl-F */
  default: return ACT_NONE;
  }
}

const char *const kc_key_help[] = {
    "Up, k\tmove up / scroll up",
    "Down, j\tmove down / scroll down",
    "PgUp, Ctrl-B\tpage up",
    "PgDn, Ctrl-F, Space\tpage down (in an article)",
    "Home, g\tgo to the top",
    "End, G\tgo to the bottom",
    "Enter, Right, l\topen the selected item or link",
    "Esc, Backspace, Left, h\tgo back",
    "Tab, Shift-Tab\tnext / previous link in an article",
    "/\tsearch everything (from any screen)",
    "?, F1\tthis help",
    "m\tmouse on/off (off keeps the terminal's copy and paste)",
    "Ctrl-L\tredraw the screen",
    "q\tquit (everything you enter is already saved)",
    NULL,
};
