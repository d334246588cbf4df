/* getauxval -- a value from the auxiliary vector the kernel passed. */
#include <errno.h>
#include "../internal/libc.h"

unsigned long getauxval(unsigned long type)
{
	size_t *a;
	for (a = __auxv; a && a[0]; a += 2)
		if (a[0] == type)
			return a[1];
	errno = ENOENT;
	return 0;
}
