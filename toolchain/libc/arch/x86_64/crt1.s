# crt1.s -- process entry for x86-64 Linux (System V psABI 3.4.1).
#
# The kernel enters _start with %rsp pointing at argc, followed by argv[],
# NULL, envp[], NULL and the auxiliary vector; %rdx holds a function to
# register with atexit (dynamic linker only: unused here, always 0 for a
# static program).  We clear %rbp (the outermost frame), align the stack
# to 16 bytes as the ABI requires at a call, and hand the original stack
# pointer to the portable __libc_start_main (src/env/libc_start.c).

	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp
	movq	%rsp, %rsi
	leaq	main(%rip), %rdi
	andq	$-16, %rsp
	call	__libc_start_main
	hlt
	.size	_start, .-_start
	.section .note.GNU-stack,"",@progbits
