#include <string.h>

int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
	if (!n)
		return 0;
	for (; --n && *p && *p == *q; p++, q++)
		;
	return *p - *q;
}
