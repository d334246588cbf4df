"""x86-64: relocations, GOT and TLS relaxations, and the IPLT entry.

Spec: System V AMD64 psABI (https://gitlab.com/x86-psABIs/x86-64-ABI),
section 4.4 "Relocation Types" and the TLS chapter of Drepper's "ELF
Handling For Thread-Local Storage".  Objects use RELA: the addend is in the
relocation record, never in the bytes.

Quirks a reader should know:

* Fields are 8, 16, 32 or 64 bits.  ``R_X86_64_32`` zero-extends (the value
  must fit unsigned), ``R_X86_64_32S`` sign-extends (it must fit signed) --
  which is why non-PIC code must live in the low 2 GiB.
* ``R_X86_64_GOTPCRELX`` / ``REX_GOTPCRELX`` mark GOT loads the linker may
  rewrite when the symbol's address is known at link time: ``mov
  foo@GOTPCREL(%rip), %reg`` becomes ``lea foo(%rip), %reg``; ``call/jmp
  *foo@GOTPCREL(%rip)`` become direct (``addr32 call`` / ``jmp; nop`` keep the
  length); with a REX prefix, ``test``/``add``/``cmp``... of the loaded
  value take the address as an immediate.
* TLS uses variant II: the TLS block ends at the thread pointer (%fs:0), so
  local-exec offsets are negative.  A static executable relaxes every model
  to local exec: general dynamic (``lea x@tlsgd(%rip),%rdi; call
  __tls_get_addr``), local dynamic and initial exec (``mov
  x@gottpoff(%rip),%reg``) sequences are rewritten in place to ``mov
  %fs:0,%rax`` plus a constant offset, the byte patterns coming from the
  psABI's TLS section.
* IFUNC symbols are called through an IPLT entry ``jmp *slot(%rip)``; the
  slot is filled at start-up from an ``R_X86_64_IRELATIVE`` record that
  glibc's static start-up code applies between ``__rela_iplt_start`` and
  ``__rela_iplt_end``.
"""

from __future__ import annotations

import struct

from ...common import elf
from . import Arch, RelExpr, RelocationError, check_either, check_signed, check_unsigned

E = RelExpr

# type -> (what value, field bytes, overflow check: 's' signed, 'u' unsigned,
#          'b' either, '' none)
RELOCATIONS: dict[int, tuple[RelExpr, int, str]] = {
    elf.R_X86_64_NONE: (E.NONE, 0, ""),
    elf.R_X86_64_64: (E.ABS, 8, ""),
    elf.R_X86_64_PC32: (E.PC, 4, "s"),
    elf.R_X86_64_GOT32: (E.GOT_OFF, 4, "s"),
    elf.R_X86_64_PLT32: (E.PLT_PC, 4, "s"),
    elf.R_X86_64_GOTPCREL: (E.GOT_PC, 4, "s"),
    elf.R_X86_64_32: (E.ABS, 4, "u"),
    elf.R_X86_64_32S: (E.ABS, 4, "s"),
    elf.R_X86_64_16: (E.ABS, 2, "b"),
    elf.R_X86_64_PC16: (E.PC, 2, "s"),
    elf.R_X86_64_8: (E.ABS, 1, "b"),
    elf.R_X86_64_PC8: (E.PC, 1, "s"),
    elf.R_X86_64_DTPOFF32: (E.DTPREL, 4, "s"),
    elf.R_X86_64_DTPOFF64: (E.DTPREL, 8, ""),
    elf.R_X86_64_TPOFF32: (E.TPREL, 4, "s"),
    elf.R_X86_64_TPOFF64: (E.TPREL, 8, ""),
    elf.R_X86_64_TLSGD: (E.TLSGD_PC, 4, "s"),
    elf.R_X86_64_TLSLD: (E.TLSLD_PC, 4, "s"),
    elf.R_X86_64_GOTTPOFF: (E.GOTTP_PC, 4, "s"),
    elf.R_X86_64_PC64: (E.PC, 8, ""),
    elf.R_X86_64_GOTOFF64: (E.GOT_REL, 8, ""),
    elf.R_X86_64_GOTPC32: (E.GOTPC, 4, "s"),
    elf.R_X86_64_GOTPC64: (E.GOTPC, 8, ""),
    elf.R_X86_64_GOT64: (E.GOT_OFF, 8, ""),
    elf.R_X86_64_GOTPCREL64: (E.GOT_PC, 8, ""),
    elf.R_X86_64_GOTPLT64: (E.GOT_OFF, 8, ""),
    elf.R_X86_64_PLTOFF64: (E.GOT_REL, 8, ""),
    elf.R_X86_64_SIZE32: (E.SIZE, 4, "u"),
    elf.R_X86_64_SIZE64: (E.SIZE, 8, ""),
    elf.R_X86_64_GOTPC32_TLSDESC: (E.TLSGD_PC, 4, "s"),
    elf.R_X86_64_TLSDESC_CALL: (E.TLS_MARKER, 0, ""),
    elf.R_X86_64_GOTPCRELX: (E.GOT_PC, 4, "s"),
    elf.R_X86_64_REX_GOTPCRELX: (E.GOT_PC, 4, "s"),
}

