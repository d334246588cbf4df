"""Mapping symbols: the local ``$x``/``$d`` labels that tell code from data.

The AArch64 ELF psABI (and RISC-V's) marks where each run of instructions
(``$x``) and of data (``$d``) starts inside a section, so that disassemblers
and linkers know which bytes are code.  They are ordinary local NOTYPE
symbols, created in the symbol list at the moment GNU as creates them, which
is what this module reproduces (tc-aarch64.c mapping_state,
mapping_state_2, make_mapping_symbol, check_mapping_symbols):

* an instruction in a section not in code state makes ``$x`` at the current
  offset -- and, if the section does not start with it and has had no
  mapping symbol yet, a ``$d`` at offset 0 first;
* data in an executable section makes ``$d``; data in another section
  makes nothing by itself (the state stays undecided) -- except a fill
  (``.zero``, ``.skip``, ``.fill``), which makes ``$d`` anywhere;
* an alignment makes ``$x`` in an executable section, ``$d`` elsewhere --
  even as the first thing of a data section;
* a new mapping symbol at the offset of the previous one replaces it, and
  after layout one that covers no byte (the next one, or the section end,
  is at the same address) is dropped.

Debug sections never get mapping symbols.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .symbols import DEAD, LABEL, Symbol, label_address

if TYPE_CHECKING:
    from .sections import Section
    from .streamer import ObjectStreamer
    from .layout import Layout


class MappingSymbols:
    """The mapping state of each section of one assembly."""

    def __init__(self, streamer: "ObjectStreamer", code_name: str, data_name: str):
        self.streamer = streamer
        self.names = {"code": code_name, "data": data_name}
        self.state: dict[Section, str] = {}
        self.symbols: dict[Section, list[Symbol]] = {}
        self.count = 0

    def _eligible(self, section: "Section") -> bool:
        return not section.name.startswith((".debug_", ".zdebug_"))

    def code(self) -> None:
        """Before an instruction (mapping_state (MAP_INSN))."""
        s = self.streamer
        section = s.current
        if section.alignment < 4:
            section.alignment = 4         # record_alignment (now_seg, 2)
        state = self.state.get(section)
        if state == "code" or not self._eligible(section):
            return
        if state is None and not self.symbols.get(section) and self._offset_nonzero():
            self._make("data", s.frags[0], 0)
        self._set("code")

    def data(self) -> None:
        """Before data bytes (md_cons_align -> mapping_state (MAP_DATA))."""
        section = self.streamer.current
        state = self.state.get(section)
        if state == "data" or not self._eligible(section):
            return
        if state is None and not section.executable:
            return
        self._set("data")

    def fill(self) -> None:
        """``.skip``/``.zero``/``.fill`` (an rs_fill fragment: aarch64_init_frag
        calls mapping_state_2, which has no exception for a section's start):
        ``$d`` in any section."""
        section = self.streamer.current
        if self.state.get(section) != "data" and self._eligible(section):
            self._set("data")

    def align(self) -> None:
        """An alignment fragment (aarch64_init_frag for rs_align/rs_align_code)."""
        section = self.streamer.current
        if not self._eligible(section):
            return
        want = "code" if section.executable else "data"
        if self.state.get(section) != want:
            self._set(want)

    def _odd_code_padding(self) -> None:
        """Code alignment padding that is not a whole number of instructions
        starts with zero bytes: GNU as marks them ``$d`` and the NOPs after
        them ``$x`` when it writes the padding, after every other symbol.  A
        mapping symbol already at the padding's start is replaced."""
        from .sections import AlignFrag
        for section in self.streamer.section_list:
            if not section.executable or not self._eligible(section):
                continue
            for frag in section.join():
                if not isinstance(frag, AlignFrag) or frag.fill is not None or not frag.size % 4:
                    continue
                syms = self.symbols.setdefault(section, [])
                for sym in syms:
                    if sym.order != DEAD and label_address(sym) == frag.address:
                        sym.order = DEAD
                for state, offset in (("data", 0), ("code", frag.size % 4)):
                    self.count += 1
                    name = self.names[state]
                    sym = self.streamer.symtab.new_anonymous(f"{name}\x03{self.count}", name)
                    sym.order = self.streamer.symtab.next_order()
                    sym.kind, sym.section, sym.frag, sym.offset = LABEL, section, frag, offset
                    syms.append(sym)
                syms.sort(key=label_address)

    def _offset_nonzero(self) -> bool:
        frags = self.streamer.frags
        return len(frags) > 1 or len(self.streamer._tail().data) > 0

    def _set(self, state: str) -> None:
        s = self.streamer
        self.state[s.current] = state
        tail = s._tail()
        self._make(state, tail, len(tail.data))

    def _make(self, state: str, frag, offset: int) -> None:
        s = self.streamer
        section = s.current
        self.count += 1
        name = self.names[state]
        sym = s.symtab.new_anonymous(f"{name}\x03{self.count}", name)
        sym.order = s.symtab.next_order()
        sym.kind = LABEL
        sym.section = section
        sym.frag = frag
        sym.offset = offset
        previous = self.symbols.setdefault(section, [])
        if previous and previous[-1].frag is frag and previous[-1].offset == offset:
            previous[-1].order = DEAD
            previous.pop()
        previous.append(sym)

    def finish(self, layout: "Layout") -> None:
        """aarch64_handle_align, then check_mapping_symbols: drop the ones that
        cover no byte."""
        self._odd_code_padding()
        for section, syms in self.symbols.items():
            end = layout.sizes.get(section, 0)
            live = [sym for sym in syms if sym.order != DEAD]
            for sym, after in zip(live, live[1:] + [None]):
                here = label_address(sym)
                there = end if after is None else label_address(after)
                if here >= there:
                    sym.order = DEAD
