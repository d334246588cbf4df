"""The inliner (toolchain/cc/passes/inline.py): small C lowered to IR, the -O level's
pipeline run with the verifier after every pass, then the IR's shape checked (which
calls are gone, which functions remain) and the behaviour checked in the IR
interpreter; a few programs are also compiled for x86-64 and run."""

from __future__ import annotations

import re

import pytest

from irbuild import I32, PTR, VOID, ModuleBuilder, c, g
from pccrun import execute, pcc

from toolchain.cc.diagnostics import CDiagnostics
from toolchain.cc.driver import parse_command_line
from toolchain.cc.frontend import parse_translation_unit
from toolchain.cc.ir import Aggregate
from toolchain.cc.ir.interp import Interpreter, run_deep
from toolchain.cc.ir.printer import format_module
from toolchain.cc.ir.verify import verify_module
from toolchain.cc.lower import lower_translation_unit
from toolchain.cc.passes import inline, run_pipeline
from toolchain.cc.preprocessor import Preprocessor
from toolchain.cc.tokens import Token

LEVELS = ("-O1", "-Os", "-O2")


def lower(tmp_path, source: str, flags: tuple = ()):
    path = tmp_path / "t.c"
    path.write_text(source)
    opts = parse_command_line(["--sysroot=/", "-std=gnu11", "-w", "-fsyntax-only", *flags,
                               str(path)])
    diagnostics = CDiagnostics(color=False, show_caret=False, options=opts.warnings)
    pp = Preprocessor(opts.target, opts.preprocessor, diagnostics)
    tokens = [t for t in pp.items(str(path)) if isinstance(t, Token)]
    unit = parse_translation_unit(tokens, opts.target, diagnostics, opts)
    assert not diagnostics.failed
    module = lower_translation_unit(unit, opts.target, opts)
    verify_module(module)
    return module


def optimised(tmp_path, source: str, level: str, flags: tuple = ()):
    module = lower(tmp_path, source, flags)
    run_pipeline(module, level, verify=True)
    return module


def run(module) -> tuple[int, bytes]:
    interpreter = Interpreter(module, 5_000_000)
    status = run_deep(interpreter.run_main)
    return status, bytes(interpreter.out)


def functions(module) -> set[str]:
    return {f.name for f in module.functions}


def calls_in(module, name: str) -> list[str]:
    function = next(f for f in module.functions if f.name == name)
    return [i.operands[0].name for b in function.blocks for i in b.instructions
            if i.opcode == "call" and hasattr(i.operands[0], "name")]


# --- IR shapes --------------------------------------------------------------------------

def test_static_function_called_once_disappears(tmp_path):
    source = ("static int twice(int x) { int y = x; for (int i = 0; i < 3; i++) y += x; return y; }\n"
              "int f(int a) { return twice(a) + 1; }\n")
    module = optimised(tmp_path, source, "-O1")
    assert "twice" not in functions(module)
    assert calls_in(module, "f") == []
    assert "alloca" not in format_module(module)       # the callee's locals promoted


def test_minus_O0_leaves_calls_alone(tmp_path):
    source = "static int one(void) { return 1; }\nint f(void) { return one(); }\n"
    module = optimised(tmp_path, source, "-O0")
    assert calls_in(module, "f") == ["one"]
    assert "one" in functions(module)


def test_noinline_is_respected(tmp_path):
    source = ("__attribute__((noinline)) static int one(void) { return 1; }\n"
              "static int __attribute__((__noipa__)) two(void) { return 2; }\n"
              "int f(void) { return one() + two(); }\n")
    module = optimised(tmp_path, source, "-O2")
    assert sorted(calls_in(module, "f")) == ["one", "two"]


def test_always_inline_whatever_the_size(tmp_path):
    body = " ".join(f"s = s * {k} + (s >> {k % 7 + 1});" for k in range(3, 40))
    source = (f"static inline __attribute__((always_inline)) int big(int s) {{ {body} return s; }}\n"
              "int f(int a) { return big(a) + big(a + 1); }\n")
    module = optimised(tmp_path, source, "-O1")
    assert calls_in(module, "f") == []
    assert "big" not in functions(module)


def test_large_function_called_twice_stays_at_O1_and_Os(tmp_path):
    body = " ".join(f"s = s * {k} + (s >> {k % 7 + 1});" for k in range(3, 20))
    source = (f"static int big(int s) {{ {body} return s; }}\n"
              "int f(int a) { return big(a) + big(a + 1); }\n")
    for level in ("-O1", "-Os"):
        module = optimised(tmp_path, source, level)
        assert calls_in(module, "f") == ["big", "big"], level


