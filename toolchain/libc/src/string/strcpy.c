#include <string.h>

char *strcpy(char *restrict d, const char *restrict s)
{
	char *r = d;
	while ((*d++ = *s++) != 0)
		;
	return r;
}
