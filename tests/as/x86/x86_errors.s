# x86 encoding errors: each line must fail with the message after '# error:'.
# Runner: tests/as/test_x86_encoding.py (starts in 64-bit mode; .code16/.code32
# switch).  GNU as rejects every line here too (its wording differs in places).
movb %ah, %r8b             # error: can't encode register '%ah' in an instruction requiring REX prefix
mov %ah, %sil              # error: can't encode register '%ah' in an instruction requiring REX prefix
add %bh, (%r8)             # error: can't encode register '%bh' in an instruction requiring REX prefix
movzbl %ah, %r9d           # error: can't encode register '%ah' in an instruction requiring REX prefix
foo %eax                   # error: no such instruction: `foo'
addx %eax, %ebx            # error: no such instruction: `addx'
add %eax                   # error: number of operands mismatch for `add'
nop %eax, %ebx, %ecx       # error: number of operands mismatch for `nop'
mov %eax, %bx              # error: operand type mismatch for `mov'
addl %eax, %ebx, %ecx      # error: number of operands mismatch for `addl'
addb $1, %eax              # error: operand type mismatch for `addb'
in $0x100, %eax            # error: operand value 256 out of range for imm8 in `in'
rolw $256, %ax             # error: operand value 256 out of range for imm8 in `rol'
int $256                   # error: operand value 256 out of range for imm8 in `int'
int $-129                  # error: operand value -129 out of range for imm8 in `int'
enter $0x10000, $0         # error: operand value 65536 out of range for imm16 in `enter'
mov %eax, %xyz             # error: bad register name `%xyz'
push %ebx                  # error: operand type mismatch for `push'
pushl $1                   # error: invalid instruction suffix for `push'
lea (%ebp,%esp,1), %eax    # error: `(%ebp,%esp,1)' is not a valid base/index expression
lea (%rip,%rax), %rax      # error: `(%rip,%rax,1)' is not a valid base/index expression
mov (%bx), %ax             # error: `(%bx)' is not a valid base/index expression
lea (%rax,%rbx,3), %rax    # error: expecting scale factor of 1, 2, 4, or 8: got `3'
into                       # error: `into' is not supported in 64-bit mode
aaa                        # error: `aaa' is not supported in 64-bit mode
mov %cr0, %eax             # error: operand type mismatch for `mov'
ljmp $1, $2                # error: operand type mismatch for `ljmp'
jmp foo@GOTOFF             # error: relocation @GOTOFF is not supported for a 4-byte field in `jmp'
.code32
mov %rax, %rbx             # error: bad register name `%rax'
mov %r8d, %eax             # error: bad register name `%r8d'
mov %sil, %al              # error: bad register name `%sil'
mov (%rip), %eax           # error: bad register name `%rip'
swapgs                     # error: `swapgs' is only supported in 64-bit mode
.code16
mov (%si,%bx), %ax         # error: `(%si,%bx,1)' is not a valid base/index expression
mov (%bx,%si,2), %ax       # error: `(%bx,%si,2)' is not a valid base/index expression
mov (%ax), %ax             # error: `(%ax)' is not a valid base/index expression
.code64
data16 nopw %cs:0x0(%rax,%rax,1)  # error: same type of prefix used twice
lock lock addl $1, (%rax)  # error: same type of prefix used twice
ljmpq *(%rax)              # error: invalid instruction suffix for `ljmp'
lss (%rax), %rsp           # error: operand type mismatch for `lss'
jnel foo                   # error: invalid instruction suffix for `jne'
stosd                      # error: no such instruction: `stosd'
lodsd                      # error: no such instruction: `lodsd'
scasd                      # error: no such instruction: `scasd'
insd                       # error: no such instruction: `insd'
outsd                      # error: no such instruction: `outsd'
iretd                      # error: no such instruction: `iretd'
icebp                      # error: no such instruction: `icebp'
fcmovz %st(2), %st         # error: no such instruction: `fcmovz'
fcmovnz %st(2), %st        # error: no such instruction: `fcmovnz'
rdrandw %ax                # error: invalid instruction suffix for `rdrand'
rdseedq %rax               # error: invalid instruction suffix for `rdseed'
fstsws (%rax)              # error: invalid instruction suffix for `fstsw'
calll foo                  # error: invalid instruction suffix for `call'
fnstsww %ax                # error: invalid instruction suffix for `fnstsw'
fildl %eax                 # error: invalid instruction suffix for `fild'
.code32
sysexitl                   # error: invalid instruction suffix for `sysexit'
sysretq                    # error: `sysretq' is only supported in 64-bit mode
callq foo                  # error: `callq' is only supported in 64-bit mode
rdrandq %rax               # error: `rdrandq' is only supported in 64-bit mode
movabsb 0x1234, %al        # error: `movabsb' is only supported in 64-bit mode
movabs %eax, 0x1234        # error: `movabs' is only supported in 64-bit mode
.code16
movabsl 0x1234, %eax       # error: `movabsl' is only supported in 64-bit mode
stosd                      # error: no such instruction: `stosd'
.code32
movsb %ds:(%esi), %ds:(%edi)  # error: `movs' operand 2 must use `%es' segment
scasb %fs:(%edi), %al      # error: `scas' operand 1 must use `%es' segment
stos %cs:(%edi)            # error: `stos' operand 1 must use `%es' segment
addr32 movl %eax, %ebx     # error: redundant addr32 prefix
data32 movl %eax, %ebx     # error: redundant data32 prefix
addr16 mov (%eax), %eax    # error: `(%eax)' is not a valid base/index expression
.code16
data16 movw %ax, %bx       # error: redundant data16 prefix
addr16 nop                 # error: redundant addr16 prefix
addr32 mov (%bx), %ax      # error: `(%bx)' is not a valid base/index expression
.code64
es movsb                   # error: `es' is not supported in 64-bit mode
ss nop                     # error: `ss' is not supported in 64-bit mode
addr16 nop                 # error: `addr16' is not supported in 64-bit mode
data32 movl %eax, %ebx     # error: `data32' is not supported in 64-bit mode
movsb (%rsi), (%edi)       # error: `(%edi)' is not a valid base/index expression
movsb (%si), (%rdi)        # error: `(%si)' is not a valid base/index expression
cmpsb (%esi), (%rdi)       # error: `(%rdi)' is not a valid string address expression
