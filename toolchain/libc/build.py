"""Building the bundled C library for one target: ``libc.a`` and ``crt1.o``.

Every ``src/**/*.c`` plus the target's ``arch/<arch>/*.s`` is compiled with
the given C compiler command and the flags below (our headers only, no
builtins, no stack protector, position-dependent code for static links);
``arch/<arch>/crt1.s`` becomes ``crt1.o`` and the rest go into ``libc.a``
(one member per source file, so a program that defines its own ``strcpy``
still links: only the members it needs are pulled in).

``pcc`` itself builds the library with pcc (toolchain/cc/compile.py) unless
``$PCC_LIBC_CC`` names another compiler (``libc_cc_override``).

The result is cached under ``~/.cache/pcc/libc/<target>/<key>/`` (or
``$PCC_CACHE`` / ``$XDG_CACHE_HOME``), the key hashing the sources, the
headers, the compiler command and the compiler's ``--version`` text.

    python -m toolchain.libc.build --target x86_64-linux-gnu --cc gcc [-o DIR]
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..common.archive import write_archive

LIBC_DIR = Path(__file__).resolve().parent
INCLUDE_DIR = LIBC_DIR / "include"
SRC_DIR = LIBC_DIR / "src"
ARCH_DIR = LIBC_DIR / "arch"

# target triple prefix -> arch/ folder
ARCHES = {"x86_64": "x86_64", "i386": "i386", "i686": "i386", "aarch64": "aarch64",
          "riscv64": "riscv64"}
# whole target names that pick their own folder (before the prefix rule)
TARGET_ARCHES = {"i386-none-code16": "x86_16"}

# x86-16 (real mode, freestanding): arch/x86_16/ is the runtime (start-up,
# the port-0xE9 console, exit through port 0xF4, printf, malloc, setjmp),
# plus these portable sources of src/; nothing that needs Linux.
FREESTANDING_SOURCES = {
    "x86_16": ("string/*.c", "ctype/ctype.c", "stdlib/abs.c", "stdlib/atoi.c",
               "stdlib/strtol.c", "stdlib/qsort.c", "stdlib/bsearch.c"),
}

CFLAGS = ("-std=c11", "-O2", "-ffreestanding", "-fno-builtin", "-nostdinc",
          "-fno-stack-protector", "-fno-pie", "-D_GNU_SOURCE", "-w")
# GCC turns copy/fill loops into memcpy/memset calls, which inside memcpy
# itself would recurse; it also contracts a*b+c into fma where it can.
GCC_ONLY_FLAGS = ("-fno-tree-loop-distribute-patterns", "-ffp-contract=off")


@dataclass(frozen=True)
class LibcBuild:
    libc_a: Path
    crt1_o: Path


def arch_of(target: str) -> str:
    if target in TARGET_ARCHES:
        return TARGET_ARCHES[target]
    prefix = target.split("-")[0]
    if prefix not in ARCHES:
        raise ValueError(f"libc: unsupported target {target!r}")
    return ARCHES[prefix]


# binary128 soft-float (src/compiler/tf_*.c, libgcc's __addtf3 family): where
# long double is binary128, and on x86-64 for __float128 (none on i386).
SOFTFLOAT128_ARCHES = ("x86_64", "aarch64", "riscv64")
# long double functions on binary128 (src/math/tf_*.c: sqrtl ...): only where
# long double is binary128 (x86's is the x87 format).
BINARY128_LONG_DOUBLE_ARCHES = ("aarch64", "riscv64")


# sources that sit on an arch file's primitives: built only for the arches
# whose arch/<arch>/ folder has that file.
ARCH_HELPERS = {"math/fenv_funcs.c": "fenv.s"}


def _wanted(path: Path, arch: str) -> bool:
    if path.name.startswith("tf_"):
        if path.parent.name == "compiler":
            return arch in SOFTFLOAT128_ARCHES
        return arch in BINARY128_LONG_DOUBLE_ARCHES
    helper = ARCH_HELPERS.get(path.relative_to(SRC_DIR).as_posix())
    if helper is not None:
        return (ARCH_DIR / arch / helper).is_file()
    return True


def sources(arch: str) -> list[Path]:
    """Every source of libc.a (crt1.s excluded), in a stable order."""
    if arch in FREESTANDING_SOURCES:
        files = sorted({p for pattern in FREESTANDING_SOURCES[arch] for p in SRC_DIR.glob(pattern)})
    else:
        files = sorted(p for p in SRC_DIR.rglob("*.c") if _wanted(p, arch))
    files += sorted(p for p in (ARCH_DIR / arch).glob("*.[csS]") if p.name != "crt1.s")
    return files


def libc_cc_override(gnu_triple: str) -> str | None:
    """``$PCC_LIBC_CC``: the compiler pcc's driver builds the bundled library with
    instead of pcc itself (a cross gcc while a back end is young); ``{triple}``
    in it becomes the target's GNU triple (``PCC_LIBC_CC='{triple}-gcc'``)."""
    value = os.environ.get("PCC_LIBC_CC", "").strip()
    return value.replace("{triple}", gnu_triple) if value else None


