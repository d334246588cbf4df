/* sys/select.h -- synchronous I/O multiplexing. */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <features.h>

#define __NEED_time_t
#define __NEED_suseconds_t
#define __NEED_struct_timeval
#define __NEED_struct_timespec
#define __NEED_sigset_t
#include <bits/alltypes.h>

#define FD_SETSIZE 1024

typedef long fd_mask;
#define NFDBITS (8 * (int)sizeof(fd_mask))
#define __NFDBITS NFDBITS

typedef struct {
	fd_mask fds_bits[FD_SETSIZE / (8 * sizeof(fd_mask))];
} fd_set;

#define FD_ZERO(s) do { \
	unsigned int __i; fd_set *__s = (s); \
	for (__i = 0; __i < sizeof(fd_set) / sizeof(fd_mask); __i++) __s->fds_bits[__i] = 0; \
	} while (0)
#define FD_SET(d, s) ((void)((s)->fds_bits[(d) / NFDBITS] |= (1UL << ((d) % NFDBITS))))
#define FD_CLR(d, s) ((void)((s)->fds_bits[(d) / NFDBITS] &= ~(1UL << ((d) % NFDBITS))))
#define FD_ISSET(d, s) (!!((s)->fds_bits[(d) / NFDBITS] & (1UL << ((d) % NFDBITS))))

int select(int __nfds, fd_set *__restrict __readfds, fd_set *__restrict __writefds,
           fd_set *__restrict __exceptfds, struct timeval *__restrict __timeout);
int pselect(int __nfds, fd_set *__restrict __readfds, fd_set *__restrict __writefds,
            fd_set *__restrict __exceptfds, const struct timespec *__restrict __timeout,
            const sigset_t *__restrict __sigmask);

#endif
