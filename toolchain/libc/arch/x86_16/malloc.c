/* Memory for the real-mode runtime: a first-fit allocator over a fixed
 * heap in .bss (HEAP_SIZE bytes; everything shares one 64 KiB segment
 * with the code and the stack).  Each block starts with a header holding
 * its size and whether it is free; free merges a block with the free
 * blocks that follow it.  errno lives here too: one program, no threads. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define HEAP_SIZE 16384
#define ALIGN 8

struct block {
	size_t size;            /* bytes after the header */
	size_t free;
};

static union { struct block first; long long align; char bytes[HEAP_SIZE]; } heap;
static int ready;
static int error_number;

int *__errno_location(void)
{
	return &error_number;
}

static struct block *next_block(struct block *b)
{
	char *p = (char *)(b + 1) + b->size;
	return p < heap.bytes + HEAP_SIZE ? (struct block *)p : NULL;
}

void *malloc(size_t n)
{
	struct block *b;
	if (!ready) {
		heap.first.size = HEAP_SIZE - sizeof(struct block);
		heap.first.free = 1;
		ready = 1;
	}
	if (n > HEAP_SIZE)
		goto fail;
	n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	for (b = &heap.first; b; b = next_block(b)) {
		struct block *rest;
		if (!b->free)
			continue;
		for (rest = next_block(b); rest && rest->free; rest = next_block(b))
			b->size += sizeof(struct block) + rest->size;
		if (b->size < n)
			continue;
		if (b->size >= n + sizeof(struct block) + ALIGN) {
			struct block *tail = (struct block *)((char *)(b + 1) + n);
			tail->size = b->size - n - sizeof(struct block);
			tail->free = 1;
			b->size = n;
		}
		b->free = 0;
		return b + 1;
	}
fail:
	errno = ENOMEM;
	return NULL;
}

void free(void *p)
{
	if (p)
		((struct block *)p - 1)->free = 1;
}

void *calloc(size_t count, size_t size)
{
	void *p;
	if (size && count > (size_t)-1 / size)
		return NULL;
	p = malloc(count * size);
	if (p)
		memset(p, 0, count * size);
	return p;
}

void *realloc(void *p, size_t n)
{
	void *q;
	size_t old;
	if (p == NULL)
		return malloc(n);
	old = ((struct block *)p - 1)->size;
	if (n <= old)
		return p;
	q = malloc(n);
	if (q) {
		memcpy(q, p, old);
		free(p);
	}
	return q;
}
