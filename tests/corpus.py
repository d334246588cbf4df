"""The assembler's real-world acceptance check, shared by pytest and scripts/asm-corpus.

For each C program of the shared corpora (c-testsuite, gcc-torture), GCC
writes assembly (``gcc -S``) at -O0, -O2 and -O2 -g in three modes -- x86-64 (host
gcc), i386 (``i686-linux-gnu-gcc``) and 16-bit (``i686-linux-gnu-gcc -m16``,
whose output starts with ``.code16gcc``) -- each in AT&T and, with
``-masm=intel``, in Intel syntax (the ``-intel`` modes) -- and AArch64
(``aarch64-linux-gnu-gcc``).  GNU as and pas each assemble that
text; the two objects must agree section by section, symbol by symbol,
relocation by relocation (tests/elfdiff.py says what is compared).

``gcc -S`` is the slow step, so its output is cached under
``~/.cache/pcc/asm-corpus`` (``$PCC_CACHE`` or ``$XDG_CACHE_HOME`` move it),
keyed by a hash of the compiler's version, the flags and the source file.
pas runs in-process through ``toolchain.as.assembler.assemble``.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import importlib
import io
import os
import random
import shlex
import shutil
import subprocess
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

from elfdiff import first_difference

REPO = Path(__file__).resolve().parent.parent
SUITES = ("c-testsuite", "gcc-torture")
# Optimisation levels; "-O2 -g" adds the debug directives (.loc with
# views, .file N with md5, .debug_* sections of .uleb128 differences).
LEVELS = ("-O0", "-O2", "-O2 -g")
SAMPLE_SIZE = 40               # programs per mode and level in the fast run
GCC_TIMEOUT = 120
AS_TIMEOUT = 60


@dataclass(frozen=True)
class Mode:
    """One way of producing and assembling code (x86 and AArch64)."""

    name: str
    gcc: tuple[str, ...]           # compiler command and its mode flags
    gas: tuple[tuple[str, ...], ...]  # GNU as commands, first one found is used
    target: str                    # pas target (``pas --64`` / ``pas --32``)


MODES = {
    "x86_64": Mode("x86_64", ("gcc",), (("as", "--64"),), "x86_64-linux-gnu"),
    "i386": Mode("i386", ("i686-linux-gnu-gcc",),
                 (("i686-linux-gnu-as", "--32"), ("as", "--32")), "i386-linux-gnu"),
    "x86_16": Mode("x86_16", ("i686-linux-gnu-gcc", "-m16"),
                   (("i686-linux-gnu-as", "--32"), ("as", "--32")), "i386-linux-gnu"),
    # The same with GCC's Intel-syntax output (-masm=intel: .intel_syntax noprefix).
    "x86_64-intel": Mode("x86_64-intel", ("gcc", "-masm=intel"), (("as", "--64"),),
                         "x86_64-linux-gnu"),
    "i386-intel": Mode("i386-intel", ("i686-linux-gnu-gcc", "-masm=intel"),
                       (("i686-linux-gnu-as", "--32"), ("as", "--32")), "i386-linux-gnu"),
    "x86_16-intel": Mode("x86_16-intel", ("i686-linux-gnu-gcc", "-m16", "-masm=intel"),
                         (("i686-linux-gnu-as", "--32"), ("as", "--32")), "i386-linux-gnu"),
    # AArch64: Debian's cross GCC and binutils.
    "aarch64": Mode("aarch64", ("aarch64-linux-gnu-gcc",), (("aarch64-linux-gnu-as",),),
                    "aarch64-linux-gnu"),
    # RISC-V: riscv64-linux-gnu-gcc's output (rv64gc, lp64d, .option pic).
    "riscv64": Mode("riscv64", ("riscv64-linux-gnu-gcc",), (("riscv64-linux-gnu-as",),),
                    "riscv64-linux-gnu"),
}


@dataclass(frozen=True)
class Program:
    suite: str
    name: str
    path: Path
    flags: tuple[str, ...]         # from the manifest's build column, minus -O/-l/-o
    level: str = "-O0"             # the build column's -O: what the expected results were checked at

    @property
    def id(self) -> str:
        return f"{self.suite}/{self.name}"


@dataclass(frozen=True)
class Outcome:
    """``status``: identical (or both assemblers reject), differ, pas-error, or skip (GCC failed)."""

    status: str
    message: str = ""


class Unavailable(Exception):
    """GCC could not produce the assembly: the case is skipped, not failed."""


class GasRejected(Exception):
    """GNU as reports errors for GCC's output; pas must reject it too."""


