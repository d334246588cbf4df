/* sys/time.h -- time of day and interval timers. */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <features.h>
#include <sys/select.h>

#define __NEED_time_t
#define __NEED_suseconds_t
#define __NEED_struct_timeval
#include <bits/alltypes.h>

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2

struct itimerval {
	struct timeval it_interval;
	struct timeval it_value;
};

int gettimeofday(struct timeval *__restrict __tv, void *__restrict __tz);
int settimeofday(const struct timeval *__tv, const struct timezone *__tz);
int getitimer(int __which, struct itimerval *__value);
int setitimer(int __which, const struct itimerval *__restrict __value,
              struct itimerval *__restrict __ovalue);
int utimes(const char *__path, const struct timeval __times[2]);
int futimes(int __fd, const struct timeval __times[2]);
int lutimes(const char *__path, const struct timeval __times[2]);
int futimesat(int __fd, const char *__path, const struct timeval __times[2]);
int adjtime(const struct timeval *__delta, struct timeval *__olddelta);

#define timerisset(t) ((t)->tv_sec || (t)->tv_usec)
#define timerclear(t) ((t)->tv_sec = (t)->tv_usec = 0)
#define timercmp(a, b, CMP) (((a)->tv_sec == (b)->tv_sec) ? \
	((a)->tv_usec CMP (b)->tv_usec) : ((a)->tv_sec CMP (b)->tv_sec))
#define timeradd(a, b, r) do { \
	(r)->tv_sec = (a)->tv_sec + (b)->tv_sec; \
	(r)->tv_usec = (a)->tv_usec + (b)->tv_usec; \
	if ((r)->tv_usec >= 1000000) { (r)->tv_sec++; (r)->tv_usec -= 1000000; } \
	} while (0)
#define timersub(a, b, r) do { \
	(r)->tv_sec = (a)->tv_sec - (b)->tv_sec; \
	(r)->tv_usec = (a)->tv_usec - (b)->tv_usec; \
	if ((r)->tv_usec < 0) { (r)->tv_sec--; (r)->tv_usec += 1000000; } \
	} while (0)
#define TIMEVAL_TO_TIMESPEC(tv, ts) \
	((ts)->tv_sec = (tv)->tv_sec, (ts)->tv_nsec = (tv)->tv_usec * 1000, (void)0)
#define TIMESPEC_TO_TIMEVAL(tv, ts) \
	((tv)->tv_sec = (ts)->tv_sec, (tv)->tv_usec = (ts)->tv_nsec / 1000, (void)0)

#endif
