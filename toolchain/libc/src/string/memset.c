/* memset -- C11 7.24.6.1. */
#include <string.h>

void *memset(void *dest, int c, size_t n)
{
	unsigned char *d = dest;
	while (n--)
		*d++ = (unsigned char)c;
	return dest;
}
