// Mapping symbols ($x/$d): code and data in code and data sections, alignments, empty fills.
	.data
	.align 3
x:	.word 1
	.section .rodata
	.word 2
	.align 3
	.word 3
	.bss
	.align 3
	.zero 8
	.section .foo,"a"
	.align 2
	.word 4
	nop
	.text
	.word 5
	nop
	.align 4
	nop
	.byte 1
	.align 2
	ret
	.section .text.b,"ax"
	.p2align 3
	nop
	.section .text.c,"ax"
	.string "abc"
	.section .text.d,"ax"
	nop
	.word 0
	.text
	nop
