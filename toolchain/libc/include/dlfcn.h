/* dlfcn.h -- dynamic loading (declarations; a static libc may stub them). */
#ifndef _DLFCN_H
#define _DLFCN_H

#include <features.h>

#define RTLD_LAZY 0x00001
#define RTLD_NOW 0x00002
#define RTLD_NOLOAD 0x00004
#define RTLD_DEEPBIND 0x00008
#define RTLD_GLOBAL 0x00100
#define RTLD_LOCAL 0
#define RTLD_NODELETE 0x01000

#if defined(__PCC_GNU)
#define RTLD_NEXT ((void *)-1l)
#define RTLD_DEFAULT ((void *)0)

typedef struct {
	const char *dli_fname;
	void *dli_fbase;
	const char *dli_sname;
	void *dli_saddr;
} Dl_info;

int dladdr(const void *__addr, Dl_info *__info);
#endif

int dlclose(void *__handle);
char *dlerror(void);
void *dlopen(const char *__file, int __mode);
void *dlsym(void *__restrict __handle, const char *__restrict __name);

#endif
