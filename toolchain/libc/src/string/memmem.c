/* memmem -- GNU: the first occurrence of a byte string (plain search). */
#include <string.h>

void *memmem(const void *h, size_t hl, const void *n, size_t nl)
{
	const unsigned char *hs = h;
	size_t i;
	if (nl == 0)
		return (void *)h;
	if (hl < nl)
		return 0;
	for (i = 0; i + nl <= hl; i++)
		if (hs[i] == *(const unsigned char *)n && !memcmp(hs + i, n, nl))
			return (void *)(hs + i);
	return 0;
}
