/* err, warn and their v/x forms (err.h, from 4.4BSD): "program: message"
 * on stderr, followed by ": " and strerror(errno) unless the name ends in x;
 * the err forms then exit with the given status. */
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../internal/libc.h"

static void report(const char *format, va_list ap, int with_errno)
{
	int saved = errno;
	fprintf(stderr, "%s: ", __progname);
	if (format) {
		vfprintf(stderr, format, ap);
		if (with_errno)
			fputs(": ", stderr);
	}
	if (with_errno)
		fputs(strerror(saved), stderr);
	fputc('\n', stderr);
}

void vwarn(const char *format, va_list ap)
{
	report(format, ap, 1);
}

void vwarnx(const char *format, va_list ap)
{
	report(format, ap, 0);
}

void verr(int status, const char *format, va_list ap)
{
	report(format, ap, 1);
	exit(status);
}

void verrx(int status, const char *format, va_list ap)
{
	report(format, ap, 0);
	exit(status);
}

void warn(const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	vwarn(format, ap);
	va_end(ap);
}

void warnx(const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	vwarnx(format, ap);
	va_end(ap);
}

void err(int status, const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	verr(status, format, ap);
}

void errx(int status, const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	verrx(status, format, ap);
}
