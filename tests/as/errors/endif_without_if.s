# expect: 4: error: ".endif" without ".if"
	.if 1
	.endif
	.endif
