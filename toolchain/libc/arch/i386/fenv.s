# fenv.s -- the i386 floating-point environment, for src/math/fenv_funcs.c.
#
# The x87 FPU's: the status word holds the exception flags in bits 0..5,
# the control word the masks in bits 0..5 (set = no trap) and the rounding
# mode in bits 10..11; fenv.h's FE_* values are those bits.  (Code here is
# x87 code: -m32 floating point does not use SSE.)  fenv_t is the 28-byte
# fnstenv image.  Arguments are on the stack (cdecl).

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
	andl	$0x3f, %eax
	ret
	.size	__fe_get_flags, .-__fe_get_flags

# void __fe_set_flags(unsigned flags): make exactly these flags raised.
__fe_set_flags:
	movl	4(%esp), %ecx
	andl	$0x3f, %ecx
	subl	$28, %esp
	fnstenv	(%esp)
	andw	$0xffc0, 4(%esp)
	orw	%cx, 4(%esp)
	fldenv	(%esp)
	addl	$28, %esp
	ret
	.size	__fe_set_flags, .-__fe_set_flags

# int __fe_get_round(void): the FE_* rounding mode.
__fe_get_round:
	subl	$4, %esp
	fnstcw	(%esp)
	movzwl	(%esp), %eax
	andl	$0xc00, %eax
	addl	$4, %esp
	ret
	.size	__fe_get_round, .-__fe_get_round

# void __fe_set_round(int mode): mode is one of the four FE_* values.
__fe_set_round:
	movl	4(%esp), %ecx
	subl	$4, %esp
	fnstcw	(%esp)
	andw	$0xf3ff, (%esp)
	orw	%cx, (%esp)
	fldcw	(%esp)
	addl	$4, %esp
	ret
	.size	__fe_set_round, .-__fe_set_round

# unsigned __fe_get_traps(void): the FE_* exceptions that trap (unmasked).
__fe_get_traps:
	subl	$4, %esp
	fnstcw	(%esp)
	movzwl	(%esp), %eax
	notl	%eax
	andl	$0x3f, %eax
	addl	$4, %esp
	ret
	.size	__fe_get_traps, .-__fe_get_traps

# void __fe_set_traps(unsigned excepts): trap on exactly these.
__fe_set_traps:
	movl	4(%esp), %ecx
	andl	$0x3f, %ecx
	notl	%ecx
	subl	$4, %esp
	fnstcw	(%esp)
	orw	$0x3f, (%esp)
	andw	%cx, (%esp)
	fldcw	(%esp)
	addl	$4, %esp
	ret
	.size	__fe_set_traps, .-__fe_set_traps

# int fegetenv(fenv_t *env)
fegetenv:
	movl	4(%esp), %ecx
	fnstenv	(%ecx)
	fldenv	(%ecx)			# fnstenv masks every exception: put them back
	xorl	%eax, %eax
	ret
	.size	fegetenv, .-fegetenv

# void __fe_set_env(const fenv_t *env)
__fe_set_env:
	movl	4(%esp), %ecx
	fldenv	(%ecx)
	ret
	.size	__fe_set_env, .-__fe_set_env
	.section .note.GNU-stack,"",@progbits
