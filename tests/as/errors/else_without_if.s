# expect: 2: error: ".else" without matching ".if"
	.else
