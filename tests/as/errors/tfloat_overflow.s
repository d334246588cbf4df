# expect: 3: error: cannot create floating-point number
	.data
	.tfloat 1.5, 1e5000
