/* mkstemp, mkdtemp, mktemp -- replace the trailing XXXXXX with letters
 * from a clock-seeded generator until the name is new. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int fill(char *tmpl, int suffix)
{
	static unsigned long counter;
	struct timespec ts;
	size_t len = strlen(tmpl);
	unsigned long r;
	int i;
	if (len < 6u + (unsigned)suffix || memcmp(tmpl + len - suffix - 6, "XXXXXX", 6)) {
		errno = EINVAL;
		return -1;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	r = (unsigned long)ts.tv_nsec * 65537 + (unsigned long)getpid() * 31 + counter++ * 7919;
	for (i = 0; i < 6; i++) {
		tmpl[len - suffix - 6 + i] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[r % 62];
		r = r / 62 + (unsigned long)ts.tv_nsec * (i + 3);
	}
	return 0;
}

int mkostemps(char *tmpl, int suffix, int flags)
{
	int tries, fd;
	for (tries = 0; tries < 100; tries++) {
		if (fill(tmpl, suffix) < 0)
			return -1;
		fd = open(tmpl, O_RDWR | O_CREAT | O_EXCL | flags, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

int mkstemp(char *tmpl) { return mkostemps(tmpl, 0, 0); }
int mkostemp(char *tmpl, int flags) { return mkostemps(tmpl, 0, flags); }
int mkstemps(char *tmpl, int suffix) { return mkostemps(tmpl, suffix, 0); }

char *mkdtemp(char *tmpl)
{
	int tries;
	for (tries = 0; tries < 100; tries++) {
		if (fill(tmpl, 0) < 0)
			return 0;
		if (mkdir(tmpl, 0700) == 0)
			return tmpl;
		if (errno != EEXIST)
			return 0;
	}
	return 0;
}

char *mktemp(char *tmpl)
{
	struct stat st;
	int tries;
	for (tries = 0; tries < 100; tries++) {
		if (fill(tmpl, 0) < 0) {
			*tmpl = 0;
			return tmpl;
		}
		if (stat(tmpl, &st) < 0)
			return tmpl;
	}
	*tmpl = 0;
	return tmpl;
}
