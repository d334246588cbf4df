// What GNU as resolves itself and what it leaves as relocations, and against
// which symbol: local branches, global labels, section symbols, GOT, TLS, data.
	.text
	.global g
	.type g, %function
g:
	b .L1
	bl g
	bl h
	b.ne .L1
	cbz x0, .L1
	tbnz w1, #3, .L1
	adr x0, .L1
	adrp x0, .L1
	add x0, x0, :lo12:.L1
	ldr x1, .L2
	adrp x2, .LC0
	add x2, x2, :lo12:.LC0+4
	adrp x3, :got:g
	ldr x3, [x3, :got_lo12:g]
	adrp x4, :got:.L1
	ldr x4, [x4, #:got_lo12:.L1]
	adrp x0, :tlsdesc:tv
	ldr x1, [x0, #:tlsdesc_lo12:tv]
	add x0, x0, :tlsdesc_lo12:tv
	.tlsdesccall tv
	blr x1
	mrs x5, tpidr_el0
	add x5, x5, #:tprel_hi12:tl, lsl #12
	add x5, x5, #:tprel_lo12_nc:tl
	b other
.L1:
	ret
.L2:
	.xword g
	.section .text.other,"ax",@progbits
h:	b .L1
	bl g
	adr x0, h
	.section .rodata.str1.8,"aMS",@progbits,1
.LC0:
	.string "hello"
	.data
	.p2align 3
d:	.xword g+8
	.xword .L1
	.word d - .
	.word .L1 - g
	.hword 7
	.dword h
	.section .tbss,"awT",@nobits
	.p2align 2
tl:	.zero 4
