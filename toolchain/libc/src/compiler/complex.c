/* Complex multiplication and division helpers (libgcc's __mulXc3 and
 * __divXc3): Annex G's rules -- when the naive product is NaN+iNaN,
 * infinities in the operands are recovered; division scales by the
 * larger component of the divisor (Smith's method) to avoid overflow. */
#include <math.h>

#define DEFINE(T, SUF, MUL, DIV)                                                  \
_Complex T MUL(T a, T b, T c, T d)                                                \
{                                                                                 \
	T ac = a * c, bd = b * d, ad = a * d, bc = b * c;                             \
	T x = ac - bd, y = ad + bc;                                                   \
	union { _Complex T z; T part[2]; } r;                                         \
	if (isnan(x) && isnan(y)) {                                                   \
		int recalc = 0;                                                           \
		if (isinf(a) || isinf(b)) {                                               \
			a = copysign##SUF(isinf(a) ? 1 : 0, a);                               \
			b = copysign##SUF(isinf(b) ? 1 : 0, b);                               \
			if (isnan(c)) c = copysign##SUF(0, c);                                \
			if (isnan(d)) d = copysign##SUF(0, d);                                \
			recalc = 1;                                                           \
		}                                                                         \
		if (isinf(c) || isinf(d)) {                                               \
			c = copysign##SUF(isinf(c) ? 1 : 0, c);                               \
			d = copysign##SUF(isinf(d) ? 1 : 0, d);                               \
			if (isnan(a)) a = copysign##SUF(0, a);                                \
			if (isnan(b)) b = copysign##SUF(0, b);                                \
			recalc = 1;                                                           \
		}                                                                         \
		if (!recalc && (isinf(ac) || isinf(bd) || isinf(ad) || isinf(bc))) {      \
			if (isnan(a)) a = copysign##SUF(0, a);                                \
			if (isnan(b)) b = copysign##SUF(0, b);                                \
			if (isnan(c)) c = copysign##SUF(0, c);                                \
			if (isnan(d)) d = copysign##SUF(0, d);                                \
			recalc = 1;                                                           \
		}                                                                         \
		if (recalc) {                                                             \
			x = INFINITY * (a * c - b * d);                                       \
			y = INFINITY * (a * d + b * c);                                       \
		}                                                                         \
	}                                                                             \
	r.part[0] = x;                    /* C11 6.2.5: real part first */            \
	r.part[1] = y;                                                                \
	return r.z;                                                                   \
}                                                                                 \
_Complex T DIV(T a, T b, T c, T d)                                                \
{                                                                                 \
	T x, y;                                                                       \
	union { _Complex T z; T part[2]; } r;                                         \
	if (fabs##SUF(c) >= fabs##SUF(d)) {                                           \
		T ratio = d / c, den = c + d * ratio;                                     \
		x = (a + b * ratio) / den;                                                \
		y = (b - a * ratio) / den;                                                \
	} else {                                                                      \
		T ratio = c / d, den = c * ratio + d;                                     \
		x = (a * ratio + b) / den;                                                \
		y = (b * ratio - a) / den;                                                \
	}                                                                             \
	if (isnan(x) && isnan(y)) {                                                   \
		if (c == 0 && d == 0 && (!isnan(a) || !isnan(b))) {                       \
			x = copysign##SUF(INFINITY, c) * a;                                   \
			y = copysign##SUF(INFINITY, c) * b;                                   \
		} else if ((isinf(a) || isinf(b)) && isfinite(c) && isfinite(d)) {        \
			a = copysign##SUF(isinf(a) ? 1 : 0, a);                               \
			b = copysign##SUF(isinf(b) ? 1 : 0, b);                               \
			x = INFINITY * (a * c + b * d);                                       \
			y = INFINITY * (b * c - a * d);                                       \
		} else if ((isinf(c) || isinf(d)) && isfinite(a) && isfinite(b)) {        \
			c = copysign##SUF(isinf(c) ? 1 : 0, c);                               \
			d = copysign##SUF(isinf(d) ? 1 : 0, d);                               \
			x = 0 * (a * c + b * d);                                              \
			y = 0 * (b * c - a * d);                                              \
		}                                                                         \
	}                                                                             \
	r.part[0] = x;                    /* C11 6.2.5: real part first */            \
	r.part[1] = y;                                                                \
	return r.z;                                                                   \
}

DEFINE(float, f, __mulsc3, __divsc3)
DEFINE(double, , __muldc3, __divdc3)
#if __LDBL_MANT_DIG__ == 113           /* binary128: libgcc's "tc" names */
DEFINE(long double, l, __multc3, __divtc3)
#else                                  /* the x87's 80-bit format: "xc" */
DEFINE(long double, l, __mulxc3, __divxc3)
#endif
