/* The printf family's entry points, all on __printf_core (vfprintf.c). */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../internal/stdio_impl.h"

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	return __printf_core(f, fmt, ap);
}

int vprintf(const char *restrict fmt, va_list ap)
{
	return __printf_core(stdout, fmt, ap);
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	int r;
	va_start(ap, fmt);
	r = __printf_core(f, fmt, ap);
	va_end(ap);
	return r;
}

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	int r;
	va_start(ap, fmt);
	r = __printf_core(stdout, fmt, ap);
	va_end(ap);
	return r;
}

int vsnprintf(char *restrict s, size_t n, const char *restrict fmt, va_list ap)
{
	FILE f;
	struct __strout out;
	unsigned char buf[256];
	int r;
	char dummy;
	out.dst = n ? s : &dummy;
	out.cap = n ? n - 1 : 0;
	__init_string_out(&f, &out, buf, sizeof buf);
	r = __printf_core(&f, fmt, ap);
	__flushbuf(&f);
	*out.dst = 0;
	if (n == 0)
		(void)0;
	return r;
}

int vsprintf(char *restrict s, const char *restrict fmt, va_list ap)
{
	return vsnprintf(s, INT_MAX, fmt, ap);
}

int snprintf(char *restrict s, size_t n, const char *restrict fmt, ...)
{
	va_list ap;
	int r;
	va_start(ap, fmt);
	r = vsnprintf(s, n, fmt, ap);
	va_end(ap);
	return r;
}

int sprintf(char *restrict s, const char *restrict fmt, ...)
{
	va_list ap;
	int r;
	va_start(ap, fmt);
	r = vsnprintf(s, INT_MAX, fmt, ap);
	va_end(ap);
	return r;
}

int vdprintf(int fd, const char *restrict fmt, va_list ap)
{
	FILE f;
	unsigned char buf[UNGET + BUFSIZ];
	int r;
	memset(&f, 0, sizeof f);
	f.flags = F_WRITE;
	f.fd = fd;
	f.bufmode = _IOFBF;
	f.buf = buf + UNGET;
	f.bufsize = BUFSIZ;
	f.write = __fd_write;
	r = __printf_core(&f, fmt, ap);
	if (__flushbuf(&f))
		return -1;
	return r;
}

int dprintf(int fd, const char *restrict fmt, ...)
{
	va_list ap;
	int r;
	va_start(ap, fmt);
	r = vdprintf(fd, fmt, ap);
	va_end(ap);
	return r;
}

int vasprintf(char **s, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;
	va_copy(ap2, ap);
	n = vsnprintf(0, 0, fmt, ap2);
	va_end(ap2);
	*s = 0;
	if (n < 0 || !(*s = malloc((size_t)n + 1)))
		return -1;
	return vsnprintf(*s, (size_t)n + 1, fmt, ap);
}

int asprintf(char **s, const char *fmt, ...)
{
	va_list ap;
	int r;
	va_start(ap, fmt);
	r = vasprintf(s, fmt, ap);
	va_end(ap);
	return r;
}
