# expect: 3: error: invalid offset expression
# assembler: real
	.reloc undef, R_X86_64_NONE
