# setjmp.s -- setjmp/longjmp for RISC-V 64 (LP64D).
#
# jmp_buf is struct __jmp_buf_tag (setjmp.h): __jb[26] holds, in this
# order, ra the return address (offset 0), s0..s11 (8..96), sp (104) and
# fs0..fs11 (112..200): the registers the LP64D calling convention makes
# callee-saved.  Then come __mask_was_saved (int, offset 208) and
# __saved_mask (offset 216).  sigsetjmp saves the mask in C
# (src/signal/longjmp.c) after filling __jb here, like setjmp.

	.text
	.globl	setjmp, _setjmp, __setjmp_regs
	.type	setjmp, @function
	.type	_setjmp, @function
setjmp:
_setjmp:
	sw	zero, 208(a0)		# __mask_was_saved = 0
__setjmp_regs:
	sd	ra, 0(a0)
	sd	s0, 8(a0)
	sd	s1, 16(a0)
	sd	s2, 24(a0)
	sd	s3, 32(a0)
	sd	s4, 40(a0)
	sd	s5, 48(a0)
	sd	s6, 56(a0)
	sd	s7, 64(a0)
	sd	s8, 72(a0)
	sd	s9, 80(a0)
	sd	s10, 88(a0)
	sd	s11, 96(a0)
	sd	sp, 104(a0)
	fsd	fs0, 112(a0)
	fsd	fs1, 120(a0)
	fsd	fs2, 128(a0)
	fsd	fs3, 136(a0)
	fsd	fs4, 144(a0)
	fsd	fs5, 152(a0)
	fsd	fs6, 160(a0)
	fsd	fs7, 168(a0)
	fsd	fs8, 176(a0)
	fsd	fs9, 184(a0)
	fsd	fs10, 192(a0)
	fsd	fs11, 200(a0)
	li	a0, 0
	ret
	.size	setjmp, .-setjmp

# sigsetjmp(env, savemask): record the registers as setjmp would, then let
# C save the mask.  ra is still the caller's return address, so a tail
# jump to __sigsetjmp_tail(env, savemask) returns 0 to our caller.
	.globl	sigsetjmp, __sigsetjmp
	.type	sigsetjmp, @function
sigsetjmp:
__sigsetjmp:
	sd	ra, 0(a0)
	sd	s0, 8(a0)
	sd	s1, 16(a0)
	sd	s2, 24(a0)
	sd	s3, 32(a0)
	sd	s4, 40(a0)
	sd	s5, 48(a0)
	sd	s6, 56(a0)
	sd	s7, 64(a0)
	sd	s8, 72(a0)
	sd	s9, 80(a0)
	sd	s10, 88(a0)
	sd	s11, 96(a0)
	sd	sp, 104(a0)
	fsd	fs0, 112(a0)
	fsd	fs1, 120(a0)
	fsd	fs2, 128(a0)
	fsd	fs3, 136(a0)
	fsd	fs4, 144(a0)
	fsd	fs5, 152(a0)
	fsd	fs6, 160(a0)
	fsd	fs7, 168(a0)
	fsd	fs8, 176(a0)
	fsd	fs9, 184(a0)
	fsd	fs10, 192(a0)
	fsd	fs11, 200(a0)
	tail	__sigsetjmp_tail
	.size	sigsetjmp, .-sigsetjmp

# _longjmp(env, val): restore and return val (1 if val is 0) at the saved
# address.  longjmp and siglongjmp restore the mask in C first
# (src/signal/longjmp.c), then come here.
	.globl	_longjmp, __longjmp_regs
	.type	_longjmp, @function
_longjmp:
__longjmp_regs:
	ld	ra, 0(a0)
	ld	s0, 8(a0)
	ld	s1, 16(a0)
	ld	s2, 24(a0)
	ld	s3, 32(a0)
	ld	s4, 40(a0)
	ld	s5, 48(a0)
	ld	s6, 56(a0)
	ld	s7, 64(a0)
	ld	s8, 72(a0)
	ld	s9, 80(a0)
	ld	s10, 88(a0)
	ld	s11, 96(a0)
	ld	sp, 104(a0)
	fld	fs0, 112(a0)
	fld	fs1, 120(a0)
	fld	fs2, 128(a0)
	fld	fs3, 136(a0)
	fld	fs4, 144(a0)
	fld	fs5, 152(a0)
	fld	fs6, 160(a0)
	fld	fs7, 168(a0)
	fld	fs8, 176(a0)
	fld	fs9, 184(a0)
	fld	fs10, 192(a0)
	fld	fs11, 200(a0)
	seqz	a0, a1
	add	a0, a0, a1
	ret
	.size	_longjmp, .-_longjmp
	.section .note.GNU-stack,"",@progbits
