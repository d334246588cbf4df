# Symbolic .uleb128/.sleb128: sized by relaxation, iterated with branches.
	.globl f
f:
.L0:	jmp .L9
	.uleb128 .L9-.L0
	.fill 125,1,0x90
.L9:	jmp .L0
.L10:	jmp .L11
	.uleb128 .L11-.L10
	.sleb128 .L10-.L11
	.fill 122,1,0x90
.L11:	ret
.L12:	jmp .L13
	.sleb128 .L13-.L12
	.fill 60,1,0x90
.L13:	ret
	.section .rodata.leb,"a",@progbits
	.uleb128 .L11-.L0
	.sleb128 .L0-.L11
	.uleb128 .L11-f
	.uleb128 .Lend-.Lstart, -1, -129
	.sleb128 -1, -129, 64, 63, -64, -65
.Lstart:
	.fill 200,1,0
.Lend:
	.sleb128 .Lstart-.Lend
	.uleb128 .Lend
