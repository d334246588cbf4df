# Alignment: nops in code, zeros or fill bytes in data, max-skip, section alignment.
	.text
f:	ret
	.p2align 4
g:	pushq %rbp
	.p2align 4,,10
	.p2align 3
h:	nop
	.balign 32
	.p2align 4,,3
	jmp f
	.align 64
	.byte 1
	.balign 16, 0xcc
	ret
	.p2align 5, 0x90
	ret
	.p2align 8
	.data
	.byte 1
	.align 8
	.quad 2
	.byte 3
	.balign 4, 0xff
	.long 4
	.p2align 2,,1
	.section .rodata
	.byte 1
	.p2align 12
	.bss
	.p2align 6
	.zero 3
