# expect: 2: error: alignment not a power of 2
	.balign 12
