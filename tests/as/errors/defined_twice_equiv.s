# expect: 3: error: symbol 'a' is already defined
	a = 1
	.equiv a, 2
