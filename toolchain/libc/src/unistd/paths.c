/* Path operations: unlink, rmdir, mkdir, access, chdir, getcwd, rename... */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../internal/libc.h"

int unlink(const char *p)
{
#ifdef SYS_unlink
	return (int)__sc1(SYS_unlink, p);
#else
	return (int)__sc3(SYS_unlinkat, __AT_FDCWD, p, 0);
#endif
}

int unlinkat(int fd, const char *p, int flag)
{
	return (int)__sc3(SYS_unlinkat, fd, p, flag);
}

int rmdir(const char *p)
{
#ifdef SYS_rmdir
	return (int)__sc1(SYS_rmdir, p);
#else
	return (int)__sc3(SYS_unlinkat, __AT_FDCWD, p, AT_REMOVEDIR);
#endif
}

int remove(const char *p)
{
	int r = unlink(p);
	if (r < 0 && errno == EISDIR)
		r = rmdir(p);
	return r;
}

int rename(const char *old, const char *new)
{
#ifdef SYS_rename
	return (int)__sc2(SYS_rename, old, new);
#else
	return (int)__sc5(SYS_renameat2, __AT_FDCWD, old, __AT_FDCWD, new, 0);
#endif
}

int renameat(int ofd, const char *old, int nfd, const char *new)
{
#ifdef SYS_renameat
	return (int)__sc4(SYS_renameat, ofd, old, nfd, new);
#else
	return (int)__sc5(SYS_renameat2, ofd, old, nfd, new, 0);
#endif
}

int mkdir(const char *p, mode_t mode)
{
#ifdef SYS_mkdir
	return (int)__sc2(SYS_mkdir, p, mode);
#else
	return (int)__sc3(SYS_mkdirat, __AT_FDCWD, p, mode);
#endif
}

int mkdirat(int fd, const char *p, mode_t mode)
{
	return (int)__sc3(SYS_mkdirat, fd, p, mode);
}

int access(const char *p, int mode)
{
#ifdef SYS_access
	return (int)__sc2(SYS_access, p, mode);
#else
	return (int)__sc4(SYS_faccessat, __AT_FDCWD, p, mode, 0);
#endif
}

int faccessat(int fd, const char *p, int mode, int flag)
{
	if (flag)
		return (int)__sc4(SYS_faccessat2, fd, p, mode, flag);
	return (int)__sc3(SYS_faccessat, fd, p, mode);
}

int chdir(const char *p) { return (int)__sc1(SYS_chdir, p); }
int fchdir(int fd) { return (int)__sc1(SYS_fchdir, fd); }
int chroot(const char *p) { return (int)__sc1(SYS_chroot, p); }

char *getcwd(char *buf, size_t size)
{
	char tmp[4096];
	long r;
	if (!buf) {
		r = __syscall2(SYS_getcwd, (long)tmp, sizeof tmp);
		if (__syscall_ret(r) < 0)
			return 0;
		return strdup(tmp);
	}
	if (!size) {
		errno = EINVAL;
		return 0;
	}
	r = __syscall2(SYS_getcwd, (long)buf, size);
	return __syscall_ret(r) < 0 ? 0 : buf;
}

char *get_current_dir_name(void)
{
	return getcwd(0, 0);
}

int chmod(const char *p, mode_t mode)
{
#ifdef SYS_chmod
	return (int)__sc2(SYS_chmod, p, mode);
#else
	return (int)__sc3(SYS_fchmodat, __AT_FDCWD, p, mode);
#endif
}

int fchmod(int fd, mode_t mode) { return (int)__sc2(SYS_fchmod, fd, mode); }

int fchmodat(int fd, const char *p, mode_t mode, int flag)
{
	(void)flag;
	return (int)__sc3(SYS_fchmodat, fd, p, mode);
}

mode_t umask(mode_t mask) { return (mode_t)__syscall1(SYS_umask, mask); }

int link(const char *a, const char *b)
{
#ifdef SYS_link
	return (int)__sc2(SYS_link, a, b);
#else
	return (int)__sc5(SYS_linkat, __AT_FDCWD, a, __AT_FDCWD, b, 0);
#endif
}

int symlink(const char *a, const char *b)
{
#ifdef SYS_symlink
	return (int)__sc2(SYS_symlink, a, b);
#else
	return (int)__sc3(SYS_symlinkat, a, __AT_FDCWD, b);
#endif
}

ssize_t readlink(const char *restrict p, char *restrict buf, size_t n)
{
#ifdef SYS_readlink
	return __sc3(SYS_readlink, p, buf, n);
#else
	return __sc4(SYS_readlinkat, __AT_FDCWD, p, buf, n);
#endif
}

int chown(const char *p, uid_t u, gid_t g)
{
	return (int)__sc5(SYS_fchownat, __AT_FDCWD, p, u, g, 0);
}

int fchown(int fd, uid_t u, gid_t g) { return (int)__sc3(SYS_fchown, fd, u, g); }

int lchown(const char *p, uid_t u, gid_t g)
{
	return (int)__sc5(SYS_fchownat, __AT_FDCWD, p, u, g, AT_SYMLINK_NOFOLLOW);
}

int mknod(const char *p, mode_t mode, dev_t dev)
{
	return (int)__sc4(SYS_mknodat, __AT_FDCWD, p, mode, dev);
}

int mkfifo(const char *p, mode_t mode)
{
	return mknod(p, mode | S_IFIFO, 0);
}
