/* sys/un.h -- UNIX-domain socket addresses. */
#ifndef _SYS_UN_H
#define _SYS_UN_H

#include <features.h>

#define __NEED_sa_family_t
#include <bits/alltypes.h>

struct sockaddr_un {
	sa_family_t sun_family;
	char sun_path[108];             /* a path, or a leading NUL: Linux's abstract names */
};

#if defined(__PCC_MISC)
#define SUN_LEN(ptr) (__builtin_offsetof(struct sockaddr_un, sun_path) \
                      + __builtin_strlen((ptr)->sun_path))
#endif

#endif
