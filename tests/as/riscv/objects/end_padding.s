# Data at the end of code sections: the padding to the section alignment
# gets mapping symbols ($d for an odd byte, $x for nops) as GNU as gives it.
.attribute arch, "rv64gc"
.option norelax
.align 3
nop
.byte 1
	.section .text.relaxed,"ax",@progbits
	.option relax
	.align	3
	nop
	.byte	1
	.section .text.aligned,"ax",@progbits
	nop
	.byte	1
	.align	2
	nop
