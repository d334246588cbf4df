# expect: 5: error: Missing value for required parameter 'a' of macro 'm'
	.macro m a:req
	.byte \a
	.endm
	m
