# target: i386
# A symbol set to a constant before use is that number while parsing
# (GNU as expr.c): it picks imm8 and disp8 forms.
	.set N, 5
	.equ OFF, 8
	addl $N, %eax
	movl OFF(%ebx), %eax
	addl $N+200, %ecx
	pushl $N
	leal -OFF(%ebp), %esi
	.long N
# Set after use: the instruction keeps the full-width field.
	addl $LATE, %eax
	.set LATE, 3
