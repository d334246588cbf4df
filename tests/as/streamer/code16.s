# target: i386
# Mode switches: .code16, .code16gcc, .code32 in one section.
	.code16
	.text
start:
	movw $0x1234, %ax
	jmp .Lnext
	.fill 200, 1, 0x90
.Lnext:
	jmp start
	call far16
	movw msg, %si
	.p2align 4
	.code32
	movl $1, %eax
	jmp start
	.p2align 3
	.code16gcc
	pushl %ebp
	call far16
	ret
	.code16
far16:	ret
	.p2align 4
msg:	.asciz "hi"
	.long msg
	.short msg
