/* gmtime, localtime, mktime, timegm, asctime, ctime -- the calendar in
 * UTC (the library has no time zone database: local time is UTC).
 * Days are converted with the civil-from-days formulas on 400-year eras
 * (proleptic Gregorian calendar). */
#include <errno.h>
#include <stdio.h>
#include <time.h>

static long long days_from_civil(long long y, int m, int d)   /* m 1..12 */
{
	long long era, yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int is_leap(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	long long secs = *t, days = secs / 86400, rem = secs % 86400;
	long long era, doe, yoe, y, doy, mp;
	int m, d;
	if (rem < 0) {
		rem += 86400;
		days--;
	}
	tm->tm_hour = (int)(rem / 3600);
	tm->tm_min = (int)(rem % 3600 / 60);
	tm->tm_sec = (int)(rem % 60);
	tm->tm_wday = (int)(((days + 4) % 7 + 7) % 7);       /* 1970-01-01 was a Thursday */
	days += 719468;
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = days - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = (int)(doy - (153 * mp + 2) / 5 + 1);
	m = (int)(mp < 10 ? mp + 3 : mp - 9);
	y += m <= 2;
	if (y - 1900 > 2147483647LL || y - 1900 < -2147483647LL) {
		errno = EOVERFLOW;
		return 0;
	}
	tm->tm_year = (int)(y - 1900);
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	tm->tm_yday = (int)(days_from_civil(y, m, d) - days_from_civil(y, 1, 1));
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = "GMT";
	return tm;
}

struct tm *gmtime(const time_t *t)
{
	static struct tm tm;
	return gmtime_r(t, &tm);
}

struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	if (!gmtime_r(t, tm))
		return 0;
	tm->tm_zone = "UTC";
	return tm;
}

struct tm *localtime(const time_t *t)
{
	static struct tm tm;
	return localtime_r(t, &tm);
}

time_t timegm(struct tm *tm)
{
	long long mon = tm->tm_mon, year = tm->tm_year + 1900LL, days, secs;
	time_t t;
	year += mon / 12;
	mon %= 12;
	if (mon < 0) {
		mon += 12;
		year--;
	}
	days = days_from_civil(year, (int)mon + 1, 1) + tm->tm_mday - 1;
	secs = days * 86400 + tm->tm_hour * 3600LL + tm->tm_min * 60LL + tm->tm_sec;
	t = (time_t)secs;
	if (!gmtime_r(&t, tm))
		return (time_t)-1;
	return t;
}

time_t mktime(struct tm *tm)
{
	time_t t = timegm(tm);
	tm->tm_zone = "UTC";
	return t;
}

time_t timelocal(struct tm *tm) { return mktime(tm); }

int dysize(int y) { return is_leap(y) ? 366 : 365; }

void tzset(void) {}
char *tzname[2] = {"UTC", "UTC"};
long timezone = 0;
int daylight = 0;

char *asctime_r(const struct tm *restrict tm, char *restrict buf)
{
	static const char wday[] = "SunMonTueWedThuFriSat";
	static const char mon[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	snprintf(buf, 26, "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n",
	         wday + 3 * (tm->tm_wday % 7), mon + 3 * (tm->tm_mon % 12), tm->tm_mday,
	         tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
	return buf;
}

char *asctime(const struct tm *tm)
{
	static char buf[32];
	return asctime_r(tm, buf);
}

char *ctime_r(const time_t *t, char *buf)
{
	struct tm tm;
	return localtime_r(t, &tm) ? asctime_r(&tm, buf) : 0;
}

char *ctime(const time_t *t)
{
	return asctime(localtime(t));
}
