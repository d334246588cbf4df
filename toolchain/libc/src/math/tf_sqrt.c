/* sqrtl where long double is IEEE binary128 (AArch64, RISC-V 64): no
 * hardware instruction, so the square root is taken digit by digit on the
 * integer significand, exactly, and rounded once to nearest-even as IEEE
 * 754 requires (tf_rep.h's tf_round_pack).  sqrt(-0) is -0, sqrt of a
 * negative number or -inf is the default NaN, a NaN is returned quieted. */
#include <math.h>
#include "../internal/tf_rep.h"
#if defined(TF_HAVE_TYPE) && __LDBL_MANT_DIG__ == 113

/* floor(sqrt(m * 4^59)) with the remainder's "nonzero" in bit 0 (sticky):
 * m < 2^114 is taken as 57 pairs of bits, then 59 pairs of zeros. */
static u128 sqrt_sticky(u128 m)
{
	u128 root = 0, rem = 0, trial;
	int i;
	for (i = 0; i < 57 + 59; i++) {
		unsigned pair = i < 57 ? (unsigned)(m >> (112 - 2 * i)) & 3 : 0;
		rem = (rem << 2) | pair;
		trial = (root << 2) | 1;
		if (rem >= trial) {
			rem -= trial;
			root = (root << 1) | 1;
		} else
			root <<= 1;
	}
	return root | (rem != 0);
}

long double sqrtl(long double x)
{
	u128 bits = tf_bits(x), m;
	int e, scale;
	if (TF_ISNAN(bits))
		return tf_from(bits | TF_QUIET);
	if (TF_ABS(bits) == 0)
		return x;
	if (bits & TF_SIGN)
		return tf_from(TF_DEFAULT_NAN);
	if (TF_ISINF(bits))
		return x;
	m = tf_unpack(bits, &e);              /* x = m * 2^(e - bias - 112) */
	scale = e - TF_BIAS - 112;
	if (scale & 1) {                      /* make the exponent even */
		m <<= 1;
		scale--;
	}
	/* sqrt(x) = sqrt(m) * 2^(scale/2) = root * 2^(scale/2 - 59), root's
	 * leading 1 at bit 115: tf_round_pack's exponent is scale/2 + 56 + bias. */
	return tf_from(tf_round_pack(0, scale / 2 + 56 + TF_BIAS, sqrt_sticky(m)));
}

#endif
