/* directives, conditionals and includes; compared with gcc -E */
%:define DIGRAPH <: :> <% %> %:%:
DIGRAPH
%:define STR(x) %:x
STR(<: %: %:%:)
# /* comment */ define COMMENTED /* a */ 1 /* b */ + // c
   2
COMMENTED
#define SPLICED a \
  b \
c
SPLICED
#  if 1 /* comment */ \
  && 1
spliced_if
#  endif
#define ARGS_WITH_DIRECTIVES(x) [x]
ARGS_WITH_DIRECTIVES(
#ifdef SPLICED
  yes
#else
  no
#endif
)
#define FN(x) x
FN
#define AFTER 1
(AFTER)
#if __has_include(<stddef.h>) && __has_include("edge_directives.c") && !__has_include(<no/such.h>)
has_include_ok
#endif
#define HDR <stddef.h>
#if __has_include(HDR)
has_include_macro_ok
#endif
#ifdef __has_include
has_include_defined
#endif
#if defined(__has_attribute) && __has_attribute(__packed__) && __has_attribute(gnu::unused)
has_attribute_ok
#endif
#if __has_builtin(__builtin_expect) && !__has_builtin(not_a_builtin) && __has_builtin(__sync_synchronize)
has_builtin_ok
#endif
#if __has_c_attribute(fallthrough) == 201904 && __has_c_attribute(gnu::packed) == 1
has_c_attribute_ok
#endif
#if __STDC__ && __STDC_HOSTED__ && __STDC_VERSION__ >= 201710L && __GNUC__ == 12
std_ok
#endif
#if __x86_64__ && __LP64__ && __SIZEOF_POINTER__ == 8 && __CHAR_BIT__ == 8 && !defined(__CHAR_UNSIGNED__)
target_ok
#endif
#if __INT_MAX__ == 2147483647 && __LONG_MAX__ == 9223372036854775807L && __SCHAR_MAX__ == 127
limits_ok
#endif
#if 0
#if garbage ( (
#else
#elif also garbage
#endif
#elif 1
elif_after_nested
#endif
#ifndef UNDEFINED
#elif 1/0
#endif
#define EMPTY
#define f(x) (x)
f(EMPTY) f( EMPTY ) EMPTY f EMPTY (1)
__STDC__ __STDC_VERSION__ __STDC_HOSTED__ __GNUC__ __GNUC_MINOR__ __GNUC_PATCHLEVEL__
__SIZE_TYPE__ __PTRDIFF_TYPE__ __WCHAR_TYPE__ __INTMAX_C(7) __UINT64_C(8) __VERSION__
__INCLUDE_LEVEL__ __BASE_FILE__
#include <stddef.h>
offsetof(struct s, m) NULL
#include <stdbool.h>
true false bool
#include <stdarg.h>
va_arg(ap, int)
#include <limits.h>
INT_MIN LLONG_MAX CHAR_MIN
# 77 "renamed.c"
__LINE__ __FILE__
#line 7
__LINE__
#pragma once
#pragma GCC diagnostic ignored "-Wall"
#pragma weak sym
#pragma STDC FENV_ACCESS ON
#pragma unknown_pragma with tokens(1, 2)
#pragma GCC system_header
end
