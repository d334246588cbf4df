"""The bundled C library's headers (toolchain/libc/include), with GCC as oracle.

pcc's own front end is not the judge yet, so GCC checks the headers:

- every public header compiles alone, warning-free under -Wall -Wextra
  -Werror, in strict C11, GNU17 and with feature-test macros, for x86-64,
  i386 and -m16; the AArch64 and RISC-V branches are compiled by the host
  gcc with the architecture macros swapped (a real cross compiler is used
  instead when one is installed);
- constants, enumeration constants, type widths and structure layouts
  equal glibc's on x86-64, i386 and -- built by the cross gccs against their
  glibc and run under qemu-user -- AArch64 and RISC-V 64
  (tests/libc/probe.py: ~3400 values each), except the few listed in
  probe.INTENTIONAL; every declaration agrees with glibc's on all four;
- the kernel-ABI structures equal the kernel's own (UAPI headers, and the
  rt_sigaction layout of probe.KERNEL_LAYOUTS);
- every corpus program (c-testsuite, gcc-torture) passes gcc -fsyntax-only
  against them; a seeded sample in the fast run, all with --full.  Programs
  that glibc's headers reject too are skipped with gcc's reason.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

import corpus
import probe
from testopts import is_full, sample_seed

INCLUDE = probe.INCLUDE
HEADERS = probe.public_headers()

# How each target's compiler is run for the compile-alone check.  The *-sim
# targets reuse the host gcc with the architecture macros swapped: types keep
# x86-64's sizes, but every #if branch of the other targets gets parsed.
_NOT_X86 = ("-U__x86_64__", "-U__x86_64", "-U__amd64__", "-U__amd64")
COMPILE_TARGETS = {
    "x86_64": ("gcc",),
    "i386": ("i686-linux-gnu-gcc",),
    "x86_16": ("i686-linux-gnu-gcc", "-m16"),
    "aarch64": ("aarch64-linux-gnu-gcc",),
    "riscv64": ("riscv64-linux-gnu-gcc",),
}
SIMULATED = {
    "aarch64": ("gcc", *_NOT_X86, "-D__aarch64__=1"),
    "riscv64": ("gcc", *_NOT_X86, "-D__riscv=1", "-D__riscv_xlen=64"),
}
FLAG_SETS = (
    ("-std=c11",),
    ("-std=gnu17",),
    ("-std=c11", "-D_GNU_SOURCE"),
    ("-std=c99", "-D_POSIX_C_SOURCE=200809L"),
    ("-std=c11", "-D_XOPEN_SOURCE=700"),
    ("-std=gnu11", "-D_DEFAULT_SOURCE"),
    ("-ansi",),
)
# x86-64 runs every mode; the other targets the three the contract names.
FLAG_SETS_FOR = {mode: FLAG_SETS if mode == "x86_64" else FLAG_SETS[:3]
                 for mode in ("x86_64", "i386", "x86_16", "aarch64", "riscv64")}
WARNINGS = ("-Wall", "-Wextra", "-Werror")
CORPUS_SAMPLE = 80
CORPUS_TARGETS = ("x86_64", "i386", "aarch64", "riscv64")


def compiler_for(target: str) -> tuple[str, ...] | None:
    """The real compiler for a target if installed, else the simulation."""
    real = COMPILE_TARGETS[target]
    if shutil.which(real[0]):
        return real
    return SIMULATED.get(target)


def compile_alone(cc: tuple[str, ...], header: str, flags: tuple[str, ...],
                  include: Path = INCLUDE) -> str | None:
    """gcc's first error for a file holding only ``#include <header>``, or None."""
    source = f"#include <{header}>\n"
    result = subprocess.run([*cc, *flags, "-nostdinc", "-isystem", str(include),
                             "-fsyntax-only", *WARNINGS, "-x", "c", "-"],
                            input=source, capture_output=True, text=True, timeout=60)
    if result.returncode == 0:
        return None
    lines = [l for l in result.stderr.splitlines() if "error" in l]
    return (lines or result.stderr.splitlines() or ["exit status " + str(result.returncode)])[0]


