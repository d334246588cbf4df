/* assert.h -- C11 7.2.  Deliberately no include guard: assert follows NDEBUG
 * at each inclusion. */
#include <features.h>

#undef assert
#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr) \
	((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H_DECLS
#define _ASSERT_H_DECLS
__pcc_noreturn void __assert_fail(const char *__expr, const char *__file,
                              unsigned int __line, const char *__func);
#endif

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L && !defined(static_assert)
#define static_assert _Static_assert
#endif
