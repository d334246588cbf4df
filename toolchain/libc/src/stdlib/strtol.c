/* strtol family -- C11 7.22.1.4: optional space and sign, then a 0x/0
 * prefix per base; the value saturates with ERANGE.  One routine works on
 * unsigned long long with the limit for the type as a parameter. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <inttypes.h>

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return (c | 32) - 'a' + 10;
	return 99;
}

/* Parses into *neg and the magnitude, saturating at lim (for negatives the
 * caller's lim is the magnitude of the minimum); *end gets the end. */
unsigned long long __strtox(const char *s, char **end, int base,
                            unsigned long long lim, int is_signed)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long long v = 0;
	int neg = 0, any = 0, over = 0, d;
	if (base < 0 || base == 1 || base > 36) {
		if (end)
			*end = (char *)s;
		errno = EINVAL;
		return 0;
	}
	while (isspace(*p))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if ((base == 0 || base == 16) && *p == '0' && (p[1] | 32) == 'x' && digit_value(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if ((base == 0 || base == 2) && *p == '0' && (p[1] | 32) == 'b'
	           && digit_value(p[2]) < 2) {
		p += 2;
		base = 2;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	for (; (d = digit_value(*p)) < base; p++) {
		any = 1;
		if (over)
			continue;
		if (v > (ULLONG_MAX - (unsigned)d) / (unsigned)base)
			over = 1;
		else
			v = v * (unsigned)base + (unsigned)d;
	}
	if (end)
		*end = (char *)(any ? (const char *)p : s);
	if (is_signed) {
		unsigned long long limit = neg ? lim + 1 : lim;
		if (over || v > limit) {
			errno = ERANGE;
			return neg ? -limit : limit;
		}
	} else if (over || v > lim) {
		errno = ERANGE;
		return lim;
	}
	return neg ? -v : v;
}

long strtol(const char *restrict s, char **restrict end, int base)
{
	return (long)__strtox(s, end, base, LONG_MAX, 1);
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	return (long long)__strtox(s, end, base, LLONG_MAX, 1);
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	return (unsigned long)__strtox(s, end, base, ULONG_MAX, 0);
}

unsigned long long strtoull(const char *restrict s, char **restrict end, int base)
{
	return __strtox(s, end, base, ULLONG_MAX, 0);
}

intmax_t strtoimax(const char *restrict s, char **restrict end, int base)
{
	return (intmax_t)__strtox(s, end, base, INTMAX_MAX, 1);
}

uintmax_t strtoumax(const char *restrict s, char **restrict end, int base)
{
	return (uintmax_t)__strtox(s, end, base, UINTMAX_MAX, 0);
}
