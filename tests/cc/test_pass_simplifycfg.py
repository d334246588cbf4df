"""simplifycfg's switch simplification, jump threading and if-conversion, and tail
merging: IR built with irbuild.py, the pass run with the verifier, the shape
checked; cases that must not change; small C run in the IR interpreter and
natively at -O1, -O2 and -Os against outputs worked out by hand."""

from __future__ import annotations

import pytest

from irbuild import I1, I32, PTR, VOID, ModuleBuilder, c
from pccrun import execute, ok
from test_lower import lower_source, run_ir

from toolchain.cc.ir.verify import verify_module
from toolchain.cc.passes import PIPELINES, run_pipeline, simplifycfg, tailmerge


def _simplify(module) -> None:
    verify_module(module)
    simplifycfg.run(module)
    verify_module(module)


def _opcodes(fn) -> list[str]:
    return [i.opcode for b in fn.blocks for i in b.instructions]


# --- switch ------------------------------------------------------------------------------

def test_switch_with_one_case_becomes_br_on_icmp_eq():
    m = ModuleBuilder()
    f = m.function("f", I32, [I32])
    entry, one, other = f.block("entry"), f.block("one"), f.block("other")
    entry.switch(f.arg(0), other, [(7, one)])
    one.ret(c(I32, 1))
    other.ret(c(I32, 2))
    _simplify(m.module)
    term = f.fn.blocks[0].terminator
    assert term.opcode == "br"
    compare = term.operands[0]
    assert compare.opcode == "icmp" and compare.attributes["predicate"] == "eq"
    assert compare.operands[1].value == 7
    assert term.targets == [one.block, other.block]


def test_switch_drops_cases_that_go_to_the_default():
    m = ModuleBuilder()
    f = m.function("f", I32, [I32])
    entry, a, b, other = f.block("entry"), f.block("a"), f.block("b"), f.block("other")
    entry.switch(f.arg(0), other, [(1, a), (2, other), (3, b), (4, other)])
    a.ret(c(I32, 1))
    b.ret(c(I32, 3))
    other.ret(c(I32, 0))
    _simplify(m.module)
    term = f.fn.blocks[0].terminator
    assert term.opcode == "switch" and term.attributes["cases"] == [1, 3]
    assert term.targets == [other.block, a.block, b.block]


def test_switch_whose_cases_all_go_to_the_default_is_a_jump():
    m = ModuleBuilder()
    f = m.function("f", I32, [I32, I32])
    entry, other = f.block("entry"), f.block("other")
    entry.switch(f.arg(0), other, [(1, other), (2, other)])
    other.ret(f.arg(1))
    _simplify(m.module)
    assert _opcodes(f.fn) == ["ret"]


# --- jump threading ------------------------------------------------------------------------

def _and_shape(m, tested_value_from_c=None):
    """entry: br %a, A, C;  A: br %b, B(1), B(0);  C: jmp B(0 or a value);
    B: %t = phi; br %t, T, F;  T: ret 10;  F: ret 20."""
    f = m.function("f", I32, [I1, I1, I1])
    entry, a, cc, b, t, fl = (f.block(n) for n in ("entry", "A", "C", "B", "T", "F"))
    entry.br(f.arg(0), a, cc)
    a.jmp(b)
    cc.jmp(b)
    phi = b.phi(I1, (c(I1, 1), a), (tested_value_from_c or c(I1, 0), cc))
    b.br(phi, t, fl)
    t.ret(c(I32, 10))
    fl.ret(c(I32, 20))
    return f, (entry, a, cc, b, t, fl)


def test_branch_on_a_phi_of_constants_is_threaded():
    m = ModuleBuilder()
    f, (entry, a, cc, b, t, fl) = _and_shape(m)
    _simplify(m.module)
    # B disappears: entry branches straight to T or F
    assert b.block not in f.fn.blocks
    term = f.fn.blocks[0].terminator
    assert term.opcode == "br" and term.targets == [t.block, fl.block]
    assert "phi" not in _opcodes(f.fn)


def test_threading_keeps_the_predecessor_with_an_unknown_value():
    m = ModuleBuilder()
    f, (entry, a, cc, b, t, fl) = _and_shape(m, tested_value_from_c=None)
    # C brings a value known only at run time
    phi = b.block.instructions[0]
    phi.operands[1] = f.arg(2)
    _simplify(m.module)
    # entry goes to T at once when %a holds; otherwise B still tests C's value
    assert f.fn.blocks[0].terminator.targets == [t.block, b.block]
    phi = b.block.phis()[0]
    assert phi.attributes["incoming"] == [entry.block] and phi.operands == [f.arg(2)]


