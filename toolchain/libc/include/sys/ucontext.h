/* sys/ucontext.h -- a thread's saved machine context (what a SA_SIGINFO
 * handler's third argument points to, and getcontext() fills).
 *
 * mcontext_t is the kernel's struct sigcontext of each architecture, in
 * glibc's spelling.  ucontext_t keeps glibc's layout: glibc's sigset_t is
 * 128 bytes where ours is the kernel's 8, so uc_sigmask is followed by the
 * difference as padding and every later member sits where glibc has it. */
#ifndef _SYS_UCONTEXT_H
#define _SYS_UCONTEXT_H

#include <features.h>
#define __PCC_NEED_SIGNAL_POSIX              /* stack_t, sigset_t: also under strict ISO C */
#include <signal.h>

#define __PCC_SIGSET_PAD (128 - sizeof(sigset_t))

#if defined(__x86_64__)
__extension__ typedef long long greg_t;
#define __NGREG 23
#define NGREG __NGREG
typedef greg_t gregset_t[__NGREG];

#if defined(__PCC_GNU)
enum {
	REG_R8 = 0, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
	REG_RDI, REG_RSI, REG_RBP, REG_RBX, REG_RDX, REG_RAX, REG_RCX, REG_RSP,
	REG_RIP, REG_EFL, REG_CSGSFS, REG_ERR, REG_TRAPNO, REG_OLDMASK, REG_CR2
};
#define REG_R8 REG_R8
#define REG_R9 REG_R9
#define REG_R10 REG_R10
#define REG_R11 REG_R11
#define REG_R12 REG_R12
#define REG_R13 REG_R13
#define REG_R14 REG_R14
#define REG_R15 REG_R15
#define REG_RDI REG_RDI
#define REG_RSI REG_RSI
#define REG_RBP REG_RBP
#define REG_RBX REG_RBX
#define REG_RDX REG_RDX
#define REG_RAX REG_RAX
#define REG_RCX REG_RCX
#define REG_RSP REG_RSP
#define REG_RIP REG_RIP
#define REG_EFL REG_EFL
#define REG_CSGSFS REG_CSGSFS
#define REG_ERR REG_ERR
#define REG_TRAPNO REG_TRAPNO
#define REG_OLDMASK REG_OLDMASK
#define REG_CR2 REG_CR2
#endif

struct _libc_fpxreg {
	unsigned short significand[4];
	unsigned short exponent;
	unsigned short __glibc_reserved1[3];
};

struct _libc_xmmreg {
	__UINT32_TYPE__ element[4];
};

struct _libc_fpstate {              /* the FXSAVE area */
	__UINT16_TYPE__ cwd;
	__UINT16_TYPE__ swd;
	__UINT16_TYPE__ ftw;
	__UINT16_TYPE__ fop;
	__UINT64_TYPE__ rip;
	__UINT64_TYPE__ rdp;
	__UINT32_TYPE__ mxcsr;
	__UINT32_TYPE__ mxcr_mask;
	struct _libc_fpxreg _st[8];
	struct _libc_xmmreg _xmm[16];
	__UINT32_TYPE__ __glibc_reserved1[24];
};
typedef struct _libc_fpstate *fpregset_t;

typedef struct {
	gregset_t gregs;
	fpregset_t fpregs;
	__extension__ unsigned long long __reserved1[8];
} mcontext_t;

typedef struct ucontext_t {
	unsigned long uc_flags;
	struct ucontext_t *uc_link;
	stack_t uc_stack;
	mcontext_t uc_mcontext;
	sigset_t uc_sigmask;
	char __sigmask_pad[__PCC_SIGSET_PAD];
	struct _libc_fpstate __fpregs_mem;
	__extension__ unsigned long long __ssp[4];
} ucontext_t;

#elif defined(__i386__)
typedef int greg_t;
#define __NGREG 19
#define NGREG __NGREG
typedef greg_t gregset_t[__NGREG];

