/* memcpy -- C11 7.24.2.1.  Byte by byte: simple and portable; the
 * compiler is free to widen the loop. */
#include <string.h>

void *memcpy(void *restrict dest, const void *restrict src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;
	while (n--)
		*d++ = *s++;
	return dest;
}
