/* errno.h -- C11 7.5; errno is per thread, reached through a function. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <features.h>
#include <bits/errno.h>

int *__errno_location(void) __attribute__((__const__));
#define errno (*__errno_location())

#if defined(__PCC_GNU)
extern char *program_invocation_name;
extern char *program_invocation_short_name;
#endif

#endif
