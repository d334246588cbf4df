/* stdio_impl.h -- struct _IO_FILE and the buffer machinery of stdio/.
 *
 * A stream is a buffer plus four methods (read, write, seek, close) on
 * its backing object: a file descriptor for fopen/fdopen, a string for
 * sprintf/sscanf, a growing heap buffer for open_memstream, user
 * functions for fopencookie.  The buffer is either being read or being
 * written, never both (C requires a flush or seek in between):
 *   reading: rpos..rend are the bytes not yet consumed;
 *   writing: wbase..wpos are the bytes not yet written out, wend the limit.
 * UNGET bytes before buf leave room for ungetc after a refill. */
#ifndef _PCC_STDIO_IMPL_H
#define _PCC_STDIO_IMPL_H

#include <stdio.h>
#include <stdarg.h>
#include <sys/types.h>

#define UNGET 8

#define F_READ    1u            /* opened for reading */
#define F_WRITE   2u            /* opened for writing */
#define F_EOF     4u
#define F_ERR     8u
#define F_APPEND  16u
#define F_OWNBUF  32u           /* buf (minus UNGET) came from malloc */
#define F_OWNFILE 64u           /* the FILE itself came from malloc */

struct _IO_FILE {
	unsigned flags;
	int fd;
	int bufmode;                    /* _IOFBF, _IOLBF, _IONBF */
	unsigned char *buf;             /* UNGET bytes of room precede it */
	size_t bufsize;
	unsigned char *rpos, *rend;
	unsigned char *wbase, *wpos, *wend;
	ssize_t (*read)(FILE *f, unsigned char *dst, size_t n);
	ssize_t (*write)(FILE *f, const unsigned char *src, size_t n);
	off_t (*seek)(FILE *f, off_t off, int whence);
	int (*close)(FILE *f);
	void *cookie;
	FILE *prev, *next;              /* the list of open streams */
	pid_t pid;                      /* popen's child */
	unsigned char small[UNGET + 1]; /* the buffer of unbuffered streams */
};

ssize_t __fd_read(FILE *f, unsigned char *dst, size_t n);
ssize_t __fd_write(FILE *f, const unsigned char *src, size_t n);
off_t __fd_seek(FILE *f, off_t off, int whence);
int __fd_close(FILE *f);

/* A stream on freshly allocated memory (FILE and buffer), linked in. */
FILE *__new_file(int fd, unsigned flags);
void __link_file(FILE *f);
void __unlink_file(FILE *f);
unsigned __mode_flags(const char *mode, int *oflags);

int __toread(FILE *f);          /* 0, or EOF if not readable */
int __towrite(FILE *f);
int __uflow(FILE *f);           /* refill and return the next byte, or EOF */
int __flushbuf(FILE *f);        /* write out wbase..wpos */
size_t __fwritex(const unsigned char *s, size_t n, FILE *f);

int __printf_core(FILE *f, const char *fmt, va_list ap);
int __scanf_core(FILE *f, const char *fmt, va_list ap);

/* A write-only stream into a string, for the sprintf family. */
struct __strout {
	char *dst;
	size_t cap;                     /* bytes that may still be stored (NUL excluded) */
	size_t total;
};
void __init_string_out(FILE *f, struct __strout *s, unsigned char *buf, size_t size);
/* A read-only stream over a string, for sscanf. */
void __init_string_in(FILE *f, const char *s);

#endif
