# expect: 2: error: '.rept' without '.endr'
	.rept 4
	nop
