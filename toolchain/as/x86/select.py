"""Choosing the opcode-table row for an x86 instruction (the encoder's first half).

Among the rows that accept an instruction's operands in the current mode, the
shortest encoding wins and ties go to the earlier row, as in GNU as
(opcodes.py, "Selection").  Here also: operand-size guessing for unsuffixed
mnemonics, gas's cutting of too-wide immediates to the default size, the
register checks (``%ah`` with REX), and mode validity.  ``Encoder`` in
encoder.py inherits these and turns the chosen row into bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...common.diagnostics import ToolchainError
from ..expr import Constant, Expr, fold_constant
from ..instruction import FarPointer, Immediate, Indirect, Instruction, Memory, Operand, Register
from ..isa import EncodeContext
from .opcodes import ATT_INDEX, INTEL_INDEX, Form, OperandType, suffix_size
from .registers import REGISTERS, RegInfo
from .shapes import fits, immediate_field, wrap


def encoding_error(message: str, insn: Instruction) -> ToolchainError:
    return ToolchainError(message, insn.location)


def reg_info(op: Register) -> RegInfo:
    return REGISTERS[op.name]


@dataclass(frozen=True, slots=True)
class Match:
    form: Form
    operands: tuple[Operand, ...]   # in the form's order, implicit operands filled in


class RowSelector:
    """Row selection; mixed into Encoder, whose __init__ sets ``elf64``."""

    # ---- selection --------------------------------------------------------

    def forms_for(self, insn: Instruction) -> tuple[Form, ...]:
        name = insn.mnemonic.lower()
        forms = ATT_INDEX.get(name) or INTEL_INDEX.get(name)
        if not forms:
            raise encoding_error(f"no such instruction: `{insn.mnemonic}'", insn)
        return forms

    def select(self, insn: Instruction, ctx: EncodeContext, short: bool) -> list[Match]:
        """The rows that can encode ``insn``, best first is decided by encode()."""
        return self._select(insn, ctx, short)[0]

    def _select(self, insn: Instruction, ctx: EncodeContext, short: bool
                ) -> tuple[list[Match], bool]:
        """select(), and whether the rows follow from the instruction's shape
        (not so where gas cuts an immediate to the default operand size)."""
        self.check_registers(insn, ctx)
        forms = self.forms_for(insn)
        name = insn.mnemonic.lower()
        operands = row_operands(insn, name, None)
        matches: list[Match] = []
        range_error = None
        count_ok = False
        any_valid = False
        by_shape = True
        guess: int | None = None
        if ctx.code_bits != 64 and any(_beyond_imm32(o) for o in operands):
            # gas keeps constants outside 64-bit mode as signed 32-bit values
            operands = tuple(Immediate(Constant(wrap(fold_constant(o.value), 32)))  # type: ignore
                             if _beyond_imm32(o) else o for o in operands)
            by_shape = False
        for form in forms:
            if not self.valid_in_mode(form, ctx, name):
                continue
            any_valid = True
            ops = operands
            if len(ops) + 1 == len(form.operands):   # shift by 1; blendv's implicit %xmm0
                last = form.operands[-1]
                if last.kind == "const" and last.size == 1:
                    ops = ops + (Immediate(Constant(1)),)
                elif last.fixed == "xmm0":
                    ops = ops + (Register("xmm0"),)
            if len(ops) != len(form.operands):
                continue
            count_ok = True
            ok = True
            for t, op in zip(form.operands, ops):
                verdict = self.match_operand(t, op, form, ctx)
                if isinstance(verdict, str):
                    # gas lets an instruction whose size a suffix, a register or
                    # the mode gives take any constant for a field that wide, and
                    # cuts it with a warning (movb $0x100, %al is b0 00).
                    if guess is None:
                        guess = self.guess_size(insn, name, forms, ctx)
                    bits = t.size or 8
                    if guess == 8 or (guess == 16 and bits >= 16) or (guess == 32 and bits >= 32):
                        by_shape = False
                        continue
                    range_error = verdict
                if verdict is not True:
                    ok = False
                    break
            if ok and "nop90" in form.flags and ctx.code_bits == 64 \
                    and all(isinstance(o, Register) and o.name == "eax" for o in ops):
                ok = False        # 90 is nop, not xchg %eax,%eax, in 64-bit mode
            if ok:
                matches.append(Match(form, ops))
        if any("abs64" in m.form.flags for m in matches):
            matches = [m for m in matches if "abs64" in m.form.flags]
        if ctx.code_bits == 64 and any("sx" in m.form.flags for m in matches) \
                and self.unsized(insn, forms, ctx):
            # gas reads 0xfffffffe as -2 for an imm8 only when a suffix or register
            # gives the size: add $0xfffffffe, (%rax) is 81 /0 id.
            unwrapped = [m for m in matches if "sx" not in m.form.flags or all(
                -128 <= (fold_constant(o.value) or 0) < 128
                for o in m.operands if isinstance(o, Immediate))]
            matches = unwrapped or matches
        if not any(m.form.opsize == self.default_size(m.form, ctx) for m in matches):
            cut = self.truncated_to_default(insn, forms, ctx)
            if cut is not None:
                by_shape = False
                operands, imm8 = cut
                cut_matches = [m for m in self.select(replace(insn, operands=operands), ctx, short)
                               if imm8 or "sx" not in m.form.flags]
                if cut_matches:
                    return cut_matches, by_shape
        if not matches:
            base = forms[0].mnemonic.lower()
            suffix = name[len(base):] if name.startswith(base) else ""
            # gas: a q suffix outside 64-bit mode (callq) or movabs is 64-bit only.
            if not any_valid and suffix in ("b", "w", "l", "q", "s") \
                    and not (suffix == "q" and ctx.code_bits != 64) \
                    and any(self.valid_in_mode(f, ctx, base) for f in ATT_INDEX.get(base, ())):
                raise encoding_error(f"invalid instruction suffix for `{base}'", insn)
            if not any_valid:
                where = "not supported in" if ctx.code_bits == 64 else "only supported in"
                raise encoding_error(f"`{insn.mnemonic}' is {where} 64-bit mode", insn)
            if range_error is not None:
                raise encoding_error(range_error, insn)
            if suffix and base in ATT_INDEX and not any(f.sizes_by_prefix for f in forms) \
                    and any(isinstance(o, Register) for o in insn.operands):
                # a memory-size suffix (fnstsww, fildl) with a register operand
                raise encoding_error(f"invalid instruction suffix for `{base}'", insn)
            if not count_ok:
                raise encoding_error(f"number of operands mismatch for `{insn.mnemonic}'", insn)
            raise encoding_error(f"operand type mismatch for `{insn.mnemonic}'", insn)
        return self.prefer(matches, ctx, short), by_shape

    def prefer(self, matches: list[Match], ctx: EncodeContext, short: bool) -> list[Match]:
        rel = [m for m in matches if any(t.kind == "rel" for t in m.form.operands)]
        if rel:
            rel8 = [m for m in rel if m.form.immediates == ("cb",)]
            longer = [m for m in rel if m.form.immediates != ("cb",)]
            if rel8 and longer:
                matches = rel8 if short else longer
        sizes = {m.form.opsize for m in matches}
        if len(sizes) > 1 and None not in sizes:
            preferred = [m for m in matches if m.form.opsize == self.default_size(m.form, ctx)]
            if not preferred:   # crc32 (%rax), %rcx: gas takes the widest
                widest = max(m.form.opsize or 0 for m in matches)
                preferred = [m for m in matches if m.form.opsize == widest]
            matches = preferred
        return matches

    def guess_size(self, insn: Instruction, name: str, forms: tuple[Form, ...],
                   ctx: EncodeContext) -> int:
        """The operand size gas assumes when it sizes immediates (optimize_imm):
        the suffix, else the last general register, else the mode's."""
        for f in forms:
            size = suffix_size(name, f)
            if size:
                return size
        for op in insn.operands:      # Intel: byte/word/dword/qword ptr sets the suffix
            if isinstance(op, Memory) and op.size in (8, 16, 32, 64):
                return op.size
        for op in reversed(insn.operands):
            if isinstance(op, Register):
                info = REGISTERS.get(op.name)
                if info is not None and info.cls == "gp" and info.size in (8, 16, 32, 64):
                    return info.size
        prefixes = {p.lower() for p in insn.prefixes}
        if (ctx.code_bits == 16) != bool(prefixes & {"data16", "data32"}):
            return 16
        if ctx.code_bits == 64 and prefixes & {"rex64", "rex.w"}:
            return 64
        return 32

    def unsized(self, insn: Instruction, forms: tuple[Form, ...], ctx: EncodeContext) -> bool:
        """Whether the operand size of a GP instruction is left to the mode's
        default: no suffix, no register, no sized memory operand."""
        name = insn.mnemonic.lower()
        sized = [f for f in forms if f.sizes_by_prefix and self.valid_in_mode(f, ctx, name)]
        return bool(sized) and not any(suffix_size(name, f) for f in sized) and not any(
            isinstance(o, Register) or (isinstance(o, Memory) and o.size is not None)
            for o in insn.operands)

    def truncated_to_default(self, insn: Instruction, forms: tuple[Form, ...], ctx: EncodeContext
                             ) -> tuple[tuple[Operand, ...], bool] | None:
        """gas sizes an instruction with neither a suffix nor a sized operand by
        the mode's default and cuts a wider immediate to that size (a warning
        only): ``push $0x12345`` in .code16 is 68 45 23.  Outside 64-bit mode it
        first takes constants modulo 2**32, so 0xffffffff is -1 and still fits
        an imm8 row; a value cut further does not (81 /0 iw, not 83 /0 ib).
        The operands so cut and whether imm8 rows may take them, or None."""
        if not self.unsized(insn, forms, ctx):
            return None
        name = insn.mnemonic.lower()
        bits = max(self.default_size(f, ctx) for f in forms
                   if f.sizes_by_prefix and self.valid_in_mode(f, ctx, name))
        if bits == 64 or ctx.code_bits == 64:   # gas's 64-bit values fit no imm32 row
            return None

        def wrap(value: int, width: int) -> int:
            half = 1 << (width - 1)
            return ((value + half) & ((1 << width) - 1)) - half

        out: list[Operand] = []
        imm8 = True
        for op in insn.operands:
            value = fold_constant(op.value) if isinstance(op, Immediate) else None
            if value is not None and not -(1 << (bits - 1)) <= value < (1 << bits):
                value = wrap(value, 32)
                if not -(1 << (bits - 1)) <= value < (1 << bits):
                    value, imm8 = wrap(value, bits), False
                op = Immediate(Constant(value))
            out.append(op)
        return (tuple(out), imm8) if out != list(insn.operands) else None

    @staticmethod
    def default_size(form: Form, ctx: EncodeContext) -> int:
        if ctx.code_bits == 64 and "d64" in form.flags:
            return 64
        if ctx.code16gcc and "ds" in form.flags:
            return 32
        return 16 if ctx.code_bits == 16 else 32

    @staticmethod
    def valid_in_mode(form: Form, ctx: EncodeContext, name: str) -> bool:
        flags = form.flags
        if ctx.code_bits == 64:
            if "i64" in flags or ("d64" in flags and form.opsize == 32):
                return False
            if any(t.kind == "moffs" for t in form.operands) and not name.startswith("movabs") \
                    and "abs64" not in flags:
                return False
            return True
        if form.rex_w or "o64" in flags:
            return False
        if form.opsize == 64 and form.sizes_by_prefix:
            return False
        return True

    def check_registers(self, insn: Instruction, ctx: EncodeContext) -> None:
        for op in reversed(insn.operands):     # in AT&T order, as gas reports
            regs: list[Register] = []
            if isinstance(op, Indirect):
                op = op.target
            if isinstance(op, Register):
                regs.append(op)
            elif isinstance(op, Memory):
                regs.extend(r for r in (op.base, op.index, op.segment) if r is not None)
            for r in regs:
                info = REGISTERS.get(r.name)
                if info is None:
                    raise encoding_error(f"bad register name `%{r.name}'", insn)
                if ctx.code_bits != 64 and (info.needs_rex or (info.cls == "gp" and info.size == 64)
                                            or r.name == "rip"):
                    raise encoding_error(f"bad register name `%{r.name}'", insn)

    def match_operand(self, t: OperandType, op: Operand, form: Form,
                      ctx: EncodeContext) -> bool | str:
        kind = t.kind
        if isinstance(op, Indirect):
            if not form.branch or kind not in ("rm", "mem"):
                return False
            op = op.target
        if isinstance(op, Register):
            info = REGISTERS[op.name]
            if kind == "reg" or kind == "rm":
                if info.cls != t.cls:
                    return False
                if t.cls == "gp":
                    return info.size == t.size if t.size else info.size in (32, 64)
                return True
            if kind == "fixed":
                return info.name == t.fixed or (t.fixed == "st" and info.name == "st(0)")
            return False
        if isinstance(op, Memory):
            if kind == "fixed" and t.fixed == "dx":   # in/out (%dx)
                return op.base == Register("dx") and op.index is None and op.displacement is None
            if kind == "moffs":
                if "abs64" in form.flags:
                    return _beyond_disp32(op.displacement) and op.base is None \
                        and op.index is None
                return op.base is None and op.index is None
            if kind not in ("rm", "mem") or "nomem" in form.flags:
                return False
            if op.size is not None and t.msize is not None and op.size != t.msize:
                return False
            return True
        if isinstance(op, Immediate):
            if kind == "const":
                return fold_constant(op.value) == t.size
            if kind != "imm":
                return False
            return self.immediatefits(op.value, t, form)
        if isinstance(op, FarPointer):
            return kind == "ptr"
        if isinstance(op, Expr):
            if form.branch:   # a target; or ljmp foo, a far pointer in memory
                return kind == "rel" or t.mtype == "far"
            if "abs64" in form.flags:
                return kind == "moffs" and _beyond_disp32(op)
            return kind in ("mem", "rm", "moffs") and "nomem" not in form.flags
        return False

    @staticmethod
    def immediatefits(value: Expr, t: OperandType, form: Form) -> bool | str:
        bits, sign_extended, width = immediate_field(t, form)
        const = fold_constant(value)
        if const is None:
            return "sx" not in form.flags
        if fits(const, bits, sign_extended, width):
            return True
        if sign_extended:
            return False
        return f"operand value {const} out of range for imm{bits} in `{form.mnemonic.lower()}'"

    # ---- encoding -----------------------------------------------------------


def row_operands(insn: Instruction, name: str, extra: Operand | None) -> tuple[Operand, ...]:
    """The operands a row sees: ``imul $3, %eax`` is ``imul $3, %eax, %eax``, and
    ``extra`` is an implicit last operand (shift count 1, blendv's %xmm0)."""
    operands = insn.operands
    if name.startswith("imul") and len(operands) == 2 and isinstance(operands[1], Immediate):
        operands = (operands[0], operands[0], operands[1])
    return operands if extra is None else operands + (extra,)


def _beyond_imm32(op: Operand) -> bool:
    """An immediate constant outside the signed 32-bit range."""
    if not isinstance(op, Immediate):
        return False
    const = fold_constant(op.value)
    return const is not None and not -(1 << 31) <= const < (1 << 31)


def _beyond_disp32(address: Expr | None) -> bool:
    """A constant address that a 32-bit displacement cannot hold."""
    const = None if address is None else fold_constant(address)
    return const is not None and not -(1 << 31) <= const < (1 << 31)