def test_small_external_function_inlines_and_stays(tmp_path):
    source = ("int add(int a, int b) { return a + b; }\n"
              "int f(int x) { return add(x, 2); }\n")
    module = optimised(tmp_path, source, "-Os")
    assert calls_in(module, "f") == []
    assert "add" in functions(module)              # other files may call it


def test_tiny_external_struct_returning_function_inlines_at_Os(tmp_path):
    source = ("struct A { unsigned i : 6, l : 1, j : 10, k : 15; } sA;\n"
              "struct A retme(struct A x) { return x; }\n"
              "unsigned f(unsigned x) { struct A y = sA; y.k += x; y = retme(y); return y.k; }\n")
    module = optimised(tmp_path, source, "-Os")
    assert calls_in(module, "f") == []
    assert "retme" in functions(module)
    f = next(fn for fn in module.functions if fn.name == "f")
    opcodes = [i.opcode for b in f.blocks for i in b.instructions]
    assert "alloca" not in opcodes and "memcpy" not in opcodes, opcodes


def test_constant_arguments_count_what_they_fold(tmp_path):
    source = ("int pick(int b, int c) { if (b) return c * 3 + 1; return 1; }\n"
              "int f(int c) { return pick(0, c); }\n"
              "int g(int b, int c) { return pick(b, c); }\n")
    module = optimised(tmp_path, source, "-Os")
    assert calls_in(module, "f") == [] and calls_in(module, "g") == ["pick"]


def test_O2_inlines_small_functions_called_twice(tmp_path):
    source = ("static int poly(int x) { return x * x * 3 + x * 5 - 7 + (x >> 3) * (x ^ 5) - x / 3; }\n"
              "int f(int a, int b) { return poly(a) - poly(b); }\n")
    assert calls_in(optimised(tmp_path, source, "-Os"), "f") == ["poly", "poly"]
    module = optimised(tmp_path, source, "-O2")
    assert calls_in(module, "f") == []
    assert "poly" not in functions(module)


def test_Os_inlines_a_static_function_everywhere_when_that_is_smaller(tmp_path):
    source = ("static int scale(int x) { return x * 3 + (x >> 2) - 5; }\n"
              "int f(int a, int b, int c) { return scale(a) ^ scale(b) ^ scale(c); }\n"
              "int scaled(int a) { return a * 3 + (a >> 2) - 5; }\n"
              "int g(int a, int b, int c) { return scaled(a) ^ scaled(b) ^ scaled(c) ^ scaled(a + b); }\n")
    module = optimised(tmp_path, source, "-Os")
    assert calls_in(module, "f") == [] and "scale" not in functions(module)
    assert calls_in(module, "g") == ["scaled"] * 4     # external: its body stays anyway
    assert calls_in(optimised(tmp_path, source, "-O1"), "f") == ["scale"] * 3


def test_recursion_is_not_inlined(tmp_path):
    source = ("static int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }\n"
              "static int even(int n);\n"
              "static int odd(int n) { return n == 0 ? 0 : even(n - 1); }\n"
              "static int even(int n) { return n == 0 ? 1 : odd(n - 1); }\n"
              "int main(void) { return fact(5) + even(10); }\n")
    module = optimised(tmp_path, source, "-O2")
    assert calls_in(module, "fact") == ["fact"]
    odd_even = calls_in(module, "odd") + calls_in(module, "even") if "odd" in functions(module) \
        else calls_in(module, "even")
    assert odd_even                                  # the cycle keeps a call
    assert run(module)[0] == 121


def test_wrapper_of_a_small_function_inlines_fully(tmp_path):
    source = ("static int inc(int x) { return x + 1; }\n"
              "static int inc2(int x) { return inc(inc(x)); }\n"
              "int f(int x) { return inc2(x) + inc2(x * 2); }\n")
    module = optimised(tmp_path, source, "-Os")
    assert calls_in(module, "f") == []
    assert functions(module) == {"f"}


def test_each_copy_has_its_own_label_addresses(tmp_path):
    source = ("static void *p1, *p2;\n"
              "static inline void mark(void **p, int c) { if (c) { here: *p = &&here; } }\n"
              "static void __attribute__((noinline)) f(int c) { mark(&p1, c); }\n"
              "static void __attribute__((noinline)) g(int c) { mark(&p2, c); }\n"
              "static int hop(int k) { void *t[] = {&&a, &&b}; goto *t[k & 1];\n"
              "  a: return 10; b: return 20; }\n"
              "int main(void) { f(1); g(1); return (p1 != p2) + hop(3) + hop(4); }\n")
    module = optimised(tmp_path, source, "-O2")
    assert "mark" not in functions(module) and calls_in(module, "main") == ["f", "g"]
    assert run(module)[0] == 31


