"""Semantic analysis: integer constant expressions (C11 6.6), the types of
constants (6.4.4) and of expressions after the usual conversions, checked
with ``_Static_assert`` and ``_Generic`` inside small programs that must
parse without a diagnostic.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ctokens import Diagnostics, Options, tokenize  # noqa: E402

from toolchain.cc.frontend import parse_translation_unit  # noqa: E402
from toolchain.common.target import find_target  # noqa: E402

PRELUDE = """
#define TYPE(e) _Generic((e), int: 1, unsigned: 2, long: 3, unsigned long: 4, long long: 5, \\
    unsigned long long: 6, float: 7, double: 8, long double: 9, char *: 10, default: 0)
"""


def check(source: str, target: str = "x86_64") -> list[str]:
    import subprocess
    text = subprocess.run(["gcc", "-E", "-P", "-"], input=PRELUDE + source, capture_output=True,
                          text=True).stdout
    diagnostics = Diagnostics()
    parse_translation_unit(tokenize(text, "t.c"), find_target(target), diagnostics, Options())
    return diagnostics.lines


CONSTANT_EXPRESSIONS = [
    "1 + 2 * 3 == 7", "-7 / 2 == -3", "-7 % 2 == -1", "(1u << 31) == 2147483648u",
    "(unsigned char)300 == 44", "(signed char)200 == -56", "~0u == 4294967295u", "-1 < 0u == 0",
    "sizeof(int[10]) == 40", "sizeof(struct { char c; int i; }) == 8", "_Alignof(double) == 8",
    "sizeof(long double) == 16", "(1 ? 2 : 3) == 2", "(0 || 5) == 1", "(3 && 0) == 0",
    "__builtin_offsetof(struct { char a; short b[4]; int c; }, c) == 12",
    "(int)3.9 == 3", "'a' == 97", "'\\377' == -1", "L'x' == 120", "sizeof(\"abc\") == 4",
    "sizeof(L\"ab\") == 12", "sizeof(u\"ab\") == 6", "0x7fffffff + 0 == 2147483647",
    "(long)&((struct { int a; int b; } *)0)->b == 4", "__builtin_types_compatible_p(int, signed)",
    "!__builtin_types_compatible_p(int, long)", "__builtin_choose_expr(1, 2, 3.0) == 2",
    "__builtin_constant_p(3 + 4)", "sizeof('a') == 4", "sizeof(1 ? (char)1 : (short)2) == 4",
    "0b101 == 5", "010 == 8", "1e2 == 100", "0x1p4 == 16",
]


@pytest.mark.parametrize("expression", CONSTANT_EXPRESSIONS)
def test_constant_expression(expression: str):
    assert check(f'_Static_assert({expression}, "");\n') == []


CONSTANT_TYPES = [
    ("2147483647", 1), ("2147483648", 3), ("0x80000000", 2), ("4294967296", 3), ("1u", 2),
    ("1l", 3), ("1ul", 4), ("1ll", 5), ("1ull", 6), ("0xffffffffffffffff", 4),
    ("1.0f", 7), ("1.0", 8), ("1.0L", 9), ("'a'", 1), ("(char)1 + (char)1", 1),
    ("1u + 1l", 3), ("1u + 1", 2), ("(short)1 * 1u", 2), ("1 + 1.0f", 7), ("\"s\"", 10),
]


@pytest.mark.parametrize("expression, code", CONSTANT_TYPES)
def test_expression_type(expression: str, code: int):
    assert check(f'_Static_assert(TYPE({expression}) == {code}, "");\n') == []


def test_i386_constant_types():
    assert check('_Static_assert(TYPE(2147483648) == 5, "");\n'
                 '_Static_assert(sizeof(long) == 4, "");\n'
                 '_Static_assert(_Alignof(long long) == 4, "");\n', "i386") == []


def test_failing_static_assert_reports():
    lines = check('_Static_assert(1 + 1 == 3, "math");\n')
    assert lines and 'static assertion failed: "math"' in lines[0]


def test_implicit_conversions_are_in_the_tree():
    from toolchain.cc import ast
    diagnostics = Diagnostics()
    unit = parse_translation_unit(tokenize("long f(int i, char c) { return i + c; }\n"),
                                  find_target("x86_64"), diagnostics, Options())
    body = unit.items[0].body
    ret = body.items[0]
    assert isinstance(ret, ast.Return)
    assert isinstance(ret.value, ast.Cast) and ret.value.implicit
    assert str(ret.value.type) == "long int"
    assert str(ret.value.operand.type) == "int"
