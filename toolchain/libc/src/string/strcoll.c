/* strcoll, strxfrm -- the C locale collates as strcmp. */
#include <string.h>

int strcoll(const char *a, const char *b)
{
	return strcmp(a, b);
}

int strcoll_l(const char *a, const char *b, locale_t l)
{
	(void)l;
	return strcmp(a, b);
}

size_t strxfrm(char *restrict d, const char *restrict s, size_t n)
{
	size_t len = strlen(s);
	if (len < n)
		memcpy(d, s, len + 1);
	return len;
}

size_t strxfrm_l(char *restrict d, const char *restrict s, size_t n, locale_t l)
{
	(void)l;
	return strxfrm(d, s, n);
}