#if defined(__PCC_GNU)
enum {
	REG_GS = 0, REG_FS, REG_ES, REG_DS, REG_EDI, REG_ESI, REG_EBP, REG_ESP, REG_EBX,
	REG_EDX, REG_ECX, REG_EAX, REG_TRAPNO, REG_ERR, REG_EIP, REG_CS, REG_EFL, REG_UESP,
	REG_SS
};
#define REG_GS REG_GS
#define REG_FS REG_FS
#define REG_ES REG_ES
#define REG_DS REG_DS
#define REG_EDI REG_EDI
#define REG_ESI REG_ESI
#define REG_EBP REG_EBP
#define REG_ESP REG_ESP
#define REG_EBX REG_EBX
#define REG_EDX REG_EDX
#define REG_ECX REG_ECX
#define REG_EAX REG_EAX
#define REG_TRAPNO REG_TRAPNO
#define REG_ERR REG_ERR
#define REG_EIP REG_EIP
#define REG_CS REG_CS
#define REG_EFL REG_EFL
#define REG_UESP REG_UESP
#define REG_SS REG_SS
#endif

struct _libc_fpreg {
	unsigned short significand[4];
	unsigned short exponent;
};

struct _libc_fpstate {              /* the FSAVE area */
	unsigned long cw;
	unsigned long sw;
	unsigned long tag;
	unsigned long ipoff;
	unsigned long cssel;
	unsigned long dataoff;
	unsigned long datasel;
	struct _libc_fpreg _st[8];
	unsigned long status;
};
typedef struct _libc_fpstate *fpregset_t;

typedef struct {
	gregset_t gregs;
	fpregset_t fpregs;
	unsigned long oldmask;
	unsigned long cr2;
} mcontext_t;

typedef struct ucontext_t {
	unsigned long uc_flags;
	struct ucontext_t *uc_link;
	stack_t uc_stack;
	mcontext_t uc_mcontext;
	sigset_t uc_sigmask;
	char __sigmask_pad[__PCC_SIGSET_PAD];
	struct _libc_fpstate __fpregs_mem;
	unsigned long __ssp[4];
} ucontext_t;

#elif defined(__aarch64__)
typedef unsigned long greg_t;
#define NGREG 34                        /* x0-x30, sp, pc, pstate */
typedef greg_t gregset_t[NGREG];

struct user_fpsimd_struct {
	__uint128_t vregs[32];
	unsigned int fpsr;
	unsigned int fpcr;
};
typedef struct user_fpsimd_struct fpregset_t;

typedef struct {
	unsigned long long fault_address;
	unsigned long long regs[31];
	unsigned long long sp;
	unsigned long long pc;
	unsigned long long pstate;
	/* The kernel's extension records (FPSIMD, SVE ...). */
	unsigned char __reserved[4096] __attribute__((__aligned__(16)));
} mcontext_t;

typedef struct ucontext_t {
	unsigned long uc_flags;
	struct ucontext_t *uc_link;
	stack_t uc_stack;
	sigset_t uc_sigmask;
	char __sigmask_pad[__PCC_SIGSET_PAD];
	mcontext_t uc_mcontext;
} ucontext_t;

#elif defined(__riscv)
#define NGREG 32
#define REG_PC 0
#define REG_RA 1
#define REG_SP 2
#define REG_TP 4
#define REG_S0 8
#define REG_S1 9
#define REG_A0 10
#define REG_S2 18
#define REG_NARGS 8
typedef unsigned long greg_t;
typedef unsigned long __riscv_mc_gp_state[NGREG];
typedef unsigned long gregset_t[NGREG];

struct __riscv_mc_f_ext_state {
	unsigned int __f[32];
	unsigned int __fcsr;
};

struct __riscv_mc_d_ext_state {
	unsigned long long __f[32];
	unsigned int __fcsr;
};

struct __riscv_mc_q_ext_state {
	unsigned long long __f[64] __attribute__((__aligned__(16)));
	unsigned int __fcsr;
	unsigned int __glibc_reserved[3];
};

union __riscv_mc_fp_state {
	struct __riscv_mc_f_ext_state __f;
	struct __riscv_mc_d_ext_state __d;
	struct __riscv_mc_q_ext_state __q;
};
typedef union __riscv_mc_fp_state fpregset_t;

typedef struct mcontext_t {
	__riscv_mc_gp_state __gregs;    /* pc, then x1-x31 */
	union __riscv_mc_fp_state __fpregs;
} mcontext_t;

typedef struct ucontext_t {
	unsigned long __uc_flags;
	struct ucontext_t *uc_link;
	stack_t uc_stack;
	sigset_t uc_sigmask;
	char __sigmask_pad[__PCC_SIGSET_PAD];
	mcontext_t uc_mcontext;
} ucontext_t;

#else
#error "sys/ucontext.h: unknown architecture"
#endif

#endif
