# Where GNU as places .L symbols that relocations keep (merge sections):
# at the second parse of an operand that starts with them, at .set, else last.
	.text
	movq .LCq(%rip), %rax
a:	leaq .LCa(%rip), %rdi
b:	leaq .LCa+1(%rip), %rdi
	leaq 2+.LCc(%rip), %rsi
c:	movsd .LC1(%rip), %xmm1
	movl $.LCd+2, %eax
	.section .rodata.cst16,"aM",@progbits,16
	.align 16
.LC0:	.quad 1, 2
	.set .LC1, .LC0+8
	.set .LC2, .LC0
	.section .rodata.str1.1,"aMS",@progbits,1
.LCa:	.string "a"
.LCc:	.string "c"
.LCd:	.string "d"
.LCq:	.string "q"
	.text
d:	leaq .LCd(%rip), %rdx
	ret
	.data
	.quad .LC2
