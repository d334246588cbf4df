"""Generated caller/callee pairs for ABI interoperability tests (pcc against gcc).

One case is two C files built from a seeded random.Random: ``callee.c``
defines functions that check every argument they receive against the value
the caller was told to pass, and return a known value; ``caller.c`` calls
them and checks what comes back, and holds ``main``.  Compiling one file with
pcc and the other with gcc and linking them shows whether the two compilers
agree on the calling convention: which register or stack slot each argument
and result lives in, how structs are split, variadic arguments and va_list.

Types: every scalar type the target has (including __int128, long double and
the three _Complex types), and per case a set of structs and unions of 1..40
bytes -- mixed int/float members, all-float and all-double ("HFA-like"),
nested records and arrays, packed and over-aligned records, bit-fields, and
the empty struct GNU C allows.  Functions: one taking every scalar type (more
than the argument registers hold, so the stack is used), one variadic one
taking every promoted scalar type, random fixed-argument functions returning
each kind of type, random variadic ones (the callee uses va_arg for each
argument, structs and long double included), and va_list forwarding (a
variadic wrapper in the caller hands its va_list to a consumer in the callee,
which also va_copy's it).

Values are distinct random bit patterns; narrow integers are computed from a
volatile 64-bit value so the registers carrying them have junk in their high
bits, which a compiler that wrongly relies on extension would read.  Each side
prints one ``ERROR <side> <function> <what>`` line per mismatch; ``main``
prints ``calls N errors E`` and exits with 1 if anything mismatched.

Target-neutral: sizes and alignments come from the :data:`MODELS` table (the
generated files assert them with _Static_assert, so a wrong entry fails to
compile rather than test the wrong thing).  Run as a script to write a case:
``python3 tests/cc/abigen.py --target x86_64 --seed 3 DIR``.
"""

from __future__ import annotations

import argparse
import math
import random
from dataclasses import dataclass, field
from pathlib import Path


# --- targets ------------------------------------------------------------------------------

@dataclass(frozen=True)
class DataModel:
    """What the generator needs to know about a target: sizes and in-struct alignments."""

    name: str
    pointer: int
    long: int
    long_long_align: int          # alignment of long long / double inside a struct
    long_double: tuple[int, int]  # (size, alignment)
    int128: bool
    char_signed: bool


MODELS = {
    "x86_64": DataModel("x86_64", 8, 8, 8, (16, 16), True, True),
    "i386": DataModel("i386", 4, 4, 4, (12, 4), False, True),
    "aarch64": DataModel("aarch64", 8, 8, 8, (16, 16), True, False),
    "riscv64": DataModel("riscv64", 8, 8, 8, (16, 16), True, False),
}


# --- types --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Scalar:
    """A scalar C type.  ``kind``: bool, int, float, complex or pointer; ``bits``: value
    bits of an integer or pointer; ``real``: the part type of a complex."""

    spelling: str
    kind: str
    size: int
    align: int
    bits: int = 0
    promoted: bool = True         # unchanged by the default argument promotions
    real: "Scalar | None" = None

    @property
    def is_record(self) -> bool:
        return False


