"""gvn: value numbering, known branch conditions, redundant loads and store-to-load
forwarding.  IR built with irbuild, the pass run, the IR checked -- including the
cases that must not change (volatile, a store through an unknown pointer, a call
in between, a join) -- and small C programs run through the -O1/-Os pipelines
in the IR interpreter."""

from __future__ import annotations

import pytest

from irbuild import F64, I1, I8, I32, I64, PTR, VOID, ModuleBuilder, c, g
from toolchain.cc.ir import Constant
from toolchain.cc.ir.verify import verify_module
from toolchain.cc.passes import gvn

from test_pass_instcombine import run_c


def run_gvn(mb: ModuleBuilder) -> bool:
    verify_module(mb.module)
    changed = gvn.run(mb.module)
    verify_module(mb.module)
    return changed


def opcodes(fb) -> list[str]:
    return [i.opcode for b in fb.fn.blocks for i in b.instructions]


def returned(fb, block=-1):
    return fb.fn.blocks[block].instructions[-1].operands[0]


# --- value numbering ------------------------------------------------------------------------

def test_commuted_expressions_share_one_value():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32, I32])
    b = f.block("entry")
    x, y = f.arg(0), f.arg(1)
    first = b.add(b.mul(x, y), c(I32, 3))
    second = b.add(c(I32, 3), b.mul(y, x))
    b.ret(b.sub(first, second))
    assert run_gvn(mb)
    sub = returned(f)
    assert sub.operands[0] is sub.operands[1] is first
    assert opcodes(f).count("mul") == 1


def test_swapped_comparison_is_the_same_comparison():
    mb = ModuleBuilder()
    f = mb.function("f", I1, [I32, I32])
    b = f.block("entry")
    lt = b.icmp("slt", f.arg(0), f.arg(1))
    gt = b.icmp("sgt", f.arg(1), f.arg(0))
    b.ret(b.emit("and", I1, [lt, gt]))
    assert run_gvn(mb)
    assert returned(f).operands == [lt, lt]


def test_value_from_a_dominating_block_but_not_a_sibling():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32, I32, I1])
    entry, left, right, join = f.block("entry"), f.block("left"), f.block("right"), f.block("join")
    x, y = f.arg(0), f.arg(1)
    top = entry.add(x, y)
    entry.br(f.arg(2), left, right)
    in_left = left.add(y, x)               # dominated by entry: reuses top
    left.jmp(join)
    in_right = right.mul(x, y)
    right.jmp(join)
    merged = join.phi(I32, (in_left, left), (in_right, right))
    again = join.mul(x, y)                 # right does not dominate join: stays
    join.ret(join.add(merged, again))
    assert run_gvn(mb)
    assert in_left not in left.block.instructions
    assert again in join.block.instructions
    assert merged.operands[0] is top


def test_float_constants_keep_their_sign():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [])
    b = f.block("entry")
    plus = b.emit("fadd", F64, [c(F64, 1.0), Constant(F64, 0.0)])
    minus = b.emit("fadd", F64, [c(F64, 1.0), Constant(F64, -0.0)])
    b.ret(b.emit("fcmp", I1, [plus, minus], predicate="oeq"))
    run_gvn(mb)
    assert plus in b.block.instructions and minus in b.block.instructions


# --- known conditions -----------------------------------------------------------------------

def test_a_branch_condition_decides_the_comparisons_it_implies():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32, I32, I1])
    entry, inner, out = f.block("entry"), f.block("inner"), f.block("out")
    x, y = f.arg(0), f.arg(1)
    entry.br(entry.icmp("slt", x, y), inner, out)
    checks = [inner.icmp("sgt", x, y),      # x < y known: false
              inner.icmp("sle", y, x),      # false too
              inner.icmp("ne", x, y),       # true
              inner.icmp("ult", x, y)]      # unsigned order: unknown
    adds = [inner.emit("and", I1, [check, f.arg(2)]) for check in checks]
    inner.ret(c(I32, 0))
    out.ret(c(I32, 0))
    assert run_gvn(mb)
    values = [a.operands[0] for a in adds]
    assert [getattr(v, "value", None) for v in values[:3]] == [0, 0, 1]
    assert values[3] is checks[3]


def test_no_condition_is_learnt_at_a_join():
    mb = ModuleBuilder()
    f = mb.function("f", I1, [I32, I32])
    entry, inner, join = f.block("entry"), f.block("inner"), f.block("join")
    x, y = f.arg(0), f.arg(1)
    entry.br(entry.icmp("slt", x, y), inner, join)
    inner.jmp(join)
    gt = join.icmp("sgt", x, y)             # reached both ways: unknown
    join.ret(gt)
    run_gvn(mb)
    assert returned(f) is gt


# --- memory ---------------------------------------------------------------------------------

