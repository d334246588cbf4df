# crt1.s -- real-mode start-up for x86-16 (gcc -m16's model: 32-bit C in
# .code16gcc code).  The image runs at its link origin in the segment that
# cs names (a boot sector: 0000:7C00; a .COM: PSP:0100), so ds, es and ss
# are set from cs and every C pointer is an offset in that one 64 KiB
# segment.  The stack grows down from the segment's top (0xFFF0); .bss
# (__bss_start.._end, defined by the linker) is cleared; main(0, 0) is
# called and its status goes to exit(), which writes it to the exit port
# (exit.c).  Nothing here needs more than a 386.

	.code16gcc
	.section .text.start,"ax",@progbits
	.globl	_start
	.type	_start, @function
_start:
	cli
	movw	%cs, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movl	$0xfff0, %esp
	xorl	%ebp, %ebp
	cld
	movl	$__bss_start, %edi
	movl	$_end, %ecx
	subl	%edi, %ecx
	xorl	%eax, %eax
	rep stosb
	sti
	pushl	$0			# argv
	pushl	$0			# argc
	call	main
	pushl	%eax
	call	exit
	.size	_start, .-_start
	.section .note.GNU-stack,"",@progbits
