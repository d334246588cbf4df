# expect: 4: error: b: would close weakref loop: b => a => b
# assembler: real
	.weakref a, b
	.weakref b, a
