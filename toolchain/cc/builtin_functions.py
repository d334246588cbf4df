"""GCC's built-in functions (``__builtin_*``, ``__sync_*``, ``__atomic_*``) as
glibc's headers and real code use them.

Most are ordinary functions with a fixed prototype, declared the first time
their name is looked up; the prototypes are written below as short
signatures ("return: parameters").  The type-generic ones (atomics, overflow
checks, classification, ``__builtin_constant_p``...) are typed from their
arguments by :meth:`BuiltinChecker.generic_builtin_call`.
``__builtin_va_arg``, ``__builtin_offsetof``, ``__builtin_types_compatible_p``
and ``__builtin_choose_expr`` take type names, so the parser handles them as
keywords (expressions.py).
"""

from __future__ import annotations

from . import ast
from .ctypes import (CONST, CType, FloatType, FunctionType, Parameter, PointerType, type_name)
from .sema_const import evaluate

# Codes of the signature mini-language.
_CODES = ("v", "i", "u", "l", "ul", "ll", "ull", "sz", "ssz", "p", "cp", "s", "cs", "d", "f", "ld",
          "b", "c", "u16", "u32", "u64", "i128", "vl", "fl128", "wi", "pp", "cf", "cd", "cld")

# name -> "result: parameters" (parameters comma separated, '...' for variadic).
SIGNATURES = {
    "alloca": "p: sz", "alloca_with_align": "p: sz, sz", "memcpy": "p: p, cp, sz",
    "memmove": "p: p, cp, sz", "memset": "p: p, i, sz", "memcmp": "i: cp, cp, sz",
    "memchr": "p: cp, i, sz", "mempcpy": "p: p, cp, sz",
    "strlen": "sz: cs", "strcpy": "s: s, cs", "strncpy": "s: s, cs, sz", "strcmp": "i: cs, cs",
    "strncmp": "i: cs, cs, sz", "strcat": "s: s, cs", "strncat": "s: s, cs, sz", "strchr": "s: cs, i",
    "strrchr": "s: cs, i", "strstr": "s: cs, cs", "strdup": "s: cs", "strndup": "s: cs, sz",
    "stpcpy": "s: s, cs", "strpbrk": "s: cs, cs", "strspn": "sz: cs, cs", "strcspn": "sz: cs, cs",
    "bzero": "v: p, sz", "bcmp": "i: cp, cp, sz", "index": "s: cs, i", "rindex": "s: cs, i",
    "printf": "i: cs, ...", "sprintf": "i: s, cs, ...", "snprintf": "i: s, sz, cs, ...",
    "fprintf": "i: p, cs, ...", "vprintf": "i: cs, vl", "vsprintf": "i: s, cs, vl",
    "vsnprintf": "i: s, sz, cs, vl", "vfprintf": "i: p, cs, vl", "puts": "i: cs", "putchar": "i: i",
    "fputs": "i: cs, p", "fputc": "i: i, p", "fwrite": "sz: cp, sz, sz, p", "scanf": "i: cs, ...",
    "sscanf": "i: cs, cs, ...", "fscanf": "i: p, cs, ...",
    "malloc": "p: sz", "calloc": "p: sz, sz", "realloc": "p: p, sz", "free": "v: p",
    "abort": "v: ", "exit": "v: i", "_exit": "v: i", "_Exit": "v: i", "abs": "i: i", "labs": "l: l",
    "llabs": "ll: ll", "imaxabs": "l: l",
    "fabs": "d: d", "fabsf": "f: f", "fabsl": "ld: ld", "sqrt": "d: d", "sqrtf": "f: f", "sqrtl": "ld: ld",
    "sin": "d: d", "cos": "d: d", "tan": "d: d", "exp": "d: d", "log": "d: d", "log2": "d: d",
    "log10": "d: d", "pow": "d: d, d", "powf": "f: f, f", "powl": "ld: ld, ld", "floor": "d: d",
    "floorf": "f: f", "floorl": "ld: ld", "ceil": "d: d", "ceilf": "f: f", "ceill": "ld: ld",
    "round": "d: d", "roundf": "f: f", "roundl": "ld: ld", "trunc": "d: d", "truncf": "f: f",
    "truncl": "ld: ld", "fmod": "d: d, d", "fmodf": "f: f, f", "fmodl": "ld: ld, ld",
    "copysign": "d: d, d", "copysignf": "f: f, f", "copysignl": "ld: ld, ld",
    "fmin": "d: d, d", "fmax": "d: d, d", "fminf": "f: f, f", "fmaxf": "f: f, f",
    "ldexp": "d: d, i", "frexp": "d: d, p", "modf": "d: d, p", "scalbn": "d: d, i",
    "lrint": "l: d", "llrint": "ll: d", "lround": "l: d", "llround": "ll: d", "rint": "d: d",
    "nearbyint": "d: d", "cabs": "d: cd", "cabsf": "f: cf", "cabsl": "ld: cld",
    "creal": "d: cd", "crealf": "f: cf", "creall": "ld: cld", "cimag": "d: cd", "cimagf": "f: cf",
    "cimagl": "ld: cld", "conj": "cd: cd", "conjf": "cf: cf", "conjl": "cld: cld",
    "huge_val": "d: ", "huge_valf": "f: ", "huge_vall": "ld: ", "inf": "d: ", "inff": "f: ",
    "infl": "ld: ", "nan": "d: cs", "nanf": "f: cs", "nanl": "ld: cs", "nans": "d: cs",
    "nansf": "f: cs", "nansl": "ld: cs", "inff128": "fl128: ", "huge_valf128": "fl128: ",
    "nanf128": "fl128: cs", "fabsf128": "fl128: fl128", "copysignf128": "fl128: fl128, fl128",
    "bswap16": "u16: u16", "bswap32": "u32: u32", "bswap64": "u64: u64", "bswap128": "i128: i128",
    "clz": "i: u", "clzl": "i: ul", "clzll": "i: ull", "ctz": "i: u", "ctzl": "i: ul",
    "ctzll": "i: ull", "popcount": "i: u", "popcountl": "i: ul", "popcountll": "i: ull",
    "parity": "i: u", "parityl": "i: ul", "parityll": "i: ull", "ffs": "i: i", "ffsl": "i: l",
    "ffsll": "i: ll", "clrsb": "i: i", "clrsbl": "i: l", "clrsbll": "i: ll",
    "expect": "l: l, l", "expect_with_probability": "l: l, l, d", "trap": "v: ",
    "unreachable": "v: ", "return_address": "p: u", "frame_address": "p: u",
    "extract_return_addr": "p: p", "frob_return_addr": "p: p", "apply_args": "p: ",
    "setjmp": "i: p", "longjmp": "v: p, i", "unwind_init": "v: ", "dwarf_cfa": "p: ",
    "eh_return_data_regno": "i: i", "aggregate_incoming_address": "p: ", "saveregs": "p: ",
    "next_arg": "p: ", "args_info": "i: i", "stack_save": "p: ", "stack_restore": "v: p",
    "clear_cache": "v: p, p", "__clear_cache": "v: p, p", "cpu_init": "v: ",
    "cpu_supports": "i: cs", "cpu_is": "i: cs", "ia32_pause": "v: ",
    "va_end": "v: vl", "va_copy": "v: vl, vl", "unwind_resume": "v: p",
    "isalnum": "i: i", "isalpha": "i: i", "isdigit": "i: i", "isspace": "i: i", "isupper": "i: i",
    "islower": "i: i", "isxdigit": "i: i", "isprint": "i: i", "toupper": "i: i", "tolower": "i: i",
    "FILE": "i: ", "LINE": "i: ", "FUNCTION": "cs: ",
    "strcasecmp": "i: cs, cs", "strncasecmp": "i: cs, cs, sz", "atoi": "i: cs", "atol": "l: cs",
    "strtol": "l: cs, pp, i", "strtoul": "ul: cs, pp, i", "qsort": "v: p, sz, sz, p",
    "fma": "d: d, d, d", "fmaf": "f: f, f, f", "signbitf": "i: f", "isinff": "i: f",
    "isnanf": "i: f", "finite": "i: d", "ilogb": "i: d", "logb": "d: d", "cbrt": "d: d",
    "hypot": "d: d, d", "atan2": "d: d, d", "atan": "d: d", "asin": "d: d", "acos": "d: d",
    "sinh": "d: d", "cosh": "d: d", "tanh": "d: d", "expm1": "d: d", "log1p": "d: d",
    "exp2": "d: d", "nextafter": "d: d, d", "remainder": "d: d, d", "fdim": "d: d, d",
    "ia32_rdtsc": "ull: ", "thread_pointer": "p: ", "assume": "v: i",
}

