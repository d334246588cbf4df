# expect: 3: error: unexpected end of file in macro definition (missing '.endm')
	.text
	.macro m a
	.byte \a
