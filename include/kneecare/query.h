/* What a person types into the search box -> a safe FTS5 MATCH expression.
 * Each whitespace-separated word becomes a quoted FTS5 string (inner quotes
 * doubled), so no input can be FTS5 syntax; the last word gets a trailing
 * `*` for type-ahead prefix matching once it has two or more letters. */
#ifndef KC_QUERY_H
#define KC_QUERY_H

#include <stddef.h>

#define KC_QUERY_MAX_WORDS 16
#define KC_QUERY_MAX_WORD 64 /* code points kept of each word */

/* Writes the expression into out (always NUL-terminated). Returns the number
 * of words used; 0 means there is nothing to search for. Invalid UTF-8 and
 * control characters are dropped. `prefix` adds the `*` to the last word. */
int kc_query_build(const char *input, size_t len, int prefix, char *out, size_t outlen);

/* Space a result can take: enough for the limits above. */
#define KC_QUERY_BUF (KC_QUERY_MAX_WORDS * (KC_QUERY_MAX_WORD * 4 * 2 + 4) + 8)

#endif
