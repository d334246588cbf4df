"""The C library functions the IR interpreter (interp.py) provides, in Python.

Each takes the interpreter and the call's arguments as (IR type, value) pairs
and returns the result.  printf's conversions are C's: the length modifiers
choose how many bits of an integer argument count; ``%s`` reads a string
from the interpreter's memory.
"""

from __future__ import annotations

import math
import re

from . import Type

_SPEC = re.compile(rb"%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?(hh|h|ll|l|j|z|t|L|q)?([diouxXeEfFgGaAcspn%])")


def _signed(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def format_c(interp, fmt: bytes, args: list) -> bytes:
    out = bytearray()
    position = 0
    arg_index = 0

    def next_arg():
        nonlocal arg_index
        if arg_index >= len(args):
            return (Type.I64, 0)
        value = args[arg_index]
        arg_index += 1
        return value

    for m in _SPEC.finditer(fmt):
        out += fmt[position:m.start()]
        position = m.end()
        flags, width, precision, length, conversion = m.groups()
        flags = flags.decode()
        conversion = conversion.decode()
        if conversion == "%":
            out += b"%"
            continue
        if width == b"*":
            w = _signed(next_arg()[1], 32)
            if w < 0:
                flags += "-"
                w = -w
            width = str(w).encode()
        if precision == b"*":
            p = _signed(next_arg()[1], 32)
            precision = str(p).encode() if p >= 0 else None
        spec = "%" + flags + (width.decode() if width else "") + \
            ("." + precision.decode() if precision is not None else "")
        t, value = next_arg()
        length = (length or b"").decode()
        if conversion in "di":
            bits = {"hh": 8, "h": 16, "l": interp.pbits, "ll": 64, "j": 64, "z": interp.pbits,
                    "t": interp.pbits, "q": 64}.get(length, 32)
            out += (spec + "d").replace("#", "").encode() % _signed(int(value), bits)
        elif conversion in "ouxX":
            bits = {"hh": 8, "h": 16, "l": interp.pbits, "ll": 64, "j": 64, "z": interp.pbits,
                    "t": interp.pbits, "q": 64}.get(length, 32)
            v = int(value) & ((1 << bits) - 1)
            if conversion == "o" and "#" in flags:
                text = (spec.replace("#", "") + "o") % v
                if not text.lstrip(" ").startswith("0"):
                    text = (spec.replace("#", "").replace("0", "", 0) + "o") % v
                    text = text.replace(("%o" % v), "0" + ("%o" % v), 1) if v else text
                out += text.encode()
            else:
                if conversion == "u":
                    out += (spec.replace("#", "") + "d").encode() % v
                else:
                    text = (spec + conversion) % v
                    if "#" in flags and v == 0:
                        text = (spec.replace("#", "") + conversion) % v
                    out += text.encode()
        elif conversion in "eEfFgGaA":
            v = float(value) if not isinstance(value, int) or t.is_float else float(value)
            if conversion in "aA":
                text = v.hex()
                out += (text if conversion == "a" else text.upper()).encode()
            else:
                text = (spec + conversion) % v
                if math.isinf(v) or math.isnan(v):
                    word = ("inf" if math.isinf(v) else "nan")
                    sign = "-" if (v < 0 or (math.isnan(v) and math.copysign(1, v) < 0)) else (
                        "+" if "+" in flags else (" " if " " in flags else ""))
                    if math.isnan(v):
                        sign = "-" if math.copysign(1, v) < 0 else ("+" if "+" in flags else "")
                    word = sign + (word.upper() if conversion.isupper() else word)
                    w = int(width) if width else 0
                    text = word.ljust(w) if "-" in flags else word.rjust(w)
                out += text.encode()
        elif conversion == "c":
            out += (spec.replace("0", "") + "c").encode() % bytes([int(value) & 0xFF])
        elif conversion == "s":
            text = interp.c_string(value) if value else b"(null)"
            out += (spec + "s").encode() % text
        elif conversion == "p":
            text = ("0x%x" % value) if value else "(nil)"
            w = int(width) if width else 0
            out += (text.ljust(w) if "-" in flags else text.rjust(w)).encode()
        elif conversion == "n":
            interp.write_int(value, 4, len(out))
    out += fmt[position:]
    return bytes(out)


def _printf(interp, args):
    text = format_c(interp, interp.c_string(args[0][1]), args[1:])
    interp.out += text
    return len(text)


def _fprintf(interp, args):
    text = format_c(interp, interp.c_string(args[1][1]), args[2:])
    interp.out += text
    return len(text)


def _sprintf(interp, args):
    text = format_c(interp, interp.c_string(args[1][1]), args[2:])
    interp.write_bytes(args[0][1], text + b"\0")
    return len(text)


def _snprintf(interp, args):
    text = format_c(interp, interp.c_string(args[2][1]), args[3:])
    n = args[1][1]
    if n:
        interp.write_bytes(args[0][1], text[:n - 1] + b"\0")
    return len(text)


def _va_args(interp, ap):
    """A vprintf-family va_list: the pointer to the spilled arguments, read lazily."""
    pointer = interp.read_int(ap, interp.pbytes) if interp.pbits == 64 else ap
    return pointer


class _Lazy(list):
    pass


def _vformat(interp, fmt_address, ap):
    # decode conversions to know the types of the arguments in the va area
    area = interp.read_int(ap, interp.pbytes)
    fmt = interp.c_string(fmt_address)
    args = []
    for m in _SPEC.finditer(fmt):
        flags, width, precision, length, conversion = m.groups()
        count = int(width == b"*") + int(precision == b"*")
        for _ in range(count):
            args.append((Type.I64, interp.read_int(area, 8)))
            area += 8
        if conversion == b"%":
            continue
        if conversion in b"eEfFgGaA":
            if length == b"L":
                area = (area + 15) // 16 * 16
                args.append((Type.F80, interp.load(Type.F80 if interp.module.target.isa == "x86" else Type.F128, area)))
                area += 16
            else:
                args.append((Type.F64, interp.load(Type.F64, area)))
                area += 8
        else:
            args.append((Type.I64, interp.read_int(area, 8)))
            area += 8
    return format_c(interp, fmt, args)


def _vprintf(interp, args):
    text = _vformat(interp, args[0][1], args[1][1])
    interp.out += text
    return len(text)


def _vfprintf(interp, args):
    text = _vformat(interp, args[1][1], args[2][1])
    interp.out += text
    return len(text)


def _vsprintf(interp, args):
    text = _vformat(interp, args[1][1], args[2][1])
    interp.write_bytes(args[0][1], text + b"\0")
    return len(text)


def _vsnprintf(interp, args):
    text = _vformat(interp, args[2][1], args[3][1])
    n = args[1][1]
    if n:
        interp.write_bytes(args[0][1], text[:n - 1] + b"\0")
    return len(text)


def _puts(interp, args):
    interp.out += interp.c_string(args[0][1]) + b"\n"
    return 1


def _fputs(interp, args):
    interp.out += interp.c_string(args[0][1])
    return 1


def _putchar(interp, args):
    interp.out.append(args[0][1] & 0xFF)
    return args[0][1] & 0xFF


def _fputc(interp, args):
    interp.out.append(args[0][1] & 0xFF)
    return args[0][1] & 0xFF


def _fwrite(interp, args):
    size = args[1][1] * args[2][1]
    interp.out += interp.read_bytes(args[0][1], size) if size else b""
    return args[2][1]


def _malloc(interp, args):
    return interp.heap_alloc(args[0][1])


def _calloc(interp, args):
    size = args[0][1] * args[1][1]
    address = interp.heap_alloc(size)
    interp.write_bytes(address, bytes(size))
    return address


def _realloc(interp, args):
    old, size = args[0][1], args[1][1]
    address = interp.heap_alloc(size)
    if old:
        old_size = interp.read_int(old - 8, 8)
        interp.write_bytes(address, interp.read_bytes(old, min(old_size, size)))
    return address


def _free(interp, args):
    return None


def _memcpy(interp, args):
    dst, src, n = (a[1] for a in args[:3])
    if n:
        interp.write_bytes(dst, interp.read_bytes(src, n))
    return dst


def _memset(interp, args):
    dst, c, n = (a[1] for a in args[:3])
    if n:
        interp.write_bytes(dst, bytes([c & 0xFF]) * n)
    return dst


def _memcmp(interp, args):
    a, b, n = (x[1] for x in args[:3])
    x, y = interp.read_bytes(a, n), interp.read_bytes(b, n)
    for p, q in zip(x, y):
        if p != q:
            return (p - q) & 0xFFFFFFFF
    return 0


def _memchr(interp, args):
    s, c, n = (x[1] for x in args[:3])
    data = interp.read_bytes(s, n)
    i = data.find(bytes([c & 0xFF]))
    return 0 if i < 0 else s + i


def _strlen(interp, args):
    return len(interp.c_string(args[0][1]))


def _strcmp(interp, args):
    a, b = interp.c_string(args[0][1]) + b"\0", interp.c_string(args[1][1]) + b"\0"
    for p, q in zip(a, b):
        if p != q:
            return (p - q) & 0xFFFFFFFF
    return 0


def _strncmp(interp, args):
    n = args[2][1]
    a, b = (interp.c_string(args[0][1]) + b"\0")[:n], (interp.c_string(args[1][1]) + b"\0")[:n]
    for p, q in zip(a, b):
        if p != q:
            return (p - q) & 0xFFFFFFFF
    return 0


def _strcpy(interp, args):
    interp.write_bytes(args[0][1], interp.c_string(args[1][1]) + b"\0")
    return args[0][1]


def _strncpy(interp, args):
    n = args[2][1]
    s = interp.c_string(args[1][1])[:n]
    interp.write_bytes(args[0][1], s + bytes(n - len(s)))
    return args[0][1]


def _strcat(interp, args):
    d = args[0][1]
    interp.write_bytes(d + len(interp.c_string(d)), interp.c_string(args[1][1]) + b"\0")
    return d


def _strchr(interp, args):
    s = interp.c_string(args[0][1]) + b"\0"
    i = s.find(bytes([args[1][1] & 0xFF]))
    return 0 if i < 0 else args[0][1] + i


def _strrchr(interp, args):
    s = interp.c_string(args[0][1]) + b"\0"
    i = s.rfind(bytes([args[1][1] & 0xFF]))
    return 0 if i < 0 else args[0][1] + i


def _strstr(interp, args):
    s = interp.c_string(args[0][1])
    i = s.find(interp.c_string(args[1][1]))
    return 0 if i < 0 else args[0][1] + i


def _strdup(interp, args):
    s = interp.c_string(args[0][1]) + b"\0"
    address = interp.heap_alloc(len(s))
    interp.write_bytes(address, s)
    return address


def _exit(interp, args):
    from .interp import ProgramExit
    raise ProgramExit(args[0][1] & 0xFF)


def _abort(interp, args):
    from .interp import ProgramExit
    raise ProgramExit(134)


def _setjmp(interp, args):
    return 0                                   # handled by the interpreter's call


def _longjmp(interp, args):
    from .interp import LongJump
    raise LongJump(args[0][1], args[1][1] & 0xFFFFFFFF)


def _abs(interp, args):
    return abs(_signed(args[0][1], 32))


def _labs(interp, args):
    return abs(_signed(args[0][1], interp.pbits))


def _llabs(interp, args):
    return abs(_signed(args[0][1], 64))


def _atoi(interp, args):
    text = interp.c_string(args[0][1]).strip()
    m = re.match(rb"[+-]?\d+", text)
    return int(m.group()) if m else 0


def _math(fn):
    def call(interp, args):
        try:
            return fn(*[a[1] for a in args])
        except (ValueError, OverflowError):
            return math.nan
    return call


def _isdigit(interp, args):
    return int(48 <= args[0][1] <= 57)


LIBC = {
    "printf": _printf, "fprintf": _fprintf, "sprintf": _sprintf, "snprintf": _snprintf,
    "vprintf": _vprintf, "vfprintf": _vfprintf, "vsprintf": _vsprintf, "vsnprintf": _vsnprintf,
    "puts": _puts, "fputs": _fputs, "putchar": _putchar, "fputc": _fputc, "putc": _fputc,
    "fwrite": _fwrite, "malloc": _malloc, "calloc": _calloc, "realloc": _realloc, "free": _free,
    "memcpy": _memcpy, "memmove": _memcpy, "memset": _memset, "memcmp": _memcmp, "bcmp": _memcmp,
    "memchr": _memchr, "strlen": _strlen, "strcmp": _strcmp, "strncmp": _strncmp,
    "strcpy": _strcpy, "strncpy": _strncpy, "strcat": _strcat, "strchr": _strchr,
    "strrchr": _strrchr, "strstr": _strstr, "strdup": _strdup, "index": _strchr,
    "exit": _exit, "_exit": _exit, "_Exit": _exit, "abort": _abort,
    "setjmp": _setjmp, "_setjmp": _setjmp, "longjmp": _longjmp, "_longjmp": _longjmp,
    "abs": _abs, "labs": _labs, "llabs": _llabs, "atoi": _atoi, "isdigit": _isdigit,
    "fabs": _math(abs), "fabsf": _math(abs), "fabsl": _math(abs), "sqrt": _math(math.sqrt),
    "floor": _math(math.floor), "ceil": _math(math.ceil), "copysign": _math(math.copysign),
    "fflush": lambda interp, args: 0,
}
for _name in ("sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "log",
              "log10", "log2", "atan2", "pow", "fmod", "hypot", "trunc", "expm1", "log1p", "cbrt"):
    _fn = getattr(math, _name, None) or (lambda x: math.copysign(abs(x) ** (1 / 3), x))
    for _suffix in ("", "f", "l"):
        LIBC[_name + _suffix] = _math(_fn)
for _name in ("floor", "ceil", "sqrt", "copysign", "fabs", "round", "fmax", "fmin"):
    _fn = {"round": lambda x: math.floor(abs(x) + 0.5) * (1 if x >= 0 else -1), "fmax": max,
           "fmin": min, "fabs": abs}.get(_name) or getattr(math, _name)
    for _suffix in ("", "f", "l"):
        LIBC[_name + _suffix] = _math(lambda *a, _f=_fn: float(_f(*a)))
