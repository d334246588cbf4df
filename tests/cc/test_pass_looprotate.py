"""looprotate: loops tested at the top become tested at the bottom.  Small C
programs run through the -O0, -O1 and -Os pipelines in the IR interpreter
(the same output and status at every level: loops with breaks, values of the
header used after the loop, nested loops, swapped phis, a join reached from
both the exit and a break); and the IR checked: -Os rotates a loop whose
first test is decided by the entry values (one comparison left) and keeps
one whose first test is not, -O1 rotates both."""

from __future__ import annotations

import pytest

from irbuild import I32, ModuleBuilder, c
from toolchain.cc.ir.verify import verify_module
from toolchain.cc.passes import looprotate

from test_pass_instcombine import ir_of, run_c

PROGRAMS = {
    "counted": r"""
        int printf(const char *, ...);
        int main(void) { int s = 0; for (int i = 0; i < 10; i++) s += i * i;
                         printf("%d\n", s); return s & 7; }""",
    "unknown_bound": r"""
        int printf(const char *, ...);
        int sum(int *a, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
        int main(void) { int a[5] = {1, 2, 3, 4, 5};
                         printf("%d %d %d\n", sum(a, 5), sum(a, 0), sum(a, -3)); return 0; }""",
    "header_value_after_loop": r"""
        int printf(const char *, ...);
        int len(const char *p) { const char *q = p; while (*q) q++; return q - p; }
        int main(void) { printf("%d %d\n", len("hello"), len("")); return 0; }""",
    "break_and_exit_join": r"""
        int printf(const char *, ...);
        int find(int *a, int n, int x) {
            int i = 0, k = n * 2;
            for (; i < n; i++, k--) { if (a[i] == x) break; }
            return i * 100 + k;
        }
        int main(void) { int a[4] = {5, 6, 7, 8};
                         printf("%d %d %d\n", find(a, 4, 7), find(a, 4, 9), find(a, 0, 1));
                         return 0; }""",
    "nested": r"""
        int printf(const char *, ...);
        int main(void) { int t = 0;
            for (int i = 0; i < 4; i++) for (int j = i; j < 5; j++) t = t * 3 + i - j;
            printf("%d\n", t); return 0; }""",
    "swapped": r"""
        int printf(const char *, ...);
        int main(void) { int a = 1, b = 2, n = 0;
            while (n < 7) { int t = a; a = b; b = t + b; n++; }
            printf("%d %d\n", a, b); return 0; }""",
    "do_while_and_continue": r"""
        int printf(const char *, ...);
        int main(void) { int i = 0, odd = 0;
            for (i = 0; i < 20; i++) { if (i & 1) continue; odd += i; }
            do { i -= 3; } while (i > 0);
            printf("%d %d\n", odd, i); return 0; }""",
    "load_in_header": r"""
        int printf(const char *, ...);
        int limit = 6;
        int main(void) { int s = 0; for (int i = 0; i < limit; i++) { s += i; if (s > 9) limit--; }
                         printf("%d %d\n", s, limit); return 0; }""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_rotated_programs_behave_as_at_O0(tmp_path, name):
    expected = run_c(tmp_path, PROGRAMS[name], "-O0")
    for level in ("-O1", "-Os", "-O2"):
        assert run_c(tmp_path, PROGRAMS[name], level) == expected, level


def comparisons(ir_text: str, function: str) -> int:
    body = ir_text.split(f"@{function}(")[1].split("\n}")[0]
    return body.count(" icmp ")


def test_Os_rotates_a_loop_whose_first_test_folds(tmp_path):
    source = "int g(int); int f(void) { int s = 0; for (int i = 0; i < 10; i++) s += g(i); return s; }"
    ir_text = ir_of(tmp_path, source, "-Os")
    assert comparisons(ir_text, "f") == 1
    assert "phi" in ir_text.split("@f(")[1] and "br i1 1" not in ir_text


def test_Os_keeps_a_loop_whose_first_test_is_unknown_and_O1_rotates_it(tmp_path):
    source = "int g(int); int f(int n) { int s = 0; for (int i = 0; i < n; i++) s += g(i); return s; }"
    assert comparisons(ir_of(tmp_path, source, "-Os"), "f") == 1
    assert comparisons(ir_of(tmp_path, source, "-O1"), "f") == 2


def test_a_header_with_a_call_is_not_copied():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32])
    entry, header, body, done = (f.block(n) for n in ("entry", "header", "body", "done"))
    entry.jmp(header)
    i = header.phi(I32, (c(I32, 0), entry), (c(I32, 0), body))
    value = header.call(I32, "g", i)
    header.br(header.icmp("slt", value, c(I32, 10)), body, done)
    i.operands[1] = body.add(i, c(I32, 1))
    body.jmp(header)
    done.ret(value)
    verify_module(mb.module)
    assert not looprotate.run(mb.module)


def test_a_small_header_is_copied_and_the_result_verifies():
    mb = ModuleBuilder()
    f = mb.function("f", I32, [I32])
    entry, header, body, done = (f.block(n) for n in ("entry", "header", "body", "done"))
    entry.jmp(header)
    i = header.phi(I32, (c(I32, 0), entry), (c(I32, 0), body))
    twice = header.add(i, i)
    header.br(header.icmp("slt", twice, f.arg(0)), body, done)
    i.operands[1] = body.add(i, c(I32, 1))
    body.jmp(header)
    done.ret(twice)
    assert looprotate.run(mb.module)
    verify_module(mb.module)
    guard = f.fn.blocks[1]
    assert guard.name == "header.guard" and [i.opcode for i in guard.instructions] == ["icmp", "br"]
    assert [i.opcode for i in done.block.instructions] == ["phi", "ret"]
