# Hand-picked x86 encoding cases, 16-bit mode only (plus common.s).
mov %ax,%bx
mov %eax,%ebx
add $1,%ax
add $1,%eax
add $0x100,%ax
add $-1,%eax
add $foo,%ax
mov (%bx),%ax
mov (%bp),%ax
mov 0(%bp),%ax
mov (%bx,%si),%ax
mov (%bx,%di),%ax
mov (%bp,%si),%ax
mov (%bp,%di),%ax
mov (%si),%ax
mov (%di),%ax
mov 4(%si),%ax
mov -4(%bp),%ax
mov 0x80(%bx),%ax
mov -0x80(%bx),%ax
mov 0x7f(%bx),%ax
mov 0xffff(%bx),%ax
mov 0xff80(%bx),%ax
mov foo(%bx),%ax
mov foo,%ax
mov foo,%al
mov %ax,foo
mov foo,%bx
mov 0x1234,%ax
mov %es:(%di),%ax
mov %cs:foo,%ax
mov (%eax),%ax
mov (%esp),%eax
mov 4(%ebp),%ecx
mov (%eax,%ebx,4),%edx
mov foo(%esi),%ax
addr32 mov foo,%ax
mov %cr0,%eax
mov %eax,%cr0
mov %ds,%ax
mov %ax,%ds
mov %ds,%eax
mov %eax,%ds
push %ax
push %eax
push $1
pushl $1
pushw $1
push $foo
push %ds
push %es
push %cs
pop %ds
pusha
popa
pushal
popaw
pushf
pushfl
popf
call foo
calll foo
call *%ax
call *(%bx)
calll *(%bx)
jmp foo
jmp .+0x10
jmpl foo
jmp *%ax
jmp *(%bx)
je foo
je .+4
jne .-0x40
loop foo
jcxz foo
jecxz foo
ret
retl
ret $2
lret
lretl
iret
iretl
ljmp $0xf000,$0xfff0
ljmpl $0x08,$foo
lcall $0x10,$0x20
ljmp *(%bx)
lcall *4(%bx)
int $0x10
int $0x13
int3
leave
enter $4,$0
rep movsb
rep movsw
rep movsl
rep stosw
movsb
movsw
movsl
lodsb
lodsw
stosb
scasb
cmpsw
movsb (%si),(%di)
movsw %es:(%si),%es:(%di)
lodsb (%esi),%al
in $0x60,%al
in %dx,%ax
out %al,$0x80
out %ax,%dx
xlat
cbw
cwde
cwd
cdq
lgdt (%bx)
lidt foo
lgdtl (%bx)
lmsw %ax
smsw %ax
ltr %ax
hlt
cli
sti
movzbw %al,%ax
movzbl (%bx),%eax
movsbw (%si),%ax
movzwl %ax,%eax
lea 4(%bx,%si),%ax
lea 4(%bx,%si),%eax
lea (%eax),%eax
les (%bx),%ax
lds (%bx),%si
lss (%bx),%sp
xchg %ax,%bx
xchg %ax,%ax
xchg %eax,%ebx
shl %ax
shl $3,%eax
imul $10,%ax,%bx
nop
nopw (%bx)
cpuid
rdtsc
bswap %eax
.code16gcc
call foo
calll foo
callw foo
jmp foo
je foo
ret
retw
push $1
push %eax
push %ax
pushw $1
push %ds
pop %eax
pop %ds
pushf
popf
pushfw
leave
enter $8,$0
lret
iret
mov 4(%esp),%eax
mov 8(%ebp),%ecx
movl $1,(%ebx)
movl $foo,(%esp)
add $1,%esp
sub $12,%esp
lea -4(%ebp),%eax
call *%eax
call *(%eax)
jmp *%eax
jmp *(%esi)
lcall *(%esi)
lcall $1,$2
ljmp $1,$2
pusha
popa
mov foo,%eax
mov %eax,foo
movzbl foo,%eax
.code16
nop
sysretl
scasb %es:(%di), %al
scasl %es:(%edi), %eax
push $0xffffffff
fnstsww (%eax)
fldcww (%eax)
fstcww (%bx)
push $0x12345
push $-0x12345
adc $-0x105610, %gs:(%edi)
add $0x10005, (%bx)
mov $0x12345, (%eax)
loopl foo
loopnzw foo