def test_store_forwards_to_load_and_load_to_load():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [PTR, I32])
    b = f.block("entry")
    p = f.arg(0)
    field = b.add(p, c(PTR, 8))
    b.store(f.arg(1), field)
    b.store(c(I32, 1), b.add(p, c(PTR, 4)))        # bytes 4..8: disjoint
    first = b.load(I32, g("x"))
    again = b.load(I32, g("x"))
    b.ret(b.add(b.load(I32, b.add(p, c(PTR, 8))), b.add(first, again)))
    assert run_gvn(mb)
    assert opcodes(f).count("load") == 1
    sums = [i for i in b.block.instructions if i.opcode == "add" and i.type is I32]
    assert sums[0].operands == [first, first]
    assert sums[1].operands[0] is f.arg(1)


@pytest.mark.parametrize("between", ["volatile", "unknown store", "call", "overlap", "memset"])
def test_what_stops_forwarding(between):
    mb = ModuleBuilder()
    f = mb.function("f", I32, [PTR, PTR])
    b = f.block("entry")
    b.store(c(I32, 7), g("x"))
    if between == "unknown store":
        b.store(c(I32, 0), f.arg(1))
    elif between == "call":
        b.call(VOID, "h")
    elif between == "overlap":
        b.store(c(I32, 0), g("x", 2))
    elif between == "memset":
        b.emit("memset", VOID, [f.arg(1), c(I32, 0), c(I64, 4)])
    load = b.load(I32, g("x"))
    if between == "volatile":
        load.attributes["volatile"] = True
    b.ret(load)
    run_gvn(mb)
    assert load in b.block.instructions and returned(f) is load


def test_distinct_objects_and_private_slots_survive():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [PTR])
    b = f.block("entry")
    slot = b.alloca(16)
    escaping = b.alloca(4)
    b.store(c(I32, 3), b.add(slot, c(PTR, 4)))
    b.store(c(I32, 4), escaping)
    b.store(c(I32, 5), g("x"))
    b.store(c(I32, 9), g("y"))                  # another global: no alias
    b.store(c(I32, 0), f.arg(0))                # may hit x and the escaping slot
    b.call(VOID, "h", escaping)                 # escaping's address escapes here
    private = b.load(I32, b.add(slot, c(PTR, 4)))
    lost = b.load(I32, escaping)
    global_x = b.load(I32, g("x"))
    b.ret(b.add(b.add(private, lost), global_x))
    assert run_gvn(mb)
    assert private not in b.block.instructions      # 3, through the store and the call
    assert lost in b.block.instructions and global_x in b.block.instructions
    inner = [i for i in b.block.instructions if i.opcode == "add" and i.type is I32][0]
    assert isinstance(inner.operands[0], Constant) and inner.operands[0].value == 3


def test_pure_calls_keep_memory_and_ordinary_calls_do_not():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [])
    b = f.block("entry")
    b.store(c(I32, 1), g("x"))
    b.call(I32, "p", c(I32, 0), pure=True)
    kept = b.load(I32, g("x"))
    b.call(I32, "q", c(I32, 0))
    lost = b.load(I32, g("x"))
    b.ret(b.add(kept, lost))
    run_gvn(mb)
    assert kept not in b.block.instructions and lost in b.block.instructions


def test_memory_flows_down_single_predecessor_chains_only():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I1])
    entry, then, join = f.block("entry"), f.block("then"), f.block("join")
    entry.store(c(I32, 1), g("x"))
    entry.br(f.arg(0), then, join)
    in_then = then.load(I32, g("x"))            # one predecessor: forwarded
    then.store(c(I32, 2), g("x"))
    then.jmp(join)
    in_join = join.load(I32, g("x"))            # two ways in: stays
    join.ret(join.add(in_join, c(I32, 0)))
    run_gvn(mb)
    assert in_then not in then.block.instructions
    assert in_join in join.block.instructions


def test_a_variable_length_array_is_no_private_slot():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I64])
    b = f.block("entry")
    array = b.emit("alloca", PTR, [f.arg(0)], size=0, alignment=4, dynamic=True)
    b.store(c(I32, 1), array)
    b.call(VOID, "h", array)
    load = b.load(I32, array)
    b.ret(load)
    run_gvn(mb)
    assert load in b.block.instructions


def test_a_setjmp_call_forgets_everything():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [])
    b = f.block("entry")
    slot = b.alloca(4)
    b.store(c(I32, 1), slot)
    b.call(I32, "setjmp", g("buf"), returns_twice=True)
    load = b.load(I32, slot)
    b.ret(load)
    run_gvn(mb)
    assert load in b.block.instructions


# --- whole programs -------------------------------------------------------------------------

PROGRAM = r"""
int printf(const char *, ...);
int g, h[4];
__attribute__((pure)) int peek(int k) { return h[k & 3]; }
void clobber(int *p) { *p = 42; }
int f(int *p, int *q, int a, int b) {
    int t[4], r = 0;
    t[0] = a; t[1] = b;
    *p = 1; *q = 2;               /* may be the same object */
    r += *p;
    g = 3; r += peek(1) + g;      /* pure call: g still 3 */
    clobber(&g); r += g;          /* 42 */
    if (a < b) { if (a > b) r += 1000; if (a != b) r += 10; }
    r += t[0] * b + t[1] * a;
    r += (a * b) - (b * a);
    return r;
}
int vla(int n) {
    int a[n], b[4];
    a[0] = 1; b[1] = 2;
    clobber(a); clobber(&b[1]);   /* both escape: 42 each */
    return a[0] + b[1];
}
int main(void) {
    int x, y;
    printf("%d\n", vla(3));
    printf("%d\n", f(&x, &y, 2, 5));
    printf("%d\n", f(&x, &x, 5, 2));
    h[1] = 7;
    printf("%d\n", f(&y, &x, 1, 1));
    return 0;
}
"""


