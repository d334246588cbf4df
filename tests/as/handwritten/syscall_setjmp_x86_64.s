# Syscall and setjmp routines for x86-64 in the style of a small C library's
# hand-written .s files: one global function each, @function/.size, local
# numeric labels, TLS errno, hidden helpers, a .weak alias by assignment.
	.text
	.global	__syscall6
	.hidden	__syscall6
	.type	__syscall6, @function
__syscall6:
	movq	%rdi, %rax
	movq	%rsi, %rdi
	movq	%rdx, %rsi
	movq	%rcx, %rdx
	movq	%r8, %r10
	movq	%r9, %r8
	movq	8(%rsp), %r9
	syscall
	cmpq	$-4095, %rax
	jae	1f
	ret
1:	negl	%eax
	movq	errno_value@GOTTPOFF(%rip), %rdx
	movl	%eax, %fs:(%rdx)
	orq	$-1, %rax
	ret
	.size	__syscall6, . - __syscall6

	.global	__setjmp
	.global	_setjmp
	.global	setjmp
	.type	__setjmp, @function
	.type	_setjmp, @function
	.type	setjmp, @function
__setjmp:
_setjmp:
setjmp:
	mov	%rbx, (%rdi)
	mov	%rbp, 8(%rdi)
	mov	%r12, 16(%rdi)
	mov	%r13, 24(%rdi)
	mov	%r14, 32(%rdi)
	mov	%r15, 40(%rdi)
	lea	8(%rsp), %rdx
	mov	%rdx, 48(%rdi)
	mov	(%rsp), %rdx
	mov	%rdx, 56(%rdi)
	xor	%eax, %eax
	ret
	.size	setjmp, . - setjmp

	.global	_longjmp
	.global	longjmp
	.type	_longjmp, @function
	.type	longjmp, @function
_longjmp:
longjmp:
	xor	%eax, %eax
	cmp	$1, %esi
	adc	%esi, %eax
	mov	(%rdi), %rbx
	mov	8(%rdi), %rbp
	mov	16(%rdi), %r12
	mov	24(%rdi), %r13
	mov	32(%rdi), %r14
	mov	40(%rdi), %r15
	mov	48(%rdi), %rsp
	jmp	*56(%rdi)
	.size	longjmp, . - longjmp

	.global	__clone
	.hidden	__clone
	.type	__clone, @function
__clone:
	xor	%eax, %eax
	mov	$56, %al
	mov	%rdi, %r11
	mov	%rdx, %rdi
	mov	%r8, %rdx
	mov	%r9, %r8
	mov	8(%rsp), %r10
	mov	%r11, %r9
	and	$-16, %rsi
	sub	$8, %rsi
	mov	%rcx, (%rsi)
	syscall
	test	%eax, %eax
	jnz	1f
	xor	%ebp, %ebp
	pop	%rdi
	call	*%r9
	mov	%eax, %edi
	xor	%eax, %eax
	mov	$60, %al
	syscall
	hlt
1:	ret

	.weak	vfork_alias
	vfork_alias = __syscall6

	.section .tbss,"awT",@nobits
	.p2align 2
	.type	errno_value, @object
	.size	errno_value, 4
errno_value:
	.zero	4
