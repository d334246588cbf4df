"""``pcc --target=aarch64-linux-gnu`` / ``riscv64-linux-gnu`` against the cross gccs.

With each cross glibc's own headers (/usr/<triple>/include, Debian's
libc6-dev-*-cross) both compilers preprocess the standard and POSIX headers
and a seeded sample of the corpora (all of it under ``--full``) to the same
tokens, and pcc's front end accepts (``-fsyntax-only``) whatever the cross
gcc accepts.  A last check asserts the target's type layouts -- long double
as binary128, unsigned char, va_list, jmp_buf, struct stat, ucontext_t,
bit-fields -- with values measured by the cross gcc.  Skipped when the cross
gcc is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import corpus
from cpphelpers import NEUTRAL, first_difference, run_gcc, run_pcc, token_sequence
from testopts import is_full, sample_seed

TRIPLES = ("aarch64-linux-gnu", "riscv64-linux-gnu")
HEADERS = ("assert.h complex.h ctype.h errno.h fenv.h float.h inttypes.h limits.h locale.h "
           "math.h setjmp.h signal.h stdarg.h stdatomic.h stdint.h stdio.h stdlib.h string.h "
           "tgmath.h threads.h time.h uchar.h wchar.h wctype.h unistd.h fcntl.h dirent.h "
           "pthread.h sched.h sys/stat.h sys/mman.h sys/socket.h sys/epoll.h sys/ioctl.h "
           "sys/resource.h sys/time.h sys/uio.h sys/wait.h netinet/in.h netdb.h arpa/inet.h "
           "termios.h poll.h ucontext.h regex.h glob.h dlfcn.h pwd.h grp.h syslog.h iconv.h "
           "langinfo.h err.h sys/auxv.h").split()
FLAGS = ([], ["-std=c11"], ["-D_GNU_SOURCE"])   # the fast run: the default dialect only
CORPUS_SAMPLE = 25


def include_flags(triple: str) -> list[str]:
    return ["-nostdinc", "-isystem", f"/usr/lib/gcc-cross/{triple}/12/include",
            "-isystem", f"/usr/{triple}/include"]


def cross_gcc(triple: str) -> str:
    compiler = f"{triple}-gcc"
    if shutil.which(compiler) is None:
        pytest.skip(f"{compiler} is not installed")
    if not Path(f"/usr/{triple}/include/stdio.h").is_file():
        pytest.skip(f"/usr/{triple}/include has no glibc headers")
    return compiler


def check_like_gcc(triple: str, source: Path, flags: list[str]) -> None:
    """-E gives gcc's tokens; -fsyntax-only passes where gcc's does."""
    compiler = cross_gcc(triple)
    args = [*include_flags(triple), *NEUTRAL, *flags, str(source)]
    gcc_status, gcc_out, gcc_err = run_gcc(["-E", *args], compiler)
    if gcc_status != 0:
        pytest.skip(f"{compiler} -E rejects it: {gcc_err.strip()[:200]}")
    status, pcc_out, pcc_err = run_pcc([f"--target={triple}", "-E", *args])
    assert status == 0, pcc_err[:500]
    difference = first_difference(token_sequence(pcc_out), token_sequence(gcc_out))
    assert difference is None, difference
    if subprocess.run([compiler, "-fsyntax-only", *args], capture_output=True).returncode == 0:
        status, _, pcc_err = run_pcc([f"--target={triple}", "-fsyntax-only", *args])
        assert status == 0, pcc_err[:500]


def test_cross_header(triple: str, header: str, flags: list[str], tmp_path: Path,
                      record_property) -> None:
    record_property("summary", "headers")
    source = tmp_path / "h.c"
    source.write_text(f"#include <{header}>\nint main(void) {{ return 0; }}\n")
    check_like_gcc(triple, source, flags)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "header" in metafunc.fixturenames:
        dialects = FLAGS if is_full(metafunc.config) else FLAGS[:1]
        metafunc.parametrize("triple,header,flags", [
            pytest.param(triple, header, flags, id=f"{triple}-{header}-{' '.join(flags) or 'default'}")
            for triple in TRIPLES for header in HEADERS for flags in dialects])
    if "program" not in metafunc.fixturenames:
        return
    root = corpus.corpora_dir()
    programs = corpus.load_programs(root) if root else []
    count = None if is_full(metafunc.config) else CORPUS_SAMPLE
    params = [pytest.param(triple, program, id=f"{triple}-{program.id}")
              for triple in TRIPLES
              for program in corpus.select(programs, triple, "cross-cpp", sample_seed(), count)]
    if not params:
        reason = f"no corpora found (looked in $PCC_CORPORA and ../shared/corpora: {root})"
        params = [pytest.param(triple, None, id=triple, marks=pytest.mark.skip(reason))
                  for triple in TRIPLES]
    metafunc.parametrize("triple,program", params)


def test_cross_corpus(triple: str, program: corpus.Program, record_property) -> None:
    record_property("summary", "files")
    check_like_gcc(triple, program.path, list(program.flags))


# Layouts the cross gcc measures (the initialisers it writes to its -S output).
LAYOUT_EXPRESSIONS = (
    "sizeof(long double)", "_Alignof(long double)", "LDBL_MANT_DIG", "(char)-1 > 0",
    "sizeof(wchar_t)", "WCHAR_MIN", "_Alignof(max_align_t)", "sizeof(va_list)",
    "sizeof(jmp_buf)", "sizeof(struct stat)", "offsetof(struct stat, st_size)",
    "sizeof(sigset_t)", "sizeof(ucontext_t)", "sizeof(struct bits)",
    "offsetof(struct bits, d)", "sizeof(__int128)", "_Alignof(__int128)",
    "sizeof(struct flexible)", "sizeof(struct sockaddr_storage)",
)
LAYOUT_PRELUDE = """\
#include <float.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <ucontext.h>
#include <wchar.h>
struct bits { char a; int b:3; long long c:40; char d; };
struct flexible { int n; long double x[]; };
"""


def _measure(compiler: str, tmp_path: Path) -> list[int]:
    """The cross gcc's values, as the initialisers of an array in its object file."""
    source = tmp_path / "measure.c"
    values = ",\n".join(f"  (long long)({expr})" for expr in LAYOUT_EXPRESSIONS)
    source.write_text(LAYOUT_PRELUDE + f"long long layout[] = {{\n{values}\n}};\n")
    listing = subprocess.run([compiler, "-S", "-o", "-", str(source)], capture_output=True,
                             text=True, check=True).stdout
    words = [line.split()[1] for line in listing.splitlines()
             if line.strip().startswith((".dword", ".xword", ".quad"))]
    return [int(word, 0) for word in words]


@pytest.mark.parametrize("triple", TRIPLES)
def test_cross_type_layouts(triple: str, tmp_path: Path) -> None:
    compiler = cross_gcc(triple)
    expected = _measure(compiler, tmp_path)
    assert len(expected) == len(LAYOUT_EXPRESSIONS), f"read {len(expected)} values"
    asserts = "\n".join(f'_Static_assert((long long)({expr}) == {value}LL, "{expr} is {value}");'
                        for expr, value in zip(LAYOUT_EXPRESSIONS, expected))
    source = tmp_path / "layout.c"
    source.write_text(LAYOUT_PRELUDE + asserts + "\n")
    status, _, err = run_pcc([f"--target={triple}", "-fsyntax-only", *include_flags(triple),
                              str(source)])
    assert status == 0, err[:1000]
