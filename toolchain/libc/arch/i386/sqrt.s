# sqrt.s -- square roots with the x87's fsqrt, as glibc's i386 libm does:
# fsqrt rounds once to the precision control's 64-bit significand (sqrtl is
# correctly rounded); the caller's store to double or float rounds again.
# The argument is on the stack at 4(%esp), the result returns in st(0).
	.text
	.globl	sqrt, sqrtf, sqrtl
	.type	sqrt, @function
	.type	sqrtf, @function
	.type	sqrtl, @function
sqrt:
	fldl	4(%esp)
	fsqrt
	ret
	.size	sqrt, .-sqrt
sqrtf:
	flds	4(%esp)
	fsqrt
	ret
	.size	sqrtf, .-sqrtf
sqrtl:
	fldt	4(%esp)
	fsqrt
	ret
	.size	sqrtl, .-sqrtl
	.section .note.GNU-stack,"",@progbits
