/* String streams for the sprintf and sscanf families. */
#include <string.h>
#include "../internal/stdio_impl.h"

static ssize_t string_write(FILE *f, const unsigned char *src, size_t n)
{
	struct __strout *s = f->cookie;
	size_t k = n < s->cap ? n : s->cap;
	memcpy(s->dst, src, k);
	s->dst += k;
	s->cap -= k;
	s->total += n;
	return (ssize_t)n;
}

void __init_string_out(FILE *f, struct __strout *s, unsigned char *buf, size_t size)
{
	memset(f, 0, sizeof *f);
	f->flags = F_WRITE;
	f->fd = -1;
	f->bufmode = _IOFBF;
	f->buf = buf;
	f->bufsize = size;
	f->write = string_write;
	f->cookie = s;
	s->total = 0;
}

static ssize_t string_read(FILE *f, unsigned char *dst, size_t n)
{
	(void)f, (void)dst, (void)n;
	return 0;                       /* everything is in the buffer already */
}

void __init_string_in(FILE *f, const char *s)
{
	memset(f, 0, sizeof *f);
	f->flags = F_READ;
	f->fd = -1;
	f->bufmode = _IOFBF;
	f->buf = (unsigned char *)s;
	f->bufsize = 0;
	f->rpos = (unsigned char *)s;
	f->rend = (unsigned char *)s + strlen(s);
	f->read = string_read;
}
