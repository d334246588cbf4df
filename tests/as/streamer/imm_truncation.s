# Immediates too wide for a field that a suffix or register sizes: gas cuts
# them to the field and only warns ("0x100 shortened to 0x0").
# warnings: same as gas
	.text
	movb $0x100, %al
	in $0x100, %al
	out %al, $0x1ff
	outb %al, $0x100
	addw $0x1ffff, (%rax)
	movw $0x12345, %ax
	movw $0xfffff, (%rax)
	movb $-257, %al
	movb $-256, %al
	movb $-129, %al
	movw $-0x10001, %ax
	movb $0xffffffff, %al
	movb $0x1ffffffff, %al
	movb $256, (%rax)
	shlb $256, %al
	addb $0x1ff, %al
	addw $0x1ff80, %ax
	addl $0x1ff80, %eax
	testb $0x100, %al
	enterw $0x10000, $0
	movl $0x123456789, %eax
	addl $0x123456789, %eax
	addl $0xffffffff80, %eax
	movw $0x123456789, %ax
	movb $0x123456789, %bl
	imul $0x12345, %ax, %ax
	pushw $0x12345
	movb $1, %al
	movb $0x200, %al
