/* cfuncs.h -- the C99 <complex.h> functions (C11 7.3), written once
 * for a floating type and included by complex_f.c, complex_d.c and
 * complex_l.c with:
 *   T       the real type (float, double, long double)
 *   F(name) the real function for it (sinf / sin / sinl)
 *   C(name) the complex function for it (csinf / csin / csinl)
 * Each function is the textbook identity over the real functions (Annex G's
 * special cases for zeros, infinities and NaNs where the identity would give
 * the wrong one are handled in cexp, clog, csqrt and cproj); the results are
 * as accurate as the identities allow, not correctly rounded -- C asks for
 * no more. */

typedef _Complex T CT;

static CT F(make)(T re, T im)
{
	union { CT z; T part[2]; } u;
	u.part[0] = re;
	u.part[1] = im;
	return u.z;
}

/* z + r and r - z for a real r, as Annex G defines them: the real operand
 * touches only the real part, so the sign of a zero imaginary part survives. */
static CT F(add_real)(CT z, T r) { return F(make)(__real__ z + r, __imag__ z); }
static CT F(real_sub)(T r, CT z) { return F(make)(r - __real__ z, -__imag__ z); }

T C(real)(CT z) { return __real__ z; }
T C(imag)(CT z) { return __imag__ z; }
CT C(onj)(CT z) { return F(make)(__real__ z, -__imag__ z); }
T C(abs)(CT z) { return F(hypot)(__real__ z, __imag__ z); }
T C(arg)(CT z) { return F(atan2)(__imag__ z, __real__ z); }

/* cproj: every infinity projects to (+inf, +-0). */
CT C(proj)(CT z)
{
	if (isinf(__real__ z) || isinf(__imag__ z))
		return F(make)((T)INFINITY, F(copysign)(0, __imag__ z));
	return z;
}

CT C(exp)(CT z)
{
	T x = __real__ z, y = __imag__ z;
	if (y == 0)                                     /* exact for real arguments */
		return F(make)(F(exp)(x), y);
	if (isinf(x) && x < 0 && !isfinite(y))
		return F(make)(0, 0);
	T r = F(exp)(x);
	return F(make)(r * F(cos)(y), r * F(sin)(y));
}

CT C(log)(CT z)
{
	return F(make)(F(log)(C(abs)(z)), C(arg)(z));
}

/* csqrt: the principal root, Kahan's way (no cancellation; the branch cut
 * along the negative real axis follows the sign of the imaginary part). */
CT C(sqrt)(CT z)
{
	T x = __real__ z, y = __imag__ z;
	if (x == 0 && y == 0)
		return F(make)(0, y);
	if (isinf(y))
		return F(make)((T)INFINITY, y);
	if (isinf(x) && x > 0)
		return F(make)(x, y != y ? y : F(copysign)(0, y));
	if (isinf(x))
		return F(make)(y != y ? y : 0, F(copysign)((T)INFINITY, y));
	T t = F(sqrt)((F(fabs)(x) + C(abs)(z)) / 2);
	if (x >= 0)
		return F(make)(t, y / (2 * t));
	return F(make)(F(fabs)(y) / (2 * t), F(copysign)(t, y));
}

CT C(pow)(CT x, CT y)
{
	if (__real__ x == 0 && __imag__ x == 0) {
		if (__imag__ y == 0 && __real__ y > 0)
			return F(make)(0, 0);
	}
	return C(exp)(y * C(log)(x));
}

CT C(sinh)(CT z)
{
	T x = __real__ z, y = __imag__ z;
	return F(make)(F(sinh)(x) * F(cos)(y), F(cosh)(x) * F(sin)(y));
}

CT C(cosh)(CT z)
{
	T x = __real__ z, y = __imag__ z;
	return F(make)(F(cosh)(x) * F(cos)(y), F(sinh)(x) * F(sin)(y));
}

/* ctanh: (sinh 2x + i sin 2y) / (cosh 2x + cos 2y); for large |x| the real
 * part is +-1 and the imaginary part 2 sin 2y e^(-2|x|) (cosh 2x would overflow). */
CT C(tanh)(CT z)
{
	T x = __real__ z, y = __imag__ z;
	if (F(fabs)(x) > 20)
		return F(make)(F(copysign)(1, x), 2 * F(sin)(2 * y) * F(exp)(-2 * F(fabs)(x)));
	T d = F(cosh)(2 * x) + F(cos)(2 * y);
	return F(make)(F(sinh)(2 * x) / d, F(sin)(2 * y) / d);
}

/* The circular functions through the hyperbolic ones: sin z = -i sinh(iz) ... */
CT C(sin)(CT z)
{
	CT w = C(sinh)(F(make)(-__imag__ z, __real__ z));
	return F(make)(__imag__ w, -__real__ w);
}

CT C(cos)(CT z)
{
	return C(cosh)(F(make)(-__imag__ z, __real__ z));
}

CT C(tan)(CT z)
{
	CT w = C(tanh)(F(make)(-__imag__ z, __real__ z));
	return F(make)(__imag__ w, -__real__ w);
}

/* casinh z = log(z + sqrt(z^2 + 1)), computed in the right half plane and
 * reflected (it is odd) so that the sum does not cancel. */
CT C(asinh)(CT z)
{
	int negate = __real__ z < 0 || (__real__ z == 0 && signbit(__real__ z));
	CT w = negate ? -z : z;
	CT r = C(log)(w + C(sqrt)(F(add_real)(w * w, 1)));
	return negate ? -r : r;
}

CT C(asin)(CT z)
{
	CT w = C(asinh)(F(make)(-__imag__ z, __real__ z));
	return F(make)(__imag__ w, -__real__ w);
}

/* cacosh z = log(z + sqrt(z + 1) sqrt(z - 1)), real part >= 0. */
CT C(acosh)(CT z)
{
	return C(log)(z + C(sqrt)(F(add_real)(z, 1)) * C(sqrt)(F(add_real)(z, -1)));
}

/* cacos z = pi/2 - casin z. */
CT C(acos)(CT z)
{
	CT w = C(asin)(z);
	return F(make)((T)1.57079632679489661923132169163975144L - __real__ w, -__imag__ w);
}

/* catanh z = (log(1 + z) - log(1 - z)) / 2. */
CT C(atanh)(CT z)
{
	CT d = C(log)(F(add_real)(z, 1)) - C(log)(F(real_sub)(1, z));
	return F(make)(__real__ d / 2, __imag__ d / 2);
}

CT C(atan)(CT z)
{
	CT w = C(atanh)(F(make)(-__imag__ z, __real__ z));
	return F(make)(__imag__ w, -__real__ w);
}
