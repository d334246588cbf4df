# target: i386
# warnings: same as gas
# Outside 64-bit mode gas first reads a constant as a signed 32-bit value.
	.text
	movb $0x100, %al
	in $0x100, %al
	addw $0x1ffff, (%eax)
	movl $0x123456789, %eax
	addl $0x123456789, (%eax)
	addl $0x1ffffffff, %eax
	movb $0x1ffffffff, %al
	movb $0x1ff000000, %al
	push $0x123456789
	pushw $0x12345
	imul $0x12345, %ax, %ax
	.code16
	push $0x12345
	add $0x12345, %ax
	movb $0x100, %al
	.code16gcc
	ret $0x12345
	push $0x12345
	addw $0x1ffff, (%bx)