def scalar_types(m: DataModel) -> list[Scalar]:
    """Every scalar type of the target, with its in-struct alignment."""
    ll = m.long_long_align
    ld_size, ld_align = m.long_double
    flt = Scalar("float", "float", 4, 4, promoted=False)
    dbl = Scalar("double", "float", 8, ll)
    ldbl = Scalar("long double", "float", ld_size, ld_align)
    out = [
        Scalar("_Bool", "bool", 1, 1, 1, promoted=False),
        Scalar("char", "int", 1, 1, 8, promoted=False),
        Scalar("signed char", "int", 1, 1, 8, promoted=False),
        Scalar("unsigned char", "int", 1, 1, 8, promoted=False),
        Scalar("short", "int", 2, 2, 16, promoted=False),
        Scalar("unsigned short", "int", 2, 2, 16, promoted=False),
        Scalar("int", "int", 4, 4, 32),
        Scalar("unsigned int", "int", 4, 4, 32),
        Scalar("long", "int", m.long, min(m.long, ll), 8 * m.long),
        Scalar("unsigned long", "int", m.long, min(m.long, ll), 8 * m.long),
        Scalar("long long", "int", 8, ll, 64),
        Scalar("unsigned long long", "int", 8, ll, 64),
    ]
    if m.int128:
        out += [Scalar("__int128", "int", 16, 16, 128),
                Scalar("unsigned __int128", "int", 16, 16, 128)]
    out += [flt, dbl, ldbl,
            Scalar("float _Complex", "complex", 8, 4, real=flt),
            Scalar("double _Complex", "complex", 16, ll, real=dbl),
            Scalar("long double _Complex", "complex", 2 * ld_size, ld_align, real=ldbl),
            Scalar("char *", "pointer", m.pointer, m.pointer, 8 * m.pointer),
            Scalar("void *", "pointer", m.pointer, m.pointer, 8 * m.pointer)]
    return out


@dataclass
class Member:
    name: str
    type: "Scalar | Record"
    count: int | None = None      # an array of ``count`` elements
    width: int | None = None      # a bit-field of ``width`` bits


@dataclass
class Record:
    """A struct or union; ``size``/``align`` are computed by :func:`layout`."""

    tag: str
    is_union: bool
    members: list[Member]
    packed: bool = False
    aligned: int = 0              # __attribute__((aligned(N)))
    size: int = 0
    align: int = 1

    @property
    def is_record(self) -> bool:
        return True

    @property
    def spelling(self) -> str:
        return ("union " if self.is_union else "struct ") + self.tag

    @property
    def promoted(self) -> bool:
        return True

    def definition(self) -> str:
        lines = [f"{self.spelling} {{"]
        for mb in self.members:
            decl = f"{mb.type.spelling} {mb.name}"
            if mb.count is not None:
                decl += f"[{mb.count}]"
            if mb.width is not None:
                decl += f" : {mb.width}"
            lines.append(f"    {decl};")
        attrs = []
        if self.packed:
            attrs.append("packed")
        if self.aligned:
            attrs.append(f"aligned({self.aligned})")
        tail = f" __attribute__(({', '.join(attrs)}))" if attrs else ""
        lines.append(f"}}{tail};")
        lines.append(f"_Static_assert(sizeof({self.spelling}) == {self.size} && "
                     f"_Alignof({self.spelling}) == {self.align}, \"layout of {self.tag}\");")
        return "\n".join(lines)


def _up(n: int, a: int) -> int:
    return (n + a - 1) // a * a


