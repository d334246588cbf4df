"""Real software through ``pcc -fsyntax-only``: the sources of lua5.4, zlib and
sqlite3 (Debian source packages, unpacked once with ../shared/scripts/
debian-source and cached under ~/.cache/pcc/debian-src, or $PCC_DEBIAN_SRC)
with each project's own -D/-I flags as its build uses them, against the
system's glibc headers, must give no error -- and gcc, given the same command
line, agrees that there is none.

The default run takes two files of lua and zlib and sqlite3's shell.c; with
``--full`` every file, the sqlite3 amalgamation (sqlite3.c, built by its own
makefile, which needs tclsh) under two sets of options.  Skipped, saying why,
when the sources cannot be had.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from debiansrc import (LUA_FLAGS, SAMPLE, SQLITE_FLAGS, SQLITE_OPTIONS, ZLIB_FLAGS,  # noqa: E402
                       debian_source, sqlite_build)
from frontendhelpers import GLIBC_INCLUDE, diagnostic_lines, syntax_only  # noqa: E402


def check_files(files: list[Path], flags: list[str]) -> None:
    """pcc -fsyntax-only gives no error on each file; gcc, with the same flags, neither."""
    assert files
    failures = []
    for path in files:
        args = [*GLIBC_INCLUDE, *flags, str(path)]
        status, stderr = syntax_only(args)
        if status:
            lines = diagnostic_lines(stderr) or stderr.strip().splitlines()[-1:] or ["?"]
            errors = [line for line in lines if ": error: " in line] or lines
            failures.append(f"{path.name}:{errors[0]} ({len(errors)} errors)")
        if shutil.which("gcc"):
            gcc = subprocess.run(["gcc", "-fsyntax-only", "-w", *args], capture_output=True, text=True)
            assert gcc.returncode == 0, f"gcc rejects {path.name} with these flags: {gcc.stderr[:500]}"
    assert not failures, f"{len(failures)}/{len(files)} files fail:\n" + "\n".join(failures)


@pytest.mark.parametrize("package", ["lua5.4", "zlib"])
def test_package_syntax_only(package: str, full: bool) -> None:
    folder = debian_source(package)
    if package == "lua5.4":
        folder = folder / "src"
    files = sorted(folder.glob("*.c"))
    if not full:
        files = [path for path in files if path.name in SAMPLE[package]]
    check_files(files, LUA_FLAGS if package == "lua5.4" else ZLIB_FLAGS)


def test_sqlite3_shell_syntax_only() -> None:
    build = sqlite_build()
    check_files([build / "shell.c"], ["-I", str(build), *SQLITE_FLAGS])


@pytest.mark.slow
@pytest.mark.parametrize("options", [[], SQLITE_OPTIONS], ids=["default", "options"])
def test_sqlite3_amalgamation_syntax_only(options: list[str], full: bool) -> None:
    if not full:
        pytest.skip("sqlite3.c (250,000 lines) only with --full")
    build = sqlite_build()
    check_files([build / "sqlite3.c"], ["-I", str(build), *SQLITE_FLAGS, *options])