# SIGNATURES names that are built-ins only, not C library functions: an implicit
# declaration of any other name above takes the library function's prototype, as with gcc
# ("incompatible implicit declaration of built-in function 'malloc'").
NOT_LIBRARY = frozenset({
    "alloca_with_align", "bswap16", "bswap32", "bswap64", "bswap128", "clz", "clzl", "clzll",
    "ctz", "ctzl", "ctzll", "popcount", "popcountl", "popcountll", "parity", "parityl",
    "parityll", "clrsb", "clrsbl", "clrsbll", "expect", "expect_with_probability", "trap",
    "unreachable", "return_address", "frame_address", "extract_return_addr",
    "frob_return_addr", "apply_args", "setjmp", "longjmp", "unwind_init", "dwarf_cfa",
    "eh_return_data_regno", "aggregate_incoming_address", "saveregs", "next_arg", "args_info",
    "stack_save", "stack_restore", "clear_cache", "__clear_cache", "cpu_init", "cpu_supports",
    "cpu_is", "ia32_pause", "va_end", "va_copy", "unwind_resume", "FILE", "LINE", "FUNCTION",
    "huge_val", "huge_valf", "huge_vall", "inf", "inff", "infl", "nans", "nansf", "nansl",
    "inff128", "huge_valf128", "nanf128", "fabsf128", "copysignf128", "ia32_rdtsc",
    "thread_pointer", "assume", "alloca",
})


