"""pcc doing the whole job like gcc: compile, assemble and link in one command.

Everything here runs pcc's own pieces only (front end, passes, the x86-64 back
end, pas's streamer, pld, the bundled libc built by pcc) -- no gcc, no
binutils.  The first test to link builds the bundled libc.a once (cached
under ~/.cache/pcc/libc/).  pcc runs in-process through ``cli.run``; an
exception out of it (an internal error) fails the test.
"""

from __future__ import annotations

import os
import platform
import random
from pathlib import Path

import pytest

import corpus_e2e
from pccrun import execute, ok, pcc
import testopts

pytestmark = pytest.mark.skipif(platform.machine() != "x86_64" or os.name != "posix",
                                reason="runs x86-64 Linux executables natively")


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text)
    return path


MAIN = """#include <stdio.h>
#include <string.h>
int twice(int); int thrice(int); int quad(int); int fifth(int);
int main(int argc, char **argv) {
    char buf[32];
    strcpy(buf, "sum");
    printf("%s %d\\n", buf, twice(1) + thrice(1) + quad(1) + fifth(1));
    return argc == 1 ? 3 : 4;
}
"""
TWICE_S = "\t.text\n\t.globl twice\ntwice:\n\tleal (%rdi,%rdi), %eax\n\tret\n"
THRICE_S = ("#define FACTOR 3\n\t.text\n\t.globl thrice\nthrice:\n"
            "\timull $FACTOR, %edi, %eax\n#ifdef __ASSEMBLER__\n\tret\n#endif\n")
QUAD_C = "int quad(int x) { return 4 * x; }\n"
FIFTH_C = "int fifth(int x) { return 5 * x; }\nint unused_member(void) { return 0; }\n"


# --- one command, every kind of input ----------------------------------------------------

def test_c_s_S_o_and_archive_in_one_command(tmp_path):
    write(tmp_path, "main.c", MAIN)
    write(tmp_path, "twice.s", TWICE_S)
    write(tmp_path, "thrice.S", THRICE_S)
    write(tmp_path, "quad.c", QUAD_C)
    write(tmp_path, "fifth.c", FIFTH_C)
    ok("-c", "quad.c", cwd=tmp_path)                      # default output quad.o
    ok("-c", "fifth.c", "-o", "fifth.o", cwd=tmp_path)
    try:
        from toolchain.common.archive import write_archive
    except ImportError:
        pytest.skip("toolchain.common.archive.write_archive is missing")
    (tmp_path / "libfifth.a").write_bytes(
        write_archive([("fifth.o", (tmp_path / "fifth.o").read_bytes())]))
    ok("-O1", "main.c", "twice.s", "thrice.S", "quad.o", "-L.", "-lfifth", "-o", "prog",
       cwd=tmp_path)
    assert execute(tmp_path / "prog") == (3, "sum 14\n")
    # the archive by path works as well, and -Wl, options reach the linker
    ok("main.c", "twice.s", "thrice.S", "quad.o", "libfifth.a", "-Wl,-e,_start",
       "-o", "prog2", cwd=tmp_path)
    assert execute(tmp_path / "prog2") == (3, "sum 14\n")


def test_default_output_is_a_out(tmp_path):
    write(tmp_path, "hello.c", '#include <stdio.h>\nint main(void){puts("hi");return 0;}\n')
    ok("hello.c", cwd=tmp_path)
    assert execute(tmp_path / "a.out") == (0, "hi\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.out", "hello.c"]


@pytest.mark.parametrize("level", ["-O0", "-O1", "-O2", "-O3", "-Os"])
def test_optimisation_levels_and_accepted_flags(tmp_path, level):
    write(tmp_path, "p.c", "#include <stdio.h>\n"
          "static int f(int n) { int s = 0; for (int i = 0; i < n; i++) s += i * i; return s; }\n"
          'int main(void) { printf("%d\\n", f(10)); return 0; }\n')
    ok(level, "-g", "-static", "-Wall", "-lm", "-lc", "p.c", "-o", "p", cwd=tmp_path)
    assert execute(tmp_path / "p") == (0, "285\n")


