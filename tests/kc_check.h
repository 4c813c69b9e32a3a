/* Shared main() for the check suites: verbosity from CK_VERBOSITY, and a
 * run that executes no test at all (a mistyped CK_RUN_CASE) is a failure. */
#ifndef KC_CHECK_H
#define KC_CHECK_H
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#define KC_CHECK_MAIN(suite_fn)                                                                    \
  int main(void) {                                                                                 \
    SRunner *sr = srunner_create(suite_fn());                                                      \
    srunner_run_all(sr, CK_ENV);                                                                   \
    int ran = srunner_ntests_run(sr), failed = srunner_ntests_failed(sr);                          \
    srunner_free(sr);                                                                              \
    if (ran == 0) {                                                                                \
      fprintf(stderr, "no test ran\n");                                                            \
      return EXIT_FAILURE;                                                                         \
    }                                                                                              \
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;                                              \
  }
#endif
