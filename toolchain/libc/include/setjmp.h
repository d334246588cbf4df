/* setjmp.h -- C11 7.13, POSIX sigsetjmp.
 *
 * The contract with the libc's per-arch setjmp.S: jmp_buf is one
 * struct __jmp_buf_tag, whose __jb array holds, in this order,
 *
 *   x86-64   (8 x 8 bytes)  rbx rbp r12 r13 r14 r15 rsp rip
 *   i386 and x86-16 (6 x 4) ebx esi edi ebp esp eip
 *   AArch64 (22 x 8)        x19..x28 x29(fp) x30(lr, the return address) sp
 *                           (slot 13 unused) d8..d15
 *   RISC-V 64 (26 x 8)      ra(the return address) s0..s11 sp fs0..fs11
 *
 * followed by __mask_was_saved (nonzero when sigsetjmp saved the mask) and
 * __saved_mask (the kernel's 64-bit signal mask).  The values are stored
 * unmangled; longjmp(env, 0) returns 1 as the standard requires. */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <features.h>

#define __NEED_sigset_t
#include <bits/alltypes.h>

#if defined(__x86_64__)
#define __PCC_JB_WORDS 8
#elif defined(__i386__)
#define __PCC_JB_WORDS 6
#elif defined(__aarch64__)
#define __PCC_JB_WORDS 22
#elif defined(__riscv)
#define __PCC_JB_WORDS 26
#else
#error "setjmp.h: unknown target"
#endif

typedef struct __jmp_buf_tag {
	unsigned long __jb[__PCC_JB_WORDS];
	int __mask_was_saved;
	sigset_t __saved_mask;
} jmp_buf[1];

int setjmp(jmp_buf __env) __pcc_returns_twice;
__pcc_noreturn void longjmp(jmp_buf __env, int __val);

#if defined(__PCC_POSIX)
typedef jmp_buf sigjmp_buf;
int sigsetjmp(sigjmp_buf __env, int __savemask) __pcc_returns_twice;
__pcc_noreturn void siglongjmp(sigjmp_buf __env, int __val);
int _setjmp(jmp_buf __env) __pcc_returns_twice;
__pcc_noreturn void _longjmp(jmp_buf __env, int __val);
#endif

#endif
