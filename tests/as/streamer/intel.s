# Intel syntax through the whole assembler: symbol-table order (every symbol an
# Intel operand names becomes a full symbol there, .L ones included; a
# relocation specifier creates _GLOBAL_OFFSET_TABLE_ after its symbol),
# constants set before use read as numbers, switching syntax back and forth.
	.intel_syntax noprefix
	.set	N, 5
	.text
	.globl	f
	.type	f, @function
f:
	mov	rax, QWORD PTR sprintf@GOTPCREL[rip]
	movapd	xmm0, XMMWORD PTR .LC0[rip]
	movsd	xmm1, QWORD PTR .LC1[rip]
	add	eax, N
	mov	eax, N
	mov	eax, DWORD PTR [rax+N]
	mov	eax, later
	mov	DWORD PTR x[rip], OFFSET FLAT:y
	lea	rdi, .LC2[rip]
	jmp	.L3
	.att_syntax
	movl	.LC4(%rip), %eax
	.intel_syntax noprefix
.L3:
	call	abort@PLT
	ret
	.size	f, .-f
	.set	later, 7
	.section	.rodata.cst16,"aM",@progbits,16
.LC0:
	.long	1, 2, 3, 4
	.set	.LC1, .LC0+8
	.section	.rodata.str1.1,"aMS",@progbits,1
.LC2:
	.string	"hi"
.LC4:
	.long	3
	.section	.data.rel.local,"aw"
	.quad	.LC5
	.quad	.LC6+8
	.section	.rodata.cst8,"aM",@progbits,8
.LC6:
	.quad	8
.LC5:
	.quad	9
