"""x86-64 relocations and link features, one tiny program each.

Every test assembles a few lines with pas (in-process), links them with pld
(in-process, ``toolchain.ld.cli.main``) and checks the bytes at known
addresses of the output, computed from the psABI formula (S + A - P ...)
with the addresses the output's own symbol table gives.  Where GNU ld is
installed and must produce the same code, the ``.text`` bytes are also
compared with GNU ld's output for the same object (``same_as_gnu_ld``).

Spec: System V AMD64 psABI, 4.4 "Relocation Types"; Drepper, "ELF Handling
For Thread-Local Storage", x86-64 sequences (for the TLS rewrites).
"""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

import pytest

from ldutil import Image, gnu_ld, pld_ok, relocation_types, write_objects

START = "\t.globl _start\n\t.text\n_start:\n"


@pytest.fixture
def link(tmp_path: Path, monkeypatch):
    """link({"a.s": text, ...}, *options) -> Image of the executable pld wrote."""
    monkeypatch.chdir(tmp_path)

    def run(sources: dict[str, str], *options: str, output: str = "out") -> Image:
        objects = write_objects(tmp_path, sources)
        pld_ok(*options, "-o", output, *objects)
        return Image(tmp_path / output)
    return run


def same_as_gnu_ld(tmp_path: Path, *options: str, sections=(".text",)) -> None:
    """Link the objects already in tmp_path with GNU ld too; the sections must match."""
    ld = gnu_ld()
    if ld is None:
        pytest.skip("GNU ld is not installed: the comparison with it is skipped")
    objects = sorted(p.name for p in tmp_path.glob("*.o"))
    result = subprocess.run([ld, *options, "-o", "out.ld", *objects], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    ours, theirs = Image(tmp_path / "out"), Image(tmp_path / "out.ld")
    for name in sections:
        assert ours.address(name) == theirs.address(name), f"{name} address"
        assert ours.section_bytes(name).hex() == theirs.section_bytes(name).hex(), name


def s32(value: int) -> bytes:
    return struct.pack("<i", value)


def u32(value: int) -> bytes:
    return struct.pack("<I", value)


def u64(value: int) -> bytes:
    return struct.pack("<Q", value & (1 << 64) - 1)


# --- data relocations: S + A and S + A - P in every field size --------------------------

DATA = START + """\
	ret
	.data
	.globl d64, d32, d16, d8, pc64, pc32, pc16, pc8
d64:	.quad target + 5
d32:	.long target + 6
pc64:	.quad target - .
pc32:	.long target - . + 3
pc16:	.word near - . + 0x10
pc8:	.byte near - . + 1
d16:	.word abs16
d8:	.byte abs8 + 1
"""
# The targets live in another object, so that pas leaves every field to the linker.
TARGETS = """\
	.text
	.globl target
target:	ret
	.data
	.globl near
near:	.byte 0
	.globl abs16, abs8
	.set abs16, 0xfedc
	.set abs8, 0xab
"""


def test_abs_and_pc_data_fields(link, tmp_path):
    image = link({"a.s": DATA, "b.s": TARGETS})
    assert relocation_types(tmp_path / "a.o") == {
        "R_X86_64_64", "R_X86_64_32", "R_X86_64_PC64", "R_X86_64_PC32", "R_X86_64_PC16",
        "R_X86_64_PC8", "R_X86_64_16", "R_X86_64_8"}
    target, near = image.value("target"), image.value("near")
    assert image.read(image.value("d64"), 8) == u64(target + 5)             # R_X86_64_64
    assert image.read(image.value("d32"), 4) == u32(target + 6)             # R_X86_64_32
    pc64 = image.value("pc64")
    assert image.read(pc64, 8) == u64(target - pc64)                        # R_X86_64_PC64
    pc32 = image.value("pc32")
    assert image.read(pc32, 4) == s32(target - pc32 + 3)                    # R_X86_64_PC32
    pc16 = image.value("pc16")
    assert image.u(pc16, 2, signed=True) == near - pc16 + 0x10              # R_X86_64_PC16
    pc8 = image.value("pc8")
    assert image.u(pc8, 1, signed=True) == near - pc8 + 1                   # R_X86_64_PC8
    assert image.u(image.value("d16"), 2) == 0xfedc                         # R_X86_64_16
    assert image.u(image.value("d8"), 1) == 0xac                            # R_X86_64_8
    same_as_gnu_ld(tmp_path, sections=(".text", ".data"))


CODE = START + """\
	call	callee
	call	callee@PLT
	jmp	elsewhere
	movl	$data, %eax
	movq	$data, %rax
	movq	data(%rip), %rax
	movabsq	$data, %rax
	ret
	.globl callee
callee:	ret
	.data
	.globl data
data:	.quad 1
"""
# In its own object: a jump to a symbol of the same section would be assembled short.
OTHER = "\t.text\n\t.globl elsewhere\nelsewhere:\tret\n"


def test_code_relocations(link, tmp_path):
    image = link({"a.s": CODE, "b.s": OTHER})
    assert relocation_types(tmp_path / "a.o") >= \
        {"R_X86_64_PLT32", "R_X86_64_32", "R_X86_64_32S", "R_X86_64_PC32", "R_X86_64_64"}
    text = image.address(".text")
    callee, data = image.value("callee"), image.value("data")
    elsewhere = image.value("elsewhere")
    code = image.section_bytes(".text")
    assert code[0:5] == b"\xe8" + s32(callee - (text + 5))                  # PC32 (gas: PLT32)
    assert code[5:10] == b"\xe8" + s32(callee - (text + 10))                # PLT32 -> direct
    assert code[10:15] == b"\xe9" + s32(elsewhere - (text + 15))            # jmp: PLT32
    assert code[15:20] == b"\xb8" + u32(data)                               # R_X86_64_32
    assert code[20:27] == bytes.fromhex("48c7c0") + s32(data)               # R_X86_64_32S
    assert code[27:34] == bytes.fromhex("488b05") + s32(data - (text + 34))  # PC32
    assert code[34:44] == bytes.fromhex("48b8") + u64(data)                 # R_X86_64_64
    same_as_gnu_ld(tmp_path)


# --- GOT --------------------------------------------------------------------------------

def test_gotpcrel_keeps_a_got_slot(link, tmp_path):
    # A plain R_X86_64_GOTPCREL (from -mrelax-relocations=no or data) is not relaxable:
    # the slot exists and holds the symbol's address.
    text = START + """\
	movq	.Lslot(%rip), %rax
	ret
	.globl var
var:	.quad 0
	.data
.Lslot:	.long var@GOTPCREL
"""
    image = link({"a.s": text})
    assert relocation_types(tmp_path / "a.o") >= {"R_X86_64_GOTPCREL"}
    assert image.has_section(".got")
    field = image.address(".data")
    slot = field + image.u(field, 4, signed=True)          # G + GOT + A - P
    got = image.section(".got")
    assert got["sh_addr"] <= slot < got["sh_addr"] + got["sh_size"]
    assert image.read(slot, 8) == u64(image.value("var"))


GOTPCRELX = START + """\
	movq	var@GOTPCREL(%rip), %rax
	call	*fn@GOTPCREL(%rip)
	jmp	*fn@GOTPCREL(%rip)
	testq	%rcx, var@GOTPCREL(%rip)
	addq	var@GOTPCREL(%rip), %r9
	cmpq	var@GOTPCREL(%rip), %rdx
	movl	var@GOTPCREL(%rip), %eax
	.globl fn, var
fn:	ret
	.data
var:	.quad 0
"""


def test_gotpcrelx_relaxations(link, tmp_path):
    image = link({"a.s": GOTPCRELX})
    assert relocation_types(tmp_path / "a.o") >= {"R_X86_64_GOTPCRELX", "R_X86_64_REX_GOTPCRELX"}
    text = image.address(".text")
    var, fn = image.value("var"), image.value("fn")
    code = image.section_bytes(".text")
    # mov foo@GOTPCREL(%rip),%rax -> lea foo(%rip),%rax  (REX_GOTPCRELX)
    assert code[0:7].hex() == "488d05" + s32(var - (text + 7)).hex()
    # call *fn@GOTPCREL(%rip) -> addr32 call fn  (GOTPCRELX)
    assert code[7:13].hex() == "67e8" + s32(fn - (text + 13)).hex()
    # jmp *fn@GOTPCREL(%rip) -> jmp fn; nop
    assert code[13:19].hex() == "e9" + s32(fn - (text + 18)).hex() + "90"
    # test %rcx, var@GOTPCREL(%rip) -> test $var, %rcx
    assert code[19:26].hex() == "48f7c1" + u32(var).hex()
    # add var@GOTPCREL(%rip), %r9 -> add $var, %r9 (REX.R moves to REX.B)
    assert code[26:33].hex() == "4981c1" + u32(var).hex()
    # cmp var@GOTPCREL(%rip), %rdx -> cmp $var, %rdx
    assert code[33:40].hex() == "4881fa" + u32(var).hex()
    # movl (no REX) with GOTPCRELX -> lea
    assert code[40:46].hex() == "8d05" + s32(var - (text + 46)).hex()
    assert not image.has_section(".got") or image.section(".got")["sh_size"] == 0


def test_gotoff64_and_gotpc32(link, tmp_path):
    text = START + """\
	leaq	_GLOBAL_OFFSET_TABLE_(%rip), %rbx
	movabsq	$var@GOTOFF, %rax
	ret
	.data
	.globl var
var:	.quad 0
"""
    image = link({"a.s": text})
    assert relocation_types(tmp_path / "a.o") >= {"R_X86_64_GOTPC32", "R_X86_64_GOTOFF64"}
    got = image.value("_GLOBAL_OFFSET_TABLE_")
    assert got == image.address(".got.plt")
    code = image.section_bytes(".text")
    text_at = image.address(".text")
    assert code[0:7].hex() == "488d1d" + s32(got - (text_at + 7)).hex()    # GOTPC32: GOT + A - P
    assert code[7:17].hex() == "48b8" + u64(image.value("var") - got).hex()  # GOTOFF64: S + A - GOT


def test_size32_and_size64(link, tmp_path):
    text = START + """\
	ret
	.data
	.globl obj
	.type obj, @object
	.size obj, 24
obj:	.zero 24
s32:	.long obj@SIZE + 1
s64:	.quad obj@SIZE
"""
    image = link({"a.s": text})
    assert relocation_types(tmp_path / "a.o") >= {"R_X86_64_SIZE32", "R_X86_64_SIZE64"}
    at = image.value("obj") + 24
    assert image.read(at, 4) == u32(25)                 # R_X86_64_SIZE32: Z + A
    assert image.read(at + 4, 8) == u64(24)             # R_X86_64_SIZE64


# --- TLS: every model becomes local exec in a static executable --------------------------

TLS_DATA = """\
	.section .tdata,"awT",@progbits
	.globl tv1, tv2
	.align 8
tv1:	.quad 0x1111
tv2:	.quad 0x2222
	.section .tbss,"awT",@nobits
	.globl tb
	.align 8
tb:	.zero 16
"""


def tp_offsets(image: Image) -> dict[str, int]:
    """S - TP for the TLS symbols: variant II, the block ends at TP (aligned)."""
    tls = next(s for s in image.elf.iter_segments() if s["p_type"] == "PT_TLS")
    align = max(tls["p_align"], 1)
    tp = tls["p_vaddr"] + (tls["p_memsz"] + align - 1) // align * align
    # st_value of a TLS symbol in an executable is its offset in the TLS block
    return {name: tls["p_vaddr"] + image.value(name) - tp for name in ("tv1", "tv2", "tb")}


def test_tpoff32_local_exec(link, tmp_path):
    text = START + "\tmovq\t%fs:tv2@tpoff, %rax\n\tret\n" + TLS_DATA
    image = link({"a.s": text})
    assert relocation_types(tmp_path / "a.o") >= {"R_X86_64_TPOFF32"}
    offsets = tp_offsets(image)
    assert offsets["tv2"] < 0
    assert image.section_bytes(".text")[:9].hex() == "64488b0425" + s32(offsets["tv2"]).hex()


def test_gottpoff_initial_exec_to_local_exec(link, tmp_path):
    text = START + """\
	movq	tv1@gottpoff(%rip), %rax
	movq	tb@gottpoff(%rip), %r12
	movq	%fs:0, %rdx
	addq	tv2@gottpoff(%rip), %rdx
	addq	tb@gottpoff(%rip), %r11
	ret
""" + TLS_DATA
    image = link({"a.s": text})
    assert relocation_types(tmp_path / "a.o") >= {"R_X86_64_GOTTPOFF"}
    off = tp_offsets(image)
    code = image.section_bytes(".text")
    assert code[0:7].hex() == "48c7c0" + s32(off["tv1"]).hex()      # mov -> mov $imm, %rax
    assert code[7:14].hex() == "49c7c4" + s32(off["tb"]).hex()      # r12: REX.B
    assert code[23:30].hex() == "4881c2" + s32(off["tv2"]).hex()    # add -> add $imm, %rdx
    assert code[30:37].hex() == "4981c3" + s32(off["tb"]).hex()     # r11


def test_tlsgd_general_dynamic_to_local_exec(link, tmp_path):
    text = START + """\
	.byte	0x66
	leaq	tv2@tlsgd(%rip), %rdi
	.value	0x6666
	rex64
	call	__tls_get_addr@PLT
	movq	(%rax), %rax
	ret
	.globl __tls_get_addr
__tls_get_addr:
	ud2
""" + TLS_DATA
    image = link({"a.s": text})
    assert relocation_types(tmp_path / "a.o") >= {"R_X86_64_TLSGD", "R_X86_64_PLT32"}
    off = tp_offsets(image)
    code = image.section_bytes(".text")
    # mov %fs:0,%rax; lea x@tpoff(%rax),%rax
    assert code[0:16].hex() == "64488b042500000000488d80" + s32(off["tv2"]).hex()
    assert code[16:19].hex() == "488b00"
    same_as_gnu_ld(tmp_path)


def test_tlsld_local_dynamic_to_local_exec_with_dtpoff32(link, tmp_path):
    text = START + """\
	leaq	tv1@tlsld(%rip), %rdi
	call	__tls_get_addr@PLT
	movq	tv2@dtpoff(%rax), %rcx
	leaq	tb@dtpoff(%rax), %rdx
	ret
	.globl __tls_get_addr
__tls_get_addr:
	ud2
""" + TLS_DATA
    image = link({"a.s": text})
    assert relocation_types(tmp_path / "a.o") >= \
        {"R_X86_64_TLSLD", "R_X86_64_PLT32", "R_X86_64_DTPOFF32"}
    off = tp_offsets(image)
    code = image.section_bytes(".text")
    # data16 x3; mov %fs:0,%rax -- then R_X86_64_DTPOFF32 holds S - TP after relaxation
    assert code[0:12].hex() == "666666" + "64488b042500000000"
    assert code[12:19].hex() == "488b88" + s32(off["tv2"]).hex()
    assert code[19:26].hex() == "488d90" + s32(off["tb"]).hex()
    same_as_gnu_ld(tmp_path)


# --- IFUNC ------------------------------------------------------------------------------

IFUNC = START + """\
	call	pick
	movq	$pick, %rax
	leaq	pick(%rip), %rcx
	ret
	.globl pick
	.type pick, @gnu_indirect_function
pick:	leaq	impl(%rip), %rax
	ret
impl:	ret
	.data
ptr:	.quad pick
	.globl __rela_iplt_start, __rela_iplt_end
	.quad __rela_iplt_start, __rela_iplt_end
"""


def test_ifunc_called_and_address_taken(link, tmp_path):
    image = link({"a.s": IFUNC})
    assert relocation_types(tmp_path / "a.o") >= \
        {"R_X86_64_PLT32", "R_X86_64_32S", "R_X86_64_PC32", "R_X86_64_64"}
    start, end = image.value("__rela_iplt_start"), image.value("__rela_iplt_end")
    assert end - start == 24, "one Elf64_Rela record"
    r_offset, r_info, r_addend = struct.unpack("<QQq", image.read(start, 24))
    assert r_info == 37                                      # R_X86_64_IRELATIVE, symbol 0
    assert r_addend == image.value("pick")                   # the resolver
    iplt = image.address(".iplt") if image.has_section(".iplt") else \
        image.address(".plt")
    entry = image.read(iplt, 6)
    assert entry[:2] == b"\xff\x25"                          # jmp *slot(%rip)
    assert iplt + 6 + struct.unpack("<i", entry[2:])[0] == r_offset
    text = image.address(".text")
    code = image.section_bytes(".text")
    assert code[0:5] == b"\xe8" + s32(iplt - (text + 5))     # call -> the IPLT entry
    assert code[5:12] == bytes.fromhex("48c7c0") + s32(iplt)  # address taken: the entry
    assert code[12:19] == bytes.fromhex("488d0d") + s32(iplt - (text + 19))
    assert image.read(image.address(".data"), 8) == u64(iplt)


# --- symbols ----------------------------------------------------------------------------

def test_common_symbols(link):
    a = START + "\tmovq\tbuf(%rip), %rax\n\tret\n\t.comm buf, 64, 32\n"
    b = "\t.comm buf, 128, 16\n\t.comm other, 4, 4\n"
    image = link({"a.s": a, "b.s": b})
    buf = image.symbol("buf")
    # the largest size and the strictest alignment win
    assert buf["st_value"] % 32 == 0 and buf["st_size"] == 128
    assert image.elf.get_section(buf["st_shndx"]).name == ".bss"
    assert image.read(buf["st_value"], 128) == bytes(128)


def test_weak_undefined_is_zero(link):
    text = START + """\
	ret
	.weak missing
	.data
	.quad missing
	.quad missing + 16
"""
    image = link({"a.s": text})
    assert image.read(image.address(".data"), 16) == u64(0) + u64(16)


def test_comdat_group_second_copy_discarded(link):
    group = """\
	.section .text.f,"axG",@progbits,f,comdat
	.globl f
	.type f, @function
f:	movl	${}, %eax
	ret
"""
    a = START + "\tcall f\n\tret\n" + group.format(1)
    b = "\t.text\n\t.globl g\ng:\tcall f\n\tret\n" + group.format(2)
    image = link({"a.s": a, "b.s": b})
    f = image.value("f")
    assert image.read(f, 6) == bytes.fromhex("b801000000c3")        # the first copy
    assert b"\xb8\x02\x00\x00\x00" not in image.section_bytes(".text")


def _link_strings(link) -> tuple[Image, tuple[int, int], tuple[int, int]]:
    image = link({"a.s": START + "\tret\n" + STRINGS.format("a"), "b.s": STRINGS.format("b")})
    pa = struct.unpack("<QQ", image.read(image.value("pa"), 16))
    pb = struct.unpack("<QQ", image.read(image.value("pb"), 16))
    return image, pa, pb


STRINGS = """\
	.section .rodata.str1.1,"aMS",@progbits,1
.L{0}:	.string "hello"
.L{0}b:	.string "world"
	.data
	.globl p{0}
p{0}:	.quad .L{0}
	.quad .L{0}b
"""


def test_merge_strings_addresses(link):
    image, pa, pb = _link_strings(link)
    for first, second in (pa, pb):
        assert image.read(first, 6) == b"hello\0" and image.read(second, 6) == b"world\0"


def test_merge_strings_share_one_copy(link):
    image, pa, pb = _link_strings(link)
    assert pa == pb
    assert image.section_bytes(".rodata").count(b"hello\0") == 1


def test_start_stop_symbols(link):
    text = START + """\
	ret
	.section my_items,"aw",@progbits
	.quad 1, 2, 3
	.data
bounds:	.quad __start_my_items, __stop_my_items
"""
    image = link({"a.s": text})
    start, stop = struct.unpack("<QQ", image.read(image.address(".data"), 16))
    assert start == image.address("my_items") and stop - start == 24
    assert image.read(start, 24) == u64(1) + u64(2) + u64(3)


# --- options ----------------------------------------------------------------------------

def test_defsym(link):
    text = START + "\tmovl\t$magic, %eax\n\tcall\tfar_fn\n\tret\n"
    image = link({"a.s": text}, "--defsym=magic=0x1234", "--defsym", "far_fn=_start+0x20")
    text_at = image.address(".text")
    code = image.section_bytes(".text")
    assert code[0:5] == b"\xb8" + u32(0x1234)
    assert code[5:10] == b"\xe8" + s32(text_at + 0x20 - (text_at + 10))
    assert image.value("magic") == 0x1234


def test_entry_option(link):
    text = START + "\tret\n\t.globl other\nother:\tnop\n\tret\n"
    image = link({"a.s": text}, "-e", "other")
    assert image.entry == image.value("other") == image.value("_start") + 1
    assert link({"a.s": text}, output="default").entry == image.value("_start")


def test_code_padding_is_nops_like_gnu_ld(link, tmp_path):
    """Alignment gaps between input sections of .text are no-ops, as GNU ld writes them."""
    a = START + "\tcall\tf\n\tret\n"
    b = "\t.text\n\t.p2align 5\n\t.globl f\nf:\tret\n"
    image = link({"a.s": a, "b.s": b})
    code = image.section_bytes(".text")
    nop10, nop6 = bytes.fromhex("662e0f1f840000000000"), bytes.fromhex("660f1f440000")
    assert code[6:32] == nop10 * 2 + nop6                  # 26 bytes: the longest first
    assert code[32] == 0xC3
    same_as_gnu_ld(tmp_path)


def test_gc_sections(link, tmp_path):
    text = START + """\
	call	used
	ret
	.section .text.used,"ax",@progbits
used:	ret
	.section .text.unused,"ax",@progbits
	.globl unused
unused:	.byte 0xcc, 0xcc, 0xcc
	.section .keepme,"a",@progbits
	.byte 0x5a, 0x5a, 0x5a, 0x5a
	.section .dropme,"a",@progbits
	.byte 0x77, 0x77, 0x77, 0x77
"""
    script = """\
SECTIONS {
  . = 0x400000 + SIZEOF_HEADERS;
  .text : { *(.text .text.*) }
  .keep : { KEEP(*(.keepme)) }
  .drop : { *(.dropme) }
}
"""
    (tmp_path / "gc.ld").write_text(script)
    image = link({"a.s": text}, "--gc-sections", "-T", "gc.ld")
    code = image.section_bytes(".text")
    assert b"\xcc\xcc\xcc" not in code and not image.has_symbol("unused")
    assert code[0] == 0xE8 and len(code) == 7                    # _start and used only
    assert image.section_bytes(".keep") == b"\x5a" * 4
    assert not image.has_section(".drop") or image.section(".drop")["sh_size"] == 0
    full = link({"a.s": text}, "-T", "gc.ld", output="nogc")
    assert b"\xcc\xcc\xcc" in full.section_bytes(".text")


def test_ttext(link, tmp_path):
    image = link({"a.s": CODE, "b.s": OTHER}, "-Ttext=0x200000")
    assert image.address(".text") == 0x200000 and image.entry == 0x200000
    code = image.section_bytes(".text")
    assert code[15:20] == b"\xb8" + u32(image.value("data"))
    same_as_gnu_ld(tmp_path, "-Ttext=0x200000")


def test_oformat_binary(link, tmp_path):
    text = """\
	.text
	.globl _start
_start:	movl	$msg, %esi
	jmp	.
msg:	.ascii "hi"
"""
    write_objects(tmp_path, {"a.s": text})
    pld_ok("--oformat=binary", "-Ttext=0x1000", "-o", "flat.bin", "a.o")
    assert (tmp_path / "flat.bin").read_bytes() == \
        bytes.fromhex("be") + u32(0x1007) + bytes.fromhex("ebfe") + b"hi"
    ld = gnu_ld()
    if ld is None:
        pytest.skip("GNU ld is not installed: the comparison with it is skipped")
    subprocess.run([ld, "--oformat=binary", "-Ttext=0x1000", "-o", "flat.ld", "a.o"],
                   cwd=tmp_path, check=True, capture_output=True)
    assert (tmp_path / "flat.bin").read_bytes() == (tmp_path / "flat.ld").read_bytes()


def test_linked_program_runs(link, tmp_path):
    """The executable pld writes starts, and its data segment is where the code expects."""
    text = START + """\
	movq	value(%rip), %rdi
	addq	$40, %rdi
	movl	$60, %eax
	syscall
	.data
value:	.quad 2
"""
    link({"a.s": text})
    result = subprocess.run([str(tmp_path / "out")], timeout=10)
    assert result.returncode == 42
