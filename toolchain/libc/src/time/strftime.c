/* strftime -- C11 7.27.3.5 in the C locale (plus the POSIX/GNU %e %k %l
 * %s %P %C %g %G %V %u %z %Z %n %t %D %F %T %R %r %h). */
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const day_names[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                        "Thursday", "Friday", "Saturday"};
static const char *const month_names[] = {"January", "February", "March", "April", "May",
                                          "June", "July", "August", "September", "October",
                                          "November", "December"};

/* ISO 8601 week number and year. */
static int iso_week(const struct tm *tm, int *year)
{
	int y = tm->tm_year + 1900, wday = (tm->tm_wday + 6) % 7;    /* Monday = 0 */
	int week = (tm->tm_yday - wday + 10) / 7;
	if (week < 1) {
		int py = y - 1, pdays = ((py % 4 == 0 && py % 100 != 0) || py % 400 == 0) ? 366 : 365;
		week = (tm->tm_yday + pdays - wday + 10) / 7;
		y--;
	} else {
		int days = ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 366 : 365;
		if (tm->tm_yday - wday + 3 >= days) {
			week = 1;
			y++;
		}
	}
	*year = y;
	return week;
}

size_t strftime(char *restrict s, size_t max, const char *restrict fmt, const struct tm *restrict tm)
{
	size_t n = 0;
	char tmp[64];
	for (; *fmt; fmt++) {
		const char *add = tmp;
		size_t len;
		if (*fmt != '%') {
			tmp[0] = *fmt;
			tmp[1] = 0;
		} else {
			fmt++;
			while (*fmt == 'E' || *fmt == 'O' || *fmt == '-' || *fmt == '_' || *fmt == '0')
				fmt++;
			switch (*fmt) {
			case 'a': snprintf(tmp, sizeof tmp, "%.3s", day_names[tm->tm_wday % 7]); break;
			case 'A': add = day_names[tm->tm_wday % 7]; break;
			case 'b': case 'h': snprintf(tmp, sizeof tmp, "%.3s", month_names[tm->tm_mon % 12]); break;
			case 'B': add = month_names[tm->tm_mon % 12]; break;
			case 'c': {
				char d[64];
				strftime(d, sizeof d, "%a %b %e %H:%M:%S %Y", tm);
				snprintf(tmp, sizeof tmp, "%s", d);
				break;
			}
			case 'C': snprintf(tmp, sizeof tmp, "%02d", (tm->tm_year + 1900) / 100); break;
			case 'd': snprintf(tmp, sizeof tmp, "%02d", tm->tm_mday); break;
			case 'D': strftime(tmp, sizeof tmp, "%m/%d/%y", tm); break;
			case 'e': snprintf(tmp, sizeof tmp, "%2d", tm->tm_mday); break;
			case 'F': strftime(tmp, sizeof tmp, "%Y-%m-%d", tm); break;
			case 'g': case 'G': case 'V': {
				int y, w = iso_week(tm, &y);
				if (*fmt == 'V')
					snprintf(tmp, sizeof tmp, "%02d", w);
				else if (*fmt == 'G')
					snprintf(tmp, sizeof tmp, "%d", y);
				else
					snprintf(tmp, sizeof tmp, "%02d", ((y % 100) + 100) % 100);
				break;
			}
			case 'H': snprintf(tmp, sizeof tmp, "%02d", tm->tm_hour); break;
			case 'I': snprintf(tmp, sizeof tmp, "%02d", tm->tm_hour % 12 ? tm->tm_hour % 12 : 12); break;
			case 'j': snprintf(tmp, sizeof tmp, "%03d", tm->tm_yday + 1); break;
			case 'k': snprintf(tmp, sizeof tmp, "%2d", tm->tm_hour); break;
			case 'l': snprintf(tmp, sizeof tmp, "%2d", tm->tm_hour % 12 ? tm->tm_hour % 12 : 12); break;
			case 'm': snprintf(tmp, sizeof tmp, "%02d", tm->tm_mon + 1); break;
			case 'M': snprintf(tmp, sizeof tmp, "%02d", tm->tm_min); break;
			case 'n': add = "\n"; break;
			case 'p': add = tm->tm_hour < 12 ? "AM" : "PM"; break;
			case 'P': add = tm->tm_hour < 12 ? "am" : "pm"; break;
			case 'r': strftime(tmp, sizeof tmp, "%I:%M:%S %p", tm); break;
			case 'R': strftime(tmp, sizeof tmp, "%H:%M", tm); break;
			case 's': {
				struct tm copy = *tm;
				snprintf(tmp, sizeof tmp, "%lld", (long long)timegm(&copy));
				break;
			}
			case 'S': snprintf(tmp, sizeof tmp, "%02d", tm->tm_sec); break;
			case 't': add = "\t"; break;
			case 'T': strftime(tmp, sizeof tmp, "%H:%M:%S", tm); break;
			case 'u': snprintf(tmp, sizeof tmp, "%d", tm->tm_wday ? tm->tm_wday : 7); break;
			case 'U': snprintf(tmp, sizeof tmp, "%02d", (tm->tm_yday + 7 - tm->tm_wday) / 7); break;
			case 'w': snprintf(tmp, sizeof tmp, "%d", tm->tm_wday); break;
			case 'W': snprintf(tmp, sizeof tmp, "%02d", (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7); break;
			case 'x': strftime(tmp, sizeof tmp, "%m/%d/%y", tm); break;
			case 'X': strftime(tmp, sizeof tmp, "%H:%M:%S", tm); break;
			case 'y': snprintf(tmp, sizeof tmp, "%02d", ((tm->tm_year % 100) + 100) % 100); break;
			case 'Y': snprintf(tmp, sizeof tmp, "%d", tm->tm_year + 1900); break;
			case 'z': add = "+0000"; break;
			case 'Z': add = tm->tm_zone ? tm->tm_zone : "UTC"; break;
			case '%': add = "%"; break;
			default:
				return 0;
			}
		}
		len = strlen(add);
		if (n + len >= max)
			return 0;
		memcpy(s + n, add, len);
		n += len;
	}
	if (n >= max)
		return 0;
	s[n] = 0;
	return n;
}

size_t strftime_l(char *restrict s, size_t max, const char *restrict fmt,
                  const struct tm *restrict tm, locale_t l)
{
	(void)l;
	return strftime(s, max, fmt, tm);
}
