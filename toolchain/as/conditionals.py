"""GNU as conditional assembly: ``.if`` and its relatives, ``.else``, ``.endif``.

Each opener pushes a frame on the parser's conditional stack; while a branch
is false the parser reads only conditional directives (macros.py collects
macro bodies the same way).  The tests follow GNU as (cond.c): ``.if`` takes
an absolute expression known at that point, ``.ifdef`` asks whether a symbol
is defined so far, ``.ifc``/``.ifeqs`` compare strings, ``.ifb`` tests for an
empty operand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ..common.diagnostics import SourceLocation, ToolchainError
from .directives import ArgReader

if TYPE_CHECKING:
    from .parser import Parser

_SPACE = " \t\f\v\r"


@dataclass
class CondFrame:
    """One open ``.if``: whether its current branch is skipped, and why."""

    ignoring: bool
    done: bool              # a branch has been taken (or the whole .if is dead)
    outer_ignoring: bool
    location: SourceLocation
    else_seen: bool = False


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _SPACE:
        pos += 1
    return pos


# --------------------------------------------------------------------------
# Conditionals

def _push_cond(p: "Parser", loc: SourceLocation, test: Callable[[], bool]) -> None:
    if p.ignoring:
        p.conds.append(CondFrame(True, True, True, loc))
        return
    taken = test()
    p.conds.append(CondFrame(not taken, taken, False, loc))
    p.ignoring = not taken


def _absolute_test(p: "Parser", text: str, loc: SourceLocation, name: str) -> int:
    args = ArgReader(p, text, loc)
    value = args.parser.absolute(args.expression(), loc)
    if value is None:
        raise ToolchainError(f"non-constant expression in '.{name}' statement", loc)
    args.expect_end()
    return value


def _if_value(name: str, predicate: Callable[[int], bool]):
    def directive(p: "Parser", text: str, loc: SourceLocation) -> None:
        def test() -> bool:
            try:
                return predicate(_absolute_test(p, text, loc, name))
            except ToolchainError as exc:
                p.report(exc, loc)
                return False
        _push_cond(p, loc, test)
    directive.__name__ = name
    return directive


if_ = _if_value("if", lambda v: v != 0)
ifne = _if_value("ifne", lambda v: v != 0)
ifeq = _if_value("ifeq", lambda v: v == 0)
ifge = _if_value("ifge", lambda v: v >= 0)
ifgt = _if_value("ifgt", lambda v: v > 0)
ifle = _if_value("ifle", lambda v: v <= 0)
iflt = _if_value("iflt", lambda v: v < 0)


def _ifdef_common(p: "Parser", text: str, loc: SourceLocation, name: str,
                  want_defined: bool) -> None:
    def test() -> bool:
        args = ArgReader(p, text, loc)
        try:
            symbol = args.symbol_name()
            args.expect_end()
        except ToolchainError:
            p.diagnostics.error(f'invalid identifier for ".{name}"', loc)
            return False
        return p.streamer.is_defined(symbol) == want_defined
    _push_cond(p, loc, test)


def ifdef(p: "Parser", text: str, loc: SourceLocation) -> None:
    _ifdef_common(p, text, loc, "ifdef", True)


def ifndef(p: "Parser", text: str, loc: SourceLocation) -> None:
    _ifdef_common(p, text, loc, "ifndef", False)


def _mri_string(text: str, pos: int, stop: str) -> tuple[str, int]:
    """GNU as's get_mri_string: 'quoted' with '' for a quote, or up to ``stop``."""
    pos = _skip(text, pos)
    n = len(text)
    if pos < n and text[pos] == "'":
        out = []
        i = pos + 1
        while i < n:
            if text[i] == "'":
                if i + 1 < n and text[i + 1] == "'":
                    out.append("'")
                    i += 2
                    continue
                return "".join(out), i + 1
            out.append(text[i])
            i += 1
        return "".join(out), i
    end = text.find(stop, pos) if stop else -1
    end = n if end < 0 else end
    return text[pos:end].rstrip(_SPACE), end


