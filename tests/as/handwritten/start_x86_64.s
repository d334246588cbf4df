# Program entry and init/fini stubs for x86-64 in the style of a C library's
# start.S and crti.S after cpp: ENTRY/END-like macros, @GOTPCREL, @PLT,
# weak references, .hidden, .init/.fini fragments, a note section.
	.macro	ENTRY name
	.globl	\name
	.type	\name, @function
	.p2align 4
\name:
	.cfi_startproc
	.endm
	.macro	END name
	.cfi_endproc
	.size	\name, . - \name
	.endm

	.text
ENTRY _start
	.cfi_undefined rip
	xorl	%ebp, %ebp
	movq	%rdx, %r9
	movq	(%rsp), %rsi
	leaq	8(%rsp), %rdx
	andq	$~15, %rsp
	pushq	%rax
	pushq	%rsp
	xorl	%r8d, %r8d
	xorl	%ecx, %ecx
	movq	main@GOTPCREL(%rip), %rdi
	call	*__libc_start_main@GOTPCREL(%rip)
	hlt
END _start

	.data
	.globl	data_start
data_start:
	.long	0
	.weak	data_start_alias
	data_start_alias = data_start

	.section .init,"ax",@progbits
	.p2align 2
	.globl	_init
	.hidden	_init
	.type	_init, @function
_init:
	subq	$8, %rsp
	movq	__gmon_start__@GOTPCREL(%rip), %rax
	testq	%rax, %rax
	je	.Lno_gmon
	call	*%rax
.Lno_gmon:

	.section .fini,"ax",@progbits
	.p2align 2
	.globl	_fini
	.hidden	_fini
	.type	_fini, @function
_fini:
	subq	$8, %rsp

	.section .init,"ax",@progbits
	addq	$8, %rsp
	ret
	.section .fini,"ax",@progbits
	addq	$8, %rsp
	ret

	.weak	__gmon_start__
	.section .note.ABI-tag,"a",@note
	.p2align 2
	.long	1f - 0f
	.long	3f - 2f
	.long	1
0:	.asciz	"GNU"
1:	.p2align 2
2:	.long	0
	.long	3, 2, 0
3:	.p2align 2
	.section .note.GNU-stack,"",@progbits
