// target: aarch64
// syscall(), setjmp() and longjmp() for AArch64 Linux, written for these tests.
	.text
	.global syscall
	.type syscall, %function
	.p2align 2
syscall:
	uxtw x8, w0
	mov x0, x1
	mov x1, x2
	mov x2, x3
	mov x3, x4
	mov x4, x5
	mov x5, x6
	svc #0
	cmn x0, #4095
	b.hi 1f
	ret
1:	neg w1, w0
	adrp x2, :gottprel:errno
	ldr x2, [x2, #:gottprel_lo12:errno]
	mrs x3, tpidr_el0
	str w1, [x3, x2]
	mov x0, #-1
	ret
	.size syscall, .-syscall

	.global setjmp
	.type setjmp, %function
setjmp:
	stp x19, x20, [x0, #0]
	stp x21, x22, [x0, #16]
	stp x23, x24, [x0, #32]
	stp x25, x26, [x0, #48]
	stp x27, x28, [x0, #64]
	stp x29, x30, [x0, #80]
	mov x2, sp
	str x2, [x0, #104]
	stp d8, d9, [x0, #112]
	stp d10, d11, [x0, #128]
	stp d12, d13, [x0, #144]
	stp d14, d15, [x0, #160]
	mov w0, #0
	ret
	.size setjmp, .-setjmp

	.global longjmp
	.type longjmp, %function
longjmp:
	ldp x19, x20, [x0, #0]
	ldp x21, x22, [x0, #16]
	ldp x23, x24, [x0, #32]
	ldp x25, x26, [x0, #48]
	ldp x27, x28, [x0, #64]
	ldp x29, x30, [x0, #80]
	ldr x2, [x0, #104]
	mov sp, x2
	ldp d8, d9, [x0, #112]
	ldp d10, d11, [x0, #128]
	ldp d12, d13, [x0, #144]
	ldp d14, d15, [x0, #160]
	cmp w1, #0
	csinc w0, w1, wzr, ne
	br x30
	.size longjmp, .-longjmp

	.global __aarch64_cas4_acq
	.type __aarch64_cas4_acq, %function
__aarch64_cas4_acq:
	mov w16, w0
0:	ldaxr w0, [x2]
	cmp w0, w16
	bne 1f
	stxr w17, w1, [x2]
	cbnz w17, 0b
1:	ret
	.size __aarch64_cas4_acq, .-__aarch64_cas4_acq
	.section .note.GNU-stack,"",@progbits
