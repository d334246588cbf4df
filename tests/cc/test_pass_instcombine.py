"""instcombine: algebraic simplification.  IR built with irbuild, the pass run, the IR
checked (and what must stay: a division by a constant zero, comparisons of
different signedness); small C programs run through the pipelines in the IR
interpreter."""

from __future__ import annotations

import pytest

from irbuild import F32, I1, I8, I32, I64, PTR, ModuleBuilder, c, g
from toolchain.cc.diagnostics import CDiagnostics
from toolchain.cc.driver import parse_command_line
from toolchain.cc.frontend import parse_translation_unit
from toolchain.cc.ir import Constant, Undef
from toolchain.cc.ir.interp import Interpreter, run_deep
from toolchain.cc.ir.printer import format_function
from toolchain.cc.ir.verify import verify_module
from toolchain.cc.lower import lower_translation_unit
from toolchain.cc.passes import instcombine, run_pipeline
from toolchain.cc.preprocessor import Preprocessor
from toolchain.cc.tokens import Token


def lower_c(tmp_path, source: str):
    path = tmp_path / "t.c"
    path.write_text(source)
    opts = parse_command_line(["--sysroot=/", "-std=gnu11", "-w", "-fsyntax-only", str(path)])
    diagnostics = CDiagnostics(color=False, show_caret=False, options=opts.warnings)
    tokens = [t for t in Preprocessor(opts.target, opts.preprocessor, diagnostics).items(str(path))
              if isinstance(t, Token)]
    unit = parse_translation_unit(tokens, opts.target, diagnostics, opts)
    assert not diagnostics.failed
    return lower_translation_unit(unit, opts.target)


def run_c(tmp_path, source: str, level: str) -> tuple[int, bytes]:
    """Compile ``source`` to IR, run the ``level`` pipeline (verifying), interpret main."""
    module = lower_c(tmp_path, source)
    run_pipeline(module, level, verify=True)
    interpreter = Interpreter(module, 5_000_000)
    status = run_deep(interpreter.run_main)
    return status, bytes(interpreter.out)


def ir_of(tmp_path, source: str, level: str = "-O1") -> str:
    module = lower_c(tmp_path, source)
    run_pipeline(module, level, verify=True)
    return "\n".join(format_function(f) for f in module.functions)


def combine(mb: ModuleBuilder) -> bool:
    verify_module(mb.module)
    changed = instcombine.run(mb.module)
    verify_module(mb.module)
    return changed


def result(fb):
    return fb.fn.blocks[-1].instructions[-1].operands[0]


def constant(v, expected) -> bool:
    return isinstance(v, Constant) and v.value == expected


# --- IR rules -------------------------------------------------------------------------------

@pytest.mark.parametrize("op, first, second, expected", [
    ("add", 3, 4, ("add", 7)), ("mul", 3, 5, ("mul", 15)), ("and", 12, 10, ("and", 8)),
    ("or", 1, 2, ("or", 3)), ("xor", 6, 3, ("xor", 5)), ("sub", 3, 5, ("add", 2**32 - 8)),
])
def test_constants_reassociate(op, first, second, expected):
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32])
    b = f.block("entry")
    inner_op = "sub" if op == "sub" else op
    inner = b.emit(inner_op, I32, [f.arg(0), c(I32, first)])
    b.ret(b.emit(op, I32, [inner, c(I32, second)]))
    assert combine(mb)
    outer = result(f)
    assert (outer.opcode, outer.operands[1].value) == expected and outer.operands[0] is f.arg(0)


def test_pointer_offsets_reassociate_with_the_constant_first():
    mb = ModuleBuilder()
    f = mb.function("f", PTR, [PTR])
    b = f.block("entry")
    inner = b.emit("add", PTR, [c(PTR, 8), f.arg(0)])
    b.ret(b.emit("add", PTR, [inner, c(PTR, 4)]))
    combine(mb)
    assert result(f).operands[0] is f.arg(0) and constant(result(f).operands[1], 12)


