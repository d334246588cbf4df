"""The compiler's code-generation figures for scripts/bench, measured against gcc.

Three sections, each printing ratios against gcc measured in the same run:

* start-up: wall time of ``pcc -c`` on an empty file (Python's import cost
  and the driver's set-up, byte-code cache on) next to ``gcc -c`` on the same file;
* compile throughput: ``pcc -c`` on a large input (the SQLite amalgamation
  when scripts/bench can have it, else every program under bench/programs)
  in source lines per CPU second, next to ``gcc -c`` at the same -O level;
* run time: the CPU-bound programs of bench/programs, each built by pcc at
  -O0 and -O1 and by gcc at -O0 and -O2, run the same number of times; the
  best CPU time of each is printed with pcc's ratio to gcc -O0 and -O2.
  Every build's output must equal gcc -O0's, or the figure is not printed.

These are figures, not pass/fail tests: the exit status is non-zero only
when something could not be built or gave a wrong answer.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROGRAMS = Path(__file__).resolve().parent / "programs"
RUNS = 3                      # runs per program and build; the best one counts
PCC_LEVELS = ("-O0", "-O1")
GCC_LEVELS = ("-O0", "-O2")


# Python's byte-code cache on, as for an installed package (pip compiles it):
# without it every pcc run would pay for compiling its own modules.
# PYTHONPATH: scripts/bench runs this checkout's pcc, not an installed one.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = os.pathsep.join(
    [str(Path(__file__).resolve().parent.parent), *filter(None, [os.environ.get("PYTHONPATH")])])


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_run(command: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    """Run COMMAND; (its CPU time in seconds, its result)."""
    before = children_cpu()
    result = subprocess.run(command, capture_output=True, text=True, env=ENV, **kwargs)
    return children_cpu() - before, result


def first_error(result: subprocess.CompletedProcess) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return next((line for line in lines if "error" in line), lines[0] if lines else
                f"exit status {result.returncode}")


def bench_startup(pcc: list[str]) -> int:
    """Wall time of ``pcc -c`` and ``gcc -c`` on an empty file, median of five."""
    with tempfile.TemporaryDirectory(prefix="pcc-bench-") as tmp:
        empty = Path(tmp) / "empty.c"
        empty.write_text("")
        figures = {}
        for name, compiler in (("gcc", ["gcc"]), ("pcc", pcc)):
            times = []
            for _ in range(6):                      # the first run warms the caches
                start = time.perf_counter()
                result = subprocess.run([*compiler, "-c", str(empty), "-o", str(empty) + ".o"],
                                        capture_output=True, text=True, env=ENV)
                times.append(time.perf_counter() - start)
                if result.returncode:
                    print(f"ERROR start-up: {name} -c empty.c failed: {first_error(result)}")
                    return 1
            figures[name] = statistics.median(times[1:])
    print(f"start-up, -c on an empty file (wall, median of 5): gcc {figures['gcc'] * 1000:.0f} ms, "
          f"pcc {figures['pcc'] * 1000:.0f} ms ({figures['pcc'] / figures['gcc']:.0f}x)")
    return 0


def bench_compile(pcc: list[str], sources: list[Path], flags: list[str], label: str) -> int:
    """Source lines per CPU second of ``pcc -c`` and ``gcc -c`` on SOURCES, at -O0 and -O1."""
    lines = sum(path.read_text(errors="replace").count("\n") for path in sources)
    print(f"compile throughput: {label}, {lines} source lines")
    status = 0
    with tempfile.TemporaryDirectory(prefix="pcc-bench-") as tmp:
        for level in ("-O0", "-O1"):
            times = {}
            for name, compiler in (("gcc", ["gcc"]), ("pcc", pcc)):
                total = 0.0
                for path in sources:
                    seconds, result = cpu_run([*compiler, level, "-w", "-c", *flags, str(path),
                                               "-o", str(Path(tmp) / (path.stem + ".o"))])
                    total += seconds
                    if result.returncode:
                        print(f"ERROR {name} {level} -c {path.name}: {first_error(result)}")
                        status = 1
                        break
                else:
                    times[name] = total
            if len(times) == 2:
                print(f"  {level}: gcc {lines / times['gcc']:10,.0f} lines/s, "
                      f"pcc {lines / times['pcc']:8,.0f} lines/s "
                      f"(pcc takes {times['pcc'] / times['gcc']:.0f}x gcc's time)")
    return status


def build(compiler: list[str], level: str, source: Path, exe: Path) -> str | None:
    """Build SOURCE into EXE; None, or the reason it failed."""
    result = subprocess.run([*compiler, level, str(source), "-o", str(exe), "-lm"],
                            capture_output=True, text=True, env=ENV)
    return first_error(result) if result.returncode else None


def best_run(exe: Path) -> tuple[float, str, int]:
    """Best CPU time of RUNS runs of EXE, its output and exit status."""
    best = float("inf")
    for _ in range(RUNS):
        seconds, result = cpu_run([str(exe)], timeout=600)
        best = min(best, seconds)
    return best, result.stdout, result.returncode


def bench_runtime(pcc: list[str]) -> int:
    """Run time of bench/programs built by pcc -O0/-O1 against gcc -O0/-O2."""
    builds = [("gcc", ["gcc"], level) for level in GCC_LEVELS]
    builds += [("pcc", pcc, level) for level in PCC_LEVELS]
    heading = "".join(f"{name + ' ' + level:>10}" for name, _, level in builds)
    pairs = [(p, g) for p in PCC_LEVELS for g in GCC_LEVELS]
    ratio_heading = "".join(f"{'pcc' + p + '/gcc' + g:>16}" for p, g in pairs)
    print(f"run time, CPU s, best of {RUNS}:")
    print(f"  {'program':<12}{heading}{ratio_heading}")
    status = 0
    with tempfile.TemporaryDirectory(prefix="pcc-bench-") as tmp:
        for source in sorted(PROGRAMS.glob("*.c")):
            figures, reference = {}, None
            for name, compiler, level in builds:
                exe = Path(tmp) / f"{source.stem}-{name}{level}"
                failure = build(compiler, level, source, exe)
                if failure:
                    print(f"ERROR {name} {level} {source.name}: {failure}")
                    status = 1
                    continue
                seconds, output, exit_status = best_run(exe)
                if reference is None:
                    reference = (output, exit_status)
                elif (output, exit_status) != reference:
                    print(f"ERROR {name} {level} {source.name}: output differs from gcc -O0's")
                    status = 1
                    continue
                figures[(name, level)] = seconds
            cells = "".join(f"{figures[(n, l)]:10.2f}" if (n, l) in figures else f"{'-':>10}"
                            for n, _, l in builds)
            ratios = "".join(
                f"{figures[('pcc', p)] / figures[('gcc', g)]:15.2f}x"
                if ('pcc', p) in figures and ('gcc', g) in figures and figures[('gcc', g)] > 0
                else f"{'-':>16}" for p, g in pairs)
            print(f"  {source.stem:<12}{cells}{ratios}")
    print("  (a ratio above 1: pcc's code takes longer than gcc's)")
    return status


def pcc_available(pcc: list[str]) -> bool:
    if not shutil.which("gcc"):
        print("codegen: no figures, gcc is not installed")
        return False
    result = subprocess.run([*pcc, "--version"], capture_output=True, text=True, env=ENV)
    if result.returncode:
        print(f"ERROR codegen: pcc does not run: {first_error(result)}")
        return False
    return True


def main(pcc: list[str], large_input: tuple[list[Path], list[str], str] | None) -> int:
    """All three sections; LARGE_INPUT is (sources, flags, label) or None for bench/programs."""
    if not pcc_available(pcc):
        return 1
    if large_input is None:
        large_input = (sorted(PROGRAMS.glob("*.c")), [], "bench/programs/*.c")
    status = bench_startup(pcc)
    status = max(status, bench_compile(pcc, *large_input))
    status = max(status, bench_runtime(pcc))
    return status


if __name__ == "__main__":
    sys.exit(main(["pcc"], None))
