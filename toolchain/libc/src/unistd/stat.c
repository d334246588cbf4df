/* stat, fstat, lstat, fstatat -- the kernel fills struct stat directly
 * (sys/stat.h has its layout per target); i386 uses the *64 calls. */
#include <fcntl.h>
#include <sys/stat.h>
#include "../internal/libc.h"

int fstatat(int fd, const char *restrict p, struct stat *restrict st, int flag)
{
#if defined(SYS_fstatat64)
	return (int)__sc4(SYS_fstatat64, fd, p, st, flag);
#else
	return (int)__sc4(SYS_newfstatat, fd, p, st, flag);
#endif
}

int stat(const char *restrict p, struct stat *restrict st)
{
	return fstatat(__AT_FDCWD, p, st, 0);
}

int lstat(const char *restrict p, struct stat *restrict st)
{
	return fstatat(__AT_FDCWD, p, st, AT_SYMLINK_NOFOLLOW);
}

int fstat(int fd, struct stat *st)
{
#if defined(SYS_fstat64)
	return (int)__sc2(SYS_fstat64, fd, st);
#else
	return (int)__sc2(SYS_fstat, fd, st);
#endif
}
