// fenv.s -- the AArch64 floating-point environment, for src/math/fenv_funcs.c.
//
// FPSR holds the cumulative exception flags in bits 0..4 (IOC DZC OFC UFC
// IXC: fenv.h's FE_* values); FPCR holds the rounding mode in bits 22..23
// (RMode: fenv.h's FE_* rounding values as they stand) and the trap
// enables in bits 8..12 (IOE DZE OFE UFE IXE, the flags shifted by 8).
// fenv_t is { fpcr, fpsr }.

	.text
	.globl	__fe_get_flags, __fe_set_flags, __fe_get_round, __fe_set_round
	.globl	__fe_get_traps, __fe_set_traps, fegetenv, __fe_set_env
	.type	__fe_get_flags, %function
	.type	__fe_set_flags, %function
	.type	__fe_get_round, %function
	.type	__fe_set_round, %function
	.type	__fe_get_traps, %function
	.type	__fe_set_traps, %function
	.type	fegetenv, %function
	.type	__fe_set_env, %function

// unsigned __fe_get_flags(void): the raised FE_* exceptions.
__fe_get_flags:
	mrs	x0, fpsr
	and	w0, w0, #0x1f
	ret
	.size	__fe_get_flags, .-__fe_get_flags

// void __fe_set_flags(unsigned flags): make exactly these flags raised.
__fe_set_flags:
	mrs	x1, fpsr
	bfi	x1, x0, #0, #5
	msr	fpsr, x1
	ret
	.size	__fe_set_flags, .-__fe_set_flags

// int __fe_get_round(void): the FE_* rounding mode.
__fe_get_round:
	mrs	x0, fpcr
	and	w0, w0, #0xc00000
	ret
	.size	__fe_get_round, .-__fe_get_round

// void __fe_set_round(int mode): mode is one of the four FE_* values.
__fe_set_round:
	mrs	x1, fpcr
	lsr	w0, w0, #22
	bfi	x1, x0, #22, #2
	msr	fpcr, x1
	ret
	.size	__fe_set_round, .-__fe_set_round

// unsigned __fe_get_traps(void): the FE_* exceptions that trap.
__fe_get_traps:
	mrs	x0, fpcr
	ubfx	w0, w0, #8, #5
	ret
	.size	__fe_get_traps, .-__fe_get_traps

// void __fe_set_traps(unsigned excepts): trap on exactly these (hardware
// without trapping keeps the enables at 0: the caller reads them back).
__fe_set_traps:
	mrs	x1, fpcr
	bfi	x1, x0, #8, #5
	msr	fpcr, x1
	ret
	.size	__fe_set_traps, .-__fe_set_traps

// int fegetenv(fenv_t *env)
fegetenv:
	mrs	x1, fpcr
	mrs	x2, fpsr
	stp	w1, w2, [x0]
	mov	w0, #0
	ret
	.size	fegetenv, .-fegetenv

// void __fe_set_env(const fenv_t *env)
__fe_set_env:
	ldp	w1, w2, [x0]
	msr	fpcr, x1
	msr	fpsr, x2
	ret
	.size	__fe_set_env, .-__fe_set_env
	.section .note.GNU-stack,"",%progbits
