# expect: 2: error: bad number '0x'
	.long 0x
