/* The walk-run programme of db/50_return_to_running.sql as a C value, for
 * the core tests of the engine (which may not read SQL). test_runplan_data
 * proves the loaded content equals this, so the core tests and the safety
 * enumeration run on the real numbers. */
#ifndef KC_TEST_RUNPLAN_DEF_H
#define KC_TEST_RUNPLAN_DEF_H

#include <stdio.h>
#include <string.h>

#include "kneecare/runplan.h"

static inline struct kc_rp_def test_rp_def(void) {
  struct kc_rp_def d;
  memset(&d, 0, sizeof d);
  d.sessions_per_week = 3;
  d.rest_days = 1;
  d.warmup_min = 5;
  static const struct kc_rp_stage stages[] = {{1, 2, 6}, {2, 2, 5},  {3, 1, 5},
                                              {5, 1, 4}, {10, 1, 2}, {20, 0, 1}};
  d.n_stages = (int)(sizeof stages / sizeof stages[0]);
  memcpy(d.stage, stages, sizeof stages);
  d.rule = (struct kc_rp_rule){3, 3, 2, 7, 14};
  static const struct {
    const char *id;
    enum kc_level level;
  } causes[] = {{"runners-knee", KC_LEVEL_SELF_CARE},
                {"training-load", KC_LEVEL_SELF_CARE},
                {"muscle-imbalance", KC_LEVEL_SELF_CARE},
                {"pes-anserine-bursitis", KC_LEVEL_SELF_CARE},
                {"it-band-syndrome", KC_LEVEL_SELF_CARE},
                {"medial-plica", KC_LEVEL_SELF_CARE},
                {"osteoarthritis", KC_LEVEL_SOON},
                {"mcl-injury", KC_LEVEL_SOON},
                {"hamstring-calf-strain", KC_LEVEL_SELF_CARE},
                {"bone-bruise", KC_LEVEL_SELF_CARE},
                {"osgood-schlatter", KC_LEVEL_SELF_CARE},
                {"sinding-larsen-johansson", KC_LEVEL_SELF_CARE},
                {"patellar-tendinopathy", KC_LEVEL_SELF_CARE}};
  d.n_causes = (int)(sizeof causes / sizeof causes[0]);
  for (int i = 0; i < d.n_causes; i++) {
    snprintf(d.cause[i].id, sizeof d.cause[i].id, "%s", causes[i].id);
    d.cause[i].min_level = causes[i].level;
  }
  return d;
}

#endif
