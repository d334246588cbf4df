/* errno -- one global, reached through __errno_location as errno.h says
 * (the library is single-threaded; a thread-local would go here). */
#include <errno.h>
#include "../internal/libc.h"

static int errno_value;

int *__errno_location(void)
{
	return &errno_value;
}

long __syscall_ret(long r)
{
	if ((unsigned long)r > -4096UL) {
		errno_value = (int)-r;
		return -1;
	}
	return r;
}
