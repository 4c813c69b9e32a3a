/* SQLite's SQL math functions (sin(), pow(), log() ...), bound to libm only
 * when one is first called.
 *
 * Debian's libsqlite3.a keeps the addresses of 19 libm functions in its
 * function table, so linking it the usual way makes libm a start-up
 * dependency: loading libm.so runs its ifunc resolvers and maps about
 * 0.5 MB, a tenth of the guide's memory, for functions the guide's queries
 * never call (its one logarithm is core/ln.c). The link wraps those 19
 * names (-Wl,--wrap, CMakeLists.txt) so SQLite's table points here, and
 * each wrapper opens libm and looks its function up on first use. If libm
 * cannot be loaded the function returns NaN, which SQL reads as NULL. */
#include <dlfcn.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

typedef double (*kc_math1)(double);
typedef double (*kc_math2)(double, double);

/* The function named name in libm, or NULL. Races between threads are
 * harmless: every caller stores the same handle and the same address. */
static void *libm_function(const char *name) {
  static void *libm;
  void *h = __atomic_load_n(&libm, __ATOMIC_ACQUIRE);
  if (!h) {
    h = dlopen("libm.so.6", RTLD_NOW | RTLD_LOCAL);
    if (!h) return NULL;
    __atomic_store_n(&libm, h, __ATOMIC_RELEASE);
  }
  return dlsym(h, name);
}

/* dlsym's void * is copied into the function pointer (POSIX guarantees the
 * representations match; a cast would be a pedantic warning). */
#define KC_WRAP1(f)                                                                                \
  double __wrap_##f(double x);                                                                     \
  double __wrap_##f(double x) {                                                                    \
    static kc_math1 p;                                                                             \
    kc_math1 q = __atomic_load_n(&p, __ATOMIC_ACQUIRE);                                            \
    if (!q) {                                                                                      \
      void *v = libm_function(#f);                                                                 \
      if (!v) return NAN;                                                                          \
      memcpy(&q, &v, sizeof q);                                                                    \
      __atomic_store_n(&p, q, __ATOMIC_RELEASE);                                                   \
    }                                                                                              \
    return q(x);                                                                                   \
  }
#define KC_WRAP2(f)                                                                                \
  double __wrap_##f(double x, double y);                                                           \
  double __wrap_##f(double x, double y) {                                                          \
    static kc_math2 p;                                                                             \
    kc_math2 q = __atomic_load_n(&p, __ATOMIC_ACQUIRE);                                            \
    if (!q) {                                                                                      \
      void *v = libm_function(#f);                                                                 \
      if (!v) return NAN;                                                                          \
      memcpy(&q, &v, sizeof q);                                                                    \
      __atomic_store_n(&p, q, __ATOMIC_RELEASE);                                                   \
    }                                                                                              \
    return q(x, y);                                                                                \
  }

KC_WRAP1(acos)
KC_WRAP1(acosh)
KC_WRAP1(asin)
KC_WRAP1(asinh)
KC_WRAP1(atan)
KC_WRAP1(atanh)
KC_WRAP1(cos)
KC_WRAP1(cosh)
KC_WRAP1(exp)
KC_WRAP1(log)
KC_WRAP1(sin)
KC_WRAP1(sinh)
KC_WRAP1(sqrt)
KC_WRAP1(tan)
KC_WRAP1(tanh)
KC_WRAP1(trunc)
KC_WRAP2(atan2)
KC_WRAP2(fmod)
KC_WRAP2(pow)
