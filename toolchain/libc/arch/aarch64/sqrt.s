// sqrt.s -- correctly rounded square roots with the FP unit's fsqrt
// (IEEE 754 requires one rounding, and fsqrt gives it).  long double is
// binary128 here: sqrtl is software (src/math/tf_sqrt.c).
	.text
	.globl	sqrt, sqrtf
	.type	sqrt, %function
	.type	sqrtf, %function
sqrt:
	fsqrt	d0, d0
	ret
	.size	sqrt, .-sqrt
sqrtf:
	fsqrt	s0, s0
	ret
	.size	sqrtf, .-sqrtf
	.section .note.GNU-stack,"",%progbits
