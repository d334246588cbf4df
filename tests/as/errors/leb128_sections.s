# expect: 6: error: invalid operands (.data and .text sections) for `-'
# assembler: real
.L0:
	.data
.L1:
	.sleb128 .L1-.L0
