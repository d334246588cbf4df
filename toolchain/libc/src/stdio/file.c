/* The stream machinery: the three standard streams, the list of open
 * streams (flushed by exit), buffering, and the file-descriptor methods. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../internal/libc.h"
#include "../internal/stdio_impl.h"

static unsigned char stdin_buf[UNGET + BUFSIZ];
static unsigned char stdout_buf[UNGET + BUFSIZ];

static FILE stdin_file = {
	F_READ, 0, _IOFBF, stdin_buf + UNGET, BUFSIZ, 0, 0, 0, 0, 0,
	__fd_read, __fd_write, __fd_seek, __fd_close, 0, 0, 0, 0, {0}
};
static FILE stdout_file = {
	F_WRITE, 1, -1 /* decided on first write */, stdout_buf + UNGET, BUFSIZ, 0, 0, 0, 0, 0,
	__fd_read, __fd_write, __fd_seek, __fd_close, 0, 0, 0, 0, {0}
};
static FILE stderr_file = {
	F_WRITE, 2, _IONBF, 0, 0, 0, 0, 0, 0, 0,
	__fd_read, __fd_write, __fd_seek, __fd_close, 0, 0, 0, 0, {0}
};

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;

static FILE *open_files;                /* besides the three above */

void __stdio_exit(void)
{
	FILE *f;
	for (f = open_files; f; f = f->next)
		fflush(f);
	fflush(stdout);
	fflush(stderr);
}

void __link_file(FILE *f)
{
	f->prev = 0;
	f->next = open_files;
	if (open_files)
		open_files->prev = f;
	open_files = f;
}

void __unlink_file(FILE *f)
{
	if (f->prev)
		f->prev->next = f->next;
	else if (open_files == f)
		open_files = f->next;
	if (f->next)
		f->next->prev = f->prev;
}

ssize_t __fd_read(FILE *f, unsigned char *dst, size_t n)
{
	return read(f->fd, dst, n);
}

ssize_t __fd_write(FILE *f, const unsigned char *src, size_t n)
{
	return write(f->fd, src, n);
}

off_t __fd_seek(FILE *f, off_t off, int whence)
{
	return lseek(f->fd, off, whence);
}

int __fd_close(FILE *f)
{
	return close(f->fd);
}

static void decide_buffering(FILE *f)
{
	if (f->bufmode < 0)
		f->bufmode = isatty(f->fd) ? _IOLBF : _IOFBF;
	if (f->bufmode == _IONBF || !f->buf) {
		f->buf = f->small + UNGET;
		f->bufsize = f->bufmode == _IONBF ? 0 : 1;
		if (f->bufmode != _IONBF)
			f->bufmode = _IONBF;
	}
}

