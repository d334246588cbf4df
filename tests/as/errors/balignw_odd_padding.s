# expect: 6: error: alignment padding (3 bytes) not a multiple of 2
# assembler: real
	.data
x:
	.byte 1
	.balignw 4, 0x1234
