"""pld on i386: one tiny input per relocation type and per relaxation.

Each case is assembled by ``pas --32`` together with DEFINITIONS (a second
object defining the symbols), linked by ``pld -m elf_i386`` with a fixed
script, and the output's ``.text`` compared with the bytes written below
(GNU ld's, taken from ``i686-linux-gnu-ld`` on the same objects).  When that
linker is installed, the same objects are linked by it too and the whole
``.text`` compared.  Layout (script SCRIPT): ``.text`` at 0x8049000, the GOT
at 0x804a000 (``_GLOBAL_OFFSET_TABLE_`` right after its slots), ``.data``
after it, the TLS block at 0x804b000 with ``x`` 0x10 below the
thread pointer.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess

import pytest

from toolchain.common import elf
from toolchain.common.diagnostics import Diagnostics
from toolchain.common.elfreader import ElfFile
from toolchain.common.target import find_target
from toolchain.ld.cli import main as pld

assembler = importlib.import_module("toolchain.as.assembler")
GNU_LD = shutil.which("i686-linux-gnu-ld")

SCRIPT = """\
ENTRY(_start)
SECTIONS
{
  . = 0x8049000;
  .text : { *(.text) }
  . = 0x804a000;
  .got : { *(.got) }
  .got.plt : { *(.got.plt) }
  .data : { *(.data) }
  . = 0x804b000;
  .tdata : { *(.tdata) }
  .tbss : { *(.tbss) }
}
"""

# foo: a function; bar: data; x: a TLS variable at TP-0x10 (TLS block
# 0x804b000..0x804b120); abs16/abs8: absolute symbols.
DEFINITIONS = """\
        .text
        .globl foo, ___tls_get_addr
        .type foo, @function
foo:    ret
        .size foo, 1
        .type ___tls_get_addr, @function
___tls_get_addr: ret
        .data
        .globl bar
        .type bar, @object
bar:    .long 0
        .size bar, 4
        .globl abs16, abs8
        .set abs16, 0x1234
        .set abs8, 0x56
        .section .tdata, "awT", @progbits
        .long 1, 2, 3
        .section .tbss, "awT", @nobits
        .align 16
        .zero 0x100
        .globl x
        .type x, @object
x:      .zero 4
        .size x, 4
        .zero 12
