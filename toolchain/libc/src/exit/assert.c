/* __assert_fail -- the assert() macro's failure path (glibc's message). */
#include <stdio.h>
#include <stdlib.h>

extern char *__progname;

void __assert_fail(const char *expr, const char *file, unsigned int line,
                   const char *func)
{
	fflush(stdout);
	fprintf(stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n",
	        __progname, *__progname ? ": " : "", file, line,
	        func ? func : "", func ? ": " : "", expr);
	fflush(stderr);
	abort();
}
