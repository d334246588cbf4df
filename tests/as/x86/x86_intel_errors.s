# x86 Intel-syntax errors: each line must fail with the message after '# error:'.
# Runner: tests/as/test_x86_encoding.py (starts in 64-bit mode; .code16/.code32
# switch).  The messages are GNU as 2.40's.
.intel_syntax noprefix
inc [rax]                       # error: ambiguous operand size for `inc'
mov [rax], 1                    # error: ambiguous operand size for `mov'
add [rax], 1                    # error: ambiguous operand size for `add'
fld [rax]                       # error: ambiguous operand size for `fld'
fild [rax]                      # error: ambiguous operand size for `fild'
movzx eax, [rax]                # error: ambiguous operand size for `movzx'
movsx eax, [rax]                # error: ambiguous operand size for `movsx'
shl [rax], 1                    # error: ambiguous operand size for `shl'
cvtsi2sd xmm0, [rax]            # error: ambiguous operand size for `cvtsi2sd'
stos [rdi]                      # error: ambiguous operand size for `stos'
mov eax, [rax+rbx+rcx]          # error: `[rax+rbx+rcx]' is not a valid base/index expression
mov eax, [rax*3]                # error: `[rax*3]' is not a valid base/index expression
mov eax, DWORD PTR eax          # error: invalid use of register
mov eax, ebx+1                  # error: invalid use of register
mov eax, [rax-rbx]              # error: invalid use of register
mov eax, fs:eax                 # error: invalid use of register
mov eax, eax:[rax]              # error: invalid use of register
mov eax, OFFSET [rax]           # error: invalid use of register
mov eax, DWORD PTR ss@GOTOFF[rax]  # error: invalid use of register
jmp FAR PTR foo                 # error: cannot infer the segment part of the operand
call eq                         # error: invalid use of operator "eq"
mov eax, DWORD PTR [rax]]       # error: junk `]' after expression
mov eax, BYTE PTR [rax]         # error: operand type mismatch for `mov'
sysret                          # error: ambiguous operand size for `sysret'
.code32
mov eax, DWORD PTR sI@GOTOFF[eax]  # error: invalid use of register
jmp FAR PTR [farptr]            # error: cannot infer the segment part of the operand
