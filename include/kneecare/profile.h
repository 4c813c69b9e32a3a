/* Checks on the short texts a user types that end up in the user database:
 * profile names and pain notes. Pure functions, shared by the store (which
 * refuses to write anything else) and the UI/CLI (which show the message
 * before even trying). Lengths are counted in characters (code points),
 * not bytes, matching SQLite's length() on TEXT. */
#ifndef KC_PROFILE_H
#define KC_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#define KC_PROFILE_NAME_MAX 64                            /* characters */
#define KC_PROFILE_NAME_BUF (KC_PROFILE_NAME_MAX * 4 + 1) /* bytes + NUL */
#define KC_NOTE_MAX 500                                   /* characters */
#define KC_NOTE_BUF (KC_NOTE_MAX * 4 + 1)

/* A profile name is 1..64 characters of valid UTF-8 (no overlongs or
 * surrogates) with no control characters (C0, DEL, C1), no bidirectional
 * embeddings/overrides/isolates, no line or paragraph separators, and no
 * space at either end (so "bob" and "bob " cannot both exist looking alike).
 * Letters of any script, combining marks and emoji are fine. Returns true if
 * acceptable; otherwise false with a sentence for people in err (if err is
 * not NULL and errlen > 0). NULL name is refused. */
bool kc_profile_name_check(const char *name, char *err, size_t errlen);

/* A pain note: empty or up to 500 characters of valid UTF-8 without the
 * characters refused in names (a note is one line). NULL counts as empty. */
bool kc_note_check(const char *note, char *err, size_t errlen);

/* Profile names are compared without case: "ROOT" and "root" are one
 * profile. The key is the name with every letter that has a simple
 * lower-case form folded to it (ASCII, Latin-1, Latin Extended-A, Greek and
 * Cyrillic: "ANNA MÜLLER" and "anna müller" match), the same whatever the
 * locale; other characters are kept as they are. The key of a valid name
 * fits KC_PROFILE_NAME_BUF. */
void kc_profile_name_key(const char *name, char *out, size_t n);

/* How far apart two names are for "did you mean": the edit distance
 * (insertions, deletions, substitutions of characters) between their keys,
 * capped at `cap` (a larger distance returns cap). */
int kc_profile_name_distance(const char *a, const char *b, int cap);

#endif
