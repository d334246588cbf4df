/* malloc, free, calloc, realloc, aligned_alloc -- C11 7.22.3.
 *
 * A deliberately simple allocator:
 *   - every block starts with a 16-byte header (its capacity and a tag),
 *     so user pointers are 16-byte aligned;
 *   - small requests (up to 64 KiB) are rounded up to a power of two and
 *     served from per-size free lists; a list that is empty is refilled by
 *     carving the current arena, a 1 MiB region obtained with mmap;
 *   - large requests get their own mmap and go back with munmap;
 *   - aligned_alloc over-allocates and records the real start in a second
 *     header just before the aligned pointer (tag ALIGNED).
 * Freed small blocks are reused for the same size class only; memory is
 * never returned to the kernel except for the large blocks. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define HEADER 16
#define MIN_SHIFT 4                     /* smallest class: 16 bytes */
#define MAX_SHIFT 16                    /* largest class: 64 KiB */
#define ARENA_SIZE (1UL << 20)

#define TAG_SMALL 0x5a11u
#define TAG_LARGE 0x1a26u
#define TAG_ALIGNED 0xa119u

struct header {
	size_t size;                    /* capacity (small, large) or offset back (aligned) */
	size_t tag;
};

struct free_block {
	struct free_block *next;
};

static struct free_block *bins[MAX_SHIFT + 1];
static char *arena_next, *arena_end;

static struct header *header_of(void *p)
{
	return (struct header *)((char *)p - HEADER);
}

static void *map(size_t n)
{
	void *p = mmap(0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? 0 : p;
}

static void *carve(size_t n)
{
	char *p;
	if ((size_t)(arena_end - arena_next) < n) {
		char *a = map(ARENA_SIZE);
		if (!a)
			return 0;
		arena_next = a;
		arena_end = a + ARENA_SIZE;
	}
	p = arena_next;
	arena_next += n;
	return p;
}

void *malloc(size_t n)
{
	struct header *h;
	int shift = MIN_SHIFT;
	if (n > ((size_t)1 << MAX_SHIFT) - HEADER) {
		size_t total;
		if (n > SIZE_MAX / 2) {
			errno = ENOMEM;
			return 0;
		}
		total = (n + HEADER + 4095) & ~(size_t)4095;
		h = map(total);
		if (!h) {
			errno = ENOMEM;
			return 0;
		}
		h->size = total - HEADER;
		h->tag = TAG_LARGE;
		return (char *)h + HEADER;
	}
	while (((size_t)1 << shift) - HEADER < n)
		shift++;
	if (bins[shift]) {
		h = (struct header *)bins[shift];
		bins[shift] = bins[shift]->next;
	} else {
		h = carve((size_t)1 << shift);
		if (!h) {
			errno = ENOMEM;
			return 0;
		}
	}
	h->size = ((size_t)1 << shift) - HEADER;
	h->tag = TAG_SMALL;
	return (char *)h + HEADER;
}

void free(void *p)
{
	struct header *h;
	if (!p)
		return;
	h = header_of(p);
	if (h->tag == TAG_ALIGNED) {
		free((char *)p - h->size);
		return;
	}
	if (h->tag == TAG_LARGE) {
		munmap(h, h->size + HEADER);
		return;
	}
	if (h->tag == TAG_SMALL) {
		int shift = MIN_SHIFT;
		while (((size_t)1 << shift) - HEADER < h->size)
			shift++;
		h->tag = 0;
		((struct free_block *)h)->next = bins[shift];
		bins[shift] = (struct free_block *)h;
		return;
	}
	abort();                        /* not a block of ours, or freed twice */
}

static size_t capacity(void *p)
{
	struct header *h = header_of(p);
	if (h->tag == TAG_ALIGNED) {
		char *base = (char *)p - h->size;
		return header_of(base)->size - h->size;
	}
	return h->size;
}

size_t malloc_usable_size(void *p)
{
	return p ? capacity(p) : 0;
}

void *calloc(size_t m, size_t n)
{
	void *p;
	if (n && m > SIZE_MAX / n) {
		errno = ENOMEM;
		return 0;
	}
	p = malloc(m * n);
	if (p)
		memset(p, 0, m * n);    /* fresh mmap pages are zero, reused blocks not */
	return p;
}

void *realloc(void *p, size_t n)
{
	void *q;
	size_t old;
	if (!p)
		return malloc(n);
	old = capacity(p);
	if (n <= old && header_of(p)->tag != TAG_LARGE)
		return p;
	if (n <= old && old - n < 65536)
		return p;
	q = malloc(n);
	if (!q)
		return 0;
	memcpy(q, p, old < n ? old : n);
	free(p);
	return q;
}

void *reallocarray(void *p, size_t m, size_t n)
{
	if (n && m > SIZE_MAX / n) {
		errno = ENOMEM;
		return 0;
	}
	return realloc(p, m * n);
}

void *aligned_alloc(size_t align, size_t n)
{
	char *base, *p;
	struct header *h;
	if (align & (align - 1)) {
		errno = EINVAL;
		return 0;
	}
	if (align <= HEADER)
		return malloc(n);
	if (n > SIZE_MAX - align - HEADER) {
		errno = ENOMEM;
		return 0;
	}
	base = malloc(n + align + HEADER);
	if (!base)
		return 0;
	p = (char *)(((uintptr_t)base + HEADER + align - 1) & ~(uintptr_t)(align - 1));
	h = header_of(p);
	h->size = (size_t)(p - base);
	h->tag = TAG_ALIGNED;
	return p;
}

int posix_memalign(void **res, size_t align, size_t n)
{
	void *p;
	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	p = aligned_alloc(align, n);
	if (!p)
		return ENOMEM;
	*res = p;
	return 0;
}

void *memalign(size_t align, size_t n)
{
	return aligned_alloc(align, n);
}

void *valloc(size_t n)
{
	return aligned_alloc(4096, n);
}

void *pvalloc(size_t n)
{
	return aligned_alloc(4096, (n + 4095) & ~(size_t)4095);
}

void cfree(void *p)
{
	free(p);
}
