# .equiv/.eqv (late binding), label differences across relaxed branches, [] grouping, @SIZE folding
f:
	.equiv late, later_sym + 4
	.long late
	.eqv cnt, .Lb - .La
.La:	jmp .Lfar
	.fill 10,1,0x90
.Lb:
	.long cnt
	.long .Lb - .La
	movl $(.Lb - .La), %eax
	.byte (.Lb - .La) / 2
.Lc:	nop
	nop
.Ld:
	.if .Ld - .Lc == 2
	.byte 0x22
	.else
	.byte 0x33
	.endif
	.fill 200,1,0x90
.Lfar:	ret
	.data
later_sym: .long 0
	.set x, 1
	.long x
	.set x, 2
	.long x
	.eqv y, x + 1
	.long y
	.set x, 5
	.long y
	.text
	.text
g: movl $g@SIZE, %eax
	.size g, 5
	.quad g@SIZE
	.data
h: .long h@SIZE
	.set z, 1
	zz == z + 1
	.set z, 7
	.long zz
	movl $[3*[4+1]], %eax
	.long tlsvar@TLSDESC