def cache_root() -> Path:
    base = os.environ.get("PCC_CACHE") or Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pcc"
    return Path(base) / "libc"


def _cc_identity(cc: list[str]) -> str:
    try:
        result = subprocess.run([*cc, "--version"], capture_output=True, text=True, timeout=60)
        return result.stdout
    except OSError:
        return ""


def cache_key(arch: str, cc: list[str]) -> str:
    digest = hashlib.sha256()
    digest.update(" ".join(cc).encode() + b"\0" + _cc_identity(cc).encode() + b"\0")
    digest.update(" ".join(CFLAGS).encode() + b"\0")
    inputs = sources(arch) + [ARCH_DIR / arch / "crt1.s"] + sorted(
        p for p in INCLUDE_DIR.rglob("*.h")) + sorted(SRC_DIR.rglob("*.h"))
    for path in inputs:
        digest.update(str(path.relative_to(LIBC_DIR)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _flags_for(cc: list[str]) -> list[str]:
    flags = [*CFLAGS, "-isystem", str(INCLUDE_DIR)]
    if "GCC" in _cc_identity(cc) or "Free Software Foundation" in _cc_identity(cc):
        flags += GCC_ONLY_FLAGS
    return flags


def _member_name(path: Path) -> str:
    return path.stem + ".o"


def _compile(cc: list[str], flags: list[str], src: Path, obj: Path) -> None:
    command = [*cc, *flags, "-c", str(src), "-o", str(obj)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"libc: compiling {src.relative_to(LIBC_DIR)} failed:\n"
                           f"{shlex.join(command)}\n{result.stderr}")


def build_libc(target: str, cc_command: str | list[str],
               out_dir: str | Path | None = None, jobs: int = 2) -> LibcBuild:
    """Compile the library for ``target`` (cached); copy it to ``out_dir`` if given."""
    arch = arch_of(target)
    cc = shlex.split(cc_command) if isinstance(cc_command, str) else list(cc_command)
    cached = cache_root() / target / cache_key(arch, cc)
    if not (cached / "libc.a").is_file() or not (cached / "crt1.o").is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        with open(cached.parent / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)        # one builder; the others wait and reuse
            if not (cached / "libc.a").is_file() or not (cached / "crt1.o").is_file():
                _build_into(arch, cc, cached, jobs)
    if out_dir is None:
        return LibcBuild(cached / "libc.a", cached / "crt1.o")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("libc.a", "crt1.o"):
        shutil.copyfile(cached / name, out / name)
    return LibcBuild(out / "libc.a", out / "crt1.o")


def _build_into(arch: str, cc: list[str], cached: Path, jobs: int) -> None:
    files = sources(arch)
    names = [_member_name(p) for p in files]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise RuntimeError(f"libc: two sources make the same member: {sorted(duplicates)}")
    flags = _flags_for(cc)
    with tempfile.TemporaryDirectory(prefix="pcc-libc-") as tmp:
        objs = [Path(tmp, n) for n in names]
        crt1 = Path(tmp, "crt1.o")
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            work = [pool.submit(_compile, cc, flags, s, o) for s, o in zip(files, objs)]
            work.append(pool.submit(_compile, cc, flags, ARCH_DIR / arch / "crt1.s", crt1))
            for w in work:
                w.result()
        archive = write_archive([(n, o.read_bytes()) for n, o in zip(names, objs)])
        cached.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=cached))
        (staging / "libc.a").write_bytes(archive)
        shutil.copyfile(crt1, staging / "crt1.o")
        os.replace(staging / "crt1.o", cached / "crt1.o")
        os.replace(staging / "libc.a", cached / "libc.a")
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolchain.libc.build",
                                     description="Build pcc's bundled libc.a and crt1.o.")
    parser.add_argument("--target", default="x86_64-linux-gnu")
    parser.add_argument("--cc", default="gcc", help="C compiler command (default: gcc)")
    parser.add_argument("-o", "--out-dir", default=None, help="copy the results here")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    try:
        result = build_libc(args.target, args.cc, args.out_dir, args.jobs)
    except (RuntimeError, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(result.libc_a)
    print(result.crt1_o)
    return 0


if __name__ == "__main__":
    sys.exit(main())
