/* binary128 conversions in software, as libgcc names them: to and from
 * float and double (__extendsftf2, __trunctfdf2...) and the integers
 * (__fixtfsi... truncate toward zero, __floatditf... round to nearest-even).
 * Out-of-range and NaN conversions to integers (undefined in C) saturate as
 * libgcc's do: signed ones to the type's minimum or maximum by the sign,
 * unsigned ones to all ones when too large and to 0 for negative values
 * (a NaN counts as too large or negative by its sign bit). */
#include "../internal/tf_rep.h"
#ifdef TF_HAVE_TYPE

/* A float or double pattern (mbits stored significand bits, ebits exponent
 * bits) widened exactly; NaNs keep sign and payload and become quiet (on
 * RISC-V too, as libgcc does, though its fcvt would give the canonical NaN);
 * narrowing a NaN keeps them too, except on RISC-V (canonical NaN). */
static u128 extend(u64 x, int mbits, int ebits)
{
	u128 sign = (u128)(x >> (mbits + ebits)) << 127;
	int emax = (1 << ebits) - 1, bias = emax >> 1;
	int e = (int)(x >> mbits) & emax;
	u64 m = x & ((1ULL << mbits) - 1);
	if (e == emax) {
		if (!m)
			return sign | TF_INF;
		return sign | TF_INF | TF_QUIET | ((u128)m << (112 - mbits));
	}
	if (e == 0) {
		if (!m)
			return sign;
		e = 1;
		while (!(m >> mbits)) {
			m <<= 1;
			e--;
		}
	}
	return sign | ((u128)(e - bias + TF_BIAS) << 112) | (((u128)m << (112 - mbits)) & TF_MANT);
}

/* a rounded to nearest-even into a float or double pattern. */
static u64 truncate(u128 a, int mbits, int ebits)
{
	u64 sign = (u64)(a >> 127) << (mbits + ebits);
	int emax = (1 << ebits) - 1, bias = emax >> 1, e, shift;
	u64 inf = (u64)emax << mbits, sig;
	u128 m;
	unsigned low;
	if (TF_ISNAN(a)) {
#if defined(__riscv)
		return inf | 1ULL << (mbits - 1);
#else
		return sign | inf | 1ULL << (mbits - 1) | (u64)((a & TF_MANT) >> (112 - mbits));
#endif
	}
	if (TF_ISINF(a))
		return sign | inf;
	if (TF_ABS(a) == 0)
		return sign;
	e = TF_EXP(a);
	m = a & TF_MANT;
	if (e)
		m |= TF_IMPLICIT;
	else
		e = 1;
	e = e - TF_BIAS + bias;
	if (e >= emax)
		return sign | inf;
	/* leading 1 at bit mbits + 3, then shifted for a subnormal result */
	shift = 112 - mbits - 3 + (e <= 0 ? 1 - e : 0);
	sig = (u64)tf_shr_sticky(m, shift);
	if (e <= 0)
		e = 0;
	low = (unsigned)sig & 7;
	sig >>= 3;
	if (low > 4 || (low == 4 && (sig & 1)))
		sig++;
	if (sig >> (mbits + 1)) {
		sig >>= 1;
		if (++e >= emax)
			return sign | inf;
	}
	if (e == 0 && (sig >> mbits))
		e = 1;
	return sign | ((u64)e << mbits) | (sig & ((1ULL << mbits) - 1));
}

/* a truncated to an integer of rsize bits, saturating as described above. */
static u128 to_int(u128 a, int rsize, int rsigned)
{
	int neg = (int)(a >> 127), e = TF_EXP(a), shift;
	u128 m, r;
	if (e < TF_BIAS)
		return 0;
	if (e >= TF_BIAS + rsize - (rsigned || neg) || (!rsigned && neg)) {
		if (rsigned)
			return ((u128)1 << (rsize - 1)) - 1 + neg;
		return neg ? 0 : ~(u128)0;
	}
	m = (a & TF_MANT) | TF_IMPLICIT;
	shift = e - TF_BIAS - 112;
	r = shift >= 0 ? m << shift : m >> -shift;
	return neg ? -r : r;
}

/* A nonzero integer's magnitude, rounded once. */
static u128 from_int(u128 mag, u128 sign)
{
	return mag ? tf_norm_pack(sign, TF_BIAS + 115, mag) : 0;
}

tf __extendsftf2(float f)
{
	union { float f; unsigned u; } v;
	v.f = f;
	return tf_from(extend(v.u, 23, 8));
}

tf __extenddftf2(double d)
{
	union { double d; u64 u; } v;
	v.d = d;
	return tf_from(extend(v.u, 52, 11));
}

float __trunctfsf2(tf a)
{
	union { float f; unsigned u; } v;
	v.u = (unsigned)truncate(tf_bits(a), 23, 8);
	return v.f;
}

double __trunctfdf2(tf a)
{
	union { double d; u64 u; } v;
	v.u = truncate(tf_bits(a), 52, 11);
	return v.d;
}

int __fixtfsi(tf a) { return (int)to_int(tf_bits(a), 32, 1); }
long long __fixtfdi(tf a) { return (long long)to_int(tf_bits(a), 64, 1); }
s128 __fixtfti(tf a) { return (s128)to_int(tf_bits(a), 128, 1); }
unsigned __fixunstfsi(tf a) { return (unsigned)to_int(tf_bits(a), 32, 0); }
u64 __fixunstfdi(tf a) { return (u64)to_int(tf_bits(a), 64, 0); }
u128 __fixunstfti(tf a) { return to_int(tf_bits(a), 128, 0); }

tf __floatsitf(int i) { return tf_from(from_int(i < 0 ? -(u128)i : (u128)i, i < 0 ? TF_SIGN : 0)); }
tf __floatditf(long long i) { return tf_from(from_int(i < 0 ? -(u128)i : (u128)i, i < 0 ? TF_SIGN : 0)); }
tf __floattitf(s128 i) { return tf_from(from_int(i < 0 ? -(u128)i : (u128)i, i < 0 ? TF_SIGN : 0)); }
tf __floatunsitf(unsigned u) { return tf_from(from_int(u, 0)); }
tf __floatunditf(u64 u) { return tf_from(from_int(u, 0)); }
tf __floatuntitf(u128 u) { return tf_from(from_int(u, 0)); }
#endif
