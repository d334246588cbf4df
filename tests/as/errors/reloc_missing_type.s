# expect: 2: error: missing reloc type
	.reloc 0
