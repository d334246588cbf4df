"""Lowering and the IR passes, checked by running programs in the IR interpreter.

Every program of the c-testsuite and gcc-torture corpora is preprocessed by
pcc's own preprocessor against the host's glibc headers (``--sysroot=/``),
parsed, lowered, verified, optimised at -O0 and -O1 with the verifier after
every pass, and run by toolchain/cc/ir/interp.py.  Its output and exit
status must be the manifest's.  A program that calls a C library function
the interpreter does not provide is skipped (the back end will run those).
A seeded sample runs by default, every program with ``--full``.

Small unit tests of the passes follow: constant folding wraps per width,
mem2reg leaves no promotable alloca, simplifycfg folds constant branches.
"""

from __future__ import annotations

import csv
import functools
import os
import random
from pathlib import Path

import pytest

from testopts import is_full, sample_seed

from toolchain.cc.diagnostics import CDiagnostics
from toolchain.cc.driver import parse_command_line
from toolchain.cc.frontend import parse_translation_unit
from toolchain.cc.ir import Constant
from toolchain.cc.ir.interp import Interpreter, Trap, run_deep
from toolchain.cc.ir.interp_libc import LIBC
from toolchain.cc.ir.verify import verify_module
from toolchain.cc.lower import lower_translation_unit
from toolchain.cc.passes import PIPELINES, run_pipeline
from toolchain.cc.preprocessor import Preprocessor
from toolchain.cc.tokens import Token

CORPORA = Path(os.environ.get("PCC_CORPORA", Path(__file__).resolve().parents[3] / "shared" / "corpora"))
if not CORPORA.is_dir():
    CORPORA = Path("/work/shared/corpora")
SAMPLE = {"c-testsuite": 25, "gcc-torture": 25}
LEVELS = ("-O0", "-O1")
MAX_STEPS = int(os.environ.get("PCC_INTERP_STEPS", 20_000_000))


def manifest(suite: str) -> list[dict]:
    path = CORPORA / suite / "MANIFEST.tsv"
    if not path.exists():
        return []
    with path.open() as f:
        return list(csv.DictReader(f, delimiter="\t"))


def programs(suite: str, full: bool) -> list[dict]:
    rows = manifest(suite)
    if suite == "gcc-torture":
        rows = [r for r in rows if r.get("ok_x86_64", "yes") == "yes"]
    if full:
        return rows
    return sorted(random.Random(sample_seed()).sample(rows, min(SAMPLE[suite], len(rows))),
                  key=lambda r: r["name"])


def pytest_generate_tests(metafunc):
    if "program" in metafunc.fixturenames:
        full = is_full(metafunc.config)
        params = []
        for suite in ("c-testsuite", "gcc-torture"):
            for row in programs(suite, full):
                params.append(pytest.param((suite, row), id=f"{suite}/{row['name']}"))
        if not params:
            params = [pytest.param(None, id="no-corpora")]
        metafunc.parametrize("program", params)


@functools.lru_cache(maxsize=4)
def tokens_of(path: str, std: str) -> tuple:
    opts = parse_command_line(["--sysroot=/", f"-std={std}", "-w", "-fsyntax-only", path])
    diagnostics = CDiagnostics(color=False, show_caret=False, options=opts.warnings)
    pp = Preprocessor(opts.target, opts.preprocessor, diagnostics)
    tokens = [t for t in pp.items(path) if isinstance(t, Token)]
    return tuple(tokens), opts, diagnostics


def compile_program(path: str, std: str = "gnu11"):
    tokens, opts, _ = tokens_of(path, std)
    diagnostics = CDiagnostics(color=False, show_caret=False, options=opts.warnings)
    unit = parse_translation_unit(list(tokens), opts.target, diagnostics, opts)
    if diagnostics.failed:
        pytest.fail(f"front end errors in {path}")
    module = lower_translation_unit(unit, opts.target)
    verify_module(module)
    return module


def run_ir(module) -> tuple[int, bytes]:
    interpreter = Interpreter(module, MAX_STEPS)
    status = run_deep(interpreter.run_main)
    return status, bytes(interpreter.out)


