"""x86-16 code size: ``pcc -m16 -Os -ffreestanding`` against
``i686-linux-gnu-gcc -m16 -Os -ffreestanding``.

The programs are the corpus programs the x86-16 runtime can run, selected
as tests/x86_16/freestanding.py does (gcc -m16's undefined symbols against
the runtime's, no floating-point printf).  Each is compiled to an object by
both compilers with the same flags; the figure is the total size of their
.text sections (every ``.text*`` section: gcc puts main in .text.startup)
and the ratio pcc/gcc.  DESIGN.md's goal for x86-16 is a ratio of at most 1.

pcc compiles a program in seconds, so a run takes a seeded sample of
SAMPLE programs (before selection) unless ``--all`` is given; the output
says how many were measured.  A program either compiler fails on is left
out of both totals and counted.

    python3 -m bench.size16 [--all] [--sample N]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests" / "x86_16"), str(REPO / "tests"), str(REPO)]

import freestanding as fs  # noqa: E402

SAMPLE = 60
SEED = 20240601


def pcc_object(pcc: list[str], program, obj: Path) -> str:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    # the same flags as gcc's: -ffreestanding also means abort() is an ordinary call
    result = subprocess.run([*pcc, "-m16", "-Os", "-ffreestanding", *program.flags, "-c",
                             str(program.path), "-o", str(obj)],
                            capture_output=True, text=True, env=env, timeout=fs.TIMEOUT * 5)
    if result.returncode == 0:
        return ""
    return (result.stderr.strip().splitlines() or ["?"])[0]


def main(pcc: list[str], sample: int | None = SAMPLE) -> int:
    if not fs.gcc_available():
        print(f"size16: no figures, {fs.GCC16} is not installed")
        return 1
    candidates = fs.programs()
    if not candidates:
        print("size16: no figures, the corpora are absent")
        return 1
    if sample is not None and sample < len(candidates):
        rng = random.Random(f"{SEED}:size16")
        candidates = [candidates[i] for i in sorted(rng.sample(range(len(candidates)), sample))]
    gcc_total = pcc_total = measured = selected = 0
    failed = []
    with tempfile.TemporaryDirectory(prefix="pcc-size16-") as tmpname:
        tmp = Path(tmpname)
        for program in candidates:
            gcc_obj, pcc_obj = tmp / "gcc.o", tmp / "pcc.o"
            if fs.selection_reason(program, gcc_obj):
                continue
            selected += 1
            problem = fs.gcc_compile(program, gcc_obj, "-Os", ("-ffreestanding",))
            if problem:
                failed.append(f"{program.id}: gcc: {problem}")
                continue
            problem = pcc_object(pcc, program, pcc_obj)
            if problem:
                failed.append(f"{program.id}: pcc: {problem}")
                continue
            measured += 1
            gcc_total += fs.text_size(gcc_obj)
            pcc_total += fs.text_size(pcc_obj)
    scope = "all" if sample is None or sample >= len(fs.programs()) else f"a seeded sample of {sample}"
    print(f"x86-16 .text size, {scope} corpus programs: {selected} need only the runtime, "
          f"{measured} compiled by both")
    for line in failed[:5]:
        print(f"ERROR -m16 -Os: {line}")
    if failed:
        print(f"  ({len(failed)} left out: a compiler failed on them)")
    if measured:
        print(f"  i686-linux-gnu-gcc -m16 -Os -ffreestanding: {gcc_total:9,d} bytes")
        print(f"  pcc -m16 -Os:                               {pcc_total:9,d} bytes")
        print(f"  pcc/gcc .text size ratio: {pcc_total / gcc_total:.2f} (goal: at most 1.00)")
    return 1 if failed or not measured else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="x86-16 code size, pcc against gcc")
    parser.add_argument("--all", action="store_true", help="every corpus program")
    parser.add_argument("--sample", type=int, default=SAMPLE)
    args = parser.parse_args()
    sys.exit(main([sys.executable, "-P", "-m", "toolchain.cc.cli"],
                  None if args.all else args.sample))
