# expect: 4: error: invalid attempt to declare external version name as default in symbol `ext@@V1'
# assembler: real
	call ext
	.symver ext, ext@@V1
