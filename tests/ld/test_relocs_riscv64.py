"""RISC-V 64 relocations, linked by pld and by GNU ld: the bytes must match.

Each test assembles a few lines with the cross GNU as (pas does not assemble
RISC-V yet; the assembler is only an oracle here), links them with pld
(in-process) and with ``riscv64-linux-gnu-ld --no-relax -z norelro``, and
compares the loaded sections' addresses and bytes.  Mostly with
``--no-relax`` for both: GNU ld shortens more than pld does (pld relaxes
only calls to ``jal``; test_call_relaxation compares that), and still trims
R_RISCV_ALIGN padding then, as pld must.  Some values are also checked
against the psABI formula, so a test fails even if both linkers agreed on a
wrong answer.  Error cases check pld's message and that GNU ld rejects the
same input.

Spec: RISC-V ELF psABI, "Relocations".
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ldutil import Image, gas_objects, gnu_ld, pld, pld_ok, relocation_types

START = "\t.globl _start\n\t.text\n_start:\n"
GNU_OPTIONS = ("--no-relax", "-z", "norelro")      # for the error cases


@pytest.fixture
def link(tmp_path: Path, monkeypatch):
    """link({"a.s": text}, *options, compare=(sections)) -> Image of pld's output, after
    checking that GNU ld's output has the same bytes in ``compare``."""
    monkeypatch.chdir(tmp_path)

    def run(sources: dict[str, str], *options: str, compare=(".text",),
            relax: bool = False) -> Image:
        objects = gas_objects(tmp_path, sources, "riscv64")
        both = options if relax else ("--no-relax", *options)
        pld_ok(*both, "-o", "out", *objects)
        ours = Image(tmp_path / "out")
        ld = gnu_ld("riscv64")
        if ld is None:
            pytest.skip("riscv64-linux-gnu-ld is not installed: no comparison")
        result = subprocess.run([ld, "-z", "norelro", *both, "-o", "out.ld", *objects],
                                cwd=tmp_path, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        theirs = Image(tmp_path / "out.ld")
        for name in compare:
            if ours.section(name)["sh_flags"] & 2:                  # SHF_ALLOC: same place
                assert ours.address(name) == theirs.address(name), f"{name} address"
            assert ours.section_bytes(name).hex() == theirs.section_bytes(name).hex(), name
        assert ours.elf.header["e_flags"] == theirs.elf.header["e_flags"]
        return ours
    return run


# --- data and label differences ---------------------------------------------------------

DATA = START + """\
1:	call	callee
2:	ret
	.data
	.globl d64, d32
d64:	.8byte	target + 5
d32:	.4byte	target + 6
diff64:	.8byte	2b - 1b
diff32:	.4byte	2b - 1b
diff16:	.2byte	2b - 1b
diff8:	.byte	2b - 1b
	.reloc	., R_RISCV_SET8, target
	.byte	0
	.reloc	., R_RISCV_SET16, target
	.2byte	0
	.reloc	., R_RISCV_SET32, target
	.4byte	0
	.reloc	., R_RISCV_32_PCREL, target
	.4byte	0
"""
TARGETS = """\
	.text
	.globl target, callee
target:
callee:	ret
"""


def test_data_relocations(link, tmp_path):
    image = link({"a.s": DATA, "b.s": TARGETS}, compare=(".text", ".data"))
    assert relocation_types(tmp_path / "a.o") >= {
        "R_RISCV_64", "R_RISCV_32", "R_RISCV_ADD64", "R_RISCV_SUB64", "R_RISCV_ADD32",
        "R_RISCV_SUB32", "R_RISCV_ADD16", "R_RISCV_SUB16", "R_RISCV_ADD8", "R_RISCV_SUB8",
        "R_RISCV_SET8", "R_RISCV_SET16",
        "R_RISCV_SET32", "R_RISCV_32_PCREL", "R_RISCV_CALL_PLT"}
    target = image.value("target")
    assert image.u(image.value("d64"), 8) == target + 5                     # S + A
    assert image.u(image.value("d32") + 12, 2) == 8                          # the call's size


# --- code ---------------------------------------------------------------------------

CODE = START + """\
	lui	a0, %hi(data)
	addi	a0, a0, %lo(data)
	sw	a1, %lo(data)(a0)
1:	auipc	a0, %pcrel_hi(data)
	addi	a0, a0, %pcrel_lo(1b)
2:	auipc	a1, %pcrel_hi(data + 8)
	sd	a2, %pcrel_lo(2b)(a1)
	call	callee
	tail	callee
	jal	callee
	beq	a0, a1, near
	c.beqz	a0, near
	c.j	near
near:	nop
	.p2align 4
	.globl aligned
aligned: lla	a3, data
	ret
"""
CALLEE = """\
	.text
	.globl callee
callee:	ret
	.data
	.globl data
data:	.8byte 1, 2
"""


def test_code_relocations(link, tmp_path):
    image = link({"a.s": CODE, "b.s": CALLEE})
    assert relocation_types(tmp_path / "a.o") >= {
        "R_RISCV_HI20", "R_RISCV_LO12_I", "R_RISCV_LO12_S", "R_RISCV_PCREL_HI20",
        "R_RISCV_PCREL_LO12_I", "R_RISCV_PCREL_LO12_S", "R_RISCV_CALL_PLT", "R_RISCV_JAL",
        "R_RISCV_BRANCH", "R_RISCV_RVC_BRANCH", "R_RISCV_RVC_JUMP", "R_RISCV_ALIGN",
        "R_RISCV_RELAX"}
    start, data = image.value("_start"), image.value("data")
    # auipc at _start+12 + addi: %pcrel_hi/%pcrel_lo of data - (_start + 12)
    auipc = image.u(start + 12, 4)
    addi = image.u(start + 16, 4)
    value = ((auipc >> 12) << 12) + ((addi >> 20) - (4096 if addi >> 31 else 0))
    assert (value - (1 << 32) if value >> 31 else value) == data - (start + 12)
    lla = image.value("aligned")
    assert image.u(lla, 4) & 0x7F == 0x17 and lla % 16 == 0     # ALIGN kept .p2align 4


# --- relaxation -------------------------------------------------------------------

RELAX = START + """\
	call	callee
	call	far
	.p2align 3
	.globl after
after:	call	callee
	ret
	.data
	.8byte	after
"""
FAR = """\
	.text
	.globl callee
callee:	ret
	.section .far,"ax"
	.globl far
far:	ret
"""


def test_call_relaxation(link, tmp_path):
    image = link({"a.s": RELAX, "b.s": FAR}, "--section-start=.far=0x2000000",
                 compare=(".text",), relax=True)
    start, after = image.value("_start"), image.value("after")
    assert image.u(start, 4) & 0xFFF == 0x0EF                   # jal ra, callee
    assert image.u(start + 4, 4) & 0x7F == 0x17                 # far: auipc stays
    assert after % 8 == 0 and image.u(image.address(".data"), 8) == after


# --- GOT and TLS ----------------------------------------------------------------------

GOT_TLS = START + """\
	.option push
	.option pic
	la	a0, gv
	.option pop
	la.tls.ie a1, tv2
	add	a1, a1, tp
	lui	a2, %tprel_hi(tv)
	add	a2, a2, tp, %tprel_add(tv)
	ld	a2, %tprel_lo(tv)(a2)
	sd	a3, %tprel_lo(tv)(a2)
	ret
	.data
	.globl gv
gv:	.8byte 1
	.section .tdata,"awT",@progbits
	.globl tv, tv2
tv:	.8byte 1
tv2:	.8byte 2
"""


def test_got_and_tls(link, tmp_path):
    image = link({"a.s": GOT_TLS}, compare=(".text", ".got", ".tdata"))
    assert relocation_types(tmp_path / "a.o") >= {
        "R_RISCV_GOT_HI20", "R_RISCV_TLS_GOT_HI20", "R_RISCV_TPREL_HI20",
        "R_RISCV_TPREL_ADD", "R_RISCV_TPREL_LO12_I", "R_RISCV_TPREL_LO12_S"}
    got = image.section_bytes(".got")
    slots = [int.from_bytes(got[i:i + 8], "little") for i in range(0, len(got), 8)]
    assert image.value("gv") in slots                           # the address
    assert image.value("tv2") in slots                          # S - TP: TP is the block


GENERAL_DYNAMIC = START + """\
	la.tls.gd a0, tv
	call	__tls_get_addr@plt
	ret
	.data
	.dtpreldword tv
	.section .tdata,"awT",@progbits
	.word 0
	.globl tv
tv:	.word 5
"""
TLS_GET_ADDR = "\t.text\n\t.globl __tls_get_addr\n__tls_get_addr:\tret\n"


def test_general_dynamic_keeps_its_got_pair(link, tmp_path):
    image = link({"a.s": GENERAL_DYNAMIC, "b.s": TLS_GET_ADDR},
                 compare=(".text", ".got", ".data"))
    assert "R_RISCV_TLS_GD_HI20" in relocation_types(tmp_path / "a.o")
    got = image.section_bytes(".got")
    slots = [int.from_bytes(got[i:i + 8], "little", signed=True) for i in range(0, len(got), 8)]
    assert slots[-2:] == [1, 4 - 0x800]                         # module 1; offset - 0x800
    assert image.u(image.address(".data"), 8, signed=True) == 4 - 0x800


# --- attributes, flags, __global_pointer$ ----------------------------------------------

SMALL_DATA = START + """\
	lla	gp, __global_pointer$
	ret
	.section .sdata,"aw"
	.globl small
small:	.8byte 7
"""


def test_global_pointer_and_attributes(link, tmp_path):
    image = link({"a.s": SMALL_DATA}, compare=(".text", ".sdata", ".riscv.attributes"))
    assert image.value("__global_pointer$") == image.address(".sdata") + 0x800
    types = [segment["p_type"] for segment in image.elf.iter_segments()]
    assert types[0] in ("PT_RISCV_ATTRIBUTES", 0x70000003)
    assert image.elf.header["e_flags"] & 0x5 == 0x5             # RVC, double-float ABI


# --- errors -------------------------------------------------------------------------

def _both_fail(tmp_path: Path, sources: dict[str, str], *options: str,
               gnu_says: str) -> str:
    objects = gas_objects(tmp_path, sources, "riscv64")
    status, err = pld(*options, "-o", "out", *objects)
    assert status == 1
    assert not (tmp_path / "out").exists()
    ld = gnu_ld("riscv64")
    if ld is not None:
        result = subprocess.run([ld, *GNU_OPTIONS, *options, "-o", "out.ld", *objects],
                                cwd=tmp_path, capture_output=True, text=True)
        assert result.returncode != 0
        assert gnu_says in result.stderr, result.stderr
    return err


def test_jump_out_of_range(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    far = "\t.section .far,\"ax\"\n\t.globl far\nfar:\tret\n"
    # GNU as turns a branch to an unknown symbol into an inverted branch over a jal.
    err = _both_fail(tmp_path, {"a.s": START + "\tbeq a0, a1, far\n\tret\n", "b.s": far},
                     "--section-start=.far=0x10000000",
                     gnu_says="relocation truncated to fit: R_RISCV_JAL")
    assert err.startswith("pld: error: a.o:(.text+0x4): relocation "
                          "truncated to fit: R_RISCV_JAL: value ") and \
        err.endswith(" is not in [-1048576, 1048575]; references symbol 'far'\n"), err


def test_uleb128_pair():
    """SET_ULEB128 then SUB_ULEB128 at one place: the difference, in the field's own
    length (GNU as 2.40 cannot emit these, so no object; the psABI's rule directly)."""
    from toolchain.common import elf
    from toolchain.ld.arch.riscv64 import RiscV64
    arch = RiscV64()
    field = bytearray(b"\x80\x80\x00")                         # 3-byte ULEB128 of 0
    arch.write(field, 0, elf.R_RISCV_SET_ULEB128, 0x10234)
    arch.write(field, 0, elf.R_RISCV_SUB_ULEB128, 0x34)
    assert field == bytes([0x80, 0x80 | 0x04, 0x04])            # 0x10200, still 3 bytes


def test_pcrel_lo_without_its_hi(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = START + "1:\tnop\n\taddi a0, a0, %pcrel_lo(1b)\n\tret\n"
    err = _both_fail(tmp_path, {"a.s": source},
                     gnu_says="dangerous relocation: %pcrel_lo missing matching %pcrel_hi")
    assert "(.text+0x2): dangerous relocation: %pcrel_lo missing matching %pcrel_hi" in err


def test_float_abi_mismatch(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    objects = gas_objects(tmp_path, {"a.s": START + "\tret\n"}, "riscv64")
    (tmp_path / "b.s").write_text("\t.globl f\nf:\tret\n")
    subprocess.run(["riscv64-linux-gnu-as", "-mabi=lp64", "b.s", "-o", "b.o"], cwd=tmp_path,
                   check=True)
    status, err = pld("-o", "out", *objects, "b.o")
    assert (status, err) == (1, "pld: error: b.o: can't link soft-float modules with "
                                "double-float modules\n")
    assert not (tmp_path / "out").exists()


def test_relocatable_output_merges_attributes(tmp_path, monkeypatch):
    """-r keeps one attributes blob (not the inputs' end to end) and the merged e_flags;
    the result links."""
    monkeypatch.chdir(tmp_path)
    objects = gas_objects(tmp_path, {"a.s": START + "\tcall f\n\tret\n",
                                     "b.s": "\t.globl f\nf:\tret\n"}, "riscv64")
    pld_ok("-r", "-o", "both.o", *objects)
    combined = Image(tmp_path / "both.o")
    assert combined.section_bytes(".riscv.attributes").count(b"riscv\0") == 1
    assert combined.elf.header["e_flags"] == 0x5                # RVC, double-float ABI
    pld_ok("-o", "out", "both.o")
    assert Image(tmp_path / "out").value("f") > Image(tmp_path / "out").value("_start")


def test_attributes_of_different_isas_merge(tmp_path, monkeypatch):
    """Tag_RISCV_arch is the union of the inputs' extensions, in canonical order."""
    monkeypatch.chdir(tmp_path)
    objects = gas_objects(tmp_path, {"a.s": START + "\tcall f\n\tret\n"}, "riscv64")
    (tmp_path / "b.s").write_text("\t.globl f\nf:\tret\n")
    subprocess.run(["riscv64-linux-gnu-as", "-march=rv64gcv_zba_zbb_zicbom", "-mabi=lp64d",
                    "b.s", "-o", "b.o"], cwd=tmp_path, check=True)
    pld_ok("--no-relax", "-o", "out", *objects, "b.o")
    ours = Image(tmp_path / "out").section_bytes(".riscv.attributes")
    assert b"_v1p0_" in ours and b"_zba1p0_zbb1p0" in ours
    ld = gnu_ld("riscv64")
    if ld is not None:
        subprocess.run([ld, *GNU_OPTIONS, "-o", "out.ld", *objects, "b.o"], cwd=tmp_path,
                       check=True, capture_output=True)
        assert ours == Image(tmp_path / "out.ld").section_bytes(".riscv.attributes")


# --- local labels (.L*) -----------------------------------------------------------------

LABELS = START + """\
	beqz	a0, .Ltaken
	call	callee
.Lunused:
	nop
	.align	3
.Ltaken:
	ret
	.globl	callee
callee:	ret
	.bss
	.zero	8
"""
# (The .bss keeps pld's output comparable: with no .bss of its own, the default script's
# ". = ALIGN(. != 0 ? 8 : 1)" inside .bss makes pld -- whose '.' is absolute there, not
# relative as in GNU ld -- give an empty .bss the padding to 8 after an odd-sized text.)


def _local_names(image: Image) -> set[str]:
    table = image.section(".symtab")
    return {s.name for s in table.iter_symbols() if s["st_info"]["bind"] == "STB_LOCAL"}


@pytest.mark.parametrize("relax", [False, True])
def test_local_labels_follow_deleted_bytes(link, relax):
    """The assembler keeps .L labels in relaxable code; pld makes them symbols only when
    a relocation names them (-X, the default, leaves them out of the output), so the
    branch to .Ltaken must still land after the call is relaxed and the ALIGN padding
    trimmed -- the same bytes as GNU ld, with or without relaxation."""
    image = link({"a.s": LABELS}, relax=relax)
    assert not any(name.startswith(".L") for name in _local_names(image))


def test_local_labels_kept_with_discard_none(link):
    image = link({"a.s": LABELS}, "--discard-none")
    theirs = Image("out.ld")
    labels = {name for name in _local_names(image) if name.startswith(".L")}
    assert ".Ltaken" in labels        # (GNU as keeps only the labels relocations name)
    assert labels == {name for name in _local_names(theirs) if name.startswith(".L")}
    for name in labels:
        assert image.value(name) == theirs.value(name)
