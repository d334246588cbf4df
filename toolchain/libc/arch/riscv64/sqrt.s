# sqrt.s -- correctly rounded square roots with the F and D extensions'
# fsqrt (IEEE 754 requires one rounding, and fsqrt.s/fsqrt.d give it).
# long double is binary128 here: sqrtl is software (src/math/tf_sqrt.c).
	.text
	.globl	sqrt, sqrtf
	.type	sqrt, @function
	.type	sqrtf, @function
sqrt:
	fsqrt.d	fa0, fa0
	ret
	.size	sqrt, .-sqrt
sqrtf:
	fsqrt.s	fa0, fa0
	ret
	.size	sqrtf, .-sqrtf
	.section .note.GNU-stack,"",@progbits
