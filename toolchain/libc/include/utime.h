/* utime.h -- set file times (the kernel's struct utimbuf). */
#ifndef _UTIME_H
#define _UTIME_H

#define __NEED_time_t
#include <bits/alltypes.h>

struct utimbuf {
	time_t actime;
	time_t modtime;
};

int utime(const char *__path, const struct utimbuf *__times);

#endif
