#include <ctype.h>
#include <strings.h>

int strncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const void *)a, *q = (const void *)b;
	if (!n--)
		return 0;
	for (; *p && *q && n && tolower(*p) == tolower(*q); p++, q++, n--)
		;
	return tolower(*p) - tolower(*q);
}

int strncasecmp_l(const char *a, const char *b, size_t n, locale_t l)
{
	(void)l;
	return strncasecmp(a, b, n);
}
