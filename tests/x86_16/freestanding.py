"""The corpus programs x86-16's freestanding runtime can run, built and run.

Selection is mechanical, not a hand list: a program is selected when
``i686-linux-gnu-gcc -m16`` compiles it against the bundled headers, every
symbol its object leaves undefined is defined by the x86-16 runtime library
(toolchain/libc/arch/x86_16 + its share of src/, libc.a built by the same
gcc), and no string literal in it holds a floating-point printf conversion
(the runtime's printf has none).  A selected program then *runs* when its
link fits one 64 KiB segment below the stack (STACK_RESERVE), and *passes*
when its port-0xE9 console output and exit status are the manifest's.

Both compilers are driven from here: gcc's objects linked by pld with the
runtime (which checks the runtime on its own), and ``pcc -m16`` end to end.
tests/x86_16/test_x86_16_corpus.py and bench/size16.py use it.
"""

from __future__ import annotations

import csv
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import realmode  # noqa: E402
from corpus import Program, corpora_dir, load_programs  # noqa: E402

GCC16 = "i686-linux-gnu-gcc"
INCLUDE = REPO / "toolchain" / "libc" / "include"
SCRIPT = REPO / "toolchain" / "libc" / "arch" / "x86_16" / "realmode.ld"
TARGET = "i386-none-code16"
ORIGIN = 0x100                  # a .COM-style image
STACK_RESERVE = 0x3000          # bytes kept free below the runtime's stack top
STACK_TOP = 0xFFF0
# Hosted C on the runtime: not -ffreestanding, under which main is an ordinary
# function (no implicit 'return 0').  bench/size16.py adds it, as the issue asks.
GCC_FLAGS = ("-m16", "-fno-pic", "-fno-pie", "-nostdinc", "-isystem",
             str(INCLUDE), "-fno-asynchronous-unwind-tables", "-w")
FLOAT_FORMAT = re.compile(r'"[^"\n]*%[-+ #0-9.*]*[lLh]*[eEfFgGaA][^"\n]*"')
TIMEOUT = 120


@dataclass(frozen=True)
class Expected:
    status: int
    stdout: bytes | None        # None: not checked


def expected(program: Program) -> Expected:
    return _manifest(program.path.parent)[program.name]


@functools.cache
def _manifest(suite_dir: Path) -> dict:
    rows = {}
    with (suite_dir / "MANIFEST.tsv").open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            out = row["expected_stdout"]
            rows[row["name"]] = Expected(int(row["expected_exit"]),
                                         None if out == "-" else (suite_dir / out).read_bytes())
    return rows


def programs() -> list[Program]:
    root = corpora_dir()
    return load_programs(root) if root else []


def gcc_available() -> bool:
    return shutil.which(GCC16) is not None


@functools.cache
def gcc_runtime() -> Path:
    """The runtime's libc.a and crt1.o built by gcc -m16 (toolchain/libc/build.py, cached)."""
    from toolchain.libc.build import build_libc
    return build_libc(TARGET, [GCC16, "-m16", "-fno-pic", "-fno-pie"]).libc_a.parent


@functools.cache
def runtime_symbols() -> frozenset[str]:
    """Every global symbol the runtime library defines (and the linker's own)."""
    from toolchain.common.archive import Archive
    path = gcc_runtime() / "libc.a"
    names = {"__bss_start", "_end"}
    names.update(name for name, _ in Archive(path.read_bytes(), str(path)).symbol_index)
    return frozenset(names)


def undefined_symbols(obj: Path) -> set[str]:
    from elftools.elf.elffile import ELFFile
    with obj.open("rb") as f:
        symtab = ELFFile(f).get_section_by_name(".symtab")
        return {s.name for s in symtab.iter_symbols()
                if s["st_shndx"] == "SHN_UNDEF" and s.name}


def gcc_compile(program: Program, obj: Path, level: str = "-Os",
                extra: tuple[str, ...] = ()) -> str:
    """gcc -m16's object for the program; '' or gcc's complaint."""
    result = subprocess.run([GCC16, *GCC_FLAGS, *extra, *program.flags, level, "-c",
                             str(program.path), "-o", str(obj)],
                            capture_output=True, text=True, timeout=TIMEOUT)
    return "" if result.returncode == 0 else (result.stderr.strip().splitlines() or ["?"])[-1]


def selection_reason(program: Program, obj: Path) -> str:
    """'' when the program needs only the freestanding subset, else why not."""
    problem = gcc_compile(program, obj)
    if problem:
        return f"gcc -m16 cannot compile it: {problem}"
    missing = sorted(undefined_symbols(obj) - runtime_symbols())
    if missing:
        return "needs " + ", ".join(missing[:4])
    if FLOAT_FORMAT.search(program.path.read_text(errors="replace")):
        return "prints floating point"
    return ""


def pld_link(objects: list[Path], output: Path) -> str:
    """pld with the gcc-built runtime and realmode.ld at ORIGIN; '' or the error."""
    from toolchain.ld.cli import main as pld_main
    import contextlib
    import io
    runtime = gcc_runtime()
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = pld_main(["-m", "elf_i386", "-T", str(SCRIPT), "-Ttext", hex(ORIGIN),
                           "-o", str(output), str(runtime / "crt1.o"), *map(str, objects),
                           str(runtime / "libc.a")])
    return "" if status == 0 else (err.getvalue().strip().splitlines() or ["pld failed"])[0]


