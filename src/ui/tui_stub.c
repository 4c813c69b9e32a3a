#include "../cli/app.h"
int kc_tui_main(struct kc_app *app) { (void)app; return 0; }
