/* Names and plain-language advice for the four triage levels. */
#include "kneecare/level.h"

#include <string.h>

static const struct {
  const char *name, *title, *advice;
} levels[] = {
    [KC_LEVEL_NONE] = {"none", "No level", ""},
    [KC_LEVEL_SELF_CARE] = {"self-care", "Self-care",
                            "Look after it at home for the next 3 days with the RICE plan. "
                            "If it is not easing after 3 days, or any warning sign appears, "
                            "see a physio or GP."},
    [KC_LEVEL_SOON] = {"soon", "See a physio or GP soon",
                       "Book an appointment with a physiotherapist or GP in the next few days. "
                       "Go sooner if any warning sign appears."},
    [KC_LEVEL_24H] = {"24h", "See a doctor within 24 hours",
                      "Get a same-day appointment with a doctor or urgent care service today "
                      "(within 24 hours). Do not wait to see if it settles."},
    [KC_LEVEL_EMERGENCY] = {"emergency", "EMERGENCY NOW",
                            "Call your local emergency number (for example 112, 999 or 911) "
                            "or go to an emergency department now."},
};

const char *kc_level_name(enum kc_level level) {
  return (level >= KC_LEVEL_NONE && level <= KC_LEVEL_EMERGENCY) ? levels[level].name : "none";
}

const char *kc_level_title(enum kc_level level) {
  return (level >= KC_LEVEL_NONE && level <= KC_LEVEL_EMERGENCY) ? levels[level].title : "";
}

const char *kc_level_advice(enum kc_level level) {
  return (level >= KC_LEVEL_NONE && level <= KC_LEVEL_EMERGENCY) ? levels[level].advice : "";
}

enum kc_level kc_level_parse(const char *text) {
  if (!text) return KC_LEVEL_NONE;
  if (text[0] >= '1' && text[0] <= '4' && text[1] == '\0') return (enum kc_level)(text[0] - '0');
  for (int i = KC_LEVEL_SELF_CARE; i <= KC_LEVEL_EMERGENCY; i++)
    if (strcmp(text, levels[i].name) == 0) return (enum kc_level)i;
  return KC_LEVEL_NONE;
}
