"""Intel syntax (``.intel_syntax``): operand text to operand objects.

Intel syntax is the SDM's: destination first, no ``$``/``%`` sigils (unless
``.intel_syntax prefix`` asks for ``%`` on registers), operand sizes written
as ``DWORD PTR`` instead of mnemonic suffixes.  GNU as does not parse it with
a grammar of its own: an operand is one *expression* in which registers are
values, ``[`` is an infix "index" operator that adds, ``:`` a segment
operator, and ``BYTE PTR``, ``OFFSET``, ``SHORT``, ``NOT`` are unary
operators (tc-i386-intel.c).  The expression is then simplified: registers
inside brackets become base and index (``reg*scale`` in either order), the
rest is the displacement.  The quirks that follow, all copied here:

* Precedence is gas's: ``:`` binds tightest, then unary operators (so
  ``DWORD PTR foo[rip]`` is ``(DWORD PTR foo)[rip]``), then ``* / mod shl
  shr``, ``| ^ & or xor and``, ``+ -``, comparisons (``eq ne lt le gt
  ge``), ``&&``, ``||``, and ``[`` lowest: ``foo+4[rax]`` is ``(foo+4)[rax]``.
* Whether an operand is memory or immediate depends on its *value*: a
  bracket, a register in it, a segment, or a plain ``symbol+constant``
  (``mov eax, foo`` loads from foo) make memory; a constant or a symbol
  difference (``mov eax, .L3-.L2``) or ``OFFSET foo`` is an immediate.
* For branches a bare symbol is the target (``call foo``); a bracket, a
  register, ``NEAR PTR`` with a segment or a size other than ``FAR`` make
  it indirect; ``seg:offset`` with a constant segment is a far pointer.
* ``FAR PTR``/``FWORD PTR`` (and ``DWORD PTR`` in 16-bit code) turn
  ``jmp``/``call`` into the far (``ljmp``/``lcall``) forms.
* Mnemonics mean what the SDM says: ``fsub st(1), st`` is DC E9, where
  AT&T's historical ``fsub %st, %st(1)`` is DC E1, so those x87 forms take
  the other AT&T name here; ``movsx r64, r/m32`` is ``movsxd``.
* In 16-bit addressing ``[si+bx]`` is ``[bx+si]``.
* Names that are registers or Intel operators (``gt``, ``and``, ``mod``...)
  cannot be used as symbols; gas reports "invalid use of register" and
  "invalid use of operator".
* A symbol already set to a constant (``.set N, 5``) is that number:
  ``mov eax, N`` is an immediate, ``add eax, N`` takes the imm8 form.
* No size stated: an unsized memory operand that rows of several widths
  would take is an error ("ambiguous operand size"), and in 16-bit code a
  constant up to 0xFFFF is read as a signed word (``push 65535`` is
  ``push -1``, widened to 32 bits under ``.code16gcc``).
* Every symbol an operand (or, in data directives, an expression) names
  becomes a full symbol there, which fixes where ``.L`` symbols of
  mergeable sections land in the symbol table (the streamer's
  ``note_intel_operands``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...common.diagnostics import SourceLocation, ToolchainError
from ..expr import Binary, Constant, Expr, SymbolRef, Unary, fold_constant
from ..exprparse import SYMBOL_CHARS, SYMBOL_START, ExprParser
from ..instruction import FarPointer, Immediate, Indirect, Memory, Operand, Register
from ..isa import SyntaxState
from .registers import RegInfo, lookup

if TYPE_CHECKING:
    from .opcodes import OperandType

# PTR types: access width in bits ("far" and "near" are handled apart).
PTR_SIZES = {"byte": 8, "word": 16, "dword": 32, "fword": 48, "qword": 64, "tbyte": 80,
             "oword": 128, "xmmword": 128, "ymmword": 256, "zmmword": 512}
PTR_KINDS = frozenset(PTR_SIZES) | {"near", "far"}

# Intel word operators and the expression operator each stands for.
WORD_BINARY = {"and": "&", "or": "|", "xor": "^", "mod": "%", "shl": "<<", "shr": ">>",
               "eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
WORD_UNARY = frozenset(("not", "offset", "short"))
OPERATOR_WORDS = frozenset(WORD_BINARY) | WORD_UNARY

_PRECEDENCE = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<>": 3, "<": 3, ">": 3, "<=": 3, ">=": 3,
               "+": 4, "-": 4, "|": 4, "&": 4, "^": 4, "!": 4,
               "*": 5, "/": 5, "%": 5, "<<": 5, ">>": 5}
_PUNCT = sorted(("||", "&&", "==", "!=", "<>", "<=", ">=", "<<", ">>", "<", ">", "+", "-",
                 "|", "&", "^", "!", "*", "/", "%", "~", "[", "]", "(", ")", ":"),
                key=len, reverse=True)

# lds les lfs lgs lss: FWORD PTR is their 32-bit form, not an operand-size prefix.
_LOAD_FAR = re.compile(r"l[defgs]s$")

# Branches whose operand is a target (gas's jump / jumpdword templates).
_FAR_CAPABLE = frozenset(("jmp", "call"))

# x87 arithmetic whose ST(i), ST(0) forms AT&T names the other way round.
_X87_REVERSED = {"fsub": "fsubr", "fsubr": "fsub", "fdiv": "fdivr", "fdivr": "fdiv",
                 "fsubp": "fsubrp", "fsubrp": "fsubp", "fdivp": "fdivrp", "fdivrp": "fdivp"}


# ---- the operand expression tree ---------------------------------------------

@dataclass(frozen=True, slots=True)
class Leaf:
    value: Expr


@dataclass(frozen=True, slots=True)
class Reg:
    info: RegInfo


@dataclass(frozen=True, slots=True)
class Flat:
    """The ``FLAT`` pseudo segment register."""


@dataclass(frozen=True, slots=True)
class Op:
    """An operator node: binary (``+``, ``*``, ``:``, ``[``) or unary (``-``,
    ``ptr``, ``offset``, ``short``); ``left`` is None for unary ones and
    for a leading ``[``."""

    op: str
    left: object
    right: object
    kind: str | None = None       # the PTR type of a ``ptr`` node


class IntelParser:
    """Reads the operands of one Intel-syntax statement."""

    def __init__(self, syntax: SyntaxState, location: SourceLocation):
        self.syntax = syntax
        self.location = location
        self.prefixes: tuple[str, ...] = ()      # prefixes an operand asks for

    def error(self, message: str) -> ToolchainError:
        return ToolchainError(message, self.location)

    # ---- statement ---------------------------------------------------------

    def instruction(self, mnemonic: str, text: str) -> tuple[str, tuple[Operand, ...]]:
        """The AT&T-index mnemonic and the operands (Intel order) of one statement."""
        from .operands import split_operands
        parts = split_operands(text)
        if any(p == "" for p in parts):
            raise self.error("expecting operand after ','; got nothing")
        branch = mnemonic in _FAR_CAPABLE or mnemonic.startswith("j") or \
            mnemonic.startswith("loop") or mnemonic in ("ljmp", "lcall")
        ops: list[Operand] = []
        far = False
        for part in parts:
            op, is_far = self.operand(part, mnemonic, branch)
            far = far or is_far
            ops.append(op)
        if len(ops) == 2 and branch and all(isinstance(o, Immediate) or _is_plain(o) for o in ops):
            # jmp 0x10, 0x1000: segment, offset
            seg, off = (o.value if isinstance(o, Immediate) else o for o in ops)
            ops = [FarPointer(seg, off)]
        if any(isinstance(o, FarPointer) for o in ops):
            far = True
        if far and mnemonic in _FAR_CAPABLE:
            mnemonic = "l" + mnemonic
        if self.syntax.code_bits == 16 and not any(
                isinstance(o, Register) or (isinstance(o, Memory) and o.size) for o in ops):
            ops = [_word_immediate(o) for o in ops]
        name = self.mnemonic(mnemonic, ops)
        if name in ("sysret", "sysexit") and not ops:    # 32- or 64-bit return: say which
            raise self.error(f"ambiguous operand size for `{name}'")
        if any(isinstance(o, Memory) and o.size is None for o in ops) and not branch \
                and name != "movd":                  # movd is 32-bit, its name says so
            self.check_size(name, ops)
        return name, tuple(ops)

    def check_size(self, name: str, ops: list[Operand]) -> None:
        """gas's "ambiguous operand size": an unsized memory operand that rows
        of several widths would take, nothing else deciding (``inc [rax]``).
        Rows whose size defaults by mode (push, pop) are not ambiguous."""
        from ..isa import EncodeContext
        from .encoder import Encoder
        from .opcodes import ATT_INDEX, INTEL_INDEX
        ctx = EncodeContext(self.syntax.code_bits, self.syntax.code16gcc)
        widths = set()
        for form in ATT_INDEX.get(name) or INTEL_INDEX.get(name) or ():
            if len(form.operands) != len(ops) or not Encoder.valid_in_mode(form, ctx, name):
                continue
            if not all(_may_match(t, op) for t, op in zip(form.operands, ops)):
                continue
            if form.flags & {"d64", "ds"}:
                return
            widths.update(t.msize for t, op in zip(form.operands, ops)
                          if isinstance(op, Memory) and t.msize is not None)
        if len(widths) > 1:
            raise self.error(f"ambiguous operand size for `{name}'")

    def mnemonic(self, name: str, ops: list[Operand]) -> str:
        """The name the opcode index knows this Intel mnemonic by, for these operands."""
        if name in _X87_REVERSED:
            first = ops[0] if ops else None
            if (not ops and name.endswith("p")) or (
                    isinstance(first, Register) and first.name.startswith("st(")
                    and first.name != "st(0)" and len(ops) == 2):
                return _X87_REVERSED[name]
        if name == "bound" and len(ops) == 2:
            ops[0], ops[1] = ops[1], ops[0]      # the table's AT&T rows: bound m, r
            return name
        if name == "movsx" and len(ops) == 2:
            src = ops[1]
            if (isinstance(src, Register) and lookup(src.name).size == 32
                    and lookup(src.name).cls == "gp") or \
                    (isinstance(src, Memory) and src.size == 32):
                return "movsxd"
        return name

    # ---- one operand --------------------------------------------------------

    def operand(self, text: str, mnemonic: str, branch: bool) -> tuple[Operand, bool]:
        """One operand; the flag says it is a far (segment:offset) memory operand."""
        tree = _Reader(self, text).parse()
        s = _Simplifier(self, self.syntax.code_bits, text)
        disp = s.walk(tree, text)
        kind = s.modifier
        if s.reg is not None:
            if s.base or s.index or s.segment is not None:
                raise self.error("invalid operand")
            reg = Register(s.reg.name)
            return (Indirect(reg) if branch and mnemonic in _FAR_CAPABLE else reg), False
        size = None
        far = False
        if kind is not None and mnemonic != "lea":
            if kind == "far" or kind == "fword" or (
                    kind == "dword" and branch and self.syntax.code_bits == 16
                    and mnemonic in _FAR_CAPABLE):
                far = branch and mnemonic in _FAR_CAPABLE
                size = 32 if kind != "fword" and self.syntax.code_bits == 16 else 48
                if kind == "fword" and not far:
                    size = 48
                    if self.syntax.code_bits == 16 and not _LOAD_FAR.match(mnemonic):
                        self.prefixes = ("data32",)     # lgdt FWORD PTR: 32-bit base
            elif kind != "near":
                size = PTR_SIZES[kind]
        segment = s.segment
        if branch:
            indirect = s.base is not None or s.index is not None or s.mem > 1
            if not indirect:
                if kind == "near":
                    indirect = segment is not None
                elif kind in (None, "far"):
                    if segment is None:
                        if kind == "far":
                            raise self.error("cannot infer the segment part of the operand")
                        if s.indirect:
                            indirect = True
                        else:
                            return (disp if disp is not None else Constant(0)), False
                    elif isinstance(segment, Register):
                        indirect = True
                    else:
                        return FarPointer(segment, disp or Constant(0)), False
                else:
                    indirect = True
            if indirect:
                return Indirect(self._memory(s, disp, size)), far
        if segment is not None and not isinstance(segment, Register):
            raise self.error("segment register name expected")
        if s.base is not None or s.index is not None or segment is not None or s.mem:
            return self._memory(s, disp, size), far
        return Immediate(disp if disp is not None else Constant(0)), False

    def _memory(self, s: "_Simplifier", disp: Expr | None, size: int | None) -> Memory:
        base, index = s.base, s.index
        if base is not None and index is not None and base.size == 16 and index.size == 16 \
                and base.num >= 6 and index.num < 6:
            base, index = index, base          # [si+bx] is [bx+si]
        segment = s.segment if isinstance(s.segment, Register) else None
        if disp is not None and (base or index):
            value = fold_constant(disp)
            if value == 0:
                disp = None
        return Memory(base=Register(base.name) if base else None,
                      index=Register(index.name) if index else None,
                      scale=s.scale, displacement=disp, segment=segment, size=size)


def _may_match(t: "OperandType", op: Operand) -> bool:
    """Whether a row's operand type could take an operand, sizes of memory aside."""
    if isinstance(op, Register):
        info = lookup(op.name)
        if t.kind == "fixed":
            return info is not None and (info.name == t.fixed or
                                         (t.fixed == "st" and info.name == "st(0)"))
        if t.kind not in ("reg", "rm") or info is None or info.cls != t.cls:
            return False
        return t.cls != "gp" or (info.size == t.size if t.size else info.size in (32, 64))
    if isinstance(op, Memory):
        return t.kind in ("rm", "mem", "moffs")
    if isinstance(op, Immediate):
        return t.kind in ("imm", "const")
    return True


def _word_immediate(op: Operand) -> Operand:
    """gas's optimize_imm: with no size stated in 16-bit code a constant that
    fits 16 bits is taken as a signed word (``push 65535`` is ``push -1``,
    which .code16gcc then widens to 32 bits)."""
    if isinstance(op, Immediate):
        value = fold_constant(op.value)
        if value is not None and 0 <= value <= 0xFFFF:
            return Immediate(Constant((value ^ 0x8000) - 0x8000))
    return op


def _is_plain(op: Operand) -> bool:
    return isinstance(op, Expr)


# ---- reading: text to tree -------------------------------------------------------

class _Reader:
    """Tokenizes an operand and parses it with gas's Intel precedence."""

    def __init__(self, owner: IntelParser, text: str):
        self.owner = owner
        self.text = text
        self.tokens = self.tokenize(text)
        self.pos = 0

    def error(self, message: str) -> ToolchainError:
        return self.owner.error(message)

    # token := ('name', text) | ('leaf', Expr) | ('reg', RegInfo) | ('op', text)
    def tokenize(self, text: str) -> list[tuple[str, object]]:
        out: list[tuple[str, object]] = []
        self.starts: list[int] = []
        i, n = 0, len(text)

        def emit(token: tuple[str, object]) -> None:
            out.append(token)
            self.starts.append(i)

        prefix = self.owner.syntax.intel_prefix
        while i < n:
            c = text[i]
            if c in " \t":
                i += 1
                continue
            if c.isdigit() or c in "'\"":
                end = self.leaf_end(i)
                emit(("leaf", self.leaf(text[i:end])))
                i = end
                continue
            if c == "%" and prefix:
                end = i + 1
                while end < n and text[end] in SYMBOL_CHARS:
                    end += 1
                name = text[i + 1:end]
                if name.lower() == "flat" and text[end:].lstrip().startswith(":"):
                    emit(("flat", None))
                    i = end
                    continue
                if name.lower() == "st" and text[end:].lstrip().startswith("("):
                    close = text.find(")", end)
                    name = "st(" + text[text.find("(", end) + 1:close].strip() + ")"
                    end = close + 1
                info = lookup(name)
                if info is None:
                    raise self.error(f"bad register name `%{name}'")
                emit(("reg", info))
                i = end
                continue
            if c in SYMBOL_START:
                end = i + 1
                while end < n and text[end] in SYMBOL_CHARS:
                    end += 1
                name = text[i:end]
                if end < n and text[end] == "@":      # foo@PLT
                    if not prefix and self.register(name.lower()) is not None:
                        raise self.error("invalid use of register")
                    end += 1
                    while end < n and (text[end].isalnum() or text[end] == "_"):
                        end += 1
                    emit(("leaf", self.leaf(text[i:end])))
                    i = end
                    continue
                lower = name.lower()
                if lower == "st" and not prefix and text[end:].lstrip().startswith("("):
                    close = text.find(")", end)
                    inner = text[text.find("(", end) + 1:close].strip()
                    if inner.isdigit():
                        info = lookup(f"st({inner})")
                        if info is not None:
                            emit(("reg", info))
                            i = close + 1
                            continue
                info = None if prefix else self.register(lower)
                if info is not None:
                    emit(("reg", info))
                elif lower == "flat" and text[end:].lstrip().startswith(":"):
                    emit(("flat", None))
                elif name == "$":
                    emit(("leaf", self.leaf(".")))
                elif lower in OPERATOR_WORDS or lower in PTR_KINDS:
                    emit(("name", lower))
                elif lower == "ptr":
                    emit(("name", lower))
                else:
                    emit(("leaf", self.leaf(name)))
                i = end
                continue
            for p in _PUNCT:
                if text.startswith(p, i):
                    emit(("op", p))
                    i += len(p)
                    break
            else:
                raise self.error(f"invalid character '{c}' in operand")
        return out

    def register(self, name: str) -> RegInfo | None:
        info = lookup(name)
        if info is None:
            return None
        if self.owner.syntax.code_bits != 64 and (
                info.needs_rex or (info.cls == "gp" and info.size == 64) or name == "rip"):
            return None                      # not a register outside 64-bit mode: a symbol
        return info

    def leaf_end(self, i: int) -> int:
        text = self.text
        c = text[i]
        if c == '"':
            end = text.find('"', i + 1)
            end = len(text) if end < 0 else end + 1
            if end < len(text) and text[end] == "@":
                end += 1
                while end < len(text) and (text[end].isalnum() or text[end] == "_"):
                    end += 1
            return end
        if c == "'":
            end = i + 2
            if end <= len(text) and text[i + 1] == "\\":
                end += 1
                while end < len(text) and text[end - 1] in "0123456789xX" and \
                        text[end] in "0123456789abcdefABCDEF":
                    end += 1
            if end < len(text) and text[end] == "'":
                end += 1
            return end
        end = i
        while end < len(self.text) and (text[end].isalnum() or text[end] == "_"):
            end += 1
        return end

    def leaf(self, text: str) -> Expr:
        syntax = self.owner.syntax
        parser = ExprParser(text, self.owner.location, syntax.current_location,
                            syntax.local_label, symbol_specifiers=True)
        value = parser.parse_all()
        if isinstance(value, SymbolRef) and value.specifier is None \
                and syntax.absolute_value is not None:
            known = syntax.absolute_value(value.name)
            if known is not None:
                return Constant(known)             # .set N, 5: N is the number 5
        return value

    # ---- grammar ---------------------------------------------------------------

    def peek(self) -> tuple[str, object] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def parse(self) -> object:
        if not self.tokens:
            raise self.error("invalid expression")
        tree = self.expression()
        if self.pos < len(self.tokens):
            raise self.error(f"junk `{self.rest_text()}' after expression")
        return tree

    def rest_text(self) -> str:
        return self.text[self.starts[self.pos]:].strip()

    # expression := binary(0)
    def expression(self) -> object:
        return self.binary(0)

    def expect(self, p: str) -> None:
        if self.peek() != ("op", p):
            raise self.error(f"expecting `{p}'" if p != "]" else "missing `]'")
        self.pos += 1

    def binary_operator(self) -> str | None:
        tok = self.peek()
        if tok is None:
            return None
        kind, value = tok
        if kind == "op" and value in _PRECEDENCE:
            return value  # type: ignore[return-value]
        if kind == "name" and value in WORD_BINARY:
            return WORD_BINARY[value]  # type: ignore[index]
        return None

    # binary := unary (binop unary | '[' expression ']')*   -- precedence climbing;
    #           '[' is the loosest operator, its right side runs to the ']'
    def binary(self, min_prec: int) -> object:
        left = self.unary()
        while True:
            if self.peek() == ("op", "["):
                if min_prec > 0:
                    return left
                self.pos += 1
                inner = self.expression()
                self.expect("]")
                left = Op("[", left, inner)
                continue
            op = self.binary_operator()
            if op is None or _PRECEDENCE[op] < min_prec:
                return left
            self.pos += 1
            right = self.binary(_PRECEDENCE[op] + 1)
            left = Op(op, left, right)

    # unary := ('-' | '+' | '~' | '!' | NOT | OFFSET | SHORT | TYPE PTR) unary | segmented
    def unary(self) -> object:
        tok = self.peek()
        if tok is None:
            raise self.error("invalid expression")
        kind, value = tok
        if kind == "op" and value in ("-", "+", "~", "!"):
            self.pos += 1
            operand = self.unary()
            return operand if value == "+" else Op(value, None, operand)  # type: ignore[arg-type]
        if kind == "name" and value in WORD_UNARY:
            self.pos += 1
            operand = self.unary()
            return Op("~" if value == "not" else value, None, operand)  # type: ignore[arg-type]
        if kind == "name" and value in PTR_KINDS:
            nxt = self.tokens[self.pos + 1] if self.pos + 1 < len(self.tokens) else None
            if nxt == ("name", "ptr"):
                self.pos += 2
                operand = self.unary()
                return Op("ptr", None, operand, value)  # type: ignore[arg-type]
        return self.segmented()

    # segmented := primary (':' primary)*    -- ':' binds tightest
    def segmented(self) -> object:
        left = self.primary()
        while self.peek() == ("op", ":"):
            self.pos += 1
            right = self.primary_or_unary()
            left = Op(":", left, right)
        return left

    def primary_or_unary(self) -> object:
        tok = self.peek()
        if tok is not None and tok[0] == "op" and tok[1] in ("-", "+", "~"):
            return self.unary()
        return self.primary()

    # primary := leaf | register | FLAT | '(' expression ')' | '[' expression ']'
    def primary(self) -> object:
        tok = self.peek()
        if tok is None:
            raise self.error("invalid expression")
        kind, value = tok
        self.pos += 1
        if kind == "leaf":
            return Leaf(value)  # type: ignore[arg-type]
        if kind == "reg":
            return Reg(value)  # type: ignore[arg-type]
        if kind == "flat":
            return Flat()
        if kind == "op" and value == "(":
            inner = self.expression()
            self.expect(")")
            return inner
        if kind == "op" and value == "[":
            inner = self.expression()
            self.expect("]")
            return Op("[", None, inner)
        if kind == "name":
            if value in WORD_BINARY or value in WORD_UNARY:
                raise self.error(f'invalid use of operator "{value}"')
            if value in PTR_SIZES:                 # DWORD alone is its size in bytes
                return Leaf(Constant(PTR_SIZES[str(value)] // 8))
            return Leaf(SymbolRef(str(value)))
        raise self.error("invalid expression")


# ---- simplifying: tree to base, index, displacement ------------------------------

class _Simplifier:
    """gas's i386_intel_simplify: collects registers, segment, size; returns the
    displacement (None when nothing but registers was there)."""

    def __init__(self, owner: IntelParser, code_bits: int, text: str):
        self.owner = owner
        self.text = text
        self.code_bits = code_bits
        self.reg: RegInfo | None = None          # a register operand
        self.base: RegInfo | None = None
        self.index: RegInfo | None = None
        self.scale = 1
        self.segment: Register | Expr | None = None
        self.modifier: str | None = None          # first PTR type
        self.offset = False                      # OFFSET seen
        self.in_offset = 0
        self.in_bracket = 0
        self.in_scale = 0
        self.mem = 0                             # 1: bracket/symbol, 2: symbol in brackets
        self.indirect = False                    # ends with ']'
        self.flat = False                        # FLAT: seen (a segment, but no prefix)

    def error(self, message: str) -> ToolchainError:
        return self.owner.error(message)

    def walk(self, tree: object, text: str) -> Expr | None:
        disp = self.node(tree)
        if not self.offset:
            if text.rstrip().endswith("]"):
                self.mem |= 1
                self.indirect = True
            if disp is not None and _symbolic(disp):
                self.mem |= 1
        if self.flat:
            self.mem |= 1
        return disp

    def node(self, t: object) -> Expr | None:
        if isinstance(t, Leaf):
            return t.value
        if isinstance(t, Reg):
            self.register(t.info)
            return None
        if isinstance(t, Flat):
            raise self.error("invalid use of pseudo-register")
        assert isinstance(t, Op)
        op = t.op
        if op == "[":
            left = self.node(t.left) if t.left is not None else None
            if not self.in_offset:
                self.in_bracket += 1
            right = self.node(t.right)
            if not self.in_offset:
                self.in_bracket -= 1
            return _add(left, right)
        if op == "ptr":
            if self.modifier is None:
                self.modifier = t.kind
            if isinstance(t.right, Reg):
                raise self.error("invalid use of register")
            return self.node(t.right)
        if op == "offset":
            self.offset = True
            self.in_offset += 1
            value = self.node(t.right)
            self.in_offset -= 1
            return value
        if op == "short":
            return self.node(t.right)
        if op == ":":
            if isinstance(t.right, Reg):
                raise self.error("invalid use of register")
            value = self.node(t.right)
            if not self.in_offset:
                seg = t.left
                if isinstance(seg, Reg):
                    if seg.info.cls != "seg":
                        raise self.error("invalid use of register")
                    if self.segment is None:
                        self.segment = Register(seg.info.name)
                elif isinstance(seg, Flat):
                    self.flat = True
                else:
                    saved = (self.reg, self.base, self.index)
                    seg_value = self.node(seg)
                    if (self.reg, self.base, self.index) != saved:
                        raise self.error("invalid use of register")
                    if self.segment is None:
                        self.segment = seg_value
            return value
        if op == "*" and self.in_bracket:
            had_index = self.index is not None
            if not self.in_scale:
                self.scale_factor = 1
            self.in_scale += 1
            left = self.node(t.left)
            right = self.node(t.right)
            self.in_scale -= 1
            if not had_index and self.index is not None:
                factor_expr = right if isinstance(t.left, Reg) or left is None else left
                factor = fold_constant(factor_expr) if factor_expr is not None else None
                self.scale_factor *= factor if factor is not None else 0
                if not self.in_scale:
                    if self.scale_factor not in (1, 2, 4, 8):
                        raise self.bad_base_index()
                    self.scale = self.scale_factor
                return None
            if left is None or right is None:
                raise self.error("invalid use of register")
            return Binary("*", left, right)
        if t.left is None:                      # unary - ~ !
            before = (self.reg, self.base, self.index)
            value = self.node(t.right)
            if (self.reg, self.base, self.index) != before:
                raise self.error("invalid use of register")
            return _unary(op, value or Constant(0))
        before = (self.reg, self.base, self.index)
        left = self.node(t.left)
        mid = (self.reg, self.base, self.index)
        if (op not in "+-" or self.reg is not before[0]) and mid != before:
            raise self.error("invalid use of register")    # eax+1, [rax<<1]
        right = self.node(t.right)
        if (op != "+" or self.reg is not mid[0]) and (self.reg, self.base, self.index) != mid:
            raise self.error("invalid use of register")    # [rax-rbx]
        if op in "+-":
            value = _add(left, right) if op == "+" else left if right is None else \
                Binary("-", left or Constant(0), right)
            if self.in_bracket and not self.in_offset and value is not None \
                    and _symbolic(value) and not isinstance(value, SymbolRef):
                self.mem |= 2                    # [foo+4]: memory, an indirect branch
            return value
        return Binary(op, left or Constant(0), right or Constant(0))

    def register(self, info: RegInfo) -> None:
        if self.in_offset:
            raise self.error("invalid use of register")
        if not self.in_bracket:
            if self.reg is not None:
                raise self.error("invalid use of register")
            self.reg = info
        elif self.index is None and info.cls == "xmm":
            self.index = info
        elif self.base is None and not self.in_scale:
            self.base = info
        elif self.index is None:
            if self.in_scale or _can_index(info):
                self.index = info
            else:
                self.index, self.base = self.base, info
        else:
            raise self.bad_base_index()

    def bad_base_index(self) -> ToolchainError:
        return self.error(f"`{self.text.strip()}' is not a valid base/index expression")


def _can_index(info: RegInfo) -> bool:
    """gas's BaseIndex registers that may be an index: not esp/rsp (which
    ``[eax+esp]`` therefore makes the base), in 16 bits only bx bp si di."""
    if info.cls != "gp" or info.num == 4:
        return False
    return info.size != 16 or info.name in ("bx", "bp", "si", "di")


def _symbolic(e: Expr) -> bool:
    """A plain ``symbol`` or ``symbol +/- constant`` (gas's O_symbol)."""
    if isinstance(e, SymbolRef):
        return True
    if isinstance(e, Binary) and e.op in "+-":
        if _symbolic(e.left) and fold_constant(e.right) is not None:
            return True
        if e.op == "+" and _symbolic(e.right) and fold_constant(e.left) is not None:
            return True
    return False


def _add(a: Expr | None, b: Expr | None) -> Expr | None:
    if a is None:
        return b
    if b is None:
        return a
    ca, cb = fold_constant(a), fold_constant(b)
    if ca is not None and cb is not None:
        return Constant(ca + cb)
    if ca is not None and cb is None:
        a, b, ca, cb = b, a, cb, ca               # symbol first: 4+foo is foo+4
    if cb is not None and cb < 0:
        return Binary("-", a, Constant(-cb))
    return Binary("+", a, b)


def _unary(op: str, value: Expr) -> Expr:
    c = fold_constant(value)
    if c is not None:
        return Constant(-c if op == "-" else ~c if op == "~" else int(not c))
    return Unary(op, value)


__all__ = ["IntelParser", "OPERATOR_WORDS", "PTR_SIZES"]
