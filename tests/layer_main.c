/* An empty program linked with the WHOLE archive of one layer and only the
 * layers and libraries below it (tests/CMakeLists.txt): if any object of
 * the layer calls upward -- curses from core, SQLite from app, a screen from
 * store -- the link fails, so the build enforces the layer map. */
int main(void) { return 0; }
