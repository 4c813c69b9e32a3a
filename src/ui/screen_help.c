/* Help: the safety notice and every key of every screen, generated from
 * the keymaps (the man page's KEYS section comes from the same rows). Shown
 * in the reader, so it scrolls, finds and follows links like an article. At
 * the first start the notice comes first and Enter continues to the guide. */
#include <stdlib.h>
#include <string.h>

#include "ui.h"

/* The notice's text; its heading is the page's title on a first start and
 * a section heading in Help. */
static const char safety_notice_md[] =
    "**This guide does not replace a clinician.** It cannot examine your knee, and what it "
    "says is general information, not a diagnosis.\n\n"
    "- **In an emergency, call your local emergency number** (for example 112 in Europe, "
    "999 in the UK, 911 in North America).\n"
    "- Any single warning sign is enough to get help now; never wait three days with one. "
    "See [red flags](red-flags) and [emergency signs](emergency-signs).\n"
    "- Everything you enter stays on this computer, in your own data folder.\n\n"
    "This notice stays in Help (press ?).\n";

struct kc_view *kc_help_new(struct kc_ui *ui, int first_start) {
  struct kc_strbuf md = {0};
  if (first_start) {
    kc_strbuf_put(&md, safety_notice_md);
    kc_strbuf_put(&md, "\n**Press Enter to continue to the guide.**\n\n");
  }
  kc_strbuf_put(&md, "## Keys\n\n");
  kc_keys_markdown(&md);
  if (!first_start) {
    kc_strbuf_put(&md, "## Safety notice\n\n");
    kc_strbuf_put(&md, safety_notice_md);
  }
  struct kc_view *v = first_start
                          ? kc_notice_new(ui, "Safety notice", "Read this first. Enter continues.",
                                          kc_strbuf_str(&md))
                          : kc_reader_new_text(ui, "Help", "Keys, screens and the safety notice",
                                               kc_strbuf_str(&md));
  kc_strbuf_free(&md);
  return v;
}
