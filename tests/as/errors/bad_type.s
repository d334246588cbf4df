# expect: 2: error: unrecognized symbol type "fn"
	.type f, @fn
