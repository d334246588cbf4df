"""The bit-field algebra (passes/bitfield.py, run by instcombine): IR built with irbuild
and checked after instcombine, and C programs that write and read bit-fields run in
the IR interpreter at -O0, -O1 and -Os with the same output."""

from __future__ import annotations

import pytest

from irbuild import I8, I16, I32, I64, ModuleBuilder, c
from test_pass_instcombine import combine, ir_of, result, run_c
from toolchain.cc.ir import Instruction

FIELD = 0x7FFF << 17                         # bits 17..31 of an i32 word


def insert(b, word, value, offset, mask, t=I32):
    """``(word & ~mask) | ((value << offset) & mask)``: what lowering writes."""
    kept = b.emit("and", t, [word, c(t, ~mask & ((1 << 32) - 1 if t is I32 else (1 << 64) - 1))])
    new = b.emit("and", t, [b.emit("shl", t, [value, c(t, offset)]), c(t, mask)])
    return b.emit("or", t, [kept, new])


def test_extract_of_the_field_just_inserted_is_the_value_masked():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32, I32])
    b = f.block("entry")
    word = insert(b, f.arg(0), f.arg(1), 17, FIELD)
    b.ret(b.emit("lshr", I32, [word, c(I32, 17)]))
    combine(mb)
    last = result(f)
    assert last.opcode == "and" and last.operands[0] is f.arg(1) and last.operands[1].value == 0x7FFF


def test_signed_extract_of_a_16_bit_field_just_inserted_is_a_sign_extension():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32, I32])
    b = f.block("entry")
    word = insert(b, f.arg(0), f.arg(1), 16, 0xFFFF0000)
    b.ret(b.emit("ashr", I32, [word, c(I32, 16)]))
    combine(mb)
    last = result(f)
    assert last.opcode == "sext" and last.operands[0].opcode == "trunc"
    assert last.operands[0].operands[0] is f.arg(1)


def test_extract_of_another_field_reads_the_original_word():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32, I32])
    b = f.block("entry")
    word = insert(b, f.arg(0), f.arg(1), 17, FIELD)
    low = b.emit("shl", I32, [word, c(I32, 26)])          # bits 0..5, as lowering reads them
    b.ret(b.emit("lshr", I32, [low, c(I32, 26)]))
    combine(mb)
    last = result(f)
    assert last.opcode == "and" and last.operands[0] is f.arg(0) and last.operands[1].value == 63


def test_inserting_the_value_read_from_the_same_field_is_the_word():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32])
    b = f.block("entry")
    field = b.emit("lshr", I32, [f.arg(0), c(I32, 17)])
    b.ret(insert(b, f.arg(0), field, 17, FIELD))
    combine(mb)
    assert result(f) is f.arg(0)


def test_a_field_written_twice_keeps_the_second_write():
    mb = ModuleBuilder()
    f = mb.function("f", I64, [I64, I64, I64])
    b = f.block("entry")
    mask = ((1 << 29) - 1) << 35
    once = insert(b, f.arg(0), f.arg(1), 35, mask, I64)
    twice = insert(b, once, f.arg(2), 35, mask, I64)
    b.ret(twice)
    combine(mb)
    text = str([i.opcode for i in f.fn.blocks[0].instructions])
    kept = result(f).operands[0]
    assert result(f).opcode == "or" and kept.opcode == "and" and kept.operands[0] is f.arg(0), text


def test_a_mask_the_value_already_satisfies_goes():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32])
    b = f.block("entry")
    rem = b.emit("urem", I32, [f.arg(0), c(I32, 15)])
    b.ret(b.emit("and", I32, [rem, c(I32, 0x7FFF)]))
    combine(mb)
    assert result(f) is rem


@pytest.mark.parametrize("a, b, opcode, amount, mask", [
    (8, 8, "and", None, 0xFFFFFF), (4, 8, "lshr", 4, 0xFFFFFF), (8, 4, "shl", 4, 0xFFFFFFF),
])
def test_shift_pairs(a, b, opcode, amount, mask):
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32])
    bb = f.block("entry")
    bb.ret(bb.emit("lshr", I32, [bb.emit("shl", I32, [f.arg(0), c(I32, a)]), c(I32, b)]))
    combine(mb)
    last = result(f)
    assert last.opcode == "and" and last.operands[1].value & 0xFFFFFFFF == mask & (0xFFFFFFFF >> b)
    inner = last.operands[0]
    if amount is None:
        assert inner is f.arg(0)
    else:
        assert inner.opcode == opcode and inner.operands[1].value == amount


def test_narrow_words_are_left_alone_where_the_shift_is_too_wide():
    mb = ModuleBuilder()
    f = mb.function("f", I16, [I16, I8])
    b = f.block("entry")
    shifted = b.emit("shl", I16, [f.arg(0), c(I16, 16)])   # poison-free but not a field read
    b.ret(shifted)
    combine(mb)
    assert isinstance(result(f), Instruction) or result(f).value == 0


# --- behaviour: the same output at every level ------------------------------------------------

