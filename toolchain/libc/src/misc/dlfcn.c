/* dlopen and friends in a libc that links only static programs: there is no
 * dynamic loader, so every request fails and dlerror says why (as static
 * glibc and musl do for objects they cannot load).  dlerror's message is
 * returned once, then NULL, as POSIX specifies. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

static char *pending;

static char no_loader[] = "dynamic loading is not supported: this program is statically linked";

static void *fail(void)
{
	pending = no_loader;
	return NULL;
}

void *dlopen(const char *file, int mode)
{
	(void)file;
	(void)mode;
	return fail();
}

void *dlsym(void *restrict handle, const char *restrict name)
{
	(void)handle;
	(void)name;
	return fail();
}

int dlclose(void *handle)
{
	(void)handle;
	fail();
	return -1;
}

int dladdr(const void *addr, Dl_info *info)
{
	(void)addr;
	(void)info;
	return 0;
}

char *dlerror(void)
{
	char *message = pending;
	pending = NULL;
	return message;
}
