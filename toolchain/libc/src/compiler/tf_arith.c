/* binary128 arithmetic in software, as libgcc names it: __addtf3, __subtf3,
 * __multf3, __divtf3, __negtf2, __powitf2.  The long double operators on
 * AArch64 and RISC-V 64 (and __float128 on x86-64) call these.  Correctly
 * rounded to nearest-even; no rounding modes, no exception flags. */
#include "../internal/tf_rep.h"
#ifdef TF_HAVE_TYPE

/* a + b; tie_b picks the NaN of a subtraction (see tf_nan_result). */
static u128 add_bits(u128 a, u128 b, int tie_b)
{
	u128 sa = a & TF_SIGN, sb = b & TF_SIGN, ma, mb, t, m;
	int ea, eb;
	if (TF_ISNAN(a) || TF_ISNAN(b))
		return tf_nan_result(a, b, tie_b);
	if (TF_ISINF(a) || TF_ISINF(b)) {
		if (TF_ISINF(a) && TF_ISINF(b) && sa != sb)
			return TF_DEFAULT_NAN;
		return TF_ISINF(a) ? a : b;
	}
	if (TF_ABS(a) == 0)
		return TF_ABS(b) == 0 ? (sa & sb) : b;
	if (TF_ABS(b) == 0)
		return a;
	if (TF_ABS(a) < TF_ABS(b)) {
		t = a; a = b; b = t;
		t = sa; sa = sb; sb = t;
	}
	ma = tf_unpack(a, &ea) << 3;
	mb = tf_unpack(b, &eb) << 3;
	mb = tf_shr_sticky(mb, ea - eb);
	m = sa == sb ? ma + mb : ma - mb;
	if (m == 0)
		return 0;
	return tf_norm_pack(sa, ea, m);
}

/* The 226-bit product of two 113-bit significands, as hi:lo. */
static void mul_wide(u128 a, u128 b, u128 *hi, u128 *lo)
{
	u64 a0 = (u64)a, a1 = (u64)(a >> 64), b0 = (u64)b, b1 = (u64)(b >> 64);
	u128 p00 = (u128)a0 * b0, p01 = (u128)a0 * b1, p10 = (u128)a1 * b0;
	u128 p11 = (u128)a1 * b1;
	u128 mid = (p00 >> 64) + (u64)p01 + (u64)p10;
	*lo = (mid << 64) | (u64)p00;
	*hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
}

static u128 mul_bits(u128 a, u128 b)
{
	u128 sign = (a ^ b) & TF_SIGN, ma, mb, hi, lo, sig;
	int ea, eb;
	if (TF_ISNAN(a) || TF_ISNAN(b))
		return tf_nan_result(a, b, 0);
	if (TF_ISINF(a) || TF_ISINF(b)) {
		if (TF_ABS(a) == 0 || TF_ABS(b) == 0)
			return TF_DEFAULT_NAN;
		return sign | TF_INF;
	}
	if (TF_ABS(a) == 0 || TF_ABS(b) == 0)
		return sign;
	ma = tf_unpack(a, &ea);
	mb = tf_unpack(b, &eb);
	mul_wide(ma, mb, &hi, &lo);
	/* leading 1 at bit 224 or 225: keep it at 115 or 116, the rest sticky */
	sig = (hi << 19) | (lo >> 109) | ((lo & (((u128)1 << 109) - 1)) != 0);
	return tf_norm_pack(sign, ea + eb - TF_BIAS, sig);
}

static u128 div_bits(u128 a, u128 b)
{
	u128 sign = (a ^ b) & TF_SIGN, ma, mb, q = 0;
	int ea, eb, i;
	if (TF_ISNAN(a) || TF_ISNAN(b))
		return tf_nan_result(a, b, 1);
	if (TF_ISINF(a))
		return TF_ISINF(b) ? TF_DEFAULT_NAN : sign | TF_INF;
	if (TF_ISINF(b))
		return sign;
	if (TF_ABS(b) == 0)
		return TF_ABS(a) == 0 ? TF_DEFAULT_NAN : sign | TF_INF;
	if (TF_ABS(a) == 0)
		return sign;
	ma = tf_unpack(a, &ea);
	mb = tf_unpack(b, &eb);
	/* restoring division: 117 quotient bits, q = floor(ma / mb * 2^116) */
	for (i = 0; i < 117; i++) {
		q <<= 1;
		if (ma >= mb) {
			ma -= mb;
			q |= 1;
		}
		ma <<= 1;
	}
	q |= ma != 0;
	return tf_norm_pack(sign, ea - eb + TF_BIAS - 1, q);
}

tf __addtf3(tf a, tf b) { return tf_from(add_bits(tf_bits(a), tf_bits(b), 0)); }

/* a - b is a + (-b), except that a NaN b keeps its sign. */
tf __subtf3(tf a, tf b)
{
	u128 y = tf_bits(b);
	return tf_from(add_bits(tf_bits(a), TF_ISNAN(y) ? y : y ^ TF_SIGN, 1));
}

tf __multf3(tf a, tf b) { return tf_from(mul_bits(tf_bits(a), tf_bits(b))); }
tf __divtf3(tf a, tf b) { return tf_from(div_bits(tf_bits(a), tf_bits(b))); }
tf __negtf2(tf a) { return tf_from(tf_bits(a) ^ TF_SIGN); }

/* a to the power n by squaring: the result of a*a*...*a rounded at each
 * step in this order, 1/that for negative n. */
tf __powitf2(tf a, int n)
{
	unsigned k = n < 0 ? -(unsigned)n : (unsigned)n;
	u128 x = tf_bits(a), one = (u128)TF_BIAS << 112;
	u128 y = (k & 1) ? x : one;
	while (k >>= 1) {
		x = mul_bits(x, x);
		if (k & 1)
			y = mul_bits(y, x);
	}
	return tf_from(n < 0 ? div_bits(one, y) : y);
}
#endif
