/* pthread.h -- POSIX threads (declarations; the objects are opaque and sized
 * like glibc's, see bits/alltypes.h; all-zero is each object's default
 * state, which the static initialisers rely on). */
#ifndef _PTHREAD_H
#define _PTHREAD_H

#include <features.h>
#include <sched.h>
#include <time.h>

#define __NEED_pthread_types
#define __NEED_clockid_t
#define __NEED_size_t
#define __NEED_sigset_t
#include <bits/alltypes.h>

#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1

#define PTHREAD_MUTEX_NORMAL 0
#define PTHREAD_MUTEX_RECURSIVE 1
#define PTHREAD_MUTEX_ERRORCHECK 2
#define PTHREAD_MUTEX_DEFAULT PTHREAD_MUTEX_NORMAL
#define PTHREAD_MUTEX_TIMED_NP PTHREAD_MUTEX_NORMAL
#define PTHREAD_MUTEX_RECURSIVE_NP PTHREAD_MUTEX_RECURSIVE
#define PTHREAD_MUTEX_ERRORCHECK_NP PTHREAD_MUTEX_ERRORCHECK
#define PTHREAD_MUTEX_ADAPTIVE_NP 3
#define PTHREAD_MUTEX_STALLED 0
#define PTHREAD_MUTEX_ROBUST 1

#define PTHREAD_PRIO_NONE 0
#define PTHREAD_PRIO_INHERIT 1
#define PTHREAD_PRIO_PROTECT 2

#define PTHREAD_INHERIT_SCHED 0
#define PTHREAD_EXPLICIT_SCHED 1

#define PTHREAD_SCOPE_SYSTEM 0
#define PTHREAD_SCOPE_PROCESS 1

#define PTHREAD_PROCESS_PRIVATE 0
#define PTHREAD_PROCESS_SHARED 1

#define PTHREAD_CANCEL_ENABLE 0
#define PTHREAD_CANCEL_DISABLE 1
#define PTHREAD_CANCEL_DEFERRED 0
#define PTHREAD_CANCEL_ASYNCHRONOUS 1
#define PTHREAD_CANCELED ((void *)-1)

#define PTHREAD_BARRIER_SERIAL_THREAD (-1)

#define PTHREAD_ONCE_INIT 0
#define PTHREAD_MUTEX_INITIALIZER { { 0 } }
#define PTHREAD_COND_INITIALIZER { { 0 } }
#define PTHREAD_RWLOCK_INITIALIZER { { 0 } }

int pthread_create(pthread_t *__restrict __th, const pthread_attr_t *__restrict __attr,
                   void *(*__start_routine)(void *), void *__restrict __arg);
int pthread_detach(pthread_t __th);
__pcc_noreturn void pthread_exit(void *__retval);
int pthread_join(pthread_t __th, void **__retval);
pthread_t pthread_self(void);
int pthread_equal(pthread_t __t1, pthread_t __t2);
int pthread_once(pthread_once_t *__once_control, void (*__init_routine)(void));
int pthread_cancel(pthread_t __th);
int pthread_setcancelstate(int __state, int *__oldstate);
int pthread_setcanceltype(int __type, int *__oldtype);
void pthread_testcancel(void);
int pthread_getconcurrency(void);
int pthread_setconcurrency(int __level);
int pthread_getschedparam(pthread_t __th, int *__restrict __policy,
                          struct sched_param *__restrict __param);
int pthread_setschedparam(pthread_t __th, int __policy, const struct sched_param *__param);
int pthread_setschedprio(pthread_t __th, int __prio);
int pthread_getcpuclockid(pthread_t __th, clockid_t *__clock_id);
int pthread_atfork(void (*__prepare)(void), void (*__parent)(void), void (*__child)(void));

int pthread_attr_init(pthread_attr_t *__attr);
int pthread_attr_destroy(pthread_attr_t *__attr);
int pthread_attr_getdetachstate(const pthread_attr_t *__attr, int *__detachstate);
int pthread_attr_setdetachstate(pthread_attr_t *__attr, int __detachstate);
int pthread_attr_getguardsize(const pthread_attr_t *__restrict __attr,
                              size_t *__restrict __guardsize);
int pthread_attr_setguardsize(pthread_attr_t *__attr, size_t __guardsize);
int pthread_attr_getinheritsched(const pthread_attr_t *__restrict __attr,
                                 int *__restrict __inherit);