@pytest.mark.parametrize("mode", list(COMPILE_TARGETS))
@pytest.mark.parametrize("header", HEADERS)
def test_header_compiles_alone(mode: str, header: str, record_property) -> None:
    record_property("summary", "headers")
    cc = compiler_for(mode)
    if cc is None:
        pytest.skip(f"no compiler for {mode}")
    errors = []
    for flags in FLAG_SETS_FOR[mode]:
        error = compile_alone(cc, header, flags)
        if error:
            errors.append(f"[{' '.join(flags)}] {error}")
    assert not errors, f"{header} for {mode}:\n" + "\n".join(errors)


def test_compile_alone_detects_a_broken_header(tmp_path: Path) -> None:
    """The check can fail: a header with a type error is caught."""
    shutil.copytree(INCLUDE, tmp_path / "include")
    broken = tmp_path / "include" / "string.h"
    broken.write_text(broken.read_text().replace("size_t strlen(", "size_t strlen(undeclared_t, "))
    assert compile_alone(("gcc",), "string.h", ("-std=c11",), tmp_path / "include")
    assert compile_alone(("gcc",), "stdio.h", ("-std=c11",), tmp_path / "include") is None


# ---------------------------------------------------------------- layouts ----

def _probe_target(name: str) -> probe.Target:
    target = probe.TARGETS[name]
    if not target.available():
        pytest.skip(f"{target.cc[0]} not installed")
    return target


@functools.cache
def _glibc_and_ours(name: str) -> tuple[dict[str, str], dict[str, str]]:
    target = probe.TARGETS[name]
    headers = [h for h in HEADERS if h not in probe.OURS_ONLY_HEADERS]
    source = probe.probe_source(headers, probe.public_macros())
    return probe.run_probe(target, source, ours=False), probe.run_probe(target, source, ours=True)


def differences(glibc: dict[str, str], ours: dict[str, str]) -> list[str]:
    """Every probed name whose value differs, where glibc defines it."""
    diffs = []
    for name, value in ours.items():
        reference = glibc.get(name)
        if reference in (None, "undefined") or name in probe.INTENTIONAL:
            continue
        if value == "undefined":
            diffs.append(f"{name}: missing (glibc {reference})")
        elif value != reference:
            diffs.append(f"{name}: ours {value}, glibc {reference}")
    return diffs


@pytest.mark.parametrize("mode", ["x86_64", "i386", "aarch64", "riscv64"])
def test_values_and_layouts_match_glibc(mode: str) -> None:
    _probe_target(mode)
    glibc, ours = _glibc_and_ours(mode)
    compared = sum(1 for n in ours if glibc.get(n) not in (None, "undefined"))
    assert compared > 2000, f"only {compared} values compared: is the probe broken?"
    diffs = differences(glibc, ours)
    assert not diffs, f"{len(diffs)} of {compared} values differ:\n" + "\n".join(diffs[:60])


def test_comparison_detects_a_wrong_value() -> None:
    """The comparison can fail: a changed constant or offset is reported."""
    _probe_target("x86_64")
    glibc, ours = _glibc_and_ours("x86_64")
    wrong = dict(ours)
    wrong["EAGAIN"] = "35:7"
    wrong["offsetof(struct stat, st_mode)"] = "16:10"
    assert len(differences(glibc, wrong)) == 2


@pytest.mark.parametrize("mode", ["x86_64", "i386", "aarch64", "riscv64"])
def test_declarations_agree_with_glibc(mode: str) -> None:
    """Each function and object we declare, redeclared after glibc's headers,
    draws no "conflicting types" (POSIX's int where glibc uses an enum aside)."""
    target = _probe_target(mode)
    headers = [h for h in HEADERS if h not in probe.OURS_ONLY_HEADERS]
    count, errors = probe.conflicts_with_glibc(target, headers)
    assert count > 1000, f"only {count} declarations found: is -aux-info working?"
    assert not errors, f"{len(errors)} of {count} declarations disagree:\n" + "\n".join(errors[:40])


# What the kernel itself reads and writes (UAPI headers), against ours.
_KERNEL_STAT = {
    "x86_64": ("asm/stat.h", "struct stat"),
    "i386": ("asm/stat.h", "struct stat64"),
}
_STAT_FIELDS = ("st_dev", "st_mode", "st_nlink", "st_uid", "st_gid", "st_rdev", "st_size",
                "st_blksize", "st_blocks")
