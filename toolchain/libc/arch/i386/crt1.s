# crt1.s -- process entry for i386 Linux (i386 psABI 2.3.1, the initial stack).
#
# The kernel enters _start with %esp pointing at argc, followed by argv[],
# NULL, envp[], NULL and the auxiliary vector; %edx holds a function to
# register with atexit (dynamic linker only: 0 for a static program).  We
# clear %ebp (the outermost frame), align the stack so that %esp is a
# multiple of 16 at the call -- what GCC's i386 code assumes -- and call the
# portable __libc_start_main(main, sp) (src/env/libc_start.c) with the
# arguments on the stack, cdecl.

	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp
	movl	%esp, %eax
	andl	$-16, %esp
	subl	$8, %esp
	pushl	%eax
	pushl	$main
	call	__libc_start_main
	hlt
	.size	_start, .-_start
	.section .note.GNU-stack,"",@progbits
