"""pld's errors: each one's exact text, exit status 1, and no output file left behind.

The texts follow GNU ld's (``a.o: in function 'main': a.s:(.text+0x1):
undefined reference to 'foo'``) with pld's ``pld: error:`` prefix, or
``file:line:col: error:`` for a linker script.  A crash is never an
acceptable answer to bad input: exit status 70 (``internal error``) or a
Python traceback fails the test, including for random bytes.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ldutil import REPO, assemble, pld

START = "\t.text\n\t.globl _start\n_start:\n"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def put(directory: Path, name: str, text: str) -> str:
    """Assemble ``text`` into ``directory/name``; returns the name."""
    (directory / name).write_bytes(assemble(text, Path(name).with_suffix(".s").name))
    return name


def fails(directory: Path, *args: str) -> str:
    """Run pld (output 'out'); it must exit 1, print no traceback and write no file."""
    before = set(directory.iterdir())
    status, err = pld("-o", "out", *args)
    assert status == 1, f"exit status {status}:\n{err}"
    assert "Traceback" not in err and "internal error" not in err, err
    assert set(directory.iterdir()) == before, "pld left a file behind"
    return err


def error(text: str) -> str:
    return f"pld: error: {text}\n"


# --- symbols ----------------------------------------------------------------------------

def test_undefined_reference_in_function(workdir):
    put(workdir, "a.o", "\t.file \"a.s\"\n\t.text\n"
        "\t.globl main\n\t.type main, @function\nmain:\tcall foo\n\tret\n")
    assert fails(workdir, "-e", "main", "a.o") == \
        error("a.o: in function 'main': a.s:(.text+0x1): undefined reference to 'foo'")


def test_undefined_reference_untyped_label_without_file_symbol(workdir):
    # GNU ld names the nearest label even without .type, as "in function".
    put(workdir, "a.o", START + "\tnop\n\tcall foo\n")
    assert fails(workdir, "a.o") == \
        error("a.o: in function '_start': a.o:(.text+0x2): undefined reference to 'foo'")


@pytest.mark.parametrize("target, call", [("aarch64", "bl foo"), ("riscv64", "call foo")])
def test_undefined_reference_names_the_function_not_a_mapping_symbol(workdir, target, call):
    # pas marks code with $x (RISC-V: $x<ISA string>) at the same address as main
    text = f"\t.file \"a.s\"\n\t.text\n\t.globl main\n\t.type main, @function\nmain:\t{call}\n"
    (workdir / "a.o").write_bytes(assemble(text, "a.s", target))
    err = fails(workdir, "-e", "main", "a.o")
    assert err == error("a.o: in function 'main': a.s:(.text+0x0): undefined reference to 'foo'")


def test_undefined_reference_from_data(workdir):
    put(workdir, "a.o", START + "\tret\n\t.data\n\t.quad foo\n")
    assert fails(workdir, "a.o") == error("a.o:(.data+0x0): undefined reference to 'foo'")


def test_multiple_definition_names_both_places(workdir):
    put(workdir, "a.o", START + "\tret\n\t.globl dup\ndup:\tret\n")
    put(workdir, "b.o", "\t.text\n\tnop\n\t.globl dup\ndup:\tret\n")
    assert fails(workdir, "a.o", "b.o") == \
        error("b.o:(.text+0x1): multiple definition of 'dup'; "
              "a.o:(.text+0x1): first defined here")


# --- relocations out of range -----------------------------------------------------------

def test_r_x86_64_32_over_4gib(workdir):
    put(workdir, "a.o", START + "\tmovl\t$big, %eax\n")
    assert fails(workdir, "a.o", "--defsym", "big=0x100000000") == \
        error("a.o:(.text+0x1): relocation truncated to fit: R_X86_64_32: value 0x100000000 "
              "is not in [0, 0xffffffff]; references symbol 'big'")


def test_r_x86_64_pc32_too_far(workdir):
    put(workdir, "a.o", START + "\tmovl\tfar(%rip), %eax\n")
    # P = 0x401002 (the field), A = -4: S + A - P = 0x200000000 - 0x401006
    assert fails(workdir, "a.o", "--defsym", "far=0x200000000") == \
        error("a.o:(.text+0x2): relocation truncated to fit: R_X86_64_PC32: value 0x1ffbfeffa "
              "is not in [-2147483648, 2147483647]; references symbol 'far'")


# --- files and options ------------------------------------------------------------------

def test_missing_file(workdir):
    assert fails(workdir, "nosuch.o") == \
        error("cannot find nosuch.o: No such file or directory")


def test_missing_library(workdir):
    put(workdir, "a.o", START + "\tret\n")
    assert fails(workdir, "a.o", "-L.", "-lfoo") == \
        error("cannot find -lfoo: No such file or directory")


def test_unknown_option(workdir):
    assert fails(workdir, "--frobnicate", "a.o") == error("unrecognized option '--frobnicate'")


def test_bad_emulation(workdir):
    put(workdir, "a.o", START + "\tret\n")
    assert fails(workdir, "-m", "elf_vax", "a.o") == \
        error("unrecognised emulation mode: elf_vax") + \
        "Supported emulations: elf_x86_64 elf_i386 elf32_x86_64 aarch64linux aarch64elf " \
        "elf64lriscv\n"


# --- bad input files --------------------------------------------------------------------

def test_truncated_object(workdir):
    put(workdir, "good.o", START + "\tret\n")
    data = (workdir / "good.o").read_bytes()
    (workdir / "short.o").write_bytes(data[:100])
    (workdir / "header.o").write_bytes(data[:30])
    (workdir / "good.o").unlink()
    assert fails(workdir, "short.o") == \
        error("short.o: file truncated (section headers end past the file)")
    assert fails(workdir, "header.o") == error("header.o: file truncated")


def test_corrupt_section_alignment(workdir):
    put(workdir, "a.o", START + "\tret\n")
    data = bytearray((workdir / "a.o").read_bytes())
    shoff = int.from_bytes(data[0x28:0x30], "little")
    text = shoff + 64 * 1                                   # section 1 is .text
    data[text + 0x30:text + 0x38] = (12).to_bytes(8, "little")   # sh_addralign
    (workdir / "a.o").write_bytes(bytes(data))
    assert fails(workdir, "a.o") == \
        error("a.o: section '.text' has alignment 0xc, not a power of 2")


def test_symtab_sh_info_too_large_is_not_trusted(workdir):
    """sh_info of .symtab says where the globals start; pld reads the locals before it in
    bulk, but not when one of them is not local: a wrong sh_info must not turn a global
    into a local (here _start and f would stay undefined)."""
    put(workdir, "a.o", START + "\tcall f\n\tret\n\t.globl f\nf:\tret\n")
    data = bytearray((workdir / "a.o").read_bytes())
    shoff = int.from_bytes(data[0x28:0x30], "little")
    shnum = int.from_bytes(data[0x3C:0x3E], "little")
    for index in range(shnum):
        header = shoff + 64 * index
        if int.from_bytes(data[header + 4:header + 8], "little") == 2:     # SHT_SYMTAB
            count = int.from_bytes(data[header + 0x20:header + 0x28], "little") // 24
            data[header + 0x2C:header + 0x30] = count.to_bytes(4, "little")   # sh_info
    (workdir / "a.o").write_bytes(bytes(data))
    status, err = pld("-o", "out", "a.o")
    assert status == 0 and not err, err
    assert (workdir / "out").exists()


def test_archive_member_not_elf(workdir):
    put(workdir, "a.o", START + "\tret\n")
    (workdir / "notes.txt").write_text("not an object\n")
    if not _have("ar"):
        pytest.skip("ar is not installed")
    subprocess.run(["ar", "rc", "bad.a", "notes.txt", "a.o"], cwd=workdir, check=True)
    (workdir / "notes.txt").unlink()
    (workdir / "a.o").unlink()
    assert fails(workdir, "--whole-archive", "bad.a") == \
        error("bad.a(notes.txt): file format not recognized")


def test_archive_without_index(workdir):
    put(workdir, "a.o", START + "\tcall f\n")
    put(workdir, "f.o", "\t.text\n\t.globl f\nf:\tret\n")
    if not _have("ar"):
        pytest.skip("ar is not installed")
    subprocess.run(["ar", "rcS", "noidx.a", "f.o"], cwd=workdir, check=True)
    assert fails(workdir, "a.o", "noidx.a") == \
        error("noidx.a: error adding symbols: archive has no index; run ranlib to add one")


def _aarch64_object(directory: Path, name: str, machine: int = 183) -> str:
    """An x86-64 object with the header's machine changed to EM_AARCH64 (183)."""
    put(directory, name, "\t.text\n\t.globl g\ng:\tret\n")
    data = bytearray((directory / name).read_bytes())
    data[18:20] = machine.to_bytes(2, "little")
    (directory / name).write_bytes(bytes(data))
    return name


