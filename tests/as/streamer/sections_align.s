# .section ...,unique,N, .subsection, .balignw/.balignl/.p2alignw/.p2alignl fill patterns
	.globl start
start:
	.section .text.a,"ax",@progbits,unique,1
a1:	nop
	.section .text.a,"ax",@progbits,unique,2
a2:	ret
	.section .text.a,"ax",@progbits,unique,1
	int3
	.section .text.a,"ax",@progbits
	hlt
	.text
	.subsection 2
s2:	.byte 2
	.subsection 1
s1:	.byte 1
	.previous
	.byte 3
	.text 0
	.byte 0
	.data
	.balignw 8, 0x1234
	.long 1
	.balignl 16, 0xdeadbeef
	.short 2
	.p2alignw 3, 0x5678
	.long 3
	.p2alignl 4, 0xcafebabe, 12
	.short 4
	.p2alignw 2, 0x5678
	.byte 5,6
	.balignw 8,0x0101
	.text
	.byte 7
	.balignw 16,0x9090
	.byte 8
	.balignl 16
	.byte 9
	.balignw 8,,3
	.section .text.a,"ax",@progbits,unique,1
	nop
	.section .text.a
	ret
	.section .text.b,"axG",@progbits,grp,comdat,unique,3
	nop
	.section .text.b,"axG",@progbits,grp,comdat
	ret
	.section .text.b,"axG",@progbits,grp,comdat,unique,3
	hlt
