# expect: 3: error: unterminated string
	.data
	.ascii "abc
	.byte 1
