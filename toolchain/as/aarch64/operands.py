"""A64 operand syntax: GNU as text to operand objects, and back.

    operand  := register                      x0, wsp, d1, v2.4s
              | register '[' index ']'        v0.s[1]            (Element)
              | '{' register (',' register)* '}' ['[' index ']']  (RegisterList)
              | '{' register '-' register '}' ['[' index ']']
              | ['#'] expr                    #16, #:lo12:sym, label
              | '#' float                     fmov d0, #1.5      (FloatImmediate)
              | shift ['#'] expr              lsl #12, uxtw, sxtw #2  (Shift)
              | name                          eq, ish, tpidr_el0, pldl1keep (Keyword)
    memory   := '[' base ']' [',' ('#' expr | register)]      post-index
              | '[' base ',' offset ']' ['!']                 offset, pre-index
    offset   := ['#'] expr | register [',' extend ['#' amount]]

Operands are kept in the order written.  A bare expression (no '#') is an
``Expr`` -- a branch target or a literal address; an encoder that wants an
immediate takes either.  Which operands are names rather than symbols
(conditions, barrier options, system registers...) depends on the
mnemonic: ``KEYWORD_OPERANDS`` says where.  A register offset's extend is
kept as text in ``Memory.extend`` (``"lsl #3"``, ``"sxtw"``): whether an
amount was written matters to the encoding of byte loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...common.diagnostics import SourceLocation, ToolchainError
from ..expr import Constant, Expr
from ..exprparse import ExprParser
from ..instruction import Immediate, Instruction, Memory, Register
from ..isa import SyntaxState
from .registers import ALIASES, register_info

SHIFTS = frozenset(("lsl", "lsr", "asr", "ror", "msl"))
EXTENDS = frozenset(("uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"))

CONDITIONS = ("eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
              "hi", "ls", "ge", "lt", "gt", "le", "al", "nv")
CONDITION_ALIASES = {"hs": "cs", "lo": "cc"}

# Mnemonic -> operand positions that are names, not expressions.
_COND_LAST = ("csel", "csinc", "csinv", "csneg", "ccmp", "ccmn", "fccmp", "fccmpe", "fcsel")
KEYWORD_OPERANDS: dict[str, tuple[int, ...]] = {
    **{m: (-1,) for m in _COND_LAST},
    "cset": (1,), "csetm": (1,), "cinc": (2,), "cinv": (2,), "cneg": (2,),
    "mrs": (1,), "msr": (0,), "dmb": (0,), "dsb": (0,), "isb": (0,),
    "prfm": (0,), "prfum": (0,), "dc": (0,), "ic": (0,), "tlbi": (0,), "at": (0,),
    "sys": (1, 2), "bti": (0,),
}

# Mnemonic -> the operand that is an address (label), where a bare name is a
# symbol even when it is spelled like a register (``adrp x0, s1``).
ADDRESS_OPERANDS = {"adr": 1, "adrp": 1, "b": 0, "bl": 0, "cbz": 1, "cbnz": 1,
                    "tbz": 2, "tbnz": 2, "ldr": 1, "ldrsw": 1, "prfm": 1}


def address_operand(mnemonic: str) -> int | None:
    if mnemonic in ADDRESS_OPERANDS:
        return ADDRESS_OPERANDS[mnemonic]
    if mnemonic[:1] == "b":
        cond = mnemonic[2:] if mnemonic[1:2] == "." else mnemonic[1:]
        if cond in CONDITIONS or cond in CONDITION_ALIASES:
            return 0
    return None


_FLOAT = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+(?=[eE]))(?:[eE][-+]?\d+)?$")


@dataclass(frozen=True, slots=True)
class Shift:
    """A shift or extend operand: ``lsl #12``, ``uxtw``, ``sxtw #2``, ``msl #8``."""

    op: str
    amount: int | None = None

    def __str__(self) -> str:
        return self.op if self.amount is None else f"{self.op} #{self.amount}"


@dataclass(frozen=True, slots=True)
class Keyword:
    """A name operand: condition (``eq``), barrier option, system register, prefetch op."""

    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class FloatImmediate:
    """``#1.5``: an FP immediate, kept as written."""

    text: str

    @property
    def value(self) -> float:
        return float(self.text)

    def __str__(self) -> str:
        return f"#{self.text}"


@dataclass(frozen=True, slots=True)
class LiteralValue:
    """``=expr`` of ``ldr x0, =expr``: a value for the literal pool (literals.py)."""

    value: Expr

    def __str__(self) -> str:
        return f"={self.value}"


@dataclass(frozen=True, slots=True)
class Element:
    """A vector element: ``v0.s[1]`` is Element("v0.s", 1)."""

    register: str
    index: int

    def __str__(self) -> str:
        return f"{self.register}[{self.index}]"


