"""x86 operand syntax: AT&T text to operand objects, and back to AT&T.

AT&T (GNU as's default)::

    operand  := '$' expr                          -- immediate
              | '*' (register | memory)           -- indirect branch target
              | register
              | [register ':'] memory             -- segment override
    memory   := [expr] '(' [base] [',' index [',' scale]] ')' | expr
    register := '%' name                          -- %eax, %st(1), %xmm0

Intel syntax (``.intel_syntax``) is read by intel.py.

Operands come back in Intel (manual) order, destination first: the AT&T
reader reverses what it reads (except the immediate pair of ``enter``), and
the printer reverses again.  A bare expression operand is a branch target or
an absolute address; the opcode row decides which.
"""

from __future__ import annotations

from ...common.diagnostics import SourceLocation, ToolchainError
from ..expr import Binary, Constant, Expr, SymbolRef, Unary, fold_constant
from ..exprparse import ExprParser
from ..instruction import FarPointer, Immediate, Indirect, Instruction, Memory, Operand, Register
from ..isa import SyntaxState
from .registers import REGISTERS, lookup

FAR_BRANCHES = frozenset(("ljmp", "lcall", "ljmpw", "ljmpl", "lcallw", "lcalll",
                          "jmp", "call", "jmpl", "calll", "jmpw", "callw"))

def split_operands(text: str) -> list[str]:
    """Split at commas outside parentheses, brackets and quotes."""
    parts: list[str] = []
    depth = 0
    start = 0
    quote = ""
    for i, c in enumerate(text):
        if quote:
            if c == quote:
                quote = ""
            continue
        if c in "\"'":
            if c == "'" and i + 1 < len(text):
                continue  # a character constant 'c
            quote = c
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    last = text[start:].strip()
    if last or parts:
        parts.append(last)
    return parts


class OperandParser:
    """Reads the operands of one statement, in either syntax."""

    def __init__(self, syntax: SyntaxState, location: SourceLocation):
        self.syntax = syntax
        self.location = location
        # Set when an expression named '.' or a numeric label (1b, 2f): then
        # the operands depend on where they are, not only on their text.
        self.used_position = False
        # The symbols read as constants so far (.set N, 5) and their values
        # then, None for the others: the same text means the same operands
        # while these are unchanged.
        self.constants_read: list[tuple[str, int | None]] = []

    def error(self, message: str) -> ToolchainError:
        return ToolchainError(message, self.location)

    def expr(self, text: str) -> Expr:
        syntax = self.syntax
        parser = ExprParser(text, self.location,
                            self._current_location if syntax.current_location else None,
                            self._local_label if syntax.local_label else None,
                            symbol_specifiers=True,
                            absolute_value=self._absolute_value if syntax.absolute_value else None)
        return parser.parse_all()

    def _current_location(self) -> str:
        self.used_position = True
        return self.syntax.current_location()  # type: ignore[misc]

    def _local_label(self, number: int, direction: str) -> str:
        self.used_position = True
        return self.syntax.local_label(number, direction)  # type: ignore[misc]

    def _absolute_value(self, name: str) -> int | None:
        value = self.syntax.absolute_value(name)  # type: ignore[misc]
        self.constants_read.append((name, value))
        return value

    def register(self, name: str, text: str) -> Register:
        info = lookup(name)
        if info is None:
            raise self.error(f"bad register name `{text}'")
        return Register(info.name)

    # ---- AT&T -------------------------------------------------------------

    def att_operands(self, mnemonic: str, text: str) -> tuple[Operand, ...]:
        parts = split_operands(text)
        if any(p == "" for p in parts):
            raise self.error("expecting operand after ','; got nothing")
        ops = [self.att_operand(p) for p in parts]
        if len(ops) == 2 and all(isinstance(o, Immediate) for o in ops) \
                and mnemonic in FAR_BRANCHES:
            return (FarPointer(ops[0].value, ops[1].value),)  # type: ignore[union-attr]
        if ops and all(isinstance(o, Immediate) for o in ops):
            return tuple(ops)      # enter $size, $level: gas keeps the order
        return tuple(reversed(ops))

    # operand := '$' expr | '*' operand | register | [register ':'] memory
    def att_operand(self, text: str) -> Operand:
        if text.startswith("$"):
            return Immediate(self.expr(text[1:]))
        if text.startswith("*"):
            inner = self.att_operand(text[1:].strip())
            if isinstance(inner, Expr):
                inner = Memory(displacement=inner)
            if not isinstance(inner, (Register, Memory)):
                raise self.error(f"bad indirect operand `{text}'")
            return Indirect(inner)
        segment = None
        if text.startswith("%"):
            reg_text, rest = self._att_register_prefix(text)
            if not rest:
                return self.register(reg_text[1:], reg_text)
            if not rest.startswith(":"):
                raise self.error(f"junk `{rest}' after register")
            segment = self.register(reg_text[1:], reg_text)
            text = rest[1:].strip()
        return self.att_memory(text, segment)

    def _att_register_prefix(self, text: str) -> tuple[str, str]:
        end = 1
        while end < len(text) and (text[end].isalnum() or text[end] == "."):
            end += 1
        rest = text[end:].lstrip()
        if text[1:end].lower() == "st" and rest.startswith("("):
            close = rest.find(")")
            if close < 0:
                raise self.error(f"bad register name `{text}'")
            return "%st(" + rest[1:close].strip() + ")", rest[close + 1:].strip()
        return text[:end], rest

    # memory := [expr] '(' [base] [',' index [',' scale]] ')' | expr
    def att_memory(self, text: str, segment: Register | None) -> Operand:
        if not text:
            raise self.error("missing operand")
        if text.endswith(")"):
            depth = 0
            for i in range(len(text) - 1, -1, -1):
                if text[i] == ")":
                    depth += 1
                elif text[i] == "(":
                    depth -= 1
                    if depth == 0:
                        break
            inner = text[i + 1:-1].strip()
            if inner.startswith("%") or inner.startswith(","):
                disp_text = text[:i].strip()
                disp = self.expr(disp_text) if disp_text else None
                return self._att_base_index(inner, disp, segment)
        disp = self.expr(text)
        if segment is None:
            return disp
        return Memory(displacement=disp, segment=segment)

    def _att_base_index(self, inner: str, disp: Expr | None,
                        segment: Register | None) -> Memory:
        fields = [f.strip() for f in inner.split(",")]
        if len(fields) > 3:
            raise self.error(f"bad memory operand `({inner})'")
        base = self.register(fields[0][1:], fields[0]) if fields[0] else None
        if fields[0] and not fields[0].startswith("%"):
            raise self.error(f"bad memory operand `({inner})'")
        index = None
        scale = 1
        if len(fields) >= 2 and fields[1]:
            if not fields[1].startswith("%"):
                raise self.error(f"bad memory operand `({inner})'")
            index = self.register(fields[1][1:], fields[1])
        if len(fields) == 3 and fields[2]:
            value = fold_constant(self.expr(fields[2]))
            if value not in (1, 2, 4, 8):
                raise self.error(f"expecting scale factor of 1, 2, 4, or 8: got `{fields[2]}'")
            scale = value
        return Memory(base=base, index=index, scale=scale, displacement=disp, segment=segment)


