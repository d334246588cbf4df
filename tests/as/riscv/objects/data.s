# Label differences, alignment in code, mapping symbols and data in code.
	.attribute arch, "rv64gc"
	.attribute stack_align, 16
	.text
	.align	2
h:
	addi	a0, a0, 1
.L1:
	lla	a0, table
	.align	3
.L2:
	add	a0, a0, a1
	.word	.L2 - .L1
	.balign	4
	ret
	.p2align 4
.L3:	nop
	.option norelax
	.align	3
	nop
	.option relax
	.section .rodata
	.align	3
table:
	.word	.L1 - table
	.word	.L3 - .L1
	.dword	.L3 - h
	.half	.L2 - .L1
	.byte	.L3 - .L2
	.quad	h
	.word	.Lx - .Ly
.Ly:	.word	1
.Lx:	.size	table, .-table
	.section .text.other,"ax",@progbits
	.word	0x12345678
	nop
	.string	"in code"
	.align	2
	ret