int __toread(FILE *f)
{
	if (f->wpos && f->wpos > f->wbase)
		__flushbuf(f);
	f->wpos = f->wbase = f->wend = 0;
	if (!(f->flags & F_READ)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	if (!f->rpos) {
		decide_buffering(f);
		f->rpos = f->rend = f->buf;
	}
	return 0;
}

int __towrite(FILE *f)
{
	if (!(f->flags & F_WRITE)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	if (f->rpos && f->rpos < f->rend && f->seek)       /* give back read-ahead */
		f->seek(f, -(off_t)(f->rend - f->rpos), SEEK_CUR);
	f->rpos = f->rend = 0;
	if (!f->wbase) {
		decide_buffering(f);
		f->wbase = f->wpos = f->buf;
		f->wend = f->buf + f->bufsize;
	}
	return 0;
}

static int write_all(FILE *f, const unsigned char *s, size_t n)
{
	while (n) {
		ssize_t r = f->write(f, s, n);
		if (r <= 0) {
			f->flags |= F_ERR;
			return EOF;
		}
		s += r;
		n -= (size_t)r;
	}
	return 0;
}

int __flushbuf(FILE *f)
{
	int r = 0;
	if (f->wpos > f->wbase)
		r = write_all(f, f->wbase, (size_t)(f->wpos - f->wbase));
	f->wpos = f->wbase;
	return r;
}

int __uflow(FILE *f)
{
	ssize_t n;
	size_t want;
	if (!f->rpos || f->wbase) {
		if (__toread(f))
			return EOF;
	}
	if (f->flags & F_EOF)
		return EOF;
	/* Reading a line- or unbuffered stream flushes stdout first, as glibc does. */
	if (f->bufmode != _IOFBF && stdout->wpos > stdout->wbase)
		__flushbuf(stdout);
	want = f->bufsize ? f->bufsize : 1;
	n = f->read(f, f->buf, want);
	if (n <= 0) {
		f->flags |= n < 0 ? F_ERR : F_EOF;
		f->rpos = f->rend = f->buf;
		return EOF;
	}
	f->rpos = f->buf;
	f->rend = f->buf + n;
	return *f->rpos++;
}

size_t __fwritex(const unsigned char *s, size_t n, FILE *f)
{
	size_t room, done = 0;
	if (!f->wbase && __towrite(f))
		return 0;
	if (f->bufmode == _IONBF || n >= f->bufsize) {
		if (__flushbuf(f) || write_all(f, s, n))
			return 0;
		return n;
	}
	while (done < n) {
		room = (size_t)(f->wend - f->wpos);
		if (!room) {
			if (__flushbuf(f))
				return done;
			continue;
		}
		if (room > n - done)
			room = n - done;
		memcpy(f->wpos, s + done, room);
		f->wpos += room;
		done += room;
	}
	if (f->bufmode == _IOLBF && memchr(s, '\n', n))
		if (__flushbuf(f))
			return 0;
	return n;
}

int fflush(FILE *f)
{
	int r = 0;
	if (!f) {
		FILE *g;
		for (g = open_files; g; g = g->next)
			if (g->wbase && fflush(g))
				r = EOF;
		if (fflush(stdout))
			r = EOF;
		return r;
	}
	if (f->wbase)
		r = __flushbuf(f);
	if (f->rpos && f->rpos < f->rend && f->seek) {
		/* A read stream: drop the read-ahead and put the file offset back. */
		f->seek(f, -(off_t)(f->rend - f->rpos), SEEK_CUR);
		f->rpos = f->rend = f->buf;
	}
	return r;
}

unsigned __mode_flags(const char *mode, int *oflags)
{
	unsigned flags;
	int o;
	if (*mode == 'r') {
		flags = F_READ;
		o = O_RDONLY;
	} else if (*mode == 'w') {
		flags = F_WRITE;
		o = O_WRONLY | O_CREAT | O_TRUNC;
	} else if (*mode == 'a') {
		flags = F_WRITE | F_APPEND;
		o = O_WRONLY | O_CREAT | O_APPEND;
	} else {
		errno = EINVAL;
		return 0;
	}
	for (mode++; *mode; mode++) {
		if (*mode == '+') {
			flags |= F_READ | F_WRITE;
			o = (o & ~(O_RDONLY | O_WRONLY)) | O_RDWR;
		} else if (*mode == 'x') {
			o |= O_EXCL;
		} else if (*mode == 'e') {
			o |= O_CLOEXEC;
		}
	}
	*oflags = o;
	return flags;
}

FILE *__new_file(int fd, unsigned flags)
{
	FILE *f = calloc(1, sizeof *f);
	unsigned char *buf;
	if (!f)
		return 0;
	buf = malloc(UNGET + BUFSIZ);
	if (buf) {
		f->buf = buf + UNGET;
		f->bufsize = BUFSIZ;
		flags |= F_OWNBUF;
	}
	f->flags = flags | F_OWNFILE;
	f->fd = fd;
	f->bufmode = fd >= 0 ? -1 : _IOFBF;
	f->read = __fd_read;
	f->write = __fd_write;
	f->seek = __fd_seek;
	f->close = __fd_close;
	__link_file(f);
	return f;
}

FILE *fopen(const char *restrict path, const char *restrict mode)
{
	int oflags, fd;
	unsigned flags = __mode_flags(mode, &oflags);
	FILE *f;
	if (!flags)
		return 0;
	fd = open(path, oflags, 0666);
	if (fd < 0)
		return 0;
	f = __new_file(fd, flags);
	if (!f)
		close(fd);
	return f;
}

FILE *fdopen(int fd, const char *mode)
{
	int oflags;
	unsigned flags = __mode_flags(mode, &oflags);
	if (!flags)
		return 0;
	if (fcntl(fd, F_GETFD) < 0)
		return 0;
	return __new_file(fd, flags);
}

int fclose(FILE *f)
{
	int r = fflush(f);
	if (f->close && f->close(f) < 0)
		r = EOF;
	if (f == stdin || f == stdout || f == stderr) {
		f->flags = 0;
		f->rpos = f->rend = f->wbase = f->wpos = f->wend = 0;
		return r;
	}
	__unlink_file(f);
	if (f->flags & F_OWNBUF)
		free(f->buf - UNGET);
	if (f->flags & F_OWNFILE)
		free(f);
	return r;
}

FILE *freopen(const char *restrict path, const char *restrict mode, FILE *restrict f)
{
	int oflags, fd;
	unsigned flags = __mode_flags(mode, &oflags);
	fflush(f);
	if (!flags)
		return 0;
	if (!path) {
		if (fcntl(f->fd, F_SETFL, oflags & O_APPEND) < 0)
			return 0;
		f->flags = (f->flags & (F_OWNBUF | F_OWNFILE)) | flags;
		return f;
	}
	fd = open(path, oflags, 0666);
	if (fd < 0)
		return 0;
	if (f->fd >= 0 && fd != f->fd) {
		if (dup2(fd, f->fd) < 0) {
			close(fd);
			return 0;
		}
		close(fd);
	} else {
		f->fd = fd;
	}
	f->flags = (f->flags & (F_OWNBUF | F_OWNFILE)) | flags;
	f->rpos = f->rend = f->wbase = f->wpos = f->wend = 0;
	f->read = __fd_read;
	f->write = __fd_write;
	f->seek = __fd_seek;
	f->close = __fd_close;
	return f;
}

int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
		return -1;
	f->bufmode = mode;
	if (buf && size > UNGET && mode != _IONBF) {
		/* The caller's buffer, keeping UNGET bytes of it for ungetc. */
		f->buf = (unsigned char *)buf + UNGET;
		f->bufsize = size - UNGET;
	} else if (mode == _IONBF) {
		f->buf = f->small + UNGET;
		f->bufsize = 0;
	}
	return 0;
}

void setbuf(FILE *restrict f, char *restrict buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

void setbuffer(FILE *f, char *buf, size_t size)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, size);
}

void setlinebuf(FILE *f)
{
	setvbuf(f, 0, _IOLBF, 0);
}

int fileno(FILE *f)
{
	if (f->fd < 0) {
		errno = EBADF;
		return -1;
	}
	return f->fd;
}

int fileno_unlocked(FILE *f) { return fileno(f); }
void flockfile(FILE *f) { (void)f; }
void funlockfile(FILE *f) { (void)f; }
int ftrylockfile(FILE *f) { (void)f; return 0; }
int fflush_unlocked(FILE *f) { return fflush(f); }
