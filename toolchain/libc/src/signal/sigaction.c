/* sigaction, signal, raise, sigprocmask -- rt_sigaction with the kernel's
 * 8-byte mask.  struct sigaction already has the kernel's layout
 * (signal.h); on targets with sa_restorer we add SA_RESTORER and the
 * arch's trampoline __restore_rt (arch/<arch>/syscall.s), which the
 * kernel needs to return from a handler. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include "../internal/libc.h"

void __restore_rt(void);

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old)
{
	/* qemu-user (7.2) for RISC-V writes more of the old action than the
	 * kernel's 24-byte struct (seen: a new action placed right after it
	 * read back with a null handler), as if the struct had an sa_restorer
	 * -- in which case it would also read the mask 8 bytes further on.
	 * So the old action comes back through a buffer with room to spare
	 * (not over the caller's data, nor over k before it is read), and the
	 * mask is repeated after k.  The kernel reads and writes only struct
	 * sigaction, and ignores both extras. */
	struct { struct sigaction sa; sigset_t mask_again; } k;
	struct { struct sigaction sa; unsigned long spare[2]; } kold;
	long r;
	if (sig < 1 || sig >= _NSIG || sig == SIGKILL || sig == SIGSTOP) {
		if (!act && sig >= 1 && sig < _NSIG)
			return (int)__sc4(SYS_rt_sigaction, sig, 0, old, 8);
		errno = EINVAL;
		return -1;
	}
	if (act) {
		k.sa = *act;
		k.mask_again = act->sa_mask;
#if !defined(__riscv)
		k.sa.sa_flags |= SA_RESTORER;
		k.sa.sa_restorer = __restore_rt;
#endif
#if __SIZEOF_LONG__ == 8
		k.sa.__sa_flags_high = 0;
#endif
		act = &k.sa;
	}
	r = __sc4(SYS_rt_sigaction, sig, act, old ? &kold.sa : 0, 8);
	if (r == 0 && old)
		*old = kold.sa;
	return (int)r;
}

void (*signal(int sig, void (*fn)(int)))(int)
{
	struct sigaction sa, old;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sa.sa_flags = SA_RESTART;
	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

void (*bsd_signal(int sig, void (*fn)(int)))(int)
{
	return signal(sig, fn);
}

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
	return (int)__sc4(SYS_rt_sigprocmask, how, set, old, 8);
}

int pthread_sigmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
	long r = __syscall4(SYS_rt_sigprocmask, how, (long)set, (long)old, 8);
	return r < 0 ? (int)-r : 0;
}

int raise(int sig)
{
	return (int)__sc3(SYS_tgkill, __syscall0(SYS_getpid), __syscall0(SYS_gettid), sig);
}

int sigpending(sigset_t *set) { return (int)__sc2(SYS_rt_sigpending, set, 8); }
int sigsuspend(const sigset_t *mask) { return (int)__sc2(SYS_rt_sigsuspend, mask, 8); }

int sigaltstack(const stack_t *restrict ss, stack_t *restrict old)
{
	return (int)__sc2(SYS_sigaltstack, ss, old);
}

int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info,
                 const struct timespec *restrict timeout)
{
	return (int)__sc4(SYS_rt_sigtimedwait, set, info, timeout, 8);
}

int sigwaitinfo(const sigset_t *restrict set, siginfo_t *restrict info)
{
	return sigtimedwait(set, info, 0);
}

int sigwait(const sigset_t *restrict set, int *restrict sig)
{
	int r = sigtimedwait(set, 0, 0);
	if (r < 0)
		return errno;
	*sig = r;
	return 0;
}

int __libc_current_sigrtmin(void) { return 34; }
int __libc_current_sigrtmax(void) { return 64; }
