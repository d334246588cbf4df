/* exit, atexit, __cxa_atexit -- C11 7.22.4.
 *
 * exit() runs the registered functions in the reverse order of their
 * registration (atexit and __cxa_atexit share one list), then the
 * destructors in .fini_array (last to first), then flushes stdio, then
 * ends the process with _Exit.  (Referring to __stdio_exit links stdio's
 * core into every program; without weak symbols that is the simple way.)  The list is a fixed array plus blocks
 * from malloc when it fills (C asks for at least 32 entries). */
#include <stdlib.h>
#include "../internal/libc.h"

struct __exit_fn {
	void (*fn)(void *);
	void *arg;
};

#define __EXIT_BLOCK 32
struct __exit_block {
	struct __exit_block *next;
	int count;
	struct __exit_fn fns[__EXIT_BLOCK];
};

static struct __exit_block first_block;
static struct __exit_block *head = &first_block;

extern void (*__fini_array_start[])(void);
extern void (*__fini_array_end[])(void);

int __cxa_atexit(void (*fn)(void *), void *arg, void *dso)
{
	(void)dso;
	if (head->count == __EXIT_BLOCK) {
		struct __exit_block *b = calloc(1, sizeof *b);
		if (!b)
			return -1;
		b->next = head;
		head = b;
	}
	head->fns[head->count].fn = fn;
	head->fns[head->count].arg = arg;
	head->count++;
	return 0;
}

static void call_plain(void *fn)
{
	((void (*)(void))fn)();
}

int atexit(void (*fn)(void))
{
	/* The function pointer travels as the argument: a plain call. */
	return __cxa_atexit(call_plain, *(void **)&fn, 0);
}

static void run_exit_functions(void)
{
	while (head) {
		while (head->count > 0) {
			struct __exit_fn e;
			head->count--;
			e = head->fns[head->count];
			e.fn(e.arg);
		}
		if (head == &first_block)
			break;
		head = head->next;
	}
}

void exit(int status)
{
	void (**f)(void);
	run_exit_functions();
	for (f = __fini_array_end; f > __fini_array_start;)
		(*--f)();
	__stdio_exit();
	_Exit(status);
}