# mov %fs:0,%rax; lea x@tpoff(%rax),%rax -- replaces the 16-byte GD sequence.
GD_TO_LE = bytes.fromhex("64488b042500000000488d8000000000")
# mov %fs:0,%rax with data16 prefixes as padding -- replaces the LD sequence.
LD_TO_LE = bytes.fromhex("666666" "64488b042500000000")
# The IPLT entry: jmp *slot(%rip), then padding to 16 bytes.
IPLT_ENTRY = bytes.fromhex("ff2500000000" "0f1f840000000000" "6690")
# Two-operand ALU opcodes (Op r64, r/m64) that REX_GOTPCRELX lets us turn into
# Op $imm32, r64 (81 /digit); the digit is the ALU operation.
ALU_DIGIT = {0x03: 0, 0x0B: 1, 0x13: 2, 0x1B: 3, 0x23: 4, 0x2B: 5, 0x33: 6, 0x3B: 7}
# The no-ops GNU ld pads x86-64 code with (bfd/cpu-i386.c), 1 to 10 bytes long.
LONG_NOPS = tuple(bytes.fromhex(h) for h in (
    "90", "6690", "0f1f00", "0f1f4000", "0f1f440000", "660f1f440000", "0f1f8000000000",
    "0f1f840000000000", "660f1f840000000000", "662e0f1f840000000000"))
# i386 code gets only the short ones (nop; xchg %ax,%ax): every i386 CPU has them.
SHORT_NOPS = LONG_NOPS[:2]


