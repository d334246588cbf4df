# expect: 2: error: custom message
	.error "custom message"
