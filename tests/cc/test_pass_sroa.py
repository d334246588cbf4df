"""sroa: locals split into one slot per piece, copies expanded, stores forwarded to loads.

Small C is lowered in-process and run through the pipeline up to a pass
(with the verifier after each); the IR is then read.  The cases gcc folds
whole (gcc-torture 20030408-1.c, c-testsuite 00032.c and 00005.c) must
fold to ``return 0``; the ones that must not be split (escaping address,
volatile, a union or an int read as another type, variable indices) must
keep their slot.  Then small programs run in the IR interpreter at -O0,
-O1 and -Os, and natively on x86-64, with the exit status checked.
"""

from __future__ import annotations

import platform

import pytest

from toolchain.cc.diagnostics import CDiagnostics
from toolchain.cc.driver import parse_command_line
from toolchain.cc.frontend import parse_translation_unit
from toolchain.cc.ir import Constant, GlobalAddress, Instruction, Type
from toolchain.cc.ir.interp import Interpreter, run_deep
from toolchain.cc.ir.printer import format_function
from toolchain.cc.ir.verify import verify_module
from toolchain.cc.lower import lower_translation_unit
from toolchain.cc.passes import PASSES, pipeline_for, run_pipeline
from toolchain.cc.passes import constfold
from toolchain.cc.preprocessor import Preprocessor
from toolchain.cc.tokens import Token


def lower(tmp_path, source: str, target: str = "x86_64-linux-gnu"):
    path = tmp_path / "t.c"
    path.write_text(source)
    opts = parse_command_line([f"--target={target}", "-w", "-fsyntax-only", str(path)])
    diagnostics = CDiagnostics(color=False, show_caret=False, options=opts.warnings)
    pp = Preprocessor(opts.target, opts.preprocessor, diagnostics)
    tokens = [t for t in pp.items(str(path)) if isinstance(t, Token)]
    unit = parse_translation_unit(tokens, opts.target, diagnostics, opts)
    assert not diagnostics.failed
    module = lower_translation_unit(unit, opts.target)
    verify_module(module)
    return module


def optimised(tmp_path, source: str, level: str = "-O1", until: str | None = None,
              target: str = "x86_64-linux-gnu"):
    """The module after the level's pipeline, or after its first ``until`` pass."""
    module = lower(tmp_path, source, target)
    for name in pipeline_for(level):
        PASSES[name](module)
        verify_module(module)
        if name == until:
            break
    return module


def function(module, name: str):
    return next(f for f in module.functions if f.name == name)


def opcodes(module, name: str) -> list[str]:
    return [i.opcode for b in function(module, name).blocks for i in b.instructions]


def returns_constant(module, name: str, value: int) -> bool:
    f = function(module, name)
    if len(f.blocks) != 1 or len(f.blocks[0].instructions) != 1:
        return False
    ret = f.blocks[0].instructions[0]
    return ret.opcode == "ret" and isinstance(ret.operands[0], Constant) and \
        ret.operands[0].value == value


LEVELS = ("-O1", "-Os")

# --- whole functions gcc folds -----------------------------------------------------------------

CONST_ARRAYS = r"""
extern void abort(void);
struct foo { char a, b, c, d, e, f, g, h, i, j; };
int test2(void) {
  const char X[10] = { 'A', 'B', 'C', 'D', 'E' };
  char buffer[10];
  __builtin_memcpy(buffer, X, 10);
  if (buffer[0] != 'A' || buffer[1] != 'B' || buffer[4] != 'E' || buffer[5] != '\0'
      || buffer[9] != '\0')
    abort();
  return 0;
}
int test3(void) {
  const struct foo X = { .a = 'A', .c = 'C', .e = 'E', .g = 'G', .i = 'I' };
  char buffer[10];
  __builtin_memcpy(buffer, &X, 10);
  if (buffer[0] != 'A' || buffer[1] != '\0' || buffer[8] != 'I' || buffer[9] != '\0')
    abort();
  return 0;
}
"""


@pytest.mark.parametrize("level", LEVELS)
def test_local_const_arrays_copied_and_compared_fold(tmp_path, level):
    module = optimised(tmp_path, CONST_ARRAYS, level)
    assert returns_constant(module, "test2", 0), format_function(function(module, "test2"))
    assert returns_constant(module, "test3", 0), format_function(function(module, "test3"))


def test_copy_between_slots_is_split_by_sroa(tmp_path):
    module = optimised(tmp_path, CONST_ARRAYS, "-O1", until="sroa")
    ops = opcodes(module, "test2")
    assert "memcpy" not in ops and "call" in ops           # abort stays, the copy goes
    allocas = [i for b in function(module, "test2").blocks for i in b.instructions
               if i.opcode == "alloca"]
    assert allocas and all(a.attributes["size"] <= 2 for a in allocas)   # bytes, fillers


