"""Compile hand-built IR with the x86-64 back end, link with pld, run.

``build`` writes the object both ways (the streamer directly, and the -S
text through pas) and checks they are identical; ``link`` runs GCC's driver
with pld as its linker against static glibc (``gcc -B DIR -static``).
"""

from __future__ import annotations

import importlib
import io
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from toolchain.cc.backend.x86_64 import emit_module, print_module
from toolchain.common.diagnostics import Diagnostics
from toolchain.common.target import find_target

REPO = Path(__file__).resolve().parents[2]
TARGET = find_target("x86_64-linux-gnu")


def object_direct(module) -> bytes:
    streamer_mod = importlib.import_module("toolchain.as.streamer")
    isa_mod = importlib.import_module("toolchain.as.isa")
    err = io.StringIO()
    diagnostics = Diagnostics("pcc", stream=err)
    streamer = streamer_mod.ObjectStreamer(TARGET, isa_mod.isa_for(TARGET), diagnostics)
    emit_module(module, streamer)
    assert not diagnostics.failed, err.getvalue()
    return streamer.finish()


def object_from_text(text: str) -> bytes:
    assembler = importlib.import_module("toolchain.as.assembler")
    err = io.StringIO()
    data = assembler.assemble(text, "out.s", TARGET, Diagnostics("pas", stream=err))
    assert data is not None, err.getvalue() + "\n" + text
    return data


def build(module, directory: Path, name: str = "ours") -> Path:
    """The object for ``module``; asserts -S text through pas gives the same bytes."""
    text = print_module(module)
    (directory / f"{name}.s").write_text(text)
    direct = object_direct(module)
    via_text = object_from_text(text)
    assert direct == via_text, f"pcc -c and pcc -S | pas differ for {name}"
    path = directory / f"{name}.o"
    path.write_bytes(direct)
    return path


def ld_wrapper(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    script = directory / "ld"
    pythonpath = os.pathsep.join([str(REPO)] + ([os.environ["PYTHONPATH"]]
                                               if os.environ.get("PYTHONPATH") else []))
    script.write_text("#!/bin/sh\n"
                      f"PYTHONPATH={shlex.quote(pythonpath)} exec {shlex.quote(sys.executable)} "
                      "-c 'import sys; from toolchain.ld.cli import main; sys.exit(main())' "
                      '"$@"\n')
    script.chmod(0o755)
    return directory


def have_gcc() -> bool:
    return shutil.which("gcc") is not None


def link(directory: Path, inputs: list[Path], out: str = "prog") -> Path:
    wrapper = ld_wrapper(directory / "ldbin")
    exe = directory / out
    cmd = ["gcc", "-B", str(wrapper), "-fno-use-linker-plugin", "-static", "-o", str(exe)] + \
        [str(p) for p in inputs] + ["-lm"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, f"link failed: {' '.join(cmd)}\n{r.stdout}{r.stderr}"
    return exe


def gcc_object(directory: Path, source: str, name: str = "theirs") -> Path:
    c = directory / f"{name}.c"
    c.write_text(source)
    o = directory / f"{name}.o"
    r = subprocess.run(["gcc", "-O1", "-c", "-o", str(o), str(c)], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return o


def run(exe: Path) -> tuple[int, str]:
    r = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60)
    return r.returncode, r.stdout


def c_to_module(path: str):
    """C source -> IR through the front end and lowering, with the host's headers
    (the driver's own -c path and the bundled headers are wired elsewhere)."""
    from toolchain.cc import frontend
    from toolchain.cc.cli import CDiagnostics, Preprocessor
    from toolchain.cc.driver import parse_command_line
    from toolchain.cc.lower import lower_translation_unit
    from toolchain.cc.tokens import Token
    gcc_include = subprocess.run(["gcc", "-print-file-name=include"], capture_output=True,
                                 text=True).stdout.strip()
    opts = parse_command_line(["-fsyntax-only", "-w", "-isystem", gcc_include, "-isystem",
                               "/usr/include/x86_64-linux-gnu", "-isystem", "/usr/include",
                               path])
    err = io.StringIO()
    diagnostics = CDiagnostics(color=False, show_caret=False, options=opts.warnings)
    pp = Preprocessor(opts.target, opts.preprocessor, diagnostics)
    tokens = [t for t in pp.items(path) if isinstance(t, Token)]
    unit = frontend.parse_translation_unit(tokens, opts.target, diagnostics, opts)
    assert not diagnostics.failed, err.getvalue()
    return lower_translation_unit(unit, opts.target)
