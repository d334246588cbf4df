"""GCC 12's predefined macros for each target, as data.

The blocks below are ``NAME VALUE`` lines (a function-like macro is written
``NAME(params) body``) taken from ``gcc -dM -E - </dev/null`` on Debian 12:
the host gcc for x86-64, ``i686-linux-gnu-gcc`` for i386, ``gcc -m16`` for
x86-16, ``aarch64-linux-gnu-gcc`` (armv8-a, LP64) and
``riscv64-linux-gnu-gcc`` (rv64gc, lp64d).  Each row is written once, in the
block of the targets that share it: COMMON for all five, then X86, LP64,
ILP32 and FLT16 for the groups, then one block per target for the rest
(:data:`_BY_TARGET` lists which blocks make up each target).  Macros that
depend on options (the -std dialect, -O, -fpie, -funsigned-char,
-ffreestanding, RISC-V's code model under -fpic) are computed in
:func:`predefined_macros` from :class:`PredefineOptions`; the ones glibc's
``stdc-predef.h`` supplies (``__STDC_IEC_559__`` ...) are left to that header.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..common.target import Target

# Every target.
COMMON = """\
__ATOMIC_ACQUIRE 2
__ATOMIC_ACQ_REL 4
__ATOMIC_CONSUME 1
__ATOMIC_RELAXED 0
__ATOMIC_RELEASE 3
__ATOMIC_SEQ_CST 5
__BIGGEST_ALIGNMENT__ 16
__BYTE_ORDER__ __ORDER_LITTLE_ENDIAN__
__CHAR16_TYPE__ short unsigned int
__CHAR32_TYPE__ unsigned int
__CHAR_BIT__ 8
__DBL_DECIMAL_DIG__ 17
__DBL_DENORM_MIN__ ((double)4.94065645841246544176568792868221372e-324L)
__DBL_DIG__ 15
__DBL_EPSILON__ ((double)2.22044604925031308084726333618164062e-16L)
__DBL_HAS_DENORM__ 1
__DBL_HAS_INFINITY__ 1
__DBL_HAS_QUIET_NAN__ 1
__DBL_IS_IEC_60559__ 2
__DBL_MANT_DIG__ 53
__DBL_MAX_10_EXP__ 308
__DBL_MAX_EXP__ 1024
__DBL_MAX__ ((double)1.79769313486231570814527423731704357e+308L)
__DBL_MIN_10_EXP__ (-307)
__DBL_MIN_EXP__ (-1021)
__DBL_MIN__ ((double)2.22507385850720138309023271733240406e-308L)
__DBL_NORM_MAX__ ((double)1.79769313486231570814527423731704357e+308L)
__DEC_EVAL_METHOD__ 2
__ELF__ 1
__FINITE_MATH_ONLY__ 0
__FLOAT_WORD_ORDER__ __ORDER_LITTLE_ENDIAN__
__FLT128_DECIMAL_DIG__ 36
__FLT128_DENORM_MIN__ 6.47517511943802511092443895822764655e-4966F128
__FLT128_DIG__ 33
__FLT128_EPSILON__ 1.92592994438723585305597794258492732e-34F128
__FLT128_HAS_DENORM__ 1
__FLT128_HAS_INFINITY__ 1
__FLT128_HAS_QUIET_NAN__ 1
__FLT128_IS_IEC_60559__ 2
__FLT128_MANT_DIG__ 113
__FLT128_MAX_10_EXP__ 4932
__FLT128_MAX_EXP__ 16384
__FLT128_MAX__ 1.18973149535723176508575932662800702e+4932F128
__FLT128_MIN_10_EXP__ (-4931)
__FLT128_MIN_EXP__ (-16381)
__FLT128_MIN__ 3.36210314311209350626267781732175260e-4932F128
__FLT128_NORM_MAX__ 1.18973149535723176508575932662800702e+4932F128
__FLT32X_DECIMAL_DIG__ 17
__FLT32X_DENORM_MIN__ 4.94065645841246544176568792868221372e-324F32x
__FLT32X_DIG__ 15
__FLT32X_EPSILON__ 2.22044604925031308084726333618164062e-16F32x
__FLT32X_HAS_DENORM__ 1
__FLT32X_HAS_INFINITY__ 1
__FLT32X_HAS_QUIET_NAN__ 1
__FLT32X_IS_IEC_60559__ 2
__FLT32X_MANT_DIG__ 53
__FLT32X_MAX_10_EXP__ 308
__FLT32X_MAX_EXP__ 1024
__FLT32X_MAX__ 1.79769313486231570814527423731704357e+308F32x
__FLT32X_MIN_10_EXP__ (-307)
__FLT32X_MIN_EXP__ (-1021)
__FLT32X_MIN__ 2.22507385850720138309023271733240406e-308F32x
__FLT32X_NORM_MAX__ 1.79769313486231570814527423731704357e+308F32x
__FLT32_DECIMAL_DIG__ 9
__FLT32_DENORM_MIN__ 1.40129846432481707092372958328991613e-45F32
__FLT32_DIG__ 6
__FLT32_EPSILON__ 1.19209289550781250000000000000000000e-7F32
__FLT32_HAS_DENORM__ 1
__FLT32_HAS_INFINITY__ 1
__FLT32_HAS_QUIET_NAN__ 1
__FLT32_IS_IEC_60559__ 2
__FLT32_MANT_DIG__ 24
__FLT32_MAX_10_EXP__ 38
__FLT32_MAX_EXP__ 128
__FLT32_MAX__ 3.40282346638528859811704183484516925e+38F32
__FLT32_MIN_10_EXP__ (-37)
__FLT32_MIN_EXP__ (-125)
__FLT32_MIN__ 1.17549435082228750796873653722224568e-38F32
__FLT32_NORM_MAX__ 3.40282346638528859811704183484516925e+38F32
__FLT64X_HAS_DENORM__ 1
__FLT64X_HAS_INFINITY__ 1
__FLT64X_HAS_QUIET_NAN__ 1
__FLT64X_IS_IEC_60559__ 2
__FLT64X_MAX_10_EXP__ 4932
__FLT64X_MAX_EXP__ 16384
__FLT64X_MIN_10_EXP__ (-4931)
__FLT64X_MIN_EXP__ (-16381)
__FLT64X_MIN__ 3.36210314311209350626267781732175260e-4932F64x
__FLT64_DECIMAL_DIG__ 17
__FLT64_DENORM_MIN__ 4.94065645841246544176568792868221372e-324F64
__FLT64_DIG__ 15
__FLT64_EPSILON__ 2.22044604925031308084726333618164062e-16F64
__FLT64_HAS_DENORM__ 1
__FLT64_HAS_INFINITY__ 1
__FLT64_HAS_QUIET_NAN__ 1
__FLT64_IS_IEC_60559__ 2
__FLT64_MANT_DIG__ 53
__FLT64_MAX_10_EXP__ 308
__FLT64_MAX_EXP__ 1024
__FLT64_MAX__ 1.79769313486231570814527423731704357e+308F64
__FLT64_MIN_10_EXP__ (-307)
__FLT64_MIN_EXP__ (-1021)
__FLT64_MIN__ 2.22507385850720138309023271733240406e-308F64
__FLT64_NORM_MAX__ 1.79769313486231570814527423731704357e+308F64
__FLT_DECIMAL_DIG__ 9
__FLT_DENORM_MIN__ 1.40129846432481707092372958328991613e-45F
__FLT_DIG__ 6
__FLT_EPSILON__ 1.19209289550781250000000000000000000e-7F
__FLT_HAS_DENORM__ 1
__FLT_HAS_INFINITY__ 1
__FLT_HAS_QUIET_NAN__ 1
__FLT_IS_IEC_60559__ 2
__FLT_MANT_DIG__ 24
__FLT_MAX_10_EXP__ 38
__FLT_MAX_EXP__ 128
__FLT_MAX__ 3.40282346638528859811704183484516925e+38F
__FLT_MIN_10_EXP__ (-37)
__FLT_MIN_EXP__ (-125)
__FLT_MIN__ 1.17549435082228750796873653722224568e-38F
__FLT_NORM_MAX__ 3.40282346638528859811704183484516925e+38F
__FLT_RADIX__ 2
__GCC_ATOMIC_CHAR32_T_LOCK_FREE 2
__GCC_ATOMIC_INT_LOCK_FREE 2
__GCC_ATOMIC_LLONG_LOCK_FREE 2
__GCC_ATOMIC_LONG_LOCK_FREE 2
__GCC_ATOMIC_POINTER_LOCK_FREE 2
__GCC_ATOMIC_TEST_AND_SET_TRUEVAL 1
__GCC_ATOMIC_WCHAR_T_LOCK_FREE 2
__GCC_HAVE_SYNC_COMPARE_AND_SWAP_4 1
__GCC_HAVE_SYNC_COMPARE_AND_SWAP_8 1
__GCC_IEC_559 2
__GCC_IEC_559_COMPLEX 2
__GNUC_EXECUTION_CHARSET_NAME "UTF-8"
__GNUC_MINOR__ 2
__GNUC_PATCHLEVEL__ 0
__GNUC_WIDE_EXECUTION_CHARSET_NAME "UTF-32LE"
__GNUC__ 12
__GXX_ABI_VERSION 1017
__INT16_C(c) c
__INT16_MAX__ 0x7fff
__INT16_TYPE__ short int
__INT32_C(c) c
__INT32_MAX__ 0x7fffffff
__INT32_TYPE__ int
__INT8_C(c) c
__INT8_MAX__ 0x7f
__INT8_TYPE__ signed char
__INTMAX_WIDTH__ 64
__INT_FAST64_WIDTH__ 64
__INT_FAST8_MAX__ 0x7f
__INT_FAST8_TYPE__ signed char
__INT_FAST8_WIDTH__ 8
__INT_LEAST16_MAX__ 0x7fff
__INT_LEAST16_TYPE__ short int
__INT_LEAST16_WIDTH__ 16
__INT_LEAST32_MAX__ 0x7fffffff
__INT_LEAST32_TYPE__ int
__INT_LEAST32_WIDTH__ 32
__INT_LEAST64_WIDTH__ 64
__INT_LEAST8_MAX__ 0x7f
__INT_LEAST8_TYPE__ signed char
__INT_LEAST8_WIDTH__ 8
__INT_MAX__ 0x7fffffff
__INT_WIDTH__ 32
__LDBL_HAS_DENORM__ 1
__LDBL_HAS_INFINITY__ 1
__LDBL_HAS_QUIET_NAN__ 1
__LDBL_IS_IEC_60559__ 2
__LDBL_MAX_10_EXP__ 4932
__LDBL_MAX_EXP__ 16384
__LDBL_MIN_10_EXP__ (-4931)
__LDBL_MIN_EXP__ (-16381)
__LDBL_MIN__ 3.36210314311209350626267781732175260e-4932L
__LONG_LONG_MAX__ 0x7fffffffffffffffLL
__LONG_LONG_WIDTH__ 64
__ORDER_BIG_ENDIAN__ 4321
__ORDER_LITTLE_ENDIAN__ 1234
__ORDER_PDP_ENDIAN__ 3412
__PRAGMA_REDEFINE_EXTNAME 1
__REGISTER_PREFIX__
__SCHAR_MAX__ 0x7f
__SCHAR_WIDTH__ 8
__SHRT_MAX__ 0x7fff
__SHRT_WIDTH__ 16
__SIG_ATOMIC_MAX__ 0x7fffffff
__SIG_ATOMIC_MIN__ (-__SIG_ATOMIC_MAX__ - 1)
__SIG_ATOMIC_TYPE__ int
__SIG_ATOMIC_WIDTH__ 32
__SIZEOF_DOUBLE__ 8
__SIZEOF_FLOAT__ 4
__SIZEOF_INT__ 4
__SIZEOF_LONG_LONG__ 8
__SIZEOF_SHORT__ 2
__SIZEOF_WCHAR_T__ 4
__SIZEOF_WINT_T__ 4
__UINT16_C(c) c
__UINT16_MAX__ 0xffff
__UINT16_TYPE__ short unsigned int
__UINT32_C(c) c ## U
__UINT32_MAX__ 0xffffffffU
__UINT32_TYPE__ unsigned int
__UINT8_C(c) c
__UINT8_MAX__ 0xff
__UINT8_TYPE__ unsigned char
__UINT_FAST8_MAX__ 0xff
__UINT_FAST8_TYPE__ unsigned char
__UINT_LEAST16_MAX__ 0xffff
__UINT_LEAST16_TYPE__ short unsigned int
__UINT_LEAST32_MAX__ 0xffffffffU
__UINT_LEAST32_TYPE__ unsigned int
__UINT_LEAST8_MAX__ 0xff
__UINT_LEAST8_TYPE__ unsigned char
__USER_LABEL_PREFIX__
__VERSION__ "12.2.0"
__WCHAR_WIDTH__ 32
__WINT_MAX__ 0xffffffffU
__WINT_MIN__ 0U
__WINT_TYPE__ unsigned int
__WINT_WIDTH__ 32
__gnu_linux__ 1
__linux 1
__linux__ 1
__unix 1
__unix__ 1
"""

# The three x86 targets.
X86 = """\
__ATOMIC_HLE_ACQUIRE 65536
__ATOMIC_HLE_RELEASE 131072
__DEC128_EPSILON__ 1E-33DL
__DEC128_MANT_DIG__ 34
__DEC128_MAX_EXP__ 6145
__DEC128_MAX__ 9.999999999999999999999999999999999E6144DL
__DEC128_MIN_EXP__ (-6142)
__DEC128_MIN__ 1E-6143DL
__DEC128_SUBNORMAL_MIN__ 0.000000000000000000000000000000001E-6143DL
__DEC32_EPSILON__ 1E-6DF
__DEC32_MANT_DIG__ 7
__DEC32_MAX_EXP__ 97
__DEC32_MAX__ 9.999999E96DF
__DEC32_MIN_EXP__ (-94)
__DEC32_MIN__ 1E-95DF
__DEC32_SUBNORMAL_MIN__ 0.000001E-95DF
__DEC64_EPSILON__ 1E-15DD
__DEC64_MANT_DIG__ 16
__DEC64_MAX_EXP__ 385
__DEC64_MAX__ 9.999999999999999E384DD
__DEC64_MIN_EXP__ (-382)
__DEC64_MIN__ 1E-383DD
__DEC64_SUBNORMAL_MIN__ 0.000000000000001E-383DD
__DECIMAL_BID_FORMAT__ 1
__DECIMAL_DIG__ 21
__FLT64X_DECIMAL_DIG__ 21
__FLT64X_DENORM_MIN__ 3.64519953188247460252840593361941982e-4951F64x
__FLT64X_DIG__ 18
__FLT64X_EPSILON__ 1.08420217248550443400745280086994171e-19F64x
__FLT64X_MANT_DIG__ 64
__FLT64X_MAX__ 1.18973149535723176502126385303097021e+4932F64x
__FLT64X_NORM_MAX__ 1.18973149535723176502126385303097021e+4932F64x
__GCC_ASM_FLAG_OUTPUTS__ 1
__GCC_ATOMIC_BOOL_LOCK_FREE 2
__GCC_ATOMIC_CHAR16_T_LOCK_FREE 2
__GCC_ATOMIC_CHAR_LOCK_FREE 2
__GCC_ATOMIC_SHORT_LOCK_FREE 2
__GCC_CONSTRUCTIVE_SIZE 64
__GCC_DESTRUCTIVE_SIZE 64
__GCC_HAVE_DWARF2_CFI_ASM 1
__GCC_HAVE_SYNC_COMPARE_AND_SWAP_1 1
__GCC_HAVE_SYNC_COMPARE_AND_SWAP_2 1
__HAVE_SPECULATION_SAFE_VALUE 1
__LDBL_DECIMAL_DIG__ 21
__LDBL_DENORM_MIN__ 3.64519953188247460252840593361941982e-4951L
__LDBL_DIG__ 18
__LDBL_EPSILON__ 1.08420217248550443400745280086994171e-19L
__LDBL_MANT_DIG__ 64
__LDBL_MAX__ 1.18973149535723176502126385303097021e+4932L
__LDBL_NORM_MAX__ 1.18973149535723176502126385303097021e+4932L
__SEG_FS 1
__SEG_GS 1
__SIZEOF_FLOAT128__ 16
__WCHAR_MIN__ (-__WCHAR_MAX__ - 1)
"""

# The LP64 Linux targets: x86-64, AArch64, RISC-V 64.
LP64 = """\
_LP64 1
__FLT_EVAL_METHOD_TS_18661_3__ 0
__FLT_EVAL_METHOD__ 0
__INT64_C(c) c ## L
__INT64_MAX__ 0x7fffffffffffffffL
__INT64_TYPE__ long int
__INTMAX_C(c) c ## L
__INTMAX_MAX__ 0x7fffffffffffffffL
__INTMAX_TYPE__ long int
__INTPTR_MAX__ 0x7fffffffffffffffL
__INTPTR_TYPE__ long int
__INTPTR_WIDTH__ 64
__INT_FAST16_MAX__ 0x7fffffffffffffffL
__INT_FAST16_TYPE__ long int
__INT_FAST16_WIDTH__ 64
__INT_FAST32_MAX__ 0x7fffffffffffffffL
__INT_FAST32_TYPE__ long int
__INT_FAST32_WIDTH__ 64
__INT_FAST64_MAX__ 0x7fffffffffffffffL
__INT_FAST64_TYPE__ long int
__INT_LEAST64_MAX__ 0x7fffffffffffffffL
__INT_LEAST64_TYPE__ long int
__LONG_MAX__ 0x7fffffffffffffffL
__LONG_WIDTH__ 64
__LP64__ 1
__PTRDIFF_MAX__ 0x7fffffffffffffffL
__PTRDIFF_TYPE__ long int
__PTRDIFF_WIDTH__ 64
__SIZEOF_INT128__ 16
__SIZEOF_LONG_DOUBLE__ 16
__SIZEOF_LONG__ 8
__SIZEOF_POINTER__ 8
__SIZEOF_PTRDIFF_T__ 8
__SIZEOF_SIZE_T__ 8
__SIZE_MAX__ 0xffffffffffffffffUL
__SIZE_TYPE__ long unsigned int
__SIZE_WIDTH__ 64
__UINT64_C(c) c ## UL
__UINT64_MAX__ 0xffffffffffffffffUL
__UINT64_TYPE__ long unsigned int
__UINTMAX_C(c) c ## UL
__UINTMAX_MAX__ 0xffffffffffffffffUL
__UINTMAX_TYPE__ long unsigned int
__UINTPTR_MAX__ 0xffffffffffffffffUL
__UINTPTR_TYPE__ long unsigned int
__UINT_FAST16_MAX__ 0xffffffffffffffffUL
__UINT_FAST16_TYPE__ long unsigned int
__UINT_FAST32_MAX__ 0xffffffffffffffffUL
__UINT_FAST32_TYPE__ long unsigned int
__UINT_FAST64_MAX__ 0xffffffffffffffffUL
__UINT_FAST64_TYPE__ long unsigned int
__UINT_LEAST64_MAX__ 0xffffffffffffffffUL
__UINT_LEAST64_TYPE__ long unsigned int
"""

# The ILP32 targets: i386 and x86-16.
ILP32 = """\
_ILP32 1
__FLT_EVAL_METHOD_TS_18661_3__ 2
__FLT_EVAL_METHOD__ 2
__ILP32__ 1
__INT64_C(c) c ## LL
__INT64_MAX__ 0x7fffffffffffffffLL
__INT64_TYPE__ long long int
__INTMAX_C(c) c ## LL
__INTMAX_MAX__ 0x7fffffffffffffffLL
__INTMAX_TYPE__ long long int
__INTPTR_MAX__ 0x7fffffff
__INTPTR_TYPE__ int
__INTPTR_WIDTH__ 32
__INT_FAST16_MAX__ 0x7fffffff
__INT_FAST16_TYPE__ int
__INT_FAST16_WIDTH__ 32
__INT_FAST32_MAX__ 0x7fffffff
__INT_FAST32_TYPE__ int
__INT_FAST32_WIDTH__ 32
__INT_FAST64_MAX__ 0x7fffffffffffffffLL
__INT_FAST64_TYPE__ long long int
__INT_LEAST64_MAX__ 0x7fffffffffffffffLL
__INT_LEAST64_TYPE__ long long int
__LAHF_SAHF__ 1
__LONG_MAX__ 0x7fffffffL
__LONG_WIDTH__ 32
__PTRDIFF_MAX__ 0x7fffffff
__PTRDIFF_TYPE__ int
__PTRDIFF_WIDTH__ 32
__SIZEOF_FLOAT80__ 12
__SIZEOF_LONG_DOUBLE__ 12
__SIZEOF_LONG__ 4
__SIZEOF_POINTER__ 4
__SIZEOF_PTRDIFF_T__ 4
__SIZEOF_SIZE_T__ 4
__SIZE_MAX__ 0xffffffffU
__SIZE_TYPE__ unsigned int
__SIZE_WIDTH__ 32
__UINT64_C(c) c ## ULL
__UINT64_MAX__ 0xffffffffffffffffULL
__UINT64_TYPE__ long long unsigned int
__UINTMAX_C(c) c ## ULL
__UINTMAX_MAX__ 0xffffffffffffffffULL
__UINTMAX_TYPE__ long long unsigned int
__UINTPTR_MAX__ 0xffffffffU
__UINTPTR_TYPE__ unsigned int
__UINT_FAST16_MAX__ 0xffffffffU
__UINT_FAST16_TYPE__ unsigned int
__UINT_FAST32_MAX__ 0xffffffffU
__UINT_FAST32_TYPE__ unsigned int
__UINT_FAST64_MAX__ 0xffffffffffffffffULL
__UINT_FAST64_TYPE__ long long unsigned int
__UINT_LEAST64_MAX__ 0xffffffffffffffffULL
__UINT_LEAST64_TYPE__ long long unsigned int
__WCHAR_MAX__ 0x7fffffffL
__WCHAR_TYPE__ long int
__code_model_32__ 1
__i386 1
__i386__ 1
"""

# _Float16: x86-64 (SSE2), x86-16 (gcc -m16 keeps SSE2) and AArch64.
FLT16 = """\
__FLT16_DECIMAL_DIG__ 5
__FLT16_DENORM_MIN__ 5.96046447753906250000000000000000000e-8F16
__FLT16_DIG__ 3
__FLT16_EPSILON__ 9.76562500000000000000000000000000000e-4F16
__FLT16_HAS_DENORM__ 1
__FLT16_HAS_INFINITY__ 1
__FLT16_HAS_QUIET_NAN__ 1
__FLT16_IS_IEC_60559__ 2
__FLT16_MANT_DIG__ 11
__FLT16_MAX_10_EXP__ 4
__FLT16_MAX_EXP__ 16
__FLT16_MAX__ 6.55040000000000000000000000000000000e+4F16
__FLT16_MIN_10_EXP__ (-4)
__FLT16_MIN_EXP__ (-13)
__FLT16_MIN__ 6.10351562500000000000000000000000000e-5F16
__FLT16_NORM_MAX__ 6.55040000000000000000000000000000000e+4F16
"""

# x86-64 alone (gcc).
X86_64 = """\
__FXSR__ 1
__MMX_WITH_SSE__ 1
__MMX__ 1
__SIZEOF_FLOAT80__ 16
__SSE2_MATH__ 1
__SSE2__ 1
__SSE_MATH__ 1
__SSE__ 1
__WCHAR_MAX__ 0x7fffffff
__WCHAR_TYPE__ int
__amd64 1
__amd64__ 1
__code_model_small__ 1
__k8 1
__k8__ 1
__x86_64 1
__x86_64__ 1
"""

# i386 alone (i686-linux-gnu-gcc).
I386 = """\
__i686 1
__i686__ 1
__pentiumpro 1
__pentiumpro__ 1
"""

# x86-16 alone (gcc -m16).
X86_16 = """\
__FXSR__ 1
__MMX__ 1
__SSE2__ 1
__SSE__ 1
__k8 1
__k8__ 1
"""

# AArch64 alone (aarch64-linux-gnu-gcc: armv8-a, LP64); the code-model macro
# depends on -fpic.
AARCH64 = """\
__AARCH64EL__ 1
__ARM_64BIT_STATE 1
__ARM_ALIGN_MAX_PWR 28
__ARM_ALIGN_MAX_STACK_PWR 16
__ARM_ARCH 8
__ARM_ARCH_8A 1
__ARM_ARCH_ISA_A64 1
__ARM_ARCH_PROFILE 65
__ARM_FEATURE_CLZ 1
__ARM_FEATURE_FMA 1
__ARM_FEATURE_IDIV 1
__ARM_FEATURE_NUMERIC_MAXMIN 1
__ARM_FEATURE_UNALIGNED 1
__ARM_FP 14
__ARM_FP16_ARGS 1
__ARM_FP16_FORMAT_IEEE 1
__ARM_NEON 1
__ARM_PCS_AAPCS64 1
__ARM_SIZEOF_MINIMAL_ENUM 4
__ARM_SIZEOF_WCHAR_T 4
__DECIMAL_DIG__ 36
__FLT64X_DECIMAL_DIG__ 36
__FLT64X_DENORM_MIN__ 6.47517511943802511092443895822764655e-4966F64x
__FLT64X_DIG__ 33
__FLT64X_EPSILON__ 1.92592994438723585305597794258492732e-34F64x
__FLT64X_MANT_DIG__ 113
__FLT64X_MAX__ 1.18973149535723176508575932662800702e+4932F64x
__FLT64X_NORM_MAX__ 1.18973149535723176508575932662800702e+4932F64x
__FLT_EVAL_METHOD_C99__ 0
__FP_FAST_FMA 1
__FP_FAST_FMAF 1
__FP_FAST_FMAF32 1
__FP_FAST_FMAF32x 1
__FP_FAST_FMAF64 1
__GCC_ASM_FLAG_OUTPUTS__ 1
__GCC_ATOMIC_BOOL_LOCK_FREE 2
__GCC_ATOMIC_CHAR16_T_LOCK_FREE 2
__GCC_ATOMIC_CHAR_LOCK_FREE 2
__GCC_ATOMIC_SHORT_LOCK_FREE 2
__GCC_CONSTRUCTIVE_SIZE 64
__GCC_DESTRUCTIVE_SIZE 256
__GCC_HAVE_DWARF2_CFI_ASM 1
__GCC_HAVE_SYNC_COMPARE_AND_SWAP_1 1
__GCC_HAVE_SYNC_COMPARE_AND_SWAP_16 1
__GCC_HAVE_SYNC_COMPARE_AND_SWAP_2 1
__HAVE_SPECULATION_SAFE_VALUE 1
__LDBL_DECIMAL_DIG__ 36
__LDBL_DENORM_MIN__ 6.47517511943802511092443895822764655e-4966L
__LDBL_DIG__ 33
__LDBL_EPSILON__ 1.92592994438723585305597794258492732e-34L
__LDBL_MANT_DIG__ 113
__LDBL_MAX__ 1.18973149535723176508575932662800702e+4932L
__LDBL_NORM_MAX__ 1.18973149535723176508575932662800702e+4932L
__WCHAR_MAX__ 0xffffffffU
__WCHAR_MIN__ 0U
__WCHAR_TYPE__ unsigned int
__aarch64__ 1
"""

# RISC-V 64 alone (riscv64-linux-gnu-gcc: rv64gc, lp64d); the code-model macros depend on -fpic.
RISCV64 = """\
__DECIMAL_DIG__ 36
__FLT64X_DECIMAL_DIG__ 36
__FLT64X_DENORM_MIN__ 6.47517511943802511092443895822764655e-4966F64x
__FLT64X_DIG__ 33
__FLT64X_EPSILON__ 1.92592994438723585305597794258492732e-34F64x
__FLT64X_MANT_DIG__ 113
__FLT64X_MAX__ 1.18973149535723176508575932662800702e+4932F64x
__FLT64X_NORM_MAX__ 1.18973149535723176508575932662800702e+4932F64x
__FP_FAST_FMA 1
__FP_FAST_FMAF 1
__FP_FAST_FMAF32 1
__FP_FAST_FMAF32x 1
__FP_FAST_FMAF64 1
__GCC_ATOMIC_BOOL_LOCK_FREE 1
__GCC_ATOMIC_CHAR16_T_LOCK_FREE 1
__GCC_ATOMIC_CHAR_LOCK_FREE 1
__GCC_ATOMIC_SHORT_LOCK_FREE 1
__LDBL_DECIMAL_DIG__ 36
__LDBL_DENORM_MIN__ 6.47517511943802511092443895822764655e-4966L
__LDBL_DIG__ 33
__LDBL_EPSILON__ 1.92592994438723585305597794258492732e-34L
__LDBL_MANT_DIG__ 113
__LDBL_MAX__ 1.18973149535723176508575932662800702e+4932L
__LDBL_NORM_MAX__ 1.18973149535723176508575932662800702e+4932L
__WCHAR_MAX__ 0x7fffffff
__WCHAR_MIN__ (-__WCHAR_MAX__ - 1)
__WCHAR_TYPE__ int
__riscv 1
__riscv_a 2001000
__riscv_arch_test 1
__riscv_atomic 1
__riscv_c 2000000
__riscv_compressed 1
__riscv_d 2002000
__riscv_div 1
__riscv_f 2002000
__riscv_fdiv 1
__riscv_flen 64
__riscv_float_abi_double 1
__riscv_fsqrt 1
__riscv_i 2001000
__riscv_m 2000000
__riscv_mul 1
__riscv_muldiv 1
__riscv_xlen 64
__riscv_zicsr 2000000
__riscv_zifencei 2000000
"""

_BY_TARGET = {
    "x86_64-linux-gnu": (COMMON, X86, LP64, FLT16, X86_64),
    "i386-linux-gnu": (COMMON, X86, ILP32, I386),
    "i386-none-code16": (COMMON, X86, ILP32, FLT16, X86_16),
    "aarch64-linux-gnu": (COMMON, LP64, FLT16, AARCH64),
    "riscv64-linux-gnu": (COMMON, LP64, RISCV64),
}

# -std= spelling -> (__STDC_VERSION__ or None, strict ISO mode)
STD_VERSIONS: dict[str, tuple[str | None, bool]] = {
    "c89": (None, True), "c90": (None, True), "iso9899:1990": (None, True),
    "iso9899:199409": ("199409L", True), "ansi": (None, True),
    "c99": ("199901L", True), "c9x": ("199901L", True), "iso9899:1999": ("199901L", True),
    "c11": ("201112L", True), "c1x": ("201112L", True), "iso9899:2011": ("201112L", True),
    "c17": ("201710L", True), "c18": ("201710L", True), "iso9899:2017": ("201710L", True),
    "iso9899:2018": ("201710L", True), "c2x": ("202000L", True),
    "gnu89": (None, False), "gnu90": (None, False),
    "gnu99": ("199901L", False), "gnu9x": ("199901L", False),
    "gnu11": ("201112L", False), "gnu1x": ("201112L", False),
    "gnu17": ("201710L", False), "gnu18": ("201710L", False), "gnu2x": ("202000L", False),
}
DEFAULT_STD = "gnu17"


@dataclass(frozen=True)
class PredefineOptions:
    """The options that change the predefined set."""

    std: str = DEFAULT_STD
    optimize: int = 0                   # the -O level (1 for -Os/-Oz/-Og too)
    optimize_size: bool = False         # -Os / -Oz
    pic: int = 2                        # 0 for -fno-pic/-fno-pie; Debian's gcc defaults to -fPIE
    pie: int = 2
    unsigned_char: bool | None = None   # -funsigned-char / -fsigned-char
    hosted: bool = True                 # False for -ffreestanding


def _parse_block(block: str) -> list[tuple[str, str]]:
    result = []
    for line in block.splitlines():
        if not line:
            continue
        if "(" in line.split(" ", 1)[0]:          # NAME(params) body
            close = line.index(")")
            result.append((line[:close + 1], line[close + 2:]))
        else:
            name, _, value = line.partition(" ")
            result.append((name, value))
    return result


def predefined_macros(target: Target, options: PredefineOptions) -> list[tuple[str, str]]:
    """(name, replacement) pairs for ``target``, in ``-D`` form: ``NAME(a)`` for
    function-like macros.  Later pairs override earlier ones."""
    version, strict = STD_VERSIONS.get(options.std, STD_VERSIONS[DEFAULT_STD])
    macros = [row for block in _BY_TARGET[target.name] for row in _parse_block(block)]
    macros.append(("__STDC__", "1"))
    macros.append(("__STDC_HOSTED__", "1" if options.hosted else "0"))
    if version is not None:
        macros.append(("__STDC_VERSION__", version))
        if not strict or int(version.rstrip("L")) >= 201112:    # u"" and U"" literals
            macros.append(("__STDC_UTF_16__", "1"))
            macros.append(("__STDC_UTF_32__", "1"))
        macros.append(("__GNUC_STDC_INLINE__", "1"))
    else:
        macros.append(("__GNUC_GNU_INLINE__", "1"))
    if strict:
        macros.append(("__STRICT_ANSI__", "1"))
    else:                               # the names outside the reserved space
        macros.append(("linux", "1"))
        macros.append(("unix", "1"))
        if target.isa == "x86" and target.elf_class == 32:
            macros.append(("i386", "1"))
    if options.optimize:
        macros.append(("__OPTIMIZE__", "1"))
        if options.optimize_size:
            macros.append(("__OPTIMIZE_SIZE__", "1"))
    else:
        macros.append(("__NO_INLINE__", "1"))
    if options.pic:
        macros += [("__pic__", str(options.pic)), ("__PIC__", str(options.pic))]
    if options.pie:
        macros += [("__pie__", str(options.pie)), ("__PIE__", str(options.pie))]
    if target.isa == "aarch64" and options.pic != 1:   # -fpic/-fpie: "small PIC"
        macros.append(("__AARCH64_CMODEL_SMALL__", "1"))
    if target.isa == "riscv":           # -fpic selects GCC's "pic" code model
        models = ("pic", "medany") if options.pic else ("medlow",)
        macros += [(f"__riscv_cmodel_{model}", "1") for model in models]
    unsigned = (not target.data_model.char_is_signed if options.unsigned_char is None
                else options.unsigned_char)
    if unsigned:
        macros.append(("__CHAR_UNSIGNED__", "1"))
    return macros
