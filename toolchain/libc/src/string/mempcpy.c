/* mempcpy -- GNU: memcpy returning the end of the copy. */
#include <string.h>

void *mempcpy(void *restrict dest, const void *restrict src, size_t n)
{
	return (char *)memcpy(dest, src, n) + n;
}