def test_S_then_pas_equals_c(tmp_path):
    """pas on `pcc -S` output gives the same bytes as `pcc -c` (few C programs here;
    the corpus sample below checks the same on each of its programs)."""
    write(tmp_path, "m.c", MAIN)
    for level in ("-O0", "-O1"):
        ok(level, "-S", "m.c", "-o", "m.s", cwd=tmp_path)
        ok(level, "-c", "m.c", "-o", "m.o", cwd=tmp_path)
        ok("-c", "m.s", "-o", "via-text.o", cwd=tmp_path)
        assert (tmp_path / "m.o").read_bytes() == (tmp_path / "via-text.o").read_bytes()


def test_S_writes_gnu_assembly(tmp_path):
    write(tmp_path, "q.c", QUAD_C)
    ok("-S", "q.c", cwd=tmp_path)
    text = (tmp_path / "q.s").read_text()
    assert ".globl quad" in text and "quad:" in text


def test_nostdlib_freestanding(tmp_path):
    """-nostdlib -ffreestanding: the program brings its own _start."""
    write(tmp_path, "start.c", """
void _start(void) {
    static const char msg[] = "bare\\n";
    long ret;
    __asm__ volatile ("syscall" : "=a"(ret) : "a"(1L), "D"(1L), "S"(msg), "d"(5L)
                      : "rcx", "r11", "memory");
    __asm__ volatile ("syscall" :: "a"(60L), "D"(9L));
    for (;;) ;
}
""")
    ok("-ffreestanding", "-nostdlib", "-O1", "start.c", "-o", "bare", cwd=tmp_path)
    assert execute(tmp_path / "bare") == (9, "bare\n")


def test_nostartfiles_keeps_libc(tmp_path):
    """-nostartfiles: our own _start (aligning the stack as the ABI wants at a call),
    libc's functions still linked."""
    write(tmp_path, "start.s", "\t.text\n\t.globl _start\n_start:\n\txorl %ebp, %ebp\n"
          "\tandq $-16, %rsp\n\tcall body\n\thlt\n")
    write(tmp_path, "s.c", '#include <string.h>\n#include <unistd.h>\n'
          'void body(void) { const char *m = "own start\\n"; write(1, m, strlen(m)); _exit(5); }\n')
    ok("-nostartfiles", "start.s", "s.c", "-o", "s", cwd=tmp_path)
    assert execute(tmp_path / "s") == (5, "own start\n")


@pytest.mark.parametrize("level", ["-O0", "-O1"])
def test_label_values_in_static_data(tmp_path, level):
    """&&label in a static table (kept by the passes, its block's label in .data), and
    goto * into blocks whose phis (at -O1) are set before the jump."""
    write(tmp_path, "lv.c", r"""
#include <stdio.h>
static int run(const char *prog) {
    static void *ops[] = { &&inc, &&dbl, &&end };
    int acc = 1, steps = 0;
    goto *ops[*prog++ - '0'];
inc: acc += 1; steps++; goto *ops[*prog++ - '0'];
dbl: acc *= 2; steps++; goto *ops[*prog++ - '0'];
end: return acc * 100 + steps;
}
static void *where(void) { static void *p[] = { &&here }; here: return p[0]; }
int main(void) {
    printf("%d %d\n", run("01012"), where() != 0);
    return 0;
}
""")
    ok(level, "lv.c", "-o", "lv", cwd=tmp_path)
    assert execute(tmp_path / "lv") == (0, "1004 1\n")


def test_alias_attribute(tmp_path):
    """__attribute__((alias)) for objects and functions, weak and static ones too:
    ``.set`` after the target, in -c and in -S text alike."""
    write(tmp_path, "al.c", r"""
#include <stdio.h>
int a[4] = {1, 2, 3, 4};
extern int b[4] __attribute__((alias("a")));
static int twice(int x) { return 2 * x; }
int dbl(int) __attribute__((alias("twice")));
int wdbl(int) __attribute__((weak, alias("twice")));
static int sdbl(int) __attribute__((alias("twice")));
int main(void) {
    b[1] = 20;
    printf("%d %d %d %d\n", a[1], dbl(3), wdbl(4), sdbl(5));
    return 0;
}
""")
    ok("-c", "al.c", "-o", "al.o", cwd=tmp_path)
    ok("-S", "al.c", "-o", "al.s", cwd=tmp_path)
    ok("-c", "al.s", "-o", "text.o", cwd=tmp_path)
    assert (tmp_path / "al.o").read_bytes() == (tmp_path / "text.o").read_bytes()
    ok("al.o", "-o", "al", cwd=tmp_path)
    assert execute(tmp_path / "al") == (0, "20 6 8 10\n")