@pytest.mark.parametrize("op, expected", [("sub", 0), ("xor", 0), ("and", "x"), ("or", "x")])
def test_an_operation_on_a_value_and_itself(op, expected):
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32])
    b = f.block("entry")
    b.ret(b.emit(op, I32, [f.arg(0), f.arg(0)]))
    combine(mb)
    assert result(f) is f.arg(0) if expected == "x" else constant(result(f), expected)


@pytest.mark.parametrize("predicate, expected", [("eq", 1), ("sle", 1), ("ugt", 0), ("ne", 0)])
def test_comparison_with_itself(predicate, expected):
    mb = ModuleBuilder()
    f = mb.function("f", I1, [I32])
    b = f.block("entry")
    b.ret(b.icmp(predicate, f.arg(0), f.arg(0)))
    combine(mb)
    assert constant(result(f), expected)


def test_comparison_of_floats_with_themselves_stays():
    mb = ModuleBuilder()
    f = mb.function("f", I1, [F32])
    b = f.block("entry")
    cmp = b.fcmp("oeq", f.arg(0), f.arg(0))      # false for a NaN
    b.ret(cmp)
    combine(mb)
    assert result(f) is cmp


@pytest.mark.parametrize("ext, predicate, k, expected", [
    ("zext", "eq", 300, 0), ("zext", "ne", 256, 1), ("zext", "ult", 256, 1),
    ("zext", "sgt", -1, 1), ("zext", "slt", 0, None), ("sext", "slt", 128, 1),
    ("sext", "sge", -129, 1), ("sext", "ugt", 127, None), ("sext", "ult", 2**32 - 200, None),
    ("sext", "eq", 200, 0),
])
def test_extended_byte_against_a_constant(ext, predicate, k, expected):
    mb = ModuleBuilder()
    f = mb.function("f", I1, [I8])
    b = f.block("entry")
    cmp = b.icmp(predicate, b.conv(ext, f.arg(0), I32), c(I32, k))
    b.ret(cmp)
    combine(mb)
    if expected is None:
        assert result(f) is cmp
    else:
        assert constant(result(f), expected)


def test_comparison_of_an_extended_bool_is_the_bool_or_its_negation():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32, I32])
    b = f.block("entry")
    lt = b.icmp("slt", f.arg(0), f.arg(1))
    wide = b.conv("zext", lt, I32)
    same = b.icmp("ne", wide, c(I32, 0))
    negated = b.icmp("eq", wide, c(I32, 0))
    b.ret(b.emit("add", I32, [b.conv("zext", same, I32), b.conv("zext", negated, I32)]))
    combine(mb)
    zexts = [i for i in b.block.instructions if i.opcode == "zext"]
    assert zexts[-2].operands[0] is lt
    flipped = zexts[-1].operands[0]
    assert flipped.opcode == "icmp" and flipped.attributes["predicate"] == "sge"


def test_wide_extension_compared_with_zero_compares_the_source():
    mb = ModuleBuilder()
    f = mb.function("f", I1, [I32])
    b = f.block("entry")
    cmp = b.icmp("eq", b.emit("mul", I64, [b.conv("sext", f.arg(0), I64), c(I64, 7)]),
                 c(I64, 0))
    b.ret(cmp)
    combine(mb)
    assert result(f).operands[0] is f.arg(0) and result(f).operands[1].type is I32


@pytest.mark.parametrize("first, second, joined, expected", [
    ("slt", "sgt", "and", 0), ("eq", "ne", "and", 0), ("sge", "slt", "or", 1),
    ("sle", "sge", "and", "eq"), ("slt", "eq", "or", "sle"), ("ult", "slt", "and", None),
])
def test_two_comparisons_of_the_same_operands(first, second, joined, expected):
    mb = ModuleBuilder()
    f = mb.function("f", I1, [I32, I32])
    b = f.block("entry")
    x, y = f.arg(0), f.arg(1)
    both = b.emit(joined, I1, [b.icmp(first, x, y), b.icmp(second, x, y)])
    b.ret(both)
    combine(mb)
    if expected is None:
        assert result(f) is both and both.opcode == joined
    elif isinstance(expected, int):
        assert constant(result(f), expected)
    else:
        assert result(f).opcode == "icmp" and result(f).attributes["predicate"] == expected


