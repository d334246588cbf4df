"""Sections the linker makes itself: the GOT, the IPLT and its IRELATIVE table.

In a static executable the GOT holds final addresses written at link time:
a slot per symbol that some code loads through ``foo@GOT`` without the
linker being able to rewrite the load into a direct reference, and a slot
holding the thread-pointer offset for initial-exec TLS loads that could not
be relaxed.

IFUNCs (``STT_GNU_IFUNC``: glibc's memcpy, strlen ... pick an
implementation at start-up) get an IPLT entry that jumps through a slot in
``.got.plt``; the slot is filled by glibc's static start-up code from the
``R_*_IRELATIVE`` records between ``__rela_iplt_start`` and
``__rela_iplt_end`` (``__rel_iplt_*`` on i386), whose addend (or slot
contents, for REL) is the resolver's address.  Every reference to an IFUNC
goes to its IPLT entry, so the function has one address everywhere.

Each synthetic section is an :class:`InputSection` without a file; the
default script places it like any other (``*(.got)``, ``*(.iplt)``...).
Contents are written after layout, when addresses are known.
"""

from __future__ import annotations

import struct

from ..common import elf
from .arch import Arch
from .inputs import InputSection
from .symbols import Symbol


class SyntheticSections:
    def __init__(self, arch: Arch):
        self.arch = arch
        word = arch.wordsize
        self.got = InputSection(None, 0, ".got", elf.SHT_PROGBITS,
                                elf.SHF_ALLOC | elf.SHF_WRITE, word, 0, b"")
        # .got.plt starts with three reserved words (the first is _DYNAMIC's
        # address, 0 in a static executable), as the psABIs lay it out.
        self.got_plt = InputSection(None, 0, ".got.plt", elf.SHT_PROGBITS,
                                    elf.SHF_ALLOC | elf.SHF_WRITE, word, 0, b"")
        self.iplt = InputSection(None, 0, ".iplt", elf.SHT_PROGBITS,
                                 elf.SHF_ALLOC | elf.SHF_EXECINSTR, 16, 0, b"")
        rel = "rela" if arch.uses_rela else "rel"
        self.rel_iplt = InputSection(None, 0, f".{rel}.iplt",
                                     elf.SHT_RELA if arch.uses_rela else elf.SHT_REL,
                                     elf.SHF_ALLOC | elf.SHF_INFO_LINK, word, 0, b"")
        self.rel_iplt.entsize = (3 if arch.uses_rela else 2) * word
        # RISC-V's GNU ld reserves an (unused, R_RISCV_NONE) dynamic relocation per
        # TLS GOT slot even in a static executable; so does pld, for the same layout.
        self.rel_got = InputSection(None, 0, f".{rel}.got",
                                    elf.SHT_RELA if arch.uses_rela else elf.SHT_REL,
                                    elf.SHF_ALLOC, word, 0, b"")
        self.rel_got.entsize = self.rel_iplt.entsize
        self.got_entries: list[tuple[str, Symbol]] = []     # ('address'|'tpoff', symbol)
        self.iplt_symbols: list[Symbol] = []
        self.got_plt_reserved = arch.got_plt_header_words
        self.build_id: InputSection | None = None
        self.build_id_style = ""
        self.got_plt_needed = False
        self.got_header = 0
        self.got_plt_header = 0

    def sections(self) -> list[InputSection]:
        result = [self.rel_got, self.rel_iplt, self.iplt, self.got, self.got_plt]
        return result + ([self.build_id] if self.build_id is not None else [])

    # --- .note.gnu.build-id ---------------------------------------------------------------

    BUILD_ID_SIZES = {"sha1": 20, "md5": 16, "uuid": 16, "fast": 8}

    def add_build_id(self, style: str) -> None:
        """An NT_GNU_BUILD_ID note whose descriptor is filled in after the file is built."""
        if style.startswith("0x"):
            descriptor = bytes.fromhex(style[2:])
        else:
            if style not in self.BUILD_ID_SIZES:
                from ..common.diagnostics import ToolchainError
                raise ToolchainError(f"invalid build-id style '{style}'")
            descriptor = bytes(self.BUILD_ID_SIZES[style])
        self.build_id_style = style
        note = struct.pack("<III", 4, len(descriptor), 3) + b"GNU\0" + descriptor
        self.build_id = InputSection(None, 0, ".note.gnu.build-id", elf.SHT_NOTE,
                                     elf.SHF_ALLOC, 4, len(note), note)

    def fill_build_id(self, content: bytearray, file_offset: int) -> None:
        """Hash the finished file (descriptor still zero) into the descriptor, as ld does."""
        import hashlib
        import uuid
        start = file_offset + 16
        size = self.build_id.size - 16
        style = self.build_id_style
        if style.startswith("0x"):
            return
        if style == "uuid":
            digest = uuid.uuid4().bytes
        elif style == "md5":
            digest = hashlib.md5(content).digest()
        else:
            digest = hashlib.sha1(content).digest()
        content[start:start + size] = digest[:size]

    # --- requests made while scanning relocations ---------------------------------------

    def add_got(self, symbol: Symbol) -> None:
        if symbol.got_index < 0:
            symbol.got_index = len(self.got_entries)
            self.got_entries.append(("address", symbol))

    def add_gottp(self, symbol: Symbol) -> None:
        if symbol.gottp_index < 0:
            symbol.gottp_index = len(self.got_entries)
            self.got_entries.append(("tpoff", symbol))

    def add_tlsgd(self, symbol: Symbol) -> None:
        """Two slots for general dynamic TLS kept as it is: module 1 (the executable)
        and the symbol's offset in its TLS block."""
        if symbol.tlsgd_index < 0:
            symbol.tlsgd_index = len(self.got_entries)
            self.got_entries.append(("dtpmod", symbol))
            self.got_entries.append(("dtprel", symbol))

    def add_iplt(self, symbol: Symbol) -> None:
        if symbol.iplt_index < 0:
            symbol.iplt_index = len(self.iplt_symbols)
            self.iplt_symbols.append(symbol)

    def finish_sizes(self) -> None:
        word = self.arch.wordsize
        header = self.arch.got_header_words if self.got_entries or self.got_plt_needed else 0
        self.got_header = header
        self.got.size = (header + len(self.got_entries)) * word
        needed = self.iplt_symbols and self.arch.iplt_needs_got_plt_header or \
            self.got_entries or self.got_plt_needed
        reserved = self.got_plt_reserved if needed else 0
        self.got_plt_header = reserved
        self.got_plt.size = (reserved + len(self.iplt_symbols)) * word
        self.iplt.size = len(self.iplt_symbols) * self.arch.iplt_entry_size
        self.rel_iplt.size = len(self.iplt_symbols) * self.rel_iplt.entsize
        if self.arch.gottp_reserves_dynamic_relocation:
            tp_slots = sum(1 for kind, _ in self.got_entries
                           if kind in ("tpoff", "dtpmod", "dtprel"))
            self.rel_got.size = tp_slots * self.rel_got.entsize
            self.rel_got.data = bytes(self.rel_got.size)
        ifunc_in_got = [s for kind, s in self.got_entries if kind == "address" and s.is_ifunc]
        self.rel_iplt.size += len(ifunc_in_got) * self.rel_iplt.entsize

    # --- addresses ---------------------------------------------------------------------------

    @property
    def got_base(self) -> int:
        """_GLOBAL_OFFSET_TABLE_: the start of .got.plt (x86 psABIs) or of .got (AArch64)."""
        if self.arch.got_base_symbol_section == ".got" and self.got.output_section is not None:
            return self.got.address
        if self.got_plt.output_section is not None:
            return self.got_plt.address
        if self.got.output_section is not None:
            return self.got.address + self.got.size
        return 0

    def got_slot(self, symbol: Symbol) -> int:
        return self.got.address + (self.got_header + symbol.got_index) * self.arch.wordsize

    def gottp_slot(self, symbol: Symbol) -> int:
        return self.got.address + (self.got_header + symbol.gottp_index) * self.arch.wordsize

    def tlsgd_slot(self, symbol: Symbol) -> int:
        return self.got.address + (self.got_header + symbol.tlsgd_index) * self.arch.wordsize

    def iplt_entry(self, symbol: Symbol) -> int:
        return self.iplt.address + symbol.iplt_index * self.arch.iplt_entry_size

    def iplt_slot(self, symbol: Symbol) -> int:
        return self.got_plt.address + (self.got_plt_header + symbol.iplt_index) \
            * self.arch.wordsize

    # --- contents ------------------------------------------------------------------------------

    def write(self, image: bytearray, file_offset, tp_offset, dtp_offset=None) -> None:
        """Fill the synthetic sections in the output image.

        ``file_offset(section)`` gives where an input section's bytes are in the
        image; ``tp_offset(symbol)`` the symbol's offset from the thread pointer,
        ``dtp_offset(symbol)`` from the start of the TLS block.
        """
        arch = self.arch
        word = arch.wordsize
        pack = (lambda v: (v & ((1 << 64) - 1)).to_bytes(8, "little")) if word == 8 else \
            (lambda v: (v & 0xFFFFFFFF).to_bytes(4, "little"))
        relocs = []
        if self.got.size:
            base = file_offset(self.got) + self.got_header * word
            for index, (kind, symbol) in enumerate(self.got_entries):
                if kind == "tpoff":
                    value = tp_offset(symbol)
                elif kind == "dtpmod":
                    value = 1
                elif kind == "dtprel":
                    value = dtp_offset(symbol) - arch.dtv_offset
                elif symbol.is_ifunc:
                    value = symbol.address              # the resolver, until IRELATIVE runs
                    relocs.append(arch.irelative(self.got_slot(symbol), value))
                else:
                    value = symbol.address if symbol.defined else 0
                image[base + index * word:base + (index + 1) * word] = pack(value)
        if self.got_plt_header:
            base = file_offset(self.got_plt)
            for index, value in enumerate(arch.got_plt_header_values[:self.got_plt_header]):
                image[base + index * word:base + (index + 1) * word] = pack(value)
        if self.iplt_symbols:
            plt_base = file_offset(self.iplt)
            slot_base = file_offset(self.got_plt)
            for symbol in self.iplt_symbols:
                entry = self.iplt_entry(symbol)
                slot = self.iplt_slot(symbol)
                arch.write_iplt_entry(image, plt_base + symbol.iplt_index * arch.iplt_entry_size,
                                      entry, slot, self.got_base)
                offset = slot_base + (self.got_plt_header + symbol.iplt_index) * word
                image[offset:offset + word] = pack(
                    entry if arch.iplt_slot_holds_entry else symbol.address)
                relocs.insert(len(relocs), arch.irelative(slot, symbol.address))
        if relocs:
            base = file_offset(self.rel_iplt)
            for index, (r_offset, r_type, addend) in enumerate(relocs):
                at = base + index * self.rel_iplt.entsize
                if arch.uses_rela:
                    fmt = "<QQq" if word == 8 else "<IIi"
                    struct.pack_into(fmt, image, at, r_offset, r_type, addend)
                else:
                    struct.pack_into("<II", image, at, r_offset, r_type)