def test_implicit_library_function_keeps_its_prototype(tmp_path):
    """An undeclared malloc is gcc's built-in malloc (returning a pointer, not an int
    that would cut a high heap address); a later definition of a library name with
    another type is a warning, as with gcc."""
    write(tmp_path, "im.c", r"""
int main(void) {
    char *p = malloc(1 << 20);
    p[0] = 'o'; p[1] = 'k'; p[2] = 0;
    puts(p);
    return strlen(p);
}
int strlen(const char *s) { int n = 0; while (s[n]) n++; return n; }
""")
    status, err = pcc("im.c", "-o", "im", cwd=tmp_path)
    assert status == 0 and "conflicting types for built-in function 'strlen'" in err, err
    assert execute(tmp_path / "im") == (2, "ok\n")


@pytest.mark.parametrize("level", ["-O0", "-O1"])
def test_goto_back_above_a_vla_frees_it(tmp_path, level):
    """Jumping back above a VLA declaration gives its stack back (6.8.6.1): 20,000
    arrays of 64 KiB would need 1.3 GB of stack otherwise."""
    write(tmp_path, "vd.c", r"""
#include <stdio.h>
void *volatile keep;
int main(void) {
    int n = 0;
again:;
    char big[65536 + n % 7];
    big[0] = 1;
    keep = big;
    if (++n < 20000)
        goto again;
    printf("%d\n", n);
    return 0;
}
""")
    ok(level, "vd.c", "-o", "vd", cwd=tmp_path)
    assert execute(tmp_path / "vd") == (0, "20000\n")


# --- errors: gcc's words, exit 1, nothing left behind -------------------------------------

def test_missing_input(tmp_path):
    status, err = pcc("nosuch.c", "-o", "x", cwd=tmp_path)
    assert status == 1 and "pcc: error: nosuch.c: No such file or directory" in err
    assert not (tmp_path / "x").exists()


def test_compile_error_leaves_no_object(tmp_path):
    write(tmp_path, "bad.c", "int main(void) { return undeclared; }\n")
    status, err = pcc("-c", "bad.c", cwd=tmp_path)
    assert status == 1 and "bad.c:1:" in err and "error:" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.c"]
    status, err = pcc("bad.c", "-o", "bad", cwd=tmp_path)
    assert status == 1 and sorted(p.name for p in tmp_path.iterdir()) == ["bad.c"]


@pytest.mark.parametrize("source, column", [
    ("int f(int, ...);\nstatic inline __attribute__((always_inline)) int g(int x, ...)\n"
     "{ return f(x, __builtin_va_arg_pack()); }\n", 36),
    # &&b - &&a is computed by the assembler; scaled by an element size it is not
    ("int main(void)\n{ static const int d[] = { (int *)&&b - (int *)&&a }; a: b: "
     "return d[0]; }\n", 39)])
def test_unimplemented_construct_is_a_diagnostic(tmp_path, source, column):
    """What the code generator does not handle yet is reported at the construct,
    like gcc's "sorry, unimplemented", with exit status 1 and no object."""
    write(tmp_path, "todo.c", source)
    status, err = pcc("-c", "todo.c", cwd=tmp_path)
    first = err.splitlines()[0] if err else ""
    assert status == 1 and first.startswith(f"todo.c:{source.count(chr(10))}:{column}: "
                                            "error: sorry, unimplemented: "), err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["todo.c"]


def test_undefined_reference_leaves_no_executable(tmp_path):
    write(tmp_path, "u.c", "int missing(void);\nint main(void) { return missing(); }\n")
    status, err = pcc("u.c", "-o", "u", cwd=tmp_path)
    assert status == 1
    assert "undefined reference to 'missing'" in err
    assert "pcc: error: ld returned 1 exit status" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["u.c"]


