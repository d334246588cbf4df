# setjmp.s -- setjmp/longjmp in real mode (.code16gcc: calls push a 32-bit
# return address, as in gcc -m16 code).  jmp_buf's __jb[6] holds ebx esi
# edi ebp esp eip, as on i386 (setjmp.h); there are no signals, so
# sigsetjmp's mask is never saved and siglongjmp is longjmp.

	.code16gcc
	.text
	.globl	setjmp, _setjmp, sigsetjmp, __sigsetjmp
	.type	setjmp, @function
setjmp:
_setjmp:
sigsetjmp:
__sigsetjmp:
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

	.globl	longjmp, _longjmp, siglongjmp
	.type	longjmp, @function
longjmp:
_longjmp:
siglongjmp:
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
	jmp	*20(%edx)		# a near jump: the offset in cs
	.size	longjmp, .-longjmp
	.section .note.GNU-stack,"",@progbits
