"""``pcc -E`` against ``gcc -E``: the same token sequence on real inputs.

Both run with the same flags, glibc's headers through ``-nostdinc -isystem``
(gcc's own search order), and ``__DATE__``/``__TIME__``/``__TIMESTAMP__``
defined to fixed strings.  Line markers and white space are ignored; the
tokens, pragmas included, must be identical.  Inputs: the corpora (a seeded
sample, all under ``--full``), the standard C and POSIX headers, and the
sources of lua5.4, zlib and sqlite3 (Debian source packages, unpacked and
cached under ~/.cache/pcc/debian-src; skipped when they cannot be had).
"""

from __future__ import annotations

import os
import random
import re
import shutil
from pathlib import Path

import pytest

from debiansrc import LUA_FLAGS, ZLIB_FLAGS, debian_source, sqlite_build
from cpphelpers import GLIBC_INCLUDE, NEUTRAL, first_difference, run_gcc, run_pcc, token_sequence
from testopts import sample_seed

CORPORA = Path(os.environ.get("PCC_CORPORA", Path(__file__).resolve().parents[3] / "shared" / "corpora"))
if not CORPORA.is_dir():
    CORPORA = Path("/work/shared/corpora")
SAMPLE = 60

HEADERS = ("assert.h ctype.h errno.h fenv.h float.h inttypes.h limits.h locale.h math.h "
           "setjmp.h signal.h stdarg.h stddef.h stdint.h stdio.h stdlib.h string.h time.h "
           "wchar.h wctype.h complex.h stdbool.h stdalign.h stdnoreturn.h unistd.h fcntl.h "
           "sys/types.h sys/stat.h sys/mman.h pthread.h dirent.h").split()

needs_gcc = pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc is not installed")


def corpus_files(name: str) -> list[Path]:
    return sorted((CORPORA / name).glob("*.c")) if (CORPORA / name).is_dir() else []


def sample(files: list[Path], full: bool) -> list[Path]:
    if full or len(files) <= SAMPLE:
        return files
    return sorted(random.Random(sample_seed()).sample(files, SAMPLE))


def compare(path: str | Path, flags: list[str] = (), errors_too: bool = False) -> None:
    """Both preprocessors agree on ``path`` (``errors_too``: also when both fail)."""
    args = ["-E", *GLIBC_INCLUDE, *NEUTRAL, *flags, str(path)]
    gcc_status, gcc_out, gcc_err = run_gcc(args)
    pcc_status, pcc_out, pcc_err = run_pcc(args)
    assert "internal error" not in pcc_err, pcc_err
    if gcc_status != 0:
        assert pcc_status != 0, f"gcc rejects {path} but pcc accepts it:\n{gcc_err}"
        if errors_too:
            difference = first_difference(token_sequence(pcc_out), token_sequence(gcc_out))
            assert difference is None, f"{path}: {difference}"
        return
    assert pcc_status == 0, f"pcc rejects {path}:\n{pcc_err}"
    difference = first_difference(token_sequence(pcc_out), token_sequence(gcc_out))
    assert difference is None, f"{path}: {difference}"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "corpus_file" in metafunc.fixturenames:
        full = metafunc.config.getoption("--full", default=False) or \
            os.environ.get("PCC_TEST_FULL") == "1"
        files = [f for name in ("c-testsuite", "gcc-torture")
                 for f in sample(corpus_files(name), full)]
        metafunc.parametrize("corpus_file", files,
                             ids=[f"{f.parent.name}/{f.name}" for f in files])


@needs_gcc
def test_corpus(corpus_file: Path, record_property) -> None:
    record_property("summary", "token-identical inputs")
    compare(corpus_file)


INPUTS = sorted((Path(__file__).parent / "cpp").glob("*.c"))


@needs_gcc
@pytest.mark.parametrize("source", INPUTS, ids=[p.name for p in INPUTS])
def test_tricky_input(source: Path) -> None:
    """tests/cc/cpp/*.c: corner cases of the standard and of gcc, error recovery included."""
    path = source.relative_to(Path.cwd()) if source.is_relative_to(Path.cwd()) else source
    compare(path, errors_too=True)
    compare(path, ["-std=c11"], errors_too=True)    # trigraphs, __STRICT_ANSI__, no GNU comma rule


