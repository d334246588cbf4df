"""AArch64 relocations, linked by pld and by GNU ld: the bytes must match.

Each test assembles a few lines with the cross GNU as (pas does not assemble
AArch64 yet; the assembler is only an oracle here), links the objects with
pld (in-process) and with ``aarch64-linux-gnu-ld``, and compares the
loaded sections' addresses and bytes (GNU ld with ``-z norelro``: pld does not
lay out a RELRO region, which moves the data segment).  A few values are also checked
against the AAELF64 formula, so a test fails even if both linkers agreed
on a wrong answer.  Error cases check pld's message and that GNU ld
rejects the same input.

Spec: ELF for the Arm 64-bit Architecture (AAELF64), 5.7 "Relocation".
"""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

import pytest

from ldutil import Image, gas_objects, gnu_ld, pld, pld_ok, relocation_types

START = "\t.globl _start\n\t.text\n_start:\n"


@pytest.fixture
def link(tmp_path: Path, monkeypatch):
    """link({"a.s": text}, *options, compare=(sections)) -> Image of pld's output, after
    checking that GNU ld's output has the same bytes in ``compare``."""
    monkeypatch.chdir(tmp_path)

    def run(sources: dict[str, str], *options: str, compare=(".text",)) -> Image:
        objects = gas_objects(tmp_path, sources, "aarch64")
        pld_ok(*options, "-o", "out", *objects)
        ours = Image(tmp_path / "out")
        ld = gnu_ld("aarch64")
        if ld is None:
            pytest.skip("aarch64-linux-gnu-ld is not installed: no comparison")
        result = subprocess.run([ld, "-z", "norelro", *options, "-o", "out.ld", *objects],
                                cwd=tmp_path, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        theirs = Image(tmp_path / "out.ld")
        for name in compare:
            assert ours.address(name) == theirs.address(name), f"{name} address"
            assert ours.section_bytes(name).hex() == theirs.section_bytes(name).hex(), name
        return ours
    return run


def word(image: Image, address: int) -> int:
    return image.u(address, 4)


# --- data ---------------------------------------------------------------------------

DATA = START + """\
	ret
	.data
	.globl d64, d32, d16, p64, p32, p16
d64:	.xword target + 5
d32:	.word target + 6
d16:	.hword abs16
p64:	.xword target - .
p32:	.word target - . + 3
p16:	.hword near - .
"""
TARGETS = """\
	.text
	.globl target
target:	ret
	.data
	.globl near
near:	.byte 0
	.globl abs16
	.set abs16, 0xfedc
"""


def test_data_relocations(link, tmp_path):
    image = link({"a.s": DATA, "b.s": TARGETS}, compare=(".text", ".data"))
    assert relocation_types(tmp_path / "a.o") == {
        "R_AARCH64_ABS64", "R_AARCH64_ABS32", "R_AARCH64_ABS16", "R_AARCH64_PREL64",
        "R_AARCH64_PREL32", "R_AARCH64_PREL16"}
    target = image.value("target")
    assert image.u(image.value("d64"), 8) == target + 5                     # S + A
    p32 = image.value("p32")
    assert image.u(p32, 4, signed=True) == target - p32 + 3                 # S + A - P


# --- code ---------------------------------------------------------------------------

CODE = START + """\
	adrp	x0, data
	add	x0, x0, :lo12:data
	ldrb	w1, [x0, #:lo12:data]
	ldrh	w1, [x0, #:lo12:half]
	ldr	w1, [x0, #:lo12:single]
	ldr	x1, [x0, #:lo12:double]
	ldr	q1, [x0, #:lo12:quad]
	adr	x2, callee
	bl	callee
	b	callee
	b.ne	callee
	cbz	x0, callee
	tbz	x0, #3, callee
	ldr	x3, literal
	movz	x4, #:abs_g3:data
	movk	x4, #:abs_g2_nc:data
	movk	x4, #:abs_g1_nc:data
	movk	x4, #:abs_g0_nc:data
	movz	x5, #:abs_g1:data
	movz	x5, #:abs_g0:small
	movz	x6, #:abs_g0_s:negative
	movz	x7, #:abs_g1_s:data
	movz	x8, #:prel_g1:callee
	movk	x8, #:prel_g0_nc:callee
	ret
"""
CALLEE = """\
	.text
	.globl callee, literal
callee:	ret
	.p2align 3
literal: .xword 0x1122334455667788
	.data
	.globl data, half, single, double, quad
data:	.byte 1
	.p2align 1
half:	.hword 2
	.p2align 2
single:	.word 3
	.p2align 3
double:	.xword 4
	.p2align 4
quad:	.zero 16
	.globl small, negative
	.set small, 0x1234
	.set negative, -5
"""


def test_code_relocations(link, tmp_path):
    image = link({"a.s": CODE, "b.s": CALLEE})
    assert relocation_types(tmp_path / "a.o") >= {
        "R_AARCH64_ADR_PREL_PG_HI21", "R_AARCH64_ADD_ABS_LO12_NC",
        "R_AARCH64_LDST8_ABS_LO12_NC", "R_AARCH64_LDST16_ABS_LO12_NC",
        "R_AARCH64_LDST32_ABS_LO12_NC", "R_AARCH64_LDST64_ABS_LO12_NC",
        "R_AARCH64_LDST128_ABS_LO12_NC", "R_AARCH64_ADR_PREL_LO21", "R_AARCH64_CALL26",
        "R_AARCH64_JUMP26", "R_AARCH64_CONDBR19", "R_AARCH64_TSTBR14",
        "R_AARCH64_LD_PREL_LO19", "R_AARCH64_MOVW_UABS_G3", "R_AARCH64_MOVW_UABS_G0",
        "R_AARCH64_MOVW_SABS_G0", "R_AARCH64_MOVW_PREL_G1"}
    start, callee, data = image.value("_start"), image.value("callee"), image.value("data")
    # adrp: Page(S + A) - Page(P) in pages, immlo = bits 1:0, immhi = bits 20:2
    pages = (data >> 12) - (start >> 12)
    adrp = word(image, start)
    assert ((adrp >> 29) & 3) | (((adrp >> 5) & 0x7FFFF) << 2) == pages
    bl = word(image, start + 32)
    assert bl >> 26 == 0x25 and (bl & 0x3FFFFFF) == ((callee - start - 32) >> 2) & 0x3FFFFFF


# --- GOT ----------------------------------------------------------------------------

GOT = START + """\
	adrp	x0, :got:gv
	ldr	x0, [x0, #:got_lo12:gv]
	adrp	x2, _GLOBAL_OFFSET_TABLE_
	ldr	x1, [x2, #:gotpage_lo15:gv2]
	ret
	.data
	.globl gv, gv2
gv:	.xword 1
gv2:	.xword 2
"""


def test_got_slots(link, tmp_path):
    image = link({"a.s": GOT}, compare=(".text", ".got"))
    assert relocation_types(tmp_path / "a.o") == {
        "R_AARCH64_ADR_GOT_PAGE", "R_AARCH64_LD64_GOT_LO12_NC",
        "R_AARCH64_ADR_PREL_PG_HI21", "R_AARCH64_LD64_GOTPAGE_LO15"}
    got = image.section_bytes(".got")
    slots = struct.unpack(f"<{len(got) // 8}Q", got)
    assert slots[0] == 0                                        # .got[0]: _DYNAMIC
    assert {image.value("gv"), image.value("gv2")} <= set(slots[1:])
    assert image.value("_GLOBAL_OFFSET_TABLE_") == image.address(".got")


# --- TLS ----------------------------------------------------------------------------

TLS = START + """\
	mrs	x0, tpidr_el0
	add	x0, x0, #:tprel_hi12:tv, lsl #12
	add	x0, x0, #:tprel_lo12_nc:tv
	movz	x1, #:tprel_g1:tv
	movk	x1, #:tprel_g0_nc:tv
	adrp	x2, :gottprel:tv2
	ldr	x2, [x2, #:gottprel_lo12:tv2]
	adrp	x0, :tlsdesc:tv3
	ldr	x1, [x0, #:tlsdesc_lo12:tv3]
	add	x0, x0, #:tlsdesc_lo12:tv3
	.tlsdesccall tv3
	blr	x1
	adrp	x0, :tlsgd:tv4
	add	x0, x0, #:tlsgd_lo12:tv4
	bl	__tls_get_addr
	nop
	ret
"""
TLS_VARS = """\
	.section .tdata,"awT",@progbits
	.p2align 4
	.globl tv, tv2
tv:	.xword 1
tv2:	.xword 2
	.section .tbss,"awT",@nobits
	.globl tv3, tv4
tv3:	.zero 8
tv4:	.zero 8
	.text
	.globl __tls_get_addr
__tls_get_addr: ret
"""


def test_tls_relaxed_to_local_exec(link, tmp_path):
    image = link({"a.s": TLS, "b.s": TLS_VARS}, compare=(".text",))
    assert not image.has_section(".got")                        # every model became LE
    # st_value of a TLS symbol is its offset in the TLS block, which starts at
    # TP + 16 (the TCB) rounded up to the block's alignment (16 here).
    tv2 = 16 + image.value("tv2")
    movz = word(image, image.value("_start") + 20)              # the relaxed adrp
    assert movz == 0xD2A00000 | (((tv2 >> 16) & 0xFFFF) << 5) | 2
    movk = word(image, image.value("_start") + 24)
    assert movk == 0xF2800000 | ((tv2 & 0xFFFF) << 5) | 2


LOCAL_DYNAMIC = START + """\
	adrp	x0, :tlsldm:lv
	add	x0, x0, #:tlsldm_lo12_nc:lv
	bl	__tls_get_addr
	add	x1, x0, #:dtprel_hi12:lv, lsl #12
	add	x1, x1, #:dtprel_lo12_nc:lv
	ldr	x2, [x0, #:dtprel_lo12:lv]
	ret
	.section .tbss,"awT",@nobits
	.p2align 3
	.zero 8
lv:	.zero 8
	.text
	.globl __tls_get_addr
__tls_get_addr: ret
"""


def test_local_dynamic_relaxed(link, tmp_path):
    image = link({"a.s": LOCAL_DYNAMIC}, compare=(".text",))
    start = image.value("_start")
    assert word(image, start) == 0xD53BD040                      # mrs x0, tpidr_el0
    assert word(image, start + 4) == 0x91000000 | 16 << 10      # add x0, x0, #16 (the TCB)
    assert word(image, start + 8) == 0xD503201F                  # nop
    assert (word(image, start + 16) >> 10) & 0xFFF == 8         # lv's offset in the block


# --- IFUNC --------------------------------------------------------------------------

IFUNC = START + """\
	bl	ifn
	adrp	x0, ifn
	add	x0, x0, :lo12:ifn
	ret
"""
RESOLVER = """\
	.text
	.globl ifn
	.type ifn, %gnu_indirect_function
ifn:	ret
"""


def test_ifunc_goes_through_the_iplt(link, tmp_path):
    image = link({"a.s": IFUNC, "b.s": RESOLVER},
                 compare=(".text", ".plt", ".got.plt", ".rela.plt"))
    rela = image.section_bytes(".rela.plt")
    offset, info, addend = struct.unpack("<QQq", rela)
    assert info == 1032                                         # R_AARCH64_IRELATIVE
    assert addend == image.value("ifn")                         # the resolver
    assert offset == image.address(".got.plt")                  # fills the IPLT's slot
    imm26 = word(image, image.value("_start")) & 0x3FFFFFF     # bl ifn -> its IPLT entry
    offset = (imm26 - (1 << 26) if imm26 >> 25 else imm26) << 2
    assert image.value("_start") + offset == image.address(".plt")
    # The section header as GNU ld writes it: SHF_INFO_LINK, sh_info the slots'
    # section, sh_link the symbol table.
    header = image.section(".rela.plt").header
    assert header["sh_flags"] & 0x40                            # SHF_INFO_LINK
    assert image.elf.get_section(header["sh_info"]).name == ".got.plt"
    assert image.elf.get_section(header["sh_link"]).name == ".symtab"
    theirs = Image(tmp_path / "out.ld").section(".rela.plt").header
    assert (header["sh_flags"], header["sh_entsize"]) == \
        (theirs["sh_flags"], theirs["sh_entsize"])


# --- errors -------------------------------------------------------------------------

def _both_fail(tmp_path: Path, sources: dict[str, str], *options: str) -> str:
    objects = gas_objects(tmp_path, sources, "aarch64")
    status, err = pld(*options, "-o", "out", *objects)
    assert status == 1
    assert not (tmp_path / "out").exists()
    ld = gnu_ld("aarch64")
    if ld is not None:
        result = subprocess.run([ld, *options, "-o", "out.ld", *objects], cwd=tmp_path,
                                capture_output=True, text=True)
        assert result.returncode != 0
        assert "relocation truncated to fit" in result.stderr
    return err


def test_branch_out_of_range(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    far = "\t.section .far,\"ax\"\n\t.globl far\nfar:\tret\n"
    err = _both_fail(tmp_path, {"a.s": START + "\tb.eq far\n\tret\n", "b.s": far},
                     "--section-start=.far=0x10000000")
    value = 0x10000000 - 0x400078
    assert err == (f"pld: error: a.o: in function '_start': (.text+0x0): relocation truncated "
                   f"to fit: R_AARCH64_CONDBR19: value {value:#x} is not in "
                   f"[-1048576, 1048575]; references symbol 'far'\n") or \
        "relocation truncated to fit: R_AARCH64_CONDBR19" in err


def test_misaligned_load_offset(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = START + "\tadrp x0, v\n\tldr x1, [x0, #:lo12:v]\n\tret\n" \
        "\t.data\n\t.byte 1\n\t.globl v\nv:\t.xword 0\n"
    err = _both_fail(tmp_path, {"a.s": source})
    assert "(.text+0x4): relocation truncated to fit: R_AARCH64_LDST64_ABS_LO12_NC: the " \
        "address" in err and "is not a multiple of the access size 8; references symbol 'v'" \
        in err


# --- range-extension veneers ---------------------------------------------------------

FAR_CALLS = START + """\
	bl	far
	mov	x19, x0
	b	far_exit
	.globl	near_exit
near_exit:
	mov	x8, #93
	svc	#0
"""
FAR_CODE = """\
	.section .far,"ax"
	.globl	far
far:	mov	x0, #40
	ret
	.globl	far_exit
far_exit:
	add	x0, x19, #2
	bl	near_exit
"""


def test_call26_jump26_out_of_range_go_through_veneers(tmp_path, monkeypatch):
    """bl/b (CALL26/JUMP26) to code 256 MiB away: each goes to a veneer in its own
    output section (GNU ld's ``adrp x16; add x16; br x16``, named ``__far_veneer``),
    and the program runs: 40 from far, + 2, exit status 42."""
    import shutil
    monkeypatch.chdir(tmp_path)
    objects = gas_objects(tmp_path, {"a.s": FAR_CALLS, "b.s": FAR_CODE}, "aarch64")
    pld_ok("--section-start=.far=0x10000000", "-o", "out", *objects)
    image = Image(tmp_path / "out")
    for caller, veneer, target in (("_start", "__far_veneer", "far"),
                                   ("far_exit", "__near_exit_veneer", "near_exit")):
        symbol = image.symbol(veneer)
        assert symbol["st_info"]["type"] == "STT_FUNC" and symbol["st_size"] == 12
        address = symbol["st_value"]
        # The bl reaches the veneer...
        place = image.value(caller) + (0 if caller == "_start" else 4)
        call = word(image, place)
        assert call >> 26 == 0x25
        assert place + (((call & 0x3FFFFFF) ^ 0x2000000) - 0x2000000) * 4 == address
        # ... which computes the target's address in x16 and branches to it.
        adrp, add, br = (word(image, address + 4 * i) for i in range(3))
        immhi, immlo = (adrp >> 5) & 0x7FFFF, (adrp >> 29) & 3
        pages = (((immhi << 2) | immlo) ^ 0x100000) - 0x100000
        computed = (address & ~0xFFF) + (pages << 12) + ((add >> 10) & 0xFFF)
        assert computed == image.value(target)
        assert adrp & 0x9F00001F == 0x90000010 and br == 0xD61F0200
    b = word(image, image.value("_start") + 8)
    assert b >> 26 == 0x05                                        # the b to far_exit
    assert image.symbol("__far_exit_veneer")["st_value"] == \
        image.value("_start") + 8 + ((((b & 0x3FFFFFF) ^ 0x2000000) - 0x2000000) * 4)
    if shutil.which("qemu-aarch64"):
        result = subprocess.run(["qemu-aarch64", str(tmp_path / "out")], capture_output=True)
        assert result.returncode == 42
    ld = gnu_ld("aarch64")
    if ld is not None:                  # GNU ld links it too (its veneers, same program)
        result = subprocess.run([ld, "--section-start=.far=0x10000000", "-o", "out.ld",
                                 *objects], cwd=tmp_path, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_call26_in_range_has_no_veneer(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    objects = gas_objects(tmp_path, {"a.s": FAR_CALLS, "b.s": FAR_CODE}, "aarch64")
    pld_ok("--section-start=.far=0x1000000", "-o", "out", *objects)      # 12 MiB away
    image = Image(tmp_path / "out")
    assert not any(image.has_symbol(name) for name in
                   ("__far_veneer", "__far_exit_veneer", "__near_exit_veneer"))
    assert image.section(".text")["sh_size"] == 5 * 4              # no thunk section in it
