# Hand-picked x86 encoding cases, 64-bit mode only (plus common.s).
mov %eax,%ebx
mov %rax,%rbx
mov %r8,%r15
mov %r8d,%eax
mov %al,%sil
mov %spl,%bpl
mov %dil,%r8b
movb $1,%sil
mov %ah,%al
mov %ah,%bh
add $1,%rax
add $-1,%rax
add $0x7f,%rax
add $0x80,%rax
add $0x7fffffff,%rax
add $-0x80000000,%rax
add $0xffffffffffffff80,%rax
addq $1,(%rax)
add $1,%r8
add $1,%r8b
add $1,%spl
add %r12,(%r13)
add (%r12),%r13
add %rax,0x10(%rsp)
add foo(%rip),%rax
add $1,foo(%rip)
addl $1,foo(%rip)
addw $0x1234,foo(%rip)
addq $0x12345678,foo(%rip)
cmpb $1,foo+4(%rip)
mov foo(%rip),%eax
lea foo(%rip),%rax
lea foo+8(%rip),%rax
lea foo-8(%rip),%rax
lea 0x10(%rip),%rax
lea (%rip),%rax
lea foo(%eip),%eax
lea 0(%rip),%rax
lea (%rax),%rax
lea (%eax),%eax
lea (%r12),%rax
lea (%r13),%rax
lea 0(%r13),%rax
lea (%rsp),%rax
lea (%r12,%r13),%rax
lea (%r13,%r12),%rax
lea (,%r12,4),%rax
lea (%rax,%r12,2),%r9
lea -0x80(%rbp),%rax
lea 0x7fffffff(%rax),%rax
lea -0x80000000(%rax),%rax
lea 0x12345678,%rax
lea foo,%rax
lea foo(,%rax,8),%rax
lea foo(%rax),%rax
movq $-1,%rax
movq $0x7fffffff,%rax
movq $-0x80000000,%rax
mov $0x80000000,%rax
mov $0xffffffff,%rax
mov $0x123456789,%rax
mov $foo,%rax
mov $foo,%eax
movq $foo,(%rax)
movabs $1,%rax
movabs $foo,%rax
movabs $0x1122334455667788,%r9
movabs 0x1122334455667788,%al
movabs 0x1122334455667788,%rax
movabs %eax,0x1122334455667788
movabs foo,%eax
mov foo,%eax
mov %eax,foo
mov 0x1000,%rax
mov %fs:0x28,%rax
mov %fs:0,%rax
mov %gs:(%rax),%rax
mov %fs:foo@TPOFF,%rax
movq foo@GOTTPOFF(%rip),%rax
mov foo@GOTPCREL(%rip),%rax
mov foo@GOTPCREL(%rip),%eax
mov foo@GOTPCREL(%rip),%r8
add foo@GOTPCREL(%rip),%rax
test %rax,foo@GOTPCREL(%rip)
cmp foo@GOTPCREL(%rip),%rax
lea foo@GOTPCREL(%rip),%rax
call *foo@GOTPCREL(%rip)
jmp *foo@GOTPCREL(%rip)
push foo@GOTPCREL(%rip)
lea foo@TLSGD(%rip),%rdi
lea foo@TLSLD(%rip),%rdi
lea foo@DTPOFF(%rax),%rdx
mov $foo@TPOFF,%eax
movq $foo@TPOFF,%rax
mov $foo@DTPOFF,%eax
lea _GLOBAL_OFFSET_TABLE_(%rip),%rbx
movabs $foo@GOTOFF,%rax
movabs $foo@GOT,%rax
movabs $foo@PLTOFF,%rax
movabs $_GLOBAL_OFFSET_TABLE_,%r11
call foo@PLT
jmp foo@PLT
call *%rax
call *%r11
call *(%rax)
call *foo(%rip)
callq *(%rax)
jmp *%rax
jmp *%r8
jmpq *(%rax,%rbx,8)
jmp *foo(,%rax,8)
jrcxz foo
jecxz foo
loop foo
ljmp *(%rax)
ljmpq *(%rax)
lcall *(%rax)
lcallq *(%rax)
lret
lretq
lretl
push %rax
push %r12
pushq (%rax)
pushw (%rax)
push $1
pushq $0x1000
pushw $1
push $foo
pop %rax
pop %r15
popq (%rax)
pushf
pushfq
pushfw
popfq
push %fs
push %gs
pop %fs
pushw %fs
leave
leaveq
ret
retq
ret $16
retw
iretq
iretl
iret
enter $16,$0
syscall
sysret
sysretq
sysretl
swapgs
cltq
cqto
cdqe
cqo
movslq %eax,%rax
movslq (%rax),%r8
movsxd %eax,%rax
movsbq %al,%rax
movswq %ax,%rax
movzbq %al,%rax
movzwq (%rax),%rax
movsbl %sil,%eax
movzbl %r8b,%eax
movzx %r9b,%r10d
movzwl %r9w,%r10d
bswap %rax
bswap %r8
bswap %r8d
xchg %rax,%rax
xchg %rax,%r8
xchg %r8,%rax
xchg %eax,%r8d
xchg %r8d,%eax
xchg %ax,%r8w
xchg %r8,%r9
xchg %rax,(%rbx)
cmpxchg16b (%rax)
lock cmpxchg16b (%rax)
cmpxchg8b (%rax)
lock cmpxchg %r8,(%rax)
rex.w nop
rex64 nop
shl %rax
shl $1,%r8
shl $63,%rax
sar %cl,%r9
shld $1,%rax,%rbx
imul $3,%rax
imul $1000,%r8,%r9
imul %r8
imul (%rax),%rax
div %r8
popcnt %rax,%rbx
popcnt %r8,%rax
lzcnt %rax,%rbx
tzcnt %r8w,%r9w
crc32q %rax,%rbx
crc32b %al,%rax
crc32b %r8b,%r9
bt $63,%rax
btsq $63,(%rax)
sete %sil
sete %r8b
cmovne %r8,%r9
cmovl (%rax),%eax
mov %cr0,%rax
mov %rax,%cr3
mov %cr8,%rax
mov %rax,%cr8
mov %dr7,%rax
mov %rax,%dr7
mov %ds,%rax
mov %ds,%eax
mov %rax,%ds
mov %eax,%es
mov %r8d,%fs
mov %fs,%r9
mov %fs,%r9d
mov %fs,%r9w
sldt %rax
str %rax
smsw %rax
lar %rax,%rbx
lsl %eax,%r8d
rdrand %rax
rdrand %r8
rdseed %r9d
movbe (%rax),%r8
movbe %r8w,(%rax)
in $0x60,%al
out %eax,%dx
nopw 0x0(%rax,%rax,1)
nopw %cs:0x0(%rax,%rax,1)
nopl 0x0(%rax)
nopl 0x0(%rax,%rax,1)
nopq (%rax)
data16 nopw %cs:0x0(%rax,%rax,1)
rep stosq
rep movsq
lodsq
scasq
cmpsq
stosq %rax,%es:(%rdi)
movsq (%rsi),(%rdi)
movsl (%esi),(%edi)
movsb %fs:(%rsi),%es:(%rdi)
xlat
xlatb
lgdt (%rax)
lidt (%rax)
sgdtq (%rax)
invlpg (%rax)
clflush (%rax)
clflushopt (%rax)
clwb (%rax)
prefetcht1 (%r8)
prefetcht2 0x10(%rax)
xsave (%rax)
xrstor (%rax)
xsave64 (%rax)
xrstor64 (%rax)
monitor
mwait
stac
clac
rsm
xsetbv
movsbw (%rax),%ax
movzbw (%rax),%ax
lss (%rax),%rsp
lfs (%rax),%eax
lgs (%rax),%r8
mov %ss:(%r13), %eax
mov %ss:(%r12), %eax
mov %ss:(%rbp), %eax
mov %ds:(%r12), %eax
scasq %es:(%rdi), %rax
scasb %es:(%edi), %al
sysexitl
sysretl
movabsb 0x1234, %al
fnstsww (%rax)
callq foo
loopl foo
loopneq foo
callw foo
callw *%ax
call *%ax
jmpw *(%rax)
jmp *%ax
add $0xfffffffe,(%rax)
cmp $0xffffff80,(%rax)
addl $0xfffffffe,(%rax)