_TERMIOS_FIELDS = ("c_iflag", "c_oflag", "c_cflag", "c_lflag", "c_line", "c_cc")


def _run_snippet(target: probe.Target, lines: list[str], includes: list[str],
                 ours: bool, cc: tuple[str, ...] | None = None) -> dict[str, str]:
    body = "\n".join(f"  printf(\"{expr}=%lu\\n\", (unsigned long)({expr}));" for expr in lines)
    source = "\n".join([*(f"#include <{h}>" for h in includes), "#include <stdio.h>",
                        "#include <stddef.h>", "int main(void) {", body, "  return 0;", "}", ""])
    with tempfile.TemporaryDirectory(prefix="pcc-kabi-") as tmp:
        src, exe = Path(tmp, "k.c"), Path(tmp, "k")
        src.write_text(source)
        flags = ["-nostdinc", "-isystem", str(INCLUDE)] if ours else []
        build = subprocess.run([*(cc or target.cc), "-std=gnu11", "-w", "-static", *flags, str(src),
                                "-o", str(exe)], capture_output=True, text=True, timeout=300)
        assert build.returncode == 0, build.stderr[:3000]
        runner = target.runner if cc is None else ()
        out = subprocess.run([*runner, str(exe)], capture_output=True, text=True,
                             check=True).stdout
    return dict(line.split("=", 1) for line in out.splitlines())


@pytest.mark.parametrize("mode", ["x86_64", "i386"])
def test_kernel_abi_structures(mode: str) -> None:
    target = _probe_target(mode)
    header, kstat = _KERNEL_STAT[mode]
    kernel_exprs = [f"sizeof({kstat})"] + [f"offsetof({kstat}, {f})" for f in _STAT_FIELDS]
    kernel_exprs += ["offsetof(" + kstat + ", st_atime)", "offsetof(" + kstat + ", st_ino)"]
    kernel_exprs += [f"offsetof(struct termios, {f})" for f in _TERMIOS_FIELDS]
    kernel = _run_snippet(target, kernel_exprs, [header, "asm/termbits.h"], ours=False)

    our_exprs = ["sizeof(struct stat)"] + [f"offsetof(struct stat, {f})" for f in _STAT_FIELDS]
    our_exprs += ["offsetof(struct stat, st_atim)", "offsetof(struct stat, st_ino)"]
    our_exprs += [f"offsetof(struct termios, {f})" for f in _TERMIOS_FIELDS]
    our_exprs += list(probe.KERNEL_LAYOUTS[mode])
    our_exprs += ["sizeof(((struct __jmp_buf_tag *)0)->__jb)"]
    ours = _run_snippet(target, our_exprs,
                        ["sys/stat.h", "termios.h", "signal.h", "setjmp.h"], ours=True)

    diffs = []
    for k_expr, o_expr in zip(kernel_exprs, our_exprs):
        if kernel[k_expr] != ours[o_expr]:
            diffs.append(f"{o_expr}: ours {ours[o_expr]}, kernel {k_expr} {kernel[k_expr]}")
    for expr, expected in probe.KERNEL_LAYOUTS[mode].items():
        if int(ours[expr]) != expected:
            diffs.append(f"{expr}: ours {ours[expr]}, kernel {expected}")
    # setjmp.h's contract: callee-saved registers + sp + pc.
    words = {"x86_64": 8 * 8, "i386": 6 * 4}[mode]
    if int(ours["sizeof(((struct __jmp_buf_tag *)0)->__jb)"]) != words:
        diffs.append("jmp_buf register area is not the documented size")
    assert not diffs, "\n".join(diffs)


