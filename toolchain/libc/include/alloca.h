/* alloca.h -- stack allocation, done by the compiler. */
#ifndef _ALLOCA_H
#define _ALLOCA_H

#define __NEED_size_t
#include <bits/alltypes.h>

void *alloca(size_t __size);
#define alloca(size) __builtin_alloca(size)

#endif
