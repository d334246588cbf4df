/* utimensat and the older interfaces built on it: futimens, utimes,
 * futimes, lutimes, futimesat, utime (every Linux target has utimensat;
 * AArch64 and RISC-V have no utimes system call). */
#include <fcntl.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <utime.h>
#include "../internal/libc.h"

int utimensat(int fd, const char *path, const struct timespec times[2], int flag)
{
	return (int)__sc4(SYS_utimensat, fd, path, times, flag);
}

int futimens(int fd, const struct timespec times[2])
{
	return utimensat(fd, NULL, times, 0);
}

/* Microseconds to nanoseconds; NULL (now) stays NULL. */
static const struct timespec *from_timeval(const struct timeval tv[2], struct timespec ts[2])
{
	if (!tv)
		return NULL;
	for (int i = 0; i < 2; i++) {
		ts[i].tv_sec = tv[i].tv_sec;
		ts[i].tv_nsec = tv[i].tv_usec * 1000;
	}
	return ts;
}

int futimesat(int fd, const char *path, const struct timeval times[2])
{
	struct timespec ts[2];
	return utimensat(fd, path, from_timeval(times, ts), 0);
}

int utimes(const char *path, const struct timeval times[2])
{
	return futimesat(__AT_FDCWD, path, times);
}

int lutimes(const char *path, const struct timeval times[2])
{
	struct timespec ts[2];
	return utimensat(__AT_FDCWD, path, from_timeval(times, ts), AT_SYMLINK_NOFOLLOW);
}

int futimes(int fd, const struct timeval times[2])
{
	struct timespec ts[2];
	return utimensat(fd, NULL, from_timeval(times, ts), 0);
}

int utime(const char *path, const struct utimbuf *times)
{
	struct timespec ts[2];
	if (!times)
		return utimensat(__AT_FDCWD, path, NULL, 0);
	ts[0].tv_sec = times->actime;
	ts[0].tv_nsec = 0;
	ts[1].tv_sec = times->modtime;
	ts[1].tv_nsec = 0;
	return utimensat(__AT_FDCWD, path, ts, 0);
}
