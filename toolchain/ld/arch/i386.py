"""i386: relocations, GOT and TLS relaxations, and the IPLT entry.

Spec: System V i386 psABI (https://gitlab.com/x86-psABIs/i386-ABI), the
relocation table of chapter 4, and the IA-32 sections of Drepper's "ELF
Handling For Thread-Local Storage".  GNU ld's elf_i386 emulation is the
reference for what a static link does beyond the spec (which relaxations,
which range checks).

Quirks a reader should know:

* Objects use REL: the addend lives in the bytes the relocation patches
  (32 bits signed, or 16/8 bits for R_386_16/PC16/8/PC8), read once when the
  object is loaded.  The R_386_IRELATIVE records of ``.rel.iplt`` are REL too:
  the slot itself holds the resolver's address, and glibc's start-up code
  replaces it with what the resolver returns.
* The address space is 32 bits and wraps: a 32-bit field never overflows
  (``call`` from 0x08049000 reaches 0xf0000000).  16- and 8-bit absolute
  fields and R_386_PC16 are checked the way GNU ld's complain_overflow_bitfield
  does, which accepts [-2**n, 2**n - 1]; R_386_PC8 must fit signed.
* Position-independent code addresses data from a GOT base register
  (usually %ebx) loaded with ``call __x86.get_pc_thunk.bx; addl
  $_GLOBAL_OFFSET_TABLE_, %ebx`` (R_386_GOTPC).  ``_GLOBAL_OFFSET_TABLE_`` is
  the start of ``.got.plt``; GOTOFF is ``S + A - GOT``.
* R_386_GOT32 and GOT32X depend on the instruction they sit in: with a base
  register the field holds the slot's offset from the GOT base (``G + A``),
  without one (``movl foo@GOT, %eax``, ModRM mod=00 r/m=101) the slot's
  absolute address.  GOT32X marks loads GNU ld may rewrite once the symbol's
  address is known; in a (non-PIE) static executable it rewrites them to use
  the address as an immediate: ``mov foo@GOT(%reg), %reg2`` -> ``mov $foo,
  %reg2``; ``add/sub/cmp/... foo@GOT(%reg), %reg2`` -> ``op $foo, %reg2``;
  ``test %reg2, foo@GOT(%reg)`` -> ``test $foo, %reg2``; ``call *foo@GOT(%reg)``
  -> ``addr32 call foo`` and ``jmp *foo@GOT(%reg)`` -> ``jmp foo; nop``.  Only
  a zero addend is relaxed.  Plain GOT32 is left alone.
* TLS uses variant II: the block ends at the thread pointer (%gs:0), so a
  variable's offset from TP is negative.  i386 has both signs in its
  relocations: R_386_TLS_LE / TLS_IE / TLS_GOTIE want ``S - TP`` (used with
  ``%gs:x@ntpoff`` or added to %gs:0), R_386_TLS_LE_32 / TLS_IE_32 want
  ``TP - S`` (``subl $x@tpoff, %eax``).  A static executable relaxes every
  model to local exec; the rewrites below are GNU ld's byte for byte:

  - GD ``leal x@tlsgd(,%ebx,1), %eax; call ___tls_get_addr@PLT``, ``leal
    x@tlsgd(%reg), %eax; call ___tls_get_addr@PLT; nop`` and ``leal
    x@tlsgd(%reg), %eax; call *___tls_get_addr@GOT(%reg)`` all become
    ``movl %gs:0, %eax; subl $TP-S, %eax``;
  - LD ``leal x@tlsldm(%reg), %eax; call ___tls_get_addr`` becomes ``movl
    %gs:0, %eax`` plus padding; the R_386_TLS_LDO_32 offsets that follow
    become TP-relative;
  - IE ``movl x@indntpoff, %reg`` / ``addl``, and ``movl/addl/subl
    x@gotntpoff(%reg), %reg2`` (or ``@gottpoff``) take the offset as an
    immediate;
  - TLS descriptors: ``leal x@tlsdesc(%ebx), %reg`` becomes ``leal
    x@ntpoff, %reg`` and ``call *x@tlscall(%eax)`` a two-byte nop.
* IFUNC symbols are called through an IPLT entry ``jmp *slot`` (absolute
  address, no RIP-relative mode here).
"""

from __future__ import annotations

import struct

from ...common import elf
from . import Arch, RelExpr, RelocationError, check_signed
from .x86_64 import SHORT_NOPS

E = RelExpr

