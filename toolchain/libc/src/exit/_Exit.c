/* _Exit, _exit -- end the process now (exit_group, then exit if it returns). */
#include <stdlib.h>
#include <unistd.h>
#include "../internal/libc.h"

void _Exit(int status)
{
	__syscall1(SYS_exit_group, status);
	for (;;)
		__syscall1(SYS_exit, status);
}

void _exit(int status)
{
	_Exit(status);
}
