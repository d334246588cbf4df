/* bits/alltypes.h -- every shared type, defined once, on request.
 *
 * A header asks for a type by defining __NEED_<name> before including this
 * file (the scheme musl uses); each type is then defined at most once per
 * translation unit, whichever headers ask.  Target differences come only from
 * the compiler's predefined macros (__SIZE_TYPE__, __INT64_TYPE__, __LP64__,
 * __x86_64__ ...), so the one file serves x86-16, i386, x86-64, AArch64 and
 * RISC-V 64.
 *
 * Data model decisions (the contract with toolchain/libc's sources):
 *   - off_t, ino_t, dev_t, blkcnt_t, fsblkcnt_t, fsfilcnt_t are 64-bit on
 *     every target (on i386 the libc calls the *64 syscalls: _llseek,
 *     fstatat64, getdents64), like glibc with _FILE_OFFSET_BITS=64;
 *   - time_t, clock_t, suseconds_t are `long' (32-bit on i386 and x86-16),
 *     the width of the kernel's struct timespec for the classic syscalls;
 *   - sigset_t is the kernel's 64-signal mask (8 bytes), so struct sigaction
 *     and the masks go to rt_sigaction/rt_sigprocmask unchanged. */

#include <features.h>

/* Internal signed type as wide as size_t. */
#if __SIZEOF_SIZE_T__ == __SIZEOF_INT__
#define __PCC_SSIZE_TYPE int
#else
#define __PCC_SSIZE_TYPE long
#endif

#if defined(__NEED_size_t) && !defined(__DEFINED_size_t)
typedef __SIZE_TYPE__ size_t;
#define __DEFINED_size_t
#endif

#if defined(__NEED_ssize_t) && !defined(__DEFINED_ssize_t)
typedef __PCC_SSIZE_TYPE ssize_t;
#define __DEFINED_ssize_t
#endif

#if defined(__NEED_ptrdiff_t) && !defined(__DEFINED_ptrdiff_t)
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#define __DEFINED_ptrdiff_t
#endif

#if defined(__NEED_wchar_t) && !defined(__DEFINED_wchar_t)
typedef __WCHAR_TYPE__ wchar_t;
#define __DEFINED_wchar_t
#endif

#if defined(__NEED_wint_t) && !defined(__DEFINED_wint_t)
typedef __WINT_TYPE__ wint_t;
#define __DEFINED_wint_t
#endif

#if defined(__NEED_wctype_t) && !defined(__DEFINED_wctype_t)
typedef unsigned long wctype_t;
#define __DEFINED_wctype_t
#endif

#if defined(__NEED_max_align_t) && !defined(__DEFINED_max_align_t)
typedef struct {
	long long __ll __attribute__((__aligned__(__alignof__(long long))));
	long double __ld __attribute__((__aligned__(__alignof__(long double))));
#if defined(__i386__)
	/* GCC counts __float128 (16-byte aligned) among i386's basic types. */
	char __f128[16] __attribute__((__aligned__(16)));
#endif
} max_align_t;
#define __DEFINED_max_align_t
#endif

#if defined(__NEED_va_list) && !defined(__DEFINED_va_list)
typedef __builtin_va_list va_list;
#define __DEFINED_va_list
#endif

#if defined(__NEED___gnuc_va_list) && !defined(__DEFINED___gnuc_va_list)
typedef __builtin_va_list __gnuc_va_list;
#define __DEFINED___gnuc_va_list
#endif

/* Exact-width integers: the compiler names them for each target. */
#if defined(__NEED_intN_t) && !defined(__DEFINED_intN_t)
typedef __INT8_TYPE__ int8_t;
typedef __INT16_TYPE__ int16_t;
typedef __INT32_TYPE__ int32_t;
typedef __INT64_TYPE__ int64_t;
#define __DEFINED_intN_t
#endif

#if defined(__NEED_uintN_t) && !defined(__DEFINED_uintN_t)
typedef __UINT8_TYPE__ uint8_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;
#define __DEFINED_uintN_t
#endif

#if defined(__NEED_intptr_t) && !defined(__DEFINED_intptr_t)
typedef __INTPTR_TYPE__ intptr_t;
#define __DEFINED_intptr_t
#endif

#if defined(__NEED_uintptr_t) && !defined(__DEFINED_uintptr_t)
typedef __UINTPTR_TYPE__ uintptr_t;
#define __DEFINED_uintptr_t
#endif

