# expect: 2: error: expected comma after 'x'
	.size x 4
