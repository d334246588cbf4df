/* epoll_create ... epoll_pwait2 -- Linux's event polling.  The asm-generic
 * targets lack epoll_create and epoll_wait: epoll_create1 and epoll_pwait
 * stand in (epoll_create still rejects a size below 1, as Linux does). */
#include <errno.h>
#include <sys/epoll.h>
#include "../internal/libc.h"

#define SIGSET_BYTES 8                  /* the kernel's _NSIG / 8 */

int epoll_create1(int flags)
{
	return (int)__sc1(SYS_epoll_create1, flags);
}

int epoll_create(int size)
{
#ifdef SYS_epoll_create
	return (int)__sc1(SYS_epoll_create, size);
#else
	if (size <= 0) {
		errno = EINVAL;
		return -1;
	}
	return epoll_create1(0);
#endif
}

int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event)
{
	return (int)__sc4(SYS_epoll_ctl, epfd, op, fd, event);
}

int epoll_pwait(int epfd, struct epoll_event *events, int maxevents, int timeout,
                const sigset_t *ss)
{
	return (int)__sc6(SYS_epoll_pwait, epfd, events, maxevents, timeout, ss, SIGSET_BYTES);
}

int epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout)
{
#ifdef SYS_epoll_wait
	return (int)__sc4(SYS_epoll_wait, epfd, events, maxevents, timeout);
#else
	return epoll_pwait(epfd, events, maxevents, timeout, 0);
#endif
}

/* epoll_pwait2 is one of the new calls that take the kernel's 64-bit
 * timespec on every architecture (i386's struct timespec is 32-bit). */
struct kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

int epoll_pwait2(int epfd, struct epoll_event *events, int maxevents,
                 const struct timespec *timeout, const sigset_t *ss)
{
	struct kernel_timespec ts, *t = 0;
	if (timeout) {
		ts.tv_sec = timeout->tv_sec;
		ts.tv_nsec = timeout->tv_nsec;
		t = &ts;
	}
	return (int)__sc6(SYS_epoll_pwait2, epfd, events, maxevents, t, ss, SIGSET_BYTES);
}
