"""The object streamer: the one back end of the assembler.

Both the text parser (``pas``) and the compiler (``pcc -c``) call this API:
switch sections, define symbols, emit instructions and data.  Contents are
collected in fragments (``sections.py``); ``finish()`` lays them out and
relaxes branches to a fixed point (``layout.py``), resolves fixups and
writes the ELF relocatable object (``objwriter.py``).

The output is meant to be identical to GNU as 2.40's: same sections in the
same order, same bytes, same symbols in the same order, same relocations.
Where GNU as's behaviour is a choice rather than a rule, the comments say
which GNU as function the code follows.
"""

from __future__ import annotations

from ..common import elf
from ..common.diagnostics import Diagnostics, SourceLocation, ToolchainError
from ..common.leb128 import leb128_bytes
from ..common.target import Target
from .expr import Binary, Constant, Expr, SymbolRef
from .instruction import FarPointer, Immediate, Indirect, Instruction, Memory
from .isa import EncodeContext, Fixup, Isa
from .dwarfline import LineRows
from .relocdirective import RelocDirective, relocation_name
from .elfsymbols import Symver, add_symver, prepare_symvers, set_weakref
from .sections import (
    AlignFrag, DataFrag, FillFrag, Frag, LebFrag, OrgFrag, PendingFixup, RelaxFrag, Section,
    SpaceFrag,
)
from .sectionswitch import SectionSwitching
from .mapping import MappingSymbols
from .symbols import (
    ABSOLUTE, COMMON, EQUATED, FAKE_LABEL_NAME, LABEL, EvalError, Evaluator, Ref,
    UNPLACED, Symbol, SymbolTable, Unknown, bind_symbols, specifier_of,
)

# A constant .fill/.skip longer than this becomes a FillFrag instead of bytes.
_INLINE_FILL_LIMIT = 4096

SYMBOL_TYPES = frozenset({"function", "object", "tls_object", "common", "notype",
                          "gnu_indirect_function", "gnu_unique_object"})