# ---- printing (AT&T) --------------------------------------------------------

def format_expr(e: Expr) -> str:
    if isinstance(e, Constant):
        return str(e.value)
    if isinstance(e, SymbolRef):
        name = e.name
        if not name or any(c not in _SYMBOL_CHARS for c in name) or name[0].isdigit():
            name = '"' + name + '"'
        return name if e.specifier is None else f"{name}@{e.specifier}"
    if isinstance(e, Unary):
        return f"{e.op}({format_expr(e.operand)})" if isinstance(e.operand, Binary) \
            else f"{e.op}{format_expr(e.operand)}"
    if isinstance(e, Binary):
        return f"({format_expr(e.left)}{e.op}{format_expr(e.right)})"
    raise TypeError(f"not an expression: {e!r}")


_SYMBOL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_.$0123456789")


def format_operand(op: Operand) -> str:
    if isinstance(op, Register):
        return "%" + op.name
    if isinstance(op, Immediate):
        return "$" + format_expr(op.value)
    if isinstance(op, Indirect):
        return "*" + format_operand(op.target)
    if isinstance(op, FarPointer):
        return f"${format_expr(op.segment)}, ${format_expr(op.offset)}"
    if isinstance(op, Memory):
        text = "%" + op.segment.name + ":" if op.segment is not None else ""
        if op.displacement is not None:
            e = op.displacement
            # sym+4(%rip), as GNU prints it: the outer parentheses would hide the
            # leading symbol (which decides when the parser looks it up).
            d = f"{format_expr(e.left)}{e.op}{format_expr(e.right)}" \
                if isinstance(e, Binary) and isinstance(e.left, SymbolRef) else format_expr(e)
            # A displacement starting with '(' would read as the base/index part.
            text += ("0+" + d) if d.startswith("(") and (op.base or op.index) else d
        if op.base is not None or op.index is not None:
            text += "("
            if op.base is not None:
                text += "%" + op.base.name
            if op.index is not None:
                text += f",%{op.index.name},{op.scale}"
            text += ")"
        elif op.displacement is None:
            text += "0"
        return text
    if isinstance(op, Expr):
        return format_expr(op)
    raise TypeError(f"not an operand: {op!r}")


def format_operands(insn: Instruction) -> str:
    ops = insn.operands
    if not ops:
        return ""
    if all(isinstance(o, Immediate) for o in ops):
        return ", ".join(format_operand(o) for o in ops)
    return ", ".join(format_operand(o) for o in reversed(ops))


__all__ = ["OperandParser", "format_operand", "format_operands", "format_expr",
           "split_operands", "REGISTERS"]
