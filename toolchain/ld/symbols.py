"""Symbols and the global symbol table: who defines each name.

Every symbol an object file declares becomes a :class:`Symbol`.  Local
symbols stay private to their file; each global name has exactly one
Symbol in the :class:`SymbolTable`, shared by every file that mentions it,
and resolution decides which definition it holds (GNU ld's rules):

* a strong definition beats a weak one, a common one or none; two strong
  definitions are an error ("multiple definition of 'x'") unless
  --allow-multiple-definition; the first weak definition wins among weaks;
* a common symbol (``int x;`` with -fcommon) is beaten by any definition and
  merges with other commons: the largest size and alignment win;
* an archive member is extracted only for a *strong* undefined reference
  (a weak reference never pulls a member, as with ld).

After layout a defined symbol's address is its section's address plus its
value; ``section is None`` means an absolute symbol.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..common import elf

if TYPE_CHECKING:
    from .inputs import InputFile, InputSection
    from .outputs import OutputSection


class Symbol:
    """One symbol; for globals, the resolved one every reference shares."""

    __slots__ = ("name", "binding", "type", "visibility", "size", "value", "section",
                 "file", "defined", "common_alignment", "lazy", "referenced",
                 "strong_reference", "output_section", "got_index", "iplt_index",
                 "gottp_index", "tlsgd_index", "is_local", "output_index", "script_defined", "exported")

    def __init__(self, name: str, *, is_local: bool = False):
        self.name = name
        self.binding = elf.STB_LOCAL if is_local else elf.STB_GLOBAL
        self.type = elf.STT_NOTYPE
        self.visibility = elf.STV_DEFAULT
        self.size = 0
        self.value = 0                      # offset in section, or address when absolute
        self.section: InputSection | None = None
        self.output_section: OutputSection | None = None   # for symbols a script defines
        self.file: InputFile | None = None  # the defining file
        self.defined = False
        self.common_alignment = 0           # > 0: a common symbol of that alignment
        self.lazy: tuple | None = None      # (archive file, member offset) that could define it
        self.referenced = False
        self.strong_reference = False       # referenced by a non-weak undefined symbol
        self.got_index = -1
        self.iplt_index = -1
        self.gottp_index = -1
        self.tlsgd_index = -1               # first of a (module, offset) GOT pair
        self.is_local = is_local
        self.output_index = 0
        self.script_defined = False
        self.exported = False

    @property
    def is_common(self) -> bool:
        return self.common_alignment > 0

    @property
    def is_weak(self) -> bool:
        return self.binding == elf.STB_WEAK

    @property
    def is_ifunc(self) -> bool:
        return self.type == elf.STT_GNU_IFUNC and self.defined

    @property
    def is_absolute(self) -> bool:
        return self.defined and self.section is None and self.output_section is None

    @property
    def address(self) -> int:
        """The final address (valid after layout); 0 for an undefined weak symbol."""
        if self.section is not None:
            return self.section.address_of(self.value)
        if self.output_section is not None:
            return self.output_section.address + self.value
        return self.value

    def __repr__(self) -> str:
        return f"Symbol({self.name!r}, defined={self.defined})"


class SymbolTable:
    """The global names, each resolved to at most one definition."""

    def __init__(self, allow_multiple_definition: bool = False):
        self.symbols: dict[str, Symbol] = {}
        self.allow_multiple_definition = allow_multiple_definition
        self.multiple_definitions: list[tuple[Symbol, InputFile, InputSection | None, int]] = []
        self._wanted: list[Symbol] = []     # strongly referenced when undefined; see wanted()

    def get(self, name: str) -> Symbol | None:
        return self.symbols.get(name)

    def intern(self, name: str) -> Symbol:
        symbol = self.symbols.get(name)
        if symbol is None:
            symbol = self.symbols[name] = Symbol(name)
        return symbol

    def __iter__(self):
        return iter(self.symbols.values())

    def add_undefined(self, name: str, weak: bool) -> Symbol:
        symbol = self.intern(name)
        symbol.referenced = True
        if not weak and not symbol.strong_reference:
            symbol.strong_reference = True
            if not symbol.defined:
                self._wanted.append(symbol)
        if not symbol.defined and not weak and symbol.binding == elf.STB_WEAK:
            symbol.binding = elf.STB_GLOBAL     # a strong reference makes it strong-undefined
        elif not symbol.defined and not symbol.strong_reference and weak:
            symbol.binding = elf.STB_WEAK
        return symbol

    def add_definition(self, name: str, binding: int, file: InputFile,
                       section: InputSection | None, value: int, size: int, type: int,
                       visibility: int) -> Symbol:
        """Resolve a definition against what the table holds."""
        symbol = self.intern(name)
        if symbol.defined and not symbol.is_common:
            if binding == elf.STB_WEAK or symbol.binding != elf.STB_GLOBAL:
                if symbol.binding == elf.STB_WEAK and binding == elf.STB_GLOBAL:
                    self._set(symbol, binding, file, section, value, size, type)
                self._merge_visibility(symbol, visibility)
                return symbol
            if not self.allow_multiple_definition:
                self.multiple_definitions.append((symbol, file, section, value))
            self._merge_visibility(symbol, visibility)
            return symbol
        self._set(symbol, binding, file, section, value, size, type)
        self._merge_visibility(symbol, visibility)
        return symbol

    def add_common(self, name: str, binding: int, file: InputFile, size: int,
                   alignment: int, visibility: int) -> Symbol:
        symbol = self.intern(name)
        if symbol.defined and not symbol.is_common:
            self._merge_visibility(symbol, visibility)
            return symbol                   # a real definition beats a common one
        if symbol.is_common:
            if size > symbol.size:
                symbol.size = size
                symbol.file = file
            symbol.common_alignment = max(symbol.common_alignment, alignment)
        else:
            self._set(symbol, binding, file, None, 0, size, elf.STT_OBJECT)
            symbol.common_alignment = max(alignment, 1)
        self._merge_visibility(symbol, visibility)
        return symbol

    @staticmethod
    def _set(symbol: Symbol, binding: int, file: InputFile, section: InputSection | None,
             value: int, size: int, type: int) -> None:
        symbol.binding = binding
        symbol.file = file
        symbol.section = section
        symbol.value = value
        symbol.size = size
        symbol.type = type
        symbol.defined = True
        symbol.common_alignment = 0
        symbol.lazy = None

    @staticmethod
    def _merge_visibility(symbol: Symbol, visibility: int) -> None:
        """The most constraining non-default visibility wins (gABI)."""
        if visibility == elf.STV_DEFAULT:
            return
        if symbol.visibility == elf.STV_DEFAULT:
            symbol.visibility = visibility
        else:
            order = {elf.STV_INTERNAL: 0, elf.STV_HIDDEN: 1, elf.STV_PROTECTED: 2}
            symbol.visibility = min(symbol.visibility, visibility, key=order.__getitem__)

    def wanted(self) -> list[Symbol]:
        """The symbols an archive member would be extracted for: undefined, strongly
        referenced (in the order they became so)."""
        self._wanted = [symbol for symbol in self._wanted if not symbol.defined]
        return self._wanted

    def undefined_strong_names(self) -> list[str]:
        return [s.name for s in self.symbols.values() if not s.defined and s.strong_reference]
