"""i386 calls, returns and frames at -Os and -O2: their shapes and that they run.

* sibling calls: ``return f(...)`` becomes ``jmp f`` after the epilogue
  (stack arguments stored over the function's own incoming ones when they
  fit), only from -O2/-Os, and not when a local's address escapes, the
  arguments do not fit, or the callee returns a struct;
* every stack argument is pushed (floating values and small structs word
  by word), none stored at an offset from %esp;
* a function with several returns and a long epilogue has one epilogue;
* a program full of such calls prints at -O1, -O2 and -Os what host gcc's
  build prints.
"""

from __future__ import annotations

import platform
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from pccrun import execute, ok, pcc


def assembly(source: str, *flags: str) -> dict[str, str]:
    """``pcc -m16 -Os -S`` (or ``flags``) of C text: function name -> its
    instructions, one a line."""
    with tempfile.TemporaryDirectory(prefix="pcc-calls-") as tmp:
        (Path(tmp) / "c.c").write_text(source)
        status, err = pcc(*(flags or ("-m16", "-Os")), "-S", "c.c", "-o", "c.s", cwd=Path(tmp))
        assert status == 0, err[-400:]
        out = (Path(tmp) / "c.s").read_text()
    functions: dict[str, list[str]] = {}
    current = None
    for line in out.splitlines():
        if re.match(r"^[A-Za-z_]\w*:$", line):
            current = functions.setdefault(line[:-1], [])
        elif current is not None and line.startswith("\t") and not line.startswith("\t."):
            current.append(" ".join(line.split()))
    return {name: "\n".join(lines) for name, lines in functions.items()}


SIBLINGS = """
int h(int); int h2(int, int); int k(void); void v(int *); struct S { int a, b; };
struct S rs(int); int use(int *); int g;
int one(int x) { return h(x + 1); }
int none(void) { return k(); }
int swap(int a, int b) { return h2(b, a); }
void cond(int x) { if (x) v(&g); }
int wider(int a) { return h2(a, a); }
int escapes(int a) { int t = a; return use(&t); }
int aggregate(int a) { return rs(a).b; }
int fp(int (*f)(int), int a) { return f(a); }
"""


def test_sibling_calls_at_Os():
    asm = assembly(SIBLINGS)
    assert asm["one"].endswith("jmp h") and "call" not in asm["one"]
    assert asm["none"] == "jmp k"
    assert asm["swap"].endswith("jmp h2") and "call" not in asm["swap"]
    assert "jmp v" in asm["cond"] and "call" not in asm["cond"]
    assert "jmp *%ecx" in asm["fp"] and "call" not in asm["fp"]
    # an argument area bigger than the function's, a local's address given away,
    # a struct result: ordinary calls
    assert "call h2" in asm["wider"]
    assert "call use" in asm["escapes"]
    assert "call rs" in asm["aggregate"]


def test_no_sibling_calls_at_O1():
    asm = assembly(SIBLINGS, "-m16", "-O1")
    for name in ("one", "none", "swap", "cond", "fp"):
        assert "call" in asm[name] and not re.search(r"jmp (\*|[a-z])", asm[name])


def test_every_stack_argument_is_pushed():
    asm = assembly("struct S { int a, b; }; struct S gs;\n"
                   "int g(struct S, double, float, long long);\n"
                   "int f(double d) { return g(gs, d, 2.0f, 5LL) + 1; }\n")
    assert "(%esp)" not in asm["f"]
    assert "pushl gs+4\npushl gs" in asm["f"]
    assert "pushl $1073741824" in asm["f"]              # 2.0f's bits
    assert "pushl 12(%ebp)\npushl 8(%ebp)" in asm["f"]  # the double, from its slot


def test_one_epilogue_for_several_returns():
    asm = assembly("int h3(int, int, int); int h2(int, int);\n"
                   "int m(int a, int b, int c) { int r = 0;\n"
                   "  if (a > 10) return h3(a, b, c) * 2;\n"
                   "  if (b > 10) { r = a * b * c + h2(a, c); return r + 7; }\n"
                   "  for (int i = 0; i < c; i++) r += h2(i, r) ^ a;\n"
                   "  return r; }\n")
    assert asm["m"].count("popl %ebx") == 1 and asm["m"].count("ret") == 1