@pytest.mark.parametrize("level", ["-O0", "-O1", "-Os"])
def test_program_behaves_the_same(tmp_path, level):
    status, out = run_c(tmp_path, PROGRAM, level)
    assert status == 0
    assert out == b"84\n76\n67\n55\n"


def test_private_slot_facts_cross_a_join_that_does_not_write_them():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I1])
    entry, then, join = f.block("entry"), f.block("then"), f.block("join")
    slot = entry.alloca(4)
    entry.store(c(I32, 1), slot)
    entry.store(c(I32, 2), g("x"))
    entry.br(f.arg(0), then, join)
    then.call(VOID, "abort")                    # may write @x, not the slot
    then.jmp(join)
    private = join.load(I32, slot)
    shared = join.load(I32, g("x"))
    join.ret(join.add(private, shared))
    run_gvn(mb)
    assert private not in join.block.instructions and shared in join.block.instructions


def test_a_loop_that_writes_the_slot_keeps_its_load():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I1])
    entry, head, body, out = f.block("entry"), f.block("head"), f.block("body"), f.block("out")
    slot = entry.alloca(4)
    entry.store(c(I32, 1), slot)
    entry.jmp(head)
    value = head.load(I32, slot)
    head.br(f.arg(0), body, out)
    body.store(c(I32, 5), slot)
    body.jmp(head)
    out.ret(value)
    run_gvn(mb)
    assert value in head.block.instructions


def test_loads_from_memset_and_memcpy_bytes():
    mb = ModuleBuilder()
    mb.data("table", 8, 4, [bytes([1, 0, 0, 0, 2, 0, 0, 0])], constant=True, linkage="internal")
    f = mb.function("f", I32, [PTR])
    b = f.block("entry")
    zeroed, copy, again = b.alloca(16), b.alloca(8), b.alloca(8)
    b.emit("memset", VOID, [zeroed, c(I8, 0), c(PTR, 16)])
    b.emit("memcpy", VOID, [copy, g("table"), c(PTR, 8)])
    b.emit("memcpy", VOID, [again, copy, c(PTR, 8)])
    b.store(c(I32, 0), f.arg(0))                  # cannot reach the private slots
    loads = [b.load(I32, b.add(zeroed, c(PTR, 12))), b.load(I32, b.add(again, c(PTR, 4))),
             b.load(I64, zeroed), b.load(I32, b.add(zeroed, c(PTR, 14)))]
    b.ret(b.add(b.add(loads[0], loads[1]), b.add(b.conv("trunc", loads[2], I32), loads[3])))
    assert run_gvn(mb)
    assert [i for i in b.block.instructions if i.opcode == "load"] == [loads[3]]   # past the end
    assert not any(i.opcode == "memcpy" for i in b.block.instructions)             # unread now


def test_write_only_slots_lose_their_stores_but_read_slots_keep_them():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [PTR])
    b = f.block("entry")
    unread, passed = b.alloca(8), b.alloca(8)
    b.store(c(I32, 1), b.add(unread, c(PTR, 4)))
    b.store(c(I32, 2), passed)
    b.call(VOID, "h", passed)
    b.ret(c(I32, 0))
    assert run_gvn(mb)
    stores = [i for i in b.block.instructions if i.opcode == "store"]
    assert len(stores) == 1 and stores[0].operands[1] is passed


def test_functions_that_write_only_their_own_frame_keep_the_callers_memory():
    mb = ModuleBuilder()
    reader = mb.function("reader", I32, [PTR])          # reads, writes its own slot
    rb = reader.block("entry")
    own = rb.alloca(4)
    rb.store(rb.load(I32, reader.arg(0)), own)
    rb.ret(rb.call(I32, "reader", own))                 # recursion among quiet ones is fine
    writer = mb.function("writer", VOID, [PTR])
    wb = writer.block("entry")
    wb.store(c(I32, 0), writer.arg(0))
    wb.ret()
    indirect = mb.function("indirect", I32, [])         # calls a writer: not quiet
    ib = indirect.block("entry")
    ib.call(VOID, "writer", g("x"))
    ib.ret(c(I32, 0))
    assert gvn.quiet_functions(mb.module, set(), {}) == {"reader"}
    f = mb.function("f", I32, [])
    b = f.block("entry")
    b.store(c(I32, 5), g("x"))
    b.call(I32, "reader", g("x"))
    kept = b.load(I32, g("x"))
    b.call(I32, "indirect")
    lost = b.load(I32, g("x"))
    b.ret(b.add(kept, lost))
    run_gvn(mb)
    assert kept not in b.block.instructions and lost in b.block.instructions
