/* quick_exit, at_quick_exit -- C11 7.22.4.3 and 7.22.4.7. */
#include <stdlib.h>

#define __QUICK_MAX 32
static void (*quick_fns[__QUICK_MAX])(void);
static int quick_count;

int at_quick_exit(void (*fn)(void))
{
	if (quick_count == __QUICK_MAX)
		return -1;
	quick_fns[quick_count++] = fn;
	return 0;
}

void quick_exit(int status)
{
	while (quick_count > 0)
		quick_fns[--quick_count]();
	_Exit(status);
}
