/* Unit tests: kc_ln (core/ln.c), the logarithm search weighs words with,
 * against the C library's log(). Search prints the weights with three
 * decimals, so equal text at every count of articles is what matters;
 * the error bound is the stronger check. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kc_check.h"
#include "kneecare/ln.h"

static double ulps(double got, double want) {
  return fabs(got - want) / (nextafter(fabs(want), INFINITY) - fabs(want));
}

/* Every argument search can pass: 1 + articles / articles with a word,
 * for any number of articles up to two million. */
START_TEST(whole_numbers_match_libm) {
  double worst = 0;
  char a[32], b[32];
  for (int k = 1; k <= 2000000; k++) {
    const double got = kc_ln(k), want = log(k);
    if (want != 0 && ulps(got, want) > worst) worst = ulps(got, want);
    if (k == 1) ck_assert(got == 0);
    snprintf(a, sizeof a, "%.3f", got);
    snprintf(b, sizeof b, "%.3f", want);
    if (strcmp(a, b) != 0) ck_abort_msg("log(%d): %s, libm %s", k, a, b);
  }
  ck_assert_msg(worst <= 2, "%.2f ulps", worst);
}
END_TEST

/* Fractions, huge and tiny values, and a sweep of one binade. */
START_TEST(other_values_within_two_ulps) {
  const double xs[] = {1e-300,
                       1e-10,
                       0.001,
                       0.5,
                       0.70710678118654752,
                       0.7071067811865476,
                       1.0000001,
                       1.5,
                       2.718281828459045,
                       3.0,
                       1e10,
                       1e300,
                       DBL_MAX,
                       DBL_MIN};
  for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
    const double got = kc_ln(xs[i]), want = log(xs[i]);
    ck_assert_msg(ulps(got, want) <= 2, "log(%g): %.17g, libm %.17g", xs[i], got, want);
  }
  for (double x = 1.0; x < 2.0; x += 1.0 / 4096) {
    const double got = kc_ln(x), want = log(x);
    if (want != 0)
      ck_assert_msg(fabs(got - want) <= 4 * DBL_EPSILON * fabs(want) || ulps(got, want) <= 2,
                    "log(%.17g): %.17g, libm %.17g", x, got, want);
  }
}
END_TEST

START_TEST(outside_the_domain_is_nan) {
  ck_assert(isnan(kc_ln(0)));
  ck_assert(isnan(kc_ln(-1)));
  ck_assert(isnan(kc_ln(INFINITY)));
  ck_assert(isnan(kc_ln(NAN)));
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("ln");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, whole_numbers_match_libm);
  tcase_add_test(tc, other_values_within_two_ulps);
  tcase_add_test(tc, outside_the_domain_is_nan);
  suite_add_tcase(s, tc);
  return s;
}

KC_CHECK_MAIN(suite)
