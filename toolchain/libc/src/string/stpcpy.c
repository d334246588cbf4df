#include <string.h>

char *stpcpy(char *restrict d, const char *restrict s)
{
	while ((*d = *s++) != 0)
		d++;
	return d;
}
