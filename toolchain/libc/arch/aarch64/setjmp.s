// setjmp.s -- setjmp/longjmp for AArch64.
//
// jmp_buf is struct __jmp_buf_tag (setjmp.h): __jb[22] holds, in this
// order, x19..x28 (offsets 0..72), x29 the frame pointer (80), x30 the
// return address (88), sp (96), an unused slot (104) and d8..d15
// (112..168): the registers AAPCS64 makes callee-saved (only the low
// 64 bits of v8..v15 are).  Then come __mask_was_saved (int, offset
// 176) and __saved_mask (offset 184).  sigsetjmp saves the mask in C
// (src/signal/longjmp.c) after filling __jb here, like setjmp.

	.text
	.globl	setjmp, _setjmp, __setjmp_regs
	.type	setjmp, %function
	.type	_setjmp, %function
setjmp:
_setjmp:
	str	wzr, [x0, #176]		// __mask_was_saved = 0
__setjmp_regs:
	stp	x19, x20, [x0, #0]
	stp	x21, x22, [x0, #16]
	stp	x23, x24, [x0, #32]
	stp	x25, x26, [x0, #48]
	stp	x27, x28, [x0, #64]
	stp	x29, x30, [x0, #80]
	mov	x2, sp
	str	x2, [x0, #96]
	stp	d8, d9, [x0, #112]
	stp	d10, d11, [x0, #128]
	stp	d12, d13, [x0, #144]
	stp	d14, d15, [x0, #160]
	mov	w0, #0
	ret
	.size	setjmp, .-setjmp

// sigsetjmp(env, savemask): record the registers as setjmp would, then let
// C save the mask.  x30 is still the caller's return address, so a tail
// branch to __sigsetjmp_tail(env, savemask) returns 0 to our caller.
	.globl	sigsetjmp, __sigsetjmp
	.type	sigsetjmp, %function
sigsetjmp:
__sigsetjmp:
	stp	x19, x20, [x0, #0]
	stp	x21, x22, [x0, #16]
	stp	x23, x24, [x0, #32]
	stp	x25, x26, [x0, #48]
	stp	x27, x28, [x0, #64]
	stp	x29, x30, [x0, #80]
	mov	x2, sp
	str	x2, [x0, #96]
	stp	d8, d9, [x0, #112]
	stp	d10, d11, [x0, #128]
	stp	d12, d13, [x0, #144]
	stp	d14, d15, [x0, #160]
	b	__sigsetjmp_tail
	.size	sigsetjmp, .-sigsetjmp

// _longjmp(env, val): restore and return val (1 if val is 0) at the saved
// address.  longjmp and siglongjmp restore the mask in C first
// (src/signal/longjmp.c), then come here.
	.globl	_longjmp, __longjmp_regs
	.type	_longjmp, %function
_longjmp:
__longjmp_regs:
	ldp	x19, x20, [x0, #0]
	ldp	x21, x22, [x0, #16]
	ldp	x23, x24, [x0, #32]
	ldp	x25, x26, [x0, #48]
	ldp	x27, x28, [x0, #64]
	ldp	x29, x30, [x0, #80]
	ldr	x2, [x0, #96]
	mov	sp, x2
	ldp	d8, d9, [x0, #112]
	ldp	d10, d11, [x0, #128]
	ldp	d12, d13, [x0, #144]
	ldp	d14, d15, [x0, #160]
	cmp	w1, #0
	csinc	w0, w1, wzr, ne
	br	x30
	.size	_longjmp, .-_longjmp
	.section .note.GNU-stack,"",%progbits
