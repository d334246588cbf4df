# .org, .skip/.space/.fill with constant and layout-dependent counts.
	.text
a:	jmp b
	.org 0x40, 0xcc
b:	nop
	.org b + 8
	.skip 3, 0x90
	.space 2
	.fill 3, 2, 0x1234
	.fill 2, 8, -1
	.fill 2, 3, 0x11223344
c:	jne a
d:	.skip d - c
	.zero 5
	.data
	.org 16
	.byte 1
	.org 20, 0xab
	.long 2
	.skip 8000, 7
	.byte 9