# AArch64 and RISC-V 64 share asm-generic/stat.h and asm-generic/signal.h.
# Their cross compilers build both sides (run under qemu-user); without
# them, the host gcc (LP64, the same sizes for every type these structures
# use) compiles our AArch64/RISC-V branches against the installed
# asm-generic header.  sigaction: AArch64 defines SA_RESTORER so its kernel
# struct keeps sa_restorer; RISC-V has none (24 bytes).  ucontext_t: the
# kernel's uc_mcontext follows uc_sigmask padded to 128 bytes (AArch64 and
# RISC-V leave room for 1024 signals) and is 16-byte aligned.
_GENERIC_SIGACTION = {
    "aarch64": {"sizeof(struct sigaction)": 32, "offsetof(struct sigaction, sa_flags)": 8,
                "offsetof(struct sigaction, sa_restorer)": 16,
                "offsetof(struct sigaction, sa_mask)": 24},
    "riscv64": {"sizeof(struct sigaction)": 24, "offsetof(struct sigaction, sa_flags)": 8,
                "offsetof(struct sigaction, sa_mask)": 16},
}
_JMP_BUF_WORDS = {"aarch64": 22, "riscv64": 26}
_UCONTEXT = {"offsetof(ucontext_t, uc_sigmask)": 40, "offsetof(ucontext_t, uc_mcontext)": 176}


@pytest.mark.parametrize("mode", ["aarch64", "riscv64"])
def test_generic_kernel_abi_structures(mode: str) -> None:
    real = probe.TARGETS[mode]
    target, cc = (real, None) if real.available() else (_probe_target("x86_64"), SIMULATED[mode])
    header = "asm/stat.h" if cc is None else "asm-generic/stat.h"
    if cc is not None and not Path("/usr/include/asm-generic/stat.h").is_file():
        pytest.skip("no asm-generic/stat.h (linux-libc-dev)")
    fields = ("st_dev", "st_ino", *_STAT_FIELDS)
    kernel_exprs = ["sizeof(struct stat)"] + [f"offsetof(struct stat, {f})" for f in fields]
    kernel_exprs += ["offsetof(struct stat, st_atime)", "offsetof(struct stat, st_mtime)"]
    kernel = _run_snippet(target, kernel_exprs, [header], ours=False)
    our_exprs = kernel_exprs[:-2] + ["offsetof(struct stat, st_atim)",
                                     "offsetof(struct stat, st_mtim)"]
    our_exprs += list(_GENERIC_SIGACTION[mode]) + list(_UCONTEXT)
    our_exprs += ["sizeof(((struct __jmp_buf_tag *)0)->__jb)"]
    ours = _run_snippet(target, our_exprs, ["sys/stat.h", "signal.h", "setjmp.h", "ucontext.h"],
                        ours=True, cc=cc)
    diffs = [f"{o}: ours {ours[o]}, kernel {kernel[k]}"
             for k, o in zip(kernel_exprs, our_exprs) if ours[o] != kernel[k]]
    expected = {**_GENERIC_SIGACTION[mode], **_UCONTEXT}
    diffs += [f"{e}: ours {ours[e]}, kernel {v}" for e, v in expected.items() if int(ours[e]) != v]
    if int(ours["sizeof(((struct __jmp_buf_tag *)0)->__jb)"]) != 8 * _JMP_BUF_WORDS[mode]:
        diffs.append("jmp_buf register area is not the documented size")
    assert not diffs, "\n".join(diffs)


# ----------------------------------------------------------------- corpus ----

def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "program" not in metafunc.fixturenames:
        return
    root = corpus.corpora_dir()
    programs = corpus.load_programs(root) if root else []
    count = None if is_full(metafunc.config) else CORPUS_SAMPLE
    # "level" only names the summary group (conftest.py): "x86_64 corpus".
    params = [pytest.param(mode, "corpus", program, id=f"{mode}-{program.id}")
              for mode in CORPUS_TARGETS
              for program in corpus.select(programs, mode, "headers", sample_seed(), count)]
    if not params:
        reason = f"no corpora found (looked in $PCC_CORPORA and ../shared/corpora: {root})"
        params = [pytest.param(mode, "corpus", None, id=mode, marks=pytest.mark.skip(reason))
                  for mode in CORPUS_TARGETS]
    metafunc.parametrize("mode,level,program", params)


def _syntax_only(cc: tuple[str, ...], program: corpus.Program, ours: bool) -> str | None:
    flags = ["-nostdinc", "-isystem", str(INCLUDE)] if ours else []
    result = subprocess.run([*cc, *program.flags, "-fsyntax-only", "-w", *flags,
                             str(program.path)], capture_output=True, text=True, timeout=120)
    if result.returncode == 0:
        return None
    lines = [l for l in result.stderr.splitlines() if "error" in l]
    return (lines or result.stderr.splitlines() or ["?"])[0]


