# setjmp.s -- setjmp/longjmp for x86-64.
#
# jmp_buf is struct __jmp_buf_tag (setjmp.h): __jb[8] holds, in this order,
# rbx rbp r12 r13 r14 r15 rsp rip -- the callee-saved registers, the stack
# pointer as it is after setjmp returns, and the return address.  Then
# come __mask_was_saved (int, offset 64) and __saved_mask (offset 72).
# sigsetjmp saves the mask in C (src/signal/sigsetjmp.c) after calling
# __sigsetjmp_save here, which fills __jb like setjmp.

	.text
	.globl	setjmp, _setjmp, __setjmp_regs
	.type	setjmp, @function
	.type	_setjmp, @function
setjmp:
_setjmp:
	movl	$0, 64(%rdi)		# __mask_was_saved = 0
__setjmp_regs:
	movq	%rbx, 0(%rdi)
	movq	%rbp, 8(%rdi)
	movq	%r12, 16(%rdi)
	movq	%r13, 24(%rdi)
	movq	%r14, 32(%rdi)
	movq	%r15, 40(%rdi)
	leaq	8(%rsp), %rdx		# the caller's %rsp after we return
	movq	%rdx, 48(%rdi)
	movq	(%rsp), %rdx		# the return address
	movq	%rdx, 56(%rdi)
	xorl	%eax, %eax
	ret
	.size	setjmp, .-setjmp

# sigsetjmp(env, savemask): record the registers as setjmp would, then let
# C save the mask.  The return address must be the caller's, so we jump
# (not call) to __sigsetjmp_tail(env, savemask), which returns 0 for us.
	.globl	sigsetjmp, __sigsetjmp
	.type	sigsetjmp, @function
sigsetjmp:
__sigsetjmp:
	movq	%rbx, 0(%rdi)
	movq	%rbp, 8(%rdi)
	movq	%r12, 16(%rdi)
	movq	%r13, 24(%rdi)
	movq	%r14, 32(%rdi)
	movq	%r15, 40(%rdi)
	leaq	8(%rsp), %rdx
	movq	%rdx, 48(%rdi)
	movq	(%rsp), %rdx
	movq	%rdx, 56(%rdi)
	jmp	__sigsetjmp_tail
	.size	sigsetjmp, .-sigsetjmp

# _longjmp(env, val): restore and return val (1 if val is 0) at the saved
# address.  longjmp and siglongjmp restore the mask in C first
# (src/signal/longjmp.c), then come here.
	.globl	_longjmp, __longjmp_regs
	.type	_longjmp, @function
_longjmp:
__longjmp_regs:
	movl	%esi, %eax
	testl	%eax, %eax
	jnz	1f
	incl	%eax
1:	movq	0(%rdi), %rbx
	movq	8(%rdi), %rbp
	movq	16(%rdi), %r12
	movq	24(%rdi), %r13
	movq	32(%rdi), %r14
	movq	40(%rdi), %r15
	movq	48(%rdi), %rsp
	jmp	*56(%rdi)
	.size	_longjmp, .-_longjmp
	.section .note.GNU-stack,"",@progbits