POINTER_WALK = r"""
int main() {
  int arr[2]; int *p;
  arr[0] = 2; arr[1] = 3;
  p = &arr[0];
  if (*(p++) != 2) return 1;
  if (*(p++) != 3) return 2;
  p = &arr[1];
  if (*(p--) != 3) return 1;
  if (*(p--) != 2) return 2;
  p = &arr[0];
  if (*(++p) != 3) return 1;
  p = &arr[1];
  if (*(--p) != 2) return 1;
  return 0;
}
"""

POINTERS_TO_POINTERS = r"""
int main() {
  int x; int *p; int **pp;
  x = 0; p = &x; pp = &p;
  if (*p) return 1;
  if (**pp) return 1; else **pp = 1;
  if (x) return 0; else return 1;
}
"""


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("source", [POINTER_WALK, POINTERS_TO_POINTERS], ids=["walk", "pp"])
def test_pointer_programs_fold_to_return_0(tmp_path, source, level):
    module = optimised(tmp_path, source, level)
    assert returns_constant(module, "main", 0), format_function(function(module, "main"))


def test_struct_copies_fold(tmp_path):
    source = r"""
    struct S { int x; short y; char tag[2]; };
    int f(int v) { struct S a = { v, 2, "z" }; struct S b; b = a; b.y += 1;
                   return b.x + b.y + b.tag[0]; }
    """
    module = optimised(tmp_path, source)
    ops = opcodes(module, "f")
    assert "alloca" not in ops and "load" not in ops and "memcpy" not in ops, ops


def test_memset_becomes_constant_stores(tmp_path):
    source = "int f(void) { int a[3] = {0}; a[1] = 5; return a[0] + a[1] + a[2]; }\n"
    module = optimised(tmp_path, source)
    assert returns_constant(module, "f", 5)


def test_copy_out_to_unknown_memory_small(tmp_path):
    source = "struct S { int a, b; };\n" \
             "void f(struct S *p, int v) { struct S s = { v, 3 }; *p = s; }\n"
    module = optimised(tmp_path, source)
    ops = opcodes(module, "f")
    assert "memcpy" not in ops and "alloca" not in ops and ops.count("store") == 2, ops


def test_copy_out_to_unknown_memory_large_stays(tmp_path):
    source = "struct S { int a, b, c, d, e, f; };\n" \
             "void f(struct S *p, int v) { struct S s = { v, 3 }; s.c = v; *p = s; }\n"
    module = optimised(tmp_path, source)
    ops = opcodes(module, "f")
    assert "memcpy" in ops and "alloca" in ops, ops


# --- slots that must stay whole ----------------------------------------------------------------

KEPT = {
    "escaping": "void use(int *); int f(int v) { int a[2]; a[0] = v; a[1] = 2; use(a);"
                " return a[0] + a[1]; }",
    "volatile": "int f(int v) { volatile int a[2]; a[0] = v; a[1] = 2; return a[0] + a[1]; }",
    "union": "int f(float v) { union { int i; float f; } u; u.f = v; return u.i; }",
    "char_of_int": "int f(int v) { int x = v; return ((unsigned char *)&x)[1]; }",
    "variable_index": "int f(int i, int v) { int a[4] = {1, 2, 3, 4}; a[i & 3] = v;"
                      " return a[0]; }",
    "partial_overlap": "struct P { short lo, hi; }; int f(int v) { union { int i; struct P p; }"
                       " u; u.i = v; return u.p.hi; }",
}


@pytest.mark.parametrize("case", sorted(KEPT))
def test_slot_kept_whole(tmp_path, case):
    module = optimised(tmp_path, KEPT[case], "-O1", until="sroa")
    allocas = [i for b in function(module, "f").blocks for i in b.instructions
               if i.opcode == "alloca"]
    assert len(allocas) == 1, format_function(function(module, "f"))
    assert allocas[0].attributes["size"] >= 4


# --- store-to-load forwarding ------------------------------------------------------------------

def test_forwarding_within_a_block(tmp_path):
    source = "void use(int *); int f(int v) { int x; use(&x); x = v; int y = x + 1; use(&x);" \
             " return y + x; }\n"
    module = optimised(tmp_path, source, "-O1", until="sroa")
    loads = [i for b in function(module, "f").blocks for i in b.instructions if i.opcode == "load"]
    assert len(loads) == 1                   # y's load forwarded, the one after use() stays
    ops = opcodes(module, "f")
    assert ops.index("load") > len(ops) - ops[::-1].index("call") - 1


def test_no_forwarding_across_unknown_store(tmp_path):
    source = "void use(int *); int f(int *p, int v) { int x; use(&x); x = v; *p = 3;" \
             " return x; }\n"
    module = optimised(tmp_path, source, "-O1", until="sroa")
    assert "load" in opcodes(module, "f")


def test_forwarding_of_a_slot_that_does_not_escape(tmp_path):
    source = "int f(int *p, int v) { int x = v; char c = *(char *)&x; *p = 3;" \
             " return x + c; }\n"
    module = optimised(tmp_path, source, "-O1", until="sroa")
    loads = [i for b in function(module, "f").blocks for i in b.instructions if i.opcode == "load"]
    assert [i.type for i in loads] == [Type.I8]   # x: forwarded across *p = 3


# --- constfold's address chains ---------------------------------------------------------------