#if defined(__NEED_intmax_t) && !defined(__DEFINED_intmax_t)
typedef __INTMAX_TYPE__ intmax_t;
typedef __UINTMAX_TYPE__ uintmax_t;
#define __DEFINED_intmax_t
#endif

/* POSIX system types (sys/types.h and friends). */
#if defined(__NEED_off_t) && !defined(__DEFINED_off_t)
typedef __INT64_TYPE__ off_t;
#define __DEFINED_off_t
#endif

#if defined(__NEED_off64_t) && !defined(__DEFINED_off64_t)
typedef __INT64_TYPE__ off64_t;
#define __DEFINED_off64_t
#endif

#if defined(__NEED_ino_t) && !defined(__DEFINED_ino_t)
typedef __UINT64_TYPE__ ino_t;
#define __DEFINED_ino_t
#endif

#if defined(__NEED_dev_t) && !defined(__DEFINED_dev_t)
typedef __UINT64_TYPE__ dev_t;
#define __DEFINED_dev_t
#endif

#if defined(__NEED_nlink_t) && !defined(__DEFINED_nlink_t)
#if defined(__x86_64__)
typedef unsigned long nlink_t;          /* the kernel's st_nlink is a long here */
#else
typedef unsigned int nlink_t;
#endif
#define __DEFINED_nlink_t
#endif

#if defined(__NEED_blksize_t) && !defined(__DEFINED_blksize_t)
#if defined(__aarch64__) || defined(__riscv)
typedef int blksize_t;                  /* asm-generic struct stat: int st_blksize */
#else
typedef long blksize_t;
#endif
#define __DEFINED_blksize_t
#endif

#if defined(__NEED_blkcnt_t) && !defined(__DEFINED_blkcnt_t)
typedef __INT64_TYPE__ blkcnt_t;
#define __DEFINED_blkcnt_t
#endif

#if defined(__NEED_fsblkcnt_t) && !defined(__DEFINED_fsblkcnt_t)
typedef __UINT64_TYPE__ fsblkcnt_t;
typedef __UINT64_TYPE__ fsfilcnt_t;
#define __DEFINED_fsblkcnt_t
#endif

#if defined(__NEED_mode_t) && !defined(__DEFINED_mode_t)
typedef unsigned int mode_t;
#define __DEFINED_mode_t
#endif

#if defined(__NEED_uid_t) && !defined(__DEFINED_uid_t)
typedef unsigned int uid_t;
#define __DEFINED_uid_t
#endif

#if defined(__NEED_gid_t) && !defined(__DEFINED_gid_t)
typedef unsigned int gid_t;
#define __DEFINED_gid_t
#endif

#if defined(__NEED_id_t) && !defined(__DEFINED_id_t)
typedef unsigned int id_t;
#define __DEFINED_id_t
#endif

#if defined(__NEED_pid_t) && !defined(__DEFINED_pid_t)
typedef int pid_t;
#define __DEFINED_pid_t
#endif

#if defined(__NEED_key_t) && !defined(__DEFINED_key_t)
typedef int key_t;
#define __DEFINED_key_t
#endif

#if defined(__NEED_useconds_t) && !defined(__DEFINED_useconds_t)
typedef unsigned int useconds_t;
#define __DEFINED_useconds_t
#endif

#if defined(__NEED_suseconds_t) && !defined(__DEFINED_suseconds_t)
typedef long suseconds_t;
#define __DEFINED_suseconds_t
#endif

#if defined(__NEED_time_t) && !defined(__DEFINED_time_t)
typedef long time_t;
#define __DEFINED_time_t
#endif

#if defined(__NEED_clock_t) && !defined(__DEFINED_clock_t)
typedef long clock_t;
#define __DEFINED_clock_t
#endif

#if defined(__NEED_clockid_t) && !defined(__DEFINED_clockid_t)
typedef int clockid_t;
#define __DEFINED_clockid_t
#endif

#if defined(__NEED_timer_t) && !defined(__DEFINED_timer_t)
typedef void *timer_t;
#define __DEFINED_timer_t
#endif

#if defined(__NEED_socklen_t) && !defined(__DEFINED_socklen_t)
typedef unsigned int socklen_t;
#define __DEFINED_socklen_t
#endif

#if defined(__NEED_sa_family_t) && !defined(__DEFINED_sa_family_t)
typedef unsigned short sa_family_t;
#define __DEFINED_sa_family_t
#endif

#if defined(__NEED_in_addr_t) && !defined(__DEFINED_in_addr_t)
typedef __UINT32_TYPE__ in_addr_t;
typedef __UINT16_TYPE__ in_port_t;
#define __DEFINED_in_addr_t
#endif

