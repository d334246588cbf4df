# crt1.s -- process entry for RISC-V 64 Linux (the psABI's "Process
# Initialization"; the kernel's start_thread).
#
# The kernel enters _start with sp pointing at argc, followed by argv[],
# NULL, envp[], NULL and the auxiliary vector; a0 holds a function to
# register with atexit (dynamic linker only: unused here).  We load gp
# with __global_pointer$ (the linker script defines it; with relaxation
# off, so this very sequence is not turned into a gp-relative access of
# gp itself), clear ra and the frame pointer s0 (the outermost frame),
# align sp to 16 bytes as the psABI requires and hand the original stack
# pointer to the portable __libc_start_main (src/env/libc_start.c).

	.text
	.globl	_start
	.type	_start, @function
_start:
	.option	push
	.option	norelax
	lla	gp, __global_pointer$
	.option	pop
	li	ra, 0
	li	s0, 0
	mv	a1, sp
	lla	a0, main
	andi	sp, sp, -16
	call	__libc_start_main
	ebreak
	.size	_start, .-_start
	.section .note.GNU-stack,"",@progbits