def test_branch_decided_by_a_dominating_branch_is_folded():
    m = ModuleBuilder()
    f = m.function("f", I32, [I32, I32])
    entry, inner, yes, no, out = (f.block(n) for n in ("entry", "inner", "yes", "no", "out"))
    outer = entry.icmp("slt", f.arg(0), f.arg(1))
    entry.br(outer, inner, out)
    again = inner.icmp("sge", f.arg(0), f.arg(1))     # the inverse: false below entry->inner
    inner.call(VOID, "g")
    inner.br(again, yes, no)
    yes.ret(c(I32, 1))
    no.ret(c(I32, 2))
    out.ret(c(I32, 3))
    _simplify(m.module)
    assert yes.block not in f.fn.blocks
    assert _opcodes(f.fn).count("br") == 1


@pytest.mark.parametrize("first, second, decided", [
    ("slt", "sgt", True),      # a < b: a > b is false
    ("eq", "ult", True),       # a == b: a < b is false
    ("slt", "sle", True),      # a < b: a <= b is true
    ("sle", "slt", False),     # a <= b says nothing of a < b
])
def test_comparisons_implied_by_a_dominating_one(first, second, decided):
    m = ModuleBuilder()
    f = m.function("f", I32, [I32, I32])
    entry, inner, yes, no, out = (f.block(n) for n in ("entry", "inner", "yes", "no", "out"))
    entry.br(entry.icmp(first, f.arg(0), f.arg(1)), inner, out)
    inner.call(VOID, "g")
    inner.br(inner.icmp(second, f.arg(0), f.arg(1)), yes, no)
    yes.ret(c(I32, 1))
    no.ret(c(I32, 2))
    out.ret(c(I32, 3))
    _simplify(m.module)
    assert (_opcodes(f.fn).count("br") == 1) == decided


# --- if-conversion -------------------------------------------------------------------------

def test_triangle_becomes_select():
    m = ModuleBuilder()
    f = m.function("min", I32, [I32, I32])
    entry, other, join = f.block("entry"), f.block("else"), f.block("join")
    less = entry.icmp("slt", f.arg(0), f.arg(1))
    entry.br(less, join, other)
    other.jmp(join)
    join.ret(join.phi(I32, (f.arg(0), entry), (f.arg(1), other)))
    _simplify(m.module)
    assert _opcodes(f.fn) == ["icmp", "select", "ret"]
    select = f.fn.blocks[0].instructions[1]
    assert select.operands == [less, f.arg(0), f.arg(1)]


def test_diamond_with_cheap_arms_becomes_select():
    m = ModuleBuilder()
    f = m.function("f", I32, [I1, I32])
    entry, a, b, join = f.block("entry"), f.block("a"), f.block("b"), f.block("join")
    entry.br(f.arg(0), a, b)
    plus = a.add(f.arg(1), c(I32, 5))
    a.jmp(join)
    minus = b.sub(f.arg(1), c(I32, 3))
    b.jmp(join)
    join.ret(join.phi(I32, (plus, a), (minus, b)))
    _simplify(m.module)
    assert len(f.fn.blocks) == 1
    select = [i for i in f.fn.blocks[0].instructions if i.opcode == "select"][0]
    assert select.operands == [f.arg(0), plus, minus]


def test_logical_and_value_becomes_zext_and_select():
    """``return a && b``: the shared empty 'false' block has two predecessors; it stays
    for the other one while each head is converted, then goes too."""
    m = ModuleBuilder()
    f = m.function("f", I32, [I1, I1])
    entry, both, false, join = (f.block(n) for n in ("entry", "and", "false", "join"))
    entry.br(f.arg(0), both, false)
    both.br(f.arg(1), join, false)
    false.jmp(join)
    join.ret(join.phi(I32, (c(I32, 0), false), (c(I32, 1), both)))
    _simplify(m.module)
    assert len(f.fn.blocks) == 1
    assert _opcodes(f.fn) == ["zext", "select", "ret"]
    zext, select = f.fn.blocks[0].instructions[:2]
    assert zext.operands == [f.arg(1)]
    assert select.operands[0] is f.arg(0) and select.operands[1] is zext
    assert select.operands[2].value == 0


@pytest.mark.parametrize("arm", ["load", "call", "sdiv", "long"])
def test_arms_that_may_trap_or_cost_stay_branches(arm):
    m = ModuleBuilder()
    f = m.function("f", I32, [I1, I32, PTR])
    entry, a, join = f.block("entry"), f.block("a"), f.block("join")
    entry.br(f.arg(0), a, join)
    if arm == "load":
        value = a.load(I32, f.arg(2))
    elif arm == "call":
        value = a.call(I32, "g", f.arg(1))
    elif arm == "sdiv":
        value = a.sdiv(c(I32, 100), f.arg(1))
    else:
        value = a.add(a.mul(a.xor(f.arg(1), c(I32, 3)), c(I32, 7)), c(I32, 1))
    a.jmp(join)
    join.ret(join.phi(I32, (value, a), (f.arg(1), entry)))
    _simplify(m.module)
    assert "select" not in _opcodes(f.fn)
    assert "br" in _opcodes(f.fn)


