/* The socket calls -- thin system call wrappers.  Every target of ours has
 * the direct calls (i386 since Linux 4.3, beside socketcall); where one is
 * missing its general form stands in: send/recv are sendto/recvfrom
 * without an address, accept is accept4 without flags (i386). */
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include "../internal/libc.h"

#define SIOCATMARK 0x8905               /* linux/sockios.h */

int socket(int domain, int type, int protocol)
{
	return (int)__sc3(SYS_socket, domain, type, protocol);
}

int socketpair(int domain, int type, int protocol, int fds[2])
{
	return (int)__sc4(SYS_socketpair, domain, type, protocol, fds);
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	return (int)__sc3(SYS_bind, fd, addr, len);
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	return (int)__sc3(SYS_connect, fd, addr, len);
}

int listen(int fd, int backlog)
{
	return (int)__sc2(SYS_listen, fd, backlog);
}

int accept4(int fd, struct sockaddr *restrict addr, socklen_t *restrict len, int flags)
{
	return (int)__sc4(SYS_accept4, fd, addr, len, flags);
}

int accept(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
#ifdef SYS_accept
	return (int)__sc3(SYS_accept, fd, addr, len);
#else
	return accept4(fd, addr, len, 0);
#endif
}

int getsockname(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	return (int)__sc3(SYS_getsockname, fd, addr, len);
}

int getpeername(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	return (int)__sc3(SYS_getpeername, fd, addr, len);
}

ssize_t sendto(int fd, const void *buf, size_t n, int flags, const struct sockaddr *addr,
               socklen_t addr_len)
{
	return __sc6(SYS_sendto, fd, buf, n, flags, addr, addr_len);
}

ssize_t recvfrom(int fd, void *restrict buf, size_t n, int flags,
                 struct sockaddr *restrict addr, socklen_t *restrict addr_len)
{
	return __sc6(SYS_recvfrom, fd, buf, n, flags, addr, addr_len);
}

ssize_t send(int fd, const void *buf, size_t n, int flags)
{
	return sendto(fd, buf, n, flags, 0, 0);
}

ssize_t recv(int fd, void *buf, size_t n, int flags)
{
	return recvfrom(fd, buf, n, flags, 0, 0);
}

ssize_t sendmsg(int fd, const struct msghdr *message, int flags)
{
	return __sc3(SYS_sendmsg, fd, message, flags);
}

ssize_t recvmsg(int fd, struct msghdr *message, int flags)
{
	return __sc3(SYS_recvmsg, fd, message, flags);
}

int sendmmsg(int fd, struct mmsghdr *vmessages, unsigned int vlen, int flags)
{
	return (int)__sc4(SYS_sendmmsg, fd, vmessages, vlen, flags);
}

int recvmmsg(int fd, struct mmsghdr *vmessages, unsigned int vlen, int flags,
             struct timespec *timeout)
{
	return (int)__sc5(SYS_recvmmsg, fd, vmessages, vlen, flags, timeout);
}

int getsockopt(int fd, int level, int optname, void *restrict optval,
               socklen_t *restrict optlen)
{
	return (int)__sc5(SYS_getsockopt, fd, level, optname, optval, optlen);
}

int setsockopt(int fd, int level, int optname, const void *optval, socklen_t optlen)
{
	return (int)__sc5(SYS_setsockopt, fd, level, optname, optval, optlen);
}

int shutdown(int fd, int how)
{
	return (int)__sc2(SYS_shutdown, fd, how);
}

int sockatmark(int fd)
{
	int at_mark;
	if (ioctl(fd, SIOCATMARK, &at_mark) < 0)
		return -1;
	return at_mark;
}

int isfdtype(int fd, int fdtype)
{
	struct stat st;
	if (fstat(fd, &st) < 0)
		return -1;
	return (int)((st.st_mode & S_IFMT) == (mode_t)fdtype);
}
