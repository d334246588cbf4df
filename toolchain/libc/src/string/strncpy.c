/* strncpy -- C11 7.24.2.4: pads with NULs up to n. */
#include <string.h>

char *strncpy(char *restrict d, const char *restrict s, size_t n)
{
	char *r = d;
	for (; n && *s; n--)
		*d++ = *s++;
	for (; n; n--)
		*d++ = 0;
	return r;
}
