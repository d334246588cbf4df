# expect: 2: error: missing ')'
	.quad (1 + 2