def test_assembly_error(tmp_path):
    write(tmp_path, "e.s", "\tfrobnicate %eax\n")
    status, err = pcc("-c", "e.s", cwd=tmp_path)
    assert status == 1 and "e.s:1:" in err
    assert not (tmp_path / "e.o").exists()


def test_o_with_several_inputs_and_c(tmp_path):
    write(tmp_path, "a.c", QUAD_C)
    write(tmp_path, "b.c", FIFTH_C)
    status, err = pcc("-c", "a.c", "b.c", "-o", "x.o", cwd=tmp_path)
    assert status == 1 and "cannot specify '-o'" in err
    ok("-c", "a.c", "b.c", cwd=tmp_path)                  # a.o and b.o
    assert (tmp_path / "a.o").exists() and (tmp_path / "b.o").exists()


def test_missing_library(tmp_path):
    write(tmp_path, "m.c", "int main(void) { return 0; }\n")
    status, err = pcc("m.c", "-lnosuchlib", "-o", "m", cwd=tmp_path)
    assert status == 1 and "nosuchlib" in err and not (tmp_path / "m").exists()


# --- the corpora, compiled, linked and run entirely by pcc (corpus_e2e.py) ---------------

SAMPLE_SIZE = {"c-testsuite": 8, "gcc-torture": 16}     # per level; --full: every program
# name -> why pcc gets it wrong (at both levels unless the key is "name -Ox"); these
# run as expected failures, so a fix shows up as XPASS.
KNOWN_FAILURES: dict[str, str] = {
    # the front end and lowering
    "20041124-1.c": "complex integer types (_Complex unsigned short) are taken as floating",
    "20050121-1.c": "complex integer types (_Complex int) are taken as floating",
    "bitfld-3.c": "GNU bit-fields wider than int keep their own precision (40-bit arithmetic)",
    "bitfld-5.c": "GNU bit-fields wider than int keep their own precision (40-bit arithmetic)",
    "pr32244-1.c": "GNU bit-fields wider than int keep their own precision (40-bit arithmetic)",
    "20020412-1.c": "va_arg of a struct with a VLA member (passed by reference in gcc)",
    "20041218-2.c": "a struct with a VLA member declared by its tag alone is sized at its "
                    "first use, not its declaration (the front end keeps no node for it)",
    "pr41935.c": "__builtin_offsetof with a run-time index into a VLA member",
    "align-3.c": "__alignof__ of a function with __attribute__((aligned))",
    "va-arg-pack-1.c": "__builtin_va_arg_pack is not lowered",
    # -O1: the test needs an optimisation gcc does and pcc does not (yet)
    "20020720-1.c -O1": "fabs(x) < 0.0 is not folded to false (link_error stays)",
    "20030125-1.c -O1": "floor((double)f) is not narrowed to floorf(f)",
    "20041114-1.c -O1": "no value-range folding of the comparison (link_failure stays)",
    "pure-1.c -O1": "stores are not kept in registers across pure/const calls (link_error)",
    "990208-1.c -O1": "no inlining: the test expects the inlined copies' labels to differ",
    "builtin-constant.c -O1": "__builtin_constant_p is decided before constant propagation",
    "printf-chk-1.c -O1": "__printf_chk(1, \"..\\n\") is not turned into puts/putchar",
    "vfprintf-chk-1.c -O1": "__vfprintf_chk is not turned into fputs/fputc",
}


# AArch64 and RISC-V 64: the programs run under qemu-user.  With pcc compiling
# they run once the target has a back end (BACKENDS in toolchain/cc/compile.py)
# and are skipped until then; with the target's cross gcc compiling ("cc" mode,
# the libc built by it too through $PCC_LIBC_CC) they check pcc's link step,
# the bundled libc and the runner today.
CROSS_COMPILERS = {"aarch64-linux-gnu": "aarch64-linux-gnu-gcc",
                   "riscv64-linux-gnu": "riscv64-linux-gnu-gcc"}
CROSS_SAMPLE_SIZE = {"c-testsuite": 3, "gcc-torture": 5}    # per target and level


