// .variant_pcs: STO_AARCH64_VARIANT_PCS in st_other, defined and undefined symbols.
	.text
	.global f
	.variant_pcs f
	.type f, %function
f:	ret
	.variant_pcs g
	bl g