# --- tail merging ------------------------------------------------------------------------

def _abort_checks(m, arguments=(None, None, None)):
    """Three tests that each end in ``call abort(arg); unreachable``, then ret 0."""
    f = m.function("f", I32, [I32, I32])
    blocks = [f.block(n) for n in ("entry", "fail1", "next1", "fail2", "next2", "fail3",
                                   "done")]
    entry, fail1, next1, fail2, next2, fail3, done = blocks
    entry.br(entry.icmp("sgt", f.arg(0), c(I32, 3)), fail1, next1)
    next1.br(next1.icmp("sgt", f.arg(1), c(I32, 4)), fail2, next2)
    next2.br(next2.icmp("eq", f.arg(0), f.arg(1)), fail3, done)
    for fail, argument in zip((fail1, fail2, fail3), arguments):
        if argument is None:
            fail.call(VOID, "abort", noreturn=True)
        else:
            fail.call(VOID, "abort", argument, noreturn=True)
        fail.emit("unreachable", VOID)
    done.ret(c(I32, 0))
    return f


def test_abort_blocks_merge_into_one():
    m = ModuleBuilder()
    f = _abort_checks(m)
    verify_module(m.module)
    assert tailmerge.run_blocks(m.module)
    verify_module(m.module)
    assert _opcodes(f.fn).count("call") == 1
    assert len(f.fn.blocks) == 5


def test_calls_with_different_arguments_do_not_merge():
    m = ModuleBuilder()
    f = _abort_checks(m, (c(I32, 1), c(I32, 2), c(I32, 1)))
    tailmerge.run(m.module)
    verify_module(m.module)
    assert _opcodes(f.fn).count("call") == 2          # the two abort(1) merge


def test_common_tail_is_split_off_at_Os_only():
    def build():
        m = ModuleBuilder()
        f = m.function("f", I32, [I1, I32])
        entry, a, b = f.block("entry"), f.block("a"), f.block("b")
        entry.br(f.arg(0), a, b)
        for block, first in ((a, 1), (b, 2)):
            block.call(VOID, "g", c(I32, first))
            result = block.call(I32, "h", f.arg(1))
            block.ret(block.add(result, c(I32, 1)))
        return m, f
    m, f = build()
    assert not tailmerge.run_blocks(m.module)
    m, f = build()
    assert tailmerge.run(m.module)
    verify_module(m.module)
    ops = _opcodes(f.fn)
    assert ops.count("call") == 3 and ops.count("add") == 1 and ops.count("ret") == 1


def test_jumps_to_a_join_whose_phi_differs_do_not_merge():
    m = ModuleBuilder()
    f = m.function("f", I32, [I1, I32])
    entry, a, b, join = f.block("entry"), f.block("a"), f.block("b"), f.block("join")
    entry.br(f.arg(0), a, b)
    for block in (a, b):
        block.call(VOID, "g", f.arg(1))
        block.jmp(join)
    join.ret(join.phi(I32, (c(I32, 1), a), (c(I32, 2), b)))
    tailmerge.run(m.module)
    verify_module(m.module)
    assert _opcodes(f.fn).count("call") == 2
    # the same with equal phi inputs merges
    join.block.instructions[0].operands[1] = c(I32, 1)
    assert tailmerge.run(m.module)
    verify_module(m.module)
    assert _opcodes(f.fn).count("call") == 1


def test_volatile_and_plain_loads_do_not_merge():
    m = ModuleBuilder()
    f = m.function("f", I32, [I1, PTR])
    entry, a, b = f.block("entry"), f.block("a"), f.block("b")
    entry.br(f.arg(0), a, b)
    a.ret(a.emit("load", I32, [f.arg(1)], volatile=True))
    b.ret(b.load(I32, f.arg(1)))
    tailmerge.run(m.module)
    verify_module(m.module)
    assert _opcodes(f.fn).count("load") == 2


def test_tail_value_used_elsewhere_stays():
    m = ModuleBuilder()
    f = m.function("f", I32, [I1, I32])
    entry, a, b, use = f.block("entry"), f.block("a"), f.block("b"), f.block("use")
    entry.br(f.arg(0), a, b)
    shared = a.call(I32, "h", f.arg(1))
    a.br(a.icmp("eq", shared, c(I32, 0)), use, b)
    b.call(I32, "h", f.arg(1))
    b.ret(c(I32, 0))
    use.call(I32, "h", f.arg(1))
    use.ret(shared)
    tailmerge.run(m.module)
    verify_module(m.module)
    assert _opcodes(f.fn).count("ret") == 2