class ObjectStreamer(SectionSwitching):
    """Collects one assembly's sections and symbols; ``finish()`` gives the ELF image.

    Section attributes and switching (``switch_section``, ``push_section``...)
    are inherited from :class:`~.sectionswitch.SectionSwitching`.
    """

    def __init__(self, target: Target, isa: Isa, diagnostics: Diagnostics):
        self.target = target
        self.isa = isa
        self.diagnostics = diagnostics
        self.symtab = SymbolTable()
        self.now = Evaluator(final=False)
        # (name, group, unique id) -> section
        self.sections: dict[tuple[str, str | None, int | None], Section] = {}
        self.section_list: list[Section] = []
        self.code_bits = target.code_bits
        self.code16gcc = target.code16gcc
        self._contexts: dict[tuple[int, bool, object], EncodeContext] = {}
        self.isa_mode = getattr(isa, "initial_mode", None)
        self._mapping = getattr(isa, "mapping_symbol", None)
        self._anchors = 0
        # GNU as's name for internal labels ('.', %pcrel_lo anchors): per target.
        self.fake_label = getattr(isa, "fake_label_name", FAKE_LABEL_NAME)
        # Data naming a code label is never folded while parsing (RISC-V: the
        # linker may move code; layout makes R_RISCV_ADD/SUB pairs).
        self._code_differences = hasattr(isa, "difference_relocations")
        self._runs = 0
        self._numeric: dict[int, int] = {}
        self._temps = 0
        self._stack: list[tuple[Section, int, Section | None, int]] = []
        self._previous: tuple[Section, int] | None = None
        self._comment: Section | None = None
        self.cfi: list[tuple[str, str, SourceLocation | None]] = []
        self.lines = LineRows(self)
        self.symvers: dict[Symbol, Symver] = {}
        self.reloc_directives: list[RelocDirective] = []
        # $x/$d mapping symbols, for ISAs whose psABI has them (mapping.py).
        names = getattr(isa, "mapping_symbols", None)
        self.mapping = MappingSymbols(self, *names) if names else None
        self.insn_alignment = getattr(isa, "instruction_alignment", 0)
        # An ISA with per-assembly state kept beside the streamer (AArch64's
        # literal pools) is told which streamer it works for.
        attach = getattr(isa, "attach_streamer", None)
        if attach is not None:
            attach(self)
        # GNU as creates .text, .data and .bss first, and starts in .text.
        self.current: Section = self._make_section(".text", None, None, None, None, None, None)
        self.current.alignment = max(self.current.alignment,
                                     getattr(isa, "text_alignment", 1))
        self._make_section(".data", None, None, None, None, None, None)
        self._make_section(".bss", None, None, None, None, None, None)
        self.subsection = 0
        self.frags: list[Frag] = self._subsection_frags(self.current, 0)

    # --- helpers ---------------------------------------------------------------
    def _error(self, message: str, location: SourceLocation | None) -> None:
        self.diagnostics.error(message, location)

    def _context(self) -> EncodeContext:
        key = (self.code_bits, self.code16gcc, self.isa_mode)
        ctx = self._contexts.get(key)
        if ctx is None:
            ctx = self._contexts[key] = EncodeContext(self.code_bits, self.code16gcc,
                                                      isa_mode=self.isa_mode)
        return ctx

    def set_isa_mode(self, mode: object) -> None:
        """The ISA's options changed (RISC-V ``.option``): later instructions
        are encoded with ``mode``."""
        self.isa_mode = mode

    def _map(self, kind: str) -> None:
        """Define the ISA's mapping symbol (``$x``/``$d``) for code or data
        starting here in an executable section, when it has one."""
        if self._mapping is None or not self.current.executable:
            return
        name = self._mapping(self.current, kind, self._context())
        if name is not None:
            self._anchors += 1
            sym = self.symtab.new_anonymous(f"{name}\x00{self._anchors}", name)
            self.symtab.place(sym)
            self._define_here(sym, None)

    def _new_data_frag(self, frags: list[Frag], run_continues: bool) -> DataFrag:
        if run_continues and frags:
            last = frags[-1]
            frag = DataFrag(last.run, last.run_offset + last.size)  # type: ignore[attr-defined]
        else:
            self._runs += 1
            frag = DataFrag(self._runs, 0)
        frags.append(frag)
        return frag

    def _tail(self) -> DataFrag:
        return self.frags[-1]  # type: ignore[return-value]

    def _append_variable(self, frag: Frag) -> None:
        tail = self._tail()
        tail.size = len(tail.data)
        self.frags.append(frag)
        self._new_data_frag(self.frags, False)

    def _append_fixed(self, frag: FillFrag) -> None:
        tail = self._tail()
        tail.size = len(tail.data)
        frag.run, frag.run_offset = tail.run, tail.run_offset + tail.size
        self.frags.append(frag)
        self._new_data_frag(self.frags, True)

    def _bind(self, e: Expr) -> Expr:
        return bind_symbols(e, self.symtab, self._note_specifier)

    def _note_specifier(self, ref: SymbolRef) -> None:
        """A relocation specifier read with a symbol may create one (the ISA's
        specifier_symbol) -- before the symbol it applies to."""
        if ref.specifier is not None:
            name = self.isa.specifier_symbol(ref.specifier)
            if name is not None:
                self.symtab.lookup(name)

    # --- symbols -----------------------------------------------------------------
    def _define_here(self, sym: Symbol, location: SourceLocation | None) -> None:
        tail = self._tail()
        sym.kind = LABEL
        sym.section = self.current
        sym.frag = tail
        sym.offset = len(tail.data)
        sym.location = location

    def emit_label(self, name: str, location: SourceLocation | None = None) -> None:
        sym = self.symtab.lookup(name)
        if sym.defined:
            if not sym.volatile or sym.kind == COMMON:
                self._error(f"symbol `{name}' is already defined", location)
                return
            if sym.used:
                sym = self.symtab.clone(sym)
            sym.volatile = False
        self._define_here(sym, location)
        if self.lines.mark_labels:
            self.lines.label(sym)

    def temporary_label(self) -> str:
        self._temps += 1
        sym = self.symtab.new_anonymous(f"{FAKE_LABEL_NAME}{self._temps}", self.fake_label)
        self._define_here(sym, None)
        return sym.name

    def define_numeric_label(self, number: int, location: SourceLocation | None = None) -> None:
        instance = self._numeric.get(number, 0) + 1
        self._numeric[number] = instance
        self.emit_label(numeric_label_name(number, instance), location)

    def numeric_label_ref(self, number: int, direction: str) -> str:
        instance = self._numeric.get(number, 0)
        if direction == "f":
            instance += 1
        return numeric_label_name(number, instance)

    def set_symbol(self, name: str, value: Expr, location: SourceLocation | None = None,
                   equiv: bool = False, late: bool = False) -> None:
        """``.set``/``=``; ``.equiv`` (``equiv``: an error if already defined);
        ``.eqv``/``==`` (``late`` too: each use re-reads the expression)."""
        sym = self.symtab.lookup(name)
        if sym.defined and (equiv or not sym.volatile or sym.kind == COMMON):
            self._error(f"symbol `{name}' is already defined", location)
            return
        bound = self._bind(value)
        if sym.defined and sym.used:
            sym = self.symtab.clone(sym)
        # pseudo_set turns an assembler-local symbol into a full one, and
        # copy_symbol_attributes the symbol it copies.
        self.symtab.place(sym)
        source = bound.left if isinstance(bound, Binary) and bound.op == "+" else bound
        if isinstance(source, Ref):
            self.symtab.place(source.symbol)
        try:
            add, sub, const = self.now.value(bound)
        except Unknown:
            add, sub, const = None, None, None
        except EvalError as exc:
            self._error(exc.args[0] + f" when setting `{name}'", location)
            return
        sym.location = location
        sym.volatile = not equiv
        sym.eqv = value if late else None
        sym.frag = None
        sym.section = None
        if const is not None and add is None and sub is None:
            sym.kind = ABSOLUTE
            sym.value = const
        elif const is not None and sub is None and add is not None and add.kind == LABEL:
            sym.kind = LABEL
            sym.section, sym.frag, sym.offset = add.section, add.frag, add.offset + const
            self._copy_attributes(sym, add)
        else:
            sym.kind = EQUATED
            sym.expr = bound
            if isinstance(bound, Ref):
                self._copy_attributes(sym, bound.symbol)
        if sym.kind == EQUATED and _self_ref(bound) is sym:
            self._error(f"symbol definition loop encountered at `{name}'", location)

    @staticmethod
    def _copy_attributes(dest: Symbol, src: Symbol) -> None:
        """elf_copy_symbol_attributes: the type, and the size when dest has none."""
        if src.type is not None:
            dest.type = src.type
        if dest.size is None:
            dest.copied_size = src

    def set_binding(self, name: str, binding: str, location: SourceLocation | None = None) -> None:
        sym = self.symtab.lookup(name)
        if binding == "local" and sym.binding in ("global", "weak") or \
                binding in ("global", "weak") and sym.binding == "local":
            pass  # GNU as silently takes the last binding
        sym.binding = binding

    def set_weakref(self, alias: str, target: str,
                    location: SourceLocation | None = None) -> None:
        """``.weakref alias, target`` (elfsymbols.py)."""
        try:
            set_weakref(self.symtab, alias, target, location)
        except ToolchainError as exc:
            self.diagnostics.report(exc)

    def set_symver(self, name: str, versioned: str, visibility: str | None = None,
                   location: SourceLocation | None = None) -> None:
        """``.symver name, base@VERSION[, local|hidden|remove]`` (elfsymbols.py)."""
        try:
            add_symver(self.symvers, self.symtab.lookup(name), versioned, visibility, location)
        except ToolchainError as exc:
            self.diagnostics.report(exc)

    def set_visibility(self, name: str, visibility: str,
                       location: SourceLocation | None = None) -> None:
        self.symtab.lookup(name).visibility = visibility

    def set_type(self, name: str, type: str, location: SourceLocation | None = None) -> None:
        if type not in SYMBOL_TYPES:
            self._error(f"unrecognized symbol type \"{type}\"", location)
            return
        self.symtab.lookup(name).type = type

    def set_size(self, name: str, size: Expr, location: SourceLocation | None = None) -> None:
        sym = self.symtab.lookup(name)
        sym.size = self._bind(size)
        sym.copied_size = None

    def emit_common(self, name: str, size: int, alignment: int, local: bool,
                    location: SourceLocation | None = None) -> None:
        """``.comm`` (local False) or ``.lcomm`` (local True); alignment 0 = not given."""
        sym = self.symtab.lookup(name)
        if sym.kind in (LABEL, ABSOLUTE, EQUATED):
            self._error(f"symbol `{name}' is already defined", location)
            return
        if size < 0:
            self._error(f"size ({size}) out of range, ignored", location)
            return
        if local or sym.binding == "local":
            if alignment == 0 and local:    # TC_IMPLICIT_LCOMM_ALIGNMENT
                alignment = 8 if size >= 8 else 4 if size >= 4 else 2 if size >= 2 else 1
            self._bss_alloc(sym, size, max(alignment, 1), location)
            return
        if sym.kind == COMMON and sym.value != size:
            self.diagnostics.warning(
                f"length of .comm \"{name}\" is already {sym.value}; not changed to {size}",
                location)
            return
        if alignment == 0:
            alignment = 1
            while alignment < size and alignment < 16:
                alignment <<= 1
        sym.kind = COMMON
        sym.value = size
        sym.common_align = alignment
        sym.location = location

    def _bss_alloc(self, sym: Symbol, size: int, alignment: int,
                   location: SourceLocation | None) -> None:
        """read.c bss_alloc: place the symbol in .bss subsection 1."""
        saved = (self.current, self.subsection, self._previous)
        bss = self.sections[(".bss", None, None)]
        self._enter(bss, 1)
        if alignment > 1:
            self.emit_align(alignment, 0, None, location)
        self._define_here(sym, location)
        self._reserve(size)
        sym.size = Constant(size)
        if sym.type is None:
            sym.type = "object"
        self._enter(saved[0], saved[1])
        self._previous = saved[2]

    def _reserve(self, size: int) -> None:
        if size > _INLINE_FILL_LIMIT:
            self._append_fixed(FillFrag(b"\0", size, 0, 0))
        else:
            self._tail().data += bytes(size)

    def set_file(self, name: str) -> None:
        order = 0 if self.symtab.first_file is None else self.symtab.next_order()
        sym = Symbol(name, order)
        sym.is_file = True
        sym.kind = ABSOLUTE
        sym.binding = "local"
        if self.symtab.first_file is None:
            self.symtab.first_file = sym
        self.symtab.all.append(sym)

    def add_ident(self, text: str) -> None:
        saved = (self.current, self.subsection, self._previous)
        if self._comment is None:
            section = self._find_section(".comment", None, None, None, None, None, None)
            section.flags = elf.SHF_MERGE | elf.SHF_STRINGS
            section.entsize = 1
            self._comment = section
            self._enter(section, 0)
            self._tail().data += b"\0"
        else:
            self._enter(self._comment, 0)
        self._tail().data += text.encode("utf-8") + b"\0"
        self._enter(saved[0], saved[1])
        self._previous = saved[2]

    def absolute_value(self, name: str) -> int | None:
        """The value of a symbol set to a constant so far (``.set N, 5``), else None."""
        sym = self.symtab.get(name)
        return sym.value if sym is not None and sym.kind == ABSOLUTE else None

    def is_defined(self, name: str) -> bool:
        sym = self.symtab.get(name)
        return sym is not None and sym.defined

    # --- contents --------------------------------------------------------------
    def _bind_operands(self, insn: Instruction) -> dict[int, Expr]:
        """Create operand symbols as the ISA's parser would (symbols_looked_up):
        names looked up place an existing assembler-local symbol; operands
        bind their expressions.

        Returns the bound form of each operand expression, by id, for the
        fixups that carry the same expression objects.
        """
        bound: dict[int, Expr] = {}
        for step in self.isa.symbols_looked_up(insn):
            if isinstance(step, str):
                sym = self.symtab.get(step)
                if sym is not None and sym.order == UNPLACED:
                    self.symtab.place(sym)
                continue
            for e in _operand_exprs(step):
                if not isinstance(e, Constant):
                    bound[id(e)] = self._bind(e)
        return bound

    def note_intel_operands(self, insn: Instruction) -> None:
        """Create and place each symbol an Intel-syntax instruction names.

        GNU as's Intel operand parser (tc-i386-intel.c) reads the value of
        every symbol in an operand, in text order, which turns an
        assembler-local ``.L`` symbol into a full one: it takes its place in
        the symbol list there, with the symbols of an equated one's value
        after it.  A relocation specifier lexed after its symbol
        (``foo@GOTPCREL[rip]``) creates ``_GLOBAL_OFFSET_TABLE_`` after it.
        """
        for op in insn.operands:
            for e in _operand_exprs(op):
                self.note_intel_expression(e, got_first=False)

    def note_intel_expression(self, e: Expr, got_first: bool = True) -> None:
        """The same for one expression; data directives (x86_cons) look for
        a relocation specifier first, so there ``_GLOBAL_OFFSET_TABLE_``
        comes before the symbol."""
        for ref in _symbol_refs(e):
            sym = self.symtab.get(ref.name)
            if sym is not None and sym.elf_name != sym.name:
                continue                      # '.', a temporary label
            if got_first:
                self._note_specifier(ref)
            self._convert_local(self.symtab.lookup(ref.name), 0)
            if not got_first:
                self._note_specifier(ref)

    def _convert_local(self, sym: Symbol, depth: int) -> None:
        self.symtab.place(sym)
        if sym.expr is not None and depth < 8:
            for ref in _symbol_refs(sym.expr):
                if isinstance(ref, Ref):
                    self._convert_local(ref.symbol, depth + 1)

    def emit_instruction(self, insn: Instruction) -> None:
        if self.lines.pending:
            self.lines.instruction()
        if self._mapping is not None:
            self._map("x")
        bound = self._bind_operands(insn) if insn.operands else {}
        ctx = self._context()
        try:
            target = self.isa.relaxable_target(insn)
            encoding = self.isa.encode(insn, ctx)
        except ToolchainError as exc:
            self.diagnostics.report(exc if exc.location else
                                    ToolchainError(exc.message, insn.location))
            return
        for warning in encoding.warnings:
            self.diagnostics.warning(warning, insn.location)
        if self.mapping is not None:
            self.mapping.code()
        if self.insn_alignment:
            tail = self._tail()
            if (tail.run_offset + len(tail.data)) % self.insn_alignment:
                # Fixed-width ISAs: an instruction after odd data is aligned first.
                self.emit_align(self.insn_alignment)
        if target is not None:
            frag = RelaxFrag(insn, ctx, bound.get(id(target)) or self._bind(target), encoding,
                             (specifier_of(target) or "").upper() == "PLT")
            self._append_variable(frag)
            return
        self._emit_encoding(encoding, bound, insn.location)

    def _emit_encoding(self, encoding, bound: dict[int, Expr],
                       location: SourceLocation | None) -> None:
        tail = self._tail()
        base = len(tail.data)
        for offset, name in encoding.labels:
            # An internal label (GNU as's fake ".L0" label), known to the
            # fixups below by ``name`` until the next one of that name.
            sym = self.symtab.new_anonymous(name, self.fake_label)
            self._define_here(sym, None)
            sym.offset = base + offset
        tail.data += encoding.data
        for fixup in encoding.fixups:
            value = bound.get(id(fixup.value)) or self._bind(fixup.value)
            pending = PendingFixup(base + fixup.offset, fixup, value, False,
                                   fixup.location or location)
            pending.frag = tail
            tail.fixups.append(pending)
        if encoding.ends_frag:
            tail.size = len(tail.data)
            self._new_data_frag(self.frags, False)

    def emit_bytes(self, data: bytes, location: SourceLocation | None = None) -> None:
        if self._mapping is not None and data:
            self._map("d")
        if self.current.nobits and any(data):
            self._error(f"attempt to store non-zero value in section `{self.current.name}'",
                        location)
        if self.mapping is not None and data:
            self.mapping.data()
        self._tail().data += data

    def emit_value(self, value: Expr, size: int, location: SourceLocation | None = None) -> None:
        if self._mapping is not None:
            self._map("d")
        bound = self._bind(value)
        if self.mapping is not None:
            self.mapping.data()
        tail = self._tail()
        if size not in (1, 2, 4, 8):
            self._error(f"unsupported data size {size}", location)
            return
        if specifier_of(bound) is None and not (self._code_differences and
                                                _names_code_label(bound)):
            try:
                add, sub, const = self.now.value(bound)
            except Unknown:
                add = sub = const = None
            except EvalError as exc:
                self._error(exc.args[0], location)
                return
            if const is not None and add is None and sub is None:
                tail.data += constant_bytes(const, size, self.diagnostics, location)
                return
        if self.current.nobits:
            self._error(f"attempt to store non-zero value in section `{self.current.name}'",
                        location)
            return
        fixup = Fixup(len(tail.data), size, value, f"data{size}", signed=False,
                      location=location)
        pending = PendingFixup(len(tail.data), fixup, bound, True, location)
        pending.frag = tail
        tail.fixups.append(pending)
        tail.data += bytes(size)

    def emit_leb128(self, value: Expr, signed: bool,
                    location: SourceLocation | None = None) -> None:
        """``.uleb128``/``.sleb128`` of a value known now (bytes) or after layout
        (read.c emit_leb128_expr: an rs_leb128 fragment sized by relaxation)."""
        bound = self._bind(value)
        try:
            add, sub, const = self.now.value(bound)
        except Unknown:
            add = sub = const = None
        except EvalError as exc:
            self._error(exc.args[0], location)
            return
        if const is not None and add is None and sub is None:
            self.emit_bytes(leb128_bytes(const, signed), location)
            return
        if self.mapping is not None:
            self.mapping.data()
        self._append_variable(LebFrag(bound, signed, location))

    def emit_fill(self, count: Expr, size: int, value: int,
                  location: SourceLocation | None = None) -> None:
        if size < 0:
            self._error("size negative; .fill ignored", location)
            return
        if size > 8:
            self.diagnostics.warning(".fill size clamped to 8", location)
            size = 8
        pattern = (value & 0xFFFFFFFF).to_bytes(8, "little")[:size]
        bound = self._bind(count)
        n = self.now.absolute(bound)
        if self.mapping is not None and size and n != 0:
            self.mapping.fill()
        if n is None:
            if size:
                self._append_variable(SpaceFrag(bound, size, pattern, location))
            return
        if n < 0:
            self.diagnostics.warning("repeat < 0; .fill ignored", location)
            return
        if size == 0 or n == 0:
            return
        if self._mapping is not None:
            self._map("d")
        if self.current.nobits and any(pattern):
            self._error(f"attempt to store non-zero value in section `{self.current.name}'",
                        location)
            return
        if n * size > _INLINE_FILL_LIMIT:
            self._append_fixed(FillFrag(pattern, n, 0, 0))
        else:
            self._tail().data += pattern * n

    def emit_align(self, alignment: int, fill: int | None = None, max_skip: int | None = None,
                   location: SourceLocation | None = None, fill_size: int = 1) -> None:
        if alignment <= 0 or alignment & (alignment - 1):
            self._error("alignment not a power of 2", location)
            return
        if alignment > self.current.alignment:
            self.current.alignment = alignment
        if alignment == 1:
            return
        code_alignment = getattr(self.isa, "code_alignment", None)
        if code_alignment is not None and fill is None and self.current.executable:
            encoding = code_alignment(alignment, self._context())
            if encoding is not None:
                if encoding.data:
                    self._map("x")
                    self._emit_encoding(encoding, {}, location)
                return
        if fill is not None and self.current.nobits:
            if fill & ((1 << (8 * fill_size)) - 1):
                self.diagnostics.warning(
                    f"ignoring fill value in section `{self.current.name}'", location)
            fill, fill_size = 0, 1
        if fill is None:
            pattern = None if self.current.executable else b"\0"
        elif self.current.executable and fill_size == 1 and (fill & 0xFF) == 0x90:
            pattern = None
        else:
            pattern = (fill & ((1 << (8 * fill_size)) - 1)).to_bytes(fill_size, "little")
        if self.mapping is not None:
            self.mapping.align()
        self._append_variable(AlignFrag(alignment, max_skip or 0, pattern, self._context(),
                                        location))

    def emit_org(self, offset: Expr, fill: int = 0, location: SourceLocation | None = None) -> None:
        bound = self._bind(offset)
        try:
            add, sub, _ = self.now.value(bound)
        except Unknown:
            add = sub = None
        except EvalError as exc:
            self._error(exc.args[0], location)
            return
        if add is not None and add.kind == LABEL and add.section is not self.current:
            self._error(f"invalid segment \"{add.section.name}\"", location)  # type: ignore
            return
        self._append_variable(OrgFrag(bound, fill, location))

    def emit_reloc(self, offset: Expr, type_name: str, value: Expr | None = None,
                   location: SourceLocation | None = None) -> None:
        """``.reloc offset, TYPE[, value]`` (relocdirective.py)."""
        if relocation_name(self.target.machine, type_name) is None:
            self._error("unrecognized reloc type", location)
            return
        self.reloc_directives.append(RelocDirective(
            self.current, self._bind(offset), type_name,
            None if value is None else self._bind(value), location))

    def set_code_mode(self, bits: int, code16gcc: bool = False) -> None:
        self.code_bits = bits
        self.code16gcc = code16gcc

    def evaluate_absolute(self, value: Expr, location: SourceLocation | None = None) -> int | None:
        try:
            return self.now.absolute(self._bind(value))
        except EvalError as exc:
            self._error(exc.args[0], location)
            return None

    def record_cfi(self, directive: str, args: str, location: SourceLocation | None = None) -> None:
        self.cfi.append((directive, args, location))

    def dwarf_file(self, number: int, location: SourceLocation | None = None) -> None:
        """``.file N ...``: DWARF file number N is assigned."""
        self.lines.file(number)

    def dwarf_loc(self, file: int, line: int, view: str | None = None,
                  location: SourceLocation | None = None) -> None:
        """``.loc FILE LINE ... [view V]`` (dwarfline.py): a line row, with its
        view symbol defined when ``view`` names one ("0"/"-0": asserted zero)."""
        self.lines.loc(file, line, view, location)

    def dwarf_mark_labels(self, on: bool) -> None:
        """``.loc_mark_labels``: every code label starts a row."""
        self.lines.mark_labels = on

    # --- the end -------------------------------------------------------------------
    def finish(self) -> bytes:
        """Lay out, relax, resolve fixups and return the ELF image."""
        from .layout import Layout
        from .objwriter import write_object
        end = getattr(self.isa, "end_of_assembly", None)
        if end is not None:
            end()                         # e.g. AArch64 literal pools left to write
        tail = self._tail()
        tail.size = len(tail.data)
        if self.symvers:
            prepare_symvers(self.symvers, self.diagnostics)
        self.lines.finish()
        attributes = getattr(self.isa, "attributes_contents", None)
        if attributes is not None:
            # The ISA's attributes section (RISC-V .riscv.attributes), made last.
            saved = (self.current, self.subsection, self._previous)
            section = self._find_section(self.isa.name.join((".", ".attributes")), None,
                                         None, None, None, None, None)
            section.sh_type = elf.SHT_RISCV_ATTRIBUTES
            self._enter(section, 0)
            self._tail().data += attributes()
            self._tail().size = len(self._tail().data)
            self._enter(saved[0], saved[1])
        layout = Layout(self)
        layout.run()
        if self.mapping is not None:
            self.mapping.finish(layout)
        self.lines.check()
        return write_object(self, layout)


