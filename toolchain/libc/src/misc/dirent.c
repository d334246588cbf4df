/* opendir, readdir, closedir... -- over getdents64 (struct dirent is
 * linux_dirent64, dirent.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../internal/libc.h"

struct __dirstream {
	int fd;
	size_t pos, len;
	long tell;
	char buf[4096];
};

ssize_t getdents64(int fd, void *buf, size_t len)
{
	return __sc3(SYS_getdents64, fd, buf, len);
}

DIR *fdopendir(int fd)
{
	DIR *d = calloc(1, sizeof *d);
	if (!d)
		return 0;
	d->fd = fd;
	return d;
}

DIR *opendir(const char *name)
{
	int fd = open(name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d;
	if (fd < 0)
		return 0;
	d = fdopendir(fd);
	if (!d)
		close(fd);
	return d;
}

struct dirent *readdir(DIR *d)
{
	struct dirent *e;
	if (d->pos >= d->len) {
		ssize_t n = getdents64(d->fd, d->buf, sizeof d->buf);
		if (n <= 0)
			return 0;
		d->len = (size_t)n;
		d->pos = 0;
	}
	e = (struct dirent *)(d->buf + d->pos);
	d->pos += e->d_reclen;
	d->tell = e->d_off;
	return e;
}

int readdir_r(DIR *restrict d, struct dirent *restrict entry, struct dirent **restrict result)
{
	int saved = errno;
	struct dirent *e;
	errno = 0;
	e = readdir(d);
	if (!e && errno)
		return errno;
	errno = saved;
	if (e)
		memcpy(entry, e, e->d_reclen < sizeof *entry ? e->d_reclen : sizeof *entry);
	*result = e ? entry : 0;
	return 0;
}

int closedir(DIR *d)
{
	int r = close(d->fd);
	free(d);
	return r;
}

int dirfd(DIR *d) { return d->fd; }

void rewinddir(DIR *d)
{
	lseek(d->fd, 0, SEEK_SET);
	d->pos = d->len = 0;
	d->tell = 0;
}

void seekdir(DIR *d, long off)
{
	lseek(d->fd, off, SEEK_SET);
	d->pos = d->len = 0;
	d->tell = off;
}

long telldir(DIR *d) { return d->tell; }

int alphasort(const struct dirent **a, const struct dirent **b)
{
	return strcoll((*a)->d_name, (*b)->d_name);
}

int versionsort(const struct dirent **a, const struct dirent **b)
{
	return strverscmp((*a)->d_name, (*b)->d_name);
}

int scandir(const char *path, struct dirent ***list, int (*sel)(const struct dirent *),
            int (*cmp)(const struct dirent **, const struct dirent **))
{
	DIR *d = opendir(path);
	struct dirent *e, **names = 0;
	size_t n = 0, cap = 0;
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		struct dirent *copy;
		if (sel && !sel(e))
			continue;
		if (n == cap) {
			struct dirent **grown = realloc(names, (cap = cap ? 2 * cap : 16) * sizeof *names);
			if (!grown)
				goto fail;
			names = grown;
		}
		copy = malloc(e->d_reclen);
		if (!copy)
			goto fail;
		memcpy(copy, e, e->d_reclen);
		names[n++] = copy;
	}
	closedir(d);
	if (cmp)
		qsort(names, n, sizeof *names, (int (*)(const void *, const void *))cmp);
	*list = names;
	return (int)n;
fail:
	while (n)
		free(names[--n]);
	free(names);
	closedir(d);
	return -1;
}
