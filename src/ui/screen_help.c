/* Help: the safety notice, every key, and what each screen does. Shown in
 * the reader, so it scrolls and its links work like an article's. */
#include <stdlib.h>
#include <string.h>

#include "ui.h"

const char kc_safety_notice_md[] =
    "## Safety notice\n\n"
    "**This guide does not replace a clinician.** It cannot examine your knee, and what it "
    "says is general information, not a diagnosis.\n\n"
    "- **In an emergency, call your local emergency number** (for example 112 in Europe, "
    "999 in the UK, 911 in North America).\n"
    "- Any single warning sign is enough to get help now; never wait three days with one. "
    "See [red flags](red-flags) and [emergency signs](emergency-signs).\n"
    "- Everything you enter stays on this computer, in your own data folder.\n\n"
    "This notice stays in Help (press ?).\n";

struct kc_view *kc_help_new(struct kc_ui *ui, int safety_first) {
  struct kc_sb md = {0};
  if (safety_first) kc_sb_put(&md, kc_safety_notice_md);
  kc_sb_put(&md, "\n## Keys\n\n");
  for (int i = 0; kc_key_help[i]; i++) {
    const char *tab = strchr(kc_key_help[i], '\t');
    kc_sb_printf(&md, "- **%.*s**: %s\n", (int)(tab - kc_key_help[i]), kc_key_help[i], tab + 1);
  }
  kc_sb_put(&md,
            "\nIn search, letters go into the query: use the arrows to choose, Enter to open, "
            "Esc to go back. The mouse wheel scrolls and a click opens, unless the mouse is off "
            "(press m, or start with --no-mouse).\n\n"
            "## Screens\n\n"
            "- **Home**: the symptom check, the recovery plan, the topics to read, and the "
            "tools.\n"
            "- **Symptom check**: warning signs first, each on its own; then what happened and "
            "how it feels. Enter chooses (Space ticks where several apply), Left goes back to "
            "change an answer, Esc leaves. A warning sign shows a banner at once. The result "
            "gives the urgency, the likely causes with the answers for and against each, and "
            "articles to read; it is saved in Past symptom checks.\n"
            "- **3-day recovery plan**: a short safety check at the first visit each day (any "
            "yes stops home care), then the day's checklist. Space ticks; Left/Right show the "
            "other days (past days may be ticked and are marked late; future days are "
            "read-only); Enter on the ice row starts a 20-minute timer shown in the status line "
            "on every screen, x stops it early and records it, + and - add or remove a session; "
            "Enter on the pain row logs 0-10 with a note; c shows the pain chart; a opens the "
            "task's article; e ends the plan. On day 3: b better, s same, w worse.\n"
            "- **Profiles**: Enter uses one, n new, r rename, d delete (asks first).\n"
            "- **Topic**: its articles; the selected one's summary is shown below.\n"
            "- **Article**: the position is shown at the bottom right; related articles and "
            "sources are at the end.\n"
            "- **Search**: every article, best matches first, with the matching words marked.\n");
  if (!safety_first) kc_sb_put(&md, "\n");
  if (!safety_first) kc_sb_put(&md, kc_safety_notice_md);
  struct kc_view *v =
      kc_reader_new_text(ui, "Help", "Keys, screens and the safety notice", kc_sb_str(&md));
  kc_sb_free(&md);
  return v;
}
