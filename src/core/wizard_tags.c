/* Article tags rendered from the wizard definition: {sign:ID} shows the
 * sign's statement and its level's title, {level:NAME} and {action:NAME} a
 * level's words -- the same table the wizard triages with, so an article
 * cannot drift from it. */
#include <string.h>

#include "wizard_int.h"

static int level_by_name(const struct kc_wz_def *def, const char *id, size_t len) {
  for (int l = KC_LEVEL_SELF_CARE; l <= KC_LEVEL_MAX; l++) {
    const char *name = def->levels[l].name;
    if (name && strlen(name) == len && memcmp(name, id, len) == 0) return l;
  }
  return -1;
}

static bool resolve(const void *ctx, enum kc_tag_kind kind, const char *id, size_t len,
                    struct kc_tag_words *out) {
  const struct kc_wz_def *def = ctx;
  if (kind == KC_TAG_SIGN) {
    for (size_t i = 0; i < def->n_signs; i++) {
      const struct kc_wz_sign *s = &def->signs[i].pub;
      if (s->id && strlen(s->id) == len && memcmp(s->id, id, len) == 0) {
        out->text = s->statement;
        out->level_title = kc_wz_level_title(def, s->level);
        return out->text != NULL;
      }
    }
    return false;
  }
  int l = level_by_name(def, id, len);
  if (l < 0) return false;
  out->text = kind == KC_TAG_LEVEL ? kc_wz_level_title(def, (enum kc_level)l)
                                   : kc_wz_level_action(def, (enum kc_level)l);
  out->level_title = NULL;
  return true;
}

struct kc_tag_resolver kc_wz_tag_resolver(const struct kc_wz_def *def) {
  return (struct kc_tag_resolver){def ? resolve : NULL, def};
}
