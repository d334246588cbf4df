"""The corpora compiled, linked and run by pcc alone, shared by pytest and scripts/e2e-corpus.

For one program of c-testsuite or gcc-torture at one -O level:

1. ``pcc -S`` and ``pcc -c``; pas on the ``-S`` text must give the same object
   bytes as ``-c`` (the streamer's two faces agree);
2. ``pcc`` links the object with the bundled libc (``-lm`` as the manifest says);
3. the program runs with a time limit -- natively on x86-64 and i386, under
   qemu-aarch64 / qemu-riscv64 for those targets (RUNNERS) -- and its exit
   status, and where the manifest names an expected file its output (stdout
   and stderr together, as c-testsuite defines it), must match.

With ``cc`` (``scripts/e2e-corpus --cc aarch64-linux-gnu-gcc``) another
compiler -- a cross gcc, against the bundled headers -- replaces step 1, so
the rest (pcc's link step with pld and the bundled libc, the runner) can be
checked for a target whose back end is not there yet; the libc is then built
by the compiler ``$PCC_LIBC_CC`` names (toolchain/libc/build.py).

pcc runs in-process (``toolchain.cc.cli.run``), so a worker pays for the
imports once.  An exception out of pcc is an internal error; a compile that
takes longer than COMPILE_TIMEOUT is stopped (SIGALRM), as is a program
running longer than RUN_TIMEOUT.  Outcomes are cached under
``~/.cache/pcc/e2e-corpus`` keyed by a digest of pcc's sources, the program
and the level, so a second run over unchanged code costs nothing.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import io
import json
import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SUITES = ("c-testsuite", "gcc-torture")
LEVELS = ("-O0", "-O1")         # the default run; --level also takes these:
OTHER_LEVELS = ("-O2", "-Os")
COMPILE_TIMEOUT = 300           # seconds for each pcc command
RUN_TIMEOUT = 10                # seconds for the program (gcc-built ones take < 5)
# how a target's programs run here (natively when absent)
RUNNERS = {"aarch64-linux-gnu": ("qemu-aarch64",), "riscv64-linux-gnu": ("qemu-riscv64",)}
INCLUDE = REPO / "toolchain" / "libc" / "include"
# what a foreign compiler (the ``cc`` mode) needs to compile against the bundled headers
CC_FLAGS = ("-fno-pie", "-fno-stack-protector", "-nostdinc", "-isystem", str(INCLUDE))


@dataclass(frozen=True)
class Program:
    suite: str
    name: str
    path: Path
    flags: tuple[str, ...]          # -std=..., -w (the manifest's build line without -O/-o)
    libs: tuple[str, ...]           # -lm
    expected_exit: int
    expected_output: Path | None    # None: output not checked
    fails_on: frozenset[str] = frozenset()      # arches whose ok_<arch> column says no (gcc fails)

    @property
    def id(self) -> str:
        return f"{self.suite}/{self.name}"


@dataclass(frozen=True)
class Outcome:
    """``status`` is ``pass`` or the failing step: compile, internal, text-differs,
    link, timeout, crash, exit, output."""

    status: str
    message: str = ""

    @property
    def passed(self) -> bool:
        return self.status == "pass"


class CompileTimeout(Exception):
    pass


def corpora_dir() -> Path | None:
    """$PCC_CORPORA, else ../shared/corpora beside the repository; None if absent."""
    root = Path(os.environ.get("PCC_CORPORA") or REPO.parent / "shared" / "corpora")
    return root if root.is_dir() else None


def load_programs(root: Path, suites=SUITES) -> list[Program]:
    """The programs of the suites, from their MANIFEST.tsv files, in manifest order."""
    programs = []
    for suite in suites:
        manifest = root / suite / "MANIFEST.tsv"
        if not manifest.is_file():
            continue
        with manifest.open(newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                tokens = shlex.split(row["build"])[1:]
                flags = tuple(t for t in tokens if t.startswith("-") and
                              not t.startswith(("-O", "-l", "-o")))
                libs = tuple(t for t in tokens if t.startswith("-l"))
                expected = row.get("expected_stdout", "-")
                fails = frozenset(k[3:] for k, v in row.items()
                                  if k.startswith("ok_") and v == "no")
                programs.append(Program(
                    suite, row["name"], root / suite / row["name"],
                    flags if "-w" in flags else flags + ("-w",), libs,
                    int(row.get("expected_exit") or 0),
                    root / suite / expected if expected not in ("", "-") else None,
                    fails))
    return programs


# --- the cache -----------------------------------------------------------------------

@functools.cache
def toolchain_digest() -> str:
    """A digest of pcc's sources (Python, libc) that every cached outcome depends on."""
    digest = hashlib.sha256()
    for path in sorted((REPO / "toolchain").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".c", ".h", ".s", ".S"):
            digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


def target_flags(target: str) -> tuple[str, ...]:
    """The pcc flags selecting ``target`` (none for the default, x86-64)."""
    return () if target == "x86_64-linux-gnu" else (f"--target={target}",)


def run_command(target: str, exe: Path) -> list[str]:
    """The command running ``exe`` built for ``target``."""
    return [*RUNNERS.get(target, ()), str(exe)]


def missing_tools(target: str, cc: str | None = None) -> list[str]:
    """The runner and the ``cc`` compiler, where not installed."""
    tools = [*RUNNERS.get(target, ())[:1], *(shlex.split(cc)[:1] if cc else [])]
    return [tool for tool in tools if shutil.which(tool) is None]