def corpora_dir() -> Path | None:
    """$PCC_CORPORA, else ../shared/corpora beside the repository; None if absent."""
    root = Path(os.environ.get("PCC_CORPORA") or REPO.parent / "shared" / "corpora")
    return root if root.is_dir() else None


def cache_dir() -> Path:
    base = os.environ.get("PCC_CACHE") or Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pcc"
    return Path(base) / "asm-corpus"


def build_flags(build: str) -> tuple[str, ...]:
    """Flags of a manifest build line that matter for ``-S`` (no -O, -l, -o, file names)."""
    flags = []
    for token in shlex.split(build)[1:]:
        if token.startswith("-") and not token.startswith(("-O", "-l", "-o", "-static")) \
                and token not in ("-c", "-S"):
            flags.append(token)
    if "-w" not in flags:
        flags.append("-w")
    return tuple(flags)


def load_programs(root: Path) -> list[Program]:
    """Every program of the corpora, from their MANIFEST.tsv files, in manifest order."""
    programs = []
    for suite in SUITES:
        manifest = root / suite / "MANIFEST.tsv"
        if not manifest.is_file():
            continue
        with manifest.open(newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                levels = [t for t in shlex.split(row["build"]) if t.startswith("-O")]
                programs.append(Program(suite, row["name"], root / suite / row["name"],
                                        build_flags(row["build"]),
                                        levels[-1] if levels else "-O0"))
    return programs


def select(programs: list[Program], mode: str, level: str, seed: int,
           count: int | None) -> list[Program]:
    """The seeded sample for one mode and level (all programs when count is None)."""
    if count is None or count >= len(programs):
        return list(programs)
    chosen = random.Random(f"{seed}:{mode}:{level}").sample(range(len(programs)), count)
    return [programs[i] for i in sorted(chosen)]


def missing_tools(mode: Mode) -> list[str]:
    """Commands the mode needs that are not installed."""
    missing = [] if shutil.which(mode.gcc[0]) else [mode.gcc[0]]
    if not any(shutil.which(cmd[0]) for cmd in mode.gas):
        missing.append(mode.gas[0][0])
    return missing


@functools.cache
def _compiler_identity(compiler: str) -> str:
    result = subprocess.run([compiler, "--version"], capture_output=True, text=True)
    return (shutil.which(compiler) or compiler) + "\n" + result.stdout


def gcc_asm(program: Program, mode: Mode, level: str) -> Path:
    """The cached ``gcc -S`` output for a program; Unavailable if GCC rejects it."""
    args = [*mode.gcc[1:], *program.flags, *level.split(), "-S"]
    digest = hashlib.sha256()
    for part in (_compiler_identity(mode.gcc[0]), " ".join(args), program.name):
        digest.update(part.encode() + b"\0")
    digest.update(program.path.read_bytes())
    out = cache_dir() / f"{program.name.removesuffix('.c')}-{mode.name}{level.replace(' ', '')}-{digest.hexdigest()[:16]}.s"
    failed = out.with_suffix(".failed")
    if out.exists():
        return out
    if failed.exists():
        raise Unavailable(failed.read_text())
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}")
    # Run in the program's folder with its bare name, so `.file` does not depend on paths.
    result = subprocess.run([mode.gcc[0], *args, "-o", str(tmp), program.name],
                            cwd=program.path.parent, capture_output=True, text=True,
                            timeout=GCC_TIMEOUT)
    if result.returncode != 0:
        tmp.unlink(missing_ok=True)
        lines = [l for l in result.stderr.splitlines() if "error" in l] or result.stderr.splitlines()
        reason = f"{mode.gcc[0]} -S failed: {lines[0] if lines else 'exit ' + str(result.returncode)}"
        failed.write_text(reason)
        raise Unavailable(reason)
    os.replace(tmp, out)
    return out