def library_builtin(name: str) -> bool:
    """Whether ``name`` is a C library function gcc knows as a built-in."""
    return name in SIGNATURES and name not in NOT_LIBRARY


# Type-generic built-ins: the result type rule, by name.
GENERIC = {
    "constant_p": "int", "classify_type": "int", "object_size": "size", "dynamic_object_size": "size",
    "va_start": "void", "va_arg_pack": "int", "va_arg_pack_len": "int", "prefetch": "void",
    "add_overflow": "bool", "sub_overflow": "bool", "mul_overflow": "bool",
    "add_overflow_p": "bool", "sub_overflow_p": "bool", "mul_overflow_p": "bool",
    "sadd_overflow": "bool", "saddl_overflow": "bool", "saddll_overflow": "bool",
    "uadd_overflow": "bool", "uaddl_overflow": "bool", "uaddll_overflow": "bool",
    "ssub_overflow": "bool", "ssubl_overflow": "bool", "ssubll_overflow": "bool",
    "usub_overflow": "bool", "usubl_overflow": "bool", "usubll_overflow": "bool",
    "smul_overflow": "bool", "smull_overflow": "bool", "smulll_overflow": "bool",
    "umul_overflow": "bool", "umull_overflow": "bool", "umulll_overflow": "bool",
    "isnan": "int", "isinf": "int", "isfinite": "int", "isnormal": "int", "signbit": "int",
    "isinf_sign": "int", "fpclassify": "int", "isgreater": "int", "isgreaterequal": "int",
    "isless": "int", "islessequal": "int", "islessgreater": "int", "isunordered": "int",
    "iseqsig": "int", "issignaling": "int",
    "complex": "complex", "assume_aligned": "voidptr", "speculation_safe_value": "first",
    "launder": "first", "shuffle": "first", "convertvector": "first", "tgmath": "first",
    "call_with_static_chain": "first", "has_attribute": "int", "is_constant_evaluated": "int",
    "alloca_with_align_and_max": "voidptr", "clear_padding": "void", "bit_cast": "first",
    "memcpy_chk": "voidptr", "memset_chk": "voidptr", "memmove_chk": "voidptr",
    "strcpy_chk": "voidptr", "sprintf_chk": "int", "snprintf_chk": "int",
    "vsprintf_chk": "int", "vsnprintf_chk": "int", "printf_chk": "int", "fprintf_chk": "int",
    "___printf_chk": "int", "stpcpy_chk": "voidptr", "strcat_chk": "voidptr",
    "strncpy_chk": "voidptr", "strncat_chk": "voidptr", "mempcpy_chk": "voidptr",
}

