/* memmove -- C11 7.24.2.2: copies forward or backward as the overlap asks. */
#include <string.h>

void *memmove(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;
	if (d == s || n == 0)
		return dest;
	if ((size_t)(d - s) >= n) {           /* d before s, or no overlap */
		while (n--)
			*d++ = *s++;
	} else {
		d += n;
		s += n;
		while (n--)
			*--d = *--s;
	}
	return dest;
}