class X86_64(Arch):
    machine = elf.EM_X86_64
    name = "elf_x86_64"
    wordsize = 8
    uses_rela = True
    default_base = 0x400000
    max_page_size = 0x1000
    common_page_size = 0x1000
    tls_variant = 2
    irelative_type = elf.R_X86_64_IRELATIVE
    iplt_entry_size = 16
    code_fill_nops = LONG_NOPS

    def rel_expr(self, type: int, data=None, offset: int = 0) -> RelExpr:
        entry = RELOCATIONS.get(type)
        if entry is None:
            raise RelocationError(f"unsupported relocation type {self.type_name(type)}")
        return entry[0]

    def write(self, buf: bytearray, offset: int, type: int, value: int) -> None:
        _, size, check = RELOCATIONS[type]
        if size == 0:
            return
        bits = size * 8
        if check == "s":
            check_signed(value, bits, self.type_name(type))
        elif check == "u":
            check_unsigned(value, bits, self.type_name(type))
        elif check == "b":
            check_either(value, bits, self.type_name(type))
        buf[offset:offset + size] = (value & ((1 << bits) - 1)).to_bytes(size, "little")

    # --- GOT load relaxation --------------------------------------------------------

    def can_relax_got(self, data, offset: int, type: int) -> bool:
        if type not in (elf.R_X86_64_GOTPCRELX, elf.R_X86_64_REX_GOTPCRELX) or offset < 2:
            return False
        opcode, modrm = data[offset - 2], data[offset - 1]
        if modrm & 0xC7 != 0x05:                           # must be disp32(%rip)
            return False
        if type == elf.R_X86_64_GOTPCRELX:
            return opcode == 0x8B or (opcode == 0xFF and modrm in (0x15, 0x25))
        return opcode in (0x8B, 0x85) or opcode in ALU_DIGIT

    def relax_got(self, buf: bytearray, offset: int, type: int, value_pc: int,
                  value_abs: int) -> None:
        opcode, modrm = buf[offset - 2], buf[offset - 1]
        if opcode == 0x8B:                                 # mov foo@GOTPCREL -> lea foo
            buf[offset - 2] = 0x8D
            self.write(buf, offset, elf.R_X86_64_PC32, value_pc)
        elif opcode == 0xFF and modrm == 0x15:             # call *foo@GOTPCREL -> addr32 call
            buf[offset - 2:offset] = b"\x67\xe8"
            self.write(buf, offset, elf.R_X86_64_PC32, value_pc)
        elif opcode == 0xFF:                               # jmp *foo@GOTPCREL -> jmp foo; nop
            buf[offset - 2] = 0xE9
            self.write(buf, offset - 1, elf.R_X86_64_PC32, value_pc + 1)
            buf[offset + 3] = 0x90
        else:                                              # test/ALU with REX: use $imm32
            # The addend's -4 only biased the rip-relative field; the immediate is the
            # address itself (lld: relaxGotNoPic(loc, val + 4, ...)).
            self._relax_to_immediate(buf, offset, opcode, modrm, value_abs + 4)

    def _relax_to_immediate(self, buf: bytearray, offset: int, opcode: int, modrm: int,
                            value: int) -> None:
        rex = buf[offset - 3]
        reg = (modrm >> 3) & 7
        if rex & 0xF0 == 0x40:                             # REX.R moves to REX.B
            buf[offset - 3] = (rex & ~0x4 & 0xFF) | ((rex & 0x4) >> 2)
        if opcode == 0x85:                                 # test %reg, mem -> test $imm, %reg
            buf[offset - 2] = 0xF7
            buf[offset - 1] = 0xC0 | reg
        else:
            buf[offset - 2] = 0x81
            buf[offset - 1] = 0xC0 | (ALU_DIGIT[opcode] << 3) | reg
        check_signed(value, 32, "R_X86_64_REX_GOTPCRELX")
        buf[offset:offset + 4] = (value & 0xFFFFFFFF).to_bytes(4, "little")

    # --- TLS relaxation to local exec ----------------------------------------------

    def relax_tls_gd_to_le(self, buf: bytearray, offset: int, type: int, tpoff: int) -> int:
        if type == elf.R_X86_64_GOTPC32_TLSDESC:           # lea x@tlsdesc(%rip),%rax -> mov $x,%rax
            rex = buf[offset - 3]
            reg = (buf[offset - 1] >> 3) & 7
            buf[offset - 3] = 0x48 | ((rex >> 2) & 1)
            buf[offset - 2] = 0xC7
            buf[offset - 1] = 0xC0 | reg
            self.write(buf, offset, elf.R_X86_64_TPOFF32, tpoff)
            return 0
        # 66 48 8d 3d <x@tlsgd> {66 66 48 e8 | 66 48 ff 15} <__tls_get_addr>
        if offset < 4 or buf[offset - 4:offset] != b"\x66\x48\x8d\x3d" or \
                bytes(buf[offset + 4:offset + 8]) not in (b"\x66\x66\x48\xe8", b"\x66\x48\xff\x15"):
            raise RelocationError("R_X86_64_TLSGD is not in the general-dynamic code "
                                  "sequence the psABI defines; cannot relax it")
        buf[offset - 4:offset + 12] = GD_TO_LE
        self.write(buf, offset + 8, elf.R_X86_64_TPOFF32, tpoff)
        return 1

    def tls_call_relocations(self, type: int) -> int:
        return 0 if type == elf.R_X86_64_GOTPC32_TLSDESC else 1

    def relax_tls_ld_to_le(self, buf: bytearray, offset: int, type: int,
                           block_offset: int = 0) -> int:
        # 48 8d 3d <x@tlsld> {e8 <__tls_get_addr@PLT> | ff 15 <@GOTPCREL>}
        if offset < 3 or buf[offset - 3:offset] != b"\x48\x8d\x3d":
            raise RelocationError("R_X86_64_TLSLD is not in the local-dynamic code sequence "
                                  "the psABI defines; cannot relax it")
        if buf[offset + 4] == 0xE8:
            buf[offset - 3:offset + 9] = LD_TO_LE
        elif buf[offset + 4:offset + 6] == b"\xff\x15":
            buf[offset - 3:offset + 10] = b"\x66" + LD_TO_LE
        else:
            raise RelocationError("R_X86_64_TLSLD is not followed by a call to "
                                  "__tls_get_addr; cannot relax it")
        return 1

    def can_relax_tls_ie(self, data, offset: int, type: int) -> bool:
        if type != elf.R_X86_64_GOTTPOFF or offset < 3:
            return False
        rex, opcode, modrm = data[offset - 3], data[offset - 2], data[offset - 1]
        return rex & 0xF0 == 0x40 and opcode in (0x8B, 0x03) and modrm & 0xC7 == 0x05

    def relax_tls_marker(self, buf: bytearray, offset: int, type: int) -> None:
        if type == elf.R_X86_64_TLSDESC_CALL:             # call *x@tlscall(%rax) -> xchg %ax,%ax
            buf[offset:offset + 2] = b"\x66\x90"

    def relax_tls_ie_to_le(self, buf: bytearray, offset: int, type: int, tpoff: int) -> None:
        # REX 8b /r (mov x@gottpoff(%rip), %reg) or REX 03 /r (add ...)
        rex, opcode, modrm = buf[offset - 3], buf[offset - 2], buf[offset - 1]
        reg = (modrm >> 3) & 7
        high = rex & 0x4                                   # REX.R: r8-r15
        if modrm & 0xC7 != 0x05 or rex & 0xF0 != 0x40 or opcode not in (0x8B, 0x03):
            raise RelocationError("R_X86_64_GOTTPOFF is not on a mov or add from "
                                  "x@gottpoff(%rip); cannot relax it")
        buf[offset - 3] = 0x48 | (high >> 2)               # REX.W, register now in r/m
        buf[offset - 2] = 0xC7 if opcode == 0x8B else 0x81
        buf[offset - 1] = 0xC0 | reg
        self.write(buf, offset, elf.R_X86_64_TPOFF32, tpoff)

    # --- IPLT ----------------------------------------------------------------------------

    def write_iplt_entry(self, buf: bytearray, offset: int, entry_address: int,
                         slot_address: int, got_base: int) -> None:
        buf[offset:offset + 16] = IPLT_ENTRY
        struct.pack_into("<i", buf, offset + 2, slot_address - (entry_address + 6))