@dataclass(frozen=True, slots=True)
class RegisterList:
    """``{v0.16b, v1.16b}``, or one lane of each: ``{v0.s, v1.s}[1]``."""

    registers: tuple[str, ...]
    index: int | None = None

    def __str__(self) -> str:
        text = "{" + ", ".join(self.registers) + "}"
        return text if self.index is None else f"{text}[{self.index}]"


_WORD = re.compile(r"[A-Za-z0-9_.$]")


def squeeze(text: str) -> str:
    """Text as GNU as's input scrubber leaves it (app.c): a blank survives only
    between two symbol characters, as one space."""
    out: list[str] = []
    pending = False
    for c in text.strip():
        if c in " \t":
            pending = True
            continue
        if pending and out and _WORD.match(out[-1]) and _WORD.match(c):
            out.append(" ")
        pending = False
        out.append(c)
    return "".join(out)


class OperandError(Exception):
    """A bad operand; ``index`` is its 0-based position (None: the whole line)."""

    # GNU as finds some errors only when it applies the fixup of an
    # immediate: those messages name neither the operand nor the line.

    def __init__(self, message: str, index: int | None = None, bare: bool = False):
        super().__init__(message)
        self.message = message
        self.index = index
        self.bare = bare          # GNU as reports it when fixing up: no quoted line


def split_operands(text: str) -> list[str]:
    """Split at commas outside brackets, braces and quotes."""
    parts: list[str] = []
    depth = 0
    start = 0
    quote = ""
    for i, c in enumerate(text):
        if quote:
            if c == quote:
                quote = ""
            continue
        if c == '"':
            quote = c
        elif c in "[{(":
            depth += 1
        elif c in "]})":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    last = text[start:].strip()
    if last or parts:
        parts.append(last)
    return parts


def canonical_register(name: str) -> str | None:
    """The register's spelling kept in operands (lower case, aliases resolved)."""
    lower = name.lower()
    if register_info(lower) is None:
        return None
    return ALIASES.get(lower, lower)


