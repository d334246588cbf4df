/* sys/epoll.h -- Linux's scalable I/O event notification. */
#ifndef _SYS_EPOLL_H
#define _SYS_EPOLL_H

#include <features.h>

#define __NEED_uintN_t
#define __NEED_sigset_t
#define __NEED_struct_timespec
#include <bits/alltypes.h>

#define EPOLL_CLOEXEC 02000000

#define EPOLLIN 0x001
#define EPOLLPRI 0x002
#define EPOLLOUT 0x004
#define EPOLLRDNORM 0x040
#define EPOLLRDBAND 0x080
#define EPOLLWRNORM 0x100
#define EPOLLWRBAND 0x200
#define EPOLLMSG 0x400
#define EPOLLERR 0x008
#define EPOLLHUP 0x010
#define EPOLLRDHUP 0x2000
#define EPOLLEXCLUSIVE (1 << 28)
#define EPOLLWAKEUP (1 << 29)
#define EPOLLONESHOT (1 << 30)
#define EPOLLET (1u << 31)

#define EPOLL_CTL_ADD 1
#define EPOLL_CTL_DEL 2
#define EPOLL_CTL_MOD 3

typedef union epoll_data {
	void *ptr;
	int fd;
	uint32_t u32;
	uint64_t u64;
} epoll_data_t;

/* x86's kernel packs it (12 bytes, for 32-bit compat); the others pad to 16. */
struct epoll_event {
	uint32_t events;
	epoll_data_t data;
}
#if defined(__x86_64__) || defined(__i386__)
__attribute__((__packed__))
#endif
;

int epoll_create(int __size);
int epoll_create1(int __flags);
int epoll_ctl(int __epfd, int __op, int __fd, struct epoll_event *__event);
int epoll_wait(int __epfd, struct epoll_event *__events, int __maxevents, int __timeout);
int epoll_pwait(int __epfd, struct epoll_event *__events, int __maxevents, int __timeout,
                const sigset_t *__ss);
int epoll_pwait2(int __epfd, struct epoll_event *__events, int __maxevents,
                 const struct timespec *__timeout, const sigset_t *__ss);

#endif