def _sample(config, programs: list, size: dict, key: str) -> list[tuple]:
    """(program, level) pairs: a seeded sample per suite and level; --full: all."""
    cases = []
    for suite in corpus_e2e.SUITES:
        members = [p for p in programs if p.suite == suite]
        for level in corpus_e2e.LEVELS:
            chosen = members
            if not testopts.is_full(config) and size[suite] < len(members):
                rng = random.Random(f"{testopts.sample_seed()}:{key}{suite}:{level}")
                chosen = [members[i] for i in
                          sorted(rng.sample(range(len(members)), size[suite]))]
            cases += [(program, level) for program in chosen]
    return cases


def _known_failure_marks(program, level: str) -> list:
    reason = KNOWN_FAILURES.get(f"{program.name} {level}") or KNOWN_FAILURES.get(program.name)
    return [pytest.mark.xfail(reason=reason, strict=False)] if reason else []


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    names = metafunc.fixturenames
    if "program" not in names and "cross_program" not in names:
        return
    root = corpus_e2e.corpora_dir()
    programs = corpus_e2e.load_programs(root) if root is not None else []
    none_found = "no corpora found (looked in $PCC_CORPORA and ../shared/corpora)"
    if "cross_program" in names:
        cc_mode = "cc" in names
        params = []
        for target in CROSS_COMPILERS:
            arch = target.split("-")[0]
            members = [p for p in programs if arch not in p.fails_on]
            for program, level in _sample(metafunc.config, members, CROSS_SAMPLE_SIZE,
                                          f"{target}:"):
                marks = [] if cc_mode else _known_failure_marks(program, level)
                params.append(pytest.param(target, program, level, marks=marks,
                                           id=f"{target}-{program.id}{level}"))
        if not params:
            params = [pytest.param(None, None, None, marks=pytest.mark.skip(none_found))]
        metafunc.parametrize("target,cross_program,level", params)
        return
    params = [pytest.param(program, level, id=f"{program.id}{level}",
                           marks=_known_failure_marks(program, level))
              for program, level in _sample(metafunc.config, programs, SAMPLE_SIZE, "")]
    if not params:
        params = [pytest.param(None, level, id=level, marks=pytest.mark.skip(none_found))
                  for level in corpus_e2e.LEVELS]
    metafunc.parametrize("program,level", params)


def test_corpus_program(program, level, record_property):
    """pcc -S | pas equals pcc -c; pcc links it with the bundled libc; the exit status
    and output are the expected ones (results cached per pcc source digest)."""
    record_property("label", f"{program.id} {level}")
    outcome = corpus_e2e.run_program(program, level)
    assert outcome.passed, f"{outcome.status}: {outcome.message}"


def test_corpus_program_cross(target, cross_program, level, record_property):
    """As test_corpus_program, for AArch64 / RISC-V 64 under qemu-user: runs once
    the target has a back end."""
    from toolchain.cc.compile import BACKENDS
    if target not in BACKENDS:
        pytest.skip(f"pcc has no {target} back end yet")
    missing = corpus_e2e.missing_tools(target)
    if missing:
        pytest.skip(f"needs {' and '.join(missing)}")
    record_property("label", f"{target} {cross_program.id} {level}")
    outcome = corpus_e2e.run_program(cross_program, level, target=target)
    assert outcome.passed, f"{outcome.status}: {outcome.message}"


@pytest.fixture
def cc(target, monkeypatch) -> str:
    """The target's cross gcc, which also builds the bundled libc ($PCC_LIBC_CC)."""
    compiler = CROSS_COMPILERS[target]
    missing = corpus_e2e.missing_tools(target, compiler)
    if missing:
        pytest.skip(f"needs {' and '.join(missing)}")
    monkeypatch.setenv("PCC_LIBC_CC", compiler)
    return compiler


def test_corpus_program_cross_cc(target, cross_program, level, cc, record_property):
    """The cross gcc compiles (against the bundled headers), pcc links (pld, crt1.o,
    the bundled libc.a), qemu runs: the link step and the runner for these targets."""
    record_property("label", f"{target} cc {cross_program.id} {level}")
    outcome = corpus_e2e.run_program(cross_program, level, target=target, cc=cc)
    assert outcome.passed, f"{outcome.status}: {outcome.message}"
