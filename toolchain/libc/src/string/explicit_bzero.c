/* explicit_bzero, bzero -- zero bytes (the first may not be optimised away:
 * the store goes through a volatile pointer). */
#include <string.h>

void explicit_bzero(void *d, size_t n)
{
	volatile unsigned char *p = d;
	while (n--)
		*p++ = 0;
}
