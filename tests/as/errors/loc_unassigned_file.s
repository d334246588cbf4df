# expect: 5: error: unassigned file number 2
# assembler: real
	.file 1 "a.c"
	.loc 1 1
	.loc 2 1