def _ifc_common(p: "Parser", text: str, loc: SourceLocation, want_equal: bool) -> None:
    def test() -> bool:
        first, pos = _mri_string(text, 0, ",")
        pos = _skip(text, pos)
        if pos >= len(text) or text[pos] != ",":
            p.diagnostics.error("bad format for ifc or ifnc", loc)
            return False
        second, _ = _mri_string(text, pos + 1, "")
        return (first == second) == want_equal
    _push_cond(p, loc, test)


def ifc(p: "Parser", text: str, loc: SourceLocation) -> None:
    _ifc_common(p, text, loc, True)


def ifnc(p: "Parser", text: str, loc: SourceLocation) -> None:
    _ifc_common(p, text, loc, False)


def _ifeqs_common(p: "Parser", text: str, loc: SourceLocation, want_equal: bool) -> None:
    def test() -> bool:
        args = ArgReader(p, text, loc)
        try:
            first = args.string()
            args.expect_comma("string")
            second = args.string()
            args.expect_end()
        except ToolchainError as exc:
            p.report(exc, loc)
            return False
        return (first == second) == want_equal
    _push_cond(p, loc, test)


def ifeqs(p: "Parser", text: str, loc: SourceLocation) -> None:
    _ifeqs_common(p, text, loc, True)


def ifnes(p: "Parser", text: str, loc: SourceLocation) -> None:
    _ifeqs_common(p, text, loc, False)


def ifb(p: "Parser", text: str, loc: SourceLocation) -> None:
    _push_cond(p, loc, lambda: not text.strip())


def ifnb(p: "Parser", text: str, loc: SourceLocation) -> None:
    _push_cond(p, loc, lambda: bool(text.strip()))


def elseif(p: "Parser", text: str, loc: SourceLocation) -> None:
    if not p.conds:
        raise ToolchainError('".elseif" without matching ".if"', loc)
    frame = p.conds[-1]
    if frame.else_seen:
        raise ToolchainError('".elseif" after ".else"', loc)
    if frame.outer_ignoring or frame.done:
        frame.ignoring = True
    else:
        try:
            taken = _absolute_test(p, text, loc, "elseif") != 0
        except ToolchainError as exc:
            p.report(exc, loc)
            taken = False
        frame.ignoring = not taken
        frame.done = taken
    p.ignoring = frame.ignoring


def else_(p: "Parser", text: str, loc: SourceLocation) -> None:
    if not p.conds:
        raise ToolchainError('".else" without matching ".if"', loc)
    frame = p.conds[-1]
    if frame.else_seen:
        raise ToolchainError('duplicate ".else"', loc)
    frame.else_seen = True
    frame.ignoring = frame.outer_ignoring or frame.done
    frame.done = True
    p.ignoring = frame.ignoring


def endif(p: "Parser", text: str, loc: SourceLocation) -> None:
    if not p.conds:
        raise ToolchainError('".endif" without ".if"', loc)
    p.conds.pop()
    p.ignoring = p.conds[-1].ignoring if p.conds else False



CONDITIONAL_DIRECTIVES = frozenset({
    "if", "ifne", "ifeq", "ifge", "ifgt", "ifle", "iflt", "ifdef", "ifndef", "ifnotdef",
    "ifc", "ifnc", "ifeqs", "ifnes", "ifb", "ifnb", "elseif", "else", "endif",
})

CONDITIONALS: dict[str, Callable[["Parser", str, SourceLocation], None]] = {
    "if": if_, "ifne": ifne, "ifeq": ifeq, "ifge": ifge, "ifgt": ifgt, "ifle": ifle,
    "iflt": iflt, "ifdef": ifdef, "ifndef": ifndef, "ifnotdef": ifndef, "ifc": ifc,
    "ifnc": ifnc, "ifeqs": ifeqs, "ifnes": ifnes, "ifb": ifb, "ifnb": ifnb,
    "elseif": elseif, "else": else_, "endif": endif,
}