def numeric_label_name(number: int, instance: int) -> str:
    """GNU as's name for instance ``instance`` of local label ``number:`` (fb_label_name)."""
    return f".L{number}\x02{instance}"


def constant_bytes(value: int, size: int, diagnostics: Diagnostics,
                   location: SourceLocation | None) -> bytes:
    """A constant data value, warning as GNU as's emit_expr does on truncation."""
    bits = 8 * size
    if size < 8:
        mask = ~((1 << bits) - 1)
        if value & mask and (-value) & mask:
            u64 = value & 0xFFFFFFFFFFFFFFFF
            diagnostics.warning(f"value {u64:#x} truncated to {value & ((1 << bits) - 1):#x}",
                                location)
    return (value & ((1 << bits) - 1)).to_bytes(size, "little")


def _operand_exprs(op: object) -> list[Expr]:
    if isinstance(op, Expr):
        return [op]
    if isinstance(op, Immediate):
        return [op.value]
    if isinstance(op, Memory):
        return [op.displacement] if op.displacement is not None else []
    if isinstance(op, Indirect):
        return _operand_exprs(op.target)
    if isinstance(op, FarPointer):
        return [op.segment, op.offset]
    return []


def _symbol_refs(e: Expr) -> list:
    """The SymbolRef (or bound Ref) leaves of an expression, left to right."""
    if isinstance(e, (SymbolRef, Ref)):
        return [e]
    if isinstance(e, Binary):
        return _symbol_refs(e.left) + _symbol_refs(e.right)
    operand = getattr(e, "operand", None)
    return _symbol_refs(operand) if isinstance(operand, Expr) else []


def _names_code_label(e: Expr) -> bool:
    return any(isinstance(r, Ref) and r.symbol.kind == LABEL and r.symbol.section is not None
               and r.symbol.section.executable for r in _symbol_refs(e))


def _self_ref(e: Expr) -> Symbol | None:
    return e.symbol if isinstance(e, Ref) else None


__all__ = ["ObjectStreamer", "numeric_label_name"]
