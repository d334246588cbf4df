# fenv.s -- the RISC-V floating-point environment, for src/math/fenv_funcs.c.
#
# fcsr is frm (bits 5..7, the rounding mode: fenv.h's FE_* rounding values)
# over fflags (bits 0..4: NX UF OF DZ NV, fenv.h's FE_* exception values);
# the F extension has no traps.  fenv_t is the whole fcsr.

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
	frflags	a0
	ret
	.size	__fe_get_flags, .-__fe_get_flags

# void __fe_set_flags(unsigned flags): make exactly these flags raised.
__fe_set_flags:
	fsflags	a0
	ret
	.size	__fe_set_flags, .-__fe_set_flags

# int __fe_get_round(void): the FE_* rounding mode.
__fe_get_round:
	frrm	a0
	ret
	.size	__fe_get_round, .-__fe_get_round

# void __fe_set_round(int mode): mode is one of the four FE_* values.
__fe_set_round:
	fsrm	a0
	ret
	.size	__fe_set_round, .-__fe_set_round

# unsigned __fe_get_traps(void): none can trap.
__fe_get_traps:
	li	a0, 0
	ret
	.size	__fe_get_traps, .-__fe_get_traps

# void __fe_set_traps(unsigned excepts): nothing to enable.
__fe_set_traps:
	ret
	.size	__fe_set_traps, .-__fe_set_traps

# int fegetenv(fenv_t *env)
fegetenv:
	frcsr	a1
	sw	a1, 0(a0)
	li	a0, 0
	ret
	.size	fegetenv, .-fegetenv

# void __fe_set_env(const fenv_t *env)
__fe_set_env:
	lw	a1, 0(a0)
	fscsr	a1
	ret
	.size	__fe_set_env, .-__fe_set_env
	.section .note.GNU-stack,"",@progbits
