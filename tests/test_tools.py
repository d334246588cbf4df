"""The three commands exist and say what they can do.

``pcc`` and ``pld`` are not written yet: they must say so and exit 1 (never
pretend, never traceback).  ``pas --help`` must work.  The commands are run
through their entry-point functions in a fresh interpreter, so the test does
not depend on ``pip install`` having put them on PATH.
"""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ENTRY = {"pcc": "toolchain.cc.cli", "pas": "toolchain.as.cli", "pld": "toolchain.ld.cli"}


def run_tool(tool: str, *args: str) -> subprocess.CompletedProcess:
    code = (f"import sys, importlib; sys.argv[0] = {tool!r}; "
            f"sys.exit(importlib.import_module({ENTRY[tool]!r}).main())")   # as pip's scripts do
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, timeout=60)


def test_console_scripts_importable() -> None:
    """pip writes each script as ``from MODULE import NAME``: MODULE must not contain ``as``."""
    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    scripts = pyproject["project"]["scripts"]
    assert set(scripts) == set(ENTRY)
    for tool, target in scripts.items():
        module, _, name = target.partition(":")
        compile(f"from {module} import {name}", tool, "exec")   # SyntaxError for toolchain.as
        assert callable(getattr(importlib.import_module(module), name))


@pytest.mark.parametrize("tool", ["pcc", "pld"])
def test_missing_input_is_a_plain_error(tool: str, tmp_path: Path) -> None:
    result = run_tool(tool, str(tmp_path / "hello.c"))
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"{tool}: error: ")
    assert "No such file or directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_pas_help() -> None:
    if importlib.util.find_spec("toolchain.as.cli") is None:
        pytest.skip("pas CLI not written yet (toolchain/as/cli.py missing)")
    result = run_tool("pas", "--help")
    assert result.returncode == 0, result.stderr
    assert "--64" in result.stdout and "--32" in result.stdout