# Programs lowering cannot handle yet, with the reason (issue 5's open work).
# Expected failures, not skips: each one that starts working shows up as XPASS.
KNOWN_GAPS = {
    "va-arg-pack-1.c": "__builtin_va_arg_pack is not lowered",
    "align-3.c": "__alignof__ of a function",
    "20131127-1.c": "front-end error before lowering",
    "pr58570.c": "front-end error before lowering",
    "pr79737-1.c": "front-end error before lowering",
    "pr79737-2.c": "front-end error before lowering",
}


@pytest.mark.parametrize("level", LEVELS)
def test_corpus_program(program, level, request):
    if program is None:
        pytest.skip(f"no corpora under {CORPORA}")
    suite, row = program
    name = row["name"]
    if name in KNOWN_GAPS:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_GAPS[name], strict=False))
    request.node.user_properties.append(("label", f"{suite}/{name} {level}"))
    path = CORPORA / suite / name
    std = "gnu11"
    module = compile_program(str(path), std)
    missing = sorted(n for n, kind in module.externals.items()
                     if kind == "function" and n not in LIBC and n not in {f.name for f in module.functions})
    if missing:
        pytest.skip(f"calls C library functions the interpreter lacks: {', '.join(missing[:4])}")
    run_pipeline(module, level, verify=True)
    try:
        status, out = run_ir(module)
    except Trap as trap:
        if "step budget" in str(trap):
            pytest.skip("longer than the interpreter's step budget")
        pytest.fail(f"interpreter trap: {trap}")
    expected_status = int(row.get("expected_exit") or 0)
    assert status == expected_status, f"exit status {status}, expected {expected_status}; output {out[:200]!r}"
    expected_file = row.get("expected_stdout", "-")
    if expected_file and expected_file != "-":
        expected = (CORPORA / suite / expected_file).read_bytes()
        assert out == expected, f"output differs: {out[:300]!r} vs {expected[:300]!r}"


# --------------------------------------------------------------------------- unit tests
def lower_source(tmp_path, source: str):
    path = tmp_path / "t.c"
    path.write_text(source)
    tokens_of.cache_clear()
    return compile_program(str(path))


def run_source(tmp_path, source: str, level: str) -> tuple[int, bytes]:
    module = lower_source(tmp_path, source)
    run_pipeline(module, level, verify=True)
    return run_ir(module)


def test_pipelines_differ():
    assert PIPELINES["-O0"] != PIPELINES["-O1"]
    assert "mem2reg" in PIPELINES["-O1"] and "mem2reg" not in PIPELINES["-O0"]


@pytest.mark.parametrize("level", LEVELS)
def test_wraparound_and_widths(tmp_path, level):
    source = r"""
    #include <stdio.h>
    int main(void) {
        unsigned char c = 250; c += 10;
        signed char s = 127; s++;
        unsigned u = 0; u -= 1;
        long long x = 0x7fffffffffffffffLL; unsigned long long y = x; y += 1;
        __int128 big = (__int128)1 << 100; big >>= 99;
        short h = -32768; h = -h;
        int q = -7 / 2, r = -7 % 2;
        unsigned sh = 1u << 31 >> 31;
        printf("%d %d %u %llu %d %d %d %d %u\n", c, s, u, y, (int)big, h, q, r, sh);
        return 0;
    }"""
    status, out = run_source(tmp_path, source, level)
    assert out == b"4 -128 4294967295 9223372036854775808 2 -32768 -3 -1 1\n"


@pytest.mark.parametrize("level", LEVELS)
def test_structs_bitfields_switch_goto(tmp_path, level):
    source = r"""
    #include <stdio.h>
    struct P { int x; double y; char tag[3]; };
    struct B { unsigned a : 3; int b : 5; unsigned c : 24; };
    static struct P make(int x) { struct P p = { x, x / 2.0, "ab" }; return p; }
    static int sum(struct P p) { p.x += 1; return p.x; }
    int main(void) {
        struct P p = make(7), q;
        q = p;
        struct B b = { 5, -3, 1000 };
        b.b += 1; b.a = 9;
        int n = 0;
        for (int i = 0; i < 10; i++) {
            switch (i) { case 1: case 2: n += 1; break; case 5 ... 7: n += 10; break; default: n += 100; }
        }
        void *where = &&done;
        goto *where;
        n = -1;
    done:
        printf("%d %.1f %s %d %u %d %u %d %d\n", q.x, q.y, q.tag, sum(q), b.a, b.b, b.c, n, p.x);
        return 0;
    }"""
    status, out = run_source(tmp_path, source, level)
    assert out == b"7 3.5 ab 8 1 -2 1000 532 7\n"