"""

HEAD = "        .text\n        .globl _start\n_start:\n"

# (name, main object's text after _start, expected bytes at 0x8049000 in hex)
CASES = [
    ('R_386_32',
     '        .long foo\n        .long bar+8\n        .long foo-4\n',
     '0c 90 04 08 08 a0 04 08 08 90 04 08'),
    ('R_386_PC32',
     '        call foo\n        .long bar-.\n        .long foo+0x10-.\n',
     'e8 08 00 00 00 fb 0f 00 00 14 00 00 00'),
    ('R_386_16',
     '        .word abs16\n        .word abs16-0x2000\n',
     '34 12 34 f2'),
    ('R_386_8',
     '        .byte abs8\n        .byte abs8+0x20\n',
     '56 76'),
    ('R_386_PC16',
     '        .word foo-.\n',
     '02 00'),
    ('R_386_PC8',
     '        .byte foo-.\n',
     '01'),
    ('R_386_PLT32',
     '        call foo@PLT\n        jmp foo@PLT\n',
     'e8 05 00 00 00 e9 00 00 00 00'),
    ('R_386_GOTPC',
     '        call 1f\n1:      popl %ebx\n        addl $_GLOBAL_OFFSET_TABLE_+[.-1b], %ebx\n',
     'e8 00 00 00 00 5b 81 c3 fb 0f 00 00'),
    ('R_386_GOTOFF',
     '        movl bar@GOTOFF(%ebx), %eax\n        leal foo@GOTOFF+4(%ebx), %ecx\n',
     '8b 83 00 00 00 00 8d 8b 10 f0 ff ff'),
    ('R_386_GOT32',
     '        .byte 0x8b, 0x83\n        .reloc ., R_386_GOT32, foo\n        .long 0\n',
     '8b 83 fc ff ff ff'),
    ('R_386_GOT32_no_base',
     '        .byte 0x8b, 0x05\n        .reloc ., R_386_GOT32, foo\n        .long 0\n',
     '8b 05 00 a0 04 08'),
    ('R_386_GOT32X_addend',
     '        movl foo@GOT+4(%ebx), %eax\n',
     '8b 83 00 00 00 00'),
    ('R_386_GOT32X_mov',
     '        movl foo@GOT(%ebx), %eax\n        movl bar@GOT(%ecx), %edx\n',
     'c7 c0 0c 90 04 08 c7 c2 00 a0 04 08'),
    ('R_386_GOT32X_mov_no_base',
     '        .byte 0x8b, 0x0d\n        .reloc ., R_386_GOT32X, bar\n        .long 0\n',
     'c7 c1 00 a0 04 08'),
    ('R_386_GOT32X_call',
     '        call *foo@GOT(%ebx)\n        call *foo@GOT\n',
     '67 e8 06 00 00 00 67 e8 00 00 00 00'),
    ('R_386_GOT32X_jmp',
     '        jmp *foo@GOT(%ebx)\n        jmp *foo@GOT\n',
     'e9 07 00 00 00 90 e9 01 00 00 00 90'),
    ('R_386_GOT32X_alu',
     '        addl foo@GOT(%ebx), %eax\n        cmpl bar@GOT(%ebx), %esi\n        xorl bar@GOT, %edi\n',
     '81 c0 12 90 04 08 81 fe 00 a0 04 08 81 f7 00 a0 04 08'),
    ('R_386_GOT32X_test',
     '        testl %ecx, bar@GOT(%ebx)\n',
     'f7 c1 00 a0 04 08'),
    ('R_386_TLS_LE',
     '        movl %gs:x@ntpoff, %eax\n        movl $x@ntpoff, %ecx\n',
     '65 a1 f0 ff ff ff b9 f0 ff ff ff'),
    ('R_386_TLS_LE_32',
     '        movl %gs:0, %eax\n        subl $x@tpoff, %eax\n',
     '65 a1 00 00 00 00 2d 10 00 00 00'),
    ('R_386_TLS_IE',
     '        movl x@indntpoff, %eax\n        movl x@indntpoff, %ecx\n        addl x@indntpoff, %edx\n',
     'b8 f0 ff ff ff c7 c1 f0 ff ff ff 81 c2 f0 ff ff ff'),
    ('R_386_TLS_GOTIE',
     '        movl x@gotntpoff(%ebx), %ecx\n        addl x@gotntpoff(%ebx), %edx\n        subl x@gotntpoff(%ebx), %esi\n',
     'c7 c1 f0 ff ff ff 81 c2 f0 ff ff ff 81 ee f0 ff ff ff'),
    ('R_386_TLS_IE_32',
     '        movl x@gottpoff(%ebx), %ecx\n        addl x@gottpoff(%ebx), %edx\n        subl x@gottpoff(%ebx), %esi\n',
     'c7 c1 10 00 00 00 81 c2 10 00 00 00 81 ee 10 00 00 00'),
    ('R_386_TLS_GD_sib',
     '        leal x@tlsgd(,%ebx,1), %eax\n        call ___tls_get_addr@PLT\n        nop\n',
     '65 a1 00 00 00 00 81 e8 10 00 00 00 90'),
    ('R_386_TLS_GD_base',
     '        leal x@tlsgd(%ebx), %eax\n        call ___tls_get_addr@PLT\n        nop\n',
     '65 a1 00 00 00 00 81 e8 10 00 00 00'),
    ('R_386_TLS_GD_indirect',
     '        leal x@tlsgd(%ecx), %eax\n        call *___tls_get_addr@GOT(%ecx)\n',
     '65 a1 00 00 00 00 81 e8 10 00 00 00'),
    ('R_386_TLS_LDM',
     '        leal x@tlsldm(%ebx), %eax\n        call ___tls_get_addr@PLT\n        leal x@dtpoff(%eax), %edx\n',
     '65 a1 00 00 00 00 90 8d 74 26 00 8d 90 f0 ff ff ff'),
    ('R_386_TLS_LDM_indirect',
     '        leal x@tlsldm(%ecx), %eax\n        call *___tls_get_addr@GOT(%ecx)\n        movl x@dtpoff+4(%eax), %edx\n',
     '65 a1 00 00 00 00 8d b6 00 00 00 00 8b 90 f4 ff ff ff'),
    ('R_386_TLS_GOTDESC',
     '        leal x@tlsdesc(%ebx), %eax\n        .reloc ., R_386_TLS_DESC_CALL, x\n        .byte 0xff, 0x10\n        leal x@tlsdesc(%ebx), %ecx\n',
     '8d 05 f0 ff ff ff 66 90 8d 0d f0 ff ff ff'),
    ('R_386_SIZE32',
     '        .long foo@SIZE\n        .long bar@SIZE+8\n',
     '01 00 00 00 0c 00 00 00'),
]


def assemble(text: str, name: str) -> bytes:
    diagnostics = Diagnostics("pas")
    data = assembler.assemble(text, name, find_target("i386-linux-gnu"), diagnostics)
    assert data is not None and not diagnostics.failed
    return data


def section_bytes(path, name: str) -> bytes:
    image = ElfFile(path.read_bytes(), str(path))
    for section in image.sections:
        if section.name == name:
            return bytes(image.contents(section))
    raise AssertionError(f"no section {name} in {path}")


def link_case(tmp_path, source: str, *extra: str) -> tuple[int, object, list]:
    main_o, defs_o, script = tmp_path / "a.o", tmp_path / "defs.o", tmp_path / "t.ld"
    main_o.write_bytes(assemble(HEAD + source, "a.s"))
    defs_o.write_bytes(assemble(DEFINITIONS, "defs.s"))
    script.write_text(SCRIPT)
    out = tmp_path / "out"
    args = ["-m", "elf_i386", "-T", str(script), *extra, "-o", str(out),
            str(main_o), str(defs_o)]
    status = pld(args)
    return status, out, args


@pytest.mark.parametrize("name,source,expected", CASES, ids=[c[0] for c in CASES])
def test_relocation(tmp_path, name, source, expected):
    status, out, args = link_case(tmp_path, source)
    assert status == 0
    text = section_bytes(out, ".text")
    want = bytes.fromhex(expected.replace(" ", ""))
    assert text[:len(want)].hex(" ") == want.hex(" ")
    if GNU_LD is None:
        pytest.skip("i686-linux-gnu-ld is not installed: no comparison with GNU ld")
    gnu = tmp_path / "gnu.out"
    args[args.index("-o") + 1] = str(gnu)
    subprocess.run([GNU_LD, *args], check=True)
    assert text.hex(" ") == section_bytes(gnu, ".text").hex(" ")


# --- errors ---------------------------------------------------------------------------

def link_error(tmp_path, capsys, source: str, definitions: str) -> str:
    main_o, defs_o, out = tmp_path / "a.o", tmp_path / "defs.o", tmp_path / "out"
    main_o.write_bytes(assemble(HEAD + source, "a.s"))
    defs_o.write_bytes(assemble(definitions, "defs.s"))
    status = pld(["-m", "elf_i386", "-o", str(out), str(main_o), str(defs_o)])
    assert status == 1 and not out.exists()
    return capsys.readouterr().err


def test_range_errors(tmp_path, capsys):
    far = "        .text\n        .zero 0x100\n        .globl far\nfar:    ret\n" \
          "        .globl big\n        .set big, 0x12345\n"
    err = link_error(tmp_path, capsys, "        .word big\n        .byte far-.\n"
                     "        .word far-.\n", far)
    assert err.splitlines() == [
        f"pld: error: {tmp_path}/a.o:(.text+0x0): relocation truncated to fit: R_386_16: "
        "value 0x12345 is not in [-0x10000, 0xffff]; references symbol 'big'",
        f"pld: error: {tmp_path}/a.o:(.text+0x2): relocation truncated to fit: R_386_PC8: "
        "value 0x103 is not in [-128, 127]; references symbol 'far'",
    ]


def test_bitfield_accepts_what_gnu_ld_accepts(tmp_path):
    # complain_overflow_bitfield on a 32-bit target: [-2**16, 2**16 - 1] for R_386_16.
    # A 32-bit PC-relative field wraps: a call reaches any address.
    defs = ("        .globl low, high, top\n        .set low, -0x10000\n"
            "        .set high, 0xffff\n        .set top, 0xf0000000\n")
    (tmp_path / "a.o").write_bytes(assemble(HEAD + "        .word low, high\n"
                                            "        call top\n", "a.s"))
    (tmp_path / "defs.o").write_bytes(assemble(defs, "defs.s"))
    out = tmp_path / "out"
    assert pld(["-m", "elf_i386", "-o", str(out), str(tmp_path / "a.o"),
                str(tmp_path / "defs.o")]) == 0
    assert section_bytes(out, ".text")[:4] == bytes.fromhex("0000ffff")


def test_tls_transition_error(tmp_path, capsys):
    err = link_error(tmp_path, capsys, "        movl x@gotntpoff(%ebx,%ecx,1), %eax\n",
                     DEFINITIONS)
    assert err == (f"pld: error: {tmp_path}/a.o:(.text+0x3): TLS transition from "
                   "R_386_TLS_GOTIE to R_386_TLS_LE_32 failed: not the code sequence the "
                   "psABI defines; references symbol 'x'\n")


# --- IFUNC: IPLT entry and REL IRELATIVE records ---------------------------------------

def test_iplt_and_irelative(tmp_path):
    source = ("        call ifn@PLT\n        movl ifn@GOT(%ebx), %eax\n"
              "        .long __rel_iplt_start, __rel_iplt_end\n"
              "        .globl ifn\n        .type ifn, @gnu_indirect_function\nifn:    ret\n")
    (tmp_path / "a.o").write_bytes(assemble(HEAD + source, "a.s"))
    out = tmp_path / "out"
    assert pld(["-m", "elf_i386", "-o", str(out), str(tmp_path / "a.o")]) == 0
    image = ElfFile(out.read_bytes(), str(out))
    by_name = {s.name: s for s in image.sections}
    symbols = {s.name: s.value for s in image.symbols}
    ifn = symbols["ifn"]
    got, got_plt = by_name[".got"], by_name[".got.plt"]
    slot = got_plt.addr + 12                               # after the 3 reserved words
    iplt = next(s for s in image.sections if s.flags & elf.SHF_EXECINSTR and s.name != ".text")
    # jmp *slot, padded to 16 bytes; the call goes there, the GOT load keeps its slot.
    assert bytes(image.contents(iplt)) == b"\xff\x25" + slot.to_bytes(4, "little") + \
        bytes.fromhex("0f1f840000000000" "6690")
    text = bytes(image.contents(by_name[".text"]))
    assert int.from_bytes(text[1:5], "little", signed=True) == \
        iplt.addr - (by_name[".text"].addr + 5)
    assert text[5:7] == b"\x8b\x83"
    assert int.from_bytes(text[7:11], "little", signed=True) == got.addr - got_plt.addr
    # Both slots hold the resolver until the REL records are applied at start-up.
    assert bytes(image.contents(got)) == ifn.to_bytes(4, "little")
    assert bytes(image.contents(got_plt))[12:16] == ifn.to_bytes(4, "little")
    rel = next(s for s in image.sections if s.type == elf.SHT_REL)
    records = bytes(image.contents(rel))
    assert records == (got.addr.to_bytes(4, "little") + bytes([elf.R_386_IRELATIVE, 0, 0, 0]) +
                       slot.to_bytes(4, "little") + bytes([elf.R_386_IRELATIVE, 0, 0, 0]))
    start, end = text[11:15], text[15:19]
    assert int.from_bytes(start, "little") == rel.addr
    assert int.from_bytes(end, "little") == rel.addr + 16


def test_relaxed_gd_call_needs_no_tls_get_addr(tmp_path):
    # static libc.a has no ___tls_get_addr: the relaxed sequence's call goes away.
    definitions = DEFINITIONS.replace("___tls_get_addr", "unused_tls_get_addr")
    (tmp_path / "a.o").write_bytes(assemble(
        HEAD + "        leal x@tlsgd(%ebx), %eax\n        call ___tls_get_addr@PLT\n        nop\n"
        "        leal x@tlsldm(%ebx), %eax\n        call ___tls_get_addr@PLT\n", "a.s"))
    (tmp_path / "defs.o").write_bytes(assemble(definitions, "defs.s"))
    out = tmp_path / "out"
    assert pld(["-m", "elf_i386", "-o", str(out), str(tmp_path / "a.o"),
                str(tmp_path / "defs.o")]) == 0
    assert section_bytes(out, ".text")[:23].hex() == \
        "65a100000000" "81e810000000" "65a100000000" "908d742600"
