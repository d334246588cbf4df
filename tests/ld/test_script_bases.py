"""Linker-script expression bases: pld against GNU ld on one script.

tests/ld/scripts/expression_bases.ld assigns symbols from numbers, absolute
symbols, ``.``, ADDR/SIZEOF/ALIGN/ABSOLUTE and arithmetic on them, inside and
outside output sections.  Both linkers link the same pas object with it;
every symbol must get the same value and the same section (or be absolute
in both).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ldutil import Image, gnu_ld, pld_ok, write_objects

SCRIPT = Path(__file__).parent / "scripts" / "expression_bases.ld"
SOURCE = ".globl _start\n.text\n_start: nop\n.data\n.quad 1\n"


def symbols(path: Path) -> dict[str, tuple[int, str]]:
    """Every named symbol: (value, the name of its section or ABS)."""
    image = Image(path)
    table = image.elf.get_section_by_name(".symtab")
    result = {}
    for symbol in table.iter_symbols():
        if not symbol.name or symbol["st_info"]["type"] in ("STT_FILE", "STT_SECTION"):
            continue
        index = symbol["st_shndx"]
        where = index if isinstance(index, str) else image.elf.get_section(index).name
        result[symbol.name] = (symbol["st_value"], where)
    return result


def test_expression_bases_match_gnu_ld(tmp_path, monkeypatch):
    ld = gnu_ld()
    if ld is None:
        pytest.skip("GNU ld (the oracle) is not installed")
    monkeypatch.chdir(tmp_path)
    (obj,) = write_objects(tmp_path, {"a.s": SOURCE})
    subprocess.run([ld, "-T", str(SCRIPT), obj, "-o", "gnu"], check=True)
    pld_ok("-T", str(SCRIPT), obj, "-o", "pld")
    expected, got = symbols(tmp_path / "gnu"), symbols(tmp_path / "pld")
    assert len(expected) > 20
    wrong = {name: (got.get(name), want) for name, want in expected.items()
             if got.get(name) != want}
    assert not wrong, f"pld vs GNU ld (value, section): {wrong}"
