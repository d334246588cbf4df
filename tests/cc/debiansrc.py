"""Real software for the tests: Debian source packages (lua5.4, zlib, sqlite3)
unpacked once with ../shared/scripts/debian-source and cached under
~/.cache/pcc/debian-src (or $PCC_DEBIAN_SRC), each project's own build flags,
and the sqlite3 amalgamation made by its makefile.  A test that cannot have
the sources is skipped, saying why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

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
