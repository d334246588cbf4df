/* exact.h -- the math functions whose result is exactly the rounded true
 * value, written once for a floating type and included by exact_f.c,
 * exact_d.c and exact_l.c with:
 *   T       the type (float, double, long double)
 *   F(name) the function name for it (floorf / floor / floorl)
 *   MANT    its significand bits (FLT/DBL/LDBL_MANT_DIG)
 *   EMIN    the exponent of its smallest normal (FLT_MIN_EXP - 1 ...)
 *   EMAX    the exponent of its largest finite value
 * Only arithmetic that is exact (scaling by powers of two, conversions of
 * representable integers) or that rounds once is used, so one text serves
 * every format and every target: no bit layouts here. */

static T F(two_to)(int n)                   /* 2^n, for EMIN-MANT < n <= EMAX */
{
	T r = 1;
	T big = n > 0 ? (T)2 : (T)0.5;
	int k = n > 0 ? n : -n;
	while (k) {                             /* binary powering: all steps exact */
		if (k & 1)
			r *= big;
		k >>= 1;
		if (k)
			big *= big;
	}
	return r;
}

T F(fabs)(T x)
{
	return F(copysign)(x, 1);
}

T F(scalbn)(T x, int n)
{
	/* At most two exact steps then one rounding step (musl's scheme). */
	if (n > EMAX) {
		x *= F(two_to)(EMAX);
		n -= EMAX;
		if (n > EMAX) {
			x *= F(two_to)(EMAX);
			n -= EMAX;
			if (n > EMAX)
				n = EMAX;
		}
	} else if (n < EMIN) {
		T down = F(two_to)(EMIN + MANT - 1);   /* keeps MANT-1 bits of room */
		x *= down;
		n -= EMIN + MANT - 1;
		if (n < EMIN) {
			x *= down;
			n -= EMIN + MANT - 1;
			if (n < EMIN)
				n = EMIN;
		}
	}
	return x * F(two_to)(n);
}

T F(ldexp)(T x, int n) { return F(scalbn)(x, n); }
T F(scalbln)(T x, long n)
{
	return F(scalbn)(x, n > 100000 ? 100000 : n < -100000 ? -100000 : (int)n);
}

/* x = m * 2^e with 0.5 <= |m| < 1. */
T F(frexp)(T x, int *e)
{
	int k = 0;
	T a;
	if (x == 0 || x != x || x - x != 0) {   /* zero, nan, inf */
		*e = 0;
		return x;
	}
	a = F(fabs)(x);
	if (a < F(two_to)(EMIN)) {              /* subnormal: make it normal */
		a *= F(two_to)(MANT);
		k -= MANT;
	}
	while (a >= F(two_to)(256)) { a *= F(two_to)(-256); k += 256; }
	while (a >= 1) { a *= (T)0.5; k++; }
	while (a < F(two_to)(-256)) { a *= F(two_to)(256); k -= 256; }
	while (a < (T)0.5) { a *= 2; k--; }
	*e = k;
	return x < 0 ? -a : a;
}

int F(ilogb)(T x)
{
	int e;
	if (x == 0)
		return FP_ILOGB0;
	if (x != x)
		return FP_ILOGBNAN;
	if (x - x != 0)
		return INT_MAX;
	F(frexp)(x, &e);
	return e - 1;
}

T F(logb)(T x)
{
	if (x == 0)
		return -1 / F(fabs)(x);
	if (x != x)
		return x;
	if (x - x != 0)
		return F(fabs)(x);
	return (T)F(ilogb)(x);
}

T F(significand)(T x)
{
	return F(scalbn)(x, -F(ilogb)(x));
}

T F(copysign)(T x, T y)
{
	/* The sign of y, zero and NaN included, read from its bytes: the sign
	 * is the top bit of the highest-addressed byte holding the value on
	 * little-endian targets (x87: byte 9). */
	unsigned char bx[sizeof(T)], by[sizeof(T)];
	int top = MANT == 64 ? 9 : (int)sizeof(T) - 1;
	memcpy(bx, &x, sizeof(T));
	memcpy(by, &y, sizeof(T));
	bx[top] = (unsigned char)((bx[top] & 0x7f) | (by[top] & 0x80));
	memcpy(&x, bx, sizeof(T));
	return x;
}

