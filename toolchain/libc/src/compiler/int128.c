/* The compiler's helper routines for 128-bit integers (what libgcc calls
 * __udivti3 and friends): division by shift-and-subtract, conversions to
 * and from floating types.  Only on targets with __int128. */
#if defined(__SIZEOF_INT128__)
typedef unsigned __int128 u128;
typedef __int128 s128;

u128 __udivmodti4(u128 n, u128 d, u128 *rem)
{
	u128 q = 0, r = 0;
	int i;
	if (d == 0)
		return 1 / (int)(d != 0);      /* divide by zero traps as the hardware would */
	if (n < d) {
		if (rem)
			*rem = n;
		return 0;
	}
	if ((d >> 64) == 0 && (n >> 64) == 0) {
		unsigned long long a = (unsigned long long)n, b = (unsigned long long)d;
		if (rem)
			*rem = a % b;
		return a / b;
	}
	for (i = 127; i >= 0; i--) {
		r = r << 1 | ((n >> i) & 1);
		if (r >= d) {
			r -= d;
			q |= (u128)1 << i;
		}
	}
	if (rem)
		*rem = r;
	return q;
}

u128 __udivti3(u128 n, u128 d) { return __udivmodti4(n, d, 0); }

u128 __umodti3(u128 n, u128 d)
{
	u128 r;
	__udivmodti4(n, d, &r);
	return r;
}

s128 __divti3(s128 n, s128 d)
{
	int neg = (n < 0) != (d < 0);
	u128 q = __udivmodti4(n < 0 ? -(u128)n : (u128)n, d < 0 ? -(u128)d : (u128)d, 0);
	return neg ? -(s128)q : (s128)q;
}

s128 __modti3(s128 n, s128 d)
{
	u128 r;
	__udivmodti4(n < 0 ? -(u128)n : (u128)n, d < 0 ? -(u128)d : (u128)d, &r);
	return n < 0 ? -(s128)r : (s128)r;
}

/* Float to 128-bit integer: split into high and low 64-bit halves. */
static u128 from_ld(long double x)
{
	long double two64 = 18446744073709551616.0L;
	unsigned long long hi, lo;
	if (x < 1)
		return 0;
	hi = (unsigned long long)(x / two64);
	lo = (unsigned long long)(x - (long double)hi * two64);
	return (u128)hi << 64 | lo;
}

u128 __fixunsxfti(long double x) { return from_ld(x); }
u128 __fixunsdfti(double x) { return from_ld(x); }
u128 __fixunssfti(float x) { return from_ld(x); }
s128 __fixxfti(long double x) { return x < 0 ? -(s128)from_ld(-x) : (s128)from_ld(x); }
s128 __fixdfti(double x) { return x < 0 ? -(s128)from_ld(-x) : (s128)from_ld(x); }
s128 __fixsfti(float x) { return x < 0 ? -(s128)from_ld(-x) : (s128)from_ld(x); }

/* 128-bit integer to float: round once, from the top 64 bits plus a
 * sticky bit for the rest (enough for every format up to 64 bits). */
static long double to_ld(u128 u)
{
	int shift = 0;
	unsigned long long top;
	while ((u >> shift) >> 64)
		shift++;
	top = (unsigned long long)(u >> shift);
	if (shift && (u & (((u128)1 << shift) - 1)))
		top |= 1;               /* sticky (bit 0 is below every format's rounding point) */
	return (long double)top * (long double)((u128)1 << shift);
}

static double to_d(u128 u)
{
	int shift = 0;
	unsigned long long top;
	while ((u >> shift) >> 63)
		shift++;
	top = (unsigned long long)(u >> shift);
	if (shift && (u & (((u128)1 << shift) - 1)))
		top |= 1;
	return (double)top * (double)((u128)1 << shift);
}

long double __floatuntixf(u128 u) { return to_ld(u); }
double __floatuntidf(u128 u) { return to_d(u); }
float __floatuntisf(u128 u) { return (float)to_d(u); }
long double __floattixf(s128 i) { return i < 0 ? -to_ld(-(u128)i) : to_ld((u128)i); }
double __floattidf(s128 i) { return i < 0 ? -to_d(-(u128)i) : to_d((u128)i); }
float __floattisf(s128 i) { return (float)(i < 0 ? -to_d(-(u128)i) : to_d((u128)i)); }
#endif