PROGRAM = r"""
int printf(const char *, ...);
struct A { unsigned int i : 6, l : 1, j : 10, k : 15; };
struct S { signed int a : 5; int b : 16; signed int c : 11; };
struct D { unsigned long long l : 6, i : 6, j : 23, k : 29; };
struct H { unsigned short i : 1, j : 6, k : 9; signed char m : 3; };
struct W { unsigned int x : 32; int y : 32; };
struct V { volatile unsigned int p : 4, q : 28; };
struct P { unsigned char a : 3; unsigned int b : 24; } __attribute__((packed));
struct A ga; struct S gs; struct D gd; struct H gh; struct W gw; struct V gv; struct P gp;
unsigned seed = 12345;
unsigned rnd(void) { seed = seed * 1103515245u + 12345u; return seed >> 7; }
unsigned fa(unsigned x) { struct A y = ga; y.k += x; y.k %= 15; return y.k; }
int fs(int x) { struct S y = gs; y.b += x; y.a = y.b; y.c = -y.a; return y.a * 1000 + y.c + y.b; }
unsigned long long fd(unsigned long long x) { struct D y = gd; y.k += x; y.j = y.k; y.i = y.j;
  return y.k ^ (y.j << 3) ^ y.i ^ y.l; }
int fh(int x) { struct H y = gh; y.k = x; y.m = x; y.j = y.k; return y.k + y.j + y.m + y.i; }
long long fw(int x) { struct W y = gw; y.x += x; y.y = y.x; return (long long)y.y + y.x; }
unsigned fv(unsigned x) { gv.q = x; gv.p = x; gv.q = gv.q + 1; return gv.p + gv.q; }
unsigned fp(unsigned x) { struct P y = gp; y.b = x; y.a = y.b; return y.a + y.b; }
int main(void) {
  unsigned sum = 0;
  for (int n = 0; n < 60; n++) {
    unsigned char *p = (unsigned char *)&ga;
    for (unsigned i = 0; i < sizeof ga; i++) p[i] = rnd();
    p = (unsigned char *)&gs; for (unsigned i = 0; i < sizeof gs; i++) p[i] = rnd();
    p = (unsigned char *)&gd; for (unsigned i = 0; i < sizeof gd; i++) p[i] = rnd();
    p = (unsigned char *)&gh; for (unsigned i = 0; i < sizeof gh; i++) p[i] = rnd();
    p = (unsigned char *)&gw; for (unsigned i = 0; i < sizeof gw; i++) p[i] = rnd();
    p = (unsigned char *)&gp; for (unsigned i = 0; i < sizeof gp; i++) p[i] = rnd();
    unsigned r = rnd() - (n & 1 ? 0x40000000u : 0);
    sum = sum * 31 + fa(r); sum = sum * 31 + fs(r); sum = sum * 31 + (unsigned)fd(r * 977ull);
    sum = sum * 31 + fh(r); sum = sum * 31 + (unsigned)fw(r); sum = sum * 31 + fv(r);
    sum = sum * 31 + fp(r);
    if (n < 4) printf("%u %d %llu %d %lld %u %u\n", fa(r), fs(r), fd(r), fh(r), fw(r), fv(r), fp(r));
  }
  printf("%u\n", sum);
  return 0;
}
"""


def test_bit_field_programs_agree_at_every_level(tmp_path):
    status, out = run_c(tmp_path, PROGRAM, "-O0")
    assert status == 0 and out.count(b"\n") == 5
    for level in ("-O1", "-Os"):
        assert run_c(tmp_path, PROGRAM, level) == (status, out), level


def test_a_field_updated_in_a_local_copy_is_read_from_the_arithmetic(tmp_path):
    text = ir_of(tmp_path, "struct A { unsigned int i : 6, l : 1, j : 10, k : 15; } sA;\n"
                           "unsigned f(unsigned x) { struct A y = sA; y.k += x; y.k %= 15;"
                           " return y.k; }", "-Os")
    assert " or " not in text and " shl " not in text and text.count(" and ") == 1, text


def test_volatile_fields_are_still_read_and_written(tmp_path):
    text = ir_of(tmp_path, "struct V { volatile unsigned p : 4, q : 28; } v;\n"
                           "unsigned f(unsigned x) { v.q = x; return v.q; }", "-Os")
    assert "store volatile" in text or text.count("volatile") >= 2, text


def _lower_for(tmp_path, source: str, target: str):
    from toolchain.cc.diagnostics import CDiagnostics
    from toolchain.cc.driver import parse_command_line
    from toolchain.cc.frontend import parse_translation_unit
    from toolchain.cc.lower import lower_translation_unit
    from toolchain.cc.passes import run_pipeline
    from toolchain.cc.preprocessor import Preprocessor
    from toolchain.cc.tokens import Token
    path = tmp_path / "t.c"
    path.write_text(source)
    opts = parse_command_line([f"--target={target}", "--sysroot=/", "-w", "-fsyntax-only",
                               str(path)])
    diagnostics = CDiagnostics(color=False, show_caret=False, options=opts.warnings)
    tokens = [t for t in Preprocessor(opts.target, opts.preprocessor, diagnostics).items(str(path))
              if isinstance(t, Token)]
    unit = parse_translation_unit(tokens, opts.target, diagnostics, opts)
    module = lower_translation_unit(unit, opts.target)
    run_pipeline(module, "-Os", verify=True)
    from toolchain.cc.ir.printer import format_function
    return "\n".join(format_function(f) for f in module.functions)


def test_long_long_fields_in_one_half_are_accessed_as_32_bits_on_i386(tmp_path):
    text = _lower_for(tmp_path, "struct E { unsigned long long l, i : 12, j : 23, k : 29; } e;\n"
                                "unsigned f(unsigned x) { e.k += x; return e.k + e.i; }\n",
                      "i386-linux-gnu")
    assert "i64" not in text, text


def test_fields_across_the_halves_and_volatile_fields_keep_their_unit(tmp_path):
    text = _lower_for(tmp_path, "struct D { unsigned long long l : 6, i : 6, j : 23, k : 29; } d;\n"
                                "struct V { volatile unsigned long long a : 40, b : 24; } v;\n"
                                "unsigned f(void) { return d.j; }\n"
                                "unsigned g(void) { return v.b; }\n", "i386-linux-gnu")
    assert text.count("i64 load") == 2, text
