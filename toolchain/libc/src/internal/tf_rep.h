/* IEEE binary128 ("tf" in libgcc's names) as a bit pattern, shared by the
 * soft-float routines in src/compiler/tf_*.c: the C type that carries it
 * in the ABI, the field layout, NaN choice per target, rounding.
 *
 * Rounding is always to nearest, ties to even; the FP environment's
 * rounding mode is not consulted and no exception flags are raised.
 * Working significands hold the value's leading 1 at bit 115: three bits
 * below the 113-bit significand (guard, round, sticky). */
#ifndef TF_REP_H
#define TF_REP_H
#if defined(__SIZEOF_INT128__)   /* 64-bit targets only; TF_HAVE_TYPE says */

#if __LDBL_MANT_DIG__ == 113
typedef long double tf;
#define TF_HAVE_TYPE 1
#elif defined(__SIZEOF_FLOAT128__)
typedef __float128 tf;
#define TF_HAVE_TYPE 1
#endif

typedef unsigned __int128 u128;
typedef __int128 s128;
typedef unsigned long long u64;

#define TF_SIGN ((u128)1 << 127)
#define TF_BIAS 16383
#define TF_EMAX 0x7fff
#define TF_IMPLICIT ((u128)1 << 112)
#define TF_MANT (TF_IMPLICIT - 1)
#define TF_QUIET ((u128)1 << 111)
#define TF_INF ((u128)TF_EMAX << 112)
#define TF_ABS(x) ((x) & ~TF_SIGN)
#define TF_EXP(x) ((int)((x) >> 112) & TF_EMAX)
#define TF_ISNAN(x) (TF_ABS(x) > TF_INF)
#define TF_ISINF(x) (TF_ABS(x) == TF_INF)

/* The NaN an invalid operation makes (libgcc's): negative on x86, all
 * significand bits set on AArch64, RISC-V's canonical NaN otherwise. */
#if defined(__x86_64__) || defined(__i386__)
#define TF_DEFAULT_NAN (TF_SIGN | TF_INF | TF_QUIET)
#elif defined(__aarch64__)
#define TF_DEFAULT_NAN (TF_INF | TF_MANT)
#else
#define TF_DEFAULT_NAN (TF_INF | TF_QUIET)
#endif

#ifdef TF_HAVE_TYPE
static inline u128 tf_bits(tf x)
{
	union { tf f; u128 u; } r;
	r.f = x;
	return r.u;
}

static inline tf tf_from(u128 u)
{
	union { tf f; u128 u; } r;
	r.u = u;
	return r.f;
}
#endif

/* The NaN result of an operation with a NaN operand (at least one of a, b
 * is NaN), quieted.  Of two NaNs x86 (libgcc, like the x87) returns the
 * quiet one if only one is quiet, else the larger significand, on a tie a
 * (b if tie_b: subtraction and division);
 * AArch64 the first signalling one, else the first; RISC-V always its
 * canonical NaN. */
static inline u128 tf_nan_result(u128 a, u128 b, int tie_b)
{
#if defined(__riscv)
	(void)a; (void)b; (void)tie_b;
	return TF_INF | TF_QUIET;
#else
	u128 r;
	if (TF_ISNAN(a) && TF_ISNAN(b)) {
#if defined(__x86_64__) || defined(__i386__)
		if ((a ^ b) & TF_QUIET)
			r = (a & TF_QUIET) ? a : b;
		else
			r = (b & TF_MANT) > (a & TF_MANT) || ((b & TF_MANT) == (a & TF_MANT) && tie_b) ? b : a;
#else
		(void)tie_b;
		r = !(a & TF_QUIET) ? a : !(b & TF_QUIET) ? b : a;
#endif
	} else
		r = TF_ISNAN(a) ? a : b;
	return r | TF_QUIET;
#endif
}

/* x >> n, with any 1 bits shifted out ORed into bit 0. */
static inline u128 tf_shr_sticky(u128 x, int n)
{
	if (n <= 0)
		return x;
	if (n >= 128)
		return x != 0;
	return (x >> n) | ((x & (((u128)1 << n) - 1)) != 0);
}

/* Round sig (leading 1 at bit 115, or 0) scaled by 2^(e - bias - 115) to a
 * binary128 pattern: subnormal, overflow to infinity, ties to even. */
static inline u128 tf_round_pack(u128 sign, int e, u128 sig)
{
	unsigned low;
	if (sig == 0)
		return sign;
	if (e >= TF_EMAX)
		return sign | TF_INF;
	if (e <= 0) {
		sig = tf_shr_sticky(sig, 1 - e);
		e = 0;
	}
	low = (unsigned)sig & 7;
	sig >>= 3;
	if (low > 4 || (low == 4 && (sig & 1)))
		sig++;
	if (sig >> 113) {
		sig >>= 1;
		if (++e >= TF_EMAX)
			return sign | TF_INF;
	}
	if (e == 0 && (sig & TF_IMPLICIT))
		e = 1;
	return sign | ((u128)e << 112) | (sig & TF_MANT);
}

/* As tf_round_pack for any nonzero sig: normalise it to bit 115 first. */
static inline u128 tf_norm_pack(u128 sign, int e, u128 sig)
{
	if (sig == 0)
		return sign;
	while (sig >> 116) {
		sig = tf_shr_sticky(sig, 1);
		e++;
	}
	while (!(sig >> 115)) {
		sig <<= 1;
		e--;
	}
	return tf_round_pack(sign, e, sig);
}

/* Unpack a finite nonzero x: significand with its leading 1 at bit 112 and
 * the biased exponent that goes with it (below 1 for subnormals). */
static inline u128 tf_unpack(u128 x, int *e)
{
	u128 m = x & TF_MANT;
	*e = TF_EXP(x);
	if (*e)
		return m | TF_IMPLICIT;
	*e = 1;
	while (!(m & TF_IMPLICIT)) {
		m <<= 1;
		--*e;
	}
	return m;
}

#endif /* __SIZEOF_INT128__ */
#endif
