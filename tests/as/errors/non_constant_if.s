# expect: 2: error: non-constant expression in '.if' statement
	.if undefined_thing + 1
	.endif
