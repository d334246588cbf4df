"""The corpora (c-testsuite, gcc-torture) run against the bundled libc.

Each program is compiled by gcc against our headers only (``-nostdinc
-isystem toolchain/libc/include``; gcc's builtins stay on, as the
manifests' command lines have them) and linked by pld with our crt1.o and
libc.a -- no glibc, no libgcc.  It must exit with the expected status and,
for c-testsuite, print exactly the expected stdout+stderr.  A program
that does not compile against our headers fails (the headers must cover
what the corpora use).  Programs using _Decimal64 are skipped: their
arithmetic is in libgcc's __bid_* routines, not in a C library.

Default: a seeded sample of SAMPLE_SIZE programs; ``--full``: all of them.
"""

from __future__ import annotations

import csv
import random
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))
from testopts import is_full, sample_seed  # noqa: E402

TARGET = "x86_64-linux-gnu"
SUITES = ("c-testsuite", "gcc-torture")
SAMPLE_SIZE = 40
RUN_TIMEOUT = 10


def corpora_dir() -> Path | None:
    root = REPO.parent.parent / "shared" / "corpora"
    for candidate in (root, Path("/work/shared/corpora")):
        if candidate.is_dir():
            return candidate
    return None


def load_programs() -> list[tuple[str, dict]]:
    root = corpora_dir()
    if root is None:
        return []
    programs = []
    for suite in SUITES:
        manifest = root / suite / "MANIFEST.tsv"
        if manifest.is_file():
            with manifest.open(newline="", encoding="utf-8") as f:
                for row in csv.DictReader(f, delimiter="\t"):
                    programs.append((f"{suite}/{row['name']}", row))
    return programs


def compile_flags(build: str) -> list[str]:
    """The manifest's gcc flags that matter for compiling (no -l, -o, file names)."""
    flags = []
    for token in shlex.split(build)[1:]:
        if token.startswith("-") and not token.startswith(("-l", "-o", "-static")):
            flags.append(token)
    return flags


def run_program(program: str, row: dict, libc, workdir: Path) -> str | None:
    """None if the program passes, else the reason."""
    from toolchain.ld.cli import main as pld
    root = corpora_dir()
    src = root / program
    obj = workdir / "prog.o"
    exe = workdir / "prog"
    result = subprocess.run(
        ["gcc", *compile_flags(row["build"]), "-w", "-fno-stack-protector", "-fno-pie",
         "-nostdinc", "-isystem", str(REPO / "toolchain/libc/include"),
         "-c", src.name, "-o", str(obj)],
        cwd=src.parent, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        errors = [l for l in result.stderr.splitlines() if "error" in l] or [result.stderr]
        return f"compile: {errors[0].strip()}"
    import contextlib
    import io
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = pld(["-static", "-o", str(exe), str(libc.crt1_o), str(obj), str(libc.libc_a)])
    if status != 0:
        return f"link: {err.getvalue().strip().splitlines()[0] if err.getvalue() else status}"
    try:
        run = subprocess.run([str(exe)], cwd=workdir, capture_output=True, timeout=RUN_TIMEOUT,
                             stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return "run: timeout"
    expected_exit = int(row["expected_exit"])
    if run.returncode != expected_exit:
        return f"run: exit {run.returncode}, expected {expected_exit}"
    if row["expected_stdout"] != "-":
        expected = (src.parent / row["expected_stdout"]).read_bytes()
        got = run.stdout + run.stderr if program.startswith("c-testsuite") else run.stdout
        if got != expected:
            return f"run: output differs ({len(got)} bytes vs {len(expected)} expected)"
    return None


def _selected(config) -> list[tuple[str, dict]]:
    programs = load_programs()
    if is_full(config) or len(programs) <= SAMPLE_SIZE:
        return programs
    chosen = random.Random(f"{sample_seed()}:libc").sample(range(len(programs)), SAMPLE_SIZE)
    return [programs[i] for i in sorted(chosen)]


def pytest_generate_tests(metafunc):
    if "program" in metafunc.fixturenames:
        selected = _selected(metafunc.config)
        metafunc.parametrize("program,row", selected or [pytest.param(None, None, marks=pytest.mark.skip(
            reason="corpora not found"))], ids=[p for p, _ in selected] or None)


@pytest.fixture(scope="module")
def libc():
    from toolchain.libc.build import build_libc
    return build_libc(TARGET, "gcc")


@pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")
def test_corpus_program(program, row, libc, tmp_path, record_property):
    record_property("summary", "programs")
    if "decimal-float" in row.get("features", ""):
        pytest.skip("_Decimal64 needs libgcc's __bid_* routines, which the bundled libc lacks")
    reason = run_program(program, row, libc, tmp_path)
    assert reason is None, f"{program}: {reason}"
