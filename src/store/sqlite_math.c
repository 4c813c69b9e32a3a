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

/* The function named name in libm, looked up on first use into *slot; NULL
 * when libm cannot be loaded. Races between threads are harmless: every
 * caller stores the same handle and the same address. */
static void *libm_function(void **slot, const char *name) {
  static void *libm;
  void *f = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
  if (f) return f;
  void *h = __atomic_load_n(&libm, __ATOMIC_ACQUIRE);
  if (!h && (h = dlopen("libm.so.6", RTLD_NOW | RTLD_LOCAL)) != NULL)
    __atomic_store_n(&libm, h, __ATOMIC_RELEASE);
  if (h && (f = dlsym(h, name)) != NULL) __atomic_store_n(slot, f, __ATOMIC_RELEASE);
  return f;
}

/* dlsym's void * is copied into the function pointer (POSIX guarantees the
 * representations match; a cast would be a pedantic warning). */
#define KC_WRAP(f, params, args)                                                                   \
  double __wrap_##f params;                                                                        \
  double __wrap_##f params {                                                                       \
    static void *slot;                                                                             \
    void *v = libm_function(&slot, #f);                                                            \
    double(*fn) params;                                                                            \
    if (!v) return NAN;                                                                            \
    memcpy(&fn, &v, sizeof fn);                                                                    \
    return fn args;                                                                                \
  }
#define KC_WRAP1(f) KC_WRAP(f, (double x), (x))
#define KC_WRAP2(f) KC_WRAP(f, (double x, double y), (x, y))

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
