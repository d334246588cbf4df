# target: i386
	.globl f
f:
1:	call 2f
2:	popl %ebx
	addl $_GLOBAL_OFFSET_TABLE_+[.-2b], %ebx
	movl $[3*[4+1]], %eax
	movl $obj@SIZE, %ecx
	movl $ext@SIZE, %edx
	movl $obj@SIZE+4, %edx
	.long obj@SIZE
	ret
	.data
	.type obj, @object
	.size obj, 12
obj:	.zero 12
# i386: _GLOBAL_OFFSET_TABLE_+[.-1b], @SIZE of local and external symbols
	.long tlsvar@TLSDESC