@pytest.mark.parametrize("level", LEVELS)
def test_varargs_vla_statement_expressions(tmp_path, level):
    source = r"""
    #include <stdio.h>
    #include <stdarg.h>
    static long total(int n, ...) {
        va_list ap; va_start(ap, n); long s = 0;
        for (int i = 0; i < n; i++) s += va_arg(ap, int);
        va_end(ap); return s;
    }
    int main(void) {
        int n = 5;
        int a[n];
        for (int i = 0; i < n; i++) a[i] = i * i;
        int m = ({ int t = 0; for (int i = 0; i < n; i++) t += a[i]; t; });
        printf("%ld %d %zu %d\n", total(3, 1, 2, 3), m, sizeof a, n > 3 && m < 100 || 0);
        return 0;
    }"""
    status, out = run_source(tmp_path, source, level)
    assert out == b"6 30 20 1\n"


@pytest.mark.parametrize("level", LEVELS)
def test_complex_builtins(tmp_path, level):
    source = r"""
    #include <stdio.h>
    int main(void) {
        _Complex float f = 1.0f + 2.0fi; _Complex double d = 3.0 + 4.0i;
        f = __builtin_conjf(f); d = __builtin_conj(d);
        printf("%g %g %g %g %g\n", __real__ f, __imag__ f, __builtin_creal(d),
               __builtin_cimag(d), __builtin_cimagf(f));
        return 0;
    }"""
    status, out = run_source(tmp_path, source, level)
    assert (status, out) == (0, b"1 -2 3 -4 -2\n")


@pytest.mark.parametrize("level", LEVELS)
def test_variably_modified_structs(tmp_path, level):
    """GNU structs with VLA members: run-time size and member offsets, fixed where the
    type is declared; copies and pointer steps of that size."""
    source = r"""
    #include <stdio.h>
    #include <string.h>
    int f(int n) {
        typedef struct { char tag; int v[n]; short tail; } S;
        n += 100;
        S a, b, *p = &a;
        memset(&a, 0, sizeof a);
        a.tag = 'x'; a.v[2] = 7; a.tail = 9;
        b = a;
        return (int)sizeof(S) * 10000 + (int)((char *)&p->tail - (char *)p) * 100 +
               b.v[2] + b.tail + (p + 1 == (S *)((char *)p + sizeof(S)));
    }
    int main(void) { printf("%d\n", f(3)); return 0; }"""
    status, out = run_source(tmp_path, source, level)
    assert (status, out) == (0, b"201617\n")


@pytest.mark.parametrize("level", LEVELS)
def test_vla_parameter_size_evaluated_on_entry(tmp_path, level):
    source = r"""
    #include <stdio.h>
    static int calls;
    static int count(void) { return ++calls; }
    int sub(int i, int a[i++], int b[count()][2]) { return i * 10 + calls; }
    int main(void) { int a[20], b[4][2]; printf("%d\n", sub(10, a, b)); return 0; }"""
    status, out = run_source(tmp_path, source, level)
    assert (status, out) == (0, b"111\n")


def test_globaldce_drops_unused_statics(tmp_path):
    source = r"""
    extern int nowhere;
    static int unused(void) { return nowhere; }
    static int helper(int x) { return x + 1; }
    static int (*table[])(int) = { helper };
    static int lonely_data = 5;
    static int used_data = 6;
    int api(int x) { return table[0](x) + used_data; }
    """
    module = lower_source(tmp_path, source)
    run_pipeline(module, "-O0", verify=True)
    assert {f.name for f in module.functions} == {"unused", "helper", "api"}
    run_pipeline(module, "-O1", verify=True)
    assert {f.name for f in module.functions} == {"helper", "api"}
    names = {g.name for g in module.globals}
    assert "used_data" in names and "lonely_data" not in names and \
        any(n.startswith("table") for n in names)