def layout(r: Record) -> None:
    """Size and alignment the SysV way (each psABI uses the same rules for C records):
    members at their alignment (1 when packed), bit-fields never straddling an aligned
    unit of their type, size rounded up to the alignment."""
    bit = 0
    align = 1
    end = 0
    for mb in r.members:
        t = mb.type
        a = 1 if r.packed else t.align
        if mb.width is not None:
            unit = 8 * t.size
            start = 0 if r.is_union else bit
            if not r.packed and start % (8 * t.align) + mb.width > unit:
                start = _up(start, 8 * t.align)
            bit = start + mb.width
            align = max(align, a)
            end = max(end, (bit + 7) // 8)
            continue
        offset = 0 if r.is_union else _up((bit + 7) // 8, a)
        size = t.size * (mb.count if mb.count is not None else 1)
        bit = 8 * (offset + size)
        align = max(align, a)
        end = max(end, offset + size)
    if r.aligned:
        align = max(align, r.aligned)
    r.align = align
    r.size = _up(end, align)


# --- values -------------------------------------------------------------------------------

def _random_float(rng: random.Random, mantissa_bits: int) -> float:
    m = rng.getrandbits(mantissa_bits)
    e = rng.randint(-20, 20)
    v = (1.0 + m / (1 << mantissa_bits)) * 2.0 ** e
    return -v if rng.random() < 0.3 else v


def make_value(t, rng: random.Random):
    """A random value of type ``t`` (a Python int/float/tuple/list tree)."""
    if t.is_record:
        if t.is_union:
            index = max(range(len(t.members)), key=lambda i: _member_size(t.members[i]))
            return (index, _member_value(t.members[index], rng))
        return [_member_value(mb, rng) for mb in t.members]
    if t.kind == "bool":
        return rng.choice((0, 1, 1))
    if t.kind in ("int", "pointer"):
        v = rng.getrandbits(t.bits)
        v |= 1 << (t.bits - 1 - rng.randint(0, 1))       # high bits set: sign/width matters
        if t.kind == "pointer":
            v &= ~7
        return v
    if t.kind == "float":
        if t.spelling == "float":
            return _random_float(rng, 23)
        if t.spelling == "double":
            return _random_float(rng, 52)
        hi = _random_float(rng, 52)           # long double: hi + lo, 11 bits below hi's last
        lo = math.copysign(math.ldexp(rng.randint(1, 2047), math.frexp(hi)[1] - 64), hi)
        return (hi, lo)
    return (make_value(t.real, rng), make_value(t.real, rng))


def _member_size(mb: Member) -> int:
    if mb.width is not None:
        return (mb.width + 7) // 8
    return mb.type.size * (mb.count if mb.count is not None else 1)


def _member_value(mb: Member, rng: random.Random):
    if mb.width is not None:
        return rng.getrandbits(mb.width) | 1
    if mb.count is not None:
        return [make_value(mb.type, rng) for _ in range(mb.count)]
    return make_value(mb.type, rng)


def render(t, v) -> str:
    """A C expression of type ``t`` with value ``v``."""
    if t.is_record:
        return f"({t.spelling}){_initializer(t, v)}"
    if t.kind == "bool":
        return f"(_Bool){v}"
    if t.kind == "pointer":
        return f"({t.spelling})0x{v:x}ULL"
    if t.kind == "int":
        if t.bits > 64:
            return f"(({t.spelling})0x{v >> 64:x}ULL << 64 | 0x{v & (2**64 - 1):x}ULL)"
        return f"({t.spelling})0x{v:x}ULL"
    if t.kind == "float":
        if t.spelling == "float":
            return f"({v.hex()}f)"
        if t.spelling == "double":
            return f"({v.hex()})"
        hi, lo = v
        return f"((long double){hi.hex()} + (long double){lo.hex()})"
    re, im = v
    return f"__builtin_complex({render(t.real, re)}, {render(t.real, im)})"


def _initializer(t, v) -> str:
    if t.is_record:
        if t.is_union:
            index, mv = v
            return "{ ." + t.members[index].name + " = " + _member_init(t.members[index], mv) + " }"
        if not t.members:
            return "{}"
        return "{ " + ", ".join(f".{mb.name} = {_member_init(mb, mv)}"
                                for mb, mv in zip(t.members, v)) + " }"
    return render(t, v)


def _member_init(mb: Member, v) -> str:
    if mb.width is not None:
        return f"0x{v:x}"
    if mb.count is not None:
        return "{ " + ", ".join(_initializer(mb.type, e) for e in v) + " }" if v else "{}"
    return _initializer(mb.type, v)


def leaves(t, v, path: str) -> list[tuple[str, str]]:
    """(C expression, what it should equal) for every scalar inside the value."""
    if t.is_record:
        out = []
        if t.is_union:
            index, mv = v
            return _member_leaves(t.members[index], mv, path)
        for mb, mv in zip(t.members, v):
            out += _member_leaves(mb, mv, path)
        return out
    if t.kind == "complex":
        re, im = v
        return [(f"__real__ {path}", render(t.real, re)), (f"__imag__ {path}", render(t.real, im))]
    return [(path, render(t, v))]


def _member_leaves(mb: Member, v, path: str) -> list[tuple[str, str]]:
    p = f"{path}.{mb.name}"
    if mb.width is not None:
        return [(p, f"0x{v:x}")]
    if mb.count is not None:
        out = []
        for i, e in enumerate(v):
            out += leaves(mb.type, e, f"{p}[{i}]")
        return out
    return leaves(mb.type, v, p)


def noisy(t, v) -> str:
    """``v`` computed from a volatile 64-bit value, so the register holding a narrow
    integer has junk above it; other types as plain constants."""
    if not t.is_record and t.kind == "int" and t.bits <= 32:
        return f"({t.spelling})(abi_noise + 0x{v:x}ULL)"
    if not t.is_record and t.kind == "bool":         # a comparison: setcc writes only %al
        return f"(_Bool)(abi_noise >> 60 == {5 if v else 4})"
    return render(t, v)


# --- records ------------------------------------------------------------------------------

RECORD_STYLES = ("mixed", "mixed", "float", "double", "int", "union", "packed", "nested",
                 "array", "bitfield", "ldouble", "aligned", "empty")


def _member_pool(style: str, scalars: list[Scalar], records: list[Record]) -> list:
    by = {s.spelling: s for s in scalars}
    ints = [s for s in scalars if s.kind in ("int", "bool", "pointer") and s.bits <= 64]
    if style == "float":
        return [by["float"]]
    if style == "double":
        return [by["double"]]
    if style == "int":
        return ints
    if style == "ldouble":
        return [by["long double"], by["double"], by["int"], by["long double _Complex"]]
    if style == "nested":
        return ints[:8] + [by["float"], by["double"]] + [r for r in records if r.size <= 24]
    return ints + [s for s in scalars if s.kind in ("float", "complex") or s.bits > 64]


def random_record(rng: random.Random, tag: str, style: str, scalars: list[Scalar],
                  records: list[Record]) -> Record:
    """A struct or union of 1..40 bytes in the given style (``empty``: the zero-size
    struct GNU C allows, or a record holding one)."""
    by = {s.spelling: s for s in scalars}
    if style == "empty":
        empties = [r for r in records if r.size == 0]
        if not empties:
            r = Record(tag, False, [])
        else:
            part = rng.choice([by["float"], by["double"], by["int"], by["char"]])
            members = [Member("m0", empties[0]), Member("m1", part)]
            if rng.random() < 0.5:
                members.reverse()
            r = Record(tag, False, members)
        layout(r)
        return r
    pool = _member_pool(style, scalars, records)
    while True:
        target = rng.randint(1, 40)
        members: list[Member] = []
        r = Record(tag, style == "union", members, packed=style == "packed")
        if style == "aligned":
            r.aligned = rng.choice((8, 16, 32))
        while True:
            t = rng.choice(pool)
            mb = Member(f"m{len(members)}", t)
            if style in ("array", "float", "double") and rng.random() < 0.4:
                mb.count = rng.randint(1, 4)
            elif style == "bitfield" and rng.random() < 0.6:
                base = rng.choice([by["unsigned int"], by["unsigned char"],
                                   by["unsigned long long"], by["unsigned short"]])
                mb = Member(mb.name, base, width=rng.randint(1, 8 * base.size - 1))
            members.append(mb)
            layout(r)
            if r.size >= target or len(members) >= 8:
                break
        if 1 <= r.size <= 40:
            return r


# --- functions ----------------------------------------------------------------------------

@dataclass
class Function:
    """One generated callee.  ``kind``: fixed, variadic (``fixed`` named parameters
    then va_arg), or valist (the callee takes a va_list from a variadic wrapper)."""

    name: str
    kind: str
    params: list                  # types, named then variadic
    args: list                    # their values
    result: object                # a type or None for void
    result_value: object = None
    fixed: int = 0                # named parameters of a variadic function
    copy: bool = False            # a valist consumer also walks a va_copy
    via: str = "direct"           # how the caller calls: direct, pointer (through a volatile
                                  # function pointer) or relay (through a function of the
                                  # caller's that passes its parameters on)


@dataclass
class Case:
    model: DataModel
    seed: int
    records: list[Record] = field(default_factory=list)
    functions: list[Function] = field(default_factory=list)
    pcc_level: str = "-O0"
    gcc_level: str = "-O1"
    printf_items: list[tuple[str, str, str]] = field(default_factory=list)


def printf_items(rng: random.Random, model: DataModel) -> list[tuple[str, str, str]]:
    """(conversion, C argument, its expected text) for one printf call into the C library
    the program is linked with: integers of each width, double and long double (values
    whose %.3f text is exact), strings and characters -- so a caller's variadic call
    and the library's va_arg must agree too."""
    items = []
    for _ in range(rng.randint(6, 16)):
        kind = rng.choice(("d", "ld", "lld", "u", "f", "Lf", "s", "c"))
        if kind == "d":
            v = rng.randint(-2**31, 2**31 - 1)
            items.append(("%d", str(v) if v >= 0 else f"({v + 1} - 1)", str(v)))
        elif kind == "ld":
            bits = 8 * model.long
            v = rng.randint(-2**(bits - 1) + 1, 2**(bits - 1) - 1)
            items.append(("%ld", f"({v}L)", str(v)))
        elif kind == "lld":
            v = rng.randint(-2**63 + 1, 2**63 - 1)
            items.append(("%lld", f"({v}LL)", str(v)))
        elif kind == "u":
            v = rng.getrandbits(32)
            items.append(("%u", f"{v}U", str(v)))
        elif kind in ("f", "Lf"):
            v = rng.randint(-2**20, 2**20) / 8
            suffix = "L" if kind == "Lf" else ""
            items.append((f"%.3{kind[:-1]}f", f"({v!r}{suffix})", f"{v:.3f}"))
        elif kind == "s":
            text = "".join(rng.choice("abcxyz") for _ in range(rng.randint(0, 6)))
            items.append(("%s", f'"{text}"', text))
        else:
            c = rng.choice("ABCxyz")
            items.append(("%c", f"'{c}'", c))
    return items


def _all_float(t) -> bool:
    if t.is_record:
        return bool(t.members) and all(_all_float(mb.type) for mb in t.members)
    return t.kind in ("float", "complex")


PREFIX = {"fixed": "f", "variadic": "v", "valist": "l"}


def generate(model: DataModel, seed: int, n_random: int = 10) -> Case:
    rng = random.Random(f"abi-{model.name}-{seed}")
    case = Case(model, seed, pcc_level=rng.choice(("-O0", "-O1", "-O2")),
                gcc_level=rng.choice(("-O0", "-O1", "-O2")))
    scalars = scalar_types(model)
    case.printf_items = printf_items(rng, model)
    for i in range(rng.randint(5, 9)):
        style = rng.choice(RECORD_STYLES)
        case.records.append(random_record(rng, f"r{i}", style, scalars, case.records))
    types = scalars + [r for r in case.records]
    # GCC's x86-64 va_arg copies a 16-byte-aligned aggregate of up to 16 bytes out of the
    # register save area with movdqa, which faults when the eightbytes sit at an odd
    # multiple of 8 there: a GCC bug, so such records are never variadic arguments.
    promoted = [t for t in types if t.promoted and not (t.is_record and t.align > 8 and
                                                       t.size <= 16)]

    def value_list(params):
        return [make_value(t, rng) for t in params]

    def add(kind, params, result, fixed=0, copy=False):
        name = PREFIX[kind] + str(len(case.functions))
        f = Function(name, kind, params, value_list(params), result, fixed=fixed, copy=copy)
        if kind == "fixed":
            f.via = rng.choice(("direct", "direct", "pointer", "relay"))
        elif kind == "variadic":
            f.via = rng.choice(("direct", "direct", "pointer"))
        if result is not None:
            f.result_value = make_value(result, rng)
        case.functions.append(f)

    # every scalar in one call (more than the registers hold), every promoted one variadic
    everything = scalars[:]
    rng.shuffle(everything)
    add("fixed", everything, rng.choice(scalars))
    every_promoted = [t for t in scalars if t.promoted]
    rng.shuffle(every_promoted)
    add("variadic", [rng.choice(types)] + every_promoted, rng.choice(types), fixed=1)
    for _ in range(n_random):
        kind = rng.choice(("fixed", "fixed", "fixed", "variadic", "variadic", "valist"))
        result = None if rng.random() < 0.15 else rng.choice(types)
        if kind == "fixed":
            n = rng.choice((1, 2, 3, 4, 6, 8, 10, 14, 20))
            add(kind, [rng.choice(types) for _ in range(n)], result)
        elif kind == "variadic":
            fixed = rng.randint(1, 3)
            named = [rng.choice(types) for _ in range(fixed)]
            pool = promoted
            if rng.random() < 0.3:          # floating point only: run out of vector registers
                pool = [t for t in promoted if _all_float(t)]
            add(kind, named + [rng.choice(pool) for _ in range(rng.randint(1, 14))],
                result, fixed=fixed)
        else:
            add(kind, [rng.choice(promoted) for _ in range(rng.randint(1, 10))], result,
                copy=rng.random() < 0.5)
    return case


# --- C text -------------------------------------------------------------------------------

def _prototype(f: Function) -> str:
    ret = f.result.spelling if f.result is not None else "void"
    if f.kind == "valist":
        return f"{ret} {f.name}(int tag, va_list ap)"
    named = f.params[:f.fixed] if f.kind == "variadic" else f.params
    parts = [f"{t.spelling} a{i}" for i, t in enumerate(named)]
    if f.kind == "variadic":
        parts.append("...")
    return f"{ret} {f.name}({', '.join(parts)})"


def _prelude(case: Case, side: str) -> list[str]:
    out = [f"/* generated by tests/cc/abigen.py: target {case.model.name}, seed {case.seed}, "
           f"{side} */",
           "#include <stdarg.h>",
           "int printf(const char *, ...);",
           "static volatile unsigned long long abi_noise = 0x5a5a5a5a00000000ULL;",
           "static int abi_errors;",
           f'static void bad(const char *what) {{ printf("ERROR {side} %s\\n", what); '
           "abi_errors++; }",
           "extern int abi_callee_calls, abi_callee_errors;", ""]
    for r in case.records:
        out += [r.definition(), ""]
    for f in case.functions:
        out.append(_prototype(f) + ";")
    out.append("")
    return out


def _checks(t, v, path: str, where: str, indent: str) -> list[str]:
    out = []
    for expr, want in leaves(t, v, path):
        out.append(f'{indent}if (({expr}) != {want}) bad("{where} {expr}");')
    return out


def callee_source(case: Case) -> str:
    out = _prelude(case, "callee")
    out += ["int abi_callee_calls;", "int abi_callee_errors;", ""]
    for f in case.functions:
        out.append(_prototype(f) + " {")
        out.append("    abi_callee_calls++;")
        if f.kind == "fixed":
            for i, (t, v) in enumerate(zip(f.params, f.args)):
                out += _checks(t, v, f"a{i}", f.name, "    ")
        elif f.kind == "variadic":
            out.append("    va_list ap;")
            out.append(f"    va_start(ap, a{f.fixed - 1});")
            for i, (t, v) in enumerate(zip(f.params, f.args)):
                if i < f.fixed:
                    out += _checks(t, v, f"a{i}", f.name, "    ")
                else:
                    out.append(f"    {{ {t.spelling} a{i} = va_arg(ap, {t.spelling});")
                    out += _checks(t, v, f"a{i}", f.name, "      ")
                    out.append("    }")
            out.append("    va_end(ap);")
        else:
            out.append(f'    if (tag != {len(f.params)}) bad("{f.name} tag");')
            walks = [("ap", "")]
            if f.copy:
                out.append("    va_list aq;")
                out.append("    va_copy(aq, ap);")
                walks.insert(0, ("aq", " (copy)"))
            for list_name, note in walks:
                for i, (t, v) in enumerate(zip(f.params, f.args)):
                    out.append(f"    {{ {t.spelling} a{i} = va_arg({list_name}, {t.spelling});")
                    out += _checks(t, v, f"a{i}", f.name + note, "      ")
                    out.append("    }")
            if f.copy:
                out.append("    va_end(aq);")
        out.append("    abi_callee_errors += abi_errors;")
        out.append("    abi_errors = 0;")
        if f.result is not None:
            out.append(f"    return {noisy(f.result, f.result_value)};")
        out += ["}", ""]
    return "\n".join(out) + "\n"


def caller_source(case: Case) -> str:
    out = _prelude(case, "caller")
    for f in case.functions:
        args = [noisy(t, v) for t, v in zip(f.params, f.args)]
        callee = f.name
        if f.kind == "valist":
            wrapper = f"w{f.name}"
            out.append(f"static void {wrapper}(int tag, ...) {{")
            out.append("    va_list ap;")
            out.append("    va_start(ap, tag);")
            if f.result is not None:
                out.append(f"    {f.result.spelling} r = {f.name}(tag, ap);")
                out += _checks(f.result, f.result_value, "r", f.name + " result", "    ")
            else:
                out.append(f"    {f.name}(tag, ap);")
            out.append("    va_end(ap);")
            out += ["}", ""]
            callee = wrapper
            args = [str(len(f.params))] + args
            out.append(f"static void call_{f.name}(void) {{")
            out.append(f"    {callee}({', '.join(args)});")
            out += ["}", ""]
            continue
        ret = f.result.spelling if f.result is not None else "void"
        if f.via == "relay":
            callee = f"relay_{f.name}"
            params = ", ".join(f"{t.spelling} a{i}" for i, t in enumerate(f.params))
            passed = ", ".join(f"a{i}" for i in range(len(f.params)))
            out.append(f"__attribute__((noinline)) static {ret} {callee}({params}) {{")
            out.append(f"    {'' if f.result is None else 'return '}{f.name}({passed});")
            out += ["}", ""]
        out.append(f"static void call_{f.name}(void) {{")
        if f.via == "pointer":
            named = f.params[:f.fixed] if f.kind == "variadic" else f.params
            types = [t.spelling for t in named] + (["..."] if f.kind == "variadic" else [])
            out.append(f"    {ret} (*volatile fp)({', '.join(types)}) = {f.name};")
            callee = "fp"
        call = f"{callee}({', '.join(args)})"
        if f.result is None:
            out.append(f"    {call};")
        else:
            out.append(f"    {f.result.spelling} r = {call};")
            out += _checks(f.result, f.result_value, "r", f.name + " result", "    ")
        out += ["}", ""]
    out.append("int main(void) {")
    for f in case.functions:
        out.append(f"    call_{f.name}();")
    fmt = " ".join(c for c, _, _ in case.printf_items)
    out.append(f'    printf("printf {fmt}\\n", {", ".join(a for _, a, _ in case.printf_items)});')
    out.append('    printf("calls %d errors %d\\n", abi_callee_calls, '
               "abi_errors + abi_callee_errors);")
    out.append("    return abi_errors + abi_callee_errors != 0;")
    out += ["}"]
    return "\n".join(out) + "\n"


def expected_output(case: Case) -> str:
    text = " ".join(t for _, _, t in case.printf_items)
    return f"printf {text}\ncalls {len(case.functions)} errors 0\n"


def write_case(case: Case, directory: Path) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    caller = directory / "caller.c"
    callee = directory / "callee.c"
    caller.write_text(caller_source(case))
    callee.write_text(callee_source(case))
    return caller, callee


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--target", default="x86_64", choices=sorted(MODELS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--functions", type=int, default=10, help="random functions per case")
    parser.add_argument("directory", type=Path)
    a = parser.parse_args()
    case = generate(MODELS[a.target], a.seed, a.functions)
    write_case(case, a.directory)
    print(f"{a.directory}: {len(case.records)} records, {len(case.functions)} functions, "
          f"pcc {case.pcc_level}, gcc {case.gcc_level}")


if __name__ == "__main__":
    main()
