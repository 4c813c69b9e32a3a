/* Names and plain-language advice for the five triage levels. The content
 * database carries the words people read (table triage_level); these are
 * the built-in defaults and the names used in data and JSON. */
#include "kneecare/level.h"

#include <string.h>

static const struct {
  const char *name, *title, *advice;
} levels[] = {
    [KC_LEVEL_NONE] = {"none", "No level", ""},
    [KC_LEVEL_SELF_CARE] = {"self-care", "Self-care",
                            "Look after it at home and follow the plan; act on any warning "
                            "sign."},
    [KC_LEVEL_SOON] = {"soon", "See a physio or GP soon",
                       "Book an appointment with a physiotherapist or GP in the next few days."},
    [KC_LEVEL_24H] = {"24h", "See a doctor within 24 hours",
                      "Get a same-day appointment with a GP or an urgent treatment centre (in "
                      "the UK, call 111)."},
    [KC_LEVEL_ED] = {"ed", "Go to an emergency department now",
                     "Go to an emergency department or urgent treatment centre now. Do not "
                     "drive yourself."},
    [KC_LEVEL_AMBULANCE] = {"ambulance", "Call an ambulance now",
                            "Call your local emergency number (112, 999 or 911) now."},
};

static int known(enum kc_level level) { return level >= KC_LEVEL_NONE && level <= KC_LEVEL_MAX; }

const char *kc_level_name(enum kc_level level) {
  return known(level) ? levels[level].name : "none";
}

const char *kc_level_title(enum kc_level level) { return known(level) ? levels[level].title : ""; }

const char *kc_level_advice(enum kc_level level) {
  return known(level) ? levels[level].advice : "";
}