def test_double_negations_and_truncated_extensions_cancel():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32, I8])
    b = f.block("entry")
    twice = b.neg(b.neg(f.arg(0)))
    back = b.conv("trunc", b.conv("sext", f.arg(1), I64), I8)
    half = b.conv("trunc", b.conv("zext", f.arg(1), I64), I32)
    b.ret(b.emit("add", I32, [twice, b.emit("add", I32, [b.conv("zext", back, I32), half])]))
    combine(mb)
    outer = result(f)
    assert outer.operands[0] is f.arg(0)
    inner = outer.operands[1]
    assert inner.operands[0].operands[0] is f.arg(1)
    assert inner.operands[1].opcode == "zext" and inner.operands[1].operands[0] is f.arg(1)


def test_undef_operands_fold_but_not_a_division_by_zero():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32])
    b = f.block("entry")
    x = Undef(I32)
    product = b.emit("mul", I32, [x, f.arg(0)])
    quotient = b.emit("sdiv", I32, [x, f.arg(0)])
    trap = b.emit("sdiv", I32, [x, c(I32, 0)])
    equal = b.conv("zext", b.icmp("eq", b.conv("sext", Undef(I8), I32), f.arg(0)), I32)
    b.ret(b.emit("add", I32, [b.emit("add", I32, [product, quotient]),
                              b.emit("add", I32, [trap, equal])]))
    combine(mb)
    assert trap in b.block.instructions
    assert product not in b.block.instructions and quotient not in b.block.instructions
    assert not any(i.opcode == "icmp" for i in b.block.instructions)


def test_select_of_equal_values():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I1])
    b = f.block("entry")
    b.ret(b.select(f.arg(0), c(I32, 4), c(I32, 4)))
    combine(mb)
    assert constant(result(f), 4)


# --- C through the pipelines ----------------------------------------------------------------

def test_gcc_folds_of_uninitialised_values(tmp_path):
    text = ir_of(tmp_path, """
        int test1(int b, int c) { char x; if (b) return x / c; else return 1; }
        int test2(int b, int c) { int x; if (b) return x * c; else return 1; }
        int test3(int b, int c) { int x; if (b) return x % c; else return 1; }
        int test4(int b, int c) { char x; if (b) return x == c; else return 1; }
    """)
    assert "div" not in text and "rem" not in text and "mul" not in text
    assert text.count("ret i32 0") == 4


def test_double_not_of_a_float_times_seven(tmp_path):
    text = ir_of(tmp_path, "int test(float c) { return !!c * 7LL == 0; }")
    assert "mul" not in text and "fcmp oeq f32 %arg0, f32 0.0" in text


PROGRAM = r"""
int printf(const char *, ...);
int f(int x, unsigned char u, signed char s, long long w) {
    int r = ((x + 3) + 4) * 2 * 5;
    r += (u == 300) + (u < 256) * 2 + (s < -128) * 4 + (s >= -100) * 8;
    r += ((x < 7) && (x > 7)) + ((x <= 7) && (x >= 7)) * 16;
    r += (int)(short)(long long)x + (x - x) + (x ^ x) + -(-x);
    r += !!(w * 3 == 0) * 32 + (w > 5 || w <= 5);
    return r;
}
int main(void) {
    printf("%d %d %d\n", f(7, 200, -5, 0), f(-9, 0, -128, 1LL << 40), f(123456, 255, 100, -3));
    return 0;
}
"""


@pytest.mark.parametrize("level", ["-O0", "-O1", "-Os"])
def test_program_behaves_the_same(tmp_path, level):
    status, out = run_c(tmp_path, PROGRAM, level)
    assert status == 0
    assert out == b"213 -35 1350481\n"          # as gcc -O0 prints


@pytest.mark.parametrize("predicate, k, expected", [
    ("ult", 2**32 - 1, "ne"), ("ugt", 0, "ne"), ("ule", 0, "eq"), ("uge", 2**32 - 1, "eq"),
    ("ult", 0, 0), ("uge", 0, 1), ("sle", 2**31 - 1, 1), ("slt", 2**31, 0), ("sgt", 2**31, "ne"),
    ("slt", 5, None),
])
def test_ordered_comparison_with_the_ends_of_the_order(predicate, k, expected):
    mb = ModuleBuilder()
    f = mb.function("f", I1, [I32])
    b = f.block("entry")
    cmp = b.icmp(predicate, f.arg(0), c(I32, k))
    b.ret(cmp)
    combine(mb)
    if expected is None or isinstance(expected, str):
        assert result(f) is cmp and cmp.attributes["predicate"] == (expected or predicate)
    else:
        assert constant(result(f), expected)


