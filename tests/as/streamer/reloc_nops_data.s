# .reloc (psABI and BFD names, REL addends), .nops with a longest nop, data directive spellings
	.globl f
f:	nop
	.reloc ., R_X86_64_NONE, f
	.reloc .+4, R_X86_64_32, f+8
	.reloc 2, R_X86_64_PC32, ext-4
	.reloc f+1, BFD_RELOC_NONE
	.long 0, 0
	.nops 7
	.nops 20, 4
	.nops 3, 1
	.data
	.hword 0x1234
	.8byte 0x1122334455667788
	.octa 0x112233445566778899aabbccddeeff00
	.octa -1
	.dc.w 5
	.sleb128 -1000, -64, -65
	.uleb128 -2
	.data
.Lq:	.quad 0, 0
	.reloc .Lq+1, R_X86_64_PC32, .Lq-4
	.reloc .Lq+8, R_X86_64_64, .Lq
	.section .rodata.str,"aMS",@progbits,1
.Ls: .string "abc"
	.data
	.reloc .Lq+4, R_X86_64_32, .Ls+1
	.reloc .Lq+12, R_X86_64_32, .Ls