# type -> (what value, field bytes, overflow check: 'b' GNU ld's bitfield,
#          's' signed, '' none -- 32-bit fields wrap in a 32-bit address space)
RELOCATIONS: dict[int, tuple[RelExpr, int, str]] = {
    elf.R_386_NONE: (E.NONE, 0, ""),
    elf.R_386_32: (E.ABS, 4, ""),
    elf.R_386_PC32: (E.PC, 4, ""),
    elf.R_386_GOT32: (E.GOT_OFF, 4, ""),
    elf.R_386_PLT32: (E.PLT_PC, 4, ""),
    elf.R_386_GOTOFF: (E.GOT_REL, 4, ""),
    elf.R_386_GOTPC: (E.GOTPC, 4, ""),
    elf.R_386_TLS_IE: (E.GOTTP, 4, ""),
    elf.R_386_TLS_GOTIE: (E.GOTTP_OFF, 4, ""),
    elf.R_386_TLS_LE: (E.TPREL, 4, ""),
    elf.R_386_TLS_GD: (E.TLSGD_OFF, 4, ""),
    elf.R_386_TLS_LDM: (E.TLSLD_OFF, 4, ""),
    elf.R_386_16: (E.ABS, 2, "b"),
    elf.R_386_PC16: (E.PC, 2, "b"),
    elf.R_386_8: (E.ABS, 1, "b"),
    elf.R_386_PC8: (E.PC, 1, "s"),
    elf.R_386_TLS_LDO_32: (E.DTPREL, 4, ""),
    elf.R_386_TLS_IE_32: (E.GOTTP_NEG_OFF, 4, ""),
    elf.R_386_TLS_LE_32: (E.TPREL_NEG, 4, ""),
    elf.R_386_SIZE32: (E.SIZE, 4, ""),
    elf.R_386_TLS_GOTDESC: (E.TLSGD_OFF, 4, ""),
    elf.R_386_TLS_DESC_CALL: (E.TLS_MARKER, 0, ""),
    elf.R_386_GOT32X: (E.GOT_OFF, 4, ""),
}

# movl %gs:0, %eax; subl $TP-S, %eax -- the local-exec form of every GD sequence.
GD_TO_LE = bytes.fromhex("65a100000000" "81e800000000")
# movl %gs:0, %eax; nop; leal 0(%esi,%eiz,1), %esi -- LD with a direct call (11 bytes).
LD_TO_LE = bytes.fromhex("65a100000000" "90" "8d742600")
# movl %gs:0, %eax; leal 0(%esi), %esi -- LD with call *___tls_get_addr@GOT(%reg) (12 bytes).
LD_TO_LE_INDIRECT = bytes.fromhex("65a100000000" "8db600000000")
# The IPLT entry: jmp *slot, then padding to 16 bytes.
IPLT_ENTRY = bytes.fromhex("ff2500000000" "0f1f840000000000" "6690")
# Two-operand ALU opcodes (Op r32, r/m32) whose GOT32X operand can become an
# immediate (81 /digit); the digit is the ALU operation.
ALU_DIGIT = {0x03: 0, 0x0B: 1, 0x13: 2, 0x1B: 3, 0x23: 4, 0x2B: 5, 0x33: 6, 0x3B: 7}
SIGNED_FIELD = {1: "<b", 2: "<h", 4: "<i"}


def check_bitfield(value: int, bits: int, type_name: str) -> None:
    """GNU ld's complain_overflow_bitfield on a 32-bit target: [-2**n, 2**n - 1]."""
    if not -(1 << bits) <= value < (1 << bits):
        raise RelocationError(f"relocation truncated to fit: {type_name}: value {value:#x} is "
                              f"not in [{-(1 << bits):#x}, {(1 << bits) - 1:#x}]")


def wrap32(value: int) -> int:
    """``value`` as the signed 32-bit number the CPU sees: addresses wrap at 4 GiB."""
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value & 0x80000000 else value


def is_baseless(modrm: int) -> bool:
    """ModRM mod=00 r/m=101: a disp32 operand with no base register."""
    return modrm & 0xC7 == 0x05


def has_base_disp32(modrm: int) -> bool:
    """ModRM mod=10 with a base register and no SIB byte: disp32(%reg)."""
    return modrm & 0xC0 == 0x80 and modrm & 0x07 != 4


