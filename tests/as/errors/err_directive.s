# expect: 3: error: .err encountered
	nop
	.err
