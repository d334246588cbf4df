# expect: 7: error: can't resolve .text - b
# assembler: real
a:	nop
	.data
b:	.long 0
	.section .x,"a"
	.long a - b
