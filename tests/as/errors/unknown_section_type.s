# expect: 2: error: unrecognized section type 'bogus'
	.section .foo,"a",@bogus
