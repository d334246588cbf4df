/* strings.h -- case-insensitive comparisons (C locale), ffs, index. */
#include <ctype.h>
#include <strings.h>

int strcasecmp(const char *a, const char *b)
{
	const unsigned char *p = (const void *)a, *q = (const void *)b;
	while (*p && tolower(*p) == tolower(*q))
		p++, q++;
	return tolower(*p) - tolower(*q);
}

int strcasecmp_l(const char *a, const char *b, locale_t l)
{
	(void)l;
	return strcasecmp(a, b);
}
