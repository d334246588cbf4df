# fenv.s -- the x86-64 floating-point environment, for src/math/fenv_funcs.c.
#
# Two units keep state: the x87 FPU (status word: exception flags in bits
# 0..5; control word: masks in bits 0..5, set = no trap, rounding in bits
# 10..11) and SSE's MXCSR (flags in bits 0..5, masks in bits 7..12,
# rounding in bits 13..14).  fenv.h's FE_* values are the x87 bit
# positions, so flags and masks move between the two by shifts.  Flags read
# as the union of both units'; setting or rounding changes both.  fenv_t is
# the 28-byte fnstenv image, then MXCSR (glibc's layout).

	.text
	.globl	__fe_get_flags, __fe_set_flags, __fe_get_round, __fe_set_round
	.globl	__fe_get_traps, __fe_set_traps, fegetenv, __fe_set_env
	.type	__fe_get_flags, @function
	.type	__fe_set_flags, @function
	.type	__fe_get_round, @function
	.type	__fe_set_round, @function
	.type	__fe_get_traps, @function
	.type	__fe_set_traps, @function
	.type	fegetenv, @function
	.type	__fe_set_env, @function

# unsigned __fe_get_flags(void): the raised FE_* exceptions.
__fe_get_flags:
	fnstsw	%ax
	stmxcsr	-4(%rsp)
	orl	-4(%rsp), %eax
	andl	$0x3f, %eax
	ret
	.size	__fe_get_flags, .-__fe_get_flags

# void __fe_set_flags(unsigned flags): make exactly these flags raised.
__fe_set_flags:
	andl	$0x3f, %edi
	fnstenv	-32(%rsp)
	andw	$0xffc0, -28(%rsp)
	orw	%di, -28(%rsp)
	fldenv	-32(%rsp)
	stmxcsr	-4(%rsp)
	andl	$0xffffffc0, -4(%rsp)
	orl	%edi, -4(%rsp)
	ldmxcsr	-4(%rsp)
	ret
	.size	__fe_set_flags, .-__fe_set_flags

# int __fe_get_round(void): the FE_* rounding mode (the x87's; both agree).
__fe_get_round:
	fnstcw	-2(%rsp)
	movzwl	-2(%rsp), %eax
	andl	$0xc00, %eax
	ret
	.size	__fe_get_round, .-__fe_get_round

# void __fe_set_round(int mode): mode is one of the four FE_* values.
__fe_set_round:
	fnstcw	-2(%rsp)
	andw	$0xf3ff, -2(%rsp)
	orw	%di, -2(%rsp)
	fldcw	-2(%rsp)
	stmxcsr	-8(%rsp)
	andl	$0xffff9fff, -8(%rsp)
	shll	$3, %edi
	orl	%edi, -8(%rsp)
	ldmxcsr	-8(%rsp)
	ret
	.size	__fe_set_round, .-__fe_set_round

# unsigned __fe_get_traps(void): the FE_* exceptions that trap (unmasked).
__fe_get_traps:
	fnstcw	-2(%rsp)
	movzwl	-2(%rsp), %eax
	notl	%eax
	andl	$0x3f, %eax
	ret
	.size	__fe_get_traps, .-__fe_get_traps

# void __fe_set_traps(unsigned excepts): trap on exactly these.
__fe_set_traps:
	andl	$0x3f, %edi
	fnstcw	-2(%rsp)
	orw	$0x3f, -2(%rsp)
	notl	%edi
	andw	%di, -2(%rsp)
	fldcw	-2(%rsp)
	stmxcsr	-8(%rsp)
	orl	$0x1f80, -8(%rsp)
	shll	$7, %edi
	orl	$0x7f, %edi
	andl	%edi, -8(%rsp)
	ldmxcsr	-8(%rsp)
	ret
	.size	__fe_set_traps, .-__fe_set_traps

# int fegetenv(fenv_t *env)
fegetenv:
	fnstenv	(%rdi)
	fldenv	(%rdi)			# fnstenv masks every exception: put them back
	stmxcsr	28(%rdi)
	xorl	%eax, %eax
	ret
	.size	fegetenv, .-fegetenv

# void __fe_set_env(const fenv_t *env)
__fe_set_env:
	fldenv	(%rdi)
	ldmxcsr	28(%rdi)
	ret
	.size	__fe_set_env, .-__fe_set_env
	.section .note.GNU-stack,"",@progbits
