/* tgmath.h -- C11 7.25, type-generic math through _Generic.
 *
 * The type an argument selects: float, long double and the three complex
 * types stand for themselves; any other (integer or double) means double.
 * With two or three generic arguments the usual arithmetic conversions of
 * their promoted sum pick the function, so an int beside a float gives
 * double, as 7.25p3 asks. */
#ifndef _TGMATH_H
#define _TGMATH_H

#include <math.h>
#include <complex.h>

#define __tg_promote(x) _Generic((x), \
	float: (x), long double: (x), float _Complex: (x), double _Complex: (x), \
	long double _Complex: (x), default: (double)(x))

/* Real functions. */
#define __tg_real(fn, e) _Generic((e), \
	float: fn##f, long double: fn##l, default: fn)
/* Functions with a complex counterpart named c<fn>. */
#define __tg_rc(fn, e) _Generic((e), \
	float: fn##f, long double: fn##l, \
	float _Complex: c##fn##f, double _Complex: c##fn, long double _Complex: c##fn##l, \
	default: fn)
/* Complex-only functions: a real argument selects its complex precision. */
#define __tg_cplx(fn, e) _Generic((e), \
	float: fn##f, long double: fn##l, \
	float _Complex: fn##f, double _Complex: fn, long double _Complex: fn##l, \
	default: fn)

#define __tg1(fn, x) __tg_real(fn, __tg_promote(x))(x)
#define __tg2(fn, x, y) __tg_real(fn, __tg_promote(x) + __tg_promote(y))(x, y)
#define __tg3(fn, x, y, z) \
	__tg_real(fn, __tg_promote(x) + __tg_promote(y) + __tg_promote(z))(x, y, z)
#define __tgrc1(fn, x) __tg_rc(fn, __tg_promote(x))(x)
#define __tgrc2(fn, x, y) __tg_rc(fn, __tg_promote(x) + __tg_promote(y))(x, y)

#undef fabs
#define acos(x) __tgrc1(acos, x)
#define asin(x) __tgrc1(asin, x)
#define atan(x) __tgrc1(atan, x)
#define acosh(x) __tgrc1(acosh, x)
#define asinh(x) __tgrc1(asinh, x)
#define atanh(x) __tgrc1(atanh, x)
#define cos(x) __tgrc1(cos, x)
#define sin(x) __tgrc1(sin, x)
#define tan(x) __tgrc1(tan, x)
#define cosh(x) __tgrc1(cosh, x)
#define sinh(x) __tgrc1(sinh, x)
#define tanh(x) __tgrc1(tanh, x)
#define exp(x) __tgrc1(exp, x)
#define log(x) __tgrc1(log, x)
#define pow(x, y) __tgrc2(pow, x, y)
#define sqrt(x) __tgrc1(sqrt, x)
#define fabs(x) _Generic(__tg_promote(x), \
	float: fabsf, long double: fabsl, \
	float _Complex: cabsf, double _Complex: cabs, long double _Complex: cabsl, \
	default: fabs)(x)

#define atan2(x, y) __tg2(atan2, x, y)
#define cbrt(x) __tg1(cbrt, x)
#define ceil(x) __tg1(ceil, x)
#define copysign(x, y) __tg2(copysign, x, y)
#define erf(x) __tg1(erf, x)
#define erfc(x) __tg1(erfc, x)
#define exp2(x) __tg1(exp2, x)
#define expm1(x) __tg1(expm1, x)
#define fdim(x, y) __tg2(fdim, x, y)
#define floor(x) __tg1(floor, x)
#define fma(x, y, z) __tg3(fma, x, y, z)
#define fmax(x, y) __tg2(fmax, x, y)
#define fmin(x, y) __tg2(fmin, x, y)
#define fmod(x, y) __tg2(fmod, x, y)
#define frexp(x, e) __tg_real(frexp, __tg_promote(x))(x, e)
#define hypot(x, y) __tg2(hypot, x, y)
#define ilogb(x) __tg1(ilogb, x)
#define ldexp(x, e) __tg_real(ldexp, __tg_promote(x))(x, e)
#define lgamma(x) __tg1(lgamma, x)
#define llrint(x) __tg1(llrint, x)
#define llround(x) __tg1(llround, x)
#define log10(x) __tg1(log10, x)
#define log1p(x) __tg1(log1p, x)
#define log2(x) __tg1(log2, x)
#define logb(x) __tg1(logb, x)
#define lrint(x) __tg1(lrint, x)
#define lround(x) __tg1(lround, x)
#define nearbyint(x) __tg1(nearbyint, x)
#define nextafter(x, y) __tg2(nextafter, x, y)
#define nexttoward(x, y) __tg_real(nexttoward, __tg_promote(x))(x, y)
#define remainder(x, y) __tg2(remainder, x, y)
#define remquo(x, y, q) __tg_real(remquo, __tg_promote(x) + __tg_promote(y))(x, y, q)
#define rint(x) __tg1(rint, x)
#define round(x) __tg1(round, x)
#define scalbn(x, n) __tg_real(scalbn, __tg_promote(x))(x, n)
#define scalbln(x, n) __tg_real(scalbln, __tg_promote(x))(x, n)
#define tgamma(x) __tg1(tgamma, x)
#define trunc(x) __tg1(trunc, x)

#undef creal
#undef cimag
#define carg(x) __tg_cplx(carg, __tg_promote(x))(x)
#define cimag(x) __tg_cplx(cimag, __tg_promote(x))(x)
#define conj(x) __tg_cplx(conj, __tg_promote(x))(x)
#define cproj(x) __tg_cplx(cproj, __tg_promote(x))(x)
#define creal(x) __tg_cplx(creal, __tg_promote(x))(x)

#endif
