# expect: 6: error: % operator needs absolute expression
	.altmacro
	.macro m a
	.long a
	.endm
	m %undefined_sym
