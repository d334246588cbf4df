/* Reading: fgetc, fgets, fread, ungetc, getline, getdelim. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../internal/stdio_impl.h"

int fgetc(FILE *f)
{
	if (f->rpos && f->rpos < f->rend)
		return *f->rpos++;
	return __uflow(f);
}

int getc(FILE *f) { return fgetc(f); }
int getchar(void) { return fgetc(stdin); }
int fgetc_unlocked(FILE *f) { return fgetc(f); }
int getc_unlocked(FILE *f) { return fgetc(f); }
int getchar_unlocked(void) { return fgetc(stdin); }

int getw(FILE *f)
{
	int x;
	return fread(&x, sizeof x, 1, f) ? x : EOF;
}

char *fgets(char *restrict s, int n, FILE *restrict f)
{
	int i = 0, c = 0;
	if (n <= 0)
		return 0;
	while (i < n - 1) {
		c = fgetc(f);
		if (c == EOF)
			break;
		s[i++] = (char)c;
		if (c == '\n')
			break;
	}
	if (i == 0 && (c == EOF || n > 1))
		return 0;
	s[i] = 0;
	return s;
}

char *fgets_unlocked(char *restrict s, int n, FILE *restrict f) { return fgets(s, n, f); }

size_t fread(void *restrict dst, size_t size, size_t n, FILE *restrict f)
{
	unsigned char *d = dst;
	size_t total, done = 0;
	if (!size || !n)
		return 0;
	total = size * n;
	if (!f->rpos || f->wbase)
		if (__toread(f))
			return 0;
	/* What the buffer holds, then large pieces straight from the file,
	 * small ones through the buffer. */
	while (done < total) {
		if (f->rpos < f->rend) {
			size_t k = (size_t)(f->rend - f->rpos);
			if (k > total - done)
				k = total - done;
			memcpy(d + done, f->rpos, k);
			f->rpos += k;
			done += k;
		} else if (total - done >= f->bufsize && !(f->flags & F_EOF)) {
			ssize_t r = f->read(f, d + done, total - done);
			if (r <= 0) {
				f->flags |= r < 0 ? F_ERR : F_EOF;
				break;
			}
			done += (size_t)r;
		} else {
			int c = __uflow(f);
			if (c == EOF)
				break;
			d[done++] = (unsigned char)c;
		}
	}
	return done / size;
}

size_t fread_unlocked(void *restrict d, size_t s, size_t n, FILE *restrict f)
{
	return fread(d, s, n, f);
}

int ungetc(int c, FILE *f)
{
	if (c == EOF)
		return EOF;
	if (!f->rpos || f->wbase)
		if (__toread(f))
			return EOF;
	if (f->rpos <= f->buf - UNGET)
		return EOF;
	if (f->rpos > f->buf && f->rpos[-1] == (unsigned char)c)
		f->rpos--;              /* the byte just read: no store (sscanf's string may be const) */
	else
		*--f->rpos = (unsigned char)c;
	f->flags &= ~F_EOF;
	return (unsigned char)c;
}

ssize_t getdelim(char **restrict line, size_t *restrict cap, int delim, FILE *restrict f)
{
	size_t n = 0;
	int c;
	if (!line || !cap) {
		errno = EINVAL;
		return -1;
	}
	if (!*line)
		*cap = 0;
	for (;;) {
		c = fgetc(f);
		if (c == EOF && n == 0)
			return -1;
		if (n + 2 > *cap) {
			size_t m = *cap < 64 ? 128 : *cap * 2;
			char *p = realloc(*line, m);
			if (!p) {
				f->flags |= F_ERR;
				errno = ENOMEM;
				return -1;
			}
			*line = p;
			*cap = m;
		}
		if (c == EOF)
			break;
		(*line)[n++] = (char)c;
		if (c == delim)
			break;
	}
	(*line)[n] = 0;
	return (ssize_t)n;
}

ssize_t getline(char **restrict line, size_t *restrict cap, FILE *restrict f)
{
	return getdelim(line, cap, '\n', f);
}
