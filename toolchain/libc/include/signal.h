/* signal.h -- C11 7.14 and POSIX signals.
 *
 * struct sigaction, stack_t and siginfo_t have the Linux kernel's layout for
 * each target, so the libc hands them to rt_sigaction/sigaltstack as they
 * are (adding SA_RESTORER and its restorer on x86 and AArch64):
 *   x86, AArch64: handler, flags (a long), restorer, mask
 *   RISC-V:       handler, flags, mask (the kernel has no sa_restorer there)
 * POSIX gives sa_flags the type int: on LP64 it is the low half of the
 * kernel's long (little-endian targets), followed by explicit padding. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <features.h>
#include <bits/signum.h>

typedef int sig_atomic_t;

#define SIG_ERR ((void (*)(int))-1)
#define SIG_DFL ((void (*)(int))0)
#define SIG_IGN ((void (*)(int))1)

void (*signal(int __sig, void (*__func)(int)))(int);
int raise(int __sig);
#endif /* _SIGNAL_H */

/* The POSIX part: also when a POSIX header (sys/wait.h) asks for it under
 * strict ISO C, hence its own guard. */
#if (defined(__PCC_POSIX) || defined(__PCC_NEED_SIGNAL_POSIX)) && !defined(_SIGNAL_H_POSIX)
#define _SIGNAL_H_POSIX
#define __NEED_size_t
#define __NEED_pid_t
#define __NEED_uid_t
#define __NEED_sigset_t
#define __NEED_struct_timespec
#define __NEED_pthread_types
#include <bits/alltypes.h>

#define SIG_HOLD ((void (*)(int))2)

#define SIGRTMIN (__libc_current_sigrtmin())
#define SIGRTMAX (__libc_current_sigrtmax())
int __libc_current_sigrtmin(void);
int __libc_current_sigrtmax(void);

#define SA_NOCLDSTOP 1
#define SA_NOCLDWAIT 2
#define SA_SIGINFO 4
#define SA_RESTORER 0x04000000
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#define SA_NOMASK SA_NODEFER
#define SA_ONESHOT SA_RESETHAND

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

#define SS_ONSTACK 1
#define SS_DISABLE 2
#if defined(__aarch64__)
#define MINSIGSTKSZ 5120
#define SIGSTKSZ 16384
#else
#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192
#endif

union sigval {
	int sival_int;
	void *sival_ptr;
};

/* The kernel's siginfo: 128 bytes, the union 8-aligned on LP64. */
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		char __pad[128 - 2 * sizeof(int) - sizeof(long)];
		struct {                        /* kill, sigqueue, SIGCHLD */
			pid_t si_pid;
			uid_t si_uid;
			union {
				union sigval si_value;
				struct {
					int si_status;
					long si_utime;
					long si_stime;
				} __sigchld;
			} __u;
		} __proc;
		struct {                        /* POSIX timers */
			int si_timerid;
			int si_overrun;
			union sigval si_value;
		} __timer;
		struct {                        /* SIGSEGV, SIGBUS, SIGILL, SIGFPE */
			void *si_addr;
			short si_addr_lsb;
		} __fault;
		struct {                        /* SIGPOLL */
			long si_band;
			int si_fd;
		} __poll;
		struct {                        /* SIGSYS */
			void *si_call_addr;
			int si_syscall;
			unsigned int si_arch;
		} __sys;
	} __si_fields;
} siginfo_t;
#define si_pid __si_fields.__proc.si_pid
#define si_uid __si_fields.__proc.si_uid
#define si_value __si_fields.__proc.__u.si_value
#define si_status __si_fields.__proc.__u.__sigchld.si_status
#define si_utime __si_fields.__proc.__u.__sigchld.si_utime
#define si_stime __si_fields.__proc.__u.__sigchld.si_stime
#define si_timerid __si_fields.__timer.si_timerid
#define si_overrun __si_fields.__timer.si_overrun
#define si_addr __si_fields.__fault.si_addr
#define si_addr_lsb __si_fields.__fault.si_addr_lsb
#define si_band __si_fields.__poll.si_band
#define si_fd __si_fields.__poll.si_fd
#define si_call_addr __si_fields.__sys.si_call_addr
#define si_syscall __si_fields.__sys.si_syscall
#define si_arch __si_fields.__sys.si_arch
#define si_int si_value.sival_int
#define si_ptr si_value.sival_ptr