def test_foreign_machine_object_mixed_in(workdir):
    put(workdir, "a.o", START + "\tret\n")
    _aarch64_object(workdir, "arm.o")
    assert fails(workdir, "a.o", "arm.o") == \
        error("arm.o: file in wrong format: ELF machine 183 is not elf_x86_64")


def test_foreign_machine_object_first(workdir):
    _aarch64_object(workdir, "arm.o", machine=40)           # EM_ARM: 32-bit Arm
    assert fails(workdir, "arm.o") == \
        error("unsupported ELF machine 40: pld links x86-64, i386, AArch64 and RISC-V 64")


def test_non_elf_input_that_is_not_a_script(workdir):
    put(workdir, "a.o", START + "\tret\n")
    (workdir / "blob.bin").write_bytes(b"\x01\x02\x03binary\x00\xff")
    assert fails(workdir, "a.o", "blob.bin") == error("blob.bin: file format not recognized")


@pytest.mark.parametrize("how", ["-T", "input"])
def test_linker_script_syntax_error(workdir, how):
    put(workdir, "a.o", START + "\tret\n")
    (workdir / "bad.ld").write_text("SECTIONS {\n  .text : { *(.text) }\n  . = ;\n}\n")
    args = ("-T", "bad.ld", "a.o") if how == "-T" else ("a.o", "bad.ld")
    assert fails(workdir, *args) == \
        "bad.ld:3:7: error: syntax error, unexpected ';', expecting expression\n"


