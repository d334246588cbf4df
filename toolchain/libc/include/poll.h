/* poll.h -- input/output multiplexing (asm-generic event bits). */
#ifndef _POLL_H
#define _POLL_H

#include <features.h>

#define __NEED_sigset_t
#define __NEED_struct_timespec
#include <bits/alltypes.h>

#define POLLIN 0x001
#define POLLPRI 0x002
#define POLLOUT 0x004
#define POLLERR 0x008
#define POLLHUP 0x010
#define POLLNVAL 0x020
#define POLLRDNORM 0x040
#define POLLRDBAND 0x080
#define POLLWRNORM 0x100
#define POLLWRBAND 0x200
#define POLLMSG 0x400
#define POLLREMOVE 0x1000
#define POLLRDHUP 0x2000

typedef unsigned long nfds_t;

struct pollfd {
	int fd;
	short events;
	short revents;
};

int poll(struct pollfd *__fds, nfds_t __nfds, int __timeout);
int ppoll(struct pollfd *__fds, nfds_t __nfds, const struct timespec *__timeout,
          const sigset_t *__sigmask);

#endif
