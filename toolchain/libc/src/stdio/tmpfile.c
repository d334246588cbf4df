/* tmpfile, tmpnam -- an unnamed file (unlinked at once) in /tmp. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../internal/stdio_impl.h"

FILE *tmpfile(void)
{
	char name[] = "/tmp/tmpfileXXXXXX";
	int fd = mkstemp(name);
	FILE *f;
	if (fd < 0)
		return 0;
	unlink(name);
	f = __new_file(fd, F_READ | F_WRITE);
	if (!f)
		close(fd);
	return f;
}

char *tmpnam(char *buf)
{
	static char internal[L_tmpnam];
	char name[] = "/tmp/tmpnam_XXXXXX";
	char *p = mktemp(name);
	if (!*p)
		return 0;
	if (!buf)
		buf = internal;
	strcpy(buf, name);
	return buf;
}

char *tempnam(const char *dir, const char *pfx)
{
	char name[4096];
	(void)dir, (void)pfx;
	if (!tmpnam(name))
		return 0;
	return strdup(name);
}
