"""Fixtures for the assembler front-end tests: a recording streamer and ISA.

The fakes stand in for the object streamer and the x86 ISA package so the
parser and directives can be tested on their own: every streamer call is
recorded as a tuple ``(method, args...)`` the tests compare against.
"""

from __future__ import annotations

import importlib
import io

import pytest

from toolchain.common.diagnostics import Diagnostics
from toolchain.common.target import find_target

asm = importlib.import_module("toolchain.as")
expr_mod = importlib.import_module("toolchain.as.expr")
instruction_mod = importlib.import_module("toolchain.as.instruction")
parser_mod = importlib.import_module("toolchain.as.parser")


class FakeStreamer:
    def __init__(self):
        self.calls: list[tuple] = []
        self.defined: dict[str, object] = {}
        self.numeric: dict[int, int] = {}
        self.temps = 0

    def _rec(self, *call):
        self.calls.append(call)

    def switch_section(self, name, flags=None, type=None, entsize=None, group=None,
                       linkage=None, subsection=0, location=None, unique=None):
        self._rec("section", name, flags, type, entsize, group, linkage, subsection,
                  *(() if unique is None else (unique,)))

    def switch_subsection(self, number, location=None):
        self._rec("subsection", number)

    def push_section(self, name, flags=None, type=None, entsize=None, group=None,
                     linkage=None, subsection=0, location=None, unique=None):
        self._rec("push_section", name, flags, type, entsize, group, linkage, subsection,
                  *(() if unique is None else (unique,)))

    def pop_section(self, location=None):
        self._rec("pop_section")

    def previous_section(self, location=None):
        self._rec("previous_section")

    def current_section_executable(self):
        return True

    def emit_label(self, name, location=None):
        self.defined[name] = "label"
        self._rec("label", name)

    def temporary_label(self):
        self.temps += 1
        name = f".Ltmp{self.temps}"
        self._rec("label", name)
        return name

    def define_numeric_label(self, number, location=None):
        self.numeric[number] = self.numeric.get(number, 0) + 1
        self._rec("label", f"{number}\x02{self.numeric[number]}")

    def numeric_label_ref(self, number, direction):
        count = self.numeric.get(number, 0) + (1 if direction == "f" else 0)
        return f"{number}\x02{count}"

    def set_symbol(self, name, value, location=None, equiv=False, late=False):
        self.defined[name] = value
        self._rec("set", name, str(value)) if not equiv else self._rec("equiv", name, str(value))

    def set_binding(self, name, binding, location=None):
        self._rec("binding", name, binding)

    def set_weakref(self, alias, target, location=None):
        self._rec("weakref", alias, target)

    def set_symver(self, name, versioned, visibility=None, location=None):
        self._rec("symver", name, versioned, visibility)

    def set_visibility(self, name, visibility, location=None):
        self._rec("visibility", name, visibility)

    def set_type(self, name, type, location=None):
        self._rec("type", name, type)

    def set_size(self, name, size, location=None):
        self._rec("size", name, str(size))

    def emit_common(self, name, size, alignment, local, location=None):
        self._rec("common", name, size, alignment, local)

    def set_file(self, name):
        self._rec("file", name)

    def add_ident(self, text):
        self._rec("ident", text)

    def is_defined(self, name):
        return name in self.defined

    def emit_instruction(self, insn):
        self._rec("insn", insn.prefixes, insn.mnemonic, insn.operands[0] if insn.operands else "")

    def emit_bytes(self, data, location=None):
        if self.calls and self.calls[-1][0] == "bytes":
            self.calls[-1] = ("bytes", self.calls[-1][1] + bytes(data))
        else:
            self._rec("bytes", bytes(data))

    def emit_value(self, value, size, location=None):
        self._rec("value", str(value), size)

    def emit_leb128(self, value, signed, location=None):
        self._rec("leb128", str(value), signed)

    def emit_fill(self, count, size, value, location=None):
        self._rec("fill", str(count), size, value)

    def emit_align(self, alignment, fill=None, max_skip=None, location=None, fill_size=1):
        if fill_size > 1:
            self._rec("align", alignment, fill, max_skip, fill_size)
        else:
            self._rec("align", alignment, fill, max_skip)

    def emit_org(self, offset, fill=0, location=None):
        self._rec("org", str(offset), fill)

    def emit_reloc(self, offset, type_name, value=None, location=None):
        self._rec("reloc", str(offset), type_name, None if value is None else str(value))

    def set_code_mode(self, bits, code16gcc=False):
        self._rec("code", bits, code16gcc)

    def evaluate_absolute(self, value, location=None):
        def resolve(e):
            if isinstance(e, expr_mod.SymbolRef):
                v = self.defined.get(e.name)
                return resolve(v) if isinstance(v, expr_mod.Expr) else None
            if isinstance(e, expr_mod.Constant):
                return e.value
            if isinstance(e, expr_mod.Unary):
                v = resolve(e.operand)
                return None if v is None else expr_mod.apply_unary(e.op, v)
            if isinstance(e, expr_mod.Binary):
                a, b = resolve(e.left), resolve(e.right)
                return None if a is None or b is None else expr_mod.apply_binary(e.op, a, b)
            return None
        return resolve(value)

    def record_cfi(self, directive, args, location=None):
        self._rec("cfi", directive, args)

    def dwarf_file(self, number, location=None):
        self._rec("dwarf_file", number)

    def dwarf_loc(self, file, line, view=None, location=None):
        self._rec("loc", file, line, view)

    def dwarf_mark_labels(self, on):
        self._rec("loc_mark_labels", on)

    def finish(self):
        return b"ELF"


class FakeIsa:
    name = "x86"

    def parse_instruction(self, mnemonic, operands, prefixes, syntax, location):
        return instruction_mod.Instruction(mnemonic, (operands,) if operands else (),
                                           location, prefixes)

    def nop_fill(self, size, context):
        return b"\x90" * size


class Result:
    def __init__(self, streamer, diagnostics, stream, parser):
        self.calls = [c for c in streamer.calls if c[0] != "code"]
        self.streamer = streamer
        self.diagnostics = diagnostics
        self.messages = stream.getvalue()
        self.parser = parser

    @property
    def errors(self):
        return [line for line in self.messages.splitlines() if ": error: " in line]

    @property
    def warnings(self):
        return [line for line in self.messages.splitlines() if ": warning: " in line]

    def data(self):
        return b"".join(c[1] for c in self.calls if c[0] == "bytes")


def run_fake(text, target="x86_64-linux-gnu", include_dirs=(), filename="t.s", defsyms=()):
    stream = io.StringIO()
    diagnostics = Diagnostics("pas", stream=stream)
    streamer = FakeStreamer()
    parser = parser_mod.Parser(streamer, FakeIsa(), find_target(target), diagnostics,
                               include_dirs)
    for d in defsyms:
        parser.define_symbol(d)
    parser.run([(text, filename)])
    return Result(streamer, diagnostics, stream, parser)


@pytest.fixture
def fake():
    return run_fake
