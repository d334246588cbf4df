# target: i386
# i386 syscall and setjmp in the style of a small C library's .s files:
# int $128 with arguments from the stack, pc-relative errno through the GOT
# thunk, @NTPOFF TLS, and .p2align between the entry points.
	.text
	.global	__syscall
	.hidden	__syscall
	.type	__syscall, @function
__syscall:
	pushl	%ebx
	pushl	%esi
	pushl	%edi
	pushl	%ebp
	movl	20(%esp), %eax
	movl	24(%esp), %ebx
	movl	28(%esp), %ecx
	movl	32(%esp), %edx
	movl	36(%esp), %esi
	movl	40(%esp), %edi
	movl	44(%esp), %ebp
	int	$128
	popl	%ebp
	popl	%edi
	popl	%esi
	popl	%ebx
	cmpl	$-4095, %eax
	jae	1f
	ret
1:	negl	%eax
	movl	%gs:0, %edx
	movl	%eax, errno_value@NTPOFF(%edx)
	movl	$-1, %eax
	ret
	.size	__syscall, . - __syscall

	.p2align 4
	.global	___setjmp
	.hidden	___setjmp
	.global	__setjmp
	.global	_setjmp
	.global	setjmp
	.type	__setjmp, @function
	.type	_setjmp, @function
	.type	setjmp, @function
___setjmp:
__setjmp:
_setjmp:
setjmp:
	mov	4(%esp), %eax
	mov	%ebx, (%eax)
	mov	%esi, 4(%eax)
	mov	%edi, 8(%eax)
	mov	%ebp, 12(%eax)
	lea	4(%esp), %ecx
	mov	%ecx, 16(%eax)
	mov	(%esp), %ecx
	mov	%ecx, 20(%eax)
	xor	%eax, %eax
	ret
	.size	setjmp, . - setjmp

	.p2align 4
	.global	_longjmp
	.global	longjmp
	.type	_longjmp, @function
	.type	longjmp, @function
_longjmp:
longjmp:
	mov	4(%esp), %edx
	mov	8(%esp), %eax
	cmp	$1, %eax
	adc	$0, %al
	mov	(%edx), %ebx
	mov	4(%edx), %esi
	mov	8(%edx), %edi
	mov	12(%edx), %ebp
	mov	16(%edx), %esp
	jmp	*20(%edx)
	.size	longjmp, . - longjmp

	.p2align 4
	.global	__sigsetjmp
	.type	__sigsetjmp, @function
__sigsetjmp:
	mov	8(%esp), %ecx
	jecxz	1f
	mov	4(%esp), %eax
	popl	24(%eax)
	mov	%ebx, 28+4*6(%eax)
	mov	%eax, %ebx
	call	2f
2:	popl	%ecx
	addl	$_GLOBAL_OFFSET_TABLE_+[.-2b], %ecx
	call	___setjmp@PLT
	pushl	24(%ebx)
	mov	%ebx, 4(%esp)
	mov	%eax, 8(%esp)
	mov	28+4*6(%ebx), %ebx
	jmp	__sigsetjmp_tail@PLT
1:	jmp	___setjmp
	.size	__sigsetjmp, . - __sigsetjmp

	.section .tbss,"awT",@nobits
	.p2align 2
	.type	errno_value, @object
	.size	errno_value, 4
errno_value:
	.zero	4
