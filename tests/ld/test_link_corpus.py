"""Acceptance test of the linker: real programs linked by pld with the system's static libc.

Each program of the shared corpora (c-testsuite, gcc-torture) is compiled
and linked by GCC's own driver with pld standing in for GNU ld::

    CC -B DIR -fno-use-linker-plugin -static LEVEL -w FLAGS prog.c -lm

where DIR/ld is a shell script running this checkout's pld, for x86-64
(``gcc``), i386 (``i686-linux-gnu-gcc``), AArch64 (``aarch64-linux-gnu-gcc``)
and RISC-V 64 (``riscv64-linux-gnu-gcc``, Debian's cross compilers with their
static glibc).  So pld links GCC's objects with ``crt1.o crti.o crtbeginT.o
... libc.a libgcc.a libgcc_eh.a``.  The program then runs (natively, or under
qemu-aarch64 / qemu-riscv64; 10 s at most, 30 s under qemu) and must exit with
the manifest's status and print
its expected output (c-testsuite: stdout and stderr together).  LEVEL is
the optimisation level of the manifest's build line, the one the expected
results were checked at (some gcc-torture programs rely on it).

A second test links objects written by *our* assembler: ``gcc -S`` (cached
by tests/corpus.py), pas, then the same driver links the ``.o`` with pld
(x86 targets: pas does not assemble AArch64 or RISC-V yet).

The fast run takes a seeded sample (``corpus.select``, as the assembler
corpus does: PCC_TEST_SEED changes it) of SAMPLE_SIZE programs per corpus
and target, PAS_SAMPLE_SIZE of them for the pas test; ``--full`` takes all.
Groups in the summary: ``x86_64``, ``i386``, ``aarch64``, ``riscv64`` and
``x86_64-pas``, ``i386-pas``.
"""

from __future__ import annotations

import csv
import functools
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

import corpus
from ldutil import write_ld_wrapper
from testopts import is_full, sample_seed

SAMPLE_SIZE = 25          # programs per corpus and target in the fast run
PAS_SAMPLE_SIZE = 6       # of those, how many also go through gcc -S and pas
RUN_TIMEOUT = 10
BUILD_TIMEOUT = 300

COMPILERS = {"x86_64": "gcc", "i386": "i686-linux-gnu-gcc",
             "aarch64": "aarch64-linux-gnu-gcc", "riscv64": "riscv64-linux-gnu-gcc"}
PAS_TARGETS = ("x86_64", "i386")     # the targets pas assembles
# How a program of each target runs on this (x86-64) machine.
RUNNERS = {"aarch64": ["qemu-aarch64"], "riscv64": ["qemu-riscv64"]}
QEMU_RUN_TIMEOUT = 30
# The manifest column that says a program is expected to work on a target.
OK_COLUMN = {("c-testsuite", "x86_64"): "gcc_ok", ("c-testsuite", "i386"): "ok_i386",
             ("gcc-torture", "x86_64"): "ok_x86_64", ("gcc-torture", "i386"): "ok_i386",
             ("c-testsuite", "aarch64"): "ok_aarch64", ("gcc-torture", "aarch64"): "ok_aarch64",
             ("c-testsuite", "riscv64"): "ok_riscv64", ("gcc-torture", "riscv64"): "ok_riscv64"}


@functools.cache
def manifest(root: Path, suite: str) -> dict[str, dict[str, str]]:
    """The MANIFEST.tsv rows of one suite by program name (expected results, target columns)."""
    with (root / suite / "MANIFEST.tsv").open(newline="", encoding="utf-8") as f:
        return {row["name"]: row for row in csv.DictReader(f, delimiter="\t")}


def _sample(config, count: int) -> list:
    root = corpus.corpora_dir()
    if root is None:
        return []
    programs = corpus.load_programs(root)
    count = None if is_full(config) else count
    return [(target, program) for target in COMPILERS for suite in corpus.SUITES
            for program in corpus.select([p for p in programs if p.suite == suite],
                                         target, f"ld-{suite}", sample_seed(), count)]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "program" not in metafunc.fixturenames:
        return
    pas = metafunc.function.__name__ == "test_link_pas_objects"
    chosen = _sample(metafunc.config, SAMPLE_SIZE)
    if pas:
        chosen = [(target, program) for target, program in chosen if target in PAS_TARGETS]
    if pas and not is_full(metafunc.config):   # the first few of the same sample
        seen: Counter = Counter()
        kept = []
        for target, program in chosen:
            seen[target, program.suite] += 1
            if seen[target, program.suite] <= PAS_SAMPLE_SIZE:
                kept.append((target, program))
        chosen = kept
    suffix = "-pas" if pas else ""
    params = [pytest.param(target + suffix, program, id=f"{target}{suffix}-{program.id}")
              for target, program in chosen]
    if not params:
        reason = "no corpora found (looked in $PCC_CORPORA and ../shared/corpora)"
        params = [pytest.param(t + suffix, None, id=t + suffix, marks=pytest.mark.skip(reason))
                  for t in (PAS_TARGETS if pas else COMPILERS)]
    metafunc.parametrize("mode,program", params)