def comment_text(output: str) -> str:
    """-E output with the line markers dropped and white space runs made one space."""
    return " ".join(line for line in output.split("\n") if not re.match(r'# \d+ "', line)).split()


@needs_gcc
@pytest.mark.parametrize("flag", ["-C", "-CC"])
def test_comments_kept(flag: str) -> None:
    """-C keeps comments outside directives, -CC those of macro bodies too; the whole
    text must match gcc's (cpp/edge_comments.c)."""
    source = Path(__file__).parent / "cpp" / "edge_comments.c"
    args = ["-E", flag, *GLIBC_INCLUDE, *NEUTRAL, str(source)]
    gcc_status, gcc_out, _ = run_gcc(args)
    pcc_status, pcc_out, pcc_err = run_pcc(args)
    assert (pcc_status, gcc_status) == (0, 0), pcc_err
    ours, theirs = comment_text(pcc_out), comment_text(gcc_out)
    if ours != theirs:
        i = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b),
                 min(len(ours), len(theirs)))
        assert ours == theirs, f"word {i}: pcc {ours[i - 5:i + 5]} vs gcc {theirs[i - 5:i + 5]}"


PREDEFINED_TARGETS = [
    ("x86_64-linux-gnu", "gcc", "-m64"), ("i386-linux-gnu", "i686-linux-gnu-gcc", None),
    ("i386-none-code16", "gcc", "-m16"), ("aarch64-linux-gnu", "aarch64-linux-gnu-gcc", None),
    ("riscv64-linux-gnu", "riscv64-linux-gnu-gcc", None)]
# Options that change the predefined set (dialect, -O, PIC/PIE, char signedness).
PREDEFINED_FLAGS = ["", "-std=c99", "-std=c11", "-std=gnu17", "-ansi", "-O2", "-Os",
                    "-fno-pie", "-fPIC", "-ffreestanding", "-funsigned-char", "-fsigned-char"]


@pytest.mark.parametrize("flags", PREDEFINED_FLAGS)
@pytest.mark.parametrize("target, compiler, flag", PREDEFINED_TARGETS)
def test_predefined_like_gcc(target: str, compiler: str, flag: str | None, flags: str) -> None:
    """The predefined macros of every target agree with its gcc's (-dM)."""
    if shutil.which(compiler) is None:
        pytest.skip(f"{compiler} is not installed")
    options = [flag] if flag else []
    options += flags.split()
    _, gcc_out, _ = run_gcc(["-E", "-dM", "-xc", "/dev/null", *options], compiler)
    _, pcc_out, _ = run_pcc(["-E", "-dM", "-nostdinc", f"--target={target}", *flags.split(),
                             "/dev/null"])
    stdc_predef = {"_STDC_PREDEF_H", "__STDC_IEC_559__", "__STDC_IEC_559_COMPLEX__",
                   "__STDC_IEC_60559_BFP__", "__STDC_IEC_60559_COMPLEX__", "__STDC_ISO_10646__"}
    gcc_set = {line for line in gcc_out.splitlines() if line.split(" ")[1] not in stdc_predef}
    pcc_set = {line for line in pcc_out.splitlines() if line.split(" ")[1] not in stdc_predef}
    assert len(gcc_set) > 250, f"{compiler} -dM printed only {len(gcc_set)} macros"
    missing, extra = sorted(gcc_set - pcc_set), sorted(pcc_set - gcc_set)
    assert not missing and not extra, f"missing {missing[:8]}, extra {extra[:8]}"


def _has_answers(run, compiler_args: list[str], source: Path) -> set[str]:
    _, out, _ = run([*compiler_args, "-E", "-P", str(source)])
    return {line for line in out.splitlines() if line.startswith(("builtin ", "attribute "))}


