# target: i386
# Program entry and init stubs for i386 in the style of a C library's start.S
# and crti.S: the PC thunk in a COMDAT group, _GLOBAL_OFFSET_TABLE_, @GOT,
# @GOTOFF, @PLT, and the address arithmetic of position-independent code.
	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp
	popl	%esi
	movl	%esp, %ecx
	andl	$0xfffffff0, %esp
	pushl	%eax
	pushl	%esp
	pushl	%edx
	call	1f
	addl	$_GLOBAL_OFFSET_TABLE_, %ebx
	xorl	%eax, %eax
	pushl	%eax
	pushl	%eax
	pushl	%ecx
	pushl	%esi
	pushl	main@GOT(%ebx)
	call	__libc_start_main@PLT
	hlt
1:	movl	(%esp), %ebx
	ret
	.size	_start, . - _start

	.section .text.__x86.get_pc_thunk.bx,"axG",@progbits,__x86.get_pc_thunk.bx,comdat
	.globl	__x86.get_pc_thunk.bx
	.hidden	__x86.get_pc_thunk.bx
	.type	__x86.get_pc_thunk.bx, @function
__x86.get_pc_thunk.bx:
	movl	(%esp), %ebx
	ret

	.section .init,"ax",@progbits
	.p2align 2
	.globl	_init
	.type	_init, @function
_init:
	pushl	%ebx
	subl	$8, %esp
	call	__x86.get_pc_thunk.bx
	addl	$_GLOBAL_OFFSET_TABLE_, %ebx
	movl	__gmon_start__@GOT(%ebx), %eax
	testl	%eax, %eax
	je	.Lno_weak_fn
	call	__gmon_start__@PLT
.Lno_weak_fn:
	leal	local_data@GOTOFF(%ebx), %eax
	movl	%eax, 4(%esp)

	.section .fini,"ax",@progbits
	.p2align 2
	.globl	_fini
	.type	_fini, @function
_fini:
	pushl	%ebx
	subl	$8, %esp
	call	2f
2:	popl	%ebx
	addl	$_GLOBAL_OFFSET_TABLE_+[.-2b], %ebx
	addl	$8, %esp
	popl	%ebx
	ret

	.section .init,"ax",@progbits
	addl	$8, %esp
	popl	%ebx
	ret

	.weak	__gmon_start__
	.data
	.p2align 2
local_data:
	.long	0, local_data, _start
	.section .note.GNU-stack,"",@progbits
