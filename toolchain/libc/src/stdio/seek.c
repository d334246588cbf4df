/* Positioning and status: fseek, ftell, rewind, fgetpos, feof, ferror... */
#include <errno.h>
#include <string.h>
#include "../internal/stdio_impl.h"

int fseeko(FILE *f, off_t off, int whence)
{
	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
		errno = EINVAL;
		return -1;
	}
	if (whence == SEEK_CUR && f->rpos)
		off -= (off_t)(f->rend - f->rpos);          /* unread bytes */
	if (f->wbase && __flushbuf(f))
		return -1;
	f->wbase = f->wpos = f->wend = 0;
	if (!f->seek || f->seek(f, off, whence) < 0)
		return -1;
	f->rpos = f->rend = 0;
	f->flags &= ~F_EOF;
	return 0;
}

int fseek(FILE *f, long off, int whence)
{
	return fseeko(f, off, whence);
}

off_t ftello(FILE *f)
{
	off_t pos;
	if (!f->seek) {
		errno = ESPIPE;
		return -1;
	}
	pos = f->seek(f, 0, SEEK_CUR);
	if (pos < 0)
		return -1;
	if (f->rpos)
		pos -= (off_t)(f->rend - f->rpos);
	if (f->wbase)
		pos += (off_t)(f->wpos - f->wbase);
	return pos;
}

long ftell(FILE *f)
{
	return (long)ftello(f);
}

void rewind(FILE *f)
{
	fseeko(f, 0, SEEK_SET);
	f->flags &= ~F_ERR;
}

int fgetpos(FILE *restrict f, fpos_t *restrict pos)
{
	off_t off = ftello(f);
	if (off < 0)
		return -1;
	memcpy(pos, &off, sizeof off);
	return 0;
}

int fsetpos(FILE *f, const fpos_t *pos)
{
	off_t off;
	memcpy(&off, pos, sizeof off);
	return fseeko(f, off, SEEK_SET);
}

int feof(FILE *f) { return !!(f->flags & F_EOF); }
int ferror(FILE *f) { return !!(f->flags & F_ERR); }
void clearerr(FILE *f) { f->flags &= ~(F_EOF | F_ERR); }
int feof_unlocked(FILE *f) { return feof(f); }
int ferror_unlocked(FILE *f) { return ferror(f); }
void clearerr_unlocked(FILE *f) { clearerr(f); }
