# expect: 2: error: bad .section directive: want a,l,w,x,M,S,G,T in string
	.section .foo,"aq",@progbits
