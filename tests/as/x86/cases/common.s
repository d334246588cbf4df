# Hand-picked x86 encoding cases for every mode (gas's choices that a
# one-line-per-row sweep would miss); scripts/gen-x86-encoding-tests reads them.
mov %eax,%ebx
movl %eax,%ebx
add %eax,%ebx
test %eax,%ebx
test %ebx,%eax
test $1,%al
test $1,%bl
test $0x100,%eax
testb $1,(%ebx)
xchg %eax,%ebx
xchg %ebx,%eax
xchg %eax,%eax
xchg %ax,%ax
xchg %cx,%ax
add $1,%eax
add $-1,%eax
add $0x7f,%eax
add $0x80,%eax
add $-0x80,%eax
add $-0x81,%eax
add $0xffffffff,%eax
add $0xffffff80,%eax
add $0xff,%al
add $-1,%al
add $1,%al
add $1,%ax
add $0x100,%ax
add $0xffff,%ax
addw $0x7f,(%ebx)
addl $0x80,(%ebx)
addb $0x80,(%ebx)
add $foo,%eax
add $foo,%ebx
add $foo+4,%ecx
addw $foo,%ax
cmp $foo,%al
sub $-0x80,%ecx
shl %eax
shl $1,%eax
shl $2,%eax
shl %cl,%eax
sal $1,%eax
sar %cl,%dl
shr $1,%ax
rol $0xff,%ebx
rcrb $3,(%ecx)
shl $foo,%eax
shld $3,%eax,%ebx
shrd %cl,%eax,%ebx
imul %eax
imul %ecx,%edx
imul $3,%eax
imul $3,%ecx,%edx
imul $300,%ecx,%edx
imul $-128,%eax,%eax
imul $foo,%eax,%eax
mov $1,%eax
mov $-1,%eax
mov $0xffffffff,%eax
mov $foo,%eax
movl $1,(%ebx)
movw $1,(%ebx)
movb $1,(%ebx)
mov $1,%al
mov $0x1234,%bx
mov %ds,%eax
mov %ds,%ax
mov %ds,(%ebx)
mov %eax,%ds
mov %ax,%es
mov (%ebx),%ss
mov %cs,%dx
movzbl %al,%eax
movzbl (%ebx),%ecx
movzbw %al,%ax
movzwl %ax,%eax
movzwl (%ebx),%ecx
movsbl %al,%eax
movsbw %cl,%dx
movswl (%ecx),%edx
movzx %al,%eax
movsx %al,%eax
movzb %al,%eax
movzw %ax,%eax
movsb %al,%cx
lea 0(%ebx),%eax
lea (%ebx),%eax
lea 4(%ebx,%ecx),%eax
lea 0x80(%ebx),%eax
lea -0x80(%ebx),%eax
lea -0x81(%ebx),%eax
lea (,%ecx,8),%eax
lea foo(,%ecx,8),%eax
lea (%ebp),%eax
lea (%esp),%eax
lea (%esp,%ebp),%eax
lea (%ebp,%esp,1),%eax
lea 0xffffffff(%ebx),%eax
lea 0xffffff80(%ebx),%eax
lea 0x7fffffff(%ebx),%eax
lea foo-4(%ebx),%eax
leal (%eax,%eax,2),%eax
push $1
push $0x80
push $-1
push $foo
pushw $1
push (%ebx)
push %ebx
pop %ebx
pop (%ebx)
pushf
popf
pushw %ds
push %fs
pop %gs
push %gs
pushl %fs
pushw %fs
leave
ret
ret $8
retw
lret
lret $4
enter $0x10,$0
enter $foo,$1
int $0x80
int $3
int3
int1
into
iret
iretw
iretl
call foo
call *%eax
call *(%eax)
call *foo(,%eax,4)
jmp *%eax
jmp *(%eax)
jmp *foo
jmp foo
jmp .+0x10
jmp .-0x10
jmp .+0x200
je foo
jne .+4
jz .-0x20
jc foo
jnae foo
jnb foo
jpe foo
jpo foo
jnle foo
ja .+0x1000
jmp 0x1234
call 0x1234
loop foo
loope .+4
loopne .-4
loopz foo
loopnz foo
jecxz foo
ljmp $0x10,$0x1234
lcall $0x10,$foo
ljmp *(%ebx)
lcall *(%ebx)
ljmpl *(%ebx)
ljmpw *(%ebx)
lcallw *4(%ebx)
rep movsb
rep movsl
rep stosb
rep stosl
repz cmpsb
repe cmpsw
repnz scasb
repne scasl
movsb
movsw
movsl
movsd
cmpsb
cmpsl
cmpsd
lodsb
lodsl
stosw
scasw
insb
insl
outsb
outsw
movsb %fs:(%esi),%es:(%edi)
lodsl %es:(%esi),%eax
stosb %al,%es:(%edi)
cmpsb %es:(%edi),(%esi)
movsl (%si),(%di)
lock addl $1,(%ebx)
lock incl (%ebx)
lock xaddl %eax,(%ebx)
lock cmpxchg %ecx,(%ebx)
lock cmpxchg8b (%ebx)
lock btsl $1,(%ebx)
lock orb $1,(%ebx)
lock xchg %eax,(%ebx)
xchg (%ebx),%eax
data16 nop
addr32 nop
rep nop
in $0x60,%al
in $0x60,%ax
in $0x60,%eax
in %dx,%al
in %dx,%ax
in %dx,%eax
in (%dx),%al
out %al,$0x80
out %ax,$0x80
out %eax,$0x80
out %al,%dx
out %ax,%dx
out %eax,%dx
out %al,(%dx)
inb %dx,%al
outl %eax,%dx
nop
nopw (%eax)
nopl 0x0(%eax)
nopl 0x0(%eax,%eax,1)
nopw 0x0(%eax,%eax,1)
nopw %cs:0x0(%eax,%eax,1)
pause
cbtw
cwtl
cwtd
cltd
cbw
cwde
cwd
cdq
xlat
xlatb
xlat %es:(%ebx)
sahf
lahf
cmc
clc
stc
cld
std
cli
sti
hlt
ud2
cpuid
rdtsc
rdtscp
rdpmc
rdmsr
wrmsr
sysenter
sysexit
mfence
lfence
sfence
clflush (%ebx)
prefetcht0 (%ebx)
prefetchnta 4(%ebx)
prefetchw (%ebx)
lgdt (%ebx)
lidt (%ebx)
sgdt (%ebx)
sidt (%ebx)
lgdtl (%ebx)
lldt %ax
lldt (%ebx)
ltr %ax
str %ax
str %eax
sldt %eax
sldt (%ebx)
smsw %eax
smsw (%ebx)
lmsw %ax
verr %ax
verw (%ebx)
invlpg (%ebx)
wbinvd
invd
clts
xgetbv
mov %cr0,%eax
mov %eax,%cr0
mov %cr3,%ebx
mov %cr4,%ecx
mov %eax,%cr3
mov %dr7,%eax
mov %eax,%dr0
lar %ax,%ax
lar %ecx,%eax
lar (%ebx),%eax
lsl %ecx,%eax
rdrand %eax
rdseed %ecx
rdrand %ax
endbr32
endbr64
arpl %ax,%bx
bswap %eax
bswap %edi
bt %eax,%ebx
bt $3,%ebx
btl $3,(%ebx)
btsw $3,(%ebx)
btr %ecx,(%ebx)
btc $31,%eax
bsf %eax,%ebx
bsr (%ebx),%ecx
popcnt %eax,%ebx
popcnt %ax,%bx
lzcnt %eax,%ebx
tzcnt (%ebx),%ecx
crc32b %al,%eax
crc32w %ax,%eax
crc32l %eax,%eax
crc32b (%ebx),%eax
sete %al
setne (%ebx)
setc %bl
setnae %bl
setg %dh
cmove %eax,%ebx
cmovnz (%ebx),%ecx
cmovbw %ax,%bx
cmovael %ecx,%edx
les (%ebx),%eax
lds (%ebx),%ax
lss (%ebx),%esp
lfs (%ebx),%eax
lgs (%ebx),%ax
aaa
aas
daa
das
aam
aad
aam $8
bound %eax,(%ebx)
movbe (%ebx),%eax
movbe %ax,(%ebx)
cmpxchg %bl,(%ecx)
xadd %eax,%ebx
div %ecx
idivl (%ebx)
mulb (%ebx)
negw %ax
notl (%ebx)
incl (%ebx)
incw %ax
inc %eax
dec %ecx
decb (%ebx)
inc %al
mov foo,%eax
mov foo,%al
mov %eax,foo
mov %al,foo
mov foo,%ebx
mov %es:foo,%eax
mov 0x12345678,%eax
mov foo@GOT(%ebx),%eax
mov foo@GOTOFF(%ebx),%eax
call foo@PLT
jmp foo@PLT
addl $_GLOBAL_OFFSET_TABLE_,%ebx
add $_GLOBAL_OFFSET_TABLE_,%eax
lea foo@GOTOFF(%ebx),%eax
call *foo@GOT(%ebx)
test %eax,foo@GOT(%ebx)
add foo@GOT(%ebx),%ecx
mov %gs:foo@NTPOFF,%eax
mov foo@GOTNTPOFF(%ebx),%eax
mov foo@INDNTPOFF,%eax
lea foo@TLSGD(,%ebx,1),%eax
lea foo@TLSLDM(%ebx),%eax
lea foo@DTPOFF(%eax),%edx
mov $foo@TPOFF,%eax
mov $foo@NTPOFF,%eax
mov foo@GOTTPOFF(%ebx),%eax
