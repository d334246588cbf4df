# setjmp.s -- setjmp/longjmp for i386.
#
# jmp_buf is struct __jmp_buf_tag (setjmp.h): __jb[6] holds, in this order,
# ebx esi edi ebp esp eip -- the callee-saved registers, the stack pointer
# as it is after setjmp returns, and the return address.  Then come
# __mask_was_saved (int, offset 24) and __saved_mask (offset 28).  All
# arguments are on the stack (cdecl): env at 4(%esp), val/savemask at 8.

	.text
	.globl	setjmp, _setjmp
	.type	setjmp, @function
	.type	_setjmp, @function
setjmp:
_setjmp:
	movl	4(%esp), %eax
	movl	$0, 24(%eax)		# __mask_was_saved = 0
	movl	%ebx, 0(%eax)
	movl	%esi, 4(%eax)
	movl	%edi, 8(%eax)
	movl	%ebp, 12(%eax)
	leal	4(%esp), %ecx		# the caller's %esp after we return
	movl	%ecx, 16(%eax)
	movl	(%esp), %ecx		# the return address
	movl	%ecx, 20(%eax)
	xorl	%eax, %eax
	ret
	.size	setjmp, .-setjmp

# sigsetjmp(env, savemask): record the registers as setjmp would, then let
# C save the mask.  The return address must be the caller's, so we jump
# (not call) to __sigsetjmp_tail(env, savemask), which finds its arguments
# where ours are and returns 0 for us.
	.globl	sigsetjmp, __sigsetjmp
	.type	sigsetjmp, @function
sigsetjmp:
__sigsetjmp:
	movl	4(%esp), %eax
	movl	%ebx, 0(%eax)
	movl	%esi, 4(%eax)
	movl	%edi, 8(%eax)
	movl	%ebp, 12(%eax)
	leal	4(%esp), %ecx
	movl	%ecx, 16(%eax)
	movl	(%esp), %ecx
	movl	%ecx, 20(%eax)
	jmp	__sigsetjmp_tail
	.size	sigsetjmp, .-sigsetjmp

# _longjmp(env, val): restore and return val (1 if val is 0) at the saved
# address.  longjmp and siglongjmp restore the mask in C first
# (src/signal/longjmp.c), then come here.
	.globl	_longjmp, __longjmp_regs
	.type	_longjmp, @function
_longjmp:
__longjmp_regs:
	movl	4(%esp), %edx
	movl	8(%esp), %eax
	testl	%eax, %eax
	jnz	1f
	incl	%eax
1:	movl	0(%edx), %ebx
	movl	4(%edx), %esi
	movl	8(%edx), %edi
	movl	12(%edx), %ebp
	movl	16(%edx), %esp
	jmp	*20(%edx)
	.size	_longjmp, .-_longjmp
	.section .note.GNU-stack,"",@progbits