PROGRAM = r"""
#include <stdio.h>
#include <stdarg.h>
struct S { int a, b; }; struct B { int a[10]; }; struct C { char c[3]; };
__attribute__((noinline)) int g(struct S x, double d, long double l, float f, struct B b,
                                struct C c, long long q)
{ return x.a + x.b + (int)d + (int)l + (int)f + b.a[0] + b.a[9] + c.c[0] + c.c[2] + (int)q; }
struct S gs = {1, 2}; struct B gb = {{3, 0, 0, 0, 0, 0, 0, 0, 0, 4}}; struct C gc = {{5, 6, 7}};
__attribute__((noinline)) int f1(double d) { return g(gs, d, 1.5L, 2.0f, gb, gc, 5LL) + 1; }
__attribute__((noinline)) int h2(int a, int b) { return a * 10 + b; }
__attribute__((noinline)) int swap(int a, int b) { return h2(b, a); }
__attribute__((noinline)) int one(int a, int b) { return h2(a + b, a - b); }
__attribute__((noinline)) long long h64(long long a, int b) { return a * b; }
__attribute__((noinline)) long long t64(int b, long long a) { return h64(a, b); }
__attribute__((noinline)) double hd(double a) { return a * 2; }
__attribute__((noinline)) double td(double a) { return hd(a + 1); }
__attribute__((noinline)) int h3(int a, int b, int c) { return a + b + c; }
__attribute__((noinline)) int toomany(int a) { return h3(a, a, a); }
__attribute__((noinline)) int useptr(int *p) { return *p + 1; }
__attribute__((noinline)) int esc(int a) { int x = a; return useptr(&x); }
int (*fp)(int, int) = h2;
__attribute__((noinline)) int ind(int a, int b) { return fp(b, a); }
__attribute__((noinline)) void vh(int *p) { *p += 1; }
int gv;
__attribute__((noinline)) void vt(int a) { if (a) vh(&gv); }
__attribute__((noinline)) int sumv(int n, ...)
{ va_list ap; va_start(ap, n); int s = 0; for (int i = 0; i < n; i++) s += va_arg(ap, int);
  va_end(ap); return s; }
__attribute__((noinline)) int vcall(int n, ...) { return h2(n, 3); }
__attribute__((noinline)) int multi(int a, int b, int c) {
  int r = 0;
  if (a > 10) return h3(a, b, c) * 2;
  if (b > 10) { r = a * b * c + h2(a, c); return r + 7; }
  for (int i = 0; i < c; i++) r += h2(i, r) ^ a;
  return r;
}
__attribute__((noinline)) int cond(int a) { return a ? h2(a, 1) : h3(a, 2, 3); }
int main(void) {
  printf("%d\n", f1(10.5));
  printf("%d %d\n", swap(1, 2), one(5, 3));
  printf("%lld %f\n", t64(3, 1000000000000LL), td(1.25));
  printf("%d %d %d\n", toomany(4), esc(41), ind(1, 2));
  vt(1); vt(0); printf("%d %d %d\n", gv, sumv(3, 1, 2, 3), vcall(4, 5, 6));
  printf("%d %d %d %d\n", multi(11, 1, 2), multi(1, 11, 2), multi(1, 2, 5), cond(0) + cond(3));
  return 0;
}
"""


@pytest.mark.skipif(platform.machine() != "x86_64" or shutil.which("gcc") is None,
                    reason="runs i386 executables natively; host gcc is the oracle")
def test_calls_run_as_gcc_builds_them(tmp_path):
    (tmp_path / "p.c").write_text(PROGRAM)
    subprocess.run(["gcc", "-O1", "p.c", "-o", "ref"], cwd=tmp_path, check=True)
    want = execute(tmp_path / "ref")
    assert want[0] == 0 and want[1].count("\n") == 6
    for level in ("-O1", "-O2", "-Os"):
        ok("-m32", level, "p.c", "-o", "p", cwd=tmp_path)
        assert execute(tmp_path / "p") == want, level
