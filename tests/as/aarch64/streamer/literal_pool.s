// Literal pools: ldr =value, .ltorg, pools left at the end of two sections.
	.text
f:	ldr x0, =0x10
	ldr x1, =0x123456789
	ldr w2, =0x12345678
	ldr x3, =foo
	ldr x4, =foo
	ldr w5, =7
	ret
	.ltorg
g:	ldr x0, =bar+8
	nop
	.section .text.z,"ax"
	ldr x1, =0xdead
