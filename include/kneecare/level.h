/* The five triage levels, the one urgency vocabulary of the whole guide.
 * Ordered: a higher number is more urgent, so "never lower than" is a plain
 * max(). */
#ifndef KC_LEVEL_H
#define KC_LEVEL_H

enum kc_level {
  KC_LEVEL_NONE = 0,      /* no warning sign / no constraint */
  KC_LEVEL_SELF_CARE = 1, /* self-care, with the recovery plan */
  KC_LEVEL_SOON = 2,      /* see a physio or GP soon */
  KC_LEVEL_24H = 3,       /* see a doctor within 24 hours */
  KC_LEVEL_ED = 4,        /* go to an emergency department now; do not drive yourself */
  KC_LEVEL_AMBULANCE = 5, /* call an ambulance now */
  KC_LEVEL_MAX = KC_LEVEL_AMBULANCE
};

/* Short name ("self-care", "soon", "24h", "ed", "ambulance") for data and
 * JSON. */
const char *kc_level_name(enum kc_level level);
/* Headline for people ("Call an ambulance now", ...). */
const char *kc_level_title(enum kc_level level);
/* One plain instruction a person can carry out. */
const char *kc_level_advice(enum kc_level level);

#endif
