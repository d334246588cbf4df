/* The compiler's helper routines for 64-bit division on i386 (what libgcc
 * calls __divdi3 and friends): the back end turns long long '/' and '%'
 * into calls of these, since the hardware divides at most 64 by 32 bits.
 * When both operands fit in 32 bits the hardware does it; otherwise
 * restoring division, one quotient bit per step (no '/' on 64-bit values
 * here: it would call these very functions).  Division by zero traps as
 * the hardware would; INT64_MIN / -1 is undefined in C. */
typedef unsigned long long u64;
typedef long long s64;

u64 __udivmoddi4(u64 n, u64 d, u64 *rem)
{
	u64 q = 0, r = 0;
	int i;
	if ((d >> 32) == 0 && (n >> 32) == 0) {
		unsigned a = (unsigned)n, b = (unsigned)d;
		if (rem)
			*rem = a % b;
		return a / b;
	}
	if (n < d) {
		if (rem)
			*rem = n;
		return 0;
	}
	for (i = 63; i >= 0; i--) {
		r = r << 1 | ((n >> i) & 1);
		if (r >= d) {
			r -= d;
			q |= (u64)1 << i;
		}
	}
	if (rem)
		*rem = r;
	return q;
}

u64 __udivdi3(u64 n, u64 d) { return __udivmoddi4(n, d, 0); }

u64 __umoddi3(u64 n, u64 d)
{
	u64 r;
	__udivmoddi4(n, d, &r);
	return r;
}

s64 __divmoddi4(s64 n, s64 d, s64 *rem)
{
	int nneg = n < 0, dneg = d < 0;
	u64 un = nneg ? -(u64)n : (u64)n, ud = dneg ? -(u64)d : (u64)d, r;
	u64 q = __udivmoddi4(un, ud, &r);
	if (rem)
		*rem = nneg ? -(s64)r : (s64)r;
	return nneg != dneg ? -(s64)q : (s64)q;
}

s64 __divdi3(s64 n, s64 d) { return __divmoddi4(n, d, 0); }

s64 __moddi3(s64 n, s64 d)
{
	s64 r;
	__divmoddi4(n, d, &r);
	return r;
}