def test_constfold_reassociates_add_chains(tmp_path):
    module = lower(tmp_path, "int f(int *p) { return p[1]; }")
    f = function(module, "f")
    entry = f.blocks[0]
    ret = entry.instructions[-1]
    base = f.parameters[0]
    inner = Instruction("add", Type.PTR, [base, Constant(Type.PTR, 4)], block=entry)
    outer = Instruction("add", Type.PTR, [inner, Constant(Type.PTR, 8)], block=entry)
    load = Instruction("load", Type.I32, [outer], block=entry)
    entry.instructions[-1:-1] = [inner, outer, load]
    ret.operands[0] = load
    constfold.run_function(f, 64)
    assert outer.operands[0] is base and outer.operands[1].value == 12


# --- execution -------------------------------------------------------------------------------

PROGRAMS = {
    "union_pun": ("int main(void) { union { int i; float f; } u; u.f = 1.0f;"
                  " return u.i == 0x3f800000 ? 7 : 1; }", 7),
    "char_of_int": ("int main(void) { int x = 0x11223344; unsigned char *c = (unsigned char *)&x;"
                    " return c[0] == 0x44 && c[3] == 0x11 ? 9 : 1; }", 9),
    "halves": ("int main(void) { union { unsigned i; unsigned short h[2]; } u; u.i = 0x00050003;"
               " return u.h[0] + u.h[1]; }", 8),
    "copy_offset": ("int main(void) { int a[4] = {1, 2, 3, 4}, b[2];"
                    " __builtin_memcpy(b, a + 1, 8); return b[0] * 10 + b[1]; }", 23),
    "memset_bytes": ("int main(void) { int a[2]; __builtin_memset(a, 1, sizeof a);"
                     " return a[1] == 0x01010101 ? 4 : 1; }", 4),
    "memset_float": ("int main(void) { double d[2]; __builtin_memset(d, 0, sizeof d); d[1] += 2.5;"
                     " return (int)(d[0] + d[1] * 2); }", 5),
    "struct_swap": ("struct SW { int a; char b; }; int main(void) { struct SW x = {1, 2}, y = {3, 4}, t;"
                    " t = x; x = y; y = t; return x.a * 50 + x.b * 10 + y.a + y.b; }", 193),
    "string_init": ("int main(void) { char s[6] = \"hello\"; char t[6]; __builtin_memcpy(t, s, 6);"
                    " return t[1] + t[5]; }", ord("e")),
    "loop_index": ("int main(void) { int a[3] = {4, 5, 6}, s = 0; for (int i = 0; i < 3; i++)"
                   " s += a[i]; return s; }", 15),
    "escape_later": ("static void set(int *p) { *p = 6; } int main(void) { int x = 1; int y = x;"
                     " set(&x); return x * 10 + y; }", 61),
    "copy_from_param": ("struct SP { int a, b; }; static int gp(struct SP s) { struct SP t = s;"
                        " t.a++; return t.a + s.a + t.b; } int main(void) { struct SP s = {1, 5};"
                        " return gp(s); }", 8),
    "pointer_in_struct": ("struct N { int v; int *p; }; int main(void) { int x = 3; struct N n, m;"
                          " n.v = 2; n.p = &x; m = n; *m.p = 4; return m.v + x; }", 6),
    "long_double": ("int main(void) { long double a[2] = {1.5L, 2.0L}, b[2]; __builtin_memcpy(b, a,"
                    " sizeof a); return (int)(b[0] * 2 + b[1]); }", 5),
}


def interpret(module) -> int:
    return run_deep(Interpreter(module, 1_000_000).run_main)


@pytest.mark.parametrize("level", ("-O0", "-O1", "-Os"))
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_programs_in_the_interpreter(tmp_path, name, level):
    source, expected = PROGRAMS[name]
    module = lower(tmp_path, source)
    run_pipeline(module, level, verify=True)
    assert interpret(module) == expected


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_programs_in_the_interpreter_i386(tmp_path, name):
    source, expected = PROGRAMS[name]
    module = lower(tmp_path, source, "i386-linux-gnu")      # 4-byte pointers and fillers
    run_pipeline(module, "-Os", verify=True)
    assert interpret(module) == expected


@pytest.mark.skipif(platform.machine() != "x86_64", reason="runs x86-64 programs natively")
@pytest.mark.parametrize("level", LEVELS)
def test_programs_natively(tmp_path, level):
    from pccrun import execute, ok
    names = sorted(PROGRAMS)
    parts = []
    for index, name in enumerate(names):        # helpers and types have distinct names
        parts.append(PROGRAMS[name][0].replace("main(void)", f"t{index}(void)"))
    checks = " ".join(f"if (t{i}() != {PROGRAMS[n][1]}) return {i + 1};" for i, n in enumerate(names))
    (tmp_path / "all.c").write_text("\n".join(parts) + f"\nint main(void) {{ {checks} return 0; }}\n")
    ok(level, str(tmp_path / "all.c"), "-o", str(tmp_path / "all"))
    assert execute(tmp_path / "all") == (0, "")
