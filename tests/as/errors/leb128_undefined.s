# expect: 4: error: leb128 operand is an undefined symbol: undef
# assembler: real
	.globl x
	.uleb128 undef
x:
