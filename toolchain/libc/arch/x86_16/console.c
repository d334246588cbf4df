/* The console of the real-mode runtime: every byte written to stdout or
 * stderr goes out on I/O port 0xE9, the debug console of QEMU
 * (-debugcon) and Bochs (port_e9_hack).  stdout and stderr are tokens
 * here, not buffered streams: output is unbuffered and fflush does
 * nothing. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CONSOLE_PORT 0xE9

struct _IO_FILE { int fd; };
static struct _IO_FILE out = {1}, err = {2};
FILE *stdout = &out;
FILE *stderr = &err;

static void outb(unsigned char value)
{
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"((unsigned short)CONSOLE_PORT));
}

ssize_t write(int fd, const void *buf, size_t n)
{
	const unsigned char *p = buf;
	size_t i;
	if (fd != 1 && fd != 2)
		return -1;
	for (i = 0; i < n; i++)
		outb(p[i]);
	return (ssize_t)n;
}

int putchar(int c)
{
	outb((unsigned char)c);
	return (unsigned char)c;
}

int fputc(int c, FILE *f)
{
	(void)f;
	return putchar(c);
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int puts(const char *s)
{
	write(1, s, strlen(s));
	putchar('\n');
	return 0;
}

int fputs(const char *s, FILE *f)
{
	return write(f->fd, s, strlen(s)) < 0 ? EOF : 0;
}

size_t fwrite(const void *buf, size_t size, size_t n, FILE *f)
{
	if (size == 0 || n == 0)
		return 0;
	return write(f->fd, buf, size * n) < 0 ? 0 : n;
}

int fflush(FILE *f)
{
	(void)f;
	return 0;
}
