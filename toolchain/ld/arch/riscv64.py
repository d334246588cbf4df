"""RISC-V 64: relocations, the IPLT entry, e_flags, and the hooks for ALIGN.

Spec: RISC-V ELF psABI (https://github.com/riscv-non-isa/riscv-elf-psabi-doc),
"Relocations" and "Thread Local Storage"; instruction formats from the
Unprivileged ISA manual ("Immediate Encoding Variants", the C chapter).
Objects use RELA.

Quirks a reader should know:

* A 32-bit address or offset takes two instructions: ``lui``/``auipc`` with
  the upper 20 bits (%hi, rounded up when bit 11 is set, because the low
  part is sign-extended) and an I- or S-type instruction with the low 12.
* ``%pcrel_lo`` is not relative to its own place: its relocation
  (PCREL_LO12_I/S) names the *label of the auipc*, and its value is the low
  part of whatever the HI20 relocation at that auipc computed (PC-relative
  address, GOT slot, TLS GOT slot).  The core finds that relocation
  (RelExpr.PC_INDIRECT).
* Data relocations come in arithmetic pairs (ADD32 + SUB32 at one place,
  SET6 + SUB6 for DWARF's advance_loc, SET_ULEB128 + SUB_ULEB128): label
  differences stay symbolic because the linker may delete bytes.
* R_RISCV_ALIGN marks NOP padding the assembler inserted at the worst-case
  length; the linker must delete what is not needed (riscv_align.py) --
  always, relaxation or not.  R_RISCV_RELAX marks instructions the linker
  *may* shorten: pld turns near calls into ``jal`` (riscv_relax.py, off
  with --no-relax) and leaves the rest whole, which is always correct.
* TLS uses variant I with no TCB gap: TP points at the TLS block.  Initial
  exec keeps its GOT slot (holding S - TP) as GNU ld does; general dynamic
  too (a slot pair: module 1 and S - block - 0x800, the DTV bias, for
  __tls_get_addr).
* ``__global_pointer$`` comes from the default script; e_flags are the
  inputs' (RVC ORed in, the float ABI must agree), and the inputs'
  ``.riscv.attributes`` are merged into one (riscv_attributes.py).
"""

from __future__ import annotations

import struct

from ...common import elf
from ...common.diagnostics import ToolchainError
from ...common.riscvbits import hi20, lo12, pack_b, pack_cb, pack_cj, pack_i, pack_j, \
    pack_s, pack_u
from . import Arch, RelExpr, RelocationError, check_signed

E = RelExpr
NAMES = elf.RELOC_NAMES[elf.EM_RISCV]

