# COMDAT groups, plain groups, made-up signatures, section flags and types.
	.section .text._Z3foov,"axG",@progbits,_Z3foov,comdat
	.weak _Z3foov
	.type _Z3foov, @function
_Z3foov:
	call _Z3barv
	ret
	.section .data.rel.local._ZTV3Foo,"awG",@progbits,_ZTV3Foo,comdat
	.quad _Z3foov
	.section .text.plain,"axG",@progbits,plain_group
	nop
	.section .debug_macro,"G",@progbits,wm4.stdio.h.12.abcdef,comdat
	.long 1
	.section .rodata.cst16,"aM",@progbits,16
	.align 16
	.quad 1, 2
	.section .init_array,"aw"
	.align 8
	.quad _Z3foov
	.section .note.gnu.property,"a"
	.align 8
	.long 4
	.section .tdata,"awT",@progbits
	.long 7
	.section .custom,"aw",@nobits
	.zero 16
	.section .excl,"e"
	.byte 0
	.text
	ret
	.pushsection .text.pushed,"ax",@progbits
	nop
	.popsection
	ret
	.section .data
	.byte 1
	.previous
	ret
	.text 1
	.byte 0xaa
	.text 0
	.byte 0xbb
	.data 2
	.byte 2
	.data 1
	.byte 3
