/* binary128 comparisons in software, with libgcc's return conventions:
 * __eqtf2/__netf2 give 0 when equal, 1 otherwise (also for a NaN);
 * __lttf2/__letf2 and __gttf2/__getf2 give -1, 0 or 1 for less, equal or
 * greater, and for a NaN operand a value that makes the comparison false
 * (2 for lt/le, -2 for gt/ge); __unordtf2 is nonzero when either is NaN. */
#include "../internal/tf_rep.h"
#ifdef TF_HAVE_TYPE

/* -1, 0, 1 for ordered operands; `unordered` if either is NaN. */
static int compare(u128 a, u128 b, int unordered)
{
	if (TF_ISNAN(a) || TF_ISNAN(b))
		return unordered;
	if (TF_ABS(a) == 0 && TF_ABS(b) == 0)
		return 0;
	if ((a ^ b) & TF_SIGN)
		return (a & TF_SIGN) ? -1 : 1;
	if (a == b)
		return 0;
	/* same sign: magnitudes order as integers, reversed when negative */
	return ((a < b) != !!(a & TF_SIGN)) ? -1 : 1;
}

int __eqtf2(tf a, tf b) { return compare(tf_bits(a), tf_bits(b), 1) != 0; }
int __netf2(tf a, tf b) { return compare(tf_bits(a), tf_bits(b), 1) != 0; }
int __lttf2(tf a, tf b) { return compare(tf_bits(a), tf_bits(b), 2); }
int __letf2(tf a, tf b) { return compare(tf_bits(a), tf_bits(b), 2); }
int __gttf2(tf a, tf b) { return compare(tf_bits(a), tf_bits(b), -2); }
int __getf2(tf a, tf b) { return compare(tf_bits(a), tf_bits(b), -2); }
int __unordtf2(tf a, tf b) { return TF_ISNAN(tf_bits(a)) || TF_ISNAN(tf_bits(b)); }
#endif
