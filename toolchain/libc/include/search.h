/* search.h -- POSIX hash tables, binary trees and linear search. */
#ifndef _SEARCH_H
#define _SEARCH_H

#include <features.h>

#define __NEED_size_t
#include <bits/alltypes.h>

typedef enum { FIND, ENTER } ACTION;
typedef enum { preorder, postorder, endorder, leaf } VISIT;

typedef struct entry {
	char *key;
	void *data;
} ENTRY;

int hcreate(size_t __nel);
void hdestroy(void);
ENTRY *hsearch(ENTRY __item, ACTION __action);

void insque(void *__element, void *__pred);
void remque(void *__element);

void *lsearch(const void *__key, void *__base, size_t *__nelp, size_t __width,
              int (*__compar)(const void *, const void *));
void *lfind(const void *__key, const void *__base, size_t *__nelp, size_t __width,
            int (*__compar)(const void *, const void *));

void *tdelete(const void *__restrict __key, void **__restrict __rootp,
              int (*__compar)(const void *, const void *));
void *tfind(const void *__key, void *const *__rootp,
            int (*__compar)(const void *, const void *));
void *tsearch(const void *__key, void **__rootp,
              int (*__compar)(const void *, const void *));
void twalk(const void *__root, void (*__action)(const void *, VISIT, int));

#if defined(__PCC_GNU)
struct hsearch_data {
	struct __tab *__tab;
	unsigned int __unused1;
	unsigned int __unused2;
};
int hcreate_r(size_t __nel, struct hsearch_data *__htab);
void hdestroy_r(struct hsearch_data *__htab);
int hsearch_r(ENTRY __item, ACTION __action, ENTRY **__retval, struct hsearch_data *__htab);
void tdestroy(void *__root, void (*__freefct)(void *));
#endif

#endif
