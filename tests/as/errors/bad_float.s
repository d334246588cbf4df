# expect: 2: error: bad floating-point constant 'x1'
	.double 1.5, x1
