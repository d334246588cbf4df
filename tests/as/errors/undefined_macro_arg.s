# expect: 3: error: bad expression at '\nosuch'
	.macro m a
	.byte \nosuch
	.endm
	.data
	m 1
