/* sysconf, getpagesize, uname, gethostname, sleep, usleep, alarm, pause... */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include <signal.h>
#include <stdarg.h>
#include "../internal/libc.h"

long sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE: return 4096;
	case _SC_CLK_TCK: return 100;
	case _SC_OPEN_MAX: return 1024;
	case _SC_ARG_MAX: return 131072;
	case _SC_CHILD_MAX: return 1024;
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN: {
		unsigned char set[128];
		long r = __syscall3(SYS_sched_getaffinity, 0, sizeof set, (long)set);
		long i, n = 0;
		if (r <= 0)
			return 1;
		for (i = 0; i < r; i++)
			for (; set[i]; set[i] &= (unsigned char)(set[i] - 1))
				n++;
		return n ? n : 1;
	}
	case _SC_LINE_MAX: return 2048;
	case _SC_HOST_NAME_MAX: return 64;
	default:
		errno = EINVAL;
		return -1;
	}
}

int getpagesize(void) { return 4096; }
int getdtablesize(void) { return 1024; }

int uname(struct utsname *u) { return (int)__sc1(SYS_uname, u); }

int gethostname(char *name, size_t len)
{
	struct utsname u;
	size_t n;
	if (uname(&u) < 0)
		return -1;
	n = strlen(u.nodename);
	if (n >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(name, u.nodename, n + 1);
	return 0;
}

unsigned sleep(unsigned seconds)
{
	struct timespec ts;
	ts.tv_sec = (time_t)seconds;
	ts.tv_nsec = 0;
	if (nanosleep(&ts, &ts) < 0)
		return (unsigned)ts.tv_sec + (ts.tv_nsec > 0);
	return 0;
}

int usleep(useconds_t us)
{
	struct timespec ts;
	ts.tv_sec = (time_t)(us / 1000000);
	ts.tv_nsec = (long)(us % 1000000) * 1000;
	return nanosleep(&ts, 0);
}

unsigned alarm(unsigned seconds)
{
	long it[4] = {0, 0, (long)seconds, 0}, old[4];
	__syscall3(SYS_setitimer, 0 /* ITIMER_REAL */, (long)it, (long)old);
	return (unsigned)old[2] + (old[3] != 0);
}

int pause(void)
{
#ifdef SYS_pause
	return (int)__sc0(SYS_pause);
#else
	return (int)__sc4(SYS_ppoll, 0, 0, 0, 0);
#endif
}

clock_t times(struct tms *t)
{
	return (clock_t)__sc1(SYS_times, t);
}

int getentropy(void *buf, size_t n)
{
	if (n > 256) {
		errno = EIO;
		return -1;
	}
	while (n) {
		long r = __syscall3(SYS_getrandom, (long)buf, n, 0);
		if (r < 0) {
			if (r == -EINTR)
				continue;
			return (int)__syscall_ret(r);
		}
		buf = (char *)buf + r;
		n -= (size_t)r;
	}
	return 0;
}

long syscall(long n, ...)
{
	va_list ap;
	long a, b, c, d, e, f;
	va_start(ap, n);
	a = va_arg(ap, long);
	b = va_arg(ap, long);
	c = va_arg(ap, long);
	d = va_arg(ap, long);
	e = va_arg(ap, long);
	f = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall6(n, a, b, c, d, e, f));
}