def test_pipelines():
    assert "tailmerge" in PIPELINES["-Os"] and "tailmerge-blocks" in PIPELINES["-O2"]
    assert not {"tailmerge", "tailmerge-blocks"} & set(PIPELINES["-O1"])


# --- whole programs ------------------------------------------------------------------------

PROGRAM = r"""
#include <stdio.h>
#include <stdlib.h>
static int check(int a, int b) {
    if (a > 30) abort();
    if (b > 40) abort();
    if (a + b == 1000) abort();
    return a - b;
}
static int min(int a, int b) { return a < b ? a : b; }
static int max(int a, int b) { if (a > b) b = a; return b; }
static int both(int a, int b) { int t = a && b; if (t) return 3; return 4; }
static int either(int a, int b, int c) { if ((a && b) || c) return 7; return 8; }
static int nested(int a, int b) { if (a < b) { if (a >= b) return 99; return 1; } return 2; }
static int sw(int x) {
    switch (x) { case 1: case 2: default: return 5; case 9: return 6; }
}
static int sw1(int x) { switch (x) { case -3: return 10; } return 11; }
static int tails(int a, int b) {
    if (a) { printf("a"); return printf("%d\n", b) + 1; }
    if (b) return 0;
    printf("b");
    return printf("%d\n", b) + 1;
}
int main(void) {
    int total = 0;
    for (int i = -3; i < 4; i++)
        for (int j = -2; j < 3; j++) {
            total = total * 7 + check(i, j) + min(i, j) * 3 + max(i, j) * 5
                    + both(i, j) + either(i, j, i + j) + nested(i, j) + sw(i + 3) + sw1(i)
                    + sw(9 + j);
            total &= 0xffffff;
        }
    printf("%d %d %d\n", total, tails(1, 2), tails(0, 3));
    printf("%d\n", tails(0, 0));
    return min(7, 3);
}
"""
EXPECTED = (3, b"a2\n13633316 3 0\nb0\n3\n")      # gcc -O2 gives the same


@pytest.mark.parametrize("level", ["-O1", "-O2", "-Os"])
def test_program_in_the_interpreter(tmp_path, level):
    module = lower_source(tmp_path, PROGRAM)
    run_pipeline(module, level, verify=True)
    assert run_ir(module) == EXPECTED


@pytest.mark.parametrize("level", ["-O1", "-Os"])
def test_program_natively(tmp_path, level):
    source = tmp_path / "p.c"
    source.write_text(PROGRAM)
    ok(level, "-o", tmp_path / "opt", source)
    assert execute(tmp_path / "opt") == (EXPECTED[0], EXPECTED[1].decode())


_PREDICATES = {
    "eq": lambda a, b: a == b, "ne": lambda a, b: a != b,
    "slt": lambda a, b: a < b, "sle": lambda a, b: a <= b,
    "sgt": lambda a, b: a > b, "sge": lambda a, b: a >= b,
    "ult": lambda a, b: a % 2**32 < b % 2**32, "ule": lambda a, b: a % 2**32 <= b % 2**32,
    "ugt": lambda a, b: a % 2**32 > b % 2**32, "uge": lambda a, b: a % 2**32 >= b % 2**32,
}


def test_every_decided_comparison_is_right():
    """Each pair of predicates, operands in order or swapped, below either edge: what
    the pass decides must hold for every pair of values on that edge."""
    domain = [-2, -1, 0, 1, 2]
    decided = 0
    for first, edge, second, swapped in [(p, e, q, s) for p in _PREDICATES for e in (True, False)
                                         for q in _PREDICATES for s in (False, True)]:
        m = ModuleBuilder()
        f = m.function("f", I32, [I32, I32])
        entry, inner, yes, no, out = (f.block(n) for n in ("entry", "inner", "yes", "no", "out"))
        test = entry.icmp(first, f.arg(0), f.arg(1))
        entry.br(test, inner, out) if edge else entry.br(test, out, inner)
        inner.call(VOID, "g")
        x, y = (f.arg(1), f.arg(0)) if swapped else (f.arg(0), f.arg(1))
        inner.br(inner.icmp(second, x, y), yes, no)
        yes.ret(c(I32, 1))
        no.ret(c(I32, 2))
        out.ret(c(I32, 3))
        _simplify(m.module)
        returned = {i.operands[0].value for b in f.fn.blocks for i in b.instructions
                    if i.opcode == "ret"}
        pairs = [(a, b) for a in domain for b in domain if _PREDICATES[first](a, b) == edge]
        outcomes = {_PREDICATES[second](*((b, a) if swapped else (a, b))) for a, b in pairs}
        if 1 not in returned:
            assert outcomes == {False}, (first, edge, second, swapped)
        if 2 not in returned:
            assert outcomes == {True}, (first, edge, second, swapped)
        decided += 1 not in returned or 2 not in returned
    assert decided >= 100       # of 400: the equivalent and implied forms are found