@pytest.mark.parametrize("target, compiler, flag", PREDEFINED_TARGETS)
def test_has_builtin_and_attribute_like_gcc(target: str, compiler: str, flag: str | None,
                                            tmp_path: Path) -> None:
    """``__has_builtin``/``__has_attribute`` answer as the target's gcc does, for every
    name any target knows (gccbuiltins) and a few no target knows."""
    if shutil.which(compiler) is None:
        pytest.skip(f"{compiler} is not installed")
    from toolchain.cc import gccbuiltins
    builtins = set().union(*(gccbuiltins.builtin_names(t) for t, _, _ in PREDEFINED_TARGETS))
    attributes = set().union(*(gccbuiltins.attribute_names(t) for t, _, _ in PREDEFINED_TARGETS))
    builtins |= {"__builtin_no_such_thing", "printf"}
    attributes |= {"no_such_attribute", "__packed__", "__interrupt__"}
    lines = [f"#if __has_builtin({n})\nbuiltin {n}\n#endif" for n in sorted(builtins)]
    lines += [f"#if __has_attribute({n})\nattribute {n}\n#endif" for n in sorted(attributes)]
    source = tmp_path / "has.c"
    source.write_text("\n".join(lines) + "\n")
    gcc = _has_answers(lambda a: run_gcc(a, compiler), [flag] if flag else [], source)
    pcc = _has_answers(run_pcc, ["-nostdinc", f"--target={target}"], source)
    assert len(gcc) > 900, f"{compiler} answered 1 for only {len(gcc)} names"
    missing, extra = sorted(gcc - pcc), sorted(pcc - gcc)
    assert not missing and not extra, f"missing {missing[:8]}, extra {extra[:8]}"


@needs_gcc
@pytest.mark.parametrize("header", HEADERS)
def test_system_header(header: str, tmp_path: Path, record_property) -> None:
    record_property("summary", "token-identical inputs")
    source = tmp_path / "h.c"
    source.write_text(f"#include <{header}>\n")
    compare(source)
    for std in ("-std=c99", "-std=c11", "-D_GNU_SOURCE"):
        compare(source, [std])


I686_INCLUDE = ["-nostdinc", "-isystem", "/usr/lib/gcc-cross/i686-linux-gnu/12/include",
                "-isystem", "/usr/i686-linux-gnu/include", "-isystem", "/usr/include"]


@pytest.mark.parametrize("header", ["stdio.h", "stdlib.h", "math.h", "stdint.h", "pthread.h",
                                    "sys/stat.h", "inttypes.h", "signal.h"])
def test_system_header_i386(header: str, tmp_path: Path, record_property) -> None:
    """--target=i386-linux-gnu against Debian's i686-linux-gnu-gcc and its glibc headers."""
    if shutil.which("i686-linux-gnu-gcc") is None:
        pytest.skip("i686-linux-gnu-gcc is not installed")
    record_property("summary", "token-identical inputs")
    source = tmp_path / "h.c"
    source.write_text(f"#include <{header}>\n")
    args = ["-E", *I686_INCLUDE, *NEUTRAL, str(source)]
    _, gcc_out, _ = run_gcc(args, "i686-linux-gnu-gcc")
    status, pcc_out, pcc_err = run_pcc(["--target=i386-linux-gnu", *args])
    assert status == 0, pcc_err
    difference = first_difference(token_sequence(pcc_out), token_sequence(gcc_out))
    assert difference is None, difference


def sqlite_amalgamation() -> Path:
    """sqlite3.c, built from the Debian sources with their own makefile (needs tclsh)."""
    return sqlite_build() / "sqlite3.c"


@needs_gcc
@pytest.mark.slow
@pytest.mark.parametrize("package", ["lua5.4", "zlib"])
def test_package_sources(package: str, record_property) -> None:
    folder = debian_source(package)
    files = sorted((folder / "src").glob("*.c") if package == "lua5.4" else folder.glob("*.c"))
    assert files
    flags = LUA_FLAGS if package == "lua5.4" else ZLIB_FLAGS
    failures = []
    for path in files:
        try:
            compare(path, flags)
        except AssertionError as exc:
            failures.append(str(exc).splitlines()[0][:300])
    assert not failures, f"{len(failures)}/{len(files)} differ:\n" + "\n".join(failures)


@needs_gcc
@pytest.mark.slow
@pytest.mark.parametrize("flags", [[], ["-DSQLITE_DEBUG", "-DSQLITE_ENABLE_FTS5",
                                        "-DSQLITE_ENABLE_JSON1", "-DSQLITE_THREADSAFE=0"]],
                         ids=["default", "options"])
def test_sqlite3_amalgamation(flags: list[str]) -> None:
    compare(sqlite_amalgamation(), flags)
