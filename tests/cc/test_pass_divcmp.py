"""Division compares (passes/divcmp.py, run by instcombine): the interval algebra checked
against brute force on every 6-bit divisor, constant and relation; the folded IR of
i8 divisions evaluated for every operand value against the division itself; C
programs run in the IR interpreter at -O0 and -Os with the same output."""

from __future__ import annotations

import pytest

from irbuild import I8, I32, ModuleBuilder, c
from test_pass_instcombine import combine, ir_of, run_c
from toolchain.cc.ir import Constant, Instruction
from toolchain.cc.passes.divcmp import interval

RELATIONS = {"eq": lambda a, b: a == b, "lt": lambda a, b: a < b, "le": lambda a, b: a <= b,
             "gt": lambda a, b: a > b, "ge": lambda a, b: a >= b}


def truncated(x: int, d: int) -> int:
    q = abs(x) // abs(d)
    return q if (x < 0) == (d < 0) else -q


@pytest.mark.parametrize("signed", [True, False])
def test_interval_matches_brute_force_on_six_bits(signed):
    n = 6
    values = range(-(1 << (n - 1)), 1 << (n - 1)) if signed else range(1 << n)
    for d in values:
        if d == 0:
            continue
        for k in values:
            for relation, holds in RELATIONS.items():
                low, high = interval(signed, d, relation, k)
                for x in values:
                    inside = (low is None or x >= low) and (high is None or x <= high)
                    assert inside == holds(truncated(x, d), k), (signed, d, k, relation, x)


def _evaluate(value, x: int, arg, bits: int = 8):
    """The folded IR's value for the argument ``x`` (the few opcodes the fold leaves)."""
    mask = (1 << bits) - 1
    if value is arg:
        return x & mask
    if isinstance(value, Constant):
        return value.value & ((1 << 32) - 1 if value.type is I32 else mask if value.type is I8
                              else 1)
    assert isinstance(value, Instruction), value
    a, *rest = [_evaluate(v, x, arg, bits) for v in value.operands]
    width = 1 if value.type.value == "i1" else 32 if value.type is I32 else 8
    m = (1 << width) - 1

    def signed(v, w):
        return v - (1 << w) if v >> (w - 1) else v
    op = value.opcode
    if op == "sub":
        return (a - rest[0]) & m
    if op == "sext":
        return signed(a, 8) & m
    if op == "zext":
        return a
    if op in ("sdiv", "udiv"):
        if op == "sdiv":
            return truncated(signed(a, width), signed(rest[0], width)) & m
        return a // rest[0]
    if op == "icmp":
        w = 32 if value.operands[0].type is I32 else 8
        p = value.attributes["predicate"]
        b = rest[0]
        if p[0] == "s":
            a, b = signed(a, w), signed(b, w)
        relation = {"eq": "eq", "ne": "ne"}.get(p, p[1:])
        if relation == "ne":
            return int(a != b)
        return int(RELATIONS[relation](a, b))
    raise AssertionError(op)


PREDICATES = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"]


@pytest.mark.parametrize("division", ["sdiv", "udiv"])
def test_folded_i8_divisions_agree_for_every_operand(division):
    divisors = [1, 2, 3, 7, 10, 100, 127, -1, -2, -3, -10, -100, -128]
    constants = [-128, -127, -13, -2, -1, 0, 1, 2, 3, 12, 100, 126, 127]
    folded = 0
    for d in divisors:
        for k in constants:
            for predicate in PREDICATES:
                if predicate[0] in "su" and (predicate[0] == "s") != (division == "sdiv"):
                    continue
                mb = ModuleBuilder()
                f = mb.function("f", I8, [I8])
                b = f.block("entry")
                quotient = b.emit(division, I8, [f.arg(0), c(I8, d & 255)])
                compare = b.icmp(predicate, quotient, c(I8, k & 255))
                b.ret(b.conv("zext", compare, I8))
                reference = [_evaluate(compare, x, f.arg(0)) for x in range(256)]
                combine(mb)
                now = f.fn.blocks[0].instructions[-1].operands[0]
                now = now.operands[0] if isinstance(now, Instruction) else now
                if not (isinstance(now, Instruction) and now.operands[0] is quotient):
                    folded += 1
                defined = [x for x in range(256)      # -128 / -1 overflows: undefined
                           if not (division == "sdiv" and d == -1 and x == 128)]
                assert [_evaluate(now, x, f.arg(0)) for x in defined] == \
                    [reference[x] for x in defined], (division, d, k, predicate)
    assert folded > 500


def test_a_division_with_another_use_stays():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32])
    b = f.block("entry")
    quotient = b.emit("sdiv", I32, [f.arg(0), c(I32, 10)])
    compare = b.icmp("eq", quotient, c(I32, 2))
    b.ret(b.emit("add", I32, [quotient, b.conv("zext", compare, I32)]))
    combine(mb)
    assert compare.operands[0] is quotient


def test_a_signed_quotient_compared_unsigned_stays():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32])
    b = f.block("entry")
    quotient = b.emit("sdiv", I32, [f.arg(0), c(I32, 10)])
    compare = b.icmp("ult", quotient, c(I32, 2))
    b.ret(b.conv("zext", compare, I32))
    combine(mb)
    assert compare.operands[0] is quotient


def test_a_char_divided_after_promotion_folds_to_a_constant(tmp_path):
    text = ir_of(tmp_path, "int f(char x) { return x / 100 == 3; }\n"
                           "int g(unsigned char x) { return x / 100 <= 2; }", "-Os")
    assert "ret i32 0" in text and "ret i32 1" in text and "div" not in text, text


def test_an_equality_is_one_range_check(tmp_path):
    text = ir_of(tmp_path, "int f(int x) { return x / -10 == 2; }", "-Os")
    assert "div" not in text and "sub" in text and "icmp ule" in text, text


PROGRAM = r"""
int printf(const char *, ...);
int eq(int x) { return x / 10 == 2; }    int ne(int x) { return x / -7 != -3; }
int lt(int x) { return x / 10 < -2; }    int le(int x) { return x / -10 <= 0; }
int gt(unsigned x) { return x / 10u > 7; } int ge(unsigned x) { return x / 3u >= 0x55555555u; }
int sc(signed char x) { return x / 3 == -42; } int uc(unsigned char x) { return x / 7 < 30; }
int main(void) {
  static const int xs[] = { -2147483647 - 1, -2147483647, -31, -30, -29, -21, -20, -19, -10,
                            -9, -1, 0, 1, 9, 10, 19, 20, 21, 29, 30, 79, 80, 2147483647 };
  unsigned sum = 0;
  for (unsigned i = 0; i < sizeof xs / sizeof *xs; i++) {
    int x = xs[i];
    sum = sum * 3 + eq(x); sum = sum * 3 + ne(x); sum = sum * 3 + lt(x); sum = sum * 3 + le(x);
    sum = sum * 3 + gt(x); sum = sum * 3 + ge(x); sum = sum * 3 + sc(x); sum = sum * 3 + uc(x);
    printf("%d%d%d%d%d%d%d%d\n", eq(x), ne(x), lt(x), le(x), gt(x), ge(x), sc(x), uc(x));
  }
  printf("%u\n", sum);
  return 0;
}
"""


def test_division_compares_agree_at_every_level(tmp_path):
    status, out = run_c(tmp_path, PROGRAM, "-O0")
    assert status == 0 and out.count(b"\n") == 24
    for level in ("-O1", "-Os"):
        assert run_c(tmp_path, PROGRAM, level) == (status, out), level
