/* open, read, write, close, lseek and friends -- thin system call
 * wrappers.  Where the asm-generic ABI (AArch64, RISC-V) lacks a call
 * (open, creat...), the *at form with AT_FDCWD stands in. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/uio.h>
#include <unistd.h>
#include "../internal/libc.h"

int open(const char *path, int flags, ...)
{
	int mode = 0;
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
#ifdef SYS_open
	return (int)__sc3(SYS_open, path, flags | O_LARGEFILE, mode);
#else
	return (int)__sc4(SYS_openat, __AT_FDCWD, path, flags | O_LARGEFILE, mode);
#endif
}

int openat(int fd, const char *path, int flags, ...)
{
	int mode = 0;
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	return (int)__sc4(SYS_openat, fd, path, flags | O_LARGEFILE, mode);
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

ssize_t read(int fd, void *buf, size_t n)
{
	return __sc3(SYS_read, fd, buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	return __sc3(SYS_write, fd, buf, n);
}

ssize_t readv(int fd, const struct iovec *iov, int n)
{
	return __sc3(SYS_readv, fd, iov, n);
}

ssize_t writev(int fd, const struct iovec *iov, int n)
{
	return __sc3(SYS_writev, fd, iov, n);
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	return __sc4(SYS_pread64, fd, buf, n, off);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return __sc4(SYS_pwrite64, fd, buf, n, off);
}

int close(int fd)
{
	long r = __syscall1(SYS_close, fd);
	if (r == -EINTR)
		r = 0;                  /* the descriptor is gone either way */
	return (int)__syscall_ret(r);
}

off_t lseek(int fd, off_t off, int whence)
{
#ifdef SYS__llseek
	off_t result;
	long r = __syscall5(SYS__llseek, fd, (long)(off >> 32), (long)off, (long)&result, whence);
	return __syscall_ret(r) < 0 ? -1 : result;
#else
	return __sc3(SYS_lseek, fd, off, whence);
#endif
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;
	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
#ifdef SYS_fcntl64
	return (int)__sc3(SYS_fcntl64, fd, cmd, arg);
#else
	return (int)__sc3(SYS_fcntl, fd, cmd, arg);
#endif
}

int dup(int fd)
{
	return (int)__sc1(SYS_dup, fd);
}

int dup2(int fd, int fd2)
{
#ifdef SYS_dup2
	return (int)__sc2(SYS_dup2, fd, fd2);
#else
	if (fd == fd2) {
		long r = __syscall2(SYS_fcntl, fd, F_GETFD);
		return r < 0 ? (int)__syscall_ret(r) : fd;
	}
	return (int)__sc3(SYS_dup3, fd, fd2, 0);
#endif
}

int dup3(int fd, int fd2, int flags)
{
	return (int)__sc3(SYS_dup3, fd, fd2, flags);
}

int pipe(int fd[2])
{
#ifdef SYS_pipe
	return (int)__sc1(SYS_pipe, fd);
#else
	return (int)__sc2(SYS_pipe2, fd, 0);
#endif
}

int pipe2(int fd[2], int flags)
{
	return (int)__sc2(SYS_pipe2, fd, flags);
}

int fsync(int fd) { return (int)__sc1(SYS_fsync, fd); }
int fdatasync(int fd) { return (int)__sc1(SYS_fdatasync, fd); }
void sync(void) { __syscall0(SYS_sync); }
int ftruncate(int fd, off_t len) { return (int)__sc2(SYS_ftruncate, fd, len); }
int truncate(const char *p, off_t len) { return (int)__sc2(SYS_truncate, p, len); }

int ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	void *arg;
	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	return (int)__sc3(SYS_ioctl, fd, req, arg);
}

int isatty(int fd)
{
	char termios_buf[64];           /* the kernel's struct termios is 36..60 bytes */
	long r = __syscall3(SYS_ioctl, fd, 0x5401 /* TCGETS */, (long)termios_buf);
	if (r < 0) {
		__syscall_ret(r == -EINVAL ? -ENOTTY : r);
		return 0;
	}
	return 1;
}
