"""dse: stores overwritten before anything can read them.  IR built with irbuild,
the pass run, the stores that must go and the ones that must stay (a read in
between, a call, volatile, a partial overwrite, the block's end) checked; and
small C programs run through the -O1/-Os pipelines in the IR interpreter."""

from __future__ import annotations

import pytest

from irbuild import I8, I32, I64, PTR, VOID, ModuleBuilder, c, g
from toolchain.cc.ir.verify import verify_module
from toolchain.cc.passes import dse

from test_pass_instcombine import run_c


def run_dse(mb: ModuleBuilder) -> bool:
    verify_module(mb.module)
    changed = dse.run(mb.module)
    verify_module(mb.module)
    return changed


def stores(fb) -> list:
    return [i for b in fb.fn.blocks for i in b.instructions if i.opcode == "store"]


def module_with_globals() -> ModuleBuilder:
    mb = ModuleBuilder()
    for name in ("a", "b"):
        mb.data(name, 8, 8)
    return mb


def test_a_store_overwritten_later_goes():
    mb = module_with_globals()
    f = mb.function("f", VOID, [I32, I32])
    b = f.block("entry")
    b.store(f.arg(0), g("a"))
    b.store(f.arg(0), g("b"))              # another object: no effect on a's stores
    last = b.store(f.arg(1), g("a"))
    b.ret()
    assert run_dse(mb)
    assert [s.operands[1].name for s in stores(f)] == ["b", "a"] and last in stores(f)


def test_a_wider_store_covers_a_narrower_one_but_not_the_reverse():
    mb = module_with_globals()
    f = mb.function("f", VOID, [I8, I64, I32])
    b = f.block("entry")
    narrow = b.store(f.arg(0), g("a", 2))
    b.store(f.arg(1), g("a"))               # bytes 0..7 cover byte 2
    partial = b.store(f.arg(1), g("b"))
    b.store(f.arg(2), g("b", 4))            # bytes 4..7 leave 0..3 of the first store
    b.ret()
    assert run_dse(mb)
    assert narrow not in stores(f) and partial in stores(f)


@pytest.mark.parametrize("between", ["load", "alias_load", "call", "memcpy"])
def test_a_possible_read_in_between_keeps_the_store(between):
    mb = module_with_globals()
    f = mb.function("f", I32, [I32, PTR])
    b = f.block("entry")
    first = b.store(f.arg(0), g("a"))
    if between == "load":
        value = b.load(I32, g("a"))
    elif between == "alias_load":
        value = b.load(I32, f.arg(1))        # may point at a
    elif between == "call":
        value = b.call(I32, "reader")
    else:
        b.emit("memcpy", VOID, [f.arg(1), g("a"), c(PTR, 4)])
        value = c(I32, 0)
    b.store(c(I32, 7), g("a"))
    b.ret(value)
    run_dse(mb)
    assert first in stores(f)


def test_volatile_stores_stay_and_stores_before_the_block_end_stay():
    mb = module_with_globals()
    f = mb.function("f", VOID, [I32])
    entry, tail = f.block("entry"), f.block("tail")
    volatile = entry.emit("store", VOID, [f.arg(0), g("a")], volatile=True)
    entry.store(c(I32, 1), g("a"))
    across = entry.store(c(I32, 2), g("b"))
    entry.jmp(tail)
    tail.store(c(I32, 3), g("b"))           # another block: the first store stays
    tail.ret()
    run_dse(mb)
    assert volatile in stores(f) and across in stores(f)


def test_a_private_slot_keeps_no_dead_store_across_a_call():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32])
    b = f.block("entry")
    slot = b.alloca(4)
    first = b.store(f.arg(0), slot)
    b.call(VOID, "elsewhere")               # cannot read a slot whose address stays here
    b.store(c(I32, 5), slot)
    b.ret(b.load(I32, slot))
    assert run_dse(mb)
    assert first not in stores(f)


PROGRAM = r"""
int a, b, *p;
int get(void) { return a; }
int main(void)
{
	a = 1; b = a; a = 2;
	if (b != 1 || a != 2) return 1;
	p = &a; a = 3; *p = 4; a = 5;
	if (a != 5) return 2;
	a = 6; b = get(); a = 7;
	if (b != 6 || a != 7) return 3;
	{ volatile int v; v = 1; v = 2; if (v != 2) return 4; }
	return 0;
}
"""


@pytest.mark.parametrize("level", ["-O1", "-Os"])
def test_programs_keep_their_meaning(tmp_path, level):
    assert run_c(tmp_path, PROGRAM, level) == (0, b"")
