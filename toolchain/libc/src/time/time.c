/* time, clock, clock_gettime, gettimeofday, nanosleep (UTC only). */
#include <errno.h>
#include <sys/time.h>
#include <time.h>
#include "../internal/libc.h"

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	return (int)__sc2(SYS_clock_gettime, clk, ts);
}

int clock_getres(clockid_t clk, struct timespec *ts)
{
	return (int)__sc2(SYS_clock_getres, clk, ts);
}

int clock_settime(clockid_t clk, const struct timespec *ts)
{
	return (int)__sc2(SYS_clock_settime, clk, ts);
}

int clock_nanosleep(clockid_t clk, int flags, const struct timespec *req, struct timespec *rem)
{
	long r = __syscall4(SYS_clock_nanosleep, clk, flags, (long)req, (long)rem);
	return (int)-r;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return (int)__sc4(SYS_clock_nanosleep, CLOCK_REALTIME, 0, req, rem);
}

time_t time(time_t *t)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

int timespec_get(struct timespec *ts, int base)
{
	if (base != TIME_UTC)
		return 0;
	return clock_gettime(CLOCK_REALTIME, ts) < 0 ? 0 : base;
}

clock_t clock(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0)
		return (clock_t)-1;
	return (clock_t)(ts.tv_sec * 1000000L + ts.tv_nsec / 1000);
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	struct timespec ts;
	(void)tz;
	if (!tv)
		return 0;
	clock_gettime(CLOCK_REALTIME, &ts);
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / 1000;
	return 0;
}

double difftime(time_t a, time_t b)
{
	return (double)a - (double)b;
}