int pthread_attr_setinheritsched(pthread_attr_t *__attr, int __inherit);
int pthread_attr_getschedparam(const pthread_attr_t *__restrict __attr,
                               struct sched_param *__restrict __param);
int pthread_attr_setschedparam(pthread_attr_t *__restrict __attr,
                               const struct sched_param *__restrict __param);
int pthread_attr_getschedpolicy(const pthread_attr_t *__restrict __attr,
                                int *__restrict __policy);
int pthread_attr_setschedpolicy(pthread_attr_t *__attr, int __policy);
int pthread_attr_getscope(const pthread_attr_t *__restrict __attr, int *__restrict __scope);
int pthread_attr_setscope(pthread_attr_t *__attr, int __scope);
int pthread_attr_getstack(const pthread_attr_t *__restrict __attr,
                          void **__restrict __stackaddr, size_t *__restrict __stacksize);
int pthread_attr_setstack(pthread_attr_t *__attr, void *__stackaddr, size_t __stacksize);
int pthread_attr_getstacksize(const pthread_attr_t *__restrict __attr,
                              size_t *__restrict __stacksize);
int pthread_attr_setstacksize(pthread_attr_t *__attr, size_t __stacksize);

int pthread_mutex_init(pthread_mutex_t *__restrict __mutex,
                       const pthread_mutexattr_t *__restrict __attr);
int pthread_mutex_destroy(pthread_mutex_t *__mutex);
int pthread_mutex_lock(pthread_mutex_t *__mutex);
int pthread_mutex_trylock(pthread_mutex_t *__mutex);
int pthread_mutex_timedlock(pthread_mutex_t *__restrict __mutex,
                            const struct timespec *__restrict __abstime);
int pthread_mutex_unlock(pthread_mutex_t *__mutex);
int pthread_mutex_consistent(pthread_mutex_t *__mutex);
int pthread_mutex_getprioceiling(const pthread_mutex_t *__restrict __mutex,
                                 int *__restrict __prioceiling);
int pthread_mutex_setprioceiling(pthread_mutex_t *__restrict __mutex, int __prioceiling,
                                 int *__restrict __old_ceiling);
int pthread_mutexattr_init(pthread_mutexattr_t *__attr);
int pthread_mutexattr_destroy(pthread_mutexattr_t *__attr);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *__restrict __attr,
                              int *__restrict __kind);
int pthread_mutexattr_settype(pthread_mutexattr_t *__attr, int __kind);
int pthread_mutexattr_getpshared(const pthread_mutexattr_t *__restrict __attr,
                                 int *__restrict __pshared);
int pthread_mutexattr_setpshared(pthread_mutexattr_t *__attr, int __pshared);
int pthread_mutexattr_getprotocol(const pthread_mutexattr_t *__restrict __attr,
                                  int *__restrict __protocol);
int pthread_mutexattr_setprotocol(pthread_mutexattr_t *__attr, int __protocol);
int pthread_mutexattr_getrobust(const pthread_mutexattr_t *__restrict __attr,
                                int *__restrict __robustness);
int pthread_mutexattr_setrobust(pthread_mutexattr_t *__attr, int __robustness);
int pthread_mutexattr_getprioceiling(const pthread_mutexattr_t *__restrict __attr,
                                     int *__restrict __prioceiling);
int pthread_mutexattr_setprioceiling(pthread_mutexattr_t *__attr, int __prioceiling);

int pthread_cond_init(pthread_cond_t *__restrict __cond,
                      const pthread_condattr_t *__restrict __attr);
int pthread_cond_destroy(pthread_cond_t *__cond);
int pthread_cond_signal(pthread_cond_t *__cond);
int pthread_cond_broadcast(pthread_cond_t *__cond);
int pthread_cond_wait(pthread_cond_t *__restrict __cond, pthread_mutex_t *__restrict __mutex);
int pthread_cond_timedwait(pthread_cond_t *__restrict __cond,
                           pthread_mutex_t *__restrict __mutex,
                           const struct timespec *__restrict __abstime);
int pthread_condattr_init(pthread_condattr_t *__attr);
int pthread_condattr_destroy(pthread_condattr_t *__attr);
int pthread_condattr_getclock(const pthread_condattr_t *__restrict __attr,
                              clockid_t *__restrict __clock_id);
int pthread_condattr_setclock(pthread_condattr_t *__attr, clockid_t __clock_id);
int pthread_condattr_getpshared(const pthread_condattr_t *__restrict __attr,
                                int *__restrict __pshared);