static int F(sign_of)(T x)
{
	return F(copysign)((T)1, x) < 0;
}

/* The integer part (|x| < 2^MANT only); larger values are integers already. */
T F(trunc)(T x)
{
	T a = F(fabs)(x), big = F(two_to)(MANT - 1), r;
	if (!(a < big))
		return x;                       /* integral, inf or nan */
	if (a < 1)
		return F(copysign)(0, x);
	/* a + big - big rounds a to an integer; step back if it went up. */
	r = (a + big) - big;
	if (r > a)
		r -= 1;
	return F(copysign)(r, x);
}

T F(floor)(T x)
{
	T t = F(trunc)(x);
	return t > x ? t - 1 : t;
}

T F(ceil)(T x)
{
	T t = F(trunc)(x);
	if (t < x)
		return t + 1;
	return t == 0 ? F(copysign)(0, x) : t;   /* ceil(-0.5) is -0 */
}

T F(round)(T x)
{
	T t = F(trunc)(x), a = F(fabs)(x - t);
	if (a >= (T)0.5)
		t += x < 0 ? -1 : 1;
	return t == 0 ? F(copysign)(0, x) : t;
}

/* Round to integer in the current (round-to-nearest-even) mode. */
T F(rint)(T x)
{
	T a = F(fabs)(x), big = F(two_to)(MANT - 1), r;
	if (!(a < big))
		return x;
	r = (a + big) - big;
	return F(copysign)(r, x);
}

T F(nearbyint)(T x) { return F(rint)(x); }
long F(lrint)(T x) { return (long)F(rint)(x); }
long long F(llrint)(T x) { return (long long)F(rint)(x); }
long F(lround)(T x) { return (long)F(round)(x); }
long long F(llround)(T x) { return (long long)F(round)(x); }

T F(modf)(T x, T *ip)
{
	T t = F(trunc)(x);
	*ip = t;
	if (x - x != 0)                         /* inf: fraction 0, nan: nan */
		return x != x ? x : F(copysign)(0, x);
	return F(copysign)(x - t, x);
}

T F(fdim)(T x, T y)
{
	if (x != x || y != y)
		return x + y;
	return x > y ? x - y : 0;
}

T F(fmax)(T x, T y)
{
	if (x != x)
		return y;
	if (y != y)
		return x;
	if (x == y && x == 0)
		return F(sign_of)(x) ? y : x;
	return x > y ? x : y;
}

T F(fmin)(T x, T y)
{
	if (x != x)
		return y;
	if (y != y)
		return x;
	if (x == y && x == 0)
		return F(sign_of)(x) ? x : y;
	return x < y ? x : y;
}

/* remquo: x - n*y with n the integer nearest x/y (ties to even), exactly,
 * by long division on the significands; *quo gets the low bits of n. */
T F(remquo)(T x, T y, int *quo)
{
	T ax = F(fabs)(x), ay = F(fabs)(y), r;
	int ex, ey, neg_q = F(sign_of)(x) != F(sign_of)(y);
	unsigned q = 0;
	*quo = 0;
	if (x != x || y != y || ax - ax != 0 || ay == 0)
		return (x * y) / (x * y);       /* nan */
	if (ay - ay != 0)                       /* y infinite */
		return x;
	if (ax < ay) {
		r = ax;
		q = 0;
	} else {
		/* Subtract ay*2^k for k from (ex - ey) down to 0: each step exact. */
		F(frexp)(ax, &ex);
		F(frexp)(ay, &ey);
		r = ax;
		for (int k = ex - ey; k >= 0; k--) {
			T s = F(scalbn)(ay, k);
			q <<= 1;
			if (r >= s) {
				r -= s;
				q |= 1;
			}
		}
	}
	/* Now 0 <= r < ay; pick the nearer multiple (ties to an even quotient). */
	if (r > ay - r || (r == ay - r && (q & 1))) {
		r -= ay;
		q++;
	}
	*quo = (int)(q & 0x7fffffff) * (neg_q ? -1 : 1);
	return F(sign_of)(x) ? -r : r;
}

T F(remainder)(T x, T y)
{
	int q;
	return F(remquo)(x, y, &q);
}

T F(drem)(T x, T y) { return F(remainder)(x, y); }

