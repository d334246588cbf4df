"""DWARF line rows from ``.file N``/``.loc``: their labels and view numbers.

GCC's ``-g`` output says where each statement starts with ``.loc FILE LINE
[COLUMN] [options] [view V]``.  GNU as (dwarf2dbg.c) turns every ``.loc``
into a *row*: a temporary label at the next instruction -- or at once when
the ``.loc`` names a view -- in the row list of the current section and
subsection.  A *view number* tells rows at the same address apart: 0 when
the address advanced since the previous row of the section, else the
previous row's view + 1.  ``view .LVU5`` defines ``.LVU5`` as that number,
which GCC's location lists then read (``.uleb128 .LVU5``); ``view 0``
asserts the number is zero (the address advanced), ``view -0`` forces it
to zero.

Whether the address advanced is known at once when the two labels are a
fixed distance apart; across a relaxable branch or an alignment the view
stays an expression, ``!(L - Lprev > 0) * (previous view + 1)``, resolved
after layout like any other equated symbol (set_or_check_view).  The first
row of a section has view 0, and the first row of a later subsection
continues from the last row of the one before; both are settled at the end
(dwarf2_finish).

pas writes no ``.debug_line`` yet: the rows only give the view symbols
their values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..common import elf
from ..common.diagnostics import SourceLocation
from .expr import Binary, Constant, Expr, Unary
from .symbols import ABSOLUTE, EQUATED, FAKE_LABEL_NAME, LABEL, UNDEFINED, UNPLACED, \
    EvalError, Evaluator, Ref, Symbol

if TYPE_CHECKING:
    from .sections import Section
    from .streamer import ObjectStreamer


class Row:
    """One line-table row: where it is and its view symbol (if one is needed)."""

    __slots__ = ("label", "view", "force_reset")

    def __init__(self, label: Symbol, view: Symbol | None, force_reset: bool):
        self.label = label
        self.view = view
        self.force_reset = force_reset


class LineRows:
    """The ``.file N``/``.loc`` state of one assembly (dwarf2dbg.c's globals)."""

    def __init__(self, streamer: "ObjectStreamer"):
        self.s = streamer
        self.files: set[int] = set()
        self.pending = False              # a .loc without view waits for an instruction
        self.mark_labels = False          # .loc_mark_labels 1
        self.line = 1                     # of the latest .loc
        # section -> subsection -> rows, sections in order of their first row
        self.rows: dict["Section", dict[int, list[Row]]] = {}
        self._deferred: list[tuple[Expr, SourceLocation | None]] = []

    # --- directives -------------------------------------------------------------
    def file(self, number: int) -> None:
        """``.file N ["dir"] "name" [md5 X]``: file N is assigned."""
        self.files.add(number)

    def loc(self, file: int, line: int, view: str | None,
            location: SourceLocation | None) -> None:
        """``.loc FILE LINE ...``; ``view`` is the view's symbol name, "0" or "-0"."""
        if self.pending:
            self.emit_row(None, False, location)   # two .loc in a row: the first now
        if file not in self.files:
            self.s.diagnostics.error(f"unassigned file number {file}", location)
            return
        self.line = line
        if view is None:
            self.pending = True
            return
        if view in ("0", "-0"):
            sym = Symbol(FAKE_LABEL_NAME, UNPLACED)
            sym.kind = ABSOLUTE
            self.emit_row(sym, view == "-0", location)
            return
        sym = self.s.symtab.lookup(view)
        if sym.defined:
            if not sym.volatile:
                self.s.diagnostics.error(f"symbol `{view}' is already defined", location)
                return
            sym = self.s.symtab.clone(sym)
        sym.kind = UNDEFINED
        sym.location = location
        self.emit_row(sym, False, location)

    def label(self, sym: Symbol) -> None:
        """A label under ``.loc_mark_labels 1`` is a row (dwarf2_emit_label)."""
        if sym.section is self.s.current and self.s.current.executable and self.files:
            self.pending = False
            self._append(sym, None, False)

    def instruction(self) -> None:
        """The instruction a pending ``.loc`` was waiting for starts here."""
        self.emit_row(None, False, None)

    # --- rows and views ------------------------------------------------------------
    def emit_row(self, view: Symbol | None, force_reset: bool,
                 location: SourceLocation | None) -> None:
        self.pending = False
        if self.line == 0:
            return                        # dwarf2_gen_line_info: no row for line 0
        section = self.s.current
        if section.nobits or not section.executable or not section.flags & elf.SHF_ALLOC:
            self.s.diagnostics.warning(
                f"dwarf line number information for {section.name} ignored", location)
            return
        tail = self.s._tail()
        label = Symbol(FAKE_LABEL_NAME, UNPLACED)
        label.kind = LABEL
        label.section = section
        label.frag = tail
        label.offset = len(tail.data)
        self._append(label, view, force_reset, location)

    def _append(self, label: Symbol, view: Symbol | None, force_reset: bool,
                location: SourceLocation | None = None) -> None:
        subsections = self.rows.setdefault(self.s.current, {})
        rows = subsections.setdefault(self.s.subsection, [])
        row = Row(label, view, force_reset)
        rows.append(row)
        if view is not None and len(rows) > 1:
            self._set_view(row, rows, len(rows) - 1, location)

    def _set_view(self, row: Row, rows: list[Row] | None, index: int,
                  location: SourceLocation | None, previous: Row | None = None) -> None:
        """set_or_check_view: define (or check) the view of ``rows[index]`` from
        the row before it (``previous``, or none for a section's first row)."""
        if rows is not None and index > 0:
            previous = rows[index - 1]
        if previous is None or row.force_reset:
            keep: Expr | int = 0
        else:
            distance = self.s.now.distance(row.label, previous.label)
            if distance is not None:
                keep = int(distance <= 0)
            else:
                keep = Unary("!", Binary(">", Binary("-", Ref(row.label), Ref(previous.label)),
                                         Constant(0)))
        view = row.view
        assert view is not None
        if view.kind == ABSOLUTE:
            # 'view 0' (or '-0'): the address must have advanced.
            if isinstance(keep, int):
                if (not view.value) != (not keep):
                    self.s.diagnostics.error("view number mismatch", location)
            elif not view.value:
                self._deferred.append((keep, location))
        value: Expr | int = 0
        if not isinstance(keep, int) or keep:
            assert previous is not None
            increment = _increment(previous.view)
            value = increment if isinstance(keep, int) else Binary("*", keep, increment)
        if view.kind == UNDEFINED:
            _define(view, value)

    def finish(self) -> None:
        """dwarf2_finish: the first row of each subsection gets its view."""
        for subsections in self.rows.values():
            last: Row | None = None
            for number in sorted(subsections):
                rows = subsections[number]
                head = rows[0]
                if head.view is not None:
                    self._set_view(head, None, 0, None, last)
                last = rows[-1]

    def check(self) -> None:
        """dwarf2dbg_final_check: ``view 0`` rows whose address did advance."""
        for keep, location in self._deferred:
            try:
                add, sub, value = Evaluator(final=True).value(keep)
            except EvalError:
                add = sub = None
                value = 1
            if add is not None or sub is not None:
                value = None
            if value is None or value:
                self.s.diagnostics.error("view number mismatch", location)
                break


def _increment(view: Symbol | None) -> Expr:
    """``view + 1``, folded as GNU as does when the view is a constant or a
    symbol plus a constant (so runs of rows at one address stay shallow).

    A view not defined yet -- a row without one, or the first row of a
    subsection, settled only at the end -- reads as 0 here, as in GNU as
    (its value expression is still the constant 0), so the row after it
    gets view 1 whatever that view turns out to be.
    """
    if view is None or view.kind == UNDEFINED:
        return Constant(1)
    if view.kind == ABSOLUTE:
        return Constant(view.value + 1)
    e = view.expr if view.kind == EQUATED else None
    if isinstance(e, Binary) and e.op == "+" and isinstance(e.right, Constant) \
            and isinstance(e.left, Ref):
        return Binary("+", e.left, Constant(e.right.value + 1))
    return Binary("+", Ref(view), Constant(1))


def _define(view: Symbol, value: Expr | int) -> None:
    if isinstance(value, int):
        view.kind, view.value = ABSOLUTE, value
    elif isinstance(value, Constant):
        view.kind, view.value = ABSOLUTE, value.value
    else:
        view.kind, view.expr = EQUATED, value