SYNC = {
    "fetch_and_add": "target", "fetch_and_sub": "target", "fetch_and_or": "target",
    "fetch_and_and": "target", "fetch_and_xor": "target", "fetch_and_nand": "target",
    "add_and_fetch": "target", "sub_and_fetch": "target", "or_and_fetch": "target",
    "and_and_fetch": "target", "xor_and_fetch": "target", "nand_and_fetch": "target",
    "bool_compare_and_swap": "bool", "val_compare_and_swap": "target",
    "lock_test_and_set": "target", "lock_release": "void", "synchronize": "void",
}

ATOMIC = {
    "load_n": "target", "load": "void", "store_n": "void", "store": "void", "exchange_n": "target",
    "exchange": "void", "compare_exchange_n": "bool", "compare_exchange": "bool",
    "add_fetch": "target", "sub_fetch": "target", "and_fetch": "target", "xor_fetch": "target",
    "or_fetch": "target", "nand_fetch": "target", "fetch_add": "target", "fetch_sub": "target",
    "fetch_and": "target", "fetch_xor": "target", "fetch_or": "target", "fetch_nand": "target",
    "test_and_set": "bool", "clear": "void", "thread_fence": "void", "signal_fence": "void",
    "always_lock_free": "bool", "is_lock_free": "bool",
}


