/* malloc.h -- the allocator's GNU/SVID interface. */
#ifndef _MALLOC_H
#define _MALLOC_H

#include <features.h>

#define __NEED_size_t
#include <bits/alltypes.h>

void *malloc(size_t __size) __pcc_malloc;
void *calloc(size_t __nmemb, size_t __size) __pcc_malloc;
void *realloc(void *__ptr, size_t __size);
void free(void *__ptr);
void *valloc(size_t __size) __pcc_malloc;
void *pvalloc(size_t __size) __pcc_malloc;
void *memalign(size_t __alignment, size_t __size) __pcc_malloc;
void *aligned_alloc(size_t __alignment, size_t __size) __pcc_malloc;
void *reallocarray(void *__ptr, size_t __nmemb, size_t __size);
size_t malloc_usable_size(void *__ptr);
int malloc_trim(size_t __pad);

struct mallinfo {
	int arena;
	int ordblks;
	int smblks;
	int hblks;
	int hblkhd;
	int usmblks;
	int fsmblks;
	int uordblks;
	int fordblks;
	int keepcost;
};
struct mallinfo mallinfo(void);

#define M_TRIM_THRESHOLD (-1)
#define M_TOP_PAD (-2)
#define M_MMAP_THRESHOLD (-3)
#define M_MMAP_MAX (-4)
int mallopt(int __param, int __value);

#endif
