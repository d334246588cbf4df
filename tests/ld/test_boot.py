"""A freestanding boot sector: ``.code16`` code, a linker script, a flat binary at 0x7C00.

The program prints a message through the BIOS (``int $0x10``, AH=0x0E) and
halts.  pld links it to a 512-byte image ending in the 55 AA signature, in
three ways, and each must be byte for byte what GNU ld gives for the same
input:

* a script placing ``.sig : AT(0x7DFE) { SHORT(0xAA55) }`` after ``.text``
  (the gap up to the signature is the flat image's zero fill);
* a script padding ``.text`` with ``. = 0x1FE;`` before ``SHORT(0xAA55)``
  (GNU ld pads a code section with no-ops, so must pld), with
  ``OUTPUT_FORMAT("binary")`` in the script instead of ``--oformat``;
* no script: ``-Ttext 0x7c00 --oformat binary``, the signature placed by the
  assembler (``.org 510``).

``/DISCARD/`` drops the note sections.  The image then runs in unicorn (when
installed) from 0x7C00 in real mode, and the BIOS calls must print the
message.  Mode ``i386`` is the classic ``ld -m elf_i386`` link of an ELF32
object; mode ``x86_64`` the same source in an ELF64 object (``-m
elf_x86_64``).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ldutil import assemble, gnu_ld, pld

MESSAGE = b"Hello from pcc"
BOOT = """\
	.code16
	.text
	.globl	_start
_start:
	cli
	xorw	%ax, %ax
	movw	%ax, %ds
	movw	%ax, %ss
	movw	$0x7c00, %sp
	sti
	movw	$msg, %si
	movb	$0x0e, %ah
1:	lodsb
	testb	%al, %al
	jz	2f
	int	$0x10
	jmp	1b
2:	hlt
	jmp	2b
msg:	.asciz	"Hello from pcc"
"""
NOTE = '\t.section .note.gnu.property,"a",@note\n\t.long 4, 16, 5\n\t.asciz "GNU"\n' \
       '\t.long 0xc0000002, 4, 3, 0\n'
SIGNATURE = "\t.org 510\n\t.word 0xaa55\n"          # the no-script form

SCRIPTS = {
    "at": """\
ENTRY(_start)
SECTIONS
{
  . = 0x7C00;
  .text : { *(.text) }
  .sig : AT(0x7DFE) { SHORT(0xAA55) }
  /DISCARD/ : { *(.note*) *(.comment) *(.eh_frame) }
}
""",
    "dot": """\
OUTPUT_FORMAT("binary")
ENTRY(_start)
SECTIONS
{
  . = 0x7C00;
  .text : {
    *(.text)
    . = 0x1FE;
    SHORT(0xAA55)
  }
  /DISCARD/ : { *(.note.*) }
}
""",
}
EMULATIONS = {"i386": "elf_i386", "x86_64": "elf_x86_64"}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _link_both(workdir: Path, mode: str, source: str, options: list[str]) -> bytes:
    """pld's image, checked against GNU ld's when ld is installed."""
    (workdir / "boot.o").write_bytes(assemble(source, "boot.s", mode))
    args = ["-m", EMULATIONS[mode], *options, "-o", "boot.bin", "boot.o"]
    status, err = pld(*args)
    assert (status, err) == (0, ""), err
    ours = (workdir / "boot.bin").read_bytes()
    assert len(ours) == 512 and ours[-2:] == b"\x55\xaa"
    ld = gnu_ld(mode)
    if ld is None:
        pytest.skip("GNU ld is not installed: pld's image is not compared with ld's")
    args[args.index("boot.bin")] = "boot.ld.bin"
    subprocess.run([ld, *args], cwd=workdir, check=True, capture_output=True)
    theirs = (workdir / "boot.ld.bin").read_bytes()
    assert ours.hex() == theirs.hex()
    return ours


def run_boot_sector(image: bytes) -> bytes:
    """Run the sector in real mode from 0x7C00; what it printed through int 0x10."""
    unicorn = pytest.importorskip("unicorn", reason="unicorn is not installed: image not run")
    x86 = pytest.importorskip("unicorn.x86_const")
    emu = unicorn.Uc(unicorn.UC_ARCH_X86, unicorn.UC_MODE_16)
    emu.mem_map(0, 0x10000)
    emu.mem_write(0x7C00, image)
    printed = bytearray()

    def interrupt(uc, number, _data):
        if number == 0x10 and uc.reg_read(x86.UC_X86_REG_AH) == 0x0E:
            printed.append(uc.reg_read(x86.UC_X86_REG_AL))
        else:
            uc.emu_stop()
    emu.hook_add(unicorn.UC_HOOK_INTR, interrupt)

    def on_hlt(uc, address, size, _data):
        if uc.mem_read(address, 1) == b"\xf4":
            uc.emu_stop()
    emu.hook_add(unicorn.UC_HOOK_CODE, on_hlt)
    emu.emu_start(0x7C00, 0x7E00, count=10_000)
    return bytes(printed)


@pytest.mark.parametrize("form", sorted(SCRIPTS))
@pytest.mark.parametrize("mode", sorted(EMULATIONS))
def test_boot_sector_with_script(workdir, mode, form):
    (workdir / "boot.lds").write_text(SCRIPTS[form])
    options = ["-T", "boot.lds"] + (["--oformat=binary"] if form == "at" else [])
    image = _link_both(workdir, mode, BOOT + NOTE, options)
    assert image.startswith(bytes.fromhex("fa31c08ed88ed0bc007c"))   # cli; xor; mov...
    msg = image.index(MESSAGE)
    assert image[11] == 0xBE and image[12:14] == (0x7C00 + msg).to_bytes(2, "little")  # movw
    assert run_boot_sector(image) == MESSAGE


@pytest.mark.parametrize("mode", sorted(EMULATIONS))
def test_boot_sector_ttext_without_script(workdir, mode):
    image = _link_both(workdir, mode, BOOT + SIGNATURE,
                       ["-Ttext", "0x7c00", "--oformat", "binary"])
    assert run_boot_sector(image) == MESSAGE
