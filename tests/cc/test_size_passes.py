"""The IR passes that make -Os code smaller: constinit, and constfold's loads
from read-only data.  Each compiles a little C with ``-fdump-ir-after`` and
reads the IR."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def ir_after(pass_name: str, source: str, level: str = "-Os") -> str:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-P", "-m", "toolchain.cc.cli", "-m32", level, "-S",
                             f"-fdump-ir-after={pass_name}", "-x", "c", "-", "-o", os.devnull],
                            input=source, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-400:]
    return result.stderr


def test_constinit_copies_a_long_constant_initialiser():
    ir = ir_after("constinit", "int use(int *);\n"
                  "int f(void) { int t[6] = {5, 6, 7, 0, 9, 10}; return use(t); }\n")
    body = ir[ir.index("@f("):]
    assert "memcpy ptr %0, ptr @.Linit." in body
    assert "memset" not in body and "store" not in body


def test_constinit_leaves_short_or_variable_initialisers():
    ir = ir_after("constinit", "int use(int *);\n"
                  "int f(int x) { int t[6] = {5, x, 7}; return use(t); }\n"
                  "int g(void) { int u[6] = {5, 6}; return use(u); }\n")
    assert "@.Linit." not in ir
    assert ir.count("memset") == 2


def test_constinit_runs_at_Os_only():
    ir = ir_after("all", "int use(int *);\n"
                  "int f(void) { int t[6] = {5, 6, 7, 8, 9, 10}; return use(t); }\n", "-O1")
    assert "@.Linit." not in ir


def test_constfold_reads_const_globals():
    ir = ir_after("constfold", "const double one = 1.0;\nconst short k[3] = {7, -8, 9};\n"
                  "int v = 3;\n"
                  "int f(void) { return (int)one + k[1] + v; }\n", "-O1")
    body = ir[ir.rindex("@f("):]
    assert "load ptr @one" not in body and "i16 load" not in body
    assert "add i32 %0, i32 4294967289" in body   # 1 + k[1], as i32 (instcombine puts it second)
    assert "load ptr @v" in body             # not const: still loaded
