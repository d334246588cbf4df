"""``pas`` on the command line: exit statuses, output files, stdin, flags.

Most tests run the CLI in-process with the recording fakes of conftest.py in
place of the object streamer and the ISA (the front end's behaviour is what
is checked here); the tests marked ``real`` run the installed ``pas`` entry
point as a subprocess and are skipped until the streamer and x86 ISA land.
"""

import importlib
import io
import os
import random
import subprocess
import sys
import types

import pytest

cli = importlib.import_module("toolchain.as.cli")
assembler = importlib.import_module("toolchain.as.assembler")


@pytest.fixture
def pas(monkeypatch, tmp_path, capsys):
    """Run ``pas ARGS`` in-process with fake streamer and ISA; returns (status, out, err)."""
    conftest = sys.modules[FakeHolder.module]
    fake_streamer_module = types.ModuleType("toolchain.as.streamer")

    class Streamer(conftest.FakeStreamer):
        def __init__(self, target, isa, diagnostics):
            super().__init__()

    fake_streamer_module.ObjectStreamer = Streamer
    monkeypatch.setitem(sys.modules, "toolchain.as.streamer", fake_streamer_module)
    monkeypatch.setattr(assembler, "isa_for", lambda target: conftest.FakeIsa())
    monkeypatch.chdir(tmp_path)

    def run(*args, stdin=b""):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        with pytest.raises(SystemExit) as exit_info:
            cli.main.main(list(args), prog_name="pas", standalone_mode=False)
        out, err = capsys.readouterr()
        return exit_info.value.code, out, err

    return run


class FakeHolder:
    # the conftest module of this directory, found by its FakeStreamer class
    module = next(name for name, mod in list(sys.modules.items())
                  if hasattr(mod, "FakeStreamer") and hasattr(mod, "run_fake"))


def test_writes_output(pas, tmp_path):
    (tmp_path / "a.s").write_text("nop\n")
    status, out, err = pas("-o", "x.o", "a.s")
    assert (status, err) == (0, "")
    assert (tmp_path / "x.o").read_bytes() == b"ELF"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".pas-")] == []


def test_default_output_and_stdin(pas, tmp_path):
    status, _, err = pas(stdin=b"nop\n")
    assert (status, err) == (0, "")
    assert (tmp_path / "a.out").exists()
    (tmp_path / "a.out").unlink()
    status, _, _ = pas("-", stdin=b"nop\n")
    assert status == 0 and (tmp_path / "a.out").exists()


def test_stdin_name_in_messages(pas):
    status, _, err = pas("-o", "o.o", stdin=b".bogus\n")
    assert status == 1
    assert err == "{standard input}:1:1: error: unknown pseudo-op: '.bogus'\n"


def test_error_leaves_no_output(pas, tmp_path):
    (tmp_path / "bad.s").write_text("nop\n.bogus\n")
    (tmp_path / "out.o").write_bytes(b"stale")
    status, _, err = pas("-o", "out.o", "bad.s")
    assert status == 1
    assert "bad.s:2:1: error: unknown pseudo-op: '.bogus'" in err
    assert not (tmp_path / "out.o").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bad.s"]


def test_several_inputs_are_one_program(pas, tmp_path):
    (tmp_path / "a.s").write_text(".macro m\n.byte 1\n.endm\n")
    (tmp_path / "b.s").write_text("m\n.bogus\n")
    status, _, err = pas("-o", "o.o", "a.s", "b.s")
    assert status == 1
    assert err == "b.s:2:1: error: unknown pseudo-op: '.bogus'\n"


def test_defsym(pas, tmp_path):
    (tmp_path / "a.s").write_text(".if X != 5\n.error \"X is not 5\"\n.endif\n")
    assert pas("--defsym", "X=5", "a.s")[0] == 0
    assert pas("--defsym=X=5", "a.s")[0] == 0
    status, _, err = pas("--defsym", "X=4", "a.s")
    assert status == 1 and "X is not 5" in err
    status, _, err = pas("--defsym", "X", "a.s")
    assert status == 1 and "bad --defsym 'X'" in err


def test_include_dir_flag(pas, tmp_path):
    (tmp_path / "inc").mkdir()
    (tmp_path / "inc" / "defs.s").write_text("Y = 1\n")
    (tmp_path / "a.s").write_text('.include "defs.s"\n.ifndef Y\n.err\n.endif\n')
    assert pas("-I", "inc", "a.s")[0] == 0
    assert pas("-Iinc", "a.s")[0] == 0
    assert pas("a.s")[0] == 1


@pytest.mark.parametrize("flags", [
    ["-Qy"], ["--noexecstack"], ["-g"], ["--gdwarf-5"], ["--gdwarf2"], ["-W"], ["--warn"],
    ["-amhls=listing.txt"], ["--64"], ["--32"], ["--target=i386-linux-gnu"],
    ["--target", "x86_64"], ["-march=x86-64"], ["-mtune=generic"], ["--fatal-warnings"],
])
def test_gcc_flags_accepted(pas, tmp_path, flags):
    (tmp_path / "a.s").write_text("nop\n")
    status, _, err = pas(*flags, "-o", "a.o", "a.s")
    assert (status, err) == (0, "")


