/* libc.h -- what the libc's sources share and programs never see.
 *
 * The per-arch part is small: arch/<arch>/syscall.s provides __syscall0..6
 * (a number and up to six long arguments, returning the kernel's raw
 * result, -4095..-1 meaning -errno), crt1.s enters __libc_start_main, and
 * setjmp.s fills jmp_buf.  Everything here is plain C for every target;
 * where the kernel ABIs differ (no open/stat/fork on the asm-generic
 * targets) the sources test for the syscall number (#ifdef SYS_open). */
#ifndef _PCC_LIBC_INTERNAL_H
#define _PCC_LIBC_INTERNAL_H

#include <stddef.h>
#include <sys/syscall.h>

long __syscall0(long __n);
long __syscall1(long __n, long __a);
long __syscall2(long __n, long __a, long __b);
long __syscall3(long __n, long __a, long __b, long __c);
long __syscall4(long __n, long __a, long __b, long __c, long __d);
long __syscall5(long __n, long __a, long __b, long __c, long __d, long __e);
long __syscall6(long __n, long __a, long __b, long __c, long __d, long __e, long __f);

/* A raw result turned into the C convention: -1 with errno set. */
long __syscall_ret(long __r);

#define __sc0(n) __syscall_ret(__syscall0(n))
#define __sc1(n, a) __syscall_ret(__syscall1(n, (long)(a)))
#define __sc2(n, a, b) __syscall_ret(__syscall2(n, (long)(a), (long)(b)))
#define __sc3(n, a, b, c) __syscall_ret(__syscall3(n, (long)(a), (long)(b), (long)(c)))
#define __sc4(n, a, b, c, d) \
	__syscall_ret(__syscall4(n, (long)(a), (long)(b), (long)(c), (long)(d)))
#define __sc5(n, a, b, c, d, e) \
	__syscall_ret(__syscall5(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e)))
#define __sc6(n, a, b, c, d, e, f) \
	__syscall_ret(__syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), \
	                         (long)(f)))

/* AT_FDCWD for the *at calls (fcntl.h's value, repeated to keep includes small). */
#define __AT_FDCWD (-100)

extern char **environ;
extern char *__progname;
extern size_t *__auxv;

/* Called by exit(): flush every stdio stream (stdio/file.c). */
void __stdio_exit(void);

#endif
