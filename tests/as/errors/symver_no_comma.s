# expect: 2: error: expected comma after name in .symver
	.symver a
