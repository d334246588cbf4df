# Hand-picked x86 encoding cases, 32-bit mode only (plus common.s).
push %ds
push %cs
push %ss
push %es
pop %es
pop %ss
pop %ds
pusha
popa
pushal
popal
pushaw
inc %eax
dec %edi
incw %cx
mov 0xffffffff(%eax),%eax
mov foo(%eip),%eax
call *%ax
jcxz foo
ljmpw $0x10,$0x1234
lcallw $0x10,$0x1234
scasw %es:(%edi), %ax
scas %es:(%edi), %al
stos %al, %es:(%edi)
cmpsb %es:(%edi), %ds:(%esi)
mov %ss:4(%ebp,%eax), %eax
mov %ss:(%eax,%ebp), %eax
fstsww (%eax)
fnstcww (%eax)
sysretl
mov 0x1234, %al
push $0xffffffff
loopw foo
loopel foo
movsb %cs:(%esi), %es:(%edi)
cmpsb %es:(%edi), %fs:(%esi)
lodsb %ss:(%esi)
