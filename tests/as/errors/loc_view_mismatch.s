# expect: 6: error: view number mismatch
# assembler: real
	.file 1 "a.c"
	nop
	.loc 1 1 view .LVU1
	.loc 1 2 view 0