def test_mem2reg_promotes_scalars(tmp_path):
    module = lower_source(tmp_path, "int f(int n) { int s = 0; for (int i = 0; i < n; i++) s += i; return s; }")
    run_pipeline(module, "-O1", verify=True)
    opcodes = [i.opcode for b in module.functions[0].blocks for i in b.instructions]
    assert "alloca" not in opcodes and "load" not in opcodes and "phi" in opcodes


def test_constfold_folds_to_a_constant_return(tmp_path):
    module = lower_source(tmp_path, "int f(void) { int a = 200; unsigned char b = a + 100; "
                                    "return (b * 3) / 2 + (a > 100 ? 1 : 2); }")
    run_pipeline(module, "-O1", verify=True)
    function = module.functions[0]
    assert len(function.blocks) == 1
    ret = function.blocks[0].instructions[-1]
    assert ret.opcode == "ret" and isinstance(ret.operands[0], Constant) and ret.operands[0].value == 67


def test_print_after(tmp_path):
    import io
    module = lower_source(tmp_path, "int f(void) { return 1 + 2; }")
    out = io.StringIO()
    run_pipeline(module, "-O1", print_after={"constfold"}, out=out)
    assert "; IR after constfold" in out.getvalue() and "ret i32 3" in out.getvalue()


def test_verifier_catches_broken_ir(tmp_path):
    from toolchain.cc.ir.verify import VerifyError
    module = lower_source(tmp_path, "int f(int x) { return x + 1; }")
    block = module.functions[0].blocks[0]
    block.instructions.pop()                      # no terminator any more
    with pytest.raises(VerifyError, match="terminator"):
        verify_module(module)


@pytest.mark.parametrize("flags", [(), ("-fno-builtin",), ("-ffreestanding",)])
def test_library_functions_that_never_return(tmp_path, flags):
    """abort, exit, longjmp... are gcc builtins that do not return: the call ends the
    block (unreachable), unless -fno-builtin/-ffreestanding make them plain functions.
    A static function of that name is the program's own."""
    path = tmp_path / "t.c"
    path.write_text("void abort(void); void exit(int);\n"
                    "int f(int x) { if (x) abort(); if (x > 1) exit(2); return 3; }\n"
                    "static void _Exit(int c) { (void)c; }\n"
                    "int g(void) { _Exit(1); return 4; }\n")
    tokens_of.cache_clear()
    tokens, opts, _ = tokens_of(str(path), "gnu11")
    opts = parse_command_line(["-fsyntax-only", *flags, str(path)])
    diagnostics = CDiagnostics(color=False, show_caret=False, options=opts.warnings)
    unit = parse_translation_unit(list(tokens), opts.target, diagnostics, opts)
    module = lower_translation_unit(unit, opts.target, opts)
    noreturn = {i.operands[0].name: bool(i.attributes.get("noreturn"))
                for f in module.functions for b in f.blocks for i in b.instructions
                if i.opcode == "call"}
    builtin = not flags
    assert noreturn == {"abort": builtin, "exit": builtin, "_Exit": False}


@pytest.mark.parametrize("flags", [(), ("-fvisibility=hidden",)])
def test_visibility_of_definitions(tmp_path, flags):
    """__attribute__((visibility)) on functions and objects, and -fvisibility= for the
    definitions that do not say, reach the symbols as gcc's .hidden/.protected."""
    from pccrun import pcc
    source = tmp_path / "v.c"
    source.write_text('__attribute__((visibility("hidden"))) int f(int x) { return x; }\n'
                      '__attribute__((visibility("protected"))) int p = 3;\n'
                      '__attribute__((visibility("default"))) int d(void) { return 1; }\n'
                      'int plain;\nstatic int local(void) { return 2; }\n'
                      'int use(void) { return local(); }\n')
    out = tmp_path / "v.s"
    status, err = pcc(*flags, "-O1", "-S", source, "-o", out)
    assert status == 0, err
    lines = {tuple(line.split()) for line in out.read_text().splitlines()}
    hidden = {name for directive, *rest in lines if directive == ".hidden" for name in rest}
    assert ("f" in hidden) and (".protected", "p") in lines and "d" not in hidden
    assert ("plain" in hidden) == bool(flags) and ("use" in hidden) == bool(flags)
    assert "local" not in hidden