@pytest.fixture(scope="session")
def ld_dir(tmp_path_factory) -> Path:
    """DIR for ``gcc -B DIR``: holds the ``ld`` script that runs pld."""
    return write_ld_wrapper(tmp_path_factory.mktemp("pld-bin"))


def _expectation(program: corpus.Program, target: str) -> tuple[int, bytes | None]:
    """(exit status, expected output or None), or skip when the manifest says the
    program does not work on this target even with GNU ld."""
    root = corpus.corpora_dir()
    row = manifest(root, program.suite)[program.name]
    if row.get(OK_COLUMN[(program.suite, target)], "yes") != "yes":
        pytest.skip(f"MANIFEST: {program.id} is not expected to work on {target}")
    stdout = row["expected_stdout"]
    expected = None if stdout in ("", "-") else (root / program.suite / stdout).read_bytes()
    return int(row["expected_exit"]), expected


def _first_lines(text: str, count: int = 3) -> str:
    lines = [line for line in text.splitlines() if "pld" in line] or text.splitlines()
    return " | ".join(lines[:count])


def _build(command: list[str], cwd: Path) -> None:
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                                timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"link timed out after {BUILD_TIMEOUT}s: {' '.join(command)}", pytrace=False)
    if result.returncode != 0:
        pytest.fail(f"build failed ({result.returncode}): {_first_lines(result.stderr)}",
                    pytrace=False)


def _run_and_compare(exe: Path, program: corpus.Program, target: str) -> None:
    status, expected = _expectation(program, target)
    runner = RUNNERS.get(target, [])
    timeout = QEMU_RUN_TIMEOUT if runner else RUN_TIMEOUT
    try:
        result = subprocess.run([*runner, str(exe)], cwd=exe.parent, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"timed out after {timeout}s", pytrace=False)
    if result.returncode != status:
        tail = result.stdout[-200:].decode(errors="replace").strip().replace("\n", " | ")
        pytest.fail(f"exit status {result.returncode}, expected {status}"
                    + (f"; output ends: {tail}" if tail else ""), pytrace=False)
    if expected is not None and result.stdout != expected:
        pytest.fail(f"output differs from {program.name}.expected: got "
                    f"{result.stdout[:120]!r}", pytrace=False)


def _need(compiler: str) -> None:
    if not shutil.which(compiler):
        pytest.skip(f"{compiler} is not installed")


def test_link_corpus(mode: str, program: corpus.Program, ld_dir: Path, tmp_path: Path,
                     record_property) -> None:
    record_property("label", f"{mode} {program.id}")
    compiler = COMPILERS[mode]
    _need(compiler)
    for tool in RUNNERS.get(mode, []):
        _need(tool)
    _expectation(program, mode)
    exe = tmp_path / "prog"
    # In the program's folder with its bare name: two tests #include themselves.
    _build([compiler, "-B", str(ld_dir), "-fno-use-linker-plugin", "-static", program.level, "-w",
            *program.flags, program.name, "-lm", "-o", str(exe)], program.path.parent)
    _run_and_compare(exe, program, mode)


def test_link_pas_objects(mode: str, program: corpus.Program, ld_dir: Path, tmp_path: Path,
                          record_property) -> None:
    record_property("label", f"{mode} {program.id}")
    target = mode.removesuffix("-pas")
    compiler = COMPILERS[target]
    _need(compiler)
    _expectation(program, target)
    reason = corpus.pas_unavailable()
    if reason:
        pytest.skip(reason)
    try:
        asm = corpus.gcc_asm(program, corpus.MODES[target], "-O1")
    except corpus.Unavailable as exc:
        pytest.skip(str(exc))
    data, printed = corpus.pas_object(asm.read_text(encoding="utf-8", errors="surrogateescape"),
                                      str(asm), corpus.MODES[target].target)
    if data is None:
        pytest.fail(f"pas rejected gcc's output: {printed.splitlines()[:1]}", pytrace=False)
    obj = tmp_path / "prog.o"
    obj.write_bytes(data)
    exe = tmp_path / "prog"
    _build([compiler, "-B", str(ld_dir), "-fno-use-linker-plugin", "-static", str(obj),
            "-lm", "-o", str(exe)], tmp_path)
    _run_and_compare(exe, program, target)
