# expect: 3: error: missing version name in `b' for symbol `a'
# assembler: real
	.symver a, b