def test_corpus_with_bundled_headers(mode: str, level: str, program: corpus.Program,
                                     record_property) -> None:
    record_property("summary", "files")
    record_property("label", f"{mode} {program.id}")
    cc = COMPILE_TARGETS[mode]
    if not shutil.which(cc[0]):
        pytest.skip(f"{cc[0]} not installed")
    error = _syntax_only(cc, program, ours=True)
    if error is None:
        return
    glibc_error = _syntax_only(cc, program, ours=False)
    if glibc_error is not None:
        pytest.skip(f"fails with glibc's headers too: {glibc_error}")
    pytest.fail(f"bundled headers: {error}")


# ------------------------------------------------------------ real sources ----
# Upstream sources of Debian packages, as ../shared/scripts/debian-source
# unpacks them ($PCC_SOURCES or ~/.cache/pcc/sources, or the preprocessor
# tests' ~/.cache/pcc/debian-src, where sqlite3-amalgamation holds the shell.c
# and sqlite3.c sqlite3's makefile generates); skipped when absent.
SQLITE_FLAGS = ("-DSQLITE_OS_UNIX=1", "-D_HAVE_SQLITE_CONFIG_H", "-DBUILD_sqlite", "-DNDEBUG",
                "-DSQLITE_THREADSAFE=0", "-DSQLITE_ENABLE_MATH_FUNCTIONS")
REAL_SOURCES = {
    "lua5.4": ("src/*.c", ("-std=gnu99", "-DLUA_USE_LINUX")),
    "zlib": ("*.c", ("-D_LARGEFILE64_SOURCE=1",)),
    "sqlite3-amalgamation": ("shell.c", SQLITE_FLAGS),
}
REAL_SOURCE_TARGETS = ("x86_64", "i386", "aarch64", "riscv64")


def _sources_dir(project: str) -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pcc"
    bases = [os.environ.get("PCC_SOURCES") or cache / "sources",
             os.environ.get("PCC_DEBIAN_SRC") or cache / "debian-src"]
    folders = [Path(base) / project for base in bases]
    return next((folder for folder in folders if folder.is_dir()), folders[0])


@pytest.mark.parametrize("mode", REAL_SOURCE_TARGETS)
@pytest.mark.parametrize("project", list(REAL_SOURCES))
def test_real_sources_with_bundled_headers(mode: str, project: str) -> None:
    folder = _sources_dir(project)
    if not folder.is_dir():
        pytest.skip(f"{folder} absent (../shared/scripts/debian-source {project})")
    cc = COMPILE_TARGETS[mode]
    if not shutil.which(cc[0]):
        pytest.skip(f"{cc[0]} not installed")
    pattern, flags = REAL_SOURCES[project]
    errors = []
    paths = sorted(folder.glob(pattern))
    assert paths, f"no {pattern} in {folder}"
    for path in paths:
        result = subprocess.run([*cc, *flags, "-I", str(folder), "-fsyntax-only", "-w",
                                 "-nostdinc", "-isystem", str(INCLUDE), str(path)],
                                capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            first = [l for l in result.stderr.splitlines() if "error" in l][:1]
            errors.append(f"{path.name}: {first[0] if first else result.stderr[:200]}")
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("mode", REAL_SOURCE_TARGETS)
def test_sqlite_shell_with_pcc_and_bundled_headers(mode: str) -> None:
    """pcc's own front end accepts sqlite3's shell.c (pwd.h, sys/socket.h ...) with
    the bundled headers, which it uses by default."""
    folder = _sources_dir("sqlite3-amalgamation")
    if not (folder / "shell.c").is_file():
        pytest.skip(f"{folder}/shell.c absent (tests/cc/test_real_software.py builds it)")
    import contextlib
    import io

    from toolchain.cc import cli
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = cli.run([f"--target={mode}-linux-gnu", "-fsyntax-only", *SQLITE_FLAGS,
                          "-I", str(folder), str(folder / "shell.c")])
    errors = [line for line in err.getvalue().splitlines() if ": error: " in line]
    assert status == 0, f"{len(errors)} errors: " + "\n".join(errors[:5] or [err.getvalue()[-500:]])
