# Relaxation: chains of branches that grow one another, backward and forward.
	.text
	.globl start
start:
	jmp .Lfar
	jne .Lnear
	je .Lfar
.Lnear:
	.fill 120, 1, 0x90
	jmp .Lback1
	jz .Lchain1
	jnz .Lchain2
	.fill 124, 1, 0x90
.Lchain1:
	nop
.Lchain2:
	.fill 3, 1, 0x90
.Lfar:
	ret
.Lback1:
	.fill 127, 1, 0x90
	jmp .Lback1
	jmp .Lback2
.Lback2:
	.fill 126, 1, 0xcc
	jbe .Lback1
	jl start
.Lloop:	loop .Lloop
	jmp start
	call start
	jmp ext
	jg ext
	jmp .Lother
	.section .text.other,"ax",@progbits
.Lother:
	jmp start
	ret
