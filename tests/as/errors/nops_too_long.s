# expect: 3: error: invalid single nop size: 20 (expect within [0, 11])
# assembler: real
	.nops 4, 20