# type -> (what value, field kind).  Kinds: "dN" N-bit data word (no check, as GNU
# ld); "pc32" signed 32-bit data; "add:N"/"sub:N"/"set:N" arithmetic on an N-bit
# field; "uleb:set"/"uleb:sub"; "u" U-type %hi; "i"/"s" I-/S-type %lo; "call" an
# auipc+jalr pair; "b", "j", "cb", "cj" branch and jump offsets; "none".
RELOCATIONS: dict[int, tuple[RelExpr, str]] = {
    elf.R_RISCV_NONE: (E.NONE, "none"),
    elf.R_RISCV_32: (E.ABS, "d32"),
    elf.R_RISCV_64: (E.ABS, "d64"),
    elf.R_RISCV_BRANCH: (E.PC, "b"),
    elf.R_RISCV_JAL: (E.PLT_PC, "j"),
    elf.R_RISCV_CALL: (E.PLT_PC, "call"),
    elf.R_RISCV_CALL_PLT: (E.PLT_PC, "call"),
    elf.R_RISCV_GOT_HI20: (E.GOT_PC, "u"),
    elf.R_RISCV_TLS_GOT_HI20: (E.GOTTP_PC, "u"),
    elf.R_RISCV_PCREL_HI20: (E.PC, "u"),
    elf.R_RISCV_PCREL_LO12_I: (E.PC_INDIRECT, "i"),
    elf.R_RISCV_PCREL_LO12_S: (E.PC_INDIRECT, "s"),
    elf.R_RISCV_HI20: (E.ABS, "u"),
    elf.R_RISCV_LO12_I: (E.ABS, "i"),
    elf.R_RISCV_LO12_S: (E.ABS, "s"),
    elf.R_RISCV_TPREL_HI20: (E.TPREL, "u"),
    elf.R_RISCV_TPREL_LO12_I: (E.TPREL, "i"),
    elf.R_RISCV_TPREL_LO12_S: (E.TPREL, "s"),
    elf.R_RISCV_TPREL_ADD: (E.NONE, "none"),       # marks the add of tp; nothing to write
    elf.R_RISCV_ADD8: (E.ABS, "add:8"),
    elf.R_RISCV_ADD16: (E.ABS, "add:16"),
    elf.R_RISCV_ADD32: (E.ABS, "add:32"),
    elf.R_RISCV_ADD64: (E.ABS, "add:64"),
    elf.R_RISCV_SUB6: (E.ABS, "sub:6"),
    elf.R_RISCV_SUB8: (E.ABS, "sub:8"),
    elf.R_RISCV_SUB16: (E.ABS, "sub:16"),
    elf.R_RISCV_SUB32: (E.ABS, "sub:32"),
    elf.R_RISCV_SUB64: (E.ABS, "sub:64"),
    elf.R_RISCV_SET6: (E.ABS, "set:6"),
    elf.R_RISCV_SET8: (E.ABS, "set:8"),
    elf.R_RISCV_SET16: (E.ABS, "set:16"),
    elf.R_RISCV_SET32: (E.ABS, "set:32"),
    elf.R_RISCV_SET_ULEB128: (E.ABS, "uleb:set"),
    elf.R_RISCV_SUB_ULEB128: (E.ABS, "uleb:sub"),
    elf.R_RISCV_32_PCREL: (E.PC, "pc32"),
    elf.R_RISCV_PLT32: (E.PLT_PC, "pc32"),
    elf.R_RISCV_ALIGN: (E.NONE, "none"),           # padding already trimmed (riscv_align)
    elf.R_RISCV_RELAX: (E.NONE, "none"),           # an optional shortening, not taken
    elf.R_RISCV_RVC_BRANCH: (E.PC, "cb"),
    elf.R_RISCV_RVC_JUMP: (E.PLT_PC, "cj"),
    elf.R_RISCV_TLS_GD_HI20: (E.TLSGD_GOT_PC, "u"),
    elf.R_RISCV_TLS_DTPREL32: (E.DTPREL, "d32"),
    elf.R_RISCV_TLS_DTPREL64: (E.DTPREL, "d64"),
}


NOP = 0x00000013                  # addi x0, x0, 0
C_NOP = 0x0001
# The IPLT entry: auipc t3, %pcrel_hi(slot); ld t3, %pcrel_lo(slot)(t3); jalr t1, t3; nop
IPLT_ENTRY = (0x00000E17, 0x000E3E03, 0x000E0367, NOP)

EF_RISCV_RVC = 0x1
EF_RISCV_FLOAT_ABI = 0x6
EF_RISCV_RVE = 0x8
EF_RISCV_TSO = 0x10
FLOAT_ABI_NAMES = {0: "soft-float", 2: "single-float", 4: "double-float", 6: "quad-float"}


def _read_uleb(buf, offset: int) -> tuple[int, int]:
    value = shift = length = 0
    while True:
        byte = buf[offset + length]
        value |= (byte & 0x7F) << shift
        shift += 7
        length += 1
        if not byte & 0x80:
            return value, length


# --- field writers: one function per field kind, chosen once per relocation type ---------


def _write_nothing(buf: bytearray, offset: int, value: int, name: str) -> None:
    pass


def _data_writer(size: int):
    """An N-bit data word, truncated without a check (as GNU ld)."""
    mask = (1 << size * 8) - 1

    def write(buf: bytearray, offset: int, value: int, name: str) -> None:
        buf[offset:offset + size] = (value & mask).to_bytes(size, "little")
    return write


def _write_pc32(buf: bytearray, offset: int, value: int, name: str) -> None:
    check_signed(value, 32, name)
    buf[offset:offset + 4] = (value & 0xFFFFFFFF).to_bytes(4, "little")