def test_unsupported_march_warns(pas, tmp_path):
    (tmp_path / "a.s").write_text("nop\n")
    status, _, err = pas("-march=itanium", "a.s")
    assert status == 0
    assert err == "pas: warning: unsupported -march=itanium ignored\n"


@pytest.mark.parametrize("args, message", [
    (["--x32", "a.s"], "pas: error: the x32 ABI (--x32) is not supported"),
    (["--bogus", "a.s"], "pas: error: unrecognized option '--bogus'"),
    (["--target=vax", "a.s"], "pas: error: unknown target 'vax'"),
    (["-o"], "pas: error: option '-o' requires an argument"),
    (["missing.s"], "pas: error: can't open missing.s for reading: No such file or directory"),
    (["."], "pas: error: can't open . for reading: Is a directory"),
])
def test_usage_errors(pas, tmp_path, args, message):
    (tmp_path / "a.s").write_text("nop\n")
    status, _, err = pas(*args)
    assert status == 1
    assert err.startswith(message)
    assert not (tmp_path / "a.out").exists()


def test_fatal_warnings(pas, tmp_path):
    (tmp_path / "a.s").write_text(".byte 300\n")
    assert pas("a.s")[0] == 0
    status, _, err = pas("--fatal-warnings", "a.s")
    assert status == 1 and "error: value 0x12c truncated to 0x2c" in err


def test_version_and_help(pas):
    status, out, _ = pas("--version")
    assert status == 0 and out.startswith("pas ")
    status, out, _ = pas("--help")
    assert status == 0 and "Usage: pas" in out


def test_internal_error_exit_70(pas, tmp_path, monkeypatch):
    parser = importlib.import_module("toolchain.as.parser")

    def boom(self, text, loc):
        raise RuntimeError("boom")

    monkeypatch.setattr(parser.Parser, "statement", boom)
    (tmp_path / "a.s").write_text("nop\n")
    status, _, err = pas("a.s")
    assert status == 70
    assert err.startswith("pas: internal error: RuntimeError: boom (at ")
    assert "Traceback" not in err


@pytest.mark.parametrize("seed", range(40))
def test_garbage_never_crashes(pas, tmp_path, seed):
    rng = random.Random(seed)
    if seed % 2:
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
    else:
        alphabet = b' \t\n.,:;#"\'\\()[]{}$%@*+-/<>=!&|^~0123456789abcxyzLfb' \
                   b'.macro .endm .rept .endr .if .else .endif .irp .byte .section '
        data = bytes(rng.choice(alphabet) for _ in range(rng.randrange(1, 400)))
    (tmp_path / "g.s").write_bytes(data)
    status, _, err = pas("-o", "g.o", "g.s")
    assert status in (0, 1), err
    assert "Traceback" not in err and "internal error" not in err


def test_binary_file_input(pas, tmp_path):
    with open(sys.executable, "rb") as f:
        (tmp_path / "bin.s").write_bytes(f.read(200_000))
    status, _, err = pas("-o", "g.o", "bin.s")
    assert status in (0, 1)
    assert "internal error" not in err


# -- the real thing, as a subprocess ------------------------------------------------

def _real_ready() -> str | None:
    try:
        importlib.import_module("toolchain.as.streamer")
        importlib.import_module("toolchain.as.x86.isa")
    except ImportError as exc:
        return str(exc)
    return None


real = pytest.mark.skipif(_real_ready() is not None,
                          reason=f"object streamer / x86 ISA not importable yet: {_real_ready()}")


def _pas(*args, cwd, stdin=b""):
    code = "import sys; from importlib import import_module; " \
           "sys.argv[0] = 'pas'; import_module('toolchain.as.cli').main()"
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))))
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, input=stdin,
                          capture_output=True, env=env)


@real
def test_real_object_from_stdin(tmp_path):
    proc = _pas("-o", "t.o", cwd=tmp_path, stdin=b".text\nf: ret\n")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "t.o").read_bytes()[:4] == b"\x7fELF"


@real
def test_real_error_exit_status(tmp_path):
    proc = _pas("-o", "t.o", cwd=tmp_path, stdin=b"movl %eax\n.bogus\n")
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr
    assert not (tmp_path / "t.o").exists()


@real
@pytest.mark.parametrize("seed", range(10))
def test_real_garbage_never_crashes(tmp_path, seed):
    rng = random.Random(1000 + seed)
    data = bytes(rng.randrange(256) for _ in range(300))
    proc = _pas("-o", "t.o", cwd=tmp_path, stdin=data)
    assert proc.returncode in (0, 1), proc.stderr
    assert b"Traceback" not in proc.stderr
