/* __libc_start_main -- from the kernel's initial stack to main().
 *
 * crt1.s passes main and the stack pointer the kernel left: argc, then
 * argv[argc] and a NULL, then the environment and a NULL, then the
 * auxiliary vector (type, value pairs ending with AT_NULL).  We record
 * environ and the program name, run the constructors the static linker
 * gathered (.preinit_array then .init_array, in order; the linker script
 * defines the bounds), call main and pass its result to exit(). */
#include <stdlib.h>
#include "../internal/libc.h"

char **environ = 0;
char *__progname = "";
char *program_invocation_name = "";
char *program_invocation_short_name = "";
size_t *__auxv = 0;

typedef void (*__init_fn)(int, char **, char **);
extern __init_fn __preinit_array_start[];
extern __init_fn __preinit_array_end[];
extern __init_fn __init_array_start[];
extern __init_fn __init_array_end[];

int __libc_start_main(int (*main)(int, char **, char **), long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p;
	__init_fn *f;

	environ = envp;
	for (p = envp; *p; p++)
		;
	__auxv = (size_t *)(p + 1);
	if (argc > 0 && argv[0]) {
		char *s = argv[0], *base = s;
		for (; *s; s++)
			if (*s == '/')
				base = s + 1;
		program_invocation_name = argv[0];
		program_invocation_short_name = base;
		__progname = base;
	}
	for (f = __preinit_array_start; f < __preinit_array_end; f++)
		(*f)(argc, argv, envp);
	for (f = __init_array_start; f < __init_array_end; f++)
		(*f)(argc, argv, envp);
	exit(main(argc, argv, envp));
}
