// An instruction after data of odd size is aligned to 4 bytes: zero padding
// marked $d, the instruction $x.
	.text
	nop
	.byte 1
2:	nop
	nop
