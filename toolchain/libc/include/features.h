/* features.h -- feature-test macros and the helpers every header of pcc's
 * bundled C library uses.
 *
 * Visibility, honoured simply (as musl does):
 *   - strict ISO C (-std=c11, __STRICT_ANSI__) with no feature-test macro:
 *     the C standard headers declare only what ISO C names;
 *   - otherwise, or with _POSIX_C_SOURCE/_XOPEN_SOURCE/_DEFAULT_SOURCE/
 *     _BSD_SOURCE: POSIX, XSI and the common BSD/GNU additions too;
 *   - _GNU_SOURCE adds the GNU-only names (memmem, strcasestr, O_DIRECT...).
 * POSIX-only headers (unistd.h, fcntl.h, sys/...) always declare everything:
 * a program including them asked for POSIX.
 *
 * Internal switches: __PCC_POSIX (POSIX.1-2008 and XSI names), __PCC_MISC
 * (BSD/SVID/default extensions), __PCC_GNU (GNU extensions). */
#ifndef _FEATURES_H
#define _FEATURES_H

#define __PCC_LIBC__ 1

#if defined(_ALL_SOURCE) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE 1
#endif

#if defined(_GNU_SOURCE) || defined(_DEFAULT_SOURCE) || defined(_BSD_SOURCE) \
    || defined(_SVID_SOURCE) \
    || (!defined(__STRICT_ANSI__) && !defined(_POSIX_SOURCE) \
        && !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE))
#define __PCC_MISC 1
#endif

#if defined(__PCC_MISC) || defined(_POSIX_SOURCE) || defined(_POSIX_C_SOURCE) \
    || defined(_XOPEN_SOURCE)
#define __PCC_POSIX 1
#endif

#if defined(_GNU_SOURCE)
#define __PCC_GNU 1
#endif

#if !defined(_POSIX_C_SOURCE) && defined(__PCC_MISC)
#define _POSIX_C_SOURCE 200809L
#endif

/* restrict and inline in every language mode gcc accepts. */
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L
#define __restrict restrict
#elif !defined(__GNUC__)
#define __restrict
#endif

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define __pcc_noreturn _Noreturn
#elif defined(__GNUC__)
#define __pcc_noreturn __attribute__((__noreturn__))
#else
#define __pcc_noreturn
#endif

#if defined(__GNUC__)
#define __pcc_format(kind, fmt, first) __attribute__((__format__(kind, fmt, first)))
#define __pcc_malloc __attribute__((__malloc__))
#define __pcc_const __attribute__((__const__))
#define __pcc_pure __attribute__((__pure__))
#define __pcc_deprecated __attribute__((__deprecated__))
#define __pcc_returns_twice __attribute__((__returns_twice__))
#else
#define __pcc_format(kind, fmt, first)
#define __pcc_malloc
#define __pcc_const
#define __pcc_pure
#define __pcc_deprecated
#define __pcc_returns_twice
#endif

#endif /* _FEATURES_H */