#if defined(__NEED_register_t) && !defined(__DEFINED_register_t)
typedef long register_t;
#define __DEFINED_register_t
#endif

#if defined(__NEED_locale_t) && !defined(__DEFINED_locale_t)
typedef struct __locale_struct *locale_t;
#define __DEFINED_locale_t
#endif

#if defined(__NEED_FILE) && !defined(__DEFINED_FILE)
typedef struct _IO_FILE FILE;           /* defined by the libc's stdio sources */
#define __DEFINED_FILE
#endif

#if defined(__NEED_mbstate_t) && !defined(__DEFINED_mbstate_t)
typedef struct __mbstate_t {
	unsigned int __state;           /* bytes of a partial character seen */
	unsigned int __wc;              /* the bits gathered so far */
} mbstate_t;
#define __DEFINED_mbstate_t
#endif

/* The kernel ABI structures: time_t then long, as every syscall reads them. */
#if defined(__NEED_struct_timespec) && !defined(__DEFINED_struct_timespec)
#ifndef __DEFINED_time_t
typedef long time_t;
#define __DEFINED_time_t
#endif
struct timespec {
	time_t tv_sec;
	long tv_nsec;
};
#define __DEFINED_struct_timespec
#endif

#if defined(__NEED_struct_timeval) && !defined(__DEFINED_struct_timeval)
#ifndef __DEFINED_time_t
typedef long time_t;
#define __DEFINED_time_t
#endif
#ifndef __DEFINED_suseconds_t
typedef long suseconds_t;
#define __DEFINED_suseconds_t
#endif
struct timeval {
	time_t tv_sec;
	suseconds_t tv_usec;
};
#define __DEFINED_struct_timeval
#endif

#if defined(__NEED_sigset_t) && !defined(__DEFINED_sigset_t)
/* The kernel's mask: _NSIG = 64 signals on every target. */
typedef struct {
	unsigned long __bits[64 / (8 * sizeof(unsigned long))];
} sigset_t;
#define __DEFINED_sigset_t
#endif

#if defined(__NEED_struct_iovec) && !defined(__DEFINED_struct_iovec)
struct iovec {
	void *iov_base;
	__SIZE_TYPE__ iov_len;
};
#define __DEFINED_struct_iovec
#endif

/* pthread types: opaque, sized like glibc's on each data model so that
 * structures embedding them keep glibc's size. */
#if defined(__NEED_pthread_types) && !defined(__DEFINED_pthread_types)
#if defined(__aarch64__)                /* glibc's generic sizes */
#define __PCC_PT_ATTR 64
#define __PCC_PT_MUTEX 48
#define __PCC_PT_RWLOCK 56
#define __PCC_PT_BARRIER 32
#define __PCC_PT_SMALLATTR 8
#elif __SIZEOF_POINTER__ == 8
#define __PCC_PT_ATTR 56
#define __PCC_PT_MUTEX 40
#define __PCC_PT_RWLOCK 56
#define __PCC_PT_BARRIER 32
#define __PCC_PT_SMALLATTR 4
#else
#define __PCC_PT_ATTR 36
#define __PCC_PT_MUTEX 24
#define __PCC_PT_RWLOCK 32
#define __PCC_PT_BARRIER 20
#define __PCC_PT_SMALLATTR 4
#endif
typedef unsigned long pthread_t;
typedef unsigned int pthread_key_t;
typedef int pthread_once_t;
typedef volatile int pthread_spinlock_t;
typedef union { char __size[__PCC_PT_ATTR]; long __align; } pthread_attr_t;
typedef union { char __size[__PCC_PT_MUTEX]; long __align; } pthread_mutex_t;
typedef union { char __size[__PCC_PT_SMALLATTR]; int __align; } pthread_mutexattr_t;
typedef union { char __size[48]; long long __align; } pthread_cond_t;
typedef union { char __size[__PCC_PT_SMALLATTR]; int __align; } pthread_condattr_t;
typedef union { char __size[__PCC_PT_RWLOCK]; long __align; } pthread_rwlock_t;
typedef union { char __size[8]; long __align; } pthread_rwlockattr_t;
typedef union { char __size[__PCC_PT_BARRIER]; long __align; } pthread_barrier_t;
typedef union { char __size[__PCC_PT_SMALLATTR]; int __align; } pthread_barrierattr_t;
#define __DEFINED_pthread_types
#endif
