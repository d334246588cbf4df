# target: i386
# i386: REL relocations, addends stored in the section bytes.
	.file "i386.c"
	.text
	.globl f
f:	call g
	call ext
	call f
	jmp .Lfar
	movl .Ldata, %eax
	movl .Ldata+8, %eax
	movl ext+4, %ecx
	movl $sym, %eax
	leal .Ldata+12(%ebx), %eax
	jmp ext
	jne .Lother
	call 1f
1:	popl %ebx
	addl $_GLOBAL_OFFSET_TABLE_+(.-1b), %ebx
	movl gv@GOT(%ebx), %eax
	movl .Ldata@GOTOFF(%ebx), %eax
	call ext@PLT
	ret
g:	ret
	.fill 130, 1, 0x90
.Lfar:	ret
	.section .text.other,"ax",@progbits
.Lother: ret
	.data
	.long 0
.Ldata:	.long .Ldata
	.long ext + 3
	.long .Lother - .
	.long ext - .
	.long ext - .Ldata
	.short .Ldata
	.byte .Ldata
	.long f
	.long .Ldata@GOTOFF
	.comm sym, 4, 4