def test_section_name_not_utf8_is_kept(workdir):
    """A section name that is not UTF-8 is copied as bytes (it crashed the writer)."""
    put(workdir, "a.o", START + "\tret\n\t.section .date,\"aw\"\n\t.quad 1\n")
    data = (workdir / "a.o").read_bytes().replace(b".date\0", b".dat\xe9\0")
    (workdir / "a.o").write_bytes(data)
    status, err = pld("-o", "out", "a.o")
    assert (status, err) == (0, "")
    assert b".dat\xe9\0" in (workdir / "out").read_bytes()


# --- random input: an error, never a crash ------------------------------------------------

RICH = "\t.file \"rich.c\"\n" + START + """\
	call	f
	movq	v@GOTPCREL(%rip), %rax
	movl	$v, %eax
	movq	%fs:t@tpoff, %rax
	ret
	.section .text.f,"axG",@progbits,f,comdat
	.globl f
f:	ret
	.data
	.globl v
v:	.quad f, v
	.section .rodata.str1.1,"aMS",@progbits,1
	.string "hi"
	.section .tbss,"awT",@nobits
t:	.zero 8
	.comm c, 16, 8
"""
SEEDS = range(12)


def _random_input(seed: int, valid: bytes) -> bytes:
    """Seed % 3: 0 random bytes, 1 an ELF header then random bytes, 2 a few bytes of a
    valid object changed."""
    r = random.Random(seed)
    if seed % 3 == 0:
        return r.randbytes(r.randrange(1, 2000))
    if seed % 3 == 1:
        return valid[:64] + r.randbytes(r.randrange(0, 2000))
    data = bytearray(valid)
    for _ in range(r.randrange(1, 8)):
        data[r.randrange(len(data))] = r.getrandbits(8)
    return bytes(data)


@pytest.mark.parametrize("seed", SEEDS)
def test_random_input_never_crashes(workdir, seed, full):
    put(workdir, "rich.o", RICH)
    valid = (workdir / "rich.o").read_bytes()
    (workdir / "rich.o").unlink()
    for attempt in range(20 if full else 4):
        (workdir / "in.o").write_bytes(_random_input(seed * 1000 + attempt, valid))
        before = set(workdir.iterdir())
        status, err = pld("-o", "out", "in.o")
        assert status in (0, 1), f"attempt {attempt}: exit status {status}: {err}"
        assert "Traceback" not in err and "internal error" not in err, err
        if status == 1:
            assert set(workdir.iterdir()) == before, "pld left a file behind"
            assert err.startswith("pld: error: ") or ": error: " in err.splitlines()[0], err
        (workdir / "out").unlink(missing_ok=True)


def test_command_line_error_without_traceback(workdir):
    """The ``pld`` command itself (not only main()): status 1, one line, no traceback."""
    result = subprocess.run([sys.executable, "-c",
                             "import sys; from toolchain.ld.cli import main; sys.exit(main())",
                             "-o", "out", "nosuch.o"], cwd=workdir, capture_output=True,
                            text=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert (result.returncode, result.stdout, result.stderr) == \
        (1, "", error("cannot find nosuch.o: No such file or directory"))
    assert not (workdir / "out").exists()


def _have(command: str) -> bool:
    return shutil.which(command) is not None
