"""Structure layout against GCC: random structures with bit-fields, packed
and aligned members are laid out by pcc, and the sizes, alignments and
member offsets pcc computes are handed to GCC as ``_Static_assert``s
(``gcc -fsyntax-only`` for x86-64, ``i686-linux-gnu-gcc`` for i386) -- GCC
compiling the file cleanly means it agrees.  Also the integer promotions and
usual arithmetic conversions.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ctokens import Diagnostics, Options, tokenize  # noqa: E402

from toolchain.cc.ctypes import RecordType, TypeSystem, type_name  # noqa: E402
from toolchain.cc.parser import Parser  # noqa: E402
from toolchain.common.target import find_target  # noqa: E402

COMPILERS = {"x86_64": "gcc", "i386": "i686-linux-gnu-gcc"}
MEMBER_TYPES = ["char", "signed char", "unsigned char", "short", "unsigned short", "int", "unsigned",
                "long", "unsigned long", "long long", "unsigned long long", "_Bool", "float", "double",
                "long double", "void *", "char[3]", "short[5]", "struct inner"]
BIT_TYPES = ["char", "unsigned char", "short", "unsigned short", "int", "unsigned", "long",
             "unsigned long", "long long", "unsigned long long", "_Bool"]
BITS = {"char": 8, "unsigned char": 8, "short": 16, "unsigned short": 16, "int": 32, "unsigned": 32,
        "_Bool": 1}


def random_struct(rng: random.Random, index: int, target: str) -> tuple[str, list[str]]:
    """A random structure definition and the names of its non-bit-field members."""
    lines = []
    named = []
    keyword = "union" if rng.random() < 0.15 else "struct"
    for n in range(rng.randint(1, 9)):
        name = f"m{n}"
        if rng.random() < 0.45:
            t = rng.choice(BIT_TYPES)
            limit = BITS.get(t, 64 if "long long" in t or (target == "x86_64" and "long" in t) else 32)
            width = rng.choice([0, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, limit, rng.randint(1, limit)])
            width = min(width, limit)
            if width == 0:
                lines.append(f"  {t} : 0;")
            elif rng.random() < 0.15:
                lines.append(f"  {t} : {width};")
            else:
                packed = " __attribute__((packed))" if rng.random() < 0.1 else ""
                lines.append(f"  {t} {name} : {width}{packed};")
        else:
            t = rng.choice(MEMBER_TYPES)
            base, _, dims = t.partition("[")
            dims = f"[{dims}" if dims else ""
            aligned = f" __attribute__((aligned({rng.choice([1, 2, 4, 8, 16])})))" if rng.random() < 0.1 else ""
            if base.endswith("*"):
                lines.append(f"  {base}{name}{dims}{aligned};")
            else:
                lines.append(f"  {base} {name}{dims}{aligned};")
            named.append(name)
    if not named and keyword == "struct":
        lines.append("  char last;")
        named.append("last")
    attribute = " __attribute__((packed))" if rng.random() < 0.15 else ""
    return f"{keyword} s{index} {{\n" + "\n".join(lines) + f"\n}}{attribute};\n", named, keyword


@pytest.mark.parametrize("mode", sorted(COMPILERS))
def test_struct_layout_matches_gcc(mode: str, full: bool, tmp_path: Path):
    compiler = COMPILERS[mode]
    if shutil.which(compiler) is None:
        pytest.skip(f"{compiler} not installed")
    rng = random.Random(1234)
    count = 400 if full else 60
    source = "struct inner { char c; int i; short s; };\n"
    structs = []
    for index in range(count):
        text, named, keyword = random_struct(rng, index, mode)
        source += text
        structs.append((index, named, keyword))
    tokens = tokenize(source, "layout.c")
    diagnostics = Diagnostics()
    parser = Parser(tokens, find_target(mode), diagnostics, Options())
    parser.translation_unit()
    assert diagnostics.errors() == []
    checks = ["#include <stddef.h>"]
    for index, named, keyword in structs:
        record_type = parser.scope.tags[f"s{index}"].type
        assert isinstance(record_type, RecordType)
        record = record_type.record
        tag = f"{keyword} s{index}"
        checks.append(f'_Static_assert(sizeof({tag}) == {record.size}, "size s{index}");')
        checks.append(f'_Static_assert(_Alignof({tag}) == {record.align}, "align s{index}");')
        for member in record.members:
            if member.name in named:
                checks.append(f'_Static_assert(offsetof({tag}, {member.name}) == {member.offset}, '
                              f'"offset s{index}.{member.name}");')
    path = tmp_path / "layout.c"
    path.write_text(source + "\n".join(checks) + "\n")
    result = subprocess.run([compiler, "-fsyntax-only", "-w", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[:3000]


@pytest.fixture(scope="module")
def types() -> TypeSystem:
    return TypeSystem(find_target("x86_64"))


def test_integer_promotions(types: TypeSystem):
    assert types.promote(types.char) is types.int
    assert types.promote(types.ushort) is types.int
    assert types.promote(types.bool_) is types.int
    assert types.promote(types.uint) is types.uint
    assert types.promote(types.long) is types.long


@pytest.mark.parametrize("a, b, expected", [
    ("int", "uint", "unsigned int"), ("long", "uint", "long int"), ("llong", "ulong", "long long unsigned int"),
    ("ulong", "llong", "long long unsigned int"), ("char", "short", "int"), ("int", "float", "float"),
    ("double", "long_double", "long double"), ("ullong", "int128", "__int128"),
])
def test_usual_arithmetic_conversions(types: TypeSystem, a: str, b: str, expected: str):
    assert type_name(types.usual_arithmetic_conversion(getattr(types, a), getattr(types, b))) == expected


def test_i386_sizes():
    t = TypeSystem(find_target("i386"))
    assert (t.long.size, t.llong.align, t.double.align, t.long_double.size, t.pointer(t.int).size) == \
        (4, 4, 4, 12, 4)
    assert type_name(t.usual_arithmetic_conversion(t.long, t.uint)) == "long unsigned int"


def test_char_signedness_per_target():
    assert TypeSystem(find_target("x86_64")).char.signed
    assert not TypeSystem(find_target("aarch64")).char.signed
