// crt1.s -- process entry for AArch64 Linux (AAPCS64; the kernel's
// start_thread).
//
// The kernel enters _start with sp pointing at argc, followed by argv[],
// NULL, envp[], NULL and the auxiliary vector; x0 holds a function to
// register with atexit (dynamic linker only: unused here).  sp is already
// 16-byte aligned (AAPCS64 requires it at all times).  We clear the frame
// pointer and the link register (the outermost frame, so a backtrace ends
// here) and hand the original stack pointer to the portable
// __libc_start_main (src/env/libc_start.c).

	.text
	.globl	_start
	.type	_start, %function
_start:
	mov	x29, #0
	mov	x30, #0
	mov	x1, sp
	adrp	x0, main
	add	x0, x0, :lo12:main
	and	sp, x1, #-16
	bl	__libc_start_main
	brk	#0
	.size	_start, .-_start
	.section .note.GNU-stack,"",%progbits
