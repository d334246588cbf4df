# expect: 4: error: unknown pseudo-op: '.frobnicate'
	.text
	nop
	.frobnicate 1, 2
