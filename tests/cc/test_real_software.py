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

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from frontendhelpers import GLIBC_INCLUDE, diagnostic_lines, syntax_only  # noqa: E402

SOURCES = Path(os.environ.get("PCC_DEBIAN_SRC", Path.home() / ".cache" / "pcc" / "debian-src"))
CORPORA = Path(os.environ.get("PCC_CORPORA", Path(__file__).resolve().parents[3] / "shared" / "corpora"))
DEBIAN_SOURCE = CORPORA.parent / "scripts" / "debian-source"
if not DEBIAN_SOURCE.exists():
    DEBIAN_SOURCE = Path("/work/shared/scripts/debian-source")

# Each project's flags as its own build passes them (src/Makefile's "linux"
# target, zlib's configure on Linux, sqlite3's Makefile with threads off).
LUA_FLAGS = ["-std=gnu99", "-DLUA_COMPAT_5_3", "-DLUA_USE_LINUX"]
ZLIB_FLAGS = ["-D_LARGEFILE64_SOURCE=1", "-DHAVE_HIDDEN"]
SQLITE_FLAGS = ["-DSQLITE_OS_UNIX=1", "-D_HAVE_SQLITE_CONFIG_H", "-DBUILD_sqlite", "-DNDEBUG",
                "-DSQLITE_THREADSAFE=0", "-DSQLITE_ENABLE_MATH_FUNCTIONS"]
SQLITE_OPTIONS = ["-DSQLITE_DEBUG", "-DSQLITE_ENABLE_FTS5", "-DSQLITE_ENABLE_JSON1",
                  "-DSQLITE_ENABLE_RTREE", "-DSQLITE_ENABLE_GEOPOLY"]
SAMPLE = {"lua5.4": ["lapi.c", "lvm.c"], "zlib": ["deflate.c", "inflate.c"]}


def debian_source(name: str) -> Path:
    """The unpacked sources of a Debian package (downloaded once), or skip."""
    folder = SOURCES / name
    if folder.is_dir():
        return folder
    if not DEBIAN_SOURCE.exists():
        pytest.skip(f"{DEBIAN_SOURCE} is missing; cannot fetch {name}")
    proc = subprocess.run([str(DEBIAN_SOURCE), name], capture_output=True, text=True,
                          env={**os.environ, "PCC_SOURCES": str(SOURCES)})
    if proc.returncode != 0 or not folder.is_dir():
        pytest.skip(f"cannot download the {name} sources: {proc.stderr.strip()[:200]}")
    return folder


def sqlite_build() -> Path:
    """The folder of sqlite3.c and shell.c, made by sqlite3's own makefile (needs tclsh)."""
    source = debian_source("sqlite3")
    build = SOURCES / "sqlite3-amalgamation"
    if (build / "sqlite3.c").exists() and (build / "shell.c").exists():
        return build
    if shutil.which("tclsh") is None:
        pytest.skip("tclsh is needed to build the sqlite3 amalgamation")
    build.mkdir(parents=True, exist_ok=True)
    for step in ([str(source / "configure")], ["make", "sqlite3.c", "shell.c"]):
        proc = subprocess.run(step, cwd=build, capture_output=True, text=True)
        if proc.returncode != 0:
            pytest.skip(f"cannot build sqlite3.c: {proc.stderr.strip()[-200:]}")
    return build


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
