/* The natural logarithm, without libm (core/ln.c). */
#ifndef KC_LN_H
#define KC_LN_H

/* log(x) for a positive finite x, within 1 ulp of the C library's log();
 * NaN for anything else. */
double kc_ln(double x);

#endif
