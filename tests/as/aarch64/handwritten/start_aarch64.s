// target: aarch64
// A C start-up file for AArch64 Linux, written for these tests.
	.text
	.global _start
	.type _start, %function
_start:
	mov x29, #0
	mov x30, #0
	mov x19, x0              // rtld_fini
	ldr x0, [sp]             // argc
	add x1, sp, #8           // argv
	add x2, x1, x0, lsl #3
	add x2, x2, #8           // envp
	and sp, x1, #~15
	adrp x3, environ
	str x2, [x3, :lo12:environ]
	bl main
	mov x8, #93              // exit
	svc #0
	brk #1
	.size _start, .-_start

	.global _exit
	.type _exit, %function
_exit:
	mov x8, #94              // exit_group
	svc #0
	b _exit
	.size _exit, .-_exit
