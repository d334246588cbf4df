/* Writing: fputc, fputs, puts, fwrite, perror. */
#include <errno.h>
#include <string.h>
#include "../internal/stdio_impl.h"

int fputc(int c, FILE *f)
{
	unsigned char b = (unsigned char)c;
	if (f->wpos && f->wpos < f->wend && f->bufmode == _IOFBF) {
		*f->wpos++ = b;
		return b;
	}
	return __fwritex(&b, 1, f) ? b : EOF;
}

int putc(int c, FILE *f) { return fputc(c, f); }
int putchar(int c) { return fputc(c, stdout); }
int fputc_unlocked(int c, FILE *f) { return fputc(c, f); }
int putc_unlocked(int c, FILE *f) { return fputc(c, f); }
int putchar_unlocked(int c) { return fputc(c, stdout); }

int putw(int w, FILE *f)
{
	return fwrite(&w, sizeof w, 1, f) ? 0 : EOF;
}

int fputs(const char *restrict s, FILE *restrict f)
{
	size_t n = strlen(s);
	return __fwritex((const unsigned char *)s, n, f) == n ? 1 : EOF;
}

int fputs_unlocked(const char *restrict s, FILE *restrict f) { return fputs(s, f); }

int puts(const char *s)
{
	if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
		return EOF;
	return 1;
}

size_t fwrite(const void *restrict src, size_t size, size_t n, FILE *restrict f)
{
	size_t total = size * n;
	if (!size || !n)
		return 0;
	return __fwritex(src, total, f) == total ? n : __fwritex((const unsigned char *)"", 0, f) / size;
}

size_t fwrite_unlocked(const void *restrict s, size_t z, size_t n, FILE *restrict f)
{
	return fwrite(s, z, n, f);
}

void perror(const char *msg)
{
	const char *e = strerror(errno);
	if (msg && *msg) {
		fputs(msg, stderr);
		fputs(": ", stderr);
	}
	fputs(e, stderr);
	fputc('\n', stderr);
}
