/* Triage levels shared by the wizard and the recovery plan. Ordered: a higher
 * number is more urgent, so "never lower than" is a plain max(). */
#ifndef KC_LEVEL_H
#define KC_LEVEL_H

enum kc_level {
  KC_LEVEL_NONE = 0,      /* no red flag / no constraint */
  KC_LEVEL_SELF_CARE = 1, /* self-care, 3-day RICE plan offered */
  KC_LEVEL_SOON = 2,      /* see a physio or GP soon */
  KC_LEVEL_24H = 3,       /* see a doctor within 24 hours */
  KC_LEVEL_EMERGENCY = 4, /* emergency now: call the local emergency number */
};

/* Short name ("self-care", "soon", "24h", "emergency") for data and JSON. */
const char *kc_level_name(enum kc_level level);
/* Headline for people ("Emergency now", ...). */
const char *kc_level_title(enum kc_level level);
/* Plain instruction with a time frame. */
const char *kc_level_advice(enum kc_level level);
/* Parses a short name or a digit 1-4; returns KC_LEVEL_NONE if unknown. */
enum kc_level kc_level_parse(const char *text);

#endif