class OperandParser:
    """Reads the operands of one instruction."""

    def __init__(self, syntax: SyntaxState, location: SourceLocation,
                 aliases: dict[str, str] | None = None):
        self.syntax = syntax
        self.location = location
        self.aliases = aliases or {}        # .req names -> register

    def register(self, name: str) -> str | None:
        """A register name or a ``.req`` alias of one, canonical; None if neither."""
        alias = self.aliases.get(name.lower()) if self.aliases else None
        return alias if alias is not None else canonical_register(name)

    def expression(self, text: str) -> Expr:
        parser = ExprParser(text, self.location, self.syntax.current_location,
                            self.syntax.local_label, colon_specifiers=True,
                            absolute_value=self.syntax.absolute_value)
        return parser.parse_all()

    def operands(self, mnemonic: str, text: str) -> tuple[object, ...]:
        parts = split_operands(text)
        keywords = KEYWORD_OPERANDS.get(mnemonic, ())
        address = address_operand(mnemonic)
        out: list[object] = []
        count = len(parts)
        i = 0
        while i < count:
            part = parts[i]
            if not part:
                raise OperandError("operand expected", i if i < count - 1 or i else None)
            if part.startswith("["):
                mem, used = self.memory(parts, i)
                out.append(mem)
                i += used
                continue
            if i == address and _is_name(part):
                out.append(self.expression(part))     # a symbol even if named like a register
                i += 1
                continue
            if i in keywords or (i - count) in keywords:
                if _is_name(part):
                    out.append(Keyword(part.lower()))
                    i += 1
                    continue
            try:
                out.append(self.operand(part))
            except OperandError as exc:
                raise OperandError(exc.message, len(out)) from None
            except ToolchainError as exc:
                raise OperandError(exc.message, len(out)) from None
            i += 1
        return tuple(out)

    def operand(self, text: str) -> object:
        if text.startswith("{"):
            return self.register_list(text)
        reg = self.register(text)
        if reg is not None:
            return Register(reg)
        word, _, rest = text.partition(" ")
        lower = word.lower()
        if "[" in text and not text.startswith(("#", "[")):
            name, _, index = text.partition("[")
            reg = self.register(name.strip())
            if reg is not None and index.endswith("]"):
                return Element(reg, self.index(index[:-1]))
        if lower in SHIFTS or lower in EXTENDS:
            if not rest.strip():
                if lower in EXTENDS:
                    return Shift(lower)
                raise OperandError("missing shift amount")
            return Shift(lower, self.constant(rest.strip().removeprefix("#")))
        if text.startswith("="):
            return LiteralValue(self.expression(text[1:].strip()))
        if text.startswith("#"):
            body = text[1:].strip()
            if _FLOAT.match(body):
                return FloatImmediate(body)
            return Immediate(self.expression(body))
        if _FLOAT.match(text):
            return FloatImmediate(text)
        return self.expression(text)

    def constant(self, text: str) -> int:
        e = self.expression(text)
        if not isinstance(e, Constant):
            from ..expr import fold_constant
            value = fold_constant(e)
            if value is None:
                raise OperandError("constant expression required")
            return value
        return e.value

    def index(self, text: str) -> int:
        return self.constant(text.strip().removeprefix("#"))

    def register_list(self, text: str) -> RegisterList:
        close = text.find("}")
        if close < 0:
            raise OperandError("missing '}'")
        body, tail = text[1:close].strip(), text[close + 1:].strip()
        index = None
        if tail:
            if not (tail.startswith("[") and tail.endswith("]")):
                raise OperandError("unexpected characters following register list")
            index = self.index(tail[1:-1])
        names: list[str] = []
        if "-" in body and "," not in body:
            first, _, last = (s.strip() for s in body.partition("-"))
            a, b = self.register(first), self.register(last)
            if a is None or b is None or not a.startswith("v") or not b.startswith("v"):
                raise OperandError("invalid register list")
            shape = a.partition(".")[2]
            lo, hi = int(a[1:].partition(".")[0]), int(b[1:].partition(".")[0])
            count = (hi - lo) % 32 + 1
            names = [f"v{(lo + k) % 32}" + (f".{shape}" if shape else "") for k in range(count)]
        else:
            for item in body.split(","):
                reg = self.register(item.strip())
                if reg is None or not reg.startswith("v"):
                    raise OperandError("invalid register list")
                names.append(reg)
        return RegisterList(tuple(names), index)

    def memory(self, parts: list[str], i: int) -> tuple[Memory, int]:
        """An address: ``[base...]`` at parts[i], with a post-index in parts[i+1]."""
        text = parts[i]
        close = text.rfind("]")
        if close < 0:
            raise OperandError("missing ']'", i)
        inner, tail = text[1:close], text[close + 1:].strip()
        pieces = [p.strip() for p in inner.split(",")]
        base = self.register(pieces[0])
        if base is None or register_info(base).kind != "x":  # type: ignore[union-attr]
            raise OperandError("64-bit integer or SP register expected", i)
        writeback = None
        if tail == "!":
            writeback = "pre"
        elif tail:
            raise OperandError("unexpected characters following instruction", i)
        index = None
        extend = None
        disp: Expr | None = None
        if len(pieces) > 1:
            off = pieces[1]
            reg = self.register(off)
            if reg is not None:
                index = Register(reg)
                if len(pieces) > 2:
                    word, _, amount = pieces[2].strip().lower().partition(" ")
                    word, hash_, rest = word.partition("#")
                    amount = (rest + amount).strip().removeprefix("#").strip()
                    if word not in EXTENDS and word != "lsl":
                        raise OperandError("invalid addressing mode", i)
                    if amount:
                        try:
                            extend = f"{word} #{self.constant(amount)}"
                        except (OperandError, ToolchainError):
                            raise OperandError("invalid shift amount", i) from None
                    elif word == "lsl":
                        raise OperandError("missing shift amount", i)
                    else:
                        extend = word
                    if len(pieces) > 3:
                        raise OperandError("invalid addressing mode", i)
            else:
                if len(pieces) > 2:
                    raise OperandError("invalid addressing mode", i)
                try:
                    disp = self.expression(off.removeprefix("#"))
                except ToolchainError as exc:
                    raise OperandError(exc.message, i) from None
        used = 1
        if writeback is None and len(parts) > i + 1 and len(pieces) == 1:
            post = parts[i + 1]
            reg = self.register(post)
            if reg is not None:
                index = Register(reg)
            else:
                try:
                    disp = self.expression(post.removeprefix("#"))
                except ToolchainError as exc:
                    raise OperandError(exc.message, i) from None
            writeback = "post"
            used = 2
        return Memory(base=Register(base), index=index, displacement=disp, extend=extend,
                      writeback=writeback), used


def _is_name(text: str) -> bool:
    return re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", text) is not None


# ---- printing ---------------------------------------------------------------

def format_operand(op: object) -> str:
    if isinstance(op, Register):
        return op.name
    if isinstance(op, Immediate):
        return f"#{op.value}"
    if isinstance(op, Memory):
        return format_memory(op)
    return str(op)


def format_memory(m: Memory) -> str:
    base = m.base.name if m.base is not None else "?"
    if m.writeback == "post":
        after = m.index.name if m.index is not None else f"#{m.displacement}"
        return f"[{base}], {after}"
    inner = base
    if m.index is not None:
        inner += f", {m.index.name}"
        if m.extend:
            inner += f", {m.extend}"
    elif m.displacement is not None:
        inner += f", #{m.displacement}"
    return f"[{inner}]" + ("!" if m.writeback == "pre" else "")


def format_operands(insn: Instruction) -> str:
    return ", ".join(format_operand(op) for op in insn.operands)
