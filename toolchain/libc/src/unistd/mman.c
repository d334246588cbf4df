/* mmap, munmap, mprotect, ... -- offsets in bytes (i386: mmap2 in pages). */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <sys/mman.h>
#include "../internal/libc.h"

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	long r;
#ifdef SYS_mmap2
	if (off & 4095) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	r = __syscall6(SYS_mmap2, (long)addr, (long)len, prot, flags, fd, (long)(off >> 12));
#else
	r = __syscall6(SYS_mmap, (long)addr, (long)len, prot, flags, fd, (long)off);
#endif
	return (void *)__syscall_ret(r);
}

int munmap(void *addr, size_t len) { return (int)__sc2(SYS_munmap, addr, len); }
int mprotect(void *addr, size_t len, int prot) { return (int)__sc3(SYS_mprotect, addr, len, prot); }
int msync(void *addr, size_t len, int flags) { return (int)__sc3(SYS_msync, addr, len, flags); }
int madvise(void *addr, size_t len, int advice) { return (int)__sc3(SYS_madvise, addr, len, advice); }
int mlock(const void *addr, size_t len) { return (int)__sc2(SYS_mlock, addr, len); }
int munlock(const void *addr, size_t len) { return (int)__sc2(SYS_munlock, addr, len); }

void *mremap(void *old, size_t old_size, size_t new_size, int flags, ...)
{
	va_list ap;
	void *new_addr = 0;
	if (flags & MREMAP_FIXED) {
		va_start(ap, flags);
		new_addr = va_arg(ap, void *);
		va_end(ap);
	}
	return (void *)__sc5(SYS_mremap, old, old_size, new_size, flags, new_addr);
}

int brk(void *addr)
{
	long r = __syscall1(SYS_brk, (long)addr);
	if ((void *)r != addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(intptr_t inc)
{
	static char *cur;
	char *old;
	if (!cur)
		cur = (char *)__syscall1(SYS_brk, 0);
	old = cur;
	if (inc && brk(cur + inc) < 0)
		return (void *)-1;
	cur += inc;
	return old;
}