/* si_code values */
#define SI_USER 0
#define SI_KERNEL 0x80
#define SI_QUEUE (-1)
#define SI_TIMER (-2)
#define SI_MESGQ (-3)
#define SI_ASYNCIO (-4)
#define SI_SIGIO (-5)
#define SI_TKILL (-6)
#define SI_DETHREAD (-7)
#define SI_ASYNCNL (-60)
#define ILL_ILLOPC 1
#define ILL_ILLOPN 2
#define ILL_ILLADR 3
#define ILL_ILLTRP 4
#define ILL_PRVOPC 5
#define ILL_PRVREG 6
#define ILL_COPROC 7
#define ILL_BADSTK 8
#define ILL_BADIADDR 9
#define FPE_INTDIV 1
#define FPE_INTOVF 2
#define FPE_FLTDIV 3
#define FPE_FLTOVF 4
#define FPE_FLTUND 5
#define FPE_FLTRES 6
#define FPE_FLTINV 7
#define FPE_FLTSUB 8
#define FPE_FLTUNK 14
#define FPE_CONDTRAP 15
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define SEGV_BNDERR 3
#define SEGV_PKUERR 4
#define BUS_ADRALN 1
#define BUS_ADRERR 2
#define BUS_OBJERR 3
#define BUS_MCEERR_AR 4
#define BUS_MCEERR_AO 5
#define TRAP_BRKPT 1
#define TRAP_TRACE 2
#define TRAP_BRANCH 3
#define TRAP_HWBKPT 4
#define TRAP_UNK 5
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6
#define POLL_IN 1
#define POLL_OUT 2
#define POLL_MSG 3
#define POLL_ERR 4
#define POLL_PRI 5
#define POLL_HUP 6

/* The kernel's sigevent: 64 bytes. */
#define SIGEV_SIGNAL 0
#define SIGEV_NONE 1
#define SIGEV_THREAD 2
#define SIGEV_THREAD_ID 4
struct sigevent {
	union sigval sigev_value;
	int sigev_signo;
	int sigev_notify;
	union {
		char __pad[64 - 2 * sizeof(int) - sizeof(union sigval)];
		int __tid;
		struct {
			void (*sigev_notify_function)(union sigval);
			pthread_attr_t *sigev_notify_attributes;
		} __sev_thread;
	} __sev_fields;
};
#define sigev_notify_thread_id __sev_fields.__tid
#define sigev_notify_function __sev_fields.__sev_thread.sigev_notify_function
#define sigev_notify_attributes __sev_fields.__sev_thread.sigev_notify_attributes

struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	} __sa_handler;
	int sa_flags;
#if __SIZEOF_LONG__ == 8
	int __sa_flags_high;            /* the kernel reads a long */
#endif
#if !defined(__riscv)
	void (*sa_restorer)(void);
#endif
	sigset_t sa_mask;
};
#define sa_handler __sa_handler.sa_handler
#define sa_sigaction __sa_handler.sa_sigaction

typedef struct sigaltstack {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

int kill(pid_t __pid, int __sig);
int killpg(pid_t __pgrp, int __sig);
int sigaction(int __sig, const struct sigaction *__restrict __act,
              struct sigaction *__restrict __oact);
int sigprocmask(int __how, const sigset_t *__restrict __set, sigset_t *__restrict __oset);
int sigemptyset(sigset_t *__set);
int sigfillset(sigset_t *__set);
int sigaddset(sigset_t *__set, int __sig);
int sigdelset(sigset_t *__set, int __sig);
int sigismember(const sigset_t *__set, int __sig);
int sigpending(sigset_t *__set);
int sigsuspend(const sigset_t *__mask);
int sigwait(const sigset_t *__restrict __set, int *__restrict __sig);
int sigwaitinfo(const sigset_t *__restrict __set, siginfo_t *__restrict __info);
int sigtimedwait(const sigset_t *__restrict __set, siginfo_t *__restrict __info,
                 const struct timespec *__restrict __timeout);
int sigqueue(pid_t __pid, int __sig, const union sigval __value);
int sigaltstack(const stack_t *__restrict __ss, stack_t *__restrict __oss);
int siginterrupt(int __sig, int __flag);
int sighold(int __sig);
int sigrelse(int __sig);
int sigignore(int __sig);
int sigpause(int __sig);
void (*sigset(int __sig, void (*__disp)(int)))(int);
int pthread_sigmask(int __how, const sigset_t *__restrict __set,
                    sigset_t *__restrict __oset);
int pthread_kill(pthread_t __th, int __sig);
void psignal(int __sig, const char *__s);
void psiginfo(const siginfo_t *__info, const char *__s);
#endif /* _SIGNAL_H_POSIX */

#if !defined(_SIGNAL_H_EXT)
#define _SIGNAL_H_EXT

#if defined(__PCC_MISC)
#define sigmask(sig) (1UL << (((sig) - 1) % (8 * sizeof(unsigned long))))
#define SA_INTERRUPT 0x20000000
#define SA_STACK SA_ONSTACK
typedef void (*sig_t)(int);
extern const char *const sys_siglist[_NSIG];
#endif

#if defined(__PCC_GNU)
typedef void (*sighandler_t)(int);
int sigisemptyset(const sigset_t *__set);
int sigorset(sigset_t *__dest, const sigset_t *__left, const sigset_t *__right);
int sigandset(sigset_t *__dest, const sigset_t *__left, const sigset_t *__right);
#endif

#endif
