/* semaphore.h -- POSIX semaphores (opaque, glibc-sized). */
#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

#include <features.h>

#define __NEED_struct_timespec
#define __NEED_clockid_t
#include <bits/alltypes.h>

typedef union {
	char __size[__SIZEOF_POINTER__ == 8 ? 32 : 16];
	long __align;
} sem_t;

#define SEM_FAILED ((sem_t *)0)
#define SEM_VALUE_MAX 2147483647

int sem_init(sem_t *__sem, int __pshared, unsigned int __value);
int sem_destroy(sem_t *__sem);
sem_t *sem_open(const char *__name, int __oflag, ...);
int sem_close(sem_t *__sem);
int sem_unlink(const char *__name);
int sem_wait(sem_t *__sem);
int sem_timedwait(sem_t *__restrict __sem, const struct timespec *__restrict __abstime);
int sem_trywait(sem_t *__sem);
int sem_post(sem_t *__sem);
int sem_getvalue(sem_t *__restrict __sem, int *__restrict __sval);
#if defined(__PCC_GNU)
int sem_clockwait(sem_t *__restrict __sem, clockid_t __clock,
                  const struct timespec *__restrict __abstime);
#endif

#endif
