# sqrt.s -- correctly rounded square roots with the hardware instructions
# (IEEE 754 requires sqrt to round once, and sqrtss/sqrtsd/fsqrt do).
# long double arrives on the stack (8(%rsp), 16 bytes) and returns in st(0).
	.text
	.globl	sqrt, sqrtf, sqrtl
	.type	sqrt, @function
	.type	sqrtf, @function
	.type	sqrtl, @function
sqrt:
	sqrtsd	%xmm0, %xmm0
	ret
	.size	sqrt, .-sqrt
sqrtf:
	sqrtss	%xmm0, %xmm0
	ret
	.size	sqrtf, .-sqrtf
sqrtl:
	fldt	8(%rsp)
	fsqrt
	ret
	.size	sqrtl, .-sqrtl
	.section .note.GNU-stack,"",@progbits
