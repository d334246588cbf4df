/* stdarg.h -- C11 7.16: the compiler does all of it. */
#ifndef _STDARG_H
#define _STDARG_H

#define __NEED_va_list
#define __NEED___gnuc_va_list
#include <bits/alltypes.h>

#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_end(ap) __builtin_va_end(ap)
#define va_copy(dest, src) __builtin_va_copy(dest, src)
#if !defined(__STRICT_ANSI__) || defined(_GNU_SOURCE) || defined(_DEFAULT_SOURCE)
#define __va_copy(dest, src) __builtin_va_copy(dest, src)
#endif

#endif
