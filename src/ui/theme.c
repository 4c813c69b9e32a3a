/* One table of roles -> attributes, with a colour scheme and a monochrome
 * one (used when the terminal has no colour or NO_COLOR is set). Every role
 * stays readable without colour: selection is reverse video, danger is bold
 * reverse, and screens also say it in words. High contrast where it
 * matters: links are the terminal's own foreground, bold and underlined
 * (ANSI blue is unreadable on dark themes); safety text is never dim; the
 * running ice timer is green, not the alarm colour. */
#include "ui.h"

static attr_t table[ROLE_COUNT];

struct scheme {
  short fg, bg;
  attr_t mono;  /* attributes without colour */
  attr_t extra; /* attributes added to the colour pair */
};

static const struct scheme schemes[ROLE_COUNT] = {
    [ROLE_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
    [ROLE_TITLEBAR] = {COLOR_WHITE, COLOR_BLUE, A_REVERSE, A_NORMAL},
    [ROLE_STATUS] = {COLOR_BLACK, COLOR_WHITE, A_REVERSE, A_NORMAL},
    [ROLE_STATUS_KEY] = {COLOR_BLUE, COLOR_WHITE, A_REVERSE | A_BOLD, A_BOLD},
    [ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_REVERSE, A_NORMAL},
    [ROLE_HEADING] = {COLOR_CYAN, -1, A_BOLD | A_UNDERLINE, A_BOLD},
    [ROLE_SUBHEADING] = {COLOR_CYAN, -1, A_BOLD, A_NORMAL},
    [ROLE_EMPH] = {-1, -1, A_UNDERLINE, A_ITALIC},
    [ROLE_STRONG] = {-1, -1, A_BOLD, A_BOLD},
    [ROLE_LINK] = {-1, -1, A_UNDERLINE | A_BOLD, A_UNDERLINE | A_BOLD},
    [ROLE_LINK_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_REVERSE | A_UNDERLINE, A_UNDERLINE},
    [ROLE_MATCH] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD | A_UNDERLINE, A_NORMAL},
    [ROLE_DIM] = {-1, -1, A_DIM, A_DIM},
    [ROLE_BULLET] = {COLOR_CYAN, -1, A_BOLD, A_NORMAL},
    [ROLE_WARNING] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [ROLE_DANGER] = {COLOR_WHITE, COLOR_RED, A_BOLD | A_REVERSE, A_BOLD},
    [ROLE_URGENT] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [ROLE_OK] = {COLOR_GREEN, -1, A_BOLD, A_NORMAL},
    [ROLE_INPUT] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
    [ROLE_SAFETY] = {-1, -1, A_NORMAL, A_NORMAL},
    [ROLE_TIMER] = {COLOR_BLACK, COLOR_GREEN, A_BOLD, A_BOLD},
};

void kc_theme_init(int use_color) {
  for (int r = 0; r < ROLE_COUNT; r++) {
    const struct scheme *s = &schemes[r];
    if (!use_color || (s->fg == -1 && s->bg == -1)) {
      table[r] = use_color ? s->extra : s->mono;
      continue;
    }
    init_pair((short)(r + 1), s->fg, s->bg);
    table[r] = COLOR_PAIR(r + 1) | s->extra;
  }
}

attr_t kc_attr(enum kc_role role) { return role < ROLE_COUNT ? table[role] : A_NORMAL; }