int pthread_condattr_setpshared(pthread_condattr_t *__attr, int __pshared);

int pthread_rwlock_init(pthread_rwlock_t *__restrict __rwlock,
                        const pthread_rwlockattr_t *__restrict __attr);
int pthread_rwlock_destroy(pthread_rwlock_t *__rwlock);
int pthread_rwlock_rdlock(pthread_rwlock_t *__rwlock);
int pthread_rwlock_tryrdlock(pthread_rwlock_t *__rwlock);
int pthread_rwlock_timedrdlock(pthread_rwlock_t *__restrict __rwlock,
                               const struct timespec *__restrict __abstime);
int pthread_rwlock_wrlock(pthread_rwlock_t *__rwlock);
int pthread_rwlock_trywrlock(pthread_rwlock_t *__rwlock);
int pthread_rwlock_timedwrlock(pthread_rwlock_t *__restrict __rwlock,
                               const struct timespec *__restrict __abstime);
int pthread_rwlock_unlock(pthread_rwlock_t *__rwlock);
int pthread_rwlockattr_init(pthread_rwlockattr_t *__attr);
int pthread_rwlockattr_destroy(pthread_rwlockattr_t *__attr);
int pthread_rwlockattr_getpshared(const pthread_rwlockattr_t *__restrict __attr,
                                  int *__restrict __pshared);
int pthread_rwlockattr_setpshared(pthread_rwlockattr_t *__attr, int __pshared);

int pthread_spin_init(pthread_spinlock_t *__lock, int __pshared);
int pthread_spin_destroy(pthread_spinlock_t *__lock);
int pthread_spin_lock(pthread_spinlock_t *__lock);
int pthread_spin_trylock(pthread_spinlock_t *__lock);
int pthread_spin_unlock(pthread_spinlock_t *__lock);

int pthread_barrier_init(pthread_barrier_t *__restrict __barrier,
                         const pthread_barrierattr_t *__restrict __attr, unsigned int __count);
int pthread_barrier_destroy(pthread_barrier_t *__barrier);
int pthread_barrier_wait(pthread_barrier_t *__barrier);
int pthread_barrierattr_init(pthread_barrierattr_t *__attr);
int pthread_barrierattr_destroy(pthread_barrierattr_t *__attr);
int pthread_barrierattr_getpshared(const pthread_barrierattr_t *__restrict __attr,
                                   int *__restrict __pshared);
int pthread_barrierattr_setpshared(pthread_barrierattr_t *__attr, int __pshared);

int pthread_key_create(pthread_key_t *__key, void (*__destr_function)(void *));
int pthread_key_delete(pthread_key_t __key);
void *pthread_getspecific(pthread_key_t __key);
int pthread_setspecific(pthread_key_t __key, const void *__pointer);

int pthread_sigmask(int __how, const sigset_t *__restrict __set,
                    sigset_t *__restrict __oset);
int pthread_kill(pthread_t __th, int __sig);

/* Cancellation clean-up handlers: a record on the stack, linked by the libc. */
struct __pthread_cleanup {
	void (*__routine)(void *);
	void *__arg;
	struct __pthread_cleanup *__next;
};
void _pthread_cleanup_push(struct __pthread_cleanup *__cb, void (*__routine)(void *),
                           void *__arg);
void _pthread_cleanup_pop(struct __pthread_cleanup *__cb, int __execute);
#define pthread_cleanup_push(routine, arg) do { \
	struct __pthread_cleanup __pcc_cb; \
	_pthread_cleanup_push(&__pcc_cb, (routine), (arg)); {
#define pthread_cleanup_pop(execute) \
	} _pthread_cleanup_pop(&__pcc_cb, (execute)); } while (0)

#if defined(__PCC_GNU)
int pthread_getattr_np(pthread_t __th, pthread_attr_t *__attr);
int pthread_setname_np(pthread_t __th, const char *__name);
int pthread_getname_np(pthread_t __th, char *__name, size_t __len);
int pthread_yield(void);
int pthread_tryjoin_np(pthread_t __th, void **__retval);
int pthread_timedjoin_np(pthread_t __th, void **__retval, const struct timespec *__abstime);
int pthread_setaffinity_np(pthread_t __th, size_t __cpusetsize, const cpu_set_t *__cpuset);
int pthread_getaffinity_np(pthread_t __th, size_t __cpusetsize, cpu_set_t *__cpuset);
#endif

#endif
