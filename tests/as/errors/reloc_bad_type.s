# expect: 3: error: unrecognized reloc type
# assembler: real
	.reloc 0, R_BOGUS, f
