# target: i386
# .reloc on a REL target: addends in the fields, A - P for pc-relative types
	.globl f
f:	nop
	.reloc ., R_386_NONE, f
	.reloc .+8, R_386_32, loc+8
	.reloc 2, R_386_PC32, ext-4
	.reloc 12, BFD_RELOC_32, ext+3
	.long 0, 0, 0, 0
	call ext
	.long 0
	.reloc .-4, BFD_RELOC_16, f

loc:	ret
	.data
	.long 0
	.reloc 0, BFD_RELOC_NONE
	.text
	.reloc d2, R_386_32, f
	.section .data2,"aw"
d2:	.long 0