def test_weak_and_variadic_callees_stay(tmp_path):
    source = ("__attribute__((weak)) int w(void) { return 1; }\n"
              "#include <stdarg.h>\n"
              "static int first(int n, ...) { va_list ap; va_start(ap, n); int v = va_arg(ap, int);"
              " va_end(ap); return v; }\n"
              "int f(void) { return w() + first(1, 5); }\n")
    module = optimised(tmp_path, source, "-O2")
    assert sorted(calls_in(module, "f")) == ["first", "w"]


def test_asm_with_a_named_label_is_not_copied(tmp_path):
    source = ("static void spin(void) { __asm__ volatile(\"here: nop\"); }\n"
              "static void tick(void) { __asm__ volatile(\"1: nop; jmp 1f; 1:\"); }\n"
              "void f(void) { spin(); tick(); }\n")
    module = optimised(tmp_path, source, "-O1")
    assert calls_in(module, "f") == ["spin"]


def test_setjmp_callee_is_not_inlined(tmp_path):
    source = ("#include <setjmp.h>\n"
              "static jmp_buf env;\n"
              "static int try(void) { return setjmp(env); }\n"
              "int f(void) { return try(); }\n")
    module = optimised(tmp_path, source, "-O1")
    assert calls_in(module, "f") == ["try"]


# --- the mechanics, on hand-built IR -------------------------------------------------------

def test_struct_return_copies_into_the_result_buffer():
    pair = Aggregate(8, 4, ((0, I32), (4, I32)))
    m = ModuleBuilder()
    mk = m.function("mk", PTR, [I32], linkage="internal", return_aggregate=pair)
    b = mk.block("entry")
    slot = b.alloca(8, 4)
    b.store(mk.arg(0), slot)
    b.ret(slot)
    main = m.function("main", I32, [])
    b = main.block("entry")
    buffer = b.alloca(8, 4)
    result = b.call(PTR, g("mk"), c(I32, 7), buffer, return_aggregate=pair, result_buffer=2)
    b.ret(b.load(I32, result))
    m.module.level = "-O1"
    assert inline.run(m.module)
    verify_module(m.module)
    text = format_module(m.module)
    assert "call" not in text.split("@main")[1]
    assert re.search(r"memcpy ptr %\d+, ptr %\d+, ptr 8", text.split("@main")[1])
    assert run(m.module)[0] == 7


def test_struct_parameter_written_through_its_address_gets_a_copy():
    pair = Aggregate(8, 4, ((0, I32), (4, I32)))
    m = ModuleBuilder()
    bump = m.function("bump", I32, [PTR], linkage="internal", aggregates={0: pair})
    b = bump.block("entry")                      # writes through the parameter itself
    b.store(c(I32, 99), bump.arg(0))
    b.ret(b.load(I32, bump.arg(0)))
    main = m.function("main", I32, [])
    b = main.block("entry")
    s = b.alloca(8, 4)
    b.store(c(I32, 1), s)
    r = b.call(I32, g("bump"), s, aggregates={1: pair})
    b.ret(b.add(r, b.load(I32, s)))
    m.module.level = "-O1"
    assert inline.run(m.module)
    verify_module(m.module)
    assert "memcpy" in format_module(m.module)
    assert run(m.module)[0] == 100              # the caller's struct still holds 1


def test_mismatched_call_is_left_alone():
    m = ModuleBuilder()
    two = m.function("two", I32, [I32, I32], linkage="internal")
    b = two.block("entry")
    b.ret(two.arg(0))
    main = m.function("main", I32, [])
    b = main.block("entry")
    b.ret(b.call(I32, g("two"), c(I32, 3)))      # one argument for two parameters
    m.module.level = "-O2"
    assert not inline.run(m.module)


def test_void_call_in_a_loop_with_several_returns():
    m = ModuleBuilder()
    m.data("count", 4, 4)
    f = m.function("add_if", VOID, [I32], linkage="internal")
    entry, yes, no = f.block("entry"), f.block("yes"), f.block("no")
    entry.br(entry.icmp("slt", f.arg(0), c(I32, 5)), yes, no)
    yes.store(yes.add(yes.load(I32, g("count")), f.arg(0)), g("count"))
    yes.ret()
    no.ret()
    main = m.function("main", I32, [])
    b, loop, done = main.block("entry"), main.block("loop"), main.block("done")
    b.jmp(loop)
    i = loop.phi(I32, (c(I32, 0), b))
    loop.call(VOID, g("add_if"), i)
    nxt = loop.add(i, c(I32, 1))
    i.operands.append(nxt)
    i.attributes["incoming"].append(loop.block)
    loop.br(loop.icmp("slt", nxt, c(I32, 10)), loop, done)
    done.ret(done.load(I32, g("count")))
    m.module.level = "-O1"
    assert inline.run(m.module)
    verify_module(m.module)
    assert run(m.module)[0] == 0 + 1 + 2 + 3 + 4


