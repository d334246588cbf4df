/* The C locale's multibyte functions: one byte is one character. */
#include <stdlib.h>
#include <wchar.h>

size_t __ctype_get_mb_cur_max(void)
{
	return 1;
}

int mblen(const char *s, size_t n)
{
	if (!s)
		return 0;
	if (!n)
		return -1;
	return *s ? 1 : 0;
}

int mbtowc(wchar_t *restrict wc, const char *restrict s, size_t n)
{
	if (!s)
		return 0;
	if (!n)
		return -1;
	if (wc)
		*wc = (unsigned char)*s;
	return *s ? 1 : 0;
}

int wctomb(char *s, wchar_t wc)
{
	if (!s)
		return 0;
	*s = (char)wc;
	return 1;
}

size_t mbstowcs(wchar_t *restrict ws, const char *restrict s, size_t n)
{
	size_t i = 0;
	for (; !ws || i < n; i++) {
		if (ws)
			ws[i] = (unsigned char)s[i];
		if (!s[i])
			break;
	}
	return i;
}

size_t wcstombs(char *restrict s, const wchar_t *restrict ws, size_t n)
{
	size_t i = 0;
	for (; !s || i < n; i++) {
		if (s)
			s[i] = (char)ws[i];
		if (!ws[i])
			break;
	}
	return i;
}

size_t wcslen(const wchar_t *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}
