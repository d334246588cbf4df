/* sys/cdefs.h -- the BSD/glibc helper macros programs sometimes use. */
#ifndef _SYS_CDEFS_H
#define _SYS_CDEFS_H

#include <features.h>

#define __BEGIN_DECLS
#define __END_DECLS
#define __P(args) args
#define __PMT(args) args
#define __CONCAT(x, y) x ## y
#define __STRING(x) #x
#define __THROW
#define __nonnull(params) __attribute__((__nonnull__ params))
#define __wur __attribute__((__warn_unused_result__))
#define __attribute_pure__ __attribute__((__pure__))
#define __attribute_const__ __attribute__((__const__))
#define __attribute_malloc__ __attribute__((__malloc__))
#define __attribute_noinline__ __attribute__((__noinline__))
#define __attribute_deprecated__ __attribute__((__deprecated__))
#define __attribute_used__ __attribute__((__used__))
#define __always_inline __inline __attribute__((__always_inline__))
#define __glibc_likely(x) __builtin_expect(!!(x), 1)
#define __glibc_unlikely(x) __builtin_expect(!!(x), 0)
#define __extern_inline extern __inline __attribute__((__gnu_inline__))

#endif