def cache_path(program: Program, level: str, check_text: bool,
               target: str = "x86_64-linux-gnu", cc: str | None = None) -> Path:
    base = os.environ.get("PCC_CACHE") or Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pcc"
    digest = hashlib.sha256()
    for part in (toolchain_digest(), level, "text" if check_text else "no-text",
                 *target_flags(target), f"cc={cc or 'pcc'}",
                 os.environ.get("PCC_LIBC_CC", ""),
                 " ".join(program.flags + program.libs),
                 str(program.expected_exit), program.id):
        digest.update(part.encode() + b"\0")
    digest.update(program.path.read_bytes())
    if program.expected_output is not None:
        digest.update(program.expected_output.read_bytes())
    return Path(base) / "e2e-corpus" / f"{program.name}{level}-{digest.hexdigest()[:16]}.json"


def cached_outcome(program: Program, level: str, check_text: bool,
                   target: str = "x86_64-linux-gnu", cc: str | None = None) -> Outcome | None:
    path = cache_path(program, level, check_text, target, cc)
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return Outcome(data["status"], data["message"])


def store_outcome(program: Program, level: str, check_text: bool, outcome: Outcome,
                  target: str = "x86_64-linux-gnu", cc: str | None = None) -> None:
    path = cache_path(program, level, check_text, target, cc)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps({"status": outcome.status, "message": outcome.message}))
    os.replace(tmp, path)


# --- one program -----------------------------------------------------------------------

def _alarm(signum, frame):
    raise CompileTimeout()


def pcc(args: list, cwd: Path) -> tuple[int, str]:
    """``pcc ARGS`` in-process in ``cwd``: (exit status, stderr); 70 with the
    innermost frame for an exception out of pcc, as the console script says."""
    from toolchain.cc.cli import run
    err = io.StringIO()
    old = os.getcwd()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(COMPILE_TIMEOUT)
    try:
        os.chdir(cwd)
        with contextlib.redirect_stderr(err):
            status = run([str(a) for a in args])
    except CompileTimeout:
        return 124, f"pcc took longer than {COMPILE_TIMEOUT} s"
    except Exception as exc:            # noqa: BLE001 -- an internal error, reported
        tb = traceback.extract_tb(exc.__traceback__)
        where = f" at {os.path.basename(tb[-1].filename)}:{tb[-1].lineno}" if tb else ""
        return 70, f"internal error: {type(exc).__name__}: {exc}{where}"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        os.chdir(old)
    return status, err.getvalue()


def _first_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if "error" in line] or stderr.splitlines()
    return lines[0].strip()[:300] if lines else "(no message)"


def run_program(program: Program, level: str, check_text: bool = True,
                use_cache: bool = True, target: str = "x86_64-linux-gnu",
                cc: str | None = None) -> Outcome:
    """Compile, link and run one program at one level for ``target`` (see the
    module's docstring; ``cc`` compiles instead of pcc, without the text check)."""
    check_text = check_text and cc is None
    if use_cache:
        outcome = cached_outcome(program, level, check_text, target, cc)
        if outcome is not None:
            return outcome
    with tempfile.TemporaryDirectory(prefix="pcc-e2e-") as tmp:
        outcome = _run_in(program, level, check_text, Path(tmp), target, cc)
    if use_cache and outcome.status != "timeout":
        store_outcome(program, level, check_text, outcome, target, cc)
    return outcome


def compile_with(cc: str, args: list, cwd: Path) -> tuple[int, str]:
    """``cc ARGS`` (the foreign compiler) in ``cwd``: (exit status, stderr)."""
    try:
        result = subprocess.run([*shlex.split(cc), *CC_FLAGS, *map(str, args)], cwd=cwd,
                                capture_output=True, text=True, timeout=COMPILE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return 124, f"{cc} took longer than {COMPILE_TIMEOUT} s"
    return result.returncode, result.stderr


def _run_in(program: Program, level: str, check_text: bool, tmp: Path,
            target_name: str = "x86_64-linux-gnu", cc: str | None = None) -> Outcome:
    src = program.path
    target = target_flags(target_name)
    common = [*target, level, *program.flags]
    if cc is not None:
        status, err = compile_with(cc, [level, *program.flags, "-c", src, "-o", "p.o"], tmp)
    else:
        status, err = pcc([*common, "-c", src, "-o", "p.o"], tmp)
    if status != 0:
        return Outcome("internal" if status in (70, 124) else "compile", _first_error(err))
    if check_text:
        status, err = pcc([*common, "-S", src, "-o", "p.s"], tmp)
        if status != 0:
            return Outcome("internal" if status in (70, 124) else "compile",
                           "-S: " + _first_error(err))
        status, err = pcc([*target, "-c", "p.s", "-o", "text.o"], tmp)
        if status != 0:
            return Outcome("text-differs", "pas rejects the -S text: " + _first_error(err))
        if (tmp / "p.o").read_bytes() != (tmp / "text.o").read_bytes():
            return Outcome("text-differs", "pas on the -S text gives another object than -c")
    status, err = pcc([*target, level, "p.o", *program.libs, "-o", "p"], tmp)
    if status != 0:
        return Outcome("link", _first_error(err))
    try:
        result = subprocess.run(run_command(target_name, tmp / "p"), cwd=tmp,
                                stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        return Outcome("timeout", f"still running after {RUN_TIMEOUT} s")
    if result.returncode < 0:
        try:
            name = signal.Signals(-result.returncode).name
        except ValueError:
            name = f"signal {-result.returncode}"
        return Outcome("crash", f"killed by {name}")
    if result.returncode != program.expected_exit:
        return Outcome("exit", f"exit status {result.returncode}, expected "
                       f"{program.expected_exit}; output {result.stdout[:120]!r}")
    if program.expected_output is not None:
        expected = program.expected_output.read_bytes()
        if result.stdout != expected:
            return Outcome("output", f"output differs: {result.stdout[:120]!r}, expected "
                           f"{expected[:120]!r}")
    return Outcome("pass")
