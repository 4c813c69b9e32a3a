/* Unit tests: the keymaps. Within what one screen resolves (its keymap,
 * the ones it chains to, then the global one), no key means two things
 * unless the screen deliberately takes it over; every row has a label for
 * help and the man page; hints come from the rows. */
#include <string.h>

#include "kc_check.h"
#include "ui.h"

/* A key bound twice inside one keymap (not counting chains) is a mistake. */
START_TEST(no_key_twice_in_a_keymap) {
  for (int i = 0; kc_keymaps[i]; i++) {
    const struct kc_keymap *km = kc_keymaps[i];
    for (size_t r = 0; r < km->n; r++) {
      ck_assert_msg(km->rows[r].label && *km->rows[r].label, "%s: a row without a label", km->name);
      for (int k = 0; k < KC_MAX_KEYS && km->rows[r].keys[k]; k++)
        for (size_t r2 = r + 1; r2 < km->n; r2++)
          for (int k2 = 0; k2 < KC_MAX_KEYS && km->rows[r2].keys[k2]; k2++)
            ck_assert_msg(km->rows[r].keys[k] != km->rows[r2].keys[k2], "%s: key %d bound twice",
                          km->name, km->rows[r].keys[k]);
    }
  }
}
END_TEST

START_TEST(lookup_follows_the_chain) {
  ck_assert_int_eq(kc_keymap_lookup(&kc_keys_topic, 'j'), CMD_DOWN);
  ck_assert_int_eq(kc_keymap_lookup(&kc_keys_topic, '\r'), CMD_OPEN);
  ck_assert_int_eq(kc_keymap_lookup(&kc_keys_topic, 'q'), CMD_NONE); /* global: the loop's */
  ck_assert_int_eq(kc_keymap_lookup(&kc_keys_global, 'q'), CMD_CLOSE);
  ck_assert_int_eq(kc_keymap_lookup(&kc_keys_global, 27), CMD_BACK);
  ck_assert_int_eq(kc_keymap_lookup(&kc_keys_global, KC_KEY(KEY_LEFT)), CMD_BACK);
  ck_assert_int_eq(kc_keymap_lookup(&kc_keys_reader, '/'), CMD_FIND);
  ck_assert_int_eq(kc_keymap_lookup(&kc_keys_reader, ' '), CMD_PGDN);
  ck_assert_int_eq(kc_keymap_lookup(&kc_keys_answer, '7'), CMD_OPTION);
  ck_assert_int_eq(kc_keymap_lookup(&kc_keys_answer, 'u'), CMD_UNSURE);
  ck_assert_int_eq(kc_keymap_lookup(&kc_keys_recheck, 'y'), CMD_YES);
  /* Left is Back everywhere: no screen with a keymap takes it. */
  for (int i = 0; kc_keymaps[i]; i++)
    if (kc_keymaps[i] != &kc_keys_global && kc_keymaps[i] != &kc_keys_wizard)
      ck_assert_int_eq(kc_keymap_lookup(kc_keymaps[i], KC_KEY(KEY_LEFT)), CMD_NONE);
}
END_TEST

START_TEST(names_for_help) {
  char buf[24];
  ck_assert_str_eq(kc_key_name(KC_KEY(KEY_DOWN), buf, sizeof buf), "Down");
  ck_assert_str_eq(kc_key_name(KC_CTRL('F'), buf, sizeof buf), "Ctrl-F");
  ck_assert_str_eq(kc_key_name('\r', buf, sizeof buf), "Enter");
  ck_assert_str_eq(kc_key_name('x', buf, sizeof buf), "x");
}
END_TEST

START_TEST(help_and_man_list_every_row) {
  struct kc_strbuf md = {0}, roff = {0};
  kc_keys_markdown(&md);
  kc_keys_roff(&roff);
  for (int i = 0; kc_keymaps[i]; i++)
    for (size_t r = 0; r < kc_keymaps[i]->n; r++) {
      struct kc_strbuf want = {0};
      kc_strbuf_put_md(&want, kc_keymaps[i]->rows[r].label);
      ck_assert_msg(strstr(kc_strbuf_str(&md), kc_strbuf_str(&want)), "help lacks %s",
                    kc_keymaps[i]->rows[r].label);
      kc_strbuf_free(&want);
    }
  ck_assert_ptr_nonnull(strstr(kc_strbuf_str(&roff), ".SS Home\n"));
  ck_assert_ptr_nonnull(strstr(kc_strbuf_str(&roff), ".B q\nclose this screen"));
  kc_strbuf_free(&md);
  kc_strbuf_free(&roff);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("keys");
  TCase *tc = tcase_create("keys");
  tcase_add_test(tc, no_key_twice_in_a_keymap);
  tcase_add_test(tc, lookup_follows_the_chain);
  tcase_add_test(tc, names_for_help);
  tcase_add_test(tc, help_and_man_list_every_row);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
