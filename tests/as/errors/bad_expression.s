# expect: 3: error: bad expression at '*2'
	.data
	.long 1 + *2
