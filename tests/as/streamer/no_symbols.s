# No symbols, relocations or groups: GNU as writes no .symtab or .strtab.
	.data
	.byte 1
	.text
	nop
