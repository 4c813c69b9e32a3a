/* The natural logarithm, so the guide does not load libm for one function.
 * Search weighs a word by log(1 + articles / articles with the word)
 * (store/content_search.c), and that is the program's only use of libm:
 * loading libm.so runs its ifunc resolvers and maps about 0.5 MB, a tenth
 * of the guide's memory. SQLite's own uses are bound lazily instead
 * (store/sqlite_math.c).
 *
 * Method: x = m * 2^e with m in [sqrt(1/2), sqrt(2)), so
 * log(x) = e log(2) + 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172, and
 * the atanh series s + s^3/3 + s^5/5 + ... has fallen below 2^-60 of its
 * sum by the 20th term. tests/unit/test_ln.c compares it with libm. */
#include "kneecare/ln.h"

#include <math.h>

double kc_ln(double x) {
  if (!(x > 0) || x > 1.7976931348623157e308) return NAN;
  int e;
  double m = frexp(x, &e); /* libc's, not libm's: in [0.5, 1) */
  if (m < 0.70710678118654752440) m *= 2, e--;
  const double s = (m - 1) / (m + 1), s2 = s * s;
  double term = s, sum = 0;
  for (int k = 1; k <= 39; k += 2) {
    sum += term / k;
    term *= s2;
  }
  return 2 * sum + e * 0.69314718055994530942;
}
