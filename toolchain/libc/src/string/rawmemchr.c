/* rawmemchr -- GNU: memchr without a bound. */
#include <string.h>

void *rawmemchr(const void *src, int c)
{
	const unsigned char *s = src;
	while (*s != (unsigned char)c)
		s++;
	return (void *)s;
}
