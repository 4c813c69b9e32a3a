/* A one-line text prompt drawn over the bottom of a view (profile names,
 * pain notes, scores). UTF-8 in, printable characters only. */
#include <string.h>

#include "kneecare/text.h"
#include "ui.h"

void kc_input_open(struct kc_input *in, int purpose, const char *prompt, const char *initial,
                   size_t max_chars) {
  memset(in, 0, sizeof *in);
  in->active = 1;
  in->purpose = purpose;
  in->max_chars = max_chars ? max_chars : 200;
  snprintf(in->prompt, sizeof in->prompt, "%s", prompt);
  if (initial) {
    in->len = kc_text_sanitize(initial, strlen(initial), in->buf, sizeof in->buf, 0);
  }
}

static void erase_char(struct kc_input *in) {
  if (in->len == 0) return;
  size_t i = in->len - 1;
  while (i > 0 && ((unsigned char)in->buf[i] & 0xC0) == 0x80) i--;
  in->len = i;
  in->buf[i] = '\0';
}

int kc_input_handle(struct kc_input *in, const struct kc_event *ev) {
  if (ev->is_key) {
    if (ev->ch == KEY_BACKSPACE)
      erase_char(in);
    else if (ev->ch == KEY_ENTER)
      goto done;
    return 0;
  }
  if (ev->action == ACT_MOUSE) return 0;
  wint_t c = ev->ch;
  if (c == 27) {
    in->active = 0;
    return -1;
  }
  if (c == '\r' || c == '\n') goto done;
  if (c == 127 || c == 8) {
    erase_char(in);
    return 0;
  }
  if (c == 21) { /* Ctrl-U */
    in->len = 0;
    in->buf[0] = '\0';
    return 0;
  }
  if (c < 0x20 || kc_cp_is_unsafe((uint32_t)c) || c > 0x10FFFF) return 0;
  if (kc_utf8_count(in->buf, in->len) >= in->max_chars) return 0;
  char enc[4];
  size_t m = kc_utf8_encode((uint32_t)c, enc);
  if (in->len + m >= sizeof in->buf) return 0;
  memcpy(in->buf + in->len, enc, m);
  in->len += m;
  in->buf[in->len] = '\0';
  return 0;
done:
  in->active = 0;
  return 1;
}

void kc_input_draw(const struct kc_input *in, int y, int w) {
  attr_t a = kc_attr(ROLE_INPUT);
  kc_fill(y, 0, w, kc_attr(ROLE_NORMAL));
  int used = kc_puts(y, 1, w - 2, in->prompt, kc_attr(ROLE_STRONG));
  int avail = w - 3 - used;
  const char *s = in->buf;
  /* Keep the end (the typing position) visible. */
  while (kc_text_width(s, strlen(s)) > (size_t)(avail > 2 ? avail - 2 : 1) && *s) {
    uint32_t cp;
    s += kc_utf8_decode(s, strlen(s), &cp);
  }
  int x = 2 + used;
  kc_fill(y, x, avail, a);
  int n = kc_puts(y, x, avail, s, a);
  kc_puts(y, x + n, 1, "_", a | A_BLINK);
  kc_puts(y + 1 < LINES ? y + 1 : y, 1, w - 2, "Enter to confirm, Esc to cancel",
          kc_attr(ROLE_DIM));
}