T F(fmod)(T x, T y)
{
	T ax = F(fabs)(x), ay = F(fabs)(y), r;
	int ex, ey;
	if (x != x || y != y || ax - ax != 0 || ay == 0)
		return (x * y) / (x * y);
	if (ax < ay)
		return x;
	F(frexp)(ax, &ex);
	F(frexp)(ay, &ey);
	r = ax;
	for (int k = ex - ey; k >= 0; k--) {
		T s = F(scalbn)(ay, k);
		if (r >= s)
			r -= s;
	}
	return F(sign_of)(x) ? -r : r;
}

T F(nextafter)(T x, T y)
{
	T a, ulp;
	int e;
	if (x != x || y != y)
		return x + y;
	if (x == y)
		return y;
	if (x == 0)
		return F(copysign)(F(two_to)(EMIN - MANT + 1), y);
	a = F(fabs)(x);
	if (a - a != 0)                         /* from an infinity: the largest finite */
		return F(copysign)(F(two_to)(EMAX) * (2 - F(two_to)(1 - MANT)), x);
	F(frexp)(a, &e);                        /* a in [2^(e-1), 2^e) */
	if (e - 1 < EMIN)
		e = EMIN + 1;
	ulp = F(two_to)(e - MANT);
	/* Moving toward zero from an exact power of two: the step below is half. */
	if ((x > 0) == (y < x) && a == F(two_to)(e - 1) && e - 1 > EMIN)
		ulp *= (T)0.5;
	a = (y > x) ? x + ulp : x - ulp;
	return a == 0 ? F(copysign)(0, x) : a;  /* from the smallest subnormal: 0 of x's sign */
}

T F(nexttoward)(T x, long double y)
{
	if (x != x || y != y)
		return (T)((long double)x + y);
	if ((long double)x == y)
		return (T)y;
	return F(nextafter)(x, (long double)x < y ? (T)F(two_to)(EMAX) * 2 : -(T)F(two_to)(EMAX) * 2);
}

int F(finite)(T x) { return x - x == 0; }

T F(nan)(const char *s)
{
	(void)s;
	return (T)__builtin_nan("");
}

/* hypot: sqrt(x^2 + y^2) without overflow.  float and double work in
 * long double, where the sum of squares cannot overflow and rounds once
 * more finely; long double scales by a power of two. */
T F(hypot)(T x, T y)
{
	T ax = F(fabs)(x), ay = F(fabs)(y), t, s = 1;
	if (ax - ax != 0 || ay - ay != 0) {
		if (ax == ax && ax - ax != 0)
			return ax;
		if (ay == ay && ay - ay != 0)
			return ay;
		return x + y;
	}
#if WIDER
	return (T)sqrtl((long double)ax * ax + (long double)ay * ay);
#else
	if (ax < ay)
		t = ax, ax = ay, ay = t;
	if (ax == 0)
		return 0;
	if (ax > F(two_to)(EMAX / 2)) {
		s = F(two_to)(EMAX / 2 + MANT);
		ax /= s, ay /= s;
	} else if (ax < F(two_to)(EMIN / 2)) {
		s = F(two_to)(EMIN / 2 - MANT);
		ax /= s, ay /= s;
	}
	t = ay / ax;
	return s * ax * F(sqrt)(1 + t * t);
#endif
}

/* fma: x*y + z with the product split exactly (Veltkamp/Dekker) and the
 * sum's error carried: faithful, correctly rounded but for rare ties. */
T F(fma)(T x, T y, T z)
{
#if WIDER == 2
	return (T)((long double)x * y + z);   /* float: the product is exact */
#else
	T split = F(two_to)((MANT + 1) / 2) + 1;
	T p, e, s, t, xh, xl, yh, yl, c;
	if (x - x != 0 || y - y != 0 || z - z != 0 || x == 0 || y == 0)
		return x * y + z;
	p = x * y;
	if (p - p != 0)
		return p + z;
	c = split * x; xh = c - (c - x); xl = x - xh;
	c = split * y; yh = c - (c - y); yl = y - yh;
	e = ((xh * yh - p) + xh * yl + xl * yh) + xl * yl;   /* p + e == x*y */
	s = p + z;
	t = (p - (s - (s - p))) + (z - (s - p));            /* s + t == p + z */
	return s + (t + e);
#endif
}
