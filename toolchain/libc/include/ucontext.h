/* ucontext.h -- user contexts: save, restore and switch (XSI, removed from
 * POSIX.1-2008 but used by coroutine libraries). */
#ifndef _UCONTEXT_H
#define _UCONTEXT_H

#include <features.h>
#include <sys/ucontext.h>

int getcontext(ucontext_t *__ucp) __pcc_returns_twice;
int setcontext(const ucontext_t *__ucp);
void makecontext(ucontext_t *__ucp, void (*__func)(void), int __argc, ...);
int swapcontext(ucontext_t *__restrict __oucp, const ucontext_t *__restrict __ucp)
	__pcc_returns_twice;

#endif