class BuiltinChecker:
    """Declaring and typing built-ins (mixin of Parser)."""

    def code_type(self, code: str) -> CType:
        t = self.types
        table = {
            "v": t.void, "i": t.int, "u": t.uint, "l": t.long, "ul": t.ulong, "ll": t.llong,
            "ull": t.ullong, "sz": t.size_t, "ssz": t.ptrdiff_t, "p": t.pointer(t.void),
            "cp": t.pointer(t.void.qualified(CONST)), "s": t.pointer(t.char),
            "cs": t.pointer(t.char.qualified(CONST)), "d": t.double, "f": t.float,
            "ld": t.long_double, "b": t.bool_, "c": t.char, "u16": t.ushort, "u32": t.uint,
            "u64": t.integer_of_size(8, False), "i128": t.int128, "fl128": t.float128,
            "vl": t.va_list if not t.va_list.decays else t.pointer(t.void),
            "pp": t.pointer(t.pointer(t.char)),
            "cf": t.complex(t.float), "cd": t.complex(t.double), "cld": t.complex(t.long_double),
        }
        return table[code]

    def builtin_symbol(self, name: str) -> ast.Symbol | None:
        """Declare the built-in ``name`` in file scope on first use (None if not one)."""
        kind = None
        if name.startswith("__builtin_"):
            base = name[len("__builtin_"):]
            if base in SIGNATURES:
                kind = SIGNATURES[base]
            elif base in GENERIC:
                kind = "generic"
        elif name.startswith("__sync_"):
            base = name[len("__sync_"):]
            base = base.rstrip("0123456789").rstrip("_") if base[-1].isdigit() else base
            if base in SYNC:
                kind = "generic"
        elif name.startswith("__atomic_"):
            base = name[len("__atomic_"):]
            base = base.rstrip("0123456789").rstrip("_") if base[-1].isdigit() else base
            if base in ATOMIC:
                kind = "generic"
        if kind is None:
            return None
        location = self.token().location
        if kind == "generic":
            t = FunctionType(result=self.types.int, parameters=(), variadic=True, prototyped=False)
            symbol = ast.Symbol(name, "function", t, location, linkage="external", is_builtin=True,
                                attributes={"generic": True})
        else:
            result, _, params = kind.partition(":")
            codes = [c.strip() for c in params.split(",") if c.strip()]
            variadic = "..." in codes
            codes = [c for c in codes if c != "..."]
            t = FunctionType(result=self.code_type(result.strip()),
                             parameters=tuple(Parameter(None, self.code_type(c)) for c in codes),
                             variadic=variadic, prototyped=True,
                             noreturn=name in ("__builtin_abort", "__builtin_exit", "__builtin_trap",
                                               "__builtin_unreachable", "__builtin_longjmp",
                                               "__builtin__exit", "__builtin__Exit"))
            symbol = ast.Symbol(name, "function", t, location, linkage="external", is_builtin=True)
        self.scope.file_scope().declare(name, symbol)       # only asked when nothing declares it
        return symbol

    def builtin_primary(self, token) -> ast.Expression | None:
        return None

    def generic_builtin_call(self, symbol: ast.Symbol, arguments: list, token) -> ast.Expression:
        name = symbol.name
        t = self.types
        if name.startswith("__builtin_"):
            rule = GENERIC.get(name[len("__builtin_"):], "int")
        elif name.startswith("__sync_"):
            base = name[len("__sync_"):]
            base = base.rstrip("0123456789").rstrip("_") if base[-1].isdigit() else base
            rule = SYNC.get(base, "int")
        else:
            base = name[len("__atomic_"):]
            base = base.rstrip("0123456789").rstrip("_") if base[-1].isdigit() else base
            rule = ATOMIC.get(base, "int")
        value = None
        if name == "__builtin_constant_p":
            if len(arguments) != 1:
                self.error(f"wrong number of arguments to function '{name}'", token)
            else:
                folded = evaluate(arguments[0], t)
                value = 1 if folded is not None or isinstance(arguments[0], ast.StringLiteral) else 0
            converted = arguments
        elif name == "__builtin_va_start":
            converted = arguments
        else:
            converted = [self.rvalue(a) for a in arguments]
        if name == "__builtin_classify_type" and converted:
            at = converted[0].type
            value = 1 if at.is_integer() else 8 if at.is_floating() else 5 if at.is_pointer() else 12
        if name == "__builtin_object_size" and converted:
            kind = evaluate(converted[1], t) if len(converted) > 1 else 0
            value = -1 & t.size_t.max_value if kind in (0, 1) else 0
        if rule == "int":
            result = t.int
        elif rule == "bool":
            result = t.bool_
        elif rule == "void":
            result = t.void
        elif rule == "size":
            result = t.size_t
        elif rule == "voidptr":
            result = t.pointer(t.void)
        elif rule == "complex":
            base = converted[0].type if converted else t.double
            result = t.complex(base) if isinstance(base, FloatType) else t.complex(t.double)
        elif rule == "target":
            first = converted[0].type if converted else None
            if isinstance(first, PointerType):
                result = first.target.unqualified()
            else:
                if converted:
                    self.error(f"operand type '{type_name(first)}' is incompatible with argument 1 of "
                               f"'{name}'" if first is not None else "too few arguments", token)
                result = t.int
        else:   # 'first'
            result = converted[0].type if converted else t.int
        call = ast.BuiltinCall(token.location, name, converted, None, value, type=result)
        return call
