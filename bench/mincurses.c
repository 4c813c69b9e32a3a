/* The floor the bench compares a Down key with: the least a static-ncurses
 * program does to move a reverse-video selection in a 20-item menu (redraw
 * the two rows that change, refresh). Linked like kneecare (static ncursesw). */
#include <curses.h>
#include <locale.h>

static void row(int i, int sel) {
  if (sel) attron(A_REVERSE);
  mvprintw(2 + i, 4, "Menu item number %2d", i + 1);
  if (sel) attroff(A_REVERSE);
}

int main(void) {
  setlocale(LC_CTYPE, "");
  initscr();
  cbreak();
  noecho();
  keypad(stdscr, TRUE);
  curs_set(0);
  int sel = 0;
  mvprintw(0, 1, "mincurses: ? help");
  for (int i = 0; i < 20; i++) row(i, i == sel);
  refresh();
  for (;;) {
    int c = getch();
    if (c == 'q') break;
    int old = sel;
    if (c == KEY_DOWN && sel < 19) sel++;
    if (c == KEY_UP && sel > 0) sel--;
    if (old == sel) continue;
    row(old, 0);
    row(sel, 1);
    refresh();
  }
  endwin();
  return 0;
}
