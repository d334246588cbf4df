# x86-64's special sections of the large code model (SHF_X86_64_LARGE, BFD's
# elf_x86_64_special_sections), with and without flags given.
	.section .lbss
	.zero 8
	.section .ldata.x
	.long 1
	.section .lrodata,"a"
	.long 2
	.section .gnu.linkonce.lt.f,"ax"
	ret
	.section .ldatafoo,"aw"
	.long 3
