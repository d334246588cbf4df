"""Helpers the linker tests share: assemble with pas, link with pld, read the result.

* :func:`assemble` runs pas in-process (through ``corpus.pas_object``, the
  assembler corpus test's own helper) and fails the test on any message;
* :func:`pld` runs ``toolchain.ld.cli.main`` in-process in the current
  directory and returns its exit status and what it printed on stderr;
* :func:`gas_objects` assembles with the cross GNU as (AArch64, RISC-V: pas
  does not assemble them yet), an oracle used by tests only;
* :func:`write_ld_wrapper` makes the ``DIR/ld`` script that lets GCC's own
  driver run pld (``gcc -B DIR -fno-use-linker-plugin -static``);
* :class:`Image` reads a linked executable with pyelftools: section bytes,
  symbol values, the bytes at an address.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import shutil
import sys
from pathlib import Path

import corpus

REPO = corpus.REPO
TARGETS = {"x86_64": "x86_64-linux-gnu", "i386": "i386-linux-gnu"}
# The GNU triples of the cross binutils, by target.
TRIPLES = {"aarch64": "aarch64-linux-gnu", "riscv64": "riscv64-linux-gnu"}
# What GCC tells the cross assemblers (the ISA Debian's GCC targets).
GAS_FLAGS = {"aarch64": [], "riscv64": ["-march=rv64gc", "-mabi=lp64d"]}


def assemble(text: str, name: str = "a.s", target: str = "x86_64") -> bytes:
    """pas's object for ``text``; the test fails if pas reports anything."""
    data, printed = corpus.pas_object(text, name, TARGETS.get(target, target))
    assert data is not None and not printed, f"pas rejected {name}:\n{printed}"
    return data


def write_objects(directory: Path, sources: dict[str, str], target: str = "x86_64") -> list[str]:
    """Assemble ``{"a.s": text}`` into ``directory/a.o``...; returns the .o names."""
    names = []
    for name, text in sources.items():
        obj = Path(name).with_suffix(".o").name
        (directory / obj).write_bytes(assemble(text, name, target))
        names.append(obj)
    return names


def gas_objects(directory: Path, sources: dict[str, str], target: str) -> list[str]:
    """Assemble ``{"a.s": text}`` with ``<triple>-as`` into ``directory``; the .o names.
    Skips the test when that assembler is not installed."""
    import pytest
    import subprocess
    gas = f"{TRIPLES[target]}-as"
    if not shutil.which(gas):
        pytest.skip(f"{gas} is not installed")
    names = []
    for name, text in sources.items():
        (directory / name).write_text(text)
        obj = Path(name).with_suffix(".o").name
        result = subprocess.run([gas, *GAS_FLAGS[target], name, "-o", obj], cwd=directory,
                                capture_output=True, text=True)
        assert result.returncode == 0, f"{gas} rejected {name}:\n{result.stderr}"
        names.append(obj)
    return names


def pld(*args: str) -> tuple[int, str]:
    """Run pld in-process with ``args``; (exit status, stderr text)."""
    from toolchain.ld.cli import main
    err = io.StringIO()
    out = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        status = main(list(args))
    return status, err.getvalue()


def pld_ok(*args: str) -> None:
    """Run pld and fail the test unless it links silently with status 0."""
    status, err = pld(*args)
    assert status == 0 and not err, f"pld {' '.join(args)} -> {status}\n{err}"


def gnu_ld(target: str = "x86_64") -> str | None:
    """The GNU ld that links ``target`` objects, or None."""
    if target in TRIPLES:
        return f"{TRIPLES[target]}-ld" if shutil.which(f"{TRIPLES[target]}-ld") else None
    candidates = ["ld"] if target == "x86_64" else ["i686-linux-gnu-ld", "ld"]
    for name in candidates:
        if shutil.which(name):
            return name
    return None


def write_ld_wrapper(directory: Path) -> Path:
    """``directory/ld``: a shell script running this checkout's pld with this Python.

    ``-S`` skips ``site``: pld needs only the standard library, and the
    site-packages hooks (an editable install's finder, certifi...) cost a
    tenth of a second at every start -- a sixth of a static glibc link."""
    directory.mkdir(parents=True, exist_ok=True)
    script = directory / "ld"
    pythonpath = os.pathsep.join([str(REPO)] + ([os.environ["PYTHONPATH"]]
                                               if os.environ.get("PYTHONPATH") else []))
    script.write_text("#!/bin/sh\n"
                      f"PYTHONPATH={shlex.quote(pythonpath)} exec {shlex.quote(sys.executable)} "
                      "-S -c 'import sys; from toolchain.ld.cli import main; sys.exit(main())' "
                      '"$@"\n')
    script.chmod(0o755)
    return directory


class Image:
    """A linked ELF file, read with pyelftools."""

    def __init__(self, path: str | Path):
        from elftools.elf.elffile import ELFFile
        self.data = Path(path).read_bytes()
        self.elf = ELFFile(io.BytesIO(self.data))

    def section(self, name: str):
        section = self.elf.get_section_by_name(name)
        assert section is not None, f"no section {name} in the output"
        return section

    def has_section(self, name: str) -> bool:
        return self.elf.get_section_by_name(name) is not None

    def section_bytes(self, name: str) -> bytes:
        return self.section(name).data()

    def address(self, name: str) -> int:
        return self.section(name)["sh_addr"]

    def symbol(self, name: str):
        table = self.elf.get_section_by_name(".symtab")
        assert table is not None, "the output has no .symtab"
        found = table.get_symbol_by_name(name)
        assert found, f"no symbol {name} in the output"
        return found[0]

    def value(self, name: str) -> int:
        return self.symbol(name)["st_value"]

    def has_symbol(self, name: str) -> bool:
        table = self.elf.get_section_by_name(".symtab")
        return bool(table and table.get_symbol_by_name(name))

    def read(self, address: int, size: int) -> bytes:
        """``size`` bytes at virtual ``address`` (zeros in the bss part of a segment)."""
        for segment in self.elf.iter_segments():
            if segment["p_type"] != "PT_LOAD":
                continue
            start = segment["p_vaddr"]
            if start <= address and address + size <= start + segment["p_memsz"]:
                offset = address - start
                data = segment.data().ljust(segment["p_memsz"], b"\0")
                return data[offset:offset + size]
        raise AssertionError(f"{address:#x}+{size} is in no PT_LOAD segment")

    def u(self, address: int, size: int, signed: bool = False) -> int:
        return int.from_bytes(self.read(address, size), "little", signed=signed)

    @property
    def entry(self) -> int:
        return self.elf.header["e_entry"]


def relocation_types(path: str | Path) -> set[str]:
    """The psABI names of the relocation types an object file uses."""
    from elftools.elf.elffile import ELFFile
    from elftools.elf.relocation import RelocationSection
    from toolchain.common.elf import reloc_name
    names = set()
    with open(path, "rb") as file:
        elf = ELFFile(file)
        machine = elf.header["e_machine"]
        number = {"EM_X86_64": 62, "EM_386": 3, "EM_AARCH64": 183, "EM_RISCV": 243}.get(machine, machine)
        for section in elf.iter_sections():
            if isinstance(section, RelocationSection):
                for relocation in section.iter_relocations():
                    names.add(reloc_name(number, relocation["r_info_type"]))
    return names
