/* poll, ppoll, select, pselect -- I/O multiplexing.  The asm-generic
 * targets (AArch64, RISC-V) have only ppoll and pselect6, so poll and
 * select are built on them there; i386's "select" is the old one-argument
 * call, its five-argument form is _newselect.  The kernel writes the time
 * left back into a timeout it is given: select keeps that Linux behaviour,
 * ppoll and pselect (whose timeout is const) pass a copy. */
#include <poll.h>
#include <sys/select.h>
#include "../internal/libc.h"

#define SIGSET_BYTES 8                  /* the kernel's _NSIG / 8 */

int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
          const sigset_t *sigmask)
{
	struct timespec copy, *ts = 0;
	if (timeout) {
		copy = *timeout;
		ts = &copy;
	}
	return (int)__sc5(SYS_ppoll, fds, nfds, ts, sigmask, SIGSET_BYTES);
}

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
#ifdef SYS_poll
	return (int)__sc3(SYS_poll, fds, nfds, timeout);
#else
	struct timespec ts;
	ts.tv_sec = timeout / 1000;
	ts.tv_nsec = timeout % 1000 * 1000000L;
	return ppoll(fds, nfds, timeout >= 0 ? &ts : 0, 0);
#endif
}

/* pselect6's sixth argument: the mask and its size, together. */
struct sigmask_argument {
	const sigset_t *mask;
	size_t size;
};

int pselect(int nfds, fd_set *restrict readfds, fd_set *restrict writefds,
            fd_set *restrict exceptfds, const struct timespec *restrict timeout,
            const sigset_t *restrict sigmask)
{
	struct timespec copy, *ts = 0;
	struct sigmask_argument mask = {sigmask, SIGSET_BYTES};
	if (timeout) {
		copy = *timeout;
		ts = &copy;
	}
	return (int)__sc6(SYS_pselect6, nfds, readfds, writefds, exceptfds, ts,
	                  sigmask ? &mask : 0);
}

int select(int nfds, fd_set *restrict readfds, fd_set *restrict writefds,
           fd_set *restrict exceptfds, struct timeval *restrict timeout)
{
#if defined(SYS__newselect)
	return (int)__sc5(SYS__newselect, nfds, readfds, writefds, exceptfds, timeout);
#elif defined(SYS_select)
	return (int)__sc5(SYS_select, nfds, readfds, writefds, exceptfds, timeout);
#else
	struct timespec ts;
	int r;
	if (!timeout)
		return (int)__sc6(SYS_pselect6, nfds, readfds, writefds, exceptfds, 0, 0);
	ts.tv_sec = timeout->tv_sec;
	ts.tv_nsec = timeout->tv_usec * 1000;
	r = (int)__sc6(SYS_pselect6, nfds, readfds, writefds, exceptfds, &ts, 0);
	timeout->tv_sec = ts.tv_sec;    /* the time left, as Linux's select reports it */
	timeout->tv_usec = ts.tv_nsec / 1000;
	return r;
#endif
}
