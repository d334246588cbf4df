/* fenv.h -- C11 7.6.  The exception bits and rounding-mode values are each
 * architecture's own (x87/SSE status and control words, AArch64 FPSR/FPCR,
 * RISC-V fflags/frm), so the libc's fenv code can use them directly. */
#ifndef _FENV_H
#define _FENV_H

#include <features.h>

#if defined(__i386__) || defined(__x86_64__)
#define FE_INVALID 0x01
#define __FE_DENORM 0x02
#define FE_DIVBYZERO 0x04
#define FE_OVERFLOW 0x08
#define FE_UNDERFLOW 0x10
#define FE_INEXACT 0x20
#define FE_ALL_EXCEPT (FE_INVALID | FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INEXACT)
#define FE_TONEAREST 0
#define FE_DOWNWARD 0x400
#define FE_UPWARD 0x800
#define FE_TOWARDZERO 0xc00
typedef unsigned short fexcept_t;
typedef struct {                        /* the x87 fnstenv image, then SSE's MXCSR */
	unsigned short __control_word;
	unsigned short __glibc_reserved1;
	unsigned short __status_word;
	unsigned short __glibc_reserved2;
	unsigned short __tags;
	unsigned short __glibc_reserved3;
	unsigned int __eip;
	unsigned short __cs_selector;
	unsigned int __opcode : 11;
	unsigned int __glibc_reserved4 : 5;
	unsigned int __data_offset;
	unsigned short __data_selector;
	unsigned short __glibc_reserved5;
#if defined(__x86_64__)
	unsigned int __mxcsr;
#endif
} fenv_t;
#elif defined(__aarch64__)
#define FE_INVALID 0x01
#define FE_DIVBYZERO 0x02
#define FE_OVERFLOW 0x04
#define FE_UNDERFLOW 0x08
#define FE_INEXACT 0x10
#define FE_ALL_EXCEPT 0x1f
#define FE_TONEAREST 0x000000
#define FE_UPWARD 0x400000
#define FE_DOWNWARD 0x800000
#define FE_TOWARDZERO 0xc00000
typedef unsigned int fexcept_t;
typedef struct {
	unsigned int __fpcr;
	unsigned int __fpsr;
} fenv_t;
#elif defined(__riscv)
#define FE_INEXACT 0x01
#define FE_UNDERFLOW 0x02
#define FE_OVERFLOW 0x04
#define FE_DIVBYZERO 0x08
#define FE_INVALID 0x10
#define FE_ALL_EXCEPT 0x1f
#define FE_TONEAREST 0
#define FE_TOWARDZERO 1
#define FE_DOWNWARD 2
#define FE_UPWARD 3
typedef unsigned int fexcept_t;
typedef unsigned int fenv_t;            /* the fcsr */
#else
#error "fenv.h: unknown target"
#endif

#define FE_DFL_ENV ((const fenv_t *)-1)

int feclearexcept(int __excepts);
int fegetexceptflag(fexcept_t *__flagp, int __excepts);
int feraiseexcept(int __excepts);
int fesetexceptflag(const fexcept_t *__flagp, int __excepts);
int fetestexcept(int __excepts);
int fegetround(void);
int fesetround(int __round);
int fegetenv(fenv_t *__envp);
int feholdexcept(fenv_t *__envp);
int fesetenv(const fenv_t *__envp);
int feupdateenv(const fenv_t *__envp);

#if defined(__PCC_GNU)
int feenableexcept(int __excepts);
int fedisableexcept(int __excepts);
int fegetexcept(void);
#endif

#endif