# --- behaviour -----------------------------------------------------------------------------

PROGRAM = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct P { int x, y; };
struct Big { char name[24]; long v; };
static int sq(int x) { return x * x; }
static int sumsq(int a, int b) { int s = 0; for (int i = a; i < b; i++) s += sq(i); return s; }
static struct P mk(int a, int b) { struct P p = {a, b}; if (a > b) return (struct P){b, a}; return p; }
static int grow(struct P p) { p.x += 10; p.y *= 2; return p.x + p.y; }
static struct Big relabel(struct Big b, const char *n) { strcpy(b.name, n); b.v++; return b; }
static int clamp(int v) { if (v < 0) return 0; if (v > 255) return 255; return v; }
static void bump(int *p) { ++*p; }
static int first_neg(const int *a, int n) { for (int i = 0; i < n; i++) if (a[i] < 0) return i; return -1; }
static _Noreturn void die(int code) { printf("die %d\n", code); fflush(stdout); _Exit(code); }
static int check(int v) { if (v == 12345) die(3); return v; }
static inline int mid(int a, int b) { return a + (b - a) / 2; }
int main(void) {
    struct P q = {1, 2};
    int r = grow(q) + grow(q);
    struct P m = mk(3, 4), n = mk(9, 5);
    struct Big b = {"old", 41}, c = relabel(b, "new");
    int k = 0, arr[5] = {3, 1, -4, 1, -5};
    for (int i = 0; i < 7; i++) bump(&k);
    printf("%d %d %d %d %d %d\n", sumsq(1, 5), r, q.x, q.y, m.x + m.y, n.x * 10 + n.y);
    printf("%s %ld %s %ld %d\n", b.name, b.v, c.name, c.v, k);
    printf("%d %d %d %d %d\n", clamp(-3), clamp(77), clamp(999), first_neg(arr, 5), mid(4, 10));
    return check(k) + first_neg(arr, 2) + 1;
}
"""
EXPECTED = b"30 30 1 2 7 59\nold 41 new 42 7\n0 77 255 2 7\n"


@pytest.mark.parametrize("level", LEVELS)
def test_program_in_the_interpreter(tmp_path, level):
    module = optimised(tmp_path, PROGRAM, level)
    assert run(module) == (7, EXPECTED)
    assert not functions(module) & {"sq", "sumsq", "relabel", "bump", "mid", "check"}


@pytest.mark.parametrize("level", ("-O1", "-Os"))
def test_program_compiled_and_run(tmp_path, level):
    (tmp_path / "p.c").write_text(PROGRAM)
    status, err = pcc(level, "p.c", "-o", "p", cwd=tmp_path)
    assert status == 0, err
    assert execute(tmp_path / "p") == (7, EXPECTED.decode())


def test_noreturn_callee_compiled_and_run(tmp_path):
    (tmp_path / "d.c").write_text(PROGRAM.replace("check(k)", "check(12345)"))
    status, err = pcc("-Os", "d.c", "-o", "d", cwd=tmp_path)
    assert status == 0, err
    assert execute(tmp_path / "d") == (3, EXPECTED.decode() + "die 3\n")


INTERPOSABLE = """
int add1(int x) { return x + 1; }
static int twice(int x) { return x * 2; }
__attribute__((visibility("hidden"))) int sub1(int x) { return x - 1; }
static inline __attribute__((always_inline)) int neg(int x) { return -x; }
int f(int y) { return add1(y) + twice(y) + sub1(y) + neg(y); }
"""


@pytest.mark.parametrize("flags, calls", [
    ((), []),
    (("-fPIE",), []),
    (("-fPIC",), ["add1"]),            # may be replaced at load time: gcc keeps the call
    (("-fno-inline",), ["add1", "twice", "sub1"]),   # always_inline only
])
def test_interposition_and_no_inline(tmp_path, flags, calls):
    module = optimised(tmp_path, INTERPOSABLE, "-O2", flags)
    assert sorted(calls_in(module, "f")) == sorted(calls)


def test_a_division_by_a_constant_of_a_constant_argument_counts_as_folded(tmp_path):
    source = ("int test1(int x) { return x / 10 == 2; }\n"
              "int test2(int x) { return x / 0 == 2; }\n"
              "int f(void) { return test1(25) + test2(25); }\n")
    module = optimised(tmp_path, source, "-Os")
    assert calls_in(module, "f") == ["test2"]          # a division by zero is no fold
