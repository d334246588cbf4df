# Symbols equated to labels (.set before the label is defined, or to a
# global) are relocated against themselves, as gas resolves them into labels.
	.text
	movzwl .LC3(%rip), %eax
	movq .LC11(%rip), %rax
	movl .LC20(%rip), %eax
	movl x(%rip), %eax
	movl z(%rip), %eax
	call w
	movl u(%rip), %eax
	.set .LC3, .LC15+8
	.set .LC11, .LC12
	.set .LC20, .LC21+4
	.set x, y
	.set z, y+4
	.globl z
	.set u, undef+4
	.set w, f
	.section .rodata.cst16,"aM",@progbits,16
	.align 16
.LC15:
	.quad 1, 2
.LC12:
	.quad 3, 4
	.data
.LC21:
	.long 5, 6
	.globl y
y:	.long 7
	.text
f:	ret
	.section .rodata
	.long .LC3, .LC11, .LC20, x, z, u
