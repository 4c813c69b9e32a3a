/* The clinician report and saving a page as a file, shared by `kneecare
 * report` and the guide (result, history, plan and article screens). */
#ifndef KC_REPORT_H
#define KC_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "kneecare/app.h"
#include "kneecare/strbuf.h"

/* One page of Markdown for a physio or doctor (the article
 * what-the-clinician-asks): the last saved symptom check's story (its
 * answers re-read against the current wizard), the warning signs, the
 * result and level, and the current or last plan's pain day by day. Text
 * that came from a person (notes, the profile's name, saved answers) is
 * escaped so no Markdown reader turns it into markup or a link. `today` is
 * the calendar day (kc_app_today). Returns a kc_udb_status; err holds a
 * sentence on failure. */
int kc_report_markdown(struct kc_app *app, int today, struct kc_strbuf *out, char *err,
                       size_t errlen);
/* The same for one saved symptom check of the profile (run_id > 0; 0: the
 * last one); ENOTFOUND for a check that is not the profile's. */
int kc_report_markdown_run(struct kc_app *app, int today, int64_t run_id, struct kc_strbuf *out,
                           char *err, size_t errlen);

/* Inline Markdown text of a person's (or saved) words: anything unsafe for
 * a terminal replaced, then the one escaper of strbuf.h (which also keeps
 * "https://", "www." and e-mail addresses from becoming links). */
void kc_report_put_text(struct kc_strbuf *b, const char *s);

/* Saves text as a file the person can find and share: in $HOME (else the
 * user-data directory) as "kneecare-<what>-<profile>-<YYYY-MM-DD>.md",
 * readable by its owner only, replacing one of that name. The full path
 * goes into path. Returns 0, or -1 with a sentence in err. */
int kc_report_save(struct kc_app *app, const char *what, int today, const char *text, char *path,
                   size_t pathlen, char *err, size_t errlen);

#endif
