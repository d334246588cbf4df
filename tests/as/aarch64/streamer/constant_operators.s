// Relocation operators applied to numbers: MOVW ones resolved, the others
// relocated against no symbol with the number as addend (as GNU as).
	.text
	movz x0, #:abs_g1:0x12345678
	movk x0, #:abs_g0_nc:0x12345678
	movz x0, #:abs_g2:0x123456789abc
	movk x0, #:abs_g3:0x123456789abcdef0
	movz x0, #:abs_g0_s:-5
	movz x0, #:abs_g1_s:-0x50000
	add x0, x0, #:lo12:0x12345
	ldr x0, [x0, #:lo12:0x12348]