def pcc_build(program: Program, output: Path, level: str = "-Os") -> str:
    """``pcc -m16`` compiles and links the program to an ELF image; '' or the error."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-P", "-m", "toolchain.cc.cli", "-m16", level,
                             *program.flags, f"-Wl,-Ttext={ORIGIN:#x}", str(program.path),
                             "-o", str(output)],
                            capture_output=True, text=True, timeout=TIMEOUT * 5, env=env)
    if result.returncode == 0:
        return ""
    lines = [l for l in result.stderr.splitlines() if "error" in l] or result.stderr.splitlines()
    return f"pcc exit {result.returncode}: " + (lines[0] if lines else "?")


def load_image(elf: Path) -> tuple[bytes, int, int]:
    """(flat image of the allocated sections from the lowest one, its origin, the end
    of .bss).  Sections, not segments: a segment may also map the ELF header."""
    from elftools.elf.elffile import ELFFile
    with elf.open("rb") as f:
        sections = [s for s in ELFFile(f).iter_sections()
                    if s["sh_flags"] & 2 and s["sh_size"] > 0]          # SHF_ALLOC
        start = min(s["sh_addr"] for s in sections)
        end = max(s["sh_addr"] + s["sh_size"] for s in sections)
        loaded = [s for s in sections if s["sh_type"] != "SHT_NOBITS"]
        image = bytearray(max(s["sh_addr"] + s["sh_size"] for s in loaded) - start)
        for s in loaded:
            image[s["sh_addr"] - start:s["sh_addr"] - start + s["sh_size"]] = s.data()
    return bytes(image), start, end


def text_size(elf_or_obj: Path) -> int:
    from elftools.elf.elffile import ELFFile
    with elf_or_obj.open("rb") as f:
        return sum(s.data_size for s in ELFFile(f).iter_sections()
                   if s.name == ".text" or s.name.startswith(".text."))


def run_image(elf: Path, program: Program) -> tuple[str, str]:
    """('pass' | 'fail' | 'no-run', reason) for a linked program."""
    image, origin, end = load_image(elf)
    if end > STACK_TOP - STACK_RESERVE:
        return "no-run", f"too big for one segment: ends at {end:#x}"
    result = realmode.run_flat(image, origin)
    want = expected(program)
    if result.status is None:
        return "fail", result.problem
    if result.status != want.status:
        return "fail", f"exit status {result.status}, expected {want.status}"
    if want.stdout is not None and result.output != want.stdout:
        return "fail", f"output differs: {result.output[:60]!r} vs {want.stdout[:60]!r}"
    return "pass", ""


def scratch() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="pcc-x86_16-")


def build_and_run(program: Program, compiler: str, tmp: Path) -> tuple[str, str]:
    """One selected program with one compiler: ('pass'|'fail'|'no-run'|'build-error', why)."""
    elf = tmp / "prog.elf"
    if compiler == "gcc":
        obj = tmp / "prog.o"
        problem = gcc_compile(program, obj) or pld_link([obj], elf)
    else:
        problem = pcc_build(program, elf)
    if "does not fit in one 64 KiB segment" in problem:       # realmode.ld's ASSERT
        return "no-run", problem
    if problem:
        return "build-error", problem
    return run_image(elf, program)


def main(argv: list[str]) -> int:
    """Counts for the whole corpus (or the first N): selected, ran, passed per compiler."""
    import argparse
    from collections import Counter
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--compiler", action="append", choices=("gcc", "pcc"))
    parser.add_argument("--sample", type=int, help="a seeded sample of N programs")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("-v", "--verbose", action="store_true", help="a line per passing program")
    args = parser.parse_args(argv)
    compilers = args.compiler or ["gcc", "pcc"]
    counts = {c: Counter() for c in compilers}
    selected = 0
    candidates = programs()
    if args.sample is not None and args.sample < len(candidates):
        import random
        chosen = random.Random(f"{args.seed}:x86_16").sample(range(len(candidates)), args.sample)
        candidates = [candidates[i] for i in sorted(chosen)]
    with scratch() as tmpname:
        tmp = Path(tmpname)
        for program in candidates:
            if selection_reason(program, tmp / "sel.o"):
                continue
            selected += 1
            for compiler in compilers:
                outcome, why = build_and_run(program, compiler, tmp)
                counts[compiler][outcome] += 1
                if outcome != "pass":
                    print(f"ERROR {compiler} {program.id}: {outcome}: {why}", flush=True)
                elif args.verbose:
                    print(f"pass {compiler} {program.id}", flush=True)
    print(f"{len(candidates)} programs, {selected} selected (freestanding subset)")
    for compiler in compilers:
        c = counts[compiler]
        print(f"{compiler} -m16: ran {selected - c['build-error'] - c['no-run']}, "
              f"passed {c['pass']}, failed {c['fail']}, build errors {c['build-error']}, "
              f"too big {c['no-run']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
