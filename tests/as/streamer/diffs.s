# Differences of labels: resolved in a section, pc-relative across sections.
	.text
t0:	nop
t1:	jmp t2
	.fill 200, 1, 0x90
t2:	ret
	.data
d0:	.long t2 - t1
	.long t1 - t0
	.byte t1 - t0
	.quad t2 - t0 + 3
	.long t2 - .
	.long d0 - .
	.long ext - .
	.quad ext - d0
	.long d1 - d0
	.short t2 - t0
d1:	.long (t2 - t0) * 2
	.long . - d0
	.set dsz, d1 - d0
	.long dsz
	.section .rodata
	.long t0 - .
	.long t2 - . + 4
	.text
	movl $(t2 - t1), %eax
	leaq t2(%rip), %rax
	movq d0(%rip), %rax
	movl $d1, %eax
	cmpl $1, d0+4(%rip)