def gas_object(asm: Path, mode: Mode) -> bytes:
    """GNU as's object for an assembly file; GasRejected with its first error if none."""
    command = next(cmd for cmd in mode.gas if shutil.which(cmd[0]))
    with tempfile.TemporaryDirectory(prefix="pcc-gas-") as tmp:
        obj = Path(tmp, "out.o")
        result = subprocess.run([*command, "-o", str(obj), str(asm)], capture_output=True,
                                text=True, timeout=AS_TIMEOUT)
        if result.returncode != 0:
            errors = [l for l in result.stderr.splitlines() if "Error:" in l]
            first = (errors or result.stderr.splitlines() or ["?"])[0]
            raise GasRejected(first.removeprefix(str(asm)).lstrip(":"))
        return obj.read_bytes()


@functools.cache
def pas_unavailable() -> str | None:
    """Why pas cannot be run in-process yet, or None when it can.

    "Yet": the assembler is built in parts; while one it imports is missing
    the corpus cases skip with this reason instead of all failing alike.
    """
    try:
        pas_object("\t.text\n\tnop\n", "smoke.s", "x86_64-linux-gnu")
    except ImportError as exc:
        return f"pas not available yet: {exc}"
    except Exception:  # noqa: BLE001 - a working import that crashes is a finding, not a skip
        return None
    return None


def pas_object(text: str, filename: str, target_name: str) -> tuple[bytes | None, str]:
    """pas's object for assembly text (None on error) and what it printed."""
    from toolchain.common.diagnostics import Diagnostics
    from toolchain.common.target import find_target
    assembler = importlib.import_module("toolchain.as.assembler")
    stream = io.StringIO()
    diagnostics = Diagnostics("pas", stream=stream)
    data = assembler.assemble(text, filename, find_target(target_name), diagnostics)
    return data, stream.getvalue()


def _first_error(printed: str) -> str:
    lines = printed.splitlines()
    for line in lines:
        if ": error: " in line:
            return line
    return lines[0] if lines else "no object and no message"


def check(program: Program, mode_name: str, level: str) -> Outcome:
    """Assemble one program's gcc output with GNU as and pas and compare the objects."""
    mode = MODES[mode_name]
    reference = rejected = None
    try:
        asm = gcc_asm(program, mode, level)
        reference = gas_object(asm, mode)
    except (Unavailable, subprocess.TimeoutExpired) as exc:
        return Outcome("skip", str(exc))
    except GasRejected as exc:
        rejected = str(exc)
    try:
        ours, printed = pas_object(asm.read_text(encoding="utf-8", errors="surrogateescape"),
                                   str(asm), mode.target)
    except Exception as exc:  # noqa: BLE001 - a crash is this test's finding, not its own
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return Outcome("pas-error", f"pas internal error: {type(exc).__name__}: {exc} "
                                    f"({Path(where.filename).name}:{where.lineno})")
    if rejected is not None:
        if ours is None:
            return Outcome("identical")      # both reject, e.g. 4-byte relocs in 16-bit fields
        return Outcome("differ", f"GNU as rejects ({rejected}) but pas accepted")
    if ours is None:
        return Outcome("pas-error", f"pas: {_first_error(printed)}")
    diff = first_difference(reference, ours)
    return Outcome("differ", diff) if diff else Outcome("identical")


def describe(program: Program, mode_name: str, level: str, outcome: Outcome) -> str:
    """The one-line report of a failed case."""
    return f"ERROR {mode_name} {program.id} {level}: {outcome.message}"