def _arithmetic_writer(op: str, bits: int):
    """ADD/SUB/SET on the low ``bits`` of a field (SUB6/SET6: the low 6 bits of a byte)."""
    size = max(bits // 8, 1)
    mask = (1 << bits) - 1

    def write(buf: bytearray, offset: int, value: int, name: str) -> None:
        old = int.from_bytes(buf[offset:offset + size], "little")
        field = old & mask
        field = field + value if op == "add" else field - value if op == "sub" else value
        buf[offset:offset + size] = ((old & ~mask) | (field & mask)).to_bytes(size, "little")
    return write


def _uleb_writer(op: str):
    def write(buf: bytearray, offset: int, value: int, name: str) -> None:
        old, length = _read_uleb(buf, offset)
        new = (value if op == "set" else old - value) & ((1 << 7 * length) - 1)
        # Keep the field's length: 7 bits a byte, the top bit on all but the last.
        buf[offset:offset + length] = bytes(
            ((new >> 7 * index) & 0x7F) | (0x80 if index < length - 1 else 0)
            for index in range(length))
    return write


def _check_even(value: int, name: str) -> None:
    if value & 1:
        raise RelocationError(f"relocation truncated to fit: {name}: the target "
                              f"{value:#x} bytes away is odd")


def _write_b(buf: bytearray, offset: int, value: int, name: str) -> None:
    _check_even(value, name)
    check_signed(value, 13, name)
    word = int.from_bytes(buf[offset:offset + 4], "little")
    struct.pack_into("<I", buf, offset, (word & 0x01FFF07F) | pack_b(value))


def _write_j(buf: bytearray, offset: int, value: int, name: str) -> None:
    _check_even(value, name)
    check_signed(value, 21, name)
    word = int.from_bytes(buf[offset:offset + 4], "little")
    struct.pack_into("<I", buf, offset, (word & 0xFFF) | pack_j(value))


def _write_cb(buf: bytearray, offset: int, value: int, name: str) -> None:
    _check_even(value, name)
    check_signed(value, 9, name)
    half = int.from_bytes(buf[offset:offset + 2], "little")
    struct.pack_into("<H", buf, offset, ((half & ~0x1C7C) | pack_cb(value)) & 0xFFFF)


def _write_cj(buf: bytearray, offset: int, value: int, name: str) -> None:
    _check_even(value, name)
    check_signed(value, 12, name)
    half = int.from_bytes(buf[offset:offset + 2], "little")
    struct.pack_into("<H", buf, offset, ((half & ~0x1FFC) | pack_cj(value)) & 0xFFFF)


def _check_hi20(value: int, name: str) -> None:
    # auipc/lui + a signed 12-bit low part reach [-2**31 - 0x800, 2**31 - 0x800).
    if not -(1 << 31) <= value + 0x800 < (1 << 31):
        raise RelocationError(f"relocation truncated to fit: {name}: value {value:#x} is "
                              f"not in [{-(1 << 31) - 0x800:#x}, {(1 << 31) - 0x801:#x}]")


def _write_call(buf: bytearray, offset: int, value: int, name: str) -> None:
    """auipc + jalr."""
    _check_hi20(value, name)
    auipc, jalr = struct.unpack_from("<II", buf, offset)
    struct.pack_into("<II", buf, offset, (auipc & 0xFFF) | pack_u(hi20(value)),
                     (jalr & 0xFFFFF) | pack_i(lo12(value)))


def _write_u(buf: bytearray, offset: int, value: int, name: str) -> None:
    _check_hi20(value, name)
    word = int.from_bytes(buf[offset:offset + 4], "little")
    struct.pack_into("<I", buf, offset, (word & 0xFFF) | pack_u(hi20(value)))


def _write_i(buf: bytearray, offset: int, value: int, name: str) -> None:
    word = int.from_bytes(buf[offset:offset + 4], "little")
    struct.pack_into("<I", buf, offset, (word & 0xFFFFF) | pack_i(lo12(value)))


def _write_s(buf: bytearray, offset: int, value: int, name: str) -> None:
    word = int.from_bytes(buf[offset:offset + 4], "little")
    struct.pack_into("<I", buf, offset, (word & 0x01FFF07F) | pack_s(lo12(value)))


def _field_writer(kind: str):
    """The writer of a RELOCATIONS field kind."""
    fixed = {"none": _write_nothing, "pc32": _write_pc32, "b": _write_b, "j": _write_j,
             "cb": _write_cb, "cj": _write_cj, "call": _write_call, "u": _write_u,
             "i": _write_i, "s": _write_s}
    if kind in fixed:
        return fixed[kind]
    if kind[0] == "d":
        return _data_writer(int(kind[1:]) // 8)
    op, _, width = kind.partition(":")
    if op == "uleb":
        return _uleb_writer(width)
    return _arithmetic_writer(op, int(width))


# type -> the function that stores a value in that relocation's field
PATCHERS = {type: _field_writer(kind) for type, (_, kind) in RELOCATIONS.items()}


class RiscV64(Arch):
    machine = elf.EM_RISCV
    name = "elf64lriscv"
    wordsize = 8
    uses_rela = True
    default_base = 0x10000
    max_page_size = 0x1000
    common_page_size = 0x1000
    separate_code = False
    tls_variant = 1
    tls_tcb_size = 0
    dtv_offset = 0x800                 # glibc's TLS_DTV_OFFSET: DTP-relative values are biased
    got_base_symbol_section = ".got"
    got_header_words = 1               # .got[0]: _DYNAMIC, 0 in a static executable
    got_plt_header_words = 2
    got_plt_header_values = (-1, 0)    # GNU ld's: -1 marks the PLT resolver's slot
    gottp_reserves_dynamic_relocation = True
    iplt_needs_got_plt_header = False  # GNU ld puts lone IPLT slots in .igot.plt
    irelative_type = elf.R_RISCV_IRELATIVE
    iplt_entry_size = 16
    code_fill_nops = (b"\0", C_NOP.to_bytes(2, "little"), b"\0\0\0",
                      NOP.to_bytes(4, "little"))

    def rel_expr(self, type: int, data=None, offset: int = 0) -> RelExpr:
        entry = RELOCATIONS.get(type)
        if entry is None:
            raise RelocationError(f"unsupported relocation type {self.type_name(type)}")
        return entry[0]

    def write(self, buf: bytearray, offset: int, type: int, value: int) -> None:
        patch = PATCHERS[type]
        if value >= 1 << 63:                            # addresses wrap at 64 bits
            value -= 1 << 64
        patch(buf, offset, value, NAMES[type])

    # --- before placement -----------------------------------------------------------------

    def prepare_inputs(self, files: list) -> list:
        from .riscv_attributes import merge_attribute_sections
        merged = merge_attribute_sections(files)
        return [merged] if merged is not None else []

    def relax(self, files: list, output_inputs: list[list], enabled: bool) -> None:
        from .riscv_align import trim_alignment_padding
        from .riscv_relax import relax_calls
        if enabled:
            relax_calls(output_inputs)
        trim_alignment_padding(files)

    # --- e_flags -------------------------------------------------------------------------

    def output_flags(self, files) -> int:
        """The inputs' e_flags: RVC if any input uses it; the float ABI must agree."""
        flags = None
        first = None
        for obj in files:
            value = obj.elf.flags
            if flags is None:
                flags, first = value, obj
                continue
            if (value ^ flags) & EF_RISCV_FLOAT_ABI:
                raise ToolchainError(
                    f"{obj.display}: can't link {FLOAT_ABI_NAMES[value & EF_RISCV_FLOAT_ABI]} "
                    f"modules with {FLOAT_ABI_NAMES[flags & EF_RISCV_FLOAT_ABI]} modules")
            if (value ^ flags) & EF_RISCV_RVE:
                raise ToolchainError(f"{obj.display}: can't link RVE with other target "
                                     f"(first: {first.display})")
            flags |= value & (EF_RISCV_RVC | EF_RISCV_TSO)
        return flags or 0

    # --- IPLT ----------------------------------------------------------------------------

    def write_iplt_entry(self, buf: bytearray, offset: int, entry_address: int,
                         slot_address: int, got_base: int) -> None:
        auipc, ld, jalr, nop = IPLT_ENTRY
        distance = slot_address - entry_address
        struct.pack_into("<IIII", buf, offset, auipc | pack_u(hi20(distance)),
                         ld | pack_i(lo12(distance)), jalr, nop)
