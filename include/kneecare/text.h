/* UTF-8 text measured in terminal columns: decoding, display width,
 * truncation, wrapping, and making untrusted text safe to print.
 * Pure functions with no locale dependence, so results are the same in
 * tests, under LANG=C and in the terminal. */
#ifndef KC_TEXT_H
#define KC_TEXT_H

#include <stddef.h>
#include <stdint.h>

#define KC_REPLACEMENT 0xFFFDu

/* Decodes one code point from s[0..len). Returns bytes consumed (>= 1 when
 * len > 0). Invalid or truncated sequences yield U+FFFD and consume 1 byte. */
size_t kc_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (at least 4 bytes); returns the byte count. */
size_t kc_utf8_encode(uint32_t cp, char *out);
/* 1 if s[0..len) is valid UTF-8 with no overlongs or surrogates. */
int kc_utf8_valid(const char *s, size_t len);
/* Number of code points. */
size_t kc_utf8_count(const char *s, size_t len);

/* Columns a code point takes as glibc's wcwidth() says in a UTF-8 locale
 * (what ncurses draws by): 0 (combining, zero-width), 1, 2 (wide), or -1
 * when it is not printable (controls, unassigned, surrogates). */
int kc_cp_width(uint32_t cp);
/* 1 for an invisible format character (Unicode Cf: soft hyphen, zero-width
 * joiners, LRM/RLM, ALM, BOM, tags...) or U+2028/U+2029. */
int kc_cp_is_format(uint32_t cp);
/* 1 when cp may be shown and typed: not unsafe, not a format character, and
 * of known width. Line editors refuse anything else. */
int kc_cp_displayable(uint32_t cp);
/* Columns s[0..len) takes. */
size_t kc_text_width(const char *s, size_t len);

/* 1 for a code point that must never reach a terminal as-is: C0/C1 controls,
 * DEL, and bidirectional overrides that reorder what follows. */
int kc_cp_is_unsafe(uint32_t cp);

/* Bytes of the longest prefix of s that fits in `cols` columns, never
 * splitting a code point or separating a combining mark from its base. */
size_t kc_text_fit(const char *s, size_t len, size_t cols);

/* Copies s into out (capacity outlen, always NUL-terminated) replacing
 * invalid UTF-8, unsafe code points and code points of unknown width with
 * U+FFFD, dropping format characters, and turning tabs, U+2028/2029 (and
 * newlines when keep_newlines is 0) into spaces. Returns the length written. */
size_t kc_text_sanitize(const char *s, size_t len, char *out, size_t outlen, int keep_newlines);
/* Same, into a fresh malloc'd string (NULL on allocation failure). */
char *kc_text_sanitize_dup(const char *s, size_t len, int keep_newlines);

/* Truncates to `cols` columns into out, adding "…" when cut. */
size_t kc_text_truncate(const char *s, size_t len, size_t cols, char *out, size_t outlen);

/* One step of word wrapping. From s[0..len), finds the bytes of the next
 * line that fits `width` columns: breaks after the last space that fits,
 * or inside a word longer than the width. *line_len gets the bytes of the
 * line (without trailing spaces), the return value is where the next line
 * starts (leading spaces skipped). A '\n' forces a break. width < 1 is
 * treated as 1. Returns len when all text is consumed. */
size_t kc_wrap_next(const char *s, size_t len, size_t width, size_t *line_len);

/* Transliterates UTF-8 to printable ASCII for a terminal whose character
 * set is not UTF-8 (so no byte 0x80-0x9F can reach it as a C1 control):
 * accented Latin letters lose the accent, the guide's glyphs become ASCII
 * (arrows, bullets, bars, ellipsis), anything else becomes '?' ("??" for a
 * wide character, so columns still add up). Returns the length written. */
size_t kc_text_ascii(const char *s, size_t len, char *out, size_t outlen);
/* 1 when the current LC_CTYPE's codeset is UTF-8. */
int kc_codeset_is_utf8(void);
/* For the commands: when the codeset is not UTF-8, stdout and stderr
 * become streams that transliterate to ASCII (returns 1 then). Not for the
 * full-screen guide, which draws ASCII itself. */
int kc_text_ascii_stdio(void);

#endif
