#include <string.h>

char *strstr(const char *h, const char *n)
{
	size_t nl = strlen(n);
	if (!nl)
		return (char *)h;
	for (; *h; h++)
		if (*h == *n && !strncmp(h, n, nl))
			return (char *)h;
	return 0;
}
