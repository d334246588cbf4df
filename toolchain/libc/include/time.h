/* time.h -- C11 7.27 and the POSIX clocks and timers. */
#ifndef _TIME_H
#define _TIME_H

#include <features.h>

#define __NEED_size_t
#define __NEED_time_t
#define __NEED_clock_t
#define __NEED_struct_timespec
#if defined(__PCC_POSIX)
#define __NEED_clockid_t
#define __NEED_timer_t
#define __NEED_pid_t
#define __NEED_locale_t
#endif
#include <bits/alltypes.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

#define CLOCKS_PER_SEC ((clock_t)1000000)
#define TIME_UTC 1

struct tm {
	int tm_sec;
	int tm_min;
	int tm_hour;
	int tm_mday;
	int tm_mon;
	int tm_year;
	int tm_wday;
	int tm_yday;
	int tm_isdst;
#if defined(__PCC_MISC)
	long tm_gmtoff;
	const char *tm_zone;
#else
	long __tm_gmtoff;
	const char *__tm_zone;
#endif
};

clock_t clock(void);
double difftime(time_t __time1, time_t __time0);
time_t mktime(struct tm *__tp);
time_t time(time_t *__timer);
int timespec_get(struct timespec *__ts, int __base);
char *asctime(const struct tm *__tp);
char *ctime(const time_t *__timer);
struct tm *gmtime(const time_t *__timer);
struct tm *localtime(const time_t *__timer);
size_t strftime(char *__restrict __s, size_t __maxsize, const char *__restrict __format,
                const struct tm *__restrict __tp) __pcc_format(__strftime__, 3, 0);

#if defined(__PCC_POSIX)
struct sigevent;

struct itimerspec {
	struct timespec it_interval;
	struct timespec it_value;
};

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define CLOCK_REALTIME_ALARM 8
#define CLOCK_BOOTTIME_ALARM 9
#define CLOCK_TAI 11
#define TIMER_ABSTIME 1

extern char *tzname[2];
extern long timezone;
extern int daylight;
void tzset(void);

char *asctime_r(const struct tm *__restrict __tp, char *__restrict __buf);
char *ctime_r(const time_t *__restrict __timer, char *__restrict __buf);
struct tm *gmtime_r(const time_t *__restrict __timer, struct tm *__restrict __tp);
struct tm *localtime_r(const time_t *__restrict __timer, struct tm *__restrict __tp);
size_t strftime_l(char *__restrict __s, size_t __maxsize,
                  const char *__restrict __format, const struct tm *__restrict __tp,
                  locale_t __l);
char *strptime(const char *__restrict __s, const char *__restrict __format,
               struct tm *__restrict __tp);
int nanosleep(const struct timespec *__req, struct timespec *__rem);
int clock_getres(clockid_t __clock_id, struct timespec *__res);
int clock_gettime(clockid_t __clock_id, struct timespec *__tp);
int clock_settime(clockid_t __clock_id, const struct timespec *__tp);
int clock_nanosleep(clockid_t __clock_id, int __flags, const struct timespec *__req,
                    struct timespec *__rem);
int clock_getcpuclockid(pid_t __pid, clockid_t *__clock_id);
int timer_create(clockid_t __clock_id, struct sigevent *__restrict __evp,
                 timer_t *__restrict __timerid);
int timer_delete(timer_t __timerid);
int timer_settime(timer_t __timerid, int __flags,
                  const struct itimerspec *__restrict __value,
                  struct itimerspec *__restrict __ovalue);
int timer_gettime(timer_t __timerid, struct itimerspec *__value);
int timer_getoverrun(timer_t __timerid);
extern int getdate_err;
struct tm *getdate(const char *__string);
#endif

#if defined(__PCC_MISC)
time_t timegm(struct tm *__tp);
time_t timelocal(struct tm *__tp);
int dysize(int __year);
#endif

#endif