def test_equality_moves_the_constant_across(tmp_path):
    mb = ModuleBuilder()
    f = mb.function("f", I1, [I32])
    b = f.block("entry")
    cmp = b.icmp("ne", b.emit("add", I32, [f.arg(0), c(I32, 2**32 - 1)]), c(I32, 2**32 - 1))
    b.ret(cmp)
    combine(mb)
    assert cmp.operands[0] is f.arg(0) and constant(cmp.operands[1], 0)


def test_a_known_positive_value_minus_one_is_below_uint_max(tmp_path):
    text = ir_of(tmp_path, """
        void link_failure(void);
        void foo(int var) {
            if (!(var <= 0 || ((unsigned long) (unsigned) (var - 1) < 4294967295u)))
                link_failure();
        }""")
    assert "link_failure" not in text


def test_a_global_address_equals_itself():
    mb = ModuleBuilder()
    f = mb.function("f", I1, [])
    b = f.block("entry")
    b.ret(b.icmp("eq", g("x", 4), g("x", 4)))
    combine(mb)
    assert constant(result(f), 1)


@pytest.mark.parametrize("ext, predicate, k, narrowed", [
    ("sext", "ult", 2**40, None), ("sext", "slt", -5, 2**32 - 5), ("zext", "slt", 7, 7),
    ("zext", "ugt", 2**32 - 1, 2**32 - 1),
])
def test_wide_comparison_narrows_only_to_an_equivalent_constant(ext, predicate, k, narrowed):
    mb = ModuleBuilder()
    f = mb.function("f", I1, [I32])
    b = f.block("entry")
    cmp = b.icmp(predicate, b.conv(ext, f.arg(0), I64), c(I64, k))
    b.ret(cmp)
    combine(mb)
    if narrowed is None:
        assert cmp.operands[0].opcode == ext and cmp.operands[1].value == k
    else:
        assert cmp.operands[0] is f.arg(0) and cmp.operands[1].value == narrowed


def test_memcpy_and_memset_calls_with_constant_sizes_become_the_operations():
    mb = ModuleBuilder()
    f = mb.function("f", PTR, [PTR, PTR, I64])
    b = f.block("entry")
    copied = b.call(PTR, "memcpy", f.arg(0), f.arg(1), c(I64, 8))
    b.call(PTR, "memset", copied, c(I32, 0x141), c(I64, 4))
    unknown = b.call(PTR, "memcpy", f.arg(0), f.arg(1), f.arg(2))     # size unknown: a call
    b.ret(copied)
    combine(mb)
    ops = [i.opcode for i in b.block.instructions]
    assert ops == ["memcpy", "memset", "call", "ret"]
    assert b.block.instructions[1].operands[0] is f.arg(0)
    assert constant(b.block.instructions[1].operands[1], 0x41)
    assert result(f) is f.arg(0) and unknown in b.block.instructions


def test_a_module_defining_memcpy_keeps_its_calls():
    mb = ModuleBuilder()
    own = mb.function("memcpy", PTR, [PTR, PTR, I64])
    own.block("entry").ret(own.arg(0))
    f = mb.function("f", PTR, [PTR, PTR])
    b = f.block("entry")
    b.ret(b.call(PTR, "memcpy", f.arg(0), f.arg(1), c(I64, 8)))
    combine(mb)
    assert [i.opcode for i in b.block.instructions] == ["call", "ret"]


def test_calls_and_loads_with_undef_operands_stay():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [])
    b = f.block("entry")
    call = b.call(I32, "h", Undef(I32))
    load = b.load(I32, Undef(PTR))
    b.ret(b.emit("add", I32, [call, load]))
    combine(mb)
    assert call in b.block.instructions and load in b.block.instructions
    assert result(f).operands == [call, load]