class I386(Arch):
    machine = elf.EM_386
    name = "elf_i386"
    wordsize = 4
    uses_rela = False
    default_base = 0x08048000
    max_page_size = 0x1000
    common_page_size = 0x1000
    tls_variant = 2
    irelative_type = elf.R_386_IRELATIVE
    iplt_entry_size = 16
    code_fill_nops = SHORT_NOPS

    rel_expr_reads_code = True          # GOT32 with or without a base register

    def rel_expr(self, type: int, data=None, offset: int = 0) -> RelExpr:
        entry = RELOCATIONS.get(type)
        if entry is None:
            raise RelocationError(f"unsupported relocation type {self.type_name(type)}")
        expr = entry[0]
        # GOT32 without a base register: the slot's absolute address.
        if expr is E.GOT_OFF and data is not None and offset >= 1 and \
                is_baseless(data[offset - 1]):
            return E.GOT
        return expr

    def implicit_addend(self, data, offset: int, type: int) -> int:
        entry = RELOCATIONS.get(type)
        size = entry[1] if entry is not None else 4
        if size == 0 or offset + size > len(data):
            return 0
        return struct.unpack_from(SIGNED_FIELD[size], data, offset)[0]

    def write(self, buf: bytearray, offset: int, type: int, value: int) -> None:
        _, size, check = RELOCATIONS[type]
        if size == 0:
            return
        value = wrap32(value)
        bits = size * 8
        if check == "b":
            check_bitfield(value, bits, self.type_name(type))
        elif check == "s":
            check_signed(value, bits, self.type_name(type))
        buf[offset:offset + size] = (value & ((1 << bits) - 1)).to_bytes(size, "little")

    def _write32(self, buf: bytearray, offset: int, value: int) -> None:
        struct.pack_into("<I", buf, offset, value & 0xFFFFFFFF)

    # --- GOT load relaxation --------------------------------------------------------

    def can_relax_got(self, data, offset: int, type: int) -> bool:
        if type != elf.R_386_GOT32X or offset < 2 or \
                bytes(data[offset:offset + 4]) != b"\0\0\0\0":     # only a zero addend
            return False
        opcode, modrm = data[offset - 2], data[offset - 1]
        if not (is_baseless(modrm) or has_base_disp32(modrm)):
            return False
        if opcode == 0xFF:                                  # call/jmp *foo@GOT(%reg)
            return (modrm >> 3) & 7 in (2, 4)
        return opcode in (0x8B, 0x85) or opcode in ALU_DIGIT

    def relax_got(self, buf: bytearray, offset: int, type: int, value_pc: int,
                  value_abs: int) -> None:
        opcode, modrm = buf[offset - 2], buf[offset - 1]
        reg = (modrm >> 3) & 7
        if opcode == 0xFF and reg == 2:                     # call *foo@GOT -> addr32 call foo
            buf[offset - 2:offset] = b"\x67\xe8"
            self._write32(buf, offset, value_pc - 4)
        elif opcode == 0xFF:                                # jmp *foo@GOT -> jmp foo; nop
            buf[offset - 2] = 0xE9
            self._write32(buf, offset - 1, value_pc - 3)
            buf[offset + 3] = 0x90
        else:
            if opcode == 0x8B:                              # mov foo@GOT -> mov $foo
                buf[offset - 2:offset] = bytes((0xC7, 0xC0 | reg))
            elif opcode == 0x85:                            # test %reg, foo@GOT -> test $foo
                buf[offset - 2:offset] = bytes((0xF7, 0xC0 | reg))
            else:                                           # op foo@GOT, %reg -> op $foo
                buf[offset - 2:offset] = bytes((0x81, 0xC0 | ALU_DIGIT[opcode] << 3 | reg))
            self._write32(buf, offset, value_abs)

    # --- TLS relaxation to local exec ----------------------------------------------

    def relax_tls_gd_to_le(self, buf: bytearray, offset: int, type: int, tpoff: int) -> int:
        if type == elf.R_386_TLS_GOTDESC:       # leal x@tlsdesc(%ebx), %reg -> leal x@ntpoff, %reg
            if offset < 2 or buf[offset - 2] != 0x8D or not has_base_disp32(buf[offset - 1]):
                raise self._transition_failed(type)
            buf[offset - 1] = (buf[offset - 1] & 0x38) | 0x05
            self._write32(buf, offset, tpoff)
            return 0
        after = bytes(buf[offset + 4:offset + 10])            # the call, and a nop after it
        if offset >= 3 and buf[offset - 3:offset] == b"\x8d\x04\x1d" and \
                after[:1] == b"\xe8":
            # leal x@tlsgd(,%ebx,1), %eax; call ___tls_get_addr@PLT
            start = offset - 3
        elif offset >= 2 and buf[offset - 2] == 0x8D and has_base_disp32(buf[offset - 1]) and \
                buf[offset - 1] & 0x38 == 0 and buf[offset - 1] & 7 != 0 and (
                    after[:1] == b"\xe8" and after[5:6] == b"\x90" or
                    after[:1] in (b"\xff", b"\x67")):
            # leal x@tlsgd(%reg), %eax; call ___tls_get_addr@PLT; nop
            # leal x@tlsgd(%reg), %eax; call *___tls_get_addr@GOT(%reg)
            start = offset - 2
        else:
            raise self._transition_failed(type)
        buf[start:start + 12] = GD_TO_LE
        self._write32(buf, start + 8, -tpoff)
        return 1

    def tls_call_relocations(self, type: int) -> int:
        return 0 if type == elf.R_386_TLS_GOTDESC else 1

    def relax_tls_ld_to_le(self, buf: bytearray, offset: int, type: int,
                           block_offset: int = 0) -> int:
        # leal x@tlsldm(%reg), %eax; {call ___tls_get_addr@PLT | call *...@GOT(%reg)}
        if offset < 2 or buf[offset - 2] != 0x8D or not has_base_disp32(buf[offset - 1]) or \
                buf[offset - 1] & 0x38 != 0:
            raise self._transition_failed(type)
        call = bytes(buf[offset + 4:offset + 5])
        if call == b"\xe8":
            buf[offset - 2:offset + 9] = LD_TO_LE
        elif call in (b"\xff", b"\x67"):
            buf[offset - 2:offset + 10] = LD_TO_LE_INDIRECT
        else:
            raise self._transition_failed(type)
        return 1

    def can_relax_tls_ie(self, data, offset: int, type: int) -> bool:
        # A static executable always relaxes; relax_tls_ie_to_le reports an
        # instruction it does not know, as GNU ld does.
        return type in (elf.R_386_TLS_IE, elf.R_386_TLS_GOTIE, elf.R_386_TLS_IE_32)

    def relax_tls_marker(self, buf: bytearray, offset: int, type: int) -> None:
        if type == elf.R_386_TLS_DESC_CALL:             # call *x@tlscall(%eax) -> xchg %ax,%ax
            if buf[offset:offset + 2] != b"\xff\x10":
                raise self._transition_failed(type)
            buf[offset:offset + 2] = b"\x66\x90"

    def relax_tls_ie_to_le(self, buf: bytearray, offset: int, type: int, tpoff: int) -> None:
        if offset < 2:
            raise self._transition_failed(type)
        opcode, modrm = buf[offset - 2], buf[offset - 1]
        reg = (modrm >> 3) & 7
        if type == elf.R_386_TLS_IE:
            # movl x@indntpoff, %eax | movl/addl x@indntpoff, %reg
            if modrm == 0xA1:
                buf[offset - 1] = 0xB8                  # movl $S-TP, %eax
            elif is_baseless(modrm) and opcode in (0x8B, 0x03):
                buf[offset - 2:offset] = bytes((0xC7 if opcode == 0x8B else 0x81, 0xC0 | reg))
            else:
                raise self._transition_failed(type)
            self._write32(buf, offset, tpoff)
            return
        # movl/addl/subl x@gotntpoff(%reg), %reg2 (x@gottpoff for TLS_IE_32)
        if not has_base_disp32(modrm) or opcode not in (0x8B, 0x03, 0x2B):
            raise self._transition_failed(type)
        if opcode == 0x8B:
            buf[offset - 2:offset] = bytes((0xC7, 0xC0 | reg))
        elif opcode == 0x03:
            buf[offset - 2:offset] = bytes((0x81, 0xC0 | reg))
        else:
            buf[offset - 2:offset] = bytes((0x81, 0xE8 | reg))
        self._write32(buf, offset, tpoff if type == elf.R_386_TLS_GOTIE else -tpoff)

    def _transition_failed(self, type: int) -> RelocationError:
        return RelocationError(f"TLS transition from {self.type_name(type)} to "
                               f"R_386_TLS_LE_32 failed: not the code sequence the psABI "
                               f"defines")

    # --- IPLT ----------------------------------------------------------------------------

    def write_iplt_entry(self, buf: bytearray, offset: int, entry_address: int,
                         slot_address: int, got_base: int) -> None:
        buf[offset:offset + 16] = IPLT_ENTRY
        self._write32(buf, offset + 2, slot_address)
