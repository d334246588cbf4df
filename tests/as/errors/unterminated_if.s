# expect: 3: error: end of file inside conditional
	.data
	.ifdef foo
	.byte 1
