#include <string.h>

char *stpncpy(char *restrict d, const char *restrict s, size_t n)
{
	for (; n && *s; n--)
		*d++ = *s++;
	char *end = d;
	for (; n; n--)
		*d++ = 0;
	return end;
}
